import { z } from 'zod';
import { CUSTOM_FIELD_KEY, LOCALES, type CustomFieldValue, withSystemFields } from './common.js';
import { CUSTOM_FIELD_TYPES, CUSTOMIZABLE_ENTITIES } from './enums.js';

export type CustomizableEntity = (typeof CUSTOMIZABLE_ENTITIES)[number];

const LabelSchema = z
  .partialRecord(z.enum(LOCALES), z.string().trim().min(1).max(100))
  .refine((l) => Object.keys(l).length > 0, 'Give a label in at least one locale');

/** A custom field an administrator adds to an entity; values are validated like built-in fields. */
export const CustomFieldDefinitionInputSchema = z
  .strictObject({
    entity: z.enum(CUSTOMIZABLE_ENTITIES),
    key: z.string().regex(CUSTOM_FIELD_KEY, 'Keys are camelCase identifiers, e.g. wechatGroup'),
    type: z.enum(CUSTOM_FIELD_TYPES),
    label: LabelSchema,
    options: z
      .array(z.strictObject({ value: z.string().min(1).max(100), label: LabelSchema }))
      .max(200)
      .default([]),
    required: z.boolean().default(false),
    sensitive: z.boolean().default(false),
    order: z.number().int().min(0).max(10_000).default(0),
  })
  .superRefine((d, ctx) => {
    const needsOptions = d.type === 'select' || d.type === 'multiselect';
    if (needsOptions && d.options.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: `A ${d.type} field needs options`,
      });
    }
  });

export const CustomFieldDefinitionSchema = withSystemFields(CustomFieldDefinitionInputSchema);
export type CustomFieldDefinitionInput = z.input<typeof CustomFieldDefinitionInputSchema>;
export type CustomFieldDefinition = z.output<typeof CustomFieldDefinitionSchema>;

/** The schema one custom field's value must satisfy. */
export function customFieldValueSchema(
  def: Pick<CustomFieldDefinition, 'type' | 'options'>,
): z.ZodType<CustomFieldValue> {
  const optionValues = def.options.map((o) => o.value);
  switch (def.type) {
    case 'text':
      return z.string().max(5000);
    case 'number':
      return z.number();
    case 'boolean':
      return z.boolean();
    case 'date':
      return z.iso.date();
    case 'select':
      return z
        .string()
        .refine((v) => optionValues.includes(v), `Choose one of: ${optionValues.join(', ')}`);
    case 'multiselect':
      return z
        .array(z.string())
        .max(100)
        .refine(
          (vs) => vs.every((v) => optionValues.includes(v)),
          `Choose from: ${optionValues.join(', ')}`,
        );
    case 'phone':
      return z.string().regex(/^[+0-9０-９\s().\-xX#]{3,40}$/, 'Not a phone number');
    case 'email':
      return z.email().max(254);
    case 'url':
      return z.url().max(500);
  }
}
