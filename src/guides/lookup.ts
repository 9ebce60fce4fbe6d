// Lookup by name: the item a query names (match.ts), or, when none is a good match,
// the closest names to suggest, found by fuse.js. Pure.
import Fuse from 'fuse.js';
import { contentWords, matchName, type Named } from './match.js';

export type { Named };

export interface Lookup<T> {
  best?: T;
  /** The query matched only with a typo forgiven. */
  typo?: boolean;
  /** Closest names when nothing matches well enough. */
  closest: T[];
}

const KEYS = [
  { name: 'id', weight: 3 },
  { name: 'title', weight: 3 },
  { name: 'tags', weight: 2 },
  { name: 'extra', weight: 1 },
];

export function lookup<T extends Named>(items: T[], query: string): Lookup<T> {
  const found = matchName(items, query);
  if (found) return { best: found.item, typo: found.typo, closest: [] };
  // Suggestions only: a loose fuzzy search, never taken as the answer.
  const q = contentWords(query).join(' ') || query.trim();
  const loose = new Fuse(items, { keys: KEYS, includeScore: true, ignoreLocation: true, threshold: 0.6 });
  const seen = new Set<string>();
  const closest = loose
    .search(q)
    .map((h) => h.item)
    .filter((i) => !seen.has(i.id) && seen.add(i.id));
  return { closest: closest.slice(0, 3) };
}
