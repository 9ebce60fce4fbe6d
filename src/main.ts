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
  // Output to a closed terminal or pipe is not a crash (the stream is built here, not
  // before: `coach --help` never needs it).
  process.stderr.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EIO' && e.code !== 'EPIPE') throw e;
  });
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
      return terminalInput();
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
        return terminalInput();
      },
      get output() {
        return process.stdout;
      },
      interrupt: interrupt.signal,
    }),
    holdInterrupts: () => {
      if (holds++ === 0) {
        for (const signal of HELD) process.on(signal, onInterrupt);
        // A closed terminal ends the input (and may send no HUP at all): an open
        // prompt would wait forever, and Node would exit 0 with nothing saved.
        terminalInput().on('end', onHangup).on('error', onHangup);
      }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (--holds === 0) {
          for (const signal of HELD) process.off(signal, onInterrupt);
          process.stdin.off('end', onHangup).off('error', onHangup);
        }
      };
    },
  };
}

// A closed terminal cannot be put back out of raw mode: readline and the mock try as
// they end, and Node reports the failure (EIO) as an 'error' event that nothing
// handles, which crashed coach before a mock was saved. There is nothing left to
// restore then, so that one failure is dropped.
let inputChecked = false;
function terminalInput(): NodeJS.ReadStream {
  const stdin = process.stdin;
  if (!inputChecked && stdin.isTTY) {
    inputChecked = true;
    const setRawMode = stdin.setRawMode.bind(stdin);
    stdin.setRawMode = (mode: boolean) => {
      const emit = stdin.emit;
      stdin.emit = ((event: string | symbol, ...args: unknown[]) =>
        event === 'error' && (args[0] as NodeJS.ErrnoException)?.code === 'EIO' ? true : emit.apply(stdin, [event, ...args] as Parameters<typeof emit>)) as typeof stdin.emit;
      try {
        return setRawMode(mode);
      } finally {
        stdin.emit = emit;
      }
    };
  }
  return stdin;
}

// Signals that end a session while it holds them (Io.holdInterrupts): Ctrl-C or
// `kill -INT`, `kill` (TERM) and a closed terminal or `kill -HUP` (HUP). The first
// cancels the prompt, and the session saves what it has and ends; a second ends coach
// at once. The exit code is 128 + the signal's number: 130, 143, 129.
const HELD = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const SIGNAL_NUMBERS: Record<(typeof HELD)[number], number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
const interrupt = new AbortController();
let holds = 0;
let caught: (typeof HELD)[number] | undefined;
function onInterrupt(signal: (typeof HELD)[number]): void {
  if (interrupt.signal.aborted) {
    // A closing terminal sends HUP more than once (the kernel, then the terminal
    // program): the session is being saved, and only INT or TERM insists.
    if (signal === 'SIGHUP') return;
    process.exit(128 + SIGNAL_NUMBERS[signal]);
  }
  caught = signal;
  interrupt.abort();
}

function onHangup(): void {
  onInterrupt('SIGHUP');
}

// `coach list traps | head` closes stdout early: that is a normal end, not a crash.
// A closed terminal (EIO) is not either: whatever is being saved is saved, unseen.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EIO' || (e.code === 'EPIPE' && caught)) return;
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
  // The session ended as an interrupted one (130); a TERM or HUP says which signal it was.
  process.exitCode = code === 130 && caught ? 128 + SIGNAL_NUMBERS[caught] : code;
  // After a HUP the terminal may be gone, and Node 20 aborts when it cannot reset a
  // gone terminal on exit (nodejs/node#51519). Ending by the signal itself, as
  // programs do after cleaning up, skips that; shells report it as 129 too.
  // Everything is saved by now; handlers that prompts left behind (signal-exit) go first.
  if (code === 130 && caught === 'SIGHUP') {
    process.removeAllListeners('SIGHUP');
    process.kill(process.pid, 'SIGHUP');
  }
});
