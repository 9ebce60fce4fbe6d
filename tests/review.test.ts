// The session and its review, without a terminal: credit comes from the candidate's
// own words, the trap is scored on what came after it, time counts a little, and the
// drill advice follows what was missed.
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../src/commands/shared.js';
import { buildPlan } from '../src/mock/build-plan.js';
import type { MockPlan } from '../src/mock/plan.js';
import { MockClock } from '../src/mock/clock.js';
import { MockSession } from '../src/mock/session.js';
import { reviewSession, timeCredit, trapsToDrill, TIME_WEIGHT } from '../src/mock/review.js';
import { matchKeyPoints } from '../src/judge/concepts.js';
import { transcriptMarkdown } from '../src/mock/transcript.js';
import { testIo } from './helpers/io.js';

const MIN = 60_000;
const lib = await openLibrary({ guides: [] }, testIo());
const fintech = (): MockPlan => {
  const scenario = lib.scenarios.find((s) => s.id === 'fintech')!;
  return buildPlan({ guide: lib.guides.find((g) => g.id === scenario.guide)!, scenario });
};

/** A session whose clock the test moves. */
function sit(plan: MockPlan): { session: MockSession; advance: (ms: number) => void } {
  let t = 0;
  return { session: new MockSession(plan, new MockClock(() => t)), advance: (ms) => (t += ms) };
}

describe('credit comes from the candidate', () => {
  it("an interviewer's reply that mentions a point does not earn it", () => {
    const { session } = sit(fintech());
    session.startPhase();
    // The interviewer's answer to this question is about notebooks and hand deployment.
    const r = session.ask('What do teams use today to train and ship models?');
    expect(r.lines[0]!.text).toContain('notebooks');
    const phase = session.finishPhase();
    // The candidate asked about the current state: that point is theirs...
    expect(phase.check!.results.find((x) => x.point.label === 'Current state')?.covered).toBe(true);
    // ...but nothing about the interviewer's words earns "Latency target" or "Scale".
    expect(phase.check!.results.find((x) => x.point.label === 'Latency target')?.covered).toBe(false);
    expect(phase.check!.results.find((x) => x.point.label === 'Scale')?.covered).toBe(false);
  });

  it('a question about regulators and explanations earns the compliance point and the must-ask', () => {
    const { session } = sit(fintech());
    session.startPhase();
    session.ask('Do regulators need explanations for every credit decision?');
    const phase = session.finishPhase();
    expect(phase.check!.results.find((x) => x.point.label === 'Tenancy and compliance')?.covered).toBe(true);
    expect(phase.asked).toContain('compliance');
  });

  it('a bare list of topics is not asking about them', () => {
    const { session } = sit(fintech());
    session.startPhase();
    session.ask('scale, latency, compliance, use case, notebooks');
    expect(session.finishPhase().asked).toEqual([]);
  });
});

// Found by a new user: "What about batching?" in Scale & Trade-offs, after a whole Deep
// Dive on batching.
describe('the interviewer does not ask about what an earlier phase said', () => {
  it('skips a follow-up whose point the candidate made in an earlier phase, and still scores each phase on its own words', () => {
    const plan = fintech();
    const { session } = sit({ ...plan, phases: plan.phases.filter((p) => p.key === 'high-level' || p.key === 'deep-dive') });
    session.startPhase();
    session.answer(
      'Training data is built with a point-in-time join: each row takes the feature values as they were at the event timestamp, so a chargeback that arrives weeks later never leaks into an older training row.',
    );
    session.finishPhase();
    session.startPhase();
    session.answer(
      'Serving runs on KServe with the model loaded in memory behind an autoscaled predictor; each feature is defined once in Feast, and that one definition feeds both the batch materialisation job and the streaming writer, so training and serving compute identical values.',
    );
    const next = session.followUp();
    expect(next?.text).not.toMatch(/point-in-time join/);
    expect(next?.text).toBe('Why do you need an online store and an offline store rather than one?');
    // The point is still the Deep Dive's to make in its own words.
    expect(session.finishPhase().check!.results.find((r) => r.point.label === 'Point-in-time correctness')?.covered).toBe(false);
  });
});

describe('the interviewer does not probe a trap point an earlier phase made', () => {
  it('asks about the trap points still missing, not those said before', () => {
    const plan = fintech();
    const { session } = sit({ ...plan, phases: plan.phases.filter((p) => p.key === 'high-level' || p.key === 'scale') });
    const trap = plan.phases.find((p) => p.key === 'scale')!.trap!;
    const early =
      'For spikes, the HPA scales the serving pods on queue depth within minutes, we pre-scale before Black Friday from last year, and load shedding drops the lowest-priority traffic first.';
    session.startPhase();
    session.answer(early);
    session.finishPhase();
    const made = matchKeyPoints(early, trap.keyPoints)
      .results.filter((r) => r.covered)
      .map((r) => r.point.label);
    expect(made.length).toBeGreaterThanOrEqual(2);
    session.startPhase();
    session.answer('Redis Cluster with replicas across zones, and a circuit breaker that returns default scores when the feature store is slow.');
    expect(session.followUp()?.kind).toBe('trap');
    session.answer('We would add capacity.');
    const next = session.followUp();
    expect(next?.probes?.some((l) => made.includes(l))).toBe(false);
  });
});

describe('the trap is scored on what was written after it was asked', () => {
  function scaleSession(before: string, after: string): ReturnType<MockSession['finishPhase']> {
    const plan = fintech();
    const { session } = sit({ ...plan, phases: plan.phases.filter((p) => p.key === 'scale') });
    session.startPhase();
    session.answer(before);
    expect(session.followUp()?.kind).toBe('trap');
    session.answer(after);
    return session.finishPhase();
  }
  const trapAnswer = 'The HPA scales on queue depth within minutes, pre-scaling before Black Friday from historical patterns, and load shedding drops the lowest-priority traffic first.';

  it('an answer given before the trap does not count for it', () => {
    const phase = scaleSession(trapAnswer, 'Nothing more to add.');
    expect(phase.trapCheck!.covered).toBe(0);
    // It still counts for the phase's own points.
    expect(phase.check!.results.find((x) => x.point.label === 'Autoscaling')?.covered).toBe(true);
  });

  it('the same answer after the trap does', () => {
    const phase = scaleSession('Redis Cluster across availability zones, with failover to replicas.', trapAnswer);
    expect(phase.trapCheck!.covered).toBeGreaterThanOrEqual(3);
  });
});

// Found by a new user: a Scale phase answered "not sure" and moved on from showed
// "trap 0/6" and "you made 0 of its 6 points" for a trap never asked.
describe('a trap the phase ended before', () => {
  /** A mock of fintech's Scale phase alone, started. */
  function scaleOnly(): MockSession {
    const plan = fintech();
    const { session } = sit({ ...plan, phases: plan.phases.filter((p) => p.key === 'scale') });
    session.startPhase();
    return session;
  }

  it('is said to be not asked, its points still missed, and its drill says why', () => {
    const session = scaleOnly();
    session.answer('Not sure.');
    session.finishPhase('done');
    const review = reviewSession(session, { timed: false });
    const trap = review.phases[0]!.trap!;
    expect(trap).toMatchObject({ asked: false, covered: 0 });
    expect(trap.total).toBeGreaterThan(0);
    const drill = review.drill.find((d) => d.id === trap.id)!;
    expect(drill.why).toBe(`not asked: ${review.phases[0]!.name} ended before it; practise its ${trap.total} points`);
  });

  it('is said to be asked when it was', () => {
    const session = scaleOnly();
    session.answer('Redis Cluster across zones.');
    expect(session.followUp()?.kind).toBe('trap');
    session.answer('Nothing.');
    session.finishPhase('done');
    const review = reviewSession(session, { timed: false });
    expect(review.phases[0]!.trap).toMatchObject({ asked: true, covered: 0 });
    expect(review.drill.find((d) => d.id === review.phases[0]!.trap!.id)?.why).toMatch(/^you made 0 of its \d+ points; missed: /);
  });
});

// Found by a new user: the brief's own assumptions (the team, when labels arrive)
// were marked "not in the brief" in the saved transcript.
describe('the transcript says where an answer came from', () => {
  it('marks an assumption the brief makes as the brief’s, and one it leaves out as not in it', () => {
    const plan = fintech();
    const { session } = sit({ ...plan, phases: plan.phases.filter((p) => p.key === 'clarify') });
    session.startPhase();
    session.ask('How many data scientists and platform engineers are there?');
    session.ask('Is there a cost target?');
    session.finishPhase('done');
    const md = transcriptMarkdown(session, reviewSession(session, { timed: false }), { date: new Date(0), speed: 1, source: 'live' });
    expect(md).toMatch(/\*\*Interviewer:\*\*.* About 40 data scientists[^\n]*_\(an assumption the brief makes\)_/);
    expect(md).toMatch(/\*\*Interviewer:\*\*.* That's not in the brief\.[^\n]*_\(not in the brief: an assumption\)_/);
  });
});

describe('time', () => {
  it.each([
    [5, 5, 5, 1],
    [2.5, 5, 5, 1],
    [1, 5, 5, 0.4],
    [0, 5, 5, 0],
    [6, 5, 5, 1], // within a quarter over
    [7.5, 5, 5, 0.75],
    [10, 5, 5, 0.25], // twice the time
    [7, 5, 7, 1], // extended by 2: its own window
  ])('used %s of %s planned (%s allowed) -> %s', (used, planned, allowed, credit) => {
    expect(timeCredit(used * MIN, planned * MIN, allowed * MIN)).toBeCloseTo(credit, 5);
  });

  it('a mock done in a fifth of its time says so, and time is a tenth of the score', () => {
    const { session, advance } = sit(fintech());
    for (let p = session.startPhase(); p; p = session.startPhase()) {
      session.answer('Feast as the feature store, with an online store in Redis and an offline store in Parquet, joined point-in-time so that no label leaks.');
      advance(((p.plan.end - p.plan.start) * MIN) / 5);
      session.finishPhase();
    }
    const r = reviewSession(session, { timed: true });
    expect(r.usedMin).toBe(9);
    expect(r.notes.join(' ')).toMatch(/You used 9 of 45 minutes/);
    expect(r.timeScore).toBe(40);
    expect(r.score).toBe(Math.round((1 - TIME_WEIGHT) * r.contentScore + TIME_WEIGHT * r.timeScore!));
    expect(r.scoring).toMatch(/10% for using each phase's time \(content \d+, time 40\)/);
  });

  it('an answers file is not timed', () => {
    const { session } = sit(fintech());
    for (let p = session.startPhase(); p; p = session.startPhase()) session.finishPhase();
    const r = reviewSession(session, { timed: false });
    expect(r.timeScore).toBeNull();
    expect(r.notes).toEqual([]);
  });
});

describe('drill advice follows the misses', () => {
  it('names only traps whose key points are about something missed, and the overlap', () => {
    const plan = fintech();
    const point = (label: string) => plan.phases.flatMap((p) => p.keyPoints).find((k) => k.label === label)!;
    const drill = trapsToDrill(plan.traps, [], [{ phase: 'Deep Dive', point: point('Point-in-time correctness') }]);
    expect(drill.length).toBeGreaterThan(0);
    for (const d of drill) expect(d.why).toMatch(/^you missed point-in-time correctness \(Deep Dive\)/);
    // A miss that no trap is about names none.
    expect(trapsToDrill(plan.traps, [], [{ phase: 'Wrap Up', point: { label: 'Key decisions', terms: ['key decisions'], hint: 'list the choices' } }])).toEqual([]);
  });

  // Found by a new user: "you missed dynamic batching, a/b testing, gpu memory".
  it('names a missed point as said in a sentence, names and acronyms as written', () => {
    const plan = fintech();
    const drill = trapsToDrill(plan.traps, [], [{ phase: 'Deep Dive', point: { label: 'Point-in-Time Correctness, GPU Memory', terms: ['point-in-time'] } }]);
    expect(drill.length).toBeGreaterThan(0);
    for (const d of drill) expect(d.why).toMatch(/^you missed point-in-time correctness, GPU memory \(Deep Dive\)/);
  });
});

describe('a mock on a guide without a scenario', () => {
  it("has follow-ups in every phase after Clarify, from the guide's trade-offs, traps and closing questions", () => {
    const plan = buildPlan({ guide: lib.guides.find((g) => g.id === 'michelangelo')! });
    for (const p of plan.phases.filter((x) => x.key !== 'clarify')) expect(p.followUps.length, p.key).toBeGreaterThan(0);
    expect(plan.phases.find((p) => p.key === 'wrap-up')!.followUps.map((f) => f.text)).toContain('Which of your decisions carries the most risk, and how would you reduce it?');
  });
});

describe('a phase with nothing to check', () => {
  it('is "not scored" and left out of the total', () => {
    const plan = fintech();
    const bare = { ...plan, mustAsk: [], phases: plan.phases.map((p) => (p.key === 'wrap-up' ? { ...p, keyPoints: [] } : p)) };
    const { session } = sit(bare);
    for (let p = session.startPhase(); p; p = session.startPhase()) {
      session.answer('Feast as the feature store, with an online store in Redis and an offline store in Parquet, joined point-in-time so that no label leaks.');
      session.finishPhase();
    }
    const r = reviewSession(session, { timed: false });
    expect(r.phases.find((p) => p.key === 'wrap-up')?.score).toBeNull();
    expect(r.scoring).toMatch(/not scored \(nothing to check\): Wrap Up/);
  });
});

describe('a point made in an earlier answer', () => {
  /** Clarify asked, the design drawn with `highLevel`, the deep dive answered with `deepDive`. */
  function sat(highLevel: string, deepDive: string, clarify = 'How many predictions a day?') {
    const { session, advance } = sit(fintech());
    session.startPhase();
    session.ask(clarify);
    advance(4 * MIN);
    session.finishPhase();
    session.startPhase();
    session.answer(highLevel);
    advance(9 * MIN);
    session.finishPhase();
    session.startPhase();
    session.answer(deepDive);
    advance(14 * MIN);
    return session.finishPhase().check!.results.find((r) => r.point.label === 'Point-in-time correctness')!;
  }

  it('is made: the interviewer does not ask for it twice', () => {
    const point = sat(
      'Feast sits under everything; training sets come from an as-of join, so each row sees the feature value as it stood at event time and nothing leaks from the future.',
      'The online store is Redis and the offline store is Parquet on S3, both fed by the same definitions.',
    );
    expect(point.covered).toBe(true);
    expect(point.words).toMatch(/as-of join|event time/);
  });

  it('is not made by one word that the point uses, nor by a clarifying question', () => {
    const deepDive = 'The online store is Redis and the offline store is Parquet on S3, both fed by the same definitions.';
    expect(sat('We keep the time of every event, because audits need it.', deepDive).covered).toBe(false);
    expect(sat('Feast sits under everything.', deepDive, 'Do training sets need a point-in-time join, so that nothing leaks?').covered).toBe(false);
  });
});
