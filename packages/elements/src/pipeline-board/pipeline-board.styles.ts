import { css } from 'lit';

export const boardStyles = css`
  :host {
    --_column-width: var(--crm-board-column-width, 272px);
    --_column-height: var(--crm-board-column-height, 560px);
    --_drop-target: var(
      --crm-board-drop-target,
      color-mix(in srgb, var(--_crm-primary) 10%, transparent)
    );
  }
  .base {
    display: flex;
    flex-direction: column;
    gap: var(--_crm-space);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_crm-space) * 2);
  }
  .switcher {
    display: inline-flex;
    align-items: center;
    gap: var(--_crm-space);
  }
  .switcher select {
    min-height: 32px;
    border: 1px solid var(--_crm-border);
    border-radius: var(--_crm-radius-small);
    background: var(--_crm-surface);
  }
  .move-error {
    display: flex;
    align-items: center;
    gap: var(--_crm-space);
    padding: var(--_crm-space);
    border: 1px solid var(--_crm-danger);
    border-radius: var(--_crm-radius-small);
    color: var(--_crm-danger);
    background: var(--_crm-surface);
  }
  .columns {
    display: flex;
    gap: var(--_crm-space);
    overflow-x: auto;
    padding-bottom: 4px;
  }
  .column {
    flex: 0 0 var(--_column-width);
    display: flex;
    flex-direction: column;
    gap: 4px;
    padding: var(--_crm-space);
    border: 1px solid var(--_crm-border);
    border-radius: var(--_crm-radius);
    background: var(--_crm-surface-alt);
    transition: background-color var(--_crm-duration);
  }
  .column.drop-target {
    background: var(--_drop-target);
    outline: 2px dashed var(--_crm-primary);
    outline-offset: -2px;
  }
  .header h3 {
    margin: 0;
    font-size: 1em;
  }
  .figures {
    display: flex;
    flex-wrap: wrap;
    gap: 2px 8px;
    margin: 0;
    color: var(--_crm-text-muted);
    font-size: 0.875em;
  }
  .column.kind-won .header h3 {
    color: var(--_crm-success);
  }
  .column.kind-lost .header h3 {
    color: var(--_crm-danger);
  }
  .cards {
    height: var(--_column-height);
    overflow-y: auto;
    scrollbar-gutter: stable;
  }
  .column-empty {
    margin: 0;
    padding: calc(var(--_crm-space) * 2) 0;
    text-align: center;
  }
  /* Every card has one height (a column places its cards by index): one line each for name,
     amount and date (a missing date keeps its line), long text ends in an ellipsis. */
  .card {
    position: relative;
    width: 100%;
    padding-bottom: 6px;
  }
  .grab {
    display: grid;
    grid-template-rows: repeat(3, 1lh);
    gap: 2px;
    padding: var(--_crm-space);
    border: 1px solid var(--_crm-border);
    border-radius: var(--_crm-radius-small) var(--_crm-radius-small) 0 0;
    background: var(--_crm-surface);
    box-shadow: var(--_crm-shadow);
    cursor: grab;
  }
  .grab > span,
  .move {
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .card.carried .grab {
    outline: 2px solid var(--_crm-primary);
    transform: rotate(-1deg);
  }
  .card.pending .grab {
    border-style: dashed;
    cursor: progress;
  }
  .name {
    font-weight: 600;
  }
  .move {
    display: block;
    width: 100%;
    padding: 2px var(--_crm-space);
    border: 1px solid var(--_crm-border);
    border-top: none;
    border-radius: 0 0 var(--_crm-radius-small) var(--_crm-radius-small);
    background: var(--_crm-surface);
    color: var(--_crm-primary);
    text-align: start;
    cursor: pointer;
  }
  /* Over the cards below, so the card keeps its height. */
  .menu {
    position: absolute;
    z-index: 2;
    inset-inline: 0;
    top: calc(100% - 4px);
    display: grid;
    padding: 4px 0;
    border: 1px solid var(--_crm-border);
    border-radius: var(--_crm-radius-small);
    background: var(--_crm-surface);
    box-shadow: var(--_crm-shadow);
  }
  .menu [role='menuitem'] {
    padding: 4px var(--_crm-space);
    border: none;
    background: none;
    text-align: start;
    cursor: pointer;
  }
  .menu [role='menuitem']:hover,
  .menu [role='menuitem']:focus-visible {
    background: var(--_drop-target);
  }
  .menu [role='menuitem']:disabled {
    color: var(--_crm-text-muted);
    cursor: default;
  }
  .more {
    align-self: center;
  }
  dialog.lost {
    max-width: min(28em, 90vw);
    border: 1px solid var(--_crm-border);
    border-radius: var(--_crm-radius);
    background: var(--_crm-surface);
    color: var(--_crm-text);
  }
  dialog.lost h2 {
    margin-top: 0;
    font-size: 1.1em;
  }
  dialog.lost form {
    display: grid;
    gap: var(--_crm-space);
  }
  dialog.lost textarea {
    width: 100%;
    padding: 4px 8px;
    border: 1px solid var(--_crm-border);
    border-radius: var(--_crm-radius-small);
    background: var(--_crm-surface);
  }
  dialog.lost .actions {
    display: flex;
    justify-content: flex-end;
    gap: var(--_crm-space);
  }
  dialog.lost .error {
    margin: 0;
  }
`;
