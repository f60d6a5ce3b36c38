import { html, nothing, type TemplateResult } from 'lit';
import type { Article, ArticleSuggestion, QueryResult } from '@rapport/core';
import { CrmElement } from '../base/crm-element.js';
import { errorMessageKey } from '../base/error-message.js';
import { QueryController } from '../base/query-controller.js';
import { readSession, writeSession } from '../base/session-store.js';
import { emptyView, errorView, loadingView } from '../base/status-view.js';
import { kbSearchStyles } from './kb-search.styles.js';
import { LocalizeController } from '../i18n/localize-controller.js';
import { kbSearchMessages } from './messages.js';

export interface ArticleOpenDetail {
  readonly article: Article;
}
export interface ArticleVoteDetail {
  readonly article: Article;
  readonly helpful: boolean;
}
export interface ArticleVotedDetail {
  readonly article: Article;
  readonly helpful: boolean;
}

/**
 * The Markdown renderer, loaded the first time an article is opened (a page that only searches
 * never downloads it). Until it is in, an article stays closed; if it fails to load, the article
 * shows as plain text (escaped, line breaks kept), so nothing is lost.
 */
let markdown: typeof import('../base/markdown.js') | null | undefined;
let markdownLoad: Promise<void> | undefined;
function loadMarkdown(): Promise<void> {
  markdownLoad ??= import('../base/markdown.js').then(
    (module) => {
      markdown = module;
    },
    (error: unknown) => {
      markdown = null;
      console.warn('[rapport] the Markdown renderer failed to load; articles show as text', error);
    },
  );
  return markdownLoad;
}

/** Votes of this browser tab: article id → helpful. */
const VOTES_KEY = 'rapport.kb-search.votes';
type Votes = Record<string, boolean>;

/**
 * Search the knowledge base: with a question, published articles ranked by `crm.articles.suggest`
 * (CJK-aware terms, title > tags > body, then helpfulness); with none, the most recently updated
 * ones. Each result expands in place (a disclosure button) to the article, whose Markdown is
 * rendered by the one sanitising helper (`base/markdown.ts`: templates only, no HTML strings;
 * links only http, https, mailto, tel or relative). Readers can say whether an article helped,
 * once per article per browser-tab session.
 *
 * @summary Knowledge-base search with safe Markdown articles and helpful votes.
 * @tag crm-kb-search
 *
 * @event crm-article-open - An article was expanded; `detail.article`.
 * @event crm-article-vote - Cancelable, before a vote is stored; `detail` is `{ article, helpful }`. `preventDefault()` skips it.
 * @event crm-article-voted - After the vote was stored; `detail` is `{ article, helpful }` (the updated article).
 *
 * @csspart base - The box. @csspart search - The search form. @csspart input - The search box.
 * @csspart count - The number of results. @csspart results - The result list.
 * @csspart result - One result. @csspart title - A result's title button.
 * @csspart article - An expanded article body. @csspart votes - The "was this helpful" row.
 * @csspart vote-button - A yes / no button.
 * @csspart status - Loading, empty and error lines (also `loading`, `empty`, `error`).
 *
 * @cssproperty [--crm-kb-search-max-width=48rem] Width limit.
 * @cssproperty [--crm-color-primary=#0b57d0] Titles and links (and every other `--crm-*` token).
 *
 * @cssstate loading - Articles are loading.
 * @cssstate empty - No article matches (or none is published).
 * @cssstate error - Articles could not be loaded.
 */
export class CrmKbSearch extends CrmElement {
  static override styles = [...CrmElement.styles, ...kbSearchStyles];

  /** Strings, numbers, money and dates in the current locale. */
  protected readonly i18n = new LocalizeController(this, kbSearchMessages);

  static override properties = {
    query: {},
    category: {},
    limit: { type: Number },
    searchDelay: { type: Number, attribute: 'search-delay' },
    expanded: { state: true, attribute: false },
    votes: { state: true, attribute: false },
    voteError: { state: true, attribute: false },
  };

  /** The search text (also what the visitor typed, after `search-delay`). */
  declare query: string;

  /** Only articles of this category. */
  declare category: string | undefined;

  /** How many results to show. */
  declare limit: number;

  /** Milliseconds of quiet typing before searching (Enter searches at once). */
  declare searchDelay: number;

  declare private expanded: string | null;
  declare private votes: Votes;
  declare private voteError: { id: string; message: string } | null;

  constructor() {
    super();
    this.query = '';
    this.limit = 10;
    this.searchDelay = 300;
    this.expanded = null;
    this.votes = readSession<Votes>(VOTES_KEY, {});
    this.voteError = null;
  }

  #timer: ReturnType<typeof setTimeout> | undefined;

  readonly #results = new QueryController<readonly Article[]>(this, () => {
    const crm = this.crm;
    if (!crm) return undefined;
    const q = this.query.trim();
    const where = {
      status: { eq: 'published' },
      ...(this.category && { category: { eq: this.category } }),
    } as const;
    const limit = Math.max(1, Math.min(100, this.limit));
    // The keys start with the article list key, so any article change invalidates them.
    if (q) {
      const base = crm.queries.list('article', { where, search: q.slice(0, 200) }).queryKey;
      return {
        queryKey: [...base, 'suggest', limit],
        queryFn: async () => {
          const found: ArticleSuggestion[] = await crm.articles.suggest(q, { limit: 100 });
          return found
            .map((s) => s.article)
            .filter((a) => !this.category || a.category === this.category)
            .slice(0, limit);
        },
      };
    }
    const options = crm.queries.list('article', {
      where,
      orderBy: [{ field: 'updatedAt', direction: 'desc' }],
      limit,
    });
    return {
      queryKey: options.queryKey,
      queryFn: async () => ((await options.queryFn()) as QueryResult<Article>).items,
    };
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
  }

  protected override updated(): void {
    const { status, data } = this.#results;
    this.setState('loading', status === 'loading');
    this.setState('error', status === 'error');
    this.setState('empty', status === 'success' && (data?.length ?? 0) === 0);
  }

  protected override render(): TemplateResult {
    const i18n = this.i18n;
    const { status, data, error } = this.#results;
    let body: TemplateResult;
    if (!this.crm) body = emptyView(i18n, 'common.noClient');
    else if (status === 'loading') body = loadingView(i18n);
    else if (status === 'error') body = errorView(i18n, error, () => void this.#results.refetch());
    else if (!data?.length) body = emptyView(i18n, this.query.trim() ? 'kb.empty' : 'kb.emptyAll');
    else body = this.#renderResults(data);
    return html`<section part="base" aria-label=${i18n.t('kb.label')} lang=${i18n.lang}>
      <form part="search" role="search" @submit=${this.handleSubmit}>
        <label for="kb-query" class="visually-hidden">${i18n.t('kb.search')}</label>
        <input
          id="kb-query"
          part="input"
          type="search"
          name="q"
          maxlength="200"
          autocomplete="off"
          placeholder=${i18n.t('kb.searchPlaceholder')}
          .value=${this.query}
          @input=${this.handleInput}
        />
        <button class="button" type="submit">${i18n.t('kb.searchButton')}</button>
      </form>
      <p part="count" class="muted" role="status">
        ${status === 'success' && data?.length ? i18n.t('kb.count', { count: i18n.number(data.length) }) : ''}
      </p>
      ${body}
    </section>`;
  }

  #renderResults(articles: readonly Article[]): TemplateResult {
    return html`<ul part="results">
      ${articles.map((article) => this.#renderArticle(article))}
    </ul>`;
  }

  #renderArticle(article: Article): TemplateResult {
    const i18n = this.i18n;
    const open = this.expanded === article.id;
    const id = `article-${article.id}`;
    return html`<li part="result" lang=${article.locale}>
      <h3>
        <button
          part="title"
          class="disclosure"
          type="button"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls=${id}
          @click=${() => this.handleToggle(article)}
        >
          ${article.title}
        </button>
      </h3>
      <p class="meta muted" lang=${i18n.lang}>
        ${article.category ? html`<span>${article.category}</span> · ` : nothing}
        <span>${i18n.t('kb.updated', { date: i18n.date(article.updatedAt) })}</span>
      </p>
      <div part="article" class="article" id=${id} ?hidden=${!open}>
        ${
          open
            ? html`${
                markdown
                  ? markdown.renderMarkdown(article.body, { headingLevel: 4 })
                  : html`<p class="plain">${article.body}</p>`
              }${this.#renderVotes(article)}`
            : nothing
        }
      </div>
    </li>`;
  }

  #renderVotes(article: Article): TemplateResult {
    const i18n = this.i18n;
    const voted = Object.hasOwn(this.votes, article.id);
    const failed = this.voteError?.id === article.id ? this.voteError.message : '';
    return html`<div part="votes" class="votes" lang=${i18n.lang}>
      ${
        voted
          ? html`<p role="status">${i18n.t('kb.voted')}</p>`
          : html`<span id=${`vote-${article.id}`}>${i18n.t('kb.helpfulQuestion')}</span>
              <button
                class="button"
                part="vote-button"
                type="button"
                aria-describedby=${`vote-${article.id}`}
                @click=${() => this.handleVote(article, true)}
              >
                ${i18n.t('kb.yes')}
              </button>
              <button
                class="button"
                part="vote-button"
                type="button"
                aria-describedby=${`vote-${article.id}`}
                @click=${() => this.handleVote(article, false)}
              >
                ${i18n.t('kb.no')}
              </button>`
      }
      ${failed ? html`<p class="error" role="alert">${failed}</p>` : nothing}
    </div>`;
  }

  private handleInput = (event: InputEvent) => {
    const input = event.currentTarget as HTMLInputElement;
    if (event.isComposing) return; // wait for the input method to finish the word
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => (this.query = input.value), Math.max(0, this.searchDelay));
  };

  private handleSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    clearTimeout(this.#timer);
    this.query = String(new FormData(event.currentTarget as HTMLFormElement).get('q') ?? '');
  };

  private async handleToggle(article: Article) {
    if (this.expanded !== article.id && markdown === undefined) await loadMarkdown();
    const opening = this.expanded !== article.id;
    this.expanded = opening ? article.id : null;
    if (opening) this.emit<ArticleOpenDetail>('crm-article-open', { article });
  }

  private async handleVote(article: Article, helpful: boolean) {
    const crm = this.crm;
    // Once per article per session, also across elements and reloads of this tab.
    if (!crm || Object.hasOwn(readSession<Votes>(VOTES_KEY, {}), article.id)) {
      this.votes = readSession<Votes>(VOTES_KEY, {});
      return;
    }
    if (
      !this.emit<ArticleVoteDetail>('crm-article-vote', { article, helpful }, { cancelable: true })
    )
      return;
    this.voteError = null;
    const votes = { ...readSession<Votes>(VOTES_KEY, {}), [article.id]: helpful };
    writeSession(VOTES_KEY, votes);
    this.votes = votes;
    try {
      const updated = await crm.articles.vote(article.id, helpful);
      this.emit<ArticleVotedDetail>('crm-article-voted', { article: updated, helpful });
    } catch (error) {
      const { [article.id]: _, ...rest } = votes;
      writeSession(VOTES_KEY, rest);
      this.votes = rest;
      this.voteError = {
        id: article.id,
        message: `${this.i18n.t('kb.voteFailed')} ${this.i18n.t(errorMessageKey(error))}`,
      };
    }
  }
}
