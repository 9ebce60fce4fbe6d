// The stored search index (src/guides/search-store.ts) against MiniSearch, the library
// whose scoring it keeps: on the bundled guides' items, every query gives the same
// hits in the same order with the same scores, whether the index is built from one
// part or from a part per guide.
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../src/guides/library.js';
import { searchItems } from '../src/guides/search-index.js';
import { searchText } from '../src/guides/fulltext.js';
import { buildIndex, openIndex, partOf } from '../src/guides/search-store.js';
import { BUNDLED_INDEX } from './helpers/io.js';

const QUERIES = [
  'feature store', 'zipline', 'cold start', 'batch vs real-time', 'zipline kubeflow', 'kafka exactly once',
  'point-in-time', 'latency budget', 'model registry', 'canary rollout', 'featur stor', 'kubernets', 'lambda kappa',
  'drift', 'shadow deployment', 'the', 'GPU autoscaling', 'train serve skew', 'michelangelo palette', 'registry',
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
