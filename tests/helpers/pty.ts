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

export function runCoach(args: string[], options: { env?: Record<string, string>; cols?: number; rows?: number; cwd?: string } = {}): Session {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('VITEST') && k !== 'NODE_ENV') env[k] = v;
  // No pager unless a test asks for one: long output stays on the screen to be read.
  Object.assign(env, { TERM: 'xterm-256color', NO_COLOR: '', FORCE_COLOR: '', PAGER: 'cat', COACH_PAGER: '' }, options.env ?? {});
  // An empty value here means: not set at all.
  for (const name of ['FORCE_COLOR', 'NO_COLOR', 'PAGER', 'COACH_PAGER', 'CLICOLOR', 'CLICOLOR_FORCE']) if (env[name] === '') delete env[name];
  const pty = spawn(process.execPath, [BIN, ...args], {
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
