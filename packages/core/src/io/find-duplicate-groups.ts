import type { DomainContext } from '../client/domain-context.js';
import { ValidationError } from '../errors.js';
import type { Where } from '../query/query-spec.js';
import { yieldToEventLoop } from '../yield-to-event-loop.js';
import {
  DEDUPE_ENTITIES,
  duplicateKeys,
  type DedupeEntity,
  type DuplicateReason,
} from './duplicate-keys.js';
import { readAll } from './read-all.js';

/** Code-unit order, as storage sorts strings. */
const compare = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** Two records of a group and what they share. */
export interface DuplicatePair {
  readonly a: string;
  readonly b: string;
  readonly on: readonly DuplicateReason[];
}

/** Records that are probably one: linked directly or through others (A~B by phone, B~C by email). */
export interface DuplicateGroup {
  /** Oldest first: a good default merge target. */
  readonly ids: readonly string[];
  readonly pairs: readonly DuplicatePair[];
}

export interface FindDuplicatesOptions {
  /** Only among these records. */
  readonly where?: Where;
  readonly signal?: AbortSignal;
}

/**
 * Groups of duplicate customers or contacts among the records the principal can see: same phone
 * (digits only, `+86` dropped, full-width folded), same email (case-insensitive), or — customers
 * of kind company — the same name without legal suffixes (有限公司, 股份有限公司, Co., Ltd.),
 * case, width and punctuation folded. Masked values are never compared. Reads page through the
 * gateway; the work is linear in the number of records.
 *
 * @example
 * ```ts
 * for (const group of await crm.customers.findDuplicates()) {
 *   const [target, ...sources] = group.ids;
 *   for (const source of sources) await crm.customers.merge(target, source);
 * }
 * ```
 */
export async function findDuplicateGroups(
  domain: DomainContext,
  entity: DedupeEntity,
  options: FindDuplicatesOptions = {},
): Promise<DuplicateGroup[]> {
  if (!DEDUPE_ENTITIES.includes(entity))
    throw new ValidationError([{ path: ['entity'], message: 'Use customer or contact' }]);
  const firstByKey = new Map<string, string>();
  const created = new Map<string, string>();
  /** Pair `a\0b` → reasons, for records sharing a key with the first record that had it. */
  const pairs = new Map<string, Set<DuplicateReason>>();
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  for await (const page of readAll(
    domain,
    entity,
    { ...(options.where && { where: options.where }), orderBy: [{ field: 'createdAt' }] },
    options.signal,
  )) {
    for (const record of page) {
      parent.set(record.id, record.id);
      created.set(record.id, record.createdAt);
      for (const { on, key } of duplicateKeys(entity, record)) {
        const first = firstByKey.get(key);
        if (first === undefined) {
          firstByKey.set(key, record.id);
          continue;
        }
        if (first === record.id) continue;
        const pairKey = `${first}\u0000${record.id}`;
        const reasons = pairs.get(pairKey) ?? new Set();
        reasons.add(on);
        pairs.set(pairKey, reasons);
        const ra = find(first);
        const rb = find(record.id);
        if (ra !== rb) parent.set(rb, ra);
      }
    }
    await yieldToEventLoop();
  }
  const groups = new Map<string, { ids: Set<string>; pairs: DuplicatePair[] }>();
  for (const [pairKey, reasons] of pairs) {
    const [a, b] = pairKey.split('\u0000') as [string, string];
    const root = find(a);
    const group = groups.get(root) ?? { ids: new Set(), pairs: [] };
    group.ids.add(a).add(b);
    group.pairs.push({ a, b, on: [...reasons] });
    groups.set(root, group);
  }
  const byAge = (x: string, y: string) =>
    compare(created.get(x) ?? '', created.get(y) ?? '') || compare(x, y);
  return [...groups.values()]
    .map((g) => ({ ids: [...g.ids].sort(byAge), pairs: g.pairs }))
    .sort((g, h) => byAge(g.ids[0]!, h.ids[0]!));
}
