// coach mock as a command: a whole live mock with a scripted prompt and an injected
// clock, Ctrl-C mid-phase, the study sheet without a terminal, choosing a scenario,
// and the plan options (--minutes, --phase, --interviewer, --guide).
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mock, renderMock, type MockOptions, type MockResult } from '../src/commands/mock.js';
import { CancelledError, UsageError } from '../src/errors.js';
import type { NotesAnswer, NotesOptions, Prompt } from '../src/prompt.js';
import { readHistory } from '../src/store/history.js';
import { testIo, type TestIo } from './helpers/io.js';

const MIN = 60_000;

type Step =
  | { input: () => string }
  | { select: (choices: { name: string; value: unknown }[]) => unknown }
  | { checkbox: (choices: { name: string; value: unknown }[]) => unknown[] }
  | { notes: (options: NotesOptions) => NotesAnswer };

/** A prompt that plays the user's part, step by step, and fails on any other question. */
function scripted(steps: Step[]): Prompt & { left: () => number; seen: NotesOptions[] } {
  const seen: NotesOptions[] = [];
  const next = <K extends string>(kind: K): Step => {
    const step = steps.shift();
    if (!step || !(kind in step)) throw new Error(`unexpected prompt: ${kind} (script expected ${step ? Object.keys(step)[0] : 'nothing'})`);
    return step;
  };
  return {
    seen,
    left: () => steps.length,
    select: async <T>(_m: string, choices: { name: string; value: T }[]) => (next('select') as { select: (c: unknown[]) => T }).select(choices),
    checkbox: async <T>(_m: string, choices: { name: string; value: T }[]) => (next('checkbox') as { checkbox: (c: unknown[]) => T[] }).checkbox(choices),
    confirm: async () => {
      throw new Error('unexpected prompt: confirm');
    },
    input: async () => (next('input') as { input: () => string }).input(),
    notes: async (options) => {
      seen.push(options);
      return (next('notes') as { notes: (o: NotesOptions) => NotesAnswer }).notes(options);
    },
  };
}

function clock(): { now: () => number; advance: (ms: number) => void } {
  let t = 5_000;
  return { now: () => t, advance: (ms) => (t += ms) };
}

const ask = (text: string, c?: ReturnType<typeof clock>, ms = 20_000): Step => ({
  notes: () => {
    c?.advance(ms);
    return { text };
  },
});
const command = (name: string, c?: ReturnType<typeof clock>, ms = 0): Step => ({
  notes: () => {
    c?.advance(ms);
    return { text: '', command: name };
  },
});
const write = (text: string, c?: ReturnType<typeof clock>, ms = MIN, cmd?: string): Step => ({
  notes: (o) => {
    o.onDraft?.(text);
    c?.advance(ms);
    return { text, ...(cmd ? { command: cmd } : {}) };
  },
});
const start: Step = { input: () => '' };
const tickNone: Step = { checkbox: () => [] };

function liveIo(prompt: Prompt, c: ReturnType<typeof clock>): TestIo {
  return testIo({ interactive: true, prompt, now: c.now });
}

async function run(options: MockOptions, io: TestIo): Promise<MockResult> {
  return mock({ speed: 1, ...options }, io);
}

describe('coach mock, live', () => {
  it('sits a whole fintech mock: answers, follow-ups, the trap, key points, review and saved transcript', async () => {
    const c = clock();
    const prompt = scripted([
      start,
      ask('What is the platform for, which workloads?', c),
      ask('How many models and predictions per day?', c),
      ask('It falls back to rules when the score is late.', c), // answers the interviewer's question back
      ask('What latency does a fraud score need?', c),
      ask('Any regulatory or audit requirements?', c),
      command('next', c),
      { checkbox: (choices) => [choices.find((ch) => ch.name === 'Current state')!.value] },
      write(
        'I draw five layers before any detail, with Feast as the feature store at the bottom because every model reads the same definitions.\nI compose open-source tools rather than one suite: KubeRay for training, MLflow as the registry, KServe for serving.',
        c,
        3 * MIN,
      ),
      write('Requests reach KServe through an API gateway.', c, 2 * MIN, 'next'),
      tickNone,
      write('Feast with an online store in Redis and an offline store in Parquet.', c, 4 * MIN),
      command('pause', c, MIN),
      {
        // half an hour paused: not counted
        input: () => {
          c.advance(30 * MIN);
          return '';
        },
      },
      write('Feast with an online store in Redis and an offline store in Parquet.\nA point-in-time join prevents leakage.', c, 4 * MIN, 'extend'),
      write('Feast with an online store in Redis and an offline store in Parquet.\nA point-in-time join prevents leakage.', c, 11 * MIN, 'next'),
      tickNone,
      write('Redis Cluster across availability zones; a circuit breaker with default values.', c, 2 * MIN),
      write('HPA autoscaling, pre-scale for Black Friday, load shedding.', c, 2 * MIN, 'next'),
      tickNone,
      command('skip', c, 10_000),
    ]);
    const io = liveIo(prompt, c);
    const result = await run({ scenario: 'fintech' }, io);
    expect(prompt.left()).toBe(0);
    if (result.kind !== 'review') throw new Error('expected a review');

    const out = io.out();
    // The opening, the interviewer's answers and pushes.
    expect(out).toContain('“Design an ML platform for a fintech company.”');
    expect(out).toMatch(/Pacing \(45 min\)/);
    expect(out).toContain('Interviewer: Roughly 500 models in total');
    expect(out).toContain('Interviewer: Noted.');
    expect(out).toContain('You can assume this: Every credit decision needs reasons');
    expect(out).toContain('Interviewer: Walk me through the fraud request path');
    expect(out).toMatch(/Interviewer \(trap\): How do you handle 10x traffic spike\?/);
    expect(out).toContain('+2 min for Deep Dive');
    expect(out).toMatch(/Must-ask questions 4\/4/);

    const r = result.review;
    expect(r.partial).toBe(false);
    expect(r.phases.map((p) => [p.name, p.status, p.usedMin])).toEqual([
      ['Clarify', 'done', 1.7],
      ['High-Level', 'done', 5],
      ['Deep Dive', 'done', 20], // 4 + 1 + 4 + 11, the 30 paused minutes left out
      ['Scale & Trade-offs', 'done', 4],
      ['Wrap Up', 'skipped', 0.2],
    ]);
    // Deep Dive ran 20 of its 17 allowed minutes: overtime, but not 50% over.
    // Its points: the two of its own answers, and "One definition, two paths", made while
    // drawing the design ("every model reads the same definitions").
    expect(r.phases[2]).toMatchObject({ overtimeMin: 3, covered: 3, total: 4 });
    expect(r.phases[2]!.points.find((p) => p.label === 'One definition, two paths')).toMatchObject({ covered: true, words: expect.stringMatching(/same definitions/) });
    const clarify = r.phases[0]!;
    expect(clarify.points.find((p) => p.label === 'Current state')).toMatchObject({ covered: true, by: 'you' });
    // Asked about in the candidate's own words: regulators and audits are compliance.
    expect(clarify.points.find((p) => p.label === 'Tenancy and compliance')).toMatchObject({ covered: true, by: 'matcher' });
    expect(r.phases[3]!.trap).toMatchObject({ question: 'How do you handle 10x traffic spike?', total: 6 });
    expect(r.missed.some((m) => m.phase === 'Wrap Up' && m.label === 'Key decisions')).toBe(true);
    expect(r.score).toBeGreaterThan(30);
    expect(r.score).toBeLessThan(90);

    // The transcript and the history entry.
    expect(result.transcript).toMatch(/mocks\/2026-11-22T09-00-00-000Z-fintech\.md$/);
    const md = readFileSync(result.transcript!, 'utf8');
    expect(md).toContain('# Mock interview: ML platform for a fintech company');
    expect(md).toContain('**You:** _(0:20)_ What is the platform for, which workloads?');
    expect(md).toContain('> A point-in-time join prevents leakage.');
    expect(md).toContain('- [x] Current state — ticked by you');
    expect(md).toContain('## Wrap Up (skipped)');
    const history = await readHistory(io);
    expect(history).toEqual([expect.objectContaining({ kind: 'mock', scenario: 'fintech', guide: 'oss-ml-platform', score: r.score, partial: false, transcript: result.transcript })]);

    const rendered = renderMock(result, io);
    expect(rendered).toContain(`Score ${r.score}/100`);
    // Planned 15, extended by 2, used 20: 3 over the extended window.
    expect(rendered).toMatch(/Deep Dive\s+│ 15 \+2\s+│ 20 \(\+3\)/);
    expect(rendered).toContain('Traps worth drilling next');
    expect(rendered).toMatch(new RegExp(`Transcript saved:\\s+${result.transcript!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });

  it('shows a countdown in the notes status line and keeps the typed draft', async () => {
    const c = clock();
    let status = '';
    const prompt = scripted([
      start,
      {
        notes: (o) => {
          c.advance(4 * MIN + 30_000);
          status = o.status!();
          return { text: '', command: 'next' };
        },
      },
      tickNone,
      {
        notes: () => {
          throw new CancelledError();
        },
      },
    ]);
    const io = liveIo(prompt, c);
    await expect(run({ scenario: 'fintech' }, io)).rejects.toThrow(CancelledError);
    expect(status).toBe('0:30 left · last minute · Clarify 1/5 · total 4:30 / 45:00');
    expect(prompt.seen[0]).toMatchObject({ singleLine: true, commands: ['next', 'skip', 'extend', 'pause', 'help'] });
  });

  it('Ctrl-C mid-phase saves a partial transcript with what was being typed, and a partial history entry', async () => {
    const c = clock();
    const prompt = scripted([
      start,
      ask('How many models?', c),
      command('next', c),
      tickNone,
      {
        notes: (o) => {
          o.onDraft?.('Five layers with a feature store\nand KServe on the request');
          c.advance(2 * MIN);
          throw new CancelledError();
        },
      },
    ]);
    const io = liveIo(prompt, c);
    const error = await run({ scenario: 'fintech' }, io).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CancelledError);
    const hint = (error as CancelledError).hint ?? '';
    const file = /partial transcript saved: (.+)$/.exec(hint)?.[1];
    expect(file && existsSync(file)).toBe(true);
    const md = readFileSync(file!, 'utf8');
    expect(md).toContain('(partial: stopped before the end)');
    expect(md).toContain('## High-Level (stopped)');
    expect(md).toContain('> and KServe on the request');
    expect(md).toContain('## Deep Dive (not reached)');
    const [entry] = await readHistory(io);
    expect(entry).toMatchObject({ kind: 'mock', partial: true, transcript: file });
    if (entry?.kind !== 'mock') throw new Error('expected a mock entry');
    expect(entry.phases.map((p) => p.usedMin)).toEqual([0.3, 2, 0, 0, 0]);
    // High-Level's key points were checked against the unfinished notes ("five layers";
    // a feature store and KServe only named).
    expect(entry.phases[1]).toMatchObject({ covered: 1, total: 5 });
  });

  it('when time is up the interviewer says so once and the phase goes on until the user moves on', async () => {
    const c = clock();
    const prompt = scripted([
      start,
      command('next', c),
      tickNone,
      write('Five layers on Kubernetes with Feast, MLflow, KServe and Airflow.', c, 11 * MIN),
      write('And the fraud path splits its 100 ms per hop.', c, MIN),
      write('One more thing about the registry.', c, MIN),
      command('next', c),
      {
        checkbox: () => {
          throw new CancelledError();
        },
      },
    ]);
    const io = liveIo(prompt, c);
    await expect(run({ scenario: 'fintech' }, io)).rejects.toThrow(CancelledError);
    expect(prompt.left()).toBe(0);
    const said = io.out().replace(/\s+/g, ' ').split("We're over time on this part: add anything you still want to say, or /next to move on.").length - 1;
    expect(said).toBe(1);
    expect(io.out()).toContain('High-Level done · used 13:00 of 10:00 (3:00 over)');
  });

  it('in Clarify, the interviewer does not ask back what the candidate already asked about', async () => {
    const c = clock();
    const prompt = scripted([
      start,
      ask('When do fraud labels arrive?', c),
      ask('How many transactions a second?', c),
      ask('The transaction is approved by rules.', c),
      ask('What latency is needed?', c),
      ask('What availability is needed?', c),
      command('next', c),
      {
        checkbox: () => {
          throw new CancelledError();
        },
      },
    ]);
    const io = liveIo(prompt, c);
    await expect(run({ scenario: 'fraud-detection' }, io)).rejects.toThrow(CancelledError);
    expect(io.out()).toContain('Interviewer: What happens to a transaction when no score arrives in time?');
    expect(io.out()).not.toContain('How late do fraud labels arrive');
  });

  it('without --scenario on a terminal, asks which scenario', async () => {
    let offered: string[] = [];
    const prompt = scripted([
      {
        select: (choices) => {
          offered = choices.map((ch) => String(ch.value));
          return 'healthcare';
        },
      },
      {
        input: () => {
          throw new CancelledError();
        },
      },
    ]);
    const io = liveIo(prompt, clock());
    await expect(run({}, io)).rejects.toThrow(CancelledError);
    expect(offered).toContain('fintech');
    expect(offered).toContain('healthcare');
    expect(io.out()).toContain('Design an ML platform for a healthcare company.');
    // Cancelled before the clock started: nothing to save.
    expect(await readHistory(io)).toEqual([]);
  });
});

describe('coach mock without a terminal', () => {
  it('prints the whole plan as a study sheet: every phase with its prompts and key points', async () => {
    const io = testIo();
    const result = await run({ scenario: 'fintech' }, io);
    expect(result.kind).toBe('study');
    const text = renderMock(result, io);
    for (const phase of ['Clarify · 0:00–5:00', 'High-Level · 5:00–15:00', 'Deep Dive · 15:00–30:00', 'Scale & Trade-offs · 30:00–40:00', 'Wrap Up · 40:00–45:00']) {
      expect(text).toContain(phase);
    }
    expect(text).toContain('Why do you need an online store and an offline store rather than one?');
    expect(text).toContain('(trap) How do you handle 10x traffic spike?');
    expect(text).toContain('Point-in-time correctness — training rows get the feature value');
    expect(text).toContain('Must-ask questions');
    expect(text).toContain('What the interviewer will tell you');
    expect(await readHistory(io)).toEqual([]);
  });

  it('without --scenario is a usage error that lists the scenarios', async () => {
    const error = await run({}, testIo()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).hint).toMatch(/^scenarios: .*fintech.*healthcare/);
  });

  it('names the closest scenarios for a wrong one', async () => {
    await expect(run({ scenario: 'fintek' }, testIo())).resolves.toMatchObject({ kind: 'study', plan: { id: 'fintech' } });
    await expect(run({ scenario: 'zzzz-nothing' }, testIo())).rejects.toThrow(/no scenario matches 'zzzz-nothing'/);
  });
});

describe('plan options', () => {
  const plan = async (options: MockOptions) => {
    const r = await run(options, testIo());
    if (r.kind !== 'study') throw new Error('expected a study sheet');
    return r.plan;
  };

  it('--minutes scales the plan to whole minutes', async () => {
    const p = await plan({ scenario: 'fintech', minutes: 30 });
    expect(p.phases.map((x) => [x.start, x.end])).toEqual([
      [0, 3],
      [3, 10],
      [10, 20],
      [20, 27],
      [27, 30],
    ]);
    expect(p.totalMinutes).toBe(30);
  });

  it('--phase keeps one phase, timed from zero', async () => {
    const p = await plan({ scenario: 'fintech', phase: 'deep' });
    expect(p.phases.map((x) => [x.name, x.start, x.end])).toEqual([['Deep Dive', 0, 15]]);
    await expect(run({ scenario: 'fintech', phase: 'lunch' }, testIo())).rejects.toThrow(/no phase 'lunch'/);
  });

  it('--phase with a typo opens the phase it was meant for and says so; an unknown phase lists each phase by its own key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coach-phase-'));
    writeFileSync(
      join(dir, 'video-calls.md'),
      [
        '# Video Calls',
        '## Interview Pacing',
        '| Time | Phase | Focus |',
        '|---|---|---|',
        '| 0-5 min | Clarify | Meeting size |',
        '| 5-35 min | Scale & Trade-offs | Cascaded SFU |',
        '| 35-45 min | Reliability | SFU failover |',
      ].join('\n'),
    );
    const io = testIo();
    const result = await run({ guides: [dir], guide: 'video-calls', phase: 'reliabilty' }, io);
    expect(result.kind === 'study' && result.plan.phases.map((p) => p.name)).toEqual(['Reliability']);
    expect(io.err()).toContain("coach: matched 'reliabilty' → Reliability (reliability)");
    // Not found (exit 3), as any unknown name is, with the names there are.
    await expect(run({ guides: [dir], guide: 'video-calls', phase: 'lunch' }, testIo())).rejects.toMatchObject({ exitCode: 3, hint: 'phases: clarify, scale, reliability' });
  });

  it('--interviewer leans the follow-ups to that background, from the BigHead discussion points', async () => {
    // With --json, as a user sees which key points a follow-up probes.
    const p = await plan({ scenario: 'fintech', interviewer: 'infra', json: true });
    expect(p.interviewer?.title).toBe('If Interviewer Has Infra/SRE Background');
    expect(p.phases.find((x) => x.key === 'deep-dive')?.followUps[0]?.text).toBe('From my infrastructure side: tell me about scaling strategy: horizontal versus vertical.');
    expect(p.phases.find((x) => x.key === 'scale')?.followUps[0]).toEqual({
      text: 'From my infrastructure side: tell me about fault tolerance, including circuit breakers.',
      probes: ['Graceful degradation'],
    });
    await expect(run({ scenario: 'fintech', interviewer: 'chef' }, testIo())).rejects.toThrow(UsageError);
  });

  it('--guide without a scenario mocks on the guide: its pacing, key points and a trap', async () => {
    const p = await plan({ guide: 'michelangelo' });
    expect(p.scenario).toBeUndefined();
    expect(p.guide.id).toBe('michelangelo');
    expect(p.phases).toHaveLength(5);
    expect(p.phases.every((x) => x.keyPoints.length > 0)).toBe(true);
    expect(p.phases.find((x) => x.key === 'scale')?.trap).toBeDefined();
  });

  it('--guide with no pacing uses the standard 45-minute plan', async () => {
    const p = await plan({ guide: 'mlops-question-bank' });
    expect(p.phases.map((x) => x.name)).toEqual(['Clarify', 'High-Level', 'Deep Dive', 'Scale & Trade-offs', 'Wrap Up']);
    expect(p.totalMinutes).toBe(45);
  });
});
