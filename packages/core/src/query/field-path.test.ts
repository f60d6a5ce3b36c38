import { compilePath, readPath } from './field-path.js';

describe('compilePath', () => {
  const records: unknown[] = [
    { name: '张伟', region: { city: '杭州' } },
    { phones: [{ number: '138 0013 8000' }, { number: '0571-8888' }, {}] },
    { a: [{ b: [{ c: 1 }, { c: [2, 3] }] }, { b: { c: 4 } }, null, 5] },
    { region: null, phones: [] },
    Object.create({ inherited: { x: 1 } }) as unknown,
    null,
    'text',
  ];
  const paths = [
    'name',
    'region.city',
    'phones.number',
    'a.b.c',
    'a.b',
    'inherited.x',
    'missing.deep',
  ];

  it('reads what readPath reads, for every path and record', () => {
    for (const path of paths) {
      const read = compilePath(path);
      for (const record of records) expect(read(record)).toEqual(readPath(record, path));
    }
  });

  it('flattens lists along the way and reads own values only', () => {
    expect(compilePath('phones.number')(records[1])).toEqual(['138 0013 8000', '0571-8888']);
    expect(compilePath('a.b.c')(records[2])).toEqual([1, 2, 3, 4]);
    expect(compilePath('inherited.x')(records[4])).toBeUndefined();
  });
});
