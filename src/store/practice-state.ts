// The practice state at a constant cost, whatever the length of the history (issue 14).
//
// <dataDir>/history.snapshot.json (private, written atomically) holds the summary of
// the first `bytes` bytes of history.jsonl (src/practice/summary.ts) and a fingerprint
// of those bytes: the file's device and inode, and a hash of the first and of the last
// WINDOW bytes they cover. A run reads the snapshot and only the bytes appended after
// it, and replays only those records. The snapshot is a cache: missing, unreadable, of
// another format or scheduler, or not matching the file (reset, `history rm`, a repair,
// a hand edit, a file shorter than it covers) means it is ignored, silently, and the
// whole history is replayed, as before. An edit inside the file that keeps its inode,
// its length and both windows is the one change it does not see.
//
// Reading takes no lock: appends are whole lines written at once in append mode, so a
// reader sees whole records, except that the last line may still be being written.
// Anything that does not read cleanly (that last line without its newline, a line
// that is not a record) is read again under the lock, as every read was before: that
// waits for a writer, and repairs a broken file with its warning (issue 13).
import { open, readFile } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import type { Io } from '../io.js';
import { decodeSummary, emptySummary, encodeSummary, extendSummary, hash, summarize, type PracticeSummary } from '../practice/summary.js';
import { schedulerId } from '../practice/scheduler.js';
import { checkFile, storeError, writeAtomic } from './files.js';
import { checkRecords, historyPath, parseHistory, readHistoryLocked, readsCleanly, snapshotPath, warnSkipped } from './history.js';

/** Bytes hashed at each end of the part of the history a snapshot covers. */
const WINDOW = 4096;
/** A snapshot is saved again once this much history has been appended after it (~80 reviews). */
export const REFRESH_BYTES = 16 * 1024;

interface Source {
  bytes: number;
  dev: number;
  ino: number;
  head: string;
  tail: string;
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
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
  return { bytes: covered.bytes, dev: stat.dev, ino: stat.ino, head: hash(covered.head), tail: hash(covered.tail) };
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
  const [saved] = await Promise.all([readFile(snapshotPath(io), 'utf8').then((t) => decodeSummary(t, scheduler), () => undefined), checkFile(file)]);
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return emptySummary();
    throw storeError(e, file);
  }
  let result: { summary: PracticeSummary; save?: Covered } | undefined;
  let stat = { dev: 0, ino: 0, size: 0 };
  try {
    stat = await handle.stat();
    result = (saved && (await fromSnapshot(handle, stat, saved, options.refreshBytes ?? REFRESH_BYTES))) || (await fromStart(handle, stat.size));
  } finally {
    await handle.close();
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

/** The whole history replayed; `save` is what it covers. Undefined when it does not read cleanly. */
async function fromStart(handle: FileHandle, size: number): Promise<{ summary: PracticeSummary; save: Covered } | undefined> {
  const bytes = await readAt(handle, 0, size);
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
async function fromSnapshot(
  handle: FileHandle,
  stat: { dev: number; ino: number; size: number },
  saved: NonNullable<ReturnType<typeof decodeSummary>>,
  refreshBytes: number,
): Promise<{ summary: PracticeSummary; save?: Covered } | false | undefined> {
  const source = saved.source;
  if (!isSource(source) || source.dev !== stat.dev || source.ino !== stat.ino || source.bytes > stat.size) return false;
  const headLength = Math.min(WINDOW, source.bytes);
  const from = Math.max(0, source.bytes - WINDOW);
  const [head, rest] = await Promise.all([readAt(handle, 0, headLength), readAt(handle, from, stat.size - from)]);
  if (rest.length !== stat.size - from) return false; // cut short while reading: start over
  if (hash(head) !== source.head || hash(rest.subarray(0, source.bytes - from)) !== source.tail) return false;
  const appended = rest.subarray(source.bytes - from);
  const read = recordsIn(appended);
  if (!read) return undefined;
  const { summary } = saved;
  if (!extendSummary(summary, read.entries)) return false;
  summary.skipped = { count: summary.skipped.count + read.skipped.count, first: summary.skipped.count > 0 ? summary.skipped.first : read.skipped.first };
  if (appended.length < refreshBytes) return { summary };
  // Saved again, covering the whole file: `rest` ends with its last WINDOW bytes (or all of it).
  const newHead = head.length === WINDOW ? head : await readAt(handle, 0, Math.min(WINDOW, stat.size));
  return { summary, save: { bytes: stat.size, head: newHead, tail: rest.subarray(Math.max(0, rest.length - WINDOW)) } };
}
