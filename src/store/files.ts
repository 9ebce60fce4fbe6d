// The low-level file rules every store file follows: one lock per file across
// processes (proper-lockfile), atomic replacement (write-file-atomic), a corrupt
// file moved aside with one warning instead of a crash (issue 5, "Storage"), and
// everything coach keeps for the user private to them: files 0600, folders 0700
// (issue 12: transcripts hold the user's own answers).
import { chmod, mkdir, readFile, rename, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { lock } from 'proper-lockfile';
import writeFileAtomic from 'write-file-atomic';
import type { Io } from '../io.js';

// Two coach processes may write at the same moment (a drill in one terminal, a mock in
// another); waiting up to a few seconds for the other one is better than failing.
const LOCK_RETRIES = { retries: 200, factor: 1.2, minTimeout: 5, maxTimeout: 60, randomize: true };

export const PRIVATE_FILE = 0o600;
export const PRIVATE_DIR = 0o700;

/**
 * Makes a folder of coach's own (and any missing parents) readable by the user only.
 * A folder made by an older coach with the umask's mode is tightened too; a folder
 * the user made elsewhere is never touched, as only `dir` itself is changed.
 */
export async function privateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR });
  if (process.platform === 'win32') return; // modes mean little there; ACLs decide
  const { mode } = await stat(dir);
  if ((mode & 0o077) !== 0) await chmod(dir, PRIVATE_DIR);
}

/** Runs `work` while holding the lock of `file` (the file itself need not exist). */
export async function withLock<T>(file: string, work: () => Promise<T>): Promise<T> {
  await privateDir(dirname(file));
  // The lock is held for milliseconds. If a stalled process loses it anyway, proper-lockfile's
  // default is to throw from a timer, which would crash coach mid-write; finishing the
  // write is the better outcome.
  const release = await lock(file, { realpath: false, retries: LOCK_RETRIES, stale: 10_000, onCompromised: () => undefined });
  try {
    return await work();
  } finally {
    await release().catch(() => undefined); // a lock already released by a stale check is fine
  }
}

/** The file's text, or undefined when it does not exist yet. */
export async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/**
 * Replaces `file` with `text` at once. Files in coach's own folders are private
 * (0600, in a 0700 folder); `shared: true` is for a file the user named (`export -o`),
 * which gets the umask's mode like any file their other tools write.
 */
export async function writeAtomic(file: string, text: string, options: { shared?: boolean } = {}): Promise<void> {
  if (options.shared) {
    // The user's folder: never created here (`export -o` checks it exists).
    await writeFileAtomic(file, text, { encoding: 'utf8' });
    return;
  }
  await privateDir(dirname(file));
  await writeFileAtomic(file, text, { encoding: 'utf8', mode: PRIVATE_FILE });
}

/** `2026-11-22T09-00-00-000Z`: an ISO time that is safe in a file name on every platform. */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/**
 * Renames a corrupt file to `<file>.corrupt-<timestamp>` and says so on stderr, naming
 * both paths. Returns the new path. The caller writes the fresh file.
 */
export async function moveAside(file: string, io: Pick<Io, 'stderr'>, kept: string, date = new Date()): Promise<string> {
  const aside = `${file}.corrupt-${fileStamp(date)}`;
  await rename(file, aside);
  io.stderr.write(`coach: warning: ${file} was corrupt; moved it to ${aside} and started a fresh one (${kept})\n`);
  return aside;
}
