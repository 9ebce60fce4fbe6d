// A user's mistake is never a crash: one error style everywhere (`coach: message`
// and an indented hint), the right exit code, and no "please report it" (issue 11).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli.js';
import { testIo, type TestIo } from './helpers/io.js';
import { BIN } from './helpers/pty.js';
import { testRuntime } from './helpers/runtime.js';

const runtime = (io: TestIo) => testRuntime(io);

/** The one style: `coach: message`, then hint lines indented by two spaces. */
function expectOneStyle(stderr: string): void {
  const lines = stderr.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^coach: \S/);
  expect(lines[0]).not.toMatch(/^coach: coach /);
  for (const l of lines.slice(1)) expect(l).toMatch(/^ {2}\S/);
  expect(stderr).not.toMatch(/error:/i);
  expect(stderr).not.toContain('please report');
}

describe('errors in one style', () => {
  it.each([
    [['nosuch'], 2, /^coach: unknown command 'nosuch'\n {2}see `coach --help`/],
    [['carrd', 'latency'], 2, /^coach: unknown command 'carrd'\n {2}did you mean card\? see `coach --help`/],
    [['card', '--bogus'], 2, /^coach: unknown option '--bogus'\n {2}see `coach card --help`/],
    [['search'], 2, /^coach: missing required argument 'words'\n {2}see `coach search --help`/],
    [['mock', '--minutes', 'x'], 2, /^coach: option '--minutes <n>' argument 'x' is invalid: expected a whole number above 0\./],
    [['help', 'nosuch'], 2, /^coach: no command 'nosuch' to show the help of\n {2}see `coach --help`/],
    [['drill'], 2, /^coach: a drill asks questions and needs a terminal\n/],
    [['list', 'pizzas'], 2, /^coach: cannot list 'pizzas'\n/],
    [['card', 'zzzqqq'], 3, /^coach: no card matches 'zzzqqq'\n/],
  ])('%j exits %i with one line and a hint', async (argv, code, pattern) => {
    const rt = runtime(testIo());
    expect(await run(argv, rt)).toBe(code);
    expect(rt.errors()).toMatch(pattern);
    expectOneStyle(rt.errors());
    expect(rt.printed()).toBe('');
  });

  it('shows the help of a command that exists', async () => {
    const rt = runtime(testIo());
    expect(await run(['help', 'card'], rt)).toBe(0);
    expect(rt.printed()).toMatch(/^Usage: coach card/);
  });
});

describe('text is measured whatever it holds', () => {
  // The ★ of must-ask questions is added by the renderer, after the data was checked.
  it('draws the mlops-platform guide, whose must-ask questions get a ★', async () => {
    const io = testIo();
    expect(await run(['guide', 'mlops-platform'], runtime(io))).toBe(0);
    expect(io.out()).toMatch(/│ ★ How big is the scale/);
    expect(io.err()).toBe('');
  });

  it('draws it from the built coach too', () => {
    const r = spawnSync(process.execPath, [BIN, 'guide', 'mlops-platform'], { encoding: 'utf8', env: { ...process.env, COACH_HOME: mkdtempSync(join(tmpdir(), 'coach-err-')), COLUMNS: '80' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('★ How big is the scale');
  });
});

describe("export -o: write errors are the user's", () => {
  const dir = mkdtempSync(join(tmpdir(), 'coach-export-err-'));

  it('refuses a folder, with no temporary file name', async () => {
    const io = testIo();
    const rt = runtime(io);
    expect(await run(['export', 'anki', '-o', dir], rt)).toBe(1);
    expect(rt.errors()).toBe(`coach: cannot write ${dir}: it is a folder\n  name a file in it, e.g. -o ${join(dir, 'coach.txt')}\n`);
  });

  it('never creates a missing folder', async () => {
    const io = testIo();
    const rt = runtime(io);
    const target = join(dir, 'missing', 'deeper', 'x.txt');
    expect(await run(['export', 'anki', '-o', target], rt)).toBe(1);
    expect(rt.errors()).toMatch(/^coach: cannot write .*x\.txt: there is no folder .*deeper\n/);
    expectOneStyle(rt.errors());
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });

  it('says when a part of the path is a file', async () => {
    writeFileSync(join(dir, 'plain'), 'x');
    const rt = runtime(testIo());
    expect(await run(['export', 'md', '-o', join(dir, 'plain', 'x.md')], rt)).toBe(1);
    expect(rt.errors()).toMatch(/is a file, not a folder\n$/);
  });

  it.runIf(existsSync('/proc/self'))('fails at once under /proc, where folders cannot be made', async () => {
    const start = Date.now();
    const rt = runtime(testIo());
    expect(await run(['export', 'anki', '-o', '/proc/nope/x.txt'], rt)).toBe(1);
    expect(rt.errors()).toMatch(/^coach: cannot write \/proc\/nope\/x\.txt: there is no folder \/proc\/nope\n/);
    expect(Date.now() - start).toBeLessThan(5000);
  });

  it('still writes a file in a folder that exists', async () => {
    mkdirSync(join(dir, 'ok'));
    const io = testIo();
    expect(await run(['export', 'anki', '-o', join(dir, 'ok', 'coach.txt')], runtime(io))).toBe(0);
    expect(existsSync(join(dir, 'ok', 'coach.txt'))).toBe(true);
  });
});
