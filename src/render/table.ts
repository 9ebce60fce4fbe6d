// Tables for lists, trade-offs, history and stats, with column widths fitted to the
// terminal so that rows wrap instead of overflowing. Drawn here with the same
// measuring and wrapping as the cards (layout.ts): cli-table3 did this before, but
// it cut long ids short with "…" and took about 0.4 ms a row (110 ms for
// `coach list guides` over 250 guides).
import { ESC, fitColumns, maxOf, pad, wrap } from './layout.js';
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
  const widths = fitColumns([spec.head, ...spec.rows], available);
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

/**
 * A narrow terminal's table: each row a block, its first cell as a title and every
 * other cell under it as `column: value`, wrapped under itself.
 */
function renderBlocks(spec: TableSpec, s: Style): string {
  const width = Math.max(20, spec.columns);
  return spec.rows
    .map((row) => {
      const out = wrap(row[0] ?? '', width).map((l) => (row[0]?.includes(ESC) ? l : s.bold(l)));
      row.slice(1).forEach((cell, i) => {
        if (!cell) return;
        const label = spec.head[i + 1] ? `${spec.head[i + 1]}: ` : '';
        const lines = wrap(cell, Math.max(10, width - 2 - label.length));
        lines.forEach((l, j) => {
          out.push(`  ${j === 0 ? s.dim(label) : ' '.repeat(label.length)}${l}`);
        });
      });
      return out.join('\n');
    })
    .join('\n');
}
