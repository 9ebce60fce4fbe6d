// Tables for lists, trade-offs, history and stats, with column widths fitted to the
// terminal so that rows wrap instead of overflowing. Drawn here with the same
// measuring and wrapping as the cards (layout.ts): cli-table3 did this before, but
// it cut long ids short with "…" and took about 0.4 ms a row (110 ms for
// `coach list guides` over 250 guides).
import { ESC, fitColumns, maxOf, pad, width, wrap } from './layout.js';
import type { Style } from './style.js';

export interface TableSpec {
  head: string[];
  rows: string[][];
  columns: number;
}

/** Below this width a table is drawn as one block per row (issue 11: never a broken box). */
export const NARROW = 60;

export function renderTable(spec: TableSpec, s: Style): string {
  if (spec.columns < NARROW) return renderBlocks(spec, s);
  const n = spec.head.length;
  // Each column costs two spaces of padding and one border character.
  const available = spec.columns - (n + 1) - 2 * n;
  // A box never breaks a word, only after a hyphen or a slash, and never a name (the
  // first column's, or a column of single words): names are typed and copied, and
  // `mlops-` / `question-bank` pasted as two lines is no id. When they do not fit side
  // by side, each row is a block instead (`list guides` at 80 columns broke
  // "michelange|lo" and "question|s").
  const all = [spec.head, ...spec.rows];
  // A column of single words (ids, guide names, paths) is names too.
  const names = spec.head.map((_, c) => c === 0 || spec.rows.every((r) => !/\s/.test((r[c] ?? '').trim())));
  const least = spec.head.map((_, c) => maxOf(all, (r) => unbroken(r[c] ?? '', names[c]!), 1));
  if (least.reduce((a, b) => a + b, 0) > available) return renderBlocks(spec, s);
  const widths = fitColumns(all, available, least);
  const bar = s.dim('│');
  const rule = (left: string, middle: string, right: string): string => s.dim(`${left}${widths.map((w) => '─'.repeat(w + 2)).join(middle)}${right}`);
  const lines = (row: string[], head: boolean): string[] => {
    // A cell already styled by its command (a bold total) is a short label: kept whole.
    const cells = widths.map((w, c) => {
      const text = row[c] ?? '';
      return text.includes(ESC) ? [text] : wrap(text, w);
    });
    const height = maxOf(cells, (c) => c.length, 1);
    const out: string[] = [];
    for (let i = 0; i < height; i++) {
      const parts = widths.map((w, c) => {
        const text = cells[c]![i] ?? '';
        return ` ${pad(head && text ? s.bold(text) : text, w)} `;
      });
      out.push(`${bar}${parts.join(bar)}${bar}`);
    }
    return out;
  };
  return [rule('┌', '┬', '┐'), ...lines(spec.head, true), rule('├', '┼', '┤'), ...spec.rows.flatMap((r) => lines(r, false)), rule('└', '┴', '┘')].join('\n');
}

/** The widest piece of a cell that wrapping keeps whole: a word, or (unless `whole`) the part of one up to a hyphen or slash. */
function unbroken(text: string, whole: boolean): number {
  if (text.includes(ESC)) return width(text); // a styled label: kept whole
  return maxOf(
    text.split(/\s+/).flatMap((w) => (whole ? [w] : w.split(/(?<=[-/])/))),
    width,
    0,
  );
}

/** Cells this short (`traps: 5`) share a line in a block, side by side. */
const SHORT = 16;

/**
 * A narrow terminal's table: each row a block, its first cell as a title and every
 * other cell under it as `column: value`, wrapped under itself; short cells side by
 * side on one line (`traps: 5 · cards: 1`).
 */
function renderBlocks(spec: TableSpec, s: Style): string {
  const columns = Math.max(20, spec.columns);
  return spec.rows
    .map((row) => {
      const out = wrap(row[0] ?? '', columns).map((l) => (row[0]?.includes(ESC) ? l : s.bold(l)));
      let shared: string[] = [];
      let sharedWidth = 0;
      const flush = (): void => {
        if (shared.length > 0) out.push(`  ${shared.join(s.dim(' · '))}`);
        shared = [];
        sharedWidth = 0;
      };
      row.slice(1).forEach((cell, i) => {
        if (!cell) return;
        const label = spec.head[i + 1] ? `${spec.head[i + 1]}: ` : '';
        const w = width(label) + width(cell);
        if (w <= SHORT && !cell.includes('\n')) {
          if (shared.length > 0 && 2 + sharedWidth + 3 + w > columns) flush();
          shared.push(`${s.dim(label)}${cell}`);
          sharedWidth += (shared.length > 1 ? 3 : 0) + w;
          return;
        }
        flush();
        const lines = wrap(cell, Math.max(10, columns - 2 - label.length));
        lines.forEach((l, j) => {
          out.push(`  ${j === 0 ? s.dim(label) : ' '.repeat(label.length)}${l}`);
        });
      });
      flush();
      return out.join('\n');
    })
    .join('\n');
}
