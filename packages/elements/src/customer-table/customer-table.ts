import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  CUSTOMER_TIERS,
  LIFECYCLE_STAGES,
  crmKeys,
  type OrderBy,
  type QuerySpec,
  type Where,
} from '@rapport/core';
import { CrmElement } from '../base/crm-element.js';
import { whereConverter } from '../base/where-converter.js';
import { virtualList, type VirtualRange } from '../base/virtual-list.js';
import { InfiniteQueryController } from '../controllers/infinite-query-controller.js';
import { tableStyles } from './customer-table.styles.js';
import {
  focusGridCell,
  gridCellOf,
  gridTabIndex,
  moveInGrid,
  type GridCell,
} from '../base/grid-navigation.js';
import {
  DEFAULT_COLUMNS,
  TABLE_COLUMNS,
  chipsWhere,
  parseOrderBy,
  type ChipField,
  type CustomerRow,
  type FilterChip,
  type TableColumn,
  type TableOwner,
} from './table-columns.js';
import { LocalizeController } from '../i18n/localize-controller.js';
import { customerTableMessages, type CustomerTableMessageKey } from './messages.js';

/** Fetch the next page when the last rendered row is this close to the end of what is loaded. */
const PREFETCH_ROWS = 20;
/** A row's height in the default theme (`--crm-table-row-height`); the list measures it. */
const ROW_HEIGHT = 40;
const SEARCH_DEBOUNCE_MS = 250;

/** `crm-selection-change` detail. */
export interface SelectionChangeDetail {
  readonly ids: readonly string[];
}

/** `crm-customer-open` detail. */
export interface CustomerOpenDetail {
  readonly customerId: string;
  readonly customer: CustomerRow;
}

/** `columns="name,tier,owner"` as keys; no attribute means the default columns. */
function parseColumns(value: string | null): string[] {
  return value
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [...DEFAULT_COLUMNS];
}

/**
 * @summary A customer list over a query: sortable, filterable, searchable, selectable,
 * keyboard-navigable (grid pattern), paged by cursor as you scroll and virtualised, so 100k
 * customers keep only the visible rows in the DOM.
 *
 * @tag crm-customer-table
 *
 * @event {CustomEvent<{ customerId: string; customer: Customer }>} crm-customer-open - Enter on a row, or a click on a name.
 * @event {CustomEvent<{ ids: string[] }>} crm-selection-change - The selected rows changed.
 *
 * @csspart base - The wrapper around everything.
 * @csspart toolbar - Search box, filters and column chooser.
 * @csspart search - The search input.
 * @csspart chip - A removable filter chip.
 * @csspart grid - The scrolling grid (header and rows).
 * @csspart header - The header row.
 * @csspart row - A data row.
 * @csspart cell - A data cell.
 * @csspart status - Loading, empty, error and count messages.
 *
 * @cssproperty [--crm-table-height=480px] - Height of the scrolling grid.
 * @cssproperty [--crm-table-row-height=40px] - Height of a row.
 * @cssproperty [--crm-table-selected=color-mix(in srgb, var(--crm-color-primary) 12%, transparent)] - Background of a selected row.
 *
 * @cssstate loading - The first page is loading.
 * @cssstate empty - Nothing matches.
 * @cssstate error - The query failed.
 */
export class CrmCustomerTable extends CrmElement {
  static override styles = [...CrmElement.styles, tableStyles];

  /** Strings, numbers, money and dates in the current locale. */
  protected readonly i18n = new LocalizeController(this, customerTableMessages);

  static override properties = {
    where: { converter: whereConverter },
    orderByAttr: { attribute: 'order-by' },
    columns: { converter: { fromAttribute: parseColumns } },
    pageSize: { type: Number, attribute: 'page-size' },
    owners: { attribute: false },
    filters: { attribute: false },
    searchText: { state: true, attribute: false },
    sortOverride: { state: true, attribute: false },
    selection: { state: true, attribute: false },
    focused: { state: true, attribute: false },
  };

  /** Filter as JSON (`where='{"tier":{"eq":"vip"}}'`) or a `Where` object; chips narrow it further. */
  declare where: Where | undefined;

  /** Sort: `order-by="updatedAt:desc"` (or `-updatedAt`, `name`). Header clicks change it. */
  declare orderByAttr: string | null;

  /** Visible column keys, in order (`columns="name,tier,owner"`). The column chooser changes it. */
  declare columns: string[];

  /** Rows per page fetched from storage. */
  declare pageSize: number;

  /** The host's users, for owner names and the owner filter. */
  declare owners: readonly TableOwner[];

  /** Active filter chips (tier, lifecycle stage, owner). */
  declare filters: readonly FilterChip[];

  declare private searchText: string;
  declare private sortOverride: OrderBy[] | undefined;
  declare private selection: Set<string>;
  declare private focused: GridCell;

  constructor() {
    super();
    this.orderByAttr = null;
    this.columns = [...DEFAULT_COLUMNS];
    this.pageSize = 50;
    this.owners = [];
    this.filters = [];
    this.searchText = '';
    this.selection = new Set<string>();
    this.focused = { row: -1, col: 0 };
  }

  #searchDraft = '';
  #composing = false;
  #debounce: ReturnType<typeof setTimeout> | undefined;
  #anchor: number | undefined;
  #range = { first: 0, last: -1 };
  #focusPending = false;
  #instanceId = Math.random().toString(36).slice(2, 8);

  readonly rows = new InfiniteQueryController<CustomerRow>(this, () => {
    const crm = this.crm;
    if (!crm) return undefined;
    const spec = this.querySpec;
    return {
      queryKey: [...crmKeys.list('customer', spec), 'pages'],
      queryFn: (cursor) => crm.customers.list({ ...spec, ...(cursor !== undefined && { cursor }) }),
    };
  });

  /** The ids of the selected rows. */
  get selectedIds(): string[] {
    return [...this.selection];
  }

  /** The query the table runs (without the cursor). */
  get querySpec(): QuerySpec {
    const parts = [this.where, chipsWhere(this.filters)].filter(
      (w): w is Where => !!w && Object.keys(w).length > 0,
    );
    const where: Where | undefined =
      parts.length === 0 ? undefined : parts.length === 1 ? parts[0] : { and: parts };
    return {
      ...(where && { where }),
      ...(this.searchText.trim() && { search: this.searchText.trim() }),
      orderBy: this.#orderBy,
      limit: Math.max(1, Math.min(1000, Math.floor(this.pageSize) || 50)),
    };
  }

  get #orderBy(): OrderBy[] {
    return (
      this.sortOverride ??
      parseOrderBy(this.orderByAttr) ?? [{ field: 'updatedAt', direction: 'desc' }]
    );
  }

  get #visibleColumns(): TableColumn[] {
    const wanted = new Set(['name', ...this.columns]);
    return TABLE_COLUMNS.filter((c) => wanted.has(c.key));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#debounce);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('orderByAttr')) this.sortOverride = undefined;
  }

  protected override updated(): void {
    if (this.#focusPending) {
      this.#focusPending = false;
      this.#focusCell();
    }
  }

  protected override render(): TemplateResult {
    const { status } = this.rows;
    const empty = status === 'success' && this.rows.items.length === 0;
    this.setState('loading', status === 'loading');
    this.setState('error', status === 'error');
    this.setState('empty', empty);
    const columns = this.#visibleColumns;
    const total = this.rows.total;
    return html`
      <div part="base" class="base">
        ${this.#renderToolbar()}
        <div class="scroll" part="grid">
          <div
            role="grid"
            class="grid"
            aria-label=${this.i18n.t('table.label')}
            aria-rowcount=${status === 'success' ? total + 1 : -1}
            aria-colcount=${columns.length + 1}
            aria-multiselectable="true"
            aria-busy=${status === 'loading' || this.rows.isFetchingNextPage ? 'true' : 'false'}
            @keydown=${this.handleGridKeydown}
            @focusin=${this.handleGridFocusin}
          >
            <div role="rowgroup" class="head">
              <div role="row" part="header" class="row header" aria-rowindex="1">
                ${this.#renderSelectAllCell()}
                ${columns.map((column, i) => this.#renderHeaderCell(column, i + 1))}
              </div>
            </div>
            <div role="rowgroup" class="rows">
              ${virtualList({
                items: this.rows.items,
                key: (customer) => customer.id,
                renderItem: (customer, index) => this.#renderRow(customer, index, columns),
                itemHeight: ROW_HEIGHT,
                scroller: '.scroll',
                onRangeChange: this.handleRangeChange,
              })}
            </div>
          </div>
        </div>
        ${this.#renderStatus(empty)}
      </div>
    `;
  }

  #renderToolbar(): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    const searchId = `search-${this.#instanceId}`;
    return html`
      <div class="toolbar" part="toolbar">
        <label class="visually-hidden" for=${searchId}>${t('table.search')}</label>
        <input
          id=${searchId}
          part="search"
          class="search"
          type="search"
          .value=${this.#searchDraft}
          placeholder=${t('table.searchPlaceholder')}
          @input=${this.handleSearchInput}
          @compositionstart=${this.handleCompositionStart}
          @compositionend=${this.handleCompositionEnd}
          @keydown=${this.handleSearchKeydown}
        />
        ${this.#renderFilterSelect(
          'tier',
          'table.filterTier',
          CUSTOMER_TIERS.map((v) => [v, t(`tier.${v}` as const)]),
        )}
        ${this.#renderFilterSelect(
          'lifecycleStage',
          'table.filterLifecycle',
          LIFECYCLE_STAGES.map((v) => [v, t(`lifecycle.${v}` as const)]),
        )}
        ${this.#renderFilterSelect('ownerId', 'table.filterOwner', this.#ownerOptions())}
        <details class="chooser">
          <summary class="button">${t('table.columns')}</summary>
          <fieldset>
            <legend class="visually-hidden">${t('table.columns')}</legend>
            ${TABLE_COLUMNS.map(
              (column) =>
                html`<label
                  ><input
                    type="checkbox"
                    .checked=${column.key === 'name' || this.columns.includes(column.key)}
                    ?disabled=${column.key === 'name'}
                    @change=${(e: Event) =>
                      this.#toggleColumn(column.key, (e.target as HTMLInputElement).checked)}
                  />
                  ${t(column.label)}</label
                >`,
            )}
          </fieldset>
        </details>
      </div>
      ${
        this.filters.length > 0
          ? html`<ul class="chips" aria-label=${t('table.filters')}>
              ${this.filters.map(
                (chip) =>
                  html`<li>
                    <button
                      part="chip"
                      class="chip"
                      type="button"
                      aria-label=${t('table.removeFilter', { label: this.#chipLabel(chip) })}
                      @click=${() => this.#removeChip(chip)}
                    >
                      <span>${this.#chipLabel(chip)}</span><span aria-hidden="true">×</span>
                    </button>
                  </li>`,
              )}
              <li>
                <button type="button" class="button link" @click=${() => this.#setFilters([])}>
                  ${t('table.clearFilters')}
                </button>
              </li>
            </ul>`
          : nothing
      }
    `;
  }

  #renderFilterSelect(
    field: ChipField,
    label: CustomerTableMessageKey,
    options: readonly (readonly [string, string])[],
  ): TemplateResult | typeof nothing {
    if (options.length === 0) return nothing;
    const id = `filter-${field}-${this.#instanceId}`;
    return html`<label class="filter" for=${id}>
      <span>${this.i18n.t(label)}</span>
      <select id=${id} @change=${(e: Event) => this.#addChip(field, e.target as HTMLSelectElement)}>
        <option value="">${this.i18n.t('table.filterAny')}</option>
        ${options.map(
          ([value, text]) =>
            html`<option
              value=${value}
              ?disabled=${this.filters.some((c) => c.field === field && c.value === value)}
            >
              ${text}
            </option>`,
        )}
      </select>
    </label>`;
  }

  #ownerOptions(): (readonly [string, string])[] {
    const me = this.crm?.principal.id;
    const options = this.owners.map((o) => [o.id, o.name] as const);
    if (me && !this.owners.some((o) => o.id === me))
      options.unshift([me, this.i18n.t('table.ownerMe')] as const);
    return options;
  }

  #ownerName = (id: string | undefined): string => {
    if (!id) return '';
    if (id === this.crm?.principal.id && !this.owners.some((o) => o.id === id))
      return this.i18n.t('table.ownerMe');
    return this.owners.find((o) => o.id === id)?.name ?? id;
  };

  #chipLabel(chip: FilterChip): string {
    const t = this.i18n.t.bind(this.i18n);
    const [fieldLabel, valueLabel] =
      chip.field === 'tier'
        ? [t('table.filterTier'), t(`tier.${chip.value as 'vip'}` as const)]
        : chip.field === 'lifecycleStage'
          ? [t('table.filterLifecycle'), t(`lifecycle.${chip.value as 'customer'}` as const)]
          : [t('table.filterOwner'), this.#ownerName(chip.value)];
    return t('table.chip', { field: fieldLabel, value: valueLabel });
  }

  #renderSelectAllCell(): TemplateResult {
    const loaded = this.rows.items;
    // Every loaded row is checked on each render (thousands after a long scroll): not when
    // nothing is selected.
    const selected = this.selection.size > 0;
    const all = selected && loaded.length > 0 && loaded.every((c) => this.selection.has(c.id));
    const some = selected && !all && loaded.some((c) => this.selection.has(c.id));
    return html`<div
      role="columnheader"
      class="cell check"
      aria-colindex="1"
      data-row="-1"
      data-col="0"
      tabindex=${this.#tabindex(-1, 0)}
    >
      <input
        type="checkbox"
        tabindex="-1"
        aria-label=${this.i18n.t('table.selectAll')}
        .checked=${all}
        .indeterminate=${some}
        @click=${(e: Event) => {
          e.stopPropagation();
          this.#toggleAll();
        }}
      />
    </div>`;
  }

  #renderHeaderCell(column: TableColumn, col: number): TemplateResult {
    const sort = this.#orderBy[0];
    const direction =
      column.sortField && sort?.field === column.sortField
        ? (sort.direction ?? 'asc') === 'desc'
          ? 'descending'
          : 'ascending'
        : column.sortField
          ? 'none'
          : undefined;
    return html`<div
      role="columnheader"
      class="cell col-${column.key} ${column.sortField ? 'sortable' : ''}"
      aria-colindex=${col + 1}
      aria-sort=${direction ?? nothing}
      data-row="-1"
      data-col=${col}
      tabindex=${this.#tabindex(-1, col)}
      @click=${column.sortField ? () => this.#toggleSort(column) : nothing}
    >
      <span>${this.i18n.t(column.label)}</span>${
        direction === 'ascending'
          ? html`<span class="arrow" aria-hidden="true">▲</span>`
          : direction === 'descending'
            ? html`<span class="arrow" aria-hidden="true">▼</span>`
            : nothing
      }
    </div>`;
  }

  #renderRow(
    customer: CustomerRow,
    index: number,
    columns: readonly TableColumn[],
  ): TemplateResult {
    const selected = this.selection.has(customer.id);
    const ctx = { i18n: this.i18n, ownerName: this.#ownerName };
    return html`<div
      role="row"
      part="row"
      class="row ${selected ? 'selected' : ''}"
      aria-rowindex=${index + 2}
      aria-selected=${selected ? 'true' : 'false'}
      data-index=${index}
    >
      <div
        role="gridcell"
        part="cell"
        class="cell check"
        aria-colindex="1"
        data-row=${index}
        data-col="0"
        tabindex=${this.#tabindex(index, 0)}
      >
        <input
          type="checkbox"
          tabindex="-1"
          aria-label=${this.i18n.t('table.selectRow', { name: customer.name })}
          .checked=${selected}
          @click=${(e: MouseEvent) => {
            e.stopPropagation();
            this.#toggleRow(index, e.shiftKey);
          }}
        />
      </div>
      ${columns.map((column, i) =>
        column.key === 'name'
          ? html`<div
              role="gridcell"
              part="cell"
              class="cell col-name"
              aria-colindex=${i + 2}
              data-row=${index}
              data-col=${i + 1}
              tabindex=${this.#tabindex(index, i + 1)}
            >
              <button type="button" class="name" tabindex="-1" @click=${() => this.#open(customer)}>
                ${customer.name}
              </button>
            </div>`
          : html`<div
              role="gridcell"
              part="cell"
              class="cell col-${column.key}"
              aria-colindex=${i + 2}
              data-row=${index}
              data-col=${i + 1}
              tabindex=${this.#tabindex(index, i + 1)}
            >
              ${column.text(customer, ctx)}
            </div>`,
      )}
    </div>`;
  }

  #renderStatus(empty: boolean): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    const { status } = this.rows;
    if (!this.crm) return html`<p class="status" part="status">${t('common.noClient')}</p>`;
    if (status === 'loading' || status === 'idle')
      return html`<p class="status" part="status" role="status">${t('common.loading')}</p>`;
    if (status === 'error')
      return html`<div class="status error" part="status" role="alert">
        <span>${t('common.errorDetail', { message: errorMessage(this.rows.error) })}</span>
        <button type="button" class="button" @click=${() => void this.rows.refetch()}>
          ${t('common.retry')}
        </button>
      </div>`;
    if (empty) return html`<p class="status" part="status" role="status">${t('table.empty')}</p>`;
    return html`<p class="status count" part="status" role="status">
      ${t('table.count', {
        shown: this.i18n.number(this.rows.items.length),
        total: this.i18n.number(this.rows.total),
      })}${
        this.selection.size > 0
          ? html` · ${t('table.selected', { count: this.i18n.number(this.selection.size) })}`
          : nothing
      }${this.rows.isFetchingNextPage ? html` · ${t('table.loadingMore')}` : nothing}
    </p>`;
  }

  // Focus -------------------------------------------------------------------------------------

  #tabindex(row: number, col: number): string {
    return gridTabIndex(this.focused, this.#range, row, col);
  }

  #focusCell(): void {
    focusGridCell(this.renderRoot, this.focused);
  }

  handleGridFocusin = (event: FocusEvent): void => {
    const cell = gridCellOf(event);
    if (cell && (cell.row !== this.focused.row || cell.col !== this.focused.col))
      this.focused = cell;
  };

  handleGridKeydown = (event: KeyboardEvent): void => {
    const { row, col } = this.focused;
    const columns = this.#visibleColumns;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      if (row === -1) {
        if (col === 0) this.#toggleAll();
        else {
          const column = columns[col - 1];
          if (column?.sortField) this.#toggleSort(column);
        }
      } else if (event.key === ' ' || col === 0) this.#toggleRow(row, event.shiftKey);
      else {
        const customer = this.rows.items[row];
        if (customer) this.#open(customer);
      }
      return;
    }
    const next = moveInGrid(
      this.focused,
      event.key,
      { rows: this.rows.items.length, cols: columns.length + 1, page: 10 },
      event.ctrlKey || event.metaKey,
    );
    if (!next) return;
    event.preventDefault();
    this.focused = next;
    this.#focusPending = true;
    if (next.row >= this.rows.items.length - PREFETCH_ROWS) void this.rows.fetchNextPage();
  };

  handleRangeChange = ({ first, last }: VirtualRange): void => {
    this.#range = { first, last };
    if (last >= this.rows.items.length - PREFETCH_ROWS) void this.rows.fetchNextPage();
  };

  // Search, filters, sorting, columns ---------------------------------------------------------

  handleSearchInput = (event: InputEvent): void => {
    this.#searchDraft = (event.target as HTMLInputElement).value;
    // While an IME composes (拼音 → 汉字), the text is not what the user means yet.
    if (this.#composing || event.isComposing) return;
    this.#scheduleSearch();
  };

  handleCompositionStart = (): void => {
    this.#composing = true;
  };

  handleCompositionEnd = (event: CompositionEvent): void => {
    this.#composing = false;
    this.#searchDraft = (event.target as HTMLInputElement).value;
    this.#scheduleSearch();
  };

  handleSearchKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' && !event.isComposing) {
      clearTimeout(this.#debounce);
      this.#applySearch();
    }
  };

  #scheduleSearch(): void {
    clearTimeout(this.#debounce);
    this.#debounce = setTimeout(() => this.#applySearch(), SEARCH_DEBOUNCE_MS);
  }

  #applySearch(): void {
    if (this.searchText === this.#searchDraft) return;
    this.searchText = this.#searchDraft;
    this.#resetFocus();
  }

  #addChip(field: ChipField, select: HTMLSelectElement): void {
    const value = select.value;
    select.value = '';
    if (!value || this.filters.some((c) => c.field === field && c.value === value)) return;
    this.#setFilters([...this.filters, { field, value }]);
  }

  #removeChip(chip: FilterChip): void {
    this.#setFilters(this.filters.filter((c) => c !== chip));
    // Focus would be lost with the removed chip: put it on the search box.
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('.chip, .search')?.focus(),
    );
  }

  #setFilters(filters: readonly FilterChip[]): void {
    this.filters = filters;
    this.#resetFocus();
  }

  #toggleSort(column: TableColumn): void {
    const field = column.sortField!;
    const current = this.#orderBy[0];
    const direction =
      current?.field === field && (current.direction ?? 'asc') === 'asc' ? 'desc' : 'asc';
    this.sortOverride = [{ field, direction }];
    this.focused = { row: -1, col: this.focused.col };
  }

  #toggleColumn(key: string, on: boolean): void {
    const set = new Set(this.columns);
    if (on) set.add(key);
    else set.delete(key);
    this.columns = TABLE_COLUMNS.map((c) => c.key).filter((k) => set.has(k));
    this.focused = { row: this.focused.row, col: Math.min(this.focused.col, this.columns.length) };
  }

  #resetFocus(): void {
    this.focused = { row: -1, col: this.focused.col };
  }

  // Selection and opening ---------------------------------------------------------------------

  #toggleRow(index: number, extend: boolean): void {
    const customer = this.rows.items[index];
    if (!customer) return;
    const next = new Set(this.selection);
    const on = !next.has(customer.id);
    if (extend && this.#anchor !== undefined) {
      const [from, to] = [Math.min(this.#anchor, index), Math.max(this.#anchor, index)];
      for (let i = from; i <= to; i++) {
        const id = this.rows.items[i]?.id;
        if (!id) continue;
        if (on) next.add(id);
        else next.delete(id);
      }
    } else if (on) next.add(customer.id);
    else next.delete(customer.id);
    this.#anchor = index;
    this.#setSelection(next);
  }

  #toggleAll(): void {
    const loaded = this.rows.items;
    const all = loaded.length > 0 && loaded.every((c) => this.selection.has(c.id));
    this.#setSelection(all ? new Set() : new Set(loaded.map((c) => c.id)));
  }

  #setSelection(next: Set<string>): void {
    this.selection = next;
    this.emit<SelectionChangeDetail>('crm-selection-change', { ids: [...next] });
  }

  #open(customer: CustomerRow): void {
    this.emit<CustomerOpenDetail>('crm-customer-open', { customerId: customer.id, customer });
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
