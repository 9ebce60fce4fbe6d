// Measuring and wrapping text for the terminal. Text that is one column per
// character (ASCII, Latin letters, punctuation, arrows, maths, box drawing) is
// measured and wrapped by its length; anything else (wide CJK, combining marks,
// emoji, ANSI codes) by its grapheme clusters and their widths (text-width.ts),
// which cost next to nothing to load: string-width and wrap-ansi, used here until
// issue 14, took 50-65 ms to load on the first wide character.
import ansiRegex from 'ansi-regex';
import stripAnsi from 'strip-ansi';
import { clusters, clusterWidth, textWidth } from './text-width.js';

// No soft hyphen (U+00AD): it is invisible.
const NARROW = /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u22ff\u2500-\u259f]*$/;
export const ESC = '\u001b';
// The 8-bit CSI, which strip-ansi removes too.
const CSI = '\u009b';

/** Display width in terminal columns. */
export function width(text: string): number {
  const plain = text.includes(ESC) || text.includes(CSI) ? stripAnsi(text) : text;
  return NARROW.test(plain) ? plain.length : textWidth(plain);
}

/**
 * Wraps text to a display width; words longer than the width are broken, after a
 * hyphen where one fits, never inside a character or an ANSI code. Runs of spaces
 * between words become one.
 */
export function wrap(text: string, columns: number): string[] {
  if (columns < 1) return [text];
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    if (paragraph.trim() === '') out.push('');
    // Loops, not push(...spread): a long text wraps to more lines than a call takes arguments.
    else if (NARROW.test(paragraph)) for (const l of wrapNarrow(paragraph, columns)) out.push(l);
    else for (const l of carryStyles(wrapUnits(paragraph, columns))) out.push(l);
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

/** A piece of a word that is never split: one grapheme cluster, or one ANSI code (no width). */
interface Unit {
  text: string;
  width: number;
}

const ANSI = ansiRegex();
// What every ANSI code starts with: ESC or an 8-bit introducer.
const CONTROL = /[\u001b\u0080-\u009f]/;

function units(word: string): Unit[] {
  const out: Unit[] = [];
  const text = (s: string): void => {
    for (const c of clusters(s)) out.push({ text: c, width: clusterWidth(c) });
  };
  let at = 0;
  for (const m of CONTROL.test(word) ? word.matchAll(ANSI) : []) {
    text(word.slice(at, m.index));
    out.push({ text: m[0], width: 0 });
    at = m.index + m[0].length;
  }
  text(word.slice(at));
  return out;
}

const sum = (us: readonly Unit[]): number => us.reduce((w, u) => w + u.width, 0);

function join(us: readonly Unit[], from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) s += us[i]!.text;
  return s;
}

/**
 * wrapNarrow's greedy wrap, on clusters and their widths. An over-long word is
 * walked with an index, not sliced: a hostile guide's word can be a megabyte long.
 */
function wrapUnits(text: string, columns: number): string[] {
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const piece of text.split(' ')) {
    if (!piece) continue;
    const word = units(piece);
    let from = 0;
    let wordWidth = sum(word);
    while (wordWidth > columns) {
      if (line) {
        lines.push(line);
        line = '';
        lineWidth = 0;
      }
      // The longest start that fits (at least one character, so that a wide one
      // in a column too narrow for it still moves on), with the codes after it;
      // or up to its last hyphen that fits.
      let cut = from;
      let w = 0;
      let hyphen = 0;
      let hyphenWidth = 0;
      while (cut < word.length && (w === 0 || w + word[cut]!.width <= columns)) {
        w += word[cut]!.width;
        cut++;
        if (word[cut - 1]!.text === '-' && cut - 1 > from) {
          hyphen = cut;
          hyphenWidth = w;
        }
      }
      if (hyphen > 0 && hyphen < cut) {
        cut = hyphen;
        w = hyphenWidth;
      }
      while (cut < word.length && word[cut]!.width === 0) cut++;
      lines.push(join(word, from, cut));
      from = cut;
      wordWidth -= w;
    }
    if (from === word.length) continue;
    const rest = join(word, from, word.length);
    if (!line) {
      line = rest;
      lineWidth = wordWidth;
    } else if (lineWidth + 1 + wordWidth <= columns) {
      line += ` ${rest}`;
      lineWidth += 1 + wordWidth;
    } else {
      lines.push(line);
      line = rest;
      lineWidth = wordWidth;
    }
  }
  if (line) lines.push(line);
  return lines;
}

const SGR = /^(?:\u001b\[|\u009b)([\d;:]*)m$/;
const LINK = /^(?:\u001b\]|\u009d)8;[^;\u0007\u001b]*;([^\u0007\u001b\u009c]*)/;

/** What an SGR parameter sets (its kind), or turns off (`off`); undefined for a reset. */
function sgrKind(p: number): { kind: string; off: boolean } | undefined {
  if (p === 0) return undefined;
  if (p === 1 || p === 2) return { kind: 'weight', off: false };
  if (p === 22) return { kind: 'weight', off: true };
  if (p >= 3 && p <= 9) return { kind: String(p === 6 ? 5 : p), off: false };
  if (p >= 23 && p <= 29) return { kind: String(p - 20), off: true };
  if ((p >= 30 && p <= 38) || (p >= 90 && p <= 97)) return { kind: 'fg', off: false };
  if (p === 39) return { kind: 'fg', off: true };
  if ((p >= 40 && p <= 48) || (p >= 100 && p <= 107)) return { kind: 'bg', off: false };
  if (p === 49) return { kind: 'bg', off: true };
  return { kind: String(p), off: false };
}

/** Applies one SGR code's parameters to the styles in force (kind → the code that set it). */
function applySgr(styles: Map<string, string>, params: string): void {
  const raw = params === '' ? ['0'] : params.split(';');
  const ps = raw.map((p) => Number.parseInt(p, 10) || 0);
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i]!;
    // 38;5;n and 38;2;r;g;b (and 48, 58) carry their colour in the next parameters.
    const extra = p === 38 || p === 48 || p === 58 ? (ps[i + 1] === 5 ? 2 : ps[i + 1] === 2 ? 4 : 0) : 0;
    const kind = sgrKind(p);
    if (!kind) styles.clear();
    else if (kind.off) styles.delete(kind.kind);
    else styles.set(kind.kind, `${ESC}[${raw.slice(i, i + 1 + extra).join(';')}m`);
    i += extra;
  }
}

/**
 * A colour or link that is open at the end of a line is closed there and opened
 * again on the next line, so that each line is whole on its own (a table cell, a
 * pager, the margin before it are not painted).
 */
function carryStyles(lines: string[]): string[] {
  const styles = new Map<string, string>();
  let link = '';
  return lines.map((line) => {
    const open = link + [...styles.values()].join('');
    for (const m of CONTROL.test(line) ? line.matchAll(ANSI) : []) {
      const sgr = SGR.exec(m[0]);
      if (sgr) applySgr(styles, sgr[1]!);
      const l = LINK.exec(m[0]);
      if (l) link = l[1] ? m[0] : '';
    }
    return open + line + (styles.size > 0 ? `${ESC}[0m` : '') + (link ? `${ESC}]8;;\u0007` : '');
  });
}

/** Text wrapped at words to the width, each line after the first indented to start under the first: a line as it is said back after its label. */
export function hanging(text: string, at: number, columns: number | undefined): string[] {
  if (!columns || at + 10 > columns) return [text];
  return wrap(text, columns - at).map((l, i) => (i === 0 ? l : `${' '.repeat(at)}${l}`));
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
export function fitColumns(rows: string[][], available: number, least?: number[]): number[] {
  const n = maxOf(rows, (r) => r.length, 0);
  if (n === 0) return [];
  const natural = Array.from({ length: n }, (_, c) => maxOf(rows, (r) => width(r[c] ?? ''), 1));
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= available) return natural;
  const longestWord = (c: number): number => maxOf(rows, (r) => maxOf((r[c] ?? '').split(/\s+/), width, 0), 4);
  // Every column keeps its longest word when that fits (or the width it must keep, when
  // the caller says); otherwise words are capped at a fair share.
  let floor = least ? natural.map((w, c) => Math.min(w, least[c] ?? w)) : natural.map((w, c) => Math.min(w, longestWord(c)));
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
  // Shell words: a quoted argument ('Minutes 38-43: Payment') is never broken, since a
  // backslash inside quotes does not continue the line.
  const words = command.match(/(?:'[^']*'|[^\s'])+/g) ?? [command];
  for (const word of words) {
    const room = columns - (out.length === 0 ? 0 : indent) - 2;
    if (line && line.length + 1 + word.length > room) {
      out.push(`${line} \\`);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  out.push(line);
  return out.map((l, i) => (i === 0 ? l : ' '.repeat(indent) + l));
}
