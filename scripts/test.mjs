// `npm test`: five runners, each with its normal output, then one closing line with the combined
// counts: `N passed, N failed` (`, N skipped` if any).
//   1. vitest (Node)                 core's tests
//   2. web-test-runner (Chromium)    browser tests and every element test
//   3. strict CSP (Chromium)         scripts/csp-check.mjs: the elements under a real
//                                    Content-Security-Policy header, one test per element
//   4. bundle budgets                scripts/size-check.mjs: min+gz of each public entry and element
//                                    against its budget, one test per budget
//   5. storybook build               a smoke test, counted as ONE test: it passes when
//                                    `storybook build` exits 0 and wrote storybook-static/index.html
//                                    (after `npm run manifest`, so docs get the element manifest;
//                                    telemetry off, so it runs offline). No browser.
// Counts come from files the runners write (.test-results/vitest.json from vitest's JSON
// reporter, .test-results/wtr.json from scripts/wtr-counts-reporter.mjs, .test-results/csp.json
// from scripts/csp-check.mjs, .test-results/size.json from scripts/size-check.mjs), never from scraping; the Storybook build's from its exit code and
// output. A runner that crashed, found no test files, ran no test, or exited non-zero with nothing
// counted as failed adds one failure: a missing result is never read as zero.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(root, '.test-results');
const storybookDir = path.join(root, 'storybook-static');

/** Absolute path of a root dev dependency's CLI script, run with this very `node`. */
function bin(pkgName, binName) {
  const pkgJson = path.join(root, 'node_modules', pkgName, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgJson, 'utf8'));
  const rel = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin[binName];
  return path.join(path.dirname(pkgJson), rel);
}

const runners = [
  {
    label: 'vitest (Node)',
    resultFile: path.join(resultsDir, 'vitest.json'),
    args: [
      bin('vitest', 'vitest'),
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${path.join(resultsDir, 'vitest.json')}`,
    ],
    read: readVitest,
  },
  {
    label: 'web-test-runner (Chromium)',
    resultFile: path.join(resultsDir, 'wtr.json'),
    // The config adds scripts/wtr-counts-reporter.mjs, which writes .test-results/wtr.json.
    args: [bin('@web/test-runner', 'web-test-runner'), '--config', 'web-test-runner.config.mjs'],
    read: (data) => ({ passed: data.passed, failed: data.failed, skipped: data.skipped }),
  },
  {
    label: 'strict CSP (Chromium)',
    resultFile: path.join(resultsDir, 'csp.json'),
    args: [path.join(root, 'scripts', 'csp-check.mjs')],
    read: (data) => ({ passed: data.passed, failed: data.failed, skipped: data.skipped }),
  },
  {
    label: 'bundle budgets',
    resultFile: path.join(resultsDir, 'size.json'),
    args: [path.join(root, 'scripts', 'size-check.mjs')],
    read: (data) => ({ passed: data.passed, failed: data.failed, skipped: data.skipped }),
  },
  {
    label: 'storybook build',
    // The element manifest first (Storybook's controls and docs read it), then the build, into a
    // fresh directory so a stale index.html can never pass.
    before() {
      rmSync(storybookDir, { recursive: true, force: true });
      const manifest = spawnSync(
        process.execPath,
        [
          bin('@custom-elements-manifest/analyzer', 'cem'),
          'analyze',
          '--config',
          'custom-elements-manifest.config.mjs',
          '--quiet',
        ],
        { cwd: root, stdio: 'inherit' },
      );
      return manifest.status === 0 ? null : `npm run manifest exited with ${manifest.status}`;
    },
    args: [bin('storybook', 'storybook'), 'build', '-o', storybookDir, '--quiet'],
    env: { STORYBOOK_DISABLE_TELEMETRY: '1' },
    verdict: (code) =>
      code === 0 && existsSync(path.join(storybookDir, 'index.html'))
        ? { passed: 1, failed: 0, skipped: 0 }
        : { passed: 0, failed: 1, skipped: 0 },
  },
];

function readVitest(data) {
  let failed = data.numFailedTests ?? 0;
  // A file that fails to import or throws outside a test has no failing test inside it.
  for (const file of data.testResults ?? []) {
    const failedInside = (file.assertionResults ?? []).some((t) => t.status === 'failed');
    if (file.status === 'failed' && !failedInside) failed += 1;
  }
  return {
    passed: data.numPassedTests ?? 0,
    failed,
    skipped: (data.numPendingTests ?? 0) + (data.numTodoTests ?? 0),
  };
}

rmSync(resultsDir, { recursive: true, force: true });

const total = { passed: 0, failed: 0, skipped: 0 };
const summary = [];

for (const runner of runners) {
  console.log(`\n=== ${runner.label} ===\n`);
  const started = Date.now();
  const notes = [];
  const setupError = runner.before?.();
  if (setupError) notes.push(setupError);
  const run = spawnSync(process.execPath, runner.args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...runner.env },
  });
  const code = run.status ?? 1;
  let counts = { passed: 0, failed: 0, skipped: 0 };

  if (run.error) notes.push(`could not start: ${run.error.message}`);
  if (run.signal) notes.push(`killed by ${run.signal}`);
  if (runner.verdict) {
    counts = runner.verdict(code);
    if (setupError) counts = { passed: 0, failed: 1, skipped: 0 };
  } else if (existsSync(runner.resultFile)) {
    try {
      counts = runner.read(JSON.parse(readFileSync(runner.resultFile, 'utf8')));
    } catch (error) {
      notes.push(`unreadable result file: ${error.message}`);
      counts.failed += 1;
    }
  } else {
    notes.push('no result file (crashed, or found no test files)');
    counts.failed += 1;
  }
  if (counts.passed + counts.failed + counts.skipped === 0) {
    notes.push('ran no test');
    counts.failed += 1;
  }
  if (setupError && counts.failed === 0) counts.failed += 1;
  if (code !== 0 && counts.failed === 0) {
    notes.push(`exited with code ${code} although no test failed`);
    counts.failed += 1;
  }

  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
  const extra = notes.length > 0 ? ` (${notes.join('; ')}: counted as a failure)` : '';
  const seconds = Math.round((Date.now() - started) / 1000);
  summary.push(
    `${runner.label}: passed ${counts.passed}, failed ${counts.failed}, ` +
      `skipped ${counts.skipped}, exit code ${code}, ${seconds} s${extra}`,
  );
}

console.log(`\n${summary.join('\n')}`);
const skipped = total.skipped > 0 ? `, ${total.skipped} skipped` : '';
console.log(`${total.passed} passed, ${total.failed} failed${skipped}`);
process.exitCode = total.failed > 0 ? 1 : 0;
