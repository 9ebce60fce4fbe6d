// The numbers behind `coach stats`: items seen, due and mastered per deck and guide,
// the daily streak, drill accuracy by day and mock scores over time. Pure: the summary
// of the history, the decks and the time come in; days are the local calendar days of `now`.
import type { HistoryEntry } from '../store/history.js';
import { DECK_NAMES, itemKey, type DeckItem, type DeckName } from './decks.js';
import type { Progress } from './progress.js';
import { isDue, isMastered } from './scheduler.js';
import { BUCKET_MS, type PracticeSummary } from './summary.js';

export interface Counts {
  items: number;
  seen: number;
  due: number;
  mastered: number;
}

export interface DayAccuracy {
  /** YYYY-MM-DD, local time. */
  day: string;
  reviews: number;
  correct: number;
}

export interface MockPoint {
  at: string;
  scenario: string;
  guide: string;
  /** What to call it: the scenario, or "guide ID" for a mock on a guide alone. */
  name: string;
  mode: MockMode;
  /** The phase of a one-phase mock, by name. */
  phase: string | null;
  score: number;
  partial: boolean;
}

/** A whole mock, one phase of one (`--phase`), or a written mock scored from a file (`--answers`). */
export type MockMode = 'full' | 'phase' | 'answers';

type MockEntry = Extract<HistoryEntry, { kind: 'mock' }>;

/**
 * What kind of mock a record is. Records from before issue 11 say nothing: a mock
 * with one phase was a one-phase mock.
 */
export function mockMode(m: MockEntry): { mode: MockMode; phase: string | null } {
  const one = m.phase !== undefined || m.phases.length === 1 ? (m.phases.find((p) => p.key === m.phase) ?? m.phases[0]) : undefined;
  return { mode: m.answers !== undefined ? 'answers' : one ? 'phase' : 'full', phase: one?.name ?? null };
}

/** "full mock", "one phase: Deep Dive", "scored from a file", with ", stopped" for one ended early. */
export function describeMock(m: Pick<MockPoint, 'mode' | 'phase' | 'partial'>): string {
  const what = m.mode === 'answers' ? 'scored from a file' : m.mode === 'phase' ? `one phase: ${m.phase}` : 'full mock';
  return m.partial ? `${what}, stopped` : what;
}

export interface Stats {
  now: string;
  total: Counts & { reviews: number; correct: number; reviewsToday: number };
  decks: (Counts & { deck: DeckName })[];
  guides: (Counts & { guide: string })[];
  streak: { current: number; longest: number; reviewedToday: boolean };
  /** Days with reviews, oldest first, the last `days` calendar days. */
  accuracy: DayAccuracy[];
  /** Every mock, oldest first. */
  mocks: MockPoint[];
}

/** The local calendar day of a time, as YYYY-MM-DD. */
export function dayOf(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return dayOf(new Date(y, m - 1, d + n, 12));
}

/** Days in a row with at least one review, ending today (or yesterday, if today has none yet). */
export function streaks(days: Set<string>, today: string): { current: number; longest: number } {
  let start = days.has(today) ? today : addDays(today, -1);
  let current = 0;
  while (days.has(start)) {
    current++;
    start = addDays(start, -1);
  }
  let longest = 0;
  for (const d of days) {
    if (days.has(addDays(d, -1))) continue; // not the first day of a run
    let n = 0;
    for (let x = d; days.has(x); x = addDays(x, 1)) n++;
    longest = Math.max(longest, n);
  }
  return { current, longest };
}

function counts(items: Pick<DeckItem, 'deck' | 'id'>[], progress: Progress, now: Date): Counts {
  let seen = 0;
  let due = 0;
  let mastered = 0;
  for (const item of items) {
    const state = progress.get(itemKey(item));
    if (!state) continue;
    seen++;
    if (isDue(state, now)) due++;
    if (isMastered(state)) mastered++;
  }
  return { items: items.length, seen, due, mastered };
}

/** Reviews per local calendar day (of the time zone this runs in), from the quarter hours. */
export function dayTotals(summary: Pick<PracticeSummary, 'buckets'>): Map<string, DayAccuracy> {
  const byDay = new Map<string, DayAccuracy>();
  for (const [key, b] of summary.buckets) {
    const day = dayOf(new Date(key * BUCKET_MS));
    const acc = byDay.get(day);
    if (acc) {
      acc.reviews += b.reviews;
      acc.correct += b.correct;
    } else byDay.set(day, { day, reviews: b.reviews, correct: b.correct });
  }
  return byDay;
}

export function computeStats(summary: PracticeSummary, items: Pick<DeckItem, 'deck' | 'id' | 'guide'>[], now: Date, days = 14): Stats {
  const today = dayOf(now);
  const { progress } = summary;
  const byDay = dayTotals(summary);
  const first = addDays(today, -(days - 1));
  const accuracy = [...byDay.values()].filter((d) => d.day >= first && d.day <= today).sort((a, b) => a.day.localeCompare(b.day));
  const { current, longest } = streaks(new Set(byDay.keys()), today);
  const mocks = summary.mocks
    .map((m): MockPoint => ({ at: m.at, scenario: m.scenario, guide: m.guide, name: m.scenario || `guide ${m.guide}`, ...mockMode(m), score: m.score, partial: m.partial }))
    .sort((a, b) => a.at.localeCompare(b.at));
  const guides = [...new Set(items.map((i) => i.guide))];
  return {
    now: now.toISOString(),
    total: {
      ...counts(items, progress, now),
      reviews: summary.reviews,
      correct: summary.correct,
      reviewsToday: byDay.get(today)?.reviews ?? 0,
    },
    decks: DECK_NAMES.map((deck) => ({
      deck,
      ...counts(
        items.filter((i) => i.deck === deck),
        progress,
        now,
      ),
    })),
    guides: guides.map((guide) => ({
      guide,
      ...counts(
        items.filter((i) => i.guide === guide),
        progress,
        now,
      ),
    })),
    streak: { current, longest, reviewedToday: byDay.has(today) },
    accuracy,
    mocks,
  };
}

const BLOCKS = '▁▂▃▄▅▆▇█';

/** One character per value, 0-100: a sparkline. */
export function sparkline(values: number[]): string {
  return values.map((v) => BLOCKS[Math.max(0, Math.min(7, Math.round((v / 100) * 7)))]).join('');
}

/** A bar of `width` cells filled in proportion to value/100. */
export function bar(value: number, width: number): { filled: string; empty: string } {
  const n = Math.max(0, Math.min(width, Math.round((value / 100) * width)));
  return { filled: '█'.repeat(n), empty: '░'.repeat(width - n) };
}
