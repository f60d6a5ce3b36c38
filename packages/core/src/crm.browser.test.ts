import { createCrm, type Crm } from './crm.js';
import { ValidationError } from './errors.js';
import { createIndexedDbAdapter } from './storage/indexeddb-adapter.js';
import { assert, assertEqual, assertRejects } from './testing/index.js';
import { deleteDatabase } from './testing/delete-database.js';

const waitFor = async (condition: () => boolean, what: string) => {
  for (let i = 0; i < 100; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe('createCrm on IndexedDB', () => {
  let name: string;
  let clients: Crm[];
  const open = async () => {
    const crm = await createCrm({ storage: createIndexedDbAdapter({ name }) });
    clients.push(crm);
    return crm;
  };
  beforeEach(() => {
    name = `rapport-crm-${crypto.randomUUID()}`;
    clients = [];
  });
  afterEach(async () => {
    for (const crm of clients) await crm.close();
    await deleteDatabase(name);
  });

  it('stores nothing of 1,000 customers when one is invalid', async () => {
    const crm = await open();
    const inputs = Array.from({ length: 1000 }, (_, i) => ({ name: i === 537 ? '' : `客户 ${i}` }));
    const error = await assertRejects(crm.customers.createMany(inputs), ValidationError);
    assertEqual(
      error.issues.map((i) => i.path),
      [[537, 'name']],
    );
    assertEqual(await crm.customers.count(), 0);
  });

  it('invalidates another tab’s cached queries when this tab writes', async () => {
    const tabA = await open();
    const tabB = await open();
    const options = tabB.queries.list('customer', { search: '张伟' });
    const before = await tabB.queryClient.fetchQuery(options);
    assertEqual(before.total, 0);
    await tabA.customers.create({ name: '张伟明' });
    await waitFor(
      () => tabB.queryClient.getQueryState(options.queryKey)?.isInvalidated === true,
      'invalidation',
    );
    const after = await tabB.queryClient.fetchQuery(options);
    assertEqual(
      after.items.map((c) => c.name),
      ['张伟明'],
    );
  });

  it('keeps records across a reload', async () => {
    const first = await open();
    const created = await first.customers.create({
      name: '上海云帆',
      tier: 'vip',
      region: { province: '上海市' },
    });
    await first.close();
    const second = await open();
    const again = await second.customers.get(created.id);
    assertEqual([again.name, again.tier, again.version], ['上海云帆', 'vip', 1]);
    assert(again.createdAt === created.createdAt, 'timestamps survive');
  });
});
