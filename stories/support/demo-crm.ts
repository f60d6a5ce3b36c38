// The data behind every story: a real `Crm` over the memory adapter, seeded by the project's own
// deterministic demo generator, answering through `withLatency` so loading states are visible,
// and through `withFaults` when a story shows an error state. Seeding runs at full speed; latency
// and faults switch on once the data is in.
import {
  createCrm,
  createMemoryAdapter,
  StorageError,
  type AdapterOperation,
  type Crm,
  type FaultRule,
  type Locale,
} from '@rapport/core';
import { withFaults, withLatency } from '@rapport/core/memory';
import {
  generateDemoData,
  seedDemoData,
  type DemoOptions,
  type DemoOwner,
} from '@rapport/core/demo';

export interface DemoCrmOptions {
  /** Milliseconds every storage call takes once seeded; `Infinity` stays loading. Default 600. */
  readonly latency?: number;
  /** Generator options; default `{ seed: 1, customers: 60 }`. */
  readonly demo?: DemoOptions;
  /** Seed nothing: every list is empty. */
  readonly empty?: boolean;
  /** Reads of these operations fail once seeded (the error state). */
  readonly fail?: readonly AdapterOperation[] | 'reads';
  /**
   * Exactly `deals` deals, all in `pipelineId` (the generator spreads deals over both demo
   * pipelines; this keeps the first `deals` of one). Use with `leads: 0, orders: 0, activities: 0`
   * in `demo`, which would otherwise refer to the deals left out.
   */
  readonly board?: { readonly pipelineId: string; readonly deals: number };
  /** `crm.locale` (the provider's `locale` overrides it for display). */
  readonly locale?: Locale;
}

/** The fixed "now" of the demo data, so relative dates in stories never drift. */
export const DEMO_NOW = '2026-06-30T08:00:00.000Z';

const READS: readonly AdapterOperation[] = ['get', 'getMany', 'query', 'count'];

/** The host's users who own the demo records (the host's directory, not Rapport's). */
export const DEMO_OWNERS: readonly DemoOwner[] = generateDemoData({ seed: 1, customers: 1 }).owners;

/** A user's display name, for elements that take a directory lookup (`.userName`). */
export const ownerName = (id: string): string | undefined =>
  DEMO_OWNERS.find((owner) => owner.id === id)?.name;

/**
 * A seeded client for one story. The same options give the same records (ids like `cus_00001`,
 * `con_000001`, `deal_…`) on every machine.
 *
 * ```ts
 * const crm = await createDemoCrm({ latency: 800 });
 * const board = await createDemoCrm({ demo: { seed: 1, deals: 10_000 } });
 * ```
 */
export async function createDemoCrm(options: DemoCrmOptions = {}): Promise<Crm> {
  let ready = false;
  const latency = options.latency ?? 600;
  const failing = options.fail === 'reads' ? READS : (options.fail ?? []);
  const faults: FaultRule = {
    operation: failing,
    when: () => ready,
    error: (call) =>
      new StorageError(
        'STORAGE_FAILED',
        `Demo fault: the storage backend is unreachable (${call.operation})`,
      ),
  };
  const storage = withLatency(
    withFaults(createMemoryAdapter(), failing.length > 0 ? faults : []),
    () => (ready ? latency : 0),
  );
  const now = Date.parse(options.demo?.now ?? DEMO_NOW);
  const crm = await createCrm({
    storage,
    clock: () => new Date(now),
    ...(options.locale && { locale: options.locale }),
  });
  if (!options.empty) {
    const { board } = options;
    let data = generateDemoData({
      seed: 1,
      customers: 60,
      ...options.demo,
      ...(board && { deals: Math.ceil(board.deals * 1.5) }),
    });
    if (board) {
      const deals = data.deals.filter((d) => d.pipelineId === board.pipelineId);
      if (deals.length < board.deals)
        throw new Error(`only ${deals.length} deals in ${board.pipelineId}, ${board.deals} asked`);
      data = { ...data, deals: deals.slice(0, board.deals) };
    }
    await seedDemoData(crm, data);
  }
  ready = true;
  return crm;
}

const cache = new Map<string, Promise<Crm>>();

/**
 * `createDemoCrm`, shared by every story asking for the same options (switching locale or theme
 * in the toolbar re-renders a story; it should not re-seed 10,000 deals).
 */
export function demoCrm(options: DemoCrmOptions = {}): Promise<Crm> {
  // `Infinity` would serialise as null, like a missing value: spell it out.
  const key = JSON.stringify(options, (_, value: unknown) =>
    value === Infinity ? 'Infinity' : value,
  );
  let crm = cache.get(key);
  if (!crm) {
    crm = createDemoCrm(options);
    cache.set(key, crm);
    crm.catch(() => cache.delete(key));
  }
  return crm;
}
