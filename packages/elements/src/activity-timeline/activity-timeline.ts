import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ValidationError, type TimelineEvent, type TimelinePage } from '@rapport/core';
import { CrmElement } from '../base/crm-element.js';
import { errorMessageKey } from '../base/error-message.js';
import { QueryController } from '../base/query-controller.js';
import { emptyView, errorView, loadingView } from '../base/status-view.js';
import type { ActivityCreateDetail, ActivityCreatedDetail } from '../contact-card/contact-card.js';
import { activityTimelineStyles } from './activity-timeline.styles.js';
import { LocalizeController } from '../i18n/localize-controller.js';
import { loadValidationText } from '../i18n/validation-text.js';
import { activityTimelineMessages, type ActivityTimelineMessageKey } from './messages.js';

type Composer = 'note' | 'task' | null;

/** Local calendar day of an instant, `YYYY-MM-DD` (for grouping). */
function dayKey(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A subject from free text: its first line, at most 60 characters. */
function subjectOf(text: string): string {
  const line = text.split('\n', 1)[0]!.trim();
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

/**
 * A customer's 360° timeline (`crm.customers.timeline`): activities, deals and stage changes,
 * orders and payments, tickets and campaign touches, newest first, grouped by day, with "load more"
 * and inline "add note" / "add task". Changes anywhere (this tab or another) refresh it.
 *
 * @summary A customer's activity timeline, grouped by day, with inline note and task.
 * @tag crm-activity-timeline
 *
 * @event crm-activity-create - Cancelable, before a note or task is written; `detail.input` is the activity. `preventDefault()` skips the write.
 * @event crm-activity-created - After the note or task was stored; `detail.activity`.
 *
 * @csspart base - The timeline box.
 * @csspart toolbar - The "add note" / "add task" buttons.
 * @csspart composer - The inline note or task form.
 * @csspart day - One day's group. @csspart day-heading - Its heading.
 * @csspart event - One entry (also `event-<kind>`: `event-activity`, `event-deal_stage_changed`, …).
 * @csspart footer - Count and the "load more" button. @csspart load-more - The "load more" button.
 * @csspart status - Loading, empty and error lines (also `loading`, `empty`, `error`).
 * @csspart retry - The retry button of the error line.
 *
 * @cssproperty [--crm-activity-timeline-line-color=var(--crm-color-border)] The vertical line.
 * @cssproperty [--crm-activity-timeline-dot-color=var(--crm-color-primary)] Dots of activities.
 * @cssproperty [--crm-color-surface=#ffffff] Background (and every other `--crm-*` token).
 *
 * @cssstate loading - The first page is loading.
 * @cssstate empty - The customer has no events yet (or no `customer-id`).
 * @cssstate error - Loading failed.
 */
export class CrmActivityTimeline extends CrmElement {
  static override styles = [...CrmElement.styles, activityTimelineStyles];

  /** Strings, numbers, money and dates in the current locale. */
  protected readonly i18n = new LocalizeController(this, activityTimelineMessages);

  static override properties = {
    customerId: { attribute: 'customer-id', reflect: true },
    pageSize: { type: Number, attribute: 'page-size' },
    readOnly: { type: Boolean, attribute: 'read-only' },
    pages: { state: true, attribute: false },
    composer: { state: true, attribute: false },
    saving: { state: true, attribute: false },
    formError: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
  };

  /** The customer whose timeline to show. */
  declare customerId: string | undefined;

  /** Events per page (1–500). */
  declare pageSize: number;

  /** Hide the "add note" / "add task" buttons. */
  declare readOnly: boolean;

  declare private pages: number;
  declare private composer: Composer;
  declare private saving: boolean;
  declare private formError: string;
  declare private announcement: string;

  constructor() {
    super();
    this.pageSize = 20;
    this.readOnly = false;
    this.pages = 1;
    this.composer = null;
    this.saving = false;
    this.formError = '';
    this.announcement = '';
  }

  /** What was on screen before the page count changed: shown while the longer list loads. */
  #shown: TimelinePage | undefined;
  #unsubscribe?: () => void;
  #subscribedTo: unknown;

  readonly #timeline = new QueryController<TimelinePage>(this, () => {
    const crm = this.crm;
    const customerId = this.customerId;
    if (!crm || !customerId) return undefined;
    const pages = this.pages;
    const limit = Math.min(500, Math.max(1, Math.floor(this.pageSize) || 20));
    return {
      queryKey: ['rapport', 'customer', 'timeline', customerId, { limit, pages }],
      // Pages by cursor up to the requested count: a refresh after a change re-reads them all,
      // so "load more" pages never go stale.
      queryFn: async () => {
        let page = await crm.customers.timeline(customerId, { limit });
        const items = [...page.items];
        for (let i = 1; i < pages && page.nextCursor; i++) {
          page = await crm.customers.timeline(customerId, { limit, cursor: page.nextCursor });
          items.push(...page.items);
        }
        return { items, total: page.total, nextCursor: page.nextCursor };
      },
    };
  });

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-subscribe to changes (willUpdate) after a move in the DOM.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#subscribedTo = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('customerId') || changed.has('pageSize')) {
      this.pages = 1;
      this.#shown = undefined;
    }
    // The timeline spans activities, deals, orders, tickets and leads, so it is not under one
    // entity's query key: any change refreshes it.
    if (this.crm !== this.#subscribedTo) {
      this.#unsubscribe?.();
      const crm = this.crm;
      this.#subscribedTo = crm;
      this.#unsubscribe = crm?.subscribe(() => {
        void crm.queryClient.invalidateQueries({ queryKey: ['rapport', 'customer', 'timeline'] });
      });
    }
  }

  protected override updated(): void {
    const { status } = this.#timeline;
    const page = this.#page();
    this.setState('loading', status === 'loading' && !page);
    this.setState('error', status === 'error');
    this.setState(
      'empty',
      !!this.crm && (status === 'idle' || (status === 'success' && page?.items.length === 0)),
    );
  }

  #page(): TimelinePage | undefined {
    if (this.#timeline.data) this.#shown = this.#timeline.data;
    return this.#timeline.status === 'loading' || this.#timeline.status === 'success'
      ? this.#shown
      : undefined;
  }

  protected override render(): TemplateResult {
    const i18n = this.i18n;
    const { status, error } = this.#timeline;
    const page = this.#page();
    let body: TemplateResult;
    if (!this.crm) body = emptyView(i18n, 'common.noClient');
    else if (status === 'idle') body = emptyView(i18n, 'timeline.empty');
    else if (status === 'error') body = errorView(i18n, error, () => void this.#timeline.refetch());
    else if (!page) body = loadingView(i18n);
    else if (page.items.length === 0) body = emptyView(i18n, 'timeline.empty');
    else body = this.#renderDays(page);
    return html`<section part="base" aria-label=${i18n.t('timeline.label')} lang=${i18n.lang}>
      ${this.crm && this.customerId && !this.readOnly ? this.#renderComposer() : nothing} ${body}
      ${page && page.items.length > 0 ? this.#renderFooter(page, status === 'loading') : nothing}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </section>`;
  }

  #renderDays(page: TimelinePage): TemplateResult {
    const groups = new Map<string, TimelineEvent[]>();
    for (const event of page.items) {
      const key = dayKey(event.at);
      const group = groups.get(key);
      if (group) group.push(event);
      else groups.set(key, [event]);
    }
    return html`${[...groups].map(
      ([key, events]) =>
        html`<section part="day" aria-labelledby=${`day-${key}`}>
          <h3 part="day-heading" id=${`day-${key}`}>${this.#dayLabel(key, events[0]!.at)}</h3>
          <ol>
            ${events.map((event) => this.#renderEvent(event))}
          </ol>
        </section>`,
    )}`;
  }

  #dayLabel(key: string, iso: string): string {
    const now = this.crm?.clock() ?? new Date();
    const today = dayKey(now.toISOString());
    const yesterday = dayKey(new Date(now.getTime() - 86_400_000).toISOString());
    if (key === today) return this.i18n.t('timeline.today');
    if (key === yesterday) return this.i18n.t('timeline.yesterday');
    return this.i18n.date(iso, 'long');
  }

  #renderEvent(event: TimelineEvent): TemplateResult {
    const i18n = this.i18n;
    const d = event.details;
    const str = (value: unknown) => (typeof value === 'string' ? value : '');
    let label: string;
    let meta = '';
    switch (event.kind) {
      case 'activity': {
        const type = str(d.type);
        label = type
          ? i18n.t(`activityType.${type}` as ActivityTimelineMessageKey)
          : i18n.t('timeline.kind.activity');
        const status = str(d.status);
        meta = [
          status ? i18n.t(`activityStatus.${status}` as ActivityTimelineMessageKey) : '',
          str(d.outcome),
        ]
          .filter(Boolean)
          .join(' · ');
        break;
      }
      case 'deal_stage_changed':
        label = i18n.t('timeline.kind.deal_stage_changed', {
          stage: str(d.stageName) || str(d.stageId),
        });
        break;
      case 'deal_created':
        label = i18n.t('timeline.kind.deal_created');
        if (typeof d.amount === 'number') meta = i18n.money(d.amount, str(d.currency) || 'CNY');
        break;
      case 'payment':
        label = i18n.t('timeline.kind.payment', {
          amount:
            typeof d.amount === 'number' ? i18n.money(d.amount, str(d.currency) || 'CNY') : '',
        });
        break;
      case 'order_placed':
      case 'ticket_opened':
      case 'ticket_resolved':
      case 'campaign_touch':
        label = i18n.t(`timeline.kind.${event.kind}`);
        break;
      default:
        label = i18n.t('timeline.kind.other');
    }
    return html`<li part="event event-${event.kind}" class="kind-${event.kind}">
      <time datetime=${event.at} title=${i18n.date(event.at, 'datetime')}
        >${i18n.date(event.at, 'time')}</time
      >
      <span class="title"><strong>${label}</strong> · ${event.title}</span>
      ${meta ? html`<span class="meta">${meta}</span>` : nothing}
    </li>`;
  }

  #renderFooter(page: TimelinePage, busy: boolean): TemplateResult {
    const i18n = this.i18n;
    return html`<div part="footer">
      <span class="muted">
        ${i18n.t('timeline.count', { shown: i18n.number(page.items.length), total: i18n.number(page.total) })}
      </span>
      ${
        page.nextCursor
          ? html`<button
              class="button"
              part="load-more"
              type="button"
              ?disabled=${busy}
              aria-busy=${busy ? 'true' : 'false'}
              @click=${this.handleLoadMore}
            >
              ${i18n.t(busy ? 'common.loading' : 'common.loadMore')}
            </button>`
          : nothing
      }
    </div>`;
  }

  #renderComposer(): TemplateResult {
    const i18n = this.i18n;
    const toolbar = html`<div part="toolbar">
      <button
        class="button"
        type="button"
        aria-expanded=${this.composer === 'note' ? 'true' : 'false'}
        @click=${() => this.#open('note')}
      >
        ${i18n.t('timeline.addNote')}
      </button>
      <button
        class="button"
        type="button"
        aria-expanded=${this.composer === 'task' ? 'true' : 'false'}
        @click=${() => this.#open('task')}
      >
        ${i18n.t('timeline.addTask')}
      </button>
    </div>`;
    if (!this.composer) return toolbar;
    const isTask = this.composer === 'task';
    return html`${toolbar}
      <form
        part="composer"
        aria-label=${i18n.t(isTask ? 'timeline.addTask' : 'timeline.addNote')}
        @submit=${this.handleSubmit}
        @keydown=${this.handleComposerKeydown}
      >
        ${
          isTask
            ? html`<label>
                  ${i18n.t('timeline.taskLabel')}
                  <input
                    name="text"
                    required
                    maxlength="200"
                    autocomplete="off"
                    placeholder=${i18n.t('timeline.taskPlaceholder')}
                    aria-invalid=${this.formError ? 'true' : 'false'}
                    aria-describedby="form-error"
                  />
                </label>
                <label>
                  ${i18n.t('timeline.dueLabel')}
                  <input name="due" type="date" />
                </label>`
            : html`<label>
                ${i18n.t('timeline.noteLabel')}
                <textarea
                  name="text"
                  required
                  maxlength="10000"
                  placeholder=${i18n.t('timeline.notePlaceholder')}
                  aria-invalid=${this.formError ? 'true' : 'false'}
                  aria-describedby="form-error"
                ></textarea>
              </label>`
        }
        <p id="form-error" class="error" ?hidden=${!this.formError}>${this.formError}</p>
        <div class="row">
          <button class="button primary" type="submit" ?disabled=${this.saving}>
            ${i18n.t(this.saving ? 'common.saving' : 'common.save')}
          </button>
          <button class="button" type="button" @click=${this.#close}>
            ${i18n.t('common.cancel')}
          </button>
        </div>
      </form>`;
  }

  async #open(kind: Exclude<Composer, null>): Promise<void> {
    this.composer = this.composer === kind ? null : kind;
    this.formError = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[name=text]')?.focus();
  }

  #close = async (): Promise<void> => {
    const kind = this.composer;
    this.composer = null;
    this.formError = '';
    await this.updateComplete;
    const index = kind === 'task' ? 1 : 0;
    this.renderRoot.querySelectorAll<HTMLButtonElement>('[part=toolbar] button')[index]?.focus();
  };

  private handleComposerKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      void this.#close();
    }
  };

  private handleLoadMore = () => {
    this.pages += 1;
  };

  private handleSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const crm = this.crm;
    const customerId = this.customerId;
    if (!crm || !customerId || this.saving || !this.composer) return;
    const form = event.currentTarget as HTMLFormElement;
    const text = (
      form.elements.namedItem('text') as HTMLInputElement | HTMLTextAreaElement
    ).value.trim();
    const due = (form.elements.namedItem('due') as HTMLInputElement | null)?.value;
    const isTask = this.composer === 'task';
    const subject = isTask ? text : subjectOf(text);
    const input: ActivityCreateDetail['input'] = isTask
      ? {
          type: 'task',
          subject,
          status: 'open',
          customerId,
          // A task due on a day is due at the end of that local day.
          ...(due && { dueAt: new Date(`${due}T23:59:59`).toISOString() }),
        }
      : {
          type: 'note',
          subject,
          status: 'done',
          customerId,
          completedAt: crm.clock().toISOString(),
          ...(text !== subject && { body: text }),
        };
    if (!this.emit<ActivityCreateDetail>('crm-activity-create', { input }, { cancelable: true }))
      return;
    this.saving = true;
    this.formError = '';
    try {
      const activity = await crm.activities.create(input);
      this.announcement = this.i18n.t('timeline.added');
      this.emit<ActivityCreatedDetail>('crm-activity-created', { activity });
      await this.#close();
    } catch (error) {
      const field = this.i18n.t(isTask ? 'timeline.taskLabel' : 'timeline.noteLabel');
      this.formError =
        error instanceof ValidationError
          ? await loadValidationText(this.i18n).then((v) =>
              error.issues.map((issue) => v.issue(issue, field)).join(' '),
            )
          : this.i18n.t(errorMessageKey(error));
    } finally {
      this.saving = false;
    }
  };
}
