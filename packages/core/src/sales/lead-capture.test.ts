import {
  ConflictError,
  ValidationError,
  createCrm,
  createMemoryAdapter,
  type Crm,
} from '../index.js';
import { companyKey } from './duplicate-check.js';

let crm: Crm;
let now = Date.parse('2026-03-02T01:00:00.000Z');

beforeEach(async () => {
  now = Date.parse('2026-03-02T01:00:00.000Z');
  crm = await createCrm({ storage: createMemoryAdapter(), clock: () => new Date(now) });
});
afterEach(() => crm.close());

describe('companyKey', () => {
  it('ignores legal-form suffixes, case, width and punctuation', () => {
    const key = companyKey('杭州云帆贸易有限公司');
    expect(key).toBe('杭州云帆贸易');
    expect(companyKey('杭州云帆贸易股份有限公司')).toBe(key);
    expect(companyKey(' 杭州云帆贸易 ')).toBe(key);
    expect(companyKey('Acme Trading Co., Ltd.')).toBe('acmetrading');
    expect(companyKey('ACME TRADING CO LTD')).toBe('acmetrading');
    expect(companyKey('Ａｃｍｅ Trading Limited')).toBe('acmetrading');
    // A name that merely ends in "co" keeps it.
    expect(companyKey('Costco')).toBe('costco');
    // Configurable suffixes.
    expect(companyKey('云帆科技（中国）', ['（中国）'])).toBe('云帆科技');
  });
});

describe('crm.leads.capture', () => {
  it('keeps source and campaign, normalises a web-form payload and scores the lead', async () => {
    const { lead, created, duplicates } = await crm.leads.capture({
      name: '王芳',
      company: '杭州云帆贸易有限公司',
      phone: '+86 138-0013-8000',
      email: 'Wang.Fang@Yunfan.CN',
      source: 'web',
      campaignId: 'cmp-618',
    });
    expect(created).toBe(true);
    expect(duplicates).toEqual([]);
    expect(lead).toMatchObject({
      source: 'web',
      campaignId: 'cmp-618',
      phones: [{ number: '+86 138-0013-8000', type: 'mobile' }],
      emails: ['wang.fang@yunfan.cn'],
      touches: [{ at: '2026-03-02T01:00:00.000Z', source: 'web', campaignId: 'cmp-618' }],
    });
    // web 10 + phone 5 + email 5 + one campaign response 10
    expect(lead.score).toBe(30);
  });

  it('defaults the source to api', async () => {
    const { lead } = await crm.leads.capture({ name: '李雷' });
    expect(lead.source).toBe('api');
  });

  it('finds duplicates among contacts and customers by phone (spaces, +86, full-width), email and company', async () => {
    const customer = await crm.customers.create({ name: '杭州云帆贸易股份有限公司' });
    const contact = await crm.contacts.create({
      name: '王芳',
      customerId: customer.id,
      phones: [{ number: '１３８ ００１３ ８０００' }],
      emails: ['WANG@yunfan.cn'],
    });
    const { duplicates, created } = await crm.leads.capture({
      name: '王芳',
      company: '杭州云帆贸易有限公司',
      phone: '+86 13800138000',
      email: 'wang@YUNFAN.cn',
    });
    expect(created).toBe(true);
    expect(duplicates).toEqual(
      expect.arrayContaining([
        { entity: 'contact', id: contact.id, on: ['phone', 'email'] },
        { entity: 'customer', id: customer.id, on: ['company'] },
      ]),
    );
    expect(duplicates).toHaveLength(2);
  });

  it('merges a repeat capture into the existing lead as a new touch and rescoring it', async () => {
    const first = await crm.leads.capture({ name: '赵强', phone: '139-1234-5678', source: 'web' });
    now += 60_000;
    const second = await crm.leads.capture({
      name: '赵强',
      phone: '13912345678',
      company: '北京星辰科技有限公司',
      source: 'event',
      campaignId: 'cmp-expo',
    });
    expect(second.created).toBe(false);
    expect(second.lead.id).toBe(first.lead.id);
    expect(second.lead.company).toBe('北京星辰科技有限公司');
    expect(second.lead.touches).toHaveLength(2);
    expect(second.lead.touches![1]).toEqual({
      at: '2026-03-02T01:01:00.000Z',
      source: 'event',
      campaignId: 'cmp-expo',
    });
    expect(second.lead.score).toBe(first.lead.score! + 10);
    expect(await crm.leads.count()).toBe(1);
  });

  it('matches a lead by company name without suffix, and can reject or create instead', async () => {
    await crm.leads.capture({ name: '甲', company: 'Acme Trading Co., Ltd.' });
    await expect(
      crm.leads.capture({ name: '乙', company: 'ACME Trading Limited' }, { onDuplicate: 'reject' }),
    ).rejects.toBeInstanceOf(ConflictError);
    const forced = await crm.leads.capture(
      { name: '乙', company: 'ACME Trading Limited' },
      { onDuplicate: 'create' },
    );
    expect(forced.created).toBe(true);
    expect(forced.duplicates[0]).toMatchObject({ entity: 'lead', on: ['company'] });
    expect(forced.lead.duplicates).toEqual(forced.duplicates);
    expect(await crm.leads.count()).toBe(2);
  });

  it('rejects bad input with paths and stores nothing', async () => {
    const error = await crm.leads
      .capture({ name: '', source: 'fax' as never, phone: 42 as never })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path[0])).toEqual(
      expect.arrayContaining(['phone', 'source']),
    );
    await expect(crm.leads.capture({ name: '' })).rejects.toBeInstanceOf(ValidationError);
    await expect(crm.leads.capture({ name: 'x', email: 'not-an-email' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await crm.leads.count()).toBe(0);
  });
});
