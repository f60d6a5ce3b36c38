// Minifies the static text of Lit's tagged templates — `css`…``, `html`…`` and `svg`…`` — which
// JavaScript minifiers leave alone (they cannot know a template string is CSS or HTML). Used by
// rollup.config.mjs for the published @rapport/elements build (bench/element-sizes.sh measures
// that build). Tests, Storybook and the strict-CSP check run on the unminified source.
//
// Only changes that cannot change rendering:
//   css   comments removed; whitespace runs collapsed to one space, dropped around `{ } ; ,`,
//         after `:` and `(`, before `)` and at the ends (never before `:` or `(`, where a space
//         is a descendant combinator or separates `and (…)`); the `;` before `}` dropped.
//         Quoted strings are kept as written.
//   html  whitespace runs inside a tag collapsed to one space (none before `>`); whitespace runs in
//   svg   text that hold a line break (indentation) collapsed to one space, which renders the same
//         under `white-space: normal`; other text, attribute values and comments are kept, and
//         nothing inside <pre>, <textarea>, <script> or <style> is touched. No text node is removed,
//         so inline elements keep their spacing. The elements' own `white-space: pre-wrap` boxes
//         hold only a binding (`<p class="text">${body}</p>`), never static whitespace.
// Expressions (`${…}`) are never touched; minification runs over the static parts around them.
import MagicString from 'magic-string';
import ts from 'typescript';

/** Stands for an expression while the static parts are minified as one string. */
const HOLE = '\uE000';

const MINIFIERS = { css: minifyCss, html: minifyHtml, svg: minifyHtml };

/**
 * Minifies every `css`/`html`/`svg` tagged template of a TypeScript or JavaScript module.
 * Returns `null` when nothing changed, else `{ code, map }` (a source map of the edit).
 */
export function minifyTemplates(code, fileName) {
  if (!/\b(css|html|svg)\s*`/.test(code)) return null;
  const kind = /\.[cm]?tsx?$/.test(fileName) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, kind);
  const out = new MagicString(code);
  let changed = false;
  const visit = (node) => {
    if (
      ts.isTaggedTemplateExpression(node) &&
      ts.isIdentifier(node.tag) &&
      Object.hasOwn(MINIFIERS, node.tag.text)
    ) {
      const ranges = staticRanges(node.template);
      const parts = ranges.map(([start, end]) => code.slice(start, end));
      const minified = MINIFIERS[node.tag.text](parts.join(HOLE)).split(HOLE);
      if (minified.length === parts.length) {
        ranges.forEach(([start, end], i) => {
          if (minified[i] === parts[i]) return;
          changed = true;
          if (minified[i] === '') out.remove(start, end);
          else out.update(start, end, minified[i]);
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (!changed) return null;
  return { code: out.toString(), map: out.generateMap({ hires: true, source: fileName }) };
}

/** [start, end) of the raw text of each static part of a template literal. */
function staticRanges(template) {
  if (ts.isNoSubstitutionTemplateLiteral(template))
    return [[template.getStart() + 1, template.end - 1]];
  const ranges = [[template.head.getStart() + 1, template.head.end - 2]];
  for (const span of template.templateSpans) {
    const literal = span.literal;
    const close = ts.isTemplateTail(literal) ? 1 : 2;
    ranges.push([literal.getStart() + 1, literal.end - close]);
  }
  return ranges;
}

const isSpace = (c) => c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f';

/** Copies a quoted string (with its backslash escapes) from `i`; returns the index after it. */
function quoted(s, i) {
  const quote = s[i];
  let j = i + 1;
  while (j < s.length && s[j] !== quote) j += s[j] === '\\' ? 2 : 1;
  return Math.min(j + 1, s.length);
}

export function minifyCss(s) {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '"' || c === "'") {
      const end = quoted(s, i);
      out += s.slice(i, end);
      i = end;
    } else if (isSpace(c) || s.startsWith('/*', i)) {
      // A run of whitespace and comments: one space, or none where CSS needs none.
      while (i < s.length && (isSpace(s[i]) || s.startsWith('/*', i))) {
        if (isSpace(s[i])) i++;
        else {
          const close = s.indexOf('*/', i + 2);
          i = close < 0 ? s.length : close + 2;
        }
      }
      const before = out[out.length - 1];
      const after = s[i];
      if (before !== undefined && after !== undefined && !'{};,:('.includes(before)) {
        if (!'{};,)'.includes(after)) out += ' ';
      }
    } else if (c === '}' && out.endsWith(';')) {
      out = out.slice(0, -1) + c;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Elements whose content is kept exactly as written. */
const RAW = new Set(['pre', 'textarea', 'script', 'style']);

export function minifyHtml(s) {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (s.startsWith('<!--', i)) {
      const close = s.indexOf('-->', i + 4);
      const end = close < 0 ? s.length : close + 3;
      out += s.slice(i, end);
      i = end;
    } else if (c === '<' && /[a-zA-Z/]/.test(s[i + 1] ?? '')) {
      // A tag: its name, then attributes up to `>` (quoted values copied as written).
      const name = /^<\/?([a-zA-Z][\w:-]*)/.exec(s.slice(i));
      const nameEnd = i + (name ? name[0].length : 1);
      out += s.slice(i, nameEnd);
      i = nameEnd;
      while (i < s.length && s[i] !== '>') {
        if (s[i] === '"' || s[i] === "'") {
          const end = quoted(s, i);
          out += s.slice(i, end);
          i = end;
        } else if (isSpace(s[i])) {
          while (i < s.length && isSpace(s[i])) i++;
          if (s[i] !== '>') out += ' ';
        } else out += s[i++];
      }
      if (i < s.length) out += s[i++];
      const tag = name?.[1]?.toLowerCase();
      if (tag && !name[0].startsWith('</') && RAW.has(tag)) {
        // Raw content: copied up to the closing tag.
        const close = s.toLowerCase().indexOf(`</${tag}`, i);
        const end = close < 0 ? s.length : close;
        out += s.slice(i, end);
        i = end;
      }
    } else if (isSpace(c)) {
      let j = i;
      while (j < s.length && isSpace(s[j])) j++;
      const run = s.slice(i, j);
      out += run.includes('\n') ? ' ' : run;
      i = j;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** A rollup plugin applying `minifyTemplates` to the package's own modules. */
export function minifyTemplatesPlugin({ include = /\/src\/.*\.[jt]s$/ } = {}) {
  return {
    name: 'minify-templates',
    transform(code, id) {
      if (!include.test(id.replace(/\\/g, '/'))) return null;
      // Runs after @rollup/plugin-typescript: the code is JavaScript, whatever the file's name.
      return minifyTemplates(code, id.replace(/\.ts$/, '.js'));
    },
  };
}
