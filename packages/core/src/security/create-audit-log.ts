import type { AuditEntry } from '../entities/audit-entry.js';
import { ValidationError } from '../errors.js';
import type { Gateway } from '../gateway/gateway.js';
import type { RequestContext } from '../gateway/gateway-core.js';
import type { Where } from '../query/query-spec.js';
import type { StorageAdapter } from '../storage/storage-adapter.js';
import { AUDIT_HEAD_COLLECTION, AUDIT_HEAD_ID, verifyAuditChain } from './audit-chain.js';
import { appendAudit, type AuditListQuery, type AuditLog } from './audit-log.js';

const VERIFY_PAGE = 1000;

/**
 * `crm.audit`: lists entries through the gateway (so reading the log is itself permission-checked:
 * the `auditEntry` read grant), verifies the chain, and appends entries for the acting principal.
 */
export function createAuditLog(
  gateway: Gateway,
  adapter: StorageAdapter,
  context: () => RequestContext,
): AuditLog {
  return {
    async list(query: AuditListQuery = {}) {
      const limit = query.limit ?? 50;
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
        throw new ValidationError([{ path: ['limit'], message: 'Use an integer from 1 to 1000' }]);
      const where: Record<string, Where[string]> = {};
      if (query.recordId !== undefined) where.recordId = { eq: query.recordId };
      if (query.actorId !== undefined) where.actorId = { eq: query.actorId };
      if (query.entity !== undefined) where.entity = { eq: query.entity };
      if (query.action !== undefined) where.action = { eq: query.action };
      if (query.from !== undefined || query.to !== undefined)
        where.at = {
          ...(query.from !== undefined && { gte: new Date(query.from).toISOString() }),
          ...(query.to !== undefined && { lt: new Date(query.to).toISOString() }),
        };
      const page = await gateway.query(context(), 'auditEntry', {
        where: where as Where,
        orderBy: [{ field: 'seq', direction: query.direction ?? 'desc' }],
        limit,
        ...(query.cursor !== undefined && { cursor: query.cursor }),
      });
      return { ...page, items: page.items as unknown as AuditEntry[] };
    },

    async verify(options = {}) {
      const ctx = context();
      const head = await adapter.get(AUDIT_HEAD_COLLECTION, AUDIT_HEAD_ID);
      async function* entries(): AsyncGenerator<AuditEntry> {
        let cursor: string | null = null;
        do {
          options.signal?.throwIfAborted();
          const page = await gateway.query(ctx, 'auditEntry', {
            orderBy: [{ field: 'seq', direction: 'asc' }],
            limit: VERIFY_PAGE,
            ...(cursor !== null && { cursor }),
          });
          yield* page.items as unknown as AuditEntry[];
          cursor = page.nextCursor;
        } while (cursor !== null);
      }
      return verifyAuditChain(
        entries(),
        head ? { seq: head.seq as number, hash: head.hash as string } : null,
      );
    },

    append: (notes) => appendAudit(gateway, context(), notes),
  };
}
