// The plain-text fast path of wrapping agrees with wrap-ansi, which handles the rest.
import wrapAnsi from 'wrap-ansi';
import { describe, expect, it } from 'vitest';
import { loadUnicode, textNeedsUnicode, width, wrap } from '../src/render/layout.js';
import { renderTable } from '../src/render/table.js';
import { style } from '../src/render/style.js';
import { renderBox } from '../src/render/box.js';

const texts = [
  'Feature store availability is critical since it is on the inference path → we need a fallback.',
  'A-very-long-hyphenated-identifier-that-is-longer-than-the-column-width and then short words',
  'P99 ≤ 50 ms for feature lookups • 99.9% availability • <0.1% errors',
  'x',
  '   leading and trailing spaces   ',
];

const cases = texts.flatMap((t) => [7, 20, 33, 80].map((w) => [t, w] as const));
const longest = (t: string) => Math.max(...t.trim().split(/ +/).map((w) => w.length));

describe('wrap (plain text)', () => {
  it.each(cases.filter(([t, w]) => longest(t) <= w))('%s at %i columns matches wrap-ansi', (text, columns) => {
    expect(textNeedsUnicode(text)).toBe(false);
    expect(wrap(text, columns)).toEqual(wrapAnsi(text, columns, { hard: true, trim: true, wordWrap: true }).split('\n'));
  });

  // wrap-ansi fills a line with the start of an over-long word; we start it on a
  // line of its own. Either way every line fits and no character is lost.
  it.each(cases.filter(([t, w]) => longest(t) > w))('%s at %i columns: fits, nothing lost', (text, columns) => {
    const lines = wrap(text, columns);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(columns);
    expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
  });
});

describe('wrap (over-long words)', () => {
  it('breaks an id after a hyphen that fits, not in the middle of a word', () => {
    expect(wrap('why-not-just-compute-features-in-the-model', 28)).toEqual(['why-not-just-compute-', 'features-in-the-model']);
  });

  it('breaks a word with no hyphen at the width', () => {
    expect(wrap('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });
});

describe('renderTable', () => {
  const plain = style(false);
  const spec = {
    head: ['trap', 'question', 'guide'],
    rows: [
      ['why-not-just-compute-features-in-the-model-code', 'Why not just compute features in the model code?', 'bighead'],
      ['kubeflow', 'Why not just use Kubeflow?', 'oss-ml-platform'],
    ],
  };

  it.each([60, 80, 123, 200])('fills exactly %i columns when rows must wrap, and loses no word', (columns) => {
    const wide = { ...spec, rows: [...spec.rows, ['x', 'word '.repeat(60).trim(), 'y']] };
    const lines = renderTable({ ...wide, columns }, plain).split('\n');
    for (const l of lines) expect(width(l)).toBe(columns);
    const text = lines.join(' ').replace(/[│┌┐└┘├┤┬┴┼─]/g, ' ');
    for (const row of [wide.head, ...wide.rows]) for (const cell of row) for (const word of cell.split(/[\s-]+/)) expect(text).toContain(word);
  });

  it('keeps natural widths when the table fits, with the head ruled off', () => {
    const lines = renderTable({ ...spec, columns: 200 }, plain).split('\n');
    const [a, b, c] = [0, 1, 2].map((i) => Math.max(...[spec.head, ...spec.rows].map((r) => r[i]!.length)));
    expect(lines[1]).toBe(`│ ${'trap'.padEnd(a!)} │ ${'question'.padEnd(b!)} │ ${'guide'.padEnd(c!)} │`);
    expect(lines[3]).toBe(`│ ${spec.rows[0]![0]!} │ ${spec.rows[0]![1]!.padEnd(b!)} │ ${'bighead'.padEnd(c!)} │`);
    expect(lines[2]).toMatch(/^├─+┼─+┼─+┤$/);
    expect(lines).toHaveLength(6);
  });

  it('aligns wide characters and keeps a styled cell whole', async () => {
    await loadUnicode();
    const s = style(false);
    const lines = renderTable({ head: ['名前', 'n'], rows: [['延迟预算 📦', '1'], ['\u001b[1mall\u001b[22m', '2']], columns: 60 }, s).split('\n');
    for (const l of lines) expect(width(l)).toBe(width(lines[0]!));
    expect(lines.some((l) => l.includes('\u001b[1mall\u001b[22m'))).toBe(true);
  });
});

describe('textNeedsUnicode', () => {
  it.each([
    ['plain ascii', false],
    ['arrows → and ≤ maths, box │ drawing', false],
    ['\u001b[1mbold\u001b[22m', false],
    ['延迟', true],
    ['e\u0301', true],
    ['🚀', true],
  ])('%s → %s', (text, needs) => {
    expect(textNeedsUnicode(text)).toBe(needs);
    if (!needs) expect(width(text)).toBe(text.replace(/\u001b\[\d+m/g, '').length);
  });
});

describe('renderBox', () => {
  const card = {
    id: 'upload',
    title: 'Upload Path',
    tags: [],
    line: 1,
    blocks: [
      { kind: 'lines' as const, pre: true, lines: ['Phone -> API -> Queue', '         ↓        ↓', '       Meta      Blobs'] },
      { kind: 'lines' as const, title: 'Payments', lines: ['Monthly permit', '  renewed on the first day of every month by the billing job'] },
    ],
  };

  it('draws a diagram as written, so that its arrows stay under what they point from', () => {
    const out = renderBox(card, 60, style(false)).split('\n');
    expect(out).toContain('│ ' + '         ↓        ↓'.padEnd(56) + ' │');
    expect(out).toContain('│ ' + '       Meta      Blobs'.padEnd(56) + ' │');
  });

  it('keeps an indented line indented, on every line it wraps to', () => {
    const out = renderBox(card, 40, style(false)).split('\n').map((l) => l.slice(2, -2).trimEnd());
    const at = out.indexOf('Monthly permit');
    expect(out.slice(at + 1, at + 3)).toEqual(['  renewed on the first day of every', '  month by the billing job']);
  });
});
