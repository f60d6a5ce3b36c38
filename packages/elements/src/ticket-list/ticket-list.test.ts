import { expect, fixture, html } from '@open-wc/testing';
import { createCrm, createMemoryAdapter, type Crm, type Principal } from '@rapport/core';
import '../provider/define.js';
import './define.js';
import type { CrmTicketList } from './ticket-list.js';
import type { Ticker } from './live-clock-controller.js';
import { crmOver, failingCrm, seededCrm, shadowText, slowCrm, until } from '../test/fixtures.js';

const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
const rows = (el: CrmTicketList) => $$(el, '.rows [role="row"]');
const subjects = (el: CrmTicketList) =>
  $$(el, '.rows [role="row"] .subject').map((b) => b.textContent!.trim());
const slaOf = (el: CrmTicketList, subject: string) =>
  rows(el)
    .find((row) => row.querySelector('.subject')!.textContent!.trim() === subject)
    ?.querySelector('[part~="sla-badge"]')
    ?.textContent!.replace(/\s+/g, ' ')
    .trim();
const key = (target: Element, k: string) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true }));
const focused = (el: CrmTicketList) => el.shadowRoot!.activeElement as HTMLElement | null;
const toggle = (el: CrmTicketList, label: string) =>
  $$<HTMLButtonElement>(el, '[role="group"] button').find((b) => b.textContent!.trim() === label)!;

/** A ticker the test fires by hand: the element's 30-second timer, without the wait. */
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

async function settle(el: CrmTicketList): Promise<void> {
  await until(() => el.rows.status === 'success' || el.rows.status === 'error');
  await until(() => !el.rows.isRefetching);
  await el.updateComplete;
  await until(() => el.rows.items.length === 0 || rows(el).length > 0);
}

async function list(crm: Crm, ticker?: Ticker): Promise<CrmTicketList> {
  const el = await fixture<CrmTicketList>(
    ticker
      ? html`<crm-ticket-list .crm=${crm} .ticker=${ticker}></crm-ticket-list>`
      : html`<crm-ticket-list .crm=${crm}></crm-ticket-list>`,
  );
  await settle(el);
  return el;
}

describe('<crm-ticket-list> over demo data', () => {
  let crm: Crm;
  before(async () => {
    ({ crm } = await seededCrm('en', { includeHostileNames: true, tickets: 12 }));
  });

  it('renders unresolved tickets oldest first as an accessible grid, subjects as text', async () => {
    const el = await list(crm);
    const expected = await crm.tickets.list({
      where: { status: { in: ['new', 'open', 'pending'] } },
      orderBy: [{ field: 'createdAt', direction: 'asc' }],
    });
    expect(expected.total).to.be.greaterThan(0);
    expect(el.rows.total).to.equal(expected.total);
    expect(subjects(el)).to.deep.equal(expected.items.map((t) => t.subject));
    expect($$(el, '[role="grid"]')[0]!.getAttribute('aria-rowcount')).to.equal(
      String(expected.total + 1),
    );
    // Every row's SLA badge says its state in words.
    for (const row of rows(el))
      expect(row.querySelector('[part~="sla-badge"]')!.textContent!.trim()).to.match(
        /left|Overdue|Paused|Met|No SLA/,
      );
    expect(shadowText(el)).to.contain(`of ${expected.total} tickets loaded`);
    await expect(el).to.be.accessible();

    // The demo's hostile subject (tkt_00001) is text, whatever its status.
    el.statusFilter = 'all';
    await settle(el);
    const hostile = (await crm.tickets.get('tkt_00001')).subject;
    await until(() => subjects(el).includes(hostile));
    expect(el.shadowRoot!.querySelector('.rows img, .rows script')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('moves a roving focus with the arrows and opens a ticket with Enter', async () => {
    const el = await list(crm);
    const opened: string[] = [];
    el.addEventListener('crm-ticket-open', (e) => opened.push(e.detail.ticketId));
    expect($$(el, '[role="grid"] [tabindex="0"]')).to.have.length(1);
    const start = $$(el, '[role="columnheader"][tabindex="0"]')[0]!;
    start.focus();
    key(start, 'ArrowDown');
    await until(() => focused(el)?.dataset['row'] === '0');
    key(focused(el)!, 'ArrowRight');
    await until(() => focused(el)?.dataset['col'] === '1');
    key(focused(el)!, 'ArrowDown');
    await until(() => focused(el)?.dataset['row'] === '1');
    key(focused(el)!, 'Enter');
    expect(opened).to.deep.equal([el.rows.items[1]!.id]);
    await el.updateComplete;
    expect(el.selectedId).to.equal(el.rows.items[1]!.id);
    expect(focused(el)!.closest('[role="row"]')!.getAttribute('aria-selected')).to.equal('true');
    expect($$(el, '[role="grid"] [tabindex="0"]')).to.have.length(1);
  });

  it('speaks zh-CN inside <crm-provider locale="zh-CN">', async () => {
    const provider = await fixture(html`
      <crm-provider .crm=${crm} locale="zh-CN"><crm-ticket-list></crm-ticket-list></crm-provider>
    `);
    const el = provider.querySelector('crm-ticket-list')!;
    await settle(el);
    const text = shadowText(el);
    for (const word of ['我的', '未分配', '即将超时', '已超时', '主题', '个工单'])
      expect(text).to.contain(word);
    expect($$(el, '[role="grid"]')[0]!.getAttribute('aria-label')).to.equal('工单队列');
    expect(
      rows(el).every((row) =>
        /剩余|已超时|已暂停|已达标|无 SLA/.test(
          row.querySelector('[part~="sla-badge"]')!.textContent!,
        ),
      ),
    ).to.equal(true);
    await expect(el).to.be.accessible();
  });
});

describe('<crm-ticket-list> states', () => {
  it('loading', async () => {
    const el = await fixture<CrmTicketList>(
      html`<crm-ticket-list .crm=${await slowCrm()}></crm-ticket-list>`,
    );
    await el.updateComplete;
    expect(el.matches(':state(loading)')).to.equal(true);
    expect(shadowText(el)).to.contain('Loading…');
    await expect(el).to.be.accessible();
  });

  it('empty', async () => {
    const el = await list(await crmOver(createMemoryAdapter()));
    expect(el.matches(':state(empty)')).to.equal(true);
    expect(shadowText(el)).to.contain('No tickets match.');
    await expect(el).to.be.accessible();
  });

  it('error, with a retry button', async () => {
    const el = await list(await failingCrm());
    expect(el.matches(':state(error)')).to.equal(true);
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('Something went wrong.');
    expect(alert.querySelector('button')!.textContent!.trim()).to.equal('Retry');
    await expect(el).to.be.accessible();
  });
});

describe('<crm-ticket-list> against an injected clock', () => {
  // Around the clock: respond within 60 minutes, resolve within 240, at risk at 75%.
  let now: Date;
  let crm: Crm;
  const later = (minutes: number) => {
    now = new Date(now.getTime() + minutes * 60_000);
  };
  const me: Principal = { id: 'u-me', roles: ['agent'], teams: ['team-a'] };

  beforeEach(async () => {
    now = new Date('2026-03-02T02:00:00.000Z');
    crm = await createCrm({
      storage: createMemoryAdapter(),
      clock: () => now,
      locale: 'en',
      principal: me,
    });
    await crm.slaPolicies.create({
      name: '24×7',
      firstResponseMinutes: 60,
      resolutionMinutes: 240,
      atRiskRatio: 0.75,
    });
    await crm.tickets.submit({ subject: 'A mine', assigneeId: 'u-me' });
    later(20);
    await crm.tickets.submit({ subject: 'B nobody' });
    later(20);
    await crm.tickets.submit({ subject: 'C team', assigneeId: 'u-wang', teamId: 'team-a' });
    later(30); // A is 70 min old (breached), B 50 (at risk), C 30 (running)
  });

  it('filters mine, my team, unassigned, at risk and breached', async () => {
    const el = await list(crm);
    expect(subjects(el)).to.deep.equal(['A mine', 'B nobody', 'C team']);
    const pick = async (label: string, expected: string[]) => {
      const button = toggle(el, label);
      button.click();
      await el.updateComplete;
      expect(button.getAttribute('aria-pressed')).to.equal('true');
      await settle(el);
      await until(() => JSON.stringify(subjects(el)) === JSON.stringify(expected));
    };
    await pick('Mine', ['A mine']);
    await pick('Unassigned', ['B nobody']);
    await pick('My team', ['C team']);
    await pick('All', ['A mine', 'B nobody', 'C team']);
    await pick('At risk', ['B nobody']);
    await expect(el).to.be.accessible();
    await pick('Breached', ['A mine']);
    expect(el.sla).to.equal('breached');
    await pick('Mine', ['A mine']);
    await pick('Unassigned', []);
    expect(el.matches(':state(empty)')).to.equal(true);
  });

  it('re-renders the SLA badges on each tick as the clock advances', async () => {
    const { ticker, fire } = manualTicker();
    const el = await list(crm, ticker);
    expect(slaOf(el, 'C team')).to.equal('Response 30 min left');
    expect(slaOf(el, 'B nobody')).to.equal('Response At risk · 10 min left');
    expect(slaOf(el, 'A mine')).to.equal('Response Overdue by 10 min');
    later(20);
    expect(slaOf(el, 'C team')).to.equal('Response 30 min left'); // not until the tick
    fire();
    await el.updateComplete;
    expect(slaOf(el, 'C team')).to.equal('Response At risk · 10 min left');
    expect(slaOf(el, 'B nobody')).to.equal('Response Overdue by 10 min');
    expect(
      rows(el)
        .find((r) => r.textContent!.includes('B nobody'))!
        .querySelector('[part~="sla-badge"]')!
        .classList.contains('sla-breached'),
    ).to.equal(true);
    // A public reply achieves the first response; the resolution clock takes over the badge.
    const c = (await crm.tickets.list({ where: { subject: { eq: 'C team' } } })).items[0]!;
    await crm.tickets.comment(c.id, { body: '您好，我们正在处理。', public: true });
    await until(() => slaOf(el, 'C team') === 'Resolution 3 h 10 min left');
  });

  it('an SLA-filtered queue refetches on each tick: time moves tickets in and out', async () => {
    const { ticker, fire } = manualTicker();
    const el = await list(crm, ticker);
    el.sla = 'at_risk';
    await settle(el);
    await until(() => JSON.stringify(subjects(el)) === '["B nobody"]');
    later(20); // B 70 (breached), C 50 (at risk)
    fire();
    await until(() => JSON.stringify(subjects(el)) === '["C team"]');
  });

  it('shows a ticket submitted through core with a running SLA', async () => {
    const { ticker } = manualTicker();
    const el = await list(crm, ticker);
    await crm.tickets.submit({
      subject: '打印机卡纸',
      requester: { name: '王芳', phone: '+86 138-0013-8000' },
    });
    await until(() => subjects(el).includes('打印机卡纸'));
    expect(slaOf(el, '打印机卡纸')).to.equal('Response 1 h left');
    const badge = rows(el)
      .find((r) => r.textContent!.includes('打印机卡纸'))!
      .querySelector('[part~="sla-badge"]')!;
    expect(badge.getAttribute('data-state')).to.equal('running');
    expect(el.rows.total).to.equal(4);
    await expect(el).to.be.accessible();
  });
});
