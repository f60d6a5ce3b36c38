import { ValidationError } from '../errors.js';
import type { RowSource, SourceRow } from './import-records.js';
import { parseCsvRecords } from './parse-csv.js';

/**
 * CSV text as import rows: the first record is the header (names trimmed); each later record
 * becomes `{ row, values }` keyed by header, where `row` is the spreadsheet row number (the header
 * is row 1, so the first data row is 2; a quoted cell spanning lines still makes one row).
 * A record with more non-empty cells than the header has columns is an invalid row.
 */
export function csvRowSource(text: string): RowSource {
  let header: string[] | null = null;
  async function* batches(): AsyncGenerator<SourceRow[]> {
    let index = 0;
    for await (const records of parseCsvRecords(text)) {
      const rows: SourceRow[] = [];
      for (const record of records) {
        index++;
        if (!header) {
          header = record.map((h) => h.trim());
          const seen = new Set<string>();
          for (const [i, h] of header.entries()) {
            if (seen.has(h))
              throw new ValidationError([
                { path: [1, h], message: `Column "${h}" appears twice in the header` },
              ]);
            seen.add(h);
            if (!h) header[i] = `(column ${i + 1})`;
          }
          continue;
        }
        const values: Record<string, string> = {};
        for (let i = 0; i < header.length; i++) values[header[i]!] = record[i] ?? '';
        // Cells past the header that hold something (a trailing empty cell is harmless).
        const extra =
          record.length > header.length && record.slice(header.length).some((c) => c.trim() !== '');
        rows.push({
          row: index,
          values,
          ...(extra && {
            problem: `${record.length} cells but the header has ${header.length} columns (an unclosed quote?)`,
          }),
        });
      }
      yield rows;
    }
    if (!header)
      throw new ValidationError([{ path: [], message: 'The CSV is empty: no header row' }]);
  }
  return { columns: () => header ?? [], batches: batches() };
}
