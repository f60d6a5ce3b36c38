import Papa from 'papaparse';
import { ValidationError } from '../errors.js';
import { CSV_BOM } from './csv-format.js';

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
 * LF) with papaparse, a slice at a time: each yielded array holds the records of one slice, and
 * the caller awaits between slices, so a 100k-row file never blocks the page for long. Records are
 * arrays of cells; blank lines are skipped. The first record is the header.
 */
export async function* parseCsvRecords(text: string): AsyncGenerator<string[][]> {
  const queue: string[][][] = [];
  let finished = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  let parser: Papa.Parser | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: true,
    chunkSize: CHUNK_CHARS,
    chunk(results: Papa.ParseResult<string[]>, p: Papa.Parser) {
      parser = p;
      p.pause();
      queue.push(results.data);
      notify();
    },
    complete() {
      finished = true;
      notify();
    },
    error(error: unknown) {
      failure = error;
      finished = true;
      notify();
    },
  });
  try {
    for (;;) {
      if (queue.length === 0) {
        if (finished) break;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      yield queue.shift()!;
      if (queue.length === 0 && !finished) parser?.resume();
    }
  } finally {
    // The consumer stopped early (cancelled, or a fatal problem): release the parser.
    if (!finished) parser?.abort();
  }
  if (failure !== undefined) {
    throw new ValidationError([
      { path: [], message: `Could not read the CSV: ${String(failure)}` },
    ]);
  }
}
