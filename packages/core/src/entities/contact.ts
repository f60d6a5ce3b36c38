import { z } from 'zod';
import {
  CustomFieldsSchema,
  DateSchema,
  DateTimeSchema,
  EmailSchema,
  GENDERS,
  IdSchema,
  PhoneSchema,
  TagsSchema,
  optionalText,
  shortText,
  withSystemFields,
} from './common.js';
import { CONSENT_CHANNELS, INCOME_BANDS } from './enums.js';

export const ContactInputSchema = z.strictObject({
  customerId: IdSchema.optional(),
  name: shortText(100),
  title: optionalText(100),
  department: optionalText(100),
  gender: z.enum(GENDERS).optional(),
  birthday: DateSchema.optional(),
  phones: z.array(PhoneSchema).max(20).default([]),
  emails: z.array(EmailSchema).max(20).default([]),
  wechat: optionalText(100),
  isPrimary: z.boolean().default(false),
  tags: TagsSchema,
  ownerId: IdSchema.optional(),
  teamId: IdSchema.optional(),
  lastContactAt: DateTimeSchema.optional(),
  /** Per-channel marketing consent; `false` is an explicit opt-out. */
  consent: z.partialRecord(z.enum(CONSENT_CHANNELS), z.boolean()).default({}),
  idNumber: z.string().max(40).optional(),
  notes: optionalText(5000),
  customFields: CustomFieldsSchema,
  /** The lead this contact was created from. */
  convertedFromLeadId: IdSchema.optional(),
  /** Self-reported or estimated income band (`INCOME_BANDS` in customer.ts), for segments. */
  incomeBand: z.enum(INCOME_BANDS).optional(),
});

export const ContactSchema = withSystemFields(ContactInputSchema);
export type ContactInput = z.input<typeof ContactInputSchema>;
export type Contact = z.output<typeof ContactSchema>;
