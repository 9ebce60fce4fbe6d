// What the reading commands share: the library (open.ts) and finding one item by
// a fuzzy name.
import { NotFoundError } from '../errors.js';
import { lookup, type Named } from '../guides/lookup.js';

export { guideDirs, openLibrary, openSummaries, reportProblems, type LibraryOptions } from './open.js';

/** Finds one item by fuzzy name or throws a not-found error naming the closest ones. */
export function findOne<T extends Named>(items: T[], query: string, kind: string, listCommand: string): T {
  const { best, closest } = lookup(items, query);
  if (best) return best;
  const hint = closest.length > 0 ? `closest: ${closest.map((c) => c.id).join(', ')}` : `see \`${listCommand}\``;
  throw new NotFoundError(`no ${kind} matches '${query}'`, hint);
}
