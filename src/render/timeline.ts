// The pacing of an interview as a proportional bar of its phases, then one line per
// phase. Shared by `coach guide` and the mock's opening. Pure.
import type { Phase } from '../guides/model.js';
import type { Style } from './style.js';

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

/** Pacing as a proportional bar of the phases, then one line per phase. */
export function timeline(plan: Phase[], columns: number, s: Style): string {
  const total = Math.max(...plan.map((p) => p.end));
  const widths = segmentWidths(plan, Math.max(20, columns - 4));
  const colors = [s.bgBlue, s.bgMagenta, s.bgCyan, s.bgYellow, s.bgGreen];
  const bar = plan
    .map((p, i) => {
      const cells = widths[i]!;
      const label = ` ${barLabel(p.name, cells - 2)}`.padEnd(cells - 1);
      return s.level > 0 ? colors[i % colors.length]!.black(`${label} `) : `${label}|`;
    })
    .join('');
  const rows = plan.map((p) => `  ${s.bold(`${p.start}-${p.end}`.padStart(5))} min  ${s.bold(p.name)}${p.focus ? ` — ${p.focus}` : ''}`);
  return `${s.bold(`Pacing (${total} min)`)}\n  ${s.level > 0 ? bar : `|${bar}`}\n${rows.join('\n')}`;
}

