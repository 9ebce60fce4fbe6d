// coach card <query>: the best-matching quick-reference card, drawn as a box; with
// several names that each name a card (`coach card latency slo`), each of them.
import type { Io } from '../io.js';
import type { Card } from '../guides/model.js';
import { noteMatch, openSummaries, type LibraryOptions } from './open.js';
import { byGuideAndId, matchName, sameIdElsewhere, type NameMatch } from '../guides/match.js';
import { cardOf, type CardSummary, type GuideSummary } from '../guides/library.js';
import { cardNames } from '../guides/summary-index.js';
import { renderBox } from '../render/box.js';
import { maxOf } from '../render/layout.js';
import { piped, renderRecords, type View } from '../render/records.js';
import { style } from '../render/style.js';

export interface CardOptions extends LibraryOptions {
  /** The words typed, as one name. */
  query?: string;
  /** The arguments as typed: several may each name a card. */
  names?: string[];
}

export type CardResult =
  | { kind: 'card'; guide: string; card: Card }
  | { kind: 'cards'; cards: { guide: string; card: Card }[] }
  | { kind: 'list'; cards: { id: string; title: string; guide: string }[] };

/**
 * A card as a name to match. Its id and title come from the index's line of names; its
 * tags, subtitle and rows are read only when asked for (issue 14). The getters are the
 * class's, not each card's: a large library has thousands of cards.
 */
class Candidate {
  constructor(
    readonly id: string,
    readonly title: string,
    readonly guide: string,
    private readonly of: GuideSummary,
    private readonly k: number,
  ) {}
  get tags(): string[] {
    return this.summary.tags;
  }
  get extra(): string {
    return `${this.summary.subtitle ?? ''} ${this.of.title}`;
  }
  get summary(): CardSummary {
    return this.of.cards[this.k]!;
  }
}

export async function card(options: CardOptions, io: Io): Promise<CardResult> {
  const lib = await openSummaries(options, io);
  // Ids and titles first: most queries are a card's name or the start of one, and
  // with a large library the rest of every card is read only for the others (issue
  // 14). A card's rows are read from the index only for the cards drawn.
  const all: Candidate[] = lib.guides.flatMap((g) => cardNames(g).map(([id, title], k) => new Candidate(id, title, g.id, g, k)));
  const query = (options.query ?? options.names?.join(' ') ?? '').trim();
  if (!query) return { kind: 'list', cards: all.map((c) => ({ id: c.id, title: c.title, guide: c.guide })) };
  let found: { name: string; match: NameMatch<Candidate> }[] | undefined;
  // "guide/id": that guide's card, though another guide has a card of that id.
  const own = byGuideAndId(all, query);
  if (own) found = [{ name: query, match: { item: own, typo: false, exact: true } }];
  // Several names that each name a card: all of them (`coach card latency slo`).
  const names = (options.names ?? []).map((n) => n.trim()).filter(Boolean);
  // The words together as a card's id or title, or the start of one (`coach card gpu
  // cheat sheet`): that card, though each word alone may name another.
  const named = names.length > 1 ? matchName(all, query, 'direct') : undefined;
  if (named) found = [{ name: query, match: named }];
  else if (names.length > 1) {
    // Each word a card's id or title, or the start of one; otherwise the words are one name.
    const each = names.map((name) => ({ name, match: matchName(all, name, 'direct') }));
    if (each.every((e) => e.match)) found = each.filter((e, i) => each.findIndex((x) => x.match!.item === e.match!.item) === i) as typeof found;
  }
  if (!own && (!found || found.length === 1)) {
    const whole = matchName(all, query);
    if (whole) found = [{ name: query, match: whole }];
  }
  // Most queries name a card; the fuzzy matcher behind the suggestions loads only for the rest.
  if (!found) await (await import('./shared.js')).findOne(all, query, 'card', 'coach card', io);
  // A card's id that another guide's card has too names neither.
  const twice = own ? undefined : found!.find(({ match }) => sameIdElsewhere(all, match.item).length > 0);
  if (twice) {
    const shared = await import('./shared.js');
    if (twice.match.exact) shared.notAmbiguous(all, twice.match.item, twice.name, 'card', 'coach card');
    else shared.alsoElsewhere(io, all, twice.match.item, twice.name, 'coach card');
  }
  const cards = found!.map(({ name, match }) => {
    if (match.typo) noteMatch(io, name, match.item.title);
    return { guide: match.item.guide, card: cardOf(match.item.summary) };
  });
  return cards.length === 1 ? { kind: 'card', ...cards[0]! } : { kind: 'cards', cards };
}

export function renderCard(result: CardResult, io: View): string {
  const s = style(io.color);
  if (result.kind === 'card') return renderBox(result.card, io.columns, s);
  if (result.kind === 'cards') return result.cards.map((c) => renderBox(c.card, io.columns, s)).join('\n\n');
  if (piped(io)) return renderRecords(result.cards.map((c) => [c.id, c.title, c.guide]));
  if (result.cards.length === 0) return 'No quick-reference cards found.';
  const width = maxOf(result.cards, (c) => c.id.length, 0);
  const lines = result.cards.map((c) => `  ${s.bold(c.id.padEnd(width))}  ${c.title} ${s.dim(`(${c.guide})`)}`);
  return `Quick-reference cards:\n${lines.join('\n')}\n\n${s.dim('Open one with: coach card <name>')}`;
}
