// What `coach today` says: the reviews due per deck, the weakest phase and scenario
// of past mocks with the mock to sit next, and the streak. Pure: the summary of the
// history, the practice items, the scenarios and the time come in.
import type { HistoryEntry, MockPhaseRecord } from '../store/history.js';
import { DECK_NAMES, itemKey, type DeckName } from './decks.js';
import { isDue } from './scheduler.js';
import { dayOf, dayTotals, streaks } from './stats.js';
import type { PracticeSummary } from './summary.js';

/** A practice item by its deck and full id (`guide/id`): all that today counts. */
export interface DeckRef {
  deck: DeckName;
  id: string;
}

type MockEntry = Extract<HistoryEntry, { kind: 'mock' }>;

/** Mocks that count for the weakest phase: the recent ones, as what was weak a month ago may not be now. */
export const RECENT_MOCKS = 5;
/** A score from this on is good (the review draws it green). */
export const GOOD_SCORE = 70;

export interface Today {
  now: string;
  decks: { deck: DeckName; items: number; due: number; new: number }[];
  due: number;
  streak: { current: number; longest: number; reviewedToday: boolean };
  reviewsToday: number;
  mocks: {
    count: number;
    last?: string;
    /** The phase with the smallest share of key points made, over the last RECENT_MOCKS mocks. */
    weakestPhase?: { key: string; name: string; covered: number; total: number; mocks: number };
    /** The scenario (or guide) whose last complete mock scored lowest. */
    weakestScenario?: { scenario: string; guide: string; score: number; at: string };
    next: { command: string; why: string; phase?: string };
  };
}

/**
 * `coach mock --scenario X`, or `--guide X` for a mock sat on a guide alone; `coach`
 * is said with the run's `--guides` folders, so that the command finds the guide.
 */
function mockCommand(m: { scenario: string; guide: string }, coach: string): string {
  return m.scenario ? `${coach} mock --scenario ${m.scenario}` : `${coach} mock --guide ${m.guide}`;
}

function weakestPhase(mocks: MockEntry[]): Today['mocks']['weakestPhase'] {
  const recent = mocks.slice(-RECENT_MOCKS);
  const byKey = new Map<string, { name: string; covered: number; total: number; mocks: number; order: number }>();
  for (const m of recent) {
    (m.phases ?? []).forEach((p: MockPhaseRecord, order) => {
      // A phase the mock never reached says nothing about how it goes.
      if (!(p.total > 0) || p.reached === false) return;
      const acc = byKey.get(p.key) ?? { name: p.name, covered: 0, total: 0, mocks: 0, order };
      acc.covered += Math.min(p.covered, p.total);
      acc.total += p.total;
      acc.mocks++;
      byKey.set(p.key, acc);
    });
  }
  let weakest: Today['mocks']['weakestPhase'];
  let share = Infinity;
  for (const [key, p] of byKey) {
    const s = p.covered / p.total;
    // Ties go to the phase with more points at stake.
    if (s < share || (s === share && weakest && p.total > weakest.total)) {
      share = s;
      weakest = { key, name: p.name, covered: p.covered, total: p.total, mocks: p.mocks };
    }
  }
  return weakest;
}

/**
 * The weakest scenario is the one whose last complete mock scored lowest (a mock
 * stopped early counts only when no scenario has a complete one). The mock to sit
 * next: no mock yet, the first scenario; a scenario under GOOD_SCORE, the weakest;
 * all good, one not sat yet; all sat and good, the one sat longest ago.
 */
export function computeToday(summary: PracticeSummary, items: DeckRef[], scenarios: { id: string }[], now: Date, coach = 'coach'): Today {
  const { progress } = summary;
  const mocks = [...summary.mocks].sort((a, b) => a.at.localeCompare(b.at));
  const latest = new Map<string, MockEntry>();
  for (const m of mocks) {
    const key = m.scenario || `guide:${m.guide}`;
    const before = latest.get(key);
    if (!before || !m.partial || before.partial) latest.set(key, m);
  }
  // Among scenarios with a complete mock, the weakest: a mock stopped after two phases
  // scores its unsat phases as nothing, and said nothing about the scenario (found by
  // a new user: "weakest scenario ... 6/100", a mock stopped with Ctrl-C).
  const complete = [...latest.values()].filter((m) => !m.partial);
  let weakest: MockEntry | undefined;
  for (const m of complete.length > 0 ? complete : latest.values()) if (!weakest || m.score < weakest.score) weakest = m;
  const phase = weakestPhase(mocks);

  let next: Today['mocks']['next'];
  const unsat = scenarios.find((s) => !latest.has(s.id));
  if (!weakest) {
    next = { command: unsat ? `${coach} mock --scenario ${unsat.id}` : `${coach} mock`, why: 'no mock yet' };
  } else if (weakest.score < GOOD_SCORE) {
    next = { command: mockCommand(weakest, coach), why: `your lowest score, ${weakest.score}` };
  } else if (unsat) {
    next = { command: `${coach} mock --scenario ${unsat.id}`, why: 'not sat yet' };
  } else {
    const oldest = [...latest.values()].sort((a, b) => a.at.localeCompare(b.at))[0]!;
    next = { command: mockCommand(oldest, coach), why: 'sat longest ago' };
  }
  // Only a phase that mock has: the weakest phase may come from another guide's plan.
  if (weakest && phase && next.command === mockCommand(weakest, coach) && (weakest.phases ?? []).some((p) => p.key === phase.key)) next.phase = `${next.command} --phase ${phase.key}`;

  const decks = DECK_NAMES.map((deck) => {
    const mine = items.filter((i) => i.deck === deck);
    const states = mine.map((i) => progress.get(itemKey(i)));
    return { deck, items: mine.length, due: states.filter((s) => isDue(s, now)).length, new: states.filter((s) => s === undefined).length };
  });
  // The streak counts days with a review, as `coach stats` does.
  const byDay = dayTotals(summary);
  const days = new Set(byDay.keys());
  const today = dayOf(now);
  const reviewsToday = byDay.get(today)?.reviews ?? 0;
  return {
    now: now.toISOString(),
    decks,
    due: decks.reduce((n, d) => n + d.due, 0),
    streak: { ...streaks(days, today), reviewedToday: days.has(today) },
    reviewsToday,
    mocks: {
      count: mocks.length,
      ...(mocks.length > 0 ? { last: mocks[mocks.length - 1]!.at } : {}),
      ...(phase ? { weakestPhase: phase } : {}),
      ...(weakest ? { weakestScenario: { scenario: weakest.scenario, guide: weakest.guide, score: weakest.score, at: weakest.at } } : {}),
      next,
    },
  };
}
