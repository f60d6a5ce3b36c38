import { ConflictError, NotFoundError, StorageError } from '../errors.js';
import { aggregatePages, type AggregateQuery } from '../query/aggregate.js';
import type { QueryResult, QuerySpec } from '../query/query-spec.js';
import type {
  ChangeEvent,
  Mutation,
  RecordData,
  StorageAdapter,
  StoredRecord,
} from '../storage/storage-adapter.js';
import { assert, assertEqual, assertRejects } from './assert.js';

/** The test-framework globals the suite uses: vitest (`globals: true`) and mocha both provide them. */
interface TestGlobals {
  describe(name: string, body: () => void): void;
  it(name: string, body: () => Promise<void> | void): void;
  beforeEach(body: () => Promise<void> | void): void;
  afterEach(body: () => Promise<void> | void): void;
}

export interface StorageAdapterSuiteOptions {
  /** A fresh, empty adapter over Rapport's default collections. */
  create(): Promise<StorageAdapter> | StorageAdapter;
  /** Called after each test (the adapter is already closed): delete databases, etc. */
  teardown?(adapter: StorageAdapter): Promise<void> | void;
}

const AT = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString();

/**
 * The storage contract, as tests. Every adapter runs it: memory in Node, IndexedDB in Chromium,
 * REST against a live server. An adapter that passes can back a Rapport client.
 *
 * ```ts
 * describeStorageAdapter('memory', { create: () => createMemoryAdapter() });
 * ```
 */
export function describeStorageAdapter(name: string, options: StorageAdapterSuiteOptions): void {
  const { describe, it, beforeEach, afterEach } = globalThis as unknown as TestGlobals;
  let adapter: StorageAdapter;

  const insert = (record: RecordData, at = AT(0), collection = 'customers') =>
    adapter.commit([{ type: 'insert', collection, record }], { at });
  const ids = (result: QueryResult<StoredRecord>) => result.items.map((r) => r.id);
  /** Every page of a query, following cursors. */
  const allPages = async (spec: QuerySpec, collection = 'customers') => {
    const out: string[] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 1000; guard++) {
      const page = await adapter.query(collection, { ...spec, ...(cursor && { cursor }) });
      out.push(...ids(page));
      if (!page.nextCursor) return out;
      cursor = page.nextCursor;
    }
    throw new Error('pagination did not end');
  };

  describe(`storage adapter contract: ${name}`, () => {
    beforeEach(async () => {
      adapter = await options.create();
    });
    afterEach(async () => {
      await adapter.close();
      await options.teardown?.(adapter);
    });

    describe('records', () => {
      it('returns null for a missing record', async () => {
        assertEqual(await adapter.get('customers', 'nope'), null);
        assertEqual(await adapter.getMany('customers', ['a', 'b']), [null, null]);
      });

      it('assigns version 1 and timestamps on insert', async () => {
        const { records } = await insert({ id: 'c1', name: '张伟' }, AT(5));
        assertEqual(records[0], {
          id: 'c1',
          name: '张伟',
          version: 1,
          createdAt: AT(5),
          updatedAt: AT(5),
        });
        assertEqual(await adapter.get('customers', 'c1'), records[0]);
      });

      it('bumps the version and keeps createdAt on update', async () => {
        await insert({ id: 'c1', name: 'a' }, AT(1));
        const { records } = await adapter.commit(
          [
            {
              type: 'update',
              collection: 'customers',
              record: { id: 'c1', name: 'b' },
              expectedVersion: 1,
            },
          ],
          { at: AT(2) },
        );
        assertEqual(records[0], {
          id: 'c1',
          name: 'b',
          version: 2,
          createdAt: AT(1),
          updatedAt: AT(2),
        });
      });

      it('replaces the whole record on update', async () => {
        await insert({ id: 'c1', name: 'a', tier: 'vip' });
        await adapter.commit([
          { type: 'update', collection: 'customers', record: { id: 'c1', name: 'b' } },
        ]);
        const stored = await adapter.get('customers', 'c1');
        assert(stored && !('tier' in stored), 'a field left out of the update is removed');
      });

      it('returns getMany in the order asked, with nulls for gaps', async () => {
        await adapter.commit([
          { type: 'insert', collection: 'customers', record: { id: 'a', name: 'A' } },
          { type: 'insert', collection: 'customers', record: { id: 'b', name: 'B' } },
        ]);
        const rows = await adapter.getMany('customers', ['b', 'x', 'a']);
        assertEqual(
          rows.map((r) => r?.id ?? null),
          ['b', null, 'a'],
        );
      });

      it('deletes', async () => {
        await insert({ id: 'c1', name: 'a' });
        const { records } = await adapter.commit([
          { type: 'delete', collection: 'customers', id: 'c1' },
        ]);
        assertEqual(records, [null]);
        assertEqual(await adapter.get('customers', 'c1'), null);
      });

      it('does not let callers change stored data through returned objects', async () => {
        await insert({ id: 'c1', name: 'a', tags: ['x'] });
        const got = (await adapter.get('customers', 'c1')) as unknown as {
          name: string;
          tags: string[];
        };
        try {
          got.name = 'changed';
          got.tags.push('y');
        } catch {
          // frozen records are fine too
        }
        assertEqual((await adapter.get('customers', 'c1'))?.name, 'a');
        assertEqual((await adapter.get('customers', 'c1'))?.tags, ['x']);
      });

      it('refuses an unknown collection with a StorageError', async () => {
        await assertRejects(adapter.get('nope', 'x'), StorageError);
        await assertRejects(
          adapter.commit([{ type: 'insert', collection: 'nope', record: { id: 'x' } }]),
          StorageError,
        );
      });
    });

    describe('optimistic concurrency', () => {
      it('rejects an insert of an existing id with ConflictError', async () => {
        await insert({ id: 'c1', name: 'first' });
        await assertRejects(insert({ id: 'c1', name: 'second' }), ConflictError);
        assertEqual((await adapter.get('customers', 'c1'))?.name, 'first');
      });

      it('rejects a stale expectedVersion with ConflictError and keeps the record', async () => {
        await insert({ id: 'c1', name: 'a' });
        await adapter.commit([
          {
            type: 'update',
            collection: 'customers',
            record: { id: 'c1', name: 'b' },
            expectedVersion: 1,
          },
        ]);
        const error = await assertRejects(
          adapter.commit([
            {
              type: 'update',
              collection: 'customers',
              record: { id: 'c1', name: 'c' },
              expectedVersion: 1,
            },
          ]),
          ConflictError,
        );
        assertEqual([error.expectedVersion, error.actualVersion], [1, 2]);
        assertEqual((await adapter.get('customers', 'c1'))?.name, 'b');
        await assertRejects(
          adapter.commit([
            { type: 'delete', collection: 'customers', id: 'c1', expectedVersion: 1 },
          ]),
          ConflictError,
        );
        assert(
          await adapter.get('customers', 'c1'),
          'a delete with a stale version removes nothing',
        );
      });

      it('lets exactly one of two racing updates with the same expectedVersion win', async () => {
        await insert({ id: 'c1', name: 'a' });
        const results = await Promise.allSettled([
          adapter.commit([
            {
              type: 'update',
              collection: 'customers',
              record: { id: 'c1', name: 'left' },
              expectedVersion: 1,
            },
          ]),
          adapter.commit([
            {
              type: 'update',
              collection: 'customers',
              record: { id: 'c1', name: 'right' },
              expectedVersion: 1,
            },
          ]),
        ]);
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r) => r.status === 'rejected');
        assertEqual([won.length, lost.length], [1, 1]);
        assert(
          (lost[0] as PromiseRejectedResult).reason instanceof ConflictError,
          'the loser gets ConflictError',
        );
        const stored = await adapter.get('customers', 'c1');
        assertEqual(stored?.version, 2);
      });

      it('reports NotFoundError for an update or delete of a missing record', async () => {
        await assertRejects(
          adapter.commit([{ type: 'update', collection: 'customers', record: { id: 'x' } }]),
          NotFoundError,
        );
        await assertRejects(
          adapter.commit([{ type: 'delete', collection: 'customers', id: 'x' }]),
          NotFoundError,
        );
      });
    });

    describe('all-or-nothing commits', () => {
      it('stores nothing of 1,000 inserts when one mutation fails', async () => {
        await insert({ id: 'existing', name: 'keep' });
        const mutations = Array.from({ length: 1000 }, (_, i) => ({
          type: 'insert' as const,
          collection: 'customers',
          record: { id: `bulk-${i}`, name: `客户 ${i}` },
        }));
        // One update with a stale version in the middle of the batch.
        mutations.splice(537, 0, {
          type: 'update',
          collection: 'customers',
          record: { id: 'existing', name: 'changed' },
          expectedVersion: 7,
        } as never);
        await assertRejects(adapter.commit(mutations), ConflictError);
        assertEqual(await adapter.count('customers'), 1);
        assertEqual((await adapter.get('customers', 'existing'))?.name, 'keep');
      });

      it('stores nothing when a duplicate id appears late in a batch, and names it', async () => {
        const mutations = Array.from({ length: 1000 }, (_, i) => ({
          type: 'insert' as const,
          collection: 'customers',
          record: { id: `bulk-${i === 999 ? 3 : i}`, name: `n${i}` },
        }));
        const error = await assertRejects(adapter.commit(mutations), ConflictError);
        assertEqual([error.collection, error.id], ['customers', 'bulk-3']);
        assertEqual(await adapter.count('customers'), 0);
      });

      it('is atomic across collections', async () => {
        await assertRejects(
          adapter.commit([
            { type: 'insert', collection: 'customers', record: { id: 'c1', name: 'a' } },
            { type: 'insert', collection: 'deals', record: { id: 'd1', name: 'deal' } },
            { type: 'delete', collection: 'deals', id: 'missing' },
          ]),
          NotFoundError,
        );
        assertEqual([await adapter.count('customers'), await adapter.count('deals')], [0, 0]);
      });

      it('applies mutations of one id in order within a commit', async () => {
        const { records } = await adapter.commit(
          [
            { type: 'insert', collection: 'customers', record: { id: 'c1', name: 'a' } },
            {
              type: 'update',
              collection: 'customers',
              record: { id: 'c1', name: 'b' },
              expectedVersion: 1,
            },
            {
              type: 'update',
              collection: 'customers',
              record: { id: 'c1', name: 'c' },
              expectedVersion: 2,
            },
          ],
          { at: AT(3) },
        );
        assertEqual(
          records.map((r) => r?.version),
          [1, 2, 3],
        );
        assertEqual((await adapter.get('customers', 'c1'))?.name, 'c');
      });

      it('reports progress up to the total', async () => {
        const seen: [number, number][] = [];
        await adapter.commit(
          Array.from({ length: 2500 }, (_, i) => ({
            type: 'insert' as const,
            collection: 'customers',
            record: { id: `p${i}`, name: 'x' },
          })),
          { onProgress: (done, total) => seen.push([done, total]) },
        );
        assert(seen.length >= 1, 'progress was reported');
        assertEqual(seen[seen.length - 1], [2500, 2500]);
        assert(
          seen.every(([done], i) => i === 0 || done > seen[i - 1]![0]),
          'progress only grows',
        );
      });
    });

    describe('commits of a mutation stream', () => {
      /** `chunks` chunks of `per` inserts into customers; `fail(chunk)` may throw instead of producing it. */
      const stream = (chunks: number, per: number, fail?: (chunk: number) => void) => ({
        collections: ['customers'],
        size: chunks * per,
        chunks: (function* () {
          for (let c = 0; c < chunks; c++) {
            fail?.(c);
            yield Array.from({ length: per }, (_, i) => ({
              type: 'insert' as const,
              collection: 'customers',
              record: { id: `s${String(c * per + i).padStart(5, '0')}`, name: `客户 ${c}-${i}` },
            }));
          }
        })(),
      });

      it('stores every chunk like a list, in order, with progress up to the total', async () => {
        const seen: [number, number][] = [];
        const { records } = await adapter.commit(stream(6, 500), {
          at: AT(4),
          onProgress: (done, total) => seen.push([done, total]),
        });
        assertEqual(records.length, 3000);
        assertEqual(records[2999]?.id, 's02999');
        assertEqual(records[0]?.version, 1);
        assertEqual(await adapter.count('customers'), 3000);
        assertEqual((await adapter.get('customers', 's01234'))?.name, '客户 2-234');
        assertEqual(seen[seen.length - 1], [3000, 3000]);
        assert(
          seen.every(([done], i) => i === 0 || done > seen[i - 1]![0]),
          'progress only grows',
        );
      });

      it('stores nothing when producing the last chunk throws, and rejects with that error', async () => {
        await insert({ id: 'existing', name: 'keep' });
        const error = new StorageError('STORAGE_FAILED', 'the producer gave up');
        const rejected = await assertRejects(
          adapter.commit(
            stream(6, 500, (chunk) => {
              if (chunk === 5) throw error;
            }),
          ),
          StorageError,
        );
        assert(rejected === error, "the producer's error is passed on unchanged");
        assertEqual(await adapter.count('customers'), 1);
      });

      it('stores nothing when a late chunk conflicts with a stored record', async () => {
        await insert({ id: 's02900', name: 'keep' });
        const error = await assertRejects(adapter.commit(stream(6, 500)), ConflictError);
        assertEqual(error.id, 's02900');
        assertEqual(await adapter.count('customers'), 1);
        assertEqual((await adapter.get('customers', 's02900'))?.name, 'keep');
      });

      it('applies a commit in order across chunks: later chunks update and delete what earlier ones inserted', async () => {
        const insert = (id: string, name: string) =>
          ({ type: 'insert', collection: 'customers', record: { id, name } }) as const;
        const update = (id: string, name: string, expectedVersion: number) =>
          ({
            type: 'update',
            collection: 'customers',
            record: { id, name },
            expectedVersion,
          }) as const;
        const first = Array.from({ length: 400 }, (_, i) => insert(`o${i}`, `客户 ${i}`));
        const chunks: Mutation[][] = [
          first,
          // The same record inserted and updated within one chunk, and one from the first chunk.
          [insert('late', '新客户'), update('late', '新客户 二', 1), update('o5', '改名', 1)],
          [
            { type: 'delete', collection: 'customers', id: 'o7', expectedVersion: 1 },
            update('o5', '再改名', 2),
          ],
        ];
        const { records } = await adapter.commit(
          { collections: ['customers'], size: 405, chunks },
          { at: AT(6) },
        );
        assertEqual(
          records.slice(400).map((r) => r && [r.id, r.version]),
          [['late', 1], ['late', 2], ['o5', 2], null, ['o5', 3]],
        );
        const o5 = await adapter.get('customers', 'o5');
        assertEqual([o5?.name, o5?.version], ['再改名', 3]);
        const late = await adapter.get('customers', 'late');
        assertEqual([late?.name, late?.version], ['新客户 二', 2]);
        assertEqual(await adapter.get('customers', 'o7'), null);
        assertEqual(await adapter.count('customers'), 400);
      });

      it('stores nothing when a later chunk updates a record an earlier chunk inserted, with a stale version', async () => {
        const chunks: Mutation[][] = [
          Array.from({ length: 300 }, (_, i) => ({
            type: 'insert' as const,
            collection: 'customers',
            record: { id: `v${i}`, name: `客户 ${i}` },
          })),
          [
            {
              type: 'update',
              collection: 'customers',
              record: { id: 'v9', name: 'x' },
              expectedVersion: 2,
            },
          ],
        ];
        const error = await assertRejects(
          adapter.commit({ collections: ['customers'], size: 301, chunks }),
          ConflictError,
        );
        assertEqual([error.id, error.actualVersion], ['v9', 1]);
        assertEqual(await adapter.count('customers'), 0);
      });

      it('fails, storing nothing, when the chunks hold another count than declared', async () => {
        await assertRejects(adapter.commit({ ...stream(2, 500), size: 1500 }), StorageError);
        assertEqual(await adapter.count('customers'), 0);
      });
    });

    describe('queries', () => {
      const people = [
        {
          id: 'p01',
          name: '张伟明',
          tier: 'vip',
          score: 90,
          tags: ['重点客户'],
          phones: [{ number: '138 0013 8000' }],
          region: { city: '北京' },
        },
        {
          id: 'p02',
          name: '张伟',
          tier: 'key',
          score: 75,
          tags: ['老客户', '渠道'],
          phones: [{ number: '+86 139-1234-5678' }],
          region: { city: '上海' },
        },
        {
          id: 'p03',
          name: '王芳',
          tier: 'regular',
          score: 60,
          tags: [],
          phones: [],
          region: { city: '广州' },
        },
        {
          id: 'p04',
          name: 'Acme Trading',
          tier: 'vip',
          score: 82,
          tags: ['VIP'],
          emails: ['Sales@Acme.example'],
          region: { city: 'Shenzhen' },
        },
        {
          id: 'p05',
          name: 'ＡＣＭＥ Holdings',
          tier: 'key',
          score: 40,
          tags: ['渠道'],
          phones: [{ number: '１３７００１３７０００' }],
        },
        { id: 'p06', name: '李娜', tier: 'regular', ownerId: 'u1', score: 55, tags: ['重点客户'] },
        { id: 'p07', name: '张建国', tier: 'vip', ownerId: 'u1', score: 70, tags: [] },
      ];
      beforeEach(async () => {
        await adapter.commit(
          people.map((record) => ({ type: 'insert' as const, collection: 'customers', record })),
          { at: AT(10) },
        );
      });

      it('filters with every operator', async () => {
        const q = async (where: QuerySpec['where']) => (await allPages({ where })).sort();
        assertEqual(await q({ tier: { eq: 'vip' } }), ['p01', 'p04', 'p07']);
        assertEqual(await q({ tier: { ne: 'vip' } }), ['p02', 'p03', 'p05', 'p06']);
        assertEqual(await q({ tier: { in: ['key', 'regular'] }, score: { gte: 60 } }), [
          'p02',
          'p03',
        ]);
        assertEqual(await q({ tier: { nin: ['vip', 'key'] } }), ['p03', 'p06']);
        assertEqual(await q({ score: { gt: 70, lt: 90 } }), ['p02', 'p04']);
        assertEqual(await q({ score: { lte: 55 } }), ['p05', 'p06']);
        assertEqual(await q({ tags: { contains: '渠道' } }), ['p02', 'p05']);
        assertEqual(await q({ tags: { eq: '重点客户' } }), ['p01', 'p06']);
        assertEqual(await q({ name: { contains: 'acme' } }), ['p04', 'p05']);
        assertEqual(await q({ name: { startsWith: '张' } }), ['p01', 'p02', 'p07']);
        assertEqual(await q({ ownerId: { exists: true } }), ['p06', 'p07']);
        assertEqual(await q({ ownerId: { eq: null } }), ['p01', 'p02', 'p03', 'p04', 'p05']);
        assertEqual(await q({ 'region.city': { in: ['北京', '上海'] } }), ['p01', 'p02']);
        assertEqual(await q({ or: [{ tier: { eq: 'regular' } }, { score: { gte: 90 } }] }), [
          'p01',
          'p03',
          'p06',
        ]);
        assertEqual(await q({ not: { tier: { eq: 'vip' } }, and: [{ score: { gte: 50 } }] }), [
          'p02',
          'p03',
          'p06',
        ]);
        assertEqual(await q({ tier: { eq: 'vip' }, ownerId: { eq: 'u1' } }), ['p07']);
      });

      it('searches Chinese by substring, Latin ignoring case and width, phones ignoring format', async () => {
        const s = async (search: string) => (await allPages({ search })).sort();
        assertEqual(await s('张伟'), ['p01', 'p02']);
        assertEqual(await s('acme'), ['p04', 'p05']);
        assertEqual(await s('ＡＣＭＥ'), ['p04', 'p05']);
        assertEqual(await s('13800138000'), ['p01']);
        assertEqual(await s('+86 138 0013 8000'), ['p01']);
        assertEqual(await s('139 1234'), ['p02']);
        assertEqual(await s('137-0013-7000'), ['p05']);
        assertEqual(await s('sales@acme'), ['p04']);
        assertEqual(await s('重点客户'), ['p01', 'p06']);
        assertEqual(await s('张 北京'), ['p01'], 'every term must match');
        assertEqual(await s('不存在'), []);
      });

      it('orders by several fields and always breaks ties by id', async () => {
        const byTierThenScore = await allPages({
          orderBy: [{ field: 'tier' }, { field: 'score', direction: 'desc' }],
        });
        assertEqual(byTierThenScore, ['p02', 'p05', 'p03', 'p06', 'p01', 'p04', 'p07']);
        // Strings order by UTF-16 code unit, as IndexedDB keys do: 'A' < '张' < '李' < '王' < 'Ａ'.
        const byNameDesc = await allPages({
          orderBy: [{ field: 'name', direction: 'desc' }],
          limit: 2,
        });
        assertEqual(byNameDesc, ['p05', 'p03', 'p06', 'p07', 'p01', 'p02', 'p04']);
        // Equal createdAt everywhere: the id decides, in the direction of the last field.
        assertEqual(
          await allPages({ orderBy: [{ field: 'createdAt', direction: 'desc' }], limit: 3 }),
          ['p07', 'p06', 'p05', 'p04', 'p03', 'p02', 'p01'],
        );
      });

      it('aggregates counts and sums per group of the matching records', async () => {
        // An adapter's own `aggregate` (optional) must agree with reading the matches; without
        // one, the gateway folds pages of `query`, which is what this then checks.
        const aggregate = async (query: AggregateQuery) => {
          const { groups } = adapter.aggregate
            ? await adapter.aggregate('customers', query)
            : await aggregatePages(query, (spec) => adapter.query('customers', spec));
          return groups
            .map((g) => ({ key: g.key, count: g.count, sums: g.sums }))
            .sort((a, b) => {
              const [x, y] = [JSON.stringify(a.key), JSON.stringify(b.key)];
              return x < y ? -1 : x > y ? 1 : 0;
            });
        };
        assertEqual(
          await aggregate({ where: { score: { gte: 50 } }, groupBy: ['tier'], sum: ['score'] }),
          [
            { key: ['key'], count: 1, sums: [75] },
            { key: ['regular'], count: 2, sums: [115] },
            { key: ['vip'], count: 3, sums: [242] },
          ],
        );
        // An indexed eq narrows; a missing value groups as null; a non-number adds nothing.
        assertEqual(
          await aggregate({
            where: { tier: { eq: 'vip' } },
            groupBy: ['ownerId'],
            sum: ['score', 'name'],
          }),
          [
            { key: ['u1'], count: 1, sums: [70, 0] },
            { key: [null], count: 2, sums: [172, 0] },
          ],
        );
        assertEqual(await aggregate({ groupBy: ['tier', 'region.city'] }), [
          { key: ['key', '上海'], count: 1, sums: [] },
          { key: ['key', null], count: 1, sums: [] },
          { key: ['regular', '广州'], count: 1, sums: [] },
          { key: ['regular', null], count: 1, sums: [] },
          { key: ['vip', 'Shenzhen'], count: 1, sums: [] },
          { key: ['vip', '北京'], count: 1, sums: [] },
          { key: ['vip', null], count: 1, sums: [] },
        ]);
        assertEqual(await aggregate({ where: { tier: { eq: 'none' } }, groupBy: ['tier'] }), []);
      });

      it('pages with limit and cursor and reports the total', async () => {
        const first = await adapter.query('customers', { orderBy: [{ field: 'score' }], limit: 3 });
        assertEqual(ids(first), ['p05', 'p06', 'p03']);
        assertEqual(first.total, 7);
        assert(first.nextCursor, 'a next cursor');
        const second = await adapter.query('customers', {
          orderBy: [{ field: 'score' }],
          limit: 3,
          cursor: first.nextCursor!,
        });
        assertEqual(ids(second), ['p07', 'p02', 'p04']);
        const third = await adapter.query('customers', {
          orderBy: [{ field: 'score' }],
          limit: 3,
          cursor: second.nextCursor!,
        });
        assertEqual(ids(third), ['p01']);
        assertEqual(third.nextCursor, null);
      });

      it('keeps cursor pages stable while records are inserted', async () => {
        const spec: QuerySpec = { orderBy: [{ field: 'name' }], limit: 3 };
        const first = await adapter.query('customers', spec);
        // Insert one record that sorts before the cursor and one after it.
        await adapter.commit([
          { type: 'insert', collection: 'customers', record: { id: 'n1', name: '0 first' } },
          { type: 'insert', collection: 'customers', record: { id: 'n2', name: '龙 last' } },
        ]);
        const seen = [...ids(first)];
        let cursor = first.nextCursor;
        while (cursor) {
          const page = await adapter.query('customers', { ...spec, cursor });
          seen.push(...ids(page));
          cursor = page.nextCursor;
        }
        assertEqual(new Set(seen).size, seen.length, 'no record repeats');
        for (const p of people) assert(seen.includes(p.id), `${p.id} is not skipped`);
        assert(
          seen.includes('n2') && !seen.includes('n1'),
          'a new record after the cursor appears, one before does not',
        );
      });

      it('ends the last page with a null cursor and returns an empty page past the end', async () => {
        const all = await adapter.query('customers', { limit: 100 });
        assertEqual([all.items.length, all.total, all.nextCursor], [7, 7, null]);
        const none = await adapter.query('customers', { where: { tier: { eq: 'none' } } });
        assertEqual([none.items.length, none.total, none.nextCursor], [0, 0, null]);
      });

      it('counts with filters and search', async () => {
        assertEqual(await adapter.count('customers'), 7);
        assertEqual(await adapter.count('customers', { where: { tier: { eq: 'vip' } } }), 3);
        assertEqual(
          await adapter.count('customers', { where: { tier: { in: ['vip', 'key'] } } }),
          5,
        );
        assertEqual(
          await adapter.count('customers', { where: { tier: { eq: 'vip' }, score: { gt: 80 } } }),
          2,
        );
        assertEqual(await adapter.count('customers', { search: '张伟' }), 2);
      });

      it('agrees with itself whichever index a query could use', async () => {
        const viaIndex = await allPages({
          where: { tier: { eq: 'vip' } },
          orderBy: [{ field: 'tier' }],
        });
        const viaFilter = await allPages({
          where: { tier: { in: ['vip'] } },
          orderBy: [{ field: 'tier' }],
        });
        assertEqual(viaIndex, viaFilter);
        assertEqual(viaIndex, ['p01', 'p04', 'p07']);
      });
    });

    describe('change events', () => {
      it('announces created, updated and deleted changes with ids and versions', async () => {
        const batches: (readonly ChangeEvent[])[] = [];
        const unsubscribe = adapter.subscribe((changes) => batches.push(changes));
        await insert({ id: 'c1', name: 'a' });
        await adapter.commit([
          { type: 'update', collection: 'customers', record: { id: 'c1', name: 'b' } },
        ]);
        await adapter.commit([{ type: 'delete', collection: 'customers', id: 'c1' }]);
        unsubscribe();
        await insert({ id: 'c2', name: 'after' });
        assertEqual(
          batches.map((b) =>
            b.map(({ type, collection, id, version, source }) => ({
              type,
              collection,
              id,
              version,
              source,
            })),
          ),
          [
            [{ type: 'created', collection: 'customers', id: 'c1', version: 1, source: 'local' }],
            [{ type: 'updated', collection: 'customers', id: 'c1', version: 2, source: 'local' }],
            [{ type: 'deleted', collection: 'customers', id: 'c1', version: 2, source: 'local' }],
          ],
        );
      });

      it('announces nothing for a failed commit', async () => {
        const batches: unknown[] = [];
        adapter.subscribe((changes) => batches.push(changes));
        await assertRejects(
          adapter.commit([{ type: 'delete', collection: 'customers', id: 'missing' }]),
          NotFoundError,
        );
        assertEqual(batches.length, 0);
      });
    });

    describe('lifecycle', () => {
      it('describes its capabilities', () => {
        const c = adapter.capabilities;
        assert(typeof c.kind === 'string' && c.kind.length > 0, 'kind');
        assert(typeof c.transactions === 'boolean' && typeof c.persistent === 'boolean', 'flags');
        assert(c.indexes && typeof c.indexes === 'object', 'indexes');
      });

      it('refuses work after close with a StorageError', async () => {
        await adapter.close();
        const error = await assertRejects(adapter.get('customers', 'x'), StorageError);
        assertEqual(error.code, 'STORAGE_CLOSED');
      });
    });
  });
}
