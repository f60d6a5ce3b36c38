import type { EntityRecord } from '@rapport/core';
import type { LocalizeController } from '../i18n/localize-controller.js';
import type { CustomerTableMessageKey } from './messages.js';

export type CustomerRow = EntityRecord<'customer'>;

/** The host's directory entry for an owner (users come from the host, not from Rapport). */
export interface TableOwner {
  readonly id: string;
  readonly name: string;
}

export interface CellContext {
  readonly i18n: LocalizeController<CustomerTableMessageKey>;
  readonly ownerName: (id: string | undefined) => string;
}

/** One column of `<crm-customer-table>`: what it shows, and the field it sorts by (if any). */
export interface TableColumn {
  readonly key: string;
  readonly label: CustomerTableMessageKey;
  /** Sorting uses a sortable storage index, so every page of a 100k table stays a short walk. */
  readonly sortField?: string;
  /** Plain text for the cell: rendered as a text node, never as HTML. */
  readonly text: (customer: CustomerRow, ctx: CellContext) => string;
}

export const TABLE_COLUMNS: readonly TableColumn[] = [
  { key: 'name', label: 'table.column.name', sortField: 'name', text: (c) => c.name },
  {
    key: 'tier',
    label: 'table.column.tier',
    sortField: 'tier',
    text: (c, { i18n }) => i18n.t(`tier.${c.tier}` as const),
  },
  {
    key: 'lifecycleStage',
    label: 'table.column.lifecycleStage',
    sortField: 'lifecycleStage',
    text: (c, { i18n }) => i18n.t(`lifecycle.${c.lifecycleStage}` as const),
  },
  {
    key: 'owner',
    label: 'table.column.owner',
    text: (c, { ownerName }) => ownerName(c.ownerId),
  },
  { key: 'industry', label: 'table.column.industry', text: (c) => c.industry ?? '' },
  {
    key: 'region',
    label: 'table.column.region',
    text: (c) => [c.region?.province, c.region?.city].filter(Boolean).join(' · '),
  },
  {
    key: 'phone',
    label: 'table.column.phone',
    text: (c) => c.phones[0]?.number ?? '',
  },
  {
    key: 'tags',
    label: 'table.column.tags',
    text: (c, { i18n }) => c.tags.join(i18n.t('common.listSeparator')),
  },
  {
    key: 'lastContactAt',
    label: 'table.column.lastContactAt',
    text: (c, { i18n }) => i18n.date(c.lastContactAt),
  },
  {
    key: 'createdAt',
    label: 'table.column.createdAt',
    sortField: 'createdAt',
    text: (c, { i18n }) => i18n.date(c.createdAt),
  },
  {
    key: 'updatedAt',
    label: 'table.column.updatedAt',
    sortField: 'updatedAt',
    text: (c, { i18n }) => i18n.date(c.updatedAt),
  },
];

export const DEFAULT_COLUMNS: readonly string[] = [
  'name',
  'tier',
  'lifecycleStage',
  'owner',
  'industry',
  'region',
  'updatedAt',
];

/** Filter chips: one field, one value each; several values of one field are alternatives. */
export type ChipField = 'tier' | 'lifecycleStage' | 'ownerId';

export interface FilterChip {
  readonly field: ChipField;
  readonly value: string;
}

/** The chips as a core `Where`: values of one field OR-ed (`in`), fields AND-ed. */
export function chipsWhere(chips: readonly FilterChip[]): Record<string, { in: string[] }> {
  const where: Record<string, { in: string[] }> = {};
  for (const chip of chips) (where[chip.field] ??= { in: [] }).in.push(chip.value);
  return where;
}

/** `"updatedAt:desc"`, `"name"`, `"-name"` → an `orderBy` list. */
export function parseOrderBy(
  value: string | null,
): { field: string; direction: 'asc' | 'desc' }[] | undefined {
  if (!value?.trim()) return undefined;
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      if (part.startsWith('-')) return { field: part.slice(1), direction: 'desc' as const };
      const [field, direction] = part.split(/[:\s]+/);
      return {
        field: field!,
        direction: direction === 'desc' ? ('desc' as const) : ('asc' as const),
      };
    });
}
