import { ContextRoot } from '@lit/context';
import { CrmProvider } from './provider.js';

// Elements that upgrade before their provider (a late `import`, a provider added later) get
// their context once it appears: one ContextRoot per document replays their pending requests.
const ROOT = Symbol.for('rapport.contextRoot');
const holder = globalThis as { [ROOT]?: ContextRoot };
if (typeof document !== 'undefined' && !holder[ROOT]) {
  holder[ROOT] = new ContextRoot();
  holder[ROOT].attach(document.documentElement);
}

if (!customElements.get('crm-provider')) customElements.define('crm-provider', CrmProvider);

declare global {
  interface HTMLElementTagNameMap {
    'crm-provider': CrmProvider;
  }
}
