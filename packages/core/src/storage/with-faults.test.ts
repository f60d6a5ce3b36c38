import { describe, expect, it } from 'vitest';
import { ConflictError, StorageError } from '../errors.js';
import { describeStorageAdapter } from '../testing/index.js';
import { createMemoryAdapter } from './memory-adapter.js';
import { withFaults } from './with-faults.js';

// With an empty plan the wrapper is transparent: the whole contract holds through it.
describeStorageAdapter('memory with an empty fault plan', {
  create: () => withFaults(createMemoryAdapter(), []),
});

const insert = (id: string, collection = 'customers') =>
  ({ type: 'insert', collection, record: { id } }) as const;

describe('withFaults', () => {
  it('fails every matching call with a StorageError by default', async () => {
    const adapter = withFaults(createMemoryAdapter(), {
      operation: 'query',
      collection: 'customers',
    });
    const error = await adapter.query('customers', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ code: 'STORAGE_FAILED' });
    await expect(adapter.query('customers', {})).rejects.toThrow(/query on customers/);
    // Other operations and collections are untouched.
    expect((await adapter.query('deals', {})).items).toEqual([]);
    expect(await adapter.count('customers')).toBe(0);
  });

  it('stores nothing when a commit fails', async () => {
    const inner = createMemoryAdapter();
    const adapter = withFaults(inner, { operation: 'commit', collection: 'deals' });
    await expect(adapter.commit([insert('c1'), insert('d1', 'deals')])).rejects.toThrow(
      StorageError,
    );
    expect(await inner.get('customers', 'c1')).toBeNull();
    await adapter.commit([insert('c2')]);
    expect(await inner.get('customers', 'c2')).toMatchObject({ id: 'c2' });
  });

  it('fails only the calls between `after` and `after + times`', async () => {
    const adapter = withFaults(createMemoryAdapter(), {
      operation: 'commit',
      after: 1,
      times: 2,
      error: new StorageError('STORAGE_QUOTA_EXCEEDED', 'disk full'),
    });
    const outcomes: string[] = [];
    for (const id of ['a', 'b', 'c', 'd']) {
      outcomes.push(
        await adapter.commit([insert(id)]).then(
          () => 'ok',
          (e: StorageError) => e.code,
        ),
      );
    }
    expect(outcomes).toEqual(['ok', 'STORAGE_QUOTA_EXCEEDED', 'STORAGE_QUOTA_EXCEEDED', 'ok']);
    expect(await adapter.count('customers')).toBe(2);
  });

  it('builds the error per call from a factory, which sees the mutations', async () => {
    const adapter = withFaults(createMemoryAdapter(), {
      operation: ['commit'],
      error: (call) => {
        const first = call.mutations?.[0];
        return new ConflictError(first?.collection ?? '?', 'x', 1, 2);
      },
    });
    const error = await adapter.commit([insert('d9', 'deals')]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ collection: 'deals' });
  });

  it('fails only while `when` says so, counting only those calls', async () => {
    let on = false;
    const adapter = withFaults(createMemoryAdapter(), {
      operation: 'count',
      times: 1,
      when: () => on,
    });
    expect(await adapter.count('customers')).toBe(0);
    on = true;
    await expect(adapter.count('customers')).rejects.toThrow(StorageError);
    expect(await adapter.count('customers')).toBe(0);
  });

  it('checks rules in order and counts each rule separately', async () => {
    const adapter = withFaults(createMemoryAdapter(), [
      { operation: 'get', times: 1, error: new Error('first') },
      { operation: ['get', 'getMany'], error: new Error('second') },
    ]);
    await expect(adapter.get('customers', 'x')).rejects.toThrow('first');
    await expect(adapter.get('customers', 'x')).rejects.toThrow('second');
    await expect(adapter.getMany('customers', ['x'])).rejects.toThrow('second');
    expect(await adapter.count('customers')).toBe(0);
  });
});
