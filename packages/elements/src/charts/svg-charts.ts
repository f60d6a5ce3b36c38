/*
 * Plain SVG charts for the management elements (<crm-kpi-dashboard>, <crm-campaign-report>):
 * no chart library (a few hundred bytes of templates beat the ~5 KB budget of any). Strict-CSP
 * safe: geometry goes through SVG attributes (x, y, width, height, d, points), colours through
 * classes styled from `--crm-*` tokens in chart.styles.ts — never an inline style. Every chart
 * is an `<svg role="img">` named by its `<title>` and `<desc>`, with its numbers written on it
 * (colour is never the only carrier) and the same numbers in a data table (`chartFigure`).
 *
 * The figures themselves come from @rapport/core; these functions only turn them into geometry.
 */
import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { LocalizeController } from '../i18n/localize-controller.js';
import type { ChartMessageKey } from './chart-messages.js';

/** One bar: its label, its value (the length), the text written beside it, an optional target. */
export interface ChartBar {
  readonly label: string;
  readonly value: number | null;
  readonly text: string;
  readonly target?: number | null;
}

/** One line of a line chart; `marker` and `dashed` tell the series apart without colour. */
export interface ChartLine {
  readonly name: string;
  readonly values: readonly (number | null)[];
  readonly marker: 'circle' | 'square';
  readonly dashed?: boolean;
}

const W = 640;
const finite = (n: number | null | undefined): n is number =>
  typeof n === 'number' && Number.isFinite(n);
const scaleMax = (bars: readonly ChartBar[]) =>
  Math.max(0, ...bars.flatMap((b) => [b.value, b.target ?? null].filter(finite)));

/** The accessible name parts of an SVG chart. */
function head(id: string, title: string, description: string): SVGTemplateResult {
  return svg`<title id=${`${id}-title`}>${title}</title><desc id=${`${id}-desc`}>${description}</desc>`;
}

/**
 * Horizontal bars, one row each: the label, the bar and its text; a target (if any) is a dashed
 * tick across the row. `series` (0–3) picks the bar colour class.
 */
export function horizontalBars(
  id: string,
  title: string,
  description: string,
  bars: readonly ChartBar[],
  series = 0,
): SVGTemplateResult {
  const labelW = 150;
  const textW = 150;
  const room = W - labelW - textW - 12;
  const rowH = 32;
  const height = Math.max(rowH, bars.length * rowH) + 8;
  const max = scaleMax(bars);
  const len = (v: number | null | undefined) =>
    finite(v) && max > 0 ? (Math.max(0, v) / max) * room : 0;
  return svg`<svg
    class="chart-svg"
    role="img"
    aria-labelledby=${`${id}-title ${id}-desc`}
    viewBox=${`0 0 ${W} ${height}`}
    part="chart-svg"
  >
    ${head(id, title, description)}
    ${bars.map((bar, i) => {
      const y = 4 + i * rowH;
      const w = len(bar.value);
      return svg`<g class="row">
        <text class="label" x=${labelW - 8} y=${y + rowH / 2} text-anchor="end" dominant-baseline="middle">${bar.label}</text>
        <rect class=${`bar s${series}`} x=${labelW} y=${y + 6} width=${w} height=${rowH - 12} rx="2"></rect>
        ${
          finite(bar.target)
            ? svg`<line class="target" x1=${labelW + len(bar.target)} x2=${labelW + len(bar.target)} y1=${y + 2} y2=${y + rowH - 2}></line>`
            : nothing
        }
        <text class="value" x=${labelW + Math.max(w, finite(bar.target) ? len(bar.target) : 0) + 6} y=${y + rowH / 2} dominant-baseline="middle">${bar.text}</text>
      </g>`;
    })}
  </svg>`;
}

/** Vertical columns per period, value text above each; targets as dashed lines across the slot. */
export function columns(
  id: string,
  title: string,
  description: string,
  bars: readonly ChartBar[],
  options: { readonly max?: number; readonly series?: number } = {},
): SVGTemplateResult {
  const H = 220;
  const top = 24;
  const bottom = 36;
  const plot = H - top - bottom;
  const slot = (W - 16) / Math.max(1, bars.length);
  const barW = Math.min(48, slot * 0.6);
  const max = options.max ?? scaleMax(bars);
  const h = (v: number | null | undefined) =>
    finite(v) && max > 0 ? (Math.max(0, v) / max) * plot : 0;
  const base = top + plot;
  return svg`<svg
    class="chart-svg"
    role="img"
    aria-labelledby=${`${id}-title ${id}-desc`}
    viewBox=${`0 0 ${W} ${H}`}
    part="chart-svg"
  >
    ${head(id, title, description)}
    <line class="axis" x1="8" x2=${W - 8} y1=${base} y2=${base}></line>
    ${bars.map((bar, i) => {
      const cx = 8 + slot * i + slot / 2;
      const bh = h(bar.value);
      const targetY = base - h(bar.target);
      return svg`<g class="column">
        <rect class=${`bar s${options.series ?? 0}`} x=${cx - barW / 2} y=${base - bh} width=${barW} height=${bh} rx="2"></rect>
        ${
          finite(bar.target)
            ? svg`<line class="target" x1=${cx - slot / 2 + 4} x2=${cx + slot / 2 - 4} y1=${targetY} y2=${targetY}></line>`
            : nothing
        }
        <text class="value" x=${cx} y=${Math.min(base - bh, finite(bar.target) ? targetY : base) - 6} text-anchor="middle">${bar.text}</text>
        <text class="label" x=${cx} y=${base + 18} text-anchor="middle">${bar.label}</text>
      </g>`;
    })}
  </svg>`;
}

/** Lines over periods on a fixed scale `[min, max]`, with a zero line; gaps where a value is null. */
export function lines(
  id: string,
  title: string,
  description: string,
  labels: readonly string[],
  series: readonly ChartLine[],
  range: { readonly min: number; readonly max: number },
): SVGTemplateResult {
  const H = 220;
  const top = 16;
  const bottom = 36;
  const plot = H - top - bottom;
  const slot = (W - 16) / Math.max(1, labels.length);
  const x = (i: number) => 8 + slot * i + slot / 2;
  const y = (v: number) => top + ((range.max - v) / (range.max - range.min)) * plot;
  const path = (values: readonly (number | null)[]) => {
    let d = '';
    let pen = false;
    values.forEach((v, i) => {
      if (!finite(v)) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)} ${y(v).toFixed(1)} `;
      pen = true;
    });
    return d.trim();
  };
  return svg`<svg
    class="chart-svg"
    role="img"
    aria-labelledby=${`${id}-title ${id}-desc`}
    viewBox=${`0 0 ${W} ${H}`}
    part="chart-svg"
  >
    ${head(id, title, description)}
    <line class="axis" x1="8" x2=${W - 8} y1=${y(0)} y2=${y(0)}></line>
    <text class="tick" x="8" y=${y(range.max) + 10}>${range.max}</text>
    <text class="tick" x="8" y=${y(range.min) - 4}>${range.min}</text>
    ${series.map((s, n) => {
      const d = path(s.values);
      return svg`<g class=${`series s${n}`}>
        ${d ? svg`<path class=${`line${s.dashed ? ' dashed' : ''}`} d=${d}></path>` : nothing}
        ${s.values.map((v, i) =>
          !finite(v)
            ? nothing
            : s.marker === 'circle'
              ? svg`<circle class="marker" cx=${x(i)} cy=${y(v)} r="4"></circle>`
              : svg`<rect class="marker" x=${x(i) - 4} y=${y(v) - 4} width="8" height="8"></rect>`,
        )}
      </g>`;
    })}
    ${labels.map(
      (label, i) =>
        svg`<text class="label" x=${x(i)} y=${top + plot + 22} text-anchor="middle">${label}</text>`,
    )}
  </svg>`;
}

/** A legend entry drawn with the same marker / pattern as its series. */
export function legend(
  items: readonly {
    readonly name: string;
    readonly kind: 'bar' | 'target' | 'circle' | 'square' | 'dashed-square';
    readonly series?: number;
  }[],
): TemplateResult {
  return html`<ul class="legend" part="legend">
    ${items.map(
      (item) =>
        html`<li>
          <svg class="swatch" viewBox="0 0 24 12" aria-hidden="true" focusable="false">
            ${
              item.kind === 'bar'
                ? svg`<rect class=${`bar s${item.series ?? 0}`} x="2" y="1" width="20" height="10" rx="2"></rect>`
                : item.kind === 'target'
                  ? svg`<line class="target" x1="1" x2="23" y1="6" y2="6"></line>`
                  : svg`<g class=${`series s${item.series ?? 0}`}>
                      <line class=${`line${item.kind === 'dashed-square' ? ' dashed' : ''}`} x1="1" x2="23" y1="6" y2="6"></line>
                      ${
                        item.kind === 'circle'
                          ? svg`<circle class="marker" cx="12" cy="6" r="4"></circle>`
                          : svg`<rect class="marker" x="8" y="2" width="8" height="8"></rect>`
                      }
                    </g>`
            }
          </svg>
          ${item.name}
        </li>`,
    )}
  </ul>`;
}

export interface ChartFigure {
  /** Unique within the shadow root; ids of the title, description and table derive from it. */
  readonly id: string;
  readonly title: string;
  /** The chart's `<svg>` (from the functions above). */
  readonly graphic: SVGTemplateResult;
  /** A legend under the chart, when it has more than one kind of mark. */
  readonly legend?: TemplateResult;
  /** Column headers of the data table; the first column heads the rows. */
  readonly headers: readonly string[];
  /** Table rows: the first cell is the row header. Texts, so they read like the chart. */
  readonly rows: readonly (readonly (string | TemplateResult)[])[];
  /** `part` of each body row (e.g. `stage`). */
  readonly rowPart?: string;
  /** The table is shown (otherwise it is visually hidden, still read by screen readers). */
  readonly tableShown: boolean;
  readonly onToggle: () => void;
}

/**
 * A chart as a `<figure part="chart">`: a heading, a "show as table" toggle, the SVG, and its
 * data table (`part="table"`), visually hidden until toggled so screen readers always have it.
 */
export function chartFigure(
  i18n: LocalizeController<ChartMessageKey>,
  chart: ChartFigure,
): TemplateResult {
  const tableId = `${chart.id}-table`;
  return html`<figure part="chart" class="chart" aria-labelledby=${`${chart.id}-heading`}>
    <figcaption class="chart-head">
      <h3 id=${`${chart.id}-heading`} part="chart-title">${chart.title}</h3>
      <button
        class="button toggle"
        part="table-toggle"
        type="button"
        aria-expanded=${chart.tableShown ? 'true' : 'false'}
        aria-controls=${tableId}
        @click=${chart.onToggle}
      >
        ${i18n.t(chart.tableShown ? 'chart.hideTable' : 'chart.showTable')}
      </button>
    </figcaption>
    ${chart.graphic} ${chart.legend ?? nothing}
    <div class=${chart.tableShown ? 'table-wrap' : 'table-wrap visually-hidden'} id=${tableId}>
      <table part="table">
        <caption>
          ${i18n.t('chart.tableCaption', { title: chart.title })}
        </caption>
        <thead>
          <tr>
            ${chart.headers.map((h) => html`<th scope="col">${h}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${chart.rows.map(
            ([first, ...rest]) =>
              html`<tr part=${chart.rowPart ?? 'row'}>
                <th scope="row">${first}</th>
                ${rest.map((cell) => html`<td>${cell}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </figure>`;
}

/**
 * A missing figure: "—" on screen, and in words for screen readers (and as a tooltip) why it
 * is missing. Never `NaN`, never an empty cell.
 */
export function notAvailable(why: string): TemplateResult {
  return html`<span class="na" title=${why}
    ><span aria-hidden="true">—</span><span class="visually-hidden">${why}</span></span
  >`;
}
