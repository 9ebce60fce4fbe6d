// What the reading commands share: the library (open.ts) and finding one item by
// its name.
import type { Io } from '../io.js';
import { NotFoundError, UsageError } from '../errors.js';
import { byGuideAndId, matchName, sameIdElsewhere, type Named } from '../guides/match.js';
import { noteMatch } from './open.js';

export { coachCommand, guideDirs, noteMatch, openGuide, openLibrary, openSummaries, reportProblems, type LibraryOptions } from './open.js';

/**
 * Finds the item a name means, or throws a not-found error naming the closest ones.
 * A name matched only by forgiving a typo is said on stderr. The fuzzy search behind
 * the closest names (fuse.js, 4-7 ms to load) loads only when nothing matches.
 */
export async function findOne<T extends Named>(items: T[], query: string, kind: string, listCommand: string, io: Pick<Io, 'stderr'>, sayInexact = false): Promise<T> {
  const own = byGuideAndId(items, query);
  if (own) return own;
  const found = matchName(items, query);
  if (found) {
    if (found.exact) notAmbiguous(items, found.item, query, kind, listCommand);
    // The start of an id two guides share ("consistency" of consistency-model): the first,
    // said on stderr with how to open the others.
    else alsoElsewhere(io, items, found.item, query, listCommand);
    // A typo is always said; with `sayInexact`, so is anything but the name itself, where
    // a name is an id to type (`--scenario fintec` is fintech; `ecommerce` is e-commerce).
    if (found.typo || (sayInexact && !found.exact)) noteMatch(io, query, found.item.title);
    return found.item;
  }
  const { closest } = (await import('../guides/lookup.js')).lookup(items, query);
  const hint = closest.length > 0 ? `closest: ${closest.map((c) => c.id).join(', ')}` : `see \`${listCommand}\``;
  throw new NotFoundError(`no ${kind} matches '${query}'`, hint);
}

/**
 * An item's id that another guide's item has too names neither: the user says which
 * ("coach tradeoff crdt/consistency-model"), rather than get the first guide's.
 */
export function notAmbiguous<T>(items: T[], item: T, query: string, kind: string, command: string): void {
  const others = sameIdElsewhere(items, item);
  if (others.length === 0) return;
  const all = [item as T & { id: string; guide: string }, ...others];
  throw new UsageError(`'${query}' is the name of a ${kind} in ${all.length} guides`, `say which: ${named(all, command)}`);
}

/** A name matched by the start of an id other guides have too: which one opened, and how to open the rest. */
export function alsoElsewhere<T>(io: Pick<Io, 'stderr'>, items: T[], item: T, query: string, command: string): void {
  const others = sameIdElsewhere(items, item);
  if (others.length === 0) return;
  const it = item as T & { id: string; guide: string; title: string };
  io.stderr.write(`coach: matched '${query.trim()}' → ${it.title} (${it.guide}); also in ${others.length === 1 ? 'another guide' : `${others.length} other guides`}: ${named(others, command)}\n`);
}

/** Commands that open items as guide/id, the first few and how many more. */
function named(list: { id: string; guide: string }[], command: string): string {
  const shown = list.slice(0, 3).map((i) => `${command} ${i.guide}/${i.id}`);
  return list.length > 3 ? `${shown.join(', ')} and ${list.length - 3} more` : shown.join(', ');
}

/** Guides narrowed by --guide, which must name one (its id, or a name as `coach guide` takes it). */
export async function chooseGuides<G extends { id: string; title: string; system?: string }>(guides: G[], id: string | undefined, io: Pick<Io, 'stderr'>): Promise<G[]> {
  if (!id) return guides;
  const exact = guides.filter((g) => g.id === id);
  if (exact.length > 0) return exact;
  const found = await findOne(
    guides.map((g) => ({
      id: g.id,
      title: g.title,
      get extra() {
        return g.system ?? '';
      },
      guide: g,
    })),
    id,
    'guide',
    'coach list guides',
    io,
  );
  return [found.guide];
}
