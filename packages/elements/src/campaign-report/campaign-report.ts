import { html, nothing, type TemplateResult } from 'lit';
import { NotFoundError, type Campaign, type CampaignReport } from '@rapport/core';
import { CrmElement } from '../base/crm-element.js';
import { QueryController } from '../base/query-controller.js';
import { emptyView, errorView, loadingView } from '../base/status-view.js';
import { chartFigure, horizontalBars, notAvailable, type ChartBar } from '../charts/svg-charts.js';
import { chartStyles } from '../charts/chart.styles.js';
import { campaignReportStyles } from './campaign-report.styles.js';
import { LocalizeController } from '../i18n/localize-controller.js';
import { campaignReportMessages, type CampaignReportMessageKey } from './messages.js';

/** The funnel steps, in order, and the report field each one reads. */
const STEPS = [
  ['audience', 'audience'],
  ['sent', 'sent'],
  ['responses', 'responses'],
  ['leads', 'leads'],
  ['deals', 'deals'],
  ['won', 'wonDeals'],
] as const satisfies readonly (readonly [string, keyof CampaignReport])[];

/**
 * A marketing campaign's results: the funnel audience → sent → responded → leads → deals → won
 * as an SVG chart with its data table, and the key figures — ROI, cost per lead, lead
 * conversion, response rate, cost against budget, won revenue. Every figure is
 * `crm.campaigns.report(id)` (first-touch attribution, computed in core over what the principal
 * may see); a figure core cannot compute (`null`: no cost, no leads, nothing sent) shows "—" with
 * the reason in words for screen readers and as a tooltip. Refreshes after every change.
 *
 * @summary Campaign funnel, ROI and cost per lead.
 * @tag crm-campaign-report
 *
 * @csspart base - The report.
 * @csspart header - Campaign name, channel, status and dates.
 * @csspart name - The campaign name heading.
 * @csspart metrics - The list of key figures. @csspart metric - One key figure (also `tile`).
 * @csspart tile - One key figure.
 * @csspart funnel - The funnel figure (also `chart`).
 * @csspart chart - A chart figure. @csspart chart-svg - Its SVG. @csspart chart-title - Its heading.
 * @csspart table - A chart's data table. @csspart table-toggle - The "show as table" button.
 * @csspart stage - A funnel step's row in the data table.
 * @csspart status - Loading, empty and error lines (also `loading`, `empty`, `error`).
 * @csspart retry - The retry button of the error line.
 *
 * @cssproperty [--crm-chart-1=var(--crm-color-primary)] Funnel bar colour.
 * @cssproperty [--crm-campaign-report-metric-min-width=9rem] Minimum width of a key figure.
 * @cssproperty [--crm-color-surface=#ffffff] Background (and every other `--crm-*` token).
 *
 * @cssstate loading - The campaign or its report is loading.
 * @cssstate empty - No `campaign-id`, or the campaign does not exist or is not visible.
 * @cssstate error - Loading failed.
 */
export class CrmCampaignReport extends CrmElement {
  static override styles = [...CrmElement.styles, chartStyles, campaignReportStyles];

  /** Strings, numbers, money and dates in the current locale. */
  protected readonly i18n = new LocalizeController(this, campaignReportMessages);

  static override properties = {
    campaignId: { attribute: 'campaign-id', reflect: true },
    tableShown: { state: true, attribute: false },
  };

  /** The campaign to report on. */
  declare campaignId: string | undefined;

  declare private tableShown: boolean;

  constructor() {
    super();
    this.tableShown = false;
  }

  readonly #campaign = new QueryController<Campaign>(this, () =>
    this.crm && this.campaignId ? this.crm.queries.detail('campaign', this.campaignId) : undefined,
  );

  readonly #report = new QueryController<CampaignReport>(this, () =>
    this.crm && this.campaignId ? this.crm.queries.campaignReport(this.campaignId) : undefined,
  );

  /** The combined status of the two queries. */
  get #status(): { status: 'idle' | 'loading' | 'empty' | 'error' | 'success'; error?: unknown } {
    const queries = [this.#campaign, this.#report];
    const failed = queries.find((q) => q.status === 'error');
    if (failed)
      return failed.error instanceof NotFoundError
        ? { status: 'empty' }
        : { status: 'error', error: failed.error };
    if (queries.some((q) => q.status === 'idle')) return { status: 'idle' };
    if (queries.some((q) => q.status === 'loading')) return { status: 'loading' };
    return { status: 'success' };
  }

  protected override updated(): void {
    const { status } = this.#status;
    this.setState('loading', status === 'loading');
    this.setState('empty', status === 'empty' || (status === 'idle' && !!this.crm));
    this.setState('error', status === 'error');
  }

  protected override render(): TemplateResult {
    const i18n = this.i18n;
    const { status, error } = this.#status;
    let body: TemplateResult;
    if (!this.crm) body = emptyView(i18n, 'common.noClient');
    else if (status === 'idle') body = emptyView(i18n, 'campaign.noTarget');
    else if (status === 'empty') body = emptyView(i18n, 'campaign.notFound');
    else if (status === 'loading') body = loadingView(i18n);
    else if (status === 'error')
      body = errorView(i18n, error, () => {
        void this.#campaign.refetch();
        void this.#report.refetch();
      });
    else body = this.#renderReport(this.#campaign.data!, this.#report.data!);
    return html`<div lang=${i18n.lang}>${body}</div>`;
  }

  #percent(ratio: number): string {
    return this.i18n.number(ratio, { style: 'percent', maximumFractionDigits: 1 });
  }

  #renderReport(campaign: Campaign, report: CampaignReport): TemplateResult {
    const i18n = this.i18n;
    const currency = report.currency;
    const dates =
      campaign.startAt || campaign.endAt
        ? i18n.t('campaign.dates', {
            start: i18n.date(campaign.startAt),
            end: i18n.date(campaign.endAt),
          })
        : '';
    return html`<article part="base" aria-labelledby="name">
      <header part="header">
        <h2 id="name" part="name">${campaign.name}</h2>
        <p class="muted">
          ${i18n.t(`campaign.channel.${campaign.channel}`)} ·
          ${i18n.t(`campaign.status.${campaign.status}`)}${dates ? html` · ${dates}` : nothing}
        </p>
      </header>
      <section aria-labelledby="metrics-title">
        <h3 id="metrics-title" class="visually-hidden">${i18n.t('campaign.metrics')}</h3>
        <dl part="metrics">
          ${this.#metric(
            'campaign.roi',
            report.roi === null
              ? notAvailable(i18n.t('campaign.na.roi'))
              : this.#percent(report.roi),
            'roi',
          )}
          ${this.#metric(
            'campaign.costPerLead',
            report.costPerLead === null
              ? notAvailable(i18n.t('campaign.na.noLeads'))
              : i18n.money(report.costPerLead, currency),
            'cost-per-lead',
          )}
          ${this.#metric(
            'campaign.conversionRate',
            report.conversionRate === null
              ? notAvailable(i18n.t('campaign.na.noLeads'))
              : this.#percent(report.conversionRate),
            'conversion-rate',
          )}
          ${this.#metric(
            'campaign.responseRate',
            report.responseRate === null
              ? notAvailable(i18n.t('campaign.na.noneSent'))
              : this.#percent(report.responseRate),
            'response-rate',
          )}
          ${this.#metric('campaign.wonRevenue', i18n.money(report.wonRevenue, currency), 'won-revenue')}
          ${this.#metric(
            'campaign.cost',
            html`${i18n.money(report.cost, currency)}
              <span class="sub"
                >${i18n.t('campaign.ofBudget', { budget: i18n.money(report.budget, currency) })} ·
                ${
                  report.budgetUsed === null
                    ? notAvailable(i18n.t('campaign.na.noBudget'))
                    : this.#percent(report.budgetUsed)
                }</span
              >`,
            'cost',
          )}
        </dl>
        ${
          report.otherCurrencyWonDeals > 0
            ? html`<p class="muted">
                ${i18n.t('campaign.otherCurrency', { count: report.otherCurrencyWonDeals })}
              </p>`
            : nothing
        }
      </section>
      ${this.#renderFunnel(report)}
    </article>`;
  }

  #metric(label: CampaignReportMessageKey, value: unknown, name: string): TemplateResult {
    return html`<div part="metric tile" class="metric" data-metric=${name}>
      <dt>${this.i18n.t(label)}</dt>
      <dd>${value}</dd>
    </div>`;
  }

  #renderFunnel(report: CampaignReport): TemplateResult {
    const i18n = this.i18n;
    const text = (n: number | null) => (n === null ? '—' : i18n.number(n));
    const bars: ChartBar[] = STEPS.map(([step, field]) => {
      const value = report[field] as number | null;
      return { label: i18n.t(`campaign.stage.${step}`), value, text: text(value) };
    });
    const description = i18n.t('campaign.funnelDesc', {
      audience: text(report.audience),
      sent: text(report.sent),
      responses: text(report.responses),
      leads: text(report.leads),
      deals: text(report.deals),
      won: text(report.wonDeals),
    });
    const figure = chartFigure(i18n, {
      id: 'funnel',
      title: i18n.t('campaign.funnel'),
      graphic: horizontalBars('funnel-svg', i18n.t('campaign.funnel'), description, bars),
      headers: [i18n.t('campaign.step'), i18n.t('campaign.count')],
      rows: STEPS.map(([, field], i) => [
        bars[i]!.label,
        report[field] === null
          ? notAvailable(i18n.t('campaign.na.noSegment'))
          : i18n.number(report[field] as number),
      ]),
      rowPart: 'stage',
      tableShown: this.tableShown,
      onToggle: () => (this.tableShown = !this.tableShown),
    });
    return html`<div part="funnel" class="funnel">${figure}</div>`;
  }
}
