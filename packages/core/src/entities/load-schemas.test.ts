import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createCrm,
  createMemoryAdapter,
  StorageError,
  ValidationError,
  type Crm,
} from '../index.js';
import { schemaLoaderForTesting as loader } from './load-schemas.js';

// The entity schemas are a chunk of their own: a client that only reads never requests it, the
// first write does (once), and a failed download fails that write with a typed error, not the
// next one.

let crm: Crm;
beforeEach(async () => {
  loader.forget();
  loader.useImport();
  crm = await createCrm({ storage: createMemoryAdapter() });
});
afterEach(async () => {
  loader.useImport();
  await crm.close();
});

const pathsOf = (error: unknown) =>
  (error as ValidationError).issues.map((issue) => issue.path.join('.')).sort();

describe('entity schemas loaded on demand', () => {
  it('are not requested by a client that only reads', async () => {
    // A page opening a store that already holds data, and only reading it.
    const storage = createMemoryAdapter();
    await storage.commit([
      {
        type: 'insert',
        collection: 'customers',
        record: { id: 'c1', kind: 'company', name: '张伟明贸易', tier: 'vip', tags: [] },
      },
    ]);
    const reader = await createCrm({ storage });
    const before = loader.attempts();
    const page = await reader.customers.list({ where: { tier: { eq: 'vip' } }, search: '张伟' });
    expect(page.items.map((c) => c.name)).toEqual(['张伟明贸易']);
    expect(await reader.customers.get('c1')).toMatchObject({ name: '张伟明贸易' });
    expect(await reader.customers.count({ tier: { eq: 'vip' } })).toBe(1);
    expect(await reader.deals.count()).toBe(0);
    expect(loader.attempts()).toBe(before);
    expect(loader.isLoaded()).toBe(false);
    await reader.close();
  });

  it('are requested once by the first writes, even concurrent ones', async () => {
    const before = loader.attempts();
    const [a, b] = await Promise.all([
      crm.customers.create({ name: '杭州云帆科技' }),
      crm.contacts.create({ name: '张伟', phones: [{ number: '138 0013 8000' }] }),
    ]);
    expect(a).toMatchObject({ name: '杭州云帆科技', tier: 'regular', version: 1 });
    expect(b.phones).toEqual([{ number: '138 0013 8000', type: 'mobile' }]);
    await crm.customers.update(a.id, { tier: 'vip' });
    expect(await crm.customers.get(a.id)).toMatchObject({ tier: 'vip', version: 2 });
    expect(loader.attempts()).toBe(before + 1);
  });

  it('validate the first write as every write: each bad path reported, nothing stored', async () => {
    const error = await crm.customers
      .create({
        name: '',
        tier: 'gold',
        region: { city: 'x'.repeat(81) },
        shoeSize: 42,
      } as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(pathsOf(error)).toEqual(['name', 'region.city', 'shoeSize', 'tier']);
    expect((error as ValidationError).issues).toContainEqual({
      path: ['shoeSize'],
      message: 'Unknown field "shoeSize"',
    });
    // A system field is refused before the schema is consulted.
    const system = await crm.customers
      .create({ name: '甲', version: 3 } as never)
      .catch((e: unknown) => e);
    expect((system as ValidationError).issues).toEqual([
      { path: ['version'], message: '"version" is set by the system' },
    ]);
    // An update is checked against the same schema, merged with the stored record.
    const ok = await crm.customers.create({ name: '乙' });
    const patch = await crm.customers
      .update(ok.id, { lifecycleStage: 'asleep' } as never)
      .catch((e: unknown) => e);
    expect(pathsOf(patch)).toEqual(['lifecycleStage']);
    expect(await crm.customers.count()).toBe(1);
  });

  it('fail a write with a StorageError when they cannot be loaded; the next write loads them', async () => {
    const offline = new TypeError('Failed to fetch dynamically imported module');
    loader.useImport(() => Promise.reject(offline));
    const error = await crm.customers.create({ name: '杭州云帆科技' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ code: 'STORAGE_FAILED', cause: offline });
    expect((error as Error).message).toBe('Loading the entity schemas failed');
    expect(await crm.customers.count()).toBe(0);
    // Back online.
    loader.useImport();
    const created = await crm.customers.create({ name: '杭州云帆科技' });
    expect(await crm.customers.get(created.id)).toMatchObject({ name: '杭州云帆科技' });
  });

  it('are loaded by a filter check, which reports unknown fields', async () => {
    expect(await crm.segments.checkFilter('customer', { age: { gte: 30 } })).toEqual({
      age: { gte: 30 },
    });
    const error = await crm.segments
      .checkFilter('contact', { and: [{ shoeSize: { eq: 42 } }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      { path: ['where', 'and', 0, 'shoeSize'], message: 'Unknown field "shoeSize" on contact' },
    ]);
  });
});
