import { ValidationError } from '../errors.js';
import { assertEqual, assertRejects } from '../testing/assert.js';
import { runAdapterModel } from '../testing/adapter-model.js';
import { createIndexedDbAdapter } from './indexeddb-adapter.js';
import type { StorageAdapter } from './storage-adapter.js';

// Model-based check of the IndexedDB adapter in real Chromium against the independent reference
// in testing/adapter-model.ts: 200 runs of up to 50 random commands, a fresh database per run.

const names = new WeakMap<StorageAdapter, string>();

/** Deletes a database. `blocked` only means a closed connection still finishes a transaction. */
function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    const timer = setTimeout(
      () => reject(new Error(`deleting ${name} did not finish in 10 s`)),
      10_000,
    );
    request.onsuccess = () => {
      clearTimeout(timer);
      resolve();
    };
    request.onerror = () => {
      clearTimeout(timer);
      reject(request.error ?? new Error(`deleting ${name} failed`));
    };
  });
}

describe('IndexedDB adapter: model-based check', () => {
  it('agrees with the reference model over 200 random command sequences', async function (this: {
    timeout(ms: number): void;
  }) {
    this.timeout(10 * 60_000);
    const report = await runAdapterModel({
      create: () => {
        const name = `rapport-model-${crypto.randomUUID()}`;
        const adapter = createIndexedDbAdapter({ name, broadcast: false });
        names.set(adapter, name);
        return adapter;
      },
      teardown: async (adapter) => {
        await adapter.close();
        await deleteDatabase(names.get(adapter)!);
      },
      numRuns: 200,
      maxCommands: 50,
    });
    console.log(
      `model: ${report.runs} runs, ${report.commands} commands, ${report.divergences} divergences, ` +
        `seed ${report.seed} (IndexedDB adapter, ${(report.milliseconds / 1000).toFixed(1)} s)`,
    );
  });
});

// The smallest counterexamples the model check has found, kept as plain examples so a regression
// reads at a glance.
describe('IndexedDB adapter: model counterexamples', () => {
  let adapter: StorageAdapter;
  let name: string;
  const at = '2026-01-01T00:00:01.000Z';

  beforeEach(async () => {
    name = `rapport-model-case-${crypto.randomUUID()}`;
    adapter = createIndexedDbAdapter({ name, broadcast: false });
    await adapter.commit(
      [
        {
          type: 'insert',
          collection: 'deals',
          record: {
            id: 'd1',
            name: '年度框架协议',
            pipelineId: 'p1',
            stageId: 's1',
            status: 'open',
          },
        },
        {
          type: 'insert',
          collection: 'deals',
          record: { id: 'd2', name: '云平台采购', pipelineId: 'p1', stageId: 's1', status: 'open' },
        },
      ],
      { at },
    );
  });

  afterEach(async () => {
    await adapter.close();
    await deleteDatabase(name);
  });

  it('honours an explicit id direction against the field direction (ordered index walk)', async () => {
    // Memory gives d2, d1: ties on createdAt broken by id descending, as asked.
    const page = await adapter.query('deals', {
      orderBy: [{ field: 'createdAt' }, { field: 'id', direction: 'desc' }],
    });
    assertEqual(
      page.items.map((r) => r.id),
      ['d2', 'd1'],
      'createdAt asc, id desc',
    );
    const desc = await adapter.query('deals', {
      where: { status: { eq: 'open' } },
      orderBy: [
        { field: 'status', direction: 'desc' },
        { field: 'id', direction: 'asc' },
      ],
      limit: 1,
    });
    assertEqual(
      desc.items.map((r) => r.id),
      ['d1'],
      'status desc, id asc: first page',
    );
  });

  it('applies search when counting with an indexed eq filter', async () => {
    assertEqual(
      await adapter.count('deals', { where: { status: { eq: 'open' } }, search: '张伟' }),
      0,
      'count with eq + search',
    );
    assertEqual(
      await adapter.count('deals', { where: { status: { in: ['open'] } }, search: '采购' }),
      1,
      'count with in + search',
    );
    assertEqual(
      (await adapter.query('deals', { where: { status: { eq: 'open' } }, search: '张伟' })).total,
      0,
      'query total',
    );
  });

  it('rejects a forged cursor with a ValidationError, not a StorageError', async () => {
    const forged = btoa(JSON.stringify({ o: 'createdAt:asc,id:asc', k: [{}, 'd1'] }))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    await assertRejects(
      adapter.query('deals', { orderBy: [{ field: 'createdAt' }], limit: 1, cursor: forged }),
      ValidationError,
      'forged cursor on an ordered index walk',
    );
  });
});
