import { afterEach, describe, expect, it } from 'vitest';
import { createCrm, createMemoryAdapter, type Crm } from '../index.js';

const now = new Date('2026-03-02T02:00:00Z');
let crm: Crm;

afterEach(async () => {
  await crm?.close();
});

describe('widget intake', () => {
  it('matches an existing contact by normalised phone or email', async () => {
    crm = await createCrm({ storage: createMemoryAdapter(), clock: () => now });
    const zhang = await crm.contacts.create({
      name: '张伟',
      customerId: 'cust-1',
      phones: [{ number: '138 0013 8000' }],
      emails: ['Zhang.Wei@Example.cn'],
    });
    await crm.contacts.create({ name: '张伟明', phones: [{ number: '138 0013 8001' }] });

    const byPhone = await crm.tickets.submit({
      subject: '发票没收到',
      channel: 'web',
      requester: { name: '张先生', phone: '+86 138-0013-8000' },
    });
    expect(byPhone).toMatchObject({ contactId: zhang.id, customerId: 'cust-1' });

    const byEmail = await crm.tickets.submit({
      subject: '再次咨询',
      requester: { email: 'zhang.wei@example.cn' },
    });
    expect(byEmail.contactId).toBe(zhang.id);
    expect(await crm.contacts.count()).toBe(2);
  });

  it('creates a contact when nobody matches, in the same write as the ticket', async () => {
    crm = await createCrm({ storage: createMemoryAdapter(), clock: () => now });
    await crm.contacts.create({ name: '王芳', phones: [{ number: '13900001111' }] });
    const t = await crm.tickets.submit({
      subject: '咨询价格',
      requester: { name: '李娜', email: 'Li.Na@Example.cn', phone: '139 0000 2222' },
    });
    const contact = await crm.contacts.get(t.contactId!);
    expect(contact).toMatchObject({
      name: '李娜',
      emails: ['li.na@example.cn'],
      phones: [{ number: '139 0000 2222', type: 'mobile' }],
    });
    // a partial phone match (substring) is not a match
    const other = await crm.tickets.submit({ subject: 'x', requester: { phone: '0000 1111' } });
    expect(other.contactId).not.toBe(contact.id);
    expect(await crm.contacts.count()).toBe(3);
  });

  it('rejects an invalid ticket without creating the contact', async () => {
    crm = await createCrm({ storage: createMemoryAdapter(), clock: () => now });
    await expect(
      crm.tickets.submit({ subject: '', requester: { email: 'a@b.cn' } }),
    ).rejects.toThrow(/subject/);
    expect(await crm.contacts.count()).toBe(0);
  });
});
