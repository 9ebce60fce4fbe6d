// coach mock --answers FILE: a written mock scored without prompting. A file that
// covers the fintech scenario's key points scores clearly higher than a vague one,
// and the review names what the vague one missed.
import { emptyGuide } from '../src/guides/model.js';
import { join } from 'node:path';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { mock, renderMock, type MockResult } from '../src/commands/mock.js';
import { NotFoundError, UsageError } from '../src/errors.js';
import { readHistory } from '../src/store/history.js';
import { run, type Runtime } from '../src/cli.js';
import { parseAnswers, questionLines } from '../src/mock/answers.js';
import { buildPlan } from '../src/mock/build-plan.js';
import { STANDARD_PLAN } from '../src/guides/phases.js';
import { testIo, type TestIo } from './helpers/io.js';
import { renderValidate, validate } from '../src/commands/validate.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'mock');
const GOOD = join(FIXTURES, 'fintech-good.md');
const VAGUE = join(FIXTURES, 'fintech-vague.md');

async function score(file: string, io: TestIo = testIo()): Promise<Extract<MockResult, { kind: 'review' }>> {
  const r = await mock({ scenario: 'fintech', answers: file }, io);
  if (r.kind !== 'review') throw new Error('expected a review');
  return r;
}

describe('coach mock --answers', () => {
  it('scores a file that covers the key points clearly higher than a vague one', async () => {
    const good = await score(GOOD);
    const vague = await score(VAGUE);
    expect(good.review.score).toBeGreaterThanOrEqual(85);
    expect(vague.review.score).toBeLessThanOrEqual(20);
    expect(good.review.score - vague.review.score).toBeGreaterThanOrEqual(50);
    expect(good.review.timed).toBe(false);
  });

  it('scores a mock of Clarify alone on its questions, not as an answer about nothing', async () => {
    // `--phase clarify`, or a mock stopped during Clarify: no answer past it to judge.
    const dir = mkdtempSync(join(tmpdir(), 'coach-clarify-'));
    const good = join(dir, 'good.md');
    const few = join(dir, 'few.md');
    writeFileSync(good, readFileSync(GOOD, 'utf8').split('\n## High-Level')[0]!);
    writeFileSync(few, '## Clarify\n\n- How big is it?\n');
    const scored = async (file: string) => {
      const r = await mock({ scenario: 'fintech', answers: file, phase: 'clarify' }, testIo());
      if (r.kind !== 'review') throw new Error('expected a review');
      return r.review;
    };
    const [g, f] = [await scored(good), await scored(few)];
    expect(g.phases.map((p) => p.key)).toEqual(['clarify']);
    expect(g.score).toBeGreaterThanOrEqual(70);
    expect(f.score).toBeLessThan(g.score - 30);
  });

  it('names what the vague one missed, with hints, the questions it did not ask and traps to drill', async () => {
    const io = testIo();
    const vague = await score(VAGUE, io);
    const labels = vague.review.missed.map((m) => `${m.phase}: ${m.label}`);
    expect(labels).toContain('Deep Dive: Point-in-time correctness');
    expect(labels).toContain('Scale & Trade-offs: Graceful degradation');
    expect(labels).toContain('High-Level: Feature store as foundation');
    expect(vague.review.mustAskMissed.map((m) => m.topic)).toEqual(['use-case', 'latency', 'compliance']);
    expect(vague.review.drill.length).toBeGreaterThan(0);
    const text = renderMock(vague, io).replace(/\s+/g, ' ');
    expect(text).toMatch(/Missed \(\d+\)/);
    expect(text).toContain('Point-in-time correctness — training rows get the feature value as it stood at event time');
    expect(text).toContain('Questions you did not ask');
    expect(text).toContain('Traps worth drilling next');
    expect(text).not.toContain('used min'); // no clock ran
  });

  it('the good one misses nothing and the transcript shows each phase with its key points', async () => {
    const io = testIo();
    const good = await score(GOOD, io);
    expect(good.review.missed).toEqual([]);
    const md = readFileSync(good.transcript!, 'utf8');
    expect(md).toContain('- Scored from: ');
    expect(md).toContain('**You:** What is the platform for: which workloads, fraud detection and credit scoring?');
    expect(md).toContain('**Interviewer:** Two workloads: fraud detection');
    expect(md).toContain('**Interviewer (trap question):** How do you handle 10x traffic spike?');
    expect(md).toContain('- [x] Point-in-time correctness — “point-in-time”');
    expect(await readHistory(io)).toEqual([expect.objectContaining({ kind: 'mock', scenario: 'fintech', score: good.review.score, partial: false })]);
  });

  it('warns about a heading that names no phase and scores the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coach-answers-'));
    const file = join(dir, 'a.md');
    writeFileSync(file, '# Title\n\n## Clarify\nHow many models?\n\n## Lunch plans\nSandwiches.\n\n## 3. Deep dive: the feature store\nAn online store and an offline store.\n');
    const io = testIo();
    const r = await score(file, io);
    expect(io.err()).toContain(`coach: warning ${file}:6: heading 'Lunch plans' names no phase; not scored`);
    expect(r.review.phases.find((p) => p.key === 'deep-dive')).toMatchObject({ status: 'done', covered: 1 });
    expect(r.review.phases.find((p) => p.key === 'high-level')?.status).toBe('skipped');
    expect(renderMock(r, io)).toContain('High-Level (no answer)');
  });

  it('is a usage error for a file with no phase heading, not found for a missing file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coach-answers-'));
    const file = join(dir, 'a.md');
    writeFileSync(file, 'Just some text, no headings.\n');
    await expect(score(file)).rejects.toThrow(UsageError);
    await expect(score(join(dir, 'missing.md'))).rejects.toThrow(NotFoundError);
  });

  it('--answers --json prints the same review as data', async () => {
    const io = testIo();
    let out = '';
    const rt: Runtime = { io: async () => io, out: (t) => (out += t), err: (t) => (out += t), version: '0', debug: false };
    expect(await run(['mock', '--scenario', 'fintech', '--answers', VAGUE, '--json'], rt)).toBe(0);
    const data = JSON.parse(io.out()) as Extract<MockResult, { kind: 'review' }>;
    expect(data.kind).toBe('review');
    expect(data.review.score).toBe((await score(VAGUE)).review.score);
    expect(data.review.missed.length).toBeGreaterThan(10);
    expect(data.transcript).toMatch(/\.md$/);
  });
});

describe('coach mock --guide on a guide of your own without key points', () => {
  it('checks every phase against derived key points, so an answer is never worth anything for having been written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coach-answers-'));
    const file = join(dir, 'a.md');
    writeFileSync(file, ['Clarify', 'High-Level', 'Deep Dive', 'Scale & Trade-offs', 'Wrap Up'].map((p) => `## ${p}\n\nI do not know.\n`).join('\n'));
    const r = await mock({ guides: [join(FIXTURES, 'own-guide')], guide: 'my-feature-store', answers: file }, testIo({ cacheDir: join(dir, 'cache') }));
    if (r.kind !== 'review') throw new Error('expected a review');
    expect(r.review.phases.every((p) => p.score !== null && p.total > 0)).toBe(true);
    expect(r.review.score).toBe(0);
    expect(r.review.scenario).toBeUndefined();
  });
});

describe('parseAnswers', () => {
  const plan = buildPlan({
    guide: { ...emptyGuide('g', ''), title: 'G', pacing: STANDARD_PLAN },
  });

  it.each([
    ['## Clarify', 'clarify'],
    ['# Requirements', 'clarify'],
    ['### High-level design', 'high-level'],
    ['## 3. Deep dive: the feature store', 'deep-dive'],
    ['## Scale & Trade-offs', 'scale'],
    ['## Bottlenecks and failures', 'scale'],
    ['## Wrap-up', 'wrap-up'],
  ])('%s is filed under %s', (heading, key) => {
    expect([...parseAnswers(`${heading}\nsome text\n`, plan).byPhase.keys()]).toEqual([key]);
  });

  it('ignores headings inside code fences', () => {
    const parsed = parseAnswers('## Deep Dive\n```\n# not a heading\n```\nmore\n', plan);
    expect(parsed.byPhase.get('deep-dive')).toContain('# not a heading');
    expect(parsed.unmatched).toEqual([]);
  });

  it('reads clarifying questions one per line or list item', () => {
    expect(questionLines('- How many?\n* Latency?\n1. Budget?\nTeam size?\n\n')).toEqual(['How many?', 'Latency?', 'Budget?', 'Team size?']);
  });
});

describe('a mock on a guide made only of derived material', () => {
  const DERIVED = join(FIXTURES, 'derived-guide');

  it('has key points in every phase, a scenario of its own with must-ask questions and facts, and follow-ups', async () => {
    const io = testIo({ cacheDir: join(mkdtempSync(join(tmpdir(), 'coach-derived-')), 'cache') });
    const r = await mock({ guides: [DERIVED], guide: 'distributed-rate-limiter' }, io);
    if (r.kind !== 'study') throw new Error('expected a study sheet');
    const plan = r.plan;
    expect(plan.title).toBe('Distributed Rate Limiter');
    expect(plan.prompt).toBe('Design a distributed rate limiter.');
    for (const p of plan.phases) expect(p.keyPoints.length, p.name).toBeGreaterThan(0);
    expect(plan.phases.every((p) => p.keyPoints.every((k) => k.derived))).toBe(true);
    expect(plan.mustAsk).toEqual(expect.arrayContaining(['scale']));
    expect(plan.answers['peak'] ?? plan.answers['scale']).toMatchObject({ fromGuide: true });
    expect(plan.answers['latency']?.answer).toMatch(/5 ms/);
    for (const p of plan.phases.filter((x) => x.key !== 'clarify')) expect(p.followUps.length, p.name).toBeGreaterThan(0);
    expect(plan.phases.find((p) => p.key === 'scale')?.trap?.keyPoints.length).toBeGreaterThan(1);
    // The command the study sheet prints runs as printed.
    // A command too long for the line goes on under a `\`, as a shell reads it.
    expect(renderMock(r, io).replace(/ \\\n\s+/g, ' ')).toContain(`coach mock --guide distributed-rate-limiter --guides ${join(DERIVED, '2.4-distributed-rate-limiter')}`);
  });

  it('says each key point once on the study sheet: no "Redis (e.g. Redis)", no "A vs B — A vs B: …"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coach-derived-'));
    copyFileSync(join(import.meta.dirname, 'fixtures/layouts/pacing/timeline-under-reference-title.md'), join(dir, 'search-ranking.md'));
    writeFileSync(join(dir, 'search-ranking.md'), `${readFileSync(join(dir, 'search-ranking.md'), 'utf8')}\n## Trade-offs\n\n- **Two tiers vs one model:** cost vs quality.\n`);
    const io = testIo({ cacheDir: join(dir, 'cache') });
    const r = await mock({ guides: [dir], guide: 'search-ranking' }, io);
    const text = renderMock(r, io);
    expect(text).toContain('Search Ranking');
    expect(text).toMatch(/• Retrieval\n/);
    expect(text).not.toMatch(/(\b[\w ]{3,}) \(e\.g\. \1\)/);
    expect(text).not.toMatch(/(\b[\w ]{3,}) — \1:/);
  });

  it('validate says how many key points were derived, in one line, not one warning a trap', async () => {
    const io = testIo();
    const r = await validate({ paths: [DERIVED] }, io);
    expect(r.derived).toEqual({ traps: 2, phases: 5, guides: 1 });
    expect(r.warnings).toBe(0);
    expect(renderValidate(r, io)).toContain('2 traps and 5 phases in 1 guide are scored on key points coach derived from what the guide says');
  });

  it('scores "I do not know" near zero and a real answer well above it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coach-derived-'));
    const dont = join(dir, 'dont.md');
    writeFileSync(dont, ['Clarify', 'High-Level', 'Deep Dive', 'Scale & Trade-offs', 'Wrap Up'].map((p) => `## ${p}\n\nI do not know.\n`).join('\n'));
    const good = join(dir, 'good.md');
    writeFileSync(
      good,
      [
        '## Clarify\n\n- How many requests per second at peak?\n- Are limits per user or per IP?\n- What latency budget does the check have?',
        '## High-Level\n\nThe limiter runs in the API gateway and keeps counts in a shared counter store (Redis), using a token bucket per user so short bursts are allowed.',
        '## Deep Dive\n\nRace conditions come from read-then-write, so each check is one atomic Lua script; a sliding window counter keeps memory small while staying accurate.',
        '## Scale & Trade-offs\n\nIf Redis fails we fail open with a local limit per node. Counters are sharded by user id, and hot keys get a local pre-aggregation.\n\nThe trap: an in-memory counter on each server lets a user get N times the limit, so the count lives in one shared store updated atomically.',
        '## Wrap Up\n\nThe main trade-off is accuracy versus latency; next I would add per-tenant quotas.',
      ].join('\n\n'),
    );
    const score = async (file: string): Promise<number> => {
      const r = await mock({ guides: [DERIVED], guide: 'distributed-rate-limiter', answers: file }, testIo({ cacheDir: join(dir, 'cache') }));
      if (r.kind !== 'review') throw new Error('expected a review');
      return r.review.score;
    };
    expect(await score(dont)).toBeLessThanOrEqual(10);
    expect(await score(good)).toBeGreaterThanOrEqual(50);
  });
});
