import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeStorageAdapter } from '../testing/index.js';
import { createMemoryAdapter } from './memory-adapter.js';
import { withLatency } from './with-latency.js';

// The wrapper changes timing only: the whole contract still holds through it.
describeStorageAdapter('memory with latency', {
  create: () => withLatency(createMemoryAdapter(), 1),
});

describe('withLatency', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('answers a read only after the latency has passed', async () => {
    const inner = createMemoryAdapter();
    await inner.commit([{ type: 'insert', collection: 'customers', record: { id: 'c1' } }]);
    const adapter = withLatency(inner, 300);
    let record: unknown;
    const pending = adapter.get('customers', 'c1').then((r) => (record = r));

    await vi.advanceTimersByTimeAsync(299);
    expect(record).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(record).toMatchObject({ id: 'c1', version: 1 });
  });

  it('delays a write before it reaches storage', async () => {
    const inner = createMemoryAdapter();
    const adapter = withLatency(inner, 100);
    const pending = adapter.commit([
      { type: 'insert', collection: 'customers', record: { id: 'c1' } },
    ]);

    await vi.advanceTimersByTimeAsync(50);
    expect(await inner.get('customers', 'c1')).toBeNull();
    await vi.advanceTimersByTimeAsync(50);
    await pending;
    expect(await inner.get('customers', 'c1')).toMatchObject({ id: 'c1' });
  });

  it('takes a latency per operation and collection', async () => {
    const seen: string[] = [];
    const adapter = withLatency(createMemoryAdapter(), (operation, collection) => {
      seen.push(`${operation}:${collection}`);
      return operation === 'commit' ? 500 : 10;
    });
    let counted = false;
    const count = adapter.count('deals').then(() => (counted = true));
    let written = false;
    const commit = adapter
      .commit([{ type: 'insert', collection: 'deals', record: { id: 'd1' } }])
      .then(() => (written = true));

    await vi.advanceTimersByTimeAsync(10);
    await count;
    expect([counted, written]).toEqual([true, false]);
    await vi.advanceTimersByTimeAsync(490);
    await commit;
    expect(written).toBe(true);
    expect(seen).toEqual(['count:deals', 'commit:deals']);
  });

  it('passes change events through', async () => {
    vi.useRealTimers();
    const adapter = withLatency(createMemoryAdapter(), 0);
    const events: string[] = [];
    const unsubscribe = adapter.subscribe((changes) =>
      events.push(...changes.map((c) => `${c.type} ${c.id}`)),
    );
    await adapter.commit([{ type: 'insert', collection: 'customers', record: { id: 'c1' } }]);
    unsubscribe();
    expect(events).toEqual(['created c1']);
    expect(adapter.capabilities.kind).toBe('memory');
  });

  it('rejects a negative latency', async () => {
    vi.useRealTimers();
    const adapter = withLatency(createMemoryAdapter(), -1);
    await expect(adapter.get('customers', 'c1')).rejects.toThrow(RangeError);
  });

  it('never answers with an infinite latency', async () => {
    const adapter = withLatency(createMemoryAdapter(), Infinity);
    let settled = false;
    void adapter.count('customers').finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    expect(settled).toBe(false);
  });
});
