import { z } from 'zod';
import {
  CurrencySchema,
  DateTimeSchema,
  IdSchema,
  MoneySchema,
  optionalText,
  shortText,
  withSystemFields,
} from './common.js';
import { ORDER_STATUSES, PAYMENT_METHODS } from './enums.js';

export const OrderLineSchema = z.strictObject({
  productId: IdSchema.optional(),
  productName: shortText(200),
  quantity: z.number().positive().max(1e9),
  unitPrice: MoneySchema,
  /** Fraction off the line, 0–1. */
  discount: z.number().min(0).max(1).default(0),
});

export const PaymentSchema = z.strictObject({
  id: IdSchema,
  amount: z.number().positive().max(1e13),
  paidAt: DateTimeSchema,
  method: z.enum(PAYMENT_METHODS).default('bank_transfer'),
  reference: optionalText(100),
});

export const OrderInputSchema = z.strictObject({
  number: shortText(50),
  customerId: IdSchema,
  contactId: IdSchema.optional(),
  dealId: IdSchema.optional(),
  ownerId: IdSchema.optional(),
  status: z.enum(ORDER_STATUSES).default('draft'),
  currency: CurrencySchema.default('CNY'),
  lines: z.array(OrderLineSchema).max(500).default([]),
  payments: z.array(PaymentSchema).max(500).default([]),
  orderedAt: DateTimeSchema.optional(),
  deliveredAt: DateTimeSchema.optional(),
  notes: optionalText(5000),
  confirmedAt: DateTimeSchema.optional(),
  paidAt: DateTimeSchema.optional(),
  cancelledAt: DateTimeSchema.optional(),
  cancelReason: optionalText(500),
});

export const OrderSchema = withSystemFields(OrderInputSchema);
export type OrderInput = z.input<typeof OrderInputSchema>;
export type Order = z.output<typeof OrderSchema>;
export type OrderLine = z.output<typeof OrderLineSchema>;
export type Payment = z.output<typeof PaymentSchema>;
