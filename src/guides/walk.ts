// Finding guide files: the recursive folder walk, without loading the parser.
// Synchronous calls throughout: the command waits on the walk and nothing else, and
// node:fs/promises alone costs a start-up its own modules.
//
// A guides folder is untrusted (issue 13): only regular files whose real path stays
// inside the folder the user named are read. A link that leads out, a link loop, a
// device, FIFO or socket, and folders too deep to be a guide library are each named
// once and skipped.
import { readdirSync, realpathSync as realpathJs, statSync, type Dirent, type Stats } from 'node:fs';
import { relative, resolve, isAbsolute, sep } from 'node:path';
import type { Problem } from './model.js';
import { showControls } from './text.js';

// One realpath(3) call, where the JavaScript version lstats every part of the path.
const realpathSync = realpathJs.native;

/** Folders below a guides folder deeper than this are not read. */
export const MAX_FOLDER_DEPTH = 12;

const GUIDE_FILE = /\.(md|markdown)$/i;

/** Every markdown file below a folder (or the file itself), sorted, skipping dot and node_modules folders. */
export async function guideFiles(root: string): Promise<{ files: string[]; problems: Problem[] }> {
  const problems: Problem[] = [];
  const files: string[] = [];
  const abs = resolve(root);
  const skip = (path: string, message: string): void => {
    problems.push({ path: shownPath(path), severity: 'error', message });
  };
  let info: Stats;
  try {
    info = statSync(abs);
  } catch (e) {
    problems.push({ path: shownPath(root), severity: 'error', message: `cannot read guides folder: ${reason(e)}` });
    return { files, problems };
  }
  // A file the user named is read as named, wherever its links lead.
  if (info.isFile()) return { files: [abs], problems };
  let base: string;
  try {
    base = realpathSync(abs);
  } catch (e) {
    problems.push({ path: shownPath(root), severity: 'error', message: `cannot read guides folder: ${reason(e)}` });
    return { files, problems };
  }
  const tooDeep: string[] = [];
  const visit = (dir: string, depth: number): void => {
    if (depth > MAX_FOLDER_DEPTH) {
      tooDeep.push(dir);
      return;
    }
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      skip(dir, `cannot read folder: ${reason(e)}`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      // dir is absolute and normal: a join would only normalise it again, for each file.
      const path = dir.endsWith(sep) ? dir + entry.name : dir + sep + entry.name;
      if (entry.isDirectory()) visit(path, depth + 1);
      else if (!GUIDE_FILE.test(entry.name)) continue;
      else if (entry.isFile()) files.push(path);
      else if (entry.isSymbolicLink()) {
        const problem = linkProblem(path, base);
        if (problem) skip(path, problem);
        else files.push(path);
      } else skip(path, `not a regular file (${kindOf(entry)}); not read`);
    }
  };
  visit(abs, 0);
  if (tooDeep.length > 0) {
    const n = tooDeep.length;
    skip(tooDeep[0]!, `more than ${MAX_FOLDER_DEPTH} folders below ${shownPath(abs)}: not read (${n} folder${n === 1 ? '' : 's'} that deep skipped)`);
  }
  return { files, problems };
}

/** Why a symbolic link found in a guides folder is not read, or undefined when it may be. */
function linkProblem(path: string, base: string): string | undefined {
  let real: string;
  try {
    real = realpathSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return 'a symbolic link loop; not read';
    return `cannot read: ${reason(e)}`;
  }
  if (!inside(base, real)) return `a link to ${shownPath(real)}, outside the guides folder; not read`;
  let info: Stats;
  try {
    info = statSync(real);
  } catch (e) {
    return `cannot read: ${reason(e)}`;
  }
  if (!info.isFile()) return `a link to something that is not a regular file (${kindOf(info)}); not read`;
  return undefined;
}

/** True when `path` is `folder` or below it. */
export function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function kindOf(entry: Dirent | Stats): string {
  if (entry.isDirectory()) return 'a folder';
  if (entry.isFIFO()) return 'a FIFO';
  if (entry.isSocket()) return 'a socket';
  if (entry.isCharacterDevice() || entry.isBlockDevice()) return 'a device';
  return 'not a file';
}

/**
 * A path as coach shows it: a file or folder name may hold control characters or
 * bidirectional overrides, shown visibly (`\x1b`) so the name stays recognisable and
 * the terminal receives nothing. Used for every path that goes into a problem or a
 * guide; the raw path is kept only for reading the file.
 */
export function shownPath(path: string): string {
  return showControls(path);
}

export function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'EACCES' || err.code === 'EPERM') return 'permission denied';
  if (err.code === 'ENOENT') return 'no such file or folder';
  if (err.code === 'EISDIR') return 'is a folder';
  if (err.code === 'ELOOP') return 'a symbolic link loop';
  if (err.code === 'ENOTDIR') return 'not a folder';
  return showControls(err.message ?? String(e));
}
