import { expect, fixture, html } from '@open-wc/testing';
import { createMemoryAdapter, type Crm } from '@rapport/core';
import '../provider/define.js';
import './define.js';
import type { CrmKbSearch } from './kb-search.js';
import { crmOver, failingCrm, shadowText, slowCrm, until } from '../test/fixtures.js';

const HOSTILE_BODY = [
  '## 步骤',
  '',
  '<script>window.__pwned = 1; alert(1)</script>',
  '',
  '<img src=x onerror="window.__pwned = 2">',
  '',
  '[点我](javascript:window.__pwned=3) [also](JaVaScRiPt:alert(1)) [tab](java\tscript:alert(1))',
  '',
  '![pic](javascript:alert(1)) [data](data:text/html,<script>alert(1)</script>)',
  '',
  '<a href="javascript:alert(1)">raw</a> <svg onload="alert(1)"></svg>',
  '',
  '[safe](https://example.com/help) and <mailto:help@example.com>',
].join('\n');

const titles = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('[part=title]')].map((b) => b.textContent!.trim());

describe('<crm-kb-search>', () => {
  let crm: Crm;
  beforeEach(async () => {
    sessionStorage.clear();
    crm = await crmOver(createMemoryAdapter());
    await crm.articles.create({
      title: '工单 SLA 是如何计时的',
      body: '## 工作时间\n\n| 级别 | 首次响应 |\n| --- | --- |\n| 紧急 | 1 小时 |\n\n- 节假日**不计时**\n- 见 [SLA 说明](https://example.com/sla)',
      status: 'published',
      category: '工单与服务',
      tags: ['SLA'],
    });
    await crm.articles.create({
      title: '如何通过 CSV 批量导入客户',
      body: '1. 下载模板\n2. 上传',
      status: 'published',
    });
    await crm.articles.create({ title: 'SLA 草稿', body: 'draft', status: 'draft' });
  });

  it('lists published articles, searches (CJK), and expands one with its Markdown', async () => {
    const el = await fixture<CrmKbSearch>(
      html`<crm-kb-search search-delay="0" .crm=${crm}></crm-kb-search>`,
    );
    await until(() => titles(el).length === 2);
    await expect(el).to.be.accessible();
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('[part=input]')!;
    input.value = '计时';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await until(() => titles(el).length === 1);
    expect(titles(el)).to.deep.equal(['工单 SLA 是如何计时的']);
    expect(el.shadowRoot!.querySelector('[part=count]')!.textContent).to.contain('1 articles');

    const opened = new Promise<CustomEvent>((resolve) =>
      el.addEventListener('crm-article-open', (e) => resolve(e as CustomEvent), { once: true }),
    );
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=title]')!.click();
    expect((await opened).detail.article.title).to.equal('工单 SLA 是如何计时的');
    await el.updateComplete;
    const article = el.shadowRoot!.querySelector('[part=article]')!;
    expect(article.querySelector('h4')!.textContent).to.equal('工作时间');
    expect(article.querySelector('table th')!.textContent).to.equal('级别');
    expect(article.querySelector('li strong')!.textContent).to.equal('不计时');
    const link = article.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('https://example.com/sla');
    expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
    await expect(el).to.be.accessible();
  });

  it('renders an article with <script>, onerror= and javascript: links inert', async () => {
    const w = window as unknown as { __pwned?: number; alert: (m?: unknown) => void };
    w.__pwned = 0;
    const realAlert = w.alert;
    let alerted = 0;
    w.alert = () => alerted++;
    try {
      const hostile = await crm.articles.create({
        title: '<img src=x onerror="window.__pwned=9">打印机',
        body: HOSTILE_BODY,
        status: 'published',
      });
      const el = await fixture<CrmKbSearch>(
        html`<crm-kb-search query="打印机" .crm=${crm}></crm-kb-search>`,
      );
      await until(() => titles(el).length === 1);
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part=title]')!.click();
      await el.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 100));
      const root = el.shadowRoot!;
      expect(root.querySelector('script')).to.equal(null);
      expect(root.querySelector('img')).to.equal(null);
      expect(root.querySelector('svg')).to.equal(null);
      expect(root.querySelector('[onerror], [onload], [onclick]')).to.equal(null);
      expect(root.querySelector('a[href^="javascript" i], a[href^="data" i]')).to.equal(null);
      expect(root.querySelector('a[href*="script" i]')).to.equal(null);
      expect(
        [...root.querySelectorAll('[part=article] a')].map((a) => a.getAttribute('href')),
      ).to.deep.equal(['https://example.com/help', 'mailto:help@example.com']);
      // The markup is shown as the text it is.
      expect(shadowText(el)).to.contain('<script>window.__pwned = 1; alert(1)</script>');
      expect(shadowText(el)).to.contain('点我');
      expect(titles(el)[0]).to.equal(hostile.title);
      expect(w.__pwned).to.equal(0);
      expect(alerted).to.equal(0);
      await expect(el).to.be.accessible();
    } finally {
      w.alert = realAlert;
    }
  });

  it('takes one helpful vote per article per session', async () => {
    const el = await fixture<CrmKbSearch>(
      html`<crm-kb-search query="计时" .crm=${crm}></crm-kb-search>`,
    );
    await until(() => titles(el).length === 1);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=title]')!.click();
    await el.updateComplete;
    const voted = new Promise<CustomEvent>((resolve) =>
      el.addEventListener('crm-article-voted', (e) => resolve(e as CustomEvent), { once: true }),
    );
    const [yes] = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=vote-button]');
    yes!.click();
    const { article } = (await voted).detail;
    expect(article.helpfulCount).to.equal(1);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[part=vote-button]')).to.have.length(0);
    expect(shadowText(el)).to.contain('Thank you for your feedback.');
    await expect(el).to.be.accessible();

    // Another search box in the same tab remembers the vote.
    const other = await fixture<CrmKbSearch>(
      html`<crm-kb-search query="计时" .crm=${crm}></crm-kb-search>`,
    );
    await until(() => titles(other).length === 1);
    other.shadowRoot!.querySelector<HTMLButtonElement>('[part=title]')!.click();
    await other.updateComplete;
    expect(other.shadowRoot!.querySelectorAll('[part=vote-button]')).to.have.length(0);
    const [stored] = (await crm.articles.list({ search: '计时' })).items;
    expect(stored!.helpfulCount).to.equal(1);
  });

  it('shows zh-CN strings', async () => {
    const provider = await fixture(html`
      <crm-provider .crm=${crm} locale="zh-CN"><crm-kb-search></crm-kb-search></crm-provider>
    `);
    const el = provider.querySelector('crm-kb-search')!;
    await until(() => titles(el).length === 2);
    expect(shadowText(el)).to.contain('2 篇文章');
    expect(el.shadowRoot!.querySelector('[part=input]')!.getAttribute('placeholder')).to.equal(
      '描述您的问题…',
    );
    await expect(el).to.be.accessible();
  });

  it('loading state', async () => {
    const el = await fixture<CrmKbSearch>(
      html`<crm-kb-search .crm=${await slowCrm()}></crm-kb-search>`,
    );
    await el.updateComplete;
    expect(el.matches(':state(loading)')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('empty state', async () => {
    const el = await fixture<CrmKbSearch>(
      html`<crm-kb-search query="无此内容的问题" .crm=${crm}></crm-kb-search>`,
    );
    await until(() => el.matches(':state(empty)'));
    expect(shadowText(el)).to.contain('No articles match.');
    await expect(el).to.be.accessible();
  });

  it('error state', async () => {
    const el = await fixture<CrmKbSearch>(
      html`<crm-kb-search .crm=${await failingCrm()}></crm-kb-search>`,
    );
    await until(() => el.matches(':state(error)'));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=alert]')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });
});
