// Measuring and wrapping text for the terminal. Text that is one column per
// character (ASCII, Latin letters, punctuation, arrows, maths, box drawing) is
// measured and wrapped here directly; anything else (wide CJK, combining marks,
// emoji) goes through string-width and wrap-ansi. Those two build large Unicode
// tables when loaded (~30 ms), so they are loaded on the first text that needs
// them, synchronously, inside width() and wrap(): measuring can never come too
// early (issue 11: a ★ added by a renderer crashed `coach guide mlops-platform`).
import stripAnsi from 'strip-ansi';

const NARROW = /^[\x20-\x7e\u00a0-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u22ff\u2500-\u259f]*$/;
export const ESC = '\u001b';

let unicode: { stringWidth: (s: string) => number; wrapAnsi: (s: string, columns: number, options: object) => string } | undefined;

/** True when some of the text needs string-width to be measured right. */
export function textNeedsUnicode(text: string): boolean {
  return text.split('\n').some((line) => !NARROW.test(line.includes(ESC) ? stripAnsi(line) : line));
}

/** Loads the Unicode tables now rather than on the first wide text (before a live screen starts). */
export async function loadUnicode(): Promise<void> {
  library();
}

// A plain require(): in dist/ it loads the package's own bundle, built apart and
// read only here (scripts/build.mjs); under the tests, the package itself.
function library(): NonNullable<typeof unicode> {
  unicode ??= {
    stringWidth: (require('string-width') as typeof import('string-width')).default,
    wrapAnsi: (require('wrap-ansi') as typeof import('wrap-ansi')).default,
  };
  return unicode;
}

/** Display width in terminal columns. */
export function width(text: string): number {
  const plain = text.includes(ESC) ? stripAnsi(text) : text;
  return NARROW.test(plain) ? plain.length : library().stringWidth(plain);
}

/** Wraps text to a display width; words longer than the width are broken, after a hyphen where one fits. */
export function wrap(text: string, columns: number): string[] {
  if (columns < 1) return [text];
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    if (paragraph.trim() === '') out.push('');
    // Loops, not push(...spread): a long text wraps to more lines than a call takes arguments.
    else if (NARROW.test(paragraph)) for (const l of wrapNarrow(paragraph, columns)) out.push(l);
    else for (const l of library().wrapAnsi(paragraph, columns, { hard: true, trim: true, wordWrap: true }).split('\n')) out.push(l);
  }
  return out;
}

/** Greedy word wrap for one-column-per-character text, breaking over-long words. */
function wrapNarrow(text: string, columns: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of text.trim().split(/ +/)) {
    while (word.length > columns) {
      if (line) {
        lines.push(line);
        line = '';
      }
      // An over-long word breaks after its last hyphen that fits (ids, compounds).
      const hyphen = word.lastIndexOf('-', columns - 1);
      const cut = hyphen > 0 ? hyphen + 1 : columns;
      lines.push(word.slice(0, cut));
      word = word.slice(cut);
    }
    if (!word) continue;
    if (!line) line = word;
    else if (line.length + 1 + word.length <= columns) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The largest `measure(item)`, at least `floor`. A loop: Math.max(...spread) throws
 * RangeError past about 120,000 items, and a hostile guide has that many words.
 */
export function maxOf<T>(items: readonly T[], measure: (item: T) => number, floor = -Infinity): number {
  let max = floor;
  for (const item of items) {
    const m = measure(item);
    if (m > max) max = m;
  }
  return max;
}

/** Pads to a display width. */
export function pad(text: string, columns: number): string {
  const w = width(text);
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
  const n = maxOf(rows, (r) => r.length, 0);
  if (n === 0) return [];
  const natural = Array.from({ length: n }, (_, c) => maxOf(rows, (r) => width(r[c] ?? ''), 1));
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= available) return natural;
  const longestWord = (c: number): number => maxOf(rows, (r) => maxOf((r[c] ?? '').split(/\s+/), width, 0), 4);
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

/**
 * Wraps every line of a text that is wider than `columns`, its continuation lines
 * indented two spaces more than the line itself: for short free-form outputs (today,
 * paths, config) whose lines have no columns to keep.
 */
export function fitLines(text: string, columns: number): string {
  return text
    .split('\n')
    .flatMap((line) => {
      if (width(line) <= columns) return [line];
      const lead = /^ */.exec(line)![0].length;
      const [first = '', ...rest] = wrap(line.slice(lead), Math.max(10, columns - lead));
      const more = rest.length > 0 ? wrap(rest.join(' '), Math.max(10, columns - lead - 2)) : [];
      return [' '.repeat(lead) + first, ...more.map((l) => ' '.repeat(lead + 2) + l)];
    })
    .join('\n');
}

/**
 * A shell command wrapped at its spaces (never inside a word), each broken line
 * ending in ` \` and the next indented, so that it still pastes into a shell whole.
 */
export function commandLines(command: string, columns: number, indent = 4): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of command.split(' ')) {
    const room = columns - (out.length === 0 ? 0 : indent) - 2;
    if (line && line.length + 1 + word.length > room) {
      out.push(`${line} \\`);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  out.push(line);
  return out.map((l, i) => (i === 0 ? l : ' '.repeat(indent) + l));
}
