// `/edit` in a long answer: the draft opens in $VISUAL (else $EDITOR), the editor has
// the terminal, and what it saved comes back as the answer; a countdown keeps running
// meanwhile. The built coach in a pseudo-terminal, with a fake editor script that
// keeps what it was given, waits, and adds a line.
import { chmodSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCoach, type Session } from './helpers/pty.js';

const work = mkdtempSync(join(tmpdir(), 'coach-edit-'));

function fakeEditor(name: string, line: string, seconds: number): { command: string; got: () => string } {
  const script = join(work, name);
  writeFileSync(script, `#!/bin/sh\ncp "$1" "${script}.got"\nsleep ${seconds}\nprintf '%s\\n' '${line}' >> "$1"\n`);
  chmodSync(script, 0o755);
  return { command: script, got: () => readFileSync(`${script}.got`, 'utf8') };
}

/** Seconds left on the last countdown drawn, e.g. "0:57 left" or "9:31 left". */
function lastLeft(s: Session): number {
  const all = [...s.text().matchAll(/(\d+):(\d\d) left/g)];
  const m = all.at(-1);
  if (!m) throw new Error(`no countdown on the screen:\n${s.text().slice(-2000)}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

describe('/edit in a long answer', () => {
  it('opens a trap answer in $EDITOR, brings the edit back, scores it, and the countdown runs on', async () => {
    const editor = fakeEditor('editor-trap', 'and a circuit breaker with cached features', 2);
    const s = runCoach(['trap', 'bighead/what-if-the-feature-store-goes-down', '--time', '60'], { env: { COACH_HOME: join(work, 'home-trap'), EDITOR: editor.command, VISUAL: '' } });
    await s.waitFor('? Your answer');
    await s.waitFor('· /edit');
    s.write('I would fall back to defaults\r');
    await s.waitFor('│ I would fall back to defaults');
    s.write('/edit\r');
    await s.waitFor('│ and a circuit breaker with cached features');
    expect(editor.got()).toBe('I would fall back to defaults\n');
    // The editor took two seconds of the sixty; the prompt reopens with them gone.
    await new Promise((r) => setTimeout(r, 700));
    expect(lastLeft(s)).toBeLessThanOrEqual(58);
    s.write('\r');
    await s.waitFor('Key points: 3 of 5 covered');
    expect(s.text()).toContain('✓ Circuit breaker — you said “circuit breaker”');
    expect(s.text()).toContain('✓ Cached features — you said “cached features”');
    await s.waitFor('How did it go?');
    s.write('\r');
    expect((await s.exited).exitCode).toBe(0);
  });

  it('uses $VISUAL over $EDITOR in a mock, whose clock keeps running, and a Ctrl-C keeps the edited draft', { timeout: 30_000 }, async () => {
    const editor = fakeEditor('editor-mock', 'KServe canary rollouts behind Istio', 2);
    const home = join(work, 'home-mock');
    const s = runCoach(['mock', '--scenario', 'fintech', '--speed', '60'], { env: { COACH_HOME: home, VISUAL: editor.command, EDITOR: '/bin/false' } });
    await s.waitFor('Press Enter to start the clock');
    s.write('\r');
    await s.waitFor('? You:');
    s.write('/next\r');
    await s.waitFor(/Made any of these points|2\/5 High-Level/);
    if (!s.text().includes('2/5 High-Level')) s.write('\r');
    await s.waitFor('? Your answer');
    s.write('Feast online store in Redis\r');
    await s.waitFor('│ Feast online store in Redis');
    const before = lastLeft(s);
    s.write('/edit\r');
    await s.waitFor('│ KServe canary rollouts behind Istio');
    expect(editor.got()).toBe('Feast online store in Redis\n');
    await new Promise((r) => setTimeout(r, 700));
    // Two seconds in the editor at ×60 are two minutes of interview time.
    expect(before - lastLeft(s)).toBeGreaterThanOrEqual(120);
    s.write('\x03');
    expect((await s.exited).exitCode).toBe(130);
    const mocks = join(home, 'data', 'mocks');
    const transcript = readFileSync(join(mocks, readdirSync(mocks)[0]!), 'utf8');
    expect(transcript).toContain('Feast online store in Redis');
    expect(transcript).toContain('KServe canary rollouts behind Istio');
  });

  it('keeps the answer as it was when the editor fails, and says so', async () => {
    const s = runCoach(['trap', 'bighead/what-if-the-feature-store-goes-down'], { env: { COACH_HOME: join(work, 'home-fail'), EDITOR: 'no-such-editor-anywhere', VISUAL: '' } });
    await s.waitFor('? Your answer');
    s.write('A circuit breaker stops calling the store and we serve defaults\r');
    await s.waitFor('│ A circuit breaker stops');
    s.write('/edit\r');
    await s.waitFor("coach: cannot run the editor 'no-such-editor-anywhere': command not found (set VISUAL or EDITOR); your answer is as it was");
    await s.waitFor(/\? Your answer[\s\S]*│ A circuit breaker stops[\s\S]*\? Your answer[\s\S]*│ A circuit breaker stops/);
    s.write('\r');
    await s.waitFor('✓ Circuit breaker');
    s.write('\r');
    expect((await s.exited).exitCode).toBe(0);
  });
});
