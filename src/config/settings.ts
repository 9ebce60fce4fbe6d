// The config file: coach's own defaults, in TOML, in the platform config folder
// (COACH_HOME/config when that is set). Pure: the file's text comes in, settings
// come out, or an error that names the file and the line. Loaded only when a
// config file exists, so a coach without one never pays for the TOML parser.
import { parse, stringify, TomlError } from 'smol-toml';
import { isAbsolute, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { COLOR_MODES, INTERVIEWERS, SETTING_KEYS, type ColorMode, type SettingKey } from './keys.js';

export { COLOR_MODES, INTERVIEWERS, SETTING_KEYS, type ColorMode, type SettingKey };

export const CONFIG_FILE = 'config.toml';

export interface Settings {
  /** Guide folders loaded after --guides and COACH_GUIDES. */
  guides?: string[];
  /** The default --interviewer of `coach mock`. */
  interviewer?: string;
  /** The default --minutes of `coach mock`. */
  minutes?: number;
  color?: ColorMode;
  /** A pager command, or false for none. */
  pager?: string | false;
}

/** What a caller knows about the config file: where it is, what it says, what is wrong with it. */
export interface ConfigState {
  file: string;
  settings: Settings;
  /** Lines coach did not understand but could skip (an unknown setting). */
  warnings: string[];
  /** A file that cannot be used: every command but `coach config path|set|unset` stops on it. */
  error?: UsageError;
}

interface Spec<K extends SettingKey> {
  key: K;
  /** One line for `coach config list` and the README. */
  about: string;
  /** A value from the file, or the reason it is not one. */
  read: (value: unknown, where: Where) => Settings[K] | Bad;
  /** A value from `coach config set KEY VALUE...`. */
  parseArgs: (args: string[], where: Where) => Settings[K] | Bad;
}

interface Bad {
  bad: string;
}

/** How relative folders resolve: against the config folder in the file, the working folder on the command line. */
interface Where {
  base: string;
  home: string;
}

const bad = (reason: string): Bad => ({ bad: reason });
const isBad = (v: unknown): v is Bad => typeof v === 'object' && v !== null && 'bad' in v;

function folder(path: string, where: Where): string {
  if (path === '~') return where.home;
  if (path.startsWith('~/')) return resolve(where.home, path.slice(2));
  return isAbsolute(path) ? path : resolve(where.base, path);
}

function choice<T extends string>(choices: readonly T[], what: string) {
  return (value: unknown): T | Bad =>
    typeof value === 'string' && (choices as readonly string[]).includes(value.toLowerCase()) ? (value.toLowerCase() as T) : bad(`${what} must be one of ${choices.join(', ')}, not ${show(value)}`);
}

function show(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value));
}

function minutes(value: unknown): number | Bad {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 600 ? n : bad(`minutes must be a whole number from 1 to 600, not ${show(value)}`);
}

export const SETTINGS: { [K in SettingKey]: Spec<K> } = {
  guides: {
    key: 'guides',
    about:
      'guide folders to load after --guides and COACH_GUIDES (~ is your home; a relative folder is taken from where you run `coach config set`, or from the config folder when written in the file)',
    read: (value, where) => {
      const list = typeof value === 'string' ? [value] : value;
      if (!Array.isArray(list) || !list.every((p) => typeof p === 'string' && p.trim() !== '')) return bad(`guides must be a list of folders, e.g. guides = ["~/interview-notes"], not ${show(value)}`);
      return list.map((p: string) => folder(p, where));
    },
    parseArgs: (args, where) => (args.length === 0 ? bad('give one or more folders') : args.map((p) => folder(p, where))),
  },
  interviewer: {
    key: 'interviewer',
    about: `the interviewer's background in \`coach mock\` when --interviewer is not given: ${INTERVIEWERS.join(', ')}`,
    read: choice(INTERVIEWERS, 'interviewer'),
    parseArgs: (args) => choice(INTERVIEWERS, 'interviewer')(args.join(' ')),
  },
  minutes: {
    key: 'minutes',
    about: 'the length of `coach mock` when --minutes is not given (the plan is scaled to it)',
    read: minutes,
    parseArgs: (args) => minutes(args.join(' ')),
  },
  color: {
    key: 'color',
    about: 'auto (colour on a terminal), always or never; --no-color, NO_COLOR, FORCE_COLOR and CLICOLOR* win over it',
    read: choice(COLOR_MODES, 'color'),
    parseArgs: (args) => choice(COLOR_MODES, 'color')(args.join(' ')),
  },
  pager: {
    key: 'pager',
    about: 'the pager for long output when COACH_PAGER and PAGER are not set (default: less -FRX); false for none',
    read: (value) => (value === false ? false : typeof value === 'string' ? (value.trim() === '' ? false : value) : bad(`pager must be a command such as "less -R", or false, not ${show(value)}`)),
    parseArgs: (args) => {
      const text = args.join(' ').trim();
      return text === '' || text === 'false' ? false : text;
    },
  },
};

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(SETTINGS, key);
}

/** The 1-based line where a top-level key (or a table of that name) is set. */
function lineOf(text: string, key: string): number | undefined {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^\\s*(?:\\[\\s*)?(?:"${escaped}"|'${escaped}'|${escaped})\\s*(?:=|\\]|\\.)`);
  const i = text.split(/\r?\n/).findIndex((l) => pattern.test(l));
  return i < 0 ? undefined : i + 1;
}

/**
 * Reads the config file's text. A syntax error or a bad value is an error naming the
 * file and line; an unknown setting is a warning (a newer coach may know it).
 */
export function parseConfig(text: string, file: string, home: string): { settings: Settings; warnings: string[] } {
  let doc: Record<string, unknown>;
  try {
    doc = parse(text) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof TomlError) {
      const reason = e.message.split('\n')[0]!.replace(/^Invalid TOML document: /, '');
      throw new UsageError(`bad config file ${file}:${e.line}: ${reason}`, CONFIG_HINT);
    }
    throw e;
  }
  const where: Where = { base: resolve(file, '..'), home };
  const settings: Settings = {};
  const warnings: string[] = [];
  for (const [key, value] of Object.entries(doc)) {
    const at = `${file}${lineOf(text, key) ? `:${lineOf(text, key)}` : ''}`;
    if (!isSettingKey(key)) {
      warnings.push(`${at}: unknown setting '${key}', ignored (settings: ${SETTING_KEYS.join(', ')})`);
      continue;
    }
    const read = SETTINGS[key].read(value, where);
    if (isBad(read)) throw new UsageError(`bad config file ${at}: ${read.bad}`, CONFIG_HINT);
    (settings as Record<string, unknown>)[key] = read;
  }
  return { settings, warnings };
}

export const CONFIG_HINT = 'fix the line, or set the value again with `coach config set KEY VALUE` (`coach config path` shows the file)';

/** A value given on the command line (`coach config set KEY VALUE...`), checked. */
export function settingFromArgs<K extends SettingKey>(key: K, args: string[], where: Where): Settings[K] {
  const value = SETTINGS[key].parseArgs(args, where);
  if (isBad(value)) throw new UsageError(value.bad, `coach config set ${key} ${example(key)}`);
  return value;
}

function example(key: SettingKey): string {
  switch (key) {
    case 'guides':
      return '~/interview-notes ~/team-guides';
    case 'interviewer':
      return 'infra';
    case 'minutes':
      return '30';
    case 'color':
      return 'never';
    case 'pager':
      return '"less -R"';
  }
}

/**
 * The file's text with one setting replaced, added or (value undefined) removed. Only
 * the lines of that setting change: comments and the other settings stay as written.
 */
export function withSetting(text: string, key: SettingKey, value: Settings[SettingKey] | undefined): string {
  const lines = text === '' ? [] : text.replace(/\r?\n$/, '').split(/\r?\n/);
  const start = lineOf(text, key);
  const line = value === undefined ? [] : [stringify({ [key]: value }).trim()];
  if (start === undefined) {
    if (line.length === 0) return text;
    // Top-level keys go before the first table, where TOML reads them as top level.
    const table = lines.findIndex((l) => /^\s*\[/.test(l));
    const at = table < 0 ? lines.length : table;
    return `${[...lines.slice(0, at), ...line, ...lines.slice(at)].join('\n')}\n`;
  }
  // A value may span lines (an array written over several): the setting ends at the
  // first line after which its lines parse on their own.
  let end = start;
  for (; end <= lines.length; end++) {
    try {
      parse(lines.slice(start - 1, end).join('\n'));
      break;
    } catch {
      /* not complete yet */
    }
  }
  const out = [...lines.slice(0, start - 1), ...line, ...lines.slice(Math.min(end, lines.length))];
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}
