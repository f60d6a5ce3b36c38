import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import type { Crm } from '@rapport/core';
import '../provider/define.js';
import type { CrmProvider } from '../provider/provider.js';
import { CrmContactCard } from '../contact-card/contact-card.js';
import { CrmElement } from '../base/crm-element.js';
import { LocalizeController } from './localize-controller.js';
import type { Messages } from './messages.js';
import { crmOver, until } from '../test/fixtures.js';
import { createMemoryAdapter } from '@rapport/core';

const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();

/** A catalogue whose other locales arrive when the test says so, counting each load. */
function deferredCatalogue() {
  const loads = { en: 0, 'zh-TW': 0 };
  const release = { en: () => {}, 'zh-TW': () => {} };
  const later = (locale: 'en' | 'zh-TW', strings: { 'demo.greeting': string }) => () => {
    loads[locale] += 1;
    return new Promise<typeof strings>((resolve) => {
      release[locale] = () => resolve(strings);
    });
  };
  const messages: Messages<'demo.greeting'> = {
    'zh-CN': { 'demo.greeting': '你好' },
    en: later('en', { 'demo.greeting': 'Hello' }),
    'zh-TW': later('zh-TW', { 'demo.greeting': '您好' }),
  };
  return { messages, loads, release };
}

/** An element over a catalogue that records the text of every render it commits. */
interface Greeter extends CrmElement {
  readonly i18n: LocalizeController<'demo.greeting'>;
  readonly rendered: string[];
}
function defineGreeter(tag: string, messages: Messages<'demo.greeting'>): void {
  class GreeterElement extends CrmElement implements Greeter {
    readonly i18n = new LocalizeController(this, messages);
    readonly rendered: string[] = [];
    protected override render() {
      return litHtml`<p>${this.i18n.t('demo.greeting')}</p>`;
    }
    protected override updated() {
      this.rendered.push(text(this));
    }
  }
  customElements.define(tag, GreeterElement);
}

describe('strings of other locales load on demand', () => {
  let crmEn: Crm;
  before(async () => {
    crmEn = await crmOver(createMemoryAdapter(), 'en');
  });

  it('an element in English shows English on its first updateComplete, never Chinese first', async () => {
    // Nothing in this page has asked for English strings before: they load now.
    const rendered: string[] = [];
    class ProbeCard extends CrmContactCard {
      protected override updated(): void {
        super.updated();
        rendered.push(text(this));
      }
    }
    customElements.define('probe-contact-card', ProbeCard);
    const el = await fixture<ProbeCard>(
      html`<probe-contact-card .crm=${crmEn}></probe-contact-card>`,
    );
    expect(text(el)).to.equal('Set customer-id or contact-id.');
    expect(rendered).to.deep.equal(['Set customer-id or contact-id.']);
    expect(el.shadowRoot!.querySelector('[lang]')!.getAttribute('lang')).to.equal('en');
  });

  it('holds the render until the strings are in, then renders once', async () => {
    const { messages, loads, release } = deferredCatalogue();
    defineGreeter('test-greeter-first', messages);
    const provider = await fixture<CrmProvider>(html`
      <crm-provider locale="en"><test-greeter-first></test-greeter-first></crm-provider>
    `);
    const el = provider.querySelector('test-greeter-first') as Greeter;
    let settled = false;
    void el.updateComplete.then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled, 'updateComplete waits for the strings').to.equal(false);
    expect(el.rendered).to.deep.equal([]);
    release.en();
    await el.updateComplete;
    expect(el.rendered).to.deep.equal(['Hello']);
    expect(loads.en).to.equal(1);
  });

  it('switching zh-CN → en → zh-TW re-renders in each, with no render in the old language', async () => {
    const { messages, loads, release } = deferredCatalogue();
    defineGreeter('test-greeter-switch', messages);
    const provider = await fixture<CrmProvider>(html`
      <crm-provider locale="zh-CN">
        <test-greeter-switch></test-greeter-switch><test-greeter-switch></test-greeter-switch>
      </crm-provider>
    `);
    const [a, b] = [...provider.querySelectorAll('test-greeter-switch')] as Greeter[];
    expect(text(a!)).to.equal('你好');

    provider.locale = 'en';
    await provider.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(a!.rendered).to.deep.equal(['你好']);
    release.en();
    await a!.updateComplete;
    await b!.updateComplete;
    expect([text(a!), text(b!)]).to.deep.equal(['Hello', 'Hello']);

    provider.locale = 'zh-Hant';
    await provider.updateComplete;
    release['zh-TW']();
    await a!.updateComplete;
    await b!.updateComplete;
    expect([text(a!), text(b!)]).to.deep.equal(['您好', '您好']);
    expect(a!.rendered).to.deep.equal(['你好', 'Hello', '您好']);
    // Two elements, one load per locale.
    expect(loads).to.deep.equal({ en: 1, 'zh-TW': 1 });

    // Back to a locale already in: no load, no wait.
    provider.locale = 'en';
    await provider.updateComplete;
    await a!.updateComplete;
    expect(text(a!)).to.equal('Hello');
    expect(loads.en).to.equal(1);
  });

  it('follows <html lang> once its strings are in', async () => {
    const { messages, release } = deferredCatalogue();
    defineGreeter('test-greeter-lang', messages);
    const lang = document.documentElement.lang;
    document.documentElement.lang = 'zh-CN';
    try {
      const el = await fixture<Greeter>(html`<test-greeter-lang></test-greeter-lang>`);
      expect(text(el)).to.equal('你好');
      document.documentElement.lang = 'en-GB';
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(text(el)).to.equal('你好');
      release.en();
      await until(() => text(el) === 'Hello');
      expect(el.rendered).to.deep.equal(['你好', 'Hello']);
    } finally {
      document.documentElement.lang = lang;
    }
  });

  it('a locale that fails to load shows the zh-CN strings and is reported once', async () => {
    let loads = 0;
    const messages: Messages<'demo.greeting'> = {
      'zh-CN': { 'demo.greeting': '你好' },
      en: () => Promise.resolve({ 'demo.greeting': 'Hello' }),
      'zh-TW': () => {
        loads += 1;
        return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
      },
    };
    defineGreeter('test-greeter-offline', messages);
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const provider = await fixture<CrmProvider>(html`
        <crm-provider locale="zh-TW">
          <test-greeter-offline></test-greeter-offline><test-greeter-offline></test-greeter-offline>
        </crm-provider>
      `);
      const els = [...provider.querySelectorAll('test-greeter-offline')];
      await Promise.all(els.map((el) => (el as LitElement).updateComplete));
      expect(els.map(text)).to.deep.equal(['你好', '你好']);
      expect(loads).to.equal(1);
      expect(warnings).to.have.length(1);
      expect(String(warnings[0]![0])).to.contain('zh-TW');
      // Another locale still works afterwards.
      provider.locale = 'en';
      await provider.updateComplete;
      await (els[0] as LitElement).updateComplete;
      expect(text(els[0]!)).to.equal('Hello');
    } finally {
      console.warn = warn;
    }
  });

  it('a host that is not a CrmElement re-renders when the strings arrive', async () => {
    const { messages, release } = deferredCatalogue();
    class PlainHost extends LitElement {
      readonly i18n = new LocalizeController(this, messages);
      protected override render() {
        return litHtml`<p>${this.i18n.t('demo.greeting')}</p>`;
      }
    }
    customElements.define('test-plain-greeter', PlainHost);
    const provider = await fixture<CrmProvider>(html`
      <crm-provider locale="en"><test-plain-greeter></test-plain-greeter></crm-provider>
    `);
    const el = provider.querySelector('test-plain-greeter') as PlainHost;
    await el.updateComplete;
    expect(el.i18n.ready).to.equal(false);
    release.en();
    await until(() => text(el) === 'Hello');
    expect(el.i18n.ready).to.equal(true);
  });
});
