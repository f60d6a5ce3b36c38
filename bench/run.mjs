// `npm run bench [-- --quick] [-- --only name,name]`: runs every benchmark — the browser ones in
// the system Chromium (headless) over the TypeScript sources, the Node ones (bench/node/*.bench.ts)
// bundled from the same sources — and prints one table: measure, Rapport, the raw baseline measured
// in the same run, the ratio and the goal. The table is also written as JSON to
// bench/results/latest.json (or --json <file>). Goals are ratios because machines here are shared
// and noisy; figures are medians of several repetitions; nothing here fails a build.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const option = (name) => {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  return args[i].includes('=') ? args[i].slice(name.length + 1) : args[i + 1];
};
const only = option('--only')?.split(',').filter(Boolean);
const size = Number(option('--size') ?? (quick ? 10_000 : 100_000));
const repetitions = Number(option('--repetitions') ?? (quick ? 3 : 5));
const jsonPath = path.resolve(root, option('--json') ?? 'bench/results/latest.json');

const browserNames = [
  ...readFileSync(path.join(root, 'bench/browser/measures.ts'), 'utf8').matchAll(
    /^\s+'?([\w-]+)'?: \(\) =>/gm,
  ),
].map((m) => m[1]);
const nodeNames = readdirSync(path.join(root, 'bench/node'))
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.slice(0, -'.bench.ts'.length));
const wanted = (name) => !only || only.includes(name);
if (only) {
  const unknown = only.filter(
    (n) => !browserNames.includes(n) && !nodeNames.includes(n) && n !== 'bundle-sizes',
  );
  if (unknown.length) {
    console.error(
      `Unknown measure ${unknown.join(', ')}; choose from ${[...browserNames, ...nodeNames, 'bundle-sizes'].join(', ')}`,
    );
    process.exit(2);
  }
}

// @rapport/* resolve to the TypeScript sources through tsconfig.json `paths`, never to dist.
const sourcePaths = Object.fromEntries(
  Object.entries(
    ts.parseConfigFileTextToJson(
      'tsconfig.json',
      readFileSync(path.join(root, 'tsconfig.json'), 'utf8'),
    ).config.compilerOptions.paths ?? {},
  )
    .filter(([key]) => !key.includes('*'))
    .map(([key, [target]]) => [key, path.join(root, target)]),
);
sourcePaths['@rapport/elements'] ??= path.join(root, 'packages/elements/src/index.ts');

const measurements = [];
let chromium = null;

if (browserNames.some(wanted)) {
  const { runBrowserBenches } = await import('./run-browser.mjs');
  const result = await runBrowserBenches({ root, sourcePaths, size, repetitions, only });
  measurements.push(...result.measurements);
  chromium = result.chromium;
}

for (const name of nodeNames.filter(wanted)) {
  console.error(`· ${name} (node)`);
  const outfile = path.join(root, 'node_modules/.cache/rapport-bench', `${name}.mjs`);
  await build({
    entryPoints: [path.join(root, 'bench/node', `${name}.bench.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Everything bundled, each import resolved from its importer: packages/core's zod 4, not the
    // root's zod 3 that an external `zod` would resolve to from the output directory.
    tsconfig: path.join(root, 'tsconfig.json'),
    alias: sourcePaths,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  const { run } = await import(pathToFileURL(outfile).href);
  measurements.push(...(await run({ size, repetitions })));
}

// Bundle sizes (scripts/size-check.mjs measures them; `npm test` enforces the budgets).
if (wanted('bundle-sizes')) {
  console.error('· bundle-sizes (esbuild)');
  const { measureSizes } = await import('../scripts/size-check.mjs');
  const { rows, litKb, depsKb } = await measureSizes();
  for (const row of rows) {
    if (row.error) continue;
    const element = row.kind === 'element';
    measurements.push({
      measure: `bundle ${row.name} (KB min+gz${row.overLit ? ', over lit' : ''})`,
      rapport: row.kb,
      baseline: element ? litKb : depsKb,
      baselineName: element ? 'lit alone' : 'idb + query-core',
      goal: `≤ ${row.goal} KB`,
      met: row.goalMet,
      notes: [
        row.overLit ? `${row.totalKb.toFixed(1)} KB with lit` : '',
        row.lazyKb > 0 ? `${row.lazyKb.toFixed(1)} KB more loaded on demand` : '',
        row.limit !== row.goal ? `enforced ceiling ${row.limit} KB` : '',
      ]
        .filter(Boolean)
        .join('; '),
    });
  }
}

const ratioOf = (m) => (m.baseline ? m.rapport / m.baseline : null);
const metOf = (m) =>
  m.met ?? (m.goalRatio !== undefined && ratioOf(m) !== null ? ratioOf(m) <= m.goalRatio : null);
const fmt = (n) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
// A Markdown table: readable in a terminal, pasteable into a note.
const table = [
  ['measure', 'Rapport', 'baseline', 'ratio', 'goal', 'met', 'notes'],
  ...measurements.map((m) => [
    m.measure,
    fmt(m.rapport),
    m.baseline === null ? `— (${m.baselineName})` : `${fmt(m.baseline)} (${m.baselineName})`,
    ratioOf(m) === null ? '—' : `${ratioOf(m).toFixed(2)}×`,
    m.goal,
    metOf(m) === null ? '—' : metOf(m) ? 'yes' : 'NO',
    m.notes ?? '',
  ]),
];
const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
const line = (row) => `| ${row.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
console.log(line(table[0]));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of table.slice(1)) console.log(line(row));
mkdirSync(path.dirname(jsonPath), { recursive: true });
writeFileSync(
  jsonPath,
  `${JSON.stringify(
    {
      when: new Date().toISOString(),
      command: `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`,
      quick,
      size,
      repetitions,
      chromium,
      node: process.version,
      measurements: measurements.map((m) => ({ ...m, ratio: ratioOf(m), met: metOf(m) })),
    },
    null,
    2,
  )}\n`,
);
console.error(`written to ${path.relative(root, jsonPath)}`);
