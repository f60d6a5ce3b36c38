// The browser half of `npm run bench`: serves the repository with the TypeScript sources compiled
// on the fly, opens bench/browser/index.html in the system Chromium (never a downloaded one) and
// returns what the page leaves on `window.benchResults`.
import path from 'node:path';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromium } from 'playwright-core';

export async function runBrowserBenches({ root, sourcePaths, size, repetitions, only }) {
  // `@rapport/…` imports are served from the sources (tsconfig.json `paths`), as in the tests.
  const workspaceSource = Object.fromEntries(
    Object.entries(sourcePaths).map(([name, file]) => [name, `/${path.relative(root, file)}`]),
  );
  const port = Number(process.env.BENCH_PORT ?? 8765);
  const server = await startDevServer({
    config: {
      rootDir: root,
      port,
      // Lit's production build, as a bundler gives it to users (the `development` condition adds checks).
      nodeResolve: { exportConditions: ['production'] },
      plugins: [
        { name: 'workspace-source', resolveImport: ({ source }) => workspaceSource[source] },
        // papaparse ships only a UMD build: give it an ES default export (a bundler does this).
        {
          name: 'papaparse-esm',
          transform(context) {
            if (!context.path.endsWith('/node_modules/papaparse/papaparse.js')) return undefined;
            return {
              body: `var module = { exports: {} }, exports = module.exports;\n${context.body}\nexport default module.exports;\n`,
            };
          },
        },
        // @tanstack/query-core reads process.env.NODE_ENV, which only bundlers define; define it here.
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
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      // `gc()` for benchmarks that start each measured section on a collected heap.
      '--js-flags=--expose-gc',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (error) => console.error('page error:', error.message));
    const query = new URLSearchParams({ size: String(size), repetitions: String(repetitions) });
    if (only) query.set('only', only.join(','));
    await page.goto(`http://localhost:${port}/bench/browser/index.html?${query}`);
    let shown = '';
    const deadline = Date.now() + 60 * 60_000;
    for (;;) {
      const state = await page.evaluate(() => ({
        done: window.benchResults !== undefined,
        progress: window.benchProgress ?? '',
      }));
      if (state.progress !== shown) {
        shown = state.progress;
        console.error(`· ${shown} (chromium)`);
      }
      if (state.done) break;
      if (Date.now() > deadline) throw new Error(`benchmark ${shown} did not finish in an hour`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const results = await page.evaluate(() => window.benchResults);
    if (!results.ok) throw new Error(results.error);
    return { measurements: results.measurements, chromium: await browser.version() };
  } finally {
    await browser.close();
    await server.stop();
  }
}
