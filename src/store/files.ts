// The low-level file rules every store file follows: one lock per file across
// processes (proper-lockfile), atomic replacement (write-file-atomic), and a corrupt
// file moved aside with one warning instead of a crash (issue 5, "Storage").
import { mkdir, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { lock } from 'proper-lockfile';
import writeFileAtomic from 'write-file-atomic';
import type { Io } from '../io.js';

// Two coach processes may write at the same moment (a drill in one terminal, a mock in
// another); waiting up to a few seconds for the other one is better than failing.
const LOCK_RETRIES = { retries: 200, factor: 1.2, minTimeout: 5, maxTimeout: 60, randomize: true };

/** Runs `work` while holding the lock of `file` (the file itself need not exist). */
export async function withLock<T>(file: string, work: () => Promise<T>): Promise<T> {
  await mkdir(dirname(file), { recursive: true });
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

export async function writeAtomic(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, text, { encoding: 'utf8' });
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
