import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  NotFoundError,
  TICKET_CATEGORIES,
  ValidationError,
  createCrm,
  createIndexedDbAdapter,
  type ArticleSuggestion,
  type Crm,
  type PublicTicketStatus,
  type Ticket,
  type TicketCategory,
  type TicketSubmission,
  type ValidationIssue,
} from '@rapport/core';
import { extractTerms } from '@rapport/core/service';
import { CrmElement } from '../base/crm-element.js';
import { errorMessageKey } from '../base/error-message.js';
import { renderMarkdown, safeUrl } from '../base/markdown.js';
import { sessionLimit } from '../base/session-store.js';
import { emptyView, errorView, loadingView } from '../base/status-view.js';
import { toLocale } from '../i18n/localize-controller.js';
import { ticketWidgetStyles } from './ticket-widget.styles.js';
import { LocalizeController } from '../i18n/localize-controller.js';
import { loadValidationText } from '../i18n/validation-text.js';
import { ticketWidgetMessages, type TicketWidgetMessageKey } from './messages.js';

/** Who is asking, when the host page already knows (a signed-in portal user). */
export interface TicketRequester {
  readonly name?: string;
  readonly email?: string;
  readonly phone?: string;
}

export interface TicketCreateDetail {
  /** What `crm.tickets.submit` receives; listeners may inspect it, or `preventDefault()`. */
  readonly input: TicketSubmission;
}
export interface TicketCreatedDetail {
  readonly ticket: Ticket;
}

type Field = 'name' | 'email' | 'phone' | 'category' | 'subject' | 'description';

const LABELS: Record<Field, TicketWidgetMessageKey> = {
  name: 'widget.name',
  email: 'widget.email',
  phone: 'widget.phone',
  category: 'widget.category',
  subject: 'widget.subject',
  description: 'widget.description',
};

const RATE_KEY = 'rapport.ticket-widget.submissions';
const LOOKUP_KEY = 'rapport.ticket-widget.lookups';
/** Status lookups allowed per rate window (number guessing is slowed down too). */
const LOOKUP_LIMIT = 20;

const list = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Which control a core ValidationError issue belongs to. A submission that also creates the
 * requester's contact is a multi-record write: its issue paths start with the record's index.
 */
function fieldOf(path: ValidationIssue['path']): Field | '' {
  const [head, second] = typeof path[0] === 'number' ? path.slice(1) : path;
  if (head === 'requester' && (second === 'email' || second === 'phone' || second === 'name'))
    return second;
  if (head === 'emails') return 'email';
  if (head === 'phones') return 'phone';
  if (head === 'subject' || head === 'description' || head === 'category') return head;
  return '';
}

/** Text worth asking the knowledge base about: at least one term of two characters or more. */
const worthSuggesting = (text: string) => extractTerms(text).some((t) => [...t].length >= 2);

/**
 * A customer-facing support form for any page: name, email and/or phone, category, subject and
 * description. While the visitor types, knowledge-base articles that may answer the question
 * appear (debounced; CJK-aware — terms are core's `extractTerms` bigrams, and nothing is asked
 * while an input method is composing). On submit it calls `crm.tickets.submit` (which matches the
 * requester to a contact or creates one and starts the SLA clocks), shows the ticket number, and
 * lets the visitor check the status later with the number and the email or phone they used
 * (`crm.tickets.lookup`: that ticket's status and public replies only).
 *
 * Against bots: a honeypot field (a filled one looks successful and stores nothing) and a
 * per-session limit (`rate-limit` tickets per `rate-window` seconds, counted in
 * `sessionStorage`). Status lookups are limited per session too.
 *
 * Standalone: with no `<crm-provider>` around it and no `.crm` set, the widget opens its own
 * client once connected — `createCrm()` over the IndexedDB database named by `database`
 * (default `rapport`, the SDK's own default, so an agent view on the same origin sees the
 * tickets) — and closes it when disconnected. Inside a provider it always waits for the
 * provider's client.
 *
 * @summary Customer-facing ticket form with knowledge-base suggestions and a status lookup.
 * @tag crm-ticket-widget
 *
 * @slot heading - Replaces the heading ("Contact support").
 * @slot footer - Below the submit button (privacy notice, opening hours, …).
 *
 * @event crm-ticket-create - Cancelable, before the submission; `detail.input` is what `crm.tickets.submit` receives. `preventDefault()` skips it.
 * @event crm-ticket-created - After the ticket was stored; `detail.ticket` is the new ticket (with its `number`).
 *
 * @csspart base - The widget box. @csspart heading - The heading.
 * @csspart form - The ticket form. @csspart field - One field (also `field-<name>`, e.g. `field-email`).
 * @csspart field-error - A field's validation message. @csspart summary - The form's error line.
 * @csspart identity - The "submitting as" line when the host supplies the requester.
 * @csspart submit - The submit button.
 * @csspart suggestions - The suggested articles. @csspart suggestion - One suggested article.
 * @csspart article - An expanded article body.
 * @csspart success - The "ticket submitted" panel. @csspart number - The ticket number.
 * @csspart lookup - The status lookup form. @csspart ticket-status - The looked-up ticket.
 * @csspart reply - One public reply of the looked-up ticket.
 * @csspart switch - The buttons that switch between submitting and checking.
 * @csspart status - Loading, empty and error lines (also `loading`, `empty`, `error`).
 *
 * @cssproperty [--crm-ticket-widget-max-width=36rem] Widget width limit.
 * @cssproperty [--crm-color-primary=#0b57d0] Submit button and links (and every other `--crm-*` token).
 *
 * @cssstate loading - Its own client is opening (standalone), or a status lookup is running.
 * @cssstate empty - A status lookup found no ticket for that number and email or phone.
 * @cssstate error - Its own client could not open, or a submission or lookup failed.
 */
export class CrmTicketWidget extends CrmElement {
  static override styles = [...CrmElement.styles, ...ticketWidgetStyles];

  /** Strings, numbers, money and dates in the current locale. */
  protected readonly i18n = new LocalizeController(this, ticketWidgetMessages);

  static override properties = {
    requester: { attribute: false },
    requesterName: { attribute: 'requester-name' },
    requesterEmail: { attribute: 'requester-email' },
    requesterPhone: { attribute: 'requester-phone' },
    categories: {},
    rateLimit: { type: Number, attribute: 'rate-limit' },
    rateWindow: { type: Number, attribute: 'rate-window' },
    suggestions: { type: Number },
    suggestDelay: { type: Number, attribute: 'suggest-delay' },
    articleUrl: { attribute: 'article-url' },
    database: {},
    view: { reflect: true },
    errors: { state: true, attribute: false },
    formError: { state: true, attribute: false },
    submitting: { state: true, attribute: false },
    submitted: { state: true, attribute: false },
    suggested: { state: true, attribute: false },
    suggestAsked: { state: true, attribute: false },
    expanded: { state: true, attribute: false },
    ownClient: { state: true, attribute: false },
    ownClientError: { state: true, attribute: false },
    lookup: { state: true, attribute: false },
    failure: { state: true, attribute: false },
    lookupPrefill: { state: true, attribute: false },
  };

  /**
   * The requester, when the host knows who is signed in: `{ name, email, phone }`. The identity
   * fields are then not shown. Wins over the `requester-*` attributes.
   */
  declare requester: TicketRequester | undefined;

  /** The requester's name, from the host. */
  declare requesterName: string | undefined;
  /** The requester's email, from the host. */
  declare requesterEmail: string | undefined;
  /** The requester's phone, from the host. */
  declare requesterPhone: string | undefined;

  /** Categories offered, comma-separated, in order (core's ticket categories). */
  declare categories: string;

  /** Tickets a browser tab may submit per `rate-window`; `0` turns the limit off. */
  declare rateLimit: number;

  /** The rate limit's window, in seconds. */
  declare rateWindow: number;

  /** How many knowledge-base articles to suggest while typing; `0` turns suggestions off. */
  declare suggestions: number;

  /** Milliseconds of quiet typing before asking for suggestions. */
  declare suggestDelay: number;

  /** A link for each suggested article, `{id}` replaced (e.g. `/help/{id}`); unset: expand only. */
  declare articleUrl: string | undefined;

  /** IndexedDB database of the widget's own client (standalone only). */
  declare database: string;

  /** `submit` (the form) or `status` (the lookup). */
  declare view: 'submit' | 'status';

  declare private errors: Partial<Record<Field | 'lookup', string>>;
  declare private formError: string;
  declare private submitting: boolean;
  declare private submitted: Ticket | { honeypot: true } | null;
  declare private suggested: readonly ArticleSuggestion[];
  declare private suggestAsked: boolean;
  declare private expanded: string | null;
  declare private ownClient: 'none' | 'opening' | 'open' | 'failed';
  declare private ownClientError: unknown;
  declare private lookup:
    | { state: 'idle' }
    | { state: 'loading' }
    | { state: 'found'; ticket: PublicTicketStatus }
    | { state: 'missing' }
    | { state: 'failed'; error: unknown };
  declare private failure: unknown;
  /** Prefill of the lookup form after a submission. */
  declare private lookupPrefill: { number: string; contact: string };

  constructor() {
    super();
    this.categories = 'inquiry,fault,complaint,suggestion';
    this.rateLimit = 3;
    this.rateWindow = 3600;
    this.suggestions = 3;
    this.suggestDelay = 300;
    this.database = 'rapport';
    this.view = 'submit';
    this.errors = {};
    this.formError = '';
    this.submitting = false;
    this.submitted = null;
    this.suggested = [];
    this.suggestAsked = false;
    this.expanded = null;
    this.ownClient = 'none';
    this.lookup = { state: 'idle' };
    this.lookupPrefill = { number: '', contact: '' };
  }

  #ownCrm: Crm | undefined;
  #suggestTimer: ReturnType<typeof setTimeout> | undefined;
  #suggestSeq = 0;
  #composing = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#openOwnClientIfAlone();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#suggestTimer);
    const own = this.#ownCrm;
    if (own) {
      this.#ownCrm = undefined;
      if (this.crm === own) this.crm = undefined;
      this.ownClient = 'none';
      void own.close();
    }
  }

  /** The requester the host supplied, if any (property wins over attributes). */
  #hostRequester(): TicketRequester | null {
    const r = this.requester ?? {
      ...(this.requesterName && { name: this.requesterName }),
      ...(this.requesterEmail && { email: this.requesterEmail }),
      ...(this.requesterPhone && { phone: this.requesterPhone }),
    };
    return r.email?.trim() || r.phone?.trim() ? r : null;
  }

  /**
   * Standalone: after the first render (a provider around the element has answered by then),
   * no client and no `<crm-provider>` ancestor → open one over IndexedDB.
   */
  async #openOwnClientIfAlone(): Promise<void> {
    await this.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    if (!this.isConnected || this.crm || this.#ownCrm || this.closest('crm-provider')) return;
    this.ownClient = 'opening';
    try {
      const lang = this.closest<HTMLElement>('[lang]')?.lang;
      const locale = toLocale(lang);
      const crm = await createCrm({
        storage: createIndexedDbAdapter({ name: this.database }),
        ...(locale && { locale }),
      });
      if (!this.isConnected || this.crm) {
        await crm.close();
        this.ownClient = 'none';
        return;
      }
      this.#ownCrm = crm;
      this.crm = crm;
      this.ownClient = 'open';
    } catch (error) {
      this.ownClientError = error;
      this.ownClient = 'failed';
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('view')) this.errors = {};
  }

  protected override updated(): void {
    this.setState(
      'loading',
      (!this.crm && this.ownClient === 'opening') || this.lookup.state === 'loading',
    );
    this.setState('empty', this.view === 'status' && this.lookup.state === 'missing');
    this.setState(
      'error',
      this.ownClient === 'failed' ||
        this.lookup.state === 'failed' ||
        (this.view === 'submit' && this.failure !== undefined),
    );
  }

  protected override render(): TemplateResult {
    const i18n = this.i18n;
    let body: TemplateResult;
    if (!this.crm) {
      if (this.ownClient === 'opening') body = loadingView(i18n);
      else if (this.ownClient === 'failed')
        body = html`${emptyView(i18n, 'widget.storageFailed')}${errorView(i18n, this.ownClientError)}`;
      else body = emptyView(i18n, 'common.noClient');
    } else if (this.view === 'status') body = this.#renderStatus();
    else if (this.submitted) body = this.#renderSuccess(this.submitted);
    else body = this.#renderForm();
    return html`<section part="base" aria-labelledby="heading" lang=${i18n.lang}>
      <h2 part="heading" id="heading">
        <slot name="heading"
          >${i18n.t(this.view === 'status' ? 'widget.statusTitle' : 'widget.label')}</slot
        >
      </h2>
      ${body}
    </section>`;
  }

  // ------------------------------------------------------------------------------------ the form

  #fieldError(field: Field | 'lookup'): TemplateResult | typeof nothing {
    const message = this.errors[field];
    return message ? html`<p part="field-error" id=${`error-${field}`}>${message}</p>` : nothing;
  }

  #aria(field: Field, extra?: string) {
    const invalid = !!this.errors[field];
    const ids = [invalid ? `error-${field}` : '', extra ?? ''].filter(Boolean).join(' ');
    return { invalid: invalid ? 'true' : 'false', describedby: ids || nothing };
  }

  #input(
    field: 'name' | 'email' | 'phone' | 'subject',
    type: string,
    autocomplete: string,
    maxlength: number,
    required: boolean,
    describedby?: string,
  ): TemplateResult {
    const a = this.#aria(field, describedby);
    return html`<div part="field field-${field}">
      <label for=${`field-${field}`}>
        ${this.i18n.t(LABELS[field])}${required ? html`<span class="required-mark" aria-hidden="true"> *</span>` : nothing}
      </label>
      <input
        id=${`field-${field}`}
        name=${field}
        type=${type}
        autocomplete=${autocomplete}
        maxlength=${maxlength}
        ?required=${required}
        aria-invalid=${a.invalid}
        aria-describedby=${a.describedby}
        @input=${field === 'subject' ? this.handleTextInput : nothing}
        @compositionstart=${field === 'subject' ? this.handleCompositionStart : nothing}
        @compositionend=${field === 'subject' ? this.handleCompositionEnd : nothing}
      />
      ${this.#fieldError(field)}
    </div>`;
  }

  #renderForm(): TemplateResult {
    const i18n = this.i18n;
    const host = this.#hostRequester();
    const categories = list(this.categories).filter((c): c is TicketCategory =>
      (TICKET_CATEGORIES as readonly string[]).includes(c),
    );
    const description = this.#aria('description');
    return html`<form part="form" novalidate @submit=${this.handleSubmit}>
      ${
        this.formError
          ? html`<p part="summary" role="alert" tabindex="-1">${this.formError}</p>`
          : nothing
      }
      ${
        host
          ? html`<p part="identity" class="muted">
              ${i18n.t('widget.as', {
                name: [host.name, host.email, host.phone].filter(Boolean).join(' · '),
              })}
            </p>`
          : html`${this.#input('name', 'text', 'name', 100, true)}
              <p id="contact-hint" class="hint muted">${i18n.t('widget.contactHint')}</p>
              <div class="pair">
                ${this.#input('email', 'email', 'email', 254, false, 'contact-hint')}
                ${this.#input('phone', 'tel', 'tel', 40, false, 'contact-hint')}
              </div>`
      }
      ${
        categories.length > 1
          ? html`<div part="field field-category">
              <label for="field-category">${i18n.t('widget.category')}</label>
              <select id="field-category" name="category">
                ${categories.map(
                  (c) => html`<option value=${c}>${i18n.t(`widget.category.${c}`)}</option>`,
                )}
              </select>
            </div>`
          : nothing
      }
      ${this.#input('subject', 'text', 'off', 300, true)}
      <div part="field field-description">
        <label for="field-description">${i18n.t('widget.description')}</label>
        <textarea
          id="field-description"
          name="description"
          maxlength="20000"
          aria-invalid=${description.invalid}
          aria-describedby=${description.describedby}
          @input=${this.handleTextInput}
          @compositionstart=${this.handleCompositionStart}
          @compositionend=${this.handleCompositionEnd}
        ></textarea>
        ${this.#fieldError('description')}
      </div>
      ${this.#renderSuggestions()}
      <div class="visually-hidden" aria-hidden="true">
        <label
          >${i18n.t('widget.honeypot')}<input
            name="website"
            type="text"
            tabindex="-1"
            autocomplete="off"
        /></label>
      </div>
      <div class="actions">
        <button class="button primary" part="submit" type="submit" ?disabled=${this.submitting}>
          ${i18n.t(this.submitting ? 'widget.submitting' : 'widget.submit')}
        </button>
        <button class="button link" part="switch" type="button" @click=${this.handleShowStatus}>
          ${i18n.t('widget.checkStatus')}
        </button>
      </div>
      <slot name="footer"></slot>
    </form>`;
  }

  #renderSuggestions(): TemplateResult {
    const i18n = this.i18n;
    const items = this.suggested;
    const announcement = !this.suggestAsked
      ? ''
      : items.length
        ? i18n.t('widget.suggestionsCount', { count: i18n.number(items.length) })
        : i18n.t('widget.suggestionsNone');
    return html`<p class="visually-hidden" role="status">${announcement}</p>
      ${
        items.length
          ? html`<section part="suggestions" aria-labelledby="suggestions-heading">
              <h3 id="suggestions-heading">${i18n.t('widget.suggestions')}</h3>
              <ul>
                ${items.map(({ article }) => {
                  const open = this.expanded === article.id;
                  const href = this.articleUrl
                    ? safeUrl(this.articleUrl.replaceAll('{id}', encodeURIComponent(article.id)))
                    : null;
                  return html`<li part="suggestion">
                    <button
                      class="disclosure"
                      type="button"
                      aria-expanded=${open ? 'true' : 'false'}
                      aria-controls=${`article-${article.id}`}
                      @click=${() => this.handleToggleArticle(article.id)}
                    >
                      <span lang=${article.locale}>${article.title}</span>
                    </button>
                    <div
                      part="article"
                      class="article"
                      id=${`article-${article.id}`}
                      lang=${article.locale}
                      ?hidden=${!open}
                    >
                      ${open ? renderMarkdown(article.body, { headingLevel: 4 }) : nothing}
                      ${
                        open && href
                          ? html`<p>
                              <a href=${href} target="_blank" rel="noopener noreferrer"
                                >${i18n.t('widget.openArticle')}</a
                              >
                            </p>`
                          : nothing
                      }
                    </div>
                  </li>`;
                })}
              </ul>
            </section>`
          : nothing
      }`;
  }

  #renderSuccess(result: Ticket | { honeypot: true }): TemplateResult {
    const i18n = this.i18n;
    const number = 'honeypot' in result ? '' : (result.number ?? result.id);
    return html`<div part="success" role="status">
      <p>${i18n.t('widget.success')}</p>
      ${
        number
          ? html`<p>
              ${i18n.t('widget.number')}:
              <strong part="number" class="number" tabindex="-1">${number}</strong>
            </p>`
          : nothing
      }
      <p class="muted">${i18n.t('widget.keepNumber')}</p>
      <div class="actions">
        <button class="button" part="switch" type="button" @click=${this.handleShowStatus}>
          ${i18n.t('widget.checkStatus')}
        </button>
        <button class="button" type="button" @click=${this.handleAnother}>
          ${i18n.t('widget.another')}
        </button>
      </div>
    </div>`;
  }

  // ---------------------------------------------------------------------------------- the lookup

  #renderStatus(): TemplateResult {
    const i18n = this.i18n;
    const lookup = this.lookup;
    const invalid = this.errors.lookup ? 'true' : 'false';
    const describedby = this.errors.lookup ? 'error-lookup' : nothing;
    let result: TemplateResult | typeof nothing = nothing;
    if (lookup.state === 'loading') result = loadingView(i18n);
    else if (lookup.state === 'missing') result = emptyView(i18n, 'widget.notFound');
    else if (lookup.state === 'failed')
      result = errorView(i18n, lookup.error, () => this.#form('lookup')?.requestSubmit());
    else if (lookup.state === 'found') result = this.#renderTicket(lookup.ticket);
    return html`<form part="lookup" novalidate @submit=${this.handleLookup}>
        ${this.#fieldError('lookup')}
        <div part="field field-number">
          <label for="lookup-number">${i18n.t('widget.lookupNumber')}</label>
          <input
            id="lookup-number"
            name="number"
            autocomplete="off"
            maxlength="50"
            required
            .value=${this.lookupPrefill.number}
            aria-invalid=${invalid}
            aria-describedby=${describedby}
          />
        </div>
        <div part="field field-contact">
          <label for="lookup-contact">${i18n.t('widget.lookupContact')}</label>
          <input
            id="lookup-contact"
            name="contact"
            autocomplete="email"
            maxlength="254"
            required
            .value=${this.lookupPrefill.contact}
            aria-invalid=${invalid}
            aria-describedby=${describedby}
          />
        </div>
        <div class="actions">
          <button
            class="button primary"
            part="submit"
            type="submit"
            ?disabled=${lookup.state === 'loading'}
          >
            ${i18n.t(lookup.state === 'loading' ? 'widget.lookingUp' : 'widget.lookup')}
          </button>
          <button class="button link" part="switch" type="button" @click=${this.handleShowForm}>
            ${i18n.t('widget.back')}
          </button>
        </div>
      </form>
      <div aria-live="polite">${result}</div>`;
  }

  #renderTicket(ticket: PublicTicketStatus): TemplateResult {
    const i18n = this.i18n;
    return html`<article part="ticket-status" aria-labelledby="ticket-subject">
      <h3 id="ticket-subject">${ticket.subject}</h3>
      <dl>
        <dt>${i18n.t('widget.number')}</dt>
        <dd class="number">${ticket.number}</dd>
        <dt>${i18n.t('widget.status')}</dt>
        <dd>
          <span class="badge" data-status=${ticket.status}
            >${i18n.t(`widget.status.${ticket.status}`)}</span
          >
        </dd>
        <dt>${i18n.t('widget.submitted')}</dt>
        <dd>${i18n.date(ticket.createdAt, 'datetime')}</dd>
        <dt>${i18n.t('widget.updated')}</dt>
        <dd>${i18n.date(ticket.updatedAt, 'datetime')}</dd>
      </dl>
      <h4>${i18n.t('widget.replies')}</h4>
      ${
        ticket.comments.length
          ? html`<ol class="replies">
              ${ticket.comments.map(
                (c) =>
                  html`<li part="reply" class=${c.fromCustomer ? 'from-customer' : 'from-team'}>
                    <p class="meta muted">
                      ${i18n.t(c.fromCustomer ? 'widget.fromYou' : 'widget.fromTeam')} ·
                      <time datetime=${c.createdAt}>${i18n.date(c.createdAt, 'datetime')}</time>
                    </p>
                    <p class="body">${c.body}</p>
                  </li>`,
              )}
            </ol>`
          : html`<p class="muted">${i18n.t('widget.noReplies')}</p>`
      }
    </article>`;
  }

  // ------------------------------------------------------------------------------------ handlers

  #form(part: 'form' | 'lookup'): HTMLFormElement | null {
    return this.renderRoot.querySelector<HTMLFormElement>(`form[part=${part}]`);
  }

  #now(): number {
    return (this.crm?.clock() ?? new Date()).getTime();
  }

  private handleCompositionStart = () => {
    this.#composing = true;
  };

  private handleCompositionEnd = () => {
    this.#composing = false;
    this.handleTextInput();
  };

  /** Subject or description changed: ask for suggestions after `suggest-delay` of quiet. */
  private handleTextInput = (event?: Event) => {
    if (this.#composing || (event as InputEvent | undefined)?.isComposing) return;
    clearTimeout(this.#suggestTimer);
    if (this.suggestions <= 0) return;
    this.#suggestTimer = setTimeout(() => void this.#suggest(), Math.max(0, this.suggestDelay));
  };

  async #suggest(): Promise<void> {
    const crm = this.crm;
    const form = this.#form('form');
    if (!crm || !form) return;
    const data = new FormData(form);
    const text = `${String(data.get('subject') ?? '')}\n${String(data.get('description') ?? '')}`;
    const seq = ++this.#suggestSeq;
    if (!worthSuggesting(text)) {
      this.suggested = [];
      this.suggestAsked = false;
      return;
    }
    try {
      const found = await crm.articles.suggest(text, { limit: this.suggestions });
      if (seq !== this.#suggestSeq) return; // a newer question is on its way
      this.suggested = found;
      this.suggestAsked = true;
      if (this.expanded && !found.some((s) => s.article.id === this.expanded)) this.expanded = null;
    } catch {
      // Suggestions are a help, not the task: a failure leaves the form as it was.
      if (seq === this.#suggestSeq) this.suggested = [];
    }
  }

  private handleToggleArticle(id: string) {
    this.expanded = this.expanded === id ? null : id;
  }

  /** Reads the form into a submission, and reports what is missing. */
  #read(form: HTMLFormElement) {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const host = this.#hostRequester();
    // The host's requester, else the form's fields; trimmed, blanks left out.
    const given = host ?? { name: text('name'), email: text('email'), phone: text('phone') };
    const requester = {
      ...(given.name?.trim() && { name: given.name.trim() }),
      ...(given.email?.trim() && { email: given.email.trim() }),
      ...(given.phone?.trim() && { phone: given.phone.trim() }),
    };
    const errors: Partial<Record<Field, string>> = {};
    const missing: Field[] = [];
    if (!host) {
      if (!requester.name) missing.push('name');
      if (!requester.email && !requester.phone)
        errors.email = this.i18n.t('widget.contactRequired');
    }
    if (!text('subject')) missing.push('subject');
    const category = text('category') || list(this.categories)[0] || 'inquiry';
    const input = {
      subject: text('subject'),
      ...(text('description') && { description: text('description') }),
      channel: 'web',
      category: category as TicketCategory,
      requester,
    } satisfies TicketSubmission;
    return { input, errors, missing, honeypot: text('website') !== '' };
  }

  async #focusFirstError(): Promise<void> {
    await this.updateComplete;
    const first = this.renderRoot.querySelector<HTMLElement>('[aria-invalid=true]');
    (first ?? this.renderRoot.querySelector<HTMLElement>('[part=summary]'))?.focus();
  }

  private handleSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const crm = this.crm;
    if (!crm || this.submitting) return;
    const { input, errors, missing, honeypot } = this.#read(event.currentTarget as HTMLFormElement);
    if (honeypot) {
      // A bot filled the hidden field: look successful, store nothing, tell nobody.
      this.submitted = { honeypot: true };
      return;
    }
    this.formError = '';
    this.failure = undefined;
    if (missing.length) {
      const text = await loadValidationText(this.i18n);
      for (const field of missing)
        errors[field] = text.t('validation.required', { field: this.i18n.t(LABELS[field]) });
    }
    if (Object.keys(errors).length) {
      this.errors = errors;
      await this.#focusFirstError();
      return;
    }
    this.errors = {};
    const limit = sessionLimit(RATE_KEY, this.rateLimit, this.rateWindow * 1000);
    if (!limit.allowed(this.#now())) {
      this.formError = this.i18n.t('widget.rateLimited');
      await this.#focusFirstError();
      return;
    }
    if (!this.emit<TicketCreateDetail>('crm-ticket-create', { input }, { cancelable: true }))
      return;
    this.submitting = true;
    try {
      const ticket = await crm.tickets.submit(input);
      limit.record(this.#now());
      this.submitted = ticket;
      this.lookupPrefill = {
        number: ticket.number ?? '',
        contact: input.requester.email ?? input.requester.phone ?? '',
      };
      this.suggested = [];
      this.suggestAsked = false;
      this.emit<TicketCreatedDetail>('crm-ticket-created', { ticket });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part=number]')?.focus();
    } catch (error) {
      if (error instanceof ValidationError) {
        const text = await loadValidationText(this.i18n);
        const next: Partial<Record<Field, string>> = {};
        const other: string[] = [];
        for (const issue of error.issues) {
          const field = fieldOf(issue.path);
          const message = text.issue(
            issue,
            field ? this.i18n.t(LABELS[field]) : String(issue.path.join('.')),
          );
          if (field) next[field] ??= message;
          else other.push(message);
        }
        this.errors = next;
        this.formError = Object.keys(next).length ? '' : other.join(' ');
      } else {
        this.failure = error;
        this.formError = this.i18n.t(errorMessageKey(error));
      }
      await this.#focusFirstError();
    } finally {
      this.submitting = false;
    }
  };

  private handleLookup = async (event: SubmitEvent) => {
    event.preventDefault();
    const crm = this.crm;
    if (!crm || this.lookup.state === 'loading') return;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const number = String(data.get('number') ?? '').trim();
    const contact = String(data.get('contact') ?? '').trim();
    this.lookupPrefill = { number, contact };
    if (!number || !contact) {
      this.errors = { lookup: this.i18n.t('widget.lookupRequired') };
      this.lookup = { state: 'idle' };
      await this.#focusFirstError();
      return;
    }
    const limit = sessionLimit(LOOKUP_KEY, LOOKUP_LIMIT, this.rateWindow * 1000);
    if (!limit.allowed(this.#now())) {
      this.errors = { lookup: this.i18n.t('widget.lookupLimited') };
      return;
    }
    limit.record(this.#now());
    this.errors = {};
    this.lookup = { state: 'loading' };
    try {
      const ticket = await crm.tickets.lookup({
        number,
        ...(contact.includes('@') ? { email: contact } : { phone: contact }),
      });
      this.lookup = { state: 'found', ticket };
    } catch (error) {
      this.lookup =
        error instanceof NotFoundError || error instanceof ValidationError
          ? { state: 'missing' }
          : { state: 'failed', error };
    }
  };

  private handleShowStatus = async () => {
    this.view = 'status';
    this.lookup = { state: 'idle' };
    await this.updateComplete;
    const number = this.renderRoot.querySelector<HTMLInputElement>('#lookup-number');
    if (number && this.lookupPrefill.number && this.lookupPrefill.contact) {
      // Straight after a submission: both are known, show the status at once.
      this.#form('lookup')?.requestSubmit();
    }
    number?.focus();
  };

  private handleShowForm = async () => {
    this.view = 'submit';
    this.lookup = { state: 'idle' };
    this.submitted = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('input:not([tabindex="-1"]), textarea')?.focus();
  };

  private handleAnother = async () => {
    this.submitted = null;
    this.errors = {};
    this.formError = '';
    this.lookupPrefill = { number: '', contact: '' };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('input:not([tabindex="-1"]), textarea')?.focus();
  };
}
