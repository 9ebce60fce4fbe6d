// What the history says about each item, and what to practise next: the trap that
// `coach trap random` picks and the items of a drill session. Pure: the history, the
// time and a random source come in as values.
import type { HistoryEntry } from '../store/history.js';
import type { DeckItem } from './decks.js';
import { itemKey } from './decks.js';
import { dueAt, isDue, isWeak, recall, replay, type ItemState, type Rating } from './scheduler.js';

export type ReviewEntry = Extract<HistoryEntry, { kind: 'review' }>;

export type Progress = Map<string, ItemState>;

const RATING_SET = new Set(['again', 'hard', 'good', 'easy']);

/** Replays every review in the history into one state per item key (`deck:guide/id`). */
export function progressFrom(history: HistoryEntry[]): Progress {
  const byKey = new Map<string, { rating: Rating; at: Date }[]>();
  for (const e of history) {
    if (e.kind !== 'review' || !RATING_SET.has(e.rating)) continue;
    const at = new Date(e.at);
    if (Number.isNaN(at.getTime())) continue;
    const key = itemKey({ deck: e.deck, id: e.item });
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    list.push({ rating: e.rating, at });
  }
  const out: Progress = new Map();
  for (const [key, reviews] of byKey) {
    const state = replay(reviews);
    if (state) out.set(key, state);
  }
  return out;
}

export type Standing = 'due' | 'new' | 'later';

export function standing(state: ItemState | undefined, now: Date): Standing {
  if (!state) return 'new';
  return isDue(state, now) ? 'due' : 'later';
}

/**
 * Picks a trap to practise, as `coach trap random` promises (issue 11): a due trap
 * whenever one is due, the weakest first (rated again or hard, or lapsed, then the
 * least likely to be remembered); a new trap, at random, only when none is due; and
 * when nothing is due or new, the trap least likely to be remembered.
 */
export function pickItem<T extends Pick<DeckItem, 'deck' | 'id'>>(items: T[], progress: Progress, now: Date, random: () => number): T | undefined {
  if (items.length === 0) return undefined;
  const due: { item: T; weak: boolean; recall: number }[] = [];
  const fresh: T[] = [];
  for (const item of items) {
    const state = progress.get(itemKey(item));
    const s = standing(state, now);
    if (s === 'due') due.push({ item, weak: isWeak(state), recall: recall(state, now) });
    else if (s === 'new') fresh.push(item);
  }
  if (due.length > 0) return due.sort((a, b) => Number(b.weak) - Number(a.weak) || a.recall - b.recall)[0]!.item;
  if (fresh.length > 0) return fresh[Math.min(fresh.length - 1, Math.floor(random() * fresh.length))];
  // Everything is scheduled for later: the one closest to being forgotten.
  return [...items].sort((a, b) => recall(progress.get(itemKey(a)), now) - recall(progress.get(itemKey(b)), now))[0];
}

export interface SessionPlan<T extends DeckItem> {
  items: T[];
  due: number;
  fresh: number;
  /** Due items left for another session because of the limit. */
  dueLeft: number;
  /** When the next item not in this plan falls due, if any. */
  nextDue?: Date;
}

/**
 * A drill session: the due items, most overdue first (weak ones ahead of their day),
 * then up to `newItems` never-seen ones, taking turns across decks and guides so a
 * session is not thirty numbers from one guide.
 */
export function planSession<T extends DeckItem>(items: T[], progress: Progress, now: Date, options: { limit: number; newItems: number }): SessionPlan<T> {
  const due: { item: T; at: number; weak: boolean }[] = [];
  const fresh: T[] = [];
  let nextDue: Date | undefined;
  for (const item of items) {
    const state = progress.get(itemKey(item));
    const s = standing(state, now);
    if (s === 'due') due.push({ item, at: dueAt(state!).getTime(), weak: isWeak(state) });
    else if (s === 'new') fresh.push(item);
    else if (!nextDue || dueAt(state!) < nextDue) nextDue = dueAt(state!);
  }
  due.sort((a, b) => Number(b.weak) - Number(a.weak) || a.at - b.at);
  const dueItems = due.slice(0, options.limit).map((d) => d.item);
  const room = Math.max(0, Math.min(options.newItems, options.limit - dueItems.length));
  const newItems = interleave(fresh).slice(0, room);
  return {
    items: [...dueItems, ...newItems],
    due: dueItems.length,
    fresh: newItems.length,
    dueLeft: due.length - dueItems.length,
    ...(nextDue ? { nextDue } : {}),
  };
}

/** Takes turns across decks, and within a deck across guides, keeping each group's order. */
function interleave<T extends DeckItem>(items: T[]): T[] {
  const byDeck = new Map<string, T[]>();
  for (const item of items) {
    let d = byDeck.get(item.deck);
    if (!d) byDeck.set(item.deck, (d = []));
    d.push(item);
  }
  return roundRobin([...byDeck.values()].map((deck) => roundRobin(groupBy(deck, (i) => i.guide))));
}

function groupBy<T>(items: T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(item);
  }
  return [...groups.values()];
}

function roundRobin<T>(queues: T[][]): T[] {
  const out: T[] = [];
  const longest = Math.max(0, ...queues.map((q) => q.length));
  for (let i = 0; i < longest; i++) for (const q of queues) if (i < q.length) out.push(q[i]!);
  return out;
}

/** A small seeded random source (mulberry32), so a choice can be repeated in tests. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable number from a string, to seed per-item choices. */
export function hashString(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}
