import type { CollectionDescriptor } from './storage-adapter.js';

/**
 * Rapport's collections as storage sees them: plain data (no schemas), so adapters stay small.
 * Indexes cover what lists filter and sort by. Changing this list means bumping
 * {@link INDEXEDDB_SCHEMA_VERSION}.
 */
/**
 * Bump when {@link COLLECTIONS} changes (a store or an index added or removed). The IndexedDB
 * adapter's upgrade reconciles stores and indexes with the declared collections, so every older
 * version upgrades in one step; data-shape migrations go in its `MIGRATIONS`. Backups record it.
 */
export const INDEXEDDB_SCHEMA_VERSION = 4;

const common = [
  { field: 'createdAt', sortable: true },
  { field: 'updatedAt', sortable: true },
] as const;

export const COLLECTIONS: readonly CollectionDescriptor[] = [
  {
    name: 'customers',
    indexes: [
      ...common,
      { field: 'name', sortable: true },
      { field: 'ownerId' },
      { field: 'lifecycleStage', sortable: true },
      { field: 'tier', sortable: true },
      { field: 'industry' },
      { field: 'poolId' },
      // Blind index of the encrypted ID number (security/field-cipher.ts), for exact lookup.
      { field: 'idNumberIndex' },
      // Purchase metrics for segments (marketing/customer-metrics.ts).
      { field: 'lastPurchaseAt', sortable: true },
      { field: 'totalSpend', sortable: true },
    ],
    searchFields: [
      'name',
      'legalName',
      'phones.number',
      'emails',
      'tags',
      'industry',
      'region.city',
      'region.province',
    ],
  },
  {
    name: 'contacts',
    indexes: [
      ...common,
      { field: 'name', sortable: true },
      { field: 'customerId' },
      { field: 'ownerId' },
      { field: 'idNumberIndex' },
    ],
    searchFields: ['name', 'title', 'phones.number', 'emails', 'wechat', 'tags'],
  },
  {
    name: 'leads',
    indexes: [
      ...common,
      { field: 'status', sortable: true },
      { field: 'source', sortable: true },
      { field: 'ownerId' },
      { field: 'poolId' },
      { field: 'campaignId' },
      { field: 'convertedCustomerId' },
    ],
    searchFields: ['name', 'company', 'phones.number', 'emails', 'tags'],
  },
  {
    name: 'pipelines',
    indexes: [...common, { field: 'name', sortable: true }],
    searchFields: ['name'],
  },
  {
    name: 'deals',
    indexes: [
      ...common,
      { field: 'pipelineId', sortable: true },
      { field: 'stageId', sortable: true },
      { field: 'status', sortable: true },
      { field: 'customerId' },
      { field: 'ownerId' },
      { field: 'expectedCloseDate' },
      { field: 'closedAt' },
    ],
    searchFields: ['name', 'tags'],
  },
  {
    name: 'activities',
    indexes: [
      ...common,
      { field: 'type', sortable: true },
      { field: 'status', sortable: true },
      { field: 'customerId' },
      { field: 'dealId' },
      { field: 'leadId' },
      { field: 'ownerId' },
      { field: 'dueAt' },
      { field: 'remindAt' },
      { field: 'contactId' },
    ],
    searchFields: ['subject', 'body'],
  },
  {
    name: 'orders',
    indexes: [
      ...common,
      { field: 'number', sortable: true },
      { field: 'status', sortable: true },
      { field: 'customerId', sortable: true },
      { field: 'ownerId' },
    ],
    searchFields: ['number', 'lines.productName'],
  },
  {
    name: 'quotas',
    indexes: [
      ...common,
      { field: 'ownerId' },
      { field: 'teamId' },
      { field: 'periodStart', sortable: true },
    ],
    searchFields: [],
  },
  {
    name: 'segments',
    indexes: [...common, { field: 'name', sortable: true }],
    searchFields: ['name', 'description'],
  },
  {
    name: 'campaigns',
    indexes: [...common, { field: 'status', sortable: true }, { field: 'channel', sortable: true }],
    searchFields: ['name', 'description'],
  },
  {
    name: 'tickets',
    indexes: [
      ...common,
      { field: 'status', sortable: true },
      { field: 'priority', sortable: true },
      { field: 'category', sortable: true },
      { field: 'assigneeId' },
      { field: 'customerId' },
      { field: 'contactId' },
    ],
    searchFields: [
      'number',
      'subject',
      'description',
      'requester.name',
      'requester.email',
      'requester.phone',
    ],
  },
  { name: 'slaPolicies', indexes: [...common], searchFields: ['name'] },
  {
    name: 'articles',
    indexes: [...common, { field: 'status', sortable: true }, { field: 'locale', sortable: true }],
    searchFields: ['title', 'body', 'tags'],
  },
  {
    name: 'surveys',
    indexes: [
      ...common,
      { field: 'kind', sortable: true },
      { field: 'ticketId' },
      { field: 'customerId' },
    ],
    searchFields: ['comment'],
  },
  {
    name: 'surveyRequests',
    indexes: [
      ...common,
      { field: 'status', sortable: true },
      { field: 'ticketId' },
      { field: 'customerId' },
      { field: 'contactId' },
    ],
    searchFields: [],
  },
  {
    name: 'auditLog',
    indexes: [
      ...common,
      { field: 'seq', sortable: true },
      { field: 'recordId' },
      { field: 'actorId', sortable: true },
      { field: 'at', sortable: true },
    ],
    searchFields: [],
  },
  /** The audit chain's head (`{ seq, hash }`), one record; see security/audit-chain.ts. */
  { name: 'auditHeads', indexes: [...common], searchFields: [] },
  {
    name: 'ownerChanges',
    indexes: [
      ...common,
      { field: 'recordId' },
      { field: 'toOwnerId' },
      { field: 'at', sortable: true },
    ],
    searchFields: [],
  },
  {
    name: 'campaignDeliveries',
    indexes: [
      ...common,
      { field: 'campaignId' },
      { field: 'contactId' },
      { field: 'status', sortable: true },
      { field: 'messageId' },
    ],
    searchFields: [],
  },
  {
    name: 'automationRules',
    indexes: [...common, { field: 'order', sortable: true }],
    searchFields: ['name', 'description'],
  },
  {
    name: 'automationRuns',
    indexes: [
      ...common,
      { field: 'ruleId' },
      { field: 'recordId' },
      { field: 'status', sortable: true },
      { field: 'at', sortable: true },
    ],
    searchFields: [],
  },
  {
    name: 'customFields',
    indexes: [...common, { field: 'entity', sortable: true }],
    searchFields: ['key'],
  },
];

export function collectionMap(
  collections: readonly CollectionDescriptor[],
): ReadonlyMap<string, CollectionDescriptor> {
  return new Map(collections.map((c) => [c.name, c]));
}
