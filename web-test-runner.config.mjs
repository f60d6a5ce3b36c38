// Browser tests in real headless Chromium: `*.browser.test.ts` anywhere in packages (e.g. the
// IndexedDB adapter against the shared contract suite) and every test of @rapport/elements.
// Uses the system Chromium (Debian's `chromium` package; .ci/run installs it) and never
// downloads a browser. Set CHROME_PATH to use another Chromium or Chrome.
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { countsReporter } from './scripts/wtr-counts-reporter.mjs';

const rootDir = path.dirname(fileURLToPath(import.meta.url));

function findChromium() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  const names = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const dir of [...dirs, '/usr/bin']) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  throw new Error(
    'No Chromium found: install Debian\'s "chromium" package (apt-get install chromium) ' +
      'or set CHROME_PATH. web-test-runner never downloads a browser.',
  );
}

// Workspace packages resolve to their source, as in vitest.config.ts and tsconfig.json `paths`.
const workspaceSource = {
  '@rapport/core': '/packages/core/src/index.ts',
  '@rapport/core/testing': '/packages/core/src/testing/index.ts',
  '@rapport/core/demo': '/packages/core/src/demo/index.ts',
  '@rapport/core/memory': '/packages/core/src/memory.ts',
  '@rapport/core/encryption': '/packages/core/src/encryption.ts',
  '@rapport/core/sales': '/packages/core/src/sales/index.ts',
  '@rapport/core/service': '/packages/core/src/service/index.ts',
  '@rapport/core/marketing': '/packages/core/src/marketing/index.ts',
  '@rapport/core/analytics': '/packages/core/src/analytics/index.ts',
  '@rapport/core/io': '/packages/core/src/io/index.ts',
  '@rapport/core/schemas': '/packages/core/src/schemas.ts',
};

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir,
  files: ['packages/*/src/**/*.browser.test.ts', 'packages/elements/src/**/*.test.ts'],
  nodeResolve: true,
  plugins: [
    {
      name: 'rapport-workspace-source',
      resolveImport({ source }) {
        return workspaceSource[source];
      },
    },
    // @tanstack/query-core reads process.env.NODE_ENV, which only bundlers define; define it here.
    esbuildPlugin({
      ts: true,
      js: true,
      define: { 'process.env.NODE_ENV': '"development"' },
      target: 'es2022',
      tsconfig: path.join(rootDir, 'tsconfig.json'),
    }),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: findChromium(),
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--disable-quic',
          '--no-first-run',
        ],
      },
    }),
  ],
  // One test file at a time: IndexedDB and property-based runs are heavy for a 2-core machine.
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  // Per file: the property-based contract runs take minutes.
  testsFinishTimeout: 25 * 60_000,
  testFramework: { config: { timeout: 120_000 } },
  reporters: [
    defaultReporter(),
    countsReporter({ outputFile: path.join(rootDir, '.test-results/wtr.json') }),
  ],
};
