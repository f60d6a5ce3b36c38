import { expect, fixture, html } from '@open-wc/testing';
import { createCrm, createMemoryAdapter, type Crm, type Policy } from '@rapport/core';
import '../provider/define.js';
import './define.js';
import type { CrmContactCard } from './contact-card.js';
import { initials } from './initials.js';
import {
  HOSTILE_NAME,
  crmOver,
  failingCrm,
  seededCrm,
  shadowText,
  slowCrm,
  until,
} from '../test/fixtures.js';

const ready = async (el: CrmContactCard) => {
  await until(
    () =>
      !el.matches(':state(loading)') &&
      !!el.shadowRoot?.querySelector('[part~=base], [part~=status]'),
  );
  await el.updateComplete;
};

describe('initials', () => {
  it('shows a Chinese surname, a compound surname, English initials', () => {
    expect(initials('张伟明')).to.equal('张');
    expect(initials('欧阳娜娜')).to.equal('欧阳');
    expect(initials('Grace Hopper')).to.equal('GH');
    expect(initials('ada')).to.equal('A');
    expect(initials('<img src=x onerror=alert(1)>张伟')).to.equal('张');
    expect(initials('')).to.equal('?');
  });
});

describe('<crm-contact-card>', () => {
  let crm: Crm;
  let contactId: string;
  let customerId: string;

  before(async () => {
    ({ crm } = await seededCrm('en'));
    const contact = (await crm.contacts.list({ where: { customerId: { exists: true } }, limit: 1 }))
      .items[0]!;
    contactId = contact.id;
    customerId = contact.customerId!;
  });

  it('renders a contact with its company, phone and email links', async () => {
    const el = await fixture<CrmContactCard>(
      html`<crm-contact-card contact-id=${contactId} .crm=${crm}></crm-contact-card>`,
    );
    await until(() => !!el.shadowRoot!.querySelector('[part=subtitle]')?.textContent?.trim());
    await ready(el);
    const contact = await crm.contacts.get(contactId);
    const company = await crm.customers.get(customerId);
    const root = el.shadowRoot!;
    expect(root.querySelector('[part=name]')!.textContent).to.equal(contact.name);
    expect(root.querySelector('[part=avatar]')!.textContent).to.equal(initials(contact.name));
    await until(() => root.querySelector('[part=subtitle]')!.textContent!.includes(company.name));
    if (contact.phones[0]) {
      const link = root.querySelector<HTMLAnchorElement>('a[href^="tel:"]')!;
      expect(link.textContent).to.equal(contact.phones[0].number);
      expect(link.getAttribute('href')).to.match(/^tel:\+?\d+$/);
    }
    if (contact.emails[0])
      expect(root.querySelector('a[href^="mailto:"]')!.textContent).to.equal(contact.emails[0]);
    expect(shadowText(el)).to.contain('Last contact');
    await expect(el).to.be.accessible();
  });

  it('renders a customer with lifecycle, tier, primary contact and health badge', async () => {
    const customer = await crm.customers.get(customerId);
    const el = await fixture<CrmContactCard>(
      html`<crm-contact-card customer-id=${customerId} .crm=${crm}></crm-contact-card>`,
    );
    await ready(el);
    expect(shadowText(el)).to.contain(customer.name);
    expect(shadowText(el)).to.contain('Stage');
    expect(el.shadowRoot!.querySelector('[part=health]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows a health badge when the customer has healthScore', async () => {
    const fake = {
      ...crm,
      queries: {
        ...crm.queries,
        detail: (entity: 'customer', id: string) => {
          const real = crm.queries.detail(entity, id);
          return {
            queryKey: [...real.queryKey, 'health'],
            queryFn: async () => ({ ...(await real.queryFn()), healthScore: 35 }),
          };
        },
      },
    } as unknown as Crm;
    const el = await fixture<CrmContactCard>(
      html`<crm-contact-card customer-id=${customerId} .crm=${fake}></crm-contact-card>`,
    );
    await ready(el);
    const badge = el.shadowRoot!.querySelector('[part=health]')!;
    expect(badge.classList.contains('health-poor')).to.equal(true);
    expect(badge.textContent).to.contain('35');
    await expect(el).to.be.accessible();
  });

  it('keeps masked values masked and unlinked', async () => {
    // A policy that masks phones and emails on read (the gateway's field-policy stage).
    const maskingPolicy: Policy = {
      scope: () => 'all',
      fieldAccess: (_p, _e, field) =>
        field === 'phones' || field === 'emails' ? 'masked' : 'editable',
    };
    const storage = createMemoryAdapter();
    const admin = await crmOver(storage);
    const stored = await admin.contacts.create({
      name: '李娜',
      phones: [{ number: '138 0013 8000', type: 'mobile' }],
      emails: ['lina@example.com'],
    });
    const local = await createCrm({ storage, policy: maskingPolicy, locale: 'en' });
    const el = await fixture<CrmContactCard>(
      html`<crm-contact-card contact-id=${stored.id} .crm=${local}></crm-contact-card>`,
    );
    await ready(el);
    expect(el.shadowRoot!.querySelector('a[href^="tel:"], a[href^="mailto:"]')).to.equal(null);
    expect(shadowText(el)).to.contain('138****8000');
    expect(shadowText(el)).to.contain('l***@example.com');
    expect(shadowText(el)).to.contain('(Masked)');
  });

  it('logs an activity from the card, with cancelable and outcome events', async () => {
    const el = await fixture<CrmContactCard>(
      html`<crm-contact-card contact-id=${contactId} .crm=${crm}></crm-contact-card>`,
    );
    await ready(el);
    const root = el.shadowRoot!;
    root.querySelector<HTMLButtonElement>('[part=log-button]')!.click();
    await el.updateComplete;
    const input = root.querySelector<HTMLInputElement>('input[name=subject]')!;
    expect(root.activeElement).to.equal(input);
    await expect(el).to.be.accessible();

    // A cancelled intent writes nothing.
    const before = await crm.activities.count({ contactId: { eq: contactId } });
    input.value = '电话回访';
    el.addEventListener('crm-activity-create', (e) => e.preventDefault(), { once: true });
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await el.updateComplete;
    expect(await crm.activities.count({ contactId: { eq: contactId } })).to.equal(before);

    const created = new Promise<CustomEvent>((resolve) =>
      el.addEventListener('crm-activity-created', (e) => resolve(e as CustomEvent), { once: true }),
    );
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    const event = await created;
    expect(event.detail.activity.subject).to.equal('电话回访');
    expect(event.detail.activity.contactId).to.equal(contactId);
    expect(await crm.activities.count({ contactId: { eq: contactId } })).to.equal(before + 1);
    await el.updateComplete;
    expect(shadowText(el)).to.contain('Activity logged.');
    expect(root.activeElement).to.equal(root.querySelector('[part=log-button]'));
  });

  it('closes the log form with Escape', async () => {
    const el = await fixture<CrmContactCard>(
      html`<crm-contact-card contact-id=${contactId} .crm=${crm}></crm-contact-card>`,
    );
    await ready(el);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=log-button]')!.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector('input[name=subject]')!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
    );
    await el.updateComplete;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=log-form]')).to.equal(null);
  });

  it('compact variant shows the essentials only', async () => {
    const el = await fixture<CrmContactCard>(
      html`<crm-contact-card
        variant="compact"
        contact-id=${contactId}
        .crm=${crm}
      ></crm-contact-card>`,
    );
    await ready(el);
    expect(el.shadowRoot!.querySelector('[part=actions]')).to.equal(null);
    expect(shadowText(el)).not.to.contain('Last contact');
    await expect(el).to.be.accessible();
  });

  it('shows zh-CN strings inside <crm-provider locale="zh-CN">', async () => {
    const provider = await fixture(html`
      <crm-provider .crm=${crm} locale="zh-CN">
        <crm-contact-card contact-id=${contactId}></crm-contact-card>
      </crm-provider>
    `);
    const el = provider.querySelector('crm-contact-card')!;
    await ready(el);
    expect(shadowText(el)).to.contain('最近联系');
    expect(shadowText(el)).to.contain('记录跟进');
    await expect(el).to.be.accessible();
  });

  it('renders a hostile name as text', async () => {
    const local = await crmOver(createMemoryAdapter());
    const hostile = await local.contacts.create({ name: HOSTILE_NAME, title: '<b>CEO</b>' });
    const el = await fixture<CrmContactCard>(
      html`<crm-contact-card contact-id=${hostile.id} .crm=${local}></crm-contact-card>`,
    );
    await ready(el);
    expect(el.shadowRoot!.querySelector('img, b')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part=name]')!.textContent).to.equal(HOSTILE_NAME);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('loading state', async () => {
    const el = await fixture<CrmContactCard>(
      html`<crm-contact-card contact-id="con_1" .crm=${await slowCrm()}></crm-contact-card>`,
    );
    await el.updateComplete;
    expect(el.matches(':state(loading)')).to.equal(true);
    expect(shadowText(el)).to.contain('Loading…');
    await expect(el).to.be.accessible();
  });

  it('empty state: no such contact, or no id', async () => {
    const el = await fixture<CrmContactCard>(
      html`<crm-contact-card contact-id="nobody" .crm=${crm}></crm-contact-card>`,
    );
    await until(() => el.matches(':state(empty)'));
    expect(shadowText(el)).to.contain('does not exist');
    await expect(el).to.be.accessible();
    el.contactId = undefined;
    await el.updateComplete;
    expect(el.matches(':state(empty)')).to.equal(true);
    expect(shadowText(el)).to.contain('Set customer-id or contact-id.');
  });

  it('error state with retry', async () => {
    const el = await fixture<CrmContactCard>(
      html`<crm-contact-card contact-id="con_1" .crm=${await failingCrm()}></crm-contact-card>`,
    );
    await until(() => el.matches(':state(error)'));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain(
      'Something went wrong.',
    );
    expect(el.shadowRoot!.querySelector('[part=retry]')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });
});
