import { html, nothing, type TemplateResult } from 'lit';
import {
  TICKET_STATUSES,
  crmKeys,
  type OrderBy,
  type QueryResult,
  type ServiceAgent,
  type SlaPolicy,
  type Ticket,
  type TicketQueueQuery,
  type TicketSlaFilter,
} from '@rapport/core';
import { ticketSlaHeadline } from '@rapport/core/service';
import { CrmElement } from '../base/crm-element.js';
import { QueryController } from '../base/query-controller.js';
import { emptyView, errorView, loadingView } from '../base/status-view.js';
import { InfiniteQueryController } from '../controllers/infinite-query-controller.js';
import { virtualList, type VirtualRange } from '../base/virtual-list.js';
import {
  focusGridCell,
  gridCellOf,
  gridTabIndex,
  moveInGrid,
  type GridCell,
} from '../base/grid-navigation.js';
import { parseOrderBy } from '../customer-table/table-columns.js';
import { intervalTicker, LiveClockController, type Ticker } from './live-clock-controller.js';
import {
  ASSIGNMENT_FILTERS,
  SLA_FILTERS,
  queueWhere,
  type TicketAssignmentFilter,
  type TicketStatusFilter,
} from './queue-filters.js';
import { slaBadge } from './sla-badge.js';
import { ticketListStyles } from './ticket-list.styles.js';
import { LocalizeController } from '../i18n/localize-controller.js';
import { ticketListMessages, type TicketListMessageKey } from './messages.js';

/** Fetch the next page when the last rendered row is this close to the end of what is loaded. */
const PREFETCH_ROWS = 20;
/** A row's height in the default theme (`--crm-ticket-list-row-height`); the list measures it. */
const ROW_HEIGHT = 40;

const COLUMNS = [
  'number',
  'subject',
  'status',
  'priority',
  'assignee',
  'sla',
  'createdAt',
] as const satisfies readonly string[];
type Column = (typeof COLUMNS)[number];

/** `crm-ticket-open` detail. */
export interface TicketOpenDetail {
  readonly ticketId: string;
  readonly ticket: Ticket;
}

/**
 * An agent's ticket queue: filters (mine, my team, unassigned; at risk, breached; status), SLA
 * countdown badges that say their state in words as well as colour and count down live against
 * `crm.clock`, keyboard navigation (grid pattern), cursor paging as you scroll, virtualised rows.
 *
 * "At risk" and "breached" are states of core's SLA engine at the client's clock
 * (`crm.tickets.queue({ sla })`); the badges re-render on every tick of `ticker` (every 30 s by
 * default), and an SLA-filtered queue refetches on each tick, since time moves tickets in and out.
 *
 * @summary Agent ticket queue with filters, live SLA badges and keyboard navigation.
 * @tag crm-ticket-list
 *
 * @event {CustomEvent<{ ticketId: string; ticket: Ticket }>} crm-ticket-open - Enter on a row, or a click on a subject.
 *
 * @csspart base - The wrapper around everything.
 * @csspart toolbar - The filters.
 * @csspart filter - A filter toggle button (also `filter-active` when pressed).
 * @csspart grid - The scrolling grid (header and rows).
 * @csspart header - The header row.
 * @csspart row - A ticket row.
 * @csspart cell - A data cell.
 * @csspart subject - The subject button of a row.
 * @csspart sla-badge - An SLA countdown badge (also `sla-running`, `sla-at-risk`, `sla-breached`, `sla-paused`, `sla-achieved`).
 * @csspart status - Loading, empty, error and count messages.
 *
 * @cssproperty [--crm-ticket-list-height=480px] - Height of the scrolling grid.
 * @cssproperty [--crm-ticket-list-row-height=40px] - Height of a row.
 * @cssproperty [--crm-ticket-list-selected=color-mix(in srgb, var(--crm-color-primary) 12%, transparent)] - Background of the selected row.
 * @cssproperty [--crm-color-warning=#9a6700] - At-risk badges. `--crm-color-danger` breached, `--crm-color-success` met.
 *
 * @cssstate loading - The first page is loading.
 * @cssstate empty - No ticket matches.
 * @cssstate error - The query failed.
 */
export class CrmTicketList extends CrmElement {
  static override styles = [...CrmElement.styles, ...ticketListStyles];

  /** Strings, numbers, money and dates in the current locale. */
  protected readonly i18n = new LocalizeController(this, ticketListMessages);

  static override properties = {
    assignment: { reflect: true },
    sla: { reflect: true },
    statusFilter: { attribute: 'status-filter', reflect: true },
    teamId: { attribute: 'team-id' },
    orderBy: { attribute: 'order-by' },
    pageSize: { type: Number, attribute: 'page-size' },
    selectedId: { attribute: 'selected-id', reflect: true },
    userName: { attribute: false },
    ticker: { attribute: false },
    focused: { state: true, attribute: false },
  };

  /** `all` (default), `mine` (assigned to the principal), `team` (the principal's teams, or `team-id`), `unassigned`. */
  declare assignment: TicketAssignmentFilter;

  /** `all` (default), `at_risk` or `breached`: the state of the ticket's headline SLA clock now. */
  declare sla: 'all' | TicketSlaFilter;

  /** `unresolved` (default: new, open, pending), `all`, or one status. */
  declare statusFilter: TicketStatusFilter;

  /** The team of the "My team" filter; default the principal's `teams`. */
  declare teamId: string | undefined;

  /** Sort: `order-by="createdAt:asc"` (default: oldest first, a queue), `-updatedAt`, … */
  declare orderBy: string | null;

  /** Rows per page fetched from storage. */
  declare pageSize: number;

  /** The ticket shown as selected (e.g. the one open in a `<crm-ticket-detail>` beside the list). */
  declare selectedId: string | undefined;

  /** Display names of agents not in `crm.service.agents()` (users come from the host). */
  declare userName: ((id: string) => string | undefined) | undefined;

  /** What schedules re-renders of the SLA countdowns. Default: every 30 s. Tests inject their own. */
  declare ticker: Ticker;

  declare private focused: GridCell;

  constructor() {
    super();
    this.assignment = 'all';
    this.sla = 'all';
    this.statusFilter = 'unresolved';
    this.orderBy = null;
    this.pageSize = 50;
    this.ticker = intervalTicker();
    this.focused = { row: -1, col: 0 };
  }

  #range = { first: 0, last: -1 };
  #focusPending = false;
  #instanceId = Math.random().toString(36).slice(2, 8);

  readonly rows = new InfiniteQueryController<Ticket>(this, () => {
    const crm = this.crm;
    if (!crm) return undefined;
    const spec = this.querySpec;
    return {
      queryKey: [...crmKeys.list('ticket', spec), 'queue', 'pages'],
      queryFn: (cursor) => crm.tickets.queue({ ...spec, ...(cursor !== undefined && { cursor }) }),
    };
  });

  readonly #policies = new QueryController<QueryResult<SlaPolicy>>(this, () =>
    this.crm ? this.crm.queries.list('slaPolicy', { limit: 1000 }) : undefined,
  );

  readonly #agents = new QueryController<readonly ServiceAgent[]>(this, () => {
    const crm = this.crm;
    return crm
      ? { queryKey: ['rapport', 'service', 'agents'], queryFn: () => crm.service.agents() }
      : undefined;
  });

  /** Re-renders the SLA countdowns on every tick of `ticker`. */
  protected readonly liveClock = new LiveClockController(
    this,
    () => this.ticker,
    () => {
      // Time moves tickets in and out of "at risk" / "breached": ask core again.
      if (this.sla !== 'all') void this.rows.refetch();
    },
  );

  /** The query the queue runs (without the cursor). */
  get querySpec(): TicketQueueQuery {
    const where = queueWhere({
      assignment: this.assignment,
      status: this.statusFilter,
      principal: this.crm?.principal,
      teamId: this.teamId,
    });
    const orderBy: OrderBy[] = parseOrderBy(this.orderBy) ?? [
      { field: 'createdAt', direction: 'asc' },
    ];
    return {
      ...(where && { where }),
      ...(this.sla !== 'all' && { sla: this.sla }),
      orderBy,
      limit: Math.max(1, Math.min(1000, Math.floor(this.pageSize) || 50)),
    };
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
    const now = (this.crm?.clock() ?? new Date()).toISOString();
    const policies = this.#policies.data?.items ?? [];
    return html`
      <div part="base" class="base" lang=${this.i18n.lang}>
        ${this.#renderToolbar()}
        <div class="scroll" part="grid">
          <div
            role="grid"
            class="grid"
            aria-label=${this.i18n.t('tickets.label')}
            aria-rowcount=${status === 'success' ? this.rows.total + 1 : -1}
            aria-colcount=${COLUMNS.length}
            aria-busy=${status === 'loading' || this.rows.isFetchingNextPage ? 'true' : 'false'}
            @keydown=${this.handleGridKeydown}
            @focusin=${this.handleGridFocusin}
          >
            <div role="rowgroup" class="head">
              <div role="row" part="header" class="row header" aria-rowindex="1">
                ${COLUMNS.map(
                  (column, col) =>
                    html`<div
                      role="columnheader"
                      class="cell col-${column}"
                      aria-colindex=${col + 1}
                      data-row="-1"
                      data-col=${col}
                      tabindex=${this.#tabindex(-1, col)}
                    >
                      ${this.i18n.t(`tickets.column.${column}`)}
                    </div>`,
                )}
              </div>
            </div>
            <div role="rowgroup" class="rows">
              ${virtualList({
                items: this.rows.items,
                key: (ticket) => ticket.id,
                renderItem: (ticket, index) => this.#renderRow(ticket, index, policies, now),
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
    const teams = this.teamId ? [this.teamId] : (this.crm?.principal.teams ?? []);
    const statusId = `status-${this.#instanceId}`;
    return html`<div class="toolbar" part="toolbar">
      <div class="group" role="group" aria-label=${t('tickets.assignment')}>
        ${ASSIGNMENT_FILTERS.map((value) =>
          this.#renderToggle(
            `tickets.assignment.${value}`,
            this.assignment === value,
            () => this.#setFilter('assignment', value),
            value === 'team' && teams.length === 0,
          ),
        )}
      </div>
      <div class="group" role="group" aria-label=${t('tickets.slaFilter')}>
        ${SLA_FILTERS.map((value) =>
          this.#renderToggle(`tickets.slaFilter.${value}`, this.sla === value, () =>
            this.#setFilter('sla', value),
          ),
        )}
      </div>
      <label class="filter" for=${statusId}>
        <span>${t('tickets.statusFilter')}</span>
        <select
          id=${statusId}
          @change=${(e: Event) =>
            this.#setFilter(
              'statusFilter',
              (e.target as HTMLSelectElement).value as TicketStatusFilter,
            )}
        >
          ${(['unresolved', 'all', ...TICKET_STATUSES] as const).map(
            (value) =>
              html`<option value=${value} ?selected=${this.statusFilter === value}>
                ${
                  value === 'unresolved' || value === 'all'
                    ? t(`tickets.statusFilter.${value}`)
                    : t(`tickets.status.${value}`)
                }
              </option>`,
          )}
        </select>
      </label>
    </div>`;
  }

  #renderToggle(
    label: TicketListMessageKey,
    pressed: boolean,
    onClick: () => void,
    disabled = false,
  ) {
    return html`<button
      type="button"
      part=${pressed ? 'filter filter-active' : 'filter'}
      class="toggle"
      aria-pressed=${pressed ? 'true' : 'false'}
      ?disabled=${disabled}
      @click=${onClick}
    >
      ${this.i18n.t(label)}
    </button>`;
  }

  #renderRow(
    ticket: Ticket,
    index: number,
    policies: readonly SlaPolicy[],
    now: string,
  ): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    const selected = ticket.id === this.selectedId;
    const headline = ticketSlaHeadline(ticket, policies, now);
    const cell = (col: number, column: Column, content: unknown) =>
      html`<div
        role="gridcell"
        part="cell"
        class="cell col-${column}"
        aria-colindex=${col + 1}
        data-row=${index}
        data-col=${col}
        tabindex=${this.#tabindex(index, col)}
      >
        ${content}
      </div>`;
    return html`<div
      role="row"
      part="row"
      class="row ${selected ? 'selected' : ''}"
      aria-rowindex=${index + 2}
      aria-selected=${selected ? 'true' : 'false'}
      data-index=${index}
    >
      ${cell(0, 'number', ticket.number ?? '')}
      ${cell(
        1,
        'subject',
        html`<button
          type="button"
          part="subject"
          class="subject"
          tabindex="-1"
          @click=${() => this.#open(ticket)}
        >
          ${ticket.subject}
        </button>`,
      )}
      ${cell(
        2,
        'status',
        html`<span class="pill status-${ticket.status}"
          >${t(`tickets.status.${ticket.status}`)}</span
        >`,
      )}
      ${cell(
        3,
        'priority',
        html`<span class="priority priority-${ticket.priority}"
          >${t(`tickets.priority.${ticket.priority}`)}</span
        >`,
      )}
      ${cell(
        4,
        'assignee',
        ticket.assigneeId
          ? this.#agentName(ticket.assigneeId)
          : html`<span class="muted">${t('tickets.unassigned')}</span>`,
      )}
      ${cell(
        5,
        'sla',
        slaBadge(
          this.i18n,
          headline?.evaluation,
          headline
            ? t(
                headline.clock === 'first_response'
                  ? 'tickets.sla.firstResponse'
                  : 'tickets.sla.resolution',
              )
            : undefined,
        ),
      )}
      ${cell(
        6,
        'createdAt',
        html`<time
          datetime=${ticket.createdAt}
          title=${this.i18n.date(ticket.createdAt, 'datetime')}
          >${this.i18n.relative(ticket.createdAt)}</time
        >`,
      )}
    </div>`;
  }

  #agentName(id: string): string {
    const agent = this.#agents.data?.find((a) => a.id === id);
    return (
      agent?.name ??
      this.userName?.(id) ??
      (id === this.crm?.principal.id ? this.i18n.t('tickets.me') : id)
    );
  }

  #renderStatus(empty: boolean): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    const { status } = this.rows;
    if (!this.crm) return emptyView(this.i18n, 'common.noClient');
    if (status === 'loading' || status === 'idle') return loadingView(this.i18n);
    if (status === 'error')
      return errorView(this.i18n, this.rows.error, () => void this.rows.refetch());
    if (empty) return emptyView(this.i18n, 'tickets.empty');
    return html`<p class="status count" part="status" role="status">
      ${t('tickets.count', {
        shown: this.i18n.number(this.rows.items.length),
        total: this.i18n.number(this.rows.total),
      })}${this.rows.isFetchingNextPage ? html` · ${t('tickets.loadingMore')}` : nothing}
    </p>`;
  }

  // Filters -----------------------------------------------------------------------------------

  #setFilter<K extends 'assignment' | 'sla' | 'statusFilter'>(key: K, value: this[K]): void {
    if (this[key] === value) return;
    this[key] = value;
    this.focused = { row: -1, col: this.focused.col };
  }

  // Focus (the grid pattern of <crm-customer-table>) ------------------------------------------

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
    const { row } = this.focused;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const ticket = this.rows.items[row];
      if (ticket) this.#open(ticket);
      return;
    }
    const next = moveInGrid(
      this.focused,
      event.key,
      { rows: this.rows.items.length, cols: COLUMNS.length, page: 10 },
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

  #open(ticket: Ticket): void {
    this.selectedId = ticket.id;
    this.emit<TicketOpenDetail>('crm-ticket-open', { ticketId: ticket.id, ticket });
  }
}

export type { TicketAssignmentFilter, TicketStatusFilter };
