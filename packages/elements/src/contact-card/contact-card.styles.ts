import { css } from 'lit';

export const contactCardStyles = css`
  :host {
    --crm-contact-card-avatar-size: var(--crm-avatar-size, 48px);
    max-width: var(--crm-contact-card-max-width, 28rem);
  }
  [part='base'] {
    background: var(--_crm-surface);
    border: 1px solid var(--_crm-border);
    border-radius: var(--_crm-radius);
    box-shadow: var(--_crm-shadow);
    padding: calc(var(--_crm-space) * 2);
  }
  [part='header'] {
    display: flex;
    align-items: center;
    gap: calc(var(--_crm-space) * 1.5);
  }
  [part='avatar'] {
    flex: none;
    display: grid;
    place-items: center;
    width: var(--crm-contact-card-avatar-size);
    height: var(--crm-contact-card-avatar-size);
    border-radius: 50%;
    background: var(--crm-contact-card-avatar-background, var(--_crm-primary));
    color: var(--crm-contact-card-avatar-color, var(--_crm-on-primary));
    font-size: calc(var(--crm-contact-card-avatar-size) * 0.4);
    font-weight: 600;
    overflow: hidden;
  }
  .who {
    flex: 1;
    min-width: 0;
  }
  [part='name'] {
    margin: 0;
    font-size: 1.15em;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  [part='subtitle'] {
    margin: 0;
    color: var(--_crm-text-muted);
    overflow-wrap: anywhere;
  }
  .badge {
    flex: none;
    display: inline-block;
    padding: 0 8px;
    border-radius: 999px;
    border: 1px solid currentColor;
    font-size: 0.85em;
    white-space: nowrap;
  }
  .health-good {
    color: var(--_crm-success);
  }
  .health-fair {
    color: var(--_crm-warning);
  }
  .health-poor {
    color: var(--_crm-danger);
  }
  [part='details'] {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 4px calc(var(--_crm-space) * 1.5);
    margin: calc(var(--_crm-space) * 1.5) 0 0;
  }
  dt {
    color: var(--_crm-text-muted);
  }
  dd {
    margin: 0;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .values {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  a {
    color: var(--_crm-primary);
  }
  .masked {
    font-family: ui-monospace, monospace;
    color: var(--_crm-text-muted);
  }
  [part='tags'] {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part='tag'] {
    padding: 0 6px;
    border-radius: var(--_crm-radius-small);
    background: var(--_crm-surface-alt);
    border: 1px solid var(--_crm-border);
    font-size: 0.85em;
  }
  [part='actions'] {
    margin-top: calc(var(--_crm-space) * 1.5);
    display: flex;
    flex-wrap: wrap;
    gap: var(--_crm-space);
    align-items: center;
  }
  [part='log-form'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_crm-space);
    align-items: end;
    width: 100%;
  }
  [part='log-form'] label {
    display: grid;
    gap: 2px;
    font-size: 0.9em;
  }
  [part='log-form'] label.grow {
    flex: 1;
    min-width: 10rem;
  }
  input,
  select {
    min-height: 32px;
    padding: 4px 8px;
    border: 1px solid var(--_crm-border);
    border-radius: var(--_crm-radius-small);
    background: var(--_crm-surface);
  }
  :host([variant='compact']) [part='base'] {
    padding: var(--_crm-space);
    box-shadow: none;
  }
  :host([variant='compact']) {
    --crm-contact-card-avatar-size: var(--crm-avatar-size, 36px);
  }
  :host([variant='compact']) [part='details'] {
    margin-top: var(--_crm-space);
  }
  :host(:state(loading)) [part='base'] {
    opacity: 0.7;
  }
`;
