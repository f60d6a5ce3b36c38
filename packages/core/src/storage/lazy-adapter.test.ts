import { describe, expect, it } from 'vitest';
import { StorageError } from '../errors.js';
import { describeStorageAdapter } from '../testing/index.js';
import { lazyAdapter, type LoadedAdapter } from './lazy-adapter.js';
import { createMemoryAdapter } from './lazy-memory-adapter.js';
import { createMemoryAdapter as createLoadedMemoryAdapter } from './memory-adapter.js';
import type { ChangeEvent } from './storage-adapter.js';

// `createMemoryAdapter` of `@rapport/core` is the on-demand one: it must keep the whole contract.
describeStorageAdapter('memory, loaded on demand', { create: () => createMemoryAdapter() });

const CAPABILITIES = createLoadedMemoryAdapter().capabilities;
const insert = (id: string) =>
  [{ type: 'insert', collection: 'customers', record: { id, name: '张伟明' } }] as const;

describe('storage adapter loaded on demand', () => {
  it('reports the same capabilities as the implementation before it has loaded', () => {
    expect(createMemoryAdapter().capabilities).toEqual(CAPABILITIES);
    // Same optional methods: the memory adapter aggregates where its records are.
    expect(typeof createMemoryAdapter().aggregate).toBe(
      typeof createLoadedMemoryAdapter().aggregate,
    );
  });

  it('answers its first query and tells early listeners about the first change', async () => {
    const adapter = createMemoryAdapter({ searchIndex: false });
    const seen: ChangeEvent[] = [];
    adapter.subscribe((changes) => seen.push(...changes));
    await adapter.commit(insert('c1'));
    const page = await adapter.query('customers', { search: '张伟' });
    expect(page.items.map((r) => r.id)).toEqual(['c1']);
    expect(seen).toEqual([
      { type: 'created', collection: 'customers', id: 'c1', version: 1, source: 'local' },
    ]);
    expect(await adapter.explain!('customers', { search: '张伟' })).toEqual({
      strategy: 'scan',
      search: 'scan',
    });
    await adapter.close();
    await expect(adapter.get('customers', 'c1')).rejects.toMatchObject({
      code: 'STORAGE_CLOSED',
    });
  });

  it('turns a failure to load into a StorageError with the cause, and tries again next time', async () => {
    const offline = new TypeError('Failed to fetch dynamically imported module');
    let attempts = 0;
    const adapter = lazyAdapter(
      CAPABILITIES,
      async () => {
        attempts += 1;
        if (attempts === 1) throw offline;
        return createLoadedMemoryAdapter() as LoadedAdapter;
      },
      'memory',
      true,
    );
    const seen: ChangeEvent[] = [];
    adapter.subscribe((changes) => seen.push(...changes));
    const error = await adapter.get('customers', 'c1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ code: 'STORAGE_FAILED', cause: offline });
    expect((error as Error).message).toBe('Loading the memory storage adapter failed');
    // Back online: the next operation loads it, and listeners subscribed earlier hear of changes.
    await adapter.commit(insert('c1'));
    expect((await adapter.get('customers', 'c1'))?.name).toBe('张伟明');
    expect(seen.map((c) => c.id)).toEqual(['c1']);
    expect(attempts).toBe(2);
    await adapter.close();
  });

  it('closes without loading after a failed load, and then refuses operations', async () => {
    let attempts = 0;
    const adapter = lazyAdapter(
      CAPABILITIES,
      async () => {
        attempts += 1;
        throw new Error('offline');
      },
      'memory',
      true,
    );
    await expect(adapter.close()).resolves.toBeUndefined();
    await expect(adapter.count('customers')).rejects.toMatchObject({
      name: 'StorageError',
      code: 'STORAGE_CLOSED',
    });
    expect(attempts).toBe(1);
  });

  it('closes the implementation when closed while it is still loading', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const inner = createLoadedMemoryAdapter() as LoadedAdapter;
    const adapter = lazyAdapter(CAPABILITIES, () => gate.then(() => inner), 'memory', true);
    const closing = adapter.close();
    release();
    await closing;
    await expect(inner.get('customers', 'c1')).rejects.toMatchObject({ code: 'STORAGE_CLOSED' });
    await expect(adapter.get('customers', 'c1')).rejects.toMatchObject({
      code: 'STORAGE_CLOSED',
    });
  });
});
