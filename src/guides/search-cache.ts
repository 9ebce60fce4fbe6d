// Where `coach search` gets its index (issue 14): the bundled guides' index, built at
// build time (dist/search.idx); with guides of the user's, the library's index in the
// cache, used while the library is the same (the same files, sizes and times, ids and
// scenarios) and otherwise merged again from parts: the bundled guides' parts
// (dist/search-parts.json) and one part per user guide, kept beside its cache entry
// and computed again only when its file changed. No guide is read in full to search
// a library that has not changed.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { GuideSummary, LoadOptions, Summaries } from './library.js';
import { digest, entryFile, loadGuide, writeAtomically } from './library.js';
import { buildIndex, openIndex, openIndexFile, partOf, type SearchPart, type StoredIndex } from './search-store.js';
import { searchItems } from './search-index.js';

/** dist/search-parts.json: each bundled guide's part, by id. */
export interface BundledParts {
  version: 1;
  guides: { id: string; part: SearchPart }[];
}

// Raised when what a part holds changes (its items, their commands, the tokens).
const PART_VERSION = 2;

export async function searchIndex(options: LoadOptions, lib: Summaries): Promise<StoredIndex> {
  const dist = options.bundledIndex ? dirname(options.bundledIndex) : undefined;
  // The bundled guides alone: the index built with them.
  if (options.dirs.length === 0 && dist) {
    const bundled = openIndexFile(join(dist, 'search.idx'));
    if (bundled) return bundled;
  }
  const user = lib.guides.filter((g) => !g.bundled);
  const key = digest(
    JSON.stringify([
      PART_VERSION,
      dist ? readFileSync(join(dist, 'search-parts.json')).length : 0,
      lib.guides.map((g) => [g.id, g.bundled, lib.files.get(g.id) ?? null]),
      lib.scenarios.map((s) => [s.id, s.title, s.prompt, s.angle, s.guide]),
    ]),
  );
  const stored = options.cacheDir ? join(options.cacheDir, 'search.idx') : undefined;
  // None yet, unreadable or another library's: built below.
  const index = stored ? openIndexFile(stored) : undefined;
  if (index?.key === key) return index;
  const parts: SearchPart[] = [];
  if (dist && lib.guides.some((g) => g.bundled)) {
    const bundled = JSON.parse(readFileSync(join(dist, 'search-parts.json'), 'utf8')) as BundledParts;
    const byId = new Map(bundled.guides.map((g) => [g.id, g.part]));
    for (const g of lib.guides) if (g.bundled && byId.has(g.id)) parts.push(byId.get(g.id)!);
  }
  for (const g of user) parts.push(await userPart(options, lib, g));
  parts.push(partOf(searchItems([], lib.scenarios)));
  const bytes = buildIndex(parts, key);
  if (stored) writeAtomically(stored, bytes);
  return openIndex(bytes)!;
}

/** A user guide's part: from beside its cache entry while its file is unchanged. */
async function userPart(options: LoadOptions, lib: Summaries, g: GuideSummary): Promise<SearchPart> {
  const at = lib.files.get(g.id)!;
  const file = options.cacheDir ? entryFile(options.cacheDir, at.file, '.search.json') : undefined;
  const head = JSON.stringify({ version: PART_VERSION, path: at.file, size: at.size, mtimeMs: at.mtimeMs, id: g.id });
  if (file) {
    try {
      const text = readFileSync(file, 'utf8');
      const end = text.indexOf('\n');
      if (text.slice(0, end) === head) {
        const part = JSON.parse(text.slice(end + 1)) as unknown;
        if (isPart(part)) return part;
      }
    } catch {
      /* none yet: computed below */
    }
  }
  const part = partOf(searchItems([await loadGuide(options, lib, g)], []));
  if (file) writeAtomically(file, `${head}\n${JSON.stringify(part)}`);
  return part;
}

/** A part as coach writes it (one edited by hand is computed again). */
function isPart(value: unknown): value is SearchPart {
  const p = value as SearchPart;
  const text = (x: unknown): boolean => typeof x === 'string';
  return (
    Boolean(p) &&
    Array.isArray(p.docs) &&
    p.docs.every((d) => d && text(d.kind) && text(d.title) && text(d.guide) && text(d.open)) &&
    Array.isArray(p.lengths) &&
    p.lengths.length === p.docs.length * 2 &&
    p.lengths.every((n) => Number.isInteger(n) && n >= 0) &&
    Boolean(p.words) &&
    typeof p.words === 'object' &&
    Object.values(p.words).every(
      (flat) => Array.isArray(flat) && flat.length % 3 === 0 && flat.every((n, i) => Number.isInteger(n) && n >= 0 && (i % 3 !== 0 || n < p.docs.length) && (i % 3 !== 1 || n <= 1)),
    )
  );
}
