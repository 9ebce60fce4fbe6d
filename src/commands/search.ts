// coach search <words>: ranked hits across every part of every guide, each with the
// command that opens it.
import type { Io } from '../io.js';
import { UsageError } from '../errors.js';
import { coachCommand, openSearch, type LibraryOptions } from './open.js';
import { style } from '../render/style.js';
import { commandLines, width, wrap } from '../render/layout.js';
import { piped, renderRecords, type View } from '../render/records.js';

export interface SearchOptions extends LibraryOptions {
  words: string[];
  limit?: number;
  kind?: string;
}

export interface SearchHit {
  kind: string;
  title: string;
  guide: string;
  /** The command that opens it. */
  open: string;
  /** 1 for the best hit, less for the others. */
  score: number;
}

export interface SearchResult {
  query: string;
  /** False when no hit has every word of the query: the hits have some of them. */
  every: boolean;
  hits: SearchHit[];
}

export async function search(options: SearchOptions, io: Io): Promise<SearchResult> {
  const query = options.words.join(' ').trim();
  if (!query) throw new UsageError('search needs some words', 'example: coach search feature store');
  // The index is built once and stored; a search reads it and scores the words asked for (issue 14).
  const index = await openSearch(options, io);
  const coach = coachCommand(options);
  const found = index.search(query, { limit: options.limit ?? 15, ...(options.kind ? { kind: options.kind } : {}) });
  return {
    query,
    every: found.every,
    hits: found.hits.map((h) => ({ kind: h.doc.kind, title: h.doc.title, guide: h.doc.guide, open: h.doc.open.replace(/^coach(?= )/, coach), score: Math.round(h.score * 100) / 100 })),
  };
}

export function renderSearch(result: SearchResult, io: View): string {
  if (piped(io)) return renderRecords(result.hits.map((h) => [h.kind, h.title, h.guide, h.open]));
  const s = style(io.color);
  if (result.hits.length === 0) return `Nothing matches '${result.query}'.`;
  const words = result.query.split(/\s+/).length;
  const out: string[] = [];
  if (!result.every) out.push(...wrap(`No hit has every word of '${result.query}'; these have ${words === 2 ? 'one' : 'some'} of them:`, io.columns).map((l) => s.yellow(l)), '');
  // Narrow terminals: the kind above the title rather than beside it.
  const lead = io.columns >= 60 ? 12 : 2;
  for (const h of result.hits) {
    const kind = `[${h.kind}]`;
    const title = wrap(h.title, io.columns - lead);
    if (lead === 12) out.push(`${s.cyan(kind.padEnd(12))}${s.bold(title[0] ?? '')}`);
    else out.push(s.cyan(kind), `  ${s.bold(title[0] ?? '')}`);
    out.push(...title.slice(1).map((l) => ' '.repeat(lead) + s.bold(l)));
    // The command on a line of its own when it does not fit beside the guide, continued
    // with a backslash if it must be, so that it can be copied whole.
    const room = io.columns - lead;
    const where = `${h.guide} · ${h.open}`;
    const command = commandLines(h.open, room);
    const lines = width(where) <= room ? [where] : command.every((l) => width(l) <= room) ? [h.guide, ...command] : wrap(where, room);
    out.push(...lines.map((l) => ' '.repeat(lead) + s.dim(l)));
  }
  return out.join('\n');
}
