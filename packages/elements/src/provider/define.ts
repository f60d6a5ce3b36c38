import { attachContextRoot } from './provide-context.js';
import { CrmProvider } from './provider.js';

// Elements that upgrade before their provider (a late `import`, a provider added later) get
// their context once it appears: one context root per document replays their pending requests.
const ROOT = Symbol.for('rapport.contextRoot');
const holder = globalThis as { [ROOT]?: unknown };
if (typeof document !== 'undefined' && !holder[ROOT]) {
  holder[ROOT] = true;
  attachContextRoot(document.documentElement);
}

if (!customElements.get('crm-provider')) customElements.define('crm-provider', CrmProvider);

declare global {
  interface HTMLElementTagNameMap {
    'crm-provider': CrmProvider;
  }
}
