import type { Article } from '../entities/article.js';
import { normalizeText } from '../query/normalize.js';

/** Han, kana and Hangul: scripts written without spaces between words. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const SEPARATORS = /[\s\p{P}\p{S}]+/u;

/**
 * Terms of a text for matching articles. The text is NFKC-folded and lower-cased, then split on
 * whitespace, punctuation and symbols (`，。、！？` included). Within each piece, runs of CJK
 * characters become overlapping character bigrams (`打印机卡纸` → `打印 印机 机卡 卡纸`; a lone
 * character stays a unigram), since CJK has no spaces to find words by; other runs (Latin words,
 * numbers, model codes such as `x200`) are kept whole when at least two characters long.
 * Distinct terms, in order of first appearance.
 */
export function extractTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const piece of normalizeText(text).split(SEPARATORS)) {
    let run = '';
    let runIsCjk = false;
    const flush = () => {
      if (!run) return;
      if (runIsCjk) {
        const chars = [...run];
        if (chars.length === 1) terms.add(chars[0]!);
        for (let i = 0; i + 1 < chars.length; i++) terms.add(chars[i]! + chars[i + 1]!);
      } else if ([...run].length >= 2) {
        terms.add(run);
      }
      run = '';
    };
    for (const char of piece) {
      const cjk = CJK.test(char);
      if (run && cjk !== runIsCjk) flush();
      runIsCjk = cjk;
      run += char;
    }
    flush();
  }
  return [...terms];
}

export interface ArticleSuggestion {
  readonly article: Article;
  readonly score: number;
  /** Query terms found in the article. */
  readonly matchedTerms: readonly string[];
}

/** Weight of a term found in each part of an article. */
const WEIGHTS = { title: 3, tags: 2, body: 1 } as const;

/**
 * Ranks articles against a text (a ticket's subject and description):
 * every distinct query term scores 3 if it occurs in the title, 2 in a tag, 1 in the body — the
 * best place only, so a term counts once. Articles matching no term are dropped. Order: score,
 * then the number of matched terms, then helpfulness (helpful − not helpful votes), then most
 * recently updated, then id. Only published articles are considered.
 */
export function rankArticles(
  text: string,
  articles: readonly Article[],
  limit = 5,
): ArticleSuggestion[] {
  const terms = extractTerms(text);
  if (terms.length === 0) return [];
  const ranked: ArticleSuggestion[] = [];
  for (const article of articles) {
    if (article.status !== 'published') continue;
    const title = normalizeText(article.title);
    const tags = article.tags.map(normalizeText).join('\u0001');
    const body = normalizeText(article.body);
    let score = 0;
    const matched: string[] = [];
    for (const term of terms) {
      const weight = title.includes(term)
        ? WEIGHTS.title
        : tags.includes(term)
          ? WEIGHTS.tags
          : body.includes(term)
            ? WEIGHTS.body
            : 0;
      if (weight) {
        score += weight;
        matched.push(term);
      }
    }
    if (score > 0) ranked.push({ article, score, matchedTerms: matched });
  }
  const helpfulness = (a: Article) => a.helpfulCount - a.notHelpfulCount;
  ranked.sort(
    (a, b) =>
      b.score - a.score ||
      b.matchedTerms.length - a.matchedTerms.length ||
      helpfulness(b.article) - helpfulness(a.article) ||
      (a.article.updatedAt > b.article.updatedAt
        ? -1
        : a.article.updatedAt < b.article.updatedAt
          ? 1
          : 0) ||
      (a.article.id < b.article.id ? -1 : 1),
  );
  return ranked.slice(0, Math.max(0, limit));
}
