import type { CustomFieldDefinition } from '../entities/custom-field.js';
import { loadSchemas } from '../entities/load-schemas.js';
import type { EntityName } from '../entities/registry.js';
import type { ValidationIssue } from '../errors.js';
import { checkCreateInput, zodIssues } from '../gateway/validate-stage.js';

/** What {@link inputValidator} finds: the issues, and for a valid input the gateway's token. */
export interface InputCheck {
  readonly issues: ValidationIssue[];
  /**
   * A valid input's token from the validate stage: a write takes it as the intent's `input` and
   * stores the validated record without parsing it again. Absent when there are issues.
   */
  readonly checked?: object;
}

/**
 * Checks a create input the way the gateway's validate stage will (it runs the stage's own
 * checks: prototype keys, system fields, the id, the entity schema), then custom field values
 * against `definitions`. Used for dry runs and to report every bad row (or snapshot line) before
 * a write is attempted. Resolves once the entity schemas are loaded.
 *
 * @throws StorageError when the schemas cannot be loaded
 */
export async function inputValidator(
  entity: EntityName,
  definitions: readonly Pick<CustomFieldDefinition, 'key' | 'type' | 'options' | 'required'>[],
) {
  const { customFieldValueSchema } = await loadSchemas();
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  return (input: Record<string, unknown>, prefix: (string | number)[] = []): InputCheck => {
    const { issues, checked } = checkCreateInput(entity, input, prefix);
    if (!checked) return { issues };
    // The schema passed, so `customFields` is a record of plain values, as it will be stored.
    const values = (input.customFields ?? {}) as Record<string, unknown>;
    for (const [key, value] of Object.entries(values)) {
      const def = byKey.get(key);
      if (!def)
        issues.push({
          path: [...prefix, 'customFields', key],
          message: `No custom field "${key}" is defined`,
        });
      else if (value !== null) {
        const ok = customFieldValueSchema(def).safeParse(value);
        if (!ok.success) issues.push(...zodIssues(ok.error, [...prefix, 'customFields', key]));
      }
    }
    for (const def of definitions) {
      const v = values[def.key];
      if (def.required && (v === undefined || v === null || v === ''))
        issues.push({ path: [...prefix, 'customFields', def.key], message: 'Required' });
    }
    return issues.length ? { issues } : { issues, checked };
  };
}
