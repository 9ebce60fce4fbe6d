// The reference for coach's search: MiniSearch over the same items, with the options
// coach used before its stored index (src/guides/search-store.ts), whose scoring is
// MiniSearch's. tests/search-store.test.ts holds the two side by side; the ranking
// tests read it for the items' text, which the stored index does not keep.
import MiniSearch, { type SearchOptions } from 'minisearch';
import { searchTerm } from '../../src/guides/search-store.js';

const processTerm = searchTerm;

const OPTIONS: SearchOptions = {
  boost: { title: 3 },
  prefix: (term) => term.length >= 3,
  fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
};

export interface Ranked<T> {
  item: T;
  /** 1 for the best hit, less for the others, in proportion to their scores. */
  score: number;
}

export interface Found<T> {
  hits: Ranked<T>[];
  /** False when no item has every word, and the hits are those with the most of them. */
  every: boolean;
}

/**
 * Items that have every word of the query, best first; when none has them all,
 * those with the most of them (and `every` is false).
 */
export function searchText<T extends { title: string; text: string }>(items: T[], query: string, limit: number): Found<T> {
  const index = new MiniSearch<{ id: number; title: string; text: string }>({ fields: ['title', 'text'], processTerm });
  index.addAll(items.map((item, id) => ({ id, title: item.title, text: item.text })));
  let hits = index.search(query, { ...OPTIONS, combineWith: 'AND' });
  const every = hits.length > 0;
  if (!every) hits = index.search(query, { ...OPTIONS, combineWith: 'OR' });
  const best = hits[0]?.score ?? 1;
  return { hits: hits.slice(0, limit).map((h) => ({ item: items[h.id as number]!, score: h.score / best })), every };
}
