// The low-level file rules every store file follows: one lock per file across
// processes (proper-lockfile), atomic replacement (write-file-atomic), a corrupt file
// kept aside with one warning instead of a crash (issue 5, "Storage"), a failed write
// that changes nothing and says why in one line (issue 13), and everything coach keeps
// for the user private to them: files 0600, folders 0700 (issue 12: transcripts hold
// the user's own answers).
import { dirname, join } from 'node:path';
import type { Io } from '../io.js';
import { FailureError } from '../errors.js';

/**
 * node:fs/promises, loaded when a command first reads or writes through it: loading it
 * (with the fs watchers and readline it pulls in) cost every reading command 3-4 ms.
 */
export const fsp = (): typeof import('node:fs/promises') => process.getBuiltinModule('node:fs/promises');

// Two coach processes may write at the same moment (a drill in one terminal, a mock in
// another); waiting up to a few seconds for the other one is better than failing.
const LOCK_RETRIES = { retries: 200, factor: 1.2, minTimeout: 5, maxTimeout: 60, randomize: true };
const STALE_MS = 10_000;

export const PRIVATE_FILE = 0o600;
export const PRIVATE_DIR = 0o700;

/**
 * Makes a folder of coach's own (and any missing parents) readable by the user only.
 * A folder made by an older coach with the umask's mode is tightened too; a folder
 * the user made elsewhere is never touched, as only `dir` itself is changed.
 */
export async function privateDir(dir: string): Promise<void> {
  await fsp().mkdir(dir, { recursive: true, mode: PRIVATE_DIR });
  if (process.platform === 'win32') return; // modes mean little there; ACLs decide
  const { mode } = await fsp().stat(dir);
  if ((mode & 0o077) !== 0) await fsp().chmod(dir, PRIVATE_DIR);
}

/** Runs `work` while holding the lock of `file` (the file itself need not exist). */
export async function withLock<T>(file: string, work: () => Promise<T>): Promise<T> {
  await privateDir(dirname(file)).catch((e: unknown) => {
    throw storeError(e, dirname(file));
  });
  await clearFutureLock(file);
  // The lock is held for milliseconds. If a stalled process loses it anyway, proper-lockfile's
  // default is to throw from a timer, which would crash coach mid-write; finishing the
  // write is the better outcome.
  let release: () => Promise<void>;
  try {
    // The lock and the atomic writer load when a command writes: reading commands
    // (a trap shown, stats, today) never do (issue 14).
    const { lock } = await import('proper-lockfile');
    release = await lock(file, { realpath: false, retries: LOCK_RETRIES, stale: STALE_MS, onCompromised: () => undefined });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new FailureError(`${file} is locked by another coach process`, `try again in a moment; if no coach is running, delete ${file}.lock`);
    }
    throw storeError(e, `${file}.lock`);
  }
  try {
    return await work();
  } finally {
    await release().catch(() => undefined); // a lock already released by a stale check is fine
  }
}

/**
 * A lock is stale when its time is more than STALE_MS old; one dated in the future
 * (a clock set back, a copied folder) would never be, and every command would wait
 * and fail. Such a lock belongs to no running coach (a live one touches its lock
 * every few seconds with the current time), so it is removed.
 */
async function clearFutureLock(file: string): Promise<void> {
  const lockDir = `${file}.lock`;
  const info = await fsp()
    .stat(lockDir)
    .catch(() => undefined);
  if (info && info.mtimeMs > Date.now() + STALE_MS) await fsp().rm(lockDir, { recursive: true, force: true });
}

/**
 * The store file's text, or undefined when it does not exist yet. A folder or a link
 * to nothing where the file should be is a clear error, not a crash or a silent start.
 */
export async function readText(file: string): Promise<string | undefined> {
  await checkFile(file);
  try {
    return await fsp().readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw storeError(e, file);
  }
}

/** Throws a clear error when `file` is a folder or a symbolic link to nothing. */
export async function checkFile(file: string): Promise<void> {
  const own = await fsp()
    .lstat(file)
    .catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return undefined;
      throw storeError(e, file);
    });
  if (!own) return;
  const target = own.isSymbolicLink()
    ? await fsp()
        .stat(file)
        .catch(() => undefined)
    : own;
  if (!target) throw new FailureError(`${file} is a symbolic link to nothing`, 'point it at a file, or remove it and coach starts a new one');
  if (target.isDirectory()) throw new FailureError(`${file} is a folder, not a file`, 'move it away and coach starts a new one');
  if (!target.isFile()) throw new FailureError(`${file} is not a regular file`, 'move it away and coach starts a new one');
}

/**
 * Replaces `file` with `text` at once. Files in coach's own folders are private
 * (0600, in a 0700 folder); `shared: true` is for a file the user named (`export -o`),
 * which gets the umask's mode like any file their other tools write.
 */
export async function writeAtomic(file: string, text: string, options: { shared?: boolean } = {}): Promise<void> {
  // A CommonJS module: its function is the default export (typed as the module itself).
  const writeFileAtomic = ((await import('write-file-atomic')) as unknown as { default: typeof import('write-file-atomic') }).default;
  if (options.shared) {
    // The user's folder: never created here (`export -o` checks it exists, and says
    // what failed in its own words).
    await writeFileAtomic(file, text, { encoding: 'utf8' });
    return;
  }
  try {
    await privateDir(dirname(file));
    await writeFileAtomic(file, text, { encoding: 'utf8', mode: PRIVATE_FILE });
  } catch (e) {
    throw storeError(e, file);
  }
}

/**
 * A new file of its own in `dir`: `<base><ext>`, or `<base>-2<ext>`, `-3`... when that
 * name is taken, created exclusively so that two processes never get one name.
 * Returns its path; the caller writes it.
 */
export async function reserveFile(dir: string, base: string, ext: string): Promise<string> {
  try {
    await privateDir(dir);
  } catch (e) {
    throw storeError(e, dir);
  }
  for (let n = 1; ; n++) {
    const path = join(dir, `${base}${n === 1 ? '' : `-${n}`}${ext}`);
    try {
      await (await fsp().open(path, 'wx', PRIVATE_FILE)).close();
      return path;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw storeError(e, path);
    }
  }
}

/**
 * The error a failed write of a store file becomes: disk full, read-only, no
 * permission or a folder in the way each say so in one line, with what to do.
 */
export function storeError(e: unknown, file: string): unknown {
  if (e instanceof FailureError) return e;
  const code = (e as NodeJS.ErrnoException)?.code;
  const unchanged = 'nothing was changed';
  if (code === 'ENOSPC' || code === 'EDQUOT') return new FailureError(`no space left on the device to write ${file}`, `free some space and try again; ${unchanged}`);
  if (code === 'EROFS') return new FailureError(`cannot write ${file}: the file system is read-only`, unchanged);
  if (code === 'EACCES' || code === 'EPERM') return new FailureError(`cannot write ${file}: permission denied`, unchanged);
  if (code === 'EISDIR') return new FailureError(`${file} is a folder, not a file`, 'move it away and coach starts a new one');
  if (code === 'ENOTDIR') return new FailureError(`cannot write ${file}: part of its path is a file, not a folder`, unchanged);
  return e;
}

/** `2026-11-22T09-00-00-000Z`: an ISO time that is safe in a file name on every platform. */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/**
 * Replaces a corrupt file with `repaired`, keeping the old one as
 * `<file>.corrupt-<timestamp>` and saying so on stderr, naming both paths. The old
 * file is linked (or copied) aside first and replaced atomically after, so a write
 * that fails (a full disk) leaves the file as it was and throws; nothing is lost.
 */
export async function replaceCorrupt(file: string, repaired: string, io: Pick<Io, 'stderr'>, kept: string, date = new Date()): Promise<string> {
  const aside = `${file}.corrupt-${fileStamp(date)}`;
  try {
    // A hard link needs no room for the data; a copy where links are not allowed.
    await fsp()
      .link(file, aside)
      .catch(() => fsp().copyFile(file, aside));
  } catch (e) {
    throw storeError(e, aside);
  }
  try {
    await writeAtomic(file, repaired);
  } catch (e) {
    await fsp()
      .unlink(aside)
      .catch(() => undefined);
    throw e;
  }
  io.stderr.write(`coach: warning: ${file} was corrupt; moved it to ${aside} and started a fresh one (${kept})\n`);
  return aside;
}
