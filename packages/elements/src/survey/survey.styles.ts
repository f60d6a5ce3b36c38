import { css } from 'lit';

export const surveyStyles = css`
  :host {
    max-width: var(--crm-survey-max-width, 36rem);
  }
  [part='base'] {
    background: var(--_crm-surface);
    border: 1px solid var(--_crm-border);
    border-radius: var(--_crm-radius);
    padding: calc(var(--_crm-space) * 2);
  }
  [part='heading'] {
    margin: 0 0 var(--_crm-space);
    font-size: 1.15em;
  }
  form {
    display: grid;
    gap: calc(var(--_crm-space) * 1.5);
    justify-items: start;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
    max-width: 100%;
    width: fit-content;
  }
  [part='question'] {
    padding: 0;
    margin-bottom: var(--_crm-space);
    font-weight: 500;
  }
  .scale {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  [part~='option'] {
    position: relative;
    display: inline-grid;
    place-items: center;
    min-width: var(--crm-survey-option-size, 40px);
    height: var(--crm-survey-option-size, 40px);
    border: 1px solid var(--_crm-border);
    border-radius: var(--_crm-radius-small);
    background: var(--_crm-surface);
    cursor: pointer;
    font-variant-numeric: tabular-nums;
    transition: background-color var(--_crm-duration);
  }
  [part~='option']:hover {
    background: var(--_crm-surface-alt);
  }
  /* The native radio stays in the accessibility tree and takes focus; the label is what shows. */
  [part~='option'] input {
    position: absolute;
    inset: 0;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  [part~='option']:has(input:focus-visible) {
    outline: 2px solid var(--_crm-focus);
    outline-offset: 2px;
  }
  [part~='option-selected'] {
    background: var(--_crm-primary);
    border-color: var(--_crm-primary);
    color: var(--_crm-on-primary);
    font-weight: 600;
  }
  [part~='option-selected']:hover {
    background: var(--_crm-primary);
  }
  .ends {
    display: flex;
    justify-content: space-between;
    gap: var(--_crm-space);
    margin-top: 4px;
    color: var(--_crm-text-muted);
    font-size: 0.9em;
  }
  fieldset[aria-invalid='true'] .scale {
    outline: 1px solid var(--_crm-danger);
    outline-offset: 3px;
    border-radius: var(--_crm-radius-small);
  }
  [part='field-error'] {
    margin: 0;
    color: var(--_crm-danger);
  }
  .field {
    display: grid;
    gap: 2px;
    width: 100%;
  }
  textarea {
    width: 100%;
    min-height: 4em;
    padding: 4px 8px;
    border: 1px solid var(--_crm-border);
    border-radius: var(--_crm-radius-small);
    background: var(--_crm-surface);
    resize: vertical;
  }
  [part='thanks'] {
    margin: 0;
    color: var(--_crm-success);
  }
`;
