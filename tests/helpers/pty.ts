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
  Object.assign(env, { TERM: 'xterm-256color', NO_COLOR: '', FORCE_COLOR: '' }, options.env ?? {});
  if (env['FORCE_COLOR'] === '') delete env['FORCE_COLOR'];
  if (env['NO_COLOR'] === '') delete env['NO_COLOR'];
  const pty = spawn(process.execPath, [BIN, ...args], {
    name: 'xterm-256color',
    cols: options.cols ?? 100,
    rows: options.rows ?? 40,
    cwd: options.cwd ?? process.cwd(),
    env,
  });
  let raw = '';
  let lastData = Date.now();
  pty.onData((d) => {
    raw += d;
    lastData = Date.now();
  });
  // node-pty can report the exit before the last output is read: wait until the
  // screen has been quiet for a moment (at most a second) so that text() is whole.
  const exited = new Promise<{ exitCode: number; signal?: number }>((resolve) =>
    pty.onExit((e) => {
      const start = Date.now();
      const settle = (): void => {
        if (Date.now() - lastData >= 100 || Date.now() - start > 1000) resolve(e);
        else setTimeout(settle, 25);
      };
      setTimeout(settle, 25);
    }),
  );
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
