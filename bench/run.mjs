// `npm run bench [-- --quick]`: serves bench/browser with the TypeScript sources, runs it in the
// system Chromium (headless), and prints a table — measure, Rapport, the raw baseline measured in
// the same run, the ratio and the goal — then writes it as JSON to bench/results/latest.json.
// Goals are ratios because machines here are shared and noisy; nothing here fails a build.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const size = quick ? 10_000 : 100_000;
const repetitions = quick ? 3 : 5;

const workspaceSource = {
  '@rapport/core': '/packages/core/src/index.ts',
  '@rapport/core/demo': '/packages/core/src/demo/index.ts',
};
const port = Number(process.env.BENCH_PORT ?? 8765);
const server = await startDevServer({
  config: {
    rootDir: root,
    port,
    nodeResolve: true,
    plugins: [
      { name: 'workspace-source', resolveImport: ({ source }) => workspaceSource[source] },
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
  ],
});
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(
    `http://localhost:${port}/bench/browser/index.html?size=${size}&repetitions=${repetitions}`,
  );
  await page.waitForFunction(() => window.benchResults !== undefined, null, {
    timeout: 30 * 60_000,
    polling: 500,
  });
  const results = await page.evaluate(() => window.benchResults);
  if (!results.ok) throw new Error(results.error);
  const rows = results.measurements.map((m) => ({
    measure: m.measure,
    rapport: m.rapport.toFixed(1),
    baseline: `${m.baseline.toFixed(1)} (${m.baselineName})`,
    ratio: `${(m.rapport / m.baseline).toFixed(2)}×`,
    goal: m.goal,
    met: m.rapport / m.baseline <= m.goalRatio ? 'yes' : 'no',
    notes: m.notes ?? '',
  }));
  console.table(rows);
  const out = path.join(root, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  const version = await browser.version();
  writeFileSync(
    path.join(out, 'latest.json'),
    JSON.stringify(
      {
        when: new Date().toISOString(),
        quick,
        size,
        repetitions,
        chromium: version,
        node: process.version,
        measurements: results.measurements,
      },
      null,
      2,
    ),
  );
} finally {
  await browser.close();
  await server.stop();
}
