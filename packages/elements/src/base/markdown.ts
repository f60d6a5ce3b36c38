/*
 * The one place that turns article Markdown into DOM (STYLE.md 16).
 *
 * Approach: a small Markdown-subset renderer that builds Lit templates directly. No HTML string is
 * ever produced or parsed — every piece of the source ends up either as a text binding (which Lit
 * sets as text, so `<script>`, `<img onerror=…>` or any raw HTML in an article shows as the
 * characters the author typed) or as one of a fixed set of elements written in this file, whose
 * only dynamic attribute is a link's `href`, and that only after `safeUrl` accepted it. There is
 * therefore nothing for DOMPurify to remove and no `unsafeHTML` anywhere; it also works under a
 * strict CSP and costs ~3 KB instead of a Markdown parser plus DOMPurify (~45 KB).
 *
 * Supported (what knowledge-base articles use): ATX headings, paragraphs, hard line breaks,
 * `**strong**`, `*em*` / `_em_`, `~~strike~~`, `` `code` ``, fenced code blocks, block quotes,
 * ordered and unordered lists (nested by indentation), GFM tables, thematic breaks, links
 * `[text](url)`, autolinks `<https://…>` and bare `https://…`, and backslash escapes.
 * Images `![alt](url)` become a link to the image labelled with its alt text: nothing is loaded
 * from an article, so it cannot track readers or trip the host's `img-src`.
 * Raw HTML is not supported: it is shown as text.
 */
import { html, nothing, type TemplateResult } from 'lit';

type Inline = string | TemplateResult;

/** Link schemes an article may use; everything else (javascript:, data:, vbscript:, …) is text. */
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/**
 * `raw` when it is safe as a link target — an http, https, mailto or tel URL, or a relative one —
 * else `null`. The scheme is decided by the browser's own URL parser (the same algorithm that
 * would run on a click), and any control character or whitespace inside the URL is refused
 * outright, since browsers drop some of them (`java\tscript:`).
 */
export function safeUrl(raw: string): string | null {
  const url = raw.trim();
  if (!url || url.length > 2048) return null;
  if (/[\u0000-\u0020\u007f-\u009f\u2028\u2029]/.test(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url, 'https://relative.invalid/');
  } catch {
    return null;
  }
  return ALLOWED_PROTOCOLS.has(parsed.protocol) ? url : null;
}

export interface MarkdownOptions {
  /**
   * The HTML heading level the article's top-level Markdown headings become (default 3), so the
   * outline continues the page's: the smallest `#` level used maps here, deeper ones follow.
   */
  readonly headingLevel?: number;
}

/** Renders Markdown as Lit templates; see the header of this file for what is supported. */
export function renderMarkdown(source: string, options: MarkdownOptions = {}): TemplateResult {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const levels = lines.map((l) => HEADING.exec(l)?.[1]?.length ?? 7);
  const top = Math.min(6, ...levels);
  const base = Math.min(6, Math.max(1, options.headingLevel ?? 3));
  return html`${blocks(lines, { shift: base - top, depth: 0 })}`;
}

// ---------------------------------------------------------------------------------------- blocks

interface BlockContext {
  /** Added to a Markdown heading level to get the HTML one. */
  readonly shift: number;
  /** Nesting (block quotes, list items): bounded, so hostile input cannot recurse deeply. */
  readonly depth: number;
}

const MAX_DEPTH = 12;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}> ?/;
const LIST_ITEM = /^( {0,12})([-*+]|\d{1,9}[.)])([ \t]+|$)/;
const TABLE_DIVIDER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

const isBlank = (line: string) => line.trim() === '';

function startsBlock(line: string, next: string | undefined): boolean {
  return (
    HEADING.test(line) ||
    FENCE.test(line) ||
    RULE.test(line) ||
    QUOTE.test(line) ||
    LIST_ITEM.test(line) ||
    (line.includes('|') && next !== undefined && TABLE_DIVIDER.test(next))
  );
}

function blocks(lines: readonly string[], ctx: BlockContext): TemplateResult[] {
  const out: TemplateResult[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1]!;
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.trimStart().startsWith(marker)) body.push(lines[i++]!);
      i++; // the closing fence (or the end)
      out.push(html`<pre><code>${body.join('\n')}</code></pre>`);
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      out.push(headingOf(heading[1]!.length + ctx.shift, inline(heading[2] ?? '', 0)));
      i++;
      continue;
    }
    if (RULE.test(line)) {
      out.push(html`<hr />`);
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const body: string[] = [];
      while (i < lines.length && !isBlank(lines[i]!)) body.push(lines[i++]!.replace(QUOTE, ''));
      out.push(
        ctx.depth >= MAX_DEPTH
          ? html`<blockquote>${body.join('\n')}</blockquote>`
          : html`<blockquote>${blocks(body, { ...ctx, depth: ctx.depth + 1 })}</blockquote>`,
      );
      continue;
    }
    if (LIST_ITEM.test(line)) {
      i = list(lines, i, ctx, out);
      continue;
    }
    if (line.includes('|') && i + 1 < lines.length && TABLE_DIVIDER.test(lines[i + 1]!)) {
      i = table(lines, i, out);
      continue;
    }
    const paragraph: string[] = [line];
    i++;
    while (i < lines.length && !isBlank(lines[i]!) && !startsBlock(lines[i]!, lines[i + 1]))
      paragraph.push(lines[i++]!);
    out.push(html`<p>${inline(paragraph.join('\n').trim(), 0)}</p>`);
  }
  return out;
}

function headingOf(level: number, content: Inline[]): TemplateResult {
  switch (Math.min(6, Math.max(1, level))) {
    case 1:
      return html`<h1>${content}</h1>`;
    case 2:
      return html`<h2>${content}</h2>`;
    case 3:
      return html`<h3>${content}</h3>`;
    case 4:
      return html`<h4>${content}</h4>`;
    case 5:
      return html`<h5>${content}</h5>`;
    default:
      return html`<h6>${content}</h6>`;
  }
}

/** A list starting at `lines[start]`; items continue on lines indented past the marker. */
function list(
  lines: readonly string[],
  start: number,
  ctx: BlockContext,
  out: TemplateResult[],
): number {
  const first = LIST_ITEM.exec(lines[start]!)!;
  const indent = first[1]!.length;
  const ordered = /\d/.test(first[2]!);
  const startNumber = ordered ? parseInt(first[2]!, 10) : 1;
  const items: string[][] = [];
  let i = start;
  while (i < lines.length) {
    const line = lines[i]!;
    const item = LIST_ITEM.exec(line);
    if (item && item[1]!.length === indent && /\d/.test(item[2]!) === ordered) {
      items.push([line.slice(item[0].length)]);
      i++;
      continue;
    }
    if (isBlank(line)) {
      // A blank line ends the list unless the next line is indented (or another item).
      const next = lines[i + 1];
      if (next === undefined || !(next.startsWith(' '.repeat(indent + 2)) || LIST_ITEM.test(next)))
        break;
      items[items.length - 1]!.push('');
      i++;
      continue;
    }
    const continuation = line.startsWith(' '.repeat(indent + 1)) || !startsBlock(line, undefined);
    if (!continuation || (item && item[1]!.length < indent)) break;
    items[items.length - 1]!.push(line.replace(new RegExp(`^ {0,${indent + 4}}`), ''));
    i++;
  }
  const deeper = { ...ctx, depth: ctx.depth + 1 };
  const rendered = items.map((body) =>
    ctx.depth >= MAX_DEPTH
      ? html`<li>${body.join('\n')}</li>`
      : body.length === 1
        ? html`<li>${inline(body[0]!.trim(), 0)}</li>`
        : html`<li>${blocks(body, deeper)}</li>`,
  );
  out.push(
    ordered
      ? html`<ol start=${startNumber === 1 ? nothing : startNumber}>
          ${rendered}
        </ol>`
      : html`<ul>
          ${rendered}
        </ul>`,
  );
  return i;
}

function cells(row: string): string[] {
  let text = row.trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1);
  // Split on pipes not escaped with a backslash.
  return text.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

function table(lines: readonly string[], start: number, out: TemplateResult[]): number {
  const head = cells(lines[start]!);
  const align = cells(lines[start + 1]!).map((c) =>
    c.startsWith(':') && c.endsWith(':') ? 'center' : c.endsWith(':') ? 'end' : '',
  );
  let i = start + 2;
  const rows: string[][] = [];
  while (i < lines.length && !isBlank(lines[i]!) && lines[i]!.includes('|'))
    rows.push(cells(lines[i++]!));
  const cls = (col: number) => (align[col] ? `align-${align[col]}` : nothing);
  out.push(
    html`<div class="table-scroll">
      <table>
        <thead>
          <tr>
            ${head.map((c, col) => html`<th scope="col" class=${cls(col)}>${inline(c, 0)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row) =>
              html`<tr>
                ${head.map((_, col) => html`<td class=${cls(col)}>${inline(row[col] ?? '', 0)}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`,
  );
  return i;
}

// ---------------------------------------------------------------------------------------- inline

const ESCAPABLE = /[\\`*_{}[\]()#+\-.!|~<>"'&]/;
const BARE_URL = /^(?:https?:\/\/|mailto:)[^\s<>]*[^\s<>.,:;"')\]!?。，；：！？、）]/;

/** Where the `]` closing the `[` at `open` is (brackets nest), or -1. */
function closingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  return -1;
}

/** `(url "title")` right after a `]`: the URL and the index after `)`, or null. */
function destination(text: string, at: number): { url: string; end: number } | null {
  if (text[at] !== '(') return null;
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) {
      let inner = text.slice(at + 1, i).trim();
      // Drop an optional title: `(url "title")` / `(url 'title')`.
      inner = inner.replace(/\s+("[^"]*"|'[^']*')$/, '');
      if (inner.startsWith('<') && inner.endsWith('>')) inner = inner.slice(1, -1);
      return { url: inner.replace(/\\(.)/g, '$1'), end: i + 1 };
    }
  }
  return null;
}

function link(href: string, content: Inline[]): TemplateResult {
  const external = /^https?:/i.test(href) || href.startsWith('//');
  return html`<a
    href=${href}
    target=${external ? '_blank' : nothing}
    rel=${external ? 'noopener noreferrer' : nothing}
    >${content}</a
  >`;
}

/** `**`, `__`, `~~`, `*`, `_` spans: the delimiter at `at` and where its closing one is. */
function emphasis(text: string, at: number): { marker: string; close: number } | null {
  for (const marker of ['**', '__', '~~', '*', '_']) {
    if (!text.startsWith(marker, at)) continue;
    const after = text[at + marker.length];
    if (after === undefined || /\s/.test(after)) return null;
    // `_` inside a word (snake_case) is not emphasis.
    if (marker[0] === '_' && at > 0 && /[\p{L}\p{N}]/u.test(text[at - 1]!)) return null;
    let from = at + marker.length + 1;
    while (from <= text.length) {
      const close = text.indexOf(marker, from);
      if (close < 0) return null;
      const before = text[close - 1]!;
      const next = text[close + marker.length];
      const single = marker.length === 1 && next === marker; // `*` is not the start of `**`
      const intraword = marker[0] === '_' && next !== undefined && /[\p{L}\p{N}]/u.test(next);
      if (!/\s/.test(before) && before !== '\\' && !single && !intraword) return { marker, close };
      from = close + (single ? 2 : 1);
    }
    return null;
  }
  return null;
}

/** Inline Markdown as text and elements; `depth` bounds the nesting of spans and links. */
function inline(text: string, depth: number): Inline[] {
  if (depth > MAX_DEPTH) return [text];
  const out: Inline[] = [];
  let plain = '';
  const flush = () => {
    if (plain) out.push(plain);
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const rest = text.slice(i);

    if (c === '\\' && i + 1 < text.length) {
      if (text[i + 1] === '\n') {
        flush();
        out.push(html`<br />`);
        i += 2;
        continue;
      }
      if (ESCAPABLE.test(text[i + 1]!)) {
        plain += text[i + 1];
        i += 2;
        continue;
      }
    }

    if (c === '\n') {
      // Two trailing spaces make a hard break; any other line end is a space.
      if (plain.endsWith('  ')) {
        plain = plain.trimEnd();
        flush();
        out.push(html`<br />`);
      } else plain = `${plain.trimEnd()}\n`;
      i++;
      continue;
    }

    if (c === '`') {
      const run = /^`+/.exec(rest)![0];
      const close = text.indexOf(run, i + run.length);
      if (close > 0) {
        flush();
        out.push(html`<code>${text.slice(i + run.length, close).trim()}</code>`);
        i = close + run.length;
        continue;
      }
      plain += run;
      i += run.length;
      continue;
    }

    if (c === '!' && text[i + 1] === '[') {
      const close = closingBracket(text, i + 1);
      const target = close > 0 ? destination(text, close + 1) : null;
      if (target) {
        flush();
        const alt = text.slice(i + 2, close);
        const href = safeUrl(target.url);
        out.push(href ? link(href, [alt || href]) : alt);
        i = target.end;
        continue;
      }
    }

    if (c === '[') {
      const close = closingBracket(text, i);
      const target = close > 0 ? destination(text, close + 1) : null;
      if (target) {
        flush();
        const content = inline(text.slice(i + 1, close), depth + 1);
        const href = safeUrl(target.url);
        // An unsafe target: the link text stays, as text; the URL is dropped.
        out.push(...(href ? [link(href, content)] : content));
        i = target.end;
        continue;
      }
    }

    if (c === '<') {
      const auto = /^<([a-z][a-z0-9+.-]{1,31}:[^\s<>]*)>/i.exec(rest);
      if (auto) {
        flush();
        const href = safeUrl(auto[1]!);
        out.push(href ? link(href, [auto[1]!]) : auto[0]);
        i += auto[0].length;
        continue;
      }
    }

    if ((c === 'h' || c === 'm') && (i === 0 || !/[\p{L}\p{N}]/u.test(text[i - 1]!))) {
      const bare = BARE_URL.exec(rest);
      if (bare) {
        const href = safeUrl(bare[0]);
        if (href) {
          flush();
          out.push(link(href, [bare[0]]));
          i += bare[0].length;
          continue;
        }
      }
    }

    if (c === '*' || c === '_' || c === '~') {
      const span = emphasis(text, i);
      if (span) {
        flush();
        const inner = inline(text.slice(i + span.marker.length, span.close), depth + 1);
        out.push(
          span.marker === '~~'
            ? html`<del>${inner}</del>`
            : span.marker.length === 2
              ? html`<strong>${inner}</strong>`
              : html`<em>${inner}</em>`,
        );
        i = span.close + span.marker.length;
        continue;
      }
    }

    plain += c;
    i++;
  }
  flush();
  return out;
}
