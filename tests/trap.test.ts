// coach trap as a function on a plain Io: reveal when piped, the interactive round with
// a scripted prompt, the schedule it writes, and finding traps by id or words.
import { describe, expect, it } from 'vitest';
import { testIo, type TestIo } from './helpers/io.js';
import { scripted } from './practice-script.js';
import { renderTrap, trap } from '../src/commands/trap.js';
import { readHistory } from '../src/store/history.js';
import { NotFoundError, UsageError } from '../src/errors.js';

const KUBEFLOW = 'oss-ml-platform/why-not-just-use-kubeflow';

describe('coach trap, piped', () => {
  it('prints the question and the whole answer, and asks nothing', async () => {
    const io = testIo();
    const text = renderTrap(await trap({ query: 'why-not-just-use-kubeflow' }, io), io);
    expect(text).toContain('Why not just use Kubeflow?');
    expect(text).toContain(KUBEFLOW);
    for (const part of ['What the interviewer wants', 'Weak answer', 'Why it fails', 'Strong answer', 'Key points to hit', 'GenAI tracing']) expect(text).toContain(part);
    expect(await readHistory(io)).toEqual([]);
  });

  it('shows why a trap is a trap on its own when the guide gives no weak answer', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'coach-trap-why-'));
    writeFileSync(
      join(dir, 'shop.md'),
      '# Shop\n\n## Trap Questions\n\n### Trap 1: "Should each merchant get a database?"\n\n**The trap:** This sounds like good isolation but is operationally disastrous at scale.\n\n**Correct reasoning:** Shared database with row-level tenant isolation.\n',
    );
    const io = testIo();
    const text = renderTrap(await trap({ query: 'shop/should-each-merchant-get-a-database', guides: [dir] }, io), io);
    expect(text).toMatch(/Why it is a trap\n {2}This sounds like good isolation/);
    expect(text).not.toContain('Weak answer');
  });

  it('--reveal on a terminal prints too, without asking', async () => {
    const io = testIo({ interactive: true });
    const result = await trap({ query: KUBEFLOW, reveal: true }, io);
    expect(result.mode).toBe('reveal');
  });

  it('opens the trap a `coach search` hit names', async () => {
    const io = testIo();
    const { search } = await import('../src/commands/search.js');
    const hits = await search({ words: ['training-serving', 'skew'], limit: 20, kind: 'trap' }, io);
    const command = JSON.stringify(hits).match(/coach trap ([^"\s]+) --reveal/)![1]!;
    const result = await trap({ query: command, reveal: true }, io);
    expect(result.mode === 'reveal' && result.trap.question).toMatch(/skew/i);
  });

  it('finds a trap by words of its question', async () => {
    const result = await trap({ query: 'cassandra down', reveal: true }, testIo());
    expect(result.mode === 'reveal' && result.trap.id).toBe('michelangelo/what-if-cassandra-goes-down');
  });

  it.each([
    ['kubeflow', KUBEFLOW],
    ['why kubernetes', 'oss-ml-platform/why-kubernetes-why-not-just-use-vms'],
    ['skew', 'mlops-platform/how-do-you-handle-training-serving-skew'],
  ])('`coach trap %s` opens the trap about it: %s', async (query, id) => {
    const result = await trap({ query, reveal: true }, testIo());
    expect(result.mode === 'reveal' && result.trap.id).toBe(id);
  });

  it('says which traps are closest when nothing matches', async () => {
    await expect(trap({ query: 'zzzz qqqq', reveal: true }, testIo())).rejects.toBeInstanceOf(NotFoundError);
  });

  it('--topic narrows, and a topic no trap is about is not found', async () => {
    const list = await trap({ query: 'list', topic: 'cassandra' }, testIo());
    expect(list.mode === 'list' && list.traps.map((t) => t.id)).toContain('michelangelo/what-if-cassandra-goes-down');
    expect(list.mode === 'list' && list.traps.every((t) => t.guide === 'michelangelo')).toBe(true);
    await expect(trap({ query: 'random', topic: 'blockchain quantum' }, testIo())).rejects.toBeInstanceOf(NotFoundError);
  });

  it('rejects a --time that is not a positive number', async () => {
    await expect(trap({ query: 'random', time: 0 }, testIo())).rejects.toBeInstanceOf(UsageError);
  });
});

describe('coach trap list', () => {
  it('lists every trap of a guide with its full id and schedule', async () => {
    const io = testIo();
    const result = await trap({ query: 'list', guide: 'oss-ml-platform' }, io);
    expect(result.mode === 'list' && result.traps.length).toBe(6);
    const text = renderTrap(result, io);
    expect(text).toContain('why-not-just-use-kubeflow');
    expect(text).toMatch(/6 traps · 0 due · 6 new/);
  });
});

async function practise(io: TestIo, query: string, answer: string, rating: string): Promise<ReturnType<typeof trap>> {
  // "easy" for an answer that covers nothing is confirmed first: yes.
  io.prompt = scripted({ notes: [answer], select: [rating], confirm: [true] });
  return trap({ query }, io);
}

describe('coach trap on a terminal', () => {
  it('asks, reveals with the key points covered and missed, and saves the rating', async () => {
    const io = testIo({ interactive: true });
    const prompt = scripted({ notes: ['Kubeflow is a legitimate choice, but MLflow 3 brings GenAI tracing\nand KServe is serverless.'], select: ['good'] });
    io.prompt = prompt;
    const result = await trap({ query: KUBEFLOW }, io);
    const out = io.out();
    expect(out).toContain('Why not just use Kubeflow?');
    expect(out).toContain('You said');
    expect(out).toContain('Strong answer');
    expect(out).toContain('Key points: 3 of 6 covered');
    expect(out).toMatch(/✓ Acknowledges the alternative — you said “legitimate”/);
    expect(out).toMatch(/✓ GenAI tracing — you said “GenAI tracing”/);
    expect(out).toMatch(/✗ Independent upgrades — no waiting on a suite release/);
    // The rating starts on what the key points suggest; each choice shows the next review.
    const rating = prompt.asked.find((a) => a.kind === 'select')!;
    expect(rating.defaultValue).toBe('hard');
    expect(rating.choices).toEqual([expect.stringMatching(/^again.*next: 1m/), expect.stringMatching(/^hard.*6m/), expect.stringMatching(/^good.*10m/), expect.stringMatching(/^easy.*\d+d\)$/)]);
    expect(result).toMatchObject({ mode: 'practice', rating: 'good', coverage: { covered: 3, total: 6 } });
    expect(renderTrap(result, io)).toMatch(/Saved: good · 3\/6 key points · next review in 10m/);
    expect(await readHistory(io)).toEqual([
      expect.objectContaining({ kind: 'review', deck: 'traps', item: KUBEFLOW, guide: 'oss-ml-platform', rating: 'good', correct: true, covered: 3, total: 6, at: '2026-11-22T09:00:00.000Z' }),
    ]);
  });

  it('shows a countdown in the status line with --time, and the time used after', async () => {
    let clock = 0;
    const io = testIo({ interactive: true, now: () => clock });
    const prompt = scripted({ select: ['again'] });
    const lines: string[] = [];
    // The user thinks for 95 seconds while the status line is redrawn.
    prompt.notes = async (options) => {
      clock = 30_000;
      lines.push(options.status!());
      clock = 95_000;
      lines.push(options.status!());
      return { text: '', command: 'skip' };
    };
    io.prompt = prompt;
    const result = await trap({ query: KUBEFLOW, time: 90 }, io);
    expect(lines[0]).toContain('1:00 left');
    expect(lines[1]).toContain('time is up +0:05');
    expect(renderTrap(result, io)).toMatch(/· 95s of 90s \(5s over\)$/);
  });

  it('`random` respects the schedule: a trap just rated is not picked again while others wait', async () => {
    const io = testIo({ interactive: true });
    const guideTraps = 6;
    const seen = new Set<string>();
    for (let i = 0; i < guideTraps; i++) {
      io.prompt = scripted({ notes: ['I do not know'], select: ['good'] });
      const r = await trap({ query: 'random', guide: 'oss-ml-platform' }, io);
      if (r.mode !== 'practice') throw new Error('expected a practice round');
      expect(seen.has(r.trap.id)).toBe(false);
      seen.add(r.trap.id);
    }
    expect(seen.size).toBe(guideTraps);
    const list = await trap({ query: 'list', guide: 'oss-ml-platform' }, testIo({ dataDir: io.dataDir }));
    expect(list.mode === 'list' && list.traps.every((t) => t.schedule.standing === 'later')).toBe(true);
  });

  it('a trap rated again comes back first once it is due', async () => {
    let now = new Date('2026-11-22T09:00:00Z');
    const io = testIo({ interactive: true, date: () => now });
    await practise(io, KUBEFLOW, 'no idea', 'again');
    for (const other of ['can-t-we-skip-the-feature-store', 'why-do-you-need-both-online-and-offline']) await practise(io, `oss-ml-platform/${other}`, 'x', 'easy');
    now = new Date('2026-11-22T09:05:00Z');
    let wins = 0;
    for (let i = 0; i < 20; i++) {
      const r = await trap({ query: 'random', guide: 'oss-ml-platform', reveal: true, random: () => i / 20 }, io);
      if (r.mode === 'reveal' && r.trap.id === KUBEFLOW) wins++;
    }
    // Due traps come first, every time (issue 11: a weighted draw served it half the time).
    expect(wins).toBe(20);
  });
});

describe('findTrap', () => {
  it('asks which guide when a bare trap id is in two of them', async () => {
    const { findTrap } = await import('../src/commands/trap.js');
    const { buildDecks } = await import('../src/practice/decks.js');
    const { emptyGuide } = await import('../src/guides/model.js');
    const base = emptyGuide('x', 'x.md');
    const t = { id: 'why-not-x', question: 'Why not X?', keyPoints: [], line: 1 };
    const items = buildDecks(
      [
        { ...base, id: 'a', title: 'A', traps: [t] },
        { ...base, id: 'b', title: 'B', traps: [t] },
      ],
      ['traps'],
    ) as Parameters<typeof findTrap>[0];
    const err = await findTrap(items, 'why-not-x', testIo()).then(
      () => undefined,
      (e: unknown) => e as UsageError,
    );
    expect(err).toBeInstanceOf(UsageError);
    expect(err!.message).toBe("'why-not-x' is a trap in 2 guides: a/why-not-x, b/why-not-x");
    expect((await findTrap(items, 'b/why-not-x', testIo())).id).toBe('b/why-not-x');
  });
});

describe('coach trap reads the one guide it shows (issue 14)', () => {
  it('reveals a trap named in full, and a random one, the same as from the whole library', async () => {
    const io = testIo();
    const named = await trap({ query: 'bighead/why-not-just-compute-features-in-the', reveal: true }, io);
    expect(named.mode === 'reveal' && named.trap.question).toBe('Why not just compute features in the model code?');
    const random = await trap({ query: 'random', reveal: true, random: () => 0 }, io);
    expect(random.mode).toBe('reveal');
  });

  it('says a missing guides folder once, when a full id is not found and the whole library is searched', async () => {
    const io = testIo();
    await expect(trap({ guides: ['/no/such/folder'], query: 'foo/bar', reveal: true }, io)).rejects.toThrow(NotFoundError);
    expect(io.err().match(/cannot read guides folder/g)).toHaveLength(1);
  });
});

describe('coach trap list --guide with a guide that has no traps', () => {
  it('says so (exit 3), as trap random does', async () => {
    const io = testIo();
    await expect(trap({ query: 'list', guide: 'mlops-question-bank' }, io)).rejects.toThrow(/guide 'mlops-question-bank' has no traps/);
  });
});
