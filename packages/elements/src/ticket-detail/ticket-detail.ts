import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  ConflictError,
  NotFoundError,
  ValidationError,
  type QueryResult,
  type ServiceAgent,
  type SlaClockEvaluation,
  type SlaPolicy,
  type SurveyResponse,
  type Ticket,
  type TicketComment,
  type TicketStatus,
} from '@rapport/core';
import { TICKET_TRANSITIONS, evaluateTicketSla, selectSlaPolicy } from '@rapport/core/service';
import { announce } from '../base/announce.js';
import { CrmElement } from '../base/crm-element.js';
import { errorMessageKey } from '../base/error-message.js';
import { QueryController } from '../base/query-controller.js';
import { emptyView, errorView, loadingView } from '../base/status-view.js';
import {
  intervalTicker,
  LiveClockController,
  type Ticker,
} from '../ticket-list/live-clock-controller.js';
import { slaBadge } from '../ticket-list/sla-badge.js';
import { ticketDetailStyles } from './ticket-detail.styles.js';
import { LocalizeController } from '../i18n/localize-controller.js';
import { ticketDetailMessages, type TicketDetailMessageKey } from './messages.js';

/** `crm-ticket-transition` (cancelable intent) detail. */
export interface TicketTransitionDetail {
  readonly ticketId: string;
  readonly from: TicketStatus;
  readonly to: TicketStatus;
  readonly note?: string;
  readonly ticket: Ticket;
}
/** `crm-ticket-transitioned` detail: `ticket` is the stored record after the change. */
export type TicketTransitionedDetail = TicketTransitionDetail;

/** `crm-ticket-comment` (cancelable intent) detail. */
export interface TicketCommentDetail {
  readonly ticketId: string;
  readonly body: string;
  readonly public: boolean;
}
/** `crm-ticket-commented` detail. */
export interface TicketCommentedDetail extends TicketCommentDetail {
  readonly ticket: Ticket;
  readonly comment: TicketComment;
}

/** `crm-ticket-assign` (cancelable intent) detail: no `assigneeId` means "by strategy". */
export interface TicketAssignDetail {
  readonly ticketId: string;
  readonly assigneeId?: string;
}
/** `crm-ticket-assigned` detail. */
export interface TicketAssignedDetail {
  readonly ticketId: string;
  readonly assigneeId: string;
  readonly ticket: Ticket;
}

/** `crm-ticket-action-failed` detail: a transition, comment or assignment was refused. */
export interface TicketActionFailedDetail {
  readonly ticketId: string;
  readonly action: 'transition' | 'comment' | 'assign';
  readonly error: unknown;
}

type Action = TicketActionFailedDetail['action'];

const AUTO = 'auto';

/**
 * One ticket for an agent: the conversation (public replies and internal notes told apart in
 * words and colour), a composer with a public / internal switch, the status transitions the
 * workflow allows from the current status (core's `TICKET_TRANSITIONS`), assignment to an agent
 * of `crm.service.agents()` or automatically by strategy, live SLA timers, the customer's
 * `<crm-contact-card>` and the CSAT / NPS result once the customer answered.
 *
 * Writes carry the version shown (`expectedVersion`): when someone else changed the ticket
 * meanwhile, the `ConflictError` is shown and the ticket reloaded; permission errors are shown too.
 *
 * @summary Agent view of a ticket: conversation, composer, status, assignment, SLA, customer, CSAT.
 * @tag crm-ticket-detail
 *
 * @event {CustomEvent<{ ticketId: string; from: TicketStatus; to: TicketStatus; note?: string; ticket: Ticket }>} crm-ticket-transition - Cancelable, before a status change; `preventDefault()` skips it.
 * @event {CustomEvent<{ ticketId: string; from: TicketStatus; to: TicketStatus; note?: string; ticket: Ticket }>} crm-ticket-transitioned - The status change is stored; `ticket` is the stored record.
 * @event {CustomEvent<{ ticketId: string; body: string; public: boolean }>} crm-ticket-comment - Cancelable, before a comment is posted.
 * @event {CustomEvent<{ ticketId: string; body: string; public: boolean; ticket: Ticket; comment: TicketComment }>} crm-ticket-commented - The comment is stored.
 * @event {CustomEvent<{ ticketId: string; assigneeId?: string }>} crm-ticket-assign - Cancelable, before an assignment (no `assigneeId`: by strategy).
 * @event {CustomEvent<{ ticketId: string; assigneeId: string; ticket: Ticket }>} crm-ticket-assigned - The assignment is stored.
 * @event {CustomEvent<{ ticketId: string; action: 'transition' | 'comment' | 'assign'; error: unknown }>} crm-ticket-action-failed - A write was refused (conflict, permission, validation); the message is shown.
 *
 * @csspart base - The whole ticket.
 * @csspart header - Number, subject, status and priority.
 * @csspart subject - The subject heading.
 * @csspart conversation - The description and comments.
 * @csspart comment - One comment (also `comment-public` or `comment-internal`).
 * @csspart composer - The comment form.
 * @csspart transitions - The status buttons.
 * @csspart transition - One status button.
 * @csspart assignment - The agent picker.
 * @csspart sla - The SLA timers.
 * @csspart sla-badge - An SLA badge (also `sla-running`, `sla-at-risk`, `sla-breached`, `sla-paused`, `sla-achieved`).
 * @csspart survey - The CSAT / NPS result.
 * @csspart customer - The section holding the customer's contact card.
 * @csspart error - A refused action's message.
 * @csspart status - Loading, empty and error lines.
 * @csspart retry - The retry button of the error line.
 *
 * @cssproperty [--crm-ticket-detail-internal=color-mix(in srgb, var(--crm-color-warning) 10%, var(--crm-color-surface))] - Background of internal notes.
 * @cssproperty [--crm-ticket-detail-public=var(--crm-color-surface)] - Background of public replies.
 * @cssproperty [--crm-ticket-detail-side-width=20rem] - Width of the side column.
 *
 * @cssstate loading - The ticket is loading.
 * @cssstate empty - No `ticket-id`, or the ticket does not exist or is not visible.
 * @cssstate error - Loading failed.
 */
export class CrmTicketDetail extends CrmElement {
  static override styles = [...CrmElement.styles, ...ticketDetailStyles];

  /** Strings, numbers, money and dates in the current locale. */
  protected readonly i18n = new LocalizeController(this, ticketDetailMessages);

  static override properties = {
    ticketId: { attribute: 'ticket-id', reflect: true },
    userName: { attribute: false },
    ticker: { attribute: false },
    busy: { state: true, attribute: false },
    actionError: { state: true, attribute: false },
    commentError: { state: true, attribute: false },
    commentPublic: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
  };

  /** The ticket to show. */
  declare ticketId: string | undefined;

  /** Display names of users not in `crm.service.agents()` (comment authors, assignees). */
  declare userName: ((id: string) => string | undefined) | undefined;

  /** What schedules re-renders of the SLA timers. Default: every 30 s. Tests inject their own. */
  declare ticker: Ticker;

  declare private busy: Action | undefined;
  declare private actionError: string;
  declare private commentError: string;
  declare private commentPublic: boolean;
  /** The latest live-region announcement (also readable by tests and hosts). */
  declare announcement: string;

  constructor() {
    super();
    this.ticker = intervalTicker();
    this.actionError = '';
    this.commentError = '';
    this.commentPublic = true;
    this.announcement = '';
  }

  readonly ticket = new QueryController<Ticket>(this, () =>
    this.crm && this.ticketId ? this.crm.queries.detail('ticket', this.ticketId) : undefined,
  );

  readonly #policies = new QueryController<QueryResult<SlaPolicy>>(this, () =>
    this.crm ? this.crm.queries.list('slaPolicy', { limit: 1000 }) : undefined,
  );

  readonly #agents = new QueryController<readonly ServiceAgent[]>(this, () => {
    const crm = this.crm;
    return crm
      ? { queryKey: ['rapport', 'service', 'agents'], queryFn: () => crm.service.agents() }
      : undefined;
  });

  readonly #surveys = new QueryController<QueryResult<SurveyResponse>>(this, () =>
    this.crm && this.ticketId
      ? this.crm.queries.list('surveyResponse', {
          where: { ticketId: { eq: this.ticketId } },
          orderBy: [{ field: 'respondedAt', direction: 'desc' }],
          limit: 10,
        })
      : undefined,
  );

  /** Re-renders the SLA timers on every tick of `ticker`. */
  protected readonly liveClock = new LiveClockController(this, () => this.ticker);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('ticketId')) {
      this.actionError = '';
      this.commentError = '';
    }
  }

  protected override updated(): void {
    const { status, error } = this.ticket;
    const notFound = status === 'error' && error instanceof NotFoundError;
    this.setState('loading', status === 'loading');
    this.setState('empty', (status === 'idle' && !!this.crm) || notFound);
    this.setState('error', status === 'error' && !notFound);
  }

  protected override render(): TemplateResult {
    const i18n = this.i18n;
    const { status, data, error } = this.ticket;
    let body: TemplateResult;
    if (!this.crm) body = emptyView(i18n, 'common.noClient');
    else if (status === 'idle') body = emptyView(i18n, 'ticketDetail.noTarget');
    else if (status === 'loading') body = loadingView(i18n);
    else if (status === 'error' && error instanceof NotFoundError)
      body = emptyView(i18n, 'ticketDetail.notFound');
    else if (status === 'error') body = errorView(i18n, error, () => void this.ticket.refetch());
    else body = this.#renderTicket(data!);
    return html`<div lang=${i18n.lang}>
      ${body}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  #renderTicket(ticket: Ticket): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    return html`<article part="base" class="base" aria-labelledby="subject">
      <header part="header" class="header">
        ${ticket.number ? html`<p class="number muted">${ticket.number}</p>` : nothing}
        <h2 id="subject" part="subject">${ticket.subject}</h2>
        <p class="chips">
          <span class="pill status-${ticket.status}"
            ><span class="visually-hidden">${t('ticketDetail.status')}: </span>${t(
              `tickets.status.${ticket.status}`,
            )}</span
          >
          <span class="pill priority-${ticket.priority}"
            ><span class="visually-hidden">${t('ticketDetail.priority')}: </span>${t(
              `tickets.priority.${ticket.priority}`,
            )}</span
          >
        </p>
      </header>
      ${
        this.actionError
          ? html`<p part="error" class="error action-error" role="alert">${this.actionError}</p>`
          : nothing
      }
      <div class="layout">
        <div class="main">${this.#renderConversation(ticket)} ${this.#renderComposer()}</div>
        <div class="side">
          ${this.#renderTransitions(ticket)} ${this.#renderAssignment(ticket)}
          ${this.#renderSla(ticket)} ${this.#renderSurvey()} ${this.#renderDetails(ticket)}
          ${this.#renderCustomer(ticket)}
        </div>
      </div>
    </article>`;
  }

  // Conversation ------------------------------------------------------------------------------

  #renderConversation(ticket: Ticket): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    return html`<section part="conversation" class="section" aria-labelledby="conversation-title">
      <h3 id="conversation-title">${t('ticketDetail.conversation')}</h3>
      ${
        ticket.description
          ? html`<div class="comment description">
              <p class="meta">
                <span class="kind">${t('ticketDetail.description')}</span> ·
                ${ticket.requester?.name ?? t('ticketDetail.fromCustomer')} ·
                ${this.#time(ticket.createdAt)}
              </p>
              <p class="text">${ticket.description}</p>
            </div>`
          : nothing
      }
      ${
        ticket.comments.length === 0
          ? html`<p class="muted">${t('ticketDetail.noComments')}</p>`
          : html`<ol class="comments">
              ${ticket.comments.map((comment) => this.#renderComment(comment))}
            </ol>`
      }
    </section>`;
  }

  #renderComment(comment: TicketComment): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    const kind = comment.public ? 'public' : 'internal';
    const author = comment.fromCustomer
      ? t('ticketDetail.fromCustomer')
      : comment.authorId
        ? this.#userName(comment.authorId)
        : '';
    return html`<li part="comment comment-${kind}" class="comment ${kind}" data-kind=${kind}>
      <p class="meta">
        <span class="kind"
          >${t(comment.public ? 'ticketDetail.public' : 'ticketDetail.internal')}</span
        >
        ${author ? html` · <span class="author">${author}</span>` : nothing} ·
        ${this.#time(comment.createdAt)}
      </p>
      <p class="text">${comment.body}</p>
    </li>`;
  }

  #renderComposer(): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    const sending = this.busy === 'comment';
    return html`<form
      part="composer"
      class="section composer ${this.commentPublic ? 'public' : 'internal'}"
      aria-labelledby="composer-title"
      @submit=${this.handleCommentSubmit}
    >
      <h3 id="composer-title">${t('ticketDetail.composer')}</h3>
      <fieldset class="visibility">
        <legend>${t('ticketDetail.visibility')}</legend>
        ${([true, false] as const).map(
          (isPublic) =>
            html`<label
              ><input
                type="radio"
                name="visibility"
                value=${isPublic ? 'public' : 'internal'}
                .checked=${this.commentPublic === isPublic}
                @change=${() => (this.commentPublic = isPublic)}
              />
              ${t(isPublic ? 'ticketDetail.public' : 'ticketDetail.internal')}</label
            >`,
        )}
      </fieldset>
      <label class="field">
        <span>${t('ticketDetail.body')}</span>
        <textarea
          name="body"
          rows="4"
          maxlength="20000"
          aria-describedby="composer-hint composer-error"
          aria-invalid=${this.commentError ? 'true' : 'false'}
          @keydown=${this.handleComposerKeydown}
        ></textarea>
      </label>
      <p id="composer-hint" class="hint muted">
        ${t(this.commentPublic ? 'ticketDetail.publicHint' : 'ticketDetail.internalHint')}
      </p>
      <p id="composer-error" class="error" ?hidden=${!this.commentError}>${this.commentError}</p>
      <button class="button primary" type="submit" ?disabled=${sending}>
        ${
          sending
            ? t('ticketDetail.sending')
            : t(this.commentPublic ? 'ticketDetail.sendPublic' : 'ticketDetail.sendInternal')
        }
      </button>
    </form>`;
  }

  // Side column -------------------------------------------------------------------------------

  #renderTransitions(ticket: Ticket): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    const allowed = TICKET_TRANSITIONS[ticket.status];
    return html`<section class="section" aria-labelledby="transitions-title">
      <h3 id="transitions-title" tabindex="-1">${t('ticketDetail.transitions')}</h3>
      ${
        allowed.length === 0
          ? html`<p class="muted">${t('ticketDetail.final')}</p>`
          : html`<label class="field">
                <span>${t('ticketDetail.note')}</span>
                <input name="note" maxlength="1000" autocomplete="off" />
              </label>
              <div
                part="transitions"
                class="buttons"
                role="group"
                aria-labelledby="transitions-title"
              >
                ${allowed.map(
                  (to) =>
                    html`<button
                      type="button"
                      part="transition"
                      class="button ${to === 'resolved' ? 'primary' : ''}"
                      data-to=${to}
                      ?disabled=${this.busy !== undefined}
                      @click=${() => void this.transition(to)}
                    >
                      ${t(this.#actionKey(ticket.status, to))}
                    </button>`,
                )}
              </div>`
      }
    </section>`;
  }

  #actionKey(from: TicketStatus, to: TicketStatus): TicketDetailMessageKey {
    if (to === 'open')
      return from === 'resolved' ? 'ticketDetail.action.reopen' : 'ticketDetail.action.open';
    return `ticketDetail.action.${to as 'pending' | 'resolved' | 'closed'}`;
  }

  #renderAssignment(ticket: Ticket): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    const agents = this.#agents.data ?? [];
    const current = agents.some((a) => a.id === ticket.assigneeId) ? ticket.assigneeId : AUTO;
    return html`<section part="assignment" class="section" aria-labelledby="assignment-title">
      <h3 id="assignment-title">${t('ticketDetail.assignment')}</h3>
      <p>
        ${t('ticketDetail.assignee')}:
        <strong class="assignee"
          >${ticket.assigneeId ? this.#userName(ticket.assigneeId) : t('tickets.unassigned')}</strong
        >
      </p>
      <div class="assign-row">
        <label class="field">
          <span>${t('ticketDetail.assignTo')}</span>
          <select name="assignee" ?disabled=${this.busy !== undefined}>
            <option value=${AUTO} ?selected=${current === AUTO}>${t('ticketDetail.auto')}</option>
            ${agents.map(
              (agent) =>
                html`<option value=${agent.id} ?selected=${agent.id === current}>
                  ${agent.name ?? this.userName?.(agent.id) ?? agent.id}
                </option>`,
            )}
          </select>
        </label>
        <button
          type="button"
          class="button"
          ?disabled=${this.busy !== undefined}
          @click=${this.handleAssignClick}
        >
          ${t('ticketDetail.assign')}
        </button>
      </div>
    </section>`;
  }

  #renderSla(ticket: Ticket): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    const now = (this.crm?.clock() ?? new Date()).toISOString();
    const policies = this.#policies.data?.items ?? [];
    const sla = evaluateTicketSla(ticket, selectSlaPolicy(ticket, policies), now);
    const row = (label: TicketDetailMessageKey, evaluation: SlaClockEvaluation | null) =>
      html`<dt>${t(label)}</dt>
        <dd>
          ${slaBadge(this.i18n, evaluation)}
          ${
            evaluation
              ? html`<span class="muted due"
                  >${t('tickets.sla.due', { date: this.i18n.date(evaluation.dueAt, 'datetime') })}</span
                >`
              : nothing
          }
        </dd>`;
    return html`<section part="sla" class="section" aria-labelledby="sla-title">
      <h3 id="sla-title">${t('ticketDetail.sla')}</h3>
      ${
        sla.policyName === null
          ? html`<p class="muted">${t('ticketDetail.noSla')}</p>`
          : html`<p class="muted">${t('ticketDetail.slaPolicy', { name: sla.policyName })}</p>
              <dl class="pairs">
                ${row('tickets.sla.firstResponse', sla.firstResponse)}
                ${row('tickets.sla.resolution', sla.resolution)}
              </dl>`
      }
    </section>`;
  }

  #renderSurvey(): TemplateResult | typeof nothing {
    const responses = this.#surveys.data?.items ?? [];
    if (responses.length === 0) return nothing;
    const t = this.i18n.t.bind(this.i18n);
    return html`<section part="survey" class="section" aria-labelledby="survey-title">
      <h3 id="survey-title">${t('ticketDetail.survey')}</h3>
      <ul class="plain">
        ${responses.map(
          (r) =>
            html`<li>
              <strong
                >${t(r.kind === 'csat' ? 'ticketDetail.csat' : 'ticketDetail.nps', {
                  score: this.i18n.number(r.score),
                })}</strong
              >
              ${this.#time(r.respondedAt)}
              ${r.comment ? html`<blockquote class="text">${r.comment}</blockquote>` : nothing}
            </li>`,
        )}
      </ul>
    </section>`;
  }

  #renderDetails(ticket: Ticket): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    const requester = [ticket.requester?.name, ticket.requester?.email, ticket.requester?.phone]
      .filter(Boolean)
      .join(' · ');
    return html`<section class="section" aria-labelledby="details-title">
      <h3 id="details-title">${t('ticketDetail.details')}</h3>
      <dl class="pairs">
        ${
          requester
            ? html`<dt>${t('ticketDetail.requester')}</dt>
                <dd>${requester}</dd>`
            : nothing
        }
        <dt>${t('ticketDetail.category')}</dt>
        <dd>${t(`tickets.category.${ticket.category}`)}</dd>
        <dt>${t('ticketDetail.channel')}</dt>
        <dd>${t(`tickets.channel.${ticket.channel}`)}</dd>
        <dt>${t('ticketDetail.created')}</dt>
        <dd>${this.#time(ticket.createdAt)}</dd>
      </dl>
    </section>`;
  }

  #renderCustomer(ticket: Ticket): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    return html`<section part="customer" class="section" aria-labelledby="customer-title">
      <h3 id="customer-title">${t('ticketDetail.customer')}</h3>
      ${
        ticket.contactId
          ? html`<crm-contact-card
              variant="compact"
              contact-id=${ticket.contactId}
              .crm=${this.crm}
              .userName=${this.userName}
            ></crm-contact-card>`
          : ticket.customerId
            ? html`<crm-contact-card
                variant="compact"
                customer-id=${ticket.customerId}
                .crm=${this.crm}
                .userName=${this.userName}
              ></crm-contact-card>`
            : html`<p class="muted">${t('ticketDetail.noCustomer')}</p>`
      }
    </section>`;
  }

  #time(iso: string): TemplateResult {
    return html`<time datetime=${iso} title=${this.i18n.date(iso, 'datetime')}
      >${this.i18n.relative(iso)}</time
    >`;
  }

  #userName(id: string): string {
    const agent = this.#agents.data?.find((a) => a.id === id);
    return agent?.name ?? this.userName?.(id) ?? id;
  }

  // Actions -----------------------------------------------------------------------------------

  /**
   * Moves the ticket to `to` as the status buttons do: the cancelable `crm-ticket-transition`,
   * then `crm.tickets.transition` with the version shown, then `crm-ticket-transitioned`.
   * Resolves to whether the ticket moved.
   */
  async transition(to: TicketStatus): Promise<boolean> {
    const crm = this.crm;
    const ticket = this.ticket.data;
    if (!crm || !ticket || this.busy) return false;
    const noteInput = this.renderRoot.querySelector<HTMLInputElement>('input[name=note]');
    const note = noteInput?.value.trim() || undefined;
    const detail: TicketTransitionDetail = {
      ticketId: ticket.id,
      from: ticket.status,
      to,
      ticket,
      ...(note !== undefined && { note }),
    };
    if (!this.emit<TicketTransitionDetail>('crm-ticket-transition', detail, { cancelable: true }))
      return false;
    const moved = await this.#run('transition', async () => {
      const updated = await crm.tickets.transition(ticket.id, to, {
        expectedVersion: ticket.version,
        ...(note !== undefined && { note }),
      });
      if (noteInput) noteInput.value = '';
      announce(
        this,
        this.i18n.t('ticketDetail.transitioned', {
          status: this.i18n.t(`tickets.status.${to}`),
        }),
      );
      this.emit<TicketTransitionedDetail>('crm-ticket-transitioned', {
        ...detail,
        ticket: updated,
      });
      await this.ticket.refetch();
    });
    if (moved) {
      // The buttons changed with the status: keep keyboard focus in the same section.
      await this.updateComplete;
      (
        this.renderRoot.querySelector<HTMLElement>('[part~=transition]') ??
        this.renderRoot.querySelector<HTMLElement>('#transitions-title')
      )?.focus();
    }
    return moved;
  }

  private handleComposerKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.isComposing) {
      event.preventDefault();
      (event.target as HTMLTextAreaElement).form?.requestSubmit();
    }
  };

  private handleCommentSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const crm = this.crm;
    const ticket = this.ticket.data;
    if (!crm || !ticket || this.busy) return;
    const textarea = (event.currentTarget as HTMLFormElement).elements.namedItem(
      'body',
    ) as HTMLTextAreaElement;
    const body = textarea.value.trim();
    if (!body) {
      this.commentError = this.i18n.t('ticketDetail.bodyRequired');
      textarea.focus();
      return;
    }
    this.commentError = '';
    const detail: TicketCommentDetail = {
      ticketId: ticket.id,
      body,
      public: this.commentPublic,
    };
    if (!this.emit<TicketCommentDetail>('crm-ticket-comment', detail, { cancelable: true })) return;
    await this.#run('comment', async () => {
      const updated = await crm.tickets.comment(
        ticket.id,
        { body, public: detail.public },
        { expectedVersion: ticket.version },
      );
      textarea.value = '';
      announce(this, this.i18n.t('ticketDetail.commented'));
      this.emit<TicketCommentedDetail>('crm-ticket-commented', {
        ...detail,
        ticket: updated,
        comment: updated.comments[updated.comments.length - 1]!,
      });
      await this.ticket.refetch();
    });
    await this.updateComplete;
    textarea.focus();
  };

  private handleAssignClick = async () => {
    const crm = this.crm;
    const ticket = this.ticket.data;
    const select = this.renderRoot.querySelector<HTMLSelectElement>('select[name=assignee]');
    if (!crm || !ticket || !select || this.busy) return;
    const assigneeId = select.value === AUTO ? undefined : select.value;
    const detail: TicketAssignDetail = {
      ticketId: ticket.id,
      ...(assigneeId !== undefined && { assigneeId }),
    };
    if (!this.emit<TicketAssignDetail>('crm-ticket-assign', detail, { cancelable: true })) return;
    await this.#run('assign', async () => {
      const updated = await crm.tickets.assign(ticket.id, assigneeId ? { assigneeId } : {});
      announce(
        this,
        this.i18n.t('ticketDetail.assigned', { name: this.#userName(updated.assigneeId!) }),
      );
      this.emit<TicketAssignedDetail>('crm-ticket-assigned', {
        ticketId: ticket.id,
        assigneeId: updated.assigneeId!,
        ticket: updated,
      });
      await this.ticket.refetch();
    });
  };

  /** Runs a write; a refusal is shown (and, for a conflict, the ticket reloaded). */
  async #run(action: Action, write: () => Promise<void>): Promise<boolean> {
    this.busy = action;
    this.actionError = '';
    try {
      await write();
      return true;
    } catch (error) {
      const t = this.i18n.t.bind(this.i18n);
      const reason =
        error instanceof ValidationError
          ? error.issues.map((issue) => issue.message).join('; ')
          : t(errorMessageKey(error));
      let message = t('ticketDetail.failed', { reason });
      if (error instanceof ConflictError) {
        await this.ticket.refetch().catch(() => undefined);
        message = `${message} ${t('ticketDetail.reloaded')}`;
      }
      this.actionError = message;
      this.emit<TicketActionFailedDetail>('crm-ticket-action-failed', {
        ticketId: this.ticketId ?? '',
        action,
        error,
      });
      return false;
    } finally {
      this.busy = undefined;
    }
  }
}
