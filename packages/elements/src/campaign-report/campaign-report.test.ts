import { expect, fixture, html } from '@open-wc/testing';
import { createMemoryAdapter, type Crm } from '@rapport/core';
import './define.js';
import type { CrmCampaignReport } from './campaign-report.js';
import { crmOver, failingCrm, seededCrm, shadowText, slowCrm, until } from '../test/fixtures.js';

/**
 * A campaign whose numbers are known: cost 10 000, budget 20 000; two leads first-touched by it
 * (one converted); a won deal of 35 000 from it and an open one.
 *   ROI = (35 000 − 10 000) / 10 000 = 250 %; cost per lead = 5 000; conversion = 50 %.
 * A second campaign cost nothing: its ROI is "—".
 */
async function campaignCrm(locale: Crm['locale'] = 'en'): Promise<Crm> {
  const crm = await crmOver(createMemoryAdapter(), locale);
  await crm.pipelines.create({
    id: 'std',
    name: 'Standard',
    stages: [
      { id: 'qualify', name: 'Qualify', probability: 0.2 },
      { id: 'won', name: 'Won', probability: 1, kind: 'won' },
    ],
  });
  await crm.campaigns.create({
    id: 'cmp-1',
    name: '春季新品发布会',
    channel: 'event',
    status: 'completed',
    budget: 20_000,
    actualCost: 10_000,
  });
  await crm.campaigns.create({ id: 'cmp-free', name: 'Free webinar', channel: 'email' });
  await crm.leads.create({ id: 'l1', name: '王芳', campaignId: 'cmp-1', status: 'converted' });
  await crm.leads.create({ id: 'l2', name: '李雷', campaignId: 'cmp-1' });
  await crm.deals.create({
    name: 'Won deal',
    pipelineId: 'std',
    stageId: 'won',
    amount: 35_000,
    campaignId: 'cmp-1',
    closedAt: '2026-02-20T02:00:00.000Z',
  });
  await crm.deals.create({
    name: 'Open deal',
    pipelineId: 'std',
    stageId: 'qualify',
    amount: 8_000,
    campaignId: 'cmp-1',
  });
  return crm;
}

async function report(crm: Crm | undefined, id: string | undefined) {
  const el = await fixture<CrmCampaignReport>(
    html`<crm-campaign-report campaign-id=${id ?? ''} .crm=${crm}></crm-campaign-report>`,
  );
  if (!id) el.removeAttribute('campaign-id');
  await el.updateComplete;
  return el;
}
const ready = async (el: CrmCampaignReport) => {
  await until(() => !!el.shadowRoot!.querySelector('[part~=base]'));
  await el.updateComplete;
};
const metric = (el: CrmCampaignReport, name: string) =>
  el
    .shadowRoot!.querySelector(`[data-metric=${name}] dd`)!
    .textContent!.replace(/\s+/g, ' ')
    .trim();

describe('<crm-campaign-report>', () => {
  it('shows the ROI, cost per lead and conversion that core computes', async () => {
    const crm = await campaignCrm();
    const core = await crm.campaigns.report('cmp-1');
    expect([core.roi, core.costPerLead, core.conversionRate]).to.deep.equal([2.5, 5000, 0.5]);
    const el = await report(crm, 'cmp-1');
    await ready(el);
    expect(shadowText(el)).to.contain('春季新品发布会');
    expect(metric(el, 'roi')).to.equal('250%');
    expect(metric(el, 'cost-per-lead')).to.equal('CN¥5,000.00');
    expect(metric(el, 'conversion-rate')).to.equal('50%');
    expect(metric(el, 'won-revenue')).to.equal('CN¥35,000.00');
    expect(metric(el, 'cost')).to.contain('CN¥10,000.00').and.contain('50%');
    expect(shadowText(el)).not.to.match(/NaN|Infinity/);
    await expect(el).to.be.accessible();
  });

  it('a campaign with zero cost shows "—" for ROI, with the reason in words', async () => {
    const el = await report(await campaignCrm(), 'cmp-free');
    await ready(el);
    const roi = el.shadowRoot!.querySelector('[data-metric=roi] dd')!;
    expect(roi.querySelector('[aria-hidden=true]')!.textContent).to.equal('—');
    expect(roi.querySelector('.visually-hidden')!.textContent).to.contain(
      'no recorded cost, so ROI cannot be computed',
    );
    expect(metric(el, 'cost-per-lead')).to.contain('—');
    expect(shadowText(el)).not.to.contain('NaN');
    await expect(el).to.be.accessible();
  });

  it('the funnel chart has a data table with the same numbers', async () => {
    const el = await report(await campaignCrm(), 'cmp-1');
    await ready(el);
    const root = el.shadowRoot!;
    const svg = root.querySelector('svg[role=img]')!;
    expect(svg.querySelector('title')!.textContent).to.equal('Campaign funnel');
    expect(svg.querySelector('desc')!.textContent).to.contain('leads 2, deals 2, won 1');
    const svgValues = [...svg.querySelectorAll('text.value')].map((t) => t.textContent);
    const rows = [...root.querySelectorAll('[part~=table] tbody tr')].map((tr) =>
      [...tr.children].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()),
    );
    expect(rows).to.deep.equal([
      ['Audience', '—Not available: the campaign has no segment.'],
      ['Sent', '0'],
      ['Responded', '0'],
      ['Leads', '2'],
      ['Deals', '2'],
      ['Won', '1'],
    ]);
    expect(svgValues).to.deep.equal(['—', '0', '0', '2', '2', '1']);
    // The table is visually hidden until toggled; the toggle says so.
    const toggle = root.querySelector<HTMLButtonElement>('[part~=table-toggle]')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(root.querySelector('.table-wrap')!.classList.contains('visually-hidden')).to.equal(
      false,
    );
    await expect(el).to.be.accessible();
  });

  it('zh-CN: Chinese words and money in CNY', async () => {
    const el = await report(await campaignCrm('zh-CN'), 'cmp-1');
    await ready(el);
    expect(shadowText(el))
      .to.contain('投资回报率')
      .and.contain('单条线索成本')
      .and.contain('活动漏斗');
    expect(metric(el, 'cost-per-lead')).to.equal('¥5,000.00');
    await expect(el).to.be.accessible();
  });

  it('updates after a write (a new won deal raises the ROI)', async () => {
    const crm = await campaignCrm();
    const el = await report(crm, 'cmp-1');
    await ready(el);
    await crm.deals.create({
      name: 'Another',
      pipelineId: 'std',
      stageId: 'won',
      amount: 10_000,
      campaignId: 'cmp-1',
    });
    await until(() => metric(el, 'roi') === '350%');
  });

  it('loading, empty, not found and error states, each accessible', async () => {
    const loading = await report(await slowCrm(), 'cmp-1');
    expect(loading.matches(':state(loading)')).to.equal(true);
    expect(shadowText(loading)).to.contain('Loading');
    await expect(loading).to.be.accessible();

    const none = await report((await seededCrm()).crm, undefined);
    expect(none.matches(':state(empty)')).to.equal(true);
    expect(shadowText(none)).to.contain('No campaign selected');
    await expect(none).to.be.accessible();

    const missing = await report(await campaignCrm(), 'cmp-nope');
    await until(() => missing.matches(':state(empty)'));
    expect(shadowText(missing)).to.contain('Campaign not found');
    await expect(missing).to.be.accessible();

    const failing = await report(await failingCrm(), 'cmp-1');
    await until(() => failing.matches(':state(error)'));
    expect(shadowText(failing)).to.contain('Something went wrong');
    await expect(failing).to.be.accessible();
  });

  it('renders a seeded demo campaign', async () => {
    const { crm, data } = await seededCrm();
    const campaign = data.campaigns.find((c) => c.status === 'completed') ?? data.campaigns[0]!;
    const el = await report(crm, campaign.id);
    await ready(el);
    const core = await crm.campaigns.report(campaign.id);
    expect(metric(el, 'won-revenue')).to.equal(
      new Intl.NumberFormat('en', { style: 'currency', currency: 'CNY' }).format(core.wonRevenue),
    );
    await expect(el).to.be.accessible();
  });
});
