import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createMemoryAdapter, type Crm } from '@rapport/core';
import './define.js';
import type { CrmKpiDashboard, PeriodChangeDetail } from './kpi-dashboard.js';
import { crmOver, failingCrm, seededCrm, shadowText, slowCrm, until } from '../test/fixtures.js';

/**
 * Q1 2026 with known numbers (the test clock reads 2026-03-02, so "this month" is March):
 *   won  li   100 000 on 01-10, wang 30 000 on 02-25; lost li 50 000 on 02-20;
 *   open li   200 000 in Proposal, expected to close 03-20;
 *   quota li  Q1 target 900 000 → Jan 310 000, Feb 280 000, Mar 310 000 (by days: 31 / 28 / 31 of 90).
 */
async function salesCrm(locale: Crm['locale'] = 'en'): Promise<Crm> {
  const crm = await crmOver(createMemoryAdapter(), locale);
  await crm.pipelines.create({
    id: 'std',
    name: 'Standard',
    isDefault: true,
    stages: [
      { id: 'qualify', name: 'Qualify', probability: 0.1 },
      { id: 'proposal', name: 'Proposal', probability: 0.5 },
      { id: 'won', name: 'Won', probability: 1, kind: 'won' },
      { id: 'lost', name: 'Lost', probability: 0, kind: 'lost' },
    ],
  });
  const closed = (name: string, ownerId: string, stageId: string, amount: number, at: string) =>
    crm.deals.create({
      name,
      pipelineId: 'std',
      stageId,
      ownerId,
      amount,
      closedAt: at,
      stageHistory: [
        { stageId: 'qualify', enteredAt: '2026-01-05T02:00:00.000Z' },
        { stageId, enteredAt: at },
      ],
      ...(stageId === 'lost' && { lostReason: '预算取消' }),
    });
  await closed('d1', 'li', 'won', 100_000, '2026-01-10T02:00:00.000Z');
  await closed('d2', 'li', 'lost', 50_000, '2026-02-20T02:00:00.000Z');
  await closed('d3', 'wang', 'won', 30_000, '2026-02-25T02:00:00.000Z');
  await crm.deals.create({
    name: 'd4',
    pipelineId: 'std',
    stageId: 'proposal',
    ownerId: 'li',
    amount: 200_000,
    expectedCloseDate: '2026-03-20',
  });
  await crm.quotas.create({
    ownerId: 'li',
    period: 'quarter',
    periodStart: '2026-01-01',
    target: 900_000,
  });
  return crm;
}

async function dashboard(
  crm: Crm | undefined,
  attrs: { period?: string; from?: string; to?: string } = {},
) {
  const el = await fixture<CrmKpiDashboard>(
    html`<crm-kpi-dashboard .crm=${crm}></crm-kpi-dashboard>`,
  );
  if (attrs.period) el.period = attrs.period as CrmKpiDashboard['period'];
  if (attrs.from) el.from = attrs.from;
  if (attrs.to) el.to = attrs.to;
  await el.updateComplete;
  return el;
}
const root = (el: CrmKpiDashboard) => el.shadowRoot!;
const ready = async (el: CrmKpiDashboard) => {
  await until(() => !!root(el).querySelector('[part~=tiles]') || el.matches(':state(empty)'));
  await el.updateComplete;
};
const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const tile = (el: CrmKpiDashboard, kpi: string) =>
  clean(root(el).querySelector(`[data-kpi=${kpi}] .tile-value`)?.textContent);
const tableRows = (el: CrmKpiDashboard, chart: string) =>
  [...root(el).querySelectorAll(`#${chart}-table tbody tr`)].map((tr) =>
    [...tr.children].map((c) => clean(c.textContent)),
  );
const svgTexts = (el: CrmKpiDashboard, chart: string, cls: 'label' | 'value') =>
  [...root(el).querySelectorAll(`#${chart}-svg-title`)].flatMap((title) =>
    [...title.closest('svg')!.querySelectorAll(`text.${cls}`)].map((t) => clean(t.textContent)),
  );

describe('<crm-kpi-dashboard>', () => {
  it('shows the tiles core computes for the quarter', async () => {
    const el = await dashboard(await salesCrm(), { period: 'quarter' });
    await ready(el);
    expect(clean(root(el).querySelector('[part~=range]')!.textContent)).to.equal(
      'Jan 1, 2026 – Mar 31, 2026',
    );
    expect(tile(el, 'wonRevenue')).to.equal('CN¥130,000.00');
    expect(tile(el, 'quotaAttainment')).to.equal('14.4%');
    expect(tile(el, 'pipelineValue')).to.equal('CN¥200,000.00');
    expect(tile(el, 'winRate')).to.equal('66.7%');
    // Nothing to measure: "—" with the reason, never NaN.
    expect(tile(el, 'csat')).to.equal('—Not available: no CSAT responses in this period.');
    expect(shadowText(el)).not.to.match(/NaN|Infinity/);
    await expect(el).to.be.accessible();
  });

  it('revenue against quota: the data table has the chart’s numbers', async () => {
    const crm = await salesCrm();
    const el = await dashboard(crm, { period: 'quarter' });
    await ready(el);
    expect(tableRows(el, 'revenue')).to.deep.equal([
      ['Jan 2026', 'CN¥100,000.00', 'CN¥310,000.00', '32.3%'],
      ['Feb 2026', 'CN¥30,000.00', 'CN¥280,000.00', '10.7%'],
      ['Mar 2026', 'CN¥0.00', 'CN¥310,000.00', '0%'],
    ]);
    expect(svgTexts(el, 'revenue', 'label')).to.deep.equal(['Jan 2026', 'Feb 2026', 'Mar 2026']);
    expect(svgTexts(el, 'revenue', 'value')).to.deep.equal(['CN¥100K', 'CN¥30K', 'CN¥0']);
    const svg = root(el).querySelector('#revenue-svg-title')!.closest('svg')!;
    expect(svg.getAttribute('role')).to.equal('img');
    expect(svg.getAttribute('aria-labelledby')).to.equal('revenue-svg-title revenue-svg-desc');
    expect(svg.querySelectorAll('rect.bar')).to.have.length(3);
    expect(svg.querySelectorAll('line.target')).to.have.length(3);
  });

  it('every chart has a data table whose rows match the chart', async () => {
    const el = await dashboard(await salesCrm(), { period: 'quarter' });
    await ready(el);
    for (const chart of ['funnel', 'pipeline', 'revenue', 'sla', 'satisfaction']) {
      const svg = root(el).querySelector(`#${chart}-svg-title`)?.closest('svg');
      expect(svg, chart).to.not.equal(null);
      expect(svg!.querySelector('desc')!.textContent, chart).to.not.equal('');
      const rows = tableRows(el, chart);
      expect(
        rows.map((r) => r[0]),
        chart,
      ).to.deep.equal(svgTexts(el, chart, 'label'));
    }
    expect(tableRows(el, 'pipeline')).to.deep.equal([
      ['Qualify', '0', 'CN¥0.00', 'CN¥0.00'],
      ['Proposal', '1', 'CN¥200,000.00', 'CN¥100,000.00'],
      ['Won', '2', 'CN¥130,000.00', 'CN¥130,000.00'],
      ['Lost', '1', 'CN¥50,000.00', 'CN¥0.00'],
    ]);
    expect(svgTexts(el, 'pipeline', 'value')).to.deep.equal([
      'CN¥0 · 0',
      'CN¥200K · 1',
      'CN¥130K · 2',
      'CN¥50K · 1',
    ]);
    // Qualify: 3 deals entered, all moved on (2 won, 1 lost is not "on")
    expect(tableRows(el, 'funnel')[0]).to.deep.equal(['Qualify', '3', '2', '66.7%']);
    expect(svgTexts(el, 'funnel', 'value')[0]).to.equal('3 · 66.7%');
    await expect(el).to.be.accessible();
  });

  it('"Show as table" works from the keyboard', async () => {
    const el = await dashboard(await salesCrm(), { period: 'quarter' });
    await ready(el);
    const toggle = root(el).querySelector<HTMLButtonElement>(
      '#revenue-heading + [part~=table-toggle]',
    )!;
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(
      root(el).querySelector('#revenue-table')!.classList.contains('visually-hidden'),
    ).to.equal(false);
    expect(clean(toggle.textContent)).to.equal('Hide table');
    await expect(el).to.be.accessible();
  });

  it('the period picker changes the query', async () => {
    const el = await dashboard(await salesCrm());
    await ready(el);
    expect(el.query).to.include({ period: 'month' });
    expect(clean(root(el).querySelector('[part~=range]')!.textContent)).to.equal(
      'Mar 1, 2026 – Mar 31, 2026',
    );
    expect(tile(el, 'wonRevenue')).to.equal('CN¥0.00');
    const changes: PeriodChangeDetail[] = [];
    el.addEventListener('crm-period-change', (e) => changes.push((e as CustomEvent).detail));

    const select = root(el).querySelector<HTMLSelectElement>('select[name=period]')!;
    select.value = 'quarter';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.query).to.include({ period: 'quarter' });
    await until(() => tile(el, 'wonRevenue') === 'CN¥130,000.00');
    expect(changes.at(-1)).to.include({ period: 'quarter' });

    // Previous quarter: Q4 2025, nothing won.
    root(el).querySelector<HTMLButtonElement>('[aria-label="Previous period"]')!.click();
    await el.updateComplete;
    expect(el.from).to.equal('2025-12-31');
    await until(() =>
      clean(root(el).querySelector('[part~=range]')?.textContent).startsWith('Oct 1, 2025'),
    );
    expect(tile(el, 'wonRevenue')).to.equal('CN¥0.00');

    // A custom range, typed in and applied: January only.
    select.value = 'custom';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const from = root(el).querySelector<HTMLInputElement>('input[name=from]')!;
    const to = root(el).querySelector<HTMLInputElement>('input[name=to]')!;
    from.value = '2026-01-01';
    to.value = '2026-01-31';
    root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await el.updateComplete;
    expect(el.query).to.deep.include({ period: 'custom', from: '2026-01-01', to: '2026-02-01' });
    await until(() => tile(el, 'wonRevenue') === 'CN¥100,000.00');
    await expect(el).to.be.accessible();

    // A reversed range is refused with a message, and the query stays.
    from.value = '2026-02-10';
    to.value = '2026-02-01';
    root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await el.updateComplete;
    expect(shadowText(el)).to.contain('Choose a start date on or before the end date.');
    expect(el.query).to.deep.include({ from: '2026-01-01' });

    // A host may cancel a change.
    el.addEventListener('crm-period-change', (e) => e.preventDefault(), { once: true });
    select.value = 'year';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.period).to.equal('custom');
  });

  it('group-by adds revenue against quota per group', async () => {
    const el = await dashboard(await salesCrm(), { period: 'quarter' });
    el.groupBy = 'owner';
    el.groupLabel = (_, key) => ({ li: '李娜', wang: '王伟' })[key];
    await el.updateComplete;
    await until(() => !!root(el).querySelector('#groups-table'));
    expect(tableRows(el, 'groups')).to.deep.equal([
      ['李娜', 'CN¥100,000.00', 'CN¥900,000.00', '11.1%'],
      [
        '王伟',
        'CN¥30,000.00',
        '—Not available: no quota covers this period.',
        '—Not available: no quota covers this period.',
      ],
    ]);
    await expect(el).to.be.accessible();
  });

  it('zh-CN: Chinese words and money in CNY', async () => {
    const el = await dashboard(await salesCrm('zh-CN'), { period: 'quarter' });
    await ready(el);
    const text = shadowText(el);
    expect(text).to.contain('赢单金额').and.contain('销售额与业绩目标').and.contain('流失风险');
    expect(text).to.contain('以表格显示');
    expect(tile(el, 'wonRevenue')).to.equal('¥130,000.00');
    expect(root(el).querySelector('form')!.getAttribute('aria-label')).to.equal('统计周期');
    await expect(el).to.be.accessible();
  });

  it('renders the seeded demo data, churn risks with their reasons', async () => {
    const { crm } = await seededCrm('en', { customers: 20, tickets: 20 });
    const el = await dashboard(crm, { period: 'year' });
    await ready(el);
    const core = await crm.analytics.dashboard({ period: 'year' });
    const won = core.tiles.find((t) => t.kpi === 'wonRevenue')!.value!;
    expect(tile(el, 'wonRevenue')).to.equal(
      new Intl.NumberFormat('en', { style: 'currency', currency: 'CNY' }).format(won),
    );
    const churnRows = root(el).querySelectorAll('[part~=churn] tbody tr');
    expect(churnRows.length).to.equal(core.churnRisks.length);
    if (core.churnRisks.length) {
      let opened = '';
      el.addEventListener(
        'crm-customer-open',
        (e) => (opened = (e as CustomEvent).detail.customerId),
      );
      root(el).querySelector<HTMLButtonElement>('[part~=customer]')!.click();
      expect(opened).to.equal(core.churnRisks[0]!.customerId);
    }
    await expect(el).to.be.accessible();
  });

  it('loading, empty and error states, each accessible', async () => {
    const loading = await dashboard(await slowCrm());
    expect(loading.matches(':state(loading)')).to.equal(true);
    expect(shadowText(loading)).to.contain('Loading');
    await expect(loading).to.be.accessible();

    const empty = await dashboard(await crmOver(createMemoryAdapter()));
    await until(() => empty.matches(':state(empty)'));
    expect(shadowText(empty)).to.contain('No data for this period yet.');
    await expect(empty).to.be.accessible();

    const incomplete = await dashboard((await seededCrm()).crm, { period: 'custom' });
    expect(incomplete.matches(':state(empty)')).to.equal(true);
    await expect(incomplete).to.be.accessible();

    const failing = await dashboard(await failingCrm());
    await until(() => failing.matches(':state(error)'));
    expect(shadowText(failing)).to.contain('Something went wrong');
    expect(root(failing).querySelector('[part~=retry]')).to.not.equal(null);
    await expect(failing).to.be.accessible();
  });
});
