// Guide files are untrusted input: each bad file is skipped with one warning line
// naming it, the rest load, and nothing in a guide reaches the terminal raw or runs.
import { mkdtempSync, writeFileSync, mkdirSync, symlinkSync, readFileSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderValidate, validate } from '../src/commands/validate.js';
import { testIo } from './helpers/io.js';
import { cardOf, loadLibrary, loadSummaries } from '../src/guides/library.js';
import { card, renderCard } from '../src/commands/card.js';
import { list } from '../src/commands/list.js';
import { parseGuideText } from '../src/guides/parse.js';
import { guide } from '../src/commands/guide.js';

const GOOD = (id: string, title = id) => `---\nid: ${id}\ntitle: ${title}\n---\n# ${title}\n\n## Quick Reference Cards\n\n### ${title} card\n\n- one line\n`;

function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'coach-bad-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const line2 = (lines: string[], dir: string, name: string) => lines.find((l) => l.includes(join(dir, name)))!;

describe('bad files are skipped with one line each; the rest load', () => {
  const dir = folder({
    'good.md': GOOD('good'),
    'bad-yaml.md': '---\nid: bad\ntags: [unclosed\nsummary: x\n---\n# Bad\n',
    'binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
    'huge.md': `# Huge\n\n${'x'.repeat(2 * 1024 * 1024 + 10)}\n`,
    'latin1.md': Buffer.from('# Caf\xe9\n', 'latin1'),
    'unclosed.md': '---\nid: open\n# never closed\n',
    // Saved empty, or only blank lines (a BOM too): not a guide named after the folder.
    'empty.md': '',
    'blank.md': '\uFEFF\n  \n\t\n',
  });
  symlinkSync(join(dir, 'missing-target.md'), join(dir, 'unreadable.md'));

  it('loads the good guide and says why each other file was skipped, naming file and line', async () => {
    const io = testIo();
    const result = await list({ kind: 'guides', guides: [dir] }, io);
    expect(result.items.map((r) => r.id)).toEqual(expect.arrayContaining(['good']));
    expect(result.items.filter((r) => !('bundled' in r && r.bundled)).map((r) => r.id)).toEqual(['good']);
    const lines = io.err().trim().split('\n');
    expect(lines).toHaveLength(8);
    expect(line2(lines, dir, 'empty.md')).toMatch(/^coach: skipped .*empty\.md: empty file, not a guide$/);
    expect(line2(lines, dir, 'blank.md')).toMatch(/^coach: skipped .*blank\.md: empty file, not a guide$/);
    const line = (name: string) => lines.find((l) => l.includes(join(dir, name)))!;
    expect(line('bad-yaml.md')).toMatch(/^coach: skipped .*bad-yaml\.md:4: invalid YAML in front matter/);
    expect(line('binary.md')).toMatch(/binary\.md: binary file \(contains NUL bytes\)/);
    expect(line('huge.md')).toMatch(/huge\.md: too large \(2\.0 MB; guides are limited to 2 MB\)/);
    expect(line('latin1.md')).toMatch(/not valid UTF-8/);
    expect(line('unclosed.md')).toMatch(/unclosed\.md:1: front matter opened with --- on line 1 is never closed/);
    expect(line('unreadable.md')).toMatch(/unreadable\.md: cannot read: no such file or folder/);
  });
});

describe('escape sequences and control characters never reach the terminal', () => {
  it('strips them from everything a guide says, with a warning', async () => {
    const evil = GOOD('evil', 'Evil').replace('- one line', '- \u001b[31mred\u001b[0m \u001b]0;pwned\u0007title \u001b[2J clear\u0008 bell\u0007 \u202eoverride');
    const dir = folder({ 'evil.md': evil });
    const io = testIo({ color: false });
    const text = renderCard(await card({ guides: [dir], query: 'evil' }, io), io);
    expect(text).toContain('red title clear bell override');
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    // Said once, when the file is indexed, with where to see the details.
    expect(io.err()).toBe(`coach: warning 1 guide has parts coach could not read or had to clean: coach validate ${dir}\n`);
    const again = testIo({ color: false, cacheDir: io.cacheDir });
    await card({ guides: [dir], query: 'evil' }, again);
    expect(again.err()).toBe('');
    expect(renderValidate(await validate({ paths: [dir] }, again), again)).toMatch(/evil\.md:\d+: warning: removed \d+ control character/);
  });
});

describe('executable front matter is refused and never runs', () => {
  it.each(['js', 'javascript', 'coffee'])('---%s front matter', (lang) => {
    const g = globalThis as { coachPwned?: boolean };
    delete g.coachPwned;
    const text = `---${lang}\n{ title: (globalThis.coachPwned = true, 'x') }\n---\n# Hi\n`;
    const parsed = parseGuideText(text, { path: 'x.md' });
    expect(parsed.kind).toBe('error');
    expect(parsed.problems[0]!.message).toContain(`front matter in '${lang}' is not allowed`);
    expect(g.coachPwned).toBeUndefined();
  });

  it('does not share results between calls (gray-matter caches when called without options)', () => {
    const a = parseGuideText('---\ntitle: A\n---\n# x\n', { path: 'a.md' });
    const b = parseGuideText('---\ntitle: A\n---\n# x\n', { path: 'b.md' });
    if (a.kind !== 'guide' || b.kind !== 'guide') throw new Error('expected guides');
    a.guide.tags.push('mutated');
    expect(b.guide.tags).toEqual([]);
    expect(b.guide.path).toBe('b.md');
  });
});

describe('ids stay unique', () => {
  it('a second user guide with a taken id is renamed, with a warning', async () => {
    const dir = folder({ 'a/notes.md': GOOD('notes', 'First'), 'b/notes.md': GOOD('notes', 'Second') });
    const lib = await loadLibrary({ dirs: [dir] });
    expect(lib.guides.map((g) => [g.id, g.title])).toEqual([
      ['notes', 'First'],
      ['notes-2', 'Second'],
    ]);
    expect(lib.problems[0]!.message).toBe("id 'notes' is already used by another of your guides; loaded as 'notes-2'");
  });

  it('a user guide with a bundled id replaces the bundled one', async () => {
    const io = testIo();
    const dir = folder({ 'mine.md': GOOD('bighead', 'My BigHead') });
    const result = await list({ kind: 'guides', guides: [dir] }, io);
    if (result.kind !== 'guides') throw new Error('expected guides');
    expect(result.items.filter((r) => r.id === 'bighead').map((r) => r.title)).toEqual(['My BigHead']);
  });
});

describe('the user-guide cache', () => {
  it('is used when path, size and time match, and rebuilt when the file changes or the cache is corrupt', async () => {
    const dir = folder({ 'g.md': GOOD('cached', 'Original') });
    const cacheDir = mkdtempSync(join(tmpdir(), 'coach-cache-'));
    const load = () => loadLibrary({ dirs: [dir], cacheDir });
    expect((await load()).guides[0]!.title).toBe('Original');

    // Prove later runs read the cache: doctor the cached titles, keep size and time.
    // A full guide comes from its own file, the summaries `coach card` reads from another.
    const cachePath = join(cacheDir, 'guides', readdirSync(join(cacheDir, 'guides'))[0]!);
    const indexPath = join(cacheDir, 'user-guides.idx');
    writeFileSync(cachePath, readFileSync(cachePath, 'utf8').replace('"title":"Original"', '"title":"From cache"'));
    writeFileSync(indexPath, readFileSync(indexPath, 'utf8').replace('["cached","Original"', '["cached","From index"'));
    expect((await load()).guides[0]!.title).toBe('From cache');
    expect((await loadSummaries({ dirs: [dir], cacheDir })).guides[0]!.title).toBe('From index');

    // A cache written by a build whose parser reads guides differently is parsed again.
    for (const path of [cachePath, indexPath]) writeFileSync(path, readFileSync(path, 'utf8').replace(/"version":"(\d+):[^"]*"/, '"version":"$1:another-parser"'));
    expect((await loadSummaries({ dirs: [dir], cacheDir })).guides[0]!.title).toBe('Original');
    writeFileSync(cachePath, readFileSync(cachePath, 'utf8').replace(/"version":"(\d+):[^"]*"/, '"version":"$1:another-parser"'));
    expect((await load()).guides[0]!.title).toBe('Original');
    writeFileSync(cachePath, readFileSync(cachePath, 'utf8').replace('"title":"Original"', '"title":"From cache"'));
    writeFileSync(indexPath, readFileSync(indexPath, 'utf8').replace('["cached","Original"', '["cached","From index"'));

    // A changed file is parsed again.
    writeFileSync(join(dir, 'g.md'), GOOD('cached', 'Edited!'));
    utimesSync(join(dir, 'g.md'), new Date(), new Date(Date.now() + 5000));
    expect((await load()).guides[0]!.title).toBe('Edited!');

    // A corrupt cache is rebuilt without a word.
    writeFileSync(cachePath, '{"version": 5}\n{"trunc');
    const lib = await load();
    expect(lib.guides[0]!.title).toBe('Edited!');
    expect(lib.problems).toEqual([]);
    expect(JSON.parse(readFileSync(cachePath, 'utf8').split('\n')[0]!).version).toMatch(/^6:/);
  });

  it("keeps each card's rows beside the summary index and reads back the same card, rebuilding a cut-off index", async () => {
    const files: Record<string, string> = {};
    // Multi-byte text in the rows, so that byte ranges and character counts differ.
    for (let i = 0; i < 3; i++) files[`g-${i}.md`] = GOOD(`g-${i}`, `Guide ${i}`).replace('- one line', `- 延迟 ≤ ${i}0 ms 📦`);
    const dir = folder(files);
    const cacheDir = mkdtempSync(join(tmpdir(), 'coach-cache-'));
    const first = await loadSummaries({ dirs: [dir], cacheDir });
    const again = await loadSummaries({ dirs: [dir], cacheDir });
    const cards = (lib: typeof first) => lib.guides.flatMap((g) => g.cards.map((c) => cardOf(c)));
    expect(cards(again)).toEqual(cards(first));
    expect(cards(again).length).toBe(3);
    expect(JSON.stringify(cards(again))).toContain('延迟 ≤ 20 ms 📦');

    // The rows region of the index cut short: it is rebuilt, the cards are whole.
    const indexPath = join(cacheDir, 'user-guides.idx');
    const bytes = readFileSync(indexPath);
    writeFileSync(indexPath, bytes.subarray(0, bytes.length - 10));
    const rebuilt = await loadSummaries({ dirs: [dir], cacheDir });
    expect(rebuilt.problems).toEqual([]);
    expect(cards(rebuilt)).toEqual(cards(first));
    expect(readFileSync(indexPath).length).toBe(bytes.length);
  });

  it('parses a large cold index on two cores with the same result as on one', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) files[`g-${String(i).padStart(2, '0')}.md`] = GOOD(`g-${i}`, `Guide ${i}`);
    files['broken.md'] = '---\nid: [\n---\n';
    const dir = folder(files);
    const one = await loadLibrary({ dirs: [dir] });
    const two = await loadLibrary({ dirs: [dir], workerScript: join(import.meta.dirname, '../dist/index-worker.cjs') });
    expect(two.guides.map((g) => g.id)).toEqual(one.guides.map((g) => g.id));
    expect(two.guides).toEqual(one.guides);
    expect(two.problems).toEqual(one.problems);
    expect(two.problems).toHaveLength(1);

    // The worker's half reaches the full cache as the JSON text it wrote: read back,
    // the guides are the same again, as full guides and as summaries.
    const cacheDir = mkdtempSync(join(tmpdir(), 'coach-cache-'));
    const cold = await loadSummaries({ dirs: [dir], cacheDir, workerScript: join(import.meta.dirname, '../dist/index-worker.cjs') });
    expect(cold.guides.map((g) => g.id)).toEqual(one.guides.map((g) => g.id));
    // A full entry per guide: a line with its version and checksum, then the guide.
    const entries = readdirSync(join(cacheDir, 'guides')).map((f) => JSON.parse(readFileSync(join(cacheDir, 'guides', f), 'utf8').split('\n')[1]!) as { id: string });
    expect(entries.map((g) => g.id).sort()).toEqual(one.guides.map((g) => g.id).sort());
    const warm = await loadLibrary({ dirs: [dir], cacheDir });
    expect(warm.guides).toEqual(one.guides);
    // Summaries read back from the index are the ones parsed, field for field.
    const plain = (guides: unknown) => JSON.parse(JSON.stringify(guides)) as unknown;
    expect(plain((await loadSummaries({ dirs: [dir], cacheDir })).guides)).toEqual(plain(cold.guides));

    // Each thread writes the entries of the guides it parsed: the cache is the one a
    // single thread writes, file for file and byte for byte.
    const alone = mkdtempSync(join(tmpdir(), 'coach-cache-'));
    await loadSummaries({ dirs: [dir], cacheDir: alone });
    const contents = (root: string): Record<string, string> =>
      Object.fromEntries(
        readdirSync(root, { recursive: true })
          .map(String)
          .filter((f) => f.includes('.'))
          .map((f) => [f, readFileSync(join(root, f), 'utf8')]),
      );
    expect(Object.keys(contents(alone)).length).toBeGreaterThan(60);
    expect(contents(cacheDir)).toEqual(contents(alone));
  });

  it("parses the worker's half here when the worker cannot start, with no unhandled rejection", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) files[`g-${i}.md`] = GOOD(`g-${i}`);
    const lib = await loadLibrary({ dirs: [folder(files)], workerScript: join(tmpdir(), 'no-such-index-worker.cjs') });
    expect(lib.guides).toHaveLength(60);
    expect(lib.problems).toEqual([]);
  });

  it('loads a folder of 250 guides, with ids kept apart', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 250; i++) files[`topic-${Math.floor(i / 50)}/guide-${i}.md`] = GOOD(`guide-${i}`, `Guide ${i}`);
    const dir = folder(files);
    const lib = await loadLibrary({ dirs: [dir], cacheDir: mkdtempSync(join(tmpdir(), 'coach-cache-')) });
    expect(lib.guides).toHaveLength(250);
    expect(new Set(lib.guides.map((g) => g.id)).size).toBe(250);
    expect(lib.guides.flatMap((g) => g.cards)).toHaveLength(250);
  });
});

describe('the work one file can cause grows with its size, not faster', () => {
  // Each of these took tens of seconds when a regex rescanned a run of whitespace from
  // every position in it; read in a straight line they take milliseconds.
  it.each([
    ['a code block of 100,000 blank lines', `# G\n\n## Trade-offs\n\n### A vs B\n\n\`\`\`\n${'\n'.repeat(100_000)}x\n\`\`\`\n`],
    ['a paragraph with a run of 100,000 spaces', `# G\n\n## Notes\n\na${' '.repeat(100_000)}b\nc\n`],
    ['a box title of 100,000 dashes', `# G\n\n## Cheat Sheet\n\n\`\`\`\n┌──────┐\n│ ${'-'.repeat(100_000)}x │\n├──────┤\n│ a │\n└──────┘\n\`\`\`\n`],
  ])('%s parses in well under five seconds', (_name, src) => {
    const start = performance.now();
    expect(parseGuideText(src, { path: '/g/big.md' }).kind).toBe('guide');
    expect(performance.now() - start).toBeLessThan(5000);
  });
});

describe('the cache at any size (issue 14)', () => {
  const three = () => folder({ 'a.md': GOOD('alpha', 'Guide A'), 'b.md': GOOD('beta', 'Guide B'), 'c.md': GOOD('gamma', 'Guide C') });
  const entries = (cacheDir: string) => Object.fromEntries(readdirSync(join(cacheDir, 'guides')).map((f) => [f, readFileSync(join(cacheDir, 'guides', f), 'utf8')]));

  it('one edited guide rewrites its own entry and no other', async () => {
    const dir = three();
    const cacheDir = mkdtempSync(join(tmpdir(), 'coach-cache-'));
    await loadLibrary({ dirs: [dir], cacheDir });
    const before = entries(cacheDir);
    const index = () => readFileSync(join(cacheDir, 'user-guides.idx'), 'utf8').split('\n');
    const indexBefore = index();
    expect(Object.keys(before)).toHaveLength(3);
    writeFileSync(join(dir, 'b.md'), GOOD('beta', 'Guide B, edited'));
    utimesSync(join(dir, 'b.md'), new Date(), new Date(Date.now() + 5000));
    expect((await loadSummaries({ dirs: [dir], cacheDir })).guides.find((g) => g.id === 'beta')!.title).toBe('Guide B, edited');
    const after = entries(cacheDir);
    const changed = Object.keys(after).filter((f) => after[f] !== before[f]);
    expect(changed).toHaveLength(1);
    expect(after[changed[0]!]).toContain('Guide B, edited');
    // The summary index: B's title is the new one; the items of A and C (path and
    // counts, cards, names, tags: lines 4-7) are what they were, and the card rows still read back.
    const indexAfter = index();
    expect(indexAfter[3]).toContain('Guide B, edited');
    for (const line of [4, 5, 6, 7]) {
      const [was, is] = [JSON.parse(indexBefore[line]!) as unknown[], JSON.parse(indexAfter[line]!) as unknown[]];
      expect([is[0], is[2]]).toEqual([was[0], was[2]]);
    }
    const cards = (await loadSummaries({ dirs: [dir], cacheDir })).guides.filter((g) => !g.bundled).map((g) => g.cards.map((c) => cardOf(c).blocks));
    expect(cards).toEqual((await loadLibrary({ dirs: [dir] })).guides.map((g) => g.cards.map((c) => c.blocks)));
    // A run that finds nothing changed leaves the index as it is.
    const bytes = readFileSync(join(cacheDir, 'user-guides.idx'));
    await loadSummaries({ dirs: [dir], cacheDir });
    expect(readFileSync(join(cacheDir, 'user-guides.idx')).equals(bytes)).toBe(true);
  });

  it('coach guide X reads X alone: the other guides are neither read nor parsed', async () => {
    const dir = three();
    const io = testIo();
    await loadLibrary({ dirs: [dir], cacheDir: io.cacheDir });
    // The other guides' entries are removed: were they needed, they would be parsed and written again.
    const names = readdirSync(join(io.cacheDir, 'guides'));
    for (const f of names) rmSync(join(io.cacheDir, 'guides', f));
    const result = await guide({ guides: [dir], id: 'alpha' }, io);
    expect(result.kind === 'overview' && result.guide.title).toBe('Guide A');
    expect(readdirSync(join(io.cacheDir, 'guides'))).toHaveLength(1);
    expect(io.err()).toBe('');
  });
});
