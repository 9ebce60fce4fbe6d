// Shell completion: what can come next on a command line. Pure: the command tree
// (read off the one registry, src/cli.ts), the words typed so far and a lookup of
// ids come in; candidates come out, or "complete a file name" for the shell to do.
// The shell scripts (scripts.ts) call `coach __complete <shell> -- <words>`.
import { PHASE_KEYS } from '../guides/model.js';
import { PARTS } from '../guides/parts.js';
import { COLOR_MODES, INTERVIEWERS } from '../config/keys.js';

export interface OptionSpec {
  /** `--guide`; absent for a short-only option. */
  long?: string;
  /** `-s` */
  short?: string;
  takesValue: boolean;
  choices?: readonly string[];
  description: string;
  /** --guides may be given more than once. */
  repeatable?: boolean;
}

export interface CommandSpec {
  name: string;
  aliases: string[];
  description: string;
  options: OptionSpec[];
}

export interface Tree {
  /** Options before the command (--guides, --no-color...). */
  options: OptionSpec[];
  commands: CommandSpec[];
}

/** Where the values of an argument or option come from. */
export type Source = 'commands' | 'guides' | 'cards' | 'traps' | 'tradeoffs' | 'scenarios' | 'sections' | 'phases' | 'settings' | 'setting-values' | 'files' | 'dirs' | readonly string[];

/** Ids looked up in the indexes, with a title to show beside them where the shell can. */
export type IdSource = 'guides' | 'cards' | 'traps' | 'tradeoffs' | 'scenarios' | 'sections';

export interface Candidate {
  value: string;
  description?: string;
}

export type Completion = { kind: 'values'; values: Candidate[] } | { kind: 'files' } | { kind: 'dirs' };

/** What was typed before the current word: the ids a lookup may narrow by. */
export interface Context {
  /** The value of --guide, or the guide named by `coach guide ID`. */
  guide?: string;
  /** `coach config set KEY ...`: the setting. */
  setting?: string;
}

export type Lookup = (source: IdSource, context: Context) => Candidate[];

export const CONFIG_ACTIONS = ['list', 'get', 'set', 'unset', 'path'] as const;
export const LIST_KINDS = ['guides', 'cards', 'traps', 'tradeoffs', 'scenarios', 'questions'] as const;
export const EXPORT_FORMATS = ['anki', 'md'] as const;
export const SHELLS = ['bash', 'zsh', 'fish'] as const;

/**
 * The positional arguments and option values of each command that name something.
 * Options with a fixed set of values (--deck, --kind, --interviewer) declare them in
 * the registry and need no entry. A test holds this table to the registry.
 */
export const SOURCES: Record<string, { args?: Source[]; options?: Record<string, Source> }> = {
  '': { options: { '--guides': 'dirs' } },
  list: { args: [LIST_KINDS], options: { '--guide': 'guides' } },
  card: { args: ['cards'] },
  tradeoff: { args: ['tradeoffs'] },
  guide: { args: ['guides'], options: { '--section': 'sections' } },
  mock: { options: { '--scenario': 'scenarios', '--guide': 'guides', '--phase': 'phases', '--answers': 'files' } },
  history: { args: [['show', 'rm']] },
  validate: { args: ['files'] },
  trap: { args: ['traps'], options: { '--guide': 'guides' } },
  drill: { options: { '--guide': 'guides' } },
  export: { args: [EXPORT_FORMATS], options: { '--guide': 'guides', '--output': 'files' } },
  config: { args: [CONFIG_ACTIONS, 'settings', 'setting-values'] },
  completion: { args: [SHELLS] },
  help: { args: ['commands'] },
};

/** Values for `coach config set KEY <value>`, where they are a fixed set. */
export const SETTING_VALUES: Record<string, Source> = {
  guides: 'dirs',
  color: COLOR_MODES,
  interviewer: INTERVIEWERS,
};

function findOption(options: OptionSpec[], word: string): OptionSpec | undefined {
  return options.find((o) => o.long === word || o.short === word);
}

/**
 * Completes the last word of `words` (the words after `coach`, the last one being
 * the one under the cursor, possibly empty).
 */
export function complete(tree: Tree, words: string[], lookup: Lookup, settings: readonly string[] = []): Completion {
  const cur = words[words.length - 1] ?? '';
  const before = words.slice(0, -1);
  let command: CommandSpec | undefined;
  const positionals: string[] = [];
  const used = new Set<OptionSpec>();
  const context: Context = {};
  let pending: OptionSpec | undefined;
  let onlyArgs = false;
  const options = (): OptionSpec[] => [...tree.options, ...(command?.options ?? [])];

  for (const word of before) {
    if (pending) {
      if (pending.long === '--guide') context.guide = word;
      pending = undefined;
      continue;
    }
    if (!onlyArgs && word === '--') {
      onlyArgs = true;
      continue;
    }
    if (!onlyArgs && word.startsWith('-') && word !== '-') {
      const [flag, inline] = splitInline(word);
      const option = findOption(options(), flag);
      if (option) {
        used.add(option);
        if (option.takesValue && inline === undefined) pending = option;
        if (option.long === '--guide' && inline !== undefined) context.guide = inline;
      }
      continue;
    }
    if (!command) {
      command = tree.commands.find((c) => c.name === word || c.aliases.includes(word));
      if (!command) return { kind: 'values', values: [] }; // an unknown command: nothing to offer
      continue;
    }
    positionals.push(word);
  }
  if (command?.name === 'guide' && positionals[0]) context.guide ??= positionals[0];
  if (command?.name === 'config' && positionals[1]) context.setting = positionals[1];

  const resolve = (source: Source | undefined, prefix = ''): Completion => {
    if (source === undefined) return { kind: 'values', values: [] };
    if (source === 'files' || source === 'dirs') return { kind: source };
    const values = valuesOf(source, tree, context, lookup, settings);
    if (typeof values === 'object' && 'kind' in values) return values;
    const needle = cur.slice(prefix.length).toLowerCase();
    return { kind: 'values', values: values.filter((v) => v.value.toLowerCase().startsWith(needle)).map((v) => ({ ...v, value: prefix + v.value })) };
  };
  const optionSource = (option: OptionSpec): Source | undefined => {
    if (option.choices) return option.choices;
    const table = (command && SOURCES[command.name]?.options) ?? {};
    return table[option.long ?? ''] ?? SOURCES['']!.options![option.long ?? ''];
  };

  if (pending) return resolve(optionSource(pending));
  if (!onlyArgs && cur.startsWith('--') && cur.includes('=')) {
    const [flag] = splitInline(cur);
    const option = findOption(options(), flag);
    return option?.takesValue ? resolve(optionSource(option), `${flag}=`) : { kind: 'values', values: [] };
  }
  if (!onlyArgs && cur.startsWith('-')) {
    const offered = options().filter((o) => o.long && (o.repeatable || !used.has(o)));
    return { kind: 'values', values: offered.filter((o) => o.long!.startsWith(cur)).map((o) => ({ value: o.long!, description: o.description })) };
  }
  if (!command) return resolve('commands');
  const args = SOURCES[command.name]?.args ?? [];
  return resolve(args[positionals.length]);
}

function splitInline(word: string): [string, string | undefined] {
  const eq = word.indexOf('=');
  return word.startsWith('--') && eq > 0 ? [word.slice(0, eq), word.slice(eq + 1)] : [word, undefined];
}

function valuesOf(source: Exclude<Source, 'files' | 'dirs'>, tree: Tree, context: Context, lookup: Lookup, settings: readonly string[]): Candidate[] | Completion {
  if (typeof source !== 'string') return source.map((value) => ({ value }));
  switch (source) {
    case 'commands':
      return tree.commands.map((c) => ({ value: c.name, description: c.description }));
    case 'phases':
      return PHASE_KEYS.map((value) => ({ value }));
    case 'settings':
      return settings.map((value) => ({ value }));
    case 'setting-values': {
      const values = context.setting ? SETTING_VALUES[context.setting] : undefined;
      if (values === 'files' || values === 'dirs') return { kind: values };
      return typeof values === 'object' ? values.map((value) => ({ value })) : [];
    }
    case 'sections':
      return [...PARTS.map((value) => ({ value })), ...lookup('sections', context)];
    case 'scenarios':
      return [{ value: 'random', description: 'any scenario, picked for you' }, ...lookup('scenarios', context)];
    case 'traps':
      return [{ value: 'random', description: 'a due or weak trap' }, { value: 'list', description: 'every trap and when it is due' }, ...lookup('traps', context)];
    default:
      return lookup(source, context);
  }
}
