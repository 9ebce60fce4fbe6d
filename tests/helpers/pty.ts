// Runs the built coach in a real pseudo-terminal (node-pty), types into it and reads
// the screen with escape codes stripped.
import { spawn, type IPty } from 'node-pty';
import stripAnsi from 'strip-ansi';
import { join } from 'node:path';

export const BIN = join(import.meta.dirname, '../../bin/coach.cjs');

export interface Session {
  pty: IPty;
  /** Everything printed so far, escape codes stripped. */
  text: () => string;
  write: (data: string) => void;
  waitFor: (pattern: string | RegExp, timeoutMs?: number) => Promise<string>;
  exited: Promise<{ exitCode: number; signal?: number }>;
}

/**
 * `linger`: run coach under a shell that keeps the terminal open for a moment after
 * coach exits. node-pty drops what it has not read 200 ms after the exit, and on a
 * busy machine that was the end of a long listing (the flaky "lists the traps as a
 * table"); the shell waits half a second. For tests that only read the screen:
 * `pty.pid` is then the shell's.
 */
export function runCoach(args: string[], options: { env?: Record<string, string>; cols?: number; rows?: number; cwd?: string; linger?: boolean } = {}): Session {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('VITEST') && k !== 'NODE_ENV') env[k] = v;
  // No pager unless a test asks for one: long output stays on the screen to be read.
  Object.assign(env, { TERM: 'xterm-256color', NO_COLOR: '', FORCE_COLOR: '', PAGER: 'cat', COACH_PAGER: '' }, options.env ?? {});
  // An empty value here means: not set at all.
  for (const name of ['FORCE_COLOR', 'NO_COLOR', 'PAGER', 'COACH_PAGER', 'CLICOLOR', 'CLICOLOR_FORCE']) if (env[name] === '') delete env[name];
  const [file, argv] = options.linger ? ['/bin/sh', ['-c', '"$0" "$@"; code=$?; sleep 0.5; exit $code', process.execPath, BIN, ...args]] : [process.execPath, [BIN, ...args]];
  const pty = spawn(file, argv, {
    name: 'xterm-256color',
    cols: options.cols ?? 100,
    rows: options.rows ?? 40,
    cwd: options.cwd ?? process.cwd(),
    env,
  });
  let raw = '';
  pty.onData((d) => (raw += d));
  const exited = new Promise<{ exitCode: number; signal?: number }>((resolve) => pty.onExit((e) => resolve(e)));
  const text = (): string => stripAnsi(raw).replace(/\r/g, '');
  const waitFor = async (pattern: string | RegExp, timeoutMs = 10_000): Promise<string> => {
    const start = Date.now();
    for (;;) {
      const t = text();
      if (typeof pattern === 'string' ? t.includes(pattern) : pattern.test(t)) return t;
      if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${String(pattern)}; screen so far:\n${t.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  return { pty, text, write: (d) => pty.write(d), waitFor, exited };
}
