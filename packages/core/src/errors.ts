/**
 * Every error Rapport throws is a `CrmError` with a stable `code`, so callers can branch with
 * `instanceof` or on `code` without parsing messages.
 */

/** Stable codes; part of the public contract. */
export type CrmErrorCode =
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PERMISSION_DENIED'
  | 'LIMIT_EXCEEDED'
  | 'DECRYPTION_FAILED'
  | 'STORAGE_FAILED'
  | 'STORAGE_QUOTA_EXCEEDED'
  | 'STORAGE_BLOCKED'
  | 'STORAGE_VERSION_CHANGE'
  | 'STORAGE_CLOSED'
  | 'CANCELLED';

export class CrmError extends Error {
  readonly code: CrmErrorCode;
  constructor(code: CrmErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

export interface ValidationIssue {
  /** Where the problem is, e.g. `['phones', 0, 'number']`; `[]` for the whole input. */
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** Input did not match the entity's schema. Nothing was stored. */
export class ValidationError extends CrmError {
  readonly issues: readonly ValidationIssue[];
  constructor(issues: readonly ValidationIssue[], context?: string) {
    const first = issues
      .slice(0, 3)
      .map((i) => `${i.path.length ? i.path.join('.') : '(input)'}: ${i.message}`)
      .join('; ');
    const more = issues.length > 3 ? ` (+${issues.length - 3} more)` : '';
    super('VALIDATION_FAILED', `${context ? `${context}: ` : ''}${first}${more}`);
    this.issues = issues;
  }
}

export class NotFoundError extends CrmError {
  readonly collection: string;
  readonly id: string;
  constructor(collection: string, id: string) {
    super('NOT_FOUND', `${collection}/${id} does not exist or is not visible to you`);
    this.collection = collection;
    this.id = id;
  }
}

/** A write lost a race (stale `expectedVersion`) or would create a record that already exists. */
export class ConflictError extends CrmError {
  readonly collection: string;
  readonly id: string;
  readonly expectedVersion: number | null | undefined;
  readonly actualVersion: number | null;
  constructor(
    collection: string,
    id: string,
    expectedVersion: number | null | undefined,
    actualVersion: number | null,
    message?: string,
  ) {
    super(
      'CONFLICT',
      message ??
        `${collection}/${id}: expected version ${expectedVersion ?? '(new record)'} but found ${actualVersion ?? '(none)'}`,
    );
    this.collection = collection;
    this.id = id;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }
}

export class PermissionError extends CrmError {
  readonly operation: string;
  readonly collection: string;
  readonly id: string | undefined;
  constructor(operation: string, collection: string, id?: string, reason?: string) {
    super(
      'PERMISSION_DENIED',
      `not allowed to ${operation} ${collection}${id ? `/${id}` : ''}${reason ? `: ${reason}` : ''}`,
    );
    this.operation = operation;
    this.collection = collection;
    this.id = id;
  }
}

/** A configured limit would be exceeded, e.g. a sales rep's pool capacity on `claim`. */
export class LimitError extends CrmError {
  /** Which limit, e.g. `capacity.leads`. */
  readonly limit: string;
  readonly max: number;
  readonly current: number;
  constructor(limit: string, max: number, current: number, message?: string) {
    super('LIMIT_EXCEEDED', message ?? `${limit}: limit ${max} reached (currently ${current})`);
    this.limit = limit;
    this.max = max;
    this.current = current;
  }
}

/**
 * A stored encrypted value could not be decrypted: wrong key, a ciphertext moved from another
 * record or field, or tampered bytes. Nothing is returned in place of the value.
 */
export class DecryptionError extends CrmError {
  readonly entity: string;
  readonly id: string;
  readonly field: string;
  constructor(
    entity: string,
    id: string,
    field: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super('DECRYPTION_FAILED', `${entity}/${id} field "${field}": ${reason}`, options);
    this.entity = entity;
    this.id = id;
    this.field = field;
  }
}

/** The storage backend failed. `cause` keeps the original error (e.g. a DOMException). */
export class StorageError extends CrmError {
  constructor(
    code: Extract<CrmErrorCode, `STORAGE_${string}`>,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }

  /** Wrap anything a backend threw; DOMExceptions are mapped to specific codes. */
  static from(error: unknown, action: string): CrmError {
    if (error instanceof CrmError) return error;
    const name = (error as { name?: string } | null)?.name;
    if (name === 'QuotaExceededError') {
      return new StorageError('STORAGE_QUOTA_EXCEEDED', `${action}: storage quota exceeded`, {
        cause: error,
      });
    }
    const detail = error instanceof Error ? error.message : String(error);
    return new StorageError('STORAGE_FAILED', `${action}: ${detail}`, { cause: error });
  }
}

/**
 * An operation was cancelled through its `AbortSignal` before it wrote anything (an import
 * cancelled before its commit, a restore). `cause` is the signal's reason.
 */
export class CancelledError extends CrmError {
  readonly operation: string;
  constructor(operation: string, reason?: unknown) {
    super('CANCELLED', `${operation} was cancelled; nothing was written`, { cause: reason });
    this.operation = operation;
  }
}
