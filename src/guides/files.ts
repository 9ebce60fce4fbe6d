// Reading guide files from disk: the checks every untrusted file goes through before
// it is parsed (size, binary content, encoding), and the recursive folder walk.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Problem } from './model.js';
import { parseGuideText, type Parsed } from './parse.js';

export const MAX_GUIDE_BYTES = 2 * 1024 * 1024;

/** Every markdown file below a folder (or the file itself), sorted, skipping dot and node_modules folders. */
export async function guideFiles(root: string): Promise<{ files: string[]; problems: Problem[] }> {
  const problems: Problem[] = [];
  const files: string[] = [];
  const abs = resolve(root);
  let info;
  try {
    info = await stat(abs);
  } catch (e) {
    problems.push({ path: root, severity: 'error', message: `cannot read guides folder: ${reason(e)}` });
    return { files, problems };
  }
  if (info.isFile()) return { files: [abs], problems };
  const visit = async (dir: string, depth: number): Promise<void> => {
    if (depth > 12) return;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      problems.push({ path: dir, severity: 'error', message: `cannot read folder: ${reason(e)}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await visit(path, depth + 1);
      else if ((entry.isFile() || entry.isSymbolicLink()) && /\.(md|markdown)$/i.test(entry.name)) files.push(path);
    }
  };
  await visit(abs, 0);
  return { files, problems };
}

export function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'EACCES' || err.code === 'EPERM') return 'permission denied';
  if (err.code === 'ENOENT') return 'no such file or folder';
  if (err.code === 'EISDIR') return 'is a folder';
  return err.message ?? String(e);
}

/** Reads and parses one file; a file that cannot be a guide comes back as an error. */
export async function loadGuideFile(path: string, bundled = false): Promise<Parsed> {
  const fail = (message: string, line?: number): Parsed => ({
    kind: 'error',
    problems: [{ path, severity: 'error', message, ...(line ? { line } : {}) }],
  });
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    return fail(`cannot read: ${reason(e)}`);
  }
  if (!info.isFile()) return fail('not a regular file');
  if (info.size > MAX_GUIDE_BYTES) {
    return fail(`too large (${(info.size / 1024 / 1024).toFixed(1)} MB; guides are limited to 2 MB)`);
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    return fail(`cannot read: ${reason(e)}`);
  }
  return parseGuideBytes(bytes, path, bundled);
}

export function parseGuideBytes(bytes: Buffer, path: string, bundled = false): Parsed {
  if (bytes.indexOf(0) >= 0) {
    return { kind: 'error', problems: [{ path, severity: 'error', message: 'binary file (contains NUL bytes), not a markdown guide' }] };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { kind: 'error', problems: [{ path, severity: 'error', message: 'not valid UTF-8 text; save the guide as UTF-8' }] };
  }
  return parseGuideText(text, { path, bundled });
}
