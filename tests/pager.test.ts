// Long output goes through a pager on a terminal, as git and gh do: $COACH_PAGER, else
// $PAGER, else the config's pager, else `less -FRX`; never when stdout is piped; not
// with --no-pager. A fake pager (a script that keeps what it reads) stands in for less.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCoach } from './helpers/pty.js';

const work = mkdtempSync(join(tmpdir(), 'coach-pager-'));
const home = join(work, 'home');

/** A pager script that writes what it receives, and its arguments, to `<name>.out`. */
function fakePager(name: string): { command: string; received: () => string | undefined; args: () => string | undefined } {
  const script = join(work, name);
  writeFileSync(script, `#!/bin/sh\nprintf '%s' "$*" > "${script}.args"\ncat > "${script}.out"\n`);
  chmodSync(script, 0o755);
  const read = (f: string): string | undefined => (existsSync(f) ? readFileSync(f, 'utf8') : undefined);
  return { command: script, received: () => read(`${script}.out`), args: () => read(`${script}.args`) };
}

describe('the pager', () => {
  it('pages a guide through $PAGER on a terminal, and shows nothing of it itself', async () => {
    const pager = fakePager('pager-a');
    const s = runCoach(['guide', 'bighead'], { env: { COACH_HOME: home, PAGER: pager.command } });
    expect((await s.exited).exitCode).toBe(0);
    expect(pager.received()).toContain('Airbnb BigHead');
    expect(pager.received()).toContain('Pacing (45 min)');
    expect(s.text()).not.toContain('Pacing (45 min)');
  });

  it('prefers $COACH_PAGER to $PAGER, and sets LESS for less as git does', async () => {
    const general = fakePager('pager-general');
    const own = join(work, 'pager-own');
    writeFileSync(own, `#!/bin/sh\nprintf '%s' "$LESS" > "${own}.less"\ncat > "${own}.out"\n`);
    chmodSync(own, 0o755);
    const s = runCoach(['history', 'show'], { env: { COACH_HOME: mkdtempSync(join(tmpdir(), 'coach-pager-h-')), PAGER: general.command, COACH_PAGER: own } });
    // No mock yet: an error, on stderr, not paged.
    expect((await s.exited).exitCode).toBe(3);
    expect(s.text()).toContain('no mocks yet');
    expect(existsSync(`${own}.out`)).toBe(false);

    const t = runCoach(['export', 'md', '--guide', 'bighead'], { env: { COACH_HOME: home, PAGER: general.command, COACH_PAGER: own } });
    expect((await t.exited).exitCode).toBe(0);
    expect(readFileSync(`${own}.out`, 'utf8')).toContain('# ');
    expect(readFileSync(`${own}.less`, 'utf8')).toBe('FRX');
    expect(general.received()).toBeUndefined();
  });

  it('runs `less -FRX` when neither variable is set', async () => {
    const bin = join(work, 'bin');
    mkdirSync(bin, { recursive: true });
    const less = join(bin, 'less');
    writeFileSync(less, `#!/bin/sh\nprintf '%s' "$*" > "${less}.args"\ncat > "${less}.out"\n`);
    chmodSync(less, 0o755);
    const s = runCoach(['list', 'traps'], { env: { COACH_HOME: home, PAGER: '', PATH: `${bin}:${process.env['PATH']}` } });
    expect((await s.exited).exitCode).toBe(0);
    expect(readFileSync(`${less}.args`, 'utf8')).toBe('-FRX');
    expect(readFileSync(`${less}.out`, 'utf8')).toContain('20 traps');
  });

  it("uses the config file's pager when no variable names one", async () => {
    const pager = fakePager('pager-config');
    const configured = mkdtempSync(join(tmpdir(), 'coach-pager-config-'));
    mkdirSync(join(configured, 'config'));
    writeFileSync(join(configured, 'config', 'config.toml'), `pager = "${pager.command} --from-config"\n`);
    const s = runCoach(['trap', 'list'], { env: { COACH_HOME: configured, PAGER: '' } });
    expect((await s.exited).exitCode).toBe(0);
    expect(pager.args()).toBe('--from-config');
    expect(pager.received()).toContain('traps · ');
  });

  it('prints on the terminal with --no-pager', async () => {
    const pager = fakePager('pager-b');
    const s = runCoach(['--no-pager', 'guide', 'bighead'], { env: { COACH_HOME: home, PAGER: pager.command } });
    expect((await s.exited).exitCode).toBe(0);
    expect(s.text()).toContain('Pacing (45 min)');
    expect(pager.received()).toBeUndefined();
  });

  it('never pages when stdout is piped', () => {
    const pager = fakePager('pager-c');
    const env: Record<string, string | undefined> = { ...process.env, COACH_HOME: home, PAGER: pager.command, COACH_PAGER: pager.command };
    const r = spawnSync(process.execPath, [BIN, 'guide', 'bighead'], { env, encoding: 'utf8', input: '' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Pacing (45 min)');
    expect(pager.received()).toBeUndefined();
  });

  it('does not page short answers such as a card', async () => {
    const pager = fakePager('pager-d');
    const s = runCoach(['card', 'latency'], { env: { COACH_HOME: home, PAGER: pager.command } });
    expect((await s.exited).exitCode).toBe(0);
    expect(s.text()).toContain('Latency Budget');
    expect(pager.received()).toBeUndefined();
  });

  it('prints the text itself when the pager cannot be found', async () => {
    const s = runCoach(['guide', 'bighead'], { env: { COACH_HOME: home, PAGER: 'no-such-pager-anywhere' } });
    expect((await s.exited).exitCode).toBe(0);
    expect(s.text()).toContain("coach: cannot run the pager 'no-such-pager-anywhere' (command not found)");
    expect(s.text()).toContain('Pacing (45 min)');
  });
});
