// Arguments to options: the registry parses what a user types into the right
// command, options and exit code, and prints help with examples.
import { describe, expect, it } from 'vitest';
import { buildProgram, commandName, run } from '../src/cli.js';
import { testIo, type TestIo } from './helpers/io.js';
import { testRuntime } from './helpers/runtime.js';

const runtime = (io: TestIo) => testRuntime(io, '9.9.9');

describe('coach command line', () => {
  it.each([
    [['--help'], 0, /Examples:\n\s+\$ coach mock --scenario fintech\n\s+\$ coach card latency/],
    [['card', '--help'], 0, /Examples:[\s\S]*coach card slo/],
    [['list', '--help'], 0, /guides, cards, traps, tradeoffs, scenarios or questions/],
    [['--version'], 0, /9\.9\.9/],
    [[], 0, /Usage: coach/],
  ])('%j exits %i and prints help', async (argv, code, pattern) => {
    const rt = runtime(testIo());
    expect(await run(argv, rt)).toBe(code);
    expect(rt.printed()).toMatch(pattern);
  });

  // Only the command being run is registered; what the user sees must not change.
  it('gives each command the same help, options and aliases registered alone as among all', () => {
    const rt = runtime(testIo());
    const all = buildProgram(rt, { exitCode: 0 });
    expect(all.commands.map((c) => c.name())).toEqual([
      'list',
      'card',
      'tradeoff',
      'guide',
      'search',
      'mock',
      'history',
      'validate',
      'trap',
      'drill',
      'stats',
      'export',
      'reset',
      'today',
      'config',
      'paths',
      'completion',
      '__complete',
    ]);
    for (const full of all.commands) {
      const alone = buildProgram(rt, { exitCode: 0 }, [full.name()]);
      expect(alone.commands.map((c) => c.name())).toEqual([full.name()]);
      expect(alone.commands[0]!.helpInformation()).toBe(full.helpInformation());
      expect(alone.commands[0]!.aliases()).toEqual(full.aliases());
    }
  });

  it.each([
    [['card', 'latency'], 'card'],
    [['--guides', 'list', 'card'], 'card'],
    [['--guides=x', 'tradeoffs'], 'tradeoff'],
    [['--help', 'card'], undefined],
    [['-V'], undefined],
    [['help', 'card'], 'help'],
  ])('reads the command of %j as %s', (argv, name) => {
    expect(commandName(argv)).toBe(name);
  });

  it.each([[['--help', 'card']], [['help']], [['carrd']]])('%j registers every command', async (argv) => {
    const rt = runtime(testIo());
    await run(argv, rt);
    const text = rt.printed() + rt.errors();
    expect(text).toMatch(/card|Did you mean/);
    if (argv[0] !== 'carrd') for (const name of ['list', 'card', 'mock', 'trap', 'drill', 'reset']) expect(text).toContain(`  ${name}`);
  });

  it.each([
    [['carrd', 'latency'], /unknown command 'carrd'\n {2}did you mean card\?/],
    [['card', '--bogus'], /unknown option '--bogus'/],
    [['search'], /missing required argument 'words'/],
    [['search', 'x', '--limit', 'zero'], /--limit <n>' argument 'zero' is invalid/],
    [['list', 'pizzas'], /cannot list 'pizzas'\n\s+choose one of: guides, cards/],
  ])('%j is a usage error (exit 2)', async (argv, pattern) => {
    const rt = runtime(testIo());
    expect(await run(argv, rt)).toBe(2);
    expect(rt.errors()).toMatch(pattern);
  });

  it('passes --guides (repeatable) and COACH_GUIDES to the command, in that order', async () => {
    const io = testIo({ env: { COACH_GUIDES: '/nonexistent-c:/nonexistent-d' } });
    const rt = runtime(io);
    await run(['--guides', '/nonexistent-a', '--guides', '/nonexistent-b', 'list'], rt);
    const order = ['a', 'b', 'c', 'd'].map((x) => rt.errors().indexOf(`/nonexistent-${x}`));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
  });

  it('maps a not-found name to exit 3 with the closest names', async () => {
    const rt = runtime(testIo());
    expect(await run(['card', 'zzzqqq'], rt)).toBe(3);
    expect(rt.errors()).toMatch(/^coach: no card matches 'zzzqqq'\n/);
  });

  it('prints --json as the same data the renderer draws', async () => {
    const io = testIo();
    const rt = runtime(io);
    expect(await run(['card', 'latency', '--json'], rt)).toBe(0);
    const data = JSON.parse(io.out());
    expect(data).toMatchObject({ kind: 'card', guide: 'oss-ml-platform', card: { id: 'latency-budget' } });
  });

  it('exits 1 when validate finds an error', async () => {
    const rt = runtime(testIo());
    expect(await run(['validate', '/nonexistent-folder'], rt)).toBe(1);
    expect(rt.printed()).toMatch(/cannot read guides folder: no such file or folder/);
  });
});

describe('coach search --kind', () => {
  it.each([
    ['traps', 'trap'],
    ['tradeoff', 'trade-off'],
    ['trade-offs', 'trade-off'],
    ['Sections', 'section'],
  ])('takes %j as %j', async (given, kind) => {
    const io = testIo();
    const rt = runtime(io);
    expect(await run(['search', 'feature', 'store', '--kind', given, '--json'], rt)).toBe(0);
    const hits = (JSON.parse(rt.printed()) as { hits: { kind: string }[] }).hits;
    expect(hits.length).toBeGreaterThan(0);
    expect(new Set(hits.map((h) => h.kind))).toEqual(new Set([kind]));
  });

  it('refuses a kind it does not know, naming the ones it does', async () => {
    const rt = runtime(testIo());
    expect(await run(['search', 'feature', '--kind', 'bogus'], rt)).toBe(2);
    expect(rt.errors()).toMatch(/Allowed choices are guide, card, trap, trade-off/);
  });
});
