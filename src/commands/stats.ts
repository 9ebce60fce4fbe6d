// coach stats: how practice is going. Items seen, due and mastered per deck and guide,
// the streak, and charts drawn in the terminal of drill accuracy by day and mock scores.
import type { Io } from '../io.js';
import { openLibrary, type LibraryOptions } from './shared.js';
import { buildDecks } from '../practice/decks.js';
import { bar, computeStats, dayOf, sparkline, type Counts, type Stats } from '../practice/stats.js';
import { MASTERED_DAYS } from '../practice/scheduler.js';
import { loadProgress } from './trap.js';
import { renderTable } from '../render/table.js';
import { style } from '../render/style.js';

export interface StatsOptions extends LibraryOptions {
  /** Calendar days of drill accuracy to chart. */
  days?: number;
}

export type StatsResult = Stats;

export async function stats(options: StatsOptions, io: Io): Promise<StatsResult> {
  const lib = await openLibrary(options, io);
  const items = buildDecks(lib.guides);
  const { history, progress } = await loadProgress(io);
  return computeStats(history, items, progress, io.date(), options.days ?? 14);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function shortDay(day: string): string {
  const [, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${MONTHS[m - 1]} ${String(d).padStart(2)}`;
}

function percent(n: number, of: number): number {
  return of === 0 ? 0 : Math.round((100 * n) / of);
}

export function renderStats(result: StatsResult, io: Pick<Io, 'columns' | 'color'>): string {
  const s = style(io.color);
  const out: string[] = [];
  const t = result.total;
  if (t.reviews === 0 && result.mocks.length === 0) {
    return [
      `Nothing practised yet: ${t.items} items wait in ${result.decks.filter((d) => d.items > 0).length} decks.`,
      s.dim('Start with: coach trap random · coach drill · coach mock'),
    ].join('\n');
  }
  const row = (name: string, c: Counts): string[] => [name, String(c.items), String(c.seen), c.due > 0 ? s.yellow(String(c.due)) : '0', String(c.mastered)];
  const head = ['', 'items', 'seen', 'due', 'mastered'];
  out.push(s.bold('By deck'));
  out.push(renderTable({ head, rows: [...result.decks.filter((d) => d.items > 0).map((d) => row(d.deck, d)), row(s.bold('all'), t)], columns: Math.min(io.columns, 60) }, s));
  out.push('', s.bold('By guide'));
  out.push(renderTable({ head, rows: result.guides.map((g) => row(g.guide, g)), columns: Math.min(io.columns, 60) }, s));
  out.push(s.dim(`mastered: next review ${MASTERED_DAYS}+ days away`));

  const streak = result.streak;
  const days = streak.current === 1 ? 'day' : 'days';
  out.push(
    '',
    `${s.bold('Streak')}: ${streak.current} ${days}${streak.longest > streak.current ? ` (longest ${streak.longest})` : ''}` +
      ` · ${t.reviewsToday} review${t.reviewsToday === 1 ? '' : 's'} today · ${t.reviews} in all, ${percent(t.correct, t.reviews)}% correct` +
      (streak.current > 0 && !streak.reviewedToday ? s.dim(' · review today to keep it') : ''),
  );

  // Bars are as wide as the terminal allows next to a date, a percentage and a count.
  const barWidth = Math.max(10, Math.min(40, io.columns - 34));
  if (result.accuracy.length > 0) {
    out.push('', `${s.bold('Drill accuracy by day')}  ${s.cyan(sparkline(result.accuracy.map((d) => percent(d.correct, d.reviews))))}`);
    for (const d of result.accuracy) {
      const p = percent(d.correct, d.reviews);
      const b = bar(p, barWidth);
      out.push(`  ${shortDay(d.day)}  ${s.green(b.filled)}${s.dim(b.empty)} ${String(p).padStart(3)}%  ${s.dim(`${d.reviews} review${d.reviews === 1 ? '' : 's'}`)}`);
    }
  }
  if (result.mocks.length > 0) {
    const shown = result.mocks.slice(-10);
    out.push('', `${s.bold('Mock scores')}  ${s.cyan(sparkline(result.mocks.map((m) => m.score)))}`);
    const nameWidth = Math.min(24, Math.max(...shown.map((m) => m.scenario.length)));
    const mockBar = Math.max(10, Math.min(40, io.columns - 26 - nameWidth));
    for (const m of shown) {
      const b = bar(m.score, mockBar);
      const name = m.scenario.length > nameWidth ? `${m.scenario.slice(0, nameWidth - 1)}…` : m.scenario.padEnd(nameWidth);
      out.push(`  ${shortDay(dayOf(new Date(m.at)))}  ${name}  ${s.green(b.filled)}${s.dim(b.empty)} ${String(Math.round(m.score)).padStart(3)}${m.partial ? s.dim(' partial') : ''}`);
    }
    if (result.mocks.length > shown.length) out.push(s.dim(`  (last ${shown.length} of ${result.mocks.length}; all: coach history)`));
  }
  return out.join('\n');
}
