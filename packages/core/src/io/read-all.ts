import type { DomainContext } from '../client/domain-context.js';
import type { EntityName } from '../entities/registry.js';
import { CancelledError } from '../errors.js';
import type { RequestContext } from '../gateway/gateway-core.js';
import { MAX_LIMIT, type QuerySpec } from '../query/query-spec.js';
import type { StoredRecord } from '../storage/storage-adapter.js';

/** The largest page io/ reads: the largest the query model allows. */
export const IO_PAGE_SIZE = MAX_LIMIT;
/** The size of the first page, and the smallest page after it. */
const FIRST_PAGE = 1000;
const MIN_PAGE = 500;
/** What one page read should take at most, so the records it delivers arrive in a short task. */
const PAGE_BUDGET_MS = 40;

/**
 * Sizes pages by how long they take. A page costs a fixed part (a transaction; in the memory
 * adapter, a scan of the whole collection) plus a part per record (in IndexedDB, reading and
 * deserialising each record, on the page's thread). The model is fitted on the two page sizes
 * read last (the second page is twice the first, to have two), each at its fastest reading, as
 * a busy machine only ever adds time: when the fixed part dominates, pages grow to the largest,
 * as smaller ones would only repeat it; otherwise they are sized to take about
 * {@link PAGE_BUDGET_MS}, so that no page keeps the page busy for long. Sizes change by a quarter
 * or more, or not at all, so the two sizes stay far enough apart to fit on; a size read in under
 * half the budget always doubles, so one slow reading cannot keep pages small.
 */
function pageSizer(): (size: number, ms: number) => number {
  const fastest = new Map<number, number>();
  let last = 0;
  let other = 0;
  return (size, ms) => {
    fastest.set(size, Math.min(ms, fastest.get(size) ?? Infinity));
    if (size !== last) [other, last] = [last, size];
    const grown = Math.min(IO_PAGE_SIZE, size * 2);
    // Well within budget (or a first page): larger pages are safe, and give a new size to fit on.
    if (!other || fastest.get(last)! <= PAGE_BUDGET_MS / 2) return grown;
    const perRecord = (fastest.get(last)! - fastest.get(other)!) / (last - other);
    const fixed = fastest.get(last)! - perRecord * last;
    // Larger pages read faster: only noise does that; grow, and fit again on the next sizes.
    if (!(perRecord > 0)) return grown;
    if (fixed >= PAGE_BUDGET_MS * 0.75) return IO_PAGE_SIZE;
    const fitted = Math.max(
      MIN_PAGE,
      Math.min(grown, Math.floor((PAGE_BUDGET_MS - fixed) / perRecord)),
    );
    return Math.abs(fitted - size) < size / 4 ? size : fitted;
  };
}

export interface ReadAllOptions {
  /**
   * Ask for the next page as soon as a page arrives, before the consumer has handled it, so the
   * storage reads while the consumer works. Only for consumers that write nothing in between (a
   * prefetched page may predate their writes). A prefetched page's time includes waiting for the
   * consumer, which can only make pages smaller.
   */
  readonly prefetch?: boolean;
}

/**
 * Every record of `entity` matching `spec`, a page at a time, through the gateway (scope filter,
 * masking and decryption apply) with keyset cursors, so large collections stream. Without
 * `spec.limit`, page sizes adapt to the storage (see {@link pageSizer}).
 */
export async function* readAll(
  domain: DomainContext,
  entity: EntityName,
  spec: Omit<QuerySpec, 'cursor'> = {},
  signal?: AbortSignal,
  ctx: RequestContext = domain.context(),
  { prefetch = false }: ReadAllOptions = {},
): AsyncGenerator<StoredRecord[]> {
  const check = () => {
    if (signal?.aborted) throw new CancelledError(`reading ${entity}`, signal.reason);
  };
  const sizer = spec.limit === undefined ? pageSizer() : null;
  let size = spec.limit ?? FIRST_PAGE;
  const read = (cursor: string | undefined) => {
    const started = performance.now();
    const asked = size;
    const result = domain.gateway
      .query(ctx, entity, { ...spec, limit: asked, ...(cursor && { cursor }) })
      .then((page) => {
        if (sizer) size = sizer(asked, performance.now() - started);
        return page;
      });
    result.catch(() => {}); // a prefetch the consumer never asks for must not go unhandled
    return result;
  };
  check();
  let next = read(undefined);
  for (;;) {
    const page = await next;
    const cursor = page.nextCursor ?? undefined;
    if (cursor && prefetch) {
      check();
      next = read(cursor);
    }
    if (page.items.length) yield page.items;
    if (!cursor) return;
    if (!prefetch) {
      check();
      next = read(cursor);
    }
  }
}
