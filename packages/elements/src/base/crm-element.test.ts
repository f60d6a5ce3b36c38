import { expect, fixture, html } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import type { Crm } from '@rapport/core';
import '../provider/define.js';
import type { CrmProvider } from '../provider/provider.js';
import { actionMessages, commonMessages } from '../i18n/common-messages.js';
import { LocalizeController } from '../i18n/localize-controller.js';
import { mergeMessages } from '../i18n/messages.js';
import { CrmElement } from './crm-element.js';
import { QueryController } from './query-controller.js';
import { failingCrm, seededCrm, slowCrm, until } from '../test/fixtures.js';

/** A minimal element over the foundation: shows a customer's name, or its state. */
class TestCustomerName extends CrmElement {
  static override properties = { customerId: { attribute: 'customer-id' } };
  declare customerId: string | undefined;
  readonly i18n = new LocalizeController(this, mergeMessages(commonMessages, actionMessages));
  readonly query = new QueryController(this, () =>
    this.crm && this.customerId ? this.crm.queries.detail('customer', this.customerId) : undefined,
  );
  fire(): boolean {
    return this.emit('crm-test', { a: 1 }, { cancelable: true });
  }
  is(state: 'loading' | 'empty' | 'error'): boolean {
    return this.hasState(state);
  }
  protected override render() {
    this.setState('loading', this.query.status === 'loading');
    this.setState('error', this.query.status === 'error');
    if (this.query.status === 'success')
      return litHtml`<p>${this.query.data?.name} · ${this.i18n.t('common.loadMore')} · ${this.i18n.money(1234.5)}</p>`;
    return litHtml`<p>${this.i18n.t(this.query.status === 'error' ? 'common.error' : 'common.loading')}</p>`;
  }
}
customElements.define('test-customer-name', TestCustomerName);

const text = (el: Element) => el.shadowRoot!.textContent!.trim();

describe('foundation', () => {
  let crm: Crm;
  let customerId: string;
  before(async () => {
    ({ crm } = await seededCrm('en'));
    customerId = (await crm.customers.list({ limit: 1 })).items[0]!.id;
  });

  it('gets the client from <crm-provider> and renders the query result', async () => {
    const provider = await fixture<CrmProvider>(html`
      <crm-provider .crm=${crm}>
        <test-customer-name customer-id=${customerId}></test-customer-name>
      </crm-provider>
    `);
    const el = provider.querySelector('test-customer-name') as TestCustomerName;
    await until(() => el.query.status === 'success');
    await el.updateComplete;
    const customer = await crm.customers.get(customerId);
    expect(text(el)).to.contain(customer.name);
    expect(text(el)).to.contain('Load more');
    expect(text(el)).to.contain('CN¥1,234.50');
  });

  it('a .crm set directly wins over the provider', async () => {
    const other = await slowCrm();
    const provider = await fixture<CrmProvider>(html`
      <crm-provider .crm=${crm}>
        <test-customer-name customer-id=${customerId} .crm=${other}></test-customer-name>
      </crm-provider>
    `);
    const el = provider.querySelector('test-customer-name') as TestCustomerName;
    await el.updateComplete;
    expect(el.crm).to.equal(other);
    expect(el.query.status).to.equal('loading');
    expect(el.is('loading')).to.equal(true);
    expect(el.matches(':state(loading)')).to.equal(true);
  });

  it('shows the error state when storage fails', async () => {
    const el = await fixture<TestCustomerName>(html`
      <test-customer-name customer-id="c1" .crm=${await failingCrm()}></test-customer-name>
    `);
    await until(() => el.query.status === 'error');
    await el.updateComplete;
    expect(el.matches(':state(error)')).to.equal(true);
    expect(text(el)).to.equal('Something went wrong.');
  });

  it('re-renders when the provider switches locale at runtime', async () => {
    const provider = await fixture<CrmProvider>(html`
      <crm-provider .crm=${crm} locale="en">
        <test-customer-name customer-id=${customerId}></test-customer-name>
      </crm-provider>
    `);
    const el = provider.querySelector('test-customer-name') as TestCustomerName;
    await until(() => el.query.status === 'success');
    await el.updateComplete;
    expect(text(el)).to.contain('Load more');
    provider.locale = 'zh-CN';
    await provider.updateComplete;
    await el.updateComplete;
    expect(text(el)).to.contain('加载更多');
    expect(text(el)).to.contain('¥1,234.50');
    provider.locale = 'zh-Hant';
    await provider.updateComplete;
    await el.updateComplete;
    expect(text(el)).to.contain('載入更多');
  });

  it("knows only its own catalogue's keys", () => {
    const el = document.createElement('test-customer-name') as TestCustomerName;
    expect(['Retry', '重试', '重試']).to.include(el.i18n.t('common.retry'));
    // @ts-expect-error: a key of another element's catalogue is a type error here…
    const foreign = el.i18n.t('kb.searchButton');
    // …and at run time shows the key, never another element's string.
    expect(foreign).to.equal('kb.searchButton');
  });

  it('re-renders after a write, through core invalidation', async () => {
    const el = await fixture<TestCustomerName>(html`
      <test-customer-name customer-id=${customerId} .crm=${crm}></test-customer-name>
    `);
    await until(() => el.query.status === 'success');
    const customer = await crm.customers.get(customerId);
    await crm.customers.update(
      customerId,
      { name: '改名后的公司' },
      { expectedVersion: customer.version },
    );
    await until(() => text(el).includes('改名后的公司'));
  });

  it('emits bubbling, composed, cancelable events', async () => {
    const el = await fixture<TestCustomerName>(html`<test-customer-name></test-customer-name>`);
    let seen: CustomEvent | undefined;
    document.addEventListener(
      'crm-test',
      (e) => {
        seen = e as CustomEvent;
        e.preventDefault();
      },
      { once: true },
    );
    expect(el.fire()).to.equal(false);
    expect(seen?.bubbles && seen.composed && seen.cancelable).to.equal(true);
    expect(seen?.detail).to.deep.equal({ a: 1 });
  });

  it('applies the dark theme tokens inside a dark provider', async () => {
    const provider = await fixture<CrmProvider>(html`
      <crm-provider theme="dark"><test-customer-name></test-customer-name></crm-provider>
    `);
    expect(provider.dataset.crmTheme).to.equal('dark');
    const el = provider.querySelector('test-customer-name')!;
    expect(getComputedStyle(el).getPropertyValue('--crm-color-surface').trim()).to.equal('#161b22');
  });
});
