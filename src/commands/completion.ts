// coach completion bash|zsh|fish: prints the shell's completion script. The hidden
// `coach __complete <shell> -- <words...>` is what the scripts call on each Tab:
// it looks ids up in the bundled summaries (dist/summaries.json) and the user-guide
// cache's summary index, and never reads a guide.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Io } from '../io.js';
import { UsageError } from '../errors.js';
import { complete, type Candidate, type Completion, type IdSource, type Lookup, type Tree } from '../completion/complete.js';
import { SCRIPTS, type Shell } from '../completion/scripts.js';
import { cachedSummaries, type GuideSummary } from '../guides/library.js';
import { DamagedIndex } from '../guides/summary-index.js';
import * as shape from '../guides/shape.js';
import type { BundledSummaries } from '../guides/build-index.js';
import type { Scenario } from '../guides/model.js';
import { SETTING_KEYS } from '../config/keys.js';

export interface CompletionOptions {
  shell?: string;
}

export interface CompletionResult {
  shell: Shell;
  script: string;
}

function shellOf(name: string | undefined): Shell {
  const shell = (name ?? '').toLowerCase();
  if (Object.hasOwn(SCRIPTS, shell)) return shell as Shell;
  throw new UsageError(name ? `no completion for '${name}'` : 'say which shell', 'coach completion bash, coach completion zsh or coach completion fish');
}

export async function completion(options: CompletionOptions, _io: Io): Promise<CompletionResult> {
  const shell = shellOf(options.shell);
  return { shell, script: SCRIPTS[shell] };
}

export function renderCompletion(result: CompletionResult): string {
  return result.script.trimEnd();
}

export interface CompleteOptions {
  /** The words after `coach`, the last one under the cursor. */
  words: string[];
  tree: Tree;
}

/** The ids of the library as the indexes hold them: bundled first, then the user's. */
function library(io: Pick<Io, 'bundledIndex' | 'cacheDir'>): { guides: GuideSummary[]; scenarios: Scenario[] } {
  let bundled: BundledSummaries = { version: 1, guides: [], scenarios: [] };
  if (io.bundledIndex) {
    try {
      bundled = JSON.parse(readFileSync(join(dirname(io.bundledIndex), 'summaries.json'), 'utf8')) as BundledSummaries;
    } catch {
      /* no index: bundled ids are not offered */
    }
  }
  const user = cachedSummaries(io.cacheDir, shape);
  return { guides: [...bundled.guides, ...user.guides], scenarios: [...bundled.scenarios, ...user.scenarios] };
}

/** The candidates for the word under the cursor. */
export async function completeWords(options: CompleteOptions, io: Io): Promise<Completion> {
  let lib: ReturnType<typeof library> | undefined;
  // A damaged cache offers nothing (it is removed, and rebuilt by the next command): Tab never prints an error.
  const lookup: Lookup = (source, context) => {
    try {
      return candidates(source, context);
    } catch (e) {
      if (e instanceof DamagedIndex) return [];
      throw e;
    }
  };
  const candidates: Lookup = (source: IdSource, context) => {
    lib ??= library(io);
    const guides = context.guide && source !== 'guides' ? lib.guides.filter((g) => g.id === context.guide) : lib.guides;
    const unique = (list: Candidate[]): Candidate[] => [...new Map(list.map((c) => [c.value, c])).values()];
    switch (source) {
      case 'guides':
        return unique(guides.map((g) => ({ value: g.id, description: g.title })));
      case 'cards':
        return unique(guides.flatMap((g) => g.cards.map((c) => ({ value: c.id, description: c.title }))));
      case 'traps':
        return unique(guides.flatMap((g) => (g.names?.traps ?? []).map((id) => ({ value: `${g.id}/${id}` }))));
      case 'tradeoffs':
        return unique(guides.flatMap((g) => (g.names?.tradeoffs ?? []).map((id) => ({ value: id, description: g.id }))));
      case 'scenarios':
        return unique(lib.scenarios.map((s) => ({ value: s.id, description: s.prompt })));
      case 'sections':
        return context.guide ? unique(guides.flatMap((g) => (g.names?.sections ?? []).map((h) => ({ value: h })))) : [];
    }
  };
  return complete(options.tree, options.words, lookup, SETTING_KEYS);
}

/** One candidate a line, `value<TAB>description` (bash drops the description), or a directive. */
export function renderComplete(result: Completion): string {
  if (result.kind !== 'values') return `:${result.kind}`;
  return result.values.map((v) => (v.description ? `${v.value}\t${oneLine(v.description)}` : v.value)).join('\n');
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 70 ? `${line.slice(0, 69)}…` : line;
}
