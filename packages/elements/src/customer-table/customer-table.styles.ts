import { css } from 'lit';

export const tableStyles = css`
  :host {
    --_height: var(--crm-table-height, 480px);
    --_row-height: var(--crm-table-row-height, 40px);
    --_selected: var(
      --crm-table-selected,
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
    gap: var(--_crm-space);
  }
  .search {
    flex: 1 1 16em;
    min-height: 32px;
    padding: 4px 8px;
    border: 1px solid var(--_crm-border);
    border-radius: var(--_crm-radius-small);
    background: var(--_crm-surface);
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
  .chooser {
    position: relative;
  }
  .chooser summary {
    list-style: none;
  }
  .chooser fieldset {
    position: absolute;
    z-index: 2;
    right: 0;
    display: grid;
    gap: 4px;
    margin: 4px 0 0;
    padding: var(--_crm-space);
    min-width: 12em;
    border: 1px solid var(--_crm-border);
    border-radius: var(--_crm-radius-small);
    background: var(--_crm-surface);
    box-shadow: var(--_crm-shadow);
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .chip {
    display: inline-flex;
    gap: 6px;
    align-items: center;
    padding: 2px 10px;
    border: 1px solid var(--_crm-primary);
    border-radius: 999px;
    background: var(--_selected);
    cursor: pointer;
  }
  .link {
    border: none;
    background: none;
    color: var(--_crm-primary);
  }
  .scroll {
    height: var(--_height);
    overflow: auto;
    /* A row scrolled to with the keyboard stops below the sticky header row, not under it. */
    scroll-padding-top: var(--_row-height);
    /* A scrollbar appearing as rows load must not change the rows' width (a resize loop). */
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
    flex: 0 0 var(--crm-table-column-width, 9em);
    padding: 0 var(--_crm-space);
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .cell:focus-visible {
    outline-offset: -2px;
  }
  .cell.check {
    flex-basis: 3em;
    justify-content: center;
  }
  .col-name {
    flex-basis: var(--crm-table-name-width, 18em);
  }
  .col-region,
  .col-tags {
    flex-basis: 12em;
  }
  .sortable {
    cursor: pointer;
    user-select: none;
  }
  .arrow {
    font-size: 0.75em;
  }
  .name {
    padding: 0;
    border: none;
    background: none;
    color: var(--_crm-primary);
    text-align: start;
    overflow: hidden;
    text-overflow: ellipsis;
    cursor: pointer;
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
