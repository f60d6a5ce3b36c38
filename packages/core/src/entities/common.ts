import { z } from 'zod';

// Zod must never compile validators with `new Function`: Rapport runs under strict CSPs. Set here
// because every schema imports this module.
z.config({ jitless: true });

/**
 * Building blocks shared by every entity schema. All strings are bounded, all numbers finite,
 * all objects strict (unknown keys are errors), so hostile or sloppy input fails validation with a
 * path instead of reaching storage.
 */

export const LOCALES = ['en', 'zh-CN', 'zh-TW'] as const;
export type Locale = (typeof LOCALES)[number];

/** Keys that must never appear in stored objects (prototype pollution). */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

export const IdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'Use letters, digits, "-" and "_" only');

export const shortText = (max = 200) => z.string().trim().min(1).max(max);
export const optionalText = (max = 200) => z.string().max(max).optional();

/** An ISO 8601 instant with offset; stored normalised to UTC (`2026-01-02T03:04:05.000Z`). */
export const DateTimeSchema = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value).toISOString());

/** A calendar date `YYYY-MM-DD` (impossible dates such as 2026-02-30 are rejected). */
export const DateSchema = z.iso.date();

export const MoneySchema = z.number().min(0).max(1e13);
export const CurrencySchema = z.string().regex(/^[A-Z]{3}$/, 'Use an ISO 4217 code such as CNY');

export const PHONE_TYPES = ['mobile', 'work', 'home', 'fax', 'other'] as const;
export const PhoneSchema = z.strictObject({
  number: z
    .string()
    .trim()
    .min(3)
    .max(40)
    .regex(/^[+0-9０-９\s().\-xX#]+$/, 'Not a phone number'),
  type: z.enum(PHONE_TYPES).default('mobile'),
});
export type Phone = z.infer<typeof PhoneSchema>;

export const EmailSchema = z.email().max(254);

export const TagsSchema = z.array(shortText(50)).max(50).default([]);

export const GENDERS = ['female', 'male', 'other', 'unknown'] as const;

export const RegionSchema = z.strictObject({
  country: optionalText(80),
  province: optionalText(80),
  city: optionalText(80),
  district: optionalText(80),
  address: optionalText(300),
});
export type Region = z.infer<typeof RegionSchema>;

export const GeoPointSchema = z.strictObject({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});

export const CUSTOM_FIELD_KEY = /^[a-z][a-zA-Z0-9_]{0,63}$/;
export const CustomFieldValueSchema = z.union([
  z.string().max(5000),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.string().max(200)).max(100),
]);
export type CustomFieldValue = z.infer<typeof CustomFieldValueSchema>;

/**
 * Custom field values by key. The shape is checked here; each value is further checked against
 * the entity's custom field definitions by the gateway's validate stage.
 */
export const CustomFieldsSchema = z
  .record(
    z.string().regex(CUSTOM_FIELD_KEY, 'Custom field keys are camelCase identifiers'),
    CustomFieldValueSchema,
  )
  .refine((value) => Object.keys(value).length <= 100, 'At most 100 custom fields')
  .default({});

/** Fields every stored record carries; set by the gateway and the adapter, never by input. */
export const SystemFieldsSchema = z.strictObject({
  id: IdSchema,
  version: z.number().int().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SystemFields = z.infer<typeof SystemFieldsSchema>;
export const SYSTEM_FIELDS = ['id', 'version', 'createdAt', 'updatedAt'] as const;

/** The stored form of an entity: its input fields plus the system fields. */
export function withSystemFields<T extends z.ZodObject>(
  input: T,
): z.ZodObject<T['shape'] & typeof SystemFieldsSchema.shape, z.core.$strict> {
  return (input as z.ZodObject).safeExtend(SystemFieldsSchema.shape) as never;
}
