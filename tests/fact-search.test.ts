// The interviewer of a user's guide answers from whatever the guide states, wherever it
// states it: a key-numbers table inside a quick-reference card, the interviewer's line
// of a sample dialogue. It does not answer from a question's "why it matters", a
// mistake to avoid or a pacing table, and says "not in the brief" when nothing answers.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { guidesForMock } from './helpers/mock-guide.js';
import { MockSession } from '../src/mock/session.js';
import { MockClock } from '../src/mock/clock.js';
import { buildPlan } from '../src/mock/build-plan.js';
import { reply, saidKey } from '../src/mock/interviewer.js';
import { figuresOf, searchFacts, statesMost, wantedOf } from '../src/mock/fact-search.js';
import type { MockPlan } from '../src/mock/plan.js';
import { run } from '../src/cli.js';
import { parseGuideText } from '../src/guides/parse.js';
import { reviewSession } from '../src/mock/review.js';
import { testIo } from './helpers/io.js';
import { testRuntime } from './helpers/runtime.js';

let plan: MockPlan;
beforeAll(async () => {
  const [guide] = await guidesForMock([join(import.meta.dirname, 'fixtures/mock/wild-facts')], (g) => g.id === 'pager-guide');
  plan = buildPlan({ guide: guide! });
});
const brief = () => ({ answers: plan.answers, defaults: plan.defaults, general: true, facts: plan.facts ?? [] });
const ask = (q: string, given: Set<string> = new Set()): string =>
  reply(q, brief(), given)
    .lines.map((l) => l.text)
    .join(' / ');

describe('the interviewer of a guide from the wild', () => {
  // Found by a new user: "From your guide: Real-time: <100ms" and, for the rest of the
  // same question, "That's not in the brief. Assume … the low hundreds of milliseconds".
  it('says no assumption about what it has just told from the guide, in a question of two parts', () => {
    const said = reply('How quickly does a notification have to reach the provider, and is there a looser latency budget for marketing sends?', brief()).lines;
    expect(said.map((l) => l.text).join(' / ')).toContain('p99 under 2 s');
    expect(said.filter((l) => l.assumption && l.facet === 'latency')).toEqual([]);
  });

  it('answers in other words from a key-numbers table inside a quick-reference card', () => {
    expect(ask('How many people use it in a typical month?')).toContain('MAU: 300 million');
    expect(ask("What's the highest number of notifications per second we should plan for?")).toContain('120K notifications/sec');
    expect(ask('How quickly does a notification have to reach the provider?')).toContain('p99 under 2 s');
    expect(ask('How long do we keep retrying before we give up?')).toContain('Give up after 24 hours');
  });

  it('answers a count with the figure of what it counts', () => {
    expect(ask('How many devices are registered with us?')).toContain('Registered devices: 900 million');
  });

  it('answers from one cell of a box drawn in a code block, under its heading', () => {
    expect(ask('How many notifications go out each day?')).toBe('Notifications: Daily: 6B');
    expect(ask('How many subscribers does the biggest topic have?')).toBe('Fan-out: Largest topic: 80M subscribers');
  });

  it('answers with a statement that speaks of all the question asks about', () => {
    expect(ask('Which shard is a device on?')).toBe('Each device is assigned a home shard by the hash of its token.');
  });

  it('answers with the one sentence of a longer answer that says it', () => {
    expect(ask('How long do we keep notifications once they are sent?')).toBe('Notifications are deleted once the provider accepts them.');
  });

  it('answers a yes-or-no question with the yes or no the guide gives it, not a line that shares more words', () => {
    expect(ask('Does every notification have to be encrypted end to end?')).toBe('Yes, always');
    // The guide's own question in other words: "required" for "a hard requirement".
    expect(ask('Is end-to-end encryption required for every notification?')).toBe('Yes, always');
  });

  it("answers the guide's own question asked in other words, in a guide that speaks of it everywhere", () => {
    const f = (text: string, asks?: string) => ({ text, facets: [], ...(asks ? { asks, brief: true } : {}) });
    const facts = [
      f('Yes, always', 'Is end-to-end encryption a hard requirement?'),
      f('Messages are end-to-end encrypted with the Signal protocol.'),
      f('Group messages use sender keys for end-to-end encryption.'),
      f('Media is encrypted on the device before upload.'),
      f('Backups can be end-to-end encrypted too.'),
      f('Messages are deleted from the server after delivery.'),
      f('Users: MAU: 2B'),
      f('A chat message is about 100 bytes.'),
      f('Pending messages in the offline queue are encrypted.'),
    ];
    expect(searchFacts('Is end-to-end encryption required for every chat?', facts)?.fact.text).toBe('Yes, always');
  });

  it('does not take "Group sends?" for a question about the team: it is asked as the guide asks it', () => {
    expect(plan.mustAsk).not.toContain('team');
    expect(plan.mustAsk).toContain('Group sends?');
    expect(plan.questions['Group sends?']).toBe('Group sends?');
  });

  it('reads undelivered messages as the offline queue, and a TTL as how long it keeps them', () => {
    const f = (text: string) => ({ text, facets: [] });
    const facts = [f('Messages are deleted after delivery.'), f('Storage: Offline queue: ~200TB (7-day TTL)'), f('Users: MAU: 2B'), f('Media: 500 PB stored on the CDN.')];
    expect(searchFacts('How long do we keep undelivered messages on the server?', facts)?.fact.text).toBe('Storage: Offline queue: ~200TB (7-day TTL)');
  });

  it('reads "several" as "multi", and "one" as no word of what is asked', () => {
    const f = (text: string, asks?: string) => ({ text, facets: [], ...(asks ? { asks, brief: true } : {}) });
    const facts = [f('One encryption serves all members.'), f('Yes, 4 devices', 'Multi-device support needed?'), f('Users: MAU: 2B'), f('Messages are deleted after delivery.')];
    expect(searchFacts('Can one account be logged in on several devices at once?', facts)?.fact.text).toBe('Yes, 4 devices');
  });

  it('reads a group size as a count of members, not a size in bytes', () => {
    expect(ask('What is the largest group size we must support?')).toBe('Up to 1000 members per group');
  });

  it('answers each of two questions asked in one line', () => {
    const said = ask('Do we guarantee delivery order, and how many devices are registered with us?');
    expect(said).toContain('No, best effort per device');
    expect(said).toContain('Registered devices: 900 million');
  });

  it("answers from the interviewer's line of a sample dialogue", () => {
    expect(ask('Do partner apps send notifications through us too?')).toContain('partner apps send through our public API');
  });

  it("gives a question's assumed answer as the interviewer says it", () => {
    expect(ask('Will it run in a single region, or in several?')).toBe('Assume two regions, active-active.');
  });

  it('says "not in the brief" when nothing the guide states answers the question', () => {
    expect(ask('Which cloud provider are we on?')).toMatch(/^That's not in the brief/);
    expect(ask('Is there a budget for this?')).toMatch(/^That's not in the brief/);
  });

  it("never answers with a question's reason to ask, a mistake to avoid, or a pacing row", () => {
    for (const q of ['Is it mobile only, or web push too?', 'Do we promise exactly-once delivery?', 'How long is the deep dive?']) {
      const text = ask(q);
      expect(text).not.toMatch(/Changes the provider gateways|Promising exactly-once|15-30 min/);
    }
  });

  it('says "As I said" when the same statement is asked for again', () => {
    const first = reply('How many people use it in a typical month?', brief());
    const line = first.lines[0]!;
    expect(line.kind).toBe('fact');
    const again = ask('And monthly users, how many?', new Set([saidKey(line.text)]));
    expect(again).toBe(`As I said: ${line.text}`);
  });
});

describe('the kind of figure', () => {
  it.each([
    ['How long can a request take?', 'duration'],
    ['What is the peak rate per second?', 'rate'],
    ['How many users are there?', 'count'],
    ['What availability do we need?', 'percent'],
    ['How much storage do the tokens need?', 'size'],
  ])('"%s" asks for a %s', (q, kind) => {
    expect([...wantedOf(q)]).toContain(kind);
  });

  it.each([
    ['p99 under 200ms', 'duration'],
    ['35K+ msg/sec', 'rate'],
    ['2+ billion users', 'count'],
    ['99.99% availability', 'percent'],
    ['4 TB of tokens', 'size'],
    ['2-year event retention', 'duration'],
    ['30-second freshness for dashboards', 'duration'],
    ['Sub-second query latency for common queries', 'duration'],
  ])('"%s" gives a %s', (text, kind) => {
    expect([...figuresOf(text)]).toContain(kind);
  });

  it("a candidate's strong answer in the guide is no fact the interviewer gives", () => {
    const text = [
      '# Analytics',
      '## Trap: exact counts',
      '**Strong response:** At p99 query latency under 2 s, an exact count is not feasible.',
      '## Requirements',
      '- Sub-second query latency for common queries',
    ].join('\n');
    const parsed = parseGuideText(text, { path: '/guides/analytics.md', statements: true });
    if (parsed.kind !== 'guide') throw new Error('did not parse');
    const lines = (parsed.guide.statements ?? []).flatMap((g) => g.lines);
    expect(lines).toContain('Sub-second query latency for common queries');
    expect(lines.join('\n')).not.toMatch(/exact count is not feasible/);
  });

  it('a rate is not read as a duration', () => {
    expect([...figuresOf('120K notifications/sec')]).not.toContain('duration');
  });
});

describe("the guide's questions to ask, in Clarify", () => {
  it('are not asked back once the candidate asked them in other words', () => {
    let t = 0;
    const session = new MockSession(plan, new MockClock(() => t));
    session.startPhase();
    expect(plan.phases[0]!.followUps.map((f) => f.text)).toEqual(['Mobile only, or web push too? What would you assume, and why?', 'Do we guarantee delivery order? What would you assume, and why?']);
    session.ask('Will notifications always arrive in the order they were sent?');
    t += 60_000;
    const said = [session.followUp()?.text, session.followUp()?.text];
    expect(said[0]).toBe('Mobile only, or web push too? What would you assume, and why?');
    expect(said[1]).toBeUndefined();
  });
});

describe('the study sheet of a mock on a guide alone', () => {
  it('lists under a topic only what is surely about it, a short answer with its question', async () => {
    const io = testIo();
    expect(await run(['--guides', join(import.meta.dirname, 'fixtures/mock/wild-facts'), 'mock', '--guide', 'pager-guide'], testRuntime(io))).toBe(0);
    const brief = io.out().slice(io.out().indexOf('What the interviewer will tell you'));
    expect(brief).toContain('scale: MAU: 300 million');
    expect(brief).toContain('peak load: Peak send rate: 120K notifications/sec');
    expect(brief).toContain('latency: Delivery target: p99 under 2 s');
    // "Group sends?" is no question about the team, and "Both" says nothing alone.
    expect(brief).not.toMatch(/team: |Up to 1000 members/);
    expect(brief).not.toMatch(/: Both \(/);
  });
});

/** The plan of a video-calls guide from the wild: its pacing, then a Clarify section of the given lines. */
async function videoCalls(clarify: string[]): Promise<MockPlan> {
  const file = join(mkdtempSync(join(tmpdir(), 'coach-video-')), 'video-calls.md');
  const pacing = [
    '# Video Calls: Interview Guide',
    '## Interview Pacing',
    '| Time | Phase | Focus |',
    '|---|---|---|',
    '| 0-5 min | Clarify | Meeting size, features |',
    '| 5-45 min | Deep Dive | Selective forwarding |',
  ];
  writeFileSync(file, [...pacing, '## Phase 1: Clarify Requirements (0-5 min)', '| Question | Why It Matters |', '|---|---|', ...clarify].join('\n'));
  const [guide] = await guidesForMock([file]);
  return buildPlan({ guide: guide! });
}

describe("the interviewer of a guide whose brief is a candidate's quoted summary", () => {
  let meet: MockPlan;
  beforeAll(async () => {
    meet = await videoCalls([
      '| "What\'s the maximum meeting size we need to support?" | Determines topology |',
      '**Clarification Summary:**',
      '```',
      '"Let me summarize the requirements:',
      '- Build a video conferencing platform supporting 2 to 1000+ participants',
      '- Core features: audio/video calling, screen sharing, recording, chat',
      '- Sub-150ms latency for interactive conversation',
      '- Hosts control who joins and who may speak',
      'Does this match your expectations?"',
      '```',
      '## Keyframes',
      'A keyframe is 50-100 KB, causing a brief bandwidth spike when a viewer joins.',
      '**Media Security Architecture (30-second version):**',
      '- Media is encrypted hop by hop with DTLS-SRTP.',
    ]);
  });
  const askMeet = (q: string): string =>
    reply(q, { answers: meet.answers, defaults: meet.defaults, general: true, facts: meet.facts ?? [] })
      .lines.map((l) => l.text)
      .join(' / ');

  it('answers from the bullets of the summary, and a meeting size with its participants, not kilobytes', () => {
    expect(askMeet('Do we need screen sharing?')).toContain('screen sharing');
    expect(askMeet("What's the maximum meeting size we need to support?")).toContain('1000+ participants');
  });

  it.each([
    ['Build a video conferencing platform supporting 2 to 1000+ participants', true],
    ['Authorization hold: funds blocked on card for 7 days (up to 30 with extended auth)', false],
    ['Raw samples are kept 1000+ days', false],
  ])('"%s" gives the most there can be of a count: %s', (text, most) => {
    expect(statesMost(text)).toBe(most);
  });

  it('takes no lead-in for a statement of the brief', () => {
    expect(askMeet('Is media security required?')).not.toContain('30-second version');
  });

  it('reads a typo as the word meant, and a word of the guide as no typo', () => {
    expect(askMeet('whats the latncy target for calls?')).toContain('Sub-150ms latency');
    // "hosts" is no misspelt "costs", nor are 500 people to support the team.
    expect(askMeet('Can hosts mute everyone?')).not.toMatch(/cost|budget/i);
    expect(askMeet('Should it support 500 people?')).not.toMatch(/engineers|team/i);
  });
});

describe("a guide's own questions to ask are the must-ask questions", () => {
  let meet: MockPlan;
  beforeAll(async () => {
    meet = await videoCalls([
      '| "What\'s the maximum meeting size we need to support? (10, 100, 1000, 10000?)" | Determines topology |',
      '| "Do we need recording? Real-time or post-meeting processing?" | Recording is MCU-like |',
      '| "What\'s the latency budget? Interactive conversation or broadcast?" | Interactive demands <150ms |',
      '| "Do we need live streaming to non-WebRTC viewers (HLS/DASH)?" | Adds a broadcast egress pipeline |',
    ]);
  });

  it('in its words, each under the topic it names most strongly: "post-meeting" is no question about cost', () => {
    expect(meet.mustAsk).toEqual([
      'latency',
      "What's the maximum meeting size we need to support? (10, 100, 1000, 10000?)",
      'Do we need recording? Real-time or post-meeting processing?',
      'Do we need live streaming to non-WebRTC viewers (HLS/DASH)?',
    ]);
    expect(meet.questions.latency).toBe("What's the latency budget? Interactive conversation or broadcast?");
  });

  it('a question asked in other words is asked, and the review names what was not asked once', () => {
    const session = new MockSession(meet, new MockClock(() => 0));
    session.startPhase();
    session.ask('Will we stream a town hall out to a big passive audience of HLS viewers, outside WebRTC?');
    session.ask('How many people can join one meeting at most?');
    session.finishPhase('done');
    const review = reviewSession(session, { timed: false });
    const asked = review.phases[0]!.mustAsk!;
    expect(asked.find((m) => m.topic.startsWith('Do we need live streaming'))?.asked).toBe(true);
    expect(asked.find((m) => m.topic.startsWith("What's the maximum meeting size"))?.asked).toBe(true);
    expect(asked.find((m) => m.topic === 'latency')?.asked).toBe(false);
    expect(review.mustAskMissed.map((m) => m.label)).toContain('Do we need recording? Real-time or post-meeting processing?');
    // The pacing's "Meeting size" point is made by the same question, in its other words.
    expect(review.phases[0]!.points.find((p) => p.label === 'Meeting size')?.covered).toBe(true);
  });
});
