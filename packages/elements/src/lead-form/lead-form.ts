import { html, nothing, type TemplateResult } from 'lit';
import {
  ValidationError,
  type CustomFieldDefinition,
  type CustomFieldValue,
  type DuplicateMatch,
  type Lead,
  type QueryResult,
  type ValidationIssue,
} from '@rapport/core';
import { CrmElement } from '../base/crm-element.js';
import { errorMessageKey } from '../base/error-message.js';
import { QueryController } from '../base/query-controller.js';
import { emptyView, errorView, loadingView } from '../base/status-view.js';
import { leadFormStyles } from './lead-form.styles.js';
import { LocalizeController } from '../i18n/localize-controller.js';
import { loadValidationText, type ValidationText } from '../i18n/validation-text.js';
import { leadFormMessages } from './messages.js';

/** Built-in fields the form can show, in the order given by `fields`. */
export const LEAD_FORM_FIELDS = [
  'name',
  'company',
  'title',
  'phone',
  'email',
  'industry',
  'notes',
] as const;
export type LeadFormField = (typeof LEAD_FORM_FIELDS)[number];

const INPUT_TYPES: Partial<Record<LeadFormField, string>> = { phone: 'tel', email: 'email' };
/** The inputs' `autocomplete` (notes is a textarea, which has none). */
const AUTOCOMPLETE: Record<Exclude<LeadFormField, 'notes'>, string> = {
  name: 'name',
  company: 'organization',
  title: 'organization-title',
  phone: 'tel',
  email: 'email',
  industry: 'off',
};

/** What `crm.leads.capture` is called with. */
type CaptureInput = Parameters<NonNullable<CrmLeadForm['crm']>['leads']['capture']>[0];

export interface LeadCreateDetail {
  /** The capture input; listeners may inspect it, or `preventDefault()` to skip the capture. */
  readonly input: CaptureInput;
}
export interface LeadCreatedDetail {
  readonly lead: Lead;
  /** `false` when the capture was merged into an existing lead. */
  readonly created: boolean;
  readonly duplicates: readonly DuplicateMatch[];
}

const list = (value: string | undefined | null): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const customName = (key: string) => `cf:${key}`;

/** Which form control an issue of `crm.leads.capture`'s ValidationError belongs to. */
function controlOf(path: ValidationIssue['path']): string {
  // A capture that also writes other records reports paths prefixed with the record's index.
  const [head, second] = typeof path[0] === 'number' ? path.slice(1) : path;
  if (head === 'phones' || head === 'phone') return 'phone';
  if (head === 'emails' || head === 'email') return 'email';
  if (head === 'customFields' && typeof second === 'string') return customName(second);
  return typeof head === 'string' ? head : '';
}

/**
 * An embeddable lead-capture form over `crm.leads.capture`: built-in and custom fields
 * (`crm.customFields` definitions for leads), validation by the lead's zod schema with messages
 * in the current locale, a duplicate notice when the capture matched a lead, contact or customer,
 * and a honeypot field against bots (a filled honeypot shows success and stores nothing).
 *
 * @summary Lead capture form with custom fields, localized validation and a duplicate notice.
 * @tag crm-lead-form
 *
 * @slot heading - Replaces the heading ("Contact us").
 * @slot footer - Below the submit button (privacy notice, …).
 *
 * @event crm-lead-create - Cancelable, before the capture; `detail.input` is what `crm.leads.capture` receives. `preventDefault()` skips it.
 * @event crm-lead-created - After the capture; `detail` is `{ lead, created, duplicates }` (`created: false` when merged into an existing lead).
 *
 * @csspart base - The form box. @csspart heading - The heading.
 * @csspart field - One field (also `field-<name>`, e.g. `field-phone`, `field-cf:budget`).
 * @csspart field-error - A field's validation message.
 * @csspart summary - The "please correct N fields" line.
 * @csspart submit - The submit button.
 * @csspart success - The thank-you panel. @csspart duplicate - The duplicate notice.
 * @csspart status - Loading, empty and error lines (also `loading`, `empty`, `error`).
 *
 * @cssproperty [--crm-lead-form-max-width=32rem] Form width limit.
 * @cssproperty [--crm-color-danger=#cf222e] Validation messages (and every other `--crm-*` token).
 *
 * @cssstate loading - Custom field definitions are loading.
 * @cssstate empty - No fields to show (`fields=""` and no custom fields).
 * @cssstate error - The definitions could not be loaded.
 */
export class CrmLeadForm extends CrmElement {
  static override styles = [...CrmElement.styles, leadFormStyles];

  /** Strings, numbers, money and dates in the current locale. */
  protected readonly i18n = new LocalizeController(this, leadFormMessages);

  static override properties = {
    fields: {},
    required: {},
    customFields: { attribute: 'custom-fields' },
    source: {},
    campaignId: { attribute: 'campaign-id' },
    hideDuplicates: { type: Boolean, attribute: 'hide-duplicates' },
    errors: { state: true, attribute: false },
    formError: { state: true, attribute: false },
    submitting: { state: true, attribute: false },
    result: { state: true, attribute: false },
  };

  /** Built-in fields, comma-separated, in order: `name company title phone email industry notes`. */
  declare fields: string;

  /** Fields that must be filled, comma-separated (`name` always is). */
  declare required: string;

  /** Custom fields of leads to add, by key, comma-separated; `*` for all, in their `order`. */
  declare customFields: string;

  /** The lead's `source` (`web`, `event`, `campaign`, …). */
  declare source: Lead['source'];

  /** Credits the capture to a campaign. */
  declare campaignId: string | undefined;

  /** Do not tell the visitor the details matched an existing record. */
  declare hideDuplicates: boolean;

  declare private errors: Record<string, string>;
  declare private formError: string;
  declare private submitting: boolean;
  declare private result: LeadCreatedDetail | { honeypot: true } | null;

  constructor() {
    super();
    this.fields = 'name,company,phone,email,notes';
    this.required = 'name';
    this.customFields = '';
    this.source = 'web';
    this.hideDuplicates = false;
    this.errors = {};
    this.formError = '';
    this.submitting = false;
    this.result = null;
  }

  readonly #definitions = new QueryController<QueryResult<CustomFieldDefinition>>(this, () =>
    this.crm && this.customFields.trim()
      ? this.crm.queries.list('customFieldDefinition', {
          where: { entity: { eq: 'lead' } },
          limit: 200,
        })
      : undefined,
  );

  #builtIn(): LeadFormField[] {
    return list(this.fields).filter((f): f is LeadFormField =>
      (LEAD_FORM_FIELDS as readonly string[]).includes(f),
    );
  }

  #customDefinitions(): CustomFieldDefinition[] {
    const wanted = list(this.customFields);
    if (wanted.length === 0) return [];
    const all = [...(this.#definitions.data?.items ?? [])].sort((a, b) => a.order - b.order);
    return wanted.includes('*') ? all : wanted.flatMap((key) => all.filter((d) => d.key === key));
  }

  /** A custom field's (or option's) label in the current locale, else en, else zh-CN. */
  #label(label: CustomFieldDefinition['label'], fallback: string): string {
    return label[this.i18n.locale] ?? label.en ?? label['zh-CN'] ?? fallback;
  }

  #isRequired(field: LeadFormField): boolean {
    return field === 'name' || list(this.required).includes(field);
  }

  protected override updated(): void {
    const status = this.#definitions.status;
    this.setState('loading', status === 'loading');
    this.setState('error', status === 'error');
    this.setState(
      'empty',
      status !== 'loading' &&
        this.#builtIn().length === 0 &&
        this.#customDefinitions().length === 0,
    );
  }

  protected override render(): TemplateResult {
    const i18n = this.i18n;
    const { status, error } = this.#definitions;
    let body: TemplateResult;
    if (!this.crm) body = emptyView(i18n, 'common.noClient');
    else if (status === 'loading') body = loadingView(i18n);
    else if (status === 'error')
      body = errorView(i18n, error, () => void this.#definitions.refetch());
    else if (this.result) body = this.#renderSuccess(this.result);
    else if (this.#builtIn().length === 0 && this.#customDefinitions().length === 0)
      body = emptyView(i18n, 'common.empty');
    else body = this.#renderForm();
    return html`<section part="base" aria-labelledby="heading" lang=${i18n.lang}>
      <h2 part="heading" id="heading"><slot name="heading">${i18n.t('leadForm.label')}</slot></h2>
      ${body}
    </section>`;
  }

  #renderForm(): TemplateResult {
    const i18n = this.i18n;
    return html`<form novalidate @submit=${this.handleSubmit}>
      ${
        this.formError
          ? html`<p part="summary" role="alert" tabindex="-1">${this.formError}</p>`
          : nothing
      }
      ${this.#builtIn().map((field) => this.#renderBuiltIn(field))}
      ${this.#customDefinitions().map((def) => this.#renderCustom(def))}
      <div class="visually-hidden" aria-hidden="true">
        <label
          >${i18n.t('leadForm.honeypot')}<input
            name="website"
            type="text"
            tabindex="-1"
            autocomplete="off"
        /></label>
      </div>
      <button class="button primary" part="submit" type="submit" ?disabled=${this.submitting}>
        ${i18n.t(this.submitting ? 'leadForm.submitting' : 'leadForm.submit')}
      </button>
      <slot name="footer"></slot>
    </form>`;
  }

  #fieldError(name: string): TemplateResult | typeof nothing {
    const message = this.errors[name];
    return message ? html`<p part="field-error" id=${`error-${name}`}>${message}</p>` : nothing;
  }

  #renderBuiltIn(field: LeadFormField): TemplateResult {
    const i18n = this.i18n;
    const required = this.#isRequired(field);
    const id = `field-${field}`;
    const invalid = this.errors[field] ? 'true' : 'false';
    const describedby = this.errors[field] ? `error-${field}` : nothing;
    const control =
      field === 'notes'
        ? html`<textarea
            id=${id}
            name=${field}
            maxlength="5000"
            ?required=${required}
            aria-invalid=${invalid}
            aria-describedby=${describedby}
          ></textarea>`
        : html`<input
            id=${id}
            name=${field}
            type=${INPUT_TYPES[field] ?? 'text'}
            autocomplete=${AUTOCOMPLETE[field]}
            maxlength=${field === 'company' ? 200 : 100}
            ?required=${required}
            aria-invalid=${invalid}
            aria-describedby=${describedby}
          />`;
    return html`<div part="field field-${field}">
      <label for=${id}>
        ${i18n.t(`leadForm.${field}`)}${required ? html`<span class="required-mark" aria-hidden="true"> *</span>` : nothing}
      </label>
      ${control} ${this.#fieldError(field)}
    </div>`;
  }

  #renderCustom(def: CustomFieldDefinition): TemplateResult {
    const i18n = this.i18n;
    const name = customName(def.key);
    const id = `field-${def.key}`;
    const label = this.#label(def.label, def.key);
    const invalid = this.errors[name] ? 'true' : 'false';
    const describedby = this.errors[name] ? `error-${name}` : nothing;
    const optionLabel = (o: CustomFieldDefinition['options'][number]) =>
      this.#label(o.label, o.value);
    const mark = def.required
      ? html`<span class="required-mark" aria-hidden="true"> *</span>`
      : nothing;
    if (def.type === 'multiselect') {
      return html`<fieldset
        part="field field-${name}"
        aria-invalid=${invalid}
        aria-describedby=${describedby}
      >
        <legend>${label}${mark}</legend>
        <div class="choices">
          ${def.options.map(
            (o) =>
              html`<label
                ><input type="checkbox" name=${name} value=${o.value} /> ${optionLabel(o)}</label
              >`,
          )}
        </div>
        ${this.#fieldError(name)}
      </fieldset>`;
    }
    if (def.type === 'boolean') {
      return html`<div part="field field-${name}">
        <label
          ><input
            id=${id}
            type="checkbox"
            name=${name}
            aria-invalid=${invalid}
            aria-describedby=${describedby}
          />
          ${label}</label
        >
        ${this.#fieldError(name)}
      </div>`;
    }
    const control =
      def.type === 'select'
        ? html`<select
            id=${id}
            name=${name}
            ?required=${def.required}
            aria-invalid=${invalid}
            aria-describedby=${describedby}
          >
            <option value="">${i18n.t('leadForm.choose')}</option>
            ${def.options.map((o) => html`<option value=${o.value}>${optionLabel(o)}</option>`)}
          </select>`
        : html`<input
            id=${id}
            name=${name}
            ?required=${def.required}
            aria-invalid=${invalid}
            aria-describedby=${describedby}
            type=${def.type === 'phone' ? 'tel' : def.type /* text, number, date, email, url */}
            autocomplete="off"
          />`;
    return html`<div part="field field-${name}">
      <label for=${id}>${label}${mark}</label>
      ${control} ${this.#fieldError(name)}
    </div>`;
  }

  #renderSuccess(result: LeadCreatedDetail | { honeypot: true }): TemplateResult {
    const i18n = this.i18n;
    const name = 'honeypot' in result ? '' : result.lead.name;
    let notice: TemplateResult | typeof nothing = nothing;
    if (!('honeypot' in result) && !this.hideDuplicates) {
      const on = [...new Set(result.duplicates.flatMap((d) => d.on))];
      const text = [
        on.length
          ? i18n.t('leadForm.duplicate', {
              fields: i18n.list(on.map((f) => i18n.t(`leadForm.duplicateField.${f}`))),
            })
          : '',
        result.created ? '' : i18n.t('leadForm.merged'),
      ]
        .filter(Boolean)
        .join(' ');
      if (text) notice = html`<p part="duplicate">${text}</p>`;
    }
    return html`<div part="success" role="status">
      <p>${i18n.t('leadForm.success', { name })}</p>
      ${notice}
      <button class="button" type="button" @click=${this.handleAnother}>
        ${i18n.t('leadForm.another')}
      </button>
    </div>`;
  }

  /** Reads the form into a capture input, and reports empty required fields. */
  #read(form: HTMLFormElement): { input: CaptureInput; missing: string[]; honeypot: boolean } {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const input: Record<string, unknown> = { source: this.source };
    if (this.campaignId) input.campaignId = this.campaignId;
    const missing: string[] = [];
    for (const field of this.#builtIn()) {
      const value = text(field);
      if (value) input[field] = value;
      else if (this.#isRequired(field)) missing.push(field);
    }
    if (!('name' in input)) input.name = '';
    const custom: Record<string, CustomFieldValue | string[]> = {};
    for (const def of this.#customDefinitions()) {
      const name = customName(def.key);
      let value: CustomFieldValue | string[] | undefined;
      if (def.type === 'multiselect') {
        const all = data.getAll(name).map(String);
        value = all.length ? all : undefined;
      } else if (def.type === 'boolean') value = data.has(name);
      else {
        const raw = text(name);
        value = raw === '' ? undefined : def.type === 'number' ? Number(raw) : raw;
      }
      if (value === undefined) {
        if (def.required) missing.push(name);
      } else custom[def.key] = value;
    }
    if (Object.keys(custom).length) input.customFields = custom;
    return { input: input as CaptureInput, missing, honeypot: text('website') !== '' };
  }

  #labelOf(control: string): string {
    if ((LEAD_FORM_FIELDS as readonly string[]).includes(control))
      return this.i18n.t(`leadForm.${control as LeadFormField}`);
    const def = this.#customDefinitions().find((d) => customName(d.key) === control);
    return def ? this.#label(def.label, def.key) : control;
  }

  /**
   * Shows messages on their fields, and above the form how many there are (or, when none is on a
   * field, `other`: messages of fields the form does not show).
   */
  #showErrors(errors: Record<string, string>, text: ValidationText, other = ''): void {
    const count = Object.keys(errors).length;
    this.errors = errors;
    this.formError = count
      ? text.t('validation.summary', { count: this.i18n.number(count) })
      : other;
  }

  async #focusFirstError(): Promise<void> {
    await this.updateComplete;
    const first = this.renderRoot.querySelector<HTMLElement>(
      '[aria-invalid=true] input, input[aria-invalid=true], textarea[aria-invalid=true], select[aria-invalid=true]',
    );
    (first ?? this.renderRoot.querySelector<HTMLElement>('[part=summary]'))?.focus();
  }

  private handleSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const crm = this.crm;
    if (!crm || this.submitting) return;
    const { input, missing, honeypot } = this.#read(event.currentTarget as HTMLFormElement);
    if (honeypot) {
      // A bot filled the hidden field: look successful, store nothing, tell nobody.
      this.result = { honeypot: true };
      return;
    }
    this.formError = '';
    if (missing.length) {
      const text = await loadValidationText(this.i18n);
      this.#showErrors(
        Object.fromEntries(
          missing.map((c) => [c, text.t('validation.required', { field: this.#labelOf(c) })]),
        ),
        text,
      );
      await this.#focusFirstError();
      return;
    }
    if (!this.emit<LeadCreateDetail>('crm-lead-create', { input }, { cancelable: true })) return;
    this.submitting = true;
    try {
      const result = await crm.leads.capture(input);
      this.errors = {};
      this.result = result;
      this.emit<LeadCreatedDetail>('crm-lead-created', result);
    } catch (error) {
      if (error instanceof ValidationError) {
        const text = await loadValidationText(this.i18n);
        const errors: Record<string, string> = {};
        const shown = new Set([
          ...this.#builtIn(),
          ...this.#customDefinitions().map((d) => customName(d.key)),
        ] as string[]);
        const other: string[] = [];
        for (const issue of error.issues) {
          const control = controlOf(issue.path);
          const message = text.issue(issue, this.#labelOf(control));
          if (shown.has(control)) errors[control] ??= message;
          else other.push(message);
        }
        this.#showErrors(errors, text, other.join(' '));
      } else {
        this.errors = {};
        this.formError = this.i18n.t(errorMessageKey(error));
      }
      await this.#focusFirstError();
    } finally {
      this.submitting = false;
    }
  };

  private handleAnother = async () => {
    this.result = null;
    this.errors = {};
    this.formError = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('input, textarea, select')?.focus();
  };
}
