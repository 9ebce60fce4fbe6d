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

export function lookup<T extends Named>(items: T[], query: string): Lookup<T> {
  const q = query.trim().toLowerCase();
  const direct = directMatch(items, q);
  if (direct) return { best: direct, closest: [] };
  const fuse = new Fuse(items, { keys: KEYS, includeScore: true, ignoreLocation: true, threshold: 0.35 });
  const hits = fuse.search(q);
  if (hits.length > 0) return { best: hits[0]!.item, closest: hits.slice(1, 4).map((h) => h.item) };
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
