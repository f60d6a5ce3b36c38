import { css } from 'lit';

export const leadFormStyles = css`
  :host {
    max-width: var(--crm-lead-form-max-width, 32rem);
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
  [part~='field'] {
    display: grid;
    gap: 2px;
  }
  [part~='field'] > label,
  legend {
    font-weight: 500;
  }
  /* The multiselect field: laid out by [part~='field'] above. */
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 4px calc(var(--_crm-space) * 1.5);
  }
  .required-mark {
    color: var(--_crm-danger);
  }
  input:not([type='checkbox']),
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
    min-height: 5em;
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
  [part='success'] {
    display: grid;
    gap: var(--_crm-space);
    justify-items: start;
  }
  [part='duplicate'] {
    margin: 0;
    padding: var(--_crm-space);
    border-radius: var(--_crm-radius-small);
    color: var(--_crm-warning);
    border: 1px solid currentColor;
  }
  [part='submit'] {
    justify-self: start;
  }
`;
