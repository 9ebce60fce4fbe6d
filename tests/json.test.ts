// Every command's --json output against the shape docs/json.md gives it (issue 11):
// objects with named, typed fields, the same documented shape every time. The types
// are read from the documentation itself, so the two cannot drift apart.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram, run, type Runtime } from '../src/cli.js';
import { testIo, type TestIo } from './helpers/io.js';
import { check, readTypes } from './helpers/json-shape.js';
import { appendHistory } from '../src/store/history.js';

const DOC = readFileSync(join(import.meta.dirname, '../docs/json.md'), 'utf8');
const TYPES = readTypes(DOC);
const ANSWERS = join(import.meta.dirname, 'fixtures', 'mock', 'fintech-good.md');
const GUIDES = join(import.meta.dirname, '..', 'guides');

function runtime(io: TestIo): Runtime {
  return { io: async () => io, out: (t) => io.stdout.write(t), err: (t) => io.stderr.write(t), version: '0', debug: false };
}

/** A data folder with two mocks and a few reviews, shared by the cases that read history. */
const seeded = testIo();
await run(['mock', '--scenario', 'fintech', '--answers', ANSWERS], runtime(seeded));
await run(['mock', '--guide', 'bighead', '--phase', 'deep-dive', '--answers', ANSWERS], runtime(seeded));
for (const [item, rating] of [
  ['oss-ml-platform/why-not-just-use-kubeflow', 'again'],
  ['bighead/how-do-you-handle-point-in-time', 'good'],
] as const) {
  await appendHistory(seeded, { kind: 'review', id: item, at: '2026-11-22T08:00:00Z', deck: 'traps', item, guide: item.split('/')[0]!, rating, correct: rating === 'good' });
}

const out = mkdtempSync(join(tmpdir(), 'coach-json-'));
const PARTS = ['pacing', 'questions', 'scenarios', 'tradeoffs', 'traps', 'mistakes', 'cards', 'numbers', 'flow', 'end', 'related', 'bank', 'prompts', 'discussion'];

// [the type in docs/json.md, the command line (--json is added), the data folder to use]
const CASES: [string, string[], TestIo?][] = [
  ...['guides', 'cards', 'traps', 'tradeoffs', 'scenarios', 'questions'].map((k): [string, string[]] => ['ListOutput', ['list', k]]),
  ['CardOutput', ['card', 'latency']],
  ['CardOutput', ['card', 'latency', 'slo']],
  ['CardOutput', ['card']],
  ['TradeoffOutput', ['tradeoff', 'kserve']],
  ['TradeoffOutput', ['tradeoff']],
  ['GuideOutput', ['guide']],
  ['GuideOutput', ['guide', 'bighead']],
  ['GuideOutput', ['guide', 'mlops-question-bank']],
  ...['bighead', 'oss-ml-platform', 'michelangelo', 'mlops-question-bank'].flatMap((g) => PARTS.map((p): [string, string[]] => ['GuideOutput', ['guide', g, '--section', p]])),
  ['GuideOutput', ['guide', 'bighead', '--section', 'Where to Spend Most Time']],
  ['GuideOutput', ['guide', 'mlops-question-bank', '--section', 'checklist']],
  ['GuideOutput', ['guide', 'mlops-question-bank', '--section', 'Q4']],
  ['SearchOutput', ['search', 'feature', 'store']],
  ['SearchOutput', ['search', 'kafka', 'exactly', 'once']],
  ['TrapOutput', ['trap', 'list'], seeded],
  ['TrapOutput', ['trap', 'kubeflow'], seeded],
  ['TrapOutput', ['trap', 'random'], seeded],
  ['MockOutput', ['mock', '--scenario', 'fintech']],
  ['MockOutput', ['mock', '--guide', 'bighead', '--phase', 'deep-dive', '--interviewer', 'infra']],
  ['MockOutput', ['mock', '--scenario', 'fintech', '--answers', ANSWERS]],
  ['HistoryOutput', ['history'], seeded],
  ['HistoryOutput', ['history', 'show', '1'], seeded],
  ['DrillOutput', ['drill', '--plan'], seeded],
  ['StatsOutput', ['stats'], seeded],
  ['TodayOutput', ['today'], seeded],
  ['ExportOutput', ['export', 'anki', '--deck', 'traps']],
  ['ExportOutput', ['export', 'md', '-o', join(out, 'decks.md')]],
  ['ValidateOutput', ['validate', GUIDES]],
  ['ConfigOutput', ['config', 'list']],
  ['ConfigOutput', ['config', 'set', 'minutes', '30']],
  ['ConfigOutput', ['config', 'get', 'minutes']],
  ['ConfigOutput', ['config', 'unset', 'minutes']],
  ['ConfigOutput', ['config', 'path']],
  ['PathsOutput', ['paths']],
  ['ResetOutput', ['reset', '--yes']],
];

describe('--json output matches docs/json.md', () => {
  it.each(CASES)('%s: coach %j', async (type, argv, io = testIo()) => {
    const before = io.out().length;
    expect(await run([...argv, '--json'], runtime(io))).toBe(0);
    const value: unknown = JSON.parse(io.out().slice(before));
    expect(value !== null && typeof value === 'object' && !Array.isArray(value)).toBe(true);
    expect(TYPES.has(type), `docs/json.md defines ${type}`).toBe(true);
    expect(check(value, { t: 'ref', name: type }, TYPES)).toEqual([]);
  });

  it('removes a mock, and says so in the documented shape', async () => {
    const io = testIo();
    await run(['mock', '--scenario', 'fintech', '--answers', ANSWERS], runtime(io));
    const before = io.out().length;
    expect(await run(['history', 'rm', '1', '--yes', '--json'], runtime(io))).toBe(0);
    expect(check(JSON.parse(io.out().slice(before)), { t: 'ref', name: 'HistoryOutput' }, TYPES)).toEqual([]);
  });

  it('documents every command that takes --json, and each documented output is tested', () => {
    const program = buildProgram(runtime(testIo()), { exitCode: 0 });
    const withJson = program.commands.filter((c) => c.options.some((o) => o.long === '--json')).map((c) => c.name());
    const tested = new Set(CASES.map(([, argv]) => argv[0]));
    expect(withJson.filter((name) => !tested.has(name))).toEqual([]);
    for (const name of withJson) expect(DOC).toContain(`## coach ${name}\n`);
    const outputs = [...TYPES.keys()].filter((k) => k.endsWith('Output'));
    expect(outputs.filter((o) => !CASES.some(([type]) => type === o))).toEqual([]);
  });
});

describe('the schema check itself', () => {
  const types = readTypes('```ts\ntype T = { a: number, b?: "x" | "y", c: { d: string }[] }\n```');
  it.each([
    [{ a: 1, c: [] }, []],
    [{ a: 1, b: 'x', c: [{ d: 'e' }] }, []],
    [{ a: '1', c: [] }, ['$.a: expected number, got "1"']],
    [{ a: 1, b: 'z', c: [] }, ['$.b: expected one of "x", "y", got "z"']],
    [{ a: 1, c: [{ d: 1 }] }, ['$.c[0].d: expected string, got 1']],
    [{ c: [] }, ['$.a: missing']],
    [{ a: 1, c: [], e: true }, ['$.e: not in docs/json.md']],
  ])('%j → %j', (value, problems) => {
    expect(check(value, { t: 'ref', name: 'T' }, types)).toEqual(problems);
  });
});
