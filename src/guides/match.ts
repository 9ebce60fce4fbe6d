// Direct matches by name, before any fuzzy matching: an exact id or title, a name
// that starts with the query, a tag, a whole word of the title. Pure, and light
// enough that `coach card latency` never loads the fuzzy matcher.
import { slug } from './text.js';

export interface Named {
  id: string;
  title: string;
  tags?: string[];
  /** Other words to match with a lower weight (a guide's title, a trap's key points). */
  extra?: string;
}

export function directMatch<T extends Named>(items: T[], query: string): T | undefined {
  const q = query.trim().toLowerCase();
  if (q.length < 2) return undefined;
  const s = slug(q);
  const word = new RegExp(`(^|[^a-z0-9])${q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^a-z0-9])`);
  const tiers: ((i: T) => boolean)[] = [
    (i) => i.id === s || i.title.toLowerCase() === q || slug(i.title) === s,
    (i) => i.id.startsWith(s) || i.title.toLowerCase().startsWith(q),
    (i) => (i.tags ?? []).some((t) => t.toLowerCase() === q || slug(t) === s),
    (i) => word.test(i.title.toLowerCase()) || word.test(i.id.replace(/-/g, ' ')),
  ];
  for (const tier of tiers) {
    const hit = items.find(tier);
    if (hit) return hit;
  }
  return undefined;
}
