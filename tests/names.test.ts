// Names never open the wrong thing (issue 11): on the bundled library, a table of
// queries each command must find (exact ids and titles, typos of one or two letters
// in long names, known aliases) and of queries it must not (not found, exit 3, with
// the closest names). A forgiven typo says which item it opened.
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli.js';
import { testIo, type TestIo } from './helpers/io.js';
import { card } from '../src/commands/card.js';
import { guide } from '../src/commands/guide.js';
import { tradeoff } from '../src/commands/tradeoff.js';
import { trap } from '../src/commands/trap.js';
import { mock } from '../src/commands/mock.js';
import { NotFoundError } from '../src/errors.js';
import { distance, matchName } from '../src/guides/match.js';
import { alnumRuns } from '../src/guides/text.js';
import { testRuntime } from './helpers/runtime.js';
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GUIDES = join(import.meta.dirname, '../guides');

type Kind = 'scenario' | 'guide' | 'card' | 'trade-off' | 'trap';

/** What the command opened for a query: its id, and what it said on stderr. */
async function open(kind: Kind, query: string): Promise<{ id: string; err: string }> {
  const io = testIo();
  let id: string;
  switch (kind) {
    case 'scenario': {
      const r = await mock({ scenario: query }, io);
      if (r.kind !== 'study') throw new Error('expected the study sheet');
      id = r.plan.scenario!;
      break;
    }
    case 'guide': {
      const r = await guide({ id: query }, io);
      if (r.kind !== 'overview') throw new Error('expected an overview');
      id = r.guide.id;
      break;
    }
    case 'card': {
      const r = await card({ query, names: [query] }, io);
      if (r.kind !== 'card') throw new Error('expected one card');
      id = r.card.id;
      break;
    }
    case 'trade-off': {
      const r = await tradeoff({ query }, io);
      if (r.kind !== 'tradeoff') throw new Error('expected a trade-off');
      id = r.tradeoff.id;
      break;
    }
    case 'trap': {
      const r = await trap({ query, reveal: true }, io);
      if (r.mode !== 'reveal') throw new Error('expected a trap');
      id = r.trap.id;
      break;
    }
  }
  return { id, err: io.err() };
}

// [kind, query, the id it opens, whether coach says what it matched (a typo forgiven, or a scenario by the start of its id)]
const FOUND: [Kind, string, string, boolean][] = [
  ['scenario', 'fintech', 'fintech', false],
  ['scenario', 'fraud-detection', 'fraud-detection', false],
  // The start of a scenario's id: opened, and said (a scenario is named by its id).
  ['scenario', 'fraud', 'fraud-detection', true],
  ['scenario', 'e-commerce', 'e-commerce', false],
  ['scenario', 'ecommerce', 'e-commerce', false],
  ['scenario', 'healthcare', 'healthcare', false],
  ['scenario', 'feed ranking', 'feed-ranking', false],
  ['scenario', 'helthcare', 'healthcare', true],
  ['scenario', 'fraud-detecton', 'fraud-detection', true],
  ['scenario', 'michaelangelo', 'michelangelo', true],
  ['guide', 'bighead', 'bighead', false],
  ['guide', 'Airbnb BigHead', 'bighead', false],
  ['guide', 'airbnb', 'bighead', false],
  ['guide', 'uber', 'michelangelo', false],
  ['guide', 'michelangelo', 'michelangelo', false],
  ['guide', 'michelangleo', 'michelangelo', true],
  ['guide', 'mlops-platform', 'mlops-platform', false],
  ['guide', 'question bank', 'mlops-question-bank', false],
  ['guide', 'mlops-questions', 'mlops-question-bank', false],
  ['guide', 'kubernetes', 'oss-ml-platform', false],
  ['guide', 'kubernets', 'oss-ml-platform', true],
  ['guide', 'oss', 'oss-ml-platform', false],
  ['card', 'latency', 'latency-budget', false],
  ['card', 'Latency Budget', 'latency-budget', false],
  ['card', 'latency-budget', 'latency-budget', false],
  ['card', 'latncy', 'latency-budget', true],
  ['card', 'latecny budget', 'latency-budget', true],
  ['card', 'slo', 'slo-targets', false],
  ['card', 'scaling', 'scaling-thresholds', false],
  ['card', 'treshold', 'scaling-thresholds', true],
  ['card', 'stack', 'component-stack', false],
  ['card', 'cheat sheet', 'michelangelo-cheat-sheet', false],
  ['card', 'michelangelo', 'michelangelo-cheat-sheet', false],
  ['card', 'bighead', 'bighead-interview-card', false],
  ['trade-off', 'kserve', 'kserve-vs-seldon-core', false],
  ['trade-off', 'KServe vs Seldon Core', 'kserve-vs-seldon-core', false],
  ['trade-off', 'seldon', 'kserve-vs-seldon-core', false],
  ['trade-off', 'lambda kappa', 'feature-freshness-architecture', false],
  ['trade-off', 'spark vs ray', 'training-infrastructure', false],
  ['trade-off', 'airflow prefect', 'airflow-vs-prefect', false],
  ['trade-off', 'postgres', 'postgresql-vs-clickhouse', false],
  ['trade-off', 'clickhuose', 'postgresql-vs-clickhouse', true],
  ['trade-off', 'kubeflow', 'kubeflow-vs-custom-oss-composition', false],
  ['trap', 'kubeflow', 'oss-ml-platform/why-not-just-use-kubeflow', false],
  ['trap', 'oss-ml-platform/why-not-just-use-kubeflow', 'oss-ml-platform/why-not-just-use-kubeflow', false],
  ['trap', 'why-not-just-use-kubeflow', 'oss-ml-platform/why-not-just-use-kubeflow', false],
  ['trap', 'cassandra', 'michelangelo/what-if-cassandra-goes-down', false],
  ['trap', 'casandra', 'michelangelo/what-if-cassandra-goes-down', true],
  ['trap', 'point-in-time', 'bighead/how-do-you-handle-point-in-time', false],
];

const NOT_FOUND: [Kind, string][] = (['scenario', 'guide', 'card', 'trade-off', 'trap'] as Kind[]).flatMap((kind) =>
  ['foo', 'bar', 'nope', 'xyz', 'the', 'qqq zzz', 'pizza', 'of the', 'zebra', 'hello'].map((q): [Kind, string] => [kind, q]),
);

describe('names that must be found', () => {
  it.each(FOUND)('%s %j opens %s', async (kind, query, id, typo) => {
    const r = await open(kind, query);
    expect(r.id).toBe(id);
    if (typo) expect(r.err).toMatch(new RegExp(`^coach: matched '${query}' → .+\\n$`));
    else expect(r.err).toBe('');
  });
});

describe("names in a user's library, read back from its summary index (issue 14)", () => {
  // The bundled guides' files as a user's own (the same ids, so they replace the
  // bundled ones), indexed once: every later run reads names, tags and cards from the
  // index, which keeps a card's id and title apart from its tags, and a guide's tags
  // apart from its id and title.
  const dir = mkdtempSync(join(tmpdir(), 'coach-names-'));
  for (const f of readdirSync(GUIDES).filter((f) => f.endsWith('.md'))) copyFileSync(join(GUIDES, f), join(dir, f));
  const cacheDir = join(mkdtempSync(join(tmpdir(), 'coach-names-cache-')), 'cache');
  const opened = async (kind: 'guide' | 'card', query: string): Promise<{ id: string; path: string; err: string }> => {
    const io = testIo({ cacheDir });
    if (kind === 'guide') {
      const r = await guide({ guides: [dir], id: query }, io);
      if (r.kind !== 'overview') throw new Error('expected an overview');
      return { id: r.guide.id, path: r.guide.path, err: io.err() };
    }
    const r = await card({ guides: [dir], query, names: [query] }, io);
    if (r.kind !== 'card') throw new Error('expected one card');
    return { id: r.card.id, path: '', err: io.err() };
  };
  const cases = FOUND.filter(([kind]) => kind === 'guide' || kind === 'card') as ['guide' | 'card', string, string, boolean][];

  it.each(cases)('%s %j opens %s', async (kind, query, id, typo) => {
    await opened('card', 'latency'); // the index is written by the first run
    const r = await opened(kind, query);
    expect(r.id).toBe(id);
    if (kind === 'guide') expect(r.path).toBe(join(dir, `${id}.md`));
    if (typo) expect(r.err).toMatch(new RegExp(`^coach: matched '${query}' → .+\\n$`));
    else expect(r.err).toBe('');
  });
});

describe('names that must not be found', () => {
  it.each(NOT_FOUND)('%s %j is not found, with the closest names', async (kind, query) => {
    const err = await open(kind, query).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as NotFoundError).message).toContain(`'${query}'`);
  });
});

const runtime = (io: TestIo) => testRuntime(io);

describe('names on the command line', () => {
  it.each([
    [['mock', '--scenario', 'foo'], /^coach: no scenario matches 'foo'\n {2}closest: /],
    [['guide', 'nope'], /^coach: no guide matches 'nope'\n {2}closest: /],
    [['trap', 'random', '--guide', 'nope'], /^coach: no guide matches 'nope'\n/],
    [['list', 'traps', '--guide', 'nope'], /^coach: no guide matches 'nope'\n/],
    [['export', 'md', '--guide', 'nope'], /^coach: no guide matches 'nope'\n/],
    [['tradeoff', 'the'], /^coach: no trade-off matches 'the'\n/],
  ])('%j exits 3', async (argv, pattern) => {
    const io = testIo();
    const rt = runtime(io);
    expect(await run(argv, rt)).toBe(3);
    expect(rt.errors()).toMatch(pattern);
    expect(io.out()).toBe('');
  });

  it('takes --guide by name too, and says so when a typo was forgiven', async () => {
    const io = testIo();
    expect(await run(['trap', 'list', '--guide', 'michelangleo', '--json'], runtime(io))).toBe(0);
    expect(io.err()).toBe("coach: matched 'michelangleo' → Uber Michelangelo\n");
    const items = (JSON.parse(io.out()) as { traps: { guide: string }[] }).traps;
    expect(new Set(items.map((i) => i.guide))).toEqual(new Set(['michelangelo']));
  });

  it('shows both cards for `coach card latency slo`', async () => {
    const io = testIo();
    expect(await run(['card', 'latency', 'slo'], runtime(io))).toBe(0);
    expect(io.out()).toContain('│ Latency Budget');
    expect(io.out()).toContain('│ SLO Targets');
    const json = testIo();
    await run(['card', 'latency', 'slo', '--json'], runtime(json));
    expect((JSON.parse(json.out()) as { cards: { card: { id: string } }[] }).cards.map((c) => c.card.id)).toEqual(['latency-budget', 'slo-targets']);
  });

  it('shows the one card whose title the words make, though a word alone names another (`coach card gpu cheat sheet`)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coach-cards-'));
    writeFileSync(join(dir, 'serving.md'), '# Model Serving\n\n## Quick Reference Cards\n\n### GPU Cheat Sheet\n\n| Item | Target |\n|---|---|\n| p99 | 50 ms |\n');
    for (const argv of [
      ['gpu', 'cheat', 'sheet'],
      ['gpu', 'cheat'],
      ['cheat', 'gpu'],
    ]) {
      const io = testIo();
      await run(['--guides', dir, 'card', ...argv, '--json'], runtime(io));
      expect(JSON.parse(io.out()), argv.join(' ')).toMatchObject({ kind: 'card', card: { title: 'GPU Cheat Sheet' } });
    }
    // Words that each name a card directly still show each (`coach card latency slo`).
    const io = testIo();
    await run(['--guides', dir, 'card', 'gpu', 'slo', '--json'], runtime(io));
    expect((JSON.parse(io.out()) as { cards: { card: { title: string } }[] }).cards.map((c) => c.card.title)).toEqual(['GPU Cheat Sheet', 'SLO Targets']);
  });

  it('shows one card when the words name one (`coach card latency budget`)', async () => {
    const io = testIo();
    await run(['card', 'latency', 'budget', '--json'], runtime(io));
    expect(JSON.parse(io.out())).toMatchObject({ kind: 'card', card: { id: 'latency-budget' } });
  });

  // A scenario id is typed: the start of one, or a typo, opens it and says which.
  it.each([
    ['fintech', ''],
    ['FinTech', ''],
    ['fintec', "coach: matched 'fintec' → ML platform for a fintech company\n"],
    ['fintehc', "coach: matched 'fintehc' → ML platform for a fintech company\n"],
  ])('--scenario %s opens fintech, saying so when it was not the id', async (query, said) => {
    const io = testIo();
    const result = await mock({ scenario: query }, io);
    if (result.kind !== 'study') throw new Error('expected the study sheet');
    expect(result.plan.scenario).toBe('fintech');
    expect(io.err()).toBe(said);
  });

  it('picks a scenario with --scenario random, and says which', async () => {
    const picks = new Set<string>();
    for (const r of [0, 0.35, 0.99]) {
      const io = testIo();
      const result = await mock({ scenario: 'random', random: () => r }, io);
      if (result.kind !== 'study') throw new Error('expected the study sheet');
      expect(io.err()).toBe(`coach: scenario ${result.plan.scenario}, picked at random\n`);
      picks.add(result.plan.scenario!);
    }
    expect(picks.size).toBe(3);
  });
});

describe('matchName', () => {
  const items = [
    { id: 'latency-budget', title: 'Latency Budget', tags: ['p99'] },
    { id: 'slo-targets', title: 'SLO Targets' },
  ];
  it.each([
    ['latency', 'latency-budget', false],
    ['p99', 'latency-budget', false],
    ['latncy', 'latency-budget', true],
    ['budgt', 'latency-budget', true],
    ['slo', 'slo-targets', false],
    ['targts', 'slo-targets', true],
    ['sla', undefined, false],
    ['the', undefined, false],
    ['budget slo', undefined, false],
  ])('%j → %s', (q, id, typo) => {
    const m = matchName(items, q);
    expect(m?.item.id).toBe(id);
    if (m) expect(m.typo).toBe(typo);
  });

  // By title alone (ids that are not the title's slug), whatever the title begins with:
  // the shortcut that rules titles out by their first letter must never rule out a match.
  it.each([
    ['gpu cheat sheet', 'c1'],
    ['GPU-cheat', 'c1'],
    ['99th percentile', 'c2'],
    ['99th', 'c2'],
    ['elan vital', 'c3'],
    ['and more', 'c4'],
    ['quoted title', 'c5'],
    ['zeta', 'c6'],
  ])('%j is the card titled so (%s)', (q, id) => {
    const titled = [
      { id: 'c1', title: 'GPU Cheat Sheet' },
      { id: 'c2', title: '99th Percentile' },
      { id: 'c3', title: 'Élan vital' },
      { id: 'c4', title: '& more' },
      { id: 'c5', title: '"Quoted" title' },
      { id: 'c6', title: 'zeta' },
    ];
    const m = matchName(titled, q, 'direct');
    expect(m?.item.id).toBe(id);
  });

  it.each([
    ['latency', 'latency', 0],
    ['latncy', 'latency', 1],
    ['ab', 'ba', 1],
    ['treshold', 'thresholds', 2],
    ['kitten', 'sitting', 3],
  ])('distance(%s, %s) = %i', (a, b, d) => {
    expect(distance(a, b, 5)).toBe(d);
  });
});

describe('the words of a name: letters and digits as /[\\p{L}\\p{N}]+/u finds them', () => {
  const unicode = (text: string): string[] => text.match(/[\p{L}\p{N}]+/gu) ?? [];
  it.each([
    ['feature-store v2: p99 < 10ms', ['feature', 'store', 'v2', 'p99', '10ms']],
    ['“Design” a platform — batch → real time • 2×', ['Design', 'a', 'platform', 'batch', 'real', 'time', '2']],
    ['Café naïve résumé', ['Café', 'naïve', 'résumé']],
    ['x² ½ ①', ['x²', '½', '①']],
    ['数据平台 für Ärzte', ['数据平台', 'für', 'Ärzte']],
    ['', []],
  ])('%j', (text, words) => {
    expect(alnumRuns(text)).toEqual(words);
    expect(alnumRuns(text)).toEqual(unicode(text));
  });
  it('every character of plain text (ASCII, punctuation, arrows, maths, box drawing) splits as the Unicode classes split it', () => {
    const ranges = [
      [0x00, 0x7f],
      [0x2010, 0x2027],
      [0x2030, 0x205e],
      [0x2190, 0x22ff],
      [0x2500, 0x259f],
    ];
    for (const [from, to] of ranges) {
      for (let cp = from!; cp <= to!; cp++) {
        const text = `a${String.fromCodePoint(cp)}b`;
        expect(alnumRuns(text), `U+${cp.toString(16)}`).toEqual(unicode(text));
      }
    }
  });
});
