import type { EntityName } from '../entities/registry.js';
import type { FieldAccess, Operation } from '../gateway/policy.js';
import { createRolePolicy, type RoleGrant, type RolePolicyTable } from './role-policy.js';

const ALL: readonly Operation[] = ['read', 'create', 'update', 'delete', 'import', 'export'];
const CRUD: readonly Operation[] = ['read', 'create', 'update', 'delete'];
const READ: readonly Operation[] = ['read'];

/** Personal data a role may know exists but not read. */
const MASK_IDS = { idNumber: 'masked', bankAccount: 'masked' } as const;
const CONTACT_DATA_MASKED = {
  phones: 'masked',
  emails: 'masked',
  idNumber: 'hidden',
  bankAccount: 'hidden',
} as const satisfies Record<string, FieldAccess>;

const grant = (
  operations: readonly Operation[],
  scope: RoleGrant['scope'],
  fields?: RoleGrant['fields'],
  defaultField?: FieldAccess,
): RoleGrant => ({
  operations,
  scope,
  ...(fields && { fields }),
  ...(defaultField && { defaultField }),
});

const ADMIN_ENTITIES: readonly EntityName[] = [
  'customer',
  'contact',
  'lead',
  'pipeline',
  'deal',
  'activity',
  'order',
  'quota',
  'segment',
  'campaign',
  'ticket',
  'slaPolicy',
  'article',
  'surveyResponse',
  'surveyRequest',
  'customFieldDefinition',
  'campaignDelivery',
  'automationRule',
  'automationRun',
];

/**
 * The shipped role table: admin, manager, sales, service, marketing and viewer. Pass
 * `defaultRolePolicy` (or `createRolePolicy` over a copy of this table, extended or changed) as
 * `createCrm({ policy })`. Anything not listed is denied. The same table as prose is in
 * SECURITY.md.
 */
export const DEFAULT_ROLE_POLICY: RolePolicyTable = {
  admin: {
    ...Object.fromEntries(ADMIN_ENTITIES.map((e) => [e, grant(ALL, 'all')])),
    auditEntry: grant(['read', 'export'], 'all'),
    ownerChange: grant(['read', 'create', 'export'], 'all'),
  },
  manager: {
    customer: grant(ALL, 'subordinates', MASK_IDS),
    contact: grant(ALL, 'subordinates', MASK_IDS),
    lead: grant(ALL, 'subordinates'),
    deal: grant(ALL, 'subordinates'),
    activity: grant(ALL, 'subordinates'),
    order: grant(ALL, 'subordinates'),
    quota: grant(ALL, 'subordinates'),
    ticket: grant(ALL, 'subordinates'),
    surveyResponse: grant([...READ, 'export'], 'subordinates'),
    surveyRequest: grant(CRUD, 'all'),
    pipeline: grant(CRUD, 'all'),
    slaPolicy: grant(CRUD, 'all'),
    article: grant(CRUD, 'all'),
    segment: grant([...CRUD, 'export'], 'all'),
    campaign: grant([...CRUD, 'export'], 'all'),
    customFieldDefinition: grant(READ, 'all'),
    ownerChange: grant(['read', 'create'], 'all'),
    campaignDelivery: grant([...READ, 'export'], 'all'),
    automationRule: grant(CRUD, 'all'),
    automationRun: grant(READ, 'all'),
  },
  sales: {
    customer: grant([...CRUD, 'export'], 'own', { idNumber: 'masked', bankAccount: 'hidden' }),
    contact: grant([...CRUD, 'export'], 'own', { idNumber: 'masked' }),
    lead: grant([...CRUD, 'export'], 'own'),
    deal: grant(CRUD, 'own'),
    activity: grant(CRUD, 'own'),
    order: grant(['read', 'create', 'update'], 'own'),
    quota: grant(READ, 'own'),
    ticket: grant(READ, 'own'),
    pipeline: grant(READ, 'all'),
    article: grant(READ, 'all'),
    segment: grant(READ, 'all'),
    campaign: grant(READ, 'all'),
    customFieldDefinition: grant(READ, 'all'),
    ownerChange: grant(['read', 'create'], 'all'),
  },
  service: {
    ticket: grant([...CRUD, 'export'], 'team'),
    customer: grant(READ, 'all', CONTACT_DATA_MASKED, 'readonly'),
    contact: grant(READ, 'all', CONTACT_DATA_MASKED, 'readonly'),
    order: grant(READ, 'all'),
    activity: grant(CRUD, 'own'),
    surveyResponse: grant(CRUD, 'team'),
    surveyRequest: grant(CRUD, 'all'),
    article: grant(CRUD, 'all'),
    slaPolicy: grant(READ, 'all'),
    customFieldDefinition: grant(READ, 'all'),
  },
  marketing: {
    lead: grant(ALL, 'all'),
    customer: grant(['read', 'export'], 'all', CONTACT_DATA_MASKED, 'readonly'),
    contact: grant(['read', 'export'], 'all', CONTACT_DATA_MASKED, 'readonly'),
    segment: grant([...CRUD, 'export'], 'all'),
    campaign: grant([...CRUD, 'export'], 'all'),
    surveyResponse: grant(['read', 'export'], 'all'),
    article: grant(READ, 'all'),
    customFieldDefinition: grant(READ, 'all'),
    campaignDelivery: grant([...CRUD, 'export'], 'all'),
    automationRule: grant(CRUD, 'all'),
    automationRun: grant(['read', 'create'], 'all'),
  },
  viewer: Object.fromEntries(
    ADMIN_ENTITIES.map((e) => [
      e,
      grant(READ, 'all', { ...CONTACT_DATA_MASKED, requester: 'masked' }, 'readonly'),
    ]),
  ),
};

/** {@link DEFAULT_ROLE_POLICY} as a policy: `createCrm({ policy: defaultRolePolicy })`. */
export const defaultRolePolicy = createRolePolicy(DEFAULT_ROLE_POLICY);
