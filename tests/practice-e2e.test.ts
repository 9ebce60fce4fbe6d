// The built coach in a real pseudo-terminal: a trap answered, revealed and rated; the
// next `coach trap random` respecting that schedule; a short drill; Ctrl-C in a drill.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCoach } from './helpers/pty.js';
import { home } from './helpers/home.js';

const DOWN = '\x1b[B';
const KUBEFLOW = 'oss-ml-platform/why-not-just-use-kubeflow';

describe('coach trap in a terminal', { tag: 'slow' } as object, () => {
  it('asks, reveals, takes a rating, and the next random trap respects the schedule', async () => {
    const h = home('coach-e2e-practice-');
    const s = runCoach(['trap', KUBEFLOW, '--time', '120'], { env: h.env });
    await s.waitFor('Your answer');
    await s.waitFor(/1:\d\d left/);
    s.write('Kubeflow is a legitimate choice, but MLflow 3 brings GenAI tracing\r');
    await s.waitFor('GenAI tracing');
    s.write('and KServe is serverless.\r');
    s.write('\r');
    await s.waitFor('How did it go?');
    const screen = s.text();
    expect(screen).toContain('What the interviewer wants');
    expect(screen).toContain('Weak answer');
    expect(screen).toContain('Strong answer');
    expect(screen).toContain('Key points: 3 of 6 covered');
    expect(screen).toMatch(/✓ GenAI tracing — you said “GenAI tracing”/);
    expect(screen).toMatch(/✗ Independent upgrades/);
    // The cursor starts on the suggested rating (hard); one down is good.
    expect(screen).toMatch(/❯ hard/);
    s.write(DOWN);
    await s.waitFor(/❯ good/);
    s.write('\r');
    await s.waitFor(/Saved: good · 3\/6 key points · next review in 10m/);
    expect((await s.exited).exitCode).toBe(0);
    expect(h.history()).toEqual([expect.objectContaining({ kind: 'review', deck: 'traps', item: KUBEFLOW, rating: 'good', covered: 3, total: 6 })]);

    // Five other traps in the guide are new; the one just rated is not due for 10 minutes.
    for (let i = 0; i < 5; i++) {
      const next = runCoach(['trap', 'random', '--guide', 'oss-ml-platform', '--reveal'], { env: h.env, linger: true });
      expect((await next.exited).exitCode).toBe(0);
      expect(next.text()).toContain('oss-ml-platform/');
      expect(next.text()).not.toContain(KUBEFLOW);
    }
    const list = runCoach(['trap', 'list', '--guide', 'oss-ml-platform'], { env: h.env, linger: true });
    await list.exited;
    expect(list.text()).toMatch(/why-not-just-use-kubeflow\s+next in 10m, last: good/);
  });
});

describe('coach drill in a terminal', { tag: 'slow' } as object, () => {
  it('runs a short numbers drill to its summary', async () => {
    const h = home('coach-e2e-practice-');
    const s = runCoach(['drill', '--deck', 'numbers', '--guide', 'oss-ml-platform', '--limit', '2', '--new', '2'], { env: h.env });
    await s.waitFor('End-to-end inference target?');
    s.write('200ms\r');
    await s.waitFor('✓ 200 ms P99');
    await s.waitFor('Feature lookup budget?');
    s.write('50 milliseconds\r');
    await s.waitFor(/Drill done: 2 reviewed · 2 correct \(100%\)/);
    expect((await s.exited).exitCode).toBe(0);
    expect(h.history().map((e) => [e['item'], e['rating']])).toEqual([
      ['oss-ml-platform/end-to-end-inference-target', 'good'],
      ['oss-ml-platform/feature-lookup-budget', 'good'],
    ]);
  });

  it('Ctrl-C stops it with the summary, keeps the reviews made, and exits 130', async () => {
    const h = home('coach-e2e-practice-');
    const s = runCoach(['drill', '--deck', 'numbers', '--guide', 'oss-ml-platform', '--limit', '3', '--new', '3'], { env: h.env });
    await s.waitFor('End-to-end inference target?');
    s.write('100 ms\r');
    await s.waitFor('Count it as right?');
    s.write('\r'); // no: the verdict stands
    await s.waitFor('Feature lookup budget?');
    s.write('\x03');
    await s.waitFor(/Drill stopped: 1 reviewed · 0 correct \(0%\)/);
    await s.waitFor('coach: drill stopped; 1 review saved');
    expect((await s.exited).exitCode).toBe(130);
    expect(h.history()).toHaveLength(1);
  });
});

describe('the built coach writing files', { tag: 'slow' } as object, () => {
  it('moves a corrupt history aside with one warning and carries on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coach-e2e-corrupt-'));
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'history.jsonl'), '{"kind":"review","id":"a","at":"2026-11-21T10:00:00Z","deck":"traps","item":"g/a","guide":"g","rating":"good","correct":true}\n{"kind":"rev\n');
    const s = runCoach(['stats'], { env: { COACH_HOME: dir }, linger: true });
    expect((await s.exited).exitCode).toBe(0);
    expect(s.text()).toMatch(/coach: warning: .*history\.jsonl was corrupt; moved it to .*history\.jsonl\.corrupt-\S+ and started a fresh one \(kept 1 readable record, dropped 1 unreadable line\)/);
    expect(s.text()).toContain('By deck');
    expect(readdirSync(join(dir, 'data')).filter((f) => f.includes('.corrupt-'))).toHaveLength(1);
  });

  it('export anki -o writes the file atomically', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coach-e2e-export-'));
    const file = join(dir, 'traps.txt');
    const s = runCoach(['export', 'anki', '--deck', 'traps', '-o', file], { env: { COACH_HOME: dir } });
    expect((await s.exited).exitCode).toBe(0);
    expect(s.text()).toMatch(/Wrote 20 notes \(20 traps\)/);
    expect(
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l && !l.startsWith('#')),
    ).toHaveLength(20);
  });
});
