import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CancelledError,
  createCrm,
  createMemoryAdapter,
  PermissionError,
  ValidationError,
  type Crm,
  type Policy,
  type StorageAdapter,
} from '../index.js';
import { ATOMIC_CRM_CONTACTS_MAPPING } from './atomic-crm-contacts-mapping.js';
import type { ImportMapping } from './column-mapping.js';
import { ImportValidationError } from './import-records.js';

const CUSTOMER_MAPPING: ImportMapping = {
  columns: [
    { from: '名称', to: 'name' },
    { from: '电话', to: 'phones.0.number' },
    { from: '电话类型', to: 'phones.0.type' },
    { from: '邮箱', to: 'emails[]' },
    { from: '城市', to: 'region.city' },
    { from: '标签', to: 'tags', transform: 'list' },
    {
      from: '状态',
      to: 'lifecycleStage',
      transform: {
        map: { hot: 'prospect', warm: 'prospect', cold: 'potential', 'in-contract': 'customer' },
      },
    },
    { from: '微信群', to: 'customFields.wechatGroup' },
    { from: '最后联系', to: 'lastContactAt', transform: 'datetime' },
    { from: '员工数', to: 'companySize', transform: 'integer' },
  ],
  ignore: { 备用: 'not used' },
};

const HEADER = '名称,电话,电话类型,邮箱,城市,标签,状态,微信群,最后联系,员工数,备用\r\n';

let adapter: StorageAdapter;
let crm: Crm;
beforeEach(async () => {
  adapter = createMemoryAdapter();
  crm = await createCrm({ storage: adapter });
  await crm.customFields.create({
    entity: 'customer',
    key: 'wechatGroup',
    type: 'text',
    label: { 'zh-CN': '微信群' },
  });
});
afterEach(() => crm.close());

describe('importCsv: mapping', () => {
  it('maps dotted targets, custom fields and transforms', async () => {
    const csv =
      '\uFEFF' +
      HEADER +
      '杭州云帆贸易有限公司,138 0013 8000,work,Info@YunFan.cn,杭州,"vip, 重点",in-contract,云帆群,2024-08-13T18:04:34.666+08:00,"1,200",x\r\n';
    const report = await crm.io.importCsv('customer', csv, { mapping: CUSTOMER_MAPPING });
    expect(report).toMatchObject({ committed: true, rows: 1, valid: 1, created: 1, skipped: [] });
    expect(report.ignoredColumns).toEqual([{ column: '备用', reason: 'not used' }]);
    expect(report.unmappedColumns).toEqual([]);
    const [customer] = (await crm.customers.list()).items;
    expect(customer).toMatchObject({
      id: report.createdIds[0],
      name: '杭州云帆贸易有限公司',
      phones: [{ number: '138 0013 8000', type: 'work' }],
      emails: ['Info@YunFan.cn'],
      region: { city: '杭州' },
      tags: ['vip', '重点'],
      lifecycleStage: 'customer',
      customFields: { wechatGroup: '云帆群' },
      lastContactAt: '2024-08-13T10:04:34.666Z',
      companySize: 1200,
    });
  });

  it('looks values up case- and width-insensitively; the first of equal keys wins', async () => {
    const csv = '名称,状态\r\n甲公司,ＨＯＴ\r\n乙公司,Cold\r\n丙公司,frozen\r\n';
    const report = await crm.io.importCsv('customer', csv, {
      mapping: {
        columns: [
          { from: '名称', to: 'name' },
          {
            from: '状态',
            to: 'lifecycleStage',
            transform: { map: { hot: 'prospect', HOT: 'customer', cold: 'potential' } },
          },
        ],
      },
      mode: 'valid-rows',
    });
    const stages = (await crm.customers.list({ orderBy: [{ field: 'name' }] })).items.map((c) => [
      c.name,
      c.lifecycleStage,
    ]);
    expect(stages).toEqual(
      expect.arrayContaining([
        ['甲公司', 'prospect'],
        ['乙公司', 'potential'],
      ]),
    );
    expect(report.skipped).toEqual([
      { row: 4, reason: 'invalid: lifecycleStage: 状态: "frozen" is not one of hot, HOT, cold' },
    ]);
  });

  it('refuses a mapping that targets a prototype key', async () => {
    await expect(
      crm.io.importCsv('customer', 'a\r\nb\r\n', {
        mapping: { columns: [{ from: 'a', to: '__proto__.polluted' }] },
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('importCsv: validation with row numbers', () => {
  // Row 1 is the header; the quoted two-line cell of row 3 is still one row.
  const csv =
    HEADER +
    '甲公司,138 0013 8000,,,,,,,,,\r\n' +
    '"乙公司\n第二行",139 0000 0001,,,,,,,,,\r\n' +
    '丙公司,not-a-phone,,bad-email,,,frozen,,yesterday,,\r\n' +
    '丁公司,137 0000 0002,,,,,,,,,\r\n';

  it('all-or-nothing: one bad row commits nothing and names the row', async () => {
    const error = await crm.io
      .importCsv('customer', csv, { mapping: CUSTOMER_MAPPING })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportValidationError);
    expect(error).toBeInstanceOf(ValidationError);
    const { issues, report } = error as ImportValidationError;
    expect(new Set(issues.map((i) => i.path[0]))).toEqual(new Set([4]));
    expect(report.invalid.map((r) => r.row)).toEqual([4]);
    expect(report.invalid[0]!.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'lastContactAt',
      'lifecycleStage',
    ]);
    expect(await crm.customers.count()).toBe(0);
    expect(await adapter.count('customers')).toBe(0);
  });

  it('an unclosed quote fails the whole import, naming the row, even in valid-rows mode', async () => {
    // Read leniently, row 3's cell would swallow rows 4 and 5 and they would vanish silently.
    const broken = HEADER + '甲公司,,,,,,,,,,\r\n"乙公司,,,,,,,,,,\r\n丙公司,,,,,,,,,,\r\n';
    for (const mode of ['all-or-nothing', 'valid-rows'] as const) {
      const error = await crm.io
        .importCsv('customer', broken, { mapping: CUSTOMER_MAPPING, mode })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues[0]!.path).toEqual([3]);
      expect((error as ValidationError).message).toMatch(/quoted cell is never closed/);
    }
    expect(await adapter.count('customers')).toBe(0);
  });

  it('reports schema problems (bad phone, bad email) with their field paths', async () => {
    const text = HEADER + '丙公司,not-a-phone,,bad-email,,,,,,,\r\n';
    const report = await crm.io.importCsv('customer', text, {
      mapping: CUSTOMER_MAPPING,
      dryRun: true,
    });
    expect(report.invalid).toEqual([
      {
        row: 2,
        issues: expect.arrayContaining([
          expect.objectContaining({ path: ['phones', 0, 'number'] }),
          expect.objectContaining({ path: ['emails', 0] }),
        ]),
      },
    ]);
  });

  it('valid-rows: commits the rest and reports the bad row with its number', async () => {
    const report = await crm.io.importCsv('customer', csv, {
      mapping: CUSTOMER_MAPPING,
      mode: 'valid-rows',
    });
    expect(report).toMatchObject({ committed: true, rows: 4, valid: 3, created: 3 });
    expect(report.skipped).toEqual([{ row: 4, reason: expect.stringContaining('invalid') }]);
    const names = (await crm.customers.list({ orderBy: [{ field: 'name' }] })).items.map(
      (c) => c.name,
    );
    expect(names.sort()).toEqual(['丁公司', '乙公司\n第二行', '甲公司'].sort());
  });

  it('dry run: reports what would happen and writes nothing', async () => {
    await crm.customers.create({ id: 'old', name: '老客户', phones: [{ number: '13800138000' }] });
    const report = await crm.io.importCsv('customer', csv, {
      mapping: CUSTOMER_MAPPING,
      mode: 'valid-rows',
      dryRun: true,
    });
    expect(report).toMatchObject({ dryRun: true, committed: false, valid: 3, created: 2 });
    expect(report.duplicates).toEqual([
      { row: 2, matches: { id: 'old' }, on: ['phone'], action: 'skip' },
    ]);
    expect(report.skipped.map((s) => s.row)).toEqual([2, 4]);
    expect(await crm.customers.count()).toBe(1);
  });
});

describe('importCsv: duplicates', () => {
  beforeEach(async () => {
    await crm.customers.create({
      id: 'old',
      name: '杭州云帆贸易有限公司',
      phones: [{ number: '+86 138-0013-8000', type: 'mobile' }],
      tags: ['老客户'],
      region: { province: '浙江省' },
    });
  });
  const text =
    HEADER +
    '杭州云帆贸易,１３８ ００１３ ８０００,work,new@yunfan.cn,杭州,新标签,,,,,\r\n' +
    '宁波海港物流股份有限公司,,,a@haigang.cn,,,,,,,\r\n' +
    '宁波海港物流,,,A@HAIGANG.CN,宁波,,,,,,\r\n';

  it('skip: leaves the existing record and skips in-file duplicates', async () => {
    const report = await crm.io.importCsv('customer', text, { mapping: CUSTOMER_MAPPING });
    expect(report.duplicates).toEqual([
      { row: 2, matches: { id: 'old' }, on: ['phone', 'company'], action: 'skip' },
      { row: 4, matches: { row: 3 }, on: ['email', 'company'], action: 'skip' },
    ]);
    expect(report).toMatchObject({ created: 1, updated: 0 });
    expect((await crm.customers.get('old')).version).toBe(1);
  });

  it('merge: the existing record keeps its values and gains lists and missing fields', async () => {
    const report = await crm.io.importCsv('customer', text, {
      mapping: CUSTOMER_MAPPING,
      duplicates: 'merge',
    });
    expect(report).toMatchObject({ created: 1, updated: 1 });
    const old = await crm.customers.get('old');
    expect(old).toMatchObject({
      name: '杭州云帆贸易有限公司',
      phones: [{ number: '+86 138-0013-8000', type: 'mobile' }],
      emails: ['new@yunfan.cn'],
      tags: ['老客户', '新标签'],
      region: { province: '浙江省', city: '杭州' },
    });
    const [haigang] = (await crm.customers.list({ search: '海港' })).items;
    expect(haigang).toMatchObject({ emails: ['a@haigang.cn'], region: { city: '宁波' } });
  });

  it('update: imported values replace the existing ones', async () => {
    await crm.io.importCsv('customer', text, { mapping: CUSTOMER_MAPPING, duplicates: 'update' });
    const old = await crm.customers.get('old');
    expect(old).toMatchObject({
      name: '杭州云帆贸易',
      phones: [{ number: '１３８ ００１３ ８０００', type: 'work' }],
      tags: ['新标签'],
      region: { city: '杭州' },
    });
  });
});

describe('importCsv: a large all-or-nothing import', () => {
  // Above 1,000 rows the write is streamed to storage a chunk at a time; a bad row anywhere must
  // still store nothing, and be reported exactly as a dry run reports it.
  const file = (size: number, edit: (cells: string[], i: number) => void = () => {}) =>
    HEADER +
    Array.from({ length: size }, (_, i) => {
      const cells = [`公司${i}`, `139${String(i).padStart(8, '0')}`, '', `s${i}@a.cn`];
      cells.push(...Array<string>(7).fill(''));
      edit(cells, i);
      return cells.join(',') + '\r\n';
    }).join('');
  const failure = async (text: string) => {
    const error = await crm.io
      .importCsv('customer', text, { mapping: CUSTOMER_MAPPING })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportValidationError);
    const dry = await crm.io.importCsv('customer', text, {
      mapping: CUSTOMER_MAPPING,
      dryRun: true,
    });
    const { report } = error as ImportValidationError;
    expect({ ...report, dryRun: true }).toEqual(dry);
    expect(await adapter.count('customers')).toBe(0);
    return error as ImportValidationError;
  };

  it('stores all rows when every row is valid', async () => {
    const report = await crm.io.importCsv('customer', file(1500), { mapping: CUSTOMER_MAPPING });
    expect(report).toMatchObject({ committed: true, rows: 1500, valid: 1500, created: 1500 });
    expect(report.invalid).toEqual([]);
    expect(await crm.customers.count()).toBe(1500);
    const [first] = (await crm.customers.list({ where: { name: { eq: '公司0' } } })).items;
    expect(first).toMatchObject({ phones: [{ number: '13900000000' }], emails: ['s0@a.cn'] });
  });

  it('a row the schema refuses in the last chunk stores nothing and names that row', async () => {
    const error = await failure(
      file(1500, (cells, i) => {
        if (i === 1490) cells[3] = 'not-an-email';
      }),
    );
    expect(error.report.invalid.map((r) => r.row)).toEqual([1492]);
    expect(error.issues.map((i) => i.path)).toEqual([[1492, 'emails', 0]]);
  });

  it('reports every bad row, and the duplicates among the good ones, as a dry run does', async () => {
    const error = await failure(
      file(1500, (cells, i) => {
        if (i === 3) cells[3] = 'bad';
        if (i === 700) cells[1] = '139 0000 0001'; // the phone of row 3
        if (i === 1400) cells[8] = 'yesterday';
      }),
    );
    expect(error.report.invalid.map((r) => r.row)).toEqual([5, 1402]);
    expect(error.report.duplicates).toEqual([
      { row: 702, matches: { row: 3 }, on: ['phone'], action: 'skip' },
    ]);
  });

  it('a bad row that duplicates an earlier one still fails the import', async () => {
    const error = await failure(
      file(1500, (cells, i) => {
        if (i === 1200) {
          cells[1] = '139 0000 0002'; // the phone of row 4
          cells[3] = 'bad';
        }
      }),
    );
    expect(error.report.invalid.map((r) => r.row)).toEqual([1202]);
  });
});

describe('importCsv: progress and cancellation', () => {
  const rows = (n: number) =>
    HEADER +
    Array.from(
      { length: n },
      (_, i) => `公司${i},139${String(i).padStart(8, '0')},,,,,,,,,\r\n`,
    ).join('');

  it('reports progress through the phases', async () => {
    const phases = new Set<string>();
    await crm.io.importCsv('customer', rows(1200), {
      mapping: CUSTOMER_MAPPING,
      onProgress: ({ phase }) => phases.add(phase),
    });
    expect([...phases]).toEqual(expect.arrayContaining(['read', 'validate', 'commit']));
    expect(await crm.customers.count()).toBe(1200);
  });

  it('a signal aborted before the commit writes nothing and throws CancelledError', async () => {
    const controller = new AbortController();
    const pending = crm.io.importCsv('customer', rows(3000), {
      mapping: CUSTOMER_MAPPING,
      signal: controller.signal,
      onProgress: ({ phase }) => {
        if (phase === 'read') controller.abort(new Error('user pressed cancel'));
      },
    });
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CancelledError);
    expect((error as CancelledError).cause).toEqual(new Error('user pressed cancel'));
    expect(await adapter.count('customers')).toBe(0);
  });

  it('an already aborted signal is refused up front', async () => {
    await expect(
      crm.io.importCsv('customer', rows(1), {
        mapping: CUSTOMER_MAPPING,
        signal: AbortSignal.abort(),
      }),
    ).rejects.toBeInstanceOf(CancelledError);
  });
});

describe('import permissions', () => {
  it('needs the import operation', async () => {
    const policy: Policy = { scope: (_p, op) => (op === 'import' ? 'none' : 'all') };
    const guarded = await createCrm({ storage: createMemoryAdapter(), policy });
    await expect(
      guarded.io.importJson('customer', [{ name: '甲' }], { dryRun: true }),
    ).rejects.toBeInstanceOf(PermissionError);
    await guarded.close();
  });
});

describe('export → import round trip', () => {
  it('brings back the same customers through CSV', async () => {
    const inputs = [
      { name: '=1+1 公司', tags: ['vip', '重点'], region: { city: '上海' }, emails: ['a@b.cn'] },
      {
        name: 'Zhang, "Z" Wei',
        notes: '第一行\r\n第二行',
        phones: [{ number: '+86 139 1234 5678' }],
      },
      { name: '-负号开头', lifecycleStage: 'loyal' as const, companySize: 42 },
    ];
    await crm.customers.createMany(inputs);
    const csv = await crm.io.exportCsvText('customer', {
      columns: [
        'name',
        'tags',
        'region.city',
        'emails',
        'notes',
        'phones.number',
        'lifecycleStage',
        'companySize',
      ],
      query: { orderBy: [{ field: 'name' }] },
    });
    const other = await createCrm({ storage: createMemoryAdapter() });
    const report = await other.io.importCsv('customer', csv, {
      mapping: {
        columns: [
          { from: 'name', to: 'name' },
          { from: 'tags', to: 'tags', transform: 'list' },
          { from: 'region.city', to: 'region.city' },
          { from: 'emails', to: 'emails', transform: 'list' },
          { from: 'notes', to: 'notes' },
          { from: 'phones.number', to: 'phones[]', transform: { phone: 'mobile' } },
          { from: 'lifecycleStage', to: 'lifecycleStage' },
          { from: 'companySize', to: 'companySize', transform: 'integer' },
        ],
      },
    });
    expect(report).toMatchObject({ created: 3, invalid: [] });
    const strip = (c: Record<string, unknown>) => {
      const { id, version, createdAt, updatedAt, ...rest } = c;
      void [id, version, createdAt, updatedAt];
      return rest;
    };
    const before = (await crm.customers.list({ orderBy: [{ field: 'name' }] })).items.map(strip);
    const after = (await other.customers.list({ orderBy: [{ field: 'name' }] })).items.map(strip);
    expect(after).toEqual(before);
    await other.close();
  });

  it('brings back records through JSON, ids included', async () => {
    await crm.customers.create({ id: 'c1', name: '张伟明', tags: ['a'] });
    const stream = await crm.io.exportJson('customer');
    let text = '';
    for await (const chunk of stream as unknown as AsyncIterable<string>) text += chunk;
    const records = (JSON.parse(text) as Record<string, unknown>[]).map(
      ({ version, createdAt, updatedAt, ...rest }) => (void [version, createdAt, updatedAt], rest),
    );
    const other = await createCrm({ storage: createMemoryAdapter() });
    const report = await other.io.importJson('customer', records);
    expect(report.createdIds).toEqual(['c1']);
    expect(await other.customers.get('c1')).toMatchObject({ name: '张伟明', tags: ['a'] });
    await other.close();
  });

  it('reports every problem of a JSON row at once: system fields, the id, the schema', async () => {
    const report = await crm.io.importJson(
      'customer',
      [
        { id: 'bad id!', name: '', createdAt: '2026-01-01T00:00:00Z', tier: 'gold' },
        { name: '乙' },
      ],
      { mode: 'valid-rows' },
    );
    expect(report.invalid).toHaveLength(1);
    expect(report.invalid[0]!.row).toBe(1);
    expect(
      Object.fromEntries(report.invalid[0]!.issues.map((i) => [i.path.join('.'), i.message])),
    ).toMatchObject({
      createdAt: '"createdAt" is set by the system',
      id: 'Not a valid id',
      name: expect.any(String),
      tier: expect.any(String),
    });
    expect(report.created).toBe(1);
    expect((await crm.customers.list()).items.map((c) => c.name)).toEqual(['乙']);
  });

  it('refuses __proto__ keys in JSON without polluting', async () => {
    const report = await crm.io.importJson(
      'customer',
      '[{"name":"x","__proto__":{"polluted":1}}]',
      {
        mode: 'valid-rows',
      },
    );
    expect(report.invalid[0]!.issues[0]!.path).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await crm.customers.count()).toBe(0);
  });
});

// The real Atomic CRM contacts export (see shared/fixtures/interop/README.md), used read-only.
const here = path.dirname(fileURLToPath(import.meta.url));
const ATOMIC = path.resolve(here, '../../../../../shared/fixtures/interop/atomic-crm-contacts.csv');
const atomicMissing = !existsSync(ATOMIC);

describe('Atomic CRM migration', () => {
  it.skipIf(atomicMissing)(
    'imports the Atomic CRM contacts export through the preset mapping' +
      (atomicMissing ? ' (skipped: ../shared/fixtures/interop is absent in this checkout)' : ''),
    async () => {
      const text = readFileSync(ATOMIC, 'utf8');
      const dry = await crm.io.importCsv('contact', text, {
        mapping: ATOMIC_CRM_CONTACTS_MAPPING,
        dryRun: true,
      });
      expect(dry).toMatchObject({ rows: 500, valid: 500, invalid: [], committed: false });
      expect(dry.unmappedColumns).toEqual([]);
      expect(dry.ignoredColumns.map((c) => c.column).sort()).toEqual(
        ['company', 'company_id', 'id', 'nb_tasks', 'sales', 'sales_id'].sort(),
      );
      expect(dry.ignoredColumns.every((c) => c.reason.length > 10)).toBe(true);
      expect(await crm.contacts.count()).toBe(0);

      const report = await crm.io.importCsv('contact', text, {
        mapping: ATOMIC_CRM_CONTACTS_MAPPING,
      });
      expect(report.created + report.skipped.length).toBe(500);
      expect(report.customers.created).toBe(55);
      // Every skipped row says why.
      for (const s of report.skipped) expect(s.reason).toMatch(/duplicate|invalid/);
      expect(await crm.contacts.count()).toBe(report.created);
      expect(await crm.customers.count()).toBe(55);

      // Faith Leuschke: two typed phones, tags from one quoted cell, status → the customer's stage.
      const [faith] = (await crm.contacts.list({ search: 'Faith72@yahoo.com' })).items;
      expect(faith).toMatchObject({
        name: 'Faith Leuschke',
        gender: 'female',
        title: 'Cross-media',
        emails: ['Faith72@yahoo.com'],
        phones: [
          { number: '1-597-372-4380 x491', type: 'home' },
          { number: '(441) 954-5172', type: 'other' },
        ],
        tags: ['vip'],
        lastContactAt: '2024-08-14T11:33:41.344Z',
        consent: { email: false },
      });
      expect(faith!.notes).toContain('First seen: 2024-08-14T04:18:25.313+00:00');
      const company = await crm.customers.get(faith!.customerId!);
      expect(company).toMatchObject({ name: 'Brekke, Dietrich and Klein', kind: 'company' });
      expect(['potential', 'prospect', 'customer']).toContain(company.lifecycleStage);

      const [robin] = (await crm.contacts.list({ search: 'Robin27@gmail.com' })).items;
      expect(robin).toMatchObject({ tags: ['football-fan', 'musician'], consent: { email: true } });

      // Importing the same file again finds every contact as a duplicate and links no new customers.
      const again = await crm.io.importCsv('contact', text, {
        mapping: ATOMIC_CRM_CONTACTS_MAPPING,
        dryRun: true,
      });
      expect(again.created).toBe(0);
      expect(again.customers).toEqual({ created: 0, linked: 500 });
      expect(again.skipped).toHaveLength(500);
    },
  );
});
