import type { z } from 'zod';
import { FORBIDDEN_KEYS } from '../entities/common.js';
import { customFieldValueSchema, type CustomFieldDefinition } from '../entities/custom-field.js';
import { ENTITIES, type EntityName } from '../entities/registry.js';
import type { ValidationIssue } from '../errors.js';
import { zodIssues } from '../gateway/validate-stage.js';

function forbiddenKeyIssues(value: unknown, path: (string | number)[], out: ValidationIssue[]) {
  if (value === null || typeof value !== 'object') return;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key))
      out.push({ path: [...path, key], message: `"${key}" is not an allowed key` });
    else forbiddenKeyIssues((value as Record<string, unknown>)[key], [...path, key], out);
  }
}

/**
 * Checks an input the way the gateway's validate stage will, without writing: prototype keys, the
 * id, the entity schema, then custom field values against `definitions`. Used for dry runs and to
 * report every bad row (or snapshot line) before a write is attempted.
 */
export function inputValidator(
  entity: EntityName,
  definitions: readonly Pick<CustomFieldDefinition, 'key' | 'type' | 'options' | 'required'>[],
) {
  const schema = ENTITIES[entity].input as unknown as z.ZodType<Record<string, unknown>>;
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  return (input: Record<string, unknown>, prefix: (string | number)[] = []): ValidationIssue[] => {
    const issues: ValidationIssue[] = [];
    forbiddenKeyIssues(input, prefix, issues);
    if (issues.length) return issues;
    const { id, ...rest } = input;
    if (id !== undefined && (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(id)))
      issues.push({ path: [...prefix, 'id'], message: 'Not a valid id' });
    const parsed = schema.safeParse(rest);
    if (!parsed.success) return [...issues, ...zodIssues(parsed.error, prefix)];
    const values = (parsed.data.customFields ?? {}) as Record<string, unknown>;
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
    return issues;
  };
}
