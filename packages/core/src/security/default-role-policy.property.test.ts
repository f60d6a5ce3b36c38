import fc from 'fast-check';
import { createCrm, type Crm } from '../crm.js';
import { NotFoundError, PermissionError } from '../errors.js';
import type { Principal } from '../gateway/principal.js';
import { createMemoryAdapter } from '../storage/memory-adapter.js';
import type { StorageAdapter, StoredRecord } from '../storage/storage-adapter.js';
import { defaultRolePolicy } from './default-role-policy.js';
import { maskBankCard, maskEmail, maskIdNumber, maskPhone } from './mask.js';

// Random principals × records × operations through the real gateway with the shipped role
// policy, against `reference` below: a plain restatement of the default policy, written from the
// table in SECURITY.md and deliberately not reading DEFAULT_ROLE_POLICY or scopeFilter.

const USERS = ['u1', 'u2', 'u3', 'u4', 'u5'];
const TEAMS = ['t1', 't2', 't3'];
const ROLES = ['admin', 'manager', 'sales', 'service', 'marketing', 'viewer', 'intern'];
type Entity = 'customer' | 'ticket' | 'pipeline';
type Op = 'read' | 'update' | 'delete';
type Access = 'editable' | 'readonly' | 'masked' | 'hidden';

// ---- the reference ------------------------------------------------------------------------

/** Whether one role lets `p` do `op` on `record` of `entity` (record as stored). */
function roleAllows(role: string, p: Principal, op: Op, entity: Entity, r: StoredRecord): boolean {
  const own = (field: string) => r[field] === p.id;
  const mine = (field: string) =>
    r[field] === p.id || (p.manages ?? []).includes(r[field] as string);
  const team = (field: string) => own(field) || (p.teams ?? []).includes(r.teamId as string);
  // An unowned customer in a shared pool is there to be claimed: any scope sees it.
  const pooled = r.poolId !== undefined && r.ownerId === undefined;
  switch (role) {
    case 'admin':
      return true;
    case 'manager':
      if (entity === 'customer') return mine('ownerId') || pooled;
      if (entity === 'ticket') return mine('assigneeId');
      return true; // pipelines: read, create, update, delete
    case 'sales':
      if (entity === 'customer') return own('ownerId') || pooled;
      if (entity === 'ticket') return op === 'read' && own('assigneeId');
      return op === 'read';
    case 'service':
      if (entity === 'customer') return op === 'read';
      if (entity === 'ticket') return team('assigneeId');
      return false;
    case 'marketing':
      return entity === 'customer' && op === 'read';
    case 'viewer':
      return op === 'read';
    default:
      return false;
  }
}

function allows(p: Principal, op: Op, entity: Entity, record: StoredRecord): boolean {
  return p.roles.some((role) => roleAllows(role, p, op, entity, record));
}

const RANK: Record<Access, number> = { hidden: 0, masked: 1, readonly: 2, editable: 3 };

/** One role's access to a customer field, or null when the role has no customer grant. */
function roleField(role: string, field: string): Access | null {
  switch (role) {
    case 'admin':
      return 'editable';
    case 'manager':
      return field === 'idNumber' || field === 'bankAccount' ? 'masked' : 'editable';
    case 'sales':
      return field === 'idNumber' ? 'masked' : field === 'bankAccount' ? 'hidden' : 'editable';
    case 'service':
    case 'marketing':
    case 'viewer':
      if (field === 'idNumber' || field === 'bankAccount') return 'hidden';
      return field === 'phones' || field === 'emails' ? 'masked' : 'readonly';
    default:
      return null;
  }
}

function customerField(p: Principal, field: string): Access {
  let best: Access = 'hidden';
  for (const role of p.roles) {
    const a = roleField(role, field);
    if (a && RANK[a] > RANK[best]) best = a;
  }
  return best;
}

// ---- fixtures -----------------------------------------------------------------------------

const maybe = <T>(values: readonly T[], i: number): T | undefined =>
  i % (values.length + 1) === values.length ? undefined : values[i % (values.length + 1)];

function customerInput(i: number) {
  const ownerId = maybe(USERS, i * 7);
  const teamId = maybe(TEAMS, i * 5);
  return {
    id: `c${i}`,
    name: `客户${i}`,
    tier: (['vip', 'key', 'regular'] as const)[i % 3],
    phones: [{ number: `1380013${String(8000 + i)}`, type: 'mobile' as const }],
    emails: [`user${i}@example.com`],
    idNumber: `11010519900101${String(1000 + i)}`,
    bankAccount: `6222021234561${String(100 + i)}`,
    notes: 'n',
    ...(ownerId && { ownerId }),
    ...(teamId && { teamId }),
    ...(!ownerId && i % 2 === 0 && { poolId: 'public' }),
  };
}

function ticketInput(i: number) {
  const assigneeId = maybe(USERS, i * 3);
  const teamId = maybe(TEAMS, i * 2);
  return {
    id: `t${i}`,
    subject: `工单${i}`,
    ...(assigneeId && { assigneeId }),
    ...(teamId && { teamId }),
  };
}

function pipelineInput(i: number) {
  return {
    id: `p${i}`,
    name: `管道${i}`,
    stages: [{ id: 's1', name: '初步接触', probability: 0.1 }],
  };
}

const INPUTS: Record<Entity, (i: number) => Record<string, unknown>> = {
  customer: customerInput,
  ticket: ticketInput,
  pipeline: pipelineInput,
};
const COUNTS: Record<Entity, number> = { customer: 24, ticket: 12, pipeline: 3 };
const COLLECTION: Record<Entity, string> = {
  customer: 'customers',
  ticket: 'tickets',
  pipeline: 'pipelines',
};
const PATCHES: Record<Entity, readonly Record<string, unknown>[]> = {
  customer: [
    { notes: 'changed' },
    { idNumber: '110105199001019999' },
    { ownerId: 'u1' },
    { ownerId: 'u4' },
  ],
  ticket: [{ subject: '改' }, { assigneeId: 'u2' }, { teamId: 't1' }],
  pipeline: [{ name: '新管道' }],
};

// ---- the property -------------------------------------------------------------------------

let adapter: StorageAdapter;
let admin: Crm;

beforeAll(async () => {
  adapter = createMemoryAdapter();
  admin = await createCrm({ storage: adapter, policy: defaultRolePolicy });
  for (const entity of Object.keys(COUNTS) as Entity[])
    for (let i = 0; i < COUNTS[entity]; i++)
      await admin.gateway.write(admin.context(), [
        { type: 'create', entity, input: INPUTS[entity](i) },
      ]);
});
afterAll(() => admin.close());

const principalArb = fc.record({
  id: fc.constantFrom(...USERS, 'u9'),
  roles: fc.subarray(ROLES, { maxLength: 3 }),
  teams: fc.subarray(TEAMS),
  manages: fc.subarray(USERS),
});

const caseArb = fc.record({
  principal: principalArb,
  entity: fc.constantFrom<Entity>('customer', 'customer', 'ticket', 'pipeline'),
  op: fc.constantFrom('get', 'list', 'count', 'update', 'delete'),
  index: fc.nat(),
  patch: fc.nat(),
  tier: fc.constantFrom(undefined, 'vip', 'key'),
});

const figures = { cases: 0, agreed: 0, allowed: 0, refused: 0 };

async function allRaw(entity: Entity): Promise<StoredRecord[]> {
  return (await adapter.query(COLLECTION[entity], { limit: 1000 })).items;
}

function checkFields(p: Principal, raw: StoredRecord, seen: StoredRecord): void {
  const show = (field: string, masked: (v: never) => unknown) => {
    const a = customerField(p, field);
    if (a === 'hidden') expect(seen).not.toHaveProperty(field);
    else if (a === 'masked') expect(seen[field]).toEqual(masked(raw[field] as never));
    else expect(seen[field]).toEqual(raw[field]);
  };
  show('idNumber', maskIdNumber);
  show('bankAccount', maskBankCard);
  show('phones', (phones: { number: string; type: string }[]) =>
    phones.map((ph) => ({ ...ph, number: maskPhone(ph.number) })),
  );
  show('emails', (emails: string[]) => emails.map(maskEmail));
  show('name', (v: string) => v);
}

describe('default role policy: gateway vs. reference (property)', () => {
  it('agrees on scope and field access for get, list, count, update and delete', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ principal, entity, op, index, patch, tier }) => {
        figures.cases++;
        const ctx = { principal, now: '2026-03-01T09:00:00.000Z' };
        const gateway = admin.gateway;
        const id = `${entity[0]}${index % COUNTS[entity]}`;
        const raw = (await adapter.get(COLLECTION[entity], id))!;
        if (op === 'get') {
          const [seen] = await gateway.get(ctx, entity, [id]);
          figures[seen ? 'allowed' : 'refused']++;
          expect(seen !== null).toBe(allows(principal, 'read', entity, raw));
          if (seen && entity === 'customer') checkFields(principal, raw, seen);
        } else if (op === 'list' || op === 'count') {
          const where = entity === 'customer' && tier ? { tier: { eq: tier } } : {};
          const expected = (await allRaw(entity))
            .filter((r) => (entity === 'customer' && tier ? r.tier === tier : true))
            .filter((r) => allows(principal, 'read', entity, r))
            .map((r) => r.id)
            .sort();
          if (op === 'count') {
            expect(await gateway.count(ctx, entity, where)).toBe(expected.length);
          } else {
            const page = await gateway.query(ctx, entity, { where, limit: 1000 });
            expect(page.items.map((r) => r.id).sort()).toEqual(expected);
            if (entity === 'customer') {
              const byId = new Map((await allRaw(entity)).map((r) => [r.id, r]));
              for (const seen of page.items) checkFields(principal, byId.get(seen.id)!, seen);
            }
          }
        } else if (op === 'update') {
          const changes = PATCHES[entity][patch % PATCHES[entity].length]!;
          const after = { ...raw, ...changes } as StoredRecord;
          const fieldsOk =
            entity !== 'customer' ||
            Object.keys(changes).every((f) => customerField(principal, f) === 'editable');
          const expected =
            allows(principal, 'update', entity, raw) &&
            allows(principal, 'update', entity, after) &&
            fieldsOk;
          const result = await gateway
            .write(ctx, [{ type: 'update', entity, id, patch: changes }])
            .then(
              () => 'ok',
              (e: unknown) => e,
            );
          if (expected) expect(result).toBe('ok');
          else expect(result).toBeInstanceOf(PermissionError);
          figures[expected ? 'allowed' : 'refused']++;
        } else {
          const expected = allows(principal, 'delete', entity, raw);
          figures[expected ? 'allowed' : 'refused']++;
          const result = await gateway.write(ctx, [{ type: 'delete', entity, id }]).then(
            () => 'ok',
            (e: unknown) => e,
          );
          if (expected) {
            expect(result).toBe('ok');
            // Put it back (as it was) so later cases see the same population.
            const { version, createdAt, updatedAt, ...input } = raw;
            void version;
            void createdAt;
            void updatedAt;
            await gateway.write(admin.context(), [{ type: 'create', entity, input }]);
          } else expect(result).toBeInstanceOf(PermissionError);
        }
        figures.agreed++;
      }),
      { numRuns: 10_000 },
    );
    expect(figures).toMatchObject({ cases: 10_000, agreed: 10_000 });
    // Both outcomes are well represented, so agreement is not agreement on "always no".
    expect(figures.allowed).toBeGreaterThan(1000);
    expect(figures.refused).toBeGreaterThan(1000);
    console.info(
      `role policy property: ${figures.agreed}/${figures.cases} cases agreed ` +
        `(get/update/delete: ${figures.allowed} allowed, ${figures.refused} refused)`,
    );
  }, 300_000);

  it('records every refused write in the audit log, and the chain still verifies', async () => {
    const sales = { id: 'u1', roles: ['sales'] };
    const victim = (await allRaw('customer')).find((r) => r.ownerId !== 'u1')!;
    await expect(
      admin.gateway.write({ principal: sales, now: '2026-03-02T00:00:00.000Z' }, [
        { type: 'update', entity: 'customer', id: victim.id, patch: { notes: 'x' } },
      ]),
    ).rejects.toBeInstanceOf(PermissionError);
    const page = await admin.audit.list({ actorId: 'u1', action: 'deny', limit: 1 });
    expect(page.items[0]).toMatchObject({
      action: 'deny',
      entity: 'customer',
      recordId: victim.id,
    });
    const verification = await admin.audit.verify();
    expect(verification.problems).toEqual([]);
    expect(verification.ok).toBe(true);
  }, 60_000);

  it('answers NotFoundError, not the record, for a get out of scope', async () => {
    const sales = admin.as({ id: 'u9', roles: ['sales'] });
    await expect(sales.customers.get('c0')).rejects.toBeInstanceOf(NotFoundError);
    await sales.close();
  });
});
