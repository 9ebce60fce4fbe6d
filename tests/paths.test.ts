// coach paths: where history, transcripts, the cache and the config file live, from
// COACH_HOME or, without it, the platform folders (on Linux the XDG variables).
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from './helpers/pty.js';

function coach(args: string[], env: Record<string, string>): { status: number | null; stdout: string } {
  const clean: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', ...env };
  if (!env['COACH_HOME']) delete clean['COACH_HOME'];
  return spawnSync(process.execPath, [BIN, ...args], { env: clean, encoding: 'utf8', input: '' });
}

describe('coach paths', () => {
  it.skipIf(process.platform !== 'linux')('follows XDG_DATA_HOME, XDG_CACHE_HOME and XDG_CONFIG_HOME without COACH_HOME', () => {
    const x = mkdtempSync(join(tmpdir(), 'coach-paths-'));
    const r = coach(['paths', '--json'], { XDG_DATA_HOME: join(x, 'd'), XDG_CACHE_HOME: join(x, 'c'), XDG_CONFIG_HOME: join(x, 'f') });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      from: 'platform',
      data: join(x, 'd', 'coach'),
      history: join(x, 'd', 'coach', 'history.jsonl'),
      transcripts: join(x, 'd', 'coach', 'mocks'),
      cache: join(x, 'c', 'coach'),
      config: join(x, 'f', 'coach', 'config.toml'),
      configExists: false,
    });
  });

  it('puts everything under COACH_HOME when it is set, and says so', () => {
    const home = mkdtempSync(join(tmpdir(), 'cph-'));
    const r = coach(['paths'], { COACH_HOME: home, COLUMNS: '160' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`data           ${join(home, 'data')}  (history and mock transcripts)`);
    expect(r.stdout).toContain(`  transcripts  ${join(home, 'data', 'mocks')}  (one markdown file per mock)`);
    expect(r.stdout).toContain(`config         ${join(home, 'config', 'config.toml')}  (not created yet: coach config set KEY VALUE)`);
    expect(r.stdout).toContain('COACH_HOME is set: everything is under it.');
    // Narrower: a note that does not fit goes under its path, which is never cut.
    const narrow = coach(['paths'], { COACH_HOME: home, COLUMNS: '60' });
    expect(narrow.stdout).toContain(`  transcripts  ${join(home, 'data', 'mocks')}\n               (one markdown file per mock)\n`);
    for (const line of narrow.stdout.split('\n')) if (!line.includes(home)) expect(line.length).toBeLessThanOrEqual(60);
  });
});
