import { generateDemoData, seedDemoData } from '../demo/index.js';
import {
  ConflictError,
  createCrm,
  createMemoryAdapter,
  ENTITY_NAMES,
  INDEXEDDB_SCHEMA_VERSION,
  PermissionError,
  ValidationError,
  type Crm,
  type EntityName,
  type Policy,
  type StoredRecord,
} from '../index.js';

/** Every record of an entity, without the fields the adapter assigns on write. */
async function contentOf(crm: Crm, entity: EntityName): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let cursor: string | undefined;
  do {
    const page = await crm.gateway.query(crm.context(), entity, {
      limit: 5_000,
      orderBy: [{ field: 'id' }],
      ...(cursor && { cursor }),
    });
    for (const { version, createdAt, updatedAt, ...rest } of page.items as StoredRecord[]) {
      void [version, createdAt, updatedAt];
      out.push(rest);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

const RESTORED = ENTITY_NAMES.filter((e) => e !== 'auditEntry');

describe('backup → restore', () => {
  it('round-trips 10,000+ demo records into an empty store, equal record for record', async () => {
    const source = await createCrm({ storage: createMemoryAdapter() });
    const data = generateDemoData({ seed: 3, customers: 2_000 });
    await seedDemoData(source, data);
    const counts = await Promise.all(
      RESTORED.map((e) => source.gateway.count(source.context(), e)),
    );
    const total = counts.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(10_000);

    const chunks: string[] = [];
    for await (const chunk of source.io.backup()) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(5); // streamed a page at a time
    const header = JSON.parse(chunks[0]!) as Record<string, unknown>;
    expect(header).toMatchObject({
      format: 'rapport-backup',
      formatVersion: 1,
      schemaVersion: INDEXEDDB_SCHEMA_VERSION,
    });

    const target = await createCrm({ storage: createMemoryAdapter() });
    async function* replay() {
      yield* chunks;
    }
    const report = await target.io.restore(replay());
    expect(Object.values(report.restored).reduce((a, b) => a + b, 0)).toBe(total);
    for (const entity of RESTORED) {
      expect(await contentOf(target, entity), entity).toEqual(await contentOf(source, entity));
    }
    // The restore is in the new store's audit log.
    const audit = await target.audit.list({ action: 'restore' });
    expect(audit.total).toBeGreaterThan(0);
    await source.close();
    await target.close();
  }, 120_000);

  it('refuses a non-empty store unless replacing, and replace swaps the content atomically', async () => {
    const a = await createCrm({ storage: createMemoryAdapter() });
    await a.customers.create({ id: 'c1', name: '甲' });
    const snapshot = await a.io.backupText();
    const b = await createCrm({ storage: createMemoryAdapter() });
    await b.customers.create({ id: 'c1', name: '乙' });
    await b.customers.create({ id: 'c2', name: '丙' });
    await expect(b.io.restore(snapshot)).rejects.toBeInstanceOf(ConflictError);
    expect((await b.customers.get('c1')).name).toBe('乙');

    const report = await b.io.restore(snapshot, { mode: 'replace' });
    expect(report).toMatchObject({ deleted: 2, restored: { customer: 1 } });
    expect((await b.customers.list()).items.map((c) => [c.id, c.name])).toEqual([['c1', '甲']]);
    await a.close();
    await b.close();
  });

  it('refuses a snapshot from a newer schema with a clear error', async () => {
    const crm = await createCrm({ storage: createMemoryAdapter() });
    const snapshot = [
      JSON.stringify({
        format: 'rapport-backup',
        formatVersion: 1,
        schemaVersion: INDEXEDDB_SCHEMA_VERSION + 1,
      }),
      JSON.stringify({ end: true, records: 0 }),
    ].join('\n');
    const error = await crm.io.restore(snapshot).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]!.path).toEqual(['schemaVersion']);
    expect((error as ValidationError).message).toMatch(/newer schema/);
    await crm.close();
  });

  it('refuses __proto__ keys without polluting and writes nothing', async () => {
    const crm = await createCrm({ storage: createMemoryAdapter() });
    const header = JSON.stringify({ format: 'rapport-backup', formatVersion: 1, schemaVersion: 1 });
    const good = JSON.stringify({ entity: 'customer', record: { id: 'ok', name: '好' } });
    for (const bad of [
      '{"entity":"customer","record":{"id":"x","name":"坏","__proto__":{"polluted":true}}}',
      '{"entity":"customer","record":{"id":"x","name":"坏","region":{"constructor":{"prototype":{"polluted":true}}}}}',
      '{"__proto__":{"polluted":true},"entity":"customer","record":{"id":"x","name":"坏"}}',
    ]) {
      const snapshot = [header, good, bad, JSON.stringify({ end: true, records: 2 })].join('\n');
      const error = await crm.io.restore(snapshot).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues[0]!.path[0]).toBe(3); // line 3 of the snapshot
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(await crm.customers.count()).toBe(0);
    }
    await crm.close();
  });

  it('refuses a truncated snapshot and invalid records, naming the line', async () => {
    const crm = await createCrm({ storage: createMemoryAdapter() });
    const header = JSON.stringify({ format: 'rapport-backup', formatVersion: 1, schemaVersion: 1 });
    const record = JSON.stringify({ entity: 'customer', record: { id: 'c1', name: '甲' } });
    await expect(crm.io.restore([header, record].join('\n'))).rejects.toThrow(/truncated/);
    const invalid = JSON.stringify({
      entity: 'customer',
      record: { id: 'c2', name: '', tier: 'gold' },
    });
    const error = await crm.io
      .restore([header, record, invalid, JSON.stringify({ end: true, records: 2 })].join('\n'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path.slice(0, 2))).toEqual([
      [3, 'name'],
      [3, 'tier'],
    ]);
    expect(await crm.customers.count()).toBe(0);
    await crm.close();
  });

  it('is for administrators only: a principal with masked fields cannot back up', async () => {
    const policy: Policy = {
      scope: () => 'all',
      fieldAccess: (p, _e, field) =>
        p.roles.includes('viewer') && field === 'phones' ? 'masked' : 'editable',
    };
    const admin = await createCrm({ storage: createMemoryAdapter(), policy });
    const viewer = admin.as({ id: 'v', roles: ['viewer'] });
    const backup = viewer.io.backup();
    await expect(backup.next()).rejects.toBeInstanceOf(PermissionError);
    await expect(viewer.io.restore('')).rejects.toBeInstanceOf(PermissionError);
    await admin.close();
  });
});
