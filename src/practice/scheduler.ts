// The practice scheduler: FSRS (ts-fsrs) behind four ratings and plain dates. The
// history file is the only record; an item's schedule is its reviews replayed in order,
// so two coach processes that append reviews at once can never disagree about it. Pure.
import { createEmptyCard, fsrs, FSRSVersion, Rating as FsrsRating, State, type Card, type Grade } from 'ts-fsrs';

export const RATINGS = ['again', 'hard', 'good', 'easy'] as const;
export type Rating = (typeof RATINGS)[number];

const GRADE: Record<Rating, Grade> = {
  again: FsrsRating.Again,
  hard: FsrsRating.Hard,
  good: FsrsRating.Good,
  easy: FsrsRating.Easy,
};

// No fuzz: replaying the same reviews must give the same schedule every time.
const scheduler = fsrs({ enable_fuzz: false, enable_short_term: true });

/**
 * Which scheduler this is (ts-fsrs's version and the parameters): states saved by
 * another one are replayed again rather than used (src/practice/summary.ts).
 */
export function schedulerId(): string {
  return `${FSRSVersion} ${JSON.stringify(scheduler.parameters)}`;
}

/** Anki calls a card "mature" from a 21-day interval on; coach calls it mastered. */
export const MASTERED_DAYS = 21;

export type Phase = 'new' | 'learning' | 'review' | 'relearning';

const PHASE: Record<State, Phase> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};

export interface ItemState {
  card: Card;
  reviews: number;
  /** Reviews rated other than "again". */
  correct: number;
  lapses: number;
  lastRating?: Rating;
  lastReview?: Date;
}

export interface Review {
  rating: Rating;
  at: Date;
}

export function newState(now: Date): ItemState {
  return { card: createEmptyCard(now), reviews: 0, correct: 0, lapses: 0 };
}

/** The state after one more review. The input is not changed. */
export function review(state: ItemState | undefined, rating: Rating, at: Date): ItemState {
  const before = state ?? newState(at);
  const { card } = scheduler.next(before.card, at, GRADE[rating]);
  return {
    card,
    reviews: before.reviews + 1,
    correct: before.correct + (rating === 'again' ? 0 : 1),
    lapses: card.lapses,
    lastRating: rating,
    lastReview: at,
  };
}

/** Replays reviews (in any order; they are sorted by time) into one item's state. */
export function replay(reviews: Review[]): ItemState | undefined {
  let state: ItemState | undefined;
  for (const r of [...reviews].sort((a, b) => a.at.getTime() - b.at.getTime())) state = review(state, r.rating, r.at);
  return state;
}

/** When the item would be due next after each rating: shown beside the rating choices. */
export function preview(state: ItemState | undefined, at: Date): Record<Rating, Date> {
  const card: Card = state ? state.card : createEmptyCard(at);
  const out = {} as Record<Rating, Date>;
  for (const r of RATINGS) out[r] = scheduler.next(card, at, GRADE[r]).card.due;
  return out;
}

export function phase(state: ItemState | undefined): Phase {
  return state ? PHASE[state.card.state] : 'new';
}

export function dueAt(state: ItemState): Date {
  return state.card.due;
}

export function isDue(state: ItemState | undefined, now: Date): boolean {
  return state !== undefined && state.card.due.getTime() <= now.getTime();
}

export function isMastered(state: ItemState | undefined): boolean {
  return state !== undefined && state.card.state === State.Review && state.card.scheduled_days >= MASTERED_DAYS;
}

/** Weak: the last answer was poor, or it has been forgotten more than once. */
export function isWeak(state: ItemState | undefined): boolean {
  if (!state) return false;
  return state.lastRating === 'again' || state.lastRating === 'hard' || state.lapses >= 2;
}

/** The chance of recalling it now, 0-1 (FSRS retrievability); 0 for an unseen item. */
export function recall(state: ItemState | undefined, now: Date): number {
  if (!state || state.card.state === State.New) return 0;
  return scheduler.get_retrievability(state.card, now, false);
}

/** "now", "<1m", "8m", "3h", "4d", "2mo", "1y": how long from `from` until `to`. */
export function formatInterval(from: Date, to: Date): string {
  const ms = to.getTime() - from.getTime();
  if (ms <= 0) return 'now';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return '<1m';
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours}h`;
  const days = Math.round(minutes / 1440);
  if (days < 30) return `${days}d`;
  if (days < 365) return `${Math.round(days / 30)}mo`;
  return `${(days / 365).toFixed(days < 3650 ? 1 : 0).replace(/\.0$/, '')}y`;
}
