// Measuring and wrapping text for the terminal: display width (wide and combining
// characters) through string-width, wrapping through wrap-ansi.
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

export { stringWidth as width };

/** Wraps text to a display width; words longer than the width are broken. */
export function wrap(text: string, columns: number): string[] {
  if (columns < 1) return [text];
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    if (paragraph.trim() === '') {
      out.push('');
      continue;
    }
    out.push(...wrapAnsi(paragraph, columns, { hard: true, trim: true, wordWrap: true }).split('\n'));
  }
  return out;
}

/** Pads to a display width. */
export function pad(text: string, columns: number): string {
  const w = stringWidth(text);
  return w >= columns ? text : text + ' '.repeat(columns - w);
}

/** Indents every line of a block. */
export function indent(text: string, by = 2): string {
  const space = ' '.repeat(by);
  return text
    .split('\n')
    .map((l) => (l ? space + l : l))
    .join('\n');
}

/**
 * Column widths that fit `available` display columns: natural widths when they fit,
 * otherwise every column keeps at least its longest word (up to a share of the
 * room) and the rest is shared in proportion to what each column wants.
 */
export function fitColumns(rows: string[][], available: number): number[] {
  const n = Math.max(0, ...rows.map((r) => r.length));
  if (n === 0) return [];
  const natural = Array.from({ length: n }, (_, c) => Math.max(1, ...rows.map((r) => stringWidth(r[c] ?? ''))));
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= available) return natural;
  const longestWord = (c: number): number =>
    Math.max(4, ...rows.flatMap((r) => (r[c] ?? '').split(/\s+/).map((word) => stringWidth(word))));
  // Every column keeps its longest word when that fits; otherwise words are capped at a fair share.
  let floor = natural.map((w, c) => Math.min(w, longestWord(c)));
  if (floor.reduce((a, b) => a + b, 0) > available) {
    const cap = Math.max(4, Math.floor(available / n));
    floor = floor.map((f) => Math.min(f, cap));
  }
  let room = available - floor.reduce((a, b) => a + b, 0);
  if (room < 0) {
    // Not even the floors fit: share evenly.
    const even = Math.max(1, Math.floor(available / n));
    return natural.map(() => even);
  }
  const want = natural.map((w, c) => w - floor[c]!);
  const wantTotal = want.reduce((a, b) => a + b, 0);
  const widths = floor.map((f, c) => f + Math.floor((want[c]! * room) / Math.max(1, wantTotal)));
  room = available - widths.reduce((a, b) => a + b, 0);
  for (let c = 0; room > 0; c = (c + 1) % n) {
    if (widths[c]! < natural[c]!) {
      widths[c]!++;
      room--;
    } else if (widths.every((w, i) => w >= natural[i]!)) break;
  }
  return widths;
}
