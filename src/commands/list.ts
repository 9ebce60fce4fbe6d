// coach list [guides|cards|traps|tradeoffs|scenarios|questions]: what the library holds.
// A table on a terminal; piped, one record per line, tab-separated; --json, the
// records as objects.
import type { Io } from '../io.js';
import { UsageError } from '../errors.js';
import { chooseGuides, openLibrary, openSummaries, type LibraryOptions } from './shared.js';
import { renderTable } from '../render/table.js';
import { piped, renderRecords, type View } from '../render/records.js';
import { style } from '../render/style.js';
import { wrap } from '../render/layout.js';

export const LIST_KINDS = ['guides', 'cards', 'traps', 'tradeoffs', 'scenarios', 'questions'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

export interface ListOptions extends LibraryOptions {
  kind?: string;
  guide?: string;
}

export interface GuideRow {
  id: string;
  title: string;
  traps: number;
  tradeoffs: number;
  cards: number;
  questions: number;
  bundled: boolean;
  /** The file, for a guide of yours; "" for a bundled one. */
  path: string;
}

export type ListResult =
  | { kind: 'guides'; items: GuideRow[] }
  | { kind: 'cards'; items: { id: string; title: string; guide: string }[] }
  | { kind: 'traps'; items: { id: string; question: string; guide: string }[] }
  | { kind: 'tradeoffs'; items: { id: string; title: string; options: string[]; guide: string }[] }
  | { kind: 'scenarios'; items: { id: string; title: string; prompt: string; guide: string }[] }
  | { kind: 'questions'; items: { id: string; question: string; level: string | null; category: string | null; guide: string }[] };

const ALIASES: Record<string, ListKind> = {
  guide: 'guides',
  card: 'cards',
  trap: 'traps',
  tradeoff: 'tradeoffs',
  'trade-offs': 'tradeoffs',
  'trade-off': 'tradeoffs',
  scenario: 'scenarios',
  question: 'questions',
};

export function listKind(kind: string | undefined): ListKind {
  const k = (kind ?? 'guides').toLowerCase();
  const found = (LIST_KINDS as readonly string[]).includes(k) ? (k as ListKind) : ALIASES[k];
  if (!found) throw new UsageError(`cannot list '${kind}'`, `choose one of: ${LIST_KINDS.join(', ')}`);
  return found;
}

export async function list(options: ListOptions, io: Io): Promise<ListResult> {
  const kind = listKind(options.kind);
  // --guide names one guide, as everywhere: a name that is not one is not found (exit 3).
  const only = <T extends { id: string; title: string }>(guides: T[]): Promise<T[]> => chooseGuides(guides, options.guide, io);
  if (kind === 'guides' || kind === 'cards') {
    const guides = await only((await openSummaries(options, io)).guides);
    if (kind === 'cards') return { kind, items: guides.flatMap((g) => g.cards.map((c) => ({ id: c.id, title: c.title, guide: g.id }))) };
    return {
      kind,
      items: guides.map((g) => ({
        id: g.id,
        title: g.title,
        traps: g.counts.traps,
        tradeoffs: g.counts.tradeoffs,
        cards: g.counts.cards,
        questions: g.counts.questions,
        bundled: g.bundled,
        path: g.bundled ? '' : g.path,
      })),
    };
  }
  const lib = await openLibrary(options, io);
  const guides = await only(lib.guides);
  switch (kind) {
    case 'traps':
      // The id `coach trap` takes and `coach trap list` shows: guide/trap.
      return { kind, items: guides.flatMap((g) => g.traps.map((t) => ({ id: `${g.id}/${t.id}`, question: t.question, guide: g.id }))) };
    case 'tradeoffs':
      return { kind, items: guides.flatMap((g) => g.tradeoffs.map((t) => ({ id: t.id, title: t.title, options: t.options, guide: g.id }))) };
    case 'scenarios':
      return {
        kind,
        items: lib.scenarios.filter((s) => !options.guide || guides.some((g) => g.id === s.guide)).map((s) => ({ id: s.id, title: s.title, prompt: s.prompt, guide: s.guide })),
      };
    case 'questions':
      return { kind, items: guides.flatMap((g) => g.questions.map((q) => ({ id: q.id, question: q.text, level: q.level ?? null, category: q.category ?? null, guide: g.id }))) };
  }
}

/** The list as rows of text: a header, then one row per item. */
function rows(result: ListResult): { head: string[]; rows: string[][] } {
  switch (result.kind) {
    case 'guides':
      return {
        // The bank's questions too: a question bank has no traps or cards, and is not empty.
        head: ['id', 'title', 'traps', 'trade-offs', 'cards', 'questions', 'source'],
        rows: result.items.map((g) => [g.id, g.title, String(g.traps), String(g.tradeoffs), String(g.cards), String(g.questions), g.bundled ? 'bundled' : g.path]),
      };
    case 'cards':
      return { head: ['card', 'title', 'guide'], rows: result.items.map((c) => [c.id, c.title, c.guide]) };
    case 'traps':
      return { head: ['trap', 'question'], rows: result.items.map((t) => [t.id, t.question]) };
    case 'tradeoffs':
      return { head: ['trade-off', 'options', 'guide'], rows: result.items.map((t) => [t.id, t.options.join(' vs '), t.guide]) };
    case 'scenarios':
      return { head: ['scenario', 'prompt', 'guide'], rows: result.items.map((s) => [s.id, s.prompt, s.guide]) };
    case 'questions':
      return { head: ['id', 'question', 'level', 'category', 'guide'], rows: result.items.map((q) => [q.id, q.question, q.level ?? '', q.category ?? '', q.guide]) };
  }
}

export function renderList(result: ListResult, io: View): string {
  if (result.items.length === 0) return piped(io) ? '' : `No ${result.kind} found.`;
  const table = rows(result);
  if (piped(io)) return renderRecords(table.rows);
  const s = style(io.color);
  const n = result.items.length;
  const noun = n === 1 ? result.kind.replace(/s$/, '') : result.kind;
  // A trap's id is long and one word: each on its line, whole, with its question under it.
  const body =
    result.kind === 'traps'
      ? result.items.flatMap((t) => [...wrap(t.id, io.columns).map((l) => s.bold(l)), ...wrap(t.question, io.columns - 4).map((l) => `    ${l}`)]).join('\n')
      : renderTable({ head: table.head, rows: table.rows, columns: io.columns }, s);
  return `${body}\n${s.dim(`${n} ${noun}`)}`;
}
