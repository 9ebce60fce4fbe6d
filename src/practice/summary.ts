// Everything `coach stats`, `today`, `trap` and `drill` need from the history, folded
// into a value whose size does not grow with the number of reviews (issue 14): one
// scheduler state per item, review counts per quarter hour, the mocks. It can be
// saved (a snapshot) and extended with the records appended since, so a run replays
// only what is new. Pure: records in, values out; encode and decode are text.
import type { HistoryEntry } from '../store/history.js';
import { itemKey } from './decks.js';
import { progressFrom, type Progress } from './progress.js';
import { review, schedulerId, type ItemState, type Rating } from './scheduler.js';

type MockEntry = Extract<HistoryEntry, { kind: 'mock' }>;

/**
 * Reviews are counted per quarter hour of UTC time, not per local day, so that a
 * snapshot does not depend on the time zone: every zone's offset (since 1972) is a
 * whole number of quarter hours, so a quarter hour lies in one local day.
 */
export const BUCKET_MS = 15 * 60_000;

export interface Bucket {
  reviews: number;
  correct: number;
}

export interface PracticeSummary {
  progress: Progress;
  reviews: number;
  correct: number;
  /** Reviews and correct ones per quarter hour (its start / BUCKET_MS), in order of first review. */
  buckets: Map<number, Bucket>;
  /** Every mock, in file order. */
  mocks: MockEntry[];
  /** Records of a known kind that did not check, and the reason for the first (`first` is shown). */
  skipped: { count: number; first: string };
  /**
   * A review's time was written without a zone (a hand edit): it means another
   * instant in another time zone, so this summary must not be saved.
   */
  local: boolean;
}

export function emptySummary(): PracticeSummary {
  return { progress: new Map(), reviews: 0, correct: 0, buckets: new Map(), mocks: [], skipped: { count: 0, first: '' }, local: false };
}

// What coach writes (toISOString), or any ISO time with a zone, or an ISO date (UTC).
const ABSOLUTE = /^(?:\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:\d\d)|\d{4}(?:-\d\d(?:-\d\d)?)?)$/i;

function count(summary: PracticeSummary, entry: HistoryEntry): void {
  if (entry.kind === 'mock') {
    summary.mocks.push(entry);
    return;
  }
  summary.reviews++;
  if (entry.correct) summary.correct++;
  const at = new Date(entry.at).getTime();
  if (Number.isNaN(at)) return;
  if (!ABSOLUTE.test(entry.at)) summary.local = true;
  const key = Math.floor(at / BUCKET_MS);
  let b = summary.buckets.get(key);
  if (!b) summary.buckets.set(key, (b = { reviews: 0, correct: 0 }));
  b.reviews++;
  if (entry.correct) b.correct++;
}

/** The summary of a whole history, every review replayed. */
export function summarize(history: HistoryEntry[]): PracticeSummary {
  const summary = emptySummary();
  for (const e of history) count(summary, e);
  summary.progress = progressFrom(history);
  return summary;
}

/**
 * Adds records appended after the ones `summary` holds, in place. Returns false,
 * leaving `summary` unusable, when a review is older than its item's last one (a
 * clock set back, two processes appending out of order): the item's reviews must
 * then be replayed in time order, from the whole history.
 */
export function extendSummary(summary: PracticeSummary, entries: HistoryEntry[]): boolean {
  for (const e of entries) {
    if (e.kind === 'review') {
      const at = new Date(e.at);
      if (Number.isNaN(at.getTime())) continue;
      const key = itemKey({ deck: e.deck, id: e.item });
      const state = summary.progress.get(key);
      // An equal time replays in file order, as the full replay's stable sort does.
      if (state?.lastReview && at.getTime() < state.lastReview.getTime()) return false;
      summary.progress.set(key, review(state, e.rating, at));
    }
    count(summary, e);
  }
  return true;
}

// ---------------------------------------------------------------- saved form

/**
 * Raise when the saved form or its meaning changes (what `review` in scheduler.ts adds
 * to an item's state, what is counted): a snapshot of another format is rebuilt. A
 * change of scheduler is seen by itself (`schedulerId`).
 */
export const SUMMARY_FORMAT = 1;

type Saved = number | string | boolean | null | Saved[] | { [key: string]: Saved };

// A Date is saved as {"@": milliseconds}; numbers and strings as they are.
function saveValue(v: unknown): Saved {
  if (v instanceof Date) return { '@': v.getTime() };
  if (v === undefined) return null;
  return v as Saved;
}

function loadValue(v: unknown): unknown {
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 1 && typeof (v as { '@': unknown })['@'] === 'number') return new Date((v as { '@': number })['@']);
  throw new Error('bad value');
}

function saveState(s: ItemState): Saved {
  const card: Record<string, Saved> = {};
  for (const [k, v] of Object.entries(s.card)) if (v !== undefined) card[k] = saveValue(v);
  return [card, s.reviews, s.correct, s.lapses, s.lastRating ?? null, s.lastReview ? s.lastReview.getTime() : null];
}

const RATING_NAMES = new Set(['again', 'hard', 'good', 'easy']);

function loadState(v: unknown): ItemState {
  if (!Array.isArray(v) || v.length !== 6) throw new Error('bad state');
  const [card, reviews, correct, lapses, lastRating, lastReview] = v as unknown[];
  if (!card || typeof card !== 'object' || Array.isArray(card)) throw new Error('bad card');
  const c: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(card)) c[k] = loadValue(x);
  if (!(c['due'] instanceof Date) || typeof c['state'] !== 'number') throw new Error('bad card');
  if (![reviews, correct, lapses].every((n) => Number.isInteger(n))) throw new Error('bad counts');
  if (lastRating !== null && !RATING_NAMES.has(lastRating as string)) throw new Error('bad rating');
  if (lastReview !== null && typeof lastReview !== 'number') throw new Error('bad time');
  return {
    card: c as unknown as ItemState['card'],
    reviews: reviews as number,
    correct: correct as number,
    lapses: lapses as number,
    ...(lastRating !== null ? { lastRating: lastRating as Rating } : {}),
    ...(lastReview !== null ? { lastReview: new Date(lastReview as number) } : {}),
  };
}

/** The summary as JSON text, with what it covers (`source`, opaque here). */
export function encodeSummary(summary: PracticeSummary, source: Record<string, Saved>, scheduler = schedulerId()): string {
  return JSON.stringify({
    format: SUMMARY_FORMAT,
    scheduler,
    source,
    reviews: summary.reviews,
    correct: summary.correct,
    items: [...summary.progress].map(([k, s]) => [k, saveState(s)]),
    buckets: [...summary.buckets].map(([k, b]) => [k, b.reviews, b.correct]),
    mocks: summary.mocks as unknown as Saved,
    skipped: summary.skipped as unknown as Saved,
  });
}

/**
 * The summary in `text` and what it says it covers, or undefined when it is not one
 * this coach wrote (corrupt, another format, another scheduler): a snapshot is a
 * cache, and a wrong one is only ever ignored.
 */
export function decodeSummary(text: string, scheduler = schedulerId()): { summary: PracticeSummary; source: Record<string, unknown> } | undefined {
  try {
    const v = JSON.parse(text) as Record<string, unknown>;
    if (!v || typeof v !== 'object' || v['format'] !== SUMMARY_FORMAT || v['scheduler'] !== scheduler) return undefined;
    const { source, reviews, correct, items, buckets, mocks, skipped } = v as Record<string, unknown>;
    if (!source || typeof source !== 'object' || !Number.isInteger(reviews) || !Number.isInteger(correct)) return undefined;
    if (!Array.isArray(items) || !Array.isArray(buckets) || !Array.isArray(mocks)) return undefined;
    const summary = emptySummary();
    summary.reviews = reviews as number;
    summary.correct = correct as number;
    for (const item of items as unknown[]) {
      if (!Array.isArray(item) || typeof item[0] !== 'string') return undefined;
      summary.progress.set(item[0], loadState(item[1]));
    }
    for (const b of buckets as unknown[]) {
      if (!Array.isArray(b) || !b.every((n) => Number.isInteger(n))) return undefined;
      summary.buckets.set(b[0] as number, { reviews: b[1] as number, correct: b[2] as number });
    }
    for (const m of mocks as unknown[]) {
      // Saved after checkEntry: a record that does not look like one is a broken snapshot.
      const mock = m as MockEntry;
      if (mock?.kind !== 'mock' || typeof mock.at !== 'string' || typeof mock.score !== 'number' || !Array.isArray(mock.phases)) return undefined;
      summary.mocks.push(mock);
    }
    const sk = skipped as { count: unknown; first: unknown };
    if (!sk || !Number.isInteger(sk.count) || typeof sk.first !== 'string') return undefined;
    summary.skipped = { count: sk.count as number, first: sk.first };
    return { summary, source: source as Record<string, unknown> };
  } catch {
    return undefined; // a snapshot that does not decode is rebuilt from the history
  }
}
