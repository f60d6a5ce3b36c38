// Import and export of 100k CSV rows in Node, against the built package (run `npm run build`
// first): `node bench/node/csv-100k.mjs [rows]`. Each figure is printed next to a raw baseline
// measured in the same run — papaparse alone for the import, plain string building for the
// export — and with the longest the event loop was blocked while Rapport worked (a 5 ms ticker).
import { performance } from 'node:perf_hooks';
import Papa from 'papaparse';
import { createCrm, createMemoryAdapter, formatCsvRow } from '@rapport/core';

const rows = Number(process.argv[2] ?? 100_000);
const header = ['名称', '电话', '邮箱', '城市', '标签', '状态', '最后联系'];
const lines = [formatCsvRow(header)];
for (let i = 0; i < rows; i++) {
  const n = String(i).padStart(8, '0');
  lines.push(
    formatCsvRow([
      `杭州云帆${i}贸易有限公司`,
      `139 ${n.slice(0, 4)} ${n.slice(4)}`,
      `sales${i}@yunfan${i % 97}.cn`,
      ['杭州', '上海', '北京', '深圳'][i % 4],
      i % 3 ? 'vip, 重点' : '普通',
      ['hot', 'warm', 'cold', 'in-contract'][i % 4],
      new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
    ]),
  );
}
const text = `\uFEFF${lines.join('')}`;
const mapping = {
  columns: [
    { from: '名称', to: 'name' },
    { from: '电话', to: 'phones[]', transform: { phone: 'mobile' } },
    { from: '邮箱', to: 'emails[]' },
    { from: '城市', to: 'region.city' },
    { from: '标签', to: 'tags', transform: 'list' },
    {
      from: '状态',
      to: 'lifecycleStage',
      transform: {
        map: { hot: 'prospect', warm: 'prospect', cold: 'potential', 'in-contract': 'customer' },
      },
    },
    { from: '最后联系', to: 'lastContactAt', transform: 'datetime' },
  ],
};

/** Runs `fn`, returning its duration and the longest event-loop stall seen meanwhile. */
async function measure(fn) {
  let last = performance.now();
  let worst = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 5);
    last = now;
  }, 5);
  const start = performance.now();
  const result = await fn();
  const ms = performance.now() - start;
  clearInterval(ticker);
  return { ms, worst: Math.max(worst, 0), result };
}

const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
const table = [];

const rawParse = await measure(
  async () => Papa.parse(text.slice(1), { skipEmptyLines: true }).data.length,
);
const crm = await createCrm({ storage: createMemoryAdapter() });
const imported = await measure(() => crm.io.importCsv('customer', text, { mapping }));
if (imported.result.created !== rows)
  throw new Error(`imported ${imported.result.created} of ${rows}`);
table.push([
  'import 100k CSV rows (parse, map, validate, dedupe, 1 commit)',
  imported,
  rawParse,
  'papaparse alone',
]);

const columns = [
  'id',
  'name',
  'phones.number',
  'emails',
  'region.city',
  'tags',
  'lifecycleStage',
  'lastContactAt',
];
const exported = await measure(() => crm.io.exportCsvText('customer', { columns }));
const records = (await crm.gateway.query(crm.context(), 'customer', { limit: 10_000 })).items;
const rawExport = await measure(async () => {
  let out = '';
  for (let i = 0; i < rows; i++) {
    const r = records[i % records.length];
    out += `${r.id},${r.name},${r.phones[0].number},${r.emails[0]},${r.region.city},${r.tags.join('; ')},${r.lifecycleStage},${r.lastContactAt}\r\n`;
  }
  return out.length;
});
table.push([
  'export 100k rows to CSV (gateway pages, quoting, formula guard)',
  exported,
  rawExport,
  'string concat of in-memory records',
]);
await crm.close();

console.log(
  `rows: ${rows}, CSV size: ${(text.length / 1e6).toFixed(1)} M chars, node ${process.version}`,
);
for (const [what, rapport, raw, baseline] of table) {
  console.log(
    `${what}: ${fmt(rapport.ms)} (longest event-loop stall ${rapport.worst.toFixed(0)} ms) | baseline ${baseline}: ${fmt(raw.ms)} | ratio ${(rapport.ms / raw.ms).toFixed(1)}x`,
  );
}
