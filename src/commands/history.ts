// coach history: the mocks sat so far (date, scenario, score), numbered oldest first
// so a number keeps pointing at the same mock; `coach history show N` prints one
// transcript.
import { readFile, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import type { Io } from '../io.js';
import { FailureError, NotFoundError, UsageError } from '../errors.js';
import { inside } from '../guides/walk.js';
import { readHistory, type HistoryEntry } from '../store/history.js';
import { renderTable } from '../render/table.js';
import { style } from '../render/style.js';

export interface HistoryOptions {
  /** `show`, or nothing for the list. */
  action?: string;
  /** The number `coach history` printed. */
  n?: string;
}

type MockEntry = Extract<HistoryEntry, { kind: 'mock' }>;

export interface MockRow {
  n: number;
  at: string;
  scenario: string;
  guide: string;
  score: number;
  partial: boolean;
  transcript: string;
}

export type HistoryResult = { kind: 'list'; mocks: MockRow[] } | { kind: 'show'; mock: MockRow; markdown: string };

function row(e: MockEntry, i: number): MockRow {
  return { n: i + 1, at: e.at, scenario: e.scenario, guide: e.guide, score: e.score, partial: e.partial, transcript: e.transcript };
}

export async function history(options: HistoryOptions, io: Io): Promise<HistoryResult> {
  const mocks = (await readHistory(io))
    .filter((e): e is MockEntry => e.kind === 'mock')
    .sort((a, b) => a.at.localeCompare(b.at))
    .map(row);
  if (options.action === undefined) return { kind: 'list', mocks };
  if (options.action !== 'show') throw new UsageError(`unknown history action '${options.action}'`, 'use `coach history` or `coach history show N`');
  if (mocks.length === 0) throw new NotFoundError('no mocks yet', 'sit one with `coach mock`');
  const raw = options.n ?? String(mocks.length);
  const n = raw === 'last' ? mocks.length : Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`expected a mock number, got '${raw}'`, `numbers run from 1 to ${mocks.length}; see \`coach history\``);
  const mock = mocks[n - 1];
  if (!mock) throw new NotFoundError(`no mock #${n}`, `numbers run from 1 to ${mocks.length}; see \`coach history\``);
  let markdown: string;
  try {
    // The history is a file like any other: its transcript path is followed only into
    // coach's own mocks folder, links resolved.
    const [folder, file] = await Promise.all([realpath(join(io.dataDir, 'mocks')), realpath(mock.transcript)]);
    if (!inside(folder, file)) {
      throw new FailureError(`the transcript of mock #${n} is not in coach's mocks folder (${mock.transcript}); not read`, `transcripts are kept in ${join(io.dataDir, 'mocks')}`);
    }
    markdown = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFoundError(`the transcript of mock #${n} is gone: ${mock.transcript}`);
    if ((e as NodeJS.ErrnoException).code === 'EISDIR') throw new FailureError(`the transcript of mock #${n} is a folder: ${mock.transcript}`);
    throw e;
  }
  return { kind: 'show', mock, markdown };
}

function when(iso: string): string {
  return iso.replace('T', ' ').slice(0, 16);
}

export function renderHistory(result: HistoryResult, io: Pick<Io, 'columns' | 'color'>): string {
  if (result.kind === 'show') return result.markdown.trimEnd();
  const s = style(io.color);
  if (result.mocks.length === 0) return 'No mocks yet. Sit one with `coach mock --scenario fintech`.';
  const table = renderTable(
    {
      head: ['#', 'date (UTC)', 'scenario', 'score'],
      rows: result.mocks.map((m) => [String(m.n), when(m.at), m.scenario || `guide ${m.guide}`, `${m.score}${m.partial ? ' (partial)' : ''}`]),
      columns: Math.min(io.columns, 80),
    },
    s,
  );
  const n = result.mocks.length;
  return `${table}\n${n} mock${n === 1 ? '' : 's'} · \`coach history show N\` prints one`;
}
