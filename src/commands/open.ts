// Opening the library with its warnings on stderr. Kept apart from fuzzy lookup
// (shared.ts) so that `coach card` can answer an exact name without loading it.
import { delimiter, resolve } from 'node:path';
import { shellWord } from '../guides/search-index.js';
import type { Io } from '../io.js';
import { GuideGone, loadGuide, loadLibrary, loadSummaries, type GuideSummary, type Library, type LoadOptions, type LoadReport, type Summaries } from '../guides/library.js';
import type { Guide, Problem } from '../guides/model.js';
import type { StoredIndex } from '../guides/search-store.js';
import { style } from '../render/style.js';
import { FailureError } from '../errors.js';

export interface LibraryOptions {
  /** Folders from --guides, in order. */
  guides?: string[];
}

/** User guide folders: --guides first, then the COACH_GUIDES path list, then the config file's `guides`. */
export function guideDirs(options: LibraryOptions, io: Pick<Io, 'env' | 'config'>): string[] {
  const fromEnv = (io.env['COACH_GUIDES'] ?? '').split(delimiter).filter(Boolean);
  return [...(options.guides ?? []), ...fromEnv, ...(io.config.settings.guides ?? [])];
}

function loadOptions(options: LibraryOptions, io: Io): LoadOptions {
  return {
    ...(io.bundledIndex ? { bundledIndex: io.bundledIndex } : {}),
    dirs: guideDirs(options, io),
    cacheDir: io.cacheDir,
    ...(io.indexWorker ? { workerScript: io.indexWorker } : {}),
    onIndexing: async (count) => {
      // Only a first run over a large folder takes long enough to deserve a spinner; and
      // only on a terminal that says how wide it is (ora divides by the width: a
      // terminal of 0 columns, as `script` makes, made it clear lines forever).
      if (count < 25 || !io.colorErr || !io.stderrStream || !((io.stderrStream.columns ?? 0) > 0)) return undefined;
      const { default: ora } = await import('ora');
      const spinner = ora({ text: `indexing ${count} guide files`, stream: io.stderrStream }).start();
      return () => void spinner.succeed(`indexed ${count} guide files`);
    },
  };
}

/** Every guide in full: for commands that read traps, trade-offs, questions... */
export async function openLibrary(options: LibraryOptions, io: Io): Promise<Library> {
  const lib = await loadLibrary(loadOptions(options, io));
  reportLoad(lib, guideDirs(options, io), io);
  return lib;
}

/** Ids, titles, tags, cards and counts: all that `coach card` and `coach list guides` need. */
export async function openSummaries(options: LibraryOptions, io: Io): Promise<Summaries> {
  const lib = await loadSummaries(loadOptions(options, io));
  reportLoad(lib, guideDirs(options, io), io);
  return lib;
}

/**
 * `coach`, with the `--guides` folders of this run, absolute: the start of a printed
 * command that opens an item, so that pasted anywhere it finds the same guides.
 * Folders from COACH_GUIDES or the config file need nothing: they are still there.
 */
export function coachCommand(options: LibraryOptions): string {
  return ['coach', ...(options.guides ?? []).flatMap((d) => ['--guides', shellWord(resolve(d))])].join(' ');
}

/** One guide of the summaries, in full: read alone, not with every other guide. */
export async function openGuide(options: LibraryOptions, io: Io, lib: Summaries, summary: GuideSummary, statements = false): Promise<Guide> {
  try {
    return await loadGuide(loadOptions(options, io), lib, summary, statements);
  } catch (e) {
    if (e instanceof GuideGone) throw new FailureError(`${e.path} changed while coach read it: ${e.why}`, 'run the command again');
    throw e;
  }
}

/** The search index of the library (search-cache.ts), with the library's warnings said as for any command. */
export async function openSearch(options: LibraryOptions, io: Io): Promise<StoredIndex> {
  const lib = await openSummaries(options, io);
  const { searchIndex } = await import('../guides/search-cache.js');
  return searchIndex(loadOptions(options, io), lib);
}

/**
 * What loading found, said once: a folder that cannot be read every time (it is the
 * user's argument), and the files' problems as one line when they were indexed, with
 * the command that lists them. Warm runs of a library with known problems say nothing.
 */
export function reportLoad(report: LoadReport, dirs: string[], io: Pick<Io, 'stderr' | 'colorErr'>): void {
  reportProblems(report.problems.slice(0, report.walkProblems), io);
  if (report.indexed === 0) return;
  const files = report.problems.slice(report.walkProblems);
  // A file that did not load is named, with why; the rest is one line and a pointer.
  reportProblems(
    files.filter((p) => p.severity === 'error'),
    io,
  );
  const partial = new Set(files.filter((p) => p.severity === 'warning').map((p) => p.path)).size;
  if (partial === 0) return;
  const s = style(io.colorErr);
  const where = dirs.map((d) => (/[\s'"]/.test(d) ? `'${d.replace(/'/g, "'\\''")}'` : d)).join(' ');
  io.stderr.write(`${`coach: ${s.dim('warning')} ${partial} guide${partial === 1 ? ' has' : 's have'} parts coach could not read or had to clean: coach validate ${where}`.trimEnd()}\n`);
}

/** One line per problem on stderr: skipped files are errors, the rest warnings. */
export function reportProblems(problems: Problem[], io: Pick<Io, 'stderr' | 'colorErr'>): void {
  const s = style(io.colorErr);
  for (const p of problems) {
    const where = `${p.path}${p.line ? `:${p.line}` : ''}`;
    const what = p.severity === 'error' ? s.yellow('skipped') : s.dim('warning');
    io.stderr.write(`coach: ${what} ${where}: ${p.message}\n`);
  }
}

/** Says on stderr which item a mistyped name opened (`coach: matched 'latncy' → Latency Budget`). */
export function noteMatch(io: Pick<Io, 'stderr'>, query: string, title: string): void {
  io.stderr.write(`coach: matched '${query.trim()}' → ${title}\n`);
}
