import { createAggregator } from './aggregate.js';
import { AggregateQuerySchema } from './query-schemas.js';

describe('createAggregator', () => {
  it('counts and sums per distinct key, missing values as null, non-numbers adding nothing', () => {
    const aggregator = createAggregator({ groupBy: ['stage', 'tags'], sum: ['amount', 'n'] });
    for (const record of [
      { stage: 'a', tags: ['x'], amount: 1.5, n: 1 },
      { stage: 'a', tags: ['x'], amount: 2, n: 'two' },
      { stage: 'a', tags: ['y'], amount: 4, n: Number.NaN },
      { stage: 'a', amount: 8 },
      { tags: ['x'], amount: 16, n: 1 },
      { stage: 'a', tags: ['x'], amount: 32 },
    ])
      aggregator.add(record);
    expect(aggregator.result().groups).toEqual([
      { key: ['a', ['x']], count: 3, sums: [35.5, 1] },
      { key: ['a', ['y']], count: 1, sums: [4, 0] },
      { key: ['a', null], count: 1, sums: [8, 0] },
      { key: [null, ['x']], count: 1, sums: [16, 1] },
    ]);
  });

  it('keeps a number and the string of it apart, and groups everything under no key', () => {
    const byValue = createAggregator({ groupBy: ['v'] });
    [{ v: 1 }, { v: '1' }, { v: 1 }].forEach((r) => byValue.add(r));
    expect(byValue.result().groups.map((g) => [g.key[0], g.count])).toEqual([
      [1, 2],
      ['1', 1],
    ]);
    const all = createAggregator({ groupBy: [], sum: ['v'] });
    [{ v: 1 }, { v: 2 }].forEach((r) => all.add(r));
    expect(all.result().groups).toEqual([{ key: [], count: 2, sums: [3] }]);
  });

  it('refuses unsafe or unknown parts of a query', () => {
    expect(AggregateQuerySchema.safeParse({ groupBy: ['__proto__'] }).success).toBe(false);
    expect(AggregateQuerySchema.safeParse({ groupBy: ['a'], having: 1 }).success).toBe(false);
    expect(
      AggregateQuerySchema.safeParse({ groupBy: ['a'], where: { a: { like: 1 } } }).success,
    ).toBe(false);
    expect(AggregateQuerySchema.safeParse({ groupBy: ['a.b'], sum: ['c'] }).success).toBe(true);
  });
});
