// Practice that does what it says (issue 11): `trap random` serves what is due first,
// a skipped answer is not rated easy without a word, history and stats say what kind
// of mock each was and name --guide mocks, `history rm` removes one, dates are local,
// scaled plans read in minutes and seconds, counts read in the right number.
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../src/cli.js';
import { testIo, type TestIo } from './helpers/io.js';
import { scripted } from './practice-script.js';
import { trap } from '../src/commands/trap.js';
import { history, renderHistory } from '../src/commands/history.js';
import { mock, renderMock } from '../src/commands/mock.js';
import { renderStats, stats } from '../src/commands/stats.js';
import { guide, renderGuide } from '../src/commands/guide.js';
import { appendHistory, readHistory, type HistoryEntry } from '../src/store/history.js';
import { UsageError } from '../src/errors.js';
import { testRuntime } from './helpers/runtime.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'mock');
const KUBEFLOW = 'oss-ml-platform/why-not-just-use-kubeflow';

const runtime = (io: TestIo) => testRuntime(io);

function mockEntry(at: string, over: Partial<Extract<HistoryEntry, { kind: 'mock' }>> = {}): HistoryEntry {
  return { kind: 'mock', id: `m-${at}`, at, scenario: 'fintech', guide: 'oss-ml-platform', score: 60, transcript: `/nonexistent/${at}.md`, partial: false, phases: [], ...over };
}

const PHASES = ['clarify', 'high-level', 'deep-dive', 'scale', 'wrap-up'].map((key) => ({ key, name: key, plannedMin: 9, usedMin: 9, covered: 1, total: 2 }));

describe('coach trap random', () => {
  it('serves the trap rated again, run after run, once it is due', async () => {
    const io = testIo({ date: () => new Date('2026-11-22T09:00:00Z') });
    await appendHistory(io, { kind: 'review', id: 'r', at: '2026-11-22T08:00:00Z', deck: 'traps', item: KUBEFLOW, guide: 'oss-ml-platform', rating: 'again', correct: false });
    for (const r of [0, 0.3, 0.6, 0.99]) {
      const result = await trap({ query: 'random', reveal: true, random: () => r }, io);
      expect(result.mode === 'reveal' && result.trap.id).toBe(KUBEFLOW);
    }
  });
});

describe('rating a skipped trap', () => {
  it('asks before scheduling a skipped answer with 0 key points 8 days out, and asks again on no', async () => {
    const io = testIo({ interactive: true });
    const prompt = scripted({ notes: ['/skip'], select: ['easy', 'again'], confirm: [false] });
    io.prompt = prompt;
    const result = await trap({ query: KUBEFLOW }, io);
    expect(prompt.asked.map((a) => a.kind)).toEqual(['notes', 'select', 'confirm', 'select']);
    expect(prompt.asked[2]!.message).toBe('You skipped it (0 of 6 key points). Easy anyway, back in 8d?');
    expect(result.mode === 'practice' && result.rating).toBe('again');
    expect((await readHistory(io)).map((e) => e.kind === 'review' && e.rating)).toEqual(['again']);
  });

  it('keeps "easy" when it is confirmed, and never asks for an answer that covered points', async () => {
    const io = testIo({ interactive: true });
    io.prompt = scripted({ notes: ['/skip'], select: ['easy'], confirm: [true] });
    const skipped = await trap({ query: KUBEFLOW }, io);
    expect(skipped.mode === 'practice' && skipped.rating).toBe('easy');
    const good = scripted({ notes: ['Kubeflow is a legitimate choice, but MLflow 3 brings GenAI tracing and KServe is serverless.'], select: ['easy'] });
    io.prompt = good;
    await trap({ query: 'oss-ml-platform/why-not-just-use-kubeflow' }, io);
    expect(good.asked.map((a) => a.kind)).toEqual(['notes', 'select']);
  });
});

describe('history and stats say what kind of mock each was', () => {
  async function seeded(): Promise<TestIo> {
    const io = testIo();
    for (const e of [
      mockEntry('2026-11-18T10:00:00Z', { phases: PHASES }),
      mockEntry('2026-11-19T10:00:00Z', { phases: PHASES.slice(2, 3), phase: 'deep-dive', score: 80 }),
      mockEntry('2026-11-20T10:00:00Z', { phases: PHASES, partial: true, score: 20 }),
      // An older record says nothing of its kind: one phase means a one-phase mock.
      mockEntry('2026-11-20T11:00:00Z', { phases: PHASES.slice(0, 1), score: 90 }),
      mockEntry('2026-11-21T10:00:00Z', { scenario: '', guide: 'bighead', phases: PHASES, score: 55 }),
    ]) {
      await appendHistory(io, e);
    }
    await mock({ scenario: 'fintech', answers: join(FIXTURES, 'fintech-good.md') }, { ...io, date: () => new Date('2026-11-22T08:00:00Z') });
    return io;
  }

  it('in coach history', async () => {
    const io = await seeded();
    const list = await history({}, io);
    if (list.kind !== 'list') throw new Error('expected the list');
    expect(list.mocks.map((m) => [m.name, m.mode, m.phase, m.partial])).toEqual([
      ['fintech', 'full', null, false],
      ['fintech', 'phase', 'deep-dive', false],
      ['fintech', 'full', null, true],
      ['fintech', 'phase', 'clarify', false],
      ['guide bighead', 'full', null, false],
      ['fintech', 'answers', null, false],
    ]);
    const text = renderHistory(list, testIo({ columns: 100 }));
    for (const kind of ['full mock', 'one phase: deep-dive', 'full mock, stopped', 'one phase: clarify', 'scored from a file']) expect(text).toContain(`│ ${kind} `);
    expect(text).toMatch(/│ guide bighead +│ full mock +│ 55 +│/);
  });

  it('in coach stats, with a name for a --guide mock', async () => {
    const io = await seeded();
    const text = renderStats(await stats({}, io), io);
    expect(text).toMatch(/ {2}Nov 21 {2}guide bighead +█/);
    expect(text).toMatch(/ {2}Nov 19 {2}fintech \(deep-dive\) +█/);
    expect(text).toMatch(/ {2}Nov 20 {2}fintech +█+░+ +20 stopped/);
    expect(text).toMatch(/ {2}Nov 22 {2}fintech \(file\) +█/);
  });
});

describe('dates in local time', () => {
  const tz = process.env['TZ'];
  afterEach(() => {
    if (tz === undefined) delete process.env['TZ'];
    else process.env['TZ'] = tz;
  });

  it('shows history and stats in the local time zone, alike', async () => {
    const io = testIo({ date: () => new Date('2026-11-22T09:00:00Z') });
    await appendHistory(io, mockEntry('2026-11-20T20:30:00Z', { phases: PHASES }));
    process.env['TZ'] = 'Asia/Tokyo'; // UTC+9: the 21st, at 05:30
    const text = renderHistory(await history({}, io), io);
    expect(text).toMatch(/│ 1 │ [^│]*21[^│]*05:30 +│/);
    expect(text).not.toContain('20:30');
    expect(renderStats(await stats({}, io), io)).toMatch(/ {2}Nov 21 {2}fintech/);
    process.env['TZ'] = 'America/New_York'; // UTC-5: the 20th, at 15:30
    expect(renderHistory(await history({}, io), io)).toMatch(/│ 1 │ [^│]*20[^│]*15:30 +│/);
  });
});

describe('coach history rm', () => {
  async function two(): Promise<TestIo> {
    const io = testIo();
    await mock({ scenario: 'fintech', answers: join(FIXTURES, 'fintech-vague.md') }, { ...io, date: () => new Date('2026-11-20T08:00:00Z') });
    await mock({ scenario: 'fintech', answers: join(FIXTURES, 'fintech-good.md') }, { ...io, date: () => new Date('2026-11-21T08:00:00Z') });
    await appendHistory(io, { kind: 'review', id: 'r', at: '2026-11-21T09:00:00Z', deck: 'traps', item: KUBEFLOW, guide: 'oss-ml-platform', rating: 'good', correct: true });
    return io;
  }

  it('needs --yes without a terminal, and never waits for one', async () => {
    const io = await two();
    const rt = runtime(io);
    expect(await run(['history', 'rm', '1'], rt)).toBe(2);
    expect(rt.errors()).toMatch(/^coach: removing mock #1 fintech, .*, scored from a file, \d+\/100 needs a yes, and there is no terminal to ask\n {2}add --yes: coach history rm 1 --yes\n$/);
    expect((await readHistory(io)).filter((e) => e.kind === 'mock')).toHaveLength(2);
  });

  it('removes the one mock and its transcript with --yes, and keeps the rest', async () => {
    const io = await two();
    const before = await history({}, io);
    if (before.kind !== 'list') throw new Error('expected the list');
    const [first, second] = before.mocks;
    expect(await run(['history', 'rm', '1', '--yes'], runtime(io))).toBe(0);
    // Wrapped to the terminal's 80 columns.
    expect(io.out().replace(/\n +/g, ' ')).toMatch(/^Removed mock #1 fintech, .* and its transcript\. The mocks after it move up one number\.\n$/);
    expect(existsSync(first!.transcript)).toBe(false);
    expect(existsSync(second!.transcript)).toBe(true);
    const after = await readHistory(io);
    expect(after.filter((e) => e.kind === 'mock').map((e) => e.id)).toEqual([second!.id]);
    expect(after.filter((e) => e.kind === 'review')).toHaveLength(1);
  });

  it('asks on a terminal, and keeps the mock on no', async () => {
    const io = await two();
    io.interactive = true;
    io.prompt = scripted({ confirm: [false] });
    const r = await history({ action: 'rm', n: '2' }, io);
    expect(r.kind).toBe('kept');
    expect(io.out()).toMatch(/^This removes mock #2 fintech, .* from the history, and its transcript\.\n$/);
    expect((await readHistory(io)).filter((e) => e.kind === 'mock')).toHaveLength(2);
    io.prompt = scripted({ confirm: [true] });
    expect((await history({ action: 'rm', n: '2' }, io)).kind).toBe('removed');
    expect((await readHistory(io)).filter((e) => e.kind === 'mock')).toHaveLength(1);
  });

  it('refuses rm without a number', async () => {
    await expect(history({ action: 'rm' }, await two())).rejects.toThrow(UsageError);
  });
});

describe('numbers as people read them', () => {
  it('shows a one-minute plan in minutes and seconds', async () => {
    const io = testIo();
    const text = renderMock(await mock({ scenario: 'fintech', minutes: 1 }, io), io);
    expect(text).toContain('Pacing (1 min)');
    expect(text).toMatch(/ {2}0:00–0:07 {2}Clarify/);
    expect(text).toMatch(/ {2}0:53–1:00 {2}Wrap Up/);
    expect(text).not.toMatch(/\d\.\d{3,}/);
  });

  it('says "1 card", not "1 cards"', async () => {
    const io = testIo({ columns: 200 });
    const text = renderGuide(await guide({ id: 'bighead' }, io), io);
    expect(text).toContain('1 card (coach card <name>)');
    expect(text).not.toMatch(/\b1 cards\b/);
  });
});
