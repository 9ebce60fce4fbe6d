// The published package: `npm pack` makes the tarball, a global install of it into
// a temporary prefix with --omit=dev pulls in nothing else, and the installed coach
// runs from another folder: dist/ holds every runtime dependency.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

// npm run by `npm test` passes its own settings down as npm_* variables (a prefix, a
// global flag...): the npm calls here start from none of them.
function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !/^npm_/i.test(k) && !k.startsWith('VITEST') && k !== 'COACH_GUIDES') env[k] = v;
  return { ...env, ...extra };
}

describe('the npm package', { timeout: 120_000 }, () => {
  it('packs docs, the licences and the built CLI, installs with no dependencies and runs from elsewhere', () => {
    const work = mkdtempSync(join(tmpdir(), 'coach-pack-'));
    const npm = (args: string[], cwd: string): string => execFileSync('npm', args, { cwd, env: cleanEnv({ npm_config_cache: join(work, 'npm-cache') }), encoding: 'utf8' });

    // dist/ is built by `npm test` before the tests run; pack it as it is.
    const [packed] = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], root)) as { filename: string; files: { path: string }[] }[];
    const files = packed!.files.map((f) => f.path);
    expect(files).toEqual(
      expect.arrayContaining([
        'LICENSE',
        'README.md',
        'package.json',
        'bin/coach.cjs',
        'dist/coach.cjs',
        'dist/guides.json',
        'dist/THIRD-PARTY-LICENSES.txt',
        'docs/guide-format.md',
        'guides/bighead.md',
      ]),
    );
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('tests/') || f.startsWith('scripts/') || f === 'dist/build-index.cjs')).toEqual([]);

    const prefix = join(work, 'prefix');
    npm(['install', '--global', '--prefix', prefix, '--omit=dev', '--offline', '--no-audit', '--no-fund', join(work, packed!.filename)], work);
    const installed = join(prefix, 'lib', 'node_modules', 'coach');
    expect(existsSync(join(installed, 'dist', 'coach.cjs'))).toBe(true);
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);

    const elsewhere = join(work, 'elsewhere');
    mkdirSync(elsewhere);
    copyFileSync(join(root, 'tests/fixtures/mock/fintech-good.md'), join(elsewhere, 'answers.md'));
    const coach = (args: string[]) => spawnSync(join(prefix, 'bin', 'coach'), args, { cwd: elsewhere, env: cleanEnv({ COACH_HOME: join(work, 'home'), NO_COLOR: '1' }), encoding: 'utf8', input: '' });

    const card = coach(['card', 'latency']);
    expect(card.stderr).toBe('');
    expect(card.status).toBe(0);
    expect(card.stdout).toContain('Latency Budget');

    const mock = coach(['mock', '--scenario', 'fintech', '--answers', 'answers.md']);
    expect(mock.stderr).toBe('');
    expect(mock.status).toBe(0);
    expect(mock.stdout).toMatch(/Score \d+\/100/);
    // The path goes on a line of its own when it is wider than the terminal.
    expect(mock.stdout).toMatch(new RegExp(`Transcript saved:\\s+${join(work, 'home', 'data', 'mocks')}/`));
  });
});
