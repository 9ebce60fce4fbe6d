// The pacing of an interview as a proportional bar of its phases, then one line per
// phase. Shared by `coach guide` and the mock's opening. Pure.
import type { Phase } from '../guides/model.js';
import type { Style } from './style.js';
import { wrap } from './layout.js';
import { formatClock, formatMinutes } from '../mock/clock.js';

/** "Scale" of "Scale & Trade-offs": what the bar shows when the whole name does not fit. */
const firstWord = (name: string): string => name.split(/[\s&/,]+/)[0] ?? '';

/** A phase's name in its segment of the bar: whole, or its first word, or cut with "…". */
export function barLabel(name: string, room: number): string {
  if (name.length <= room) return name;
  const first = firstWord(name);
  if (first && first.length <= room) return first;
  return room > 1 ? `${name.slice(0, room - 1)}…` : '';
}

/**
 * Widths of the bar's segments: in proportion to the minutes, except that a short
 * phase gets room for its name (or its first word) from the phase with the most to
 * spare, while there is some.
 */
export function segmentWidths(plan: Phase[], room: number): number[] {
  const total = Math.max(...plan.map((p) => p.end));
  const widths = plan.map((p) => Math.max(3, Math.round(((p.end - p.start) / total) * room)));
  widths[widths.length - 1]! += room - widths.reduce((a, b) => a + b, 0);
  const floor = plan.map((p) => Math.min(p.name.length, (firstWord(p.name) || p.name).length + 3) + 2);
  for (let i = 0; i < plan.length; i++) {
    while (widths[i]! < floor[i]!) {
      let donor = -1;
      for (let j = 0; j < plan.length; j++) if (j !== i && widths[j]! > floor[j]! && (donor < 0 || widths[j]! - floor[j]! > widths[donor]! - floor[donor]!)) donor = j;
      if (donor < 0) break;
      widths[donor]!--;
      widths[i]!++;
    }
  }
  return widths;
}

/**
 * When each phase runs: "5-15 min", or in minutes and seconds ("0:00–0:07") when a
 * plan scaled to a few minutes does not fall on whole minutes.
 */
export function spans(plan: Phase[]): string[] {
  const whole = plan.every((p) => Number.isInteger(p.start) && Number.isInteger(p.end));
  const clock = (min: number): string => formatClock(Math.round(min * 60) * 1000);
  return plan.map((p) => (whole ? `${p.start}-${p.end} min` : `${clock(p.start)}–${clock(p.end)}`));
}

/** Pacing as a proportional bar of the phases (from 60 columns), then one line per phase, wrapped. */
export function timeline(plan: Phase[], columns: number, s: Style): string {
  const total = Math.max(...plan.map((p) => p.end));
  const when = spans(plan);
  const pad = Math.max(...when.map((w) => w.length));
  const rows = plan.flatMap((p, i) => {
    const lead = 2 + pad + 2;
    const text = wrap(`${p.name}${p.focus ? ` — ${p.focus}` : ''}`, Math.max(10, columns - lead));
    // The name in bold: all of the first line when the name itself wraps (a long name on a narrow terminal).
    const named = (l: string): string => (l.startsWith(p.name) ? `${s.bold(p.name)}${l.slice(p.name.length)}` : s.bold(l));
    return text.map((l, j) => (j === 0 ? `  ${s.bold(when[i]!.padStart(pad))}  ${named(l)}` : ' '.repeat(lead) + l));
  });
  const title = s.bold(`Pacing (${formatMinutes(total)} min)`);
  if (columns < 60) return [title, ...rows].join('\n');
  const widths = segmentWidths(plan, Math.max(20, columns - 4));
  const colors = [s.bgBlue, s.bgMagenta, s.bgCyan, s.bgYellow, s.bgGreen];
  const bar = plan
    .map((p, i) => {
      const cells = widths[i]!;
      const label = ` ${barLabel(p.name, cells - 2)}`.padEnd(cells - 1);
      return s.level > 0 ? colors[i % colors.length]!.black(`${label} `) : `${label}|`;
    })
    .join('');
  return `${title}\n  ${s.level > 0 ? bar : `|${bar}`}\n${rows.join('\n')}`;
}
