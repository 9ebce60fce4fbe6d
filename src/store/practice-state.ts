// The practice state at a constant cost, whatever the length of the history (issue 14).
//
// <dataDir>/history.snapshot.json (private, written atomically) holds the summary of
// the first `bytes` bytes of history.jsonl (src/practice/summary.ts) and a fingerprint
// of those bytes: the file's device and inode, and a copy of the first and of the last
// WINDOW bytes they cover. A run reads the snapshot and only the bytes appended after
// it, and replays only those records. The snapshot is a cache: missing, unreadable, of
// another format or scheduler, or not matching the file (reset, `history rm`, a repair,
// a hand edit, a file shorter than it covers) means it is ignored, silently, and the
// whole history is replayed, as before. An edit inside the file that keeps its inode,
// and leaves its length and both windows as they were, is the one change it does not
// see; and a snapshot edited by hand into another valid one is believed (no checksum:
// hashing it cost more than the rest of a run's reading). Deleting it is always safe.
//
// Reading takes no lock: appends are whole lines written at once in append mode, so a
// reader sees whole records, except that the last line may still be being written.
// Anything that does not read cleanly (that last line without its newline, a line
// that is not a record) is read again under the lock, as every read was before: that
// waits for a writer, and repairs a broken file with its warning (issue 13).
import { closeSync, fstatSync, lstatSync, openSync, readFileSync, readSync } from 'node:fs';
import type { Io } from '../io.js';
import { decodeSummary, emptySummary, encodeSummary, extendSummary, summarize, type PracticeSummary } from '../practice/summary.js';
import { schedulerId } from '../practice/scheduler.js';
import { checkFile, storeError, writeAtomic } from './files.js';
import { checkRecords, historyPath, parseHistory, readHistoryLocked, readsCleanly, snapshotPath, warnSkipped } from './history.js';

/** Bytes kept (base64) from each end of the part of the history a snapshot covers. */
const WINDOW = 1024;
/** A snapshot is saved again once this much history has been appended after it (~80 reviews). */
export const REFRESH_BYTES = 16 * 1024;

interface Source {
  bytes: number;
  dev: number;
  ino: number;
  head: string;
  tail: string;
}

/**
 * Reads run synchronously: a few small reads, where each asynchronous one would wait
 * for libuv's thread pool (the start-up cost issue 14 is about).
 */
function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buffer, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done === length ? buffer : buffer.subarray(0, done);
}

/** The part of the file a snapshot covers: its length, and its first and last WINDOW bytes. */
interface Covered {
  bytes: number;
  head: Buffer;
  tail: Buffer;
}

function covering(bytes: Buffer): Covered {
  return { bytes: bytes.length, head: bytes.subarray(0, WINDOW), tail: bytes.subarray(Math.max(0, bytes.length - WINDOW)) };
}

function sourceOf(covered: Covered, stat: { dev: number; ino: number }): Source {
  return { bytes: covered.bytes, dev: stat.dev, ino: stat.ino, head: covered.head.toString('base64'), tail: covered.tail.toString('base64') };
}

function isSource(v: Record<string, unknown>): v is Record<string, unknown> & Source {
  return Number.isInteger(v['bytes']) && (v['bytes'] as number) > 0 && typeof v['dev'] === 'number' && typeof v['ino'] === 'number' && typeof v['head'] === 'string' && typeof v['tail'] === 'string';
}

/** Records in `bytes`, checked; undefined when they do not read cleanly. */
function recordsIn(bytes: Buffer): ReturnType<typeof checkRecords> | undefined {
  const text = bytes.toString('utf8');
  const parsed = parseHistory(text);
  return readsCleanly(text, parsed) ? checkRecords(parsed.records) : undefined;
}

export interface LoadOptions {
  /** Save a snapshot when none matched, or this many bytes were appended after it. */
  refreshBytes?: number;
}

/**
 * What the history says: item states, review counts, mocks. Warns once about records
 * that cannot be used, as reading the whole history does.
 */
export async function loadPractice(io: Pick<Io, 'dataDir' | 'stderr'>, options: LoadOptions = {}): Promise<PracticeSummary> {
  const file = historyPath(io);
  const scheduler = schedulerId();
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    // No history yet (nothing there, not even a link): said without a trip through the
    // thread pool. A link to nothing is checkFile's to say; anything else fails as it always did.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' && !lstatSync(file, { throwIfNoEntry: false })) return emptySummary();
    await checkFile(file);
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return emptySummary();
    throw storeError(e, file);
  }
  let result: { summary: PracticeSummary; save?: Covered } | undefined;
  let stat = { dev: 0, ino: 0, size: 0 };
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) await checkFile(file); // a folder: one clear error
    stat = st;
    const saved = readSnapshot(snapshotPath(io), scheduler);
    const extended = saved ? fromSnapshot(fd, stat, saved, options.refreshBytes ?? REFRESH_BYTES) : false;
    // false: the snapshot cannot be used; undefined: the new records do not read cleanly.
    result = extended === false ? fromStart(fd, stat.size) : extended;
  } finally {
    closeSync(fd);
  }
  if (!result) return summarize(await readHistoryLocked(io));
  warnSkipped(result.summary.skipped, io);
  if (result.save && result.save.bytes > 0 && !result.summary.local) {
    const text = encodeSummary(result.summary, { ...sourceOf(result.save, stat) }, scheduler);
    // A cache that cannot be saved (a full disk, a read-only folder) only costs time.
    await writeAtomic(snapshotPath(io), text).catch(() => undefined);
  }
  return result.summary;
}

function readSnapshot(path: string, scheduler: string): ReturnType<typeof decodeSummary> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined; // none yet, or unreadable: the history is replayed
  }
  return decodeSummary(text, scheduler);
}

/** The whole history replayed; `save` is what it covers. Undefined when it does not read cleanly. */
function fromStart(fd: number, size: number): { summary: PracticeSummary; save: Covered } | undefined {
  const bytes = readAt(fd, 0, size);
  const read = recordsIn(bytes);
  if (!read) return undefined;
  const summary = summarize(read.entries);
  summary.skipped = read.skipped;
  return { summary, save: covering(bytes) };
}

/**
 * The snapshot's summary extended with what was appended after it, or false when the
 * snapshot does not match the file or the new records cannot extend it (then the
 * whole history is read). Undefined when the new part does not read cleanly.
 */
function fromSnapshot(
  fd: number,
  stat: { dev: number; ino: number; size: number },
  saved: NonNullable<ReturnType<typeof decodeSummary>>,
  refreshBytes: number,
): { summary: PracticeSummary; save?: Covered } | false | undefined {
  const source = saved.source;
  if (!isSource(source) || source.dev !== stat.dev || source.ino !== stat.ino || source.bytes > stat.size) return false;
  const head = readAt(fd, 0, Math.min(WINDOW, source.bytes));
  const from = Math.max(0, source.bytes - WINDOW);
  const rest = readAt(fd, from, stat.size - from);
  if (rest.length !== stat.size - from) return false; // cut short while reading: start over
  if (!head.equals(Buffer.from(source.head, 'base64')) || !rest.subarray(0, source.bytes - from).equals(Buffer.from(source.tail, 'base64'))) return false;
  const appended = rest.subarray(source.bytes - from);
  const read = recordsIn(appended);
  if (!read) return undefined;
  const { summary } = saved;
  if (!extendSummary(summary, read.entries)) return false;
  summary.skipped = { count: summary.skipped.count + read.skipped.count, first: summary.skipped.count > 0 ? summary.skipped.first : read.skipped.first };
  if (appended.length < refreshBytes) return { summary };
  // Saved again, covering the whole file: `rest` ends with its last WINDOW bytes (or all of it).
  const newHead = head.length === WINDOW ? head : readAt(fd, 0, Math.min(WINDOW, stat.size));
  return { summary, save: { bytes: stat.size, head: newHead, tail: rest.subarray(Math.max(0, rest.length - WINDOW)) } };
}
