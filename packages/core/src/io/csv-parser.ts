// An RFC 4180 reader: comma-separated cells, quoted cells with commas, doubled quotes and line
// breaks, CRLF or LF (or a lone CR) between records. It reads a slice of the text at a time so a
// 100k-row file is parsed between yields to the event loop, and it refuses what would otherwise
// lose data silently: a quoted cell that is never closed swallows every later row.
import { ValidationError } from '../errors.js';

const QUOTE = 34; // "
const COMMA = 44; // ,
const LF = 10;
const CR = 13;

/**
 * A cursor over CSV text. `next(maxChars)` returns the complete records that start within the
 * next `maxChars` characters (at least one record, when any is left), so a record is never cut in
 * two; blank lines are skipped.
 */
export class CsvReader {
  readonly #text: string;
  #pos = 0;
  #record = 0;
  #line = 1;

  constructor(text: string) {
    this.#text = text;
  }

  get done(): boolean {
    return this.#pos >= this.#text.length;
  }

  next(maxChars: number): string[][] {
    const text = this.#text;
    const length = text.length;
    const stop = Math.min(length, this.#pos + maxChars);
    const records: string[][] = [];
    let pos = this.#pos;
    while (pos < length && (pos < stop || records.length === 0)) {
      const first = text.charCodeAt(pos);
      if (first === LF || first === CR) {
        // A blank line.
        pos += first === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
        this.#line++;
        continue;
      }
      this.#record++;
      const cells: string[] = [];
      // One record: cells until a line break outside quotes, or the end of the text.
      for (;;) {
        if (text.charCodeAt(pos) === QUOTE) {
          pos = this.#quotedCell(pos, cells);
        } else {
          // An unquoted cell runs to the next comma or line break. A quote inside it is kept as
          // it is (spreadsheets write `5" pipe` unquoted).
          let end = pos;
          while (end < length) {
            const c = text.charCodeAt(end);
            if (c === COMMA || c === LF || c === CR) break;
            end++;
          }
          cells.push(text.slice(pos, end));
          pos = end;
        }
        const c = text.charCodeAt(pos);
        if (c === COMMA) {
          pos++;
          continue;
        }
        if (c === CR) pos += text.charCodeAt(pos + 1) === LF ? 2 : 1;
        else if (c === LF) pos++;
        this.#line++;
        break;
      }
      records.push(cells);
    }
    this.#pos = pos;
    return records;
  }

  /** Reads the quoted cell at `start` into `cells`; returns the position after it. */
  #quotedCell(start: number, cells: string[]): number {
    const text = this.#text;
    let pos = start + 1;
    let value = '';
    for (;;) {
      const quote = text.indexOf('"', pos);
      if (quote === -1) {
        // The path is the row as imports number them (the header is row 1).
        throw new ValidationError([
          {
            path: [this.#record],
            message: `Line ${this.#line}: a quoted cell is never closed (a " is missing), so the rest of the file would be read as that one cell`,
          },
        ]);
      }
      value += text.slice(pos, quote);
      if (text.charCodeAt(quote + 1) === QUOTE) {
        value += '"';
        pos = quote + 2;
        continue;
      }
      pos = quote + 1;
      break;
    }
    this.#line += countLineBreaks(text, start, pos);
    // Text between the closing quote and the next comma or line break (`"a" b`) is kept after
    // the quoted part, as spreadsheets read it.
    let end = pos;
    while (end < text.length) {
      const c = text.charCodeAt(end);
      if (c === COMMA || c === LF || c === CR) break;
      end++;
    }
    cells.push(end > pos ? value + text.slice(pos, end) : value);
    return end;
  }
}

function countLineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) n++;
  }
  return n;
}
