import { expect, fixture, html } from '@open-wc/testing';
import { createMemoryAdapter, type Crm } from '@rapport/core';
import './define.js';
import type { CrmCustomerTable } from './customer-table.js';
import { moveInGrid } from '../base/grid-navigation.js';
import { crmOver, failingCrm, seededCrm, shadowText, slowCrm, until } from '../test/fixtures.js';

const $ = <T extends Element = HTMLElement>(el: CrmCustomerTable, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: CrmCustomerTable, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
const rowNames = (el: CrmCustomerTable) =>
  $$(el, '[role="row"][aria-rowindex]:not(.header) .name').map((b) => b.textContent!.trim());
const key = (target: Element, k: string, init: KeyboardEventInit = {}) =>
  target.dispatchEvent(
    new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, ...init }),
  );
const focused = (el: CrmCustomerTable) => el.shadowRoot!.activeElement as HTMLElement | null;

async function table(crm: Crm, attrs = ''): Promise<CrmCustomerTable> {
  const el = await fixture<CrmCustomerTable>(
    attrs === 'page-size'
      ? html`<crm-customer-table .crm=${crm} page-size="50"></crm-customer-table>`
      : html`<crm-customer-table .crm=${crm}></crm-customer-table>`,
  );
  await until(() => el.rows.status !== 'loading' && el.rows.status !== 'idle');
  await el.updateComplete;
  await until(() => el.rows.items.length === 0 || rowNames(el).length > 0);
  return el;
}

describe('moveInGrid', () => {
  const bounds = { rows: 100, cols: 5, page: 10 };
  it('moves by cell, row ends, grid ends and pages, within bounds', () => {
    expect(moveInGrid({ row: -1, col: 0 }, 'ArrowUp', bounds)).to.deep.equal({ row: -1, col: 0 });
    expect(moveInGrid({ row: -1, col: 0 }, 'ArrowDown', bounds)).to.deep.equal({ row: 0, col: 0 });
    expect(moveInGrid({ row: 3, col: 4 }, 'ArrowRight', bounds)).to.deep.equal({ row: 3, col: 4 });
    expect(moveInGrid({ row: 3, col: 2 }, 'Home', bounds)).to.deep.equal({ row: 3, col: 0 });
    expect(moveInGrid({ row: 3, col: 2 }, 'End', bounds, true)).to.deep.equal({ row: 99, col: 4 });
    expect(moveInGrid({ row: 95, col: 1 }, 'PageDown', bounds)).to.deep.equal({ row: 99, col: 1 });
    expect(moveInGrid({ row: 5, col: 1 }, 'PageUp', bounds)).to.deep.equal({ row: 0, col: 1 });
    expect(moveInGrid({ row: 5, col: 1 }, 'x', bounds)).to.equal(null);
  });
});

describe('<crm-customer-table>', () => {
  let crm: Crm;
  before(async () => {
    ({ crm } = await seededCrm('en', { includeHostileNames: true, customers: 40 }));
  });

  it('renders customers from the query as an accessible grid, names as text', async () => {
    const el = await table(crm);
    const { items, total } = await crm.customers.list({
      orderBy: [{ field: 'updatedAt', direction: 'desc' }],
    });
    expect(el.rows.total).to.equal(total);
    expect(rowNames(el)[0]).to.equal(items[0]!.name);
    const grid = $(el, '[role="grid"]')!;
    expect(grid.getAttribute('aria-rowcount')).to.equal(String(total + 1));
    // The hostile names of the demo data show as text; nothing was parsed into an element.
    el.where = { name: { contains: 'onerror' } };
    await until(() => rowNames(el).includes('<img src=x onerror=alert(1)> 测试公司'));
    expect($(el, '.rows img')).to.equal(null);
    el.where = undefined;
    await until(() => el.rows.total === total && rowNames(el)[0] === items[0]!.name);
    expect(el.matches(':state(loading)')).to.equal(false);
    expect(shadowText(el)).to.contain(`of ${total} customers loaded`);
    await expect(el).to.be.accessible();
  });

  it('shows the loading state', async () => {
    const el = await fixture<CrmCustomerTable>(
      html`<crm-customer-table .crm=${await slowCrm()}></crm-customer-table>`,
    );
    await el.updateComplete;
    expect(el.matches(':state(loading)')).to.equal(true);
    expect(shadowText(el)).to.contain('Loading…');
    expect($(el, '[role="grid"]')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('shows the error state with a retry button', async () => {
    const el = await fixture<CrmCustomerTable>(
      html`<crm-customer-table .crm=${await failingCrm()}></crm-customer-table>`,
    );
    await until(() => el.rows.status === 'error');
    await el.updateComplete;
    expect(el.matches(':state(error)')).to.equal(true);
    expect($(el, '[role="alert"]')!.textContent).to.contain('Could not load');
    expect($(el, '[role="alert"] button')!.textContent!.trim()).to.equal('Retry');
    await expect(el).to.be.accessible();
  });

  it('shows the empty state', async () => {
    const el = await table(await crmOver(createMemoryAdapter()));
    expect(el.matches(':state(empty)')).to.equal(true);
    expect(shadowText(el)).to.contain('No customers match.');
    await expect(el).to.be.accessible();
  });

  it('sorts by a header click or Enter, with aria-sort', async () => {
    const el = await table(crm);
    const header = $$(el, '[role="columnheader"]').find((h) => h.textContent!.includes('Name'))!;
    expect(header.getAttribute('aria-sort')).to.equal('none');
    header.click();
    await until(() => el.rows.status === 'success' && !el.rows.isRefetching);
    await el.updateComplete;
    await until(() => header.getAttribute('aria-sort') === 'ascending');
    const sorted = (await crm.customers.list({ orderBy: [{ field: 'name' }] })).items;
    await until(() => rowNames(el)[0] === sorted[0]!.name);
    header.focus();
    key(header, 'Enter');
    await el.updateComplete;
    expect(header.getAttribute('aria-sort')).to.equal('descending');
    const last = (await crm.customers.list({ orderBy: [{ field: 'name', direction: 'desc' }] }))
      .items[0]!;
    await until(() => rowNames(el)[0] === last.name);
  });

  it('filters with removable chips', async () => {
    const el = await table(crm);
    const select = $<HTMLSelectElement>(el, 'select')!; // tier
    select.value = 'vip';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const chip = $(el, '.chip')!;
    expect(chip.textContent).to.contain('Tier: VIP');
    const vip = await crm.customers.count({ tier: { eq: 'vip' } });
    await until(() => el.rows.status === 'success' && el.rows.total === vip);
    await el.updateComplete;
    expect(el.querySpec.where).to.deep.equal({ tier: { in: ['vip'] } });
    await expect(el).to.be.accessible();
    chip.click();
    await el.updateComplete;
    expect($(el, '.chip')).to.equal(null);
    await until(() => el.rows.total === 40);
  });

  it('searches after a pause, CJK-aware, not while an IME composes', async () => {
    const el = await table(crm);
    const target = (await crm.customers.list({ limit: 5 })).items.find((c) =>
      /[\u4e00-\u9fff]{4}/.test(c.name),
    )!;
    const fragment = target.name.match(/[\u4e00-\u9fff]{2}/)![0];
    const input = $<HTMLInputElement>(el, 'input[type="search"]')!;
    input.dispatchEvent(new CompositionEvent('compositionstart'));
    input.value = fragment;
    input.dispatchEvent(new InputEvent('input', { isComposing: true }));
    await new Promise((r) => setTimeout(r, 400));
    expect(el.querySpec.search).to.equal(undefined);
    input.dispatchEvent(new CompositionEvent('compositionend', { data: fragment }));
    await until(() => el.querySpec.search === fragment, 2000);
    await until(() => el.rows.status === 'success' && rowNames(el).includes(target.name));
    expect(rowNames(el).every((name) => name.length > 0)).to.equal(true);
    expect(el.rows.total).to.equal(await crm.customers.count({}, { search: fragment }));
  });

  it('moves a roving focus with arrows, selects with Space, opens with Enter', async () => {
    const el = await table(crm);
    const opened: string[] = [];
    const selections: string[][] = [];
    el.addEventListener('crm-customer-open', (e) => opened.push(e.detail.customerId));
    el.addEventListener('crm-selection-change', (e) => selections.push([...e.detail.ids]));
    const start = $(el, '[role="columnheader"][tabindex="0"]')!;
    expect($$(el, '[role="grid"] [tabindex="0"]')).to.have.length(1);
    start.focus();
    key(start, 'ArrowDown');
    await until(() => focused(el)?.dataset['row'] === '0');
    key(focused(el)!, 'ArrowRight');
    await until(() => focused(el)?.dataset['col'] === '1');
    key(focused(el)!, 'ArrowDown');
    await until(() => focused(el)?.dataset['row'] === '1');
    key(focused(el)!, ' ');
    await el.updateComplete;
    expect(selections.at(-1)).to.deep.equal([el.rows.items[1]!.id]);
    expect(focused(el)!.closest('[role="row"]')!.getAttribute('aria-selected')).to.equal('true');
    key(focused(el)!, 'Enter');
    expect(opened).to.deep.equal([el.rows.items[1]!.id]);
    expect($$(el, '[role="grid"] [tabindex="0"]')).to.have.length(1);
  });

  it('hides and shows columns from the chooser', async () => {
    const el = await table(crm);
    const headers = () => $$(el, '[role="columnheader"]').map((h) => h.textContent!.trim());
    expect(headers()).to.include('Industry');
    const box = $$<HTMLInputElement>(el, '.chooser input').find((i) =>
      i.parentElement!.textContent!.includes('Industry'),
    )!;
    box.checked = false;
    box.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(headers()).not.to.include('Industry');
    expect(el.columns).not.to.include('industry');
  });

  it('speaks zh-CN when the locale is zh-CN', async () => {
    const { crm: zh } = await seededCrm('zh-CN', { customers: 5 });
    const el = await table(zh);
    expect(shadowText(el)).to.contain('名称');
    expect(shadowText(el)).to.contain('个客户');
    expect($<HTMLInputElement>(el, 'input[type="search"]')!.placeholder).to.contain('搜索');
    await expect(el).to.be.accessible();
  });
});

describe('<crm-customer-table> with 20,000 customers', function () {
  this.timeout(180_000);
  let crm: Crm;
  before(async () => {
    crm = await crmOver(createMemoryAdapter());
    const tiers = ['vip', 'key', 'regular'] as const;
    for (let chunk = 0; chunk < 4; chunk++) {
      await crm.customers.createMany(
        Array.from({ length: 5000 }, (_, i) => {
          const n = chunk * 5000 + i;
          return { name: `客户 ${String(n).padStart(5, '0')}`, tier: tiers[n % 3] };
        }),
      );
    }
  });

  it('keeps few rows in the DOM and loads the next page on scroll', async () => {
    const el = await table(crm, 'page-size');
    expect(el.rows.total).to.equal(20_000);
    expect(el.rows.items.length).to.be.at.most(100);
    const domRows = () => $$(el, '.rows [role="row"]').length;
    // The visible rows plus a few more each way.
    expect(domRows()).to.be.greaterThan(3).and.lessThan(40);
    const loaded = el.rows.items.length;
    const scroller = $(el, '.scroll')!;
    for (let i = 0; i < 5; i++) {
      scroller.scrollTop = scroller.scrollHeight;
      await new Promise((r) => requestAnimationFrame(r));
    }
    await until(() => el.rows.items.length > loaded && !el.rows.isFetchingNextPage);
    await el.updateComplete;
    expect(domRows()).to.be.lessThan(40);
    // Pages arrive as the end nears, never the whole collection.
    expect(el.rows.items.length).to.be.at.most(1000);
    expect(el.rows.items.length % 50).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('keeps its rows host small however far it scrolls', async () => {
    const el = await table(crm, 'page-size');
    const host = $(el, '.rows')!;
    const scroller = $(el, '.scroll')!;
    // Some 1,200 rows, a few rows a frame, as a scrolling user would.
    for (let i = 0; i < 120; i++) {
      scroller.scrollTop += 400;
      await new Promise((r) => requestAnimationFrame(r));
    }
    await until(() => !el.rows.isFetchingNextPage);
    await el.updateComplete;
    const rows = $$(el, '.rows [role="row"]').length;
    expect(Number(host.lastElementChild?.getAttribute('data-index'))).to.be.greaterThan(800);
    // Each row and its two markers; nothing left behind by the rows scrolled past.
    expect(host.childNodes.length).to.be.at.most(3 * rows + 4);
  });

  it('shows each row its own name and selection while rows are reused on scroll', async () => {
    const el = await table(crm, 'page-size');
    const scroller = $(el, '.scroll')!;
    const checkbox = (index: number) =>
      $<HTMLInputElement>(el, `[data-index="${index}"] input[type="checkbox"]`);
    checkbox(0)!.click();
    await el.updateComplete;
    expect(el.selectedIds).to.deep.equal([el.rows.items[0]!.id]);
    for (let i = 0; i < 10; i++) {
      scroller.scrollTop += 400;
      await new Promise((r) => requestAnimationFrame(r));
    }
    await el.updateComplete;
    const shown = $$(el, '.rows [role="row"]');
    expect(Number(shown[0]!.dataset['index'])).to.be.greaterThan(50);
    for (const row of shown) {
      const customer = el.rows.items[Number(row.dataset['index'])]!;
      expect(row.querySelector('.name')!.textContent!.trim()).to.equal(customer.name);
      expect(row.getAttribute('aria-selected')).to.equal('false');
      expect(row.querySelector<HTMLInputElement>('input[type="checkbox"]')!.checked).to.equal(
        false,
      );
    }
    scroller.scrollTop = 0;
    await new Promise((r) => requestAnimationFrame(r));
    await new Promise((r) => requestAnimationFrame(r));
    expect(checkbox(0)!.checked).to.equal(true);
    expect($(el, '[data-index="0"]')!.getAttribute('aria-selected')).to.equal('true');
    expect(checkbox(1)!.checked).to.equal(false);
  });

  it('moves focus to a row not rendered yet and shows it below the header', async () => {
    const el = await table(crm, 'page-size');
    const scroller = $(el, '.scroll')!;
    const start = $(el, '[role="columnheader"][tabindex="0"]')!;
    start.focus();
    key(start, 'ArrowDown');
    await until(() => focused(el)?.dataset['row'] === '0');
    const last = el.rows.items.length - 1;
    expect($(el, `[data-row="${last}"]`)).to.equal(null);
    key(focused(el)!, 'End', { ctrlKey: true });
    await until(() => focused(el)?.dataset['row'] === `${last}`);
    const visible = (cell: HTMLElement) => {
      const box = scroller.getBoundingClientRect();
      const header = $(el, '.head')!.getBoundingClientRect();
      const rect = cell.getBoundingClientRect();
      return rect.top >= header.bottom - 1 && rect.bottom <= box.bottom;
    };
    expect(visible(focused(el)!)).to.equal(true);
    expect(focused(el)!.closest('[role="row"]')!.getAttribute('aria-rowindex')).to.equal(
      `${last + 2}`,
    );
    key(focused(el)!, 'Home', { ctrlKey: true });
    await until(() => focused(el)?.dataset['row'] === '0');
    expect(visible(focused(el)!)).to.equal(true);
    expect($$(el, '[role="grid"] [tabindex="0"]')).to.have.length(1);
  });
});
