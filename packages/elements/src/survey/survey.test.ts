import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createMemoryAdapter, type Crm, type Ticket } from '@rapport/core';
import '../provider/define.js';
import './define.js';
import type { CrmSurvey } from './survey.js';
import { crmOver, failingCrm, shadowText, slowCrm, until } from '../test/fixtures.js';

const radios = (el: Element) => [
  ...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]'),
];
const submitButton = (el: Element) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!;

/** A resolved ticket: core creates its survey requests (`surveysOnResolve`). */
async function resolvedTicket(crm: Crm): Promise<Ticket> {
  const ticket = await crm.tickets.submit({
    subject: '打印机卡纸',
    requester: { email: 'wang.fang@example.com' },
  });
  await crm.tickets.transition(ticket.id, 'resolved');
  return ticket;
}

async function ready(el: CrmSurvey) {
  await until(() => radios(el).length > 0 || !el.matches(':state(loading)'));
  await el.updateComplete;
}

describe('<crm-survey>', () => {
  let crm: Crm;
  beforeEach(async () => {
    crm = await crmOver(createMemoryAdapter());
  });

  it('is answered with the keyboard alone: Tab, arrows, Tab, type, Tab, Enter', async () => {
    const ticket = await resolvedTicket(crm);
    const el = await fixture<CrmSurvey>(
      html`<crm-survey ticket-id=${ticket.id} .crm=${crm}></crm-survey>`,
    );
    await until(() => radios(el).length === 5);
    await expect(el).to.be.accessible();
    const responded = new Promise<CustomEvent>((resolve) =>
      el.addEventListener('crm-survey-responded', (e) => resolve(e as CustomEvent), {
        once: true,
      }),
    );
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Tab' }); // into the scale: the first option
    expect(el.shadowRoot!.activeElement).to.equal(radios(el)[0]);
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowRight' });
    expect(radios(el)[3]!.checked).to.equal(true);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~=option-selected]')!.textContent).to.contain('4');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '工程师很耐心' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(submitButton(el));
    await sendKeys({ press: 'Enter' });
    const { response } = (await responded).detail;
    expect(response).to.include({ kind: 'csat', score: 4, comment: '工程师很耐心' });
    expect(response.ticketId).to.equal(ticket.id);
    const stored = await crm.surveys.list();
    expect(stored.items.map((r) => r.score)).to.deep.equal([4]);
    await el.updateComplete;
    expect(shadowText(el)).to.contain('Thank you for your feedback.');
    await expect(el).to.be.accessible();
  });

  it('labels both ends of the scale; NPS runs 0–10', async () => {
    const ticket = await crm.tickets.submit({ subject: 'x' });
    const request = await crm.surveyRequests.create({
      kind: 'nps',
      ticketId: ticket.id,
      requestedAt: '2026-03-02T09:00:00.000Z',
    });
    const el = await fixture<CrmSurvey>(
      html`<crm-survey request-id=${request.id} .crm=${crm}></crm-survey>`,
    );
    await until(() => radios(el).length === 11);
    expect(radios(el).map((r) => r.value)).to.deep.equal([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
    ]);
    const label = (i: number) => radios(el)[i]!.closest('label')!.textContent!.replace(/\s+/g, ' ');
    expect(label(0)).to.contain('0, Not at all likely');
    expect(label(10)).to.contain('10, Extremely likely');
    expect(el.shadowRoot!.querySelector('fieldset')!.getAttribute('role')).to.equal('radiogroup');
    expect(shadowText(el)).to.contain('How likely are you to recommend us');
    await expect(el).to.be.accessible();
  });

  it('asks for a score before sending', async () => {
    const ticket = await resolvedTicket(crm);
    const el = await fixture<CrmSurvey>(
      html`<crm-survey ticket-id=${ticket.id} .crm=${crm}></crm-survey>`,
    );
    await until(() => radios(el).length === 5);
    submitButton(el).click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=field-error]')!.textContent).to.equal(
      'Choose a score.',
    );
    expect(el.shadowRoot!.activeElement).to.equal(radios(el)[0]);
    expect(await crm.surveys.count()).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('one response per ticket: another tab updates, a second answer shows the typed error', async () => {
    const ticket = await resolvedTicket(crm);
    // Two tabs with the same survey open (the second over its own client and cache).
    const first = await fixture<CrmSurvey>(
      html`<crm-survey ticket-id=${ticket.id} .crm=${crm}></crm-survey>`,
    );
    const second = await fixture<CrmSurvey>(
      html`<crm-survey ticket-id=${ticket.id} .crm=${crm.as(crm.principal)}></crm-survey>`,
    );
    await until(() => radios(first).length === 5 && radios(second).length === 5);
    radios(first)[4]!.click();
    submitButton(first).click();
    await until(() => shadowText(first).includes('Thank you for your feedback.'));
    // The change reaches the other tab: it no longer offers the scale.
    await until(() => shadowText(second).includes('This survey has already been answered.'));
    expect(radios(second)).to.have.length(0);

    // Reopened and resolved again: core creates a new request, but the ticket has its answer.
    await crm.tickets.transition(ticket.id, 'open');
    await crm.tickets.transition(ticket.id, 'resolved');
    const again = await fixture<CrmSurvey>(
      html`<crm-survey ticket-id=${ticket.id} .crm=${crm}></crm-survey>`,
    );
    await until(() => radios(again).length === 5);
    radios(again)[0]!.click();
    submitButton(again).click();
    await until(() => !!again.shadowRoot!.querySelector('[part=field-error]'));
    expect(again.shadowRoot!.querySelector('[part=field-error]')!.textContent).to.equal(
      'This survey has already been answered. Thank you.',
    );
    expect((await crm.surveys.list()).items.map((r) => r.score)).to.deep.equal([5]);
    await expect(again).to.be.accessible();
  });

  it('shows zh-CN strings', async () => {
    const ticket = await resolvedTicket(crm);
    const provider = await fixture(html`
      <crm-provider .crm=${crm} locale="zh-CN">
        <crm-survey ticket-id=${ticket.id}></crm-survey>
      </crm-provider>
    `);
    const el = provider.querySelector('crm-survey')!;
    await until(() => radios(el).length === 5);
    expect(shadowText(el)).to.contain('您对本次服务的满意程度如何？');
    expect(shadowText(el)).to.contain('非常不满意');
    expect(shadowText(el)).to.contain('提交反馈');
    await expect(el).to.be.accessible();
  });

  it('loading state', async () => {
    const el = await fixture<CrmSurvey>(
      html`<crm-survey ticket-id="t1" .crm=${await slowCrm()}></crm-survey>`,
    );
    await el.updateComplete;
    expect(el.matches(':state(loading)')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('empty state (no survey for the ticket)', async () => {
    const el = await fixture<CrmSurvey>(
      html`<crm-survey ticket-id="no-such-ticket" .crm=${crm}></crm-survey>`,
    );
    await ready(el);
    await until(() => el.matches(':state(empty)'));
    expect(shadowText(el)).to.contain('There is no survey to answer for this ticket.');
    await expect(el).to.be.accessible();
  });

  it('error state', async () => {
    const el = await fixture<CrmSurvey>(
      html`<crm-survey ticket-id="t1" .crm=${await failingCrm()}></crm-survey>`,
    );
    await until(() => el.matches(':state(error)'));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=alert]')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });
});
