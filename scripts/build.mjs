// Bundles src/ into dist/ with esbuild and writes the index of the bundled guides,
// so that `coach` never parses the bundled markdown at run time. The new dist/ is
// built beside the old one and swapped in by rename, so a coach that is running
// while a build happens never sees a half-written folder.
//
// Shape of dist/ (flat, CommonJS, one file per unit of loading):
// - coach.cjs: src/boot.ts, which loads main.cjs and everything after it with V8's
//   compiled code of an earlier run (src/guides/code-cache.ts);
// - main.cjs: src/main.ts with cli.ts and commander, everything `--help` needs;
// - one bundle per target of a dynamic import() in src/ (each command, and the
//   heavy things loaded only when needed: the markdown parser, Fuse, inquirer,
//   chalk, string-width...), self-contained, so that a command is one more file;
// - one bundle per module that must exist once per process (SHARED below).
// A dynamic import() becomes require() of its bundle, and so does a require() of a
// package in src/ (loaded lazily, synchronously). CommonJS because Node loads
// it synchronously: an ES module graph is fetched level by level through the
// thread pool, which cost `coach card` about 15 ms of waiting here.
import { build } from 'esbuild';
import { mkdir, readFile, readdir, rm, rename, writeFile } from 'node:fs/promises';
import { createRequire, isBuiltin } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const next = `${root}dist.${process.pid}`;
const old = `${root}dist.old.${process.pid}`;

// Modules with state or classes that other bundles test with instanceof: one copy
// each, required by every bundle that uses them.
const SHARED = ['src/errors.ts', 'src/render/style.ts', 'src/render/layout.ts', 'src/folders.ts', 'src/guides/code-cache.ts'].map((p) => resolve(root, p));
const SRC = resolve(root, 'src');

/** The bundle name of a source file or package: src/commands/card.ts → commands-card. */
function unitName(path, request) {
  if (path.startsWith(SRC + sep))
    return relative(SRC, path)
      .replace(/\.[cm]?[jt]s$/, '')
      .split(sep)
      .join('-');
  return `vendor-${request.replace(/^@/, '').replaceAll('/', '-')}`;
}

// commander requires child_process at load time, only to run external subcommands,
// which coach has none of: a stub saves loading it on every start.
const noChildProcess = {
  name: 'commander-without-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) => (/[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'coach-stub' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'coach-stub' }, () => ({
      contents: "module.exports = { spawn() { throw new Error('coach has no external subcommands'); } };",
      loader: 'js',
    }));
  },
};

/** Turns every dynamic import and every SHARED module into a separate unit. */
function units(entries) {
  return {
    name: 'coach-units',
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData === 'coach-units' || args.kind === 'entry-point' || isBuiltin(args.path)) return undefined;
        const resolved = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'coach-units' });
        if (resolved.errors.length > 0 || resolved.external) return undefined;
        const shared = SHARED.includes(resolve(resolved.path));
        // A require() of a package in src/ is loaded lazily and synchronously too
        // (render/layout.ts and the Unicode tables): a unit of its own.
        const lazyRequire = args.kind === 'require-call' && args.importer.startsWith(SRC + sep) && !args.path.startsWith('.');
        if (args.kind !== 'dynamic-import' && !lazyRequire && !shared) return undefined;
        const name = unitName(resolved.path, args.path);
        if (entries[name] && entries[name] !== resolved.path) throw new Error(`two units named ${name}: ${entries[name]} and ${resolved.path}`);
        entries[name] = resolved.path;
        return { path: `./${name}.cjs`, external: true };
      });
    },
  };
}

// esbuild gives an ES module that imports a CommonJS file Node's interop, where
// `default` is the whole module.exports. Every unit is an esbuild bundle that marks
// itself __esModule with its own `default`, so the unit's exports are used as they are.
const UNIT_INTEROP = /__toESM\((require\("\.\/[\w-]+\.cjs"\)),1\)/g;

/**
 * The packages bundled into what coach runs (every unit but the build-time
 * build-index), each with its licence text: dist/ carries their code, so it
 * carries their notices too, as their licences ask.
 */
async function licenses(metafile) {
  const roots = new Set();
  for (const [out, info] of Object.entries(metafile.outputs)) {
    if (out.endsWith('build-index.cjs')) continue;
    for (const input of Object.keys(info.inputs)) {
      const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (m) roots.add(m[1]);
    }
  }
  const parts = [];
  for (const dir of [...roots].sort()) {
    const pkg = JSON.parse(await readFile(resolve(root, dir, 'package.json'), 'utf8'));
    const file = (await readdir(resolve(root, dir))).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
    const text = file ? (await readFile(resolve(root, dir, file), 'utf8')).trim() : `License: ${pkg.license ?? 'unknown'} (no licence file in the package)`;
    parts.push(`${pkg.name} ${pkg.version} (${pkg.license ?? 'unknown licence'})\n\n${text}`);
  }
  const rule = `\n\n${'-'.repeat(78)}\n\n`;
  return `coach bundles the following packages into dist/. Their licences follow.${rule}${parts.join(rule)}\n`;
}

/**
 * The parser's fingerprint: a hash of everything under src/guides. The cache of the
 * user's guides keeps an entry by the file's size and time; an entry written by a
 * build that reads guides differently is parsed again instead of kept.
 */
async function parserFingerprint() {
  const { createHash } = await import('node:crypto');
  const dir = `${root}src/guides`;
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.ts')).sort();
  const hash = createHash('sha256');
  for (const f of files) hash.update(f).update(await readFile(`${dir}/${f}`));
  return hash.digest('hex').slice(0, 12);
}

async function bundle(outdir) {
  const parser = await parserFingerprint();
  const entries = {
    coach: `${root}src/boot.ts`,
    'build-index': `${root}src/guides/build-index.ts`,
    'index-worker': `${root}src/guides/index-worker.ts`,
  };
  // Each pass may find more dynamic imports; stop when a pass finds none.
  for (;;) {
    const before = Object.keys(entries).length;
    const result = await build({
      write: false,
      plugins: [noChildProcess, units(entries)],
      entryPoints: { ...entries },
      outdir,
      outExtension: { '.js': '.cjs' },
      bundle: true,
      // The shell completion scripts are kept as shell files and bundled as text.
      loader: { '.bash': 'text', '.zsh': 'text', '.fish': 'text' },
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      // import() becomes require() of the unit's bundle.
      supported: { 'dynamic-import': false },
      // import.meta.url of a bundle, worked out when read: most bundles never read it, and
      // parsing a URL at every bundle's load cost a few milliseconds of every command.
      define: { 'import.meta.url': '__coach.url', __COACH_PARSER__: JSON.stringify(parser) },
      banner: { js: "const __coach = { get url() { return require('node:url').pathToFileURL(__filename).href; } };" },
      minifyWhitespace: true,
      minifySyntax: true,
      // The licences of bundled packages go to one file, THIRD-PARTY-LICENSES.txt.
      legalComments: 'none',
      metafile: true,
      sourcemap: false,
      logLevel: 'warning',
    });
    if (Object.keys(entries).length !== before) continue;
    for (const file of result.outputFiles) {
      await mkdir(dirname(file.path), { recursive: true });
      await writeFile(file.path, file.text.replaceAll(UNIT_INTEROP, '__toESM($1)'));
    }
    await writeFile(`${outdir}/THIRD-PARTY-LICENSES.txt`, await licenses(result.metafile));
    // COACH_METAFILE=path: esbuild's account of what each bundle holds, for size work.
    if (process.env.COACH_METAFILE) await writeFile(process.env.COACH_METAFILE, JSON.stringify(result.metafile));
    return Object.keys(entries).length;
  }
}

try {
  const count = await bundle(next);
  const { writeBundledIndex } = createRequire(import.meta.url)(`${next}/build-index.cjs`);
  const summary = await writeBundledIndex(new URL('../guides/', import.meta.url), pathToFileURL(resolve(next, 'guides.json')));
  await rename(`${root}dist`, old).catch(() => {});
  await rename(next, `${root}dist`);
  await rm(old, { recursive: true, force: true });
  console.error(`coach: built dist/ (${count} bundles; ${summary})`);
} catch (e) {
  await rm(next, { recursive: true, force: true });
  throw e;
}
