import { css } from 'lit';

/** Typography of a Markdown article rendered by `renderMarkdown` (inside `.article`). */
export const articleStyles = css`
  .article {
    overflow-wrap: anywhere;
  }
  .article :is(h1, h2, h3, h4, h5, h6) {
    margin: calc(var(--_crm-space) * 1.5) 0 4px;
    font-size: 1em;
  }
  .article p,
  .article ul,
  .article ol,
  .article blockquote,
  .article pre {
    margin: 0 0 var(--_crm-space);
  }
  .article li > p {
    margin: 0;
  }
  .article blockquote {
    padding-inline-start: var(--_crm-space);
    border-inline-start: 3px solid var(--_crm-border);
    color: var(--_crm-text-muted);
  }
  .article code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.92em;
    background: var(--_crm-surface-alt);
    border-radius: var(--_crm-radius-small);
    padding: 0 3px;
  }
  .article pre {
    overflow-x: auto;
    padding: var(--_crm-space);
    background: var(--_crm-surface-alt);
    border-radius: var(--_crm-radius-small);
  }
  .article pre code {
    padding: 0;
  }
  .article a {
    color: var(--_crm-primary);
  }
  .article .table-scroll {
    overflow-x: auto;
    margin: 0 0 var(--_crm-space);
  }
  .article table {
    border-collapse: collapse;
  }
  .article th,
  .article td {
    border: 1px solid var(--_crm-border);
    padding: 2px 8px;
    text-align: start;
  }
  .article .align-center {
    text-align: center;
  }
  .article .align-end {
    text-align: end;
  }
  .article hr {
    border: 0;
    border-top: 1px solid var(--_crm-border);
  }
`;
