// Tables for lists and trade-offs, through cli-table3, with column widths fitted to
// the terminal so that rows wrap instead of overflowing.
import Table from 'cli-table3';
import { fitColumns } from './layout.js';
import type { Style } from './style.js';

export interface TableSpec {
  head: string[];
  rows: string[][];
  columns: number;
}

export function renderTable(spec: TableSpec, s: Style): string {
  const n = spec.head.length;
  // Each column costs two spaces of padding and one border character.
  const available = spec.columns - (n + 1) - 2 * n;
  const widths = fitColumns([spec.head, ...spec.rows], available).map((w) => w + 2);
  const table = new Table({
    head: spec.head.map((h) => s.bold(h)),
    colWidths: widths,
    wordWrap: true,
    wrapOnWordBoundary: true,
    style: { head: [], border: [], compact: true },
  });
  for (const row of spec.rows) table.push(row.map((c) => c ?? ''));
  const text = table.toString();
  return s.level > 0 ? text.replace(/[─│┌┐└┘├┤┬┴┼]+/g, (m) => s.dim(m)) : text;
}
