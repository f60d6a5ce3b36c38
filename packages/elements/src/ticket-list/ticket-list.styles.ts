import { css } from 'lit';
import { slaStyles } from './sla-badge.js';

const listStyles = css`
  :host {
    --_height: var(--crm-ticket-list-height, 480px);
    --_row-height: var(--crm-ticket-list-row-height, 40px);
    --_selected: var(
      --crm-ticket-list-selected,
      color-mix(in srgb, var(--_crm-primary) 12%, transparent)
    );
  }
  .base {
    display: flex;
    flex-direction: column;
    gap: var(--_crm-space);
    background: var(--_crm-surface);
    color: var(--_crm-text);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_crm-space) calc(var(--_crm-space) * 2);
  }
  .group {
    display: inline-flex;
  }
  .toggle {
    min-height: 32px;
    padding: 4px 12px;
    border: 1px solid var(--_crm-border);
    background: var(--_crm-surface);
    color: var(--_crm-text);
    cursor: pointer;
  }
  .toggle + .toggle {
    border-inline-start: none;
  }
  .toggle:first-child {
    border-start-start-radius: var(--_crm-radius-small);
    border-end-start-radius: var(--_crm-radius-small);
  }
  .toggle:last-child {
    border-start-end-radius: var(--_crm-radius-small);
    border-end-end-radius: var(--_crm-radius-small);
  }
  .toggle[aria-pressed='true'] {
    background: var(--_crm-primary);
    border-color: var(--_crm-primary);
    color: var(--_crm-on-primary);
  }
  .toggle:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .filter {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    color: var(--_crm-text-muted);
  }
  .filter select {
    min-height: 32px;
    border: 1px solid var(--_crm-border);
    border-radius: var(--_crm-radius-small);
    background: var(--_crm-surface);
  }
  .scroll {
    height: var(--_height);
    overflow: auto;
    /* A row scrolled to with the keyboard stops below the sticky header row, not under it. */
    scroll-padding-top: var(--_row-height);
    scrollbar-gutter: stable;
    border: 1px solid var(--_crm-border);
    border-radius: var(--_crm-radius-small);
  }
  .grid {
    min-width: max-content;
  }
  .head {
    position: sticky;
    top: 0;
    z-index: 1;
    background: var(--_crm-surface-alt);
  }
  .row {
    display: flex;
    /* One height for every row: the virtual list places rows by index. */
    height: var(--_row-height);
    width: 100%;
    border-bottom: 1px solid var(--_crm-border);
  }
  .row.header {
    font-weight: 600;
  }
  .row.selected {
    background: var(--_selected);
  }
  .cell {
    display: flex;
    align-items: center;
    gap: 4px;
    flex: 0 0 8em;
    padding: 0 var(--_crm-space);
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .cell:focus-visible {
    outline-offset: -2px;
  }
  .col-number {
    flex-basis: 11em;
    font-variant-numeric: tabular-nums;
  }
  .col-subject {
    flex-basis: var(--crm-ticket-list-subject-width, 20em);
  }
  .col-sla {
    flex-basis: 16em;
  }
  .subject {
    padding: 0;
    border: none;
    background: none;
    color: var(--_crm-primary);
    text-align: start;
    overflow: hidden;
    text-overflow: ellipsis;
    cursor: pointer;
  }
  .pill {
    padding: 0 6px;
    border-radius: var(--_crm-radius-small);
    background: var(--_crm-surface-alt);
    border: 1px solid var(--_crm-border);
    font-size: 0.85em;
  }
  .priority-high,
  .priority-urgent {
    color: var(--_crm-danger);
    font-weight: 600;
  }
  .status {
    margin: 0;
    padding: 4px 0;
  }
  .status.error {
    display: flex;
    gap: var(--_crm-space);
    align-items: center;
  }
`;

export const ticketListStyles = [slaStyles, listStyles];
