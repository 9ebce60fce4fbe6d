// What coach keeps for the user is theirs alone: the built coach, run with a usual
// umask (022), writes 0600 files in 0700 folders; a file the user names with -o gets
// the umask's mode like any other file they write.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from './helpers/pty.js';

const FIXTURES = join(import.meta.dirname, 'fixtures/mock');

function coach(home: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env: Record<string, string | undefined> = { ...process.env, COACH_HOME: home, NO_COLOR: '1' };
  delete env['COACH_GUIDES'];
  // umask 022: files 0644 and folders 0755 unless coach asks for less.
  const r = spawnSync('/bin/sh', ['-c', 'umask 022; exec "$0" "$@"', process.execPath, BIN, ...args], { env, encoding: 'utf8', input: '' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const mode = (path: string): string => (statSync(path).mode & 0o777).toString(8);

describe.skipIf(process.platform === 'win32')('file modes', () => {
  it('keeps history, transcripts, cache and config private: 0600 files in 0700 folders', () => {
    const work = mkdtempSync(join(tmpdir(), 'coach-modes-'));
    const home = join(work, 'home');
    const answers = join(work, 'answers.md');
    copyFileSync(join(FIXTURES, 'fintech-good.md'), answers);
    expect(coach(home, ['mock', '--scenario', 'fintech', '--answers', answers]).status).toBe(0);
    expect(coach(home, ['--guides', join(FIXTURES, 'own-guide'), 'list', 'guides']).status).toBe(0);
    expect(coach(home, ['config', 'set', 'minutes', '30']).status).toBe(0);

    expect(mode(home)).toBe('700');
    for (const dir of ['data', 'data/mocks', 'cache', 'cache/guides', 'cache/code', 'config']) expect([dir, mode(join(home, dir))]).toEqual([dir, '700']);
    const files = [
      'data/history.jsonl',
      ...readdirSync(join(home, 'data/mocks')).map((f) => `data/mocks/${f}`),
      ...readdirSync(join(home, 'cache'))
        .filter((f) => f !== 'guides' && f !== 'code')
        .map((f) => `cache/${f}`),
      ...readdirSync(join(home, 'cache/guides')).map((f) => `cache/guides/${f}`),
      // coach's compiled code (code-cache.ts).
      ...readdirSync(join(home, 'cache/code')).map((f) => `cache/code/${f}`),
      'config/config.toml',
    ];
    expect(files.filter((f) => f.startsWith('data/mocks/')).length).toBe(1);
    expect(files.filter((f) => f.startsWith('cache/')).length).toBeGreaterThan(0);
    for (const f of files) expect([f, mode(join(home, f))]).toEqual([f, '600']);
  });

  it('tightens a folder and history file that an older coach left readable by others', () => {
    const home = mkdtempSync(join(tmpdir(), 'coach-modes-old-'));
    mkdirSync(join(home, 'data'), { mode: 0o755 });
    chmodSync(join(home, 'data'), 0o755);
    writeFileSync(join(home, 'data/history.jsonl'), '', { mode: 0o644 });
    chmodSync(join(home, 'data/history.jsonl'), 0o644);
    const answers = join(home, 'answers.md');
    copyFileSync(join(FIXTURES, 'fintech-good.md'), answers);
    expect(coach(home, ['mock', '--scenario', 'fintech', '--answers', answers]).status).toBe(0);
    expect(mode(join(home, 'data'))).toBe('700');
    expect(mode(join(home, 'data/history.jsonl'))).toBe('600');
  });

  // The folder is the user's: coach never makes it (issue 11), nor changes its mode.
  it('gives a file written with -o the umask mode, in the folder the user named', () => {
    const work = mkdtempSync(join(tmpdir(), 'coach-modes-out-'));
    mkdirSync(join(work, 'exports'), { mode: 0o755 });
    const out = join(work, 'exports', 'decks.md');
    const r = coach(join(work, 'home'), ['export', 'md', '-o', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`to ${out}`);
    expect(mode(out)).toBe('644');
    expect(mode(join(work, 'exports'))).toBe('755');
  });
});
