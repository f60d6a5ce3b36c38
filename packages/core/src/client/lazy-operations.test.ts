import { lazyIterable, lazyOperations, once } from './lazy-operations.js';

interface Ops {
  add(a: number, b: number): Promise<number>;
  fail(): Promise<never>;
}

describe('lazy operations', () => {
  it('loads once, on the first call, and forwards arguments and results', async () => {
    let loads = 0;
    const load = once(async () => {
      loads++;
      const ops: Ops = {
        add: async (a, b) => a + b,
        fail: async () => Promise.reject(new Error('boom')),
      };
      return ops;
    });
    const ops = lazyOperations(load, { add: 1, fail: 1 });
    expect(loads).toBe(0);
    expect(Object.keys(ops).sort()).toEqual(['add', 'fail']);
    expect(await Promise.all([ops.add(1, 2), ops.add(3, 4)])).toEqual([3, 7]);
    await expect(ops.fail()).rejects.toThrow('boom');
    expect(loads).toBe(1);
  });

  it('rejects the call when loading fails, and tries again on the next call', async () => {
    let attempt = 0;
    const load = once(async () => {
      if (++attempt === 1) throw new Error('chunk failed to load');
      return { add: async (a: number, b: number) => a + b } as Pick<Ops, 'add'>;
    });
    const ops = lazyOperations(load, { add: 1 });
    await expect(ops.add(1, 1)).rejects.toThrow('chunk failed to load');
    expect(await ops.add(1, 1)).toBe(2);
    expect(attempt).toBe(2);
  });

  it('iterates what the loaded module yields; a loading failure surfaces on the first next()', async () => {
    const chunks = lazyIterable(
      async () => ({
        async *items() {
          yield 'a';
          yield 'b';
        },
      }),
      (m) => m.items(),
    );
    const seen: string[] = [];
    for await (const chunk of chunks) seen.push(chunk);
    expect(seen).toEqual(['a', 'b']);

    const failing = lazyIterable(
      () => Promise.reject(new Error('offline')),
      () => (async function* () {})(),
    );
    await expect(failing.next()).rejects.toThrow('offline');
  });
});
