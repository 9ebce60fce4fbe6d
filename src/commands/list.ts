// coach list [guides|cards|traps|tradeoffs|scenarios|questions]: what the library holds.
import type { Io } from '../io.js';
import { UsageError } from '../errors.js';
import { chooseGuides, openLibrary, openSummaries, type LibraryOptions } from './shared.js';
import { renderTable } from '../render/table.js';
import { style } from '../render/style.js';

export const LIST_KINDS = ['guides', 'cards', 'traps', 'tradeoffs', 'scenarios', 'questions'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

export interface ListOptions extends LibraryOptions {
  kind?: string;
  guide?: string;
}

export interface ListResult {
  kind: ListKind;
  head: string[];
  rows: string[][];
}

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
  const only = <T extends { id: string; title: string }>(guides: T[]): T[] => chooseGuides(guides, options.guide, io);
  if (kind === 'guides' || kind === 'cards') {
    const guides = only((await openSummaries(options, io)).guides);
    if (kind === 'cards') return { kind, head: ['card', 'title', 'guide'], rows: guides.flatMap((g) => g.cards.map((c) => [c.id, c.title, g.id])) };
    return {
      kind,
      head: ['id', 'title', 'traps', 'trade-offs', 'cards', 'source'],
      rows: guides.map((g) => [g.id, g.title, String(g.counts.traps), String(g.counts.tradeoffs), String(g.counts.cards), g.bundled ? 'bundled' : g.path]),
    };
  }
  const lib = await openLibrary(options, io);
  const guides = only(lib.guides);
  switch (kind) {
    case 'traps':
      return { kind, head: ['trap', 'question', 'guide'], rows: guides.flatMap((g) => g.traps.map((t) => [t.id, t.question, g.id])) };
    case 'tradeoffs':
      return {
        kind,
        head: ['trade-off', 'options', 'guide'],
        rows: guides.flatMap((g) => g.tradeoffs.map((t) => [t.id, t.options.join(' vs '), g.id])),
      };
    case 'scenarios':
      return {
        kind,
        head: ['scenario', 'prompt', 'guide'],
        rows: lib.scenarios.filter((s) => !options.guide || guides.some((g) => g.id === s.guide)).map((s) => [s.id, s.prompt, s.guide]),
      };
    case 'questions':
      return {
        kind,
        head: ['id', 'question', 'level', 'category', 'guide'],
        rows: guides.flatMap((g) => g.questions.map((q) => [q.id, q.text, q.level ?? '', q.category ?? '', g.id])),
      };
  }
}

export function renderList(result: ListResult, io: Pick<Io, 'columns' | 'color'>): string {
  if (result.rows.length === 0) return `No ${result.kind} found.`;
  const s = style(io.color);
  return `${renderTable({ head: result.head, rows: result.rows, columns: io.columns }, s)}\n${s.dim(`${result.rows.length} ${result.kind}`)}`;
}
