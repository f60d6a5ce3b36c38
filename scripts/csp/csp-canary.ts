// Deliberately unsafe elements, each breaking the strict policy in one way the elements must
// never use. scripts/csp-check.mjs renders each and requires the browser to report a
// violation: proof that the check sees what it claims to. Never imported by the elements.
import { LitElement, html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';

const HOSTILE = '<img src="x" onerror="window.__pwned = 1">张伟';

class CanaryStyleMap extends LitElement {
  override render() {
    return html`<p style=${styleMap({ color: 'red' })}>styleMap</p>`;
  }
}

class CanaryStyleBinding extends LitElement {
  override render() {
    return html`<p style="color: ${'red'}">style binding</p>`;
  }
}

class CanaryUnsafeHtml extends LitElement {
  override render() {
    return html`<p>unsafeHTML ${unsafeHTML(HOSTILE)}</p>`;
  }
}

class CanaryEval extends LitElement {
  override render() {
    let result = 'blocked';
    try {
      result = String(new Function('return "evaluated"')());
    } catch {
      // EvalError under script-src without 'unsafe-eval': what the policy is for.
    }
    return html`<p>eval ${result}</p>`;
  }
}

const CANARIES: Record<string, typeof LitElement> = {
  'style-map': CanaryStyleMap,
  'style-binding': CanaryStyleBinding,
  'unsafe-html': CanaryUnsafeHtml,
  eval: CanaryEval,
};

/** Names of the canaries, for the check to iterate. */
export const CANARY_NAMES = Object.keys(CANARIES);

export function renderCanary(name: string, into: HTMLElement): HTMLElement {
  const element = CANARIES[name];
  if (!element) throw new Error(`unknown canary "${name}"`);
  const tag = `csp-canary-${name}`;
  if (!customElements.get(tag)) customElements.define(tag, element);
  return into.appendChild(document.createElement(tag));
}
