// coach search <words>: ranked hits across every part of every guide.
import type { Io } from '../io.js';
import { UsageError } from '../errors.js';
import { openLibrary, type LibraryOptions } from './shared.js';
import { searchItems, type SearchItem } from '../guides/search-index.js';
import { searchText } from '../guides/fulltext.js';
import { style } from '../render/style.js';
import { width } from '../render/layout.js';

export interface SearchOptions extends LibraryOptions {
  words: string[];
  limit?: number;
  kind?: string;
}

export interface SearchResult {
  query: string;
  hits: (SearchItem & { score: number })[];
}

export async function search(options: SearchOptions, io: Io): Promise<SearchResult> {
  const query = options.words.join(' ').trim();
  if (!query) throw new UsageError('search needs some words', 'example: coach search feature store');
  const lib = await openLibrary(options, io);
  let items = searchItems(lib.guides, lib.scenarios);
  if (options.kind) items = items.filter((i) => i.kind === options.kind);
  const hits = searchText(items, query, options.limit ?? 15);
  return { query, hits: hits.map((h) => ({ ...h.item, score: Math.round(h.score * 100) / 100 })) };
}

export function renderSearch(result: SearchResult, io: Pick<Io, 'columns' | 'color'>): string {
  const s = style(io.color);
  if (result.hits.length === 0) return `Nothing matches '${result.query}'.`;
  return result.hits
    .map((h) => {
      const kind = s.cyan(`[${h.kind}]`.padEnd(12));
      const room = Math.max(20, io.columns - 14);
      const title = width(h.title) > room ? `${h.title.slice(0, room - 1)}…` : h.title;
      return `${kind}${s.bold(title)}\n${' '.repeat(12)}${s.dim(`${h.guide} · ${h.open}`)}`;
    })
    .join('\n');
}
