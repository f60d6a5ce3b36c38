import type { DomainContext } from '../client/domain-context.js';
import type { EntityName } from '../entities/registry.js';
import { CancelledError } from '../errors.js';
import { MAX_LIMIT, type QuerySpec } from '../query/query-spec.js';
import type { StoredRecord } from '../storage/storage-adapter.js';

/**
 * Records per page when io/ walks a whole collection: the largest page the query model allows,
 * because a page costs a scan in the memory adapter (100k customers: ~0.2 s per page of any size).
 */
export const IO_PAGE_SIZE = MAX_LIMIT;

/**
 * Every record of `entity` matching `spec`, a page at a time, through the gateway (scope filter,
 * masking and decryption apply) with keyset cursors, so large collections stream.
 */
export async function* readAll(
  domain: DomainContext,
  entity: EntityName,
  spec: Omit<QuerySpec, 'cursor'> = {},
  signal?: AbortSignal,
  ctx = domain.context(),
): AsyncGenerator<StoredRecord[]> {
  let cursor: string | undefined;
  do {
    if (signal?.aborted) throw new CancelledError(`reading ${entity}`, signal.reason);
    const page = await domain.gateway.query(ctx, entity, {
      ...spec,
      limit: spec.limit ?? IO_PAGE_SIZE,
      ...(cursor && { cursor }),
    });
    if (page.items.length) yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
