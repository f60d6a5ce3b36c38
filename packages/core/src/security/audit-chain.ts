import type { AuditEntry } from '../entities/audit-entry.js';
import type { AuditProblem, AuditVerification } from './audit-log.js';

/** Where the chain's head (`{ seq, hash }`) lives: one record, updated with each append. */
export const AUDIT_HEAD_COLLECTION = 'auditHeads';
export const AUDIT_HEAD_ID = 'head';
/** `prevHash` of the first entry. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** The stored id of the entry at `seq` (zero-padded, so ids sort like seq). */
export function auditEntryId(seq: number): string {
  return `audit-${String(seq).padStart(12, '0')}`;
}

/**
 * JSON with object keys sorted at every level and `undefined` members dropped: the same entry
 * always serialises to the same bytes, whatever order its fields were built or stored in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort();
  return `{${keys
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
    .join(',')}}`;
}

/** The hashed part of an entry: everything but its hash and the storage system fields. */
export type AuditEntryBody = Omit<
  AuditEntry,
  'hash' | 'id' | 'version' | 'createdAt' | 'updatedAt'
>;

/** SHA-256 (hex) of the entry's canonical JSON, `prevHash` included: the link of the chain. */
export async function hashAuditEntry(entry: AuditEntryBody): Promise<string> {
  const body = {
    seq: entry.seq,
    at: entry.at,
    actorId: entry.actorId,
    action: entry.action,
    entity: entry.entity,
    recordId: entry.recordId,
    changes: entry.changes,
    reason: entry.reason,
    prevHash: entry.prevHash,
  };
  const digest = await crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(canonicalJson(body)),
  );
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Checks a chain given in storage order of `seq` (ascending): seq runs 1, 2, 3 … with no gap or
 * repeat, each entry's hash is the hash of its content, each `prevHash` is the hash before it,
 * and the head names the last entry. Reports every problem found, with the seq where it is.
 */
export async function verifyAuditChain(
  entries: AsyncIterable<AuditEntry> | Iterable<AuditEntry>,
  head: { readonly seq: number; readonly hash: string } | null,
): Promise<AuditVerification> {
  const problems: AuditProblem[] = [];
  let expectedSeq = 1;
  let prevHash = AUDIT_GENESIS_HASH;
  let checked = 0;
  for await (const entry of entries) {
    checked++;
    const at = { seq: entry.seq, id: entry.id };
    if (entry.id !== auditEntryId(entry.seq))
      problems.push({
        ...at,
        kind: 'out-of-order',
        message: `entry ${entry.id} claims seq ${entry.seq}: moved or renumbered`,
      });
    if (entry.seq > expectedSeq) {
      problems.push({
        seq: expectedSeq,
        kind: 'missing',
        message:
          entry.seq === expectedSeq + 1
            ? `entry ${expectedSeq} is missing`
            : `entries ${expectedSeq}–${entry.seq - 1} are missing`,
      });
    } else if (entry.seq < expectedSeq) {
      problems.push({
        ...at,
        kind: 'out-of-order',
        message: `entry ${entry.id} repeats seq ${entry.seq}`,
      });
    }
    const hash = await hashAuditEntry(entry);
    if (hash !== entry.hash)
      problems.push({
        ...at,
        kind: 'hash-mismatch',
        message: `entry ${entry.seq} was edited: its content does not match its hash`,
      });
    else if (entry.prevHash !== prevHash)
      problems.push({
        ...at,
        kind: 'chain-broken',
        message: `entry ${entry.seq} does not follow the entry before it (edited, removed or reordered)`,
      });
    prevHash = entry.hash;
    expectedSeq = Math.max(expectedSeq, entry.seq + 1);
  }
  const lastSeq = expectedSeq - 1;
  if (head === null) {
    if (checked > 0)
      problems.push({ seq: lastSeq, kind: 'head-mismatch', message: 'the chain head is missing' });
  } else if (head.seq !== lastSeq || head.hash !== prevHash) {
    problems.push({
      seq: head.seq,
      kind: head.seq > lastSeq ? 'missing' : 'head-mismatch',
      message:
        head.seq > lastSeq
          ? `the head is at entry ${head.seq} but the log ends at ${lastSeq}: entries removed from the end`
          : `the head (entry ${head.seq}) does not match the last entry ${lastSeq}`,
    });
  }
  return { ok: problems.length === 0, checked, head, problems };
}

/**
 * The audit log's collections. Their changes are not passed to `crm.subscribe` listeners: an
 * audit entry is bookkeeping of a change that is itself reported, not a change of CRM data.
 */
export const AUDIT_COLLECTIONS: ReadonlySet<string> = new Set(['auditLog', AUDIT_HEAD_COLLECTION]);
