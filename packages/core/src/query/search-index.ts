import { normalizeText, phoneQuery } from './normalize.js';
import { createHaystackMatcher, haystackOf, type Haystack } from './search.js';

/**
 * An inverted index over a collection's search fields, so `search` stops normalising every
 * record per query. Answers are exactly the scan's: the index only narrows to candidates, and
 * the reference matcher decides.
 *
 * - {@link SearchIndex.search} answers a search over all the index's fields: candidates from the
 *   postings, verified by the matcher against each record's {@link Haystack}, kept per record.
 * - {@link SearchIndex.candidates} answers for a subset of the fields (hidden ones left out):
 *   every record that could match; the caller verifies with `createSearchMatcher(query, subset)`.
 *
 * Postings, never across two fields:
 * - every pair of adjacent characters of the normalised text (NFKC, lower case), and every
 *   character beyond ASCII. A term of one CJK character reads its character's list (王 → 王芳); a
 *   longer term intersects the lists of its pairs. CJK needs no tokeniser: 张伟明 holds the
 *   pairs 张伟 and 伟明. One ASCII character is in most records: such a term narrows nothing.
 * - every three adjacent digits of each phone-like value, for phone queries (`138 0013` →
 *   `1380013`), which match digits ignoring spaces, dashes and `+86`.
 *
 * Lists are sorted `Int32Array`s of internal document numbers. A changed record gets a new number
 * and its old one becomes garbage that queries skip; {@link SearchIndex.seal} packs the lists and
 * drops the garbage. Gram keys are 32-bit and may collide: a collision only adds candidates.
 *
 * ```ts
 * const index = createSearchIndex(['name', 'phones.number']);
 * index.put('c1', { id: 'c1', name: '张伟明', phones: [{ number: '138 0013 8000' }] });
 * index.search('张伟'); // [that record]
 * index.search('13800138000'); // [that record]
 * ```
 */
export interface SearchIndex<R extends object = object> {
  /** Records indexed. */
  readonly size: number;
  /** Replaced or removed records still taking space in the lists (see {@link seal}). */
  readonly garbage: number;
  /** Indexes `record` under `id`, replacing what was there. */
  put(id: string, record: R): void;
  remove(id: string): void;
  get(id: string): R | undefined;
  /** The records matching `search` over all the index's fields, in indexing order. */
  search(search: string): R[];
  /** Every record that may match `search` over some of the fields (a superset of the matches). */
  candidates(search: string): R[];
  /** Every record, in indexing order. */
  all(): R[];
  /** Packs the lists into one buffer each and drops the garbage (after a bulk build). */
  seal(): void;
  /**
   * {@link seal} in steps of a few milliseconds, for the main thread: the caller lets the event
   * loop run at each step, and neither puts nor removes until the last.
   */
  sealSteps(): Generator<void, void>;
}

export function createSearchIndex<R extends object = object>(
  fields: readonly string[],
): SearchIndex<R> {
  let grams = new Postings();
  let phones = new Postings();
  let records: (R | undefined)[] = [];
  let haystacks: (Haystack | undefined)[] = [];
  let ids: (string | undefined)[] = [];
  let docOf = new Map<string, number>();
  let garbage = 0;

  const addDoc = (id: string, record: R, haystack: Haystack): void => {
    const doc = records.length;
    records.push(record);
    haystacks.push(haystack);
    ids.push(id);
    docOf.set(id, doc);
    const { text, digits } = haystack;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === SEPARATOR) continue;
      // Characters beyond ASCII (CJK) have a list each: 王 finds 王芳. One ASCII letter or digit
      // is in most records anyway; such a term narrows nothing. A character's key is the key of
      // the pair (U+0000, c): a superset, never a miss.
      if (c >= 0x80) grams.add(c, doc);
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : SEPARATOR;
      if (next !== SEPARATOR) grams.add((c << 16) | next, doc);
    }
    for (let i = 0; i + 2 < digits.length; i++) {
      const key = digitTriple(digits, i);
      if (key >= 0) phones.add(key, doc);
    }
  };

  const kill = (doc: number): void => {
    records[doc] = undefined;
    haystacks[doc] = undefined;
    ids[doc] = undefined;
    garbage++;
  };

  /**
   * Documents that may match, sorted (`null`: every document), and whether they all do: lists
   * of one character, of a pair and of three digits hold exactly the documents containing them.
   */
  const candidateDocs = (search: string): { docs: ArrayLike<number> | null; exact: boolean } => {
    const trimmed = search.trim();
    if (!trimmed) return { docs: null, exact: true };
    const terms = normalizeText(trimmed).split(/\s+/).filter(Boolean);
    const lists: ArrayLike<number>[] = [];
    let exact = true;
    for (const term of terms) {
      // A term holding the field separator could match across fields: it narrows nothing.
      if (term.includes('\u0001')) {
        exact = false;
        continue;
      }
      // U+0000 + c shares c's key; a longer term is only likely where all its pairs are.
      if (term.length > 2 || term.includes('\u0000')) exact = false;
      if (term.length === 1) {
        const c = term.charCodeAt(0);
        if (c >= 0x80) lists.push(grams.get(c));
        else exact = false;
      }
      for (let i = 0; i + 1 < term.length; i++)
        lists.push(grams.get((term.charCodeAt(i) << 16) | term.charCodeAt(i + 1)));
    }
    if (lists.length === 0) return { docs: null, exact: false };
    const docs = intersectAll(lists);
    // The matcher takes a phone-like query on its digits OR on its terms.
    const digits = phoneQuery(trimmed);
    if (digits === null) return { docs, exact };
    const triples: ArrayLike<number>[] = [];
    for (let i = 0; i + 2 < digits.length; i++) triples.push(phones.get(digitTriple(digits, i)));
    return { docs: union(docs, intersectAll(triples)), exact: exact && digits.length === 3 };
  };

  const index: SearchIndex<R> = {
    get size() {
      return docOf.size;
    },
    get garbage() {
      return garbage;
    },

    put(id, record) {
      const haystack = haystackOf(record, fields);
      const doc = docOf.get(id);
      if (doc !== undefined) {
        const before = haystacks[doc]!;
        if (before.text === haystack.text && before.digits === haystack.digits) {
          records[doc] = record;
          return;
        }
        kill(doc);
      }
      addDoc(id, record, haystack);
    },

    remove(id) {
      const doc = docOf.get(id);
      if (doc === undefined) return;
      docOf.delete(id);
      kill(doc);
    },

    get(id) {
      const doc = docOf.get(id);
      return doc === undefined ? undefined : records[doc];
    },

    search(search) {
      const matches = createHaystackMatcher(search);
      if (!matches) return index.all();
      const { docs, exact } = candidateDocs(search);
      if (docs === null) {
        const out: R[] = [];
        for (let doc = 0; doc < records.length; doc++) {
          const haystack = haystacks[doc];
          if (haystack !== undefined && matches(haystack)) out.push(records[doc]!);
        }
        return out;
      }
      const out: R[] = [];
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]!;
        const haystack = haystacks[doc];
        if (haystack !== undefined && (exact || matches(haystack))) out.push(records[doc]!);
      }
      return out;
    },

    candidates(search) {
      const { docs } = candidateDocs(search);
      if (docs === null) return index.all();
      const out: R[] = [];
      for (let i = 0; i < docs.length; i++) {
        const record = records[docs[i]!];
        if (record !== undefined) out.push(record);
      }
      return out;
    },

    all() {
      const out: R[] = [];
      for (const record of records) if (record !== undefined) out.push(record);
      return out;
    },

    seal() {
      drain(index.sealSteps());
    },

    *sealSteps() {
      if (garbage > 0) {
        const old = { records, haystacks, ids };
        grams = new Postings();
        phones = new Postings();
        records = [];
        haystacks = [];
        ids = [];
        docOf = new Map();
        garbage = 0;
        for (let doc = 0; doc < old.records.length; doc++) {
          if (old.records[doc] !== undefined)
            addDoc(old.ids[doc]!, old.records[doc]!, old.haystacks[doc]!);
          if (doc % 4096 === 4095) yield;
        }
      }
      yield* grams.sealSteps();
      yield* phones.sealSteps();
    },
  };
  return index;
}

const SEPARATOR = 1;
const EMPTY = new Int32Array(0);

function drain(steps: Generator<void, void>): void {
  for (let step = steps.next(); !step.done; step = steps.next());
}

/** The three digits at `i` as 0–999, or -1 when a separator is among them. */
function digitTriple(digits: string, i: number): number {
  const a = digits.charCodeAt(i) - 48;
  const b = digits.charCodeAt(i + 1) - 48;
  const c = digits.charCodeAt(i + 2) - 48;
  if (a < 0 || a > 9 || b < 0 || b > 9 || c < 0 || c > 9) return -1;
  return a * 100 + b * 10 + c;
}

/**
 * Gram key → sorted document numbers. Keys map to small ids through an open-addressing table
 * (int keys, nothing boxed). A list is a packed part (one `Int32Array` shared by all ids, written
 * by {@link sealSteps}) followed by what was added since: before the first seal (a bulk build), an
 * append-only log of ids, one run per document, which allocates nothing per key; afterwards a
 * small array per key. Documents only ever come in increasing order, so every list stays sorted.
 */
class Postings {
  private bits = 10;
  private keys = new Int32Array(1 << this.bits);
  /** Slot → id + 1; 0 marks an empty slot. */
  private slots = new Int32Array(1 << this.bits);
  private count = 0;
  /** The last document added per id, to add each document once. */
  private lastDoc = new Int32Array(1 << (this.bits - 1)).fill(-1);
  /** Packed lists: id's documents are `packed[offsets[id]] … packed[offsets[id + 1] - 1]`. */
  private offsets = new Int32Array(1);
  private packed = EMPTY;
  /** Bulk log: ids, and (document, where its ids start in the log) pairs. */
  private bulk = true;
  private log = new Int32Array(1 << 16);
  private logged = 0;
  private runs: number[] = [];
  private tails: (number[] | undefined)[] = [];
  private tailed = 0;

  get(key: number): ArrayLike<number> {
    const id = this.slots[this.slotOf(key)]! - 1;
    if (id < 0) return EMPTY;
    const packed =
      id + 1 < this.offsets.length
        ? this.packed.subarray(this.offsets[id]!, this.offsets[id + 1]!)
        : EMPTY;
    const added = this.logged > 0 ? this.fromLog(id) : this.tails[id];
    if (added === undefined || added.length === 0) return packed;
    if (packed.length === 0) return added;
    const list = new Int32Array(packed.length + added.length);
    list.set(packed);
    list.set(added, packed.length);
    return list;
  }

  add(key: number, doc: number): void {
    const slot = this.slotOf(key);
    let id = this.slots[slot]! - 1;
    if (id < 0) {
      id = this.count++;
      this.keys[slot] = key;
      this.slots[slot] = id + 1;
      if (this.count * 2 > this.slots.length) this.grow();
    }
    if (this.lastDoc[id] === doc) return;
    this.lastDoc[id] = doc;
    if (this.bulk) {
      if (this.runs[this.runs.length - 2] !== doc) this.runs.push(doc, this.logged);
      if (this.logged === this.log.length) {
        const bigger = new Int32Array(Math.ceil(this.log.length * 1.5));
        bigger.set(this.log);
        this.log = bigger;
      }
      this.log[this.logged++] = id;
      return;
    }
    (this.tails[id] ??= []).push(doc);
    // Pack when what was added outgrows the packed part: each entry is copied about twice.
    if (++this.tailed > 100_000 && this.tailed > this.packed.length) drain(this.sealSteps());
  }

  /**
   * Moves everything added into the packed lists, yielding every `budget` entries so a caller on
   * the main thread can let the event loop run. Nothing may be added until it is done.
   */
  *sealSteps(budget = 1 << 19): Generator<void, void> {
    const ids = this.count;
    const oldOffsets = this.offsets;
    const sizes = new Int32Array(ids);
    for (let id = 0; id + 1 < oldOffsets.length; id++)
      sizes[id] = oldOffsets[id + 1]! - oldOffsets[id]!;
    for (let i = 0; i < this.logged; i++) {
      sizes[this.log[i]!]! += 1;
      if ((i + 1) % budget === 0) yield;
    }
    for (let id = 0; id < ids; id++) sizes[id]! += this.tails[id]?.length ?? 0;
    const offsets = new Int32Array(ids + 1);
    for (let id = 0; id < ids; id++) offsets[id + 1] = offsets[id]! + sizes[id]!;
    const packed = new Int32Array(offsets[ids]!);
    const at = offsets.slice(0, ids);
    for (let id = 0; id + 1 < oldOffsets.length; id++) {
      packed.set(this.packed.subarray(oldOffsets[id]!, oldOffsets[id + 1]!), at[id]!);
      at[id]! += oldOffsets[id + 1]! - oldOffsets[id]!;
    }
    yield;
    // The log and the tails hold later documents than the packed part, in increasing order.
    const { runs, log, logged } = this;
    for (let r = 0; r < runs.length; r += 2) {
      const doc = runs[r]!;
      const end = r + 3 < runs.length ? runs[r + 3]! : logged;
      for (let i = runs[r + 1]!; i < end; i++) packed[at[log[i]!]!++] = doc;
      if (r % 8192 === 0) yield;
    }
    for (let id = 0; id < ids; id++) {
      const tail = this.tails[id];
      if (tail) packed.set(tail, at[id]!);
    }
    this.offsets = offsets;
    this.packed = packed;
    this.bulk = false;
    this.log = EMPTY;
    this.logged = 0;
    this.runs = [];
    this.tails = [];
    this.tailed = 0;
  }

  /** During a bulk build (rare): this id's documents, picked out of the log. */
  private fromLog(id: number): number[] {
    const out: number[] = [];
    const { runs, log, logged } = this;
    for (let r = 0; r < runs.length; r += 2) {
      const end = r + 3 < runs.length ? runs[r + 3]! : logged;
      for (let i = runs[r + 1]!; i < end; i++) if (log[i] === id) out.push(runs[r]!);
    }
    return out;
  }

  private slotOf(key: number): number {
    const mask = (1 << this.bits) - 1;
    let slot = Math.imul(key, 0x9e3779b1) >>> (32 - this.bits);
    while (this.slots[slot] !== 0 && this.keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const { keys, slots, lastDoc } = this;
    this.bits++;
    this.keys = new Int32Array(1 << this.bits);
    this.slots = new Int32Array(1 << this.bits);
    this.lastDoc = new Int32Array(1 << (this.bits - 1)).fill(-1);
    this.lastDoc.set(lastDoc);
    for (let i = 0; i < slots.length; i++) {
      if (slots[i] === 0) continue;
      const slot = this.slotOf(keys[i]!);
      this.keys[slot] = keys[i]!;
      this.slots[slot] = slots[i]!;
    }
  }
}

/** Documents in every list (shortest first, so the work follows the rarest gram). */
function intersectAll(lists: ArrayLike<number>[]): ArrayLike<number> {
  lists.sort((a, b) => a.length - b.length);
  let result = lists[0]!;
  for (let i = 1; i < lists.length && result.length > 0; i++) result = intersect(result, lists[i]!);
  return result;
}

function intersect(small: ArrayLike<number>, large: ArrayLike<number>): Int32Array {
  const out = new Int32Array(small.length);
  let n = 0;
  if (small.length * 16 < large.length) {
    // Galloping: each element of the short list is looked for in the rest of the long one.
    let lo = 0;
    for (let i = 0; i < small.length; i++) {
      const x = small[i]!;
      let step = 1;
      let hi = lo;
      while (hi < large.length && large[hi]! < x) {
        lo = hi + 1;
        hi += step;
        step *= 2;
      }
      if (hi > large.length) hi = large.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (large[mid]! < x) lo = mid + 1;
        else hi = mid;
      }
      if (lo < large.length && large[lo] === x) out[n++] = x;
    }
  } else {
    let j = 0;
    for (let i = 0; i < small.length && j < large.length; i++) {
      const x = small[i]!;
      while (j < large.length && large[j]! < x) j++;
      if (large[j] === x) out[n++] = x;
    }
  }
  return out.subarray(0, n);
}

function union(a: ArrayLike<number>, b: ArrayLike<number>): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x < y) {
      out[n++] = x;
      i++;
    } else if (y < x) {
      out[n++] = y;
      j++;
    } else {
      out[n++] = x;
      i++;
      j++;
    }
  }
  while (i < a.length) out[n++] = a[i++]!;
  while (j < b.length) out[n++] = b[j++]!;
  return out.subarray(0, n);
}
