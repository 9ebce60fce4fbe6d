// The plain-text fast path of wrapping agrees with wrap-ansi, which handles the rest.
import wrapAnsi from 'wrap-ansi';
import { describe, expect, it } from 'vitest';
import { textNeedsUnicode, width, wrap } from '../src/render/layout.js';

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
