// The entry point: builds the I/O context from the process, runs one command line,
// and is the only place that sets the exit code.
import { run, type GlobalFlags } from './cli.js';
import type { Io, Out } from './io.js';
import type { ConfigState } from './config/settings.js';
import { showControls } from './guides/text.js';
import { coachFolders } from './folders.js';
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
async function processIo(flags: GlobalFlags): Promise<Io> {
  const [folders, { join }, { fileURLToPath }, { clampColumns, colorEnabled, pagerChoice }, { terminalPrompt }] = await Promise.all([
    coachFolders(),
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
  const config = await readConfig(join(folders.config, 'config.toml'));
  const stdoutTTY = process.stdout.isTTY;
  const color = colorEnabled(env, stdoutTTY, flags.color, config.settings.color);
  const colorErr = colorEnabled(env, process.stderr.isTTY, flags.color, config.settings.color);
  if (color || colorErr) await (await import('./render/style.js')).loadStyle();
  const pager = stdoutTTY ? pagerChoice(env, flags.pager, config.settings.pager).value : undefined;
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
    tty: Boolean(stdoutTTY),
    // Asked of the file descriptor: process.stdin would build a stream (and load node:stream) just to answer.
    get interactive() {
      return Boolean(stdoutTTY && process.getBuiltinModule('node:tty').isatty(0));
    },
    now: () => performance.now(),
    date: () => new Date(),
    dataDir: folders.data,
    cacheDir: folders.cache,
    config,
    // Through the pager too, control characters are shown, not sent.
    ...(pager ? { page: (text: string) => page(pager, showControls(text, color)) } : {}),
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
      env,
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

/**
 * The config file, read synchronously: most runs have none, and a missing file costs
 * one failed open; the TOML parser loads only when there is a file to parse.
 */
async function readConfig(file: string): Promise<ConfigState> {
  const { readFileSync } = await import('node:fs');
  const state: ConfigState = { file, settings: {}, warnings: [] };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return state;
    const { UsageError } = await import('./errors.js');
    return { ...state, error: new UsageError(`cannot read the config file ${file}: ${(e as Error).message}`) };
  }
  const [{ parseConfig }, { homedir }, { CoachError }] = await Promise.all([import('./config/settings.js'), import('node:os'), import('./errors.js')]);
  try {
    return { ...state, ...parseConfig(text, file, homedir()) };
  } catch (e) {
    if (e instanceof CoachError) return { ...state, error: e as ConfigState['error'] };
    throw e;
  }
}

/**
 * Long output through the pager. Coach waits for the pager and ignores Ctrl-C
 * meanwhile, as git does: the pager handles it, and the terminal is the pager's
 * until it quits.
 */
async function page(command: string, text: string): Promise<void> {
  const { runPager } = await import('./pager.js');
  const ignore = (): void => undefined;
  process.on('SIGINT', ignore);
  try {
    await runPager(command, text, { env: process.env, stdout: process.stdout, stderr: process.stderr });
  } finally {
    process.off('SIGINT', ignore);
  }
}

// Interrupt signals while a session holds them (Io.holdInterrupts): the first cancels
// the prompt, and the session saves and ends with 130; a second ends coach at once.
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
  io: (flags) => (io ??= processIo(flags)),
  out: (text) => process.stdout.write(showControls(text)),
  err: (text) => process.stderr.write(showControls(text)),
  version: pkg.version,
  debug: Boolean(process.env['COACH_DEBUG']),
  columns: process.stdout.isTTY ? process.stdout.columns : Number(process.env['COLUMNS']) || 80,
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
