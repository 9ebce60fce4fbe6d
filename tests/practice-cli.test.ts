// Arguments to options for the practice commands: what a user types reaches the right
// command, and bad input is a usage error (exit 2) with a hint, never a prompt or a crash.
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli.js';
import { testIo, type TestIo } from './helpers/io.js';
import { testRuntime } from './helpers/runtime.js';

const runtime = (io: TestIo) => testRuntime(io);

describe('practice commands on the command line', () => {
  it.each([
    [['drill'], /^coach: a drill asks questions and needs a terminal\n\s+run it in a terminal; `coach drill --plan`/],
    [['drill', '--limit', '0', '--plan'], /--limit <n>' argument '0' is invalid/],
    [['drill', '--deck', 'cards'], /argument 'cards' is invalid. Allowed choices are traps, numbers, questions, tradeoffs, all/],
    [['trap', 'random', '--time', 'soon'], /--time <seconds>' argument 'soon' is invalid/],
    [['trap', 'random', '--guide', 'nope-nope-nope'], /no guide matches 'nope-nope-nope'/],
    [['export', 'csv'], /cannot export as 'csv'\n\s+coach export anki/],
    [['export'], /missing required argument 'format'/],
    [['reset', '--deck', 'numbers'], /no history|nothing to reset/i],
  ])('%j', async (argv, pattern) => {
    const io = testIo();
    const rt = runtime(io);
    const code = await run(argv, rt);
    if (argv[0] === 'reset') {
      // Nothing stored yet: nothing to delete, nothing to ask.
      expect(code).toBe(0);
      expect(io.out()).toMatch(pattern);
      return;
    }
    expect(code).toBe(argv.includes('nope-nope-nope') ? 3 : 2);
    expect(rt.errors()).toMatch(pattern);
  });

  it('reset with history and no terminal needs --yes', async () => {
    const io = testIo();
    const { appendHistory } = await import('../src/store/history.js');
    await appendHistory(io, { kind: 'review', id: 'a', at: '2026-11-21T10:00:00Z', deck: 'traps', item: 'g/a', guide: 'g', rating: 'good', correct: true });
    const rt = runtime(io);
    expect(await run(['reset'], rt)).toBe(2);
    expect(rt.errors()).toMatch(/^coach: reset would delete 1 review, and there is no terminal to ask\n\s+add --yes/);
    expect(await run(['reset', '--yes'], runtime(io))).toBe(0);
    expect(io.out()).toMatch(/Deleted 1 review\./);
  });

  it('`trap list --json` and `drill --plan --json` print data', async () => {
    const io = testIo();
    expect(await run(['trap', 'list', '--guide', 'bighead', '--json'], runtime(io))).toBe(0);
    const data = JSON.parse(io.out());
    expect(data.mode).toBe('list');
    expect(data.traps).toHaveLength(5);
    expect(data.traps[0]).toMatchObject({ guide: 'bighead', schedule: { standing: 'new', reviews: 0, mastered: false } });
    const plan = testIo();
    expect(await run(['drill', '--deck', 'numbers', '--new', '3', '--json'], runtime(plan))).toBe(0);
    expect(JSON.parse(plan.out())).toMatchObject({ mode: 'plan', deck: 'numbers', due: 0, fresh: 3 });
  });
});
