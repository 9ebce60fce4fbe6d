// coach card <query>: the best-matching quick-reference card, drawn as a box.
import type { Io } from '../io.js';
import type { Card } from '../guides/model.js';
import { openSummaries, type LibraryOptions } from './open.js';
import { directMatch } from '../guides/match.js';
import { cardOf } from '../guides/library.js';
import { renderBox } from '../render/box.js';
import { maxOf } from '../render/layout.js';
import { style } from '../render/style.js';

export interface CardOptions extends LibraryOptions {
  query?: string;
}

export type CardResult =
  | { kind: 'card'; guide: string; card: Card }
  | { kind: 'list'; cards: { id: string; title: string; guide: string }[] };

export async function card(options: CardOptions, io: Io): Promise<CardResult> {
  const lib = await openSummaries(options, io);
  // Names only: a card's rows are read from the index for the one card drawn (a
  // spread of the summary card would read them all).
  const all = lib.guides.flatMap((g) => g.cards.map((c) => ({ id: c.id, title: c.title, tags: c.tags, guide: g.id, extra: `${c.subtitle ?? ''} ${g.title}`, summary: c })));
  const query = options.query?.trim();
  if (!query) return { kind: 'list', cards: all.map((c) => ({ id: c.id, title: c.title, guide: c.guide })) };
  // Most queries name a card directly; the fuzzy matcher loads only for the rest.
  const found = directMatch(all, query) ?? (await import('./shared.js')).findOne(all, query, 'card', 'coach card');
  return { kind: 'card', guide: found.guide, card: cardOf(found.summary) };
}

export function renderCard(result: CardResult, io: Pick<Io, 'columns' | 'color'>): string {
  const s = style(io.color);
  if (result.kind === 'card') return renderBox(result.card, io.columns, s);
  if (result.cards.length === 0) return 'No quick-reference cards found.';
  const width = maxOf(result.cards, (c) => c.id.length, 0);
  const lines = result.cards.map((c) => `  ${s.bold(c.id.padEnd(width))}  ${c.title} ${s.dim(`(${c.guide})`)}`);
  return `Quick-reference cards:\n${lines.join('\n')}\n\n${s.dim('Open one with: coach card <name>')}`;
}
