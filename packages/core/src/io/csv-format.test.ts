import { createCrm, createMemoryAdapter, type Crm, type Policy } from '../index.js';
import { CSV_BOM, formatCsvCell, formatCsvRow, neutralizeFormula } from './csv-format.js';
import { parseCsvRecords } from './parse-csv.js';

// The CSV battery: what a spreadsheet user would notice — formulas that run, broken quoting,
// cells split at line breaks, mojibake Chinese — checked on the writer, the parser and the round
// trip through export and import.

async function parseAll(text: string): Promise<string[][]> {
  const out: string[][] = [];
  for await (const records of parseCsvRecords(text)) out.push(...records);
  return out;
}

describe('CSV writing', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+86 138 0013 8000', "'+86 138 0013 8000"],
    ['-5', "'-5"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\tcmd', "'\tcmd"],
    ['\r=cmd', "'\r=cmd"],
    ['=HYPERLINK("http://evil.example","点我")', `'=HYPERLINK("http://evil.example","点我")`],
    ['plain', 'plain'],
    ['张伟明', '张伟明'],
    ['a=b', 'a=b'],
  ])('neutralises formula-like cell %j', (input, expected) => {
    expect(neutralizeFormula(input)).toBe(expected);
  });

  it('quotes fields with commas, quotes, CR or LF and doubles the quotes (RFC 4180)', () => {
    expect(formatCsvCell('a,b')).toBe('"a,b"');
    expect(formatCsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(formatCsvCell('line1\nline2')).toBe('"line1\nline2"');
    expect(formatCsvCell('line1\r\nline2')).toBe('"line1\r\nline2"');
    expect(formatCsvCell('杭州，云帆')).toBe('杭州，云帆'); // a full-width comma is not a separator
    expect(formatCsvCell('')).toBe('');
    // A neutralised formula that also needs quoting: the quote goes around the whole cell.
    expect(formatCsvCell('=A1,B1')).toBe(`"'=A1,B1"`);
    expect(formatCsvRow(['a', 'b c', 'd"e'])).toBe('a,b c,"d""e"\r\n');
  });

  it('parses back exactly what it wrote, multiline and Chinese cells included', async () => {
    const rows = [
      ['名称', '备注', 'tags'],
      ['北京星辰科技有限公司', '第一行\n第二行, 带逗号', 'vip; 重点'],
      ['Zhang "Z" Wei', 'ends with CR\r', ''],
      ['ＡＢＣ１２３', '  spaces kept  ', '"'],
    ];
    const text = CSV_BOM + rows.map(formatCsvRow).join('');
    const parsed = await parseAll(text.slice(1));
    expect(parsed).toEqual(rows);
  });

  it('parses a large file in slices with a quoted multiline cell across slice boundaries', async () => {
    const long = 'x'.repeat(300 * 1024);
    const text = `a,b\r\n1,"${long}\n${long}"\r\n2,"end"\r\n`;
    const parsed = await parseAll(text);
    expect(parsed).toHaveLength(3);
    expect(parsed[1]![1]).toBe(`${long}\n${long}`);
    expect(parsed[2]).toEqual(['2', 'end']);
  });
});

describe('CSV export', () => {
  let crm: Crm;
  beforeEach(async () => {
    crm = await createCrm({ storage: createMemoryAdapter(), newId: ids() });
  });
  afterEach(() => crm.close());

  function ids() {
    let n = 0;
    return () => `id${++n}`;
  }

  it('starts with a UTF-8 BOM, uses CRLF, quotes and neutralises cells', async () => {
    await crm.customers.create({
      id: 'c1',
      name: '=cmd|/C calc!A0',
      tags: ['vip', '重点, 客户'],
      notes: '第一行\n第二行 "引号"',
      phones: [{ number: '+86 138 0013 8000' }],
      region: { city: '杭州' },
    });
    const csv = await crm.io.exportCsvText('customer', {
      columns: [
        'id',
        'name',
        'tags',
        'notes',
        { field: 'phones.number', header: '电话' },
        'region.city',
      ],
    });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toBe(
      '\uFEFFid,name,tags,notes,电话,region.city\r\n' +
        `c1,'=cmd|/C calc!A0,"vip; 重点, 客户","第一行\n第二行 ""引号""",'+86 138 0013 8000,杭州\r\n`,
    );
    // Every line break outside quotes is CRLF.
    expect(csv.replace(/"[^"]*(?:""[^"]*)*"/g, '').match(/\n/g)!.length).toBe(
      csv.replace(/"[^"]*(?:""[^"]*)*"/g, '').match(/\r\n/g)!.length,
    );
  });

  it('streams one page of records per chunk', async () => {
    await crm.customers.createMany(Array.from({ length: 4_500 }, (_, i) => ({ name: `客户${i}` })));
    const stream = await crm.io.exportCsv('customer', { columns: ['name'], pageSize: 2_000 });
    const chunks: string[] = [];
    const reader = stream.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
    }
    expect(chunks.length).toBeGreaterThanOrEqual(4); // header + 3 pages of ≤ 2,000
    expect(chunks.join('').split('\r\n').length - 2).toBe(4_500);
  });

  it('exports every record once, in id order, whatever size its pages take', async () => {
    const names = Array.from({ length: 2_500 }, (_, i) => ({ name: `客户${i}` }));
    const created = await crm.customers.createMany(names);
    const csv = await crm.io.exportCsvText('customer', { columns: ['id', 'name'] });
    const lines = csv.slice(1).split('\r\n').slice(1, -1);
    expect(lines).toEqual(
      created
        .map((c) => `${c.id},${c.name}`)
        .sort((a, b) => (a.split(',')[0]! < b.split(',')[0]! ? -1 : 1)),
    );
  });

  it('lets the event loop run while it formats a large export', async () => {
    await crm.customers.createMany(Array.from({ length: 300 }, (_, i) => ({ name: `客户${i}` })));
    // Every reading of the clock is 5 ms later: each record uses up the time slice.
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 5));
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    try {
      const csv = await crm.io.exportCsvText('customer', { columns: ['name'] });
      expect(csv.split('\r\n')).toHaveLength(302);
      expect(timerRan).toBe(true);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('writes an empty JSON array when nothing matches', async () => {
    const stream = await crm.io.exportJson('customer');
    let text = '';
    for await (const chunk of stream as unknown as AsyncIterable<string>) text += chunk;
    expect(text).toBe('[\n]\n');
    await crm.customers.create({ id: 'c1', name: '甲' });
    await crm.customers.create({ id: 'c2', name: '乙' });
    const two = await crm.io.exportJson('customer', { columns: ['id', 'name'] });
    text = '';
    for await (const chunk of two as unknown as AsyncIterable<string>) text += chunk;
    expect(text).toBe('[\n{"id":"c1","name":"甲"},\n{"id":"c2","name":"乙"}\n]\n');
  });

  it('shows only what the principal may export: scope, masked and hidden fields', async () => {
    const policy: Policy = {
      scope: (p, operation) => (operation === 'export' && p.id === 'u-li' ? 'own' : 'all'),
      fieldAccess: (p, _entity, field) =>
        p.id !== 'u-li'
          ? 'editable'
          : field === 'phones'
            ? 'masked'
            : field === 'idNumber'
              ? 'hidden'
              : 'editable',
    };
    const guarded = await createCrm({ storage: createMemoryAdapter(), policy });
    const rep = guarded.as({ id: 'u-li', roles: ['sales'] });
    for (const [id, ownerId] of [
      ['c1', 'u-li'],
      ['c2', 'u-wang'],
    ])
      await guarded.customers.create({
        id,
        name: `客户${id}`,
        ownerId,
        phones: [{ number: '138 0013 8000' }],
        idNumber: '110105199001011234',
      });
    const csv = await rep.io.exportCsvText('customer', {
      columns: ['id', 'phones.number', 'idNumber'],
    });
    expect(csv).toBe('\uFEFFid,phones.number,idNumber\r\nc1,138****8000,\r\n');
    await rep.close();
    await guarded.close();
  });
});
