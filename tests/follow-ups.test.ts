// What the interviewer says after an answer, as a table of cases; then the same
// policy inside a session.
import { describe, expect, it } from 'vitest';
import type { KeyPoint } from '../src/guides/model.js';
import { followUpsFor, nextMove, nudgeLine, probeLine, type FollowUp, type MoveInput } from '../src/mock/follow-ups.js';

const dual: KeyPoint = { label: 'Dual-store design', terms: ['online store', 'offline store'], hint: 'two stores for two access patterns' };
const pit: KeyPoint = { label: 'Point-in-time correctness', terms: ['point-in-time', 'as-of join'], hint: 'training rows get the feature value as it stood at event time' };
const once: KeyPoint = { label: 'One definition, two paths', terms: ['defined once', 'compiles to both'], hint: 'one Python definition feeds batch training and online serving' };
const points = [dual, pit, once];

const [askPit, askDual, askExplain] = followUpsFor(
  [
    'How does your point-in-time join keep later chargebacks out of older training rows?',
    'Why do you need an online store and an offline store rather than one?',
    'Where do explanations for credit decisions come from?',
  ],
  points,
) as [FollowUp, FollowUp, FollowUp];

const LONG =
  'We keep features in a dual design: an online store in Redis for lookups at request time and an offline store in Parquet for training, because the two access patterns differ by orders of magnitude in latency and volume.';

function input(over: Partial<MoveInput>): MoveInput {
  return { points, credit: new Map(), answer: LONG, trapPending: false, lastTarget: [], queue: [askPit, askDual, askExplain], probed: new Set(), probesLeft: 2, ...over };
}

const made = (...labels: string[]): Map<string, number> => new Map(labels.map((l) => [l, 1]));

describe('followUpsFor', () => {
  it('knows which key points each follow-up probes', () => {
    expect(askPit.probes).toEqual(['Point-in-time correctness']);
    expect(askDual.probes).toEqual(['Dual-store design']);
    expect(askExplain.probes).toEqual([]);
  });
});

describe('nextMove', () => {
  it.each([
    ['the trap comes after the first answer', input({ trapPending: true, credit: made('Dual-store design') }), 'trap', undefined],
    ['a follow-up whose points are covered is skipped', input({ credit: made('Point-in-time correctness', 'Dual-store design'), queue: [askPit, askDual, askExplain] }), 'follow-up', askExplain.text],
    ['the next follow-up on a point still missed is asked', input({ credit: made('Dual-store design') }), 'follow-up', askPit.text],
    ['a short answer gets a probe of a missed point no follow-up will ask', input({ answer: 'Redis and Parquet.', credit: made('Dual-store design') }), 'probe', probeLine(once)],
    ['an answer that misses most points gets a probe, of a point no follow-up will ask', input({ credit: new Map() }), 'probe', probeLine(once)],
    ['"not sure" gets a nudge towards what was asked, not the next question', input({ answer: 'Not sure.', lastTarget: [pit], credit: made('Dual-store design') }), 'nudge', nudgeLine(pit)],
    [
      '"not sure" after a probe gets a pointer to that same point',
      input({ answer: 'no idea', lastTarget: [pit], probed: new Set(['Point-in-time correctness']), credit: made('Dual-store design') }),
      'nudge',
      nudgeLine(pit),
    ],
    ['a point is not probed twice', input({ answer: 'Redis.', credit: made('Dual-store design'), probed: new Set(['One definition, two paths']), queue: [] }), 'probe', probeLine(pit)],
    ['no probes left: the scripted follow-ups go on', input({ answer: 'Redis.', probesLeft: 0, credit: made('Dual-store design') }), 'follow-up', askPit.text],
    ['nothing left worth asking', input({ credit: made('Dual-store design', 'Point-in-time correctness', 'One definition, two paths'), queue: [askPit, askDual] }), undefined, undefined],
  ])('%s', (_, given, kind, text) => {
    const { move } = nextMove(given);
    expect(move?.kind).toBe(kind);
    if (text !== undefined) expect(move && 'text' in move ? move.text : move && move.kind === 'follow-up' ? move.followUp.text : undefined).toBe(text);
  });

  // Found by a new user: "Which of your decisions carries the most risk…?" right after
  // "Riskiest decision: relying on autoscaling…".
  it("does not ask coach's own closing questions when the candidate has just answered them", () => {
    const risk = { text: 'Which of your decisions carries the most risk, and how would you reduce it?', probes: [] };
    const first = { text: 'What would you build first, and what would you leave for later?', probes: [] };
    const closing = (said: string) => nextMove({ points: [], credit: new Map(), answer: said, said, trapPending: false, lastTarget: [], queue: [risk, first], probed: new Set(), probesLeft: 2 }).move;
    const all = 'Riskiest decision: relying on autoscaling with multi-minute cold starts. Build first: the gateway and one pool; later: multi-region.';
    expect(closing(all)).toBeUndefined();
    const riskOnly = closing('Riskiest decision: relying on autoscaling with multi-minute cold starts, so a warm pool stays up.');
    expect(riskOnly?.kind === 'follow-up' && riskOnly.followUp.text).toBe(first.text);
    const neither = closing('We chose Feast and KServe; the integration work is the trade-off we accepted for flexibility.');
    expect(neither?.kind === 'follow-up' && neither.followUp.text).toBe(risk.text);
  });

  it('takes what it asked, and what it skipped, off the queue', () => {
    const { queue } = nextMove(input({ credit: made('Point-in-time correctness', 'Dual-store design') }));
    expect(queue).toEqual([]);
  });
});

describe('the lines', () => {
  it('a probe names the point and its hint as a question, a nudge gives the hint as a pointer', () => {
    expect(probeLine(dual)).toBe('What about dual-store design? Two stores for two access patterns.');
    expect(probeLine({ label: 'Autoscaling', terms: [], hint: 'what triggers a scale-up and how long it takes' })).toBe('What about autoscaling? What triggers a scale-up and how long it takes?');
    expect(probeLine({ label: 'Scope', terms: [] })).toBe('What about scope? How would your design handle it?');
    expect(nudgeLine(pit)).toBe("That's fine, think out loud. A pointer: training rows get the feature value as it stood at event time. What would you do about point-in-time correctness?");
  });

  // Found by a new user: "What about gateway Layer?", "What about failure Handling?".
  it.each([
    ['Gateway Layer', 'What about gateway layer?'],
    ['Dynamic Batching, A/B Testing, GPU Memory', 'What about dynamic batching, A/B testing, GPU memory?'],
    ['Multi-Region', 'What about multi-region?'],
    ['Trade-offs named', 'What about trade-offs named?'],
    ['WebRTC stack', 'What about WebRTC stack?'],
    ['Kafka Streams', 'What about Kafka streams?'],
  ])('a label in title case is said in lower case, names as written: %s', (label, line) => {
    expect(probeLine({ label, terms: [], derived: true })).toBe(`${line} How would your design handle it?`);
  });
});

describe('follow-ups found by meaning', () => {
  it('"Cassandra goes down" probes the failure-handling point though it names none of its terms', () => {
    const failure: KeyPoint = { label: 'Failure handling', terms: ['circuit breaker', 'default feature', 'fallback'], hint: 'keep predicting when the feature store struggles' };
    const [f] = followUpsFor(['Cassandra goes down: what happens to predictions?'], [failure, pit]);
    expect(f!.probes).toEqual(['Failure handling']);
  });
});
