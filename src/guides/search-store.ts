// The search index `coach search` reads: built once (the bundled guides' at build
// time, a library's when one of its files changes) and stored as one file, so a
// search reads that file and scores only the postings of the words asked for,
// whatever the size of the library (issue 14: rebuilding a MiniSearch index from
// every guide on every run took 1.75 s at 235 guides, 12 s of CPU at 2,000).
//
// The scoring is MiniSearch's, the library this replaces at run time (BM25+ with
// k 1.2, b 0.7, d 0.5; titles weigh 3; a prefix of 3 letters or more matches longer
// words at 0.375, a typo in a word of 5 letters or more at 0.45; a hit's score times
// the number of query words it has), so ranking is the same; tests/search-store.test.ts
// holds the two side by side. Bytes in, bytes or hits out; a stored index is read
// from its file by byte range.
//
// Parts: each guide's documents and word counts, computed once per guide and kept
// with its cache entry, so a library's index is a merge of parts, never a re-read of
// every guide.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** One searchable item: what a hit shows, and the command that opens it. */
export interface SearchDoc {
  kind: string;
  title: string;
  guide: string;
  open: string;
}

/** A guide's share of the index. */
export interface SearchPart {
  docs: SearchDoc[];
  /** Per doc: distinct tokens in the title, then in the text (MiniSearch's field length). */
  lengths: number[];
  /** Per word: flat triples of doc (in this part), field (0 title, 1 text), count. */
  words: Record<string, number[]>;
}

// MiniSearch's tokenizer, and the term filter: words too common to tell items apart,
// and single letters ("A/B" is read as a, b), are dropped from items and queries alike.
const SPLIT = /[\n\r\p{Z}\p{P}]+/u;
const STOP = new Set(['a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'how', 'in', 'is', 'it', 'of', 'on', 'or', 'the', 'to', 'vs', 'versus', 'what', 'when', 'with', 'you', 'your']);
export function searchTerm(token: string): string | null {
  const t = token.toLowerCase();
  return STOP.has(t) || /^[a-z]$/.test(t) ? null : t;
}
const term = searchTerm;

/** The part of a set of items (title and text each). */
export function partOf(items: (SearchDoc & { text: string })[]): SearchPart {
  const part: SearchPart = { docs: [], lengths: [], words: Object.create(null) as Record<string, number[]> };
  items.forEach((item, d) => {
    part.docs.push({ kind: item.kind, title: item.title, guide: item.guide, open: item.open });
    [item.title, item.text].forEach((value, field) => {
      const tokens = value.split(SPLIT);
      part.lengths.push(new Set(tokens).size);
      const counts = new Map<string, number>();
      for (const token of tokens) {
        const t = term(token);
        if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
      }
      for (const [t, n] of counts) (part.words[t] ??= []).push(d, field, n);
    });
  });
  return part;
}

// ---- the stored index ----------------------------------------------------------------
//
// Line 1: JSON {version, key, docs, average, words (sorted), sections (byte offsets)}.
// Then, in binary: the field lengths (Uint32, two per doc), each word's first posting
// (Uint32, one more than words), the postings (Uint32: doc << 11 | field << 10 | count)
// and each doc's byte range, then the docs as JSON lines, read only for the hits shown.

const VERSION = 1;
const MAX_COUNT = 1023;

interface Header {
  version: number;
  key: string;
  docs: number;
  average: [number, number];
  words: string[];
  at: { lengths: number; starts: number; postings: number; docAt: number; docText: number };
}

/** Merges parts into one index file; `key` says which library it is (the caller checks it). */
export function buildIndex(parts: SearchPart[], key: string): Buffer {
  const postingsOf = new Map<string, number[]>();
  const lengths: number[] = [];
  const docLines: Buffer[] = [];
  let base = 0;
  for (const part of parts) {
    for (const [w, flat] of Object.entries(part.words)) {
      let list = postingsOf.get(w);
      if (!list) postingsOf.set(w, (list = []));
      for (let i = 0; i < flat.length; i += 3) list.push(((base + flat[i]!) << 11) | (flat[i + 1]! << 10) | Math.min(MAX_COUNT, flat[i + 2]!));
    }
    for (const l of part.lengths) lengths.push(l);
    for (const doc of part.docs) docLines.push(Buffer.from(`${JSON.stringify([doc.kind, doc.title, doc.guide, doc.open])}\n`));
    base += part.docs.length;
  }
  const words = [...postingsOf.keys()].sort();
  const starts = new Uint32Array(words.length + 1);
  let total = 0;
  words.forEach((w, i) => {
    starts[i] = total;
    total += postingsOf.get(w)!.length;
  });
  starts[words.length] = total;
  const postings = new Uint32Array(total);
  words.forEach((w, i) => {
    postings.set(postingsOf.get(w)!, starts[i]!);
  });
  const docAt = new Uint32Array(base + 1);
  let at = 0;
  docLines.forEach((line, i) => {
    docAt[i] = at;
    at += line.length;
  });
  docAt[base] = at;
  const sum = (field: number): number => lengths.reduce((s, l, i) => (i % 2 === field ? s + l : s), 0);
  const average: [number, number] = base > 0 ? [sum(0) / base, sum(1) / base] : [0, 0];
  const binary = [Buffer.from(Uint32Array.from(lengths).buffer), Buffer.from(starts.buffer), Buffer.from(postings.buffer), Buffer.from(docAt.buffer)];
  const offsets = [0];
  for (const b of binary) offsets.push(offsets[offsets.length - 1]! + b.length);
  const header = (shift: number): string =>
    JSON.stringify({
      version: VERSION,
      key,
      docs: base,
      average,
      words,
      at: { lengths: shift + offsets[0]!, starts: shift + offsets[1]!, postings: shift + offsets[2]!, docAt: shift + offsets[3]!, docText: shift + offsets[4]! },
    } satisfies Header);
  // The binary sections start on a multiple of 4 after the header line, padded with spaces.
  let line = Buffer.from(`${header(0)}\n`);
  const shift = Math.ceil((line.length + 16) / 4) * 4;
  line = Buffer.from(header(shift));
  const head = Buffer.alloc(shift, 0x20);
  line.copy(head);
  head[shift - 1] = 0x0a;
  return Buffer.concat([head, ...binary, ...docLines]);
}

/** A stored index, opened: the key it was built for and a search over it. */
export interface StoredIndex {
  key: string;
  docs: number;
  search(query: string, options?: { limit?: number; kind?: string }): { hits: { doc: SearchDoc; score: number }[]; every: boolean };
}

/** Reads a byte range of an index: from a buffer, or from the file itself. */
export type ReadRange = (from: number, to: number) => Buffer;

/** Opens an index held in memory; undefined when it is not an index of this version. */
export function openIndex(bytes: Buffer): StoredIndex | undefined {
  return openRanges((from, to) => bytes.subarray(from, Math.min(to, bytes.length)), bytes.length);
}

/**
 * Opens an index file, reading only what a search needs: the header, the field
 * lengths and word offsets, then the postings of the words asked for and the lines
 * of the hits shown (a library of 2,000 guides makes a 20 MB index, a search reads
 * well under a tenth of it). Undefined when it is missing or not an index of this version.
 */
export function openIndexFile(path: string): StoredIndex | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const size = fstatSync(fd).size;
    const read: ReadRange = (from, to) => {
      const buffer = Buffer.allocUnsafe(Math.max(0, Math.min(to, size) - from));
      let done = 0;
      while (done < buffer.length) {
        const n = readSync(fd, buffer, done, buffer.length - done, from + done);
        if (n === 0) break;
        done += n;
      }
      return buffer.subarray(0, done);
    };
    // The file stays open while the index is in use, so a coach that replaces it
    // meanwhile (a rename) cannot mix two indexes; it closes when coach exits.
    const index = openRanges(read, size);
    if (!index) closeSync(fd);
    return index;
  } catch {
    closeSync(fd);
    return undefined;
  }
}

function openRanges(read: ReadRange, size: number): StoredIndex | undefined {
  let header: Header;
  try {
    // The header line: read in growing steps until its end.
    let head = read(0, 65536);
    let end = head.indexOf(10);
    while (end < 0 && head.length < size) {
      head = read(0, head.length * 4);
      end = head.indexOf(10);
    }
    header = JSON.parse(head.toString('utf8', 0, end)) as Header;
    if (header.version !== VERSION || !Array.isArray(header.words) || typeof header.docs !== 'number' || header.at.docText > size) throw new Error('not an index');
  } catch {
    return undefined;
  }
  const view = (from: number, to: number): Uint32Array => {
    const slice = read(from, to);
    // Copied once when the bytes are not aligned for a view.
    return slice.byteOffset % 4 === 0 ? new Uint32Array(slice.buffer, slice.byteOffset, slice.length / 4) : new Uint32Array(Uint8Array.from(slice).buffer);
  };
  const { at, words, docs: count, average: averages } = header;
  const lengths = view(at.lengths, at.starts);
  const starts = view(at.starts, at.postings);
  const postingsOf = (w: number): Uint32Array => view(at.postings + starts[w]! * 4, at.postings + starts[w + 1]! * 4);
  const doc = (d: number): SearchDoc => {
    const [from, to] = view(at.docAt + d * 4, at.docAt + d * 4 + 8);
    const [kind, title, guide, open] = JSON.parse(read(at.docText + from!, at.docText + to!).toString('utf8')) as string[];
    return { kind: kind!, title: title!, guide: guide!, open: open! };
  };
  const kindOf = new Map<number, string>();
  const kind = (d: number): string => {
    let k = kindOf.get(d);
    if (k === undefined) kindOf.set(d, (k = doc(d).kind));
    return k;
  };

  /** One query word's scores: by doc, and the docs in the order they were first scored. */
  interface Scores {
    score: Float64Array;
    order: number[];
  }
  /** Adds one derived word's postings to a query word's scores. */
  const add = (scores: Scores, w: number, weight: number): void => {
    const postings = postingsOf(w);
    const from = 0;
    const to = postings.length;
    // How many docs have the word in each field: MiniSearch's "matching count".
    const matching = [0, 0];
    for (let i = from; i < to; i++) matching[(postings[i]! >>> 10) & 1]!++;
    // Titles first, then texts, as MiniSearch adds them.
    for (const field of [0, 1]) {
      const boost = field === 0 ? 3 : 1;
      const idf = Math.log(1 + (count - matching[field]! + 0.5) / (matching[field]! + 0.5));
      const average = averages[field]!;
      for (let i = from; i < to; i++) {
        const p = postings[i]!;
        if (((p >>> 10) & 1) !== field) continue;
        const d = p >>> 11;
        const tf = p & MAX_COUNT;
        const length = lengths[d * 2 + field]!;
        const raw = idf * (0.5 + (tf * 2.2) / (tf + 1.2 * (1 - 0.7 + (0.7 * length) / average)));
        // Every score is above 0 (BM25+), so 0 means "not scored yet".
        if (scores.score[d] === 0) scores.order.push(d);
        scores.score[d] = scores.score[d]! + weight * boost * raw;
      }
    }
  };
  const find = (w: string): number => {
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (words[mid]! < w) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const one = (q: string): Scores => {
    const scores: Scores = { score: new Float64Array(count), order: [] };
    const exact = find(q);
    if (words[exact] === q) add(scores, exact, 1);
    const prefixed = new Set<number>();
    if (q.length >= 3) {
      for (let w = words[exact] === q ? exact + 1 : exact; w < words.length && words[w]!.startsWith(q); w++) {
        prefixed.add(w);
        const t = words[w]!;
        add(scores, w, (0.375 * t.length) / (t.length + 0.3 * (t.length - q.length)));
      }
    }
    if (q.length >= 5) {
      const max = Math.min(6, Math.round(q.length * 0.2));
      for (let w = 0; w < words.length; w++) {
        if ((w === exact && words[w] === q) || prefixed.has(w)) continue;
        const t = words[w]!;
        if (Math.abs(t.length - q.length) > max) continue;
        const distance = levenshtein(q, t, max);
        if (distance > 0 && distance <= max) add(scores, w, (0.45 * t.length) / (t.length + distance));
      }
    }
    return scores;
  };
  return {
    key: header.key,
    docs: count,
    search(query, options = {}) {
      const asked = query.split(SPLIT).flatMap((t) => term(t) ?? []);
      const scores = asked.map(one);
      const distinct = [...new Set(asked)];
      // A hit's score is the sum over the query words, times how many of the (distinct)
      // words it has, as MiniSearch scores it.
      const byWord = distinct.map((w) => scores.filter((_, i) => asked[i] === w));
      const total = (d: number): number => {
        let sum = 0;
        for (const s of scores) sum += s.score[d]!;
        let has = 0;
        for (const list of byWord) if (list.some((s) => s.score[d]! > 0)) has++;
        return sum * (has || 1);
      };
      const rank = (docs: number[]): { d: number; score: number }[] =>
        docs
          .filter((d) => !options.kind || kind(d) === options.kind)
          .map((d) => ({ d, score: total(d) }))
          .sort((a, b) => b.score - a.score);
      // Every word: the docs of the last word that the others have too (MiniSearch's order, for ties).
      const last = scores[scores.length - 1];
      let ranked = last ? rank(last.order.filter((d) => scores.every((s) => s.score[d]! > 0))) : [];
      const every = ranked.length > 0;
      if (!every) {
        const seen = new Set<number>();
        const any: number[] = [];
        for (const s of scores) {
          for (const d of s.order) {
            if (seen.has(d)) continue;
            seen.add(d);
            any.push(d);
          }
        }
        ranked = rank(any);
      }
      const best = ranked[0]?.score ?? 1;
      return { hits: ranked.slice(0, options.limit ?? 15).map((r) => ({ doc: doc(r.d), score: r.score / best })), every };
    },
  };
}

// Two rows of the distance table, reused from one word to the next.
let rows = [new Int32Array(64), new Int32Array(64)];

/** Levenshtein distance, or more than `max` as soon as it cannot be `max` or less. */
function levenshtein(a: string, b: string, max: number): number {
  if (rows[0]!.length <= b.length) rows = [new Int32Array(b.length + 1), new Int32Array(b.length + 1)];
  let [prev, row] = rows as [Int32Array, Int32Array];
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let low = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
      row[j] = v;
      if (v < low) low = v;
    }
    if (low > max) return max + 1;
    [prev, row] = [row, prev];
  }
  return prev[b.length]!;
}
