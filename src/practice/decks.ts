// The four practice decks, built from the guides: traps, key numbers, the question
// bank and trade-offs. Every item is named `<guide id>/<id in the guide>`, the name the
// history records and `coach trap` accepts. Pure.
import type { BankQuestion, Guide, KeyNumber, Trap, Tradeoff } from '../guides/model.js';
import { hasQuantities } from './numbers.js';
import { tradeoffQuestion } from './tradeoff-quiz.js';

export const DECK_NAMES = ['traps', 'numbers', 'questions', 'tradeoffs'] as const;
export type DeckName = (typeof DECK_NAMES)[number];

interface Base {
  /** `<guide id>/<id in the guide>` */
  id: string;
  guide: string;
  guideTitle: string;
  /** The question side, one line. */
  front: string;
}

export type DeckItem =
  | (Base & { deck: 'traps'; trap: Trap })
  | (Base & { deck: 'numbers'; number: KeyNumber })
  | (Base & { deck: 'questions'; question: BankQuestion })
  | (Base & { deck: 'tradeoffs'; tradeoff: Tradeoff });

const ALIASES: Record<string, DeckName | 'all'> = {
  trap: 'traps',
  number: 'numbers',
  'key-numbers': 'numbers',
  question: 'questions',
  bank: 'questions',
  tradeoff: 'tradeoffs',
  'trade-off': 'tradeoffs',
  'trade-offs': 'tradeoffs',
  all: 'all',
};

/** Reads a --deck value; undefined when it names no deck. */
export function deckName(value: string): DeckName | 'all' | undefined {
  const v = value.trim().toLowerCase();
  if ((DECK_NAMES as readonly string[]).includes(v)) return v as DeckName;
  return ALIASES[v];
}

export function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** Ids for key numbers, which have none in the guide: the metric as a slug, numbered when it repeats. */
function numberIds(numbers: KeyNumber[]): string[] {
  const seen = new Map<string, number>();
  return numbers.map((n) => {
    const base = slug(n.metric) || 'number';
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  });
}

export function guideDeck(guide: Guide, deck: DeckName): DeckItem[] {
  const base = (local: string, front: string): Base => ({ id: `${guide.id}/${local}`, guide: guide.id, guideTitle: guide.title, front });
  switch (deck) {
    case 'traps':
      return guide.traps.map((trap) => ({ ...base(trap.id, trap.question), deck, trap }));
    case 'numbers': {
      const ids = numberIds(guide.numbers);
      return guide.numbers.map((number, i) => ({ ...base(ids[i]!, `${number.metric}?`), deck, number })).filter((item) => hasQuantities(item.number.value));
    }
    case 'questions':
      return guide.questions.map((question) => ({ ...base(question.id, question.text), deck, question }));
    case 'tradeoffs':
      return guide.tradeoffs.filter((t) => tradeoffQuestion(t, 0) !== undefined).map((tradeoff) => ({ ...base(tradeoff.id, `${tradeoff.title}: which fits?`), deck, tradeoff }));
  }
}

/**
 * The ids in the guide of its items in each deck (without the guide id, which may
 * still change when two guides share one): kept in the summary index, so that
 * `coach today` counts the decks without building them.
 */
export function deckIds(guide: Guide): Record<DeckName, string[]> {
  const local = (item: DeckItem): string => item.id.slice(guide.id.length + 1);
  return Object.fromEntries(DECK_NAMES.map((deck) => [deck, guideDeck(guide, deck).map(local)])) as Record<DeckName, string[]>;
}

/** Every item of the given decks, guide by guide, in the guides' order. */
export function buildDecks(guides: Guide[], decks: readonly DeckName[] = DECK_NAMES): DeckItem[] {
  return decks.flatMap((deck) => guides.flatMap((g) => guideDeck(g, deck)));
}

/** The key an item's schedule is stored under: the same id can be in two decks. */
export function itemKey(item: { deck: string; id: string }): string {
  return `${item.deck}:${item.id}`;
}
