import { css } from 'lit';
import { articleStyles } from '../base/markdown.styles.js';

export const kbSearchStyles = [
  articleStyles,
  css`
    :host {
      max-width: var(--crm-kb-search-max-width, 48rem);
    }
    [part='base'] {
      background: var(--_crm-surface);
      border: 1px solid var(--_crm-border);
      border-radius: var(--_crm-radius);
      padding: calc(var(--_crm-space) * 2);
    }
    [part='search'] {
      display: flex;
      gap: var(--_crm-space);
    }
    [part='input'] {
      flex: 1;
      min-width: 0;
      min-height: 34px;
      padding: 4px 8px;
      border: 1px solid var(--_crm-border);
      border-radius: var(--_crm-radius-small);
      background: var(--_crm-surface);
    }
    [part='count'] {
      margin: var(--_crm-space) 0 0;
      font-size: 0.9em;
      min-height: 1.5em;
    }
    [part='results'] {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    [part='result'] {
      border-top: 1px solid var(--_crm-border);
      padding: var(--_crm-space) 0;
    }
    [part='result'] h3 {
      margin: 0;
      font-size: 1em;
    }
    .disclosure {
      display: flex;
      gap: 6px;
      width: 100%;
      text-align: start;
      border: 0;
      background: none;
      padding: 2px 0;
      color: var(--_crm-primary);
      font-weight: 600;
      cursor: pointer;
    }
    .disclosure::before {
      content: '▸';
      color: var(--_crm-text-muted);
    }
    .disclosure[aria-expanded='true']::before {
      content: '▾';
    }
    .meta {
      margin: 0 0 0 1.1em;
      font-size: 0.85em;
    }
    .article {
      padding: var(--_crm-space) 0 0 1.1em;
    }
    .plain {
      white-space: pre-wrap;
    }
    .votes {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_crm-space);
      margin-top: var(--_crm-space);
      padding-top: var(--_crm-space);
      border-top: 1px dashed var(--_crm-border);
    }
    .votes p {
      margin: 0;
    }
  `,
];
