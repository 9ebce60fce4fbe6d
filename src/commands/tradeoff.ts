// coach tradeoff <query>: one trade-off as a table (options as columns, aspects as
// rows), with the recommendation and what to say in the interview.
import type { Io } from '../io.js';
import type { Tradeoff } from '../guides/model.js';
import { findOne, openLibrary, type LibraryOptions } from './shared.js';
import { renderTable } from '../render/table.js';
import { piped, renderRecords, type View } from '../render/records.js';
import { style } from '../render/style.js';
import { width, wrap } from '../render/layout.js';

export interface TradeoffOptions extends LibraryOptions {
  query?: string;
}

export type TradeoffResult = { kind: 'tradeoff'; guide: string; tradeoff: Tradeoff } | { kind: 'list'; tradeoffs: { id: string; title: string; options: string[]; guide: string }[] };

export async function tradeoff(options: TradeoffOptions, io: Io): Promise<TradeoffResult> {
  const lib = await openLibrary(options, io);
  const all = lib.guides.flatMap((g) => g.tradeoffs.map((t) => ({ ...t, guide: g.id, tags: t.options, extra: g.title })));
  const query = options.query?.trim();
  if (!query) return { kind: 'list', tradeoffs: all.map((t) => ({ id: t.id, title: t.title, options: t.options, guide: t.guide })) };
  const { guide, tags: _tags, extra: _extra, ...t } = await findOne(all, query, 'trade-off', 'coach tradeoff', io);
  return { kind: 'tradeoff', guide, tradeoff: t };
}

export function renderTradeoff(result: TradeoffResult, io: View): string {
  const s = style(io.color);
  if (result.kind === 'list') {
    if (piped(io)) return renderRecords(result.tradeoffs.map((t) => [t.id, t.options.join(' vs '), t.guide]));
    if (result.tradeoffs.length === 0) return 'No trade-offs found.';
    return renderTable({ head: ['trade-off', 'options', 'guide'], rows: result.tradeoffs.map((t) => [t.id, t.options.join(' vs '), t.guide]), columns: io.columns }, s);
  }
  const t = result.tradeoff;
  // The title wrapped to the width, its guide after it where there is room.
  const title = wrap(t.title, io.columns);
  const last = title.length - 1;
  const guide = `  (${result.guide})`;
  const out: string[] = [
    title.map((l, i) => s.bold(l) + (i === last && width(l) + guide.length <= io.columns ? s.dim(guide) : '')).join('\n') +
      (width(title[last] ?? '') + guide.length > io.columns ? `\n${s.dim(result.guide)}` : ''),
  ];
  if (t.aspects.length > 0) {
    out.push(renderTable({ head: ['', ...t.options], rows: t.aspects.map((a) => [a.aspect, ...t.options.map((_, i) => a.values[i] ?? '')]), columns: io.columns }, s));
  } else if (t.options.length > 0) {
    out.push(renderTable({ head: t.options.map((_, i) => `Option ${String.fromCharCode(65 + i)}`), rows: [t.options], columns: io.columns }, s));
  }
  const para = (label: string, text: string | undefined): void => {
    if (!text) return;
    out.push(
      `${s.bold.green(label)}\n${wrap(text, io.columns - 2)
        .map((l) => `  ${l}`)
        .join('\n')}`,
    );
  };
  para('Recommendation', t.recommendation);
  para('In the interview', t.response);
  for (const n of t.notes) para('Notes', n);
  return out.join('\n\n');
}
