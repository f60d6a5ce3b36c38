import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createCrm, createIndexedDbAdapter, createMemoryAdapter, type Crm } from '@rapport/core';
import '../provider/define.js';
import './define.js';
import type { CrmTicketWidget } from './ticket-widget.js';
import { HOSTILE_NAME, crmOver, failingCrm, shadowText, slowCrm, until } from '../test/fixtures.js';

const $ = <T extends Element = HTMLInputElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
const field = (el: Element, name: string) => $<HTMLInputElement>(el, `[name="${name}"]`);
function fill(el: Element, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) {
    const input = field(el, name);
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  }
}
const submit = (el: Element) => $<HTMLButtonElement>(el, 'form[part=form] [part=submit]').click();
const created = (el: Element) =>
  new Promise<CustomEvent>((resolve) =>
    el.addEventListener('crm-ticket-created', (e) => resolve(e as CustomEvent), { once: true }),
  );
const VISITOR = {
  name: '王芳',
  email: 'wang.fang@example.com',
  subject: '打印机卡纸',
  description: '三楼打印机每次打印都卡纸。',
};

describe('<crm-ticket-widget>', () => {
  let crm: Crm;
  beforeEach(async () => {
    sessionStorage.clear();
    crm = await crmOver(createMemoryAdapter());
  });

  it('a submission creates a ticket with a running SLA and shows its number', async () => {
    await crm.slaPolicies.create({
      name: 'Standard',
      firstResponseMinutes: 240,
      resolutionMinutes: 2400,
    });
    const el = await fixture<CrmTicketWidget>(
      html`<crm-ticket-widget .crm=${crm}></crm-ticket-widget>`,
    );
    await expect(el).to.be.accessible();
    fill(el, { ...VISITOR, phone: '138 0013 8000' });
    field(el, 'category').value = 'fault';
    const event = created(el);
    submit(el);
    const { ticket } = (await event).detail;

    const { items } = await crm.tickets.list();
    expect(items.map((t) => t.id)).to.deep.equal([ticket.id]);
    expect(items[0]!.subject).to.equal('打印机卡纸');
    expect(items[0]!.category).to.equal('fault');
    expect(items[0]!.channel).to.equal('web');
    expect(items[0]!.status).to.equal('new');
    expect(items[0]!.contactId).to.be.a('string');
    const contact = await crm.contacts.get(items[0]!.contactId!);
    expect(contact.name).to.equal('王芳');
    const sla = await crm.tickets.sla(ticket.id);
    expect(sla.policyName).to.equal('Standard');
    expect(sla.firstResponse!.state).to.equal('running');
    expect(sla.firstResponse!.breached).to.equal(false);
    expect(sla.resolution!.state).to.equal('running');

    await el.updateComplete;
    expect(ticket.number).to.match(/^TK-\d{8}-[2-9A-Z]{6}$/);
    expect($(el, '[part=number]').textContent).to.equal(ticket.number);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part=number]'));
    await expect(el).to.be.accessible();
  });

  it('suggests knowledge-base articles while the visitor types (CJK)', async () => {
    await crm.articles.create({
      title: '打印机卡纸怎么办',
      body: '1. 打开前盖\n2. 取出**卡住的纸**',
      status: 'published',
    });
    await crm.articles.create({ title: 'VPN 连不上', body: '检查网络', status: 'published' });
    await crm.articles.create({ title: '打印机草稿', body: '未发布', status: 'draft' });
    const el = await fixture<CrmTicketWidget>(
      html`<crm-ticket-widget suggest-delay="0" .crm=${crm}></crm-ticket-widget>`,
    );
    field(el, 'subject').focus();
    await sendKeys({ type: '打印机' });
    await until(() => !!el.shadowRoot!.querySelector('[part=suggestions]'));
    const titles = [...el.shadowRoot!.querySelectorAll('[part=suggestion] button')].map((b) =>
      b.textContent!.trim(),
    );
    expect(titles).to.deep.equal(['打印机卡纸怎么办']);
    expect(shadowText(el)).to.contain('1 articles might answer your question.');
    // Expanding shows the article, its Markdown rendered.
    const toggle = $<HTMLButtonElement>(el, '[part=suggestion] button');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect($(el, '[part=article] ol li strong').textContent).to.equal('卡住的纸');
    await expect(el).to.be.accessible();
  });

  it('renders a suggested article with hostile Markdown inert', async () => {
    (window as unknown as { __pwned?: number }).__pwned = 0;
    await crm.articles.create({
      title: '打印机 <img src=x onerror="window.__pwned=1">',
      body: '打印机\n\n<script>window.__pwned=2</script>\n\n<img src=x onerror="window.__pwned=3">\n\n[click](javascript:window.__pwned=4)',
      status: 'published',
    });
    const el = await fixture<CrmTicketWidget>(
      html`<crm-ticket-widget suggest-delay="0" .crm=${crm}></crm-ticket-widget>`,
    );
    fill(el, { subject: '打印机' });
    await until(() => !!el.shadowRoot!.querySelector('[part=suggestion] button'));
    $<HTMLButtonElement>(el, '[part=suggestion] button').click();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    const root = el.shadowRoot!;
    expect(root.querySelector('script')).to.equal(null);
    expect(root.querySelector('img')).to.equal(null);
    expect(root.querySelector('a[href^="javascript"]')).to.equal(null);
    expect(shadowText(el)).to.contain('<script>window.__pwned=2</script>');
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(0);
  });

  it('uses the identity the host supplies, without asking for it', async () => {
    const el = await fixture<CrmTicketWidget>(
      html`<crm-ticket-widget
        .crm=${crm}
        .requester=${{ name: '李雷', email: 'lilei@example.com' }}
      ></crm-ticket-widget>`,
    );
    expect(el.shadowRoot!.querySelector('[name=email]')).to.equal(null);
    expect($(el, '[part=identity]').textContent).to.contain('李雷 · lilei@example.com');
    fill(el, { subject: 'VPN 连不上' });
    const event = created(el);
    submit(el);
    const { ticket } = (await event).detail;
    expect(ticket.requester).to.deep.equal({ name: '李雷', email: 'lilei@example.com' });
    await expect(el).to.be.accessible();
  });

  it('needs an email or a phone, and says so in zh-CN', async () => {
    const provider = await fixture(html`
      <crm-provider .crm=${crm} locale="zh-CN"
        ><crm-ticket-widget></crm-ticket-widget
      ></crm-provider>
    `);
    const el = provider.querySelector('crm-ticket-widget')!;
    await el.updateComplete;
    expect(shadowText(el)).to.contain('联系客服');
    expect(shadowText(el)).to.contain('提交工单');
    fill(el, { name: '张伟', subject: '发票' });
    submit(el);
    await el.updateComplete;
    expect($(el, '#error-email').textContent).to.equal('请填写邮箱或电话。');
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'email'));
    expect(await crm.tickets.count()).to.equal(0);
    await expect(el).to.be.accessible();
    // A malformed email is reported by core's schema, localized.
    fill(el, { email: 'not-an-email' });
    submit(el);
    await until(() => $(el, '#error-email')?.textContent === '邮箱不是有效的邮箱地址。');
    expect(await crm.tickets.count()).to.equal(0);
  });

  it('limits submissions per session', async () => {
    const el = await fixture<CrmTicketWidget>(
      html`<crm-ticket-widget rate-limit="2" .crm=${crm}></crm-ticket-widget>`,
    );
    for (let i = 0; i < 2; i++) {
      fill(el, { ...VISITOR, subject: `问题 ${i + 1}` });
      const event = created(el);
      submit(el);
      await event;
      await el.updateComplete;
      $<HTMLButtonElement>(el, '[part=success] .actions button:last-child').click();
      await el.updateComplete;
    }
    fill(el, { ...VISITOR, subject: '问题 3' });
    submit(el);
    await until(() => !!el.shadowRoot!.querySelector('[part=summary]'));
    expect($(el, '[part=summary]').textContent).to.contain(
      'You have sent several tickets in a short time.',
    );
    expect(await crm.tickets.count()).to.equal(2);
    // The count lives in sessionStorage: a new widget in this tab is limited too.
    const other = await fixture<CrmTicketWidget>(
      html`<crm-ticket-widget rate-limit="2" .crm=${crm}></crm-ticket-widget>`,
    );
    fill(other, VISITOR);
    submit(other);
    await until(() => !!other.shadowRoot!.querySelector('[part=summary]'));
    expect(await crm.tickets.count()).to.equal(2);
    await expect(el).to.be.accessible();
  });

  it('a filled honeypot looks successful and stores nothing', async () => {
    const el = await fixture<CrmTicketWidget>(
      html`<crm-ticket-widget .crm=${crm}></crm-ticket-widget>`,
    );
    let fired = false;
    el.addEventListener('crm-ticket-create', () => (fired = true));
    fill(el, { ...VISITOR, website: 'http://spam.example' });
    submit(el);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=success]')).not.to.equal(null);
    expect(fired).to.equal(false);
    expect(await crm.tickets.count()).to.equal(0);
  });

  it('cancelling crm-ticket-create submits nothing', async () => {
    const el = await fixture<CrmTicketWidget>(
      html`<crm-ticket-widget .crm=${crm}></crm-ticket-widget>`,
    );
    el.addEventListener('crm-ticket-create', (e) => {
      expect((e as CustomEvent).detail.input.subject).to.equal('打印机卡纸');
      e.preventDefault();
    });
    fill(el, VISITOR);
    submit(el);
    await el.updateComplete;
    expect(await crm.tickets.count()).to.equal(0);
    expect(el.shadowRoot!.querySelector('[part=success]')).to.equal(null);
  });

  it('looks up the status later: public replies only, and nothing for a wrong email', async () => {
    const el = await fixture<CrmTicketWidget>(
      html`<crm-ticket-widget .crm=${crm}></crm-ticket-widget>`,
    );
    fill(el, VISITOR);
    const event = created(el);
    submit(el);
    const { ticket } = (await event).detail;
    await crm.tickets.comment(ticket.id, { body: '内部：先查保修', public: false });
    await crm.tickets.comment(ticket.id, { body: `已派工程师 ${HOSTILE_NAME}`, public: true });
    await crm.tickets.transition(ticket.id, 'open');
    await el.updateComplete;

    // Straight after submitting, "check status" knows the number and email.
    $<HTMLButtonElement>(el, '[part=success] [part=switch]').click();
    await until(() => !!el.shadowRoot!.querySelector('[part=ticket-status]'));
    const status = $(el, '[part=ticket-status]');
    expect(status.textContent).to.contain('In progress');
    expect(status.textContent).to.contain(ticket.number!);
    expect(status.textContent).to.contain(`已派工程师 ${HOSTILE_NAME}`);
    expect(status.textContent).not.to.contain('内部');
    expect(status.querySelector('img')).to.equal(null);
    await expect(el).to.be.accessible();

    // Someone else's email: the same answer as a wrong number.
    field(el, 'contact').value = 'someone@example.com';
    $<HTMLButtonElement>(el, 'form[part=lookup] [part=submit]').click();
    await until(() => el.matches(':state(empty)'));
    expect(shadowText(el)).to.contain('No ticket matches this number and email or phone.');
    expect(el.shadowRoot!.querySelector('[part=ticket-status]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('renders a hostile requester and subject as text', async () => {
    const el = await fixture<CrmTicketWidget>(
      html`<crm-ticket-widget
        .crm=${crm}
        .requester=${{ name: HOSTILE_NAME, phone: '13800138000' }}
      ></crm-ticket-widget>`,
    );
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(shadowText(el)).to.contain(HOSTILE_NAME);
    fill(el, { subject: HOSTILE_NAME });
    const event = created(el);
    submit(el);
    const { ticket } = (await event).detail;
    expect(ticket.subject).to.equal(HOSTILE_NAME);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
  });

  it('works alone on a page: opens its own IndexedDB client', async () => {
    const database = `widget-alone-${Math.random().toString(36).slice(2)}`;
    const el = await fixture<CrmTicketWidget>(
      html`<crm-ticket-widget database=${database}></crm-ticket-widget>`,
    );
    await until(() => !!el.crm);
    await el.updateComplete;
    fill(el, VISITOR);
    const event = created(el);
    submit(el);
    const { ticket } = (await event).detail;
    el.remove(); // closes its client
    const agent = await createCrm({ storage: createIndexedDbAdapter({ name: database }) });
    try {
      const stored = await agent.tickets.get(ticket.id);
      expect(stored.subject).to.equal('打印机卡纸');
      expect(stored.number).to.equal(ticket.number);
    } finally {
      await agent.close();
      await new Promise((resolve) => {
        const request = indexedDB.deleteDatabase(database);
        request.onsuccess = request.onerror = request.onblocked = resolve;
      });
    }
  });

  it('inside a provider it waits for the provider instead of opening a client', async () => {
    const provider = await fixture(
      html`<crm-provider locale="en"><crm-ticket-widget></crm-ticket-widget></crm-provider>`,
    );
    const el = provider.querySelector('crm-ticket-widget')!;
    await new Promise((r) => setTimeout(r, 100));
    expect(el.crm).to.equal(undefined);
    expect(shadowText(el)).to.contain('Not connected');
  });

  it('loading state (a lookup that does not answer)', async () => {
    const el = await fixture<CrmTicketWidget>(
      html`<crm-ticket-widget view="status" .crm=${await slowCrm()}></crm-ticket-widget>`,
    );
    field(el, 'number').value = 'TK-20260302-ABCDEF';
    field(el, 'contact').value = 'a@example.com';
    $<HTMLButtonElement>(el, 'form[part=lookup] [part=submit]').click();
    await until(() => el.matches(':state(loading)'));
    expect(shadowText(el)).to.contain('Loading…');
    await expect(el).to.be.accessible();
  });

  it('empty state (no ticket for that number)', async () => {
    const el = await fixture<CrmTicketWidget>(
      html`<crm-ticket-widget view="status" .crm=${crm}></crm-ticket-widget>`,
    );
    field(el, 'number').value = 'TK-20260302-ABCDEF';
    field(el, 'contact').value = '138 0013 8000';
    $<HTMLButtonElement>(el, 'form[part=lookup] [part=submit]').click();
    await until(() => el.matches(':state(empty)'));
    await expect(el).to.be.accessible();
  });

  it('error state (storage fails)', async () => {
    const el = await fixture<CrmTicketWidget>(
      html`<crm-ticket-widget view="status" .crm=${await failingCrm()}></crm-ticket-widget>`,
    );
    field(el, 'number').value = 'TK-20260302-ABCDEF';
    field(el, 'contact').value = 'a@example.com';
    $<HTMLButtonElement>(el, 'form[part=lookup] [part=submit]').click();
    await until(() => el.matches(':state(error)'));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=alert]')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows zh-TW strings', async () => {
    const provider = await fixture(html`
      <crm-provider .crm=${crm} locale="zh-TW"
        ><crm-ticket-widget></crm-ticket-widget
      ></crm-provider>
    `);
    const el = provider.querySelector('crm-ticket-widget')!;
    await el.updateComplete;
    expect(shadowText(el)).to.contain('聯絡客服');
    expect(shadowText(el)).to.contain('查詢工單進度');
  });
});
