// coach today: reviews due per deck, the weakest phase and scenario of past mocks
// with the mock to sit next, and the streak; --json prints the same data.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli.js';
import { testIo, type TestIo } from './helpers/io.js';
import { appendHistory, type HistoryEntry, type MockPhaseRecord } from '../src/store/history.js';
import { computeToday } from '../src/practice/today.js';
import { summarize } from '../src/practice/summary.js';
import { testRuntime } from './helpers/runtime.js';

const runtime = (io: TestIo) => testRuntime(io);

function review(item: string, deck: string, at: string, rating: 'again' | 'good'): HistoryEntry {
  return { kind: 'review', id: `${item}${at}`, at, deck, item, guide: item.split('/')[0]!, rating, correct: rating === 'good' };
}

const phase = (key: string, name: string, covered: number, total: number): MockPhaseRecord => ({ key, name, plannedMin: 5, usedMin: 5, covered, total });

function mock(at: string, score: number, scenario: string, phases: MockPhaseRecord[] = [], partial = false): Extract<HistoryEntry, { kind: 'mock' }> {
  return { kind: 'mock', id: at, at, scenario, guide: 'oss-ml-platform', score, transcript: `/tmp/${at}.md`, partial, phases };
}

const scenarios = [{ id: 'bighead' }, { id: 'fintech' }, { id: 'feed-ranking' }];
const now = new Date('2026-11-22T09:00:00Z');

describe('the mock to sit next', () => {
  it.each([
    ['no mock yet: the first scenario', [], 'coach mock --scenario bighead', 'no mock yet'],
    ['a score under 70: the weakest scenario', [mock('2026-11-20T10:00:00Z', 55, 'fintech'), mock('2026-11-21T10:00:00Z', 80, 'bighead')], 'coach mock --scenario fintech', 'your lowest score, 55'],
    ['all good: one not sat yet', [mock('2026-11-20T10:00:00Z', 75, 'fintech'), mock('2026-11-21T10:00:00Z', 80, 'bighead')], 'coach mock --scenario feed-ranking', 'not sat yet'],
    [
      'all sat and good: the one sat longest ago',
      [mock('2026-11-19T10:00:00Z', 90, 'feed-ranking'), mock('2026-11-20T10:00:00Z', 75, 'fintech'), mock('2026-11-21T10:00:00Z', 80, 'bighead')],
      'coach mock --scenario feed-ranking',
      'sat longest ago',
    ],
    [
      'a later complete mock counts over a stopped one',
      [mock('2026-11-20T10:00:00Z', 72, 'fintech'), mock('2026-11-21T10:00:00Z', 10, 'fintech', [], true)],
      'coach mock --scenario bighead',
      'not sat yet',
    ],
    ['a guide mock is sat again with --guide', [{ ...mock('2026-11-20T10:00:00Z', 30, ''), guide: 'michelangelo' }], 'coach mock --guide michelangelo', 'your lowest score, 30'],
  ])('%s', (_name, history, command, why) => {
    expect(computeToday(summarize(history), [], scenarios, now).mocks.next).toMatchObject({ command, why });
  });

  it('does not name a scenario whose only mock was stopped as the weakest while another has a complete one', () => {
    const stopped = { ...mock('2026-11-21T10:00:00Z', 6, ''), guide: 'wild-guide', partial: true };
    const today = computeToday(summarize([mock('2026-11-20T10:00:00Z', 64, 'fintech'), stopped]), [], scenarios, now);
    expect(today.mocks.weakestScenario).toMatchObject({ scenario: 'fintech', score: 64 });
    const only = computeToday(summarize([stopped]), [], scenarios, now);
    expect(only.mocks.weakestScenario).toMatchObject({ guide: 'wild-guide', score: 6 });
  });

  it('names the weakest phase over the last five mocks, and suggests sitting it alone', () => {
    const old = mock('2026-11-01T10:00:00Z', 20, 'fintech', [phase('clarify', 'Clarify', 0, 5)]);
    const recent = [1, 2, 3, 4, 5].map((d) =>
      mock(`2026-11-1${d}T10:00:00Z`, 60, 'fintech', [phase('clarify', 'Clarify', 4, 5), phase('wrap-up', 'Wrap Up', 1, 3), phase('scale', 'Scale & Trade-offs', 2, 5)]),
    );
    const today = computeToday(summarize([old, ...recent]), [], scenarios, now);
    expect(today.mocks.weakestPhase).toEqual({ key: 'wrap-up', name: 'Wrap Up', covered: 5, total: 15, mocks: 5 });
    expect(today.mocks.weakestScenario).toMatchObject({ scenario: 'fintech', score: 60 });
    expect(today.mocks.next).toEqual({ command: 'coach mock --scenario fintech', why: 'your lowest score, 60', phase: 'coach mock --scenario fintech --phase wrap-up' });
  });

  it('leaves out the phases a stopped mock never reached: they were not weak, only not sat', async () => {
    const stopped = mock('2026-11-20T10:00:00Z', 40, 'fintech', [phase('clarify', 'Clarify', 4, 5), { ...phase('high-level', 'High-Level', 0, 15), usedMin: 0, reached: false }], true);
    const done = mock('2026-11-21T10:00:00Z', 70, 'bighead', [phase('clarify', 'Clarify', 5, 5), phase('wrap-up', 'Wrap Up', 2, 3)]);
    expect(computeToday(summarize([stopped, done]), [], scenarios, now).mocks.weakestPhase).toMatchObject({ key: 'wrap-up' });
    // Kept through the history file.
    const io = testIo();
    for (const e of [stopped, done]) await appendHistory(io, e);
    await run(['today', '--json'], runtime(io));
    expect((JSON.parse(io.out()) as { mocks: { weakestPhase: { key: string } } }).mocks.weakestPhase.key).toBe('wrap-up');
  });

  it('suggests a phase alone only when the mock to sit has that phase (guides name their own phases)', () => {
    const dns = { ...mock('2026-11-12T10:00:00Z', 80, '', [phase('gslb-anycast', 'GSLB + Anycast', 0, 4)]), guide: 'dns-system' };
    const flights = { ...mock('2026-11-13T10:00:00Z', 40, '', [phase('clarify', 'Clarify', 2, 3), phase('search-at-scale', 'Search at Scale', 2, 4)]), guide: 'flight-booking' };
    const today = computeToday(summarize([dns, flights]), [], [], now);
    expect(today.mocks.weakestPhase?.key).toBe('gslb-anycast');
    expect(today.mocks.next).toEqual({ command: 'coach mock --guide flight-booking', why: 'your lowest score, 40' });
  });
});

describe('coach today', () => {
  async function seeded(): Promise<TestIo> {
    const io = testIo();
    for (const e of [
      review('oss-ml-platform/why-not-just-use-kubeflow', 'traps', '2026-11-20T12:00:00Z', 'again'),
      review('oss-ml-platform/feature-lookup-budget', 'numbers', '2026-11-21T12:00:00Z', 'good'),
      review('mlops-question-bank/Q1', 'questions', '2026-11-22T08:00:00Z', 'good'),
      mock('2026-11-18T10:00:00Z', 42, 'feed-ranking', [phase('clarify', 'Clarify', 3, 5), phase('wrap-up', 'Wrap Up', 0, 3)]),
      mock('2026-11-21T10:00:00Z', 68, 'fintech', [phase('clarify', 'Clarify', 4, 5), phase('wrap-up', 'Wrap Up', 1, 3)]),
    ]) {
      await appendHistory(io, e);
    }
    return io;
  }

  it('prints what is due per deck, the weakest phase and scenario, the mock to sit next and the streak', async () => {
    const io = await seeded();
    expect(await run(['today'], runtime(io))).toBe(0);
    expect(io.out()).toBe(
      [
        'Today, Sun, Nov 22',
        '',
        'Reviews  3 due · 156 never seen',
        '  traps        1 due · 19 new',
        '  numbers      1 due · 92 new',
        '  questions    1 due · 27 new',
        '  tradeoffs    0 due · 18 new',
        '  → coach drill',
        '',
        'Mocks  2 sat, the last on Nov 21',
        '  weakest phase     Wrap Up: 1 of 6 key points (17%, last 2 mocks)',
        '  weakest scenario  feed-ranking: 42/100 on Nov 18',
        '  → coach mock --scenario feed-ranking  (your lowest score, 42)',
        // 83 columns on one line: at 80, the command goes on a line of its own.
        '    or its weakest phase alone:',
        '      coach mock --scenario feed-ranking --phase wrap-up',
        '',
        'Streak  3 days · ✔ 1 review today',
        '',
      ].join('\n'),
    );
  });

  it('prints the same data as JSON', async () => {
    const io = await seeded();
    expect(await run(['today', '--json'], runtime(io))).toBe(0);
    const data = JSON.parse(io.out());
    expect(data.due).toBe(3);
    expect(data.decks[0]).toEqual({ deck: 'traps', items: 20, due: 1, new: 19 });
    expect(data.streak).toEqual({ current: 3, longest: 3, reviewedToday: true });
    expect(data.mocks).toMatchObject({ count: 2, weakestScenario: { scenario: 'feed-ranking', score: 42 }, next: { command: 'coach mock --scenario feed-ranking' } });
  });

  it("counts the same items per deck as coach stats, the user's own guides included", async () => {
    const guides = ['--guides', join(import.meta.dirname, 'fixtures/mock/own-guide')];
    const io = await seeded();
    expect(await run([...guides, 'today', '--json'], runtime(io))).toBe(0);
    const today = JSON.parse(io.out()) as { decks: { deck: string; items: number; due: number }[] };
    const again = testIo({ dataDir: io.dataDir, cacheDir: io.cacheDir });
    expect(await run([...guides, 'stats', '--json'], runtime(again))).toBe(0);
    const stats = JSON.parse(again.out()) as { decks: { deck: string; items: number; due: number }[] };
    expect(today.decks.map((d) => [d.deck, d.items, d.due])).toEqual(stats.decks.map((d) => [d.deck, d.items, d.due]));
    expect(today.decks[0]).toMatchObject({ deck: 'traps', items: 21 });
  });

  it("names the run's --guides folders in the mock to sit, so that pasting it finds the guide", async () => {
    const dir = join(import.meta.dirname, 'fixtures/mock/own-guide');
    const io = testIo();
    await appendHistory(io, { ...mock('2026-11-20T10:00:00Z', 35, ''), guide: 'own-guide' });
    expect(await run(['--guides', dir, 'today'], runtime(io))).toBe(0);
    // Too long for 80 columns: broken at a space with a backslash, so that it pastes whole.
    const text = io.out();
    const from = text.indexOf('→ coach --guides');
    const shown = text.slice(from + 2, text.indexOf('(your lowest score, 35)'));
    expect(shown).toMatch(/ \\\n {2,}/);
    expect(shown.replace(/ \\\n +/g, ' ').trim()).toBe(`coach --guides ${dir} mock --guide own-guide`);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('starts a new user off', async () => {
    const io = testIo();
    expect(await run(['today'], runtime(io))).toBe(0);
    expect(io.out()).toContain('Reviews  nothing due · 159 never seen');
    expect(io.out()).toContain('→ coach drill (new items)');
    expect(io.out()).toContain('Mocks  none yet\n  → coach mock --scenario bighead  (no mock yet)');
    expect(io.out()).toContain('Streak  no streak yet · one review starts it');
  });
});
