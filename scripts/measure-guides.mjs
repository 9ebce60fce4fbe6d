// Runs scripts/measure-guides.ts: bundles it with esbuild into a temporary file first
// (the project has no TypeScript runner), then runs it with the same arguments.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const dir = mkdtempSync(join(tmpdir(), 'coach-measure-'));
try {
  const outfile = join(dir, 'measure.cjs');
  await build({ entryPoints: [fileURLToPath(new URL('./measure-guides.ts', import.meta.url))], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'warning' });
  const r = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = r.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
