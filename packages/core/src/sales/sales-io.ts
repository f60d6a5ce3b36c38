import type { DomainContext } from '../client/domain-context.js';
import { IdSchema } from '../entities/common.js';
import type { OwnerChangeInput } from '../entities/owner-change.js';
import { ENTITY_CATALOG, type EntityName } from '../entities/catalog.js';
import type { EntityRecord } from '../entities/registry.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { WriteIntent } from '../gateway/gateway-core.js';
import { MAX_LIMIT, type OrderBy, type Where } from '../query/query-spec.js';

/**
 * Reads and write-intent builders shared by the sales operations. Everything goes through the
 * gateway (so record scope and field policy apply); nothing here touches storage.
 */
export const salesIo = {
  /** One record, or `NotFoundError`. */
  async get<E extends EntityName>(
    domain: DomainContext,
    entity: E,
    id: string,
  ): Promise<EntityRecord<E>> {
    if (typeof id !== 'string' || id.length === 0)
      throw new ValidationError([{ path: ['id'], message: 'Give the id of a record' }]);
    const [record] = await domain.gateway.get(domain.context(), entity, [id]);
    if (!record) throw new NotFoundError(ENTITY_CATALOG[entity].collection, id);
    return record as unknown as EntityRecord<E>;
  },

  /**
   * The record an update is computed from, or `null` when the id is invalid or the record is
   * missing or not visible. Callers then send the plain write, so the gateway reports exactly
   * what it would for a repository update (ValidationError, NotFoundError or PermissionError).
   */
  async current<E extends EntityName>(
    domain: DomainContext,
    entity: E,
    id: string,
  ): Promise<EntityRecord<E> | null> {
    if (!IdSchema.safeParse(id).success) return null;
    const [record] = await domain.gateway.get(domain.context(), entity, [id]);
    return (record as unknown as EntityRecord<E> | null) ?? null;
  },

  /**
   * Every matching record, page by page (keyset), so large collections are read in full. Pages are
   * as large as a query allows: an adapter without a usable index reads the collection once a page.
   */
  async all<E extends EntityName>(
    domain: DomainContext,
    entity: E,
    where: Where,
    orderBy?: readonly OrderBy[],
  ): Promise<EntityRecord<E>[]> {
    const out: EntityRecord<E>[] = [];
    let cursor: string | undefined;
    const ctx = domain.context();
    do {
      const page = await domain.gateway.query(ctx, entity, {
        where,
        limit: MAX_LIMIT,
        ...(orderBy && { orderBy }),
        ...(cursor && { cursor }),
      });
      out.push(...(page.items as unknown as EntityRecord<E>[]));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return out;
  },

  /** The intent that appends one entry to the owner history. */
  ownerChange(
    domain: DomainContext,
    change: Omit<OwnerChangeInput, 'actorId' | 'at'>,
    now = domain.clock().toISOString(),
  ): WriteIntent {
    const input: Record<string, unknown> = { actorId: domain.context().principal.id, at: now };
    for (const [key, value] of Object.entries(change)) if (value !== undefined) input[key] = value;
    return { type: 'create', entity: 'ownerChange', input };
  },
};

/** `undefined` for a missing or empty reason, else the trimmed text; a ValidationError when required. */
export function requireText(value: unknown, path: string, what: string): string {
  if (typeof value !== 'string' || value.trim().length === 0)
    throw new ValidationError([{ path: [path], message: `Give ${what}` }]);
  return value.trim();
}
