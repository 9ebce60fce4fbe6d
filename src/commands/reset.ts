// coach reset: deletes practice history (reviews, schedules, mock scores), all of it or
// one deck's reviews. Always asks first; without a terminal to ask on, needs --yes.
// Mock transcripts are files of their own and are kept.
import type { Io } from '../io.js';
import { UsageError } from '../errors.js';
import { deckName, DECK_NAMES, type DeckName } from '../practice/decks.js';
import { deleteHistory, historyPath, readHistory, rewriteHistory } from '../store/history.js';
import { style } from '../render/style.js';

export interface ResetOptions {
  deck?: string;
  yes?: boolean;
}

export interface ResetResult {
  deck: DeckName | 'all';
  path: string;
  /** What the history held that this reset covers. */
  reviews: number;
  mocks: number;
  deleted: boolean;
}

export async function reset(options: ResetOptions, io: Io): Promise<ResetResult> {
  const name = deckName(options.deck ?? 'all');
  if (!name) throw new UsageError(`no deck '${options.deck}'`, `choose one of: ${DECK_NAMES.join(', ')}, all`);
  const path = historyPath(io);
  const history = await readHistory(io);
  const reviews = history.filter((e) => e.kind === 'review' && (name === 'all' || e.deck === name)).length;
  const mocks = name === 'all' ? history.filter((e) => e.kind === 'mock').length : 0;
  const result: ResetResult = { deck: name, path, reviews, mocks, deleted: false };
  if (reviews === 0 && mocks === 0) return result;
  const what = [reviews > 0 ? `${reviews} review${reviews === 1 ? '' : 's'}${name === 'all' ? '' : ` in the ${name} deck`}` : '', mocks > 0 ? `${mocks} mock result${mocks === 1 ? '' : 's'}` : '']
    .filter(Boolean)
    .join(' and ');
  if (!options.yes) {
    if (!io.interactive) throw new UsageError(`reset would delete ${what}, and there is no terminal to ask`, 'add --yes to delete without asking');
    // The details go above the question, so the question's own line stays short.
    io.stdout.write(`This deletes ${what} from ${path}.\nSchedules start over${name === 'all' ? '; mock transcripts are kept' : ''}.\n`);
    const sure = await io.prompt.confirm('Delete them?', false);
    if (!sure) return result;
  }
  if (name === 'all') await deleteHistory(io);
  else await rewriteHistory(io, (e) => !(e.kind === 'review' && e.deck === name));
  return { ...result, deleted: true };
}

export function renderReset(result: ResetResult, io: Pick<Io, 'color'>): string {
  const s = style(io.color);
  if (result.reviews === 0 && result.mocks === 0) return `Nothing to reset${result.deck === 'all' ? '' : ` in the ${result.deck} deck`}: no history in ${result.path}`;
  if (!result.deleted) return 'Nothing deleted.';
  const parts = [result.reviews > 0 ? `${result.reviews} review${result.reviews === 1 ? '' : 's'}` : '', result.mocks > 0 ? `${result.mocks} mock result${result.mocks === 1 ? '' : 's'}` : ''].filter(
    Boolean,
  );
  return `Deleted ${parts.join(' and ')}${result.deck === 'all' ? '' : ` from the ${result.deck} deck`}. ${s.dim('Every item is new again.')}`;
}
