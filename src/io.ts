// The context every command receives: streams, terminal facts, clock and folders.
// Tests build a plain object; only src/main.ts builds one from `process`.
import type { Prompt } from './prompt.js';
import type { ConfigState } from './config/settings.js';
import type { ColorMode } from './config/keys.js';

export interface Out {
  write(text: string): unknown;
}

export interface Io {
  stdout: Out;
  stderr: Out;
  /** The real stderr stream, for spinners, with the terminal's width when it is one; absent in tests. */
  stderrStream?: NodeJS.WritableStream & { columns?: number };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (on: boolean) => unknown };
  env: Record<string, string | undefined>;
  /** Colour on stdout (NO_COLOR, FORCE_COLOR and a non-TTY honoured). */
  color: boolean;
  /** Colour on stderr. */
  colorErr: boolean;
  /** Width to draw at, already clamped to what coach supports (40 to 200). */
  columns: number;
  /**
   * stdout is a terminal: lists are drawn as tables. Otherwise (piped, redirected) a
   * list is one record per line, its fields tab-separated and never cut, as gh does.
   */
  tty: boolean;
  /** True when a person can answer prompts: stdin and stdout are terminals. */
  interactive: boolean;
  /** Monotonic milliseconds. */
  now: () => number;
  /** Wall-clock time, for dates in history and schedules. */
  date: () => Date;
  dataDir: string;
  cacheDir: string;
  /** The config file (it need not exist) and what it says. */
  config: ConfigState;
  /**
   * Shows long output through the pager when stdout is a terminal and paging is on
   * (src/pager.ts); absent otherwise, and then long output is written as it is.
   */
  page?: (text: string) => Promise<void>;
  /** dist/guides.json, the index of the bundled guides. */
  bundledIndex?: string;
  /** dist/index-worker.cjs, for indexing large folders on two cores. */
  indexWorker?: string;
  /** Every question to the user goes through this (src/prompt.ts). */
  prompt: Prompt;
  /**
   * While held, an interrupt signal (Ctrl-C between two prompts, `kill -INT`) does
   * not end the process: the prompt open or opened next is cancelled instead, so a
   * session saves what it has. A second interrupt ends the process. Returns the
   * release. Absent in tests.
   */
  holdInterrupts?: () => () => void;
}

// Below 60 columns lists and tables take a simpler layout (one record a block).
export const MIN_COLUMNS = 40;
export const MAX_COLUMNS = 200;

export function clampColumns(columns: number | undefined): number {
  if (!columns || !Number.isFinite(columns)) return 80;
  return Math.max(MIN_COLUMNS, Math.min(MAX_COLUMNS, Math.floor(columns)));
}

export interface Choice<T> {
  value: T;
  /** What decided it: a flag, an environment variable, the config file or the default. */
  source: string;
}

/**
 * Colour on one stream. Flags, then the environment, then the config file, then the
 * terminal: --no-color; FORCE_COLOR (0 or false: off); NO_COLOR (not empty: off);
 * CLICOLOR_FORCE (not 0: on, even piped); CLICOLOR=0 (off); the config's `color`
 * (always, never, auto); TERM=dumb (off); otherwise on when the stream is a terminal.
 */
export function colorChoice(env: Record<string, string | undefined>, isTTY: boolean | undefined, flag?: boolean, config?: ColorMode): Choice<boolean> {
  if (flag === false) return { value: false, source: '--no-color' };
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return { value: force !== '0' && force !== 'false', source: 'FORCE_COLOR' };
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return { value: false, source: 'NO_COLOR' };
  const cliForce = env['CLICOLOR_FORCE'];
  if (cliForce !== undefined && cliForce !== '' && cliForce !== '0') return { value: true, source: 'CLICOLOR_FORCE' };
  if (env['CLICOLOR'] === '0') return { value: false, source: 'CLICOLOR' };
  if (config === 'always' || config === 'never') return { value: config === 'always', source: 'config' };
  if (env['TERM'] === 'dumb') return { value: false, source: 'TERM' };
  return { value: Boolean(isTTY), source: isTTY ? 'terminal' : 'not a terminal' };
}

export function colorEnabled(env: Record<string, string | undefined>, isTTY: boolean | undefined, flag?: boolean, config?: ColorMode): boolean {
  return colorChoice(env, isTTY, flag, config).value;
}

export const DEFAULT_PAGER = 'less -FRX';

/**
 * The pager for long output, as git and gh choose theirs: --no-pager; COACH_PAGER;
 * PAGER; the config's `pager`; less -FRX. An empty command or `cat` means none. Only
 * ever used when stdout is a terminal (the caller checks).
 */
export function pagerChoice(env: Record<string, string | undefined>, flag?: boolean, config?: string | false): Choice<string | undefined> {
  const none = (command: string | false | undefined): boolean => command === false || command === undefined || command.trim() === '' || command.trim() === 'cat';
  if (flag === false) return { value: undefined, source: '--no-pager' };
  for (const name of ['COACH_PAGER', 'PAGER']) {
    const command = env[name];
    if (command !== undefined) return { value: none(command) ? undefined : command.trim(), source: name };
  }
  if (config !== undefined) return { value: none(config) ? undefined : (config as string).trim(), source: 'config' };
  return { value: DEFAULT_PAGER, source: 'default' };
}
