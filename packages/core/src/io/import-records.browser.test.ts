import { createCrm, type Crm } from '../crm.js';
import { createIndexedDbAdapter } from '../storage/indexeddb-adapter.js';
import { assert, assertEqual } from '../testing/index.js';
import { deleteDatabase } from '../testing/delete-database.js';
import type { ImportMapping } from './column-mapping.js';
import { ImportValidationError } from './import-records.js';

// A large all-or-nothing CSV import over IndexedDB is written a chunk at a time in one
// transaction: a bad row late in the file must leave nothing stored, and be reported exactly as a
// dry run reports it.

const MAPPING: ImportMapping = {
  columns: [
    { from: '名称', to: 'name' },
    { from: '电话', to: 'phones[]', transform: { phone: 'mobile' } },
    { from: '邮箱', to: 'emails[]' },
  ],
};

/** `size` rows, unique on every duplicate key; `edit` may change a row's cells. */
function file(size: number, edit: (cells: string[], i: number) => void = () => {}): string {
  const lines = ['名称,电话,邮箱'];
  for (let i = 0; i < size; i++) {
    const cells = [`公司${i}`, `139${String(i).padStart(8, '0')}`, `s${i}@a.cn`];
    edit(cells, i);
    lines.push(cells.join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe('CSV import over IndexedDB', () => {
  let name: string;
  let crm: Crm;
  beforeEach(async () => {
    name = `rapport-import-${crypto.randomUUID()}`;
    crm = await createCrm({ storage: createIndexedDbAdapter({ name }) });
  });
  afterEach(async () => {
    await crm.close();
    await deleteDatabase(name);
  });

  it('stores every row of a valid file once', async () => {
    const report = await crm.io.importCsv('customer', file(3000), { mapping: MAPPING });
    assertEqual(report.committed, true);
    assertEqual(report.created, 3000);
    assertEqual(report.createdIds.length, 3000);
    assertEqual(await crm.customers.count(), 3000);
    const stored = await crm.customers.get(report.createdIds[2999]!);
    assertEqual(stored.name, '公司2999');
    assertEqual(stored.emails, ['s2999@a.cn']);
  });

  it('stores nothing when a row near the end is invalid, and reports it as a dry run does', async () => {
    const text = file(3000, (cells, i) => {
      if (i === 1000) cells[1] = '139 0000 0002'; // the phone of row 4: a duplicate
      if (i === 2990) cells[2] = 'not-an-email';
    });
    const error = await crm.io.importCsv('customer', text, { mapping: MAPPING }).catch((e) => e);
    assert(error instanceof ImportValidationError, 'an ImportValidationError');
    const failed = error as ImportValidationError;
    assertEqual(
      failed.issues.map((i) => i.path),
      [[2992, 'emails', 0]],
    );
    assertEqual(await crm.customers.count(), 0);
    const dry = await crm.io.importCsv('customer', text, { mapping: MAPPING, dryRun: true });
    assertEqual({ ...failed.report, dryRun: true }, dry);
    assertEqual(
      dry.duplicates.map((d) => d.row),
      [1002],
    );
  });
});
