import { css } from 'lit';

export const campaignReportStyles = css`
  [part~='base'] {
    display: grid;
    gap: calc(var(--_crm-space) * 2);
  }
  [part~='header'] h2 {
    margin: 0;
    font-size: 1.2em;
  }
  [part~='header'] p {
    margin: 0;
  }
  [part~='metrics'] {
    display: grid;
    grid-template-columns: repeat(
      auto-fill,
      minmax(var(--crm-campaign-report-metric-min-width, 9rem), 1fr)
    );
    gap: var(--_crm-space);
    margin: 0;
  }
  .metric {
    padding: calc(var(--_crm-space) * 1.5);
    background: var(--_crm-surface);
    border: 1px solid var(--_crm-border);
    border-radius: var(--_crm-radius);
  }
  .metric dt {
    color: var(--_crm-text-muted);
    font-size: 0.85em;
  }
  .metric dd {
    margin: 0;
    font-size: 1.35em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .metric .sub {
    display: block;
    font-size: 0.6em;
    font-weight: 400;
    color: var(--_crm-text-muted);
  }
  :host(:state(loading)) [part~='base'] {
    opacity: 0.7;
  }
`;
