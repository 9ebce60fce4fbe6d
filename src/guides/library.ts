// The library: bundled guides (from the index built at build time) plus the user's
// folders (parsed once, then cached by path, size and modification time).
import { readFile, stat, mkdir, writeFile, rename } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Guide, Problem, Scenario } from './model.js';
import type { Parsed } from './parse.js';
import type { BundledIndex } from './build-index.js';
import { guideFiles, reason } from './files.js';

export interface Library {
  guides: Guide[];
  scenarios: Scenario[];
  /** Files skipped or fixed while loading: one line each on stderr. */
  problems: Problem[];
}

export interface LoadOptions {
  /** dist/guides.json; omitted in tests that load folders only. */
  bundledIndex?: string;
  /** User folders, in priority order (--guides first, then COACH_GUIDES). */
  dirs: string[];
  /** Where the user-guide cache lives; omitted: no cache. */
  cacheDir?: string;
  /** Called before parsing many uncached files, so the caller can show progress. */
  onIndexing?: (count: number) => (() => void) | void;
}

const CACHE_VERSION = 2;

interface CacheEntry {
  size: number;
  mtimeMs: number;
  parsed: Parsed;
}

interface CacheFile {
  version: number;
  entries: Record<string, CacheEntry>;
}

export async function loadLibrary(options: LoadOptions): Promise<Library> {
  const lib: Library = { guides: [], scenarios: [], problems: [] };
  if (options.bundledIndex) {
    const index = JSON.parse(await readFile(options.bundledIndex, 'utf8')) as BundledIndex;
    lib.guides.push(...index.guides);
    lib.scenarios.push(...index.scenarios);
  }
  if (options.dirs.length === 0) return lib;

  const files: string[] = [];
  for (const dir of options.dirs) {
    const found = await guideFiles(dir);
    lib.problems.push(...found.problems);
    for (const f of found.files) if (!files.includes(f)) files.push(f);
  }
  const parsed = await parseWithCache(files, options);
  const bundledIds = new Set(lib.guides.map((g) => g.id));
  const userIds = new Set<string>();
  for (const p of parsed) {
    lib.problems.push(...p.problems);
    if (p.kind === 'guide') {
      const guide = p.guide;
      // A user guide with a bundled guide's id replaces it (so a bundled guide can be
      // forked); two user guides with one id: the first keeps it, later ones get -2, -3.
      if (userIds.has(guide.id)) {
        const base = guide.id;
        let n = 2;
        while (userIds.has(`${base}-${n}`) || bundledIds.has(`${base}-${n}`)) n++;
        guide.id = `${base}-${n}`;
        lib.problems.push({ path: guide.path, severity: 'warning', message: `id '${base}' is already used by another of your guides; loaded as '${guide.id}'` });
      } else if (bundledIds.has(guide.id)) {
        lib.guides = lib.guides.filter((g) => g.id !== guide.id);
      }
      userIds.add(guide.id);
      lib.guides.push(guide);
    } else if (p.kind === 'scenario') {
      lib.scenarios = lib.scenarios.filter((s) => s.id !== p.scenario.id);
      lib.scenarios.push(p.scenario);
    }
  }
  return lib;
}

async function parseWithCache(files: string[], options: LoadOptions): Promise<Parsed[]> {
  const cachePath = options.cacheDir ? join(options.cacheDir, 'user-guides.json') : undefined;
  let cache: CacheFile = { version: CACHE_VERSION, entries: {} };
  if (cachePath) {
    try {
      const read = JSON.parse(await readFile(cachePath, 'utf8')) as CacheFile;
      // A cache from another version, or one that does not read, is rebuilt.
      if (read && read.version === CACHE_VERSION && read.entries && typeof read.entries === 'object') cache = read;
    } catch {
      /* missing or corrupt: rebuilt below, transparently */
    }
  }
  const stats = await Promise.all(
    files.map(async (f) => {
      try {
        const s = await stat(f);
        return { size: s.size, mtimeMs: s.mtimeMs };
      } catch (e) {
        return { error: reason(e) };
      }
    }),
  );
  const stale = files.filter((f, i) => {
    const s = stats[i]!;
    const hit = cache.entries[f];
    return 'error' in s || !hit || hit.size !== s.size || hit.mtimeMs !== s.mtimeMs;
  });
  let changed = Object.keys(cache.entries).some((k) => !files.includes(k));
  const fresh = new Map<string, Parsed>();
  if (stale.length > 0) {
    const done = options.onIndexing?.(stale.length);
    // The parser (marked, gray-matter) loads only when something needs parsing.
    const { loadGuideFile } = await import('./files.js');
    for (const f of stale) {
      const s = stats[files.indexOf(f)]!;
      const parsed = await loadGuideFile(f);
      fresh.set(f, parsed);
      if ('error' in s) delete cache.entries[f];
      else cache.entries[f] = { size: s.size, mtimeMs: s.mtimeMs, parsed };
      changed = true;
    }
    if (done) done();
  }
  const out = files.map((f) => fresh.get(f) ?? cache.entries[f]!.parsed);
  if (cachePath && changed) {
    const kept: CacheFile = { version: CACHE_VERSION, entries: {} };
    for (const f of files) if (cache.entries[f]) kept.entries[f] = cache.entries[f]!;
    await writeCache(cachePath, kept);
  }
  return out;
}

/** Writes the cache through a temporary file and a rename; a cache that cannot be written is only slower. */
async function writeCache(path: string, cache: CacheFile): Promise<void> {
  try {
    await mkdir(resolve(path, '..'), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(cache));
    await rename(tmp, path);
  } catch {
    /* read-only cache folder: coach works, it just parses again next time */
  }
}

/** Every guide, by id. */
export function guideById(lib: Library, id: string): Guide | undefined {
  return lib.guides.find((g) => g.id === id);
}
