import { ValidationError } from '../errors.js';
import { CSV_BOM } from './csv-format.js';
import { CsvReader } from './csv-parser.js';

/** What an import reads: CSV text, a `File` / `Blob`, or a stream of text or UTF-8 bytes. */
export type CsvSource = string | Blob | ReadableStream<string | Uint8Array>;

/** Characters parsed between two yields to the event loop. */
const CHUNK_CHARS = 256 * 1024;

/** The whole text of a source (UTF-8), without a byte order mark. */
export async function readCsvText(source: CsvSource): Promise<string> {
  let text: string;
  if (typeof source === 'string') text = source;
  else if (typeof Blob !== 'undefined' && source instanceof Blob) text = await source.text();
  else if (source && typeof (source as ReadableStream).getReader === 'function') {
    const reader = (source as ReadableStream<string | Uint8Array>).getReader();
    const decoder = new TextDecoder('utf-8');
    const parts: string[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(typeof value === 'string' ? value : decoder.decode(value, { stream: true }));
    }
    parts.push(decoder.decode());
    text = parts.join('');
  } else {
    throw new ValidationError([
      { path: [], message: 'Give CSV as a string, a File or Blob, or a ReadableStream' },
    ]);
  }
  return text.startsWith(CSV_BOM) ? text.slice(1) : text;
}

/**
 * Parses CSV text (RFC 4180: quoted fields with commas, doubled quotes and line breaks; CRLF or
 * LF) a slice at a time: each yielded array holds the records that start in one slice of about
 * 256K characters, and the caller awaits between slices, so a 100k-row file never blocks the page
 * for long. Records are arrays of cells; blank lines are skipped. The first record is the header.
 * A quoted cell that is never closed is a ValidationError naming its row and line, raised before
 * any record after it is yielded.
 */
export async function* parseCsvRecords(text: string): AsyncGenerator<string[][]> {
  const reader = new CsvReader(text);
  while (!reader.done) {
    const records = reader.next(CHUNK_CHARS);
    if (records.length) yield records;
  }
}
