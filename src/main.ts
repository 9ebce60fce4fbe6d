// The entry point: builds the I/O context from the process, runs one command line,
// and is the only place that sets the exit code.
import { run, type GlobalFlags } from './cli.js';
import type { Io } from './io.js';
import type { ConfigState } from './config/settings.js';
import pkg from '../package.json' with { type: 'json' };

// Nothing here touches stdin before a command uses it: process.stdin builds a
// stream (about 1.5 ms), and `coach card` never reads it.
async function processIo(flags: GlobalFlags): Promise<Io> {
  const home = process.env['COACH_HOME'];
  const [envPaths, { join }, { fileURLToPath }, { clampColumns, colorEnabled, pagerChoice }, { terminalPrompt }] = await Promise.all([
    home ? undefined : import('env-paths').then((m) => m.default),
    import('node:path'),
    import('node:url'),
    import('./io.js'),
    import('./prompt.js'),
  ]);
  const env = process.env;
  // COACH_HOME replaces the platform folders (env-paths is not even loaded then).
  const folders = home ? { data: join(home, 'data'), cache: join(home, 'cache'), config: join(home, 'config') } : envPaths!('coach', { suffix: '' });
  const config = await readConfig(join(folders.config, 'config.toml'));
  const stdoutTTY = process.stdout.isTTY;
  const color = colorEnabled(env, stdoutTTY, flags.color, config.settings.color);
  const colorErr = colorEnabled(env, process.stderr.isTTY, flags.color, config.settings.color);
  if (color || colorErr) await (await import('./render/style.js')).loadStyle();
  const pager = stdoutTTY ? pagerChoice(env, flags.pager, config.settings.pager).value : undefined;
  const columns = stdoutTTY ? process.stdout.columns : Number(env['COLUMNS']) || 80;
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stderrStream: process.stderr,
    get stdin() {
      return process.stdin;
    },
    env,
    color,
    colorErr,
    columns: clampColumns(columns),
    tty: Boolean(stdoutTTY),
    get interactive() {
      return Boolean(process.stdin.isTTY && stdoutTTY);
    },
    now: () => performance.now(),
    date: () => new Date(),
    dataDir: folders.data,
    cacheDir: folders.cache,
    config,
    ...(pager ? { page: (text: string) => page(pager, text) } : {}),
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
      env,
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
  io: (flags) => (io ??= processIo(flags)),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  version: pkg.version,
  debug: Boolean(process.env['COACH_DEBUG']),
  columns: process.stdout.isTTY ? process.stdout.columns : Number(process.env['COLUMNS']) || 80,
}).then((code) => {
  process.exitCode = code;
});
