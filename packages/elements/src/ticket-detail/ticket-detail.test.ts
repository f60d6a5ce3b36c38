import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  createCrm,
  createMemoryAdapter,
  type Crm,
  type Policy,
  type StorageAdapter,
  type Ticket,
} from '@rapport/core';
import { TICKET_TRANSITIONS } from '@rapport/core/service';
import '../provider/define.js';
import './define.js';
import type { CrmTicketDetail } from './ticket-detail.js';
import type { Ticker } from '../ticket-list/live-clock-controller.js';
import { HOSTILE_NAME, failingCrm, shadowText, slowCrm, until } from '../test/fixtures.js';

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
const transitionButtons = (el: CrmTicketDetail) =>
  $$<HTMLButtonElement>(el, '[part~="transition"]');
const text = (node: Element | null | undefined) =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

const AGENTS = [
  { id: 'u-li', name: '李娜', teamId: 'support' },
  { id: 'u-wang', name: '王强', teamId: 'support' },
];

let now: Date;
const later = (minutes: number) => {
  now = new Date(now.getTime() + minutes * 60_000);
};

async function serviceCrm(
  options: { storage?: StorageAdapter; policy?: Policy; locale?: Crm['locale'] } = {},
): Promise<Crm> {
  return createCrm({
    storage: options.storage ?? createMemoryAdapter(),
    clock: () => now,
    locale: options.locale ?? 'en',
    principal: { id: 'u-li', roles: ['agent'], teams: ['support'] },
    service: { agents: AGENTS },
    ...(options.policy && { policy: options.policy }),
  });
}

async function seedTicket(crm: Crm): Promise<Ticket> {
  await crm.slaPolicies.create({
    name: '24×7',
    firstResponseMinutes: 60,
    resolutionMinutes: 240,
    atRiskRatio: 0.75,
  });
  const ticket = await crm.tickets.submit({
    subject: '打印机卡纸',
    description: '三楼打印机一直卡纸。',
    requester: { name: '王芳', phone: '+86 138-0013-8000' },
  });
  later(5);
  await crm.tickets.comment(ticket.id, { body: HOSTILE_NAME, fromCustomer: true, public: true });
  later(5);
  return crm.tickets.comment(ticket.id, { body: '先查一下耗材批次', public: false });
}

function manualTicker(): { ticker: Ticker; fire(): void } {
  const callbacks = new Set<() => void>();
  return {
    ticker: (callback) => {
      callbacks.add(callback);
      return () => callbacks.delete(callback);
    },
    fire: () => callbacks.forEach((callback) => callback()),
  };
}

async function detail(crm: Crm, ticketId: string, ticker?: Ticker): Promise<CrmTicketDetail> {
  const el = await fixture<CrmTicketDetail>(
    ticker
      ? html`<crm-ticket-detail
          ticket-id=${ticketId}
          .crm=${crm}
          .ticker=${ticker}
        ></crm-ticket-detail>`
      : html`<crm-ticket-detail ticket-id=${ticketId} .crm=${crm}></crm-ticket-detail>`,
  );
  await until(() => el.ticket.status === 'success' || el.ticket.status === 'error');
  await until(
    () => !!$(el, '[part~="assignment"] option[value="u-li"]') || el.ticket.status !== 'success',
  );
  await el.updateComplete;
  return el;
}

describe('<crm-ticket-detail>', () => {
  let crm: Crm;
  let ticket: Ticket;
  beforeEach(async () => {
    now = new Date('2026-03-02T02:00:00.000Z');
    crm = await serviceCrm();
    ticket = await seedTicket(crm);
  });

  it('shows the conversation, public and internal told apart in words, hostile text as text', async () => {
    const el = await detail(crm, ticket.id);
    expect(text($(el, '[part~="subject"]'))).to.equal('打印机卡纸');
    const comments = $$(el, '[part~="comment"]');
    expect(comments.map((c) => c.dataset['kind'])).to.deep.equal(['public', 'internal']);
    expect(text(comments[0])).to.contain('Public reply').and.contain('Customer');
    expect(text(comments[1])).to.contain('Internal note').and.contain('李娜');
    expect(comments[0]!.getAttribute('part')).to.equal('comment comment-public');
    expect(comments[1]!.getAttribute('part')).to.equal('comment comment-internal');
    expect(text(comments[0]!.querySelector('.text'))).to.equal(HOSTILE_NAME);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    // The customer's contact card (the requester became a contact) and the SLA timers.
    const card = $(el, 'crm-contact-card')!;
    expect(card.getAttribute('contact-id')).to.equal(ticket.contactId);
    await until(() => shadowText(card).includes('王芳'));
    expect(text($(el, '[part~="sla"]')))
      .to.contain('Response')
      .and.contain('50 min left');
    await expect(el).to.be.accessible();
  });

  it('offers only the allowed transitions and moves the ticket with the keyboard', async () => {
    const el = await detail(crm, ticket.id);
    expect(transitionButtons(el).map((b) => b.dataset['to'])).to.deep.equal([
      ...TICKET_TRANSITIONS.new,
    ]);
    const events: string[] = [];
    el.addEventListener('crm-ticket-transition', (e) => events.push(`${e.type}:${e.detail.to}`));
    el.addEventListener('crm-ticket-transitioned', (e) =>
      events.push(`${e.type}:${e.detail.ticket.status}`),
    );
    // A cancelled intent changes nothing.
    el.addEventListener('crm-ticket-transition', (e) => e.preventDefault(), { once: true });
    transitionButtons(el)[0]!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect((await crm.tickets.get(ticket.id)).status).to.equal('new');

    const start = transitionButtons(el).find((b) => b.dataset['to'] === 'open')!;
    expect(text(start)).to.equal('Start work');
    start.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => el.ticket.data?.status === 'open');
    await el.updateComplete;
    expect(events).to.deep.equal([
      'crm-ticket-transition:open',
      'crm-ticket-transition:open',
      'crm-ticket-transitioned:open',
    ]);
    expect(transitionButtons(el).map((b) => b.dataset['to'])).to.deep.equal([
      ...TICKET_TRANSITIONS.open,
    ]);
    expect(el.shadowRoot!.activeElement === transitionButtons(el)[0]).to.equal(true);
    expect(el.announcement).to.equal('Status changed to Open.');
    // Tab to "Resolve", with a note typed first.
    const note = $<HTMLInputElement>(el, 'input[name=note]')!;
    note.focus();
    await sendKeys({ type: '已更换硒鼓' });
    transitionButtons(el)
      .find((b) => b.dataset['to'] === 'resolved')!
      .focus();
    await sendKeys({ press: 'Enter' });
    await until(() => el.ticket.data?.status === 'resolved');
    const stored = await crm.tickets.get(ticket.id);
    expect(stored.statusHistory.at(-1)).to.include({
      from: 'open',
      to: 'resolved',
      note: '已更换硒鼓',
    });
    await el.updateComplete;
    expect(transitionButtons(el).map((b) => text(b))).to.deep.equal(['Reopen', 'Close']);
    await expect(el).to.be.accessible();
  });

  it('posts a public reply and an internal note', async () => {
    const el = await detail(crm, ticket.id);
    const posted: { body: string; public: boolean }[] = [];
    el.addEventListener('crm-ticket-commented', (e) =>
      posted.push({ body: e.detail.comment.body, public: e.detail.comment.public }),
    );
    // Empty: an error next to the field, nothing posted.
    $<HTMLButtonElement>(el, '[part~="composer"] button[type=submit]')!.click();
    await el.updateComplete;
    expect(text($(el, '#composer-error'))).to.equal('Write a comment first.');
    expect(posted).to.deep.equal([]);

    const textarea = $<HTMLTextAreaElement>(el, 'textarea[name=body]')!;
    textarea.focus();
    await sendKeys({ type: '您好，已安排工程师上门。' });
    await sendKeys({ press: 'Control+Enter' });
    await until(() => posted.length === 1);
    await until(() => el.ticket.data?.comments.length === 3);

    const internal = $$<HTMLInputElement>(el, 'input[name=visibility]').find(
      (r) => r.value === 'internal',
    )!;
    internal.focus();
    internal.click();
    await el.updateComplete;
    expect(text($(el, '[part~="composer"] button[type=submit]'))).to.equal('Add internal note');
    expect(text($(el, '#composer-hint'))).to.equal('Only agents see internal notes.');
    textarea.value = '工程师明早 9 点到';
    $<HTMLButtonElement>(el, '[part~="composer"] button[type=submit]')!.click();
    await until(() => posted.length === 2);
    await until(() => $$(el, '[part~="comment"]').length === 4);
    expect(posted).to.deep.equal([
      { body: '您好，已安排工程师上门。', public: true },
      { body: '工程师明早 9 点到', public: false },
    ]);
    const kinds = $$(el, '[part~="comment"]').map((c) => c.dataset['kind']);
    expect(kinds).to.deep.equal(['public', 'internal', 'public', 'internal']);
    // The public reply was the first response: that clock is met.
    expect(text($(el, '[part~="sla"]'))).to.contain('Met');
    expect(el.shadowRoot!.activeElement === textarea).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('reassigns to an agent, and automatically by strategy', async () => {
    const el = await detail(crm, ticket.id);
    const assigned: string[] = [];
    el.addEventListener('crm-ticket-assigned', (e) => assigned.push(e.detail.assigneeId));
    const select = $<HTMLSelectElement>(el, 'select[name=assignee]')!;
    expect([...select.options].map((o) => o.textContent!.trim())).to.deep.equal([
      'Automatic (by strategy)',
      '李娜',
      '王强',
    ]);
    select.value = 'u-wang';
    const assign = $$<HTMLButtonElement>(el, '[part~="assignment"] button')[0]!;
    assign.click();
    await until(() => el.ticket.data?.assigneeId === 'u-wang');
    await el.updateComplete;
    expect(text($(el, '.assignee'))).to.equal('王强');
    expect(el.announcement).to.equal('Assigned to 王强.');
    select.value = 'auto';
    assign.click();
    await until(() => assigned.length === 2);
    const stored = await crm.tickets.get(ticket.id);
    expect(stored.assignmentHistory.map((h) => h.method)).to.deep.equal(['manual', 'round_robin']);
    expect(assigned).to.deep.equal(['u-wang', stored.assigneeId]);
  });

  it('shows a conflict and reloads the ticket', async () => {
    // Another agent writes between what this one sees and their click.
    const racing: Crm = {
      ...crm,
      tickets: {
        ...crm.tickets,
        transition: async (id, to, options) => {
          const fresh = await crm.tickets.get(id);
          await crm.tickets.update(id, { priority: 'urgent' }, { expectedVersion: fresh.version });
          return crm.tickets.transition(id, to, options);
        },
      },
    };
    const el = await detail(racing, ticket.id);
    const failures: string[] = [];
    el.addEventListener('crm-ticket-action-failed', (e) => failures.push(e.detail.action));
    transitionButtons(el)
      .find((b) => b.dataset['to'] === 'open')!
      .click();
    await until(() => !!$(el, '[part~="error"]'));
    const alert = $(el, '[part~="error"]')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(text(alert)).to.contain('Someone else changed this record');
    expect(text(alert)).to.contain('reloaded');
    expect(failures).to.deep.equal(['transition']);
    await until(() => el.ticket.data?.priority === 'urgent');
    await el.updateComplete;
    expect(text($(el, '[part~="header"]'))).to.contain('Urgent');
    expect((await crm.tickets.get(ticket.id)).status).to.equal('new');
    await expect(el).to.be.accessible();
  });

  it('shows a permission error', async () => {
    const storage = createMemoryAdapter();
    const admin = await serviceCrm({ storage });
    const t = await seedTicket(admin);
    const readOnly: Policy = {
      scope: (_principal, operation, entity) =>
        entity === 'ticket' && operation !== 'read' ? 'none' : 'all',
    };
    const el = await detail(await serviceCrm({ storage, policy: readOnly }), t.id);
    $<HTMLTextAreaElement>(el, 'textarea[name=body]')!.value = '试试看';
    $<HTMLButtonElement>(el, '[part~="composer"] button[type=submit]')!.click();
    await until(() => !!$(el, '[part~="error"]'));
    expect(text($(el, '[part~="error"]'))).to.contain('You do not have permission to do this.');
    await expect(el).to.be.accessible();
  });

  it('runs the SLA timers live and shows the CSAT result once answered', async () => {
    const { ticker, fire } = manualTicker();
    const el = await detail(crm, ticket.id, ticker);
    const sla = () => text($(el, '[part~="sla"]'));
    expect(sla()).to.contain('50 min left');
    later(40);
    expect(sla()).to.contain('50 min left'); // not until the tick
    fire();
    await el.updateComplete;
    expect(sla()).to.contain('At risk · 10 min left');
    later(20);
    fire();
    await el.updateComplete;
    expect(sla()).to.contain('Overdue by 10 min');
    expect($(el, '[part~="sla-breached"]')).not.to.equal(null);
    expect($(el, '[part~="survey"]')).to.equal(null);

    await crm.tickets.transition(ticket.id, 'resolved');
    const [request] = (await crm.surveyRequests.list({ where: { ticketId: { eq: ticket.id } } }))
      .items;
    await crm.surveys.respond(request!.id, { score: 4, comment: '师傅很专业' });
    await until(() => !!$(el, '[part~="survey"]'));
    expect(text($(el, '[part~="survey"]')))
      .to.contain('CSAT 4 / 5')
      .and.contain('师傅很专业');
    await expect(el).to.be.accessible();
  });

  it('speaks zh-CN', async () => {
    const zh = await serviceCrm({ locale: 'zh-CN' });
    const t = await seedTicket(zh);
    const el = await detail(zh, t.id);
    const all = shadowText(el);
    for (const word of [
      '沟通记录',
      '公开回复',
      '内部备注',
      '变更状态',
      '开始处理',
      '分配给',
      '首次响应',
      '剩余 50 分钟',
    ])
      expect(all).to.contain(word);
    await expect(el).to.be.accessible();
  });
});

describe('<crm-ticket-detail> states', () => {
  it('loading', async () => {
    const el = await fixture<CrmTicketDetail>(
      html`<crm-ticket-detail ticket-id="tkt_1" .crm=${await slowCrm()}></crm-ticket-detail>`,
    );
    await el.updateComplete;
    expect(el.matches(':state(loading)')).to.equal(true);
    expect(shadowText(el)).to.contain('Loading…');
    await expect(el).to.be.accessible();
  });

  it('empty: no ticket-id, or no such ticket', async () => {
    now = new Date('2026-03-02T02:00:00.000Z');
    const crm = await serviceCrm();
    const el = await fixture<CrmTicketDetail>(
      html`<crm-ticket-detail .crm=${crm}></crm-ticket-detail>`,
    );
    await el.updateComplete;
    expect(el.matches(':state(empty)')).to.equal(true);
    expect(shadowText(el)).to.contain('Set ticket-id.');
    el.ticketId = 'tkt_nope';
    await until(() => el.ticket.status === 'error');
    await el.updateComplete;
    expect(el.matches(':state(empty)')).to.equal(true);
    expect(shadowText(el)).to.contain('does not exist');
    await expect(el).to.be.accessible();
  });

  it('error, with retry', async () => {
    const el = await fixture<CrmTicketDetail>(
      html`<crm-ticket-detail ticket-id="tkt_1" .crm=${await failingCrm()}></crm-ticket-detail>`,
    );
    await until(() => el.ticket.status === 'error');
    await el.updateComplete;
    expect(el.matches(':state(error)')).to.equal(true);
    expect(text($(el, '[role=alert]'))).to.contain('Something went wrong.');
    expect($(el, '[part~=retry]')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });
});
