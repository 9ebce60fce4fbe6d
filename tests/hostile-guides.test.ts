// Issue 13: one hostile or broken file never takes the library down. Each case is the
// smallest input the fuzzing run named, in a folder next to a good guide: the good
// guide loads, and the bad file is skipped with one line naming it and why (or, when
// it is only large, loads quickly). A bounded time stands in for "no hang".
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testIo } from './helpers/io.js';
import { list, type ListResult, renderList } from '../src/commands/list.js';
import { renderValidate, validate } from '../src/commands/validate.js';
import { loadLibrary } from '../src/guides/library.js';
import { loadGuideFile, parseGuideBytes } from '../src/guides/files.js';
import { renderTable } from '../src/render/table.js';
import { renderBox } from '../src/render/box.js';
import { style } from '../src/render/style.js';

/** A listing's items as [id, title or question, guide]: what its lines show. */
function cells(result: ListResult): string[][] {
  return result.items.map((i) => {
    const o = i as Record<string, unknown>;
    return [String(o['id']), String(o['title'] ?? o['question']), String(o['guide'] ?? '')];
  });
}

const GOOD = '---\nid: good\ntitle: Good\n---\n# Good\n\n## Quick Reference Cards\n\n### Good card\n\n- one line\n\n## Traps\n\n### "Why?"\n\n**Good Answer:** because\n';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'coach-hostile-'));
  for (const [name, content] of Object.entries({ 'good.md': GOOD, ...files })) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/**
 * Milliseconds of CPU this process has used: the bound that stands in for "no hang"
 * is on the work done, not on the wall clock, which a busy machine stretches many times.
 */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** `coach list <kind>` over the folder: the rows, the stderr lines, and the CPU time it took. */
async function listing(dir: string, kind = 'guides') {
  const io = testIo();
  const start = cpuMs();
  const result = await list({ kind, guides: [dir] }, io);
  const text = renderList(result, io);
  return { result, text, err: io.err().trim().split('\n').filter(Boolean), ms: cpuMs() - start };
}

/** The library loads the good guide and says one line about the bad file, within a second or two. */
async function skippedWithOneLine(files: Record<string, string>, why: RegExp): Promise<void> {
  const dir = folder(files);
  const { result, err, ms } = await listing(dir);
  expect(cells(result).map((r) => r[0])).toContain('good');
  expect(err).toHaveLength(1);
  expect(err[0]).toContain(`coach: skipped ${join(dir, Object.keys(files)[0]!)}`);
  expect(err[0]).toMatch(why);
  expect(ms).toBeLessThan(3000);
}

describe('deep nesting is refused, not a stack overflow', () => {
  it.each([
    ['1,000 nested "> - " on one line', `# T\n\n${'> - '.repeat(1000)}x\n`],
    ['3,000 nested list markers on one line', `# T\n\n${'- '.repeat(3000)}x\n`],
    ['2,000 nested block quotes on one line', `# T\n\n${'>'.repeat(2000)} x\n`],
    ['2,000 block quotes, one more on each line', `# T\n\n${Array.from({ length: 2000 }, (_, i) => `${'>'.repeat(i + 1)} x`).join('\n')}\n`],
    ['1,000 indented list levels (1 MB)', `# T\n\n${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i * 2)}- item`).join('\n')}\n`],
  ])('%s', async (_name, text) => {
    await skippedWithOneLine({ 'bad.md': text }, /bad\.md:3: over budget: nested more than 32 levels deep/);
  });

  it('50,000 nested block quotes: a line over the budget', async () => {
    await skippedWithOneLine({ 'bad.md': `# T\n\n${'>'.repeat(50_000)} x\n` }, /bad\.md:3: over budget: line of 50,002 characters \(lines are limited to 20,000\)/);
  });

  it('a guide nested 8 levels deep still loads', async () => {
    const text = `# Nested\n\n## Mistakes\n\n${Array.from({ length: 8 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')}\n`;
    const { result, err } = await listing(folder({ 'nested.md': text }));
    expect(err).toEqual([]);
    expect(cells(result).map((r) => r[0])).toContain('nested');
  });
});

describe('YAML aliases are limited', () => {
  const laughs = (levels: number, width: number, use = 'title: x'): string => {
    let y = `---\na: &a [${Array(width).fill('"lol"').join(',')}]\n`;
    let prev = 'a';
    for (const k of 'bcdefghijklmnop'.slice(0, levels - 1)) {
      y += `${k}: &${k} [${Array(width).fill(`*${prev}`).join(',')}]\n`;
      prev = k;
    }
    return `${y}${use.replace('$LAST', prev)}\n---\n# Laughs\n`;
  };

  it('"billion laughs", 8 levels in 420 bytes, used as the tags', async () => {
    const text = laughs(8, 9, 'tags: *$LAST');
    expect(text.length).toBeLessThan(500);
    await skippedWithOneLine({ 'bad.md': text }, /bad\.md:1: over budget: front matter holds more than 10,000 values once its YAML aliases are expanded/);
  });

  it('10 levels: more aliases than the budget', async () => {
    await skippedWithOneLine({ 'bad.md': laughs(10, 10) }, /bad\.md:\d+: over budget: front matter uses more than 64 YAML aliases/);
  });

  it('a list that holds itself', async () => {
    await skippedWithOneLine({ 'bad.md': '---\ntags: &a [x, *a]\n---\n# Self\n' }, /over budget: front matter nests more than 20 levels deep|front matter holds more than/);
  });

  it('a few aliases are fine', async () => {
    const dir = folder({ 'ok.md': '---\nbase: &t [serving, kubernetes]\ntags: *t\n---\n# Aliased\n' });
    const lib = await loadLibrary({ dirs: [dir] });
    expect(lib.problems).toEqual([]);
    expect(lib.guides.find((g) => g.id === 'ok')?.tags).toEqual(['serving', 'kubernetes']);
  });
});

describe('work stays linear in the size of the file', () => {
  it('2,000 identical trade-off rows (50 KB) load with unique ids', async () => {
    const rows = '| Batch versus streaming | Option alpha | Option beta | Pick one |\n'.repeat(2000);
    const dir = folder({ 'rows.md': `# Rows\n\n## Key Trade-offs\n\n| Trade-off | Option A | Option B | Recommendation |\n|---|---|---|---|\n${rows}` });
    const { result, ms } = await listing(dir, 'tradeoffs');
    const ids = cells(result)
      .filter((r) => r[2] === 'rows')
      .map((r) => r[0]);
    expect(ids).toHaveLength(2000);
    expect(new Set(ids).size).toBe(2000);
    expect(ids.slice(0, 3)).toEqual(['batch-versus-streaming', 'batch-versus-streaming-2', 'batch-versus-streaming-3']);
    expect(ms).toBeLessThan(3000);
  });

  it('2,000 identical trap headings load with unique ids; 3,000 are over the budget of a part', async () => {
    const traps = (n: number): string => `# Traps\n\n## Traps\n\n${'### "Why?"\n\n**Good Answer:** x\n\n'.repeat(n)}`;
    const dir = folder({ 'traps.md': traps(2000) });
    const { result, ms } = await listing(dir, 'traps');
    const ids = cells(result)
      .filter((r) => r[2] === 'traps')
      .map((r) => r[0]);
    expect(new Set(ids).size).toBe(2000);
    expect(ms).toBeLessThan(3000);
    await skippedWithOneLine({ 'bad.md': traps(3000) }, /bad\.md: over budget: 3,000 traps \(a guide holds at most 2,000 of each part\)/);
  });

  // Runs that make marked's emphasis and autolink rules, or the parser's own patterns,
  // take time that grows with the square (or cube) of the line: 13-18 s before.
  it.each([
    ['underscores in a trap', (l: string) => `# T\n\n## Traps\n\n### "${l}?"\n\n**Good Answer:** ${l}\n`, '_'],
    ['"_a" in a question list', (l: string) => `# T\n\n## Questions to Ask\n\n1. ${l}\n\n${l}\n`, '_a'],
    ['"?(" in a question list', (l: string) => `# T\n\n## Questions to Ask\n\n1. ${l}\n`, '?('],
    ['spaces in a card heading', (l: string) => `# T\n\n## Quick Reference ${l}x\n\n- a\n`, ' '],
    ['digits in a heading', (l: string) => `# T\n\n## Phase 1: ${l} (0-5 min)\n\ntext\n`, '1'],
    ['spaces in a code block', (l: string) => `# T\n\n## Traps\n\n### "Q?"\n\n\`\`\`\n${l}x\n\`\`\`\n`, ' '],
  ])('a 19,000-character line of %s', async (_name, make, unit) => {
    const line = unit.repeat(Math.floor(19_000 / unit.length));
    const start = cpuMs();
    const parsed = parseGuideBytes(Buffer.from(make(line)), 'stress.md');
    expect(parsed.kind).toBe('guide');
    expect(cpuMs() - start).toBeLessThan(1500);
  });

  it('a file that takes longer than its time budget is skipped', () => {
    let clock = 0;
    const slow = () => (clock += 500); // every check finds half a second gone
    const text = `# Slow\n\n${Array.from({ length: 50 }, (_, i) => `## Part ${i}\n\ntext ${i}\n`).join('\n')}`;
    const parsed = parseGuideBytes(Buffer.from(text), 'slow.md', false, slow);
    expect(parsed).toEqual({ kind: 'error', problems: [{ path: 'slow.md', severity: 'error', message: 'over budget: took longer than 2.0 s to read' }] });
    // With a real clock the same file is read in a moment.
    expect(parseGuideBytes(Buffer.from(text), 'slow.md').kind).toBe('guide');
  });
});

describe('long text draws instead of crashing', () => {
  const plain = style(false);
  const words = 'ab '.repeat(150_000).trim();

  it('a table cell of 150,000 words', () => {
    const text = renderTable({ head: ['id', 'title'], rows: [['x', words]], columns: 80 }, plain);
    expect(text.split('\n').length).toBeGreaterThan(1000);
  });

  it('a card with 150,000 lines', () => {
    const lines = Array.from({ length: 150_000 }, (_, i) => `- line ${i}`);
    const text = renderBox({ id: 'big', title: 'Big', tags: [], blocks: [{ kind: 'lines', lines }], line: 1 }, 80, plain);
    expect(text).toContain('line 149999');
  });

  it('`coach list guides` with a title of 150,000 words written over many YAML lines', async () => {
    const title = Array.from({ length: 15_000 }, () => `  ${'ab '.repeat(10).trim()}`).join('\n');
    const { result, text, err } = await listing(folder({ 'long.md': `---\nid: long\ntitle: >\n${title}\n---\n# x\n` }));
    expect(err).toEqual([]);
    expect(
      cells(result)
        .find((r) => r[0] === 'long')![1]!
        .split(' '),
    ).toHaveLength(150_000);
    expect(text).toContain('good');
  });

  it('a card table whose cell holds 150,000 words (a guide line cannot: it is over budget)', () => {
    const text = renderBox({ id: 'big', title: 'Big', tags: [], blocks: [{ kind: 'table', header: ['a', 'b'], rows: [['x', words]] }], line: 1 }, 80, plain);
    expect(text.split('\n').length).toBeGreaterThan(1000);
  });

  it('`coach list traps` with 2,000 long trap questions', async () => {
    const question = 'why '.repeat(100).trim();
    const text = `# Long\n\n## Traps\n\n${`### "${question}?"\n\n**Good Answer:** x\n\n`.repeat(2000)}`;
    const { result } = await listing(folder({ 'long.md': text }), 'traps');
    expect(cells(result).filter((r) => r[2] === 'long')).toHaveLength(2000);
  });

  it('a lone BEL in a title is removed where it enters, and the table draws', async () => {
    const dir = folder({ 'bell.md': '---\nid: bell\ntitle: "Bell \\a here"\n---\n# x\n' });
    const { result, text, err } = await listing(dir);
    expect(cells(result).find((r) => r[0] === 'bell')![1]).toBe('Bell  here');
    expect(text).not.toContain('\u0007');
    // Said once, when the file is indexed, as one line pointing to validate, which names it.
    expect(err).toEqual([`coach: warning 1 guide has parts coach could not read or had to clean: coach validate ${dir}`]);
    const io = testIo();
    await validate({ paths: [dir] }, io);
    expect(renderValidate(await validate({ paths: [dir] }, io), io)).toContain(
      `${join(dir, 'bell.md')}:1: warning: removed 1 control character(s) or terminal escape sequence(s) from the front matter`,
    );
  });
});

describe('files outside the guide folders', () => {
  it('a symbolic link loop is named and skipped', async () => {
    const dir = folder({});
    symlinkSync('loop.md', join(dir, 'loop.md'));
    const { result, err } = await listing(dir);
    expect(cells(result).map((r) => r[0])).toContain('good');
    expect(err).toEqual([`coach: skipped ${join(dir, 'loop.md')}: a symbolic link loop; not read`]);
  });

  it('links that lead out of the folder (/etc/passwd, /proc/self/status) are named and not read', async () => {
    const dir = folder({});
    symlinkSync('/etc/passwd', join(dir, 'passwd.md'));
    symlinkSync('/proc/self/status', join(dir, 'status.md'));
    const cacheDir = mkdtempSync(join(tmpdir(), 'coach-cache-'));
    const lib = await loadLibrary({ dirs: [dir], cacheDir });
    expect(lib.guides.map((g) => g.id)).toEqual(['good']);
    expect(lib.problems.map((p) => [p.path, p.message])).toEqual([
      [join(dir, 'passwd.md'), 'a link to /etc/passwd, outside the guides folder; not read'],
      [join(dir, 'status.md'), expect.stringMatching(/^a link to \/proc\/\d+\/status, outside the guides folder; not read$/)],
    ]);
    expect(JSON.stringify(lib)).not.toContain('root:');
  });

  it('a link to a guide inside the folder is read', async () => {
    const dir = folder({ 'real/one.md': '---\nid: one\n---\n# One\n' });
    symlinkSync(join(dir, 'real', 'one.md'), join(dir, 'alias.md'));
    const lib = await loadLibrary({ dirs: [dir] });
    expect(lib.problems.map((p) => p.message)).toEqual([expect.stringContaining("id 'one' is already used")]);
    expect(lib.guides.map((g) => g.id).sort()).toEqual(['good', 'one', 'one-2']);
  });

  it('a FIFO and a socket named like guides are skipped without waiting', async () => {
    const dir = folder({});
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(join(dir, 'socket.md'), resolve));
    try {
      const { result, err } = await listing(dir);
      expect(cells(result).map((r) => r[0])).toContain('good');
      expect(err).toEqual([`coach: skipped ${join(dir, 'pipe.md')}: not a regular file (a FIFO); not read`, `coach: skipped ${join(dir, 'socket.md')}: not a regular file (a socket); not read`]);
    } finally {
      server.close();
    }
  });

  it('a file in /proc (size 0) named directly is read to its end, not taken as empty', async () => {
    const parsed = await loadGuideFile('/proc/self/status');
    expect(parsed.kind).toBe('guide');
    if (parsed.kind === 'guide') expect(parsed.guide.sections.map((s) => s.text).join('\n')).toMatch(/Name:\s+\S+/);
  });

  it('guides more than 12 folders deep are skipped with one line saying so', async () => {
    const deep = Array.from({ length: 14 }, (_, i) => `d${i}`).join('/');
    const dir = folder({ [`${deep}/deep.md`]: '# Deep\n', 'd0/d1/shallow.md': '# Shallow\n' });
    const { result, err } = await listing(dir);
    expect(cells(result).map((r) => r[0])).toEqual(expect.arrayContaining(['good', 'shallow']));
    expect(cells(result).map((r) => r[0])).not.toContain('deep');
    expect(err).toEqual([`coach: skipped ${join(dir, ...deep.split('/').slice(0, 13))}: more than 12 folders below ${dir}: not read (1 folder that deep skipped)`]);
  });
});
