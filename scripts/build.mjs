// Bundles src/ into dist/ with esbuild and writes the index of the bundled guides,
// so that `coach` never parses the bundled markdown at run time.
import { build } from 'esbuild';
import { rm, mkdir } from 'node:fs/promises';

const dist = new URL('../dist/', import.meta.url);
await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });

await build({
  entryPoints: { coach: 'src/main.ts', 'build-index': 'src/guides/build-index.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: false,
  logLevel: 'warning',
});

const { writeBundledIndex } = await import(new URL('build-index.js', dist).href);
const summary = await writeBundledIndex(new URL('../guides/', import.meta.url), new URL('guides.json', dist));
console.error(`coach: built dist/ (${summary})`);
