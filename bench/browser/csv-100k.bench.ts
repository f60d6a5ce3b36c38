// CSV import and export of `size` rows in a page over IndexedDB — the realistic case — each next
// to a hand-written baseline measured in the same run, alternating, on the same stores and indexes:
// - import: `crm.io.importCsv` (parse, map, validate every row, dedupe, gateway, audit, one
//   all-or-nothing commit written in chunks) against papaparse (a popular CSV parser; the SDK has its own) + a
//   hand-written mapping + raw IndexedDB puts (native requests) of the same records in one transaction;
// - export: `crm.io.exportCsvText` (gateway pages, scope, field policy, decryption, audit,
//   RFC 4180 quoting, formula guard) against one raw `getAll` of the same store and plain `join`s.
import { openDB, unwrap } from 'idb';
import Papa from 'papaparse';
import { createCrm, createIndexedDbAdapter, INDEXEDDB_SCHEMA_VERSION } from '@rapport/core';
import type { Bench } from './harness.js';
import { collectGarbage, deleteDatabase, longTasks, median, pairedRatios } from './harness.js';
import { CSV_MAPPING, EXPORT_COLUMNS, csvText, naiveCsv, rawRecord } from './csv-fixture.js';

const AT = '2026-06-30T08:00:00.000Z';

export const run: Bench = async ({ size, repetitions }) => {
  const text = csvText(size);
  const importTimes: number[] = [];
  const rawImportTimes: number[] = [];
  const exportTimes: number[] = [];
  const rawExportTimes: number[] = [];
  let importTask = 0;
  let rawImportTask = 0;
  let exportTask = 0;
  let progressEvents = 0;
  /** When each SDK import's commit began, from its start (ms): the work done before writing. */
  const commitStarts: number[] = [];

  for (let r = 0; r < repetitions; r++) {
    // Baseline import: same schema (created by the adapter, then closed), parse, map, one transaction.
    const rawName = `bench-csv-raw-${r}`;
    await deleteDatabase(rawName);
    await createIndexedDbAdapter({ name: rawName }).close();
    const raw = await openDB(rawName, INDEXEDDB_SCHEMA_VERSION);
    await collectGarbage();
    let tasks = longTasks();
    let start = performance.now();
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    const tx = raw.transaction('customers', 'readwrite');
    const store = unwrap(tx.store);
    for (let i = 1; i < rows.length; i++) store.put(rawRecord(rows[i]!, crypto.randomUUID(), AT));
    await tx.done;
    rawImportTimes.push(performance.now() - start);
    rawImportTask = Math.max(rawImportTask, tasks.stop());
    raw.close();
    await deleteDatabase(rawName);

    // SDK import.
    const name = `bench-csv-sdk-${r}`;
    await deleteDatabase(name);
    const crm = await createCrm({
      storage: createIndexedDbAdapter({ name }),
      clock: () => new Date(AT),
    });
    await crm.customers.count();
    await collectGarbage();
    tasks = longTasks();
    start = performance.now();
    let commitStart = NaN;
    const report = await crm.io.importCsv('customer', text, {
      mapping: CSV_MAPPING,
      onProgress: ({ phase }) => {
        progressEvents++;
        if (phase === 'commit' && Number.isNaN(commitStart))
          commitStart = performance.now() - start;
      },
    });
    importTimes.push(performance.now() - start);
    importTask = Math.max(importTask, tasks.stop());
    commitStarts.push(commitStart);
    if (report.created !== size) throw new Error(`the SDK imported ${report.created} of ${size}`);

    // Baseline export: the SDK's database, one raw read of the store, plain joins.
    const db = await openDB(name);
    await collectGarbage();
    start = performance.now();
    const naive = naiveCsv(await db.getAll('customers'));
    rawExportTimes.push(performance.now() - start);
    const naiveLines = naive.split('\r\n').length;
    db.close();

    // SDK export.
    await collectGarbage();
    tasks = longTasks();
    start = performance.now();
    const csv = await crm.io.exportCsvText('customer', { columns: [...EXPORT_COLUMNS] });
    exportTimes.push(performance.now() - start);
    exportTask = Math.max(exportTask, tasks.stop());
    if (csv.split('\r\n').length !== naiveLines)
      throw new Error('the SDK and the naive export differ in rows');
    await crm.close();
    await deleteDatabase(name);
  }

  const importMs = median(importTimes);
  const rawImportMs = median(rawImportTimes);
  const exportMs = median(exportTimes);
  const rawExportMs = median(rawExportTimes);
  return [
    {
      measure: `import ${size} CSV rows into IndexedDB (ms, median of ${repetitions})`,
      rapport: importMs,
      baseline: rawImportMs,
      baselineName: 'papaparse + hand mapping + raw IndexedDB puts, one transaction',
      goal: '≤ 1.1×; no task over 50 ms; progress events',
      goalRatio: 1.1,
      met: importMs / rawImportMs <= 1.1 && importTask <= 50 && progressEvents > 0,
      notes:
        `longest main-thread task ${importTask.toFixed(0)} ms (baseline ${rawImportTask.toFixed(0)} ms: ` +
        `one blocking parse); ${(progressEvents / repetitions).toFixed(0)} progress events per ` +
        `import; ${pairedRatios(importTimes, rawImportTimes)}; the commit starts after ` +
        `${median(commitStarts).toFixed(0)} ms (median); the SDK ` +
        'also validates every row, dedupes, audits and yields between slices',
    },
    {
      measure: `export ${size} rows from IndexedDB to CSV (ms, median of ${repetitions})`,
      rapport: exportMs,
      baseline: rawExportMs,
      baselineName: 'raw idb getAll + join, no quoting',
      goal: '≤ 1.5×; no task over 50 ms',
      goalRatio: 1.5,
      met: exportMs / rawExportMs <= 1.5 && exportTask <= 50,
      notes:
        `longest main-thread task ${exportTask.toFixed(0)} ms; the SDK pages through the ` +
        'gateway (scope, field policy, decryption), audits the export, quotes RFC 4180 and ' +
        'guards formulas; the naive one does none of that',
    },
  ];
};
