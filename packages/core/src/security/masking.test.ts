import { QueryObserver } from '@tanstack/query-core';
import { createCrm, type Crm } from '../crm.js';
import { PermissionError } from '../errors.js';
import { createMemoryAdapter } from '../storage/memory-adapter.js';
import type { ChangeEvent } from '../storage/storage-adapter.js';
import { defaultRolePolicy } from './default-role-policy.js';
import { maskField } from './mask-field.js';

const PHONE = '13800138000';
const EMAIL = 'zhang.wei@example.com';
const ID = '110105199001011234';
const BANK = '6222021234561234';
/** Fragments of the secrets no restricted output may contain. */
const SECRETS = ['00138000', '0013 8000', 'zhang.wei', '19900101', '0212345'];

let admin: Crm;
let service: Crm;

beforeEach(async () => {
  admin = await createCrm({ storage: createMemoryAdapter(), policy: defaultRolePolicy });
  service = admin.as({ id: 's1', roles: ['service'], teams: ['t1'] });
  await admin.customers.create({
    id: 'c1',
    name: '张伟明',
    phones: [{ number: '138 0013 8000', type: 'mobile' }],
    emails: [EMAIL],
    idNumber: ID,
    bankAccount: BANK,
  });
  await admin.contacts.create({
    id: 'k1',
    name: '张伟',
    phones: [{ number: PHONE }],
    emails: [EMAIL],
  });
  await admin.tickets.create({
    id: 't1',
    subject: '无法登录',
    teamId: 't1',
    requester: { name: '张伟', phone: PHONE, email: EMAIL },
  });
});
afterEach(async () => {
  await service.close();
  await admin.close();
});

const leaks = (value: unknown) => {
  const text = JSON.stringify(value);
  return SECRETS.filter((s) => text.includes(s));
};

describe('masking for a restricted role (service)', () => {
  it('masks by declared kind, nested values included', () => {
    expect(maskField('customer', 'phones', [{ number: '138 0013 8000', type: 'work' }])).toEqual([
      { number: '138****8000', type: 'work' },
    ]);
    expect(maskField('contact', 'emails', [EMAIL])).toEqual(['z***@example.com']);
    expect(maskField('customer', 'idNumber', ID)).toBe('110105********1234');
    expect(maskField('customer', 'bankAccount', BANK)).toBe('**** 1234');
    expect(maskField('ticket', 'requester', { name: '张伟', phone: PHONE, email: EMAIL })).toEqual({
      name: '张伟',
      phone: '138****8000',
      email: 'z***@example.com',
    });
  });

  it('get and list show the masked form and hide ID and bank numbers', async () => {
    const customer = await service.customers.get('c1');
    expect(customer.phones).toEqual([{ number: '138****8000', type: 'mobile' }]);
    expect(customer.emails).toEqual(['z***@example.com']);
    expect(customer).not.toHaveProperty('idNumber');
    expect(customer).not.toHaveProperty('bankAccount');
    expect(leaks(customer)).toEqual([]);
    expect(leaks(await service.customers.list())).toEqual([]);
    expect(leaks(await service.contacts.list())).toEqual([]);
  });

  it('search and filters by a full phone number reveal nothing beyond the masked form', async () => {
    // Searching a masked field would confirm the number behind 138****8000: it is not searched.
    expect((await service.customers.list({ search: PHONE })).total).toBe(0);
    expect((await service.customers.list({ search: '张伟明' })).total).toBe(1);
    await expect(
      service.customers.count({ 'phones.number': { eq: PHONE } }),
    ).rejects.toBeInstanceOf(PermissionError);
    await expect(
      service.customers.list({ where: { emails: { contains: EMAIL } } }),
    ).rejects.toBeInstanceOf(PermissionError);
    expect(await service.customers.count()).toBe(1);
  });

  it('change events carry ids and versions only', async () => {
    const events: ChangeEvent[] = [];
    service.subscribe((changes) => events.push(...changes));
    await admin.customers.update('c1', { notes: '新电话 13900139000' });
    expect(events).toHaveLength(1);
    expect(Object.keys(events[0]!).sort()).toEqual([
      'collection',
      'id',
      'source',
      'type',
      'version',
    ]);
  });

  it('the query cache holds only masked data (viewer: ticket requesters masked too)', async () => {
    const viewer = admin.as({ id: 'v1', roles: ['viewer'] });
    const observer = new QueryObserver(viewer.queryClient, viewer.queries.list('customer'));
    const detail = new QueryObserver(viewer.queryClient, viewer.queries.detail('customer', 'c1'));
    const unsubscribe = [observer.subscribe(() => {}), detail.subscribe(() => {})];
    await observer.refetch();
    await detail.refetch();
    await viewer.queryClient.fetchQuery(viewer.queries.list('ticket'));
    const cached = viewer.queryClient
      .getQueryCache()
      .getAll()
      .map((q) => q.state.data);
    expect(cached.filter(Boolean)).toHaveLength(3);
    expect(leaks(cached)).toEqual([]);
    unsubscribe.forEach((u) => u());
    await viewer.close();
  });

  it('the admin sees everything (the secrets above are real)', async () => {
    const customer = await admin.customers.get('c1');
    expect(customer).toMatchObject({ idNumber: ID, bankAccount: BANK, emails: [EMAIL] });
  });
});
