// Finding guide files: the recursive folder walk, without loading the parser.
// Synchronous calls throughout: the command waits on the walk and nothing else, and
// node:fs/promises alone costs a start-up its own modules.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Problem } from './model.js';

/** Every markdown file below a folder (or the file itself), sorted, skipping dot and node_modules folders. */
export async function guideFiles(root: string): Promise<{ files: string[]; problems: Problem[] }> {
  const problems: Problem[] = [];
  const files: string[] = [];
  const abs = resolve(root);
  let info;
  try {
    info = statSync(abs);
  } catch (e) {
    problems.push({ path: root, severity: 'error', message: `cannot read guides folder: ${reason(e)}` });
    return { files, problems };
  }
  if (info.isFile()) return { files: [abs], problems };
  const visit = async (dir: string, depth: number): Promise<void> => {
    if (depth > 12) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
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

