import {
  createCrm,
  createMemoryAdapter,
  ValidationError,
  type Crm,
  type QuerySpec,
  type StorageAdapter,
  type ValidationIssue,
  type Where,
} from '../index.js';

// Hostile and sloppy input through the public client: every case must fail validation with the
// exact offending path, store nothing, and leave Object.prototype alone. Text that merely looks
// dangerous (XSS) is valid text and must come back verbatim: escaping is the renderer's job.

type Path = readonly (string | number)[];

let adapter: StorageAdapter;
let crm: Crm;
const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();

beforeEach(async () => {
  adapter = createMemoryAdapter();
  crm = await createCrm({ storage: adapter });
});

afterEach(async () => {
  await crm.close();
  // No prototype pollution, whatever the case did.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
});

async function stored(): Promise<{ viaCrm: number; viaAdapter: number }> {
  return { viaCrm: await crm.customers.count(), viaAdapter: await adapter.count('customers') };
}

/** Runs `action`, expects a ValidationError with an issue at exactly `path`, and nothing stored. */
async function expectRejected(
  action: () => Promise<unknown>,
  path: Path,
): Promise<ValidationError> {
  const before = await stored();
  let error: unknown;
  try {
    await action();
  } catch (caught) {
    error = caught;
  }
  expect(error, 'expected a ValidationError').toBeInstanceOf(ValidationError);
  const issues = (error as ValidationError).issues;
  expect(
    issues.map((i: ValidationIssue) => i.path),
    `issues: ${JSON.stringify(issues)}`,
  ).toContainEqual(path);
  expect(await stored()).toEqual(before);
  return error as ValidationError;
}

const xss = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(document.cookie)>',
  "javascript:alert('x')",
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}</textarea><svg/onload=alert(1)>',
  "'; DROP TABLE customers; --",
];

describe('hostile input: text that only looks dangerous', () => {
  it.each(xss)('stores %s as plain text and returns it verbatim', async (text) => {
    const created = await crm.customers.create({
      name: text,
      notes: text,
      tags: [text.slice(0, 50)],
    });
    expect(created.name).toBe(text);
    expect(created.notes).toBe(text);
    const read = await crm.customers.get(created.id);
    expect(read.name).toBe(text);
    expect(read.notes).toBe(text);
    expect(read.tags).toEqual([text.slice(0, 50)]);
    expect((await adapter.get('customers', created.id))?.name).toBe(text);
    const found = await crm.customers.list({ where: { name: { eq: text } } });
    expect(found.items.map((c) => c.id)).toEqual([created.id]);
  });
});

describe('hostile input: create', () => {
  it('accepts every field at its bound (name 200, notes 5000, 50 tags of 50 characters)', async () => {
    const created = await crm.customers.create({
      name: '张'.repeat(200),
      notes: 'n'.repeat(5000),
      tags: Array.from({ length: 50 }, (_, i) => `${i}`.padStart(50, '标')),
    });
    expect(created.name).toHaveLength(200);
    expect(await stored()).toEqual({ viaCrm: 1, viaAdapter: 1 });
  });

  const cases: [string, () => unknown, Path][] = [
    ['a name of 201 characters', () => ({ name: 'x'.repeat(201) }), ['name']],
    ['notes of 5001 characters', () => ({ name: 'x', notes: 'n'.repeat(5001) }), ['notes']],
    [
      '51 tags',
      () => ({ name: 'x', tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }),
      ['tags'],
    ],
    [
      'a tag of 51 characters',
      () => ({ name: 'x', tags: ['ok', 'fine', 't'.repeat(51)] }),
      ['tags', 2],
    ],
    [
      'a JSON __proto__ key',
      () => JSON.parse('{"name":"x","__proto__":{"polluted":1}}'),
      ['__proto__'],
    ],
    [
      'constructor.prototype in customFields',
      () => ({
        name: 'x',
        customFields: JSON.parse('{"constructor":{"prototype":{"polluted":1}}}'),
      }),
      ['customFields', 'constructor'],
    ],
    [
      'prototype in region',
      () => ({ name: 'x', region: JSON.parse('{"city":"深圳","prototype":{"polluted":1}}') }),
      ['region', 'prototype'],
    ],
    [
      '__proto__ in region',
      () => ({ name: 'x', region: JSON.parse('{"__proto__":{"polluted":1}}') }),
      ['region', '__proto__'],
    ],
    [
      'constructor in region',
      () => ({ name: 'x', region: { constructor: { polluted: 1 } } }),
      ['region', 'constructor'],
    ],
    ['a numeric name', () => ({ name: 42 }), ['name']],
    ['tags as a string', () => ({ name: 'x', tags: 'a' }), ['tags']],
    [
      'a numeric phone number',
      () => ({ name: 'x', phones: [{ number: 13800138000 }] }),
      ['phones', 0, 'number'],
    ],
    ['an unknown top-level key', () => ({ name: 'x', isAdmin: true }), ['isAdmin']],
    [
      'an unknown key in region',
      () => ({ name: 'x', region: { city: '深圳', zip: '518000' } }),
      ['region', 'zip'],
    ],
    [
      'an unknown key in a phone',
      () => ({
        name: 'x',
        phones: [{ number: '138 0013 8000' }, { number: '139 0000 0000', ext: '8' }],
      }),
      ['phones', 1, 'ext'],
    ],
    ['NaN companySize', () => ({ name: 'x', companySize: NaN }), ['companySize']],
    ['Infinity companySize', () => ({ name: 'x', companySize: Infinity }), ['companySize']],
    ['NaN annualRevenue', () => ({ name: 'x', annualRevenue: NaN }), ['annualRevenue']],
    ['Infinity annualRevenue', () => ({ name: 'x', annualRevenue: Infinity }), ['annualRevenue']],
    ['-Infinity annualRevenue', () => ({ name: 'x', annualRevenue: -Infinity }), ['annualRevenue']],
    [
      'lastContactAt on 30 February',
      () => ({ name: 'x', lastContactAt: '2026-02-30T00:00:00Z' }),
      ['lastContactAt'],
    ],
    [
      'a birthday on 29 February of a common year',
      () => ({ name: 'x', birthday: '2025-02-29' }),
      ['birthday'],
    ],
    ['a birthday in month 13', () => ({ name: 'x', birthday: '2026-13-01' }), ['birthday']],
    ['an id with a path', () => ({ id: '../x', name: 'x' }), ['id']],
    ['an id with a space', () => ({ id: 'a b', name: 'x' }), ['id']],
    ['an id of 65 characters', () => ({ id: 'a'.repeat(65), name: 'x' }), ['id']],
    ['a version in the input', () => ({ name: 'x', version: 7 }), ['version']],
    [
      'createdAt in the input',
      () => ({ name: 'x', createdAt: '2020-01-01T00:00:00.000Z' }),
      ['createdAt'],
    ],
    [
      'updatedAt in the input',
      () => ({ name: 'x', updatedAt: '2020-01-01T00:00:00.000Z' }),
      ['updatedAt'],
    ],
  ];

  it.each(cases)('rejects %s', async (_label, input, path) => {
    await expectRejected(() => crm.customers.create(input() as never), path);
  });

  it('reports every bad path of one input at once', async () => {
    const error = await expectRejected(
      () =>
        crm.customers.create({ name: 42, tags: 'a', phones: [{ number: 13800138000 }] } as never),
      ['name'],
    );
    expect(error.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining([['name'], ['tags'], ['phones', 0, 'number']]),
    );
  });

  it('stores none of 1,000 customers when the one at index 537 is invalid', async () => {
    const inputs = Array.from({ length: 1000 }, (_, i) => ({ name: `客户${i}`, tags: ['批量'] }));
    inputs[537] = { name: 'x', tags: ['t'.repeat(51)] };
    const error = await expectRejected(() => crm.customers.createMany(inputs), [537, 'tags', 0]);
    expect(error.issues.every((i) => i.path[0] === 537)).toBe(true);
    expect(await stored()).toEqual({ viaCrm: 0, viaAdapter: 0 });
  });
});

describe('hostile input: update patches', () => {
  const cases: [string, () => unknown, Path][] = [
    ['a name of 201 characters', () => ({ name: 'x'.repeat(201) }), ['name']],
    ['notes of 5001 characters', () => ({ notes: 'n'.repeat(5001) }), ['notes']],
    ['51 tags', () => ({ tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }), ['tags']],
    ['a tag of 51 characters', () => ({ tags: ['t'.repeat(51)] }), ['tags', 0]],
    [
      'a JSON __proto__ key',
      () => JSON.parse('{"name":"y","__proto__":{"polluted":1}}'),
      ['__proto__'],
    ],
    [
      'constructor.prototype in customFields',
      () => ({ customFields: JSON.parse('{"constructor":{"prototype":{"polluted":1}}}') }),
      ['customFields', 'constructor'],
    ],
    [
      'prototype in region',
      () => ({ region: JSON.parse('{"prototype":{"polluted":1}}') }),
      ['region', 'prototype'],
    ],
    ['a numeric name', () => ({ name: 42 }), ['name']],
    ['tags as a string', () => ({ tags: 'a' }), ['tags']],
    [
      'a numeric phone number',
      () => ({ phones: [{ number: 13800138000 }] }),
      ['phones', 0, 'number'],
    ],
    ['an unknown top-level key', () => ({ isAdmin: true }), ['isAdmin']],
    ['an unknown key in region', () => ({ region: { zip: '518000' } }), ['region', 'zip']],
    ['NaN companySize', () => ({ companySize: NaN }), ['companySize']],
    ['-Infinity annualRevenue', () => ({ annualRevenue: -Infinity }), ['annualRevenue']],
    [
      'lastContactAt on 30 February',
      () => ({ lastContactAt: '2026-02-30T00:00:00Z' }),
      ['lastContactAt'],
    ],
    ['a birthday in month 13', () => ({ birthday: '2026-13-01' }), ['birthday']],
    ['a version in the patch', () => ({ version: 99 }), ['version']],
    ['createdAt in the patch', () => ({ createdAt: '2020-01-01T00:00:00.000Z' }), ['createdAt']],
    ['an id in the patch', () => ({ id: 'other' }), ['id']],
  ];

  it.each(cases)('rejects %s and leaves the record as it was', async (_label, patch, path) => {
    const original = await crm.customers.create({ id: 'c1', name: '张伟明', tags: ['重点'] });
    const before = await adapter.get('customers', 'c1');
    await expectRejected(
      () => crm.customers.update('c1', patch() as never, { expectedVersion: 1 }),
      path,
    );
    expect(await adapter.get('customers', 'c1')).toEqual(before);
    expect((await crm.customers.get('c1')).version).toBe(original.version);
  });

  it('rejects a patch with a bad id before looking anything up', async () => {
    await expectRejected(() => crm.customers.update('../x', { name: 'y' }), ['id']);
  });
});

describe('hostile input: filters and paging', () => {
  beforeEach(async () => {
    await crm.customers.createMany([
      { id: 'c1', name: '张伟', tier: 'vip' },
      { id: 'c2', name: '王芳', tier: 'key' },
      { id: 'c3', name: 'Alice', tier: 'regular' },
    ]);
  });

  let deep: Where = { name: { eq: 'x' } };
  for (let i = 0; i < 20; i++) deep = { not: deep };
  let deepAnd: Where = { name: { eq: 'x' } };
  for (let i = 0; i < 20; i++) deepAnd = { and: [deepAnd] };

  const filters: [string, () => Where, Path][] = [
    [
      'a JSON __proto__ field',
      () => JSON.parse('{"__proto__":{"eq":"x"}}') as Where,
      ['where', '__proto__'],
    ],
    [
      'constructor.name',
      () => ({ 'constructor.name': { eq: 'x' } }),
      ['where', 'constructor.name'],
    ],
    [
      'a nested prototype path',
      () => ({ or: [{ 'region.prototype': { exists: true } }] }),
      ['where', 'or', 0, 'region.prototype'],
    ],
    [
      'an unknown operator',
      () => ({ name: { regex: '.*' } }) as unknown as Where,
      ['where', 'name', 'regex'],
    ],
  ];

  it.each(filters)('list() rejects %s', async (_label, where, path) => {
    await expectRejected(() => crm.customers.list({ where: where() }), path);
  });

  it.each(filters)('count() rejects %s', async (_label, where, path) => {
    await expectRejected(async () => crm.customers.count(where()), path);
  });

  it('list() rejects a filter object whose prototype carries conditions ({ __proto__: … } literal)', async () => {
    // In an object literal `__proto__` sets the prototype: the filter has no own keys, so it would
    // silently match every record if accepted. It is not a plain filter object: reject it.
    const where = { __proto__: { tier: { eq: 'vip' } } } as unknown as Where;
    await expectRejected(() => crm.customers.list({ where }), ['where']);
  });

  it.each([
    ['not', deep, ['where', ...Array<string>(20).fill('not')]],
    ['and', deepAnd, ['where', ...Array.from({ length: 20 }, () => ['and', 0]).flat()]],
  ] as const)('rejects filters nested 20 deep (%s)', async (_label, where, fullPath) => {
    const before = await stored();
    const error = await crm.customers.list({ where }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    // Reported where the depth limit is crossed: a path into the nested filter, starting at `where`.
    const paths = (error as ValidationError).issues.map((i) => i.path);
    expect(
      paths.some((p) => p.length > 1 && p.every((segment, i) => segment === fullPath[i])),
    ).toBe(true);
    expect(await stored()).toEqual(before);
  });

  it.each([0, 1e9, NaN, -1, 2.5, Infinity])('rejects limit %s', async (limit) => {
    await expectRejected(() => crm.customers.list({ limit }), ['limit']);
  });

  it.each(['__proto__', 'constructor', 'region.prototype', 'name; DROP', ''])(
    'rejects orderBy %j',
    async (field) => {
      await expectRejected(
        () => crm.customers.list({ orderBy: [{ field }] }),
        ['orderBy', 0, 'field'],
      );
    },
  );

  it('rejects a search of 201 characters', async () => {
    await expectRejected(() => crm.customers.list({ search: '张'.repeat(201) }), ['search']);
  });

  it('rejects a get of an id that is not allowed', async () => {
    await expectRejected(() => crm.customers.get('../c1'), ['id', 0]);
  });

  it('rejects unknown keys in the query itself', async () => {
    await expectRejected(
      () => crm.customers.list({ offset: 10 } as unknown as QuerySpec),
      ['offset'],
    );
  });

  it('rejects tampered cursors', async () => {
    const spec: QuerySpec = { orderBy: [{ field: 'name' }], limit: 1 };
    const first = await crm.customers.list(spec);
    const cursor = first.nextCursor!;
    expect(cursor).toEqual(expect.any(String));
    const reencode = (payload: unknown) =>
      btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(payload))))
        .replace(/\+/g, '-')
        .replace(/\//g, '_')
        .replace(/=+$/, '');
    const tampered = [
      'not a cursor',
      cursor.slice(0, -6),
      `${cursor.slice(0, 8)}*${cursor.slice(9)}`,
      reencode({ o: 'createdAt:asc,id:asc', k: ['2026-01-01T00:00:00.000Z', 'c1'] }),
      reencode({ o: 'name:asc,id:asc', k: ['张伟'] }),
      reencode(['name:asc,id:asc']),
      'x'.repeat(5000),
    ];
    for (const bad of tampered) {
      await expectRejected(() => crm.customers.list({ ...spec, cursor: bad }), ['cursor']);
    }
    // The genuine cursor still works.
    expect((await crm.customers.list({ ...spec, cursor })).items).toHaveLength(1);
  });

  it('count() with a hostile filter returns a rejected promise instead of throwing synchronously', async () => {
    let returned: unknown;
    try {
      returned = crm.customers.count({ 'constructor.name': { eq: 'x' } });
    } catch (error) {
      returned = error;
    }
    // `count` is declared to return a Promise: `crm.customers.count(w).catch(handle)` must catch.
    expect(returned).toBeInstanceOf(Promise);
    await expect(returned).rejects.toBeInstanceOf(ValidationError);
  });
});
