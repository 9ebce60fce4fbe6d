// The summary index of the user's guides: one file, read on every run of `coach card`,
// `coach list`, `coach guide` and `coach trap` (issue 14: with 2,000 guides the work
// per guide, not the bytes, was the cost). Lines of JSON, then the rows of every card:
//
//   0. the version, where each other line ends, and the CRC-32 of each;
//   1. the guide files, in the order the folder walk found them;
//   2. their sizes and times, side by side;
//   3. problems and scenarios by file, and each file's guide as id, title and where its
//      cards' rows are (start, length, CRC);
//   4. each guide's counts (and its path where that is not the file's name), a list
//      item per file: what `coach list guides` shows;
//   5. the id and title of each guide's cards: what `coach card X` matches first;
//   6. the rest of each guide's cards (a card's rows as a byte range of the guide's rows);
//   7. the names of each guide's parts;
//   8. the rest of each guide's summary: tags, system, decks;
//   9. the length of each item of lines 4-8.
//
// A run reads lines 0-3. When it finds the same files with the same sizes and times,
// it compares lines 1 and 2 as bytes with its own and parses only line 3: no entry is
// looked at one by one. Lines 4-9 and the rows are read and parsed when a command first
// asks for what they hold: `coach list guides` reads line 4; `coach card latency` line
// 5, and line 6 only past an exact name or the start of one; `coach guide X` none of
// them. When files change, the index is written again from the items of unchanged
// guides as they are (line 9 says where each one is) and the changed guides' new
// items: nothing else is parsed.
//
// Each part is checked against its CRC as it is read; what checks is as coach wrote it
// and is used unchecked. Lines 1-3 that do not check, or offsets that do not fit the
// file (an edit, a bad copy): the file is read whole and checked entry by entry, and an
// entry of the wrong shape is parsed again from its guide (issue 13). A part read later
// that does not check cannot be taken back from what the command already showed: it
// is said once (DamagedIndex), the file removed, and the next run rebuilds it.
import { closeSync, fstatSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { FailureError } from '../errors.js';
import type { Problem, Scenario } from './model.js';
import type { CardSummary, GuideSummary } from './library.js';
import type * as Shape from './shape.js';

export interface Stamp {
  size: number;
  mtimeMs: number;
}

export interface IndexEntry extends Stamp {
  summary?: GuideSummary;
  scenario?: Scenario;
  problems: Problem[];
}

/** A card on line 6: all but its id and title (line 5), its rows as a byte range of the guide's. */
type StoredCard = Omit<CardSummary, 'id' | 'title' | 'blocks'> & { blocks: [number, number] };
/** A card on line 5: its id and title. */
type CardName = [string, string];
/**
 * Line 4: what `coach list guides` shows of a guide besides its id and title, short
 * (about 12 bytes a guide): its counts of traps, trade-offs, cards and questions; then
 * its path when that is not the file's name (a name with control characters is shown
 * cleaned), and 1 when it is a bundled guide.
 */
type Place = [number, number, number, number, (string | 0)?, 1?];
type Placed = Pick<GuideSummary, 'path' | 'bundled' | 'counts'>;

function placeOf(s: Placed, file: string): Place {
  const { traps, tradeoffs, cards, questions } = s.counts;
  const place: Place = [traps, tradeoffs, cards, questions];
  if (s.path !== file || s.bundled) place.push(s.path === file ? 0 : s.path);
  if (s.bundled) place.push(1);
  return place;
}

function placed(place: Place, file: string): Placed {
  const [traps, tradeoffs, cards, questions, path, bundled] = place;
  return { path: path || file, bundled: bundled === 1, counts: { traps, tradeoffs, cards, questions } };
}

const isPlace = (p: unknown): p is Place =>
  Array.isArray(p) &&
  p.length >= 4 &&
  p.length <= 6 &&
  p.slice(0, 4).every((n) => typeof n === 'number') &&
  (p[4] === undefined || p[4] === 0 || typeof p[4] === 'string') &&
  (p[5] === undefined || p[5] === 1);
/** Line 8: the rest of a guide's summary. */
type Labels = Pick<GuideSummary, 'tags' | 'system' | 'decks'>;
/** The lines that hold an item per file. */
const ITEM_LINES = [4, 5, 6, 7, 8] as const;
type ItemLine = (typeof ITEM_LINES)[number];
/** The line of the item lengths. */
const LENGTHS = 9;
/** A guide's id, title, and the start, length and CRC of its cards' rows. */
type Head = [string, string, number, number, number];

interface Line3 {
  problems: Record<string, Problem[]>;
  scenarios: Record<string, Scenario>;
  heads: (Head | 0)[];
}

const LINES = 10;

/**
 * zlib's CRC-32 (continued from `value`, for data in pieces), with node:zlib loaded on
 * first use: a command on the bundled guides alone never checks a cache file, and
 * loading zlib cost it about 2 ms.
 */
export function crc32(data: Buffer | string, value = 0): number {
  return process.getBuiltinModule('node:zlib').crc32(data, value);
}

/** The index file is damaged where a command read it: said once, and the file is removed so that the next run rebuilds it. */
export class DamagedIndex extends FailureError {
  constructor(path: string) {
    super(`the guide cache ${path} is damaged`, 'it has been removed and is rebuilt on the next run; run the command again');
  }
}

/**
 * An index file as read: its lines read and parsed on first use, each checked against
 * its CRC when read. A command reads the lines it needs (`coach card` with 2,000
 * guides reads about 600 KB of a 3.6 MB file); the file stays open, so what it reads
 * later is the same file even if another coach replaces it meanwhile.
 */
class Stored {
  private texts: (Buffer | undefined)[] = [];
  private parsed: unknown[] = [];
  constructor(
    private readonly path: string,
    private readonly fd: number,
    /** Where line 1 starts in the file; `ends` are relative to it. */
    private readonly base: number,
    /** The end (the newline) of lines 1-7, then the end of the rows. */
    readonly ends: number[],
    /** The CRC of each of lines 1-7 (without its newline). */
    private readonly crcs: number[],
    /** Checked against the CRCs (an index that does not check is read without). */
    private readonly verify: boolean,
  ) {
    closeWhenDone.register(this, fd);
  }
  private start(n: number): number {
    return n === 1 ? 0 : this.ends[n - 2]! + 1;
  }
  private read(from: number, to: number): Buffer {
    const buf = Buffer.allocUnsafe(to - from);
    let got = 0;
    while (got < buf.length) {
      const n = readSync(this.fd, buf, got, buf.length - got, this.base + from + got);
      if (n === 0) break;
      got += n;
    }
    return got === buf.length ? buf : buf.subarray(0, got);
  }
  /** Lines 1 to n at once, in one read: what every run needs. False when one does not check. */
  preload(n: number): boolean {
    const all = this.read(0, this.ends[n - 1]!);
    for (let k = 1; k <= n; k++) {
      const text = all.subarray(this.start(k), this.ends[k - 1]);
      if (!this.checks(k, text)) return false;
      this.texts[k] = text;
    }
    return true;
  }
  private checks(n: number, text: Buffer): boolean {
    return !this.verify || (text.length === this.ends[n - 1]! - this.start(n) && crc32(text) === this.crcs[n - 1]);
  }
  /** A line read after the first ones that does not check: nothing it holds can be trusted, nor shown. */
  damaged(): never {
    rmSync(this.path, { force: true });
    throw new DamagedIndex(this.path);
  }
  /** Line n (1-7), without its newline. */
  text(n: number): Buffer {
    let text = this.texts[n];
    if (!text) {
      text = this.read(this.start(n), this.ends[n - 1]!);
      if (!this.checks(n, text)) this.damaged();
      this.texts[n] = text;
    }
    return text;
  }
  line<T>(n: number): T {
    return (this.parsed[n] ??= JSON.parse(this.text(n).toString('utf8'))) as T;
  }
  /** Bytes of the rows, from..to within them. */
  rows(from: number, to: number): Buffer {
    const start = this.ends[LINES - 2]! + 1;
    return this.read(start + from, start + to);
  }
  /** All the rows, read once: for writing the index again. */
  allRows(): Buffer {
    return (this.everyRow ??= this.rows(0, this.ends[LINES - 1]! - this.ends[LINES - 2]! - 1));
  }
  private everyRow?: Buffer;
  /** Where items from..to (inclusive) of line 4-8 are in that line's text, with the commas between them: [start, end). */
  itemsAt(n: ItemLine, from: number, to: number): [number, number] {
    this.starts ??= this.itemStarts();
    const starts = this.starts[n - 4]!;
    return [starts[from]!, starts[to]! + this.line<number[][]>(LENGTHS)[n - 4]![to]!];
  }
  /** The lengths of items from..to (inclusive) of line 4-8. */
  itemLengths(n: ItemLine, from: number, to: number): number[] {
    return this.line<number[][]>(LENGTHS)[n - 4]!.slice(from, to + 1);
  }
  private starts?: number[][];
  private itemStarts(): number[][] {
    return this.line<number[][]>(LENGTHS).map((lengths) => {
      let at = 1; // after the '['
      return lengths.map((length) => {
        const start = at;
        at += length + 1; // and the ','
        return start;
      });
    });
  }
}

// The file of an index read is closed when nothing holds the index any more (or when coach ends).
const closeWhenDone = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    /* closed already */
  }
});

/** A card read from the index: its rows are decoded when it is drawn. */
class StoredCardSummary {
  declare id: string;
  declare title: string;
  declare tags: string[];
  declare line: number;
  declare subtitle?: string;
  readonly #at: [number, number];
  readonly #rows: () => Buffer;
  constructor([id, title]: CardName, card: StoredCard, rows: () => Buffer) {
    this.id = id;
    this.title = title;
    if (card.subtitle !== undefined) this.subtitle = card.subtitle;
    this.tags = card.tags;
    this.line = card.line;
    this.#at = card.blocks;
    this.#rows = rows;
  }
  get blocks(): string {
    return this.#rows().toString('utf8', this.#at[0], this.#at[1]);
  }
  toJSON(): CardSummary {
    return plainCard(this as unknown as CardSummary);
  }
}

const plainCard = (c: CardSummary): CardSummary => ({ id: c.id, title: c.title, ...(c.subtitle !== undefined ? { subtitle: c.subtitle } : {}), tags: c.tags, line: c.line, blocks: c.blocks });

/**
 * A guide's summary read from the index: its id and title at once, the rest from the
 * index's other lines when first asked for. The lazy fields are on the prototype: never
 * spread one (`toJSON` gives a plain copy).
 */
export class StoredSummary implements GuideSummary {
  #names?: GuideSummary['names'];
  #cards?: CardSummary[];
  #rows?: Buffer;
  readonly #index: Stored;
  readonly #i: number;
  readonly #head: Head;
  readonly #file: string;
  constructor(
    public id: string,
    public title: string,
    index: Stored,
    i: number,
    head: Head,
    file: string,
  ) {
    this.#index = index;
    this.#i = i;
    this.#head = head;
    this.#file = file;
  }
  /** The rows of this guide's cards, read and checked when a card is first drawn. */
  #ownRows(): Buffer {
    if (!this.#rows) {
      const [, , at, length, crc] = this.#head;
      const rows = this.#index.rows(at, at + length);
      if (rows.length !== length || crc32(rows) !== crc) this.#index.damaged();
      this.#rows = rows;
    }
    return this.#rows;
  }
  /** The index it was read from, and its place there. */
  source(): [Stored, number] {
    return [this.#index, this.#i];
  }
  get #place(): Placed {
    return (this.#placeRead ??= placed(this.#index.line<Place[]>(4)[this.#i]!, this.#file));
  }
  #placeRead?: Placed;
  get #labels(): Labels {
    return (this.#labelsRead ??= this.#index.line<Labels[]>(8)[this.#i]!);
  }
  #labelsRead?: Labels;
  get system(): string | undefined {
    return this.#labels.system;
  }
  get tags(): string[] {
    return this.#labels.tags;
  }
  get path(): string {
    return this.#place.path;
  }
  get bundled(): boolean {
    return this.#place.bundled;
  }
  get counts(): GuideSummary['counts'] {
    return this.#place.counts;
  }
  get decks(): GuideSummary['decks'] {
    return this.#labels.decks;
  }
  get cards(): CardSummary[] {
    if (!this.#cards) {
      const names = this.cardNames();
      this.#cards = (this.#index.line<StoredCard[][]>(6)[this.#i] ?? []).map((c, k) => new StoredCardSummary(names[k]!, c, () => this.#ownRows()) as unknown as CardSummary);
    }
    return this.#cards;
  }
  /** The id and title of each card, without the rest. */
  cardNames(): CardName[] {
    return this.#index.line<CardName[][]>(5)[this.#i] ?? [];
  }
  get names(): GuideSummary['names'] {
    return (this.#names ??= this.#index.line<GuideSummary['names'][]>(7)[this.#i]!);
  }
  toJSON(): GuideSummary {
    const { system, decks, ...rest } = { ...this.#place, ...this.#labels };
    return { id: this.id, title: this.title, ...rest, ...(system !== undefined ? { system } : {}), ...(decks ? { decks } : {}), cards: this.cards.map(plainCard), names: this.names };
  }
}

/** The id and title of each of a guide's cards: for a summary read from the index, line 5 alone. */
export function cardNames(g: GuideSummary): CardName[] {
  return g instanceof StoredSummary ? g.cardNames() : g.cards.map((c) => [c.id, c.title]);
}

/** What a run finds on disk: the files, and the size and time of each side by side (0, 0 for one gone). */
export interface Found {
  files: string[];
  stamps: number[];
}

export interface ReadIndex {
  /** The stored entries by file. */
  entries: Map<string, IndexEntry>;
  /** The stored files and their sizes and times are exactly the ones found: every entry is fresh. */
  same: boolean;
}

export const EMPTY: ReadIndex = { entries: new Map(), same: false };

/**
 * An entry as read from an index written by coach, which knows where it came from: its
 * items are copied as bytes when the index is written again. (A field of its own, not
 * a WeakMap: thousands of entries in a large library, and every one of them alive.)
 */
class StoredEntry implements IndexEntry {
  summary?: GuideSummary;
  scenario?: Scenario;
  readonly #index: Stored;
  readonly #i: number;
  constructor(
    public size: number,
    public mtimeMs: number,
    public problems: Problem[],
    index: Stored,
    i: number,
  ) {
    this.#index = index;
    this.#i = i;
  }
  get from(): [Stored, number] {
    return [this.#index, this.#i];
  }
}

const origin = (entry: IndexEntry): [Stored, number] | undefined => (entry instanceof StoredEntry ? entry.from : undefined);

/** The problems of an entry that has none: one list, never added to. */
const NO_PROBLEMS: Problem[] = Object.freeze([]) as unknown as Problem[];

/** The index file at `path`, compared with what the walk found. Missing or unreadable: empty. */
export function readIndex(path: string, version: string, shape: typeof Shape, found?: Found): ReadIndex {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    // Line 0 (the version, where the other lines end and their CRCs) is short.
    const first = Buffer.allocUnsafe(4096);
    const got = readSync(fd, first, 0, first.length, 0);
    const nl = first.subarray(0, got).indexOf(10);
    if (nl < 0) return closed(fd, EMPTY);
    const top = JSON.parse(first.toString('utf8', 0, nl)) as { version?: unknown; ends?: unknown; crcs?: unknown };
    if (top.version !== version) return closed(fd, EMPTY);
    const ends = top.ends as number[];
    const crcs = top.crcs as number[];
    const size = fstatSync(fd).size - (nl + 1);
    const sane =
      Array.isArray(ends) &&
      ends.length === LINES &&
      ends.every((e, k) => Number.isInteger(e) && e >= (k === 0 ? 0 : ends[k - 1]!)) &&
      ends[LINES - 1] === size &&
      Array.isArray(crcs) &&
      crcs.length === LINES - 1;
    // Not as coach wrote it (an edit, a bad copy): its lines found by their newlines,
    // read unchecked, and each entry checked.
    const unchecked = (): ReadIndex => {
      const bytes = readFileSync(path);
      const lineEnds: number[] = [];
      for (let at = nl, n = 1; n < LINES; n++) {
        at = bytes.indexOf(10, at + 1);
        if (at < 0) return EMPTY; // cut short
        lineEnds.push(at - (nl + 1));
      }
      lineEnds.push(bytes.length - (nl + 1));
      return { entries: checked(new Stored(path, openSync(path, 'r'), nl + 1, lineEnds, [], false), shape), same: false };
    };
    if (!sane) return closed(fd, unchecked());
    const index = new Stored(path, fd, nl + 1, ends, crcs, true);
    fd = undefined; // the index's now, closed when it is done with
    if (!index.preload(3)) return unchecked();
    const same = Boolean(found) && index.text(1).equals(Buffer.from(JSON.stringify(found!.files))) && index.text(2).equals(Buffer.from(JSON.stringify(found!.stamps)));
    // When they are the same, the files are the walk's: no need to parse them again.
    const files = same ? found!.files : index.line<string[]>(1);
    const stamps = same ? found!.stamps : index.line<number[]>(2);
    const { problems, scenarios, heads } = index.line<Line3>(3);
    const entries = new Map<string, IndexEntry>();
    for (let i = 0; i < files.length; i++) {
      const entry = new StoredEntry(stamps[2 * i]!, stamps[2 * i + 1]!, problems[i] ?? NO_PROBLEMS, index, i);
      const h = heads[i];
      if (h) entry.summary = new StoredSummary(h[0], h[1], index, i, h, files[i]!);
      const scenario = scenarios[i];
      if (scenario) entry.scenario = scenario;
      entries.set(files[i]!, entry);
    }
    return { entries, same };
  } catch {
    if (fd !== undefined) closed(fd, EMPTY);
    return EMPTY; // missing or corrupt: rebuilt
  }
}

function closed<T>(fd: number, value: T): T {
  try {
    closeSync(fd);
  } catch {
    /* closed already */
  }
  return value;
}

/**
 * An index that is not as coach wrote it: every line parsed, every entry checked, and
 * an entry of the wrong shape left out (its guide is parsed again). Lines that are not
 * even the lists they should be throw, and the whole index is rebuilt.
 */
function checked(index: Stored, shape: typeof Shape): Map<string, IndexEntry> {
  const files = index.line<string[]>(1);
  const stamps = index.line<number[]>(2);
  const { problems, scenarios, heads } = index.line<Line3>(3);
  const [places, cardNames, cards, names, labels] = [
    index.line<Place[]>(4),
    index.line<CardName[][]>(5),
    index.line<StoredCard[][]>(6),
    index.line<GuideSummary['names'][]>(7),
    index.line<Labels[]>(8),
  ];
  if (![files, stamps, heads, places, cardNames, cards, names, labels].every(Array.isArray) || typeof problems !== 'object' || typeof scenarios !== 'object') throw new Error('not an index');
  const entries = new Map<string, IndexEntry>();
  files.forEach((file, i) => {
    const h = heads[i];
    const place = places[i];
    const summary = h ? { ...(isPlace(place) && typeof file === 'string' ? placed(place, file) : {}), ...labels[i], id: h[0], title: h[1], cards: named(cardNames[i], cards[i]) } : undefined;
    const entry = { size: stamps[2 * i], mtimeMs: stamps[2 * i + 1], problems: problems[i] ?? [], summary, scenario: scenarios[i] ?? undefined };
    if (typeof file !== 'string' || !isIndexEntry(entry, shape)) return;
    if (entry.summary) {
      const n = names[i];
      const ok = n && typeof n === 'object' && [n.traps, n.tradeoffs, n.sections].every((l) => Array.isArray(l) && l.every((x) => typeof x === 'string'));
      entry.summary.names = ok ? n : { traps: [], tradeoffs: [], sections: [] };
      for (const card of entry.summary.cards as unknown as StoredCard[]) {
        const [from, to] = card.blocks;
        if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && from <= to && h && Number.isInteger(h[2]))) return;
        const text = index.rows(h[2] + from, h[2] + to).toString('utf8');
        JSON.parse(text); // rows that are not JSON: the entry is parsed again
        (card as unknown as CardSummary).blocks = text;
      }
    }
    entries.set(file, entry);
  });
  return entries;
}

/** A guide's cards from lines 5 and 6 as read unchecked: each with its id and title again (what is not a card fails the entry's check). */
function named(names: unknown, cards: unknown): unknown {
  if (!Array.isArray(names) || !Array.isArray(cards) || names.length !== cards.length) return undefined;
  return cards.map((card: unknown, k) => {
    const name: unknown = names[k];
    return Array.isArray(name) && card && typeof card === 'object' ? { ...card, id: name[0], title: name[1] } : undefined;
  });
}

function isIndexEntry(e: unknown, { isGuideSummary, isProblem, isScenario }: typeof Shape): e is IndexEntry {
  const entry = e as IndexEntry;
  return (
    Boolean(entry) &&
    typeof entry === 'object' &&
    typeof entry.size === 'number' &&
    typeof entry.mtimeMs === 'number' &&
    Array.isArray(entry.problems) &&
    entry.problems.every(isProblem) &&
    (entry.summary === undefined || isGuideSummary(entry.summary)) &&
    (entry.scenario === undefined || isScenario(entry.scenario))
  );
}

/**
 * Byte ranges to be written one after the other: a range that continues the one
 * before in the same buffer is merged with it, so that a run of unchanged guides is
 * copied in one piece however many there are (issue 14: one changed guide among
 * 1,000 used to rewrite the index item by item).
 */
class Pieces {
  readonly list: [Buffer, number, number][] = [];
  length = 0;
  add(buf: Buffer, start = 0, end = buf.length): void {
    const last = this.list[this.list.length - 1];
    if (last && last[0] === buf && last[2] === start) last[2] = end;
    else this.list.push([buf, start, end]);
    this.length += end - start;
  }
  /** An item of a JSON list: after a comma unless it is the first (an item copied with the comma before it, when that comma is where the last piece ended). */
  item(first: boolean, buf: Buffer, start = 0, end = buf.length): void {
    if (!first) {
      const last = this.list[this.list.length - 1]!;
      if (last[0] === buf && last[2] + 1 === start && buf[last[2]] === 44) this.add(buf, last[2], last[2] + 1);
      else this.add(COMMA);
    }
    this.add(buf, start, end);
  }
  /** The pieces as buffers to write one after the other (views, not copies). */
  chunks(): Buffer[] {
    return this.list.map(([buf, start, end]) => buf.subarray(start, end));
  }
}

/** The CRC-32 of buffers one after the other, without joining them. */
function crcOf(chunks: Buffer[]): number {
  return chunks.reduce((value, chunk) => crc32(chunk, value), 0);
}

const COMMA = Buffer.from(',');
const OPEN = Buffer.from('[');
const CLOSE = Buffer.from(']\n');
const ZERO = Buffer.from('0');
const text = (value: unknown): Buffer => Buffer.from(`${JSON.stringify(value)}\n`);

/**
 * The index of these entries, in this order, as bytes. An entry read unchecked from an
 * index keeps its items as they were written (copied as bytes, a run of such entries
 * in one piece per line); only new entries are turned into JSON.
 */
export function encodeIndex(version: string, files: string[], entries: IndexEntry[]): Buffer {
  return Buffer.concat(indexChunks(version, files, entries));
}

/**
 * The index as buffers to be written one after the other: the unchanged guides' items
 * and rows are views of the index they were read from, not copies (issue 14: one
 * changed guide among 1,000 copied the 1.8 MB index three times, item by item).
 */
export function indexChunks(version: string, files: string[], entries: IndexEntry[]): Buffer[] {
  const line3: Line3 = { problems: {}, scenarios: {}, heads: [] };
  const stamps: number[] = [];
  const lines = ITEM_LINES.map(() => new Pieces());
  const lengths: number[][] = ITEM_LINES.map(() => []);
  const rows = new Pieces();
  let items = 0; // items written to each of lines 4-8
  // Entries copied as they were, from positions k0..k1 of one index: written as one piece per line.
  let run: { index: Stored; k0: number; k1: number } | undefined;
  const flush = (): void => {
    if (!run) return;
    const { index, k0, k1 } = run;
    ITEM_LINES.forEach((n, j) => {
      const [start, end] = index.itemsAt(n, k0, k1);
      lines[j]!.item(items === 0, index.text(n), start, end);
      for (const length of index.itemLengths(n, k0, k1)) lengths[j]!.push(length);
    });
    items += k1 - k0 + 1;
    run = undefined;
  };
  entries.forEach((entry, i) => {
    stamps.push(entry.size, entry.mtimeMs);
    if (entry.problems.length > 0) line3.problems[i] = entry.problems;
    if (entry.scenario) line3.scenarios[i] = entry.scenario;
    const s = entry.summary;
    const from = origin(entry);
    const head = from?.[0].line<Line3>(3).heads[from[1]];
    if (from && (s === undefined) === (head === 0) && (!s || (s instanceof StoredSummary && s.source()[0] === from[0] && s.source()[1] === from[1]))) {
      // As written before: its items, and the rows of its cards.
      const [index, k] = from;
      if (run && run.index === index && run.k1 + 1 === k) run.k1 = k;
      else {
        flush();
        run = { index, k0: k, k1: k };
      }
      if (!s || !head) {
        line3.heads.push(0);
        return;
      }
      line3.heads.push([s.id, s.title, rows.length, head[3], head[4]]);
      rows.add(index.allRows(), head[2], head[2] + head[3]);
      return;
    }
    flush();
    const first = items++ === 0;
    if (!s) {
      line3.heads.push(0);
      lines.forEach((l, j) => {
        l.item(first, ZERO);
        lengths[j]!.push(1);
      });
      return;
    }
    const cardRows: Buffer[] = [];
    let at = 0;
    const cards = s.cards.map((card): StoredCard => {
      const bytes = Buffer.from(card.blocks);
      cardRows.push(bytes);
      at += bytes.length;
      return { ...(card.subtitle !== undefined ? { subtitle: card.subtitle } : {}), tags: card.tags, line: card.line, blocks: [at - bytes.length, at] };
    });
    const cardNames = s.cards.map((card): CardName => [card.id, card.title]);
    const place = placeOf(s, files[i]!);
    const labels: Labels = { tags: s.tags, ...(s.system !== undefined ? { system: s.system } : {}), ...(s.decks ? { decks: s.decks } : {}) };
    [place, cardNames, cards, s.names, labels].forEach((value, j) => {
      const bytes = Buffer.from(JSON.stringify(value));
      lines[j]!.item(first, bytes);
      lengths[j]!.push(bytes.length);
    });
    const own = Buffer.concat(cardRows);
    line3.heads.push([s.id, s.title, rows.length, own.length, crc32(own)]);
    rows.add(own);
  });
  flush();
  // Line 0 says where each line ends (from the start of line 1) and the CRC of each (without its newline).
  const parts: Buffer[][] = [[text(files)], [text(stamps)], [text(line3)], ...lines.map((line) => [OPEN, ...line.chunks(), CLOSE]), [text(lengths)]];
  const ends: number[] = [];
  let at = 0;
  for (const part of parts) ends.push((at += part.reduce((n, b) => n + b.length, 0)) - 1);
  const rowChunks = rows.chunks();
  ends.push(at + rows.length);
  const crcs = parts.map((part) => {
    const last = part[part.length - 1]!;
    return crcOf([...part.slice(0, -1), last.subarray(0, last.length - 1)]);
  });
  return [text({ version, ends, crcs }), ...parts.flat(), ...rowChunks];
}
