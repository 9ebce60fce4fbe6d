// Wrapping agrees with wrap-ansi, which coach used until issue 14, where words fit;
// widths agree with string-width (and tests/text-width.test.ts).
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import wrapAnsi from 'wrap-ansi';
import { describe, expect, it } from 'vitest';
import { width, wrap } from '../src/render/layout.js';
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
const longest = (t: string) =>
  Math.max(
    ...t
      .trim()
      .split(/ +/)
      .map((w) => w.length),
  );

describe('wrap (plain text)', () => {
  it.each(cases.filter(([t, w]) => longest(t) <= w))('%s at %i columns matches wrap-ansi', (text, columns) => {
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

  it.each([100, 123, 200])('fills exactly %i columns when rows must wrap, and loses no word', (columns) => {
    const wide = { ...spec, rows: [...spec.rows, ['x', 'word '.repeat(60).trim(), 'y']] };
    const lines = renderTable({ ...wide, columns }, plain).split('\n');
    for (const l of lines) expect(width(l)).toBe(columns);
    const text = lines.join(' ').replace(/[│┌┐└┘├┤┬┴┼─]/g, ' ');
    for (const row of [wide.head, ...wide.rows]) for (const cell of row) for (const word of cell.split(/[\s-]+/)) expect(text).toContain(word);
  });

  // `coach list guides` at 80 columns broke "michelange|lo", "question|s" and paths.
  const guides = {
    head: ['id', 'title', 'traps', 'trade-offs', 'cards', 'questions', 'source'],
    rows: [
      ['michelangelo', 'Uber Michelangelo', '5', '5', '1', '0', 'bundled'],
      ['mlops-question-bank', 'MLOps Interview Question Bank', '0', '0', '0', '28', 'bundled'],
      ['oss-ml-platform', 'Open-Source ML Platform on Kubernetes', '6', '4', '4', '0', 'bundled'],
    ],
  };
  const cellLines = (table: string): string[] => table.split('\n').flatMap((l) => l.split('│').map((c) => c.trim()));

  it('never breaks a word in a box, nor a name of the first column: blocks instead, each name whole', () => {
    const box = renderTable({ ...guides, columns: 100 }, plain);
    expect(box.startsWith('┌')).toBe(true);
    for (const l of box.split('\n')) expect(width(l)).toBe(100);
    const cells = cellLines(box);
    for (const word of ['michelangelo', 'mlops-question-bank', 'oss-ml-platform', 'Michelangelo', 'questions', 'Kubernetes', 'bundled'])
      expect([word, cells.some((c) => c.split(/\s+/).includes(word))]).toEqual([word, true]);
    // At 80 columns the names and the words do not fit side by side: blocks, names whole.
    const narrow = renderTable({ ...guides, columns: 80 }, plain);
    expect(narrow.split('\n').filter((l) => !l.startsWith(' '))).toEqual(['michelangelo', 'mlops-question-bank', 'oss-ml-platform']);
    // A first column too wide for its table at 60 columns (a trap's id): blocks too.
    expect(renderTable({ ...spec, columns: 60 }, plain).split('\n')[0]).toBe('why-not-just-compute-features-in-the-model-code');
  });

  it('draws blocks when not even the pieces of words fit side by side, short cells sharing a line', () => {
    const long = { ...guides, rows: [...guides.rows, ['a-guide-id', 'Title', '1', '2', '3', '4', '/home/someone/interview-prep/system-design/feature-stores/notes.md']] };
    const out = renderTable({ ...long, columns: 70 }, plain);
    expect(out.startsWith('┌')).toBe(false);
    expect(out).toContain('michelangelo\n  title: Uber Michelangelo\n  traps: 5 · trade-offs: 5 · cards: 1 · questions: 0 · source: bundled');
    expect(out).toContain('a-guide-id\n  title: Title · traps: 1 · trade-offs: 2 · cards: 3 · questions: 4\n  source: /home/someone/');
  });

  it('keeps natural widths when the table fits, with the head ruled off', () => {
    const lines = renderTable({ ...spec, columns: 200 }, plain).split('\n');
    const [a, b, c] = [0, 1, 2].map((i) => Math.max(...[spec.head, ...spec.rows].map((r) => r[i]!.length)));
    expect(lines[1]).toBe(`│ ${'trap'.padEnd(a!)} │ ${'question'.padEnd(b!)} │ ${'guide'.padEnd(c!)} │`);
    expect(lines[3]).toBe(`│ ${spec.rows[0]![0]!} │ ${spec.rows[0]![1]!.padEnd(b!)} │ ${'bighead'.padEnd(c!)} │`);
    expect(lines[2]).toMatch(/^├─+┼─+┼─+┤$/);
    expect(lines).toHaveLength(6);
  });

  it('aligns wide characters and keeps a styled cell whole', () => {
    const s = style(false);
    const lines = renderTable(
      {
        head: ['名前', 'n'],
        rows: [
          ['延迟预算 📦', '1'],
          ['\u001b[1mall\u001b[22m', '2'],
        ],
        columns: 60,
      },
      s,
    ).split('\n');
    for (const l of lines) expect(width(l)).toBe(width(lines[0]!));
    expect(lines.some((l) => l.includes('\u001b[1mall\u001b[22m'))).toBe(true);
  });
});

describe('width', () => {
  it.each([
    ['plain ascii', 11],
    ['arrows → and ≤ maths, box │ drawing', 35],
    ['\u001b[1mbold\u001b[22m', 4],
    ['\u001b]8;;https://example.com\u0007link\u001b]8;;\u0007', 4],
    ['延迟', 4],
    ['e\u0301', 1],
    ['🚀', 2],
    ['👩‍👩‍👧 family', 9],
    ['🇯🇵🇫🇷', 4],
    ['soft\u00adhyphen', 10],
    ['★ ☆ ✓', 5],
  ])('%s → %i columns', (text, columns) => {
    expect(width(text)).toBe(columns);
    expect(width(text)).toBe(stringWidth(text));
  });

  it('equals string-width on code points, plain and styled', () => {
    const wrong: string[] = [];
    // Every one up to U+3000 (the one-column fast path), then a sample (text-width.test.ts has them all).
    for (let cp = 0; cp < 0x110000; cp += cp < 0x3000 ? 1 : 61) {
      const c = String.fromCodePoint(cp);
      for (const text of [c, `\u001b[31m${c}\u001b[39m`])
        if (width(text) !== stringWidth(text) && wrong.length < 20) wrong.push(`${cp.toString(16)}: ${width(text)}, string-width ${stringWidth(text)}`);
    }
    expect(wrong).toEqual([]);
  }, 60_000);
});

describe('wrap (any text)', () => {
  const texts = [
    '延迟预算 is the latency budget: 特征存储 must answer in 10 ms',
    'Ship it 🚀 then 👩‍👩‍👧 family 🇯🇵 flag and 🏳️‍🌈 then done',
    'Cafe\u0301 na\u0308ive re\u0301sume\u0301 with combining marks everywhere',
    '★ Key point ★ with stars ☆ and ✓ ticks',
    '한국어 텍스트 줄 바꿈 테스트 입니다',
  ];
  const unicodeCases = texts.flatMap((t) => [6, 11, 20, 33].map((w) => [t, w] as const));
  const longestWord = (t: string): number => Math.max(...t.split(' ').map((w) => stringWidth(w)));

  // wrap-ansi also recomposes accents (NFC); we keep the text as written.
  it.each(unicodeCases.filter(([t, w]) => longestWord(t) <= w))('%s at %i columns matches wrap-ansi', (text, columns) => {
    expect(wrap(text, columns).map((l) => l.normalize())).toEqual(wrapAnsi(text, columns, { hard: true, trim: true, wordWrap: true }).split('\n'));
  });

  it.each(unicodeCases)('%s at %i columns: fits, splits no character, loses nothing', (text, columns) => {
    const lines = wrap(text, columns);
    for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(columns);
    expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
    const graphemes = (s: string): string[] => Array.from(new Intl.Segmenter().segment(s), (g) => g.segment);
    expect(lines.flatMap(graphemes).filter((g) => g !== ' ')).toEqual(graphemes(text).filter((g) => g !== ' '));
  });

  it('breaks an over-long word of wide characters between characters, never inside one', () => {
    expect(wrap('延迟预算延迟预算', 5)).toEqual(['延迟', '预算', '延迟', '预算']);
    expect(wrap('👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧', 4)).toEqual(['👩‍👩‍👧👩‍👩‍👧', '👩‍👩‍👧']);
    // A wide character in one column goes on a line of its own rather than being lost.
    expect(wrap('a延b', 1)).toEqual(['a', '延', 'b']);
  });

  it('breaks an over-long word after a hyphen that fits, as with plain text', () => {
    expect(wrap('延迟-预算-特征存储', 11)).toEqual(['延迟-预算-', '特征存储']);
  });

  it('never splits an ANSI code, and closes and reopens a style across lines', () => {
    const red = '\u001b[31m';
    const lines = wrap(`${red}延迟预算 is over budget\u001b[39m and plain`, 10);
    expect(lines.map((l) => stripAnsi(l))).toEqual(['延迟预算', 'is over', 'budget and', 'plain']);
    expect(lines).toEqual([`${red}延迟预算\u001b[0m`, `${red}is over\u001b[0m`, `${red}budget\u001b[39m and`, 'plain']);
    // Every line is whole on its own: no code cut in two, no style left open.
    for (const l of lines) expect(l.replace(/\u001b\[\d*m/g, '')).not.toContain('\u001b');
  });

  it('keeps a bold word whole when it is broken', () => {
    const lines = wrap('\u001b[1mabcdéfgh\u001b[22m', 4);
    expect(lines).toEqual(['\u001b[1mabcd\u001b[0m', '\u001b[1méfgh\u001b[22m']);
  });

  it('reopens a link on the next line', () => {
    const open = '\u001b]8;;https://example.com\u0007';
    const close = '\u001b]8;;\u0007';
    const lines = wrap(`see ${open}the 延迟 guide${close} now`, 10);
    expect(lines.map((l) => stripAnsi(l))).toEqual(['see the', '延迟 guide', 'now']);
    expect(lines[0]).toBe(`see ${open}the${close}`);
    expect(lines[1]).toBe(`${open}延迟 guide${close}`);
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
    expect(out).toContain(`│ ${'         ↓        ↓'.padEnd(56)} │`);
    expect(out).toContain(`│ ${'       Meta      Blobs'.padEnd(56)} │`);
  });

  it('keeps an indented line indented, on every line it wraps to', () => {
    const out = renderBox(card, 40, style(false))
      .split('\n')
      .map((l) => l.slice(2, -2).trimEnd());
    const at = out.indexOf('Monthly permit');
    expect(out.slice(at + 1, at + 3)).toEqual(['  renewed on the first day of every', '  month by the billing job']);
  });
});

describe('wrap (hostile sizes)', () => {
  it('wraps a word of a million wide characters, and one of 200,000 colour codes, in linear time', () => {
    const started = performance.now();
    const wide = wrap('延'.repeat(1_000_000), 80);
    expect(wide).toHaveLength(25_000);
    expect(wide[0]).toBe('延'.repeat(40));
    const codes = wrap(`a ${'\u001b[1m'.repeat(200_000)}b 延`, 80);
    expect(codes.map((l) => stripAnsi(l))).toEqual(['a b 延']);
    expect(performance.now() - started).toBeLessThan(20_000);
  }, 60_000);
});

describe('the pacing timeline on a narrow terminal', () => {
  it('wraps a phase name longer than the room without saying a word twice or passing the width', async () => {
    const { timeline } = await import('../src/render/timeline.js');
    const plan = [
      { key: 'a', name: 'Requirements', start: 0, end: 38, focus: '', tips: '', keyPoints: [] },
      { key: 'b', name: 'PNR Lifecycle, Payment, Reliability', start: 38, end: 43, focus: '', tips: '', keyPoints: [] },
    ];
    for (const cols of [40, 44, 50]) {
      const lines = stripAnsi(timeline(plan, cols, style(false))).split('\n');
      for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(cols);
      expect(lines.join(' ').match(/Reliability/g)).toHaveLength(1);
    }
  });
});

describe('a key point said once', () => {
  it('drops a hint that only repeats the label, and a label cut short from its hint', async () => {
    const { pointText } = await import('../src/render/points.js');
    expect(pointText('Graceful degradation', 'Serve defaults when the store is down')).toBe('Graceful degradation — Serve defaults when the store is down');
    expect(pointText('SSE vs WebSocket', 'SSE vs WebSocket: one-way is enough')).toBe('SSE vs WebSocket — one-way is enough');
    expect(pointText('A DHT gives exact answers but requires…', 'A DHT gives exact answers but requires network roundtrips per lookup')).toBe(
      'A DHT gives exact answers but requires network roundtrips per lookup',
    );
    expect(pointText('Caching', 'caching')).toBe('Caching');
    expect(pointText('Caching', undefined)).toBe('Caching');
  });
});
