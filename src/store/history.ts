// The practice and mock history: one JSON record per line in <dataDir>/history.jsonl.
// Appends happen under a cross-process lock so two coach processes lose nothing; reads
// take it only when the file does not read cleanly (issue 14); a line
// that cannot be read (a crash mid-write, a hand edit) moves the file aside with a
// warning and a fresh file keeps every record that was still readable. A record that
// reads as JSON but not as a record of its kind is skipped with a warning and kept in
// the file; strings from the file are cleaned where they enter (issue 13).
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Io } from '../io.js';
import { sanitize } from '../guides/text.js';
import { checkFile, fsp, PRIVATE_FILE, readText, replaceCorrupt, storeError, withLock, writeAtomic } from './files.js';

export type Rating = 'again' | 'hard' | 'good' | 'easy';

export interface MockPhaseRecord {
  key: string;
  name: string;
  plannedMin: number;
  usedMin: number;
  covered: number;
  total: number;
  /** False for a phase the mock never reached (stopped before it); absent otherwise, and in older records. */
  reached?: false;
}

export type HistoryEntry =
  | {
      kind: 'mock';
      id: string;
      /** ISO time */
      at: string;
      scenario: string;
      guide: string;
      /** 0-100 */
      score: number;
      /** Absolute path of the saved markdown transcript. */
      transcript: string;
      partial: boolean;
      phases: MockPhaseRecord[];
      /** The key of the one phase sat (`--phase`); absent for a whole mock. */
      phase?: string;
      /** The answers file a written mock was scored from (`--answers`); absent for a live mock. */
      answers?: string;
    }
  | {
      kind: 'review';
      id: string;
      at: string;
      deck: string;
      item: string;
      guide: string;
      rating: Rating;
      correct: boolean;
      covered?: number;
      total?: number;
    };

export const HISTORY_FILE = 'history.jsonl';
/** The practice state saved from the history (src/store/practice-state.ts): a cache. */
export const SNAPSHOT_FILE = 'history.snapshot.json';

export function historyPath(io: Pick<Io, 'dataDir'>): string {
  return join(io.dataDir, HISTORY_FILE);
}

export function snapshotPath(io: Pick<Io, 'dataDir'>): string {
  return join(io.dataDir, SNAPSHOT_FILE);
}

/**
 * The snapshot holds what the history held (item states, mocks): once records are
 * removed it goes too, so a reset leaves nothing of them behind. A snapshot that is
 * left (this fails, or a reader saves one of the old file) no longer matches the file.
 */
async function dropSnapshot(io: Pick<Io, 'dataDir'>): Promise<void> {
  await fsp()
    .rm(snapshotPath(io), { force: true })
    .catch(() => undefined);
}

function isRecord(value: unknown): value is { kind: string; at: string; id: string } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return typeof v['kind'] === 'string' && typeof v['at'] === 'string' && typeof v['id'] === 'string';
}

export interface Parsed {
  /** Every readable record, including kinds this version does not know (kept on repair). */
  records: { kind: string; at: string; id: string }[];
  bad: number;
}

export function parseHistory(text: string): Parsed {
  const records: Parsed['records'] = [];
  let bad = 0;
  // A byte-order mark written by an editor is not part of the first record.
  for (const line of text.replace(/^\uFEFF/, '').split('\n')) {
    if (!line.trim()) continue;
    try {
      const value: unknown = JSON.parse(line);
      if (isRecord(value)) records.push(value);
      else bad++;
    } catch {
      bad++;
    }
  }
  return { records, bad };
}

const RATINGS = new Set(['again', 'hard', 'good', 'easy']);

/**
 * A record of a known kind, checked field by field and with its strings cleaned, or
 * the reason it cannot be used ("'score' should be a number").
 */
export function checkEntry(record: Record<string, unknown>): HistoryEntry | string {
  const fields: Record<string, unknown> = {};
  const text = (key: string, optional = false): boolean => {
    const v = record[key];
    if (v === undefined && optional) return true;
    if (typeof v !== 'string') return false;
    fields[key] = sanitize(v).text;
    return true;
  };
  const number = (key: string, optional = false): boolean => {
    const v = record[key];
    if (v === undefined && optional) return true;
    if (typeof v !== 'number' || !Number.isFinite(v)) return false;
    fields[key] = v;
    return true;
  };
  // A path is used to open a file: kept as written (`history show` checks where it leads).
  const path = (key: string): boolean => {
    if (typeof record[key] !== 'string') return false;
    fields[key] = record[key];
    return true;
  };
  const bool = (key: string): boolean => {
    if (typeof record[key] !== 'boolean') return false;
    fields[key] = record[key];
    return true;
  };
  const need = (ok: boolean, what: string): string | undefined => (ok ? undefined : what);
  let problem: string | undefined;
  const common = need(text('kind') && text('id'), "'id' should be text") ?? need(text('at') && !Number.isNaN(Date.parse(String(record['at']))), "'at' should be an ISO time");
  if (common) return common;
  if (record['kind'] === 'mock') {
    problem =
      need(text('scenario'), "'scenario' should be text") ??
      need(text('guide'), "'guide' should be text") ??
      need(number('score'), "'score' should be a number") ??
      need(path('transcript'), "'transcript' should be text") ??
      need(bool('partial'), "'partial' should be true or false") ??
      need(text('phase', true), "'phase' should be text") ??
      need(text('answers', true), "'answers' should be text");
    if (problem) return problem;
    const phases = record['phases'];
    if (!Array.isArray(phases)) return "'phases' should be a list";
    const checked: MockPhaseRecord[] = [];
    for (const p of phases as unknown[]) {
      const ph = p as Record<string, unknown>;
      const ok =
        ph &&
        typeof ph === 'object' &&
        typeof ph['key'] === 'string' &&
        typeof ph['name'] === 'string' &&
        ['plannedMin', 'usedMin', 'covered', 'total'].every((k) => typeof ph[k] === 'number' && Number.isFinite(ph[k]));
      if (!ok) return "'phases' should hold a key, a name and four numbers each";
      checked.push({
        key: sanitize(ph['key'] as string).text,
        name: sanitize(ph['name'] as string).text,
        plannedMin: ph['plannedMin'] as number,
        usedMin: ph['usedMin'] as number,
        covered: ph['covered'] as number,
        total: ph['total'] as number,
        ...(ph['reached'] === false ? { reached: false as const } : {}),
      });
    }
    return { ...(fields as Omit<Extract<HistoryEntry, { kind: 'mock' }>, 'phases'>), kind: 'mock', phases: checked };
  }
  problem =
    need(text('deck'), "'deck' should be text") ??
    need(text('item'), "'item' should be text") ??
    need(text('guide'), "'guide' should be text") ??
    need(typeof record['rating'] === 'string' && RATINGS.has(record['rating']) && text('rating'), "'rating' should be again, hard, good or easy") ??
    need(bool('correct'), "'correct' should be true or false") ??
    need(number('covered', true) && number('total', true), "'covered' and 'total' should be numbers");
  if (problem) return problem;
  return { ...(fields as Extract<HistoryEntry, { kind: 'review' }>), kind: 'review' };
}

/** Records of a known kind that did not check: how many, and the reason for the first. */
export interface Skipped {
  count: number;
  first: string;
}

/**
 * The records this version knows, each checked. A bad one is skipped, and stays in
 * the file (a later version, or the user, may read it); `skipped` counts them.
 */
export function checkRecords(records: Parsed['records'], skipped: Skipped = { count: 0, first: '' }): { entries: HistoryEntry[]; skipped: Skipped } {
  const entries: HistoryEntry[] = [];
  for (const r of records) {
    if (r.kind !== 'mock' && r.kind !== 'review') continue;
    const entry = checkEntry(r as unknown as Record<string, unknown>);
    if (typeof entry !== 'string') entries.push(entry);
    else if (skipped.count++ === 0) skipped.first = `${r.kind} record '${sanitize(r.id).text}': ${entry}`;
  }
  return { entries, skipped };
}

/** One warning for every record that was skipped. */
export function warnSkipped(skipped: Skipped, io: Pick<Io, 'dataDir' | 'stderr'>): void {
  const n = skipped.count;
  if (n > 0) io.stderr.write(`coach: warning: skipped ${n} history record${n === 1 ? '' : 's'} that coach cannot use (first: ${skipped.first}); kept in ${historyPath(io)}\n`);
}

function known(records: Parsed['records'], io: Pick<Io, 'dataDir' | 'stderr'>): HistoryEntry[] {
  const { entries, skipped } = checkRecords(records);
  warnSkipped(skipped, io);
  return entries;
}

/**
 * True when every line of `text` reads as a record and the last one ended (a file
 * read without the lock may end in half a record that another coach is writing).
 */
export function readsCleanly(text: string, parsed: Parsed): boolean {
  return parsed.bad === 0 && (text === '' || text.endsWith('\n'));
}

/**
 * Reads and, when needed, repairs the file. Call only while holding its lock. A repair
 * that cannot be written (a full disk) leaves the file as it was: reading goes on with
 * the readable records and a warning (`mustRepair` false), writing stops with the error.
 */
async function loadLocked(io: Pick<Io, 'dataDir' | 'stderr'>, mustRepair = true): Promise<Parsed['records']> {
  const file = historyPath(io);
  const text = await readText(file);
  if (text === undefined) return [];
  const parsed = parseHistory(text);
  // A file that ends without a newline was cut off mid-write: its last line is repaired
  // too, or the next append would glue a record onto it.
  if (readsCleanly(text, parsed)) return parsed.records;
  const n = parsed.records.length;
  const kept = `kept ${n} readable record${n === 1 ? '' : 's'}, dropped ${parsed.bad} unreadable line${parsed.bad === 1 ? '' : 's'}`;
  try {
    await replaceCorrupt(file, parsed.records.map((r) => `${JSON.stringify(r)}\n`).join(''), io, kept);
  } catch (e) {
    if (mustRepair) throw e;
    io.stderr.write(`coach: warning: ${file} needs a repair that could not be written (${(e as Error).message}); it is unchanged\n`);
  }
  return parsed.records;
}

/** True when the file is missing, empty, or ends with a newline (its last append finished). */
async function endsCleanly(file: string): Promise<boolean> {
  let handle: FileHandle;
  try {
    handle = await fsp().open(file, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw e;
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) return true;
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    return last[0] === 0x0a;
  } finally {
    await handle.close();
  }
}

export async function appendHistory(io: Pick<Io, 'dataDir' | 'stderr'>, entry: HistoryEntry): Promise<void> {
  await appendHistoryMany(io, [entry]);
}

/** Appends several records in one locked write (a drill session's reviews). */
export async function appendHistoryMany(io: Pick<Io, 'dataDir' | 'stderr'>, entries: HistoryEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const file = historyPath(io);
  await withLock(file, async () => {
    await checkFile(file);
    if (!(await endsCleanly(file))) await loadLocked(io);
    // One write call of whole lines, in append mode: a reader under the same lock never
    // sees half a record.
    const lines = entries.map((e) => `${JSON.stringify(e)}\n`).join('');
    const before =
      (
        await fsp()
          .stat(file)
          .catch(() => undefined)
      )?.size ?? 0;
    try {
      await fsp().appendFile(file, lines, { encoding: 'utf8', mode: PRIVATE_FILE });
      // The mode above applies to a new file only; one written by an older coach is tightened.
      if (process.platform !== 'win32') await fsp().chmod(file, PRIVATE_FILE);
    } catch (e) {
      // A write cut short (a full disk) may leave half a line: the file goes back as it was.
      await fsp()
        .truncate(file, before)
        .catch(() => undefined);
      throw storeError(e, file);
    }
  });
}

/**
 * Every record this version knows. Read without the lock (appends are whole lines in
 * one write, so a reader sees records whole, and may only miss the newline of a line
 * being written): only a file that does not read cleanly is read again under the lock,
 * which waits for a writer to finish and repairs what is really broken, as before.
 */
export async function readHistory(io: Pick<Io, 'dataDir' | 'stderr'>): Promise<HistoryEntry[]> {
  const text = await readText(historyPath(io));
  if (text === undefined) return [];
  const parsed = parseHistory(text);
  if (readsCleanly(text, parsed)) return known(parsed.records, io);
  return readHistoryLocked(io);
}

/** Reads the file under its lock, repairing it if needed (a repair that cannot be written only warns). */
export async function readHistoryLocked(io: Pick<Io, 'dataDir' | 'stderr'>): Promise<HistoryEntry[]> {
  return known(await withLock(historyPath(io), () => loadLocked(io, false)), io);
}

/**
 * Keeps only the records `keep` accepts, rewriting the file atomically under its lock
 * (`coach reset --deck`). Returns how many records were removed. Records of kinds this
 * version does not know are always kept.
 */
export async function rewriteHistory(io: Pick<Io, 'dataDir' | 'stderr'>, keep: (entry: HistoryEntry) => boolean): Promise<number> {
  const file = historyPath(io);
  return withLock(file, async () => {
    const records = await loadLocked(io);
    // Records of other kinds, and records that do not check, are kept as they are.
    const kept = records.filter((r) => {
      if (r.kind !== 'mock' && r.kind !== 'review') return true;
      const entry = checkEntry(r as unknown as Record<string, unknown>);
      return typeof entry === 'string' || keep(entry);
    });
    const removed = records.length - kept.length;
    if (removed > 0) {
      await writeAtomic(file, kept.map((r) => `${JSON.stringify(r)}\n`).join(''));
      await dropSnapshot(io);
    }
    return removed;
  });
}

/** Deletes the history file (`coach reset`). Returns false when there was none. */
export async function deleteHistory(io: Pick<Io, 'dataDir' | 'stderr'>): Promise<boolean> {
  const file = historyPath(io);
  return withLock(file, async () => {
    await dropSnapshot(io);
    try {
      await fsp().unlink(file);
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw storeError(e, file);
    }
  });
}
