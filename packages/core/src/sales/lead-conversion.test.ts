import {
  ConflictError,
  NotFoundError,
  ValidationError,
  createCrm,
  createMemoryAdapter,
  type Crm,
} from '../index.js';

let crm: Crm;
const at = '2026-03-02T01:00:00.000Z';

beforeEach(async () => {
  crm = await createCrm({ storage: createMemoryAdapter(), clock: () => new Date(at) });
  await crm.pipelines.create({
    id: 'std',
    name: '标准销售',
    stages: [
      { id: 'qualify', name: '验证', probability: 0.1 },
      { id: 'won', name: '赢单', probability: 1, kind: 'won' },
    ],
  });
  await crm.pipelines.create({
    id: 'renew',
    name: '续约',
    stages: [{ id: 'renew-open', name: '续约中', probability: 0.5 }],
  });
});
afterEach(() => crm.close());

describe('crm.leads.convert', () => {
  it('creates customer, contact and deal in one step, linked both ways', async () => {
    const lead = await crm.leads.create({
      name: '王芳',
      title: '采购经理',
      company: '杭州云帆贸易有限公司',
      phones: [{ number: '138 0013 8000' }],
      ownerId: 'u-li',
      campaignId: 'cmp-1',
      industry: '贸易',
    });
    const result = await crm.leads.convert(lead.id, {
      deal: { pipelineId: 'std', stageId: 'qualify', amount: 120_000 },
    });
    expect(result.reusedCustomer).toBe(false);
    expect(result.customer).toMatchObject({
      kind: 'company',
      name: '杭州云帆贸易有限公司',
      industry: '贸易',
      ownerId: 'u-li',
      lifecycleStage: 'prospect',
      convertedFromLeadId: lead.id,
    });
    expect(result.contact).toMatchObject({
      name: '王芳',
      title: '采购经理',
      customerId: result.customer.id,
      convertedFromLeadId: lead.id,
      phones: [{ number: '138 0013 8000', type: 'mobile' }],
    });
    expect(result.deal).toMatchObject({
      pipelineId: 'std',
      stageId: 'qualify',
      status: 'open',
      amount: 120_000,
      currency: 'CNY',
      customerId: result.customer.id,
      contactId: result.contact.id,
      campaignId: 'cmp-1',
      leadId: lead.id,
      stageHistory: [{ stageId: 'qualify', enteredAt: at }],
    });
    expect(result.lead).toMatchObject({
      status: 'converted',
      convertedAt: at,
      convertedCustomerId: result.customer.id,
      convertedContactId: result.contact.id,
      convertedDealId: result.deal!.id,
    });
    expect(await crm.leads.get(lead.id)).toMatchObject({ status: 'converted' });
  });

  it('reuses an existing customer the lead matches (company name without suffix) and its matching contact', async () => {
    const existing = await crm.customers.create({ name: '杭州云帆贸易股份有限公司', tier: 'vip' });
    const contact = await crm.contacts.create({
      name: '王芳',
      customerId: existing.id,
      emails: ['wang@yunfan.cn'],
    });
    const lead = await crm.leads.create({
      name: '王芳',
      company: '杭州云帆贸易有限公司',
      emails: ['WANG@yunfan.cn'],
    });
    const result = await crm.leads.convert(lead.id);
    expect(result.reusedCustomer).toBe(true);
    expect(result.customer.id).toBe(existing.id);
    expect(result.reusedContact).toBe(true);
    expect(result.contact.id).toBe(contact.id);
    expect(result.lead.convertedCustomerId).toBe(existing.id);
    expect(await crm.customers.count()).toBe(1);
    expect(await crm.contacts.count()).toBe(1);
  });

  it('reuses the customer of a contact the lead matches by phone, adding a new contact otherwise', async () => {
    const existing = await crm.customers.create({ name: '北京星辰科技有限公司' });
    await crm.contacts.create({
      name: '李雷',
      customerId: existing.id,
      phones: [{ number: '+86 139 1234 5678' }],
    });
    const lead = await crm.leads.create({ name: '韩梅梅', phones: [{ number: '13912345678' }] });
    const result = await crm.leads.convert(lead.id);
    expect(result.customer.id).toBe(existing.id);
    expect(result.reusedContact).toBe(true);
  });

  it('is idempotent: converting twice is a ConflictError and changes nothing', async () => {
    const lead = await crm.leads.create({ name: '张伟' });
    await crm.leads.convert(lead.id);
    const error = await crm.leads.convert(lead.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toMatch(/already converted/);
    expect(await crm.customers.count()).toBe(1);
    expect(await crm.contacts.count()).toBe(1);
  });

  it('lets exactly one of two concurrent conversions win', async () => {
    const lead = await crm.leads.create({ name: '张伟' });
    const results = await Promise.allSettled([
      crm.leads.convert(lead.id),
      crm.leads.convert(lead.id),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(
      (results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason,
    ).toBeInstanceOf(ConflictError);
    expect(await crm.customers.count()).toBe(1);
  });

  it('refuses a stage of another pipeline and writes nothing (all-or-nothing)', async () => {
    const lead = await crm.leads.create({ name: '张伟', company: '上海某某有限公司' });
    const error = await crm.leads
      .convert(lead.id, { deal: { pipelineId: 'std', stageId: 'renew-open' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]!.path).toEqual(['deal', 'stageId']);
    // A deal that fails validation (negative amount) also leaves no customer behind.
    await expect(
      crm.leads.convert(lead.id, { deal: { pipelineId: 'std', amount: -5 } }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await crm.customers.count()).toBe(0);
    expect(await crm.contacts.count()).toBe(0);
    expect(await crm.deals.count()).toBe(0);
    expect((await crm.leads.get(lead.id)).status).toBe('new');
  });

  it('reports a missing lead, customer or pipeline as NotFoundError', async () => {
    await expect(crm.leads.convert('nope')).rejects.toBeInstanceOf(NotFoundError);
    const lead = await crm.leads.create({ name: '张伟' });
    await expect(crm.leads.convert(lead.id, { customerId: 'nope' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      crm.leads.convert(lead.id, { deal: { pipelineId: 'nope' } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
