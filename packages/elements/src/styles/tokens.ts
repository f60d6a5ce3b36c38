import { css, unsafeCSS } from 'lit';

/**
 * The dark palette: token name (without `--crm-`) → value. One table feeds both ways of turning
 * dark on: an element's own `theme="dark"` (fallbacks below) and `<crm-provider theme="dark">`
 * (which assigns the tokens themselves, so everything inside inherits them in every browser).
 */
export const DARK_PALETTE = {
  'color-surface': '#161b22',
  'color-surface-alt': '#0d1117',
  'color-text': '#e6edf3',
  'color-text-muted': '#9198a1',
  'color-border': '#3d444d',
  'color-primary': '#4493f8',
  'color-on-primary': '#0d1117',
  'color-success': '#3fb950',
  'color-warning': '#d29922',
  'color-danger': '#f85149',
  'color-focus': '#4493f8',
  shadow: '0 1px 3px rgb(0 0 0 / 0.6)',
} as const;

// Static, trusted values from the table above (never user input).
const darkFallbacks = unsafeCSS(
  Object.entries(DARK_PALETTE)
    .map(([name, value]) => `--_crm-${name.replace(/^color-/, '')}: var(--crm-${name}, ${value});`)
    .join('\n'),
);

/** `--crm-*: <dark value>` declarations, for `<crm-provider theme="dark">` (elements drop it). */
export const darkTokenAssignments = /* @__PURE__ */ (() =>
  unsafeCSS(
    Object.entries(DARK_PALETTE)
      .map(([name, value]) => `--crm-${name}: ${value};`)
      .join('\n'),
  ))();

/**
 * Design tokens. Every visual value of every element derives from a `--crm-*` custom property, so a
 * host restyles Rapport by setting tokens on `crm-provider`, on an element, or on `:root` (custom
 * properties inherit through shadow roots). The defaults below are the light theme; the dark theme
 * switches on with `<crm-provider theme="dark">` (which also sets `data-crm-theme="dark"` on
 * itself), `theme="dark"` on an element, or — in browsers with `:host-context()` — a
 * `data-crm-theme="dark"` attribute on any ancestor. Each element's JSDoc lists the tokens it reads.
 *
 * The defaults are written as `var(--crm-x, default)` fallbacks on `:host`, never as assignments
 * to `--crm-x` itself, so a value the host sets on an ancestor is inherited and wins.
 */
export const tokens = css`
  :host {
    --_crm-font: var(
      --crm-font-family,
      system-ui,
      -apple-system,
      'PingFang SC',
      'Hiragino Sans GB',
      'Microsoft YaHei',
      'Noto Sans CJK SC',
      sans-serif
    );
    --_crm-font-size: var(--crm-font-size, 14px);
    --_crm-radius: var(--crm-radius, 8px);
    --_crm-radius-small: var(--crm-radius-small, 4px);
    --_crm-space: var(--crm-space, 8px);
    --_crm-surface: var(--crm-color-surface, #fff);
    --_crm-surface-alt: var(--crm-color-surface-alt, #f6f8fa);
    --_crm-text: var(--crm-color-text, #1f2328);
    --_crm-text-muted: var(--crm-color-text-muted, #59636e);
    --_crm-border: var(--crm-color-border, #d1d9e0);
    --_crm-primary: var(--crm-color-primary, #0b57d0);
    --_crm-on-primary: var(--crm-color-on-primary, #fff);
    --_crm-success: var(--crm-color-success, #1a7f37);
    --_crm-warning: var(--crm-color-warning, #9a6700);
    --_crm-danger: var(--crm-color-danger, #cf222e);
    --_crm-focus: var(--crm-color-focus, #0b57d0);
    --_crm-shadow: var(--crm-shadow, 0 1px 3px rgb(0 0 0 / 0.12));
    --_crm-duration: var(--crm-duration, 150ms);

    font-family: var(--_crm-font);
    font-size: var(--_crm-font-size);
    line-height: 1.5;
    color: var(--_crm-text);
  }

  :host([theme='dark']),
  :host-context([data-crm-theme='dark']) {
    ${darkFallbacks}
    color-scheme: dark;
  }
`;

/** Shared basics: box sizing, `hidden`, focus rings, visually-hidden text, reduced motion, buttons. */
export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [hidden] {
    display: none !important;
  }
  :focus-visible {
    outline: 2px solid var(--_crm-focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  .button {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_crm-space) / 2);
    min-height: 32px;
    padding: 4px 12px;
    border: 1px solid var(--_crm-border);
    border-radius: var(--_crm-radius-small);
    background: var(--_crm-surface);
    color: var(--_crm-text);
    cursor: pointer;
    transition: background-color var(--_crm-duration);
  }
  .button:hover {
    background: var(--_crm-surface-alt);
  }
  .button.primary {
    background: var(--_crm-primary);
    border-color: var(--_crm-primary);
    color: var(--_crm-on-primary);
  }
  .button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .muted {
    color: var(--_crm-text-muted);
  }
  .status {
    padding: calc(var(--_crm-space) * 2);
    color: var(--_crm-text-muted);
  }
  .error {
    color: var(--_crm-danger);
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }
`;
