import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  NotFoundError,
  ValidationError,
  type Activity,
  type Contact,
  type Customer,
  type Phone,
  type QueryResult,
} from '@rapport/core';
import { CrmElement } from '../base/crm-element.js';
import { QueryController } from '../base/query-controller.js';
import { emptyView, errorView, loadingView } from '../base/status-view.js';
import { errorMessageKey } from '../base/error-message.js';
import { contactCardStyles } from './contact-card.styles.js';
import { initials } from './initials.js';
import { LocalizeController } from '../i18n/localize-controller.js';
import { loadValidationText } from '../i18n/validation-text.js';
import { contactCardMessages, type ContactCardMessageKey } from './messages.js';

/** Activity types the quick "log activity" form offers. */
const LOG_TYPES = ['call', 'visit', 'email', 'meeting', 'note'] as const;
type LogType = (typeof LOG_TYPES)[number];

/** Values masked by the gateway's field policy (`138****8000`, `z***@example.com`) are never links. */
const isMasked = (value: string) => value.includes('*');

/** `tel:` target: digits and a leading `+` only (full-width digits folded). */
function telHref(number: string): string {
  const ascii = number.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return `tel:${ascii.replace(/[^\d+]/g, '')}`;
}

/** `healthScore` (0–100) is optional and not part of every schema version: read it if present. */
function healthOf(customer: Customer | undefined): number | undefined {
  const score = (customer as { healthScore?: unknown } | undefined)?.healthScore;
  return typeof score === 'number' && Number.isFinite(score) ? score : undefined;
}

export interface ActivityCreateDetail {
  /** What will be passed to `crm.activities.create`; listeners may inspect it, or cancel. */
  readonly input: Parameters<NonNullable<CrmContactCard['crm']>['activities']['create']>[0];
}
export interface ActivityCreatedDetail {
  readonly activity: Activity;
}

/**
 * A person or company at a glance: avatar (initials: a Chinese name shows its surname), name,
 * company and title, phones and emails as `tel:` / `mailto:` links (values masked by policy stay
 * masked and are not linked), tags, owner, lifecycle stage, a health badge when the customer has a
 * `healthScore`, last contact, and a quick "log activity" form.
 *
 * @summary Contact or customer card with a quick "log activity".
 * @tag crm-contact-card
 *
 * @event crm-activity-create - Cancelable, before the quick "log activity" writes; `detail.input` is the activity to create. `preventDefault()` skips the write.
 * @event crm-activity-created - After the activity was stored; `detail.activity` is the stored record.
 *
 * @csspart base - The card.
 * @csspart header - Avatar, name, subtitle and health badge.
 * @csspart avatar - The initials circle.
 * @csspart name - The name heading.
 * @csspart subtitle - Title and company.
 * @csspart health - The health badge.
 * @csspart details - The list of fields.
 * @csspart tags - The tag list. @csspart tag - One tag.
 * @csspart actions - The footer with the quick actions.
 * @csspart log-button - The "log activity" button.
 * @csspart log-form - The inline "log activity" form.
 * @csspart status - Loading, empty and error lines (also `loading`, `empty`, `error`).
 * @csspart retry - The retry button of the error line.
 *
 * @cssproperty [--crm-avatar-size=48px] Avatar diameter (36px in the compact variant).
 * @cssproperty [--crm-contact-card-avatar-background=var(--crm-color-primary)] Avatar background.
 * @cssproperty [--crm-contact-card-avatar-color=var(--crm-color-on-primary)] Avatar text colour.
 * @cssproperty [--crm-contact-card-max-width=28rem] Card width limit.
 * @cssproperty [--crm-color-surface=#ffffff] Card background (and every other `--crm-*` token).
 *
 * @cssstate loading - The record is loading.
 * @cssstate empty - No `customer-id` / `contact-id`, or the record does not exist or is not visible.
 * @cssstate error - Loading failed.
 */
export class CrmContactCard extends CrmElement {
  static override styles = [...CrmElement.styles, contactCardStyles];

  /** Strings, numbers, money and dates in the current locale. */
  protected readonly i18n = new LocalizeController(this, contactCardMessages);

  static override properties = {
    customerId: { attribute: 'customer-id', reflect: true },
    contactId: { attribute: 'contact-id', reflect: true },
    variant: { reflect: true },
    userName: { attribute: false },
    logOpen: { state: true, attribute: false },
    logType: { state: true, attribute: false },
    saving: { state: true, attribute: false },
    logError: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
  };

  /** Show this customer (company or person); its primary contact is shown beside it. */
  declare customerId: string | undefined;

  /** Show this contact (wins over `customer-id`); its company is loaded from `customerId`. */
  declare contactId: string | undefined;

  /** `full` (default): every field; `compact`: avatar, name, subtitle, first phone and email. */
  declare variant: 'full' | 'compact';

  /**
   * Display names of users (owners) — users come from the host. Without it the owner id shows.
   * `card.userName = (id) => directory.get(id)?.name`
   */
  declare userName: ((id: string) => string | undefined) | undefined;

  declare private logOpen: boolean;
  declare private logType: LogType;
  declare private saving: boolean;
  declare private logError: string;
  declare private announcement: string;

  constructor() {
    super();
    this.variant = 'full';
    this.logOpen = false;
    this.logType = 'call';
    this.saving = false;
    this.logError = '';
    this.announcement = '';
  }

  readonly #record = new QueryController<Contact | Customer>(this, () => {
    if (!this.crm) return undefined;
    if (this.contactId) return this.crm.queries.detail('contact', this.contactId);
    if (this.customerId) return this.crm.queries.detail('customer', this.customerId);
    return undefined;
  });

  /** The contact's company (contact-id mode). */
  readonly #company = new QueryController<Customer>(this, () => {
    const contact = this.contactId ? (this.#record.data as Contact | undefined) : undefined;
    return this.crm && contact?.customerId
      ? this.crm.queries.detail('customer', contact.customerId)
      : undefined;
  });

  /** The customer's contacts, for its primary contact (customer-id mode). */
  readonly #contacts = new QueryController<QueryResult<Contact>>(this, () =>
    this.crm && !this.contactId && this.customerId
      ? this.crm.queries.list('contact', {
          where: { customerId: { eq: this.customerId } },
          limit: 20,
        })
      : undefined,
  );

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('contactId') || changed.has('customerId')) {
      this.logOpen = false;
      this.logError = '';
    }
  }

  protected override updated(): void {
    const status = this.#record.status;
    const notFound = status === 'error' && this.#record.error instanceof NotFoundError;
    this.setState('loading', status === 'loading');
    this.setState('empty', (status === 'idle' && !!this.crm) || notFound);
    this.setState('error', status === 'error' && !notFound);
  }

  protected override render(): TemplateResult {
    const i18n = this.i18n;
    const { status, data, error } = this.#record;
    let body: TemplateResult;
    if (!this.crm) body = emptyView(i18n, 'common.noClient');
    else if (status === 'idle') body = emptyView(i18n, 'contactCard.noTarget');
    else if (status === 'loading') body = loadingView(i18n);
    else if (status === 'error' && error instanceof NotFoundError)
      body = emptyView(i18n, 'contactCard.notFound');
    else if (status === 'error') body = errorView(i18n, error, () => void this.#record.refetch());
    else body = this.#renderCard(data!);
    return html`<div lang=${i18n.lang}>
      ${body}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  #renderCard(record: Contact | Customer): TemplateResult {
    const isContact = !!this.contactId;
    const contact = isContact ? (record as Contact) : undefined;
    const customer = isContact ? this.#company.data : (record as Customer);
    const primary = isContact
      ? undefined
      : (this.#contacts.data?.items.find((c) => c.isPrimary) ?? this.#contacts.data?.items[0]);
    const compact = this.variant === 'compact';

    const subtitle = isContact
      ? [contact!.title, contact!.department, customer?.name].filter(Boolean).join(' · ')
      : [customer!.industry, customer!.region?.city ?? customer!.region?.province]
          .filter(Boolean)
          .join(' · ');
    const health = healthOf(customer);
    const phones = compact ? record.phones.slice(0, 1) : record.phones;
    const emails = compact ? record.emails.slice(0, 1) : record.emails;

    return html`<article part="base" aria-labelledby="name">
      <header part="header">
        <span part="avatar" aria-hidden="true">${initials(record.name)}</span>
        <div class="who">
          <h3 id="name" part="name">${record.name}</h3>
          ${subtitle ? html`<p part="subtitle">${subtitle}</p>` : nothing}
        </div>
        ${health === undefined ? nothing : this.#renderHealth(health)}
      </header>
      <dl part="details">
        ${
          phones.length
            ? this.#row('contactCard.phones', this.#list(phones.map((p) => this.#phone(p))))
            : nothing
        }
        ${
          emails.length
            ? this.#row('contactCard.emails', this.#list(emails.map((e) => this.#email(e))))
            : nothing
        }
        ${compact ? nothing : this.#renderFullRows(record, customer, primary)}
      </dl>
      ${compact ? nothing : this.#renderActions()}
    </article>`;
  }

  #renderFullRows(
    record: Contact | Customer,
    customer: Customer | undefined,
    primary: Contact | undefined,
  ) {
    const i18n = this.i18n;
    return html`
      ${
        primary
          ? this.#row(
              'contactCard.primary',
              html`${primary.name}${primary.title ? html` <span class="muted">· ${primary.title}</span>` : nothing}`,
            )
          : nothing
      }
      ${
        record.ownerId
          ? this.#row('contactCard.owner', this.userName?.(record.ownerId) ?? record.ownerId)
          : nothing
      }
      ${
        customer
          ? this.#row(
              'contactCard.lifecycle',
              `${i18n.t(`lifecycle.${customer.lifecycleStage}`)} · ${i18n.t(`tier.${customer.tier}`)}`,
            )
          : nothing
      }
      ${this.#row(
        'contactCard.lastContact',
        record.lastContactAt
          ? html`<time
              datetime=${record.lastContactAt}
              title=${i18n.date(record.lastContactAt, 'datetime')}
              >${i18n.relative(record.lastContactAt)}</time
            >`
          : i18n.t('contactCard.never'),
      )}
      ${
        record.tags.length
          ? this.#row(
              'contactCard.tags',
              html`<ul part="tags">
                ${record.tags.map((tag) => html`<li part="tag">${tag}</li>`)}
              </ul>`,
            )
          : nothing
      }
    `;
  }

  #renderHealth(score: number): TemplateResult {
    const [level, key] =
      score >= 70
        ? (['good', 'contactCard.healthGood'] as const)
        : score >= 40
          ? (['fair', 'contactCard.healthFair'] as const)
          : (['poor', 'contactCard.healthPoor'] as const);
    const label = this.i18n.t(key);
    return html`<span part="health" class="badge health-${level}" title=${label}>
      ${this.i18n.t('contactCard.health', { score: this.i18n.number(Math.round(score)) })}
      <span class="visually-hidden">(${label})</span>
    </span>`;
  }

  #row(label: ContactCardMessageKey, value: unknown): TemplateResult {
    return html`<dt>${this.i18n.t(label)}</dt>
      <dd>${value}</dd>`;
  }

  #list(items: TemplateResult[]): TemplateResult {
    return html`<ul class="values">
      ${items.map((item) => html`<li>${item}</li>`)}
    </ul>`;
  }

  #phone(phone: Phone): TemplateResult {
    const type = html`<span class="muted">${this.i18n.t(`phoneType.${phone.type}`)}</span>`;
    if (isMasked(phone.number)) return html`${this.#masked(phone.number)} ${type}`;
    return html`<a href=${telHref(phone.number)}>${phone.number}</a> ${type}`;
  }

  #email(email: string): TemplateResult {
    if (isMasked(email)) return this.#masked(email);
    return html`<a href=${`mailto:${email}`}>${email}</a>`;
  }

  #masked(value: string): TemplateResult {
    return html`<span class="masked">${value}</span
      ><span class="visually-hidden"> (${this.i18n.t('contactCard.masked')})</span>`;
  }

  #renderActions(): TemplateResult {
    const i18n = this.i18n;
    if (!this.logOpen) {
      return html`<footer part="actions">
        <button
          class="button"
          part="log-button"
          type="button"
          aria-expanded="false"
          @click=${this.handleLogOpen}
        >
          ${i18n.t('contactCard.logActivity')}
        </button>
      </footer>`;
    }
    return html`<footer part="actions">
      <form
        part="log-form"
        aria-label=${i18n.t('contactCard.logActivity')}
        @submit=${this.handleLogSubmit}
        @keydown=${this.handleLogKeydown}
      >
        <label>
          ${i18n.t('contactCard.activityType')}
          <select name="type" @change=${this.handleLogTypeChange}>
            ${LOG_TYPES.map(
              (type) =>
                html`<option value=${type} ?selected=${type === this.logType}>
                  ${i18n.t(`activityType.${type}`)}
                </option>`,
            )}
          </select>
        </label>
        <label class="grow">
          ${i18n.t('contactCard.activitySubject')}
          <input
            name="subject"
            required
            maxlength="200"
            autocomplete="off"
            aria-invalid=${this.logError ? 'true' : 'false'}
            aria-describedby="log-error"
          />
        </label>
        <button class="button primary" type="submit" ?disabled=${this.saving}>
          ${i18n.t(this.saving ? 'common.saving' : 'common.save')}
        </button>
        <button class="button" type="button" @click=${this.handleLogCancel}>
          ${i18n.t('common.cancel')}
        </button>
        <p id="log-error" class="error" ?hidden=${!this.logError}>${this.logError}</p>
      </form>
    </footer>`;
  }

  private handleLogOpen = async () => {
    this.logOpen = true;
    this.logError = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('input[name=subject]')?.focus();
  };

  private handleLogCancel = async () => {
    this.logOpen = false;
    this.logError = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('[part=log-button]')?.focus();
  };

  private handleLogKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      void this.handleLogCancel();
    }
  };

  private handleLogTypeChange = (event: Event) => {
    this.logType = (event.target as HTMLSelectElement).value as LogType;
  };

  private handleLogSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const crm = this.crm;
    const record = this.#record.data;
    if (!crm || !record || this.saving) return;
    const form = event.currentTarget as HTMLFormElement;
    const subject = (form.elements.namedItem('subject') as HTMLInputElement).value.trim();
    const contact = this.contactId ? (record as Contact) : undefined;
    const customerId = contact ? contact.customerId : record.id;
    const input: ActivityCreateDetail['input'] = {
      type: this.logType,
      subject,
      // A quick log records something that happened: done now (core sets lastContactAt).
      status: 'done',
      completedAt: crm.clock().toISOString(),
      ...(customerId && { customerId }),
      ...(contact && { contactId: contact.id }),
    };
    if (!this.emit<ActivityCreateDetail>('crm-activity-create', { input }, { cancelable: true }))
      return;
    this.saving = true;
    this.logError = '';
    try {
      const activity = await crm.activities.create(input);
      this.logOpen = false;
      this.announcement = this.i18n.t('contactCard.activityLogged');
      this.emit<ActivityCreatedDetail>('crm-activity-created', { activity });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLButtonElement>('[part=log-button]')?.focus();
    } catch (error) {
      this.logError =
        error instanceof ValidationError
          ? await loadValidationText(this.i18n).then((v) => {
              const field = this.i18n.t('contactCard.activitySubject');
              return error.issues.map((issue) => v.issue(issue, field)).join(' ');
            })
          : this.i18n.t(errorMessageKey(error));
    } finally {
      this.saving = false;
    }
  };
}
