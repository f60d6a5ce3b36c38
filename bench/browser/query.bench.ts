// Reading, against the raw equivalent in the same page:
// - a paged indexed query (limit 50, `eq` on an index, following pages by cursor) and its count
//   through the SDK over IndexedDB, against raw `index.getAll(range, 50)` / `index.count(range)`
//   on the same database;
// - filter + sort + page over 100k records in memory through the SDK (memory adapter), against a
//   hand-written loop over the same array: filter, sort, slice.
// The store is filled with raw idb (the import itself is measured by import-contacts).
import { openDB } from 'idb';
import {
  createCrm,
  createIndexedDbAdapter,
  createMemoryAdapter,
  INDEXEDDB_SCHEMA_VERSION,
  type QuerySpec,
} from '@rapport/core';
import { generateDemoData } from '@rapport/core/demo';
import type { Bench, Measurement } from './harness.js';
import { deleteDatabase, median } from './harness.js';

const PAGES = 5;
/**
 * Calls per timing: Chromium coarsens `performance.now()` to 100 µs on a page that is not
 * cross-origin isolated, so sub-millisecond reads are timed in batches and divided.
 */
const BATCH = 20;

async function time(fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export const run: Bench = async ({ size, repetitions }) => {
  const at = '2026-06-30T08:00:00.000Z';
  const data = generateDemoData({ seed: 2, contacts: size, customers: Math.ceil(size / 2.5) });
  const records = data.contacts.map((c, i) => ({
    ...c,
    id: `c${String(i).padStart(7, '0')}-${(i * 2654435761) % 1e9}`,
    phones: c.phones ?? [],
    emails: c.emails ?? [],
    tags: c.tags ?? [],
    customFields: c.customFields ?? {},
    consent: c.consent ?? {},
    isPrimary: c.isPrimary ?? false,
    version: 1,
    createdAt: at,
    updatedAt: at,
  }));
  // The busiest owner: the query pages through many matches, not a handful.
  const perOwner = new Map<string, number>();
  for (const r of records)
    if (r.ownerId) perOwner.set(r.ownerId, (perOwner.get(r.ownerId) ?? 0) + 1);
  const [owner, ownerCount] = [...perOwner].sort((a, b) => b[1] - a[1])[0]!;

  const name = 'bench-query';
  await deleteDatabase(name);
  await createIndexedDbAdapter({ name }).close();
  const raw = await openDB(name, INDEXEDDB_SCHEMA_VERSION);
  {
    const tx = raw.transaction('contacts', 'readwrite');
    for (const record of records) void tx.store.put(record);
    await tx.done;
  }
  const crm = await createCrm({
    storage: createIndexedDbAdapter({ name, broadcast: false }),
    clock: () => new Date(at),
  });
  const range = IDBKeyRange.bound([owner], [owner, []]);
  const where = { ownerId: { eq: owner } };

  const sdkPage: number[] = [];
  const rawPage: number[] = [];
  const sdkCount: number[] = [];
  const rawCount: number[] = [];
  const rounds = repetitions * 4;
  // Warm-up, untimed: the first calls of each path pay for compilation, not for reading.
  for (let r = 0; r < 5; r++) {
    await crm.contacts.list({ where, limit: 50 });
    await crm.contacts.count(where);
    await raw.transaction('contacts').store.index('ownerId').getAll(range, 50);
    await raw.transaction('contacts').store.index('ownerId').count(range);
  }
  const walks = BATCH / PAGES;
  // SDK: first page and the next ones by cursor, per page.
  const sdkPageRound = async () =>
    (await time(async () => {
      for (let w = 0; w < walks; w++) {
        let cursor: string | null = null;
        for (let p = 0; p < PAGES; p++) {
          const page = await crm.contacts.list({ where, limit: 50, ...(cursor && { cursor }) });
          if (page.items.length !== 50) throw new Error('short page');
          cursor = page.nextCursor;
        }
      }
    })) / BATCH;
  const rawPageRound = async () =>
    (await time(async () => {
      for (let w = 0; w < walks; w++) {
        let lower: IDBKeyRange = range;
        for (let p = 0; p < PAGES; p++) {
          const items = await raw.transaction('contacts').store.index('ownerId').getAll(lower, 50);
          if (items.length !== 50) throw new Error('short page');
          const last = items[items.length - 1] as { id: string };
          lower = IDBKeyRange.bound([owner, last.id], [owner, []], true);
        }
      }
    })) / BATCH;
  const sdkCountRound = async () =>
    (await time(async () => {
      for (let b = 0; b < BATCH; b++)
        if ((await crm.contacts.count(where)) !== ownerCount) throw new Error('wrong count');
    })) / BATCH;
  const rawCountRound = async () =>
    (await time(async () => {
      for (let b = 0; b < BATCH; b++)
        if ((await raw.transaction('contacts').store.index('ownerId').count(range)) !== ownerCount)
          throw new Error('wrong count');
    })) / BATCH;
  for (let r = 0; r < rounds; r++) {
    // Which side goes first alternates by round: the batch after another one inherits its
    // leftovers (IndexedDB's pending work, garbage), and that must not always fall on one side.
    const sdkFirst = r % 2 === 0;
    if (sdkFirst) sdkPage.push(await sdkPageRound());
    rawPage.push(await rawPageRound());
    if (!sdkFirst) sdkPage.push(await sdkPageRound());
    if (sdkFirst) sdkCount.push(await sdkCountRound());
    rawCount.push(await rawCountRound());
    if (!sdkFirst) sdkCount.push(await sdkCountRound());
  }
  raw.close();
  await crm.close();
  await deleteDatabase(name);

  // In memory: the same records, a filter on two fields, ordered by name, first page of 50.
  const memory = createMemoryAdapter();
  await memory.commit(
    records.map((record) => ({ type: 'insert', collection: 'contacts', record })),
  );
  const mem = await createCrm({ storage: memory, clock: () => new Date(at) });
  const owners = [...perOwner.keys()].slice(0, Math.max(1, Math.floor(perOwner.size / 2)));
  const spec: QuerySpec = {
    where: { ownerId: { in: owners }, isPrimary: { eq: false } },
    orderBy: [{ field: 'name' }],
    limit: 50,
  };
  const ownerSet = new Set(owners);
  const handLoop = () => {
    const matches = [];
    for (const r of records)
      if (r.ownerId && ownerSet.has(r.ownerId) && !r.isPrimary) matches.push(r);
    matches.sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    );
    return { items: matches.slice(0, 50), total: matches.length };
  };
  const expected = handLoop();
  const got = await mem.contacts.list(spec);
  if (
    got.total !== expected.total ||
    got.items.map((i) => i.id).join() !== expected.items.map((i) => i.id).join()
  )
    throw new Error('in-memory query and hand loop disagree');
  const sdkMem: number[] = [];
  const rawMem: number[] = [];
  // Both warmed up alike (the JIT compiles each path on its first calls), then timed alternately.
  for (let r = 0; r < 5; r++) {
    await mem.contacts.list(spec);
    handLoop();
  }
  for (let r = 0; r < repetitions * 2; r++) {
    sdkMem.push(await time(() => mem.contacts.list(spec)));
    rawMem.push(await time(handLoop));
  }
  await mem.close();

  const pageRapport = median(sdkPage);
  const pageRaw = median(rawPage);
  const rows: Measurement[] = [
    {
      measure: `indexed query, limit 50, ${PAGES} pages by cursor (ms per page, median of ${rounds} × ${BATCH} pages)`,
      rapport: pageRapport,
      baseline: pageRaw,
      baselineName: 'raw index.getAll(range, 50)',
      goal: '≤ 1.5×',
      goalRatio: 1.5,
      notes: `${ownerCount} of ${size} contacts match; the SDK page also returns total (an index count)`,
    },
    {
      measure: `indexed count of ${ownerCount} (ms, median of ${rounds} × ${BATCH} calls)`,
      rapport: median(sdkCount),
      baseline: median(rawCount),
      baselineName: 'raw index.count(range)',
      goal: '≤ 1.2×',
      goalRatio: 1.2,
    },
    {
      measure: `in-memory filter + sort + page over ${size} (ms, median of ${repetitions * 2})`,
      rapport: median(sdkMem),
      baseline: median(rawMem),
      baselineName: 'hand-written loop',
      goal: '≤ 1.5×',
      goalRatio: 1.5,
      notes: `${expected.total} matches, ordered by name`,
    },
  ];
  return rows;
};
