import { ValidationError } from '../errors.js';
import type { RowSource, SourceRow } from './import-records.js';

const BATCH = 1_000;

/**
 * JSON as import rows: an array of objects (or its text), row `n` being element `n - 1`.
 * `JSON.parse` makes `__proto__` an ordinary own key, which the importer then rejects, so a
 * hostile file cannot pollute prototypes.
 */
export function jsonRowSource(input: string | readonly unknown[]): RowSource {
  let items: unknown;
  if (typeof input === 'string') {
    try {
      items = JSON.parse(input.startsWith('\uFEFF') ? input.slice(1) : input);
    } catch (error) {
      throw new ValidationError([
        { path: [], message: `Not valid JSON: ${(error as Error).message}` },
      ]);
    }
  } else items = input;
  if (!Array.isArray(items))
    throw new ValidationError([{ path: [], message: 'Expected a JSON array of records' }]);
  const list = items as readonly unknown[];
  const columns = new Set<string>();
  async function* batches(): AsyncGenerator<SourceRow[]> {
    for (let start = 0; start < list.length; start += BATCH) {
      const rows: SourceRow[] = [];
      list.slice(start, start + BATCH).forEach((item, i) => {
        const row = start + i + 1;
        if (item === null || typeof item !== 'object' || Array.isArray(item)) {
          rows.push({ row, values: {}, problem: 'Expected an object' });
          return;
        }
        for (const key of Object.keys(item)) columns.add(key);
        rows.push({ row, values: item as Record<string, unknown> });
      });
      yield rows;
    }
  }
  return { columns: () => [...columns], batches: batches() };
}
