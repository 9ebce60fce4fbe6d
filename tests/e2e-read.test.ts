// The built coach in a real pseudo-terminal, and piped: what a user sees.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { crc32 } from 'node:zlib';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { BIN, runCoach } from './helpers/pty.js';

const home = mkdtempSync(join(tmpdir(), 'coach-e2e-'));

describe('coach in a terminal', () => {
  it('draws the latency card in colour, fitted to the terminal width', async () => {
    const s = runCoach(['card', 'latency'], { cols: 72, env: { COACH_HOME: home }, linger: true });
    const { exitCode } = await s.exited;
    expect(exitCode).toBe(0);
    const lines = s.text().trimEnd().split('\n');
    expect(lines[0]).toBe(`┌${'─'.repeat(70)}┐`);
    expect(s.text()).toContain('Feature lookup');
    // At 72 columns the typical range wraps inside its cell rather than being cut.
    expect(s.text()).toMatch(/Total\s+│ 200 ms │ 73-128/);
    for (const l of lines) expect(l.length).toBe(72);
    expect(s.pty).toBeTruthy();
  });

  it('lists the traps as a table', async () => {
    const s = runCoach(['list', 'traps'], { cols: 120, env: { COACH_HOME: home }, linger: true });
    expect((await s.exited).exitCode).toBe(0);
    expect(s.text()).toContain('Why not just use Kubeflow?');
    expect(s.text()).toContain('20 traps');
  });

  // The card command, the colours and the Unicode measuring are separate bundles in
  // dist/: this proves they share one state (chalk loaded, string-width loaded).
  it('draws a user card with wide characters in colour, every row the same width', async () => {
    const dir = join(home, 'wide-guides');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'wide.md'),
      [
        '# Wide card',
        '',
        '## Quick reference',
        '',
        '```',
        '┌────────────────────────┐',
        '│ 延迟预算 📦 budget      │',
        '├────────────────────────┤',
        '│ 特征存储 │ 10 ms │ 缓存 │',
        '└────────────────────────┘',
        '```',
        '',
      ].join('\n'),
    );
    const s = runCoach(['--guides', dir, 'card', 'wide'], { cols: 60, env: { COACH_HOME: home, FORCE_COLOR: '1' }, linger: true });
    expect((await s.exited).exitCode).toBe(0);
    const lines = s.text().trimEnd().split('\n');
    expect(s.text()).toContain('特征存储');
    for (const l of lines) expect(stringWidth(l)).toBe(stringWidth(lines[0]!));
  });

  it('says which card matches nothing and exits 3', async () => {
    const s = runCoach(['card', 'zzzqqq'], { env: { COACH_HOME: home }, linger: true });
    expect((await s.exited).exitCode).toBe(3);
    expect(s.text()).toContain("coach: no card matches 'zzzqqq'");
  });
});

describe('coach piped', () => {
  const pipe = (args: string[], env: Record<string, string> = {}) => {
    const clean: Record<string, string | undefined> = { ...process.env, COACH_HOME: home, ...env };
    delete clean['FORCE_COLOR'];
    if (!('NO_COLOR' in env)) delete clean['NO_COLOR'];
    Object.assign(clean, env);
    return spawnSync(process.execPath, [BIN, ...args], { env: clean, encoding: 'utf8', input: '' });
  };

  it('prints no escape codes when stdout is not a terminal', () => {
    const r = pipe(['card', 'latency']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Feature lookup');
    expect(r.stdout).not.toContain('\u001b');
  });

  it('honours FORCE_COLOR when piped, and NO_COLOR over it when FORCE_COLOR is unset', () => {
    expect(pipe(['card', 'latency'], { FORCE_COLOR: '1' }).stdout).toContain('\u001b[');
    expect(pipe(['card', 'latency'], { NO_COLOR: '1' }).stdout).not.toContain('\u001b');
  });

  // Without COACH_HOME, env-paths picks the folders (on Linux from XDG_*): the one
  // run that loads it, a default export across two bundles of dist/.
  it('keeps its cache in the platform cache folder when COACH_HOME is not set', () => {
    const xdg = mkdtempSync(join(tmpdir(), 'coach-xdg-'));
    const dir = join(xdg, 'guides');
    mkdirSync(dir);
    writeFileSync(join(dir, 'mine.md'), '# My guide\n\n## Traps\n\n### Why not X?\n\n**Strong answer:** Because Y.\n');
    const env: Record<string, string | undefined> = { ...process.env, XDG_CACHE_HOME: join(xdg, 'cache'), XDG_DATA_HOME: join(xdg, 'data'), NO_COLOR: '1' };
    delete env['COACH_HOME'];
    const r = spawnSync(process.execPath, [BIN, '--guides', dir, 'list', 'guides'], { env, encoding: 'utf8', input: '' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('My guide');
    expect(readdirSync(join(xdg, 'cache', 'coach')).some((f) => /^user-guides\.idx$/.test(f))).toBe(true);
  });

  // The parser's compiled code is kept in the cache (code-cache.ts): an edited guide is
  // read by the cached code as by the fresh, and a damaged cache file is compiled anew.
  it('shows each edit of a guide, with the parser code cached and with that cache damaged', () => {
    const own = mkdtempSync(join(tmpdir(), 'coach-code-'));
    const dir = join(own, 'guides');
    mkdirSync(dir);
    const guide = (n: number) => `---\ntitle: Edited guide\n---\n\n# Edited guide\n\n## Quick reference\n\n| Step | Time |\n|---|---|\n| *Edit* **${n}** | ${n} ms |\n`;
    const card = (n: number) => {
      writeFileSync(join(dir, 'edited.md'), guide(n));
      return pipe(['--guides', dir, 'card', 'edited'], { COACH_HOME: own, NO_COLOR: '1' });
    };
    const code = join(own, 'cache', 'code');
    for (const n of [1, 2]) {
      const r = card(n);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(new RegExp(`Edit\\s+${n}\\s+│ ${n} ms`));
    }
    expect(readdirSync(code)).toEqual(expect.arrayContaining(['guides-files.bin', 'vendor-11ty-gray-matter.bin']));
    const file = join(code, 'guides-files.bin');
    const bytes = readFileSync(file);
    writeFileSync(file, Buffer.concat([bytes.subarray(0, bytes.indexOf(10) + 1), Buffer.alloc(bytes.length - bytes.indexOf(10) - 1, 7)]));
    const r = card(3);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/Edit\s+3\s+│ 3 ms/);
    // Written again whole: its data matches the CRC its first line gives.
    const again = readFileSync(file);
    const head = JSON.parse(again.toString('utf8', 0, again.indexOf(10))) as { crc: number };
    expect(crc32(again.subarray(again.indexOf(10) + 1))).toBe(head.crc);
    expect(card(4).stdout).toMatch(/Edit\s+4\s+│ 4 ms/);
  });

  // boot.ts: main's bundle and every bundle after it load with the compiled code of an
  // earlier run. A cache made by another command serves this one; a damaged file, or
  // one of another build, is compiled anew and written again; a cache folder that
  // cannot be written costs nothing but the compiling.
  it('runs from the compiled-code cache as from the bundles, whatever state the cache is in', () => {
    const own = mkdtempSync(join(tmpdir(), 'coach-boot-'));
    const code = join(own, 'cache', 'code');
    const run = (args: string[]) => pipe(args, { COACH_HOME: own, NO_COLOR: '1' });
    const fresh = pipe(['card', 'latency'], { COACH_HOME: mkdtempSync(join(tmpdir(), 'coach-boot-none-')), NO_COLOR: '1' });
    expect(fresh.status).toBe(0);

    // Made by --help (main's bundle only), then used by card, which adds its own bundles.
    expect(run(['--help']).stdout).toContain('Usage: coach');
    expect(readdirSync(code).sort()).toEqual(['errors.bin', 'main.bin']);
    const made = readFileSync(join(code, 'main.bin'));
    const card = run(['card', 'latency']);
    expect([card.status, card.stderr, card.stdout]).toEqual([0, '', fresh.stdout]);
    expect(readdirSync(code)).toEqual(expect.arrayContaining(['main.bin', 'commands-card.bin', 'render-layout.bin', 'errors.bin']));
    // Accepted as it was: not written again.
    expect(readFileSync(join(code, 'main.bin')).equals(made)).toBe(true);

    // Damaged after its first line: compiled anew, the same card, and the file written again whole.
    const nl = made.indexOf(10);
    writeFileSync(join(code, 'main.bin'), Buffer.concat([made.subarray(0, nl + 1), Buffer.alloc(made.length - nl - 1, 7)]));
    const damaged = run(['card', 'latency']);
    expect([damaged.status, damaged.stderr, damaged.stdout]).toEqual([0, '', fresh.stdout]);
    const again = readFileSync(join(code, 'main.bin'));
    const head = JSON.parse(again.toString('utf8', 0, again.indexOf(10))) as { key: string; crc: number };
    expect(crc32(again.subarray(again.indexOf(10) + 1))).toBe(head.crc);
    expect(head.key).toContain(process.version);

    // Made by another build (another key): refused, compiled anew, written for this one.
    writeFileSync(join(code, 'main.bin'), again.toString('latin1').replace(process.version, 'v0.0.0'), 'latin1');
    const other = run(['card', 'latency']);
    expect([other.status, other.stderr, other.stdout]).toEqual([0, '', fresh.stdout]);
    expect(readFileSync(join(code, 'main.bin')).toString('latin1')).toContain(process.version);

    // Not a file at all, and a folder nothing can be written to.
    rmSync(code, { recursive: true });
    writeFileSync(code, 'not a folder');
    const blocked = run(['card', 'latency']);
    expect([blocked.status, blocked.stderr, blocked.stdout]).toEqual([0, '', fresh.stdout]);
  });

  it('prints the JSON of the card when asked', () => {
    const r = pipe(['card', 'slo', '--json']);
    expect(JSON.parse(r.stdout).card.id).toBe('slo-targets');
  });
});
