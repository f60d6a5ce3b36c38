import { StorageError } from '../errors.js';
import { assertEqual, assertRejects, describeStorageAdapter } from '../testing/index.js';
import { createIndexedDbAdapter as createLoadedIndexedDbAdapter } from './indexeddb-adapter.js';
import { createIndexedDbAdapter } from './lazy-indexeddb-adapter.js';
import type { ChangeEvent, StorageAdapter } from './storage-adapter.js';
import { deleteDatabase, freshDatabases } from '../testing/delete-database.js';

// `createIndexedDbAdapter` of `@rapport/core` loads its implementation on demand: same contract.
const uniqueName = () => `rapport-test-${crypto.randomUUID()}`;

describeStorageAdapter(
  'indexeddb, loaded on demand',
  freshDatabases((name) => createIndexedDbAdapter({ name })),
);

describe('indexeddb adapter loaded on demand', () => {
  let name: string;
  let adapters: StorageAdapter[];
  const track = (adapter: StorageAdapter) => {
    adapters.push(adapter);
    return adapter;
  };
  beforeEach(() => {
    name = uniqueName();
    adapters = [];
  });
  afterEach(async () => {
    for (const adapter of adapters) await adapter.close();
    await deleteDatabase(name);
  });

  it('reports the same capabilities as the implementation before it has loaded', () => {
    for (const options of [{}, { broadcast: false }]) {
      const lazy = track(createIndexedDbAdapter({ name, ...options }));
      const loaded = track(createLoadedIndexedDbAdapter({ name, ...options }));
      assertEqual(lazy.capabilities, loaded.capabilities);
      // Same optional methods: no `aggregate` here, so the gateway folds pages of `query`.
      assertEqual(typeof lazy.aggregate, typeof loaded.aggregate);
    }
  });

  it('hears another tab from the start, without an operation of its own', async () => {
    const listening = track(createIndexedDbAdapter({ name }));
    const seen: ChangeEvent[] = [];
    listening.subscribe((changes) => seen.push(...changes));
    const writer = track(createIndexedDbAdapter({ name }));
    // Wait until the listening tab's implementation has loaded and joined the channel.
    await listening.count('customers');
    await writer.commit([
      { type: 'insert', collection: 'customers', record: { id: 'c1', name: '张伟明' } },
    ]);
    for (let i = 0; i < 50 && seen.length < 1; i++) await new Promise((r) => setTimeout(r, 10));
    assertEqual(
      seen.map(({ type, id, source }) => ({ type, id, source })),
      [{ type: 'created', id: 'c1', source: 'remote' }],
    );
  });

  it('answers its first query from the indexes and refuses work once closed', async () => {
    const adapter = track(createIndexedDbAdapter({ name }));
    await adapter.commit([
      { type: 'insert', collection: 'customers', record: { id: 'c1', name: 'a', ownerId: 'u1' } },
      { type: 'insert', collection: 'customers', record: { id: 'c2', name: 'b', ownerId: 'u2' } },
    ]);
    const spec = { where: { ownerId: { eq: 'u2' } } };
    assertEqual(
      (await adapter.query('customers', spec)).items.map((r) => r.id),
      ['c2'],
    );
    assertEqual((await adapter.explain!('customers', spec)).strategy, 'index');
    await adapter.close();
    const error = await assertRejects(adapter.get('customers', 'c1'), StorageError);
    assertEqual(error.code, 'STORAGE_CLOSED');
  });
});
