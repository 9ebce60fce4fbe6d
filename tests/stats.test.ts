// coach stats through the command line: --json gives the numbers, the renderer draws
// the tables, the streak and the charts; an empty history says how to start.
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli.js';
import { testIo, type TestIo } from './helpers/io.js';
import { appendHistory, type HistoryEntry } from '../src/store/history.js';
import { renderStats, stats } from '../src/commands/stats.js';
import { testRuntime } from './helpers/runtime.js';

const runtime = (io: TestIo) => testRuntime(io);

function review(item: string, deck: string, at: string, rating: 'again' | 'good'): HistoryEntry {
  return { kind: 'review', id: `${item}${at}`, at, deck, item, guide: item.split('/')[0]!, rating, correct: rating === 'good' };
}

function mock(at: string, score: number, scenario = 'fintech'): HistoryEntry {
  return { kind: 'mock', id: at, at, scenario, guide: 'oss-ml-platform', score, transcript: `/tmp/${at}.md`, partial: score < 50, phases: [] };
}

async function seeded(io: TestIo): Promise<void> {
  // testIo's clock: 2026-11-22T09:00Z. Reviews on the 20th, 21st and 22nd; a gap before.
  for (const e of [
    review('oss-ml-platform/why-not-just-use-kubeflow', 'traps', '2026-11-17T12:00:00Z', 'again'),
    review('oss-ml-platform/why-not-just-use-kubeflow', 'traps', '2026-11-20T12:00:00Z', 'good'),
    review('oss-ml-platform/feature-lookup-budget', 'numbers', '2026-11-21T12:00:00Z', 'good'),
    review('oss-ml-platform/end-to-end-inference-target', 'numbers', '2026-11-21T12:05:00Z', 'again'),
    review('mlops-question-bank/Q1', 'questions', '2026-11-22T08:00:00Z', 'good'),
    mock('2026-11-18T10:00:00Z', 42, 'feed-ranking'),
    mock('2026-11-21T10:00:00Z', 68),
  ]) {
    await appendHistory(io, e);
  }
}

describe('coach stats --json', () => {
  it('prints seen, due and mastered per deck and guide, the streak, accuracy by day and mock scores', async () => {
    const io = testIo();
    await seeded(io);
    expect(await run(['stats', '--json'], runtime(io))).toBe(0);
    const data = JSON.parse(io.out());
    expect(data.total).toMatchObject({ seen: 4, reviews: 5, correct: 3, reviewsToday: 1 });
    expect(data.decks).toEqual([
      expect.objectContaining({ deck: 'traps', items: 20, seen: 1 }),
      expect.objectContaining({ deck: 'numbers', seen: 2 }),
      expect.objectContaining({ deck: 'questions', items: 28, seen: 1 }),
      expect.objectContaining({ deck: 'tradeoffs', seen: 0, due: 0, mastered: 0 }),
    ]);
    expect(data.guides.find((g: { guide: string }) => g.guide === 'oss-ml-platform')).toMatchObject({ seen: 3 });
    // One or two reviews leave an item in learning steps of minutes: all four are due again.
    expect(data.total.due).toBe(4);
    expect(data.total.mastered).toBe(0);
    expect(data.streak).toEqual({ current: 3, longest: 3, reviewedToday: true });
    expect(data.accuracy).toEqual([
      { day: '2026-11-17', reviews: 1, correct: 0 },
      { day: '2026-11-20', reviews: 1, correct: 1 },
      { day: '2026-11-21', reviews: 2, correct: 1 },
      { day: '2026-11-22', reviews: 1, correct: 1 },
    ]);
    expect(data.mocks.map((m: { score: number }) => m.score)).toEqual([42, 68]);
  });
});

describe('coach stats', () => {
  it('draws the streak and the charts', async () => {
    const io = testIo();
    await seeded(io);
    const text = renderStats(await stats({}, io), io);
    expect(text).toMatch(/Streak: 3 days · 1 review today · 5 in all, 60% correct/);
    expect(text).toMatch(/Drill accuracy by day {2}[▁▂▃▄▅▆▇█]{4}/);
    expect(text).toMatch(/Nov 21 {2}█+░+ {2}50% {2}2 reviews/);
    expect(text).toMatch(/Mock scores {2}▄▆/);
    expect(text).toMatch(/Nov 18 {2}feed-ranking {2}█+░+ {2}42 stopped/);
    expect(text).toMatch(/│ traps\s+│ 20\s+│ 1\s+│/);
    // Every chart line fits the terminal.
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('says how to start when nothing was practised', async () => {
    const io = testIo();
    expect(renderStats(await stats({}, io), io)).toMatch(/^Nothing practised yet: 159 items wait in 4 decks\.\nStart with: coach trap random · coach drill · coach mock$/);
  });
});
