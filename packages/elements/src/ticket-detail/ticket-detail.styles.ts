import { css } from 'lit';
import { slaStyles } from '../ticket-list/sla-badge.js';

const detailStyles = css`
  :host {
    --_internal: var(
      --crm-ticket-detail-internal,
      color-mix(in srgb, var(--_crm-warning) 10%, var(--_crm-surface))
    );
    --_public: var(--crm-ticket-detail-public, var(--_crm-surface));
    --_side: var(--crm-ticket-detail-side-width, 20rem);
  }
  .base {
    display: grid;
    gap: calc(var(--_crm-space) * 2);
    background: var(--_crm-surface);
    color: var(--_crm-text);
  }
  h2,
  h3 {
    margin: 0;
    overflow-wrap: anywhere;
  }
  h2 {
    font-size: 1.25em;
  }
  h3 {
    font-size: 1em;
    margin-bottom: var(--_crm-space);
  }
  .header {
    display: grid;
    gap: 4px;
  }
  .number,
  .chips {
    margin: 0;
  }
  .chips {
    display: flex;
    gap: 4px;
    flex-wrap: wrap;
  }
  .pill {
    padding: 0 8px;
    border-radius: var(--_crm-radius-small);
    border: 1px solid var(--_crm-border);
    background: var(--_crm-surface-alt);
    font-size: 0.85em;
  }
  .priority-high,
  .priority-urgent {
    color: var(--_crm-danger);
    border-color: currentColor;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr) var(--_side);
    gap: calc(var(--_crm-space) * 2);
    align-items: start;
  }
  @media (max-width: 720px) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .main,
  .side {
    display: grid;
    gap: calc(var(--_crm-space) * 2);
    min-width: 0;
  }
  .section {
    border: 1px solid var(--_crm-border);
    border-radius: var(--_crm-radius);
    padding: calc(var(--_crm-space) * 1.5);
    background: var(--_crm-surface);
  }
  .comments {
    display: grid;
    gap: var(--_crm-space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .comment {
    padding: var(--_crm-space);
    border: 1px solid var(--_crm-border);
    border-inline-start-width: 4px;
    border-radius: var(--_crm-radius-small);
    background: var(--_public);
  }
  .description {
    margin-bottom: var(--_crm-space);
    background: var(--_crm-surface-alt);
  }
  .comment.public {
    border-inline-start-color: var(--_crm-primary);
  }
  .comment.internal {
    border-inline-start-color: var(--_crm-warning);
    border-style: dashed;
    background: var(--_internal);
  }
  .meta {
    margin: 0 0 4px;
    font-size: 0.85em;
    color: var(--_crm-text-muted);
  }
  .kind {
    font-weight: 600;
    color: var(--_crm-text);
  }
  .text {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  blockquote.text {
    margin: 4px 0 0;
    padding-inline-start: var(--_crm-space);
    border-inline-start: 3px solid var(--_crm-border);
  }
  .composer {
    display: grid;
    gap: var(--_crm-space);
  }
  .composer.internal {
    background: var(--_internal);
  }
  .composer h3 {
    margin: 0;
  }
  .visibility {
    display: flex;
    gap: calc(var(--_crm-space) * 2);
    margin: 0;
    padding: 0;
    border: none;
  }
  .visibility legend {
    float: left;
    margin-inline-end: var(--_crm-space);
    color: var(--_crm-text-muted);
  }
  .field {
    display: grid;
    gap: 2px;
  }
  textarea,
  input,
  select {
    min-height: 32px;
    padding: 4px 8px;
    border: 1px solid var(--_crm-border);
    border-radius: var(--_crm-radius-small);
    background: var(--_crm-surface);
  }
  textarea {
    resize: vertical;
  }
  .hint {
    margin: 0;
    font-size: 0.85em;
  }
  .composer > .button {
    justify-self: start;
  }
  .buttons,
  .assign-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_crm-space);
    align-items: end;
    margin-top: var(--_crm-space);
  }
  .assign-row .field {
    flex: 1;
  }
  .pairs {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 4px var(--_crm-space);
    margin: 0;
  }
  dt {
    color: var(--_crm-text-muted);
  }
  dd {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    align-items: baseline;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .due {
    font-size: 0.85em;
  }
  .plain {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .action-error {
    margin: 0;
    padding: var(--_crm-space);
    border: 1px solid currentColor;
    border-radius: var(--_crm-radius-small);
  }
  p.error:empty {
    display: none;
  }
  crm-contact-card {
    max-width: none;
  }
`;

export const ticketDetailStyles = [slaStyles, detailStyles];
