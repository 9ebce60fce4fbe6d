// The entry point: builds the I/O context from the process, runs one command line,
// and is the only place that sets the exit code.
import { run } from './cli.js';
import type { Io, Out } from './io.js';
import { showControls } from './guides/text.js';
import pkg from '../package.json' with { type: 'json' };

// Coach's own terminal commands that are written alone: the mock's bell at time-up
// and showing the cursor again after an interrupted prompt.
const OWN_COMMANDS = new Set(['\x07', '\x1b[?25h']);

/**
 * The one way out to the terminal (issue 13): control characters are shown, not
 * sent (`\x1b`, as less and git do), so no guide, file name or history record can
 * move the cursor, set the title, write the clipboard or make a link. Colour codes
 * pass when colour is on; coach's own bell and cursor-show pass on a terminal.
 */
function printable(stream: NodeJS.WriteStream, colour: boolean): Out {
  return {
    write: (text: string) => stream.write(stream.isTTY && OWN_COMMANDS.has(text) ? text : showControls(String(text), colour)),
  };
}

// Nothing here touches stdin before a command uses it: process.stdin builds a
// stream (about 1.5 ms), and `coach card` never reads it.
async function processIo(): Promise<Io> {
  const home = process.env['COACH_HOME'];
  const [envPaths, { join }, { fileURLToPath }, { clampColumns, colorEnabled }, { terminalPrompt }] = await Promise.all([
    home ? undefined : import('env-paths').then((m) => m.default),
    import('node:path'),
    import('node:url'),
    import('./io.js'),
    import('./prompt.js'),
  ]);
  const env = process.env;
  const stdoutTTY = process.stdout.isTTY;
  const color = colorEnabled(env, stdoutTTY);
  const colorErr = colorEnabled(env, process.stderr.isTTY);
  if (color || colorErr) await (await import('./render/style.js')).loadStyle();
  // COACH_HOME replaces the platform folders (env-paths is not even loaded then).
  const folders = home ? { data: join(home, 'data'), cache: join(home, 'cache') } : envPaths!('coach', { suffix: '' });
  const columns = stdoutTTY ? process.stdout.columns : Number(env['COLUMNS']) || 80;
  return {
    stdout: printable(process.stdout, color),
    stderr: printable(process.stderr, colorErr),
    stderrStream: process.stderr,
    get stdin() {
      return process.stdin;
    },
    env,
    color,
    colorErr,
    columns: clampColumns(columns),
    get interactive() {
      return Boolean(process.stdin.isTTY && stdoutTTY);
    },
    now: () => performance.now(),
    date: () => new Date(),
    dataDir: folders.data,
    cacheDir: folders.cache,
    bundledIndex: fileURLToPath(new URL('./guides.json', import.meta.url)),
    indexWorker: fileURLToPath(new URL('./index-worker.cjs', import.meta.url)),
    prompt: terminalPrompt({
      get input() {
        return process.stdin;
      },
      get output() {
        return process.stdout;
      },
      interrupt: interrupt.signal,
    }),
    holdInterrupts: () => {
      if (holds++ === 0) process.on('SIGINT', onInterrupt);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (--holds === 0) process.off('SIGINT', onInterrupt);
      };
    },
  };
}

// Interrupt signals while a session holds them (Io.holdInterrupts): the first cancels
// the prompt, and the session saves and ends with 130; a second ends coach at once.
const interrupt = new AbortController();
let holds = 0;
function onInterrupt(): void {
  if (interrupt.signal.aborted) process.exit(130);
  interrupt.abort();
}

// `coach list traps | head` closes stdout early: that is a normal end, not a crash.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

let io: Promise<Io> | undefined;
void run(process.argv.slice(2), {
  io: () => (io ??= processIo()),
  out: (text) => process.stdout.write(showControls(text)),
  err: (text) => process.stderr.write(showControls(text)),
  version: pkg.version,
  debug: Boolean(process.env['COACH_DEBUG']),
}).then((code) => {
  process.exitCode = code;
});
