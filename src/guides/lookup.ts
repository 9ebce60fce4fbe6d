// Lookup by name: direct matches first (match.ts), then fuzzy matching over title,
// id and tags through fuse.js. Pure.
import Fuse from 'fuse.js';
import { directMatch, type Named } from './match.js';

export type { Named };

export interface Lookup<T> {
  best?: T;
  /** Closest names when nothing matches well enough. */
  closest: T[];
}

const KEYS = [
  { name: 'id', weight: 3 },
  { name: 'title', weight: 3 },
  { name: 'tags', weight: 2 },
  { name: 'extra', weight: 1 },
];
const NAME_KEYS = KEYS.filter((k) => k.name !== 'extra');

const wordsOf = (text: string): string[] => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** The first item in which every word of the query starts a word of its name or extra words. */
function wordMatch<T extends Named>(items: T[], query: string): T | undefined {
  const want = wordsOf(query).filter((w) => w.length >= 2);
  if (want.length === 0) return undefined;
  return items.find((i) => {
    const have = wordsOf(`${i.id} ${i.title} ${(i.tags ?? []).join(' ')} ${i.extra ?? ''}`);
    return want.every((w) => have.some((h) => h.startsWith(w)));
  });
}

/**
 * Direct matches first (match.ts); then typos in a name (fuse over id, title and
 * tags); then every word of the query found in an item's words, its extra words
 * included (a card by its guide's title); then the words fuzzily, all in one item.
 * Typos are not looked for in the extra words: fuse weighs a near miss there too
 * kindly, and 'nope' found "open" in a scenario's prompt.
 */
export function lookup<T extends Named>(items: T[], query: string): Lookup<T> {
  const q = query.trim().toLowerCase();
  const direct = directMatch(items, q);
  if (direct) return { best: direct, closest: [] };
  const hits = new Fuse(items, { keys: NAME_KEYS, includeScore: true, ignoreLocation: true, threshold: 0.35 }).search(q);
  if (hits.length > 0) return { best: hits[0]!.item, closest: hits.slice(1, 4).map((h) => h.item) };
  const byWords = wordMatch(items, q);
  if (byWords) return { best: byWords, closest: [] };
  // Several words: every word must match somewhere (fuse's extended search, AND of terms).
  const words = q.split(/\s+/).filter(Boolean);
  if (words.length > 1) {
    const all = new Fuse(items, { keys: KEYS, includeScore: true, ignoreLocation: true, threshold: 0.35, useExtendedSearch: true });
    const both = all.search(words.join(' '));
    if (both.length > 0) return { best: both[0]!.item, closest: both.slice(1, 4).map((h) => h.item) };
  }
  const loose = new Fuse(items, { keys: KEYS, includeScore: true, ignoreLocation: true, threshold: 0.7 });
  const seen = new Set<string>();
  const closest = loose.search(q).map((h) => h.item).filter((i) => !seen.has(i.id) && seen.add(i.id));
  return { closest: closest.slice(0, 3) };
}
