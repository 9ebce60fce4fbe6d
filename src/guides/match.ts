// Finding an item by the name a user typed. A name opens an item only when it is a
// good match (issue 11: `coach card foo` opened a card, `coach mock --scenario bar` a
// 45-minute mock): the exact id or title, a start of it, or every word of the query
// found among the words of the item's name and tags; then the same with a typo of one
// letter in a word of five or more, two in a word of eight or more, which the caller
// reports. Words such as "the" or "of" count for nothing, and a query made only of
// them matches nothing. Pure, and light enough that `coach card latency` never loads
// anything else.
import { alnumRuns, slug } from './text.js';

export interface Named {
  id: string;
  title: string;
  tags?: string[];
  /** Other words to match with a lower weight (a guide's title, a trap's key points): whole words or their starts, never typos. */
  extra?: string;
}

export interface NameMatch<T> {
  item: T;
  /** The query matched only with a typo forgiven: worth saying which item it opened. */
  typo: boolean;
  /** The query is the item's id or title (in any case, spacing or hyphens), not the start of one or its words. */
  exact?: boolean;
}

const STOP = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'by',
  'can',
  'do',
  'does',
  'for',
  'from',
  'how',
  'i',
  'if',
  'in',
  'is',
  'it',
  'its',
  'of',
  'on',
  'or',
  'the',
  'this',
  'that',
  'to',
  'vs',
  'versus',
  'we',
  'what',
  'when',
  'which',
  'why',
  'with',
  'you',
  'your',
]);

export const wordsOf = (text: string): string[] => alnumRuns(text.toLowerCase());

/** The words of a query that can tell items apart. */
export function contentWords(query: string): string[] {
  return wordsOf(query).filter((w) => !STOP.has(w));
}

/** How many typos a word of this length may carry and still be recognised. */
export function typosAllowed(word: string): number {
  return word.length >= 8 ? 2 : word.length >= 5 ? 1 : 0;
}

/**
 * Edit distance with adjacent swaps (optimal string alignment), or max + 1 as soon
 * as it is sure to exceed `max`.
 */
export function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    before = prev;
    prev = row;
  }
  return prev[b.length]!;
}

const plural = (w: string): string => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);

/** How a query word meets one word: 3 the same, 2 its start, 1 with a typo, 0 not. */
function wordScore(q: string, w: string, typos: boolean): number {
  if (q === w || plural(q) === plural(w)) return 3;
  if (q.length >= 3 && w.startsWith(q)) return 2;
  if (!typos) return 0;
  const max = typosAllowed(q);
  if (max === 0 || w.length < 4) return 0;
  // A typo in the whole word, or in its start ("latncy" for "latency", "kubernets" for "kubernetes-operators").
  if (distance(q, w, max) <= max) return 1;
  if (w.length > q.length && distance(q, w.slice(0, q.length), max) <= max) return 1;
  return 0;
}

interface Scored<T> {
  item: T;
  score: number;
  typo: boolean;
  /** Fewer words in the title: the more specific item wins a tie. */
  size: number;
}

// What a word met in each part of an item is worth: the id and title name the item,
// tags describe it, the extra words only mention it.
const WEIGHT = { name: 1, tags: 0.8, extra: 0.5 };

/** Every query word met in the name or tags (or, without typos, the extra words): the match's score, else undefined. */
function scoreItem<T extends Named>(item: T, query: string[], typos: boolean, useExtra: boolean): Scored<T> | undefined {
  const parts: [number, string[], boolean][] = [
    [WEIGHT.name, wordsOf(`${item.id} ${item.title}`), typos],
    [WEIGHT.tags, wordsOf((item.tags ?? []).join(' ')), typos],
    ...(useExtra ? [[WEIGHT.extra, wordsOf(item.extra ?? ''), false] as [number, string[], boolean]] : []),
  ];
  let score = 0;
  let typo = false;
  for (const q of query) {
    let best = 0;
    let bestTypo = false;
    for (const [weight, words, withTypos] of parts) {
      for (const w of words) {
        const raw = wordScore(q, w, withTypos);
        if (raw * weight > best) {
          best = raw * weight;
          bestTypo = raw === 1;
        }
      }
    }
    if (best === 0) return undefined;
    typo ||= bestTypo;
    score += best;
  }
  return { item, score, typo, size: wordsOf(item.title).length };
}

function best<T>(scored: Scored<T>[]): Scored<T> | undefined {
  return scored.sort((a, b) => b.score - a.score || a.size - b.size)[0];
}

/**
 * The item a query names, or undefined when no item is a good match. In order: the
 * exact id or title; an id or title that starts with the query; every
 * word of the query in the name or tags (words of the title count most); the same
 * with the extra words; the same with typos forgiven (reported as `typo`).
 */
export function matchName<T extends Named>(items: T[], query: string, only?: 'direct'): NameMatch<T> | undefined {
  const q = query.trim().toLowerCase();
  const words = contentWords(q);
  if (words.length === 0) return undefined;
  const s = slug(q);
  const bare = s.replace(/-/g, '');
  // Each title's slug, made once for both tiers (thousands of cards with a large library).
  const slugs = new Map<T, string>();
  const titleSlug = (i: T): string => {
    let t = slugs.get(i);
    if (t === undefined) slugs.set(i, (t = slug(i.title)));
    return t;
  };
  // A title that begins with an ASCII letter or digit has a slug that begins with it,
  // in lower case: most titles are ruled out by that alone, before their slug is made.
  const lead = s.charCodeAt(0);
  const mayBe = (i: T): boolean => {
    const c = i.title.charCodeAt(0);
    if (c >= 65 && c <= 90) return c + 32 === lead;
    return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) ? c === lead : true;
  };
  const tiers: ((i: T) => boolean)[] = [
    // "ecommerce" is e-commerce.
    (i) => i.id.toLowerCase() === q || i.id === s || i.title.toLowerCase() === q || i.id.replace(/-/g, '') === bare || (mayBe(i) && titleSlug(i) === s),
    (i) => s.length >= 3 && (i.id.startsWith(s) || (mayBe(i) && titleSlug(i).startsWith(s))),
  ];
  for (const [k, tier] of tiers.entries()) {
    const hit = items.find(tier);
    if (hit) return { item: hit, typo: false, exact: k === 0 };
  }
  if (only === 'direct') return undefined;
  for (const [typos, useExtra] of [
    [false, false],
    [false, true],
    [true, true],
  ] as const) {
    const hit = best(items.flatMap((i) => scoreItem(i, words, typos, useExtra) ?? []));
    if (hit) return { item: hit.item, typo: hit.typo };
  }
  return undefined;
}

/**
 * A guide as a name to match: its tags and system are read only when the query is not
 * its exact id or title (the summary index of a large library keeps them on a line of
 * their own, issue 14).
 */
export function namedGuide<G extends { id: string; title: string; tags: string[]; system?: string }>(g: G): Named & { summary: G } {
  return {
    id: g.id,
    title: g.title,
    get tags() {
      return g.tags;
    },
    get extra() {
      return g.system ?? '';
    },
    summary: g,
  };
}

/** The exact or direct match only (no typos): what `coach card` tries before anything else. */
export function directMatch<T extends Named>(items: T[], query: string): T | undefined {
  const m = matchName(items, query);
  return m && !m.typo ? m.item : undefined;
}

/** An item of one of several guides: its id may be the same as another guide's item's. */
interface OfGuide {
  id: string;
  guide: string;
}

const ofGuide = (item: unknown): item is OfGuide => typeof (item as Partial<OfGuide>).guide === 'string';

/** The item a name "guide/id" names: that guide's item with that id (`coach tradeoff crdt/consistency-model`). */
export function byGuideAndId<T>(items: T[], query: string): T | undefined {
  const at = query.indexOf('/');
  if (at <= 0) return undefined;
  const guide = query.slice(0, at).trim().toLowerCase();
  const id = query
    .slice(at + 1)
    .trim()
    .toLowerCase();
  return items.find((i) => ofGuide(i) && i.guide.toLowerCase() === guide && i.id.toLowerCase() === id);
}

/** Items of other guides that have the id of the one a name matched: the name is one of theirs too. */
export function sameIdElsewhere<T>(items: T[], item: T): (T & OfGuide)[] {
  if (!ofGuide(item)) return [];
  return items.filter((i): i is T & OfGuide => i !== item && ofGuide(i) && i.id === item.id && i.guide !== item.guide);
}
