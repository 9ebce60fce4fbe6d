// Bundles src/ into dist/ with esbuild and writes the index of the bundled guides,
// so that `coach` never parses the bundled markdown at run time. The new dist/ is
// built beside the old one and swapped in by rename, so a coach that is running
// while a build happens never sees a half-written folder.
import { build } from 'esbuild';
import { rm, rename } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const next = `${root}dist.${process.pid}`;
const old = `${root}dist.old.${process.pid}`;

// commander requires child_process at load time, only to run external subcommands,
// which coach has none of: a stub saves loading it on every start.
const noChildProcess = {
  name: 'commander-without-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'coach-stub' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'coach-stub' }, () => ({
      contents: "module.exports = { spawn() { throw new Error('coach has no external subcommands'); } };",
      loader: 'js',
    }));
  },
};

await build({
  plugins: [noChildProcess],
  entryPoints: { coach: 'src/main.ts', 'build-index': 'src/guides/build-index.ts', 'index-worker': 'src/guides/index-worker.ts' },
  outdir: next,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Dependencies are bundled too: resolving dozens of small modules in node_modules
  // costs more start-up time than reading one larger file.
  chunkNames: 'chunks/[name]-[hash]',
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'external',
  // Bundled CommonJS dependencies call require() for Node built-ins, and
  // write-file-atomic names its temporary files after __filename.
  banner: { js: "import { createRequire as __coachRequire } from 'node:module'; import { fileURLToPath as __coachPath } from 'node:url'; const require = __coachRequire(import.meta.url); const __filename = __coachPath(import.meta.url);" },
  sourcemap: false,
  logLevel: 'warning',
});

try {
  const { writeBundledIndex } = await import(`${next}/build-index.js`);
  const summary = await writeBundledIndex(new URL('../guides/', import.meta.url), new URL(`file://${next}/guides.json`));
  await rename(`${root}dist`, old).catch(() => {});
  await rename(next, `${root}dist`);
  await rm(old, { recursive: true, force: true });
  console.error(`coach: built dist/ (${summary})`);
} catch (e) {
  await rm(next, { recursive: true, force: true });
  throw e;
}
