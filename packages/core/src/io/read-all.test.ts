import type { DomainContext } from '../client/domain-context.js';
import type { QuerySpec } from '../query/query-spec.js';
import type { StoredRecord } from '../storage/storage-adapter.js';
import { IO_PAGE_SIZE, readAll } from './read-all.js';

// readAll sizes its pages by how long they take. The storage here is simulated: each page read
// advances a fake clock by a fixed part plus a part per record, as a scan (memory adapter) or a
// read of each record (IndexedDB) would.

const records: StoredRecord[] = Array.from({ length: 60_000 }, (_, i) => ({
  id: `r${String(i).padStart(6, '0')}`,
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
}));

let now = 0;
beforeEach(() => {
  now = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
});
afterEach(() => vi.restoreAllMocks());

/** A domain whose gateway pages through `records` by id, costing `fixed + perRecord × limit` ms. */
function simulated(fixed: number, perRecord: number) {
  const limits: number[] = [];
  const domain = {
    context: () => ({ principal: { id: 'u1', roles: [] }, now: '2026-01-01T00:00:00.000Z' }),
    gateway: {
      async query(_ctx: unknown, _entity: unknown, spec: QuerySpec) {
        const limit = spec.limit!;
        limits.push(limit);
        now += fixed + perRecord * limit;
        const start = spec.cursor ? Number(spec.cursor) : 0;
        const end = Math.min(records.length, start + limit);
        return {
          items: records.slice(start, end),
          total: records.length,
          nextCursor: end < records.length ? String(end) : null,
        };
      },
    },
  } as unknown as DomainContext;
  return { domain, limits };
}

async function ids(pages: AsyncGenerator<StoredRecord[]>): Promise<string[]> {
  const out: string[] = [];
  for await (const page of pages) out.push(...page.map((r) => r.id));
  return out;
}

describe('readAll', () => {
  it('keeps pages short when each record costs time (IndexedDB), and reads every record once', async () => {
    const { domain, limits } = simulated(2, 0.02);
    expect(await ids(readAll(domain, 'customer'))).toEqual(records.map((r) => r.id));
    // 2 ms + 0.02 ms per record: about 1,900 records make the 40 ms a page may take.
    const settled = limits.slice(3, -1);
    expect(Math.max(...settled)).toBeLessThanOrEqual(2_000);
    expect(Math.min(...settled)).toBeGreaterThanOrEqual(1_500);
  });

  it('grows pages to the largest when a page costs the same whatever its size (a scan)', async () => {
    const { domain, limits } = simulated(60, 0.0001);
    expect(await ids(readAll(domain, 'customer'))).toEqual(records.map((r) => r.id));
    expect(limits.slice(-3)).toEqual([IO_PAGE_SIZE, IO_PAGE_SIZE, IO_PAGE_SIZE]);
  });

  it('is not misled by one slow page (a busy machine only ever adds time)', async () => {
    const { domain, limits } = simulated(2, 0.02);
    const query = domain.gateway.query.bind(domain.gateway);
    let calls = 0;
    (domain.gateway as { query: typeof query }).query = async (...args) => {
      if (++calls === 4) now += 500; // a pause of the whole machine during the fourth page
      return query(...args);
    };
    expect(await ids(readAll(domain, 'customer'))).toEqual(records.map((r) => r.id));
    expect(Math.max(...limits.slice(4))).toBeLessThanOrEqual(2_000);
  });

  it('with prefetch, asks for the next page before the consumer is done, and stops when asked', async () => {
    const { domain, limits } = simulated(60, 0.0001);
    const pages = readAll(domain, 'customer', {}, undefined, undefined, { prefetch: true });
    const first = await pages.next();
    expect(first.value).toHaveLength(1_000);
    expect(limits).toEqual([1_000, 2_000]); // the second page is already on its way
    await pages.return(undefined);
    expect(limits).toHaveLength(2);
  });

  it('uses the page size it is given', async () => {
    const { domain, limits } = simulated(2, 0.02);
    await ids(readAll(domain, 'customer', { limit: 7_000 }));
    expect(new Set(limits)).toEqual(new Set([7_000]));
  });
});
