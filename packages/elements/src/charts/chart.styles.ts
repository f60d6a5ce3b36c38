import { css } from 'lit';

/**
 * Styles of the SVG charts (svg-charts.ts), shared by the management elements. Series colours are
 * knobs over the tokens: `--crm-chart-1` … `--crm-chart-3` (default primary, success, warning),
 * `--crm-chart-target` (default the text colour). Marks also differ by shape, pattern and label.
 */
export const chartStyles = css`
  :host {
    --_crm-chart-1: var(--crm-chart-1, var(--_crm-primary));
    --_crm-chart-2: var(--crm-chart-2, var(--_crm-success));
    --_crm-chart-3: var(--crm-chart-3, var(--_crm-warning));
    --_crm-chart-target: var(--crm-chart-target, var(--_crm-text));
  }
  .chart {
    margin: 0;
    padding: calc(var(--_crm-space) * 1.5);
    background: var(--_crm-surface);
    border: 1px solid var(--_crm-border);
    border-radius: var(--_crm-radius);
    min-width: 0;
  }
  .chart-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_crm-space);
    margin-bottom: var(--_crm-space);
  }
  .chart-head h3 {
    margin: 0;
    font-size: 1em;
    font-weight: 600;
  }
  .toggle {
    min-height: 28px;
    padding: 2px 8px;
    font-size: 0.85em;
  }
  .chart-svg {
    display: block;
    width: 100%;
    height: auto;
    overflow: visible;
  }
  .chart-svg text {
    fill: var(--_crm-text);
    font-size: 12px;
  }
  .chart-svg .label,
  .chart-svg .tick {
    fill: var(--_crm-text-muted);
  }
  .bar.s0,
  .series.s0 .marker {
    fill: var(--_crm-chart-1);
  }
  .bar.s1,
  .series.s1 .marker {
    fill: var(--_crm-chart-2);
  }
  .bar.s2,
  .series.s2 .marker {
    fill: var(--_crm-chart-3);
  }
  .series.s0 .line {
    stroke: var(--_crm-chart-1);
  }
  .series.s1 .line {
    stroke: var(--_crm-chart-2);
  }
  .line {
    fill: none;
    stroke-width: 2;
  }
  .line.dashed {
    stroke-dasharray: 6 4;
  }
  .axis {
    stroke: var(--_crm-border);
  }
  .target {
    stroke: var(--_crm-chart-target);
    stroke-width: 2;
    stroke-dasharray: 4 3;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_crm-space) * 2);
    list-style: none;
    margin: var(--_crm-space) 0 0;
    padding: 0;
    color: var(--_crm-text-muted);
    font-size: 0.85em;
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: 4px;
  }
  .swatch {
    width: 24px;
    height: 12px;
  }
  .table-wrap {
    margin-top: var(--_crm-space);
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.9em;
  }
  caption {
    text-align: start;
    color: var(--_crm-text-muted);
    padding-bottom: 4px;
  }
  th,
  td {
    padding: 4px 8px;
    border-bottom: 1px solid var(--_crm-border);
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  th:first-child {
    text-align: start;
  }
  thead th {
    color: var(--_crm-text-muted);
    font-weight: 600;
  }
  .na {
    color: var(--_crm-text-muted);
  }
`;
