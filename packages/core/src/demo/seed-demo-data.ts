import type { Crm } from '../crm.js';
import type { DemoData } from './generate-demo-data.js';

/** Collections in the order they can be written: everything a record refers to comes first. */
export const DEMO_SEED_ORDER = [
  'customFields', // customers, deals and tickets carry custom field values the gateway checks
  'pipelines',
  'slaPolicies',
  'segments',
  'campaigns', // → segments
  'customers',
  'contacts', // → customers
  'deals', // → pipelines, customers, contacts, campaigns
  'leads', // → campaigns, converted customer / contact / deal
  'orders', // → deals
  'quotas',
  'tickets', // → customers, contacts, slaPolicies
  'activities', // → customers, contacts, deals, leads, tickets
  'articles',
  'surveys', // → tickets
] as const satisfies readonly (keyof DemoData & keyof Crm)[];

export type DemoSeedCollection = (typeof DEMO_SEED_ORDER)[number];

/**
 * The part of a `Crm` that seeding uses: its repositories (a client seen `as` someone works too),
 * and `automation`, when there, to wait for what the seeded records trigger.
 */
export type DemoSeedTarget = Pick<Crm, DemoSeedCollection> & Partial<Pick<Crm, 'automation'>>;

export interface SeedDemoOptions {
  /** Records per `createMany` call; each call is all-or-nothing. Default 5,000. */
  readonly chunkSize?: number;
  /** Records written so far, of all collections together. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Writes a `DemoData` into a client through its repositories (so every record passes the gateway:
 * validation, permissions, audit), collection by collection in dependency order, then waits until
 * the client's automation has processed them.
 *
 * ```ts
 * const crm = await createCrm({ storage: createMemoryAdapter() });
 * await seedDemoData(crm, generateDemoData({ seed: 1 }), { onProgress: (done, total) => bar.set(done / total) });
 * ```
 * @throws ValidationError or PermissionError from the first chunk that fails; earlier chunks stay written.
 */
export async function seedDemoData(
  crm: DemoSeedTarget,
  data: DemoData,
  options: SeedDemoOptions = {},
): Promise<void> {
  const chunkSize = options.chunkSize ?? 5_000;
  if (!Number.isInteger(chunkSize) || chunkSize < 1)
    throw new RangeError(`chunkSize must be a positive integer, not ${chunkSize}`);
  const total = DEMO_SEED_ORDER.reduce((sum, name) => sum + data[name].length, 0);
  const report = options.onProgress;
  let done = 0;
  for (const name of DEMO_SEED_ORDER) {
    const items: readonly object[] = data[name];
    // Each repository takes its own entity's inputs; `data[name]` holds exactly those.
    const repository = crm[name] as unknown as {
      createMany(
        inputs: readonly object[],
        options?: { onProgress?: (done: number, total: number) => void },
      ): Promise<unknown>;
    };
    for (let start = 0; start < items.length; start += chunkSize) {
      const chunk = items.slice(start, start + chunkSize);
      const before = done;
      // The adapter counts its own mutations (audit entries included): scale them to records.
      const onProgress =
        report &&
        ((d: number, t: number) =>
          report(before + Math.floor((d / Math.max(t, 1)) * chunk.length), total));
      await repository.createMany(chunk, onProgress ? { onProgress } : undefined);
      done += chunk.length;
      report?.(done, total);
    }
  }
  // Automation reacts to the seeded records (customers' purchase metrics follow their orders);
  // resolve once it has, so the data is complete and no late write races the caller's first edit.
  await crm.automation?.settled();
}
