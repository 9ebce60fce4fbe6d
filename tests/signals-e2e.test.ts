// Issue 13: work is not lost on other signals. The built coach in a real
// pseudo-terminal: TERM, HUP and a closed terminal during a live mock save the
// partial mock exactly as Ctrl-C does, and end with 128 + the signal. And eight
// `coach mock --answers` run at once get eight transcripts and eight history ids.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCoach, type Session } from './helpers/pty.js';
import { home } from './helpers/home.js';

async function waitFor(s: Session, pattern: string): Promise<void> {
  const start = Date.now();
  while (!s.text().includes(pattern)) {
    if (Date.now() - start > 15_000) throw new Error(`timed out waiting for ${pattern}; screen:\n${s.text().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A live fintech mock with one question answered and a second one half typed. */
async function midMock(h: ReturnType<typeof home>): Promise<Session> {
  const s = runCoach(['mock', '--scenario', 'fintech', '--speed', '60'], { env: h.env });
  await waitFor(s, 'Press Enter to start the clock');
  s.write('\r');
  await waitFor(s, '? You:');
  s.write('How many models?\r');
  await waitFor(s, 'Roughly 500 models');
  await new Promise((r) => setTimeout(r, 200));
  s.write('What latency budget');
  await waitFor(s, 'What latency budget');
  return s;
}

/**
 * The one partial transcript saved, with what was asked and what was being typed.
 * (What coach says about it is on a screen node-pty may stop reading at the exit.)
 */
function savedPartial(h: ReturnType<typeof home>): void {
  const mocks = join(h.dir, 'data', 'mocks');
  expect(existsSync(mocks)).toBe(true);
  const files = readdirSync(mocks);
  expect(files).toHaveLength(1);
  const md = readFileSync(join(mocks, files[0]!), 'utf8');
  expect(md).toContain('(partial: stopped before the end)');
  expect(md).toContain('How many models?');
  expect(md).toContain('What latency budget');
  expect(h.history()).toEqual([expect.objectContaining({ kind: 'mock', partial: true, transcript: join(mocks, files[0]!) })]);
}

describe('a live mock ended by a signal saves the partial mock', { tag: 'slow' } as object, () => {
  it('SIGTERM: saved, and exit 143', { timeout: 60_000 }, async () => {
    const h = home('coach-e2e-signal-');
    const s = await midMock(h);
    process.kill(s.pty.pid, 'SIGTERM');
    expect((await s.exited).exitCode).toBe(143);
    savedPartial(h);
  });

  it('SIGHUP: saved, and ended by the signal (a shell reports 129)', { timeout: 60_000 }, async () => {
    const h = home('coach-e2e-signal-');
    const s = await midMock(h);
    process.kill(s.pty.pid, 'SIGHUP');
    const end = await s.exited;
    expect(end.exitCode === 129 || end.signal === 1).toBe(true);
    savedPartial(h);
  });

  it('a closed terminal: saved, and ended by HUP rather than an abort', { timeout: 60_000 }, async () => {
    const h = home('coach-e2e-signal-');
    const s = await midMock(h);
    // What a terminal window does when closed: its end of the terminal goes away
    // (node-pty closes it, then sends HUP as a terminal program does; not typed).
    (s.pty as unknown as { destroy: () => void }).destroy();
    const end = await Promise.race([s.exited, new Promise<'hang'>((r) => setTimeout(() => r('hang'), 15_000))]);
    expect(end).not.toBe('hang');
    if (end !== 'hang') expect(end.signal === 1 || end.exitCode === 129).toBe(true);
    // The process is gone before its files are checked.
    await new Promise((r) => setTimeout(r, 300));
    savedPartial(h);
  });
});

describe('eight `coach mock --answers` at once', { tag: 'slow' } as object, () => {
  it('eight transcripts and eight history ids', { timeout: 60_000 }, async () => {
    const h = home('coach-e2e-eight-');
    const answers = join(import.meta.dirname, 'fixtures', 'mock', 'fintech-good.md');
    const codes = await Promise.all(
      Array.from(
        { length: 8 },
        () =>
          new Promise<number | null>((resolve) => {
            const p = spawn(process.execPath, [BIN, 'mock', '--scenario', 'fintech', '--answers', answers], { env: { ...process.env, ...h.env, NO_COLOR: '1' }, stdio: 'ignore' });
            p.on('exit', resolve);
          }),
      ),
    );
    expect(codes).toEqual(Array(8).fill(0));
    const files = readdirSync(join(h.dir, 'data', 'mocks'));
    expect(files).toHaveLength(8);
    const records = h.history();
    expect(records).toHaveLength(8);
    expect(new Set(records.map((r) => r['id'])).size).toBe(8);
    expect(new Set(records.map((r) => r['transcript'])).size).toBe(8);
  });
});
