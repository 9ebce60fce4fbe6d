// The context every command receives: streams, terminal facts, clock and folders.
// Tests build a plain object; only src/main.ts builds one from `process`.
import type { Prompt } from './prompt.js';

export interface Out {
  write(text: string): unknown;
}

export interface Io {
  stdout: Out;
  stderr: Out;
  /** The real stderr stream, for spinners; absent in tests. */
  stderrStream?: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (on: boolean) => unknown };
  env: Record<string, string | undefined>;
  /** Colour on stdout (NO_COLOR, FORCE_COLOR and a non-TTY honoured). */
  color: boolean;
  /** Colour on stderr. */
  colorErr: boolean;
  /** Width to draw at, already clamped to what coach supports. */
  columns: number;
  /** True when a person can answer prompts: stdin and stdout are terminals. */
  interactive: boolean;
  /** Monotonic milliseconds. */
  now: () => number;
  /** Wall-clock time, for dates in history and schedules. */
  date: () => Date;
  dataDir: string;
  cacheDir: string;
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

export const MIN_COLUMNS = 60;
export const MAX_COLUMNS = 200;

export function clampColumns(columns: number | undefined): number {
  if (!columns || !Number.isFinite(columns)) return 80;
  return Math.max(MIN_COLUMNS, Math.min(MAX_COLUMNS, Math.floor(columns)));
}

/** NO_COLOR wins over a TTY; FORCE_COLOR wins over both (FORCE_COLOR=0 turns colour off). */
export function colorEnabled(env: Record<string, string | undefined>, isTTY: boolean | undefined): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['TERM'] === 'dumb') return false;
  return Boolean(isTTY);
}
