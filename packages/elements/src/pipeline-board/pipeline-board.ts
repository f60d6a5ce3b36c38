import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  ValidationError,
  crmKeys,
  type BoardSummary,
  type EntityRecord,
  type QueryResult,
  type Stage,
  type Where,
} from '@rapport/core';
import { moveInSummary, stageDealsQuery } from '@rapport/core/sales';
import { announce } from '../base/announce.js';
import { CrmElement } from '../base/crm-element.js';
import { whereConverter } from '../base/where-converter.js';
import { errorMessageKey } from '../base/error-message.js';
import { QueryController } from '../base/query-controller.js';
import { revealIndex, virtualList, type VirtualRange } from '../base/virtual-list.js';
import { InfiniteQueryController } from '../controllers/infinite-query-controller.js';
import { boardKeyDown, type BoardKeyState } from './board-keyboard.js';
import { boardStyles } from './pipeline-board.styles.js';
import { LocalizeController } from '../i18n/localize-controller.js';
import { pipelineBoardMessages } from './messages.js';

export type BoardDealRecord = EntityRecord<'deal'>;
type PipelineRecord = EntityRecord<'pipeline'>;

/** `crm-deal-move` (cancelable intent) detail. */
export interface DealMoveDetail {
  readonly dealId: string;
  readonly fromStageId: string;
  readonly toStageId: string;
  readonly deal: BoardDealRecord;
}

/** `crm-deal-moved` (outcome) detail: the stored deal after the move. */
export interface DealMovedDetail extends DealMoveDetail {
  readonly lostReason?: string;
}

/** `crm-deal-move-failed` detail: the move was rolled back. */
export interface DealMoveFailedDetail extends DealMoveDetail {
  readonly error: unknown;
}

export interface PendingMove {
  readonly deal: BoardDealRecord;
  readonly to: string;
  /** The summary the optimistic figures were computed over; a newer one already counts the move. */
  readonly summaryBase: BoardSummary | undefined;
}

let boardCount = 0;
const NO_DEALS: readonly BoardDealRecord[] = [];
/** A card's height in the default theme (fixed by CSS; each column measures its first card). */
const CARD_HEIGHT = 117;

/** After the next frame has rendered; after 100 ms when no frame comes (a hidden tab). */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }),
    );
  });
}

/**
 * @summary A sales pipeline as a board: a column per stage with its count, total and weighted
 * amount (from core's `crm.deals.board`), deals paged per stage and virtualised, moved by drag
 * and drop, by keyboard (Space, arrows, Space) or by a "Move to…" menu, optimistically with
 * rollback, announced in a live region.
 *
 * @tag crm-pipeline-board
 *
 * @event {CustomEvent<{ dealId: string; fromStageId: string; toStageId: string; deal: Deal }>} crm-deal-move - Cancelable intent, before anything changes; `preventDefault()` keeps the deal where it is.
 * @event {CustomEvent<{ dealId: string; fromStageId: string; toStageId: string; deal: Deal; lostReason?: string }>} crm-deal-moved - The move is stored; `deal` is the stored record.
 * @event {CustomEvent<{ dealId: string; fromStageId: string; toStageId: string; deal: Deal; error: unknown }>} crm-deal-move-failed - The move failed (conflict, permission, validation) and was rolled back.
 * @event {CustomEvent<{ dealId: string; deal: Deal }>} crm-deal-open - Enter on a card.
 * @event {CustomEvent<{ pipelineId: string }>} crm-pipeline-change - The pipeline switcher chose another pipeline.
 *
 * @csspart base - The wrapper around everything.
 * @csspart toolbar - The pipeline switcher and totals.
 * @csspart column - A stage column.
 * @csspart header - A column's header: stage name, count, total, weighted amount.
 * @csspart card - A deal card.
 * @csspart menu - The "Move to…" menu.
 * @csspart dialog - The lost-reason dialog.
 * @csspart error - The visible error after a failed move.
 * @csspart status - Loading, empty and error messages.
 *
 * @cssproperty [--crm-board-column-width=272px] - Width of a column.
 * @cssproperty [--crm-board-column-height=560px] - Height of a column's scrolling card list.
 * @cssproperty [--crm-board-drop-target=color-mix(in srgb, var(--crm-color-primary) 10%, transparent)] - Background of the column a card is over.
 *
 * @cssstate loading - Pipelines or column figures are loading.
 * @cssstate empty - No pipeline, or no deal in the pipeline.
 * @cssstate error - A query failed.
 */
export class CrmPipelineBoard extends CrmElement {
  static override styles = [...CrmElement.styles, boardStyles];

  /** Strings, numbers, money and dates in the current locale. */
  protected readonly i18n = new LocalizeController(this, pipelineBoardMessages);

  static override properties = {
    pipelineId: { attribute: 'pipeline-id' },
    where: { converter: whereConverter },
    pageSize: { type: Number, attribute: 'page-size' },
    announcement: { state: true, attribute: false },
    pending: { state: true, attribute: false },
    keyState: { state: true, attribute: false },
    menuFor: { state: true, attribute: false },
    lostFor: { state: true, attribute: false },
    lostError: { state: true, attribute: false },
    moveError: { state: true, attribute: false },
    dragOver: { state: true, attribute: false },
  };

  /** The pipeline to show. Default: the pipeline marked `isDefault`, else the first by name. */
  declare pipelineId: string | undefined;

  /** Narrows the deals (`where='{"ownerId":{"eq":"u-li"}}'`): figures and cards alike. */
  declare where: Where | undefined;

  /** Deals fetched per column page. */
  declare pageSize: number;

  /** The latest live-region announcement (also readable by tests and hosts). */
  declare announcement: string;

  /** Moves shown optimistically and not yet confirmed by storage, by deal id (read-only). */
  declare pending: ReadonlyMap<string, PendingMove>;
  declare private keyState: BoardKeyState;
  declare private menuFor: string | undefined;
  declare private lostFor: BoardDealRecord | undefined;
  declare private lostError: boolean;
  declare private moveError: string | undefined;
  declare private dragOver: string | undefined;

  constructor() {
    super();
    this.pageSize = 50;
    this.announcement = '';
    this.pending = new Map();
    this.keyState = { column: 0, row: 0 };
    this.lostError = false;
  }

  readonly #id = `board-${++boardCount}`;
  #columns = new Map<string, InfiniteQueryController<BoardDealRecord>>();
  #columnsKey = '';
  #ranges = new Map<number, { first: number; last: number }>();
  #shown = new Map<
    string,
    {
      loaded: readonly BoardDealRecord[];
      pending: ReadonlyMap<string, PendingMove>;
      deals: BoardDealRecord[];
    }
  >();
  #dragging: BoardDealRecord | undefined;
  #focusAfterRender = false;
  #lostResolve: ((reason: string | null) => void) | undefined;
  #returnFocus: HTMLElement | undefined;
  /** The key card, clamped, while an update renders: each card asks whether it is the tab stop. */
  #renderKey: BoardKeyState | undefined;

  readonly pipelines = new QueryController<QueryResult<PipelineRecord>>(this, () =>
    this.crm
      ? this.crm.queries.list('pipeline', { orderBy: [{ field: 'name' }], limit: 200 })
      : undefined,
  );

  readonly summary = new QueryController<BoardSummary>(this, () => {
    const pipeline = this.pipeline;
    if (!this.crm || !pipeline) return undefined;
    const { queryKey, queryFn } = this.crm.queries.board(pipeline.id, this.where ?? {});
    // Stage probabilities live on the pipeline: a new pipeline version means new figures.
    return { queryKey: [...queryKey, pipeline.version], queryFn };
  });

  /** The pipeline shown. */
  get pipeline(): PipelineRecord | undefined {
    const list = this.pipelines.data?.items ?? [];
    if (this.pipelineId) return list.find((p) => p.id === this.pipelineId);
    return list.find((p) => p.isDefault) ?? list[0];
  }

  /**
   * The deals loaded for a stage, as shown (optimistic moves applied). The same array until the
   * stage's pages or the pending moves change.
   */
  dealsIn(stageId: string): BoardDealRecord[] {
    const loaded = this.#columns.get(stageId)?.items ?? NO_DEALS;
    const pending = this.pending;
    const shown = this.#shown.get(stageId);
    if (shown?.loaded === loaded && shown.pending === pending) return shown.deals;
    const arriving = [...pending.values()]
      .filter((p) => p.to === stageId)
      .map((p) => ({ ...p.deal, stageId }) as BoardDealRecord);
    const deals = [...arriving, ...loaded.filter((d) => !pending.has(d.id))];
    this.#shown.set(stageId, { loaded, pending, deals });
    return deals;
  }

  /** The column figures as shown (optimistic moves applied). */
  get figures(): BoardSummary | undefined {
    let summary = this.summary.data;
    if (!summary) return undefined;
    for (const p of this.pending.values())
      if (p.summaryBase === this.summary.data) summary = moveInSummary(summary, p.deal, p.to);
    return summary;
  }

  /**
   * Moves a deal as the board's own gestures do: the cancelable `crm-deal-move`, the lost-reason
   * prompt for a lost stage, an optimistic move, then `crm.deals.move` (rolled back with a
   * visible error on failure). Resolves `true` when the move is stored.
   */
  async moveDeal(dealId: string, toStageId: string): Promise<boolean> {
    const deal = this.#findDeal(dealId);
    return deal ? this.#requestMove(deal, toStageId) : false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#syncColumns();
  }

  protected override update(changed: PropertyValues<this>): void {
    try {
      super.update(changed);
    } finally {
      this.#renderKey = undefined;
    }
  }

  protected override updated(): void {
    if (this.#focusAfterRender) {
      this.#focusAfterRender = false;
      void this.#focusCard();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#lostResolve?.(null);
  }

  /** One InfiniteQueryController per stage of the shown pipeline; rebuilt when it changes. */
  #syncColumns(): void {
    const pipeline = this.pipeline;
    const key = pipeline
      ? JSON.stringify([pipeline.id, pipeline.stages.map((s) => s.id), this.where, this.pageSize])
      : '';
    if (key === this.#columnsKey) return;
    this.#columnsKey = key;
    for (const controller of this.#columns.values()) {
      this.removeController(controller);
      controller.hostDisconnected();
    }
    this.#columns = new Map();
    this.#ranges.clear();
    this.#shown.clear();
    if (!pipeline) return;
    const limit = Math.max(1, Math.min(500, Math.floor(this.pageSize) || 50));
    for (const stage of pipeline.stages) {
      const spec = stageDealsQuery(pipeline.id, stage.id, { where: this.where, limit });
      this.#columns.set(
        stage.id,
        new InfiniteQueryController<BoardDealRecord>(this, () =>
          this.crm
            ? {
                queryKey: [...crmKeys.list('deal', spec), 'pages'],
                queryFn: (cursor) =>
                  this.crm!.deals.list(
                    stageDealsQuery(pipeline.id, stage.id, {
                      where: this.where,
                      limit,
                      ...(cursor !== undefined && { cursor }),
                    }),
                  ),
              }
            : undefined,
        ),
      );
    }
  }

  // Rendering ---------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    const pipeline = this.pipeline;
    const figures = this.figures;
    const columnsFailed = [...this.#columns.values()].find((c) => c.status === 'error');
    const error =
      this.pipelines.status === 'error'
        ? this.pipelines.error
        : this.summary.status === 'error'
          ? this.summary.error
          : columnsFailed?.error;
    const failed = error !== undefined && error !== null;
    const loading =
      !failed &&
      (this.pipelines.status === 'loading' || (pipeline !== undefined && !this.summary.data));
    const noPipeline = this.pipelines.status === 'success' && !pipeline;
    const empty = !failed && !loading && (noPipeline || figures?.total.count === 0);
    this.setState('loading', loading);
    this.setState('error', failed);
    this.setState('empty', empty);

    if (!this.crm) return html`<p class="status" part="status">${t('common.noClient')}</p>`;
    if (failed)
      return html`<div class="status error" part="status" role="alert">
        <span>${t(errorMessageKey(error))}</span>
        <button type="button" class="button" @click=${this.handleRetry}>
          ${t('common.retry')}
        </button>
      </div>`;
    if (loading || !pipeline)
      return noPipeline
        ? html`<p class="status" part="status">${t('board.noPipeline')}</p>`
        : html`<p class="status" part="status" role="status">${t('common.loading')}</p>`;

    const instructions = `${this.#id}-instructions`;
    this.#renderKey = this.#clampedKey();
    return html`
      <div part="base" class="base">
        <div part="toolbar" class="toolbar">
          <label class="switcher">
            <span>${t('board.pipeline')}</span>
            <select @change=${this.handlePipelineChange}>
              ${(this.pipelines.data?.items ?? []).map(
                (p) =>
                  html`<option value=${p.id} ?selected=${p.id === pipeline.id}>${p.name}</option>`,
              )}
            </select>
          </label>
          ${
            figures
              ? html`<span class="totals muted">
                  ${t('board.count', { count: this.i18n.number(figures.total.count) })} ·
                  ${t('board.total', { amount: this.i18n.money(figures.total.amount, figures.currency) })}
                  ·
                  ${t('board.weighted', {
                    amount: this.i18n.money(figures.total.weighted, figures.currency),
                  })}
                </span>`
              : nothing
          }
        </div>
        ${empty ? html`<p class="status" part="status">${t('board.empty')}</p>` : nothing}
        ${
          this.moveError
            ? html`<div class="move-error" part="error" role="alert">
                <span>${this.moveError}</span>
                <button type="button" class="button" @click=${this.handleDismissError}>
                  ${t('board.dismiss')}
                </button>
              </div>`
            : nothing
        }
        <p id=${instructions} class="visually-hidden">${t('board.instructions')}</p>
        <div
          class="columns"
          role="group"
          aria-label=${t('board.label', { pipeline: pipeline.name })}
          tabindex=${this.#sizes().some((n) => n > 0) ? nothing : '0'}
          @keydown=${this.handleKeydown}
          @focusin=${this.handleFocusin}
        >
          ${pipeline.stages.map((stage, column) =>
            this.#renderColumn(stage, column, figures, instructions),
          )}
        </div>
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
          ${this.announcement}
        </div>
        ${this.#renderLostDialog()}
      </div>
    `;
  }

  #renderColumn(
    stage: Stage,
    column: number,
    figures: BoardSummary | undefined,
    instructions: string,
  ): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    const figure = figures?.columns.find((c) => c.stageId === stage.id);
    const currency = figures?.currency ?? 'CNY';
    const deals = this.dealsIn(stage.id);
    const controller = this.#columns.get(stage.id);
    const headingId = `${this.#id}-stage-${column}`;
    const target = this.keyState.over === column || this.dragOver === stage.id ? 'drop-target' : '';
    return html`<section
      part="column"
      class="column ${target} kind-${stage.kind}"
      aria-labelledby=${headingId}
      data-stage-id=${stage.id}
      @dragover=${(e: DragEvent) => this.handleDragOver(e, stage.id)}
      @dragleave=${(e: DragEvent) => this.handleDragLeave(e, stage.id)}
      @drop=${(e: DragEvent) => this.handleDrop(e, stage.id)}
    >
      <header part="header" class="header">
        <h3 id=${headingId}>${stage.name}</h3>
        <p class="figures">
          <span>${t('board.count', { count: this.i18n.number(figure?.count ?? 0) })}</span>
          <span
            >${t('board.total', { amount: this.i18n.money(figure?.amount ?? 0, currency) })}</span
          >
          <span
            >${t('board.weighted', {
              amount: this.i18n.money(figure?.weighted ?? 0, currency),
            })}</span
          >
        </p>
      </header>
      ${
        // A column whose cards are all being moved out keeps its (empty) list until storage
        // answers: a rollback shows them again at once, not after a new list's first layout.
        deals.length === 0 && !controller?.items.length
          ? html`<p class="column-empty muted">
              ${controller?.status === 'loading' ? t('common.loading') : t('board.columnEmpty')}
            </p>`
          : html`<div class="cards" data-column=${column}>
              <div class="card-list" role="list" aria-labelledby=${headingId}>
                ${virtualList({
                  items: deals,
                  key: (deal) => deal.id,
                  renderItem: (deal, row) => this.#renderCard(deal, column, row, instructions),
                  itemHeight: CARD_HEIGHT,
                  onRangeChange: (range) => this.handleRangeChange(range, column, stage.id),
                })}
              </div>
            </div>`
      }
      ${
        controller?.hasNextPage
          ? html`<button
              type="button"
              class="button more"
              ?disabled=${controller.isFetchingNextPage}
              @click=${() => void controller.fetchNextPage()}
            >
              ${t('common.loadMore')}
            </button>`
          : nothing
      }
    </section>`;
  }

  #renderCard(
    deal: BoardDealRecord,
    column: number,
    row: number,
    instructions: string,
  ): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    const carried = this.keyState.over !== undefined && this.#isKeyCard(column, row);
    const tabStop = this.#isTabStop(column, row);
    const pending = this.pending.has(deal.id);
    const menuOpen = this.menuFor === deal.id;
    const menuId = `${this.#id}-menu-${deal.id}`;
    return html`<div
      role="listitem"
      part="card"
      class="card ${carried ? 'carried' : ''} ${pending ? 'pending' : ''}"
      draggable="true"
      data-deal-id=${deal.id}
      @dragstart=${(e: DragEvent) => this.handleDragStart(e, deal)}
      @dragend=${this.handleDragEnd}
    >
      <div
        role="button"
        class="grab"
        tabindex=${tabStop ? '0' : '-1'}
        data-column=${column}
        data-row=${row}
        aria-roledescription=${t('board.draggable')}
        aria-describedby=${instructions}
        aria-pressed=${carried ? 'true' : 'false'}
      >
        <span class="name">${deal.name}</span>
        <span class="amount">${this.i18n.money(deal.amount, deal.currency)}</span>
        ${
          deal.expectedCloseDate
            ? html`<span class="date muted">${this.i18n.date(deal.expectedCloseDate)}</span>`
            : nothing
        }
      </div>
      <button
        type="button"
        class="move"
        tabindex=${tabStop ? '0' : '-1'}
        aria-haspopup="menu"
        aria-expanded=${menuOpen ? 'true' : 'false'}
        aria-controls=${menuOpen ? menuId : nothing}
        aria-label=${t('board.moveToLabel', { name: deal.name })}
        @click=${() => this.#toggleMenu(deal.id)}
      >
        ${t('board.moveTo')}
      </button>
      ${menuOpen ? this.#renderMenu(deal, menuId) : nothing}
    </div>`;
  }

  #renderMenu(deal: BoardDealRecord, id: string): TemplateResult {
    const stages = this.pipeline?.stages ?? [];
    return html`<div
      id=${id}
      role="menu"
      part="menu"
      class="menu"
      aria-label=${this.i18n.t('board.moveToLabel', { name: deal.name })}
      @keydown=${this.handleMenuKeydown}
    >
      ${stages.map(
        (stage) =>
          html`<button
            type="button"
            role="menuitem"
            tabindex="-1"
            ?disabled=${stage.id === deal.stageId}
            aria-disabled=${stage.id === deal.stageId ? 'true' : 'false'}
            @click=${() => this.#chooseFromMenu(deal, stage.id)}
          >
            ${
              stage.id === deal.stageId
                ? this.i18n.t('board.current', { stage: stage.name })
                : stage.name
            }
          </button>`,
      )}
    </div>`;
  }

  #renderLostDialog(): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    const titleId = `${this.#id}-lost-title`;
    const fieldId = `${this.#id}-lost-reason`;
    const errorId = `${this.#id}-lost-error`;
    return html`<dialog
      part="dialog"
      class="lost"
      aria-labelledby=${titleId}
      @cancel=${this.handleLostCancel}
      @close=${this.handleLostClose}
    >
      <form method="dialog" @submit=${this.handleLostSubmit} novalidate>
        <h2 id=${titleId}>${t('board.lostTitle', { name: this.lostFor?.name ?? '' })}</h2>
        <label for=${fieldId}>${t('board.lostReason')}</label>
        <textarea
          id=${fieldId}
          name="reason"
          rows="3"
          maxlength="500"
          aria-required="true"
          aria-invalid=${this.lostError ? 'true' : 'false'}
          aria-describedby=${this.lostError ? errorId : nothing}
        ></textarea>
        ${
          this.lostError
            ? html`<p id=${errorId} class="error">${t('board.lostRequired')}</p>`
            : nothing
        }
        <div class="actions">
          <button type="button" class="button" @click=${this.handleLostCancel}>
            ${t('common.cancel')}
          </button>
          <button type="submit" class="button primary">${t('board.lostConfirm')}</button>
        </div>
      </form>
    </dialog>`;
  }

  // Focus -------------------------------------------------------------------------------------

  #isKeyCard(column: number, row: number): boolean {
    return this.keyState.column === column && this.keyState.row === row;
  }

  /** One tab stop for the whole board: the key card, or the first card shown in its column. */
  #isTabStop(column: number, row: number): boolean {
    const key = this.#renderKey ?? this.#clampedKey();
    return column === key.column && row === this.#tabStopRow(key);
  }

  /** The row of the tab stop in the key column: the key card while shown, else the first shown. */
  #tabStopRow(key: BoardKeyState): number {
    const range = this.#ranges.get(key.column);
    return !range || (key.row >= range.first && key.row <= range.last) ? key.row : range.first;
  }

  #clampedKey(): BoardKeyState {
    const sizes = this.#sizes();
    let { column, row } = this.keyState;
    if ((sizes[column] ?? 0) === 0) {
      const first = sizes.findIndex((n) => n > 0);
      column = first === -1 ? 0 : first;
      row = 0;
    }
    row = Math.max(0, Math.min(row, (sizes[column] ?? 1) - 1));
    return { ...this.keyState, column, row };
  }

  #sizes(): number[] {
    return (this.pipeline?.stages ?? []).map((s) => this.dealsIn(s.id).length);
  }

  #grab(column: number, row: number): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(
      `.grab[data-column="${column}"][data-row="${row}"]`,
    );
  }

  /** The element once it has rendered (a menu renders with the host; give it a few frames). */
  async #rendered(selector: string, frames = 20): Promise<HTMLElement | null> {
    await this.updateComplete;
    for (let i = 0; i < frames; i++) {
      const found = this.renderRoot.querySelector<HTMLElement>(selector);
      if (found) return found;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    return null;
  }

  async #focusCard(): Promise<void> {
    const { column, row } = this.#clampedKey();
    await this.updateComplete;
    let card = this.#grab(column, row);
    if (!card) {
      // Not rendered: scroll its column to it, which renders it at once.
      revealIndex(
        this.renderRoot.querySelector(`.cards[data-column="${column}"] > .card-list`),
        row,
      );
      card = this.#grab(column, row);
    }
    card?.focus();
  }

  #findDeal(dealId: string): BoardDealRecord | undefined {
    for (const stage of this.pipeline?.stages ?? []) {
      const deal = this.dealsIn(stage.id).find((d) => d.id === dealId);
      if (deal) return deal;
    }
    return undefined;
  }

  // Keyboard ----------------------------------------------------------------------------------

  handleFocusin = (event: FocusEvent): void => {
    const grab = (event.target as HTMLElement).closest<HTMLElement>('.grab, .move');
    const card = grab?.closest('.card')?.querySelector<HTMLElement>('.grab');
    if (!card) return;
    const column = Number(card.dataset['column']);
    const row = Number(card.dataset['row']);
    if (this.keyState.over === undefined && !this.#isKeyCard(column, row))
      this.keyState = { column, row };
  };

  handleKeydown = (event: KeyboardEvent): void => {
    const target = event.target as HTMLElement;
    if (!target.classList.contains('grab')) return;
    const pipeline = this.pipeline;
    if (!pipeline) return;
    const sizes = this.#sizes();
    const current: BoardKeyState = {
      ...this.keyState,
      column: Number(target.dataset['column']),
      row: Number(target.dataset['row']),
    };
    const { state: next, action, handled } = boardKeyDown(current, event.key, sizes);
    if (handled) event.preventDefault();
    this.keyState = next;
    const deal = this.dealsIn(pipeline.stages[current.column]!.id)[current.row];
    const t = this.i18n.t.bind(this.i18n);
    switch (action.type) {
      case 'focus':
        this.#focusAfterRender = true;
        break;
      case 'open':
        if (deal) this.emit('crm-deal-open', { dealId: deal.id, deal });
        break;
      case 'pickup':
        if (deal)
          announce(
            this,
            t('board.pickedUp', { name: deal.name, stage: pipeline.stages[current.column]!.name }),
          );
        break;
      case 'over': {
        const stage = pipeline.stages[next.over!]!;
        announce(
          this,
          t('board.over', {
            stage: stage.name,
            position: next.over! + 1,
            count: pipeline.stages.length,
          }),
        );
        break;
      }
      case 'within':
        announce(this, t('board.within'));
        break;
      case 'drop':
        if (deal) void this.#requestMove(deal, pipeline.stages[action.to]!.id);
        break;
      case 'cancel':
        if (deal) announce(this, t('board.cancelled', { name: deal.name }));
        break;
      case 'none':
        break;
    }
  };

  handleRangeChange = ({ first, last }: VirtualRange, column: number, stageId: string): void => {
    const key = this.#clampedKey();
    const before = this.#tabStopRow(key);
    this.#ranges.set(column, { first, last });
    const controller = this.#columns.get(stageId);
    if (controller && last >= controller.items.length - 10) void controller.fetchNextPage();
    // The tab stop may have scrolled out: re-render so another card takes it. Only the key
    // column holds the tab stop, and only a tab stop that moves needs a render (the first
    // range of a column, which shows the key card, needs none).
    if (column === key.column && this.#tabStopRow(key) !== before) this.requestUpdate();
  };

  // Menu --------------------------------------------------------------------------------------

  #toggleMenu(dealId: string): void {
    this.menuFor = this.menuFor === dealId ? undefined : dealId;
    if (this.menuFor)
      void this.#rendered('.menu [role="menuitem"]:not([disabled])').then((item) => item?.focus());
  }

  #closeMenu(focusButton: boolean): void {
    const dealId = this.menuFor;
    this.menuFor = undefined;
    if (focusButton && dealId)
      void this.#rendered(`.card[data-deal-id="${CSS.escape(dealId)}"] .move`).then((button) =>
        button?.focus(),
      );
  }

  handleMenuKeydown = (event: KeyboardEvent): void => {
    const items = [
      ...(event.currentTarget as HTMLElement).querySelectorAll<HTMLButtonElement>(
        '[role="menuitem"]:not([disabled])',
      ),
    ];
    const index = items.indexOf(event.target as HTMLButtonElement);
    const go = (i: number) => items[(i + items.length) % items.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        go(index + 1);
        break;
      case 'ArrowUp':
        go(index - 1);
        break;
      case 'Home':
        go(0);
        break;
      case 'End':
        go(items.length - 1);
        break;
      case 'Escape':
      case 'Tab':
        this.#closeMenu(event.key === 'Escape');
        if (event.key === 'Tab') return;
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  #chooseFromMenu(deal: BoardDealRecord, stageId: string): void {
    this.#closeMenu(true);
    void this.#requestMove(deal, stageId);
  }

  // Drag and drop -----------------------------------------------------------------------------

  handleDragStart = (event: DragEvent, deal: BoardDealRecord): void => {
    this.#dragging = deal;
    event.dataTransfer?.setData('text/plain', deal.name);
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
  };

  handleDragEnd = (): void => {
    this.#dragging = undefined;
    this.dragOver = undefined;
  };

  handleDragOver = (event: DragEvent, stageId: string): void => {
    if (!this.#dragging) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
    if (this.dragOver !== stageId) this.dragOver = stageId;
  };

  handleDragLeave = (event: DragEvent, stageId: string): void => {
    const into = event.relatedTarget as Node | null;
    if (into && (event.currentTarget as HTMLElement).contains(into)) return;
    if (this.dragOver === stageId) this.dragOver = undefined;
  };

  handleDrop = (event: DragEvent, stageId: string): void => {
    const deal = this.#dragging;
    if (!deal) return;
    event.preventDefault();
    this.#dragging = undefined;
    this.dragOver = undefined;
    void this.#requestMove(deal, stageId);
  };

  // Moving ------------------------------------------------------------------------------------

  async #requestMove(deal: BoardDealRecord, toStageId: string): Promise<boolean> {
    const crm = this.crm;
    const pipeline = this.pipeline;
    const stage = pipeline?.stages.find((s) => s.id === toStageId);
    if (!crm || !pipeline || !stage || deal.stageId === toStageId || this.pending.has(deal.id))
      return false;
    const t = this.i18n.t.bind(this.i18n);
    const detail: DealMoveDetail = {
      dealId: deal.id,
      fromStageId: deal.stageId,
      toStageId,
      deal,
    };
    if (!this.emit<DealMoveDetail>('crm-deal-move', detail, { cancelable: true })) {
      announce(this, t('board.cancelled', { name: deal.name }));
      return false;
    }
    let lostReason: string | undefined;
    if (stage.kind === 'lost') {
      const reason = await this.#promptLostReason(deal);
      if (reason === null) {
        announce(this, t('board.cancelled', { name: deal.name }));
        return false;
      }
      lostReason = reason;
    }
    this.moveError = undefined;
    this.pending = new Map(this.pending).set(deal.id, {
      deal,
      to: toStageId,
      summaryBase: this.summary.data,
    });
    // Keyboard focus follows the card to the top of its new column.
    const toColumn = pipeline.stages.indexOf(stage);
    if (this.renderRoot.contains((this.renderRoot as ShadowRoot).activeElement)) {
      this.keyState = { column: toColumn, row: 0 };
      this.#focusAfterRender = true;
    }
    try {
      // Show the optimistic move first: the write (and, over a synchronous store, the refetches
      // its change event starts) would otherwise run before the frame that shows the card.
      await afterNextPaint();
      const moved = await crm.deals.move(deal.id, toStageId, {
        expectedVersion: deal.version,
        ...(lostReason !== undefined && { lostReason }),
      });
      announce(this, t('board.moved', { name: deal.name, stage: stage.name }));
      this.emit<DealMovedDetail>('crm-deal-moved', {
        ...detail,
        deal: moved,
        ...(lostReason !== undefined && { lostReason }),
      });
      // Keep the optimistic card until the columns and figures have caught up.
      // The change event has started these refetches already: wait for those still running
      // rather than start them again.
      await crm.queryClient
        .refetchQueries(
          { queryKey: crmKeys.entity('deal'), type: 'active', stale: true },
          { cancelRefetch: false },
        )
        .catch(() => undefined);
      return true;
    } catch (error) {
      const reason =
        error instanceof ValidationError
          ? error.issues.map((i) => i.message).join('; ')
          : t(errorMessageKey(error));
      this.moveError = t('board.moveFailed', { name: deal.name, reason });
      this.emit<DealMoveFailedDetail>('crm-deal-move-failed', { ...detail, error });
      return false;
    } finally {
      const next = new Map(this.pending);
      next.delete(deal.id);
      this.pending = next;
    }
  }

  #promptLostReason(deal: BoardDealRecord): Promise<string | null> {
    this.#lostResolve?.(null);
    const active = (this.renderRoot as ShadowRoot).activeElement;
    this.#returnFocus = active instanceof HTMLElement ? active : undefined;
    this.lostFor = deal;
    this.lostError = false;
    return new Promise((resolve) => {
      this.#lostResolve = resolve;
      void this.updateComplete.then(() => {
        const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog.lost');
        const field = dialog?.querySelector('textarea');
        if (!dialog || !field) return resolve(null);
        field.value = '';
        dialog.showModal();
        field.focus();
      });
    });
  }

  #finishLost(reason: string | null): void {
    const resolve = this.#lostResolve;
    this.#lostResolve = undefined;
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog.lost');
    if (dialog?.open) dialog.close();
    this.lostFor = undefined;
    this.#returnFocus?.focus();
    this.#returnFocus = undefined;
    resolve?.(reason);
  }

  handleLostSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const field = (event.currentTarget as HTMLFormElement).querySelector('textarea')!;
    const reason = field.value.trim();
    if (!reason) {
      this.lostError = true;
      field.focus();
      return;
    }
    this.#finishLost(reason);
  };

  handleLostCancel = (event: Event): void => {
    event.preventDefault();
    this.#finishLost(null);
  };

  handleLostClose = (event: Event): void => {
    // `close` arrives a task after `close()`: by then a new prompt may have opened the dialog.
    if ((event.target as HTMLDialogElement).open) return;
    if (this.#lostResolve) this.#finishLost(null);
  };

  // Misc --------------------------------------------------------------------------------------

  handlePipelineChange = (event: Event): void => {
    const pipelineId = (event.target as HTMLSelectElement).value;
    this.pipelineId = pipelineId;
    this.keyState = { column: 0, row: 0 };
    this.emit('crm-pipeline-change', { pipelineId });
  };

  handleDismissError = (): void => {
    this.moveError = undefined;
  };

  handleRetry = (): void => {
    void this.pipelines.refetch();
    void this.summary.refetch();
    for (const controller of this.#columns.values()) void controller.refetch();
  };
}
