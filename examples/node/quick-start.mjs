// The SDK from Node: `npm run build && node examples/node/quick-start.mjs`.
// Memory storage is the default outside a browser; data lives as long as the process.
import { createCrm, ValidationError, ConflictError } from '@rapport/core';

const crm = await createCrm({ principal: { id: 'u-li', name: '李娜', roles: ['sales'] } });

const customer = await crm.customers.create({
  name: '杭州云帆贸易有限公司',
  tier: 'key',
  region: { province: '浙江省', city: '杭州市' },
  phones: [{ number: '+86 138 0013 8000', type: 'mobile' }],
  ownerId: 'u-li',
});
await crm.contacts.create({ name: '张伟明', customerId: customer.id, title: '采购经理' });

// Search is CJK-aware and ignores phone formatting.
console.log((await crm.contacts.list({ search: '张伟' })).items.map((c) => c.name));
console.log(
  (await crm.customers.list({ search: '138-0013-8000' })).total,
  'customer found by phone',
);

// Optimistic concurrency: the second writer with a stale version loses, with a typed error.
await crm.customers.update(customer.id, { tier: 'vip' }, { expectedVersion: customer.version });
try {
  await crm.customers.update(
    customer.id,
    { tier: 'regular' },
    { expectedVersion: customer.version },
  );
} catch (error) {
  if (error instanceof ConflictError) console.log('conflict:', error.message);
}

// Bad input never reaches storage; every problem comes back with its path.
try {
  await crm.customers.create({ name: '', phones: [{ number: 'call me' }] });
} catch (error) {
  if (error instanceof ValidationError) console.log(error.issues);
}

await crm.close();
