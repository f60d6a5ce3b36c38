import type { AuditEntryInput } from '../entities/audit-entry.js';
import { ConflictError, PermissionError } from '../errors.js';
import {
  AUDIT_GENESIS_HASH,
  AUDIT_HEAD_COLLECTION,
  AUDIT_HEAD_ID,
  auditEntryId,
  hashAuditEntry,
} from '../security/audit-chain.js';
import { auditDiff, redactForAudit } from '../security/audit-diff.js';
import type { AuditChanges, AuditNote, AuditWriteOptions } from '../security/audit-log.js';
import type { Mutation } from '../storage/storage-adapter.js';
import { collectCreates, isCreateStream } from './create-stream.js';
import type { GatewayStage, WriteRequest } from './gateway-core.js';

/**
 * Above this many operations in one write, and unless the caller chose, the audit log gets one
 * entry per entity and action (who, when, how many) instead of one per record: a bulk import of
 * 100k contacts would otherwise write 100k more records and hash 100k entries, doubling its cost.
 */
export const AUDIT_BATCH_ABOVE = 1000;
/** How often a write is retried when another tab or request appended to the chain first. */
export const AUDIT_APPEND_ATTEMPTS = 8;
const AUDIT_COLLECTION = 'auditLog';
/** Entities nothing may write except this stage. */
const APPEND_ONLY = new Set(['auditEntry']);

type Draft = Omit<AuditEntryInput, 'seq' | 'prevHash' | 'hash'>;

const clip = (text: string | undefined) =>
  text === undefined ? undefined : text.length > 1000 ? `${text.slice(0, 999)}…` : text;

function redactNote(note: AuditNote): AuditChanges | undefined {
  if (!note.changes) return undefined;
  return Object.fromEntries(
    Object.entries(note.changes).map(([field, { from, to }]) => [
      field,
      {
        from: redactForAudit(note.entity, field, from),
        to: redactForAudit(note.entity, field, to),
      },
    ]),
  );
}

/** How many operations of each action and entity, in first-seen order. */
function batchGroups(
  operations: WriteRequest['operations'],
  audit: AuditWriteOptions,
): { action: Draft['action']; entity: string; n: number }[] {
  const groups = new Map<string, { action: Draft['action']; entity: string; n: number }>();
  const add = (action: Draft['action'], entity: string, n: number) => {
    const key = `${action}\u0000${entity}`;
    const group = groups.get(key) ?? { action, entity, n: 0 };
    group.n += n;
    groups.set(key, group);
  };
  // A stream holds creates only, and says how many of each entity before they are validated.
  if (isCreateStream(operations))
    for (const [entity, n] of operations.counts) add(audit.action ?? 'create', entity, n);
  else for (const op of operations) add(audit.action ?? op.type, op.entity, 1);
  return [...groups.values()];
}

/** The entries a write adds, in order: one per operation (or per batch), then the notes. */
function draftsOf({ ctx, operations, audit = {} }: WriteRequest): Draft[] {
  const base = { at: ctx.now, actorId: ctx.principal.id };
  const reason = clip(audit.reason);
  const drafts: Draft[] = [];
  const size = isCreateStream(operations) ? operations.size : operations.length;
  const granularity = audit.granularity ?? (size > AUDIT_BATCH_ABOVE ? 'batch' : 'record');
  if (granularity === 'batch') {
    for (const { action, entity, n } of batchGroups(operations, audit))
      drafts.push({
        ...base,
        action,
        entity,
        reason: clip(`${audit.reason ? `${audit.reason} ` : ''}(${n} records)`),
      });
  } else {
    for (const op of collectCreates(operations)) {
      const before = op.type === 'create' ? null : op.before;
      const after = op.type === 'delete' ? null : (op.plain ?? op.data);
      drafts.push({
        ...base,
        action: audit.action ?? op.type,
        entity: op.entity,
        recordId: op.id,
        changes: auditDiff(op.entity, before, after),
        ...(reason !== undefined && { reason }),
      });
    }
  }
  for (const note of audit.notes ?? []) {
    const changes = redactNote(note);
    const noteReason = clip(note.reason);
    drafts.push({
      ...base,
      action: note.action,
      entity: note.entity,
      ...(note.recordId !== undefined && { recordId: note.recordId }),
      ...(changes && { changes }),
      ...(noteReason !== undefined && { reason: noteReason }),
    });
  }
  return drafts;
}

/** A conflict on the chain itself (another append won the race), as opposed to on a record. */
function isChainConflict(error: unknown): boolean {
  return (
    error instanceof ConflictError &&
    (error.collection === AUDIT_HEAD_COLLECTION || error.collection === AUDIT_COLLECTION)
  );
}

/**
 * Audit: every write gets its entries — who, when, what, a redacted field diff — appended to a
 * SHA-256 hash chain in the same all-or-nothing commit as the change (`WriteRequest.extra`). The
 * chain's head `{ seq, hash }` is one record updated with `expectedVersion` in that commit, so
 * two tabs appending at once cannot fork the chain: the loser's commit fails as a whole with a
 * `ConflictError` on the head, and is rebuilt on the new head and retried here (up to
 * {@link AUDIT_APPEND_ATTEMPTS} times). Within one client, audited writes are queued, so the race
 * is only ever between tabs. Conflicts on the records themselves are not retried.
 * The audit log itself is append-only: operations on `auditEntry` are refused.
 */
export const auditStage: GatewayStage = {
  name: 'audit',
  create(next, { adapter }) {
    // Appends from this client queue behind each other, so only other tabs / clients race for the
    // head (and lose a round at most now and then); each is then retried on the new head.
    let tail: Promise<unknown> = Promise.resolve();
    const serial = <T>(task: () => Promise<T>): Promise<T> => {
      const run = tail.then(task, task);
      tail = run.catch(() => undefined);
      return run;
    };
    return {
      ...next,
      async write(request) {
        const { operations } = request;
        if (isCreateStream(operations)) {
          for (const entity of operations.counts.keys()) {
            if (APPEND_ONLY.has(entity))
              throw new PermissionError(
                'create',
                entity,
                undefined,
                'the audit log is append-only',
              );
          }
          // Entries per record diff every record: those need the whole batch before the commit.
          const size = operations.size;
          if (
            (request.audit?.granularity ?? (size > AUDIT_BATCH_ABOVE ? 'batch' : 'record')) ===
            'record'
          )
            request = { ...request, operations: collectCreates(operations) };
        } else {
          for (const op of operations) {
            if (APPEND_ONLY.has(op.entity))
              throw new PermissionError(op.type, op.entity, op.id, 'the audit log is append-only');
          }
        }
        const drafts = draftsOf(request);
        if (drafts.length === 0) return next.write(request);
        return serial(async () => {
          for (let attempt = 1; ; attempt++) {
            const head = await adapter.get(AUDIT_HEAD_COLLECTION, AUDIT_HEAD_ID);
            let seq = (head?.seq as number | undefined) ?? 0;
            let prevHash = (head?.hash as string | undefined) ?? AUDIT_GENESIS_HASH;
            const entries: Mutation[] = [];
            for (const draft of drafts) {
              seq++;
              const body = { ...draft, seq, prevHash };
              const hash = await hashAuditEntry(body as Parameters<typeof hashAuditEntry>[0]);
              entries.push({
                type: 'insert',
                collection: AUDIT_COLLECTION,
                record: { id: auditEntryId(seq), ...body, hash },
              });
              prevHash = hash;
            }
            const headRecord = { id: AUDIT_HEAD_ID, seq, hash: prevHash };
            const headMutation: Mutation = head
              ? {
                  type: 'update',
                  collection: AUDIT_HEAD_COLLECTION,
                  record: headRecord,
                  expectedVersion: head.version,
                }
              : { type: 'insert', collection: AUDIT_HEAD_COLLECTION, record: headRecord };
            try {
              return await next.write({
                ...request,
                extra: [...(request.extra ?? []), ...entries, headMutation],
              });
            } catch (error) {
              if (!isChainConflict(error) || attempt >= AUDIT_APPEND_ATTEMPTS) throw error;
              // Let the other appender finish; a little jitter keeps two tabs from colliding again.
              await new Promise((resolve) => setTimeout(resolve, Math.random() * 4 * attempt));
            }
          }
        });
      },
    };
  },
};
