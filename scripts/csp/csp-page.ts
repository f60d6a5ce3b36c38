// The page scripts/csp-check.mjs opens under a strict Content-Security-Policy header.
//   ?tag=crm-contact-card  registers every element (`import '@rapport/elements'`), renders that
//                          one inside a <crm-provider> over seeded demo data (hostile names
//                          included) and waits until it shows content.
//   ?canary=style-map      renders a deliberately unsafe element (csp-canary.ts) that the
//                          policy must block: proof that the check can fail.
// The outcome is left on `window.__cspPage` for the script to read.
import { STANDARD_PIPELINE_ID } from '@rapport/core/demo';
import { DEMO_NOW, createDemoCrm } from '../../stories/support/demo-crm.js';

interface PageOutcome {
  readonly done: boolean;
  readonly rendered?: boolean;
  readonly text?: string;
  readonly states?: string[];
  readonly error?: string;
}

declare global {
  interface Window {
    __cspPage?: PageOutcome;
  }
}

/** Attributes each element needs to show demo records (ids from the deterministic generator). */
const ATTRIBUTES: Record<string, Record<string, string>> = {
  'crm-contact-card': { 'customer-id': 'cus_00001' },
  'crm-customer-table': {},
  'crm-pipeline-board': { 'pipeline-id': STANDARD_PIPELINE_ID },
  'crm-activity-timeline': { 'customer-id': 'cus_00001' },
  'crm-lead-form': {},
  'crm-campaign-report': { 'campaign-id': 'cmp_001' },
  'crm-kpi-dashboard': { period: 'quarter' },
  'crm-ticket-widget': {},
  'crm-kb-search': { query: 'SLA' },
  'crm-ticket-list': { 'status-filter': 'all' },
  // tkt_00001 carries the demo's hostile subject and description.
  'crm-ticket-detail': { 'ticket-id': 'tkt_00001' },
};

const STATES = ['loading', 'empty', 'error'] as const;

/** Everything a user could read in an element, through nested shadow roots. */
function deepText(node: Node): string {
  let text = '';
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) text += child.textContent ?? '';
    else if (child instanceof Element) {
      if (child instanceof HTMLInputElement || child instanceof HTMLTextAreaElement)
        text += ` ${child.placeholder} ${child.value} `;
      if (child.shadowRoot) text += deepText(child.shadowRoot);
      text += ` ${deepText(child)} `;
    }
  }
  return text;
}

function statesOf(el: Element): string[] {
  return STATES.filter((state) => {
    try {
      return el.matches(`:state(${state})`);
    } catch {
      return false;
    }
  });
}

async function until(predicate: () => boolean, timeout: number): Promise<boolean> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeout) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

async function renderElement(tag: string): Promise<PageOutcome> {
  await import('@rapport/elements');
  await customElements.whenDefined('crm-provider');
  if (!customElements.get(tag)) return { done: true, error: `<${tag}> is not registered` };

  const crm = await createDemoCrm({
    latency: 0,
    demo: { seed: 1, customers: 30, includeHostileNames: true },
  });
  const provider = document.createElement('crm-provider');
  provider.crm = crm;
  provider.setAttribute('locale', 'en');
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(ATTRIBUTES[tag] ?? {})) el.setAttribute(name, value);
  if (tag === 'crm-survey') {
    // The demo data has answered surveys only: ask a fresh one, so the rating scale renders.
    const request = await crm.surveyRequests.create({ kind: 'nps', requestedAt: DEMO_NOW });
    el.setAttribute('request-id', request.id);
  }
  provider.append(el);
  document.getElementById('stage')!.append(provider);

  const text = () =>
    deepText(el.shadowRoot ?? el)
      .replace(/\s+/g, ' ')
      .trim();
  const rendered = await until(
    () => !!el.shadowRoot && text().length > 0 && !statesOf(el).includes('loading'),
    15_000,
  );
  return { done: true, rendered, text: text().slice(0, 400), states: statesOf(el) };
}

async function renderCanary(name: string): Promise<PageOutcome> {
  const { renderCanary: render } = await import('./csp-canary.js');
  const el = render(name, document.getElementById('stage')!);
  const rendered = await until(() => !!el.shadowRoot && text(el).length > 0, 5_000);
  return { done: true, rendered, text: text(el) };
}

const text = (el: Element) =>
  deepText(el.shadowRoot ?? el)
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The IndexedDB adapter's search index in its module worker (a same-origin script, which
 * `script-src 'self'` allows when the policy has no `worker-src`): it must start, build and
 * answer. A worker the policy blocked would fail to load and the index would be built on the main
 * thread instead; `rendered` is true only if the worker did the work.
 */
async function runSearchWorker(): Promise<PageOutcome> {
  const { createIndexedDbAdapter } = await import('@rapport/core');
  const RealWorker = globalThis.Worker;
  const workers = { started: 0, failed: 0 };
  globalThis.Worker = class extends RealWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      workers.started++;
      this.addEventListener('error', () => workers.failed++);
    }
  };
  const name = `csp-search-${Date.now()}`;
  const adapter = createIndexedDbAdapter({ name, searchIndex: { minRecords: 0 } });
  try {
    await adapter.commit([
      { type: 'insert', collection: 'contacts', record: { id: 'c1', name: '张伟明' } },
      { type: 'insert', collection: 'contacts', record: { id: 'c2', name: 'Wang Fang' } },
    ]);
    let indexed = false;
    for (let i = 0; i < 300 && !indexed; i++) {
      await adapter.query('contacts', { search: '伟明' });
      indexed = (await adapter.explain!('contacts', { search: '伟明' })).search === 'index';
      if (!indexed) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const found = (await adapter.query('contacts', { search: '伟明' })).items.map((r) => r.id);
    const text = `workers started ${workers.started}, failed ${workers.failed}; indexed ${indexed}; 伟明 finds ${found.join(',')}`;
    const ok = workers.started === 1 && workers.failed === 0 && indexed && found.join() === 'c1';
    return { done: true, rendered: ok, text };
  } finally {
    globalThis.Worker = RealWorker;
    await adapter.close();
    indexedDB.deleteDatabase(name);
  }
}

const params = new URLSearchParams(location.search);
const tag = params.get('tag');
const canary = params.get('canary');
(tag
  ? renderElement(tag)
  : canary
    ? renderCanary(canary)
    : params.has('search-worker')
      ? runSearchWorker()
      : Promise.reject(new Error('no ?tag'))
)
  .then((outcome) => (window.__cspPage = outcome))
  .catch((error: unknown) => {
    window.__cspPage = { done: true, error: String((error as Error)?.stack ?? error) };
  });
