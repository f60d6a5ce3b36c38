// A web-test-runner reporter that writes the run's counts to a JSON file, so scripts/test.mjs
// can add them to vitest's without scraping terminal output. Human output stays with the
// default reporter; this one prints nothing.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * @param {{ outputFile: string }} options
 * @returns {import('@web/test-runner').Reporter}
 */
export function countsReporter({ outputFile }) {
  let testFiles = [];
  return {
    start({ testFiles: files }) {
      testFiles = files;
    },
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0, fileErrors: 0 };
      const failures = [];
      for (const session of sessions) {
        const before = counts.failed;
        if (session.testResults) tally(session.testResults, [], counts, failures, session.testFile);
        // A file that failed to load, threw outside a test, or timed out has session errors and
        // possibly no failing test: count it once so it can never pass silently.
        if ((session.errors.length > 0 || session.passed === false) && counts.failed === before) {
          counts.failed += 1;
          counts.fileErrors += 1;
          failures.push({
            file: session.testFile,
            test: '(file)',
            message: session.errors[0]?.message ?? 'session failed',
          });
        }
      }
      mkdirSync(path.dirname(outputFile), { recursive: true });
      writeFileSync(
        outputFile,
        `${JSON.stringify({ ...counts, files: testFiles.length, sessions: sessions.length, failures }, null, 2)}\n`,
      );
    },
  };
}

function tally(suite, names, counts, failures, file) {
  const here = suite.name ? [...names, suite.name] : names;
  for (const test of suite.tests) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else {
      counts.failed += 1;
      failures.push({ file, test: [...here, test.name].join(' › '), message: test.error?.message });
    }
  }
  for (const child of suite.suites) tally(child, here, counts, failures, file);
}
