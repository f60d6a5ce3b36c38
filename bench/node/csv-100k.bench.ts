// CSV import and export of `size` rows in Node, over the memory adapter (Node's default storage),
// each next to a hand-written baseline on the same adapter measured in the same run, alternating:
// - import: `crm.io.importCsv` (parse, map, validate every row, dedupe, gateway, audit, one
//   all-or-nothing commit) against papaparse + a hand-written mapping + one raw `adapter.commit`
//   of the same records (the adapter's own copy-and-freeze included, as for the SDK);
// - export: `crm.io.exportCsvText` (gateway pages, scope, field policy, quoting, formula guard)
//   against one raw `adapter.query` of every record and plain `join`s.
// The browser's IndexedDB rows (bench/browser/csv-100k.bench.ts) are the realistic case; these
// show the SDK's own CPU cost without IndexedDB's. A 2 ms ticker reports the longest event-loop
// stall while the SDK works (the Node analogue of a long main-thread task).
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import Papa from 'papaparse';
import { createCrm, createMemoryAdapter, type StorageAdapter } from '@rapport/core';
import type { Measurement } from '../browser/harness.js';
import { median } from '../browser/harness.js';
import {
  CSV_MAPPING,
  EXPORT_COLUMNS,
  csvText,
  naiveCsv,
  rawRecord,
} from '../browser/csv-fixture.js';

const AT = '2026-06-30T08:00:00.000Z';

/** Runs `fn`; returns its duration and the longest the event loop was blocked meanwhile. */
async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; stall: number; value: T }> {
  const every = 2;
  let last = performance.now();
  let stall = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last - every);
    last = now;
  }, every);
  const start = performance.now();
  const value = await fn();
  const ms = performance.now() - start;
  clearInterval(ticker);
  stall = Math.max(stall, performance.now() - last - every);
  return { ms, stall: Math.max(0, stall), value };
}

export const run = async ({
  size,
  repetitions,
}: {
  size: number;
  repetitions: number;
}): Promise<Measurement[]> => {
  const text = csvText(size);
  const importTimes: number[] = [];
  const rawImportTimes: number[] = [];
  const exportTimes: number[] = [];
  const rawExportTimes: number[] = [];
  let importStall = 0;
  let exportStall = 0;
  let progressEvents = 0;
  /** When each SDK import's commit began, from its start (ms): the work done before writing. */
  const commitStarts: number[] = [];
  let exportedChars = 0;

  for (let r = 0; r < repetitions; r++) {
    // Baseline import: parse, map by hand, one raw commit.
    const rawAdapter: StorageAdapter = createMemoryAdapter();
    const raw = await timed(async () => {
      const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
      const mutations = [];
      for (let i = 1; i < rows.length; i++)
        mutations.push({
          type: 'insert' as const,
          collection: 'customers',
          record: rawRecord(rows[i]!, randomUUID(), AT) as { id: string },
        });
      await rawAdapter.commit(mutations, { at: AT });
      return mutations.length;
    });
    if (raw.value !== size) throw new Error(`the raw import wrote ${raw.value} of ${size}`);
    rawImportTimes.push(raw.ms);

    // SDK import.
    const crm = await createCrm({ storage: createMemoryAdapter(), clock: () => new Date(AT) });
    const started = performance.now();
    let commitStart = NaN;
    const imported = await timed(() =>
      crm.io.importCsv('customer', text, {
        mapping: CSV_MAPPING,
        onProgress: ({ phase }) => {
          progressEvents++;
          if (phase === 'commit' && Number.isNaN(commitStart))
            commitStart = performance.now() - started;
        },
      }),
    );
    commitStarts.push(commitStart);
    if (imported.value.created !== size)
      throw new Error(`the SDK imported ${imported.value.created} of ${size}`);
    importTimes.push(imported.ms);
    importStall = Math.max(importStall, imported.stall);

    // Baseline export: every record in one raw read, plain joins.
    const rawExport = await timed(async () => {
      const { items } = await rawAdapter.query('customers', { limit: size });
      return naiveCsv(items);
    });
    rawExportTimes.push(rawExport.ms);

    // SDK export.
    const exported = await timed(() =>
      crm.io.exportCsvText('customer', { columns: [...EXPORT_COLUMNS] }),
    );
    exportTimes.push(exported.ms);
    exportStall = Math.max(exportStall, exported.stall);
    exportedChars = exported.value.length;
    const lines = exported.value.split('\r\n').length - 2;
    if (lines !== size) throw new Error(`the SDK exported ${lines} of ${size} rows`);
    await crm.close();
    await rawAdapter.close();
  }

  const importMs = median(importTimes);
  const rawImportMs = median(rawImportTimes);
  const exportMs = median(exportTimes);
  const rawExportMs = median(rawExportTimes);
  return [
    {
      measure: `node: import ${size} CSV rows, memory adapter (ms, median of ${repetitions})`,
      rapport: importMs,
      baseline: rawImportMs,
      baselineName: 'papaparse + hand mapping + raw adapter.commit',
      goal: '≤ 1.1×; no stall over 50 ms',
      goalRatio: 1.1,
      met: importMs / rawImportMs <= 1.1 && importStall <= 50,
      notes:
        `longest event-loop stall ${importStall.toFixed(0)} ms (the baseline's raw commit is one ` +
        `synchronous call; the SDK's is streamed); ${(progressEvents / repetitions).toFixed(0)} ` +
        `progress events per import; the commit starts after ${median(commitStarts).toFixed(0)} ` +
        'ms (median); the SDK also validates every row, dedupes and audits',
    },
    {
      measure: `node: export ${size} rows to CSV, memory adapter (ms, median of ${repetitions})`,
      rapport: exportMs,
      baseline: rawExportMs,
      baselineName: 'one raw adapter.query + join, no quoting',
      goal: '≤ 1.5×; no stall over 50 ms',
      goalRatio: 1.5,
      met: exportMs / rawExportMs <= 1.5 && exportStall <= 50,
      notes:
        `longest event-loop stall ${exportStall.toFixed(0)} ms; ${(exportedChars / 1e6).toFixed(1)} M chars; ` +
        'the SDK pages through the gateway (scope, field policy, decryption), audits the export, ' +
        'quotes RFC 4180 and guards formulas',
    },
  ];
};
