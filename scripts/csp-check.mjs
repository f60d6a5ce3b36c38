// Strict-CSP proof for @rapport/elements (run by `npm test` through scripts/test.mjs).
//
// Serves the repository with @web/dev-server (workspace packages from source, TypeScript and
// decorators through esbuild, as web-test-runner does; `CSP_ELEMENTS=dist` loads the built
// @rapport/elements instead, to check what is published) and sends on EVERY response the header
//   Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self';
//                            object-src 'none'; base-uri 'none'
// — no 'unsafe-inline', no 'unsafe-eval'. web-test-runner itself cannot be used: it injects
// inline scripts into its test pages. Then, in headless Chromium (playwright-core, no downloads):
//   1. every registered <crm-*> element renders, one page each (scripts/csp/csp-page.html), inside
//      <crm-provider> over seeded demo data with hostile names; the test passes when the element
//      showed content, no `securitypolicyviolation` event fired and no console message mentions
//      the Content Security Policy;
//   2. canaries (scripts/csp/csp-canary.ts: styleMap, a style binding, unsafeHTML on hostile
//      markup, `new Function`) must each be reported — otherwise the check is blind and fails;
//   3. the elements' source is scanned for what the policy would block or DESIGN forbids:
//      styleMap, `style=` bindings, unsafeHTML/unsafeSVG outside the one DOMPurify helper,
//      innerHTML/outerHTML/insertAdjacentHTML/document.write, setAttribute('style'), eval,
//      new Function, string setTimeout.
// Writes .test-results/csp.json ({ passed, failed, skipped, tests }) and prints one line a test.
// Lit's adoptedStyleSheets are allowed by style-src 'self' (constructable sheets are not inline);
// core runs zod jitless, so validation needs no eval.
import {
  accessSync,
  constants,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultFile = path.join(root, '.test-results', 'csp.json');
const elementsSrc = path.join(root, 'packages/elements/src');

export const POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'";

/** The fixed tags (DESIGN.md) this check renders when the package registers them. */
const TAGS = [
  'crm-contact-card',
  'crm-customer-table',
  'crm-pipeline-board',
  'crm-activity-timeline',
  'crm-lead-form',
  'crm-campaign-report',
  'crm-kpi-dashboard',
  'crm-ticket-widget',
  'crm-survey',
  'crm-kb-search',
  'crm-ticket-list',
  'crm-ticket-detail',
];
const CANARIES = ['style-map', 'style-binding', 'unsafe-html', 'eval'];

const tests = [];
let lap = performance.now();
function record(name, ok, detail = '') {
  const ms = Math.round(performance.now() - lap);
  lap = performance.now();
  tests.push({ name, ok, ms, ...(detail && { detail }) });
  const shown = ok ? '' : `\n    ${detail.replace(/\n/g, '\n    ')}`;
  console.log(`${ok ? '✓' : '✗'} ${name} (${ms} ms)${shown}`);
}

// ---------------------------------------------------------------- 3. static scan of the source

/** Rules over the elements' source (tests excluded). `allowIn` names files where a rule is waived. */
const RULES = [
  {
    name: 'styleMap (sets an inline style attribute)',
    re: /lit\/directives\/style-map|\bstyleMap\s*\(/,
  },
  { name: 'style= attribute in a template', re: /<[a-z][\w-]*\b[^<>]*\sstyle\s*=/i },
  { name: "setAttribute('style')", re: /setAttribute\(\s*['"]style['"]/ },
  {
    name: 'unsafeHTML / unsafeSVG / unsafeMathML outside the sanitising helper',
    re: /lit\/directives\/unsafe-(html|svg|mathml)|\bunsafe(HTML|SVG|MathML)\s*\(/,
    sanitizer: true,
  },
  {
    name: 'innerHTML / outerHTML / insertAdjacentHTML / document.write',
    re: /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write/,
    sanitizer: true,
  },
  { name: 'eval / new Function', re: /\beval\s*\(|new\s+Function\s*\(/ },
  { name: 'setTimeout / setInterval with a string', re: /set(Timeout|Interval)\(\s*['"`]/ },
];

function sourceFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'test') out.push(...sourceFiles(full));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

/** Drops comments, so JSDoc that mentions a forbidden API is not a finding. */
function stripComments(source) {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

function scanSource() {
  const files = sourceFiles(elementsSrc);
  // "No unsafeHTML outside one sanitising helper" (STYLE.md 16): the helper is the one module
  // that imports DOMPurify. Two such modules, and neither is trusted.
  const sanitizers = files.filter((f) => /from\s+['"]dompurify['"]/.test(readFileSync(f, 'utf8')));
  const findings = [];
  if (sanitizers.length > 1)
    findings.push(
      `more than one module imports DOMPurify: ${sanitizers.map((f) => path.relative(root, f)).join(', ')}`,
    );
  for (const file of files) {
    const lines = stripComments(readFileSync(file, 'utf8')).split('\n');
    for (const rule of RULES) {
      if (rule.sanitizer && sanitizers.length === 1 && sanitizers[0] === file) continue;
      lines.forEach((line, i) => {
        if (rule.re.test(line))
          findings.push(`${path.relative(root, file)}:${i + 1}: ${rule.name}: ${line.trim()}`);
      });
    }
  }
  record(
    `elements source (${files.length} files): no inline styles, unsafe HTML or eval`,
    findings.length === 0,
    findings.join('\n'),
  );
}

// ------------------------------------------------------------------------ 1 and 2. in Chromium

function findChromium() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  for (const candidate of [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ]) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  throw new Error('No Chromium found: install Debian\'s "chromium" package or set CHROME_PATH.');
}

async function startServer() {
  return startDevServer({
    config: {
      rootDir: root,
      hostname: '127.0.0.1',
      port: 0,
      nodeResolve: true,
      watch: false,
      open: false,
      middleware: [
        async function contentSecurityPolicy(context, next) {
          await next();
          context.set('Content-Security-Policy', POLICY);
        },
      ],
      plugins: [
        {
          // Workspace packages resolve to their source, as in web-test-runner.config.mjs.
          name: 'rapport-workspace-source',
          resolveImport({ source }) {
            return {
              '@rapport/core': '/packages/core/src/index.ts',
              '@rapport/core/demo': '/packages/core/src/demo/index.ts',
              '@rapport/core/memory': '/packages/core/src/memory.ts',
              '@rapport/core/encryption': '/packages/core/src/encryption.ts',
              '@rapport/core/sales': '/packages/core/src/sales/index.ts',
              '@rapport/core/service': '/packages/core/src/service/index.ts',
              '@rapport/core/marketing': '/packages/core/src/marketing/index.ts',
              '@rapport/core/analytics': '/packages/core/src/analytics/index.ts',
              '@rapport/core/io': '/packages/core/src/io/index.ts',
              '@rapport/core/schemas': '/packages/core/src/schemas.ts',
              // CSP_ELEMENTS=dist checks the built package (run `npx rollup -c` first) instead.
              '@rapport/elements':
                process.env.CSP_ELEMENTS === 'dist'
                  ? '/packages/elements/dist/index.js'
                  : '/packages/elements/src/index.ts',
            }[source];
          },
        },
        esbuildPlugin({
          ts: true,
          js: true,
          define: { 'process.env.NODE_ENV': '"production"' },
          target: 'es2022',
          tsconfig: path.join(root, 'tsconfig.json'),
        }),
      ],
    },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
    autoExitProcess: false,
  });
}

/** Opens the test page with `query`; returns what the page reported and every CSP complaint. */
async function visit(browser, base, query) {
  const page = await browser.newPage();
  const complaints = [];
  const errors = [];
  await page.addInitScript(() => {
    // Registered before any page script (through CDP, which the policy does not govern).
    window.__cspViolations = [];
    document.addEventListener(
      'securitypolicyviolation',
      (e) =>
        window.__cspViolations.push(
          `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`,
        ),
      true,
    );
  });
  page.on('console', (message) => {
    const text = message.text();
    if (
      /Content[ -]Security[ -]Policy|Refused to (apply|execute|load|evaluate|compile)/i.test(text)
    )
      complaints.push(`console ${message.type()}: ${text}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  const response = await page.goto(`${base}/scripts/csp/csp-page.html?${query}`);
  const header = response?.headers()['content-security-policy'];
  if (header !== POLICY)
    errors.push(`the page was served without the policy header (got ${header})`);
  await page
    .waitForFunction(() => window.__cspPage?.done, null, { timeout: 60_000 })
    .catch(() => {
      errors.push('the page never finished (60 s)');
    });
  // Late violations: an <img onerror> fires after the image fails to load.
  await page.waitForTimeout(300);
  const outcome = await page.evaluate(() => window.__cspPage ?? {});
  const violations = await page.evaluate(() => window.__cspViolations ?? []);
  await page.close();
  return { outcome, complaints: [...violations, ...complaints], errors };
}

async function checkInBrowser() {
  const server = await startServer();
  const base = `http://127.0.0.1:${server.server.address().port}`;
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    for (const tag of TAGS) {
      const { outcome, complaints, errors } = await visit(browser, base, `tag=${tag}`);
      if (outcome.error?.endsWith('is not registered')) {
        console.log(`- <${tag}> is not in @rapport/elements yet: skipped`);
        tests.push({ name: `<${tag}> under strict CSP`, skipped: true });
        continue;
      }
      const problems = [...errors, ...complaints];
      if (outcome.error) problems.push(outcome.error);
      if (!outcome.rendered)
        problems.push(
          `rendered no content (states: ${outcome.states?.join(', ') || 'none'}; text: "${outcome.text ?? ''}")`,
        );
      record(
        `<${tag}> renders demo data under strict CSP with no violation`,
        problems.length === 0,
        problems.join('\n') || `rendered: ${outcome.text?.slice(0, 160)}`,
      );
    }
    {
      // The search index's module worker (packages/core/src/storage/search-worker.ts).
      const { outcome, complaints, errors } = await visit(browser, base, 'search-worker');
      const problems = [...errors, ...complaints];
      if (outcome.error) problems.push(outcome.error);
      if (!outcome.rendered) problems.push(`the worker did not do the work: ${outcome.text ?? ''}`);
      record(
        'the search index runs in its module worker under strict CSP with no violation',
        problems.length === 0,
        problems.join('\n') || outcome.text,
      );
    }
    for (const canary of CANARIES) {
      const { complaints, errors, outcome } = await visit(browser, base, `canary=${canary}`);
      const problems = [...errors];
      if (outcome.error) problems.push(outcome.error);
      if (complaints.length === 0)
        problems.push('the browser reported no violation: the check is blind to this');
      record(
        `canary "${canary}" is reported as a CSP violation`,
        problems.length === 0,
        problems.join('\n'),
      );
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

// ------------------------------------------------------------------------------------------ run

const started = performance.now();
try {
  scanSource();
  await checkInBrowser();
} catch (error) {
  record('strict-CSP check ran to the end', false, String(error?.stack ?? error));
}
const counts = {
  passed: tests.filter((t) => t.ok === true).length,
  failed: tests.filter((t) => t.ok === false).length,
  skipped: tests.filter((t) => t.skipped).length,
};
mkdirSync(path.dirname(resultFile), { recursive: true });
writeFileSync(resultFile, `${JSON.stringify({ ...counts, tests }, null, 2)}\n`);
console.log(
  `\nstrict CSP: ${counts.passed} passed, ${counts.failed} failed` +
    `${counts.skipped ? `, ${counts.skipped} skipped` : ''} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
);
process.exitCode = counts.failed > 0 ? 1 : 0;
