import { createCrm, type Crm } from '../crm.js';
import type { Policy } from '../gateway/policy.js';
import { createIndexedDbAdapter } from '../storage/indexeddb-adapter.js';
import { assert, assertEqual } from '../testing/index.js';
import { deleteDatabase } from '../testing/delete-database.js';

// Exports over IndexedDB read pages sized to the storage and ask for the next page while one is
// formatted: every record must still come out once, in id order, masked as the principal sees it.

describe('CSV export over IndexedDB', () => {
  let name: string;
  let crm: Crm;
  const policy: Policy = {
    scope: () => 'all',
    fieldAccess: (principal, _entity, field) =>
      principal.id === 'u-viewer' && field === 'phones' ? 'masked' : 'editable',
  };
  beforeEach(async () => {
    name = `rapport-export-${crypto.randomUUID()}`;
    crm = await createCrm({ storage: createIndexedDbAdapter({ name }), policy });
  });
  afterEach(async () => {
    await crm.close();
    await deleteDatabase(name);
  });

  it('exports 6,000 records once each, in id order, in several chunks', async () => {
    const created = await crm.customers.createMany(
      Array.from({ length: 6_000 }, (_, i) => ({
        name: `客户${i}`,
        phones: [{ number: `139 ${String(i).padStart(8, '0')}` }],
      })),
    );
    const stream = await crm.io.exportCsv('customer', { columns: ['id', 'name'] });
    const chunks: string[] = [];
    const reader = stream.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
    }
    assert(chunks.length >= 3, `expected several pages, got ${chunks.length} chunks`);
    const lines = chunks.join('').slice(1).split('\r\n').slice(1, -1);
    const expected = created.map((c) => `${c.id},${c.name}`).sort();
    assertEqual(lines, expected, 'every record once, in id order');
  });

  it('shows masked values to a principal who may only see them masked', async () => {
    await crm.customers.create({ id: 'c1', name: '甲', phones: [{ number: '138 0013 8000' }] });
    const viewer = crm.as({ id: 'u-viewer', roles: [] });
    const csv = await viewer.io.exportCsvText('customer', { columns: ['id', 'phones.number'] });
    assertEqual(csv, '\uFEFFid,phones.number\r\nc1,138****8000\r\n');
    await viewer.close();
  });
});
