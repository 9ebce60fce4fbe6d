// The library: bundled guides (from the index built at build time) plus the user's
// folders (parsed once, then cached by path, size and modification time).
//
// The cache has two levels so that the commands run before every interview stay
// quick with thousands of user guides: one summary index (ids, titles, tags, cards and
// counts; summary-index.ts) that `coach card`, `coach list`, `coach guide` and `coach
// trap` read, and one full entry per guide for everything else (a command that shows
// one guide reads that one). Both are rebuilt transparently, entry by entry, when
// stale or unreadable.
import { chmodSync, closeSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync, writevSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Card, Guide, Problem, Scenario } from './model.js';
import type { Parsed } from './parse.js';
import type { BundledIndex, BundledSummaries } from './build-index.js';
import { guideFiles } from './walk.js';
import type { DeckName } from '../practice/decks.js';
// The cache's shape checks (4 KB) are part of every bundle that reads the cache: loaded
// as a module of their own, they cost each run over a user's guides about 1 ms.
import * as Shape from './shape.js';
import { loadBundle } from './code-cache.js';
import { crc32, DamagedIndex, EMPTY, indexChunks, readIndex, type Found, type IndexEntry, type Stamp } from './summary-index.js';

/** What loading found wrong, and when. */
export interface LoadReport {
  /** Files skipped or fixed while loading, and folders that could not be read. */
  problems: Problem[];
  /** The first this many problems are the folders' (a missing --guides folder): worth saying every time. */
  walkProblems: number;
  /** Files parsed on this run (new or changed); 0 when everything came from the cache. */
  indexed: number;
}

export interface Library extends LoadReport {
  guides: Guide[];
  scenarios: Scenario[];
}

/**
 * A card in the summary index. Its rows stay one JSON string until the card is
 * shown: parsing hundreds of cards' rows into objects on every run, only to draw one,
 * was most of the garbage collection of `coach card` with a large library.
 */
export interface CardSummary extends Omit<Card, 'blocks'> {
  blocks: string;
}

export function cardOf(summary: CardSummary): Card {
  const { id, title, subtitle, tags, line } = summary;
  return { id, title, ...(subtitle !== undefined ? { subtitle } : {}), tags, blocks: JSON.parse(summary.blocks) as Card['blocks'], line };
}

/** What `coach card` and `coach list guides|cards` need of a guide. */
export interface GuideSummary {
  id: string;
  title: string;
  system?: string;
  tags: string[];
  path: string;
  bundled: boolean;
  cards: CardSummary[];
  counts: { traps: number; tradeoffs: number; cards: number; questions: number };
  /** Ids of the parts a command takes by name: shell completion looks them up here instead of parsing. */
  names: { traps: string[]; tradeoffs: string[]; sections: string[] };
  /**
   * The ids (in the guide) of its practice items per deck: in the bundled summaries,
   * computed at build time. User guides go without: working them out costs about
   * 2 ms a guide (reading key numbers), too much to add to a cold index.
   */
  decks?: Record<DeckName, string[]>;
}

export interface Summaries extends LoadReport {
  guides: GuideSummary[];
  scenarios: Scenario[];
  /**
   * The file of each user guide, by its id in the library. A guide's `path` is cleaned
   * for the terminal (issue 13), so it may not name the file; this does.
   */
  files: Map<string, { file: string; size: number; mtimeMs: number }>;
}

export interface LoadOptions {
  /** dist/guides.json; omitted in tests that load folders only. */
  bundledIndex?: string;
  /** User folders, in priority order (--guides first, then COACH_GUIDES). */
  dirs: string[];
  /** Where the user-guide cache lives; omitted: no cache. */
  cacheDir?: string;
  /** dist/index-worker.cjs: parses half of a large cold index on another core. */
  workerScript?: string;
  /** Called before parsing many uncached files; returns a function called when done. */
  onIndexing?: (count: number) => Promise<(() => void) | undefined>;
}

/** Computes a guide's practice items per deck; passed in by the build, so this module never loads the decks. */
export type DeckIds = (g: Guide) => Record<DeckName, string[]>;

export function summarize(g: Guide, deckIds?: DeckIds): GuideSummary {
  const s: GuideSummary = {
    id: g.id,
    title: g.title,
    tags: g.tags,
    path: g.path,
    bundled: g.bundled,
    cards: g.cards.map((c) => ({ ...c, blocks: JSON.stringify(c.blocks) })),
    counts: { traps: g.traps.length, tradeoffs: g.tradeoffs.length, cards: g.cards.length, questions: g.questions.length },
    names: { traps: g.traps.map((t) => t.id), tradeoffs: g.tradeoffs.map((t) => t.id), sections: g.sections.map((x) => x.heading).filter(Boolean) },
  };
  if (g.system) s.system = g.system;
  if (deckIds) s.decks = deckIds(g);
  return s;
}

/**
 * A parsed file as the cache takes it: a guide with its summary, and the guide
 * itself or, from the worker thread, its JSON text. The worker writes that text
 * while it still has the guide, so this thread neither receives a copy of the
 * object nor turns it into JSON again for the cache (about 80 ms of 250 guides).
 */
export type Indexed =
  | { kind: 'guide'; problems: Problem[]; summary: GuideSummary; guide: Guide }
  | { kind: 'guide'; problems: Problem[]; summary: GuideSummary; json: string }
  | Exclude<Parsed, { kind: 'guide' }>;

export function indexed(p: Parsed, asJson: boolean, deckIds?: DeckIds): Indexed {
  if (p.kind !== 'guide') return p;
  const summary = summarize(p.guide, deckIds);
  return asJson ? { kind: 'guide', problems: p.problems, summary, json: JSON.stringify(p.guide) } : { kind: 'guide', problems: p.problems, summary, guide: p.guide };
}

export async function loadLibrary(options: LoadOptions): Promise<Library> {
  return load(options, 'full');
}

export async function loadSummaries(options: LoadOptions): Promise<Summaries> {
  return load(options, 'summary');
}

/** A guide file that changed between reading the summaries and reading the guide. */
export class GuideGone extends Error {
  constructor(
    readonly path: string,
    readonly why: string,
  ) {
    super(`${path}: ${why}`);
  }
}

/**
 * One guide of a library whose summaries were loaded: a bundled guide from the
 * bundled index, a user's from its own cache entry (parsed again if that is missing
 * or stale). What `coach guide X` and `coach trap random` read instead of every guide.
 */
export async function loadGuide(options: LoadOptions, lib: Summaries, summary: GuideSummary, statements = false): Promise<Guide> {
  const file = lib.files.get(summary.id)?.file;
  // Only user guides have files (and asking a summary from the index whether it is bundled would read a line of it).
  if (!file) {
    // The guide's own file beside the index (dist/bundled/), else the whole index.
    const own = bundledFile(summary.id);
    try {
      if (own) return JSON.parse(readFileSync(join(dirname(options.bundledIndex!), 'bundled', own), 'utf8')) as Guide;
    } catch {
      /* a build without the files of single guides */
    }
    const index = JSON.parse(readFileSync(options.bundledIndex!, 'utf8')) as BundledIndex;
    return index.guides.find((g) => g.id === summary.id)!;
  }
  const stamp = statSync(file, { throwIfNoEntry: false });
  const now = stamp && { size: stamp.size, mtimeMs: stamp.mtimeMs };
  // A mock made from the guide reads it again for its statements, which no entry keeps.
  let guide = now && options.cacheDir && !statements ? readEntry(options.cacheDir, file, now, Shape) : undefined;
  if (!guide) {
    const { loadGuideFile } = await parser(options.cacheDir);
    const parsed = await loadGuideFile(file, false, statements);
    // Changed since the summaries were read, a moment ago: said as any file's problem.
    if (parsed.kind !== 'guide') throw new GuideGone(summary.path, parsed.problems[0]?.message ?? 'it no longer holds a guide');
    guide = parsed.guide;
    if (now && options.cacheDir && !statements) writeEntry(options.cacheDir, file, now, JSON.stringify(guide));
  }
  // The id the library gave it (a second guide with one id is loaded as id-2).
  return { ...guide, id: summary.id };
}

/** The file of one bundled guide in dist/bundled/ (written by the build), or undefined for an id that is not a plain slug. */
export function bundledFile(id: string): string | undefined {
  return /^[a-z0-9][a-z0-9-]*$/.test(id) ? `${id}.json` : undefined;
}

async function load(options: LoadOptions, detail: 'full'): Promise<Library>;
async function load(options: LoadOptions, detail: 'summary'): Promise<Summaries>;
async function load(options: LoadOptions, detail: 'full' | 'summary'): Promise<Library | Summaries> {
  const problems: Problem[] = [];
  let bundled: Guide[] = [];
  let scenarios: Scenario[] = [];
  let bundledSummaries: GuideSummary[] | undefined;
  if (options.bundledIndex && detail === 'summary') {
    // The small summaries file written beside the index, when there is one.
    try {
      const small = JSON.parse(readFileSync(join(dirname(options.bundledIndex), 'summaries.json'), 'utf8')) as BundledSummaries;
      bundledSummaries = small.guides;
      scenarios = small.scenarios;
    } catch {
      /* no summaries file: read the full index below */
    }
  }
  if (options.bundledIndex && !bundledSummaries) {
    const index = JSON.parse(readFileSync(options.bundledIndex, 'utf8')) as BundledIndex;
    bundled = index.guides;
    scenarios = index.scenarios;
  }
  const seen = new Set<string>();
  for (const dir of options.dirs) {
    const found = await guideFiles(dir);
    for (const p of found.problems) problems.push(p);
    for (const f of found.files) seen.add(f); // a file under two folders loads once
  }
  const files = [...seen];
  const walkProblems = problems.length;
  const { entries, stamps } = files.length > 0 ? await cached(files, options, detail) : { entries: [], stamps: () => new Map<string, Stamp | undefined>() };
  const userGuides: (Guide | GuideSummary)[] = [];
  const userFiles: string[] = [];
  entries.forEach((e, i) => {
    for (const p of e.problems) problems.push(p);
    if (e.guide) {
      userGuides.push(e.guide);
      userFiles.push(files[i]!);
    }
    if (e.scenario) scenarios = [...scenarios.filter((s) => s.id !== e.scenario!.id), e.scenario];
  });
  const base = detail === 'full' ? bundled : (bundledSummaries ?? bundled.map((g) => summarize(g)));
  const guides = merge(base, userGuides, problems);
  const indexed = entries.filter((e) => e.indexed).length;
  const library = { guides, scenarios, problems, walkProblems, indexed };
  if (detail === 'full') return library as Library;
  // After merge: the ids are the library's. Made when first asked for (guide X, search).
  let byId: Summaries['files'] | undefined;
  return Object.defineProperty(library, 'files', {
    get: () => {
      const at = stamps();
      byId ??= new Map(userGuides.map((g, k) => [g.id, { file: userFiles[k]!, ...at.get(userFiles[k]!)! }]));
      return byId;
    },
    enumerable: true,
  }) as Summaries;
}

/**
 * A user guide with a bundled guide's id replaces it (so a bundled guide can be
 * forked); two user guides with one id: the first keeps it, later ones get -2, -3.
 */
function merge<T extends { id: string; path: string }>(bundled: T[], user: T[], problems: Problem[]): T[] {
  const bundledIds = new Set(bundled.map((g) => g.id));
  const userIds = new Set<string>();
  // The number each id reached: a thousand guides with one id stay linear.
  const next = new Map<string, number>();
  let out = [...bundled];
  for (const g of user) {
    if (userIds.has(g.id)) {
      const base = g.id;
      let n = next.get(base) ?? 2;
      while (userIds.has(`${base}-${n}`) || bundledIds.has(`${base}-${n}`)) n++;
      next.set(base, n + 1);
      g.id = `${base}-${n}`;
      problems.push({ path: g.path, severity: 'warning', message: `id '${base}' is already used by another of your guides; loaded as '${g.id}'` });
    } else if (bundledIds.has(g.id)) {
      out = out.filter((b) => b.id !== g.id);
    }
    userIds.add(g.id);
    out.push(g);
  }
  return out;
}

// ---- the cache ---------------------------------------------------------------

// An entry is kept by the file's size and time alone, so a guide parsed by a coach that
// reads guides differently would keep its old reading: the version holds the parser's
// fingerprint (a hash of src/guides, set by the build), and any change to the parser
// rebuilds the cache. The number is raised when the cache's own shape changes.
declare const __COACH_PARSER__: string | undefined;
const PARSER = typeof __COACH_PARSER__ === 'string' ? __COACH_PARSER__ : 'source';
const CACHE_VERSION = `6:${PARSER}`;

interface Entry {
  guide?: Guide | GuideSummary;
  scenario?: Scenario;
  problems: Problem[];
  /** Parsed on this run rather than read from the cache. */
  indexed?: boolean;
}

// The full guides: one file per guide file in <cacheDir>/guides/, named by a hash of
// its path, so that one edited guide rewrites one entry (issue 14: one change in a
// 1,000-guide library rewrote an 18.8 MB cache) and `coach guide X` reads X alone.
// An entry is a line of JSON (version, path, size, time and the digest of the rest),
// then the guide. When the sum matches, the entry is as coach wrote it and is used as
// it is; when it does not (an edit, a bad copy), the guide is checked before use
// (shape.ts) and one of the wrong shape is parsed again instead of crashing a command
// (issue 13).
const GUIDES = 'guides';

// The cache files are read synchronously, like the stats: at this point the command
// waits for them and nothing else, and a read through the thread pool only adds
// the trips there and back.
/**
 * A digest of a path or of a cache entry's text: zlib's CRC-32 and a 53-bit
 * multiplicative hash (cyrb53) side by side, 22 hex digits. It names a guide file's
 * cache entries and says whether an entry is as coach wrote it; node:crypto, which
 * took 15-20 ms to load on every `coach guide` and `coach trap`, is needed for neither.
 */
export function digest(data: Buffer | string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const n = data.length;
  for (let i = 0; i < n; i++) {
    const c = typeof data === 'string' ? data.charCodeAt(i) : data[i]!;
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const high = (2097151 & h2) * 4294967296 + (h1 >>> 0);
  return crc32(data).toString(16).padStart(8, '0') + high.toString(16).padStart(14, '0');
}

/** Where the full entry of a guide file lives. */
export function entryFile(cacheDir: string, file: string, ext = '.json'): string {
  return join(cacheDir, GUIDES, `${digest(file)}${ext}`);
}

/** A guide file's full entry, if the cache has one for the file as it is now. */
function readEntry(cacheDir: string, file: string, stamp: Stamp, shape: typeof Shape): Guide | undefined {
  try {
    const bytes = readFileSync(entryFile(cacheDir, file));
    const end = bytes.indexOf(10);
    const head = JSON.parse(bytes.toString('utf8', 0, end)) as { version?: unknown; path?: unknown; sum?: unknown } & Partial<Stamp>;
    if (head.version !== CACHE_VERSION || head.path !== file || !fresh(head as Stamp, stamp)) return undefined;
    const body = bytes.subarray(end + 1);
    const guide = JSON.parse(body.toString('utf8')) as unknown;
    return digest(body) === head.sum || shape.isGuide(guide) ? (guide as Guide) : undefined;
  } catch {
    return undefined; // missing or corrupt: parsed again, transparently
  }
}

function writeEntry(cacheDir: string, file: string, stamp: Stamp, json: string): void {
  const text = Buffer.from(json);
  const head = JSON.stringify({ version: CACHE_VERSION, path: file, size: stamp.size, mtimeMs: stamp.mtimeMs, sum: digest(text) });
  writeAtomically(entryFile(cacheDir, file), Buffer.concat([Buffer.from(`${head}\n`), text]));
}

function removeEntry(cacheDir: string, file: string): void {
  for (const ext of ['.json', '.search.json']) removeFile(entryFile(cacheDir, file, ext));
}

/**
 * Removes a cache file if it is there. unlinkSync, not rmSync: rmSync loads Node's
 * rimraf on first use (about 1 ms of every run that writes the index), for files.
 * A file that cannot be removed is left, as a cache that cannot be written is.
 */
function removeFile(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    /* not there, or not ours to remove */
  }
}

// The summary index (summary-index.ts), one file for the library: the shards of
// earlier versions are removed when it is written.
const INDEX_VERSION = `11:${PARSER}`;
const INDEX_FILE = 'user-guides.idx';
const OLD_INDEXES = ['user-guides.json', 'user-guides-full.json', ...Array.from({ length: 16 }, (_, k) => `user-guides-${k.toString(16)}.json`)];

const fresh = (hit: Stamp | undefined, s: Stamp | undefined): boolean => Boolean(hit && s && hit.size === s.size && hit.mtimeMs === s.mtimeMs);

/**
 * The summaries of the user's guides and their scenarios, as the last run cached them,
 * without looking at the guide files: what shell completion offers. Empty when there
 * is no cache yet.
 */
export function cachedSummaries(cacheDir: string, shape: typeof Shape): { guides: GuideSummary[]; scenarios: Scenario[] } {
  const entries = [...readIndex(join(cacheDir, INDEX_FILE), INDEX_VERSION, shape).entries.values()];
  return {
    guides: entries.flatMap((e) => (e.summary ? [e.summary] : [])),
    scenarios: entries.flatMap((e) => (e.scenario ? [e.scenario] : [])),
  };
}

async function cached(files: string[], options: LoadOptions, detail: 'full' | 'summary'): Promise<{ entries: Entry[]; stamps: () => Map<string, Stamp | undefined> }> {
  const { cacheDir } = options;
  // Synchronous stats: hundreds of small calls are quicker without a trip through
  // the thread pool each, and nothing else runs meanwhile. A file gone since the walk is 0, 0.
  const found: Found = { files, stamps: [] };
  const gone = new Set<number>();
  for (let i = 0; i < files.length; i++) {
    const s = statSync(files[i]!, { throwIfNoEntry: false });
    if (!s) gone.add(i);
    found.stamps.push(s ? s.size : 0, s ? s.mtimeMs : 0);
  }
  // Each file's stamp by name, made when first asked for: a warm summary run of a large
  // library asks for none, or for the one guide it shows (issue 14).
  let byFile: Map<string, Stamp | undefined> | undefined;
  const stampsOf = (): Map<string, Stamp | undefined> => (byFile ??= new Map(files.map((f, i) => [f, gone.has(i) ? undefined : { size: found.stamps[2 * i]!, mtimeMs: found.stamps[2 * i + 1]! }])));
  const index = cacheDir ? readIndex(join(cacheDir, INDEX_FILE), INDEX_VERSION, Shape, found) : EMPTY;
  // The same files, sizes and times as the index holds: every summary is fresh as it is.
  if (index.same && detail === 'summary') {
    return {
      entries: files.map((f) => {
        const e = index.entries.get(f)!;
        return entryOf(e, e.summary);
      }),
      stamps: stampsOf,
    };
  }
  const stamps = stampsOf();
  // The full guides, read for a full load; an entry that is missing or does not check is a miss.
  const fullOf = new Map<string, Guide>();
  const stale = files.filter((f) => {
    const e = index.entries.get(f);
    const stamp = stamps.get(f);
    if (!fresh(e, stamp)) return true;
    if (detail !== 'full' || !e!.summary) return false;
    const guide = cacheDir ? readEntry(cacheDir, f, stamp!, Shape) : undefined;
    if (guide) fullOf.set(f, guide);
    return !guide;
  });

  const parsed = new Map<string, Indexed>();
  const now = new Map(index.entries);
  if (stale.length > 0) {
    const done = await options.onIndexing?.(stale.length);
    // Each guide's entry is written by the thread that parsed it (parseFiles).
    const results = await parseFiles(stale, options.workerScript, cacheDir ? { dir: cacheDir, stamps: stale.map((f) => stamps.get(f)) } : undefined);
    stale.forEach((f, i) => {
      parsed.set(f, results[i]!);
    });
    if (done) done();
    for (const [f, p] of parsed) {
      const s = stamps.get(f);
      if (!s) {
        now.delete(f);
        continue;
      }
      const e: IndexEntry = { ...s, problems: p.problems };
      if (p.kind === 'guide') e.summary = p.summary;
      if (p.kind === 'scenario') e.scenario = p.scenario;
      now.set(f, e);
    }
  }
  if (cacheDir && !index.same) {
    for (const k of index.entries.keys()) if (!stamps.has(k)) removeEntry(cacheDir, k);
    // In the walk's order, so that the next run finds the same list.
    const kept = files.filter((f) => stamps.get(f) && now.has(f));
    try {
      writeAtomically(
        join(cacheDir, INDEX_FILE),
        indexChunks(
          INDEX_VERSION,
          kept,
          kept.map((f) => now.get(f)!),
        ),
      );
    } catch (e) {
      // The old index damaged where its unchanged guides were to be copied from: it is
      // gone (summary-index.ts removed it), and the next run parses every guide again.
      if (!(e instanceof DamagedIndex)) throw e;
    }
    for (const old of OLD_INDEXES) removeFile(join(cacheDir, old));
  }
  const entries = files.map((f): Entry => {
    const p = parsed.get(f);
    if (p) {
      if (p.kind === 'guide') return { guide: detail === 'summary' ? p.summary : 'guide' in p ? p.guide : (JSON.parse(p.json) as Guide), problems: p.problems, indexed: true };
      if (p.kind === 'scenario') return { scenario: p.scenario, problems: p.problems, indexed: true };
      return { problems: p.problems, indexed: true };
    }
    const e = index.entries.get(f)!;
    return entryOf(e, e.summary ? (detail === 'full' ? fullOf.get(f) : e.summary) : undefined);
  });
  return { entries, stamps: () => stamps };
}

function entryOf(e: IndexEntry, guide: Guide | GuideSummary | undefined): Entry {
  const out: Entry = { problems: e.problems };
  if (guide) out.guide = guide;
  if (e.scenario) out.scenario = e.scenario;
  return out;
}

const WORKER_THRESHOLD = 40;

/** Where the entries of parsed guides go: the cache folder and each file's stamp, in the order of the files. */
export interface EntryCache {
  dir: string;
  stamps: (Stamp | undefined)[];
}

/** Writes the cache entry of a parsed file that is a guide (the JSON text the worker wrote, as it is). */
export function storeEntry(cache: EntryCache, file: string, stamp: Stamp | undefined, p: Indexed): void {
  if (p.kind === 'guide' && stamp) writeEntry(cache.dir, file, stamp, 'guide' in p ? JSON.stringify(p.guide) : p.json);
}

/**
 * Parses files and writes their cache entries: all reads start at once and each file
 * is parsed when its bytes arrive; with many files and a second core, a worker thread
 * takes half and writes the entries of its half itself, as this thread writes its own
 * while the worker may still be parsing, so that neither waits for the other's writes.
 * If the worker fails for any reason, its half is parsed (and written) here instead.
 */
async function parseFiles(files: string[], workerScript: string | undefined, cache: EntryCache | undefined): Promise<Indexed[]> {
  // node:os only when there are enough files to share.
  const split = Boolean(workerScript) && files.length >= WORKER_THRESHOLD && (await import('node:os')).availableParallelism() >= 2;
  const half = split ? Math.floor(files.length / 2) : 0;
  const theirs = files.slice(0, half);
  // The worker starts first: it boots while this thread loads the parser.
  // A worker that fails for any reason resolves to undefined, and its half is parsed
  // here instead (handled at once, so an early failure is never an unhandled rejection).
  let fromWorker: Promise<Indexed[] | undefined> = Promise.resolve(undefined);
  if (split) {
    const { Worker } = await import('node:worker_threads');
    const workerCache: EntryCache | undefined = cache && { dir: cache.dir, stamps: cache.stamps.slice(0, half) };
    fromWorker = new Promise<Indexed[]>((resolveWorker, reject) => {
      const worker = new Worker(workerScript!, { workerData: { files: theirs, cache: workerCache } });
      worker.once('message', (m: Indexed[]) => resolveWorker(m));
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`index worker exited with code ${code}`)));
    }).catch(() => undefined);
  }
  const { loadGuideFile } = await parser(cache?.dir);
  const here = async (from: number, to: number): Promise<Indexed[]> => {
    const results = await Promise.all(files.slice(from, to).map(async (f) => indexed(await loadGuideFile(f), false)));
    if (cache) for (let i = 0; i < results.length; i++) storeEntry(cache, files[from + i]!, cache.stamps[from + i], results[i]!);
    return results;
  };
  const mine = await here(half, files.length);
  const others = (await fromWorker) ?? (await here(0, half));
  return [...others, ...mine];
}

/**
 * The parser (marked, the recognizers), loaded only when something needs parsing; from
 * dist/, with the compiled code of an earlier run kept in the cache (code-cache.ts).
 */
async function parser(cacheDir: string | undefined): Promise<typeof import('./files.js')> {
  return (cacheDir ? loadBundle<typeof import('./files.js')>('guides-files', cacheDir) : undefined) ?? import('./files.js');
}

/** Buffers written one after the other into a new private file, without joining them first. */
function writeChunks(file: string, chunks: Buffer[]): void {
  const fd = openSync(file, 'w', 0o600);
  try {
    const total = chunks.reduce((n, c) => n + c.length, 0);
    // writev writes them all or throws; a short count (never seen) writes the rest joined.
    const written = writevSync(fd, chunks);
    if (written < total) writeSync(fd, Buffer.concat(chunks).subarray(written));
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes a cache file through a temporary file and a rename; a cache that cannot be
 * written is only slower. Private to the user (0600 in a 0700 folder), as everything
 * coach keeps: the cache holds the user's own guides.
 */
export function writeAtomically(path: string, data: string | Buffer | Buffer[]): void {
  try {
    const dir = resolve(path, '..');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (process.platform !== 'win32' && (statSync(dir).mode & 0o077) !== 0) chmodSync(dir, 0o700);
    const tmp = `${path}.${process.pid}.tmp`;
    if (Array.isArray(data)) writeChunks(tmp, data);
    else writeFileSync(tmp, data, { mode: 0o600 });
    renameSync(tmp, path);
  } catch {
    /* read-only cache folder: coach works, it just parses again next time */
  }
}
