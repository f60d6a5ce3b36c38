import { css } from 'lit';

export const kpiDashboardStyles = css`
  .dashboard {
    display: grid;
    gap: calc(var(--_crm-space) * 2);
  }
  .picker {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: calc(var(--_crm-space) * 1.5);
  }
  .picker label {
    display: grid;
    gap: 2px;
    font-size: 0.9em;
  }
  .picker label > span {
    color: var(--_crm-text-muted);
  }
  .picker .error {
    flex-basis: 100%;
    margin: 0;
  }
  select,
  input {
    min-height: 32px;
    padding: 4px 8px;
    border: 1px solid var(--_crm-border);
    border-radius: var(--_crm-radius-small);
    background: var(--_crm-surface);
  }
  .stepper {
    display: flex;
    align-items: center;
    gap: var(--_crm-space);
  }
  .range {
    min-width: 12rem;
    text-align: center;
    font-variant-numeric: tabular-nums;
  }
  .tiles {
    display: grid;
    grid-template-columns: repeat(
      auto-fill,
      minmax(var(--crm-kpi-dashboard-tile-min-width, 10rem), 1fr)
    );
    gap: var(--_crm-space);
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .tile {
    display: grid;
    gap: 2px;
    padding: calc(var(--_crm-space) * 1.5);
    background: var(--_crm-surface);
    border: 1px solid var(--_crm-border);
    border-radius: var(--_crm-radius);
    box-shadow: var(--_crm-shadow);
  }
  .tile-label,
  .tile-detail {
    color: var(--_crm-text-muted);
    font-size: 0.85em;
  }
  .tile-value {
    font-size: 1.4em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .charts {
    display: grid;
    grid-template-columns: repeat(
      auto-fit,
      minmax(min(100%, var(--crm-kpi-dashboard-chart-min-width, 20rem)), 1fr)
    );
    gap: calc(var(--_crm-space) * 1.5);
  }
  .chart-cell {
    display: grid;
  }
  .churn {
    padding: calc(var(--_crm-space) * 1.5);
    background: var(--_crm-surface);
    border: 1px solid var(--_crm-border);
    border-radius: var(--_crm-radius);
  }
  .churn h3 {
    margin: 0 0 var(--_crm-space);
    font-size: 1em;
  }
  .churn td,
  .churn th {
    vertical-align: top;
  }
  .reasons {
    text-align: start;
  }
  .reasons ul {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  .link {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_crm-primary);
    text-decoration: underline;
    cursor: pointer;
    text-align: start;
  }
  :host(:state(loading)) .charts {
    opacity: 0.7;
  }
`;
