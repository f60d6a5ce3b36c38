import { describe, expect, it } from 'vitest';
import { createCrm } from '../crm.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { createMemoryAdapter } from '../storage/memory-adapter.js';

const clock = () => new Date('2026-03-02T01:00:00.000Z');

describe('ticket numbers and the public status lookup', () => {
  it('numbers every submitted ticket by its China date, with a random suffix', async () => {
    const crm = await createCrm({ storage: createMemoryAdapter(), clock });
    const a = await crm.tickets.submit({
      subject: '打印机卡纸',
      requester: { phone: '138 0013 8000' },
    });
    const b = await crm.tickets.submit({ subject: 'VPN', requester: { email: 'li@example.cn' } });
    expect(a.number).toMatch(/^TK-20260302-[2-9A-Z]{6}$/);
    expect(b.number).not.toBe(a.number);
    const own = await crm.tickets.submit({ subject: 'x', number: 'EXT-1' });
    expect(own.number).toBe('EXT-1');
  });

  it('shows the requester their ticket: status and public comments only', async () => {
    const crm = await createCrm({ storage: createMemoryAdapter(), clock });
    const ticket = await crm.tickets.submit({
      subject: '发票抬头错误',
      requester: { name: '王芳', email: 'Wang.Fang@example.com', phone: '+86 138-0013-8000' },
    });
    await crm.tickets.comment(ticket.id, { body: '内部备注：先查合同', public: false });
    await crm.tickets.comment(ticket.id, { body: '已为您重开发票', public: true });
    await crm.tickets.transition(ticket.id, 'open');

    const byEmail = await crm.tickets.lookup({
      number: ticket.number!.toLowerCase(),
      email: ' wang.fang@EXAMPLE.com ',
    });
    expect(byEmail).toEqual({
      number: ticket.number,
      subject: '发票抬头错误',
      category: 'inquiry',
      status: 'open',
      createdAt: ticket.createdAt,
      updatedAt: expect.any(String),
      comments: [{ body: '已为您重开发票', createdAt: expect.any(String), fromCustomer: false }],
    });
    expect(JSON.stringify(byEmail)).not.toContain('内部备注');
    const byPhone = await crm.tickets.lookup({ number: ticket.number!, phone: '13800138000' });
    expect(byPhone.status).toBe('open');
  });

  it('a wrong number and a wrong contact fail alike', async () => {
    const crm = await createCrm({ storage: createMemoryAdapter(), clock });
    const ticket = await crm.tickets.submit({
      subject: 'x',
      requester: { email: 'a@example.com' },
    });
    await expect(
      crm.tickets.lookup({ number: ticket.number!, email: 'b@example.com' }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      crm.tickets.lookup({ number: 'TK-20260302-AAAAAA', email: 'a@example.com' }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(crm.tickets.lookup({ number: ticket.number! })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it('one survey response of a kind per ticket, even after a second resolution', async () => {
    const crm = await createCrm({ storage: createMemoryAdapter(), clock });
    const ticket = await crm.tickets.submit({
      subject: 'x',
      requester: { email: 'a@example.com' },
    });
    await crm.tickets.transition(ticket.id, 'resolved');
    await crm.tickets.transition(ticket.id, 'open');
    await crm.tickets.transition(ticket.id, 'resolved');
    const { items } = await crm.surveyRequests.list({ where: { ticketId: { eq: ticket.id } } });
    expect(items).toHaveLength(2);
    await crm.surveys.respond(items[0]!.id, { score: 5 });
    const second = crm.surveys.respond(items[1]!.id, { score: 1 });
    await expect(second).rejects.toBeInstanceOf(ValidationError);
    await expect(second).rejects.toThrow(/already/);
  });
});
