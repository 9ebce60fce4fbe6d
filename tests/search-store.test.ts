// The stored search index (src/guides/search-store.ts) against MiniSearch, the library
// whose scoring it keeps: on the bundled guides' items, every query gives the same
// hits in the same order with the same scores, whether the index is built from one
// part or from a part per guide.
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../src/guides/library.js';
import { searchItems } from '../src/guides/search-index.js';
import { searchText } from './helpers/minisearch.js';
import { buildIndex, openIndex, partOf } from '../src/guides/search-store.js';
import { BUNDLED_INDEX, testIo } from './helpers/io.js';
import { search } from '../src/commands/search.js';
import { mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const QUERIES = [
  'feature store',
  'zipline',
  'cold start',
  'batch vs real-time',
  'zipline kubeflow',
  'kafka exactly once',
  'point-in-time',
  'latency budget',
  'model registry',
  'canary rollout',
  'featur stor',
  'kubernets',
  'lambda kappa',
  'drift',
  'shadow deployment',
  'the',
  'GPU autoscaling',
  'train serve skew',
  'michelangelo palette',
  'registry',
];

describe('the stored search index', async () => {
  const lib = await loadLibrary({ bundledIndex: BUNDLED_INDEX, dirs: [] });
  const items = searchItems(lib.guides, lib.scenarios);
  const whole = openIndex(buildIndex([partOf(items)], 'k'))!;
  const byGuide = new Map<string, typeof items>();
  for (const i of items) byGuide.set(i.guide, [...(byGuide.get(i.guide) ?? []), i]);
  const parted = openIndex(buildIndex([...byGuide.values()].map(partOf), 'k'))!;

  it.each(QUERIES)('ranks %j as MiniSearch does', (query) => {
    const expected = searchText(items, query, 15);
    for (const index of [whole, parted]) {
      const got = index.search(query, { limit: 15 });
      expect(got.every).toBe(expected.every);
      expect(got.hits.map((h) => h.score)).toEqual(expected.hits.map((h) => expect.closeTo(h.score, 9)));
      // Equal scores may come in either order; the set of titles at each score is the same.
      const key = (xs: { title: string; score: number }[]): string[] => xs.map((x) => `${x.score.toFixed(9)} ${x.title}`).sort();
      expect(key(got.hits.map((h) => ({ title: h.doc.title, score: h.score })))).toEqual(key(expected.hits.map((h) => ({ title: h.item.title, score: h.score }))));
    }
  });

  it('finds nothing for words it has never seen, and keeps the key it was built for', () => {
    expect(whole.search('qwertyuiop').hits).toEqual([]);
    expect(whole.key).toBe('k');
    expect(whole.docs).toBe(items.length);
  });

  it('filters by kind', () => {
    const traps = whole.search('feature store', { kind: 'trap' }).hits;
    expect(traps.length).toBeGreaterThan(0);
    expect(traps.every((h) => h.doc.kind === 'trap')).toBe(true);
  });

  it('refuses bytes that are not an index of this version', () => {
    expect(openIndex(Buffer.from('not an index'))).toBeUndefined();
    expect(openIndex(Buffer.from('{"version":0}\n'))).toBeUndefined();
  });
});

describe('coach search over a library of your own', () => {
  const guideText = (id: string, word: string) =>
    `---\nid: ${id}\ntitle: ${id} guide\n---\n# ${id} guide\n\n## Trap Questions\n\n### "Why not ${word}?"\n\n**Strong answer:** Because ${word} needs a feature store.\n`;
  const library = () => {
    const dir = mkdtempSync(join(tmpdir(), 'coach-search-'));
    writeFileSync(join(dir, 'a.md'), guideText('alpha', 'zorbital'));
    writeFileSync(join(dir, 'b.md'), guideText('beta', 'quexafin'));
    return dir;
  };
  const find = async (dir: string, io: ReturnType<typeof testIo>, words: string) => (await search({ guides: [dir], words: words.split(' ') }, io)).hits;
  const parts = (io: ReturnType<typeof testIo>) =>
    Object.fromEntries(
      readdirSync(join(io.cacheDir, 'guides'))
        .filter((f) => f.endsWith('.search.json'))
        .map((f) => [f, statSync(join(io.cacheDir, 'guides', f)).mtimeMs]),
    );

  it('finds your guides and the bundled ones, from an index stored once', async () => {
    const dir = library();
    const io = testIo();
    // The command carries the --guides folder, so that pasted anywhere it opens the same trap.
    expect((await find(dir, io, 'zorbital')).map((h) => h.open)).toEqual([`coach --guides ${dir} trap alpha/why-not-zorbital --reveal`]);
    expect((await find(dir, io, 'zipline')).some((h) => h.guide === 'bighead')).toBe(true);
    const stored = statSync(join(io.cacheDir, 'search.idx')).mtimeMs;
    await find(dir, io, 'quexafin');
    expect(statSync(join(io.cacheDir, 'search.idx')).mtimeMs).toBe(stored);
    expect(io.err()).toBe('');
  });

  it('after one guide changes, finds its new words and computes its part alone', async () => {
    const dir = library();
    const io = testIo();
    await find(dir, io, 'zorbital');
    const before = parts(io);
    expect(Object.keys(before)).toHaveLength(2);
    writeFileSync(join(dir, 'b.md'), guideText('beta', 'plimsoly'));
    utimesSync(join(dir, 'b.md'), new Date(), new Date(Date.now() + 5000));
    expect((await find(dir, io, 'plimsoly')).map((h) => h.guide)).toEqual(['beta']);
    expect(await find(dir, io, 'quexafin')).toEqual([]);
    const after = parts(io);
    expect(Object.keys(after).filter((f) => after[f] !== before[f])).toHaveLength(1);
  });

  it('rebuilds from the guides when the stored index or a part is damaged', async () => {
    const dir = library();
    const io = testIo();
    await find(dir, io, 'zorbital');
    writeFileSync(join(io.cacheDir, 'search.idx'), 'garbage');
    for (const f of Object.keys(parts(io))) writeFileSync(join(io.cacheDir, 'guides', f), `${readFileSync(join(io.cacheDir, 'guides', f), 'utf8').split('\n')[0]}\n{"docs":7}`);
    expect((await find(dir, io, 'zorbital')).map((h) => h.guide)).toEqual(['alpha']);
    expect(io.err()).toBe('');
  });
});

describe('a printed search command, pasted', () => {
  it('opens the hit it names, --guides folder and all', async () => {
    const { spawnSync } = await import('node:child_process');
    const dir = mkdtempSync(join(tmpdir(), 'coach-paste-'));
    writeFileSync(join(dir, 'g.md'), '---\nid: pasted\ntitle: Pasted guide\n---\n# Pasted guide\n\n## Trap Questions\n\n### "Why not quorvex?"\n\n**Strong answer:** Because quorvex loses writes.\n');
    const home = mkdtempSync(join(tmpdir(), 'coach-paste-home-'));
    const env = { ...process.env, COACH_HOME: home, NO_COLOR: '1' };
    const bin = join(import.meta.dirname, '../bin/coach.cjs');
    const hits = spawnSync(process.execPath, [bin, '--guides', dir, 'search', 'quorvex', '--json'], { env, encoding: 'utf8' });
    const open = (JSON.parse(hits.stdout) as { hits: { open: string }[] }).hits[0]!.open;
    expect(open).toBe(`coach --guides ${dir} trap pasted/why-not-quorvex --reveal`);
    // Run it as the shell would, from another folder.
    const shown = spawnSync('/bin/sh', ['-c', `cd / && ${open.replace(/^coach/, `"${process.execPath}" "${bin}"`)}`], { env, encoding: 'utf8' });
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain('Why not quorvex?');
  });
});
