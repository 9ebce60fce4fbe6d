// Long output through a pager, as git and gh do: the command runs through the shell
// (so `less -R` or `bat --paging=always` work as written), reads the text on its
// stdin and draws on coach's terminal. Which pager, and whether at all, is decided
// before (src/io.ts pagerChoice; never when stdout is not a terminal).
import { spawn } from 'node:child_process';
import type { Out } from './io.js';

export interface PagerIo {
  env: Record<string, string | undefined>;
  stdout: Out;
  stderr: Out;
}

/** Runs the pager on `text` and resolves when it quits. A pager that cannot start: the text is printed instead. */
export function runPager(command: string, text: string, io: PagerIo): Promise<void> {
  // As git: less shows colour, quits when the text fits one screen and leaves it on
  // the screen, unless the user set LESS themselves.
  const env = { ...io.env, LESS: io.env['LESS'] ?? 'FRX', LV: io.env['LV'] ?? '-c' };
  const windows = process.platform === 'win32';
  return new Promise((resolve) => {
    let settled = false;
    const fallBack = (why: string): void => {
      if (settled) return;
      settled = true;
      io.stderr.write(`coach: cannot run the pager '${command}' (${why}); printing instead. Set COACH_PAGER or PAGER, or use --no-pager\n`);
      io.stdout.write(text);
      resolve();
    };
    const child = windows ? spawn(command, { shell: true, stdio: ['pipe', 'inherit', 'inherit'], env }) : spawn('/bin/sh', ['-c', command], { stdio: ['pipe', 'inherit', 'inherit'], env });
    child.once('error', (e) => fallBack(e.message));
    // A pager quit before reading everything (q in less) closes the pipe: that is fine.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(text);
    child.once('close', (code) => {
      // 127: the shell found no such command, and nothing was shown.
      if (code === 127 && !windows) fallBack('command not found');
      else if (!settled) {
        settled = true;
        resolve();
      }
    });
  });
}
