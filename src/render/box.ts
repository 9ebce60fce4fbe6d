// Draws a quick-reference card as a box at a given width: every row re-wrapped to
// fit, columns measured by display width, nothing cut.
import type { Card, CardBlock } from '../guides/model.js';
import { fitColumns, maxOf, pad, width, wrap } from './layout.js';
import { NARROW } from './table.js';
import type { Style } from './style.js';

const SEP = ' │ ';

export function renderBox(card: Card, columns: number, s: Style): string {
  const natural = maxOf(card.blocks, naturalWidth, Math.max(width(card.title), width(card.subtitle ?? '')));
  const outer = Math.min(columns, Math.max(40, natural + 4));
  const inner = outer - 4;
  const out: string[] = [];
  const line = (text = ''): void => {
    out.push(`${s.dim('│')} ${pad(text, inner)} ${s.dim('│')}`);
  };
  const rule = (left: string, right: string): void => {
    out.push(s.dim(`${left}${'─'.repeat(inner + 2)}${right}`));
  };
  rule('┌', '┐');
  for (const l of wrap(card.title, inner)) line(s.bold(l));
  if (card.subtitle && card.subtitle.toLowerCase() !== card.title.toLowerCase()) {
    for (const l of wrap(card.subtitle, inner)) line(s.cyan(l));
  }
  for (const block of card.blocks) {
    rule('├', '┤');
    if (block.title) for (const l of wrap(block.title, inner)) line(s.bold.cyan(l));
    if (block.kind === 'lines') {
      // A diagram's lines are drawn as written where they fit; an indented line keeps its indent.
      for (const text of block.lines) for (const l of block.pre === true && width(text) <= inner ? [text] : indented(text, inner)) line(l);
    } else {
      for (const l of tableLines(block, inner, s)) line(l);
    }
  }
  rule('└', '┘');
  return out.join('\n');
}

function naturalWidth(block: CardBlock): number {
  const title = width(block.title ?? '');
  if (block.kind === 'lines') return maxOf(block.lines, width, title);
  const rows = block.header ? [block.header, ...block.rows] : block.rows;
  const n = maxOf(rows, (r) => r.length, 0);
  const cols = Array.from({ length: n }, (_, c) => maxOf(rows, (r) => width(r[c] ?? ''), 0));
  return Math.max(title, cols.reduce((a, b) => a + b, 0) + SEP.length * (n - 1));
}

/** Wraps a line that may be indented: the indent stays in front of every line it wraps to. */
function indented(text: string, columns: number): string[] {
  const indent = /^ */.exec(text)![0].length;
  if (indent === 0 || indent >= columns / 2) return hanging(text.trimStart(), columns);
  return hanging(text.slice(indent), columns - indent).map((l) => ' '.repeat(indent) + l);
}

/** Wraps a line; a bullet's continuation lines hang under its text. */
function hanging(text: string, columns: number): string[] {
  const m = /^(• |- |\d+[.)] )/.exec(text);
  if (!m) return wrap(text, columns);
  const lead = m[1]!;
  const body = wrap(text.slice(lead.length), columns - lead.length);
  return body.map((l, i) => (i === 0 ? lead : ' '.repeat(lead.length)) + l);
}

function tableLines(block: Extract<CardBlock, { kind: 'table' }>, inner: number, s: Style): string[] {
  const rows = block.header ? [block.header, ...block.rows] : block.rows;
  const n = maxOf(rows, (r) => r.length, 0);
  // A narrow box: each row as its first cell and the others under it (never columns of a few letters).
  if (inner < NARROW - 4 && n > 2) return rowBlocks(block, inner, s);
  const room = inner - SEP.length * (n - 1);
  const widths = fitColumns(rows, room);
  // The last column takes what is left, so rules and rows reach the box's edge.
  widths[n - 1]! += Math.max(0, room - widths.reduce((a, b) => a + b, 0));
  const out: string[] = [];
  rows.forEach((row, r) => {
    const cells = widths.map((w, c) => hanging(row[c] ?? '', w));
    const height = maxOf(cells, (c) => c.length, 0);
    for (let i = 0; i < height; i++) {
      const text = widths.map((w, c) => pad(cells[c]![i] ?? '', w)).join(s.dim(SEP));
      out.push(block.header && r === 0 ? s.bold(text) : text);
    }
    if (block.header && r === 0) out.push(s.dim(widths.map((w) => '─'.repeat(w)).join('─┼─')));
  });
  return out;
}

/** A table's rows for a narrow box: the first cell, then `column: value` lines under it. */
function rowBlocks(block: Extract<CardBlock, { kind: 'table' }>, inner: number, s: Style): string[] {
  const out: string[] = [];
  for (const row of block.rows) {
    out.push(...wrap(row[0] ?? '', inner).map((l) => s.bold(l)));
    row.slice(1).forEach((cell, i) => {
      if (!cell) return;
      const label = block.header?.[i + 1] ? `${block.header[i + 1]}: ` : '';
      wrap(cell, Math.max(10, inner - 2 - label.length)).forEach((l, j) => {
        out.push(`  ${j === 0 ? s.dim(label) : ' '.repeat(label.length)}${l}`);
      });
    });
  }
  return out;
}
