// The built coach in a real pseudo-terminal, and piped: what a user sees.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
    expect(readdirSync(code).sort()).toEqual(['guides-files.bin', 'vendor-11ty-gray-matter.bin']);
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

  it('prints the JSON of the card when asked', () => {
    const r = pipe(['card', 'slo', '--json']);
    expect(JSON.parse(r.stdout).card.id).toBe('slo-targets');
  });
});
