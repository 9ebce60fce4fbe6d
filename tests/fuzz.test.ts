// Issue 13: a seeded fuzz run in the suite. A few hundred guide files mutated from the
// bundled guides (control characters and escape sequences, lines repeated hundreds of
// times, deep nesting, long runs of the characters that make patterns slow, hostile
// front matter, cuts and bad bytes), plus the hostile structures of the issue, next to
// good guides. Asserted: no file takes long, no crash, every good guide loads, and the
// built coach prints no control character. The seed makes a failure reproducible:
// the assertion messages name the file, and the same seed makes the same files.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGuideBytes } from '../src/guides/files.js';
import { BIN } from './helpers/pty.js';

// FUZZ_SEED and FUZZ_FILES explore further by hand; the suite runs the same files every time.
const SEED = Number(process.env['FUZZ_SEED']) || 13;
const FILES = Number(process.env['FUZZ_FILES']) || 300;
const GOOD = 8;

/** mulberry32: a small seeded generator, so that every run makes the same files. */
function generator(seed: number): { int: (n: number) => number; pick: <T>(xs: readonly T[]) => T; chance: (p: number) => boolean } {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return { int, pick: (xs) => xs[int(xs.length)]!, chance: (p) => next() < p };
}

const root = join(import.meta.dirname, '..', 'guides');
const sources = [...readdirSync(root), ...readdirSync(join(root, 'scenarios')).map((f) => join('scenarios', f))].filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(root, f), 'utf8'));

const ESCAPES = [
  '\u001b]0;PWNED\u0007',
  '\u001b]52;c;SGVsbG8=\u0007',
  '\u001b]8;;http://x\u001b\\l\u001b]8;;\u001b\\',
  '\u001b[2J',
  '\u001b[31m',
  '\u0007',
  '\u0008',
  '\r',
  '\u0085',
  '\u009b1m',
  '\u2028',
  '\u2029',
  '\u202e',
  '\u2066',
  '\u007f',
  '\u0000',
];
const YAML_ESCAPES = ['\\e]0;PWNED\\a', '\\e]52;c;SGVsbG8=\\a', '\\e[2J', '\\N', '\\L', '\\P', '\\x07', '\\u202e', '\\x9b'];
const RUNS = ['_', '*', ' ', '?(', '1', '[', '<', '`', '~', '_a', '("', '|', '\\', 'a@', '- ', '> ', 'www.', ':'];
const NESTS = ['> ', '- ', '> - ', '* ', '1. ', '  '];

type Rng = ReturnType<typeof generator>;

function mutate(text: string, r: Rng): string {
  const lines = text.split('\n');
  const at = (): number => r.int(lines.length);
  switch (r.int(10)) {
    case 0: // control characters and escape sequences anywhere
      for (let i = 0; i < 1 + r.int(20); i++) {
        const l = at();
        const line = lines[l]!;
        const c = r.int(line.length + 1);
        lines[l] = line.slice(0, c) + r.pick(ESCAPES) + line.slice(c);
      }
      break;
    case 1: // a line repeated hundreds of times: identical headings, rows, items
      lines.splice(at(), 0, ...Array(50 + r.int(700)).fill(r.pick(lines.filter((l) => /^(#{2,4} |\||- )/.test(l)).concat(['### "Why?"', '| A | b | c |']))));
      break;
    case 2: // deep nesting on one line, or one level more on each line
      if (r.chance(0.5)) lines.splice(at(), 0, `${r.pick(NESTS).repeat(20 + r.int(600))}x`);
      else {
        const unit = r.pick(NESTS);
        lines.splice(at(), 0, ...Array.from({ length: 20 + r.int(300) }, (_, i) => `${unit.repeat(i + 1)}x`));
      }
      break;
    case 3: // a long run of the characters that make patterns slow, in a heading, a cell or a line
      {
        const run = r.pick(RUNS).repeat(Math.ceil((1000 + r.int(24_000)) / 2));
        lines.splice(at(), 0, r.pick([`## ${run}`, `| ${run} | x |`, run, `1. ${run}`, `**Q1: ${run}**`, `### "${run}?"`]));
      }
      break;
    case 4: // hostile front matter
      {
        const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
        const fm = r.pick([
          `title: "${r.pick(YAML_ESCAPES)} t ${r.pick(YAML_ESCAPES)}"\nsummary: "${r.pick(YAML_ESCAPES)}"`,
          `a: &a [x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d]\ntags: *e`,
          'title: [a, b]\ntags: {a: 1}\nid: 5',
          'id: "__proto__"\ntitle: constructor',
          `tags: &t [x, *t]`,
          `${'a: '.repeat(30)}b`,
          'kind: scenario\nguide: nowhere\nprompt: p\nanswers: 5',
          `id: "x${r.pick(YAML_ESCAPES)}"`,
        ]);
        return `${r.chance(0.1) ? '---js' : '---'}\n${fm}\n---\n${body}`;
      }
    case 5: // cut anywhere: inside front matter, a table, a code block
      return text.slice(0, r.int(text.length));
    case 6: // a chunk deleted
      lines.splice(at(), r.int(40));
      break;
    case 7: // headings turned into part headings
      for (let i = 0; i < 1 + r.int(10); i++) {
        const l = at();
        lines[l] = `## ${r.pick(['Traps', 'Key Trade-offs', 'Quick Reference', 'Interview Pacing', 'Questions to Ask', 'Phase Key Points', 'By Scenario', 'Key Numbers'])} ${lines[l]}`;
      }
      break;
    case 8: // code fences and table rules opened and never closed
      lines.splice(at(), 0, r.pick(['```', '|---|---|', '+------+', '<!--', '<div>']));
      break;
    default: // many small things at once
      return mutate(mutate(text, r), r);
  }
  return lines.join('\n');
}

/** The hostile structures of the issue, small. */
const STRUCTURES: Record<string, string> = {
  'quote-list.md': `# T\n\n${'> - '.repeat(1000)}x\n`,
  'list-markers.md': `# T\n\n${'- '.repeat(3000)}x\n`,
  'quotes.md': `# T\n\n${'>'.repeat(2000)} x\n`,
  'rows.md': `# T\n\n## Key Trade-offs\n\n| Trade-off | Option A | Option B |\n|---|---|---|\n${'| Same | a | b |\n'.repeat(2000)}`,
  'traps.md': `# T\n\n## Traps\n\n${'### "Why?"\n\n**Good Answer:** x\n\n'.repeat(3000)}`,
  'laughs.md': `---\na: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ntags: *h\n---\n# L\n`,
  'bell.md': '---\ntitle: "Bell \\a"\n---\n# B\n',
  'underscores.md': `# T\n\n## Traps\n\n### "${'_'.repeat(19_000)}?"\n\n**Good Answer:** x\n`,
  'binary.md': '\u0000\u0001\u0002',
};

function library(): { dir: string; good: string[] } {
  const r = generator(SEED);
  const dir = mkdtempSync(join(tmpdir(), 'coach-fuzz-'));
  const good: string[] = [];
  for (let i = 0; i < GOOD; i++) {
    const id = `fuzz-good-${i}`;
    good.push(id);
    const text = sources[i % 5]!.replace(/^id: .*$/m, `id: ${id}`);
    writeFileSync(join(dir, `${id}.md`), text);
  }
  for (let i = 0; i < FILES; i++) {
    const source = r.pick(sources);
    // A slice of a guide keeps the run quick; a few files stay whole.
    const start = r.chance(0.2) ? 0 : r.int(source.length);
    const piece = source.slice(start, start + 1000 + r.int(r.chance(0.1) ? 20_000 : 3000));
    let text = piece;
    for (let m = 0; m < 1 + r.int(3); m++) text = mutate(text, r);
    // Mutations can multiply a long line; files past 2 MB are refused unread (bad-files.test.ts).
    text = text.slice(0, 30_000);
    const folder = join(dir, `set-${i % 7}${i % 3 === 0 ? '-\u001b[2J\u202e' : ''}`);
    mkdirSync(folder, { recursive: true });
    const name = `f${String(i).padStart(3, '0')}${r.chance(0.1) ? r.pick(['\u001b]0;x\u0007', '\u202e', '\u0085', '\r']) : ''}.md`;
    writeFileSync(join(folder, name), r.chance(0.03) ? Buffer.from([0xc3, 0x28, 0xff, 0x0a]) : text);
  }
  for (const [name, text] of Object.entries(STRUCTURES)) writeFileSync(join(dir, name), text);
  return { dir, good };
}

/** Every string in a value, keys too. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      strings(v, out);
    }
  }
  return out;
}

const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function coach(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    p.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    p.on('close', (code) => resolve({ code, out, err }));
  });
}

describe(`fuzz: ${FILES} mutated guides (seed ${SEED}) and the hostile structures of issue 13`, () => {
  const { dir, good } = library();

  it('every file is parsed or refused quickly, never throws, and what it yields holds no control character', () => {
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.length).toBe(FILES + GOOD + Object.keys(STRUCTURES).length);
    const slow: string[] = [];
    for (const f of files) {
      const path = join(f.parentPath, f.name);
      // CPU time, not wall time: a busy machine stretches the wall clock many times.
      const start = process.cpuUsage();
      const parsed = parseGuideBytes(readFileSync(path), path);
      const used = process.cpuUsage(start);
      const ms = (used.user + used.system) / 1000;
      if (ms > 1500) slow.push(`${path}: ${Math.round(ms)} ms`);
      expect(['guide', 'scenario', 'error']).toContain(parsed.kind);
      // Cleaned where it enters: the guide's text, its front matter and its problems.
      const bad = strings(parsed).find((t) => UNSAFE.test(t));
      expect(bad === undefined ? '' : `${path}: ${JSON.stringify(bad.slice(0, 200))}`).toBe('');
    }
    expect(slow).toEqual([]);
  });

  it('the built coach lists it: no crash, no control character printed, every good guide listed', { timeout: 60_000 }, async () => {
    const env = { COACH_HOME: mkdtempSync(join(tmpdir(), 'coach-fuzz-home-')) };
    const runs = [
      ['list', 'guides'],
      ['list', 'traps'],
    ];
    const results = [];
    for (const args of runs) results.push({ args, ...(await coach(['--guides', dir, ...args], env)) });
    for (const { args, code, out, err } of results) {
      const name = args.join(' ');
      expect(code, `${name}: ${err.slice(-500)}`).toBe(0);
      expect(err, name).not.toMatch(/unexpected error|please report/);
      const bad = UNSAFE.exec(out + err);
      expect(bad ? `${name}: ${JSON.stringify((out + err).slice(Math.max(0, bad.index - 40), bad.index + 40))}` : '').toBe('');
    }
    const listed = results[0]!.out;
    for (const id of good) expect(listed).toContain(id);
  });
});
