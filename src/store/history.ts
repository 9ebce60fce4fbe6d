// The practice and mock history: one JSON record per line in <dataDir>/history.jsonl.
// Appends happen under a cross-process lock so two coach processes lose nothing; a line
// that cannot be read (a crash mid-write, a hand edit) moves the file aside with a
// warning and a fresh file keeps every record that was still readable.
import { appendFile, chmod, open, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Io } from '../io.js';
import { moveAside, PRIVATE_FILE, readText, withLock, writeAtomic } from './files.js';

export type Rating = 'again' | 'hard' | 'good' | 'easy';

export interface MockPhaseRecord {
  key: string;
  name: string;
  plannedMin: number;
  usedMin: number;
  covered: number;
  total: number;
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

export function historyPath(io: Pick<Io, 'dataDir'>): string {
  return join(io.dataDir, HISTORY_FILE);
}

function isRecord(value: unknown): value is { kind: string; at: string; id: string } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return typeof v['kind'] === 'string' && typeof v['at'] === 'string' && typeof v['id'] === 'string';
}

interface Parsed {
  /** Every readable record, including kinds this version does not know (kept on repair). */
  records: { kind: string; at: string; id: string }[];
  bad: number;
}

export function parseHistory(text: string): Parsed {
  const records: Parsed['records'] = [];
  let bad = 0;
  for (const line of text.split('\n')) {
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

function known(records: Parsed['records']): HistoryEntry[] {
  return records.filter((r) => r.kind === 'mock' || r.kind === 'review') as HistoryEntry[];
}

/** Reads and, when needed, repairs the file. Call only while holding its lock. */
async function loadLocked(io: Pick<Io, 'dataDir' | 'stderr'>): Promise<Parsed['records']> {
  const file = historyPath(io);
  const text = await readText(file);
  if (text === undefined) return [];
  const parsed = parseHistory(text);
  // A file that ends without a newline was cut off mid-write: its last line is repaired
  // too, or the next append would glue a record onto it.
  if (parsed.bad === 0 && (text === '' || text.endsWith('\n'))) return parsed.records;
  const n = parsed.records.length;
  await moveAside(file, io, `kept ${n} readable record${n === 1 ? '' : 's'}, dropped ${parsed.bad} unreadable line${parsed.bad === 1 ? '' : 's'}`);
  await writeAtomic(file, parsed.records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  return parsed.records;
}

/** True when the file is missing, empty, or ends with a newline (its last append finished). */
async function endsCleanly(file: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'r');
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
    if (!(await endsCleanly(file))) await loadLocked(io);
    // One write call of whole lines, in append mode: a reader under the same lock never
    // sees half a record.
    await appendFile(file, entries.map((e) => `${JSON.stringify(e)}\n`).join(''), { encoding: 'utf8', mode: PRIVATE_FILE });
    // The mode above applies to a new file only; one written by an older coach is tightened.
    if (process.platform !== 'win32') await chmod(file, PRIVATE_FILE);
  });
}

export async function readHistory(io: Pick<Io, 'dataDir' | 'stderr'>): Promise<HistoryEntry[]> {
  const file = historyPath(io);
  return known(await withLock(file, () => loadLocked(io)));
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
    const kept = records.filter((r) => !(r.kind === 'mock' || r.kind === 'review') || keep(r as HistoryEntry));
    const removed = records.length - kept.length;
    if (removed > 0) await writeAtomic(file, kept.map((r) => `${JSON.stringify(r)}\n`).join(''));
    return removed;
  });
}

/** Deletes the history file (`coach reset`). Returns false when there was none. */
export async function deleteHistory(io: Pick<Io, 'dataDir' | 'stderr'>): Promise<boolean> {
  const file = historyPath(io);
  return withLock(file, async () => {
    try {
      await unlink(file);
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw e;
    }
  });
}
