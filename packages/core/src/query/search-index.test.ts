import fc from 'fast-check';
import { generateDemoContacts } from '../demo/iterate-demo-contacts.js';
import { createSearchIndex } from './search-index.js';
import { createHaystackMatcher, haystackOf, type Haystack } from './search.js';

const FIELDS = ['name', 'title', 'phones.number', 'emails', 'wechat', 'tags'];

interface Row {
  readonly id: string;
  readonly [field: string]: unknown;
}

/** Each row's haystack per field list, made once: the reference below runs hundreds of queries. */
const haystacks = new Map<string, Map<Row, Haystack>>();
const haystack = (row: Row, fields: readonly string[]): Haystack => {
  const key = fields.join();
  let byRow = haystacks.get(key);
  if (!byRow) haystacks.set(key, (byRow = new Map()));
  let found = byRow.get(row);
  if (!found) byRow.set(row, (found = haystackOf(row, fields)));
  return found;
};

/** The reference: every record a scan accepts (createSearchMatcher's test), in the given order. */
const scan = (rows: readonly Row[], query: string, fields = FIELDS): string[] => {
  const matches = createHaystackMatcher(query);
  return rows.filter((r) => !matches || matches(haystack(r, fields))).map((r) => r.id);
};
const ids = (rows: readonly object[]) => rows.map((r) => (r as Row).id);

const HANDMADE: Row[] = [
  { id: 'h1', name: '张伟明', title: '总经理', phones: [{ number: '+86 138 0013 8000' }] },
  { id: 'h2', name: 'ＺＨＡＮＧ Ｗｅｉ', emails: ['Zhang.Wei@Example.COM'], tags: ['决策人'] },
  {
    id: 'h3',
    name: '王芳',
    phones: [{ number: '０７５５-２６８８ １２３４' }],
    wechat: 'wangfang88',
  },
  { id: 'h4', name: 'Ørjan Ærø', title: 'Straße', emails: [] },
  {
    id: 'h5',
    name: '欧阳娜娜',
    phones: [{ number: '(021) 5555-0000' }, { number: '8613912345678' }],
  },
  { id: 'h6', name: '😀 emoji 张', title: 'a\u0000b' },
  { id: 'h7', name: 'Σίσυφος ΣΑΣ', tags: ['VIP', 'vip2'] },
  { id: 'h8', name: 'li', title: 'l' },
  { id: 'h9' },
];

const QUERIES = [
  // CJK, no tokeniser
  '张伟',
  '张',
  '伟明',
  '张伟明',
  '王 芳',
  '欧阳',
  '总经理',
  '经',
  '科技',
  // Latin, case and width
  'zhang',
  'ZHANG wei',
  'ｚｈａｎｇ',
  'example.com',
  'l',
  'li',
  'straße',
  'ørjan',
  'σίσυφος',
  'σας',
  // phones, with and without spaces, +86, full width
  '138 0013 8000',
  '13800138000',
  '+86 138',
  '8613912345678',
  '139 1234',
  '０７５５',
  '0755-2688',
  '5555',
  '021',
  '555',
  // odd ones
  '😀',
  'emoji 张',
  'a\u0000b',
  '\u0000',
  'zzz-no-match',
  '   ',
];

describe('search index', () => {
  const contacts = generateDemoContacts(3000, { seed: 7 }) as unknown as Row[];
  const rows = [...contacts, ...HANDMADE];
  const build = (list: readonly Row[]) => {
    const index = createSearchIndex<Row>(FIELDS);
    for (const row of list) index.put(row.id, row);
    return index;
  };

  it('finds exactly what a scan finds: CJK, Latin, full width, phones, single characters', () => {
    const index = build(rows);
    for (const query of QUERIES) {
      expect(ids(index.search(query)), query).toEqual(scan(rows, query));
    }
    index.seal();
    for (const query of QUERIES) {
      expect(ids(index.search(query)), `${query} (sealed)`).toEqual(scan(rows, query));
    }
  });

  it('finds the scan’s matches for demo names, e-mails and phone fragments', () => {
    const index = build(rows);
    index.seal();
    const sample = contacts.slice(0, 200);
    const queries = sample.flatMap((c) => {
      const name = String(c.name);
      const phone = (c.phones as { number: string }[] | undefined)?.[0]?.number ?? '';
      const email = (c.emails as string[] | undefined)?.[0] ?? '';
      return [
        name.slice(0, 1),
        name.slice(1, 3),
        phone.slice(4, 12),
        phone.replace(/\s/g, '').slice(2, 9),
        email.slice(0, 5),
      ];
    });
    for (const query of new Set(queries.filter(Boolean))) {
      expect(ids(index.search(query)), query).toEqual(scan(rows, query));
    }
  });

  it('gives a superset of the matches over fewer fields (hidden ones left out)', () => {
    const index = build(rows);
    const fewer = ['name', 'title'];
    for (const query of QUERIES) {
      const candidates = new Set(ids(index.candidates(query)));
      for (const id of scan(rows, query, fewer))
        expect(candidates.has(id), `${query}: ${id}`).toBe(true);
    }
  });

  it('follows creates, updates and removes, before and after sealing', () => {
    const live = new Map(rows.map((r) => [r.id, r]));
    const index = build(rows);
    const check = (label: string) => {
      const current = [...live.values()];
      for (const query of ['张伟', '王', 'zhang', '13800138000', '138 0013', '新名字', 'l']) {
        expect(ids(index.search(query)).sort(), `${label}: ${query}`).toEqual(
          scan(current, query).sort(),
        );
      }
      expect(index.size).toBe(live.size);
    };
    const apply = (step: number) => {
      const target = rows[(step * 7919) % rows.length]!;
      if (step % 3 === 0) {
        live.delete(target.id);
        index.remove(target.id);
      } else {
        const changed: Row =
          step % 3 === 1
            ? { ...target, name: `新名字${step}` }
            : { ...target, ownerId: `u${step}` }; // search text unchanged
        live.set(changed.id, changed);
        index.put(changed.id, changed);
      }
      const created: Row = {
        id: `new${step}`,
        name: `张伟${step}`,
        phones: [{ number: `138 0013 ${1000 + step}` }],
      };
      live.set(created.id, created);
      index.put(created.id, created);
    };
    for (let step = 0; step < 300; step++) apply(step);
    check('before seal');
    expect(index.garbage).toBeGreaterThan(0);
    index.seal();
    expect(index.garbage).toBe(0);
    check('after seal');
    for (let step = 300; step < 600; step++) apply(step);
    check('after more changes');
  });

  it('keeps a record’s place when its search text did not change', () => {
    const index = build(HANDMADE);
    index.put('h1', { ...HANDMADE[0]!, ownerId: 'u2' });
    expect(index.garbage).toBe(0);
    expect(index.get('h1')).toMatchObject({ ownerId: 'u2' });
    expect(ids(index.search('张伟'))).toEqual(['h1']);
  });

  it('packs its lists as they outgrow the packed part, still exact', () => {
    const index = createSearchIndex<Row>(FIELDS);
    index.seal(); // leave bulk mode: later additions go to per-gram tails
    const many: Row[] = [];
    for (let i = 0; i < 3000; i++) {
      const row: Row = {
        id: `r${i}`,
        name: `row name ${i} 张伟`,
        emails: [`user${i}@example.com`],
      };
      many.push(row);
      index.put(row.id, row);
    }
    for (const query of ['张伟', 'user12', 'name 29', 'e']) {
      expect(ids(index.search(query)), query).toEqual(scan(many, query));
    }
  });

  it('agrees with the scan on random records and queries', () => {
    const alphabet = ['张', '伟', '明', 'a', 'B', 'ａ', ' ', '1', '3', '8', '０', '-', '+', '6'];
    const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 8 }).map((cs) => cs.join(''));
    const row = fc.record({
      name: text,
      title: text,
      phones: fc.array(fc.record({ number: text }), { maxLength: 2 }),
    });
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 30 }),
        fc.array(text, { minLength: 1, maxLength: 5 }),
        (records, queries) => {
          const list = records.map((r, i) => ({ ...r, id: `r${i}` }));
          const index = build(list);
          for (const query of queries)
            expect(ids(index.search(query)), query).toEqual(scan(list, query));
          index.seal();
          for (const query of queries)
            expect(ids(index.search(query)), query).toEqual(scan(list, query));
        },
      ),
      { numRuns: 300 },
    );
  });
});
