// A mock on a user's guide from the wild (no front matter, its own plan of six phases,
// a questions table, a requirements list, a sample dialogue, trade-offs and a trap):
// the interviewer answers from the guide and assumes in general words, each phase has
// its own key and its own follow-ups, and the score tells a strong paraphrase from a
// weak answer and from a list of the key terms.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { guidesForMock } from './helpers/mock-guide.js';
import { askedBack } from '../src/mock/plan.js';
import { buildPlan } from '../src/mock/build-plan.js';
import type { MockPlan } from '../src/mock/plan.js';
import { reply } from '../src/mock/interviewer.js';
import { parseAnswers, sessionFromAnswers } from '../src/mock/answers.js';
import { reviewSession } from '../src/mock/review.js';
import { parseGuideText } from '../src/guides/parse.js';
import { probeLine } from '../src/mock/follow-ups.js';
import { termList } from './eval/harness.js';

const FIXTURES = join(import.meta.dirname, 'fixtures/mock');
let plan: MockPlan;

beforeAll(async () => {
  const [guide] = await guidesForMock([join(FIXTURES, 'wild-guide')], (g) => g.id === 'concert-ticketing');
  plan = buildPlan({ guide: guide! });
});

const ask = (q: string): string =>
  reply(q, { answers: plan.answers, defaults: plan.defaults, general: plan.general ?? false, ...(plan.facts ? { facts: plan.facts } : {}) })
    .lines.map((l) => l.text)
    .join(' / ');
const review = (file: string) => reviewSession(sessionFromAnswers(plan, parseAnswers(readFileSync(join(FIXTURES, 'wild-answers', file), 'utf8'), plan)), { timed: false });

describe('the plan of a guide from the wild', () => {
  it('opens with a prompt made from its folder and asks the guide’s own questions, nothing about ML models', () => {
    expect(plan.prompt).toBe('Design a concert ticketing system.');
    expect(Object.values(plan.questions)).toContain('How many buyers arrive when a big show goes on sale?');
    expect(plan.mustAsk.some((t) => ['models', 'model-size', 'retraining', 'labels'].includes(t))).toBe(false);
  });

  it('gives each of its phases a key of its own, asks the trap once and no follow-up twice', () => {
    const keys = plan.phases.map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(plan.phases.filter((p) => p.trap)).toHaveLength(1);
    const asked = plan.phases.flatMap((p) => p.followUps.map((f) => f.text));
    expect(new Set(asked).size).toBe(asked.length);
    // The last phase closes the interview, and no follow-up asks to "take me through" a trade-off summary.
    expect(plan.phases.at(-1)!.followUps.map((f) => f.text)).toContain('Which of your decisions carries the most risk, and how would you reduce it?');
    expect(asked.join('\n')).not.toMatch(/take me through (key trade-offs|summar)/i);
  });

  it('asks about a trade-off without taking a side', () => {
    const q = plan.phases.flatMap((p) => p.followUps.map((f) => f.text)).find((x) => x.startsWith('Hold store'));
    expect(q).toBe('Hold store: Redis with TTL or Database rows? Which would you choose here, and what would make you switch?');
  });
});

describe('the interviewer of a guide from the wild', () => {
  it('answers with the line of the guide that answers the question', () => {
    expect(ask('What availability does checkout need?')).toContain('checkout 99.99%');
    expect(ask('Who owns the inventory, us or the venue?')).toContain("Inventory lives in the venue's box-office system");
    expect(ask('Can one buyer hold several seats in one order?')).toContain('Up to eight seats per order');
    expect(ask('How fast must checkout respond?')).toContain('p99 under 800 ms');
  });

  it('says what is not in the brief in general words, never an ML platform’s', () => {
    const budget = ask('What is the budget for this?');
    expect(budget).toMatch(/^That's not in the brief/);
    expect(budget).not.toMatch(/GPU/);
    const skew = ask('Do features have to match between training and serving?');
    expect(skew).not.toMatch(/feature values|prediction time/);
  });
});

describe('the score on a guide from the wild', () => {
  it('gives a key point the words its guide says around it (its gloss), on a copy: the guide’s own point is unchanged', async () => {
    const point = plan.phases.flatMap((p) => p.keyPoints).find((k) => k.label === 'seat map cache')!;
    expect(point.gloss).toEqual(expect.arrayContaining(['buyer', 'live']));
    const [guide] = await guidesForMock([join(FIXTURES, 'wild-guide')], (g) => g.id === 'concert-ticketing');
    const own = guide!.pacing.flatMap((p) => p.keyPoints).find((k) => k.label === 'seat map cache')!;
    expect(own.gloss).toBeUndefined();
  });

  it('gives a strong answer in other words well above a weak one and a list of the key terms', () => {
    const strong = review('strong.md').score;
    const weak = review('weak.md').score;
    const terms = reviewSession(sessionFromAnswers(plan, parseAnswers(termList(plan), plan)), { timed: false }).score;
    expect(strong).toBeGreaterThanOrEqual(60);
    expect(weak).toBeLessThanOrEqual(strong * 0.2);
    expect(terms).toBeLessThanOrEqual(strong * 0.5);
  });

  it('does not credit the trap’s points for naming what every point names ("the venue system handles it")', () => {
    const trap = review('weak.md').phases.find((p) => p.trap)!.trap!;
    expect(trap.total).toBe(3);
    expect(trap.covered).toBe(0);
  });
});

describe('the opening prompt made from a title', () => {
  it.each([
    ['Distributed Rate Limiter', 'Design a distributed rate limiter.'],
    ['Web Crawlers', 'Design a web crawler.'],
    // A thing done, named alone (found by a new user: "Design a payment.").
    ['Payments', 'Design a payment system.'],
    ['Notification', 'Design a notification system.'],
    ['LinkedIn', 'Design LinkedIn.'],
    ['Google Meet / Zoom', 'Design Google Meet / Zoom.'],
    ['Consistent Hashing', 'Design a consistent hashing system.'],
    ['Metrics & Monitoring System', 'Design a metrics & monitoring system.'],
    ['API Gateway', 'Design an API gateway.'],
    ['Uber Michelangelo', 'Design Uber Michelangelo.'],
    ['Design an AI Copilot Platform', 'Design an AI Copilot Platform.'],
    // What is designed, then its qualifier (found by a new user: "Design a model serving at scale.").
    ['Model Serving at Scale', 'Design a model serving system at scale.'],
    ['Feature Store for 10K Models', 'Design a feature store for 10K models.'],
    ['Web Crawlers at Scale', 'Design a web crawler at scale.'],
    ['Search Ranking in Production', 'Design a search ranking system in production.'],
    // A guide titled after its file's number (found by a new user: "Design a 42473512639.").
    ['42473512639', 'Design the system this guide is about.'],
    // An acronym alone, from a file named mtls.md or crdt.md (found by a new user: "Design a mtl.").
    ['mTLS', 'Design a system around mTLS.'],
    ['CRDT', 'Design a system around CRDT.'],
    ['SMS Gateways', 'Design an SMS gateway.'],
  ])('%s → %s', async (title, prompt) => {
    const { promptFromTitle } = await import('../src/mock/guide-scenario.js');
    expect(promptFromTitle(title)).toBe(prompt);
  });
});

describe('probes of points coach derived from a guide', () => {
  it('name the topic without the guide’s instruction, or say the point when it is a statement', async () => {
    const { probeLine, nudgeLine } = await import('../src/mock/follow-ups.js');
    expect(probeLine({ label: 'Draw venue inventory sync', terms: [], derived: true })).toBe('What about venue inventory sync? How would your design handle it?');
    expect(
      probeLine({ label: 'The venue system is the arbiter: both holds go to the venue…', terms: [], hint: 'The venue system is the arbiter: both holds go to the venue system', derived: true }),
    ).toBe('One thing you have not covered: the venue system is the arbiter: both holds go to the venue system. How would your design handle that?');
    expect(nudgeLine({ label: 'Explain waiting room in front of checkout', terms: [], derived: true })).toBe("That's fine, think out loud. What would you do about waiting room in front of checkout?");
  });
});

describe("the guide's questions to ask, asked back by the interviewer", () => {
  it.each([
    ['What device types should I design for?', 'What device types would you design for? Why?'],
    ['Scope: "Should I focus on the core features (feed, messaging) or also include jobs?"', 'Would you focus on the core features (feed, messaging) or also include jobs? Why?'],
    ['Do we need two-way messaging?', 'Do we need two-way messaging? What would you assume, and why?'],
    ['Retention: "How long must we retain data at full resolution? This drives the storage tiering strategy."', 'How long must we retain data at full resolution? What would you assume, and why?'],
    ["What scale should I design for? I'm assuming 1 billion+ members, 100M+ DAU?", 'What scale would you design for? Why?'],
    ['Number types: short codes, long codes, toll-free?', 'Number types: short codes, long codes, toll-free? What would you assume, and why?'],
    ["What's the maximum meeting size we need to support? (10, 100, 1000, 10000?)", "What's the maximum meeting size we need to support? What would you assume, and why?"],
  ])('"%s" → "%s"', (question, said) => {
    expect(askedBack(question)).toBe(said);
  });

  it('asks back no question about the interview itself', () => {
    expect(askedBack('Is this level of detail appropriate, or should I move on?')).toBeUndefined();
  });
});

it('puts a trap written as a claim ("Use Spark for everything") as a challenge to answer, and a trap question as written', async () => {
  const text = (trap: string) =>
    [
      '# Product Analytics',
      '## Trap Questions',
      `### Trap 1: "${trap}"`,
      '**Strong answer:** Spark batch jobs cannot meet 30-second freshness; stream micro-aggregations serve dashboards and columnar scans serve ad hoc queries.',
    ].join('\n');
  const asked = (trap: string) => {
    const parsed = parseGuideText(text(trap), { path: '/guides/analytics.md' });
    if (parsed.kind !== 'guide') throw new Error('did not parse');
    const plan = buildPlan({ guide: parsed.guide });
    const session = sessionFromAnswers(plan, parseAnswers('## Scale & Trade-offs\nWe shard by project and precompute the common rollups.\n', plan));
    return session.phases.flatMap((p) => p.turns).find((t) => t.kind === 'trap')?.text;
  };
  expect(asked('Use Spark for everything')).toBe('“Use Spark for everything.” What do you say to that?');
  expect(asked('Why not just run Spark every hour?')).toBe('Why not just run Spark every hour?');
});

it('goes deep on a topic of the phase, not on a question, a sentence or a word of the study sheet', () => {
  const text = [
    '# Messaging',
    '## Interview Pacing',
    '| Time | Phase | Key Points |',
    '|---|---|---|',
    '| 0-5 min | Clarify | Ask about scale, E2EE requirement |',
    '| 5-15 min | High-Level | Gateway, message router, offline queue |',
    '| 15-35 min | Deep Dive | Why Erlang, algorithm details, client provides Idempotency-Key header, offline queue |',
    '| 35-45 min | Wrap Up | Recap |',
  ].join('\n');
  const parsed = parseGuideText(text, { path: '/guides/messaging.md' });
  if (parsed.kind !== 'guide') throw new Error('did not parse');
  const deep = buildPlan({ guide: parsed.guide }).phases.find((p) => p.key === 'deep-dive')!;
  const asks = deep.followUps.map((f) => f.text);
  expect(asks).toContain('Take me through offline queue: how does it work, and what can go wrong?');
  expect(asks.join(' ')).not.toMatch(/through (why erlang|algorithm details|client provides)/i);
});

it('asks a trade-off by its options’ names, not the guide’s account of them, and keeps a name as written', () => {
  const text = [
    '# Video Calls',
    '## Interview Pacing',
    '| Time | Phase | Key Points |',
    '|---|---|---|',
    '| 0-5 min | Clarify | Meeting size |',
    '| 5-15 min | High-Level | WebRTC stack, SFU vs MCU decision |',
    '| 15-45 min | Deep Dive | Simulcast |',
    '## Trade-offs Discussion',
    '| Decision | Option A | Option B | Choice |',
    '|---|---|---|---|',
    '| **Media Server Architecture** | **SFU**: Forwards packets without transcoding. Scales to 15x more users per server. | **MCU**: Decodes, mixes, re-encodes. Very CPU-heavy. | SFU |',
  ].join('\n');
  const parsed = parseGuideText(text, { path: '/guides/video-calls.md' });
  if (parsed.kind !== 'guide') throw new Error('did not parse');
  const asks = buildPlan({ guide: parsed.guide }).phases.flatMap((p) => p.followUps.map((f) => f.text));
  expect(asks).toContain('Media Server Architecture: SFU or MCU? Which would you choose here, and what would make you switch?');
  expect(probeLine({ label: 'WebRTC stack', terms: ['WebRTC stack'], derived: true })).toBe('What about WebRTC stack? How would your design handle it?');
});
