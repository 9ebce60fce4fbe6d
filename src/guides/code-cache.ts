// coach's bundles of dist/ loaded with V8's compiled code from an earlier run: main's
// and every bundle it loads (boot.ts), among them the parser's. A run that finds one
// changed guide among a thousand loads the parser (about 150 KB, with front matter's
// another 117 KB) to parse that one file, and most of that run's extra time was V8
// compiling: the bundle when it loads, then marked's and the recognizers' functions
// one by one as they first run. The code cache V8 makes at the end of a run holds all
// of these (Node's own compile cache, on Node 22 and later, holds a bundle's code as
// compiled at load, without the functions compiled later), so the next run compiles
// almost nothing. One copy of this module per process (a shared unit of dist/), so
// that each bundle is loaded once, whichever bundle asks for it.
//
// One file per bundle in <cache>/code/, written when there was none or V8 refused it
// (another Node, another build). Its first line says which bundle text, Node and
// machine it is for, and the CRC-32 and length of the data: V8 checks little of a
// cache it is given, so data that is not as coach wrote it is never given to it. Under
// the tests (no dist/), nothing is cached: undefined, and the caller imports as usual.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname, join } from 'node:path';

// zlib's native CRC-32 (what the summary index uses too).
const crc32 = (data: Buffer | string): number => process.getBuiltinModule('node:zlib').crc32(data);

declare const __COACH_PARSER__: string | undefined;
const BUNDLED = typeof __COACH_PARSER__ === 'string';

/** Bundles loaded here, by file: each once per process, as require() would. */
const loaded = new Map<string, unknown>();

/**
 * The exports of dist/<name>.cjs, loaded with the compiled code cached in `cacheDir`;
 * undefined when not running from dist/ or when anything goes wrong before the bundle
 * runs (the caller then imports it as usual).
 */
export function loadBundle<T>(name: string, cacheDir: string): T | undefined {
  if (!BUNDLED) return undefined;
  const file = join(__dirname, `${name}.cjs`);
  // Loaded by require() already (another command's path): that copy.
  const required = (require.cache as Record<string, { exports: unknown } | undefined>)[file];
  if (required) return required.exports as T;
  if (loaded.has(file)) return loaded.get(file) as T;
  let run: () => unknown;
  try {
    run = compile(file, name, cacheDir);
  } catch {
    return undefined;
  }
  return run() as T;
}

// The caches to write when the process ends, by file: one exit listener for them all
// (a first run loads a dozen bundles, and a listener each made Node warn of a leak).
const pending = new Map<string, () => void>();

function writePending(): void {
  for (const write of pending.values()) {
    try {
      write();
    } catch {
      /* V8 made no cache: the next run compiles again */
    }
  }
  pending.clear();
}

function compile(file: string, name: string, cacheDir: string): () => unknown {
  const { Script } = process.getBuiltinModule('node:vm') as typeof import('node:vm');
  const source = readFileSync(file, 'utf8');
  const store = join(cacheDir, 'code', `${name}.bin`);
  const key = `${process.version} ${process.arch} ${source.length} ${crc32(source)}`;
  const cachedData = readCache(store, key);
  const script = new Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  if (!cachedData || script.cachedDataRejected) {
    // At the end of the run: the cache then holds every function this run compiled.
    if (pending.size === 0) process.once('exit', writePending);
    pending.set(store, () => writeCache(store, key, script.createCachedData()));
  }
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  return () => {
    const m = new Module(file) as Module & { filename: string; loaded: boolean };
    m.filename = file;
    const nodeRequire = createRequire(file);
    // The bundle's own require() of another bundle of dist/ (front matter's) is cached too.
    const ownRequire = ((id: string) => {
      if (/^\.\/[\w-]+\.cjs$/.test(id)) {
        const other = loadBundle<unknown>(id.slice(2, -4), cacheDir);
        if (other !== undefined) return other;
      }
      return nodeRequire(id);
    }) as NodeJS.Require;
    Object.assign(ownRequire, { resolve: nodeRequire.resolve, cache: nodeRequire.cache, main: nodeRequire.main });
    loaded.set(file, m.exports);
    try {
      wrapper.call(m.exports, m.exports, ownRequire, m, file, dirname(file));
    } catch (e) {
      loaded.delete(file);
      throw e;
    }
    m.loaded = true;
    loaded.set(file, m.exports);
    return m.exports;
  };
}

/** The cached data in `store` if it is for this key and as coach wrote it. */
function readCache(store: string, key: string): Buffer | undefined {
  try {
    const bytes = readFileSync(store);
    const nl = bytes.indexOf(10);
    const head = JSON.parse(bytes.toString('utf8', 0, nl)) as { key?: unknown; length?: unknown; crc?: unknown };
    const data = bytes.subarray(nl + 1);
    return head.key === key && head.length === data.length && head.crc === crc32(data) ? data : undefined;
  } catch {
    return undefined; // none yet, or unreadable: compiled as usual, and written at the end
  }
}

/** Private like the rest of the cache (0600 in a 0700 folder); a cache that cannot be written only means compiling next time. */
function writeCache(store: string, key: string, data: Buffer): void {
  try {
    mkdirSync(dirname(store), { recursive: true, mode: 0o700 });
    const head = Buffer.from(`${JSON.stringify({ key, length: data.length, crc: crc32(data) })}\n`);
    const tmp = `${store}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.concat([head, data]), { mode: 0o600 });
    renameSync(tmp, store);
  } catch {
    /* read-only cache folder */
  }
}
