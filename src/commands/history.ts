// coach history: the mocks sat so far (date, name, kind, score), numbered oldest
// first so a number keeps pointing at the same mock; `coach history show N` prints
// one transcript; `coach history rm N` removes one (asking first on a terminal).
import { readFile, realpath, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Io } from '../io.js';
import { FailureError, NotFoundError, UsageError } from '../errors.js';
import { inside } from '../guides/walk.js';
import { readHistory, rewriteHistory, type HistoryEntry } from '../store/history.js';
import { describeMock, mockMode, type MockMode } from '../practice/stats.js';
import { renderTable } from '../render/table.js';
import { piped, renderRecords, type View } from '../render/records.js';
import { style } from '../render/style.js';
import { dateTime } from '../render/dates.js';
import { fitLines } from '../render/layout.js';

export interface HistoryOptions {
  /** `show` or `rm`, or nothing for the list. */
  action?: string;
  /** The number `coach history` printed. */
  n?: string;
  /** `rm` without asking (needed without a terminal). */
  yes?: boolean;
}

type MockEntry = Extract<HistoryEntry, { kind: 'mock' }>;

export interface MockRow {
  n: number;
  id: string;
  /** ISO time. */
  at: string;
  scenario: string;
  guide: string;
  /** The scenario, or "guide ID" for a mock on a guide alone. */
  name: string;
  mode: MockMode;
  /** The phase of a one-phase mock, by name. */
  phase: string | null;
  score: number;
  /** Stopped before its end (Ctrl-C). */
  partial: boolean;
  transcript: string;
}

export type HistoryResult =
  | { kind: 'list'; mocks: MockRow[] }
  | { kind: 'show'; mock: MockRow; markdown: string }
  | { kind: 'removed'; mock: MockRow; transcriptDeleted: boolean }
  | { kind: 'kept'; mock: MockRow };

function row(e: MockEntry, i: number): MockRow {
  return { n: i + 1, id: e.id, at: e.at, scenario: e.scenario, guide: e.guide, name: e.scenario || `guide ${e.guide}`, ...mockMode(e), score: e.score, partial: e.partial, transcript: e.transcript };
}

export async function history(options: HistoryOptions, io: Io): Promise<HistoryResult> {
  const mocks = (await readHistory(io))
    .filter((e): e is MockEntry => e.kind === 'mock')
    .sort((a, b) => a.at.localeCompare(b.at))
    .map(row);
  if (options.action === undefined) return { kind: 'list', mocks };
  const action = options.action.toLowerCase();
  if (action !== 'show' && action !== 'rm') throw new UsageError(`unknown history action '${options.action}'`, 'use `coach history`, `coach history show N` or `coach history rm N`');
  if (mocks.length === 0) throw new NotFoundError('no mocks yet', 'sit one with `coach mock`');
  const raw = options.n ?? (action === 'show' ? String(mocks.length) : undefined);
  if (raw === undefined) throw new UsageError('which mock? give its number', `coach history rm N, N from 1 to ${mocks.length} (see \`coach history\`)`);
  const n = raw === 'last' ? mocks.length : Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`expected a mock number, got '${raw}'`, `numbers run from 1 to ${mocks.length}; see \`coach history\``);
  const mock = mocks[n - 1];
  if (!mock) throw new NotFoundError(`no mock #${n}`, `numbers run from 1 to ${mocks.length}; see \`coach history\``);
  if (action === 'rm') return remove(mock, options, io);
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

/** One line that names a mock: "#3 fintech, Nov 22, 2026, 09:05, full mock, 70". */
function named(m: MockRow): string {
  return `#${m.n} ${m.name}, ${dateTime(m.at)}, ${describeMock(m)}, ${m.score}/100`;
}

/** Removes a mock's record and its transcript; asks first on a terminal, needs --yes without one. */
async function remove(mock: MockRow, options: HistoryOptions, io: Io): Promise<HistoryResult> {
  if (!options.yes) {
    if (!io.interactive) throw new UsageError(`removing mock ${named(mock)} needs a yes, and there is no terminal to ask`, `add --yes: coach history rm ${mock.n} --yes`);
    io.stdout.write(`This removes mock ${named(mock)} from the history, and its transcript.\n`);
    if (!(await io.prompt.confirm('Remove it?', false))) return { kind: 'kept', mock };
  }
  await rewriteHistory(io, (e) => !(e.kind === 'mock' && e.id === mock.id && e.at === mock.at));
  let transcriptDeleted = false;
  try {
    // Only a transcript in coach's own mocks folder is deleted: the history is a file
    // like any other, and a path it names elsewhere is left alone.
    const folder = await realpath(join(io.dataDir, 'mocks'));
    if (inside(folder, await realpath(mock.transcript))) {
      await unlink(mock.transcript);
      transcriptDeleted = true;
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') io.stderr.write(`coach: warning: could not delete ${mock.transcript}: ${(e as Error).message}\n`);
  }
  return { kind: 'removed', mock, transcriptDeleted };
}

export function renderHistory(result: HistoryResult, io: View): string {
  if (result.kind === 'show') return result.markdown.trimEnd();
  const s = style(io.color);
  if (result.kind === 'kept') return 'Nothing removed.';
  if (result.kind === 'removed') {
    return fitLines(`Removed mock ${named(result.mock)}${result.transcriptDeleted ? ' and its transcript' : ''}. ${s.dim('The mocks after it move up one number.')}`, io.columns);
  }
  if (piped(io)) return renderRecords(result.mocks.map((m) => [m.n, dateTime(m.at), m.name, describeMock(m), m.score]));
  if (result.mocks.length === 0) return fitLines('No mocks yet. Sit one with `coach mock --scenario fintech`.', io.columns);
  const table = renderTable(
    {
      head: ['#', 'date', 'mock', 'kind', 'score'],
      rows: result.mocks.map((m) => [String(m.n), dateTime(m.at), m.name, describeMock(m), String(m.score)]),
      columns: Math.min(io.columns, 100),
    },
    s,
  );
  const n = result.mocks.length;
  return `${table}\n${fitLines(s.dim(`${n} mock${n === 1 ? '' : 's'} · coach history show N prints one · coach history rm N removes one`), io.columns)}`;
}
