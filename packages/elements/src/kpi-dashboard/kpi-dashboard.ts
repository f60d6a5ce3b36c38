import { html, nothing, type TemplateResult } from 'lit';
import type {
  ChurnRiskRow,
  DashboardPeriod,
  GroupBy,
  KpiDashboard,
  KpiDashboardQuery,
  KpiPoint,
  KpiSeries,
  KpiTile,
  KpiUnit,
} from '@rapport/core';
import { CrmElement } from '../base/crm-element.js';
import { QueryController } from '../base/query-controller.js';
import { emptyView, errorView, loadingView } from '../base/status-view.js';
import { chartStyles } from '../charts/chart.styles.js';
import {
  chartFigure,
  columns,
  horizontalBars,
  legend,
  lines,
  notAvailable,
  type ChartBar,
} from '../charts/svg-charts.js';
import { kpiDashboardStyles } from './kpi-dashboard.styles.js';
import { LocalizeController } from '../i18n/localize-controller.js';
import { kpiDashboardMessages, type KpiDashboardMessageKey } from './messages.js';

const PERIODS = [
  'month',
  'quarter',
  'year',
  'custom',
] as const satisfies readonly DashboardPeriod[];
const GROUPS = ['owner', 'team', 'region'] as const satisfies readonly GroupBy[];
type ChartId = 'funnel' | 'pipeline' | 'revenue' | 'sla' | 'satisfaction' | 'groups';

/** `YYYY-MM-DD` plus `days` (calendar arithmetic, no time zone involved). */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
const isDate = (value: unknown): value is string =>
  typeof value === 'string' &&
  /^\d{4}-\d{2}-\d{2}$/.test(value) &&
  !Number.isNaN(Date.parse(value));

export interface PeriodChangeDetail {
  readonly period: DashboardPeriod;
  /** A day in the period, or a custom range's first day. */
  readonly from: string | undefined;
  /** A custom range's last day (inclusive). */
  readonly to: string | undefined;
  readonly groupBy: GroupBy | undefined;
}

export interface ChurnRiskOpenDetail {
  readonly customerId: string;
}

/**
 * The management dashboard: KPI tiles (won revenue, quota attainment, open pipeline, win rate,
 * lead conversion, SLA compliance, CSAT, NPS) and charts — conversion funnel by stage, pipeline
 * by stage, revenue against quota, SLA compliance, CSAT and NPS trend, revenue against quota per
 * group — and the customers most at risk of churning with their reasons. A period picker chooses
 * the month, quarter or year (with previous / next) or a custom range, and an optional grouping.
 *
 * Every figure is `crm.analytics.dashboard(query)`, computed in core over the records the
 * principal may see; the element only draws it. Charts are plain SVG (`role="img"` with a
 * `<title>` and `<desc>`), their numbers written on them, each with a data table of the same
 * numbers (visually hidden until "Show as table"). Figures core cannot compute show "—" with the
 * reason in words. Refreshes after every change.
 *
 * @summary KPI tiles and charts with a period picker.
 * @tag crm-kpi-dashboard
 *
 * @event crm-period-change - Cancelable, when the user picks another period, range or grouping; `detail` is `{ period, from, to, groupBy }` (to: a custom range's last day). `preventDefault()` keeps the current one.
 * @event crm-customer-open - A churn-risk customer was activated (click or Enter); `detail.customerId`.
 *
 * @csspart period-picker - The period form. @csspart range - The range being shown.
 * @csspart tiles - The list of KPI tiles. @csspart tile - One tile.
 * @csspart charts - The grid of charts.
 * @csspart chart - A chart figure. @csspart chart-svg - Its SVG. @csspart chart-title - Its heading.
 * @csspart legend - A chart's legend.
 * @csspart table - A chart's data table (also the churn-risk table). @csspart table-toggle - The "show as table" button.
 * @csspart funnel - The conversion funnel figure's wrapper. @csspart stage - A stage row of the funnel and pipeline tables.
 * @csspart churn - The churn-risk section. @csspart customer - A churn-risk customer button.
 * @csspart status - Loading, empty and error lines (also `loading`, `empty`, `error`).
 * @csspart retry - The retry button of the error line.
 *
 * @cssproperty [--crm-chart-1=var(--crm-color-primary)] First series (bars, CSAT).
 * @cssproperty [--crm-chart-2=var(--crm-color-success)] Second series (NPS, SLA).
 * @cssproperty [--crm-chart-3=var(--crm-color-warning)] Third series (pipeline).
 * @cssproperty [--crm-chart-target=var(--crm-color-text)] Target lines.
 * @cssproperty [--crm-kpi-dashboard-tile-min-width=10rem] Minimum tile width.
 * @cssproperty [--crm-kpi-dashboard-chart-min-width=20rem] Minimum chart width.
 * @cssproperty [--crm-color-surface=#ffffff] Background (and every other `--crm-*` token).
 *
 * @cssstate loading - The figures are loading.
 * @cssstate empty - Nothing to measure in the period (or no complete custom range).
 * @cssstate error - Loading failed.
 */
export class CrmKpiDashboard extends CrmElement {
  static override styles = [...CrmElement.styles, chartStyles, kpiDashboardStyles];

  /** Strings, numbers, money and dates in the current locale. */
  protected readonly i18n = new LocalizeController(this, kpiDashboardMessages);

  static override properties = {
    period: { reflect: true },
    from: { reflect: true },
    to: { reflect: true },
    groupBy: { attribute: 'group-by', reflect: true },
    pipelineId: { attribute: 'pipeline-id' },
    currency: {},
    churnLimit: { attribute: 'churn-limit', type: Number },
    groupLabel: { attribute: false },
    shownTables: { state: true, attribute: false },
    rangeError: { state: true, attribute: false },
  };

  /** `month`, `quarter` or `year` (the one holding `from`, default today), or `custom` (`from`–`to`). */
  declare period: DashboardPeriod;

  /** `YYYY-MM-DD`: a day in the month / quarter / year, or the first day of a custom range. */
  declare from: string | undefined;

  /** `YYYY-MM-DD`: the last day (inclusive) of a custom range. */
  declare to: string | undefined;

  /** Adds revenue against quota per `owner`, `team` or `region`. */
  declare groupBy: GroupBy | undefined;

  /** The pipeline of the funnel and stage charts; default the default pipeline. */
  declare pipelineId: string | undefined;

  /** Money KPIs sum this currency (ISO 4217). */
  declare currency: string;

  /** How many churn risks to list, lowest health first. */
  declare churnLimit: number;

  /**
   * Display names of groups (owners and teams come from the host). Without it the key shows.
   * `dashboard.groupLabel = (groupBy, key) => directory.get(key)?.name`
   */
  declare groupLabel: ((groupBy: GroupBy, key: string) => string | undefined) | undefined;

  declare private shownTables: ReadonlySet<ChartId>;
  declare private rangeError: string;

  constructor() {
    super();
    this.period = 'month';
    this.currency = 'CNY';
    this.churnLimit = 10;
    this.shownTables = new Set();
    this.rangeError = '';
  }

  readonly #dashboard = new QueryController<KpiDashboard>(this, () => {
    const query = this.query;
    return this.crm && query ? this.crm.queries.kpiDashboard(query) : undefined;
  });

  /** The query sent to `crm.analytics.dashboard`; `undefined` for an incomplete custom range. */
  get query(): KpiDashboardQuery | undefined {
    const period = PERIODS.includes(this.period) ? this.period : 'month';
    const common = {
      currency: this.currency,
      churnLimit: this.churnLimit,
      ...(this.groupBy && GROUPS.includes(this.groupBy) && { groupBy: this.groupBy }),
      ...(this.pipelineId && { pipelineId: this.pipelineId }),
    };
    if (period === 'custom') {
      if (!isDate(this.from) || !isDate(this.to) || this.to < this.from) return undefined;
      return { period, from: this.from, to: addDays(this.to, 1), ...common };
    }
    return { period, ...(isDate(this.from) && { from: this.from }), ...common };
  }

  protected override updated(): void {
    const { status, data } = this.#dashboard;
    this.setState('loading', status === 'loading');
    this.setState(
      'empty',
      (status === 'idle' && !!this.crm) || (status === 'success' && !!data && isEmpty(data)),
    );
    this.setState('error', status === 'error');
  }

  protected override render(): TemplateResult {
    const i18n = this.i18n;
    const { status, data, error } = this.#dashboard;
    let body: TemplateResult;
    if (!this.crm) body = emptyView(i18n, 'common.noClient');
    else if (status === 'idle') body = emptyView(i18n, 'kpi.empty');
    else if (status === 'loading') body = loadingView(i18n);
    else if (status === 'error')
      body = errorView(i18n, error, () => void this.#dashboard.refetch());
    else if (isEmpty(data!)) body = emptyView(i18n, 'kpi.empty');
    else body = this.#renderDashboard(data!);
    return html`<div lang=${i18n.lang} class="dashboard">
      ${this.crm ? this.#renderPicker(status === 'success' ? data : undefined) : nothing} ${body}
    </div>`;
  }

  // ---------------------------------------------------------------- period picker

  #renderPicker(data: KpiDashboard | undefined): TemplateResult {
    const i18n = this.i18n;
    const custom = this.period === 'custom';
    const range = data
      ? i18n.t('kpi.range', { from: i18n.date(data.from), to: i18n.date(addDays(data.to, -1)) })
      : '';
    return html`<form
      part="period-picker"
      class="picker"
      aria-label=${i18n.t('kpi.picker')}
      @submit=${this.handleRangeSubmit}
    >
      <label>
        <span>${i18n.t('kpi.period')}</span>
        <select name="period" @change=${this.handlePeriodChange}>
          ${PERIODS.map(
            (p) =>
              html`<option value=${p} ?selected=${p === this.period}>
                ${i18n.t(`kpi.period.${p}`)}
              </option>`,
          )}
        </select>
      </label>
      ${
        custom
          ? html`<label>
                <span>${i18n.t('kpi.from')}</span>
                <input type="date" name="from" .value=${this.from ?? ''} required />
              </label>
              <label>
                <span>${i18n.t('kpi.to')}</span>
                <input
                  type="date"
                  name="to"
                  .value=${this.to ?? ''}
                  required
                  aria-invalid=${this.rangeError ? 'true' : 'false'}
                  aria-describedby="range-error"
                />
              </label>
              <button class="button" type="submit">${i18n.t('kpi.apply')}</button>`
          : html`<div class="stepper">
              <button
                class="button"
                type="button"
                aria-label=${i18n.t('kpi.previous')}
                title=${i18n.t('kpi.previous')}
                ?disabled=${!data}
                @click=${() => data && this.#change({ from: addDays(data.from, -1) })}
              >
                <span aria-hidden="true">‹</span>
              </button>
              <span part="range" class="range" aria-live="polite">${range}</span>
              <button
                class="button"
                type="button"
                aria-label=${i18n.t('kpi.next')}
                title=${i18n.t('kpi.next')}
                ?disabled=${!data}
                @click=${() => data && this.#change({ from: data.to })}
              >
                <span aria-hidden="true">›</span>
              </button>
            </div>`
      }
      <label>
        <span>${i18n.t('kpi.groupBy')}</span>
        <select name="groupBy" @change=${this.handleGroupChange}>
          <option value="" ?selected=${!this.groupBy}>${i18n.t('kpi.group.none')}</option>
          ${GROUPS.map(
            (g) =>
              html`<option value=${g} ?selected=${g === this.groupBy}>
                ${i18n.t(`kpi.group.${g}`)}
              </option>`,
          )}
        </select>
      </label>
      <p id="range-error" class="error" role="alert" ?hidden=${!this.rangeError}>
        ${this.rangeError}
      </p>
    </form>`;
  }

  /** Applies a new period / range / grouping unless a `crm-period-change` listener cancels it. */
  #change(patch: Partial<PeriodChangeDetail>): void {
    const detail: PeriodChangeDetail = {
      period: this.period,
      from: this.from,
      to: this.to,
      groupBy: this.groupBy,
      ...patch,
    };
    if (!this.emit<PeriodChangeDetail>('crm-period-change', detail, { cancelable: true })) return;
    this.rangeError = '';
    this.period = detail.period;
    this.from = detail.from;
    this.to = detail.to;
    this.groupBy = detail.groupBy;
  }

  private handlePeriodChange = (event: Event) => {
    const period = (event.target as HTMLSelectElement).value as DashboardPeriod;
    const data = this.#dashboard.data;
    if (period === 'custom')
      // A custom range starts as the range on screen.
      this.#change({
        period,
        from: data?.from ?? this.from,
        to: data ? addDays(data.to, -1) : this.to,
      });
    else this.#change({ period, from: undefined, to: undefined });
    if (this.period !== period) (event.target as HTMLSelectElement).value = this.period;
  };

  private handleGroupChange = (event: Event) => {
    const value = (event.target as HTMLSelectElement).value as GroupBy | '';
    this.#change({ groupBy: value || undefined });
  };

  private handleRangeSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const from = (form.elements.namedItem('from') as HTMLInputElement | null)?.value ?? '';
    const to = (form.elements.namedItem('to') as HTMLInputElement | null)?.value ?? '';
    if (!isDate(from) || !isDate(to) || to < from) {
      this.rangeError = this.i18n.t('kpi.invalidRange');
      return;
    }
    this.#change({ period: 'custom', from, to });
  };

  // ---------------------------------------------------------------- formatting

  #format(unit: KpiUnit, value: number, currency: string, compact = false): string {
    const i18n = this.i18n;
    switch (unit) {
      case 'money':
        return compact
          ? i18n.number(value, {
              style: 'currency',
              currency,
              notation: 'compact',
              maximumFractionDigits: 1,
            })
          : i18n.money(value, currency);
      case 'ratio':
        return i18n.number(value, { style: 'percent', maximumFractionDigits: 1 });
      case 'percent':
        return i18n.number(value / 100, { style: 'percent', maximumFractionDigits: 1 });
      case 'score':
        return i18n.number(value, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
      default:
        return i18n.number(value, { maximumFractionDigits: 1 });
    }
  }

  /** A period's label: "Mar 2" (week), "Mar 2026" (month), "2026-Q2" (quarter). */
  #periodLabel(point: KpiPoint, trend: KpiDashboard['trend']): string {
    if (trend === 'quarter') return point.period;
    const options: Intl.DateTimeFormatOptions =
      trend === 'week' ? { month: 'short', day: 'numeric' } : { year: 'numeric', month: 'short' };
    return new Intl.DateTimeFormat(this.i18n.locale, options).format(
      new Date(`${point.start}T00:00:00`),
    );
  }

  #groupName(key: string, groupBy: GroupBy): string {
    if (key === '(none)') return this.i18n.t('kpi.group.unassigned');
    return this.groupLabel?.(groupBy, key) ?? key;
  }

  /** A chart's id and its data-table toggle (shown or not, and the button's action). */
  #table(chart: ChartId): { id: ChartId; tableShown: boolean; onToggle: () => void } {
    return {
      id: chart,
      tableShown: this.shownTables.has(chart),
      onToggle: () => {
        const next = new Set(this.shownTables);
        if (next.has(chart)) next.delete(chart);
        else next.add(chart);
        this.shownTables = next;
      },
    };
  }

  // ---------------------------------------------------------------- dashboard

  #renderDashboard(d: KpiDashboard): TemplateResult {
    const i18n = this.i18n;
    return html`
      <section aria-labelledby="tiles-title">
        <h3 id="tiles-title" class="visually-hidden">${i18n.t('kpi.tiles')}</h3>
        <ul part="tiles" class="tiles">
          ${d.tiles.map((tile) => this.#renderTile(tile, d.currency))}
        </ul>
      </section>
      <div part="charts" class="charts">
        ${this.#renderFunnel(d)} ${this.#renderPipeline(d)} ${this.#renderRevenue(d)}
        ${this.#renderSla(d)} ${this.#renderSatisfaction(d)} ${this.#renderGroups(d)}
      </div>
      ${this.#renderChurn(d.churnRisks)}
    `;
  }

  #renderTile(tile: KpiTile, currency: string): TemplateResult {
    const i18n = this.i18n;
    const value =
      tile.value === null
        ? notAvailable(i18n.t(`kpi.na.${tile.kpi}` as KpiDashboardMessageKey))
        : this.#format(tile.unit, tile.value, currency);
    let detail = '';
    if (tile.kpi === 'wonRevenue' || tile.kpi === 'pipelineValue') {
      if (tile.count !== undefined) detail = i18n.t('kpi.detail.deals', { count: tile.count });
    } else if (tile.kpi === 'quotaAttainment') {
      if (tile.denominator)
        detail = i18n.t('kpi.detail.target', { target: i18n.money(tile.denominator, currency) });
    } else if (tile.kpi === 'csat' || tile.kpi === 'nps') {
      detail = i18n.t('kpi.detail.responses', { count: tile.denominator ?? 0 });
    } else if (tile.denominator !== undefined) {
      detail = i18n.t('kpi.detail.ratio', {
        numerator: i18n.number(tile.numerator ?? 0),
        denominator: i18n.number(tile.denominator),
      });
    }
    return html`<li part="tile" class="tile" data-kpi=${tile.kpi}>
      <span class="tile-label">${i18n.t(`kpi.tile.${tile.kpi}`)}</span>
      <span class="tile-value">${value}</span>
      ${detail ? html`<span class="tile-detail">${detail}</span>` : nothing}
    </li>`;
  }

  #renderFunnel(d: KpiDashboard): TemplateResult {
    const i18n = this.i18n;
    if (!d.funnel || !d.pipeline) return html`<p class="status">${i18n.t('kpi.noPipeline')}</p>`;
    const stages = d.funnel.series.map((s) => ({ label: s.label ?? s.key, point: s.points[0]! }));
    const ratio = (p: KpiPoint) =>
      p.value === null ? null : this.#format('ratio', p.value, d.currency);
    const bars: ChartBar[] = stages.map(({ label, point }) => ({
      label,
      value: point.denominator ?? 0,
      text: [i18n.number(point.denominator ?? 0), ratio(point)].filter(Boolean).join(' · '),
    }));
    const title = i18n.t('kpi.funnel');
    return html`<div part="funnel" class="chart-cell">
      ${chartFigure(i18n, {
        ...this.#table('funnel'),
        title,
        graphic: horizontalBars(
          'funnel-svg',
          title,
          i18n.t('kpi.funnelDesc', { pipeline: d.pipeline.name }),
          bars,
        ),
        headers: [
          i18n.t('kpi.col.stage'),
          i18n.t('kpi.col.entered'),
          i18n.t('kpi.col.advanced'),
          i18n.t('kpi.col.conversion'),
        ],
        rows: stages.map(({ label, point }) => [
          label,
          i18n.number(point.denominator ?? 0),
          i18n.number(point.numerator ?? 0),
          ratio(point) ?? notAvailable(i18n.t('kpi.na.period')),
        ]),
        rowPart: 'stage',
      })}
    </div>`;
  }

  #renderPipeline(d: KpiDashboard): TemplateResult | typeof nothing {
    const i18n = this.i18n;
    const board = d.pipeline;
    if (!board) return nothing;
    const currency = board.currency;
    const title = i18n.t('kpi.pipeline');
    return chartFigure(i18n, {
      ...this.#table('pipeline'),
      title,
      graphic: horizontalBars(
        'pipeline-svg',
        title,
        i18n.t('kpi.pipelineDesc', { pipeline: board.name }),
        board.columns.map((c) => ({
          label: c.name,
          value: c.amount,
          text: `${this.#format('money', c.amount, currency, true)} · ${i18n.number(c.count)}`,
        })),
        2,
      ),
      headers: [
        i18n.t('kpi.col.stage'),
        i18n.t('kpi.col.deals'),
        i18n.t('kpi.col.amount'),
        i18n.t('kpi.col.weighted'),
      ],
      rows: board.columns.map((c) => [
        c.name,
        i18n.number(c.count),
        i18n.money(c.amount, currency),
        i18n.money(c.weighted, currency),
      ]),
      rowPart: 'stage',
    });
  }

  /** Table rows of won revenue against target, per period (`revenue`) or per group (`groups`). */
  #revenueRows(
    points: readonly (readonly [KpiSeries, KpiPoint])[],
    label: (series: KpiSeries, point: KpiPoint) => string,
    currency: string,
  ) {
    const i18n = this.i18n;
    const na = () => notAvailable(i18n.t('kpi.na.quotaAttainment'));
    return points.map(([series, p]) => [
      label(series, p),
      i18n.money(p.numerator ?? 0, currency),
      p.denominator ? i18n.money(p.denominator, currency) : na(),
      p.value === null ? na() : this.#format('ratio', p.value, currency),
    ]);
  }

  #renderRevenue(d: KpiDashboard): TemplateResult {
    const i18n = this.i18n;
    const trend = i18n.t(`kpi.trend.${d.trend}`);
    const points = d.revenue.total.points;
    const title = i18n.t('kpi.revenue');
    return chartFigure(i18n, {
      ...this.#table('revenue'),
      title,
      graphic: columns(
        'revenue-svg',
        title,
        i18n.t('kpi.revenueDesc', { trend }),
        points.map((p) => ({
          label: this.#periodLabel(p, d.trend),
          value: p.numerator ?? 0,
          target: p.denominator ? p.denominator : null,
          text: this.#format('money', p.numerator ?? 0, d.currency, true),
        })),
      ),
      legend: legend([
        { name: i18n.t('kpi.col.won'), kind: 'bar' },
        { name: i18n.t('chart.legendTarget'), kind: 'target' },
      ]),
      headers: [
        i18n.t('kpi.col.period'),
        i18n.t('kpi.col.won'),
        i18n.t('kpi.col.target'),
        i18n.t('kpi.col.attainment'),
      ],
      rows: this.#revenueRows(
        points.map((p) => [d.revenue.total, p] as const),
        (_, p) => this.#periodLabel(p, d.trend),
        d.currency,
      ),
    });
  }

  #renderSla(d: KpiDashboard): TemplateResult {
    const i18n = this.i18n;
    const points = d.sla.total.points;
    const title = i18n.t('kpi.sla');
    const text = (p: KpiPoint) =>
      p.value === null ? '—' : this.#format('ratio', p.value, d.currency);
    return chartFigure(i18n, {
      ...this.#table('sla'),
      title,
      graphic: columns(
        'sla-svg',
        title,
        i18n.t('kpi.slaDesc', { trend: i18n.t(`kpi.trend.${d.trend}`) }),
        points.map((p) => ({
          label: this.#periodLabel(p, d.trend),
          value: p.value,
          text: text(p),
        })),
        { max: 1, series: 1 },
      ),
      headers: [i18n.t('kpi.col.period'), i18n.t('kpi.col.compliance'), i18n.t('kpi.col.metOf')],
      rows: points.map((p) => [
        this.#periodLabel(p, d.trend),
        p.value === null ? notAvailable(i18n.t('kpi.na.slaCompliance')) : text(p),
        i18n.t('kpi.detail.ratio', {
          numerator: i18n.number(p.numerator ?? 0),
          denominator: i18n.number(p.denominator ?? 0),
        }),
      ]),
    });
  }

  #renderSatisfaction(d: KpiDashboard): TemplateResult {
    const i18n = this.i18n;
    const csat = d.csat.total.points;
    const nps = d.nps.total.points;
    const labels = csat.map((p) => this.#periodLabel(p, d.trend));
    const title = i18n.t('kpi.satisfaction');
    const cell = (p: KpiPoint | undefined, unit: KpiUnit, na: KpiDashboardMessageKey) =>
      !p || p.value === null ? notAvailable(i18n.t(na)) : this.#format(unit, p.value, d.currency);
    return chartFigure(i18n, {
      ...this.#table('satisfaction'),
      title,
      graphic: lines(
        'satisfaction-svg',
        title,
        i18n.t('kpi.satisfactionDesc', { trend: i18n.t(`kpi.trend.${d.trend}`) }),
        labels,
        [
          { name: 'CSAT', values: csat.map((p) => p.value), marker: 'circle' },
          { name: 'NPS', values: nps.map((p) => p.value), marker: 'square', dashed: true },
        ],
        { min: -100, max: 100 },
      ),
      legend: legend([
        { name: i18n.t('kpi.tile.csat'), kind: 'circle', series: 0 },
        { name: i18n.t('kpi.tile.nps'), kind: 'dashed-square', series: 1 },
      ]),
      headers: [
        i18n.t('kpi.col.period'),
        i18n.t('kpi.tile.csat'),
        i18n.t('kpi.col.responses'),
        i18n.t('kpi.tile.nps'),
        i18n.t('kpi.col.responses'),
      ],
      rows: csat.map((p, i) => [
        labels[i]!,
        cell(p, 'percent', 'kpi.na.csat'),
        i18n.number(p.denominator ?? 0),
        cell(nps[i], 'score', 'kpi.na.nps'),
        i18n.number(nps[i]?.denominator ?? 0),
      ]),
    });
  }

  #renderGroups(d: KpiDashboard): TemplateResult | typeof nothing {
    const i18n = this.i18n;
    const report = d.groups;
    const groupBy = d.groupBy;
    if (!report || !groupBy) return nothing;
    const group = i18n.t(`kpi.group.${groupBy}`);
    const title = i18n.t('kpi.groups', { group });
    const rows = report.series.map((s) => [s, s.points[0]!] as const);
    return chartFigure(i18n, {
      ...this.#table('groups'),
      title,
      graphic: horizontalBars(
        'groups-svg',
        title,
        i18n.t('kpi.groupsDesc', { group }),
        rows.map(([s, p]) => ({
          label: this.#groupName(s.key, groupBy),
          value: p.numerator ?? 0,
          target: p.denominator ? p.denominator : null,
          text: [
            this.#format('money', p.numerator ?? 0, d.currency, true),
            p.value === null ? '' : this.#format('ratio', p.value, d.currency),
          ]
            .filter(Boolean)
            .join(' · '),
        })),
      ),
      legend: legend([
        { name: i18n.t('kpi.col.won'), kind: 'bar' },
        { name: i18n.t('chart.legendTarget'), kind: 'target' },
      ]),
      headers: [
        group,
        i18n.t('kpi.col.won'),
        i18n.t('kpi.col.target'),
        i18n.t('kpi.col.attainment'),
      ],
      rows: this.#revenueRows(rows, (s) => this.#groupName(s.key, groupBy), d.currency),
    });
  }

  #renderChurn(risks: readonly ChurnRiskRow[]): TemplateResult {
    const i18n = this.i18n;
    const en = i18n.locale === 'en';
    return html`<section part="churn" class="churn" aria-labelledby="churn-title">
      <h3 id="churn-title">${i18n.t('kpi.churn')}</h3>
      ${
        risks.length === 0
          ? html`<p class="muted">${i18n.t('kpi.churnEmpty')}</p>`
          : html`<table part="table">
              <thead>
                <tr>
                  <th scope="col">${i18n.t('kpi.col.customer')}</th>
                  <th scope="col">${i18n.t('kpi.col.score')}</th>
                  <th scope="col">${i18n.t('kpi.col.reasons')}</th>
                </tr>
              </thead>
              <tbody>
                ${risks.map(
                  (risk) =>
                    html`<tr>
                      <th scope="row">
                        <button
                          class="link"
                          part="customer"
                          type="button"
                          @click=${() =>
                            this.emit<ChurnRiskOpenDetail>('crm-customer-open', {
                              customerId: risk.customerId,
                            })}
                        >
                          ${risk.name ?? risk.customerId}
                        </button>
                      </th>
                      <td>${i18n.number(risk.score)}</td>
                      <td class="reasons">
                        <ul>
                          ${risk.reasons.map(
                            (r) =>
                              html`<li>
                                ${i18n.t('kpi.churnPoints', {
                                  signal: i18n.t(`kpi.signal.${r.signal}`),
                                  points: i18n.number(r.penalty),
                                })}${en && r.detail ? html`<span class="muted"> — ${r.detail}</span>` : nothing}
                              </li>`,
                          )}
                        </ul>
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
    </section>`;
  }
}

/** Nothing to measure: no pipeline, no figure, no churn risk. */
function isEmpty(d: KpiDashboard): boolean {
  return (
    !d.pipeline &&
    d.churnRisks.length === 0 &&
    d.tiles.every((t) => t.value === null || (t.kpi === 'wonRevenue' && t.value === 0))
  );
}
