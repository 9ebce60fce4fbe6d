// coach stats: how practice is going. Items seen, due and mastered per deck and guide,
// the streak, and charts drawn in the terminal of drill accuracy by day and mock scores.
import type { Io } from '../io.js';
import type { LibraryOptions } from './shared.js';
import { libraryItems } from './today.js';
import { bar, computeStats, dayOf, sparkline, type Counts, type Stats } from '../practice/stats.js';
import { MASTERED_DAYS } from '../practice/scheduler.js';
import { loadPractice } from '../store/practice-state.js';
import { renderTable } from '../render/table.js';
import { style } from '../render/style.js';
import { fitLines, wrap } from '../render/layout.js';
import { shortDate } from '../render/dates.js';
import { count } from '../render/plural.js';

export interface StatsOptions extends LibraryOptions {
  /** Calendar days of drill accuracy to chart. */
  days?: number;
}

export type StatsResult = Stats;

export async function stats(options: StatsOptions, io: Io): Promise<StatsResult> {
  const { items } = await libraryItems(options, io);
  return computeStats(await loadPractice(io), items, io.date(), options.days ?? 14);
}

/** A local day (YYYY-MM-DD) as the user's locale writes it, short ("Nov 22"). */
function shortDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return shortDate(new Date(y, m - 1, d, 12));
}

function percent(n: number, of: number): number {
  return of === 0 ? 0 : Math.round((100 * n) / of);
}

export function renderStats(result: StatsResult, io: Pick<Io, 'columns' | 'color'>): string {
  const s = style(io.color);
  const out: string[] = [];
  const t = result.total;
  if (t.reviews === 0 && result.mocks.length === 0) {
    return fitLines(
      [
        `Nothing practised yet: ${count(t.items, 'item')} wait${t.items === 1 ? 's' : ''} in ${count(result.decks.filter((d) => d.items > 0).length, 'deck')}.`,
        s.dim('Start with: coach trap random · coach drill · coach mock'),
      ].join('\n'),
      io.columns,
    );
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
    ...wrap(
      `${s.bold('Streak')}: ${streak.current} ${days}${streak.longest > streak.current ? ` (longest ${streak.longest})` : ''}` +
        ` · ${t.reviewsToday} review${t.reviewsToday === 1 ? '' : 's'} today · ${t.reviews} in all, ${percent(t.correct, t.reviews)}% correct` +
        (streak.current > 0 && !streak.reviewedToday ? s.dim(' · review today to keep it') : ''),
      io.columns,
    ),
  );
  // A sparkline of the latest values that fit beside its title.
  const spark = (title: string, values: number[]): string => `${s.bold(title)}  ${s.cyan(sparkline(values.slice(-Math.max(1, io.columns - title.length - 2))))}`;

  // Bars are as wide as the terminal allows next to a date, a percentage and a count.
  const barWidth = Math.max(10, Math.min(40, io.columns - 34));
  if (result.accuracy.length > 0) {
    out.push(
      '',
      spark(
        'Drill accuracy by day',
        result.accuracy.map((d) => percent(d.correct, d.reviews)),
      ),
    );
    const days = result.accuracy.map((d) => shortDay(d.day));
    const dayWidth = Math.max(...days.map((d) => d.length));
    result.accuracy.forEach((d, i) => {
      const p = percent(d.correct, d.reviews);
      const b = bar(p, barWidth);
      out.push(`  ${days[i]!.padEnd(dayWidth)}  ${s.green(b.filled)}${s.dim(b.empty)} ${String(p).padStart(3)}%  ${s.dim(`${d.reviews} review${d.reviews === 1 ? '' : 's'}`)}`);
    });
  }
  if (result.mocks.length > 0) {
    const shown = result.mocks.slice(-10);
    out.push(
      '',
      spark(
        'Mock scores',
        result.mocks.map((m) => m.score),
      ),
    );
    // Each mock's name and kind: a one-phase or stopped mock is not a whole one.
    const names = shown.map((m) => (m.mode === 'phase' ? `${m.name} (${m.phase})` : m.mode === 'answers' ? `${m.name} (file)` : m.name));
    const days = shown.map((m) => shortDay(dayOf(new Date(m.at))));
    const dayWidth = Math.max(...days.map((d) => d.length));
    // Beside the name and the bar: the indent, the day, gaps, the score and " stopped".
    const fixed = dayWidth + 18;
    const longest = Math.max(...names.map((n) => n.length));
    const nameWidth = Math.min(32, longest);
    // Where the names and a bar of 10 do not fit side by side, each name goes above its bar.
    const above = fixed + nameWidth + 10 > io.columns;
    const mockBar = Math.max(6, Math.min(40, io.columns - fixed - (above ? 0 : nameWidth)));
    shown.forEach((m, i) => {
      const b = bar(m.score, mockBar);
      const full = names[i]!;
      const score = `${s.green(b.filled)}${s.dim(b.empty)} ${String(Math.round(m.score)).padStart(3)}${m.partial ? s.dim(' stopped') : ''}`;
      if (above) {
        const head = `  ${days[i]!.padEnd(dayWidth)}  ${full}`;
        out.push(...(head.length <= io.columns ? [head] : wrap(head, io.columns)), `  ${' '.repeat(dayWidth)}  ${score}`);
        return;
      }
      const name = full.length > nameWidth ? `${full.slice(0, nameWidth - 1)}…` : full.padEnd(nameWidth);
      out.push(`  ${days[i]!.padEnd(dayWidth)}  ${name}  ${score}`);
    });
    if (result.mocks.length > shown.length) out.push(s.dim(`  (last ${shown.length} of ${result.mocks.length}; all: coach history)`));
  }
  return out.join('\n');
}
