import { css } from 'lit';
import { articleStyles } from '../base/markdown.styles.js';

export const ticketWidgetStyles = [
  articleStyles,
  css`
    :host {
      max-width: var(--crm-ticket-widget-max-width, 36rem);
    }
    [part='base'] {
      background: var(--_crm-surface);
      border: 1px solid var(--_crm-border);
      border-radius: var(--_crm-radius);
      padding: calc(var(--_crm-space) * 2);
    }
    [part='heading'] {
      margin: 0 0 calc(var(--_crm-space) * 1.5);
      font-size: 1.15em;
    }
    form {
      display: grid;
      gap: calc(var(--_crm-space) * 1.5);
    }
    .pair {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
      gap: calc(var(--_crm-space) * 1.5);
    }
    [part~='field'] {
      display: grid;
      gap: 2px;
      align-content: start;
    }
    [part~='field'] > label {
      font-weight: 500;
    }
    .hint {
      margin: 0 0 calc(var(--_crm-space) * -1);
      font-size: 0.9em;
    }
    .required-mark {
      color: var(--_crm-danger);
    }
    input,
    select,
    textarea {
      min-height: 34px;
      padding: 4px 8px;
      border: 1px solid var(--_crm-border);
      border-radius: var(--_crm-radius-small);
      background: var(--_crm-surface);
      width: 100%;
    }
    textarea {
      min-height: 6em;
      resize: vertical;
    }
    [aria-invalid='true'] {
      border-color: var(--_crm-danger);
    }
    [part='field-error'] {
      margin: 0;
      color: var(--_crm-danger);
      font-size: 0.9em;
    }
    [part='summary'] {
      margin: 0;
      padding: var(--_crm-space);
      border-radius: var(--_crm-radius-small);
      color: var(--_crm-danger);
      border: 1px solid currentColor;
    }
    [part='identity'] {
      margin: 0;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_crm-space);
    }
    .button.link {
      border-color: transparent;
      background: none;
      color: var(--_crm-primary);
      text-decoration: underline;
    }
    [part='suggestions'] {
      border: 1px solid var(--_crm-border);
      border-radius: var(--_crm-radius-small);
      background: var(--_crm-surface-alt);
      padding: var(--_crm-space);
    }
    [part='suggestions'] h3 {
      margin: 0 0 4px;
      font-size: 0.95em;
    }
    [part='suggestions'] ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 4px;
    }
    .disclosure {
      display: flex;
      gap: 6px;
      width: 100%;
      text-align: start;
      border: 0;
      background: none;
      padding: 4px 0;
      color: var(--_crm-primary);
      cursor: pointer;
    }
    .disclosure::before {
      content: '▸';
      color: var(--_crm-text-muted);
    }
    .disclosure[aria-expanded='true']::before {
      content: '▾';
    }
    .article {
      padding: 0 0 var(--_crm-space) 1.1em;
    }
    [part='success'] {
      display: grid;
      gap: var(--_crm-space);
    }
    [part='success'] p {
      margin: 0;
    }
    .number {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 1.1em;
      letter-spacing: 0.03em;
    }
    [part='ticket-status'] {
      margin-top: calc(var(--_crm-space) * 2);
      border-top: 1px solid var(--_crm-border);
      padding-top: var(--_crm-space);
    }
    [part='ticket-status'] h3 {
      margin: 0 0 var(--_crm-space);
      font-size: 1.05em;
    }
    [part='ticket-status'] h4 {
      margin: calc(var(--_crm-space) * 1.5) 0 4px;
      font-size: 1em;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px calc(var(--_crm-space) * 2);
      margin: 0;
    }
    dt {
      color: var(--_crm-text-muted);
    }
    dd {
      margin: 0;
    }
    .badge {
      display: inline-block;
      padding: 0 8px;
      border-radius: 999px;
      border: 1px solid currentColor;
      font-size: 0.9em;
    }
    .badge[data-status='resolved'],
    .badge[data-status='closed'] {
      color: var(--_crm-success);
    }
    .badge[data-status='pending'] {
      color: var(--_crm-warning);
    }
    .replies {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--_crm-space);
    }
    [part='reply'] {
      border-inline-start: 3px solid var(--_crm-border);
      padding-inline-start: var(--_crm-space);
    }
    [part='reply'].from-team {
      border-color: var(--_crm-primary);
    }
    [part='reply'] p {
      margin: 0;
    }
    [part='reply'] .body {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
  `,
];
