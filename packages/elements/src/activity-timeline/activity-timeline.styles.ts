import { css } from 'lit';

export const activityTimelineStyles = css`
  [part='base'] {
    background: var(--_crm-surface);
    border: 1px solid var(--_crm-border);
    border-radius: var(--_crm-radius);
    padding: calc(var(--_crm-space) * 2);
  }
  [part='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_crm-space);
    margin-bottom: calc(var(--_crm-space) * 1.5);
  }
  [part='composer'] {
    display: grid;
    gap: var(--_crm-space);
    margin-bottom: calc(var(--_crm-space) * 1.5);
    padding: calc(var(--_crm-space) * 1.5);
    background: var(--_crm-surface-alt);
    border-radius: var(--_crm-radius-small);
  }
  [part='composer'] label {
    display: grid;
    gap: 2px;
  }
  [part='composer'] .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_crm-space);
    align-items: end;
  }
  input,
  textarea {
    padding: 4px 8px;
    border: 1px solid var(--_crm-border);
    border-radius: var(--_crm-radius-small);
    background: var(--_crm-surface);
    min-height: 32px;
  }
  textarea {
    min-height: 4.5em;
    resize: vertical;
  }
  [part='day'] {
    margin: 0 0 calc(var(--_crm-space) * 1.5);
  }
  [part='day-heading'] {
    margin: 0 0 4px;
    font-size: 0.9em;
    font-weight: 600;
    color: var(--_crm-text-muted);
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0 0 0 calc(var(--_crm-space) * 1.5);
    border-left: 2px solid var(--crm-activity-timeline-line-color, var(--_crm-border));
  }
  [part~='event'] {
    position: relative;
    display: grid;
    grid-template-columns: 5.5em 1fr;
    gap: 0 var(--_crm-space);
    padding: 4px 0;
  }
  [part~='event']::before {
    content: '';
    position: absolute;
    left: calc(var(--_crm-space) * -1.5 - 6px);
    top: 0.75em;
    width: 10px;
    height: 10px;
    border-radius: 50%;
    background: var(--crm-activity-timeline-dot-color, var(--_crm-primary));
  }
  .kind-deal_stage_changed::before,
  .kind-deal_created::before {
    background: var(--_crm-warning);
  }
  .kind-order_placed::before,
  .kind-payment::before {
    background: var(--_crm-success);
  }
  .kind-ticket_opened::before {
    background: var(--_crm-danger);
  }
  time {
    color: var(--_crm-text-muted);
    font-variant-numeric: tabular-nums;
  }
  .title {
    overflow-wrap: anywhere;
  }
  .meta {
    grid-column: 2;
    font-size: 0.85em;
    color: var(--_crm-text-muted);
  }
  [part='footer'] {
    display: flex;
    align-items: center;
    gap: var(--_crm-space);
  }
`;
