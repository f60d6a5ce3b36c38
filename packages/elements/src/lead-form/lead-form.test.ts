import { expect, fixture, html } from '@open-wc/testing';
import { createMemoryAdapter, type Crm } from '@rapport/core';
import '../provider/define.js';
import './define.js';
import type { CrmLeadForm } from './lead-form.js';
import { HOSTILE_NAME, crmOver, failingCrm, shadowText, slowCrm, until } from '../test/fixtures.js';

const field = (el: Element, name: string) =>
  el.shadowRoot!.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
const submit = (el: Element) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!.click();
const created = (el: Element) =>
  new Promise<CustomEvent>((resolve) =>
    el.addEventListener('crm-lead-created', (e) => resolve(e as CustomEvent), { once: true }),
  );

describe('<crm-lead-form>', () => {
  let crm: Crm;
  beforeEach(async () => {
    crm = await crmOver(createMemoryAdapter());
  });

  it('captures a lead and reports a duplicate on the second capture', async () => {
    const el = await fixture<CrmLeadForm>(html`<crm-lead-form .crm=${crm}></crm-lead-form>`);
    await expect(el).to.be.accessible();
    field(el, 'name').value = '王芳';
    field(el, 'company').value = '杭州云帆贸易有限公司';
    field(el, 'phone').value = '138 0013 8000';
    field(el, 'email').value = 'wang.fang@example.com';
    let event = created(el);
    submit(el);
    const first = (await event).detail;
    expect(first.created).to.equal(true);
    expect(first.lead.source).to.equal('web');
    expect(first.lead.phones[0].number).to.equal('138 0013 8000');
    expect(await crm.leads.count()).to.equal(1);
    await el.updateComplete;
    expect(shadowText(el)).to.contain('Thank you, 王芳.');
    expect(el.shadowRoot!.querySelector('[part=duplicate]')).to.equal(null);
    await expect(el).to.be.accessible();

    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=success] button')!.click();
    await el.updateComplete;
    field(el, 'name').value = '王芳';
    field(el, 'phone').value = '13800138000';
    event = created(el);
    submit(el);
    const second = (await event).detail;
    expect(second.created).to.equal(false);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=duplicate]')!.textContent).to.contain(
      'added to the record we already had',
    );
    expect(await crm.leads.count()).to.equal(1);
  });

  it('warns when the details match an existing contact', async () => {
    await crm.contacts.create({ name: '李雷', emails: ['lilei@example.com'] });
    const el = await fixture<CrmLeadForm>(html`<crm-lead-form .crm=${crm}></crm-lead-form>`);
    field(el, 'name').value = '李雷';
    field(el, 'email').value = 'LiLei@example.com';
    const event = created(el);
    submit(el);
    expect((await event).detail.duplicates[0].on).to.deep.equal(['email']);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=duplicate]')!.textContent).to.contain(
      'We already know someone with this email address.',
    );
  });

  it('shows validation messages from the schema in zh-CN, on the fields', async () => {
    const provider = await fixture(html`
      <crm-provider .crm=${crm} locale="zh-CN"><crm-lead-form></crm-lead-form></crm-provider>
    `);
    const el = provider.querySelector('crm-lead-form')!;
    await el.updateComplete;
    expect(shadowText(el)).to.contain('联系我们');
    // Required, checked before anything is sent.
    submit(el);
    // Validation strings load the first time a message is needed: it shows once they are in.
    await until(() => !!el.shadowRoot!.querySelector('#error-name'));
    expect(el.shadowRoot!.querySelector('#error-name')!.textContent).to.equal('请填写姓名。');
    expect(el.shadowRoot!.querySelector('[part=summary]')!.textContent).to.contain(
      '请修改 1 处错误',
    );
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'name'));
    await expect(el).to.be.accessible();
    // Format errors come from core's zod schema, localized.
    field(el, 'name').value = '张伟';
    field(el, 'email').value = 'not-an-email';
    field(el, 'phone').value = 'abc';
    submit(el);
    await until(() => !!el.shadowRoot!.querySelector('#error-email'));
    expect(el.shadowRoot!.querySelector('#error-email')!.textContent).to.equal(
      '邮箱不是有效的邮箱地址。',
    );
    expect(el.shadowRoot!.querySelector('#error-phone')!.textContent).to.equal(
      '电话不是有效的电话号码。',
    );
    expect(el.shadowRoot!.querySelector('[part=summary]')!.textContent).to.contain(
      '请修改 2 处错误',
    );
    expect(field(el, 'email').getAttribute('aria-invalid')).to.equal('true');
    expect(await crm.leads.count()).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('renders and stores custom fields from crm.customFields', async () => {
    await crm.customFields.create({
      entity: 'lead',
      key: 'budget',
      type: 'select',
      label: { en: 'Budget', 'zh-CN': '预算' },
      options: [
        { value: 'small', label: { en: 'Under ¥100k', 'zh-CN': '10万以下' } },
        { value: 'large', label: { en: 'Over ¥100k', 'zh-CN': '10万以上' } },
      ],
      required: true,
      order: 1,
    });
    await crm.customFields.create({
      entity: 'lead',
      key: 'headcount',
      type: 'number',
      label: { en: 'Headcount' },
      order: 2,
    });
    const el = await fixture<CrmLeadForm>(
      html`<crm-lead-form custom-fields="*" fields="name,phone" .crm=${crm}></crm-lead-form>`,
    );
    await until(() => !!el.shadowRoot!.querySelector('[name="cf:budget"]'));
    expect(shadowText(el)).to.contain('Budget');
    expect(shadowText(el)).to.contain('Headcount');
    await expect(el).to.be.accessible();
    field(el, 'name').value = 'Grace Hopper';
    submit(el);
    await until(() => !!el.shadowRoot!.querySelector('[id="error-cf:budget"]'));
    expect(el.shadowRoot!.querySelector('[id="error-cf:budget"]')!.textContent).to.equal(
      'Budget is required.',
    );
    (field(el, 'cf:budget') as unknown as HTMLSelectElement).value = 'large';
    field(el, 'cf:headcount').value = '120';
    const event = created(el);
    submit(el);
    const { lead } = (await event).detail;
    expect(lead.customFields).to.deep.equal({ budget: 'large', headcount: 120 });
  });

  it('a filled honeypot looks successful and stores nothing', async () => {
    const el = await fixture<CrmLeadForm>(html`<crm-lead-form .crm=${crm}></crm-lead-form>`);
    let fired = false;
    el.addEventListener('crm-lead-create', () => (fired = true));
    field(el, 'name').value = 'Bot';
    field(el, 'website').value = 'http://spam.example';
    submit(el);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=success]')).not.to.equal(null);
    expect(fired).to.equal(false);
    expect(await crm.leads.count()).to.equal(0);
  });

  it('cancelling crm-lead-create captures nothing', async () => {
    const el = await fixture<CrmLeadForm>(html`<crm-lead-form .crm=${crm}></crm-lead-form>`);
    el.addEventListener('crm-lead-create', (e) => e.preventDefault());
    field(el, 'name').value = '赵敏';
    submit(el);
    await el.updateComplete;
    expect(await crm.leads.count()).to.equal(0);
    expect(el.shadowRoot!.querySelector('[part=success]')).to.equal(null);
  });

  it('renders a hostile name as text', async () => {
    const el = await fixture<CrmLeadForm>(html`<crm-lead-form .crm=${crm}></crm-lead-form>`);
    field(el, 'name').value = HOSTILE_NAME;
    const event = created(el);
    submit(el);
    await event;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(shadowText(el)).to.contain(HOSTILE_NAME);
    await expect(el).to.be.accessible();
  });

  it('loading state (custom field definitions)', async () => {
    const el = await fixture<CrmLeadForm>(
      html`<crm-lead-form custom-fields="*" .crm=${await slowCrm()}></crm-lead-form>`,
    );
    await el.updateComplete;
    expect(el.matches(':state(loading)')).to.equal(true);
    expect(shadowText(el)).to.contain('Loading…');
    await expect(el).to.be.accessible();
  });

  it('empty state', async () => {
    const el = await fixture<CrmLeadForm>(
      html`<crm-lead-form fields="" .crm=${crm}></crm-lead-form>`,
    );
    await el.updateComplete;
    expect(el.matches(':state(empty)')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('error state', async () => {
    const el = await fixture<CrmLeadForm>(
      html`<crm-lead-form custom-fields="*" .crm=${await failingCrm()}></crm-lead-form>`,
    );
    await until(() => el.matches(':state(error)'));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=alert]')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });
});
