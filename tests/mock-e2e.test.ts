// The built coach in a real pseudo-terminal: a whole fintech mock at --speed 60 with
// typed answers through all five phases to the review; Ctrl-C mid-phase leaving a
// partial transcript, a restored terminal and exit 130; choosing a scenario from the
// list; and, piped, the study sheet and the usage error.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCoach, type Session } from './helpers/pty.js';
import { home } from './helpers/home.js';

const CTRL_C = '\x03';
const CTRL_D = '\x04';

/** Reads the screen forward: each wait looks only at what came after the last match. */
function reader(s: Session): { next: (pattern: string | RegExp, timeoutMs?: number) => Promise<string> } {
  let from = 0;
  return {
    async next(pattern, timeoutMs = 15_000) {
      const start = Date.now();
      for (;;) {
        const rest = s.text().slice(from);
        const m = typeof pattern === 'string' ? (rest.includes(pattern) ? { index: rest.indexOf(pattern), 0: pattern } : null) : pattern.exec(rest);
        if (m) {
          from += m.index + m[0].length;
          return rest.slice(m.index, m.index + m[0].length);
        }
        if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${String(pattern)}; screen after the last match:\n${rest.slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
  };
}

/** After a phase ends: untick nothing in the key-point checklist when one is shown. */
async function passChecklist(s: Session, r: ReturnType<typeof reader>, nextHeader: RegExp): Promise<void> {
  const seen = await r.next(new RegExp(`Made any of these points|${nextHeader.source}`));
  if (seen.startsWith('Made any')) {
    s.write('\r');
    await r.next(nextHeader);
  }
}

/** A fintech mock at --speed 60, its first clarifying question asked and answered. */
async function firstQuestionAsked(h: ReturnType<typeof home>): Promise<{ s: Session; r: ReturnType<typeof reader> }> {
  const s = runCoach(['mock', '--scenario', 'fintech', '--speed', '60'], { env: h.env });
  const r = reader(s);
  await r.next('Press Enter to start the clock');
  s.write('\r');
  await r.next('? You:');
  s.write('How many models?\r');
  await r.next('Roughly 500 models');
  await r.next('? You:');
  return { s, r };
}

describe('coach mock in a terminal', { tag: 'slow' } as object, () => {
  it('runs a whole fintech mock at --speed 60: the interviewer answers, skips what was covered, probes what was missed', { timeout: 90_000 }, async () => {
    const h = home('coach-e2e-mock-');
    const s = runCoach(['mock', '--scenario', 'fintech', '--speed', '60'], { env: h.env, cols: 100, rows: 40 });
    const r = reader(s);
    await r.next('Press Enter to start the clock');
    s.write('\r');

    // Clarify: questions one at a time, answered from the brief or "not in the brief".
    await r.next('1/5 Clarify');
    await r.next('? You:');
    expect(await r.next(/\d:\d\d left · Clarify 1\/5 · total \d:\d\d \/ 45:00 · clock ×60/)).toBeTruthy();
    s.write('How many models and predictions per day?\r');
    await r.next('Interviewer: Roughly 500 models');
    await r.next('? You:');
    s.write('What is the peak rate?\r');
    await r.next("Interviewer: That's not in the brief, only what I said: Roughly 500");
    await r.next('? You:');
    s.write('What latency does a fraud score need?\r');
    await r.next('under 100 ms');
    await r.next('? You:');
    s.write('/nxt\r');
    await r.next('unknown command /nxt: did you mean /next?');
    s.write('/next\r');
    await r.next('Must-ask questions 2/4');
    await passChecklist(s, r, /2\/5 High-Level/);

    // High-Level: an answer that already covers the first two scripted follow-ups (the
    // request path's budget, composing open source): the interviewer skips to the third.
    await r.next('? Your answer');
    s.write('I compose best-of-breed open-source tools instead of adopting one suite, because each layer can then be swapped.\r');
    s.write('On the fraud path the 100 ms becomes a latency budget per hop: 20 ms features, 50 ms model, the rest network.\r');
    await r.next('│ On the fraud path');
    s.write('/help\r');
    await r.next('/extend  add 2 minutes to this phase');
    await r.next('│ On the fraud path'); // the notes come back as they were
    s.write(CTRL_D);
    await r.next('Interviewer: How do the batch credit jobs and the real-time fraud service share features?');
    expect(s.text()).not.toContain('Walk me through the fraud request path');
    await r.next('? Your answer');
    s.write('/next\r');
    await r.next('High-Level done');
    await passChecklist(s, r, /3\/5 Deep Dive/);

    // Deep Dive: a short answer gets a probe of a missed point; "not sure" gets a nudge.
    await r.next('? Your answer');
    s.write('Online store in Redis, offline store in Parquet.\r');
    await r.next('│ Online store');
    s.write(CTRL_D);
    await r.next('Interviewer: What about one definition, two paths? One Python definition');
    await r.next('? Your answer');
    s.write('Not sure.\r');
    await r.next('│ Not sure.');
    s.write(CTRL_D);
    await r.next("Interviewer: That's fine, think out loud. A pointer:");
    await r.next('? Your answer');
    s.write('/extend\r');
    await r.next('+2 min for Deep Dive');
    s.write('/next\r');
    await r.next('Deep Dive done');
    await passChecklist(s, r, /4\/5 Scale & Trade-offs/);

    // Scale & Trade-offs: the trap question after the first answer.
    await r.next('? Your answer');
    s.write('Redis Cluster with replicas across zones; if it fails, a circuit breaker returns default values so authorisations keep flowing.\r');
    await r.next('│ Redis Cluster');
    s.write(CTRL_D);
    await r.next('Interviewer (trap): How do you handle 10x traffic spike?');
    await r.next('? Your answer');
    s.write('HPA autoscaling on queue depth, pre-scale for Black Friday, load shedding of the lowest-priority traffic.\r');
    await r.next('│ HPA');
    s.write('/next\r');
    await r.next(/Trap “How do you handle 10x traffic spike\?” \d\/6/);
    await passChecklist(s, r, /5\/5 Wrap Up/);

    // Wrap Up, then the review.
    await r.next('? Your answer');
    s.write('Key decisions: Feast, KServe; the trade-off is integration work.\r');
    await r.next('│ Key decisions');
    s.write('/next\r');
    await passChecklist(s, r, /Review · ML platform for a fintech company/);
    await r.next(/Score \d+\/100/);
    const saved = await r.next(/Transcript saved:\s+\S+\.md/);
    expect((await s.exited).exitCode).toBe(0);

    const file = saved.replace(/^Transcript saved:\s+/, '');
    expect(file.startsWith(join(h.dir, 'data', 'mocks'))).toBe(true);
    const md = readFileSync(file, 'utf8');
    for (const phase of ['## Clarify', '## High-Level', '## Deep Dive', '## Scale & Trade-offs', '## Wrap Up']) expect(md).toContain(phase);
    expect(md).toContain('**You:**');
    expect(md).toContain('(clock ran ×60)');
    expect(h.history()).toEqual([expect.objectContaining({ kind: 'mock', scenario: 'fintech', partial: false, transcript: file })]);

    // coach history lists it and shows it.
    const list = spawnSync(process.execPath, [BIN, 'history'], { env: { ...process.env, ...h.env }, encoding: 'utf8' });
    // Piped: one record a line, tab-separated.
    expect(list.stdout).toMatch(/^1\t[^\t]*\d\d:\d\d\tfintech\tfull mock\t\d+\n$/);
    const show = spawnSync(process.execPath, [BIN, 'history', 'show', '1'], { env: { ...process.env, ...h.env }, encoding: 'utf8' });
    expect(show.stdout).toContain('# Mock interview: ML platform for a fintech company');
  });

  it('Ctrl-C mid-phase saves the partial transcript, restores the terminal and exits 130', { timeout: 60_000 }, async () => {
    const h = home('coach-e2e-mock-');
    const { s, r } = await firstQuestionAsked(h);
    let raw = '';
    s.pty.onData((d) => (raw += d));
    s.write('/next\r');
    await passChecklist(s, r, /2\/5 High-Level/);
    await r.next('? Your answer');
    s.write('Five layers with a feature store\r');
    await r.next('│ Five layers with a feature store');
    s.write('and KServe on the request path');
    await r.next('│ and KServe on the request path');
    s.write(CTRL_C);
    const { exitCode } = await s.exited;
    expect(exitCode).toBe(130);
    const screen = s.text();
    // A first run (no compiled-code cache yet) loads a dozen bundles: Node has nothing to warn of.
    expect(screen).not.toMatch(/Warning|MaxListeners/);
    const file = /partial transcript saved: (\S+\.md)/.exec(screen)?.[1];
    expect(file).toBeDefined();
    expect(existsSync(file!)).toBe(true);
    const md = readFileSync(file!, 'utf8');
    expect(md).toContain('(partial: stopped before the end)');
    expect(md).toContain('## High-Level (stopped)');
    expect(md).toContain('> Five layers with a feature store');
    expect(md).toContain('> and KServe on the request path');
    expect(h.history()).toEqual([expect.objectContaining({ kind: 'mock', partial: true, transcript: file })]);
    // The cursor is visible again: the last hide is followed by a show.
    expect(raw.lastIndexOf('\x1b[?25h')).toBeGreaterThan(raw.lastIndexOf('\x1b[?25l'));
  });

  // An interrupt as a signal (kill -INT, or Ctrl-C while the terminal is between two
  // prompts) is caught the same way: the session is saved, not dropped.
  it('SIGINT during a mock saves the partial transcript and exits 130', { timeout: 60_000 }, async () => {
    const h = home('coach-e2e-mock-');
    const { s, r } = await firstQuestionAsked(h);
    s.write('What latency budget');
    await r.next('What latency budget');
    process.kill(s.pty.pid, 'SIGINT');
    expect((await s.exited).exitCode).toBe(130);
    const file = /partial transcript saved: (\S+\.md)/.exec(s.text())?.[1];
    expect(file).toBeDefined();
    const md = readFileSync(file!, 'utf8');
    expect(md).toContain('How many models?');
    expect(md).toContain('What latency budget');
    expect(h.history()).toEqual([expect.objectContaining({ kind: 'mock', partial: true, transcript: file })]);
  });

  it('asks what was typed before the clock started as the first question, and keeps it', { timeout: 30_000 }, async () => {
    const h = home('coach-e2e-mock-');
    const s = runCoach(['mock', '--scenario', 'fintech', '--speed', '60'], { env: h.env, cols: 80 });
    const r = reader(s);
    await r.next('Press Enter to start the clock');
    s.write('How many models?\r');
    await r.next('Interviewer: Roughly 500 models');
    await r.next('? You:');
    // A question longer than the line is said back wrapped at words, under its own start.
    s.write('Which kinds of models will this serve: big language models, vision models, classic tabular ones, or a mix?\r');
    const said = await r.next(/✔ You: Which kinds of models[^\n]*\r?\n {7}\S[^\n]*/);
    for (const line of said.split(/\r?\n/)) expect(line.length).toBeLessThanOrEqual(80);
    expect(said.replace(/\s+/g, ' ')).toContain('classic tabular ones, or a mix?');
    await r.next('? You:');
    // A mistyped command is refused in lines that fit the 80-column terminal.
    s.write('/nxt\r');
    expect(await r.next(/unknown command \/nxt: did you mean \/next\?[^\n]*\r?\n {2}\S[^\n]*add a word after it/)).toBeTruthy();
    s.write(CTRL_C);
    expect((await s.exited).exitCode).toBe(130);
    const file = /partial transcript saved: (\S+\.md)/.exec(s.text())?.[1];
    expect(readFileSync(file!, 'utf8')).toContain('How many models?');
    // The phases after Clarify were never reached, and the record says so (coach today leaves them out).
    const [record] = h.history() as { phases: { key: string; reached?: boolean }[] }[];
    expect(record!.phases.map((p) => [p.key, p.reached ?? true])).toEqual([
      ['clarify', true],
      ['high-level', false],
      ['deep-dive', false],
      ['scale', false],
      ['wrap-up', false],
    ]);
  });

  it('the key-point checklist is not ticked by keys meant for an answer ("a" is no shortcut to tick all)', { timeout: 30_000 }, async () => {
    const h = home('coach-e2e-mock-');
    const s = runCoach(['mock', '--scenario', 'fintech', '--phase', 'clarify', '--speed', '60'], { env: h.env });
    const r = reader(s);
    await r.next('Press Enter to start the clock');
    s.write('How many models?\r');
    await r.next('Interviewer: Roughly 500 models');
    await r.next('? You:');
    s.write('/next\r');
    await r.next('Made any of these points');
    s.write('a');
    s.write('\r');
    await r.next(/Clarify\s*│[^\n]*1\/5/);
    s.write(CTRL_C);
    await s.exited;
    const [record] = h.history() as { phases: { key: string; covered: number }[] }[];
    expect(record!.phases[0]).toMatchObject({ key: 'clarify', covered: 1 });
  });

  it('without --scenario, offers the scenarios to pick from', { timeout: 30_000 }, async () => {
    const h = home('coach-e2e-mock-');
    const s = runCoach(['mock'], { env: h.env });
    const r = reader(s);
    await r.next('Which scenario?');
    await r.next('fintech');
    s.write('\r'); // the first one
    await r.next('Press Enter to start the clock');
    expect(s.text()).toContain('Mock interview · ');
    s.write(CTRL_C);
    expect((await s.exited).exitCode).toBe(130);
    expect(existsSync(join(h.dir, 'data', 'mocks'))).toBe(false); // the clock never started
  });
});

describe('coach mock piped', { tag: 'slow' } as object, () => {
  const coach = (args: string[], env: Record<string, string>) => spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, ...env, NO_COLOR: '1' }, encoding: 'utf8', input: '' });

  it('prints the whole plan as a study sheet and exits 0', () => {
    const h = home('coach-e2e-mock-');
    const r = coach(['mock', '--scenario', 'fintech'], h.env);
    expect(r.status).toBe(0);
    for (const phase of ['Clarify', 'High-Level', 'Deep Dive', 'Scale & Trade-offs', 'Wrap Up']) expect(r.stdout).toContain(`── ${phase} · `);
    expect(r.stdout).toContain('The interviewer asks');
    expect(r.stdout).toContain('Key points');
    expect(r.stdout).not.toContain('\x1b[');
    expect(readdirSync(h.dir)).not.toContain('data');
  });

  it('without --scenario is a usage error listing the scenarios (exit 2)', () => {
    const r = coach(['mock'], home('coach-e2e-mock-').env);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/coach: which scenario\?[^\n]*\n\s+scenarios: .*fintech/);
  });

  it('--answers scores a file without prompting', () => {
    const r = coach(['mock', '--scenario', 'fintech', '--answers', join(import.meta.dirname, 'fixtures', 'mock', 'fintech-good.md')], home('coach-e2e-mock-').env);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Score (8[5-9]|9\d|100)\/100/);
  });
});
