import { ValidationError, type ValidationIssue } from '../errors.js';
import type { FieldCondition, OrderBy, Scalar, Where } from '../query/query-spec.js';
import type { FieldCipher } from './field-cipher.js';
import {
  blindIndexField,
  ENCRYPTED_FIELD_OPERATORS,
  type SensitiveKind,
} from './sensitive-fields.js';

export { ENCRYPTED_FIELD_OPERATORS };
const ALLOWED: ReadonlySet<string> = new Set(ENCRYPTED_FIELD_OPERATORS);
const NOTHING: Where = { id: { in: [] } };

/**
 * Rewrites a filter so it can run on encrypted storage: `eq` / `ne` / `in` / `nin` on an encrypted
 * path become the same operator on its blind index (`idNumber` → `idNumberIndex`, values replaced
 * by their keyed hashes, so they compare *normalised*: phone digits, ID numbers upper-case without
 * spaces); `null` in them and `exists` test the ciphertext's presence. Range, `contains` and
 * `startsWith` cannot work on ciphertext and are rejected, as is ordering by an encrypted field.
 *
 * @throws ValidationError naming every encrypted field used with an unsupported operator
 */
export async function rewriteEncryptedWhere(
  cipher: FieldCipher,
  entity: string,
  where: Where | undefined,
  orderBy: readonly OrderBy[] = [],
): Promise<Where | undefined> {
  const paths = new Map(cipher.encryptedPaths(entity));
  const issues: ValidationIssue[] = [];
  for (const [i, order] of orderBy.entries()) {
    if (paths.has(order.field))
      issues.push({
        path: ['orderBy', i, 'field'],
        message: `"${order.field}" is encrypted and cannot be sorted on`,
      });
  }
  if (paths.size === 0 || !where) {
    if (issues.length) throw new ValidationError(issues, 'Invalid query on encrypted fields');
    return where;
  }

  const condition = async (
    path: string,
    kind: SensitiveKind,
    cond: FieldCondition,
    at: (string | number)[],
  ): Promise<Where> => {
    const parts: Where[] = [];
    const index = blindIndexField(path);
    const needIndex = (op: string): boolean => {
      if (cipher.blindIndexes) return true;
      issues.push({
        path: [...at, op],
        message: `"${path}" is encrypted; exact-match lookup needs encryption.blindIndexKey`,
      });
      return false;
    };
    const hash = (v: Scalar) => cipher.blindIndex(kind, v as string);
    for (const [op, value] of Object.entries(cond)) {
      if (value === undefined) continue;
      if (!ALLOWED.has(op)) {
        issues.push({
          path: [...at, op],
          message: `"${path}" is encrypted: only ${ENCRYPTED_FIELD_OPERATORS.join(', ')} work on it`,
        });
        continue;
      }
      if (op === 'exists') parts.push({ [path]: { exists: value as boolean } });
      else if (op === 'eq' || op === 'ne') {
        const v = value as Scalar;
        if (v === null) parts.push({ [path]: { exists: op === 'ne' } });
        else if (typeof v !== 'string') {
          if (op === 'eq') parts.push(NOTHING);
        } else if (needIndex(op)) parts.push({ [index]: { [op]: await hash(v) } });
      } else {
        const list = value as readonly Scalar[];
        const texts = list.filter((v): v is string => typeof v === 'string');
        const hasNull = list.includes(null);
        if (texts.length && !needIndex(op)) continue;
        const hashes = await Promise.all(texts.map(hash));
        if (op === 'in') {
          const options: Where[] = [];
          if (hashes.length) options.push({ [index]: { in: hashes } });
          if (hasNull) options.push({ [path]: { exists: false } });
          parts.push(options.length ? { or: options } : NOTHING);
        } else {
          if (hashes.length) parts.push({ [index]: { nin: hashes } });
          if (hasNull) parts.push({ [path]: { exists: true } });
        }
      }
    }
    return parts.length === 1 ? parts[0]! : { and: parts };
  };

  const visit = async (node: Where, at: (string | number)[]): Promise<Where> => {
    const out: Record<string, unknown> = {};
    const extra: Where[] = [];
    for (const [key, value] of Object.entries(node)) {
      if (value === undefined) continue;
      if (key === 'and' || key === 'or')
        out[key] = await Promise.all(
          (value as readonly Where[]).map((w, i) => visit(w, [...at, key, i])),
        );
      else if (key === 'not') out[key] = await visit(value as Where, [...at, key]);
      else if (paths.has(key))
        extra.push(await condition(key, paths.get(key)!, value as FieldCondition, [...at, key]));
      else out[key] = value;
    }
    if (extra.length === 0) return out as Where;
    return Object.keys(out).length
      ? { and: [out as Where, ...extra] }
      : extra.length === 1
        ? extra[0]!
        : { and: extra };
  };
  const rewritten = await visit(where, ['where']);
  if (issues.length) throw new ValidationError(issues, 'Invalid query on encrypted fields');
  return rewritten;
}
