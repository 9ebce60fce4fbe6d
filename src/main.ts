// The entry point: builds the I/O context from the process, runs one command line,
// and is the only place that sets the exit code.
import { run } from './cli.js';
import type { Io } from './io.js';
import pkg from '../package.json' with { type: 'json' };

async function processIo(): Promise<Io> {
  const [{ default: envPaths }, { join }, { fileURLToPath }, { clampColumns, colorEnabled }, { terminalPrompt }] = await Promise.all([
    import('env-paths'),
    import('node:path'),
    import('node:url'),
    import('./io.js'),
    import('./prompt.js'),
  ]);
  const env = process.env;
  const color = colorEnabled(env, process.stdout.isTTY);
  const colorErr = colorEnabled(env, process.stderr.isTTY);
  if (color || colorErr) await (await import('./render/style.js')).loadStyle();
  const paths = envPaths('coach', { suffix: '' });
  const home = env['COACH_HOME'];
  const columns = process.stdout.isTTY ? process.stdout.columns : Number(env['COLUMNS']) || 80;
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stderrStream: process.stderr,
    stdin: process.stdin,
    env,
    color,
    colorErr,
    columns: clampColumns(columns),
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    now: () => performance.now(),
    date: () => new Date(),
    dataDir: home ? join(home, 'data') : paths.data,
    cacheDir: home ? join(home, 'cache') : paths.cache,
    bundledIndex: fileURLToPath(new URL('./guides.json', import.meta.url)),
    indexWorker: fileURLToPath(new URL('./index-worker.cjs', import.meta.url)),
    prompt: terminalPrompt({ input: process.stdin, output: process.stdout }),
  };
}

// `coach list traps | head` closes stdout early: that is a normal end, not a crash.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

let io: Promise<Io> | undefined;
void run(process.argv.slice(2), {
  io: () => (io ??= processIo()),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  version: pkg.version,
  debug: Boolean(process.env['COACH_DEBUG']),
}).then((code) => {
  process.exitCode = code;
});
