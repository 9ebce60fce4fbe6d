// Opening the library with its warnings on stderr. Kept apart from fuzzy lookup
// (shared.ts) so that `coach card` can answer an exact name without loading it.
import { delimiter } from 'node:path';
import type { Io } from '../io.js';
import { loadLibrary, loadSummaries, type Library, type LoadOptions, type Summaries } from '../guides/library.js';
import type { Problem } from '../guides/model.js';
import { style } from '../render/style.js';

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
      // Only a first run over a large folder takes long enough to deserve a spinner.
      if (count < 25 || !io.colorErr || !io.stderrStream) return undefined;
      const { default: ora } = await import('ora');
      const spinner = ora({ text: `indexing ${count} guide files`, stream: io.stderrStream }).start();
      return () => void spinner.succeed(`indexed ${count} guide files`);
    },
  };
}

/** Every guide in full: for commands that read traps, trade-offs, questions... */
export async function openLibrary(options: LibraryOptions, io: Io): Promise<Library> {
  const lib = await loadLibrary(loadOptions(options, io));
  reportProblems(lib.problems, io);
  return lib;
}

/** Ids, titles, tags, cards and counts: all that `coach card` and `coach list guides` need. */
export async function openSummaries(options: LibraryOptions, io: Io): Promise<Summaries> {
  const lib = await loadSummaries(loadOptions(options, io));
  reportProblems(lib.problems, io);
  return lib;
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

