import { expect, fixture, html } from '@open-wc/testing';
import { ContextConsumer, ContextProvider } from '@lit/context';
import { LitElement } from 'lit';
import type { Crm } from '@rapport/core';
import '../provider/define.js';
import { CrmProvider } from '../provider/provider.js';
import { CrmElement } from './crm-element.js';
import { crmContext } from './crm-context.js';

/** An element over the base that only shows which client it has (by its `name`). */
class TestClientName extends CrmElement {
  renders = 0;
  protected override render() {
    this.renders++;
    return (this.crm as { name?: string } | undefined)?.name ?? 'none';
  }
}
customElements.define('test-client-name', TestClientName);

/** A host app's own element, consuming Rapport's context with @lit/context. */
class TestLitConsumer extends LitElement {
  readonly client = new ContextConsumer(this, { context: crmContext, subscribe: true });
}
customElements.define('test-lit-consumer', TestLitConsumer);

/** A host app's own provider, built on @lit/context. */
class TestLitProvider extends LitElement {
  readonly provider = new ContextProvider(this, { context: crmContext });
  protected override createRenderRoot() {
    return this;
  }
}
customElements.define('test-lit-provider', TestLitProvider);

const client = (name: string) => ({ name }) as unknown as Crm;
const shown = async (el: TestClientName) => {
  await el.updateComplete;
  return el.shadowRoot!.textContent!.trim();
};

describe('context: elements find their client', () => {
  it('from the provider around them, and follow its changes', async () => {
    const provider = await fixture<CrmProvider>(html`
      <crm-provider .crm=${client('a')}><test-client-name></test-client-name></crm-provider>
    `);
    const el = provider.querySelector<TestClientName>('test-client-name')!;
    expect(await shown(el)).to.equal('a');
    provider.crm = client('b');
    await provider.updateComplete;
    expect(await shown(el)).to.equal('b');
  });

  it('from a provider defined after the element connected', async () => {
    const container = await fixture(html`
      <div>
        <late-crm-provider><test-client-name></test-client-name></late-crm-provider>
      </div>
    `);
    const el = container.querySelector<TestClientName>('test-client-name')!;
    expect(await shown(el)).to.equal('none');
    const late = container.querySelector('late-crm-provider') as CrmProvider;
    late.crm = client('late');
    customElements.define('late-crm-provider', class extends CrmProvider {});
    await late.updateComplete;
    expect(await shown(el)).to.equal('late');
  });

  it('from the nearest of nested providers', async () => {
    const outer = await fixture<CrmProvider>(html`
      <crm-provider .crm=${client('outer')}>
        <test-client-name id="o"></test-client-name>
        <crm-provider .crm=${client('inner')}>
          <test-client-name id="i"></test-client-name>
        </crm-provider>
      </crm-provider>
    `);
    const inner = outer.querySelector<CrmProvider>('crm-provider')!;
    expect(await shown(outer.querySelector<TestClientName>('#o')!)).to.equal('outer');
    expect(await shown(outer.querySelector<TestClientName>('#i')!)).to.equal('inner');
    outer.crm = client('outer 2');
    await outer.updateComplete;
    expect(await shown(outer.querySelector<TestClientName>('#o')!)).to.equal('outer 2');
    expect(await shown(inner.querySelector<TestClientName>('#i')!)).to.equal('inner');
  });

  it('from a provider defined later inside their provider, which takes them over', async () => {
    const outer = await fixture<CrmProvider>(html`
      <crm-provider .crm=${client('outer')}>
        <late-inner-provider><test-client-name></test-client-name></late-inner-provider>
      </crm-provider>
    `);
    const el = outer.querySelector<TestClientName>('test-client-name')!;
    expect(await shown(el)).to.equal('outer');
    const inner = outer.querySelector('late-inner-provider') as CrmProvider;
    inner.crm = client('inner');
    customElements.define('late-inner-provider', class extends CrmProvider {});
    await inner.updateComplete;
    expect(await shown(el)).to.equal('inner');
    outer.crm = client('outer 2');
    await outer.updateComplete;
    expect(await shown(el)).to.equal('inner');
  });

  it('from the new provider after a move, and no longer hear the old one', async () => {
    const page = await fixture(html`
      <div>
        <crm-provider id="a" .crm=${client('a')}
          ><test-client-name></test-client-name
        ></crm-provider>
        <crm-provider id="b" .crm=${client('b')}></crm-provider>
      </div>
    `);
    const [a, b] = [...page.querySelectorAll<CrmProvider>('crm-provider')] as [
      CrmProvider,
      CrmProvider,
    ];
    const el = a.querySelector<TestClientName>('test-client-name')!;
    expect(await shown(el)).to.equal('a');
    b.append(el);
    expect(await shown(el)).to.equal('b');
    a.crm = client('a 2');
    await a.updateComplete;
    expect(await shown(el)).to.equal('b');
    b.crm = client('b 2');
    await b.updateComplete;
    expect(await shown(el)).to.equal('b 2');
  });

  it('stop listening when disconnected, and listen again when reconnected', async () => {
    const provider = await fixture<CrmProvider>(html`
      <crm-provider .crm=${client('a')}><test-client-name></test-client-name></crm-provider>
    `);
    const el = provider.querySelector<TestClientName>('test-client-name')!;
    expect(await shown(el)).to.equal('a');
    el.remove();
    const renders = el.renders;
    provider.crm = client('b');
    await provider.updateComplete;
    await el.updateComplete;
    expect(el.crm).to.deep.equal(client('a'));
    expect(el.renders).to.equal(renders);
    provider.append(el);
    expect(await shown(el)).to.equal('b');
  });

  it('a client set directly wins, and removing it falls back to the provider', async () => {
    const provider = await fixture<CrmProvider>(html`
      <crm-provider .crm=${client('provided')}>
        <test-client-name .crm=${client('own')}></test-client-name>
      </crm-provider>
    `);
    const el = provider.querySelector<TestClientName>('test-client-name')!;
    expect(await shown(el)).to.equal('own');
    el.crm = undefined;
    expect(await shown(el)).to.equal('provided');
  });

  it('speaks the protocol of @lit/context both ways', async () => {
    // A host app's @lit/context consumer inside <crm-provider> …
    const provider = await fixture<CrmProvider>(html`
      <crm-provider .crm=${client('ours')}><test-lit-consumer></test-lit-consumer></crm-provider>
    `);
    const theirs = provider.querySelector<TestLitConsumer>('test-lit-consumer')!;
    expect(theirs.client.value).to.deep.equal(client('ours'));
    provider.crm = client('ours 2');
    await provider.updateComplete;
    expect(theirs.client.value).to.deep.equal(client('ours 2'));

    // … and a Rapport element inside a host app's @lit/context provider.
    const host = await fixture<TestLitProvider>(html`<test-lit-provider></test-lit-provider>`);
    host.provider.setValue(client('host'));
    const el = document.createElement('test-client-name') as TestClientName;
    host.append(el);
    expect(await shown(el)).to.equal('host');
    host.provider.setValue(client('host 2'));
    expect(await shown(el)).to.equal('host 2');
  });
});
