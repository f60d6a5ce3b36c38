import { ConflictError } from '../errors.js';
import { describeStorageAdapter } from '../testing/index.js';
import { createMemoryAdapter } from './memory-adapter.js';

describeStorageAdapter('memory', { create: () => createMemoryAdapter() });

describe('memory: a large streamed commit', () => {
  const SIZE = 20_000;
  /** `SIZE` inserts into customers in chunks of 500; `before(chunk)` runs before each is produced. */
  const stream = (before: (chunk: number) => void = () => {}) => ({
    collections: ['customers'],
    size: SIZE,
    chunks: (function* () {
      for (let c = 0; c < SIZE / 500; c++) {
        before(c);
        yield Array.from({ length: 500 }, (_, i) => ({
          type: 'insert' as const,
          collection: 'customers',
          record: { id: `c${String(c * 500 + i).padStart(6, '0')}`, name: `客户 ${c}-${i}` },
        }));
      }
    })(),
  });

  it('lets timers run while it works, and no read sees part of it', async () => {
    const adapter = createMemoryAdapter();
    const seen: number[] = [];
    let ticks = 0;
    const ticker = setInterval(() => {
      ticks++;
      void adapter.count('customers').then((n) => seen.push(n));
    }, 1);
    await adapter.commit(stream());
    clearInterval(ticker);
    seen.push(await adapter.count('customers'));
    expect(ticks).toBeGreaterThan(0);
    expect(seen.every((n) => n === 0 || n === SIZE)).toBe(true);
    expect(seen.at(-1)).toBe(SIZE);
  });

  it('stores nothing when a late chunk fails, even after reads ran in between', async () => {
    const adapter = createMemoryAdapter();
    const reads: Promise<number>[] = [];
    const failing = adapter.commit(
      stream((chunk) => {
        if (chunk === SIZE / 500 - 1) throw new Error('the producer gave up');
      }),
    );
    const ticker = setInterval(() => reads.push(adapter.count('customers')), 1);
    await expect(failing).rejects.toThrow('the producer gave up');
    clearInterval(ticker);
    expect(await Promise.all(reads)).toEqual(reads.map(() => 0));
    expect(await adapter.count('customers')).toBe(0);
  });

  it('stages each chunk as it is produced: a conflict stops the commit without the rest', async () => {
    const adapter = createMemoryAdapter();
    await adapter.commit([
      { type: 'insert', collection: 'customers', record: { id: 'c000600', name: 'keep' } },
    ]);
    let produced = 0;
    await expect(adapter.commit(stream(() => produced++))).rejects.toBeInstanceOf(ConflictError);
    expect(produced).toBe(2);
    expect(await adapter.count('customers')).toBe(1);
  });

  it('applies a commit made meanwhile after it, against what it stored', async () => {
    const adapter = createMemoryAdapter();
    let meanwhile: Promise<unknown> | undefined;
    const streamed = adapter.commit(
      stream((chunk) => {
        // While chunk 2 is produced: insert a record the last chunk also inserts.
        if (chunk === 2)
          meanwhile = adapter.commit([
            { type: 'insert', collection: 'customers', record: { id: 'c019999', name: 'late' } },
          ]);
      }),
    );
    await streamed;
    await expect(meanwhile).rejects.toBeInstanceOf(ConflictError);
    expect((await adapter.get('customers', 'c019999'))?.name).toBe('客户 39-499');
    expect(await adapter.count('customers')).toBe(SIZE);
  });
});
