// Our display width against string-width's, which it replaces at run time (issue 14):
// every code point, alone and in the sequences that make clusters, and mixed text.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { clusters, textWidth } from '../src/render/text-width.js';

/** The strings where the two disagree, with both widths, so that a failure names them. */
function disagreements(strings: Iterable<string>): string[] {
  const out: string[] = [];
  for (const s of strings) {
    const ours = textWidth(s);
    const theirs = stringWidth(s);
    if (ours !== theirs) out.push(`${[...s].map((c) => c.codePointAt(0)!.toString(16)).join(' ')}: ${ours}, string-width ${theirs}`);
  }
  return out.slice(0, 20);
}

function* codePoints(): Generator<string> {
  for (let cp = 0; cp < 0x110000; cp++) yield String.fromCodePoint(cp);
}

// Blocks of thousands of alike characters (CJK, Hangul syllables, Tangut, private
// use) and unassigned ones: one in 16 of them is enough.
const ALIKE = /^[\p{Cn}\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\ue000-\uf8ff\u{17000}-\u{18aff}\u{20000}-\u{3ffff}\u{f0000}-\u{10ffff}]$/u;
const assigned = [...codePoints()].filter((c, cp) => cp % 16 === 0 || !ALIKE.test(c));

const PICTOGRAPHIC = /^\p{Extended_Pictographic}$/u;
const EMOJI = /^\p{Emoji}$/u;
const emoji = [...codePoints()].filter((c) => EMOJI.test(c) || PICTOGRAPHIC.test(c));
const tones = ['\u{1f3fb}', '\u{1f3fc}', '\u{1f3fd}', '\u{1f3fe}', '\u{1f3ff}'];
const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const flag = (a: string, b: string): string => String.fromCodePoint(0x1f1e6 + letters.indexOf(a), 0x1f1e6 + letters.indexOf(b));

// A sample of every kind of character, to put side by side: some of every block, and
// those that join clusters.
const sample = [
  ...[...codePoints()].filter((_, cp) => cp % 97 === 0),
  ...'a\u0301\u0308\u20dd\u200d\u200c\ufe0f\ufe0e\u20e3\u094d\u0915\u0937\u0e01\u0e33\u0eb3\u1100\u1161\u11a8\uac00\uac01\u0903\u093e\u0600\u0d4e\uff9e\uff70\uffa0\r\n\t\u001f\u00ad 🏻👩❤☺🇯🇵🏴\u{e0067}\u{e007f}#1'.match(
    /./gsu,
  )!,
];

describe('textWidth equals string-width', () => {
  it('on every code point', () => {
    expect(disagreements(assigned)).toEqual([]);
  }, 60_000);

  // What joins a cluster: marks, jamo, conjuncts, ZWJ, skin tones.
  it.each(['a', '가', '👩', '\u0915\u094d'])(
    'on code points after %s',
    (before) => {
      expect(disagreements(assigned.map((c) => before + c))).toEqual([]);
    },
    60_000,
  );

  it.each(['\u0301', '\u{1f3fb}'])(
    'on code points before %s',
    (after) => {
      expect(disagreements(assigned.map((c) => c + after))).toEqual([]);
    },
    60_000,
  );

  it('on every emoji with a variation selector, a skin tone, a keycap and a ZWJ', () => {
    const seqs = emoji.flatMap((e) => [`${e}\ufe0f`, `${e}\ufe0e`, ...tones.map((t) => e + t), `${e}\ufe0f\u20e3`, `${e}\u20e3`, `${e}\u200d👩`, `👩\u200d${e}`, `${e}\u200d${e}\ufe0f`]);
    expect(disagreements(seqs)).toEqual([]);
  });

  it('on every pair of regional indicators, and flags in a row', () => {
    const pairs = [...letters].flatMap((a) => [...letters].map((b) => flag(a, b)));
    expect(disagreements(pairs)).toEqual([]);
    expect(disagreements([`${flag('J', 'P')}${flag('F', 'R')}`, `${flag('J', 'P')}\u{1f1e6}`, `\u{1f1e6}${flag('Z', 'Z')}${flag('U', 'S')}`])).toEqual([]);
  });

  it('on real emoji sequences and scripts', () => {
    const texts = [
      '👨‍👩‍👧‍👦 family',
      '🏳️‍🌈 🏴‍☠️ 👁️‍🗨️ 🧑🏽‍💻 🫱🏻‍🫲🏿',
      '👩🏾‍❤️‍💋‍👨🏻',
      '🏴󠁧󠁢󠁳󠁣󠁴󠁿 🏴󠁧󠁢󠁷󠁬󠁳󠁿',
      '🐻‍❄️ 🚶‍➡️',
      '1️⃣ #️⃣ *⃣',
      '★ ☆ ✓ ✗ ⚠ ⚠️ ❤ ❤️ ☺ ☺️ ©️ ™',
      '延迟预算 平台 ＡＢＣ ｶﾞｷﾞ',
      '한국어 텍스트 각 ᄀ가',
      'क्षत्रिय हिन्दी',
      'ภาษาไทย กำ',
      'ພາສາລາວ ກຳ',
      'e\u0301te\u0301 Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
      'مرحبا ۝١٢',
      'שלום עולם',
      'ᚠᛇᚻ᛫ᛒᛦᚦ',
      '\u00a0\u2003\u200b\u2060\ufeff',
      'tab\there\r\nnext',
    ];
    expect(disagreements(texts)).toEqual([]);
    expect(disagreements(texts.flatMap((t) => [...clusters(t)]))).toEqual([]);
  });

  it('on random strings of joining and ordinary characters', () => {
    let seed = 14;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const strings = Array.from({ length: 20_000 }, () => Array.from({ length: 1 + Math.floor(next() * 6) }, () => sample[Math.floor(next() * sample.length)]!).join(''));
    expect(disagreements(strings)).toEqual([]);
  });
});
