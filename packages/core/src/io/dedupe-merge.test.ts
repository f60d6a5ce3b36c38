import {
  ConflictError,
  createCrm,
  createMemoryAdapter,
  NotFoundError,
  PermissionError,
  type Crm,
  type Policy,
  type StorageAdapter,
} from '../index.js';

let adapter: StorageAdapter;
let crm: Crm;
beforeEach(async () => {
  adapter = createMemoryAdapter();
  crm = await createCrm({ storage: adapter });
});
afterEach(() => crm.close());

describe('findDuplicates', () => {
  it('groups customers by phone, email and company name, with the reason per pair', async () => {
    await crm.customers.createMany([
      { id: 'a', name: '杭州云帆贸易有限公司', phones: [{ number: '138 0013 8000' }] },
      { id: 'b', name: '杭州云帆贸易股份有限公司' },
      { id: 'c', name: 'Yunfan', phones: [{ number: '+86 １３８-００１３-８０００' }] },
      { id: 'd', name: 'Acme Trading Co., Ltd.', emails: ['Sales@Acme.com'] },
      { id: 'e', name: 'ＡＣＭＥ　ＴＲＡＤＩＮＧ' },
      { id: 'f', name: 'Other', emails: ['sales@acme.com'] },
      { id: 'g', name: '张伟', kind: 'person' },
      { id: 'h', name: '张伟', kind: 'person' }, // same person name: not a company match
      { id: 'i', name: '孤立公司' },
    ]);
    const groups = await crm.customers.findDuplicates();
    expect(groups.map((g) => [...g.ids].sort())).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ]);
    const reasons = (g: (typeof groups)[number]) =>
      Object.fromEntries(g.pairs.map((p) => [`${p.a}-${p.b}`, p.on]));
    expect(reasons(groups[0]!)).toEqual({ 'a-b': ['company'], 'a-c': ['phone'] });
    expect(reasons(groups[1]!)).toEqual({ 'd-e': ['company'], 'd-f': ['email'] });
  });

  it('groups contacts by phone and email only', async () => {
    await crm.contacts.createMany([
      { id: 'p', name: '王芳', emails: ['wang@x.cn'] },
      { id: 'q', name: '王芳' },
      { id: 'r', name: 'Fang Wang', emails: ['WANG@X.CN'] },
    ]);
    const groups = await crm.contacts.findDuplicates();
    expect(groups).toEqual([{ ids: ['p', 'r'], pairs: [{ a: 'p', b: 'r', on: ['email'] }] }]);
  });

  it('never matches on masked values', async () => {
    const policy: Policy = {
      scope: () => 'all',
      fieldAccess: (p, _e, f) =>
        p.roles.includes('viewer') && f === 'phones' ? 'masked' : 'editable',
    };
    const root = await createCrm({ storage: adapter, policy });
    await root.customers.createMany([
      { id: 'x', name: '甲', phones: [{ number: '138 0013 8000' }] },
      { id: 'y', name: '乙', phones: [{ number: '138 9999 8000' }] }, // masks to the same 138****8000
    ]);
    const viewer = root.as({ id: 'v', roles: ['viewer'] });
    expect(await viewer.customers.findDuplicates()).toEqual([]);
    await viewer.close();
  });
});

describe('merge', () => {
  beforeEach(async () => {
    await crm.customers.createMany([
      {
        id: 'target',
        name: '杭州云帆贸易有限公司',
        tier: 'vip',
        phones: [{ number: '138 0013 8000' }],
        tags: ['重点'],
        region: { province: '浙江省' },
      },
      {
        id: 'source',
        name: '杭州云帆贸易',
        tier: 'regular',
        industry: '贸易',
        phones: [{ number: '+86 13800138000' }, { number: '0571-8888 0000', type: 'work' }],
        emails: ['info@yunfan.cn'],
        tags: ['重点', '老客户'],
        region: { province: '江苏省', city: '杭州' },
      },
    ]);
    await crm.pipelines.create({
      id: 'p1',
      name: '标准',
      stages: [{ id: 's1', name: '初步接触', probability: 0.1 }],
    });
    await crm.contacts.create({ id: 'con1', name: '张伟', customerId: 'source' });
    await crm.deals.create({
      id: 'd1',
      name: '单',
      pipelineId: 'p1',
      stageId: 's1',
      customerId: 'source',
      amount: 100,
    });
    await crm.activities.create({ id: 'a1', type: 'call', subject: '电话', customerId: 'source' });
    await crm.tickets.create({ id: 't1', subject: '投诉', customerId: 'source' });
    await crm.orders.create({ id: 'o1', number: 'SO-1', customerId: 'source' });
    await crm.leads.create({
      id: 'l1',
      name: '线索',
      convertedCustomerId: 'source',
      status: 'converted',
    });
    await crm.surveys.create({
      id: 'sv1',
      kind: 'csat',
      score: 5,
      customerId: 'source',
      respondedAt: '2026-03-01T00:00:00Z',
    });
    await crm.deals.create({
      id: 'd2',
      name: '别的',
      pipelineId: 'p1',
      stageId: 's1',
      customerId: 'target',
      amount: 1,
    });
  });

  it('re-links records of every kind, merges fields target-first and deletes the source in one write', async () => {
    const events: string[] = [];
    crm.subscribe((changes) => events.push(`${changes.length}`));
    const result = await crm.customers.merge('target', 'source');
    expect(events).toHaveLength(1); // one commit
    expect(result.relinked).toEqual({
      contact: 1,
      deal: 1,
      activity: 1,
      ticket: 1,
      order: 1,
      lead: 1,
      surveyResponse: 1,
    });
    expect(result.target).toMatchObject({
      name: '杭州云帆贸易有限公司',
      tier: 'vip',
      industry: '贸易',
      phones: [{ number: '138 0013 8000' }, { number: '0571-8888 0000', type: 'work' }],
      emails: ['info@yunfan.cn'],
      tags: ['重点', '老客户'],
      region: { province: '浙江省', city: '杭州' },
    });
    await expect(crm.customers.get('source')).rejects.toBeInstanceOf(NotFoundError);
    expect((await crm.contacts.get('con1')).customerId).toBe('target');
    expect((await crm.deals.get('d1')).customerId).toBe('target');
    expect((await crm.activities.get('a1')).customerId).toBe('target');
    expect((await crm.tickets.get('t1')).customerId).toBe('target');
    expect((await crm.orders.get('o1')).customerId).toBe('target');
    expect((await crm.leads.get('l1')).convertedCustomerId).toBe('target');
    expect((await crm.surveys.get('sv1')).customerId).toBe('target');
    const audit = await crm.audit.list({ action: 'merge' });
    expect(audit.items.some((e) => e.recordId === 'source')).toBe(true);
  });

  it('writes nothing when any record changed meanwhile', async () => {
    // A deal linked to the source changes between the merge's reads and its write.
    const original = crm.gateway.write.bind(crm.gateway);
    let raced = false;
    crm.gateway.write = async (ctx, intents, options) => {
      if (!raced && intents.some((i) => i.type === 'delete' && i.id === 'source')) {
        raced = true;
        await crm.deals.update('d1', { name: '改了' });
      }
      return original(ctx, intents, options);
    };
    await expect(crm.customers.merge('target', 'source')).rejects.toBeInstanceOf(ConflictError);
    crm.gateway.write = original;
    expect((await crm.customers.get('source')).name).toBe('杭州云帆贸易');
    expect((await crm.contacts.get('con1')).customerId).toBe('source');
    expect((await crm.customers.get('target')).version).toBe(1);
  });

  it('refuses a principal who cannot see every linked record', async () => {
    const policy: Policy = {
      scope: (p, _op, entity) => (p.roles.includes('sales') && entity === 'deal' ? 'own' : 'all'),
    };
    const root = await createCrm({ storage: adapter, policy });
    const sales = root.as({ id: 'u1', roles: ['sales'] });
    await expect(sales.customers.merge('target', 'source')).rejects.toBeInstanceOf(PermissionError);
    expect((await root.contacts.get('con1')).customerId).toBe('source');
    await sales.close();
  });

  it('merges contacts and re-links their deals', async () => {
    await crm.contacts.create({ id: 'con2', name: '张伟', emails: ['zw@x.cn'] });
    await crm.deals.update('d2', { contactId: 'con2' });
    const result = await crm.contacts.merge('con1', 'con2');
    expect(result.relinked).toEqual({ deal: 1 });
    expect(result.target.emails).toEqual(['zw@x.cn']);
    expect((await crm.deals.get('d2')).contactId).toBe('con1');
  });
});
