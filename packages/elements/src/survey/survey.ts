import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  ValidationError,
  type QueryResult,
  type SurveyRequest,
  type SurveyResponse,
} from '@rapport/core';
import { CrmElement } from '../base/crm-element.js';
import { errorMessageKey } from '../base/error-message.js';
import { QueryController } from '../base/query-controller.js';
import { emptyView, errorView, loadingView } from '../base/status-view.js';
import { surveyStyles } from './survey.styles.js';
import { LocalizeController } from '../i18n/localize-controller.js';
import { loadValidationText } from '../i18n/validation-text.js';
import { surveyMessages, type SurveyMessageKey } from './messages.js';

export interface SurveyRespondDetail {
  /** The request answered and the answer; `preventDefault()` skips the write. */
  readonly request: SurveyRequest;
  readonly answer: { readonly score: number; readonly comment?: string };
}
export interface SurveyRespondedDetail {
  readonly response: SurveyResponse;
}

const SCALES = {
  csat: {
    min: 1,
    max: 5,
    question: 'survey.csatQuestion',
    low: 'survey.csatLow',
    high: 'survey.csatHigh',
  },
  nps: {
    min: 0,
    max: 10,
    question: 'survey.npsQuestion',
    low: 'survey.npsLow',
    high: 'survey.npsHigh',
  },
} as const satisfies Record<
  SurveyRequest['kind'],
  {
    min: number;
    max: number;
    question: SurveyMessageKey;
    low: SurveyMessageKey;
    high: SurveyMessageKey;
  }
>;

/** A request of a ticket's list to show: the pending one, else the latest answered one. */
function pick(requests: readonly SurveyRequest[]): SurveyRequest | undefined {
  return (
    requests.find((r) => r.status === 'pending') ??
    requests.find((r) => r.status === 'answered') ??
    requests[0]
  );
}

/**
 * A satisfaction survey for one ticket: CSAT (1–5) or NPS (0–10), as the survey request says
 * (requests are created by core when a ticket is resolved). The scale is a group of native radio
 * buttons (`role="radiogroup"`): Tab enters it, the arrow keys choose, and both ends are
 * labelled ("1, Very dissatisfied" … "5, Very satisfied"). An optional comment, then
 * `crm.surveys.respond`. Core allows one response of a kind per ticket: answering twice (two
 * tabs, or an answered request) shows that the survey was already answered.
 *
 * @summary CSAT or NPS survey for a ticket, with an accessible rating scale.
 * @tag crm-survey
 *
 * @slot heading - Replaces the heading ("Your feedback").
 *
 * @event crm-survey-respond - Cancelable, before the answer is stored; `detail` is `{ request, answer }`. `preventDefault()` skips it.
 * @event crm-survey-responded - After the answer was stored; `detail.response` is the survey response.
 *
 * @csspart base - The survey box. @csspart heading - The heading.
 * @csspart question - The question (the radio group's legend).
 * @csspart scale - The row of options. @csspart option - One option (also `option-selected`).
 * @csspart ends - The labels under the scale's two ends.
 * @csspart comment - The comment field. @csspart submit - The submit button.
 * @csspart field-error - The "choose a score" or "already answered" message.
 * @csspart thanks - The thank-you panel.
 * @csspart status - Loading, empty and error lines (also `loading`, `empty`, `error`).
 *
 * @cssproperty [--crm-survey-max-width=36rem] Survey width limit.
 * @cssproperty [--crm-survey-option-size=40px] Width and height of one option.
 * @cssproperty [--crm-color-primary=#0b57d0] The chosen option (and every other `--crm-*` token).
 *
 * @cssstate loading - The survey request is loading.
 * @cssstate empty - No `ticket-id` / `request-id`, or no survey for that ticket.
 * @cssstate error - The request could not be loaded.
 */
export class CrmSurvey extends CrmElement {
  static override styles = [...CrmElement.styles, surveyStyles];

  /** Strings, numbers, money and dates in the current locale. */
  protected readonly i18n = new LocalizeController(this, surveyMessages);

  static override properties = {
    ticketId: { attribute: 'ticket-id', reflect: true },
    requestId: { attribute: 'request-id', reflect: true },
    noComment: { type: Boolean, attribute: 'no-comment' },
    score: { state: true, attribute: false },
    error: { state: true, attribute: false },
    submitting: { state: true, attribute: false },
    answered: { state: true, attribute: false },
  };

  /** Answer the survey of this ticket (its pending request). */
  declare ticketId: string | undefined;

  /** Answer this survey request (wins over `ticket-id`). */
  declare requestId: string | undefined;

  /** Hide the optional comment field. */
  declare noComment: boolean;

  declare private score: number | null;
  declare private error: string;
  declare private submitting: boolean;
  declare private answered: SurveyResponse | null;

  constructor() {
    super();
    this.noComment = false;
    this.score = null;
    this.error = '';
    this.submitting = false;
    this.answered = null;
  }

  readonly #byId = new QueryController<SurveyRequest>(this, () =>
    this.crm && this.requestId
      ? this.crm.queries.detail('surveyRequest', this.requestId)
      : undefined,
  );

  readonly #byTicket = new QueryController<QueryResult<SurveyRequest>>(this, () =>
    this.crm && this.ticketId && !this.requestId
      ? this.crm.queries.list('surveyRequest', {
          where: { ticketId: { eq: this.ticketId } },
          orderBy: [{ field: 'requestedAt', direction: 'desc' }],
          limit: 20,
        })
      : undefined,
  );

  #query() {
    return this.requestId ? this.#byId : this.#byTicket;
  }

  #request(): SurveyRequest | undefined {
    return this.requestId ? this.#byId.data : pick(this.#byTicket.data?.items ?? []);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('ticketId') || changed.has('requestId')) {
      this.score = null;
      this.error = '';
      this.answered = null;
    }
  }

  protected override updated(): void {
    const { status } = this.#query();
    this.setState('loading', status === 'loading');
    this.setState('error', status === 'error');
    this.setState(
      'empty',
      !!this.crm && status !== 'loading' && status !== 'error' && !this.#request(),
    );
  }

  protected override render(): TemplateResult {
    const i18n = this.i18n;
    const query = this.#query();
    const request = this.#request();
    let body: TemplateResult;
    if (!this.crm) body = emptyView(i18n, 'common.noClient');
    else if (!this.ticketId && !this.requestId) body = emptyView(i18n, 'survey.noTarget');
    else if (query.status === 'loading') body = loadingView(i18n);
    else if (query.status === 'error')
      body = errorView(i18n, query.error, () => void query.refetch());
    else if (this.answered)
      body = html`<p part="thanks" role="status">${i18n.t('survey.thanks')}</p>`;
    else if (!request) body = emptyView(i18n, 'survey.none');
    else if (request.status === 'answered')
      body = html`<p part="thanks">${i18n.t('survey.alreadyAnswered')}</p>`;
    else if (request.status === 'cancelled') body = emptyView(i18n, 'survey.cancelled');
    else body = this.#renderForm(request);
    return html`<section part="base" aria-labelledby="heading" lang=${i18n.lang}>
      <h2 part="heading" id="heading"><slot name="heading">${i18n.t('survey.label')}</slot></h2>
      ${body}
    </section>`;
  }

  #renderForm(request: SurveyRequest): TemplateResult {
    const i18n = this.i18n;
    const scale = SCALES[request.kind];
    const low = i18n.t(scale.low);
    const high = i18n.t(scale.high);
    const scores = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
    const invalid = this.error ? 'true' : 'false';
    return html`<form novalidate @submit=${this.handleSubmit}>
      <fieldset
        role="radiogroup"
        aria-describedby=${this.error ? 'scale-hint survey-error' : 'scale-hint'}
        aria-invalid=${invalid}
        aria-required="true"
      >
        <legend part="question">${i18n.t(scale.question)}</legend>
        <p id="scale-hint" class="visually-hidden">${i18n.t('survey.scaleHint', { low, high })}</p>
        <div part="scale" class="scale" data-kind=${request.kind}>
          ${scores.map((score) => {
            const end = score === scale.min ? low : score === scale.max ? high : '';
            const selected = this.score === score;
            return html`<label part=${selected ? 'option option-selected' : 'option'}>
              <input
                type="radio"
                name="score"
                value=${score}
                .checked=${selected}
                @change=${() => this.handleChoose(score)}
              />
              <span aria-hidden=${end ? 'true' : nothing}>${i18n.number(score)}</span>
              ${
                end
                  ? html`<span class="visually-hidden"
                      >${i18n.t('survey.option', { score: i18n.number(score), label: end })}</span
                    >`
                  : nothing
              }
            </label>`;
          })}
        </div>
        <div part="ends" class="ends" aria-hidden="true">
          <span>${low}</span><span>${high}</span>
        </div>
      </fieldset>
      ${
        this.error
          ? html`<p part="field-error" id="survey-error" role="alert">${this.error}</p>`
          : nothing
      }
      ${
        this.noComment
          ? nothing
          : html`<div class="field">
              <label for="survey-comment">${i18n.t('survey.comment')}</label>
              <textarea
                id="survey-comment"
                part="comment"
                name="comment"
                maxlength="2000"
              ></textarea>
            </div>`
      }
      <button class="button primary" part="submit" type="submit" ?disabled=${this.submitting}>
        ${i18n.t(this.submitting ? 'survey.submitting' : 'survey.submit')}
      </button>
    </form>`;
  }

  private handleChoose(score: number) {
    this.score = score;
    if (this.error === this.i18n.t('survey.scoreRequired')) this.error = '';
  }

  private handleSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const crm = this.crm;
    const request = this.#request();
    if (!crm || !request || this.submitting) return;
    if (this.score === null) {
      this.error = this.i18n.t('survey.scoreRequired');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('input[type=radio]')?.focus();
      return;
    }
    const comment = String(
      new FormData(event.currentTarget as HTMLFormElement).get('comment') ?? '',
    ).trim();
    const answer = { score: this.score, ...(comment && { comment }) };
    if (
      !this.emit<SurveyRespondDetail>(
        'crm-survey-respond',
        { request, answer },
        { cancelable: true },
      )
    )
      return;
    this.submitting = true;
    this.error = '';
    try {
      const response = await crm.surveys.respond(request.id, answer);
      this.answered = response;
      this.emit<SurveyRespondedDetail>('crm-survey-responded', { response });
    } catch (error) {
      // Core's one-response rule (an answered request, or this ticket already answered) is a
      // ValidationError on `status` / `ticketId`: say so in the visitor's words.
      const already =
        error instanceof ValidationError &&
        error.issues.some((i) => i.path[0] === 'status' || i.path[0] === 'ticketId');
      this.error = already
        ? this.i18n.t('survey.alreadyAnswered')
        : error instanceof ValidationError
          ? await loadValidationText(this.i18n).then((v) =>
              error.issues.map((issue) => v.issue(issue, this.i18n.t('survey.label'))).join(' '),
            )
          : this.i18n.t(errorMessageKey(error));
    } finally {
      this.submitting = false;
    }
  };
}
