// The summary index file (src/guides/summary-index.ts): what goes in comes back out,
// through any number of rewrites that copy unchanged guides' items as bytes; the
// same files are recognised without looking at entries; a damaged file is checked
// entry by entry.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeIndex, readIndex, type IndexEntry } from '../src/guides/summary-index.js';
import { summarize, type GuideSummary } from '../src/guides/library.js';
import { parseGuideText } from '../src/guides/parse.js';
import * as shape from '../src/guides/shape.js';

const V = 'test-version';
const guideText = (id: string, row: string) =>
  `---\nid: ${id}\ntitle: Guide ${id}\ntags: [t-${id}]\n---\n# Guide ${id}\n\n## Quick Reference Cards\n\n### ${id} card\n\n- ${row}\n\n### ${id} second card\n\n- two\n\n## Traps\n\n### "Why ${id}?"\n\n**Good Answer:** because\n`;

function summaryOf(id: string, row: string): GuideSummary {
  const parsed = parseGuideText(guideText(id, row), { path: `/lib/${id}.md` });
  if (parsed.kind !== 'guide') throw new Error('not a guide');
  return summarize(parsed.guide);
}

const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

describe('the summary index file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'coach-index-'));
  const path = join(dir, 'user-guides.idx');
  const files = ['/lib/a.md', '/lib/b.md', '/lib/notes.md', '/lib/c.md'];
  const entries: IndexEntry[] = [
    { size: 10, mtimeMs: 1.5, problems: [], summary: summaryOf('a', '延迟 ≤ 10 ms 📦') },
    { size: 20, mtimeMs: 2.5, problems: [{ path: '/lib/b.md', severity: 'warning', message: 'a warning' }], summary: summaryOf('b', 'plain') },
    { size: 30, mtimeMs: 3.5, problems: [{ path: '/lib/notes.md', severity: 'error', message: 'not a guide' }] },
    { size: 40, mtimeMs: 4.5, problems: [], summary: summaryOf('c', 'ünïcode — rows') },
  ];
  const stamps = entries.flatMap((e) => [e.size, e.mtimeMs]);
  const back = (found?: { files: string[]; stamps: number[] }) => readIndex(path, V, shape, found);

  it('reads back every entry, and knows the same files without looking at them one by one', () => {
    writeFileSync(path, encodeIndex(V, files, entries));
    const read = back({ files, stamps });
    expect(read.same).toBe(true);
    expect([...read.entries.keys()]).toEqual(files);
    expect(plain([...read.entries.values()])).toEqual(plain(entries));
    // One time that differs, or another file list: not the same, still every entry.
    expect(back({ files, stamps: stamps.map((s, i) => (i === 3 ? s + 1 : s)) }).same).toBe(false);
    expect(back({ files: files.slice(1), stamps: stamps.slice(2) }).same).toBe(false);
    expect(back().entries.size).toBe(4);
    // Written again from what was read, it is the same file, byte for byte.
    const bytes = readFileSync(path);
    expect(encodeIndex(V, files, [...back().entries.values()]).equals(bytes)).toBe(true);
    // Another version of coach wrote it: nothing.
    expect(readIndex(path, 'other', shape).entries.size).toBe(0);
  });

  it('keeps unchanged guides as they were through rewrites that change, add and drop others', () => {
    writeFileSync(path, encodeIndex(V, files, entries));
    const expected = new Map(files.map((f, i) => [f, entries[i]!]));
    const steps: [string, IndexEntry | undefined][] = [
      ['/lib/b.md', { size: 21, mtimeMs: 2.6, problems: [], summary: summaryOf('b', 'edited 编辑') }],
      ['/lib/d.md', { size: 50, mtimeMs: 5.5, problems: [], summary: summaryOf('d', 'new') }],
      ['/lib/a.md', undefined],
    ];
    for (const [file, entry] of steps) {
      // The next index is made from what was read (lazy summaries, copied as bytes) and the change.
      const stored = back().entries;
      if (entry) expected.set(file, entry);
      else expected.delete(file);
      const names = [...expected.keys()];
      writeFileSync(
        path,
        encodeIndex(
          V,
          names,
          names.map((f) => (f === file ? entry! : stored.get(f)!)),
        ),
      );
      const read = back();
      expect([...read.entries.keys()]).toEqual(names);
      expect(plain([...read.entries.values()])).toEqual(plain([...expected.values()]));
      // The card rows of every guide read back whole.
      for (const e of read.entries.values()) for (const c of e.summary?.cards ?? []) expect(() => JSON.parse(c.blocks)).not.toThrow();
    }
  });

  it("keeps a guide's shown path where it is not the file's name, and its counts, read as coach wrote it or checked", () => {
    // A file name with an escape: the guide's path is the name shown cleaned (issue 13).
    const odd = { ...summaryOf('d', 'row'), path: '/lib/\\x1b[31md.md' };
    const withOdd = [...files, '/lib/\x1b[31md.md'];
    const all = [...entries, { size: 50, mtimeMs: 5.5, problems: [], summary: odd }];
    writeFileSync(path, encodeIndex(V, withOdd, all));
    const read = [...back().entries.values()].map((e) => e.summary && { path: e.summary.path, bundled: e.summary.bundled, counts: e.summary.counts });
    expect(read[4]).toEqual({ path: '/lib/\\x1b[31md.md', bundled: false, counts: { traps: 1, tradeoffs: 0, cards: 2, questions: 0 } });
    expect(read[0]).toMatchObject({ path: '/lib/a.md' });
    // Read unchecked (a CRC that does not match, so every entry is checked): the same.
    const lines = readFileSync(path, 'utf8').split('\n');
    const top = JSON.parse(lines[0]!) as { crcs: number[] };
    top.crcs[0] = top.crcs[0]! + 1;
    lines[0] = JSON.stringify(top);
    writeFileSync(path, lines.join('\n'));
    expect(plain([...back().entries.values()])).toEqual(plain(all));
  });

  it('checks a damaged file entry by entry, leaving out what does not have its shape', () => {
    writeFileSync(path, encodeIndex(V, files, entries));
    const lines = readFileSync(path, 'utf8').split('\n');
    const line3 = JSON.parse(lines[3]!) as { heads: unknown[][] };
    line3.heads[0]![1] = 7; // a title that is not text
    lines[3] = JSON.stringify(line3);
    writeFileSync(path, lines.join('\n'));
    const read = back({ files, stamps });
    expect(read.same).toBe(false);
    expect([...read.entries.keys()]).toEqual(files.slice(1));
    // A change that keeps every length (so every line is where line 0 says): the CRC
    // catches it, and the entries are checked one by one, not trusted.
    writeFileSync(path, encodeIndex(V, files, entries));
    const same = readFileSync(path, 'utf8').split('\n');
    same[3] = same[3]!.replace('"Guide b"', '"Guide B"');
    writeFileSync(path, same.join('\n'));
    const read2 = back({ files, stamps });
    expect(read2.same).toBe(false);
    expect([...read2.entries.values()].map((e) => e.summary?.title)).toEqual(['Guide a', 'Guide B', undefined, 'Guide c']);
    // Cut short: nothing, and the guides are parsed again.
    writeFileSync(path, readFileSync(path).subarray(0, 100));
    expect(back({ files, stamps }).entries.size).toBe(0);
  });
});

describe('a summary index damaged after its first lines', () => {
  it('says so when a command reads the damaged part, removes it, and the next run rebuilds it', async () => {
    const { loadSummaries, cardOf } = await import('../src/guides/library.js');
    const dir = mkdtempSync(join(tmpdir(), 'coach-index-guides-'));
    writeFileSync(join(dir, 'a.md'), guideText('a', 'alpha row'));
    writeFileSync(join(dir, 'b.md'), guideText('b', 'beta row'));
    const cacheDir = mkdtempSync(join(tmpdir(), 'coach-index-cache-'));
    const load = () => loadSummaries({ dirs: [dir], cacheDir });
    const first = await load();
    expect(first.indexed).toBe(2);
    // One byte of the cards' line (line 5) changed, its length kept: lines 1-3 still check.
    const path = join(cacheDir, 'user-guides.idx');
    const lines = readFileSync(path, 'utf8').split('\n');
    lines[5] = lines[5]!.replace('a card', 'A card');
    writeFileSync(path, lines.join('\n'));
    const damaged = await load();
    expect(damaged.indexed).toBe(0);
    expect(() => damaged.guides.filter((g) => !g.bundled).flatMap((g) => g.cards)).toThrow(/the guide cache .* is damaged/);
    expect(existsSync(path)).toBe(false);
    const again = await load();
    expect(again.indexed).toBe(2);
    expect(again.guides.filter((g) => !g.bundled).flatMap((g) => g.cards.map((c) => cardOf(c).title))).toEqual(['a card', 'a second card', 'b card', 'b second card']);
  });
});
