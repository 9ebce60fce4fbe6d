// Full-text ranking for `coach search`: MiniSearch scores whole words with BM25 over
// the title and the text of each item, with prefixes ("deploy" finds "deployment")
// and small typos in longer words. Fuse stays for names (lookup.ts), where a
// mistyped id should still be found; over paragraphs of text its letter-by-letter
// matching ranked unrelated items above the ones that used the very words. Pure.
import MiniSearch, { type SearchOptions } from 'minisearch';

// Words too common to tell items apart, and single letters ("A/B" is read as a, b):
// dropped from items and queries alike.
const STOP = new Set(['a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'how', 'in', 'is', 'it', 'of', 'on', 'or', 'the', 'to', 'vs', 'versus', 'what', 'when', 'with', 'you', 'your']);

const processTerm = (term: string): string | null => {
  const t = term.toLowerCase();
  return STOP.has(t) || /^[a-z]$/.test(t) ? null : t;
};

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
