// Import 100k demo contacts into IndexedDB: through the SDK (validation, gateway, adapter, one
// all-or-nothing commit written in chunks) against raw IndexedDB putting the same records into
// the same stores and indexes in one transaction: native `IDBObjectStore.put` requests (no promise
// per request; `idb` only opens the database and awaits the transaction). Both run in this page, alternating, so they share
// the machine's noise.
import { openDB, unwrap } from 'idb';
import { createCrm, createIndexedDbAdapter, INDEXEDDB_SCHEMA_VERSION } from '@rapport/core';
import { generateDemoData } from '@rapport/core/demo';
import type { Bench } from './harness.js';
import { deleteDatabase, longTasks, median, pairedRatios } from './harness.js';

export const run: Bench = async ({ size, repetitions }) => {
  const data = generateDemoData({ seed: 1, contacts: size, customers: Math.ceil(size / 2.5) });
  const inputs = data.contacts;
  const at = '2026-06-30T08:00:00.000Z';
  const rawRecords = inputs.map((c) => ({
    ...c,
    phones: c.phones ?? [],
    emails: c.emails ?? [],
    tags: c.tags ?? [],
    customFields: c.customFields ?? {},
    consent: c.consent ?? {},
    isPrimary: c.isPrimary ?? false,
    version: 1,
    createdAt: at,
    updatedAt: at,
  }));

  const sdkTimes: number[] = [];
  const rawTimes: number[] = [];
  let worstTask = 0;
  let progressEvents = 0;
  for (let r = 0; r < repetitions; r++) {
    // Raw: same schema (created by the adapter, then closed), one transaction of puts.
    const rawName = `bench-raw-${r}`;
    await deleteDatabase(rawName);
    await createIndexedDbAdapter({ name: rawName }).close();
    const raw = await openDB(rawName, INDEXEDDB_SCHEMA_VERSION);
    let start = performance.now();
    const tx = raw.transaction('contacts', 'readwrite');
    const store = unwrap(tx.store);
    for (const record of rawRecords) store.put(record);
    await tx.done;
    rawTimes.push(performance.now() - start);
    raw.close();
    await deleteDatabase(rawName);

    const sdkName = `bench-sdk-${r}`;
    await deleteDatabase(sdkName);
    const crm = await createCrm({
      storage: createIndexedDbAdapter({ name: sdkName }),
      clock: () => new Date(at),
    });
    await crm.contacts.count();
    const tasks = longTasks();
    start = performance.now();
    await crm.contacts.createMany(inputs, { onProgress: () => progressEvents++ });
    sdkTimes.push(performance.now() - start);
    worstTask = Math.max(worstTask, tasks.stop());
    if ((await crm.contacts.count()) !== size) throw new Error('the SDK import lost records');
    await crm.close();
    await deleteDatabase(sdkName);
  }
  const rapport = median(sdkTimes);
  const baseline = median(rawTimes);
  return [
    {
      measure: `import ${size} contacts into IndexedDB (ms, median of ${repetitions})`,
      rapport,
      baseline,
      baselineName: 'raw IndexedDB puts, one transaction',
      goal: '≤ 1.15×; no task over 50 ms; progress events',
      goalRatio: 1.15,
      met: rapport / baseline <= 1.15 && worstTask <= 50 && progressEvents > 0,
      notes:
        `longest main-thread task ${worstTask.toFixed(0)} ms; ${progressEvents / repetitions} progress ` +
        `events per import; ${pairedRatios(sdkTimes, rawTimes)}`,
    },
  ];
};
