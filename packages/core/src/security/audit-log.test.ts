import { createCrm, type Crm } from '../crm.js';
import { ConflictError, PermissionError } from '../errors.js';
import type { ChangeEvent } from '../storage/storage-adapter.js';
import { createMemoryAdapter } from '../storage/memory-adapter.js';
import type { Mutation, StorageAdapter, StoredRecord } from '../storage/storage-adapter.js';
import { AUDIT_HEAD_COLLECTION, auditEntryId, hashAuditEntry } from './audit-chain.js';
import { appendAudit } from './audit-log.js';
import { defaultRolePolicy } from './default-role-policy.js';

let adapter: StorageAdapter;
let crm: Crm;
let tick = 0;
const clock = () => new Date(Date.UTC(2026, 2, 1, 9, 0, tick++));

beforeEach(async () => {
  tick = 0;
  adapter = createMemoryAdapter();
  crm = await createCrm({ storage: adapter, clock, policy: defaultRolePolicy });
  await crm.customers.create({ id: 'c1', name: '张伟明', idNumber: '110105199001011234' });
  await crm.customers.update('c1', { tier: 'vip', phones: [{ number: '13800138000' }] });
  await crm.customers.create({ id: 'c2', name: '王芳' });
  await crm.customers.remove('c2');
});
afterEach(() => crm.close());

/** Rewrites a stored audit entry behind the SDK's back, as someone with raw storage access could. */
async function tamper(id: string, change: (entry: StoredRecord) => Record<string, unknown> | null) {
  const entry = (await adapter.get('auditLog', id))!;
  const next = change(entry);
  const { version, createdAt, updatedAt, ...rest } = entry;
  void createdAt;
  void updatedAt;
  void rest;
  const mutation: Mutation = next
    ? { type: 'update', collection: 'auditLog', record: { ...next, id }, expectedVersion: version }
    : { type: 'delete', collection: 'auditLog', id };
  await adapter.commit([mutation]);
}
const body = ({ version, createdAt, updatedAt, ...rest }: StoredRecord) => {
  void version;
  void createdAt;
  void updatedAt;
  return rest;
};

describe('audit log', () => {
  it('records who, when and a redacted field diff for every change', async () => {
    const page = await crm.audit.list({ recordId: 'c1', direction: 'asc' });
    expect(page.items.map((e) => e.action)).toEqual(['create', 'update']);
    const [created, updated] = page.items;
    expect(created).toMatchObject({ seq: 1, actorId: 'local', entity: 'customer' });
    expect(created!.changes!.idNumber).toEqual({ from: null, to: '[redacted]' });
    expect(updated!.changes).toEqual({
      tier: { from: 'regular', to: 'vip' },
      phones: { from: [], to: [{ number: '138****8000', type: 'mobile' }] },
    });
    expect((await crm.audit.list({ actorId: 'local' })).total).toBe(4);
    const between = await crm.audit.list({ from: created!.at, to: updated!.at });
    expect(between.items.map((e) => e.seq)).toEqual([1]);
    expect((await crm.audit.verify()).ok).toBe(true);
  });

  it('keeps audit entries out of crm.subscribe (events carry ids and versions, never data)', async () => {
    const seen: ChangeEvent[] = [];
    crm.subscribe((changes) => seen.push(...changes));
    await crm.customers.create({ id: 'c3', name: '李娜' });
    expect(seen.map((c) => c.collection)).toEqual(['customers']);
    expect(Object.keys(seen[0]!).sort()).toEqual(['collection', 'id', 'source', 'type', 'version']);
  });

  it('commits the change and its entry together or not at all', async () => {
    await expect(
      crm.customers.update('c1', { name: '新' }, { expectedVersion: 1 }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await crm.audit.list()).total).toBe(4);
    await expect(
      crm.gateway.write(crm.context(), [{ type: 'create', entity: 'auditEntry', input: {} }]),
    ).rejects.toThrow();
    expect((await crm.audit.verify()).ok).toBe(true);
  });

  it('detects an edited entry', async () => {
    await tamper(auditEntryId(2), (e) => ({ ...body(e), actorId: 'someone-else' }));
    const result = await crm.audit.verify();
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ seq: 2, kind: 'hash-mismatch' }),
    );
  });

  it('detects an edited and re-hashed entry (the chain no longer links)', async () => {
    await tamper(auditEntryId(2), (e) => {
      const edited = { ...body(e), actorId: 'someone-else' };
      return edited;
    });
    const edited = (await adapter.get('auditLog', auditEntryId(2)))!;
    const hash = await hashAuditEntry(edited as never);
    await tamper(auditEntryId(2), (e) => ({ ...body(e), hash }));
    const result = await crm.audit.verify();
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ seq: 3, kind: 'chain-broken' }),
    );
  });

  it('detects a removed entry, in the middle and at the end', async () => {
    await tamper(auditEntryId(2), () => null);
    let result = await crm.audit.verify();
    expect(result.problems).toContainEqual(expect.objectContaining({ seq: 2, kind: 'missing' }));
    await tamper(auditEntryId(4), () => null);
    result = await crm.audit.verify();
    expect(result.problems).toContainEqual(expect.objectContaining({ seq: 4, kind: 'missing' }));
  });

  it('detects reordered entries', async () => {
    const two = (await adapter.get('auditLog', auditEntryId(2)))!;
    const three = (await adapter.get('auditLog', auditEntryId(3)))!;
    await tamper(auditEntryId(2), () => ({ ...body(three), seq: 2 }));
    await tamper(auditEntryId(3), () => ({ ...body(two), seq: 3 }));
    const result = await crm.audit.verify();
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.seq)).toContain(2);
  });

  it('records denials in their own commit, and export notes need the export grant', async () => {
    const viewer = crm.as({ id: 'v1', roles: ['viewer'] });
    await expect(viewer.customers.update('c1', { name: '改' })).rejects.toBeInstanceOf(
      PermissionError,
    );
    await expect(
      appendAudit(crm.gateway, viewer.context(), [{ action: 'export', entity: 'customer' }]),
    ).rejects.toBeInstanceOf(PermissionError);
    await appendAudit(crm.gateway, crm.context(), [
      { action: 'export', entity: 'customer', reason: 'customers.csv, 1 row' },
    ]);
    const denials = await crm.audit.list({ actorId: 'v1', action: 'deny' });
    expect(denials.total).toBe(2);
    expect((await crm.audit.list({ action: 'export' })).total).toBe(1);
    expect((await crm.customers.get('c1')).name).toBe('张伟明');
    expect((await crm.audit.verify()).ok).toBe(true);
    // Reading the log needs the auditEntry read grant.
    await expect(viewer.audit.list()).resolves.toMatchObject({ total: 0 });
  });

  it('never forks the chain when two clients append at once (retries on the head conflict)', async () => {
    const tabB = await createCrm({ storage: adapter, clock, policy: defaultRolePolicy });
    const writes = [];
    for (let i = 0; i < 20; i++) {
      writes.push(crm.customers.create({ name: `A${i}` }));
      writes.push(tabB.customers.create({ name: `B${i}` }));
    }
    await Promise.all(writes);
    const result = await crm.audit.verify();
    expect(result.problems).toEqual([]);
    expect(result.checked).toBe(44);
    expect((await adapter.get(AUDIT_HEAD_COLLECTION, 'head'))!.seq).toBe(44);
  });
});
