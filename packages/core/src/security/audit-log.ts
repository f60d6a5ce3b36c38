import type { AuditEntry } from '../entities/audit-entry.js';
import { AUDIT_ACTIONS } from '../entities/enums.js';
import type { EntityName } from '../entities/registry.js';
import type { Gateway } from '../gateway/gateway.js';
import type { RequestContext } from '../gateway/gateway-core.js';

/**
 * The audit log's public API: what other modules (io/, sales/, service/) use to add entries, and
 * what `crm.audit` offers to read and verify it. The chain itself (hashing, the `auditHeads`
 * record, retries) lives in the gateway's audit stage; nothing here writes storage directly.
 *
 * STABLE: the signatures in this file are relied on by the IO half of the governance work
 * (import / export / merge / restore). Extend additively only.
 */

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Field-level diff: `null` stands for "no value". Sensitive values are redacted by the audit stage. */
export type AuditChanges = Readonly<
  Record<string, { readonly from: unknown; readonly to: unknown }>
>;

/** One entry to append, beyond those the audit stage writes for each operation. */
export interface AuditNote {
  readonly action: AuditAction;
  /** An entity name (`customer`), or a free label for non-entity events (`backup`). */
  readonly entity: EntityName | (string & {});
  readonly recordId?: string;
  /** Redacted like operation diffs before it is stored. */
  readonly changes?: AuditChanges;
  /** Free text (≤ 1000 chars): file name, row count, merge source, … */
  readonly reason?: string;
}

/**
 * Audit options of one gateway write (`gateway.write(ctx, intents, { audit })`). Everything is
 * committed with the write's own records, all-or-nothing.
 */
export interface AuditWriteOptions {
  /**
   * Label the per-operation entries with this action instead of create / update / delete, e.g.
   * `'import'` for the rows of an import, `'merge'` for the re-links of a merge. For `'import'` the
   * authorize stage also requires the `import` operation on every entity written.
   */
  readonly action?: Extract<AuditAction, 'import' | 'merge' | 'restore' | 'transfer'>;
  /** Stored on every entry this write adds. */
  readonly reason?: string;
  /**
   * `'record'`: one entry per operation, with its field diff. `'batch'`: one entry per entity and
   * action for the whole write (no diffs; `reason` plus a count) — for 100k-row imports. Default:
   * `'record'` up to 1,000 operations in one write, `'batch'` above (`AUDIT_BATCH_ABOVE`).
   */
  readonly granularity?: 'record' | 'batch';
  /** Extra entries, appended after the per-operation ones in the same commit. */
  readonly notes?: readonly AuditNote[];
}

/** Filters for {@link AuditLog.list}; all optional, combined with AND. */
export interface AuditListQuery {
  readonly recordId?: string;
  readonly actorId?: string;
  readonly entity?: string;
  readonly action?: AuditAction;
  /** Inclusive lower bound on `at` (ISO). */
  readonly from?: string;
  /** Exclusive upper bound on `at` (ISO). */
  readonly to?: string;
  /** Page size, default 50, max 1000. */
  readonly limit?: number;
  /** `nextCursor` of the previous page. */
  readonly cursor?: string;
  /** Default `'desc'` (newest first). */
  readonly direction?: 'asc' | 'desc';
}

export interface AuditPage {
  readonly items: AuditEntry[];
  readonly total: number;
  readonly nextCursor: string | null;
}

/** One problem {@link AuditLog.verify} found. */
export interface AuditProblem {
  /** The `seq` where the chain breaks (the entry found there, or the one expected there). */
  readonly seq: number;
  /** The stored entry's id, when there is one at that place. */
  readonly id?: string;
  readonly kind: 'hash-mismatch' | 'chain-broken' | 'missing' | 'out-of-order' | 'head-mismatch';
  readonly message: string;
}

export interface AuditVerification {
  readonly ok: boolean;
  /** Entries checked. */
  readonly checked: number;
  /** The chain's head as stored: keep a copy outside the browser to detect a full rewrite. */
  readonly head: { readonly seq: number; readonly hash: string } | null;
  readonly problems: readonly AuditProblem[];
}

/** `crm.audit`: read and verify the log; append entries that go with no record change. */
export interface AuditLog {
  /** Entries by record, actor, entity, action and time range; permission-checked (`auditEntry` read). */
  list(query?: AuditListQuery): Promise<AuditPage>;
  /** Walks the whole chain: any edited, removed, inserted or reordered entry is reported. */
  verify(options?: { signal?: AbortSignal }): Promise<AuditVerification>;
  /** Appends entries in their own commit, e.g. an export; see {@link appendAudit}. */
  append(notes: readonly AuditNote[]): Promise<void>;
}

/** What the IO module needs: append entries for the acting principal. */
export interface AuditWriter {
  append(ctx: RequestContext, notes: readonly AuditNote[]): Promise<void>;
}

/**
 * Appends audit entries in a commit of their own, for events that change no record (an export,
 * a backup). An `'export'` or `'import'` note is authorized first: the principal must hold that
 * operation on the note's entity, else `PermissionError` (itself audited as a denial) — so call
 * this *before* handing the exported file out. For entries that go with record changes, pass
 * `{ audit }` to `gateway.write` instead, so they commit together.
 *
 * @example
 * ```ts
 * await appendAudit(crm.gateway, crm.context(), [
 *   { action: 'export', entity: 'customer', reason: 'CSV, 1 204 rows, customers-2026-03.csv' },
 * ]);
 * ```
 * @throws PermissionError when the principal may not export / import that entity
 */
export async function appendAudit(
  gateway: Gateway,
  ctx: RequestContext,
  notes: readonly AuditNote[],
): Promise<void> {
  if (notes.length === 0) return;
  await gateway.write(ctx, [], { audit: { notes } });
}

/** An {@link AuditWriter} over a gateway. */
export function createAuditWriter(gateway: Gateway): AuditWriter {
  return { append: (ctx, notes) => appendAudit(gateway, ctx, notes) };
}
