import { createCrm, createIndexedDbAdapter } from '../index.js';
import { assert, assertEqual } from '../testing/index.js';
import { deleteDatabase } from '../testing/delete-database.js';

// What a page downloads: opening a client on IndexedDB and reading fetches no schema module; the
// first write fetches them. (The test server serves each source module as its own request.)
const schemaModulesFetched = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => /\/entities\/(customer|deal|registry)\.ts$|\/src\/schemas\.ts$/.test(path));

describe('entity schemas in the browser', () => {
  it('are downloaded by the first write, not by reads', async () => {
    const name = `rapport-schemas-${crypto.randomUUID()}`;
    const crm = await createCrm({ storage: createIndexedDbAdapter({ name }) });
    try {
      assertEqual(await crm.customers.count(), 0);
      assertEqual((await crm.deals.list({ search: '张伟' })).items, []);
      assertEqual(schemaModulesFetched(), []);
      const created = await crm.customers.create({ name: '张伟明' });
      assertEqual((await crm.customers.get(created.id)).name, '张伟明');
      const fetched = schemaModulesFetched();
      assert(
        fetched.some((path) => path.endsWith('/entities/customer.ts')),
        fetched.join(', '),
      );
    } finally {
      await crm.close();
      await deleteDatabase(name);
    }
  });
});
