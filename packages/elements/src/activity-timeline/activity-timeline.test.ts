import { expect, fixture, html } from '@open-wc/testing';
import { createMemoryAdapter, type Crm } from '@rapport/core';
import '../provider/define.js';
import './define.js';
import type { CrmActivityTimeline } from './activity-timeline.js';
import {
  HOSTILE_NAME,
  NOW,
  crmOver,
  failingCrm,
  seededCrm,
  shadowText,
  slowCrm,
  until,
} from '../test/fixtures.js';

const events = (el: Element) => el.shadowRoot!.querySelectorAll('[part~=event]');

describe('<crm-activity-timeline>', () => {
  let crm: Crm;
  let customerId: string;
  let total: number;

  /** A timeline of the seeded customer, loaded, with the "add a note" composer open. */
  async function timelineWithNoteComposer(): Promise<CrmActivityTimeline> {
    const el = await fixture<CrmActivityTimeline>(
      html`<crm-activity-timeline customer-id=${customerId} .crm=${crm}></crm-activity-timeline>`,
    );
    await until(() => events(el).length > 0);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=toolbar] button')!.click();
    await el.updateComplete;
    return el;
  }

  before(async () => {
    ({ crm } = await seededCrm('en'));
    // The customer with the longest timeline.
    const customers = (await crm.customers.list({ limit: 12 })).items;
    let best = { id: '', total: -1 };
    for (const c of customers) {
      const t = (await crm.customers.timeline(c.id, { limit: 1 })).total;
      if (t > best.total) best = { id: c.id, total: t };
    }
    customerId = best.id;
    total = best.total;
  });

  it('renders the real timeline grouped by day, and loads more', async () => {
    expect(total).to.be.greaterThan(3);
    const el = await fixture<CrmActivityTimeline>(
      html`<crm-activity-timeline
        customer-id=${customerId}
        page-size="3"
        .crm=${crm}
      ></crm-activity-timeline>`,
    );
    await until(() => events(el).length > 0);
    expect(events(el).length).to.equal(3);
    const first = (await crm.customers.timeline(customerId, { limit: 1 })).items[0]!;
    expect(shadowText(el)).to.contain(first.title);
    expect(el.shadowRoot!.querySelectorAll('[part=day-heading]').length).to.be.greaterThan(0);
    await expect(el).to.be.accessible();

    const more = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=load-more]')!;
    more.click();
    await until(() => events(el).length === Math.min(6, total));
    expect(shadowText(el)).to.contain(`${Math.min(6, total)} of ${total}`);
  });

  it('adds a note inline, and it appears on the timeline', async () => {
    const el = await timelineWithNoteComposer();
    const root = el.shadowRoot!;
    const text = root.querySelector<HTMLTextAreaElement>('textarea[name=text]')!;
    expect(root.activeElement).to.equal(text);
    await expect(el).to.be.accessible();
    text.value = '客户希望下周二再沟通报价\n详细内容……';
    const created = new Promise<CustomEvent>((resolve) =>
      el.addEventListener('crm-activity-created', (e) => resolve(e as CustomEvent), { once: true }),
    );
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    const { detail } = await created;
    expect(detail.activity.type).to.equal('note');
    expect(detail.activity.subject).to.equal('客户希望下周二再沟通报价');
    expect(detail.activity.body).to.contain('详细内容');
    await until(() => shadowText(el).includes('客户希望下周二再沟通报价'));
    expect(shadowText(el)).to.contain('Today');
    expect(root.querySelector('[part=composer]')).to.equal(null);
  });

  it('adds a task with a due date; a cancelled intent writes nothing', async () => {
    const el = await fixture<CrmActivityTimeline>(
      html`<crm-activity-timeline customer-id=${customerId} .crm=${crm}></crm-activity-timeline>`,
    );
    await until(() => events(el).length > 0);
    const root = el.shadowRoot!;
    root.querySelectorAll<HTMLButtonElement>('[part=toolbar] button')[1]!.click();
    await el.updateComplete;
    root.querySelector<HTMLInputElement>('input[name=text]')!.value = '寄送样品';
    root.querySelector<HTMLInputElement>('input[name=due]')!.value = '2026-03-10';
    const before = await crm.activities.count({ customerId: { eq: customerId } });
    el.addEventListener('crm-activity-create', (e) => e.preventDefault(), { once: true });
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await el.updateComplete;
    expect(await crm.activities.count({ customerId: { eq: customerId } })).to.equal(before);
    const created = new Promise<CustomEvent>((resolve) =>
      el.addEventListener('crm-activity-created', (e) => resolve(e as CustomEvent), { once: true }),
    );
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    const { detail } = await created;
    expect(detail.activity.type).to.equal('task');
    expect(detail.activity.status).to.equal('open');
    expect(detail.activity.dueAt.slice(0, 8)).to.equal('2026-03-');
  });

  it('shows a localized validation message for an empty note', async () => {
    const provider = await fixture(html`
      <crm-provider .crm=${crm} locale="zh-CN">
        <crm-activity-timeline customer-id=${customerId}></crm-activity-timeline>
      </crm-provider>
    `);
    const el = provider.querySelector('crm-activity-timeline')!;
    await until(() => events(el).length > 0);
    expect(shadowText(el)).to.contain('添加备注');
    expect(shadowText(el)).to.contain('加载更多');
    const root = el.shadowRoot!;
    root.querySelector<HTMLButtonElement>('[part=toolbar] button')!.click();
    await el.updateComplete;
    const form = root.querySelector<HTMLFormElement>('form')!;
    // Bypass the browser's own `required` check to see core's validation, localized.
    form.noValidate = true;
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await until(() => !root.querySelector('#form-error')!.hasAttribute('hidden'));
    expect(root.querySelector('#form-error')!.textContent).to.equal('请填写备注。');
    await expect(el).to.be.accessible();
  });

  it('shows a validation message in English the first time, never in another language', async () => {
    // The validation strings load on demand: the message shows once they are in, in the locale.
    const el = await timelineWithNoteComposer();
    const root = el.shadowRoot!;
    root.querySelector<HTMLFormElement>('form')!.noValidate = true;
    const seen: string[] = [];
    const error = root.querySelector('#form-error')!;
    const watch = new MutationObserver(() => {
      if (!error.hasAttribute('hidden')) seen.push(error.textContent!);
    });
    watch.observe(error, { attributes: true, childList: true, characterData: true, subtree: true });
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await until(() => !error.hasAttribute('hidden'));
    watch.disconnect();
    expect(error.textContent).to.equal('Note is required.');
    expect(seen.every((text) => text === 'Note is required.')).to.equal(true);
  });

  it('renders a hostile subject as text', async () => {
    const local = await crmOver(createMemoryAdapter());
    const customer = await local.customers.create({ name: HOSTILE_NAME });
    await local.activities.create({
      type: 'call',
      subject: HOSTILE_NAME,
      status: 'done',
      customerId: customer.id,
      completedAt: NOW,
    });
    const el = await fixture<CrmActivityTimeline>(
      html`<crm-activity-timeline
        customer-id=${customer.id}
        .crm=${local}
      ></crm-activity-timeline>`,
    );
    await until(() => events(el).length === 1);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(shadowText(el)).to.contain(HOSTILE_NAME);
    await expect(el).to.be.accessible();
  });

  it('loading state', async () => {
    const el = await fixture<CrmActivityTimeline>(
      html`<crm-activity-timeline
        customer-id="cus_1"
        .crm=${await slowCrm()}
      ></crm-activity-timeline>`,
    );
    await el.updateComplete;
    expect(el.matches(':state(loading)')).to.equal(true);
    expect(shadowText(el)).to.contain('Loading…');
    await expect(el).to.be.accessible();
  });

  it('empty state', async () => {
    const local = await crmOver(createMemoryAdapter());
    const customer = await local.customers.create({ name: '空白客户' });
    const el = await fixture<CrmActivityTimeline>(
      html`<crm-activity-timeline
        customer-id=${customer.id}
        .crm=${local}
      ></crm-activity-timeline>`,
    );
    await until(() => el.matches(':state(empty)'));
    expect(shadowText(el)).to.contain('No activity yet.');
    await expect(el).to.be.accessible();
  });

  it('error state', async () => {
    const el = await fixture<CrmActivityTimeline>(
      html`<crm-activity-timeline
        customer-id="cus_1"
        .crm=${await failingCrm()}
      ></crm-activity-timeline>`,
    );
    await until(() => el.matches(':state(error)'));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=alert]')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });
});
