// The interviewer in Clarify, as a table: which fact of the brief a question gets, or
// "not in the brief". The questions here are the development set; the held-out set
// (tests/fixtures/eval/*/clarify.json, written by someone who never saw the cues)
// is checked in tests/eval.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGuideText } from '../src/guides/parse.js';
import type { Scenario } from '../src/guides/model.js';
import { NOT_IN_BRIEF, classify, reply } from '../src/mock/interviewer.js';
import { topicOf } from '../src/mock/facets.js';

function scenario(id: string): Scenario {
  const path = join(import.meta.dirname, `../guides/scenarios/${id}.md`);
  const parsed = parseGuideText(readFileSync(path, 'utf8'), { path, bundled: true });
  if (parsed.kind !== 'scenario') throw new Error(`${id} is not a scenario`);
  return parsed.scenario;
}

const fintech = scenario('fintech');
const michelangelo = scenario('michelangelo');
const bighead = scenario('bighead');

/** The fact a question draws, or 'none' for "not in the brief". */
function drawn(s: Scenario, question: string): string {
  const r = reply(question, { answers: s.answers, defaults: s.defaults });
  const facts = r.lines.filter((l) => l.kind === 'fact').map((l) => l.facet);
  return facts[0] ?? 'none';
}

describe('the interviewer answers the question asked (fintech)', () => {
  it.each([
    // The seven questions of issue 9, five of which used to get another question's answer.
    ['How fast is the data growing year over year?', 'none'],
    ['What cloud are we on?', 'none'],
    ['Do we have to keep data in the EU?', 'none'],
    ['How often do fraud models need retraining?', 'none'],
    ['What is the peak rate?', 'none'],
    ['How many predictions a day, and how many models?', 'scale'],
    ['Do regulators need explanations for credit decisions?', 'compliance'],
    // In the brief, in other words.
    ['What are we building this for: which kinds of decisions?', 'use-case'],
    // Found by a new user: the use case, asked as who uses it, was never credited.
    ['Who uses the platform, which teams and kinds of models?', 'use-case'],
    ['Who will use this platform?', 'use-case'],
    ['How long can the fraud check take inside the card authorisation?', 'latency'],
    ['How much traffic should I plan for?', 'scale'],
    ['What do teams use today to train and ship models?', 'infrastructure'],
    ['How many data scientists and platform engineers are there?', 'team'],
    ['When do chargeback labels come in?', 'data'],
    // Found by a new user: "really fraud?" got the labels fact, "actually fraud?" did not.
    ['When do we find out a transaction was actually fraud?', 'data'],
    ['When do we find out if a payment was really fraud?', 'data'],
    ['Which algorithms do the fraud teams use?', 'models'],
    ['What uptime does serving need?', 'availability'],
    ['Must a feature mean the same thing offline and online?', 'consistency'],
    // Not in the brief.
    ['Is there a cost target?', 'none'],
    ['When do we have to launch?', 'none'],
    ['What colour is the logo?', 'none'],
  ])('%s -> %s', (question, fact) => {
    expect(drawn(fintech, question)).toBe(fact);
  });
});

describe('the interviewer answers the question asked (michelangelo, bighead)', () => {
  it.each([
    ['michelangelo', 'What tail latency do predictions have to meet?', 'latency'],
    ['michelangelo', 'Can we afford a dedicated box per model?', 'budget'],
    ['michelangelo', 'What do we already run for events and storage?', 'infrastructure'],
    ['michelangelo', 'How will the prediction volume grow over the next two years?', 'none'],
    ['michelangelo', 'How many features does a typical request read?', 'data'],
    ['bighead', 'How long does it take a team to get a model to production today?', 'team'],
    ['bighead', 'Which ML frameworks do teams use?', 'models'],
    ['bighead', 'Is it on AWS or on our own hardware?', 'none'],
    ['bighead', 'How often are the pricing models retrained?', 'none'],
  ] as const)('%s: %s -> %s', (id, question, fact) => {
    expect(drawn(id === 'michelangelo' ? michelangelo : bighead, question)).toBe(fact);
  });
});

describe('replies', () => {
  it('says what is not in the brief, with what to assume', () => {
    const r = reply('Is there a cost target?', { answers: fintech.answers });
    expect(r.facets).toEqual(['budget']);
    expect(r.lines[0]).toMatchObject({ kind: 'off-brief', assumption: true });
    expect(r.lines[0]!.text).toMatch(new RegExp(`^${NOT_IN_BRIEF}\\. Assume`));
  });

  // The brief gives the average but no peak: the assumption multiplies the average, so
  // the reply says the average with it (found by a new user: "predictions a day at
  // peak?" got only "not in the brief", though the brief gives 50 million a day).
  it.each([
    ['How many predictions a day at peak?', 'peak', /Assume the peak is three to five times the average/],
    ['What is the peak rate?', 'peak', /Assume the peak/],
    ['How fast is traffic growing?', 'growth', /Assume traffic doubles/],
  ])('gives the figure an assumption multiplies: %s', (question, facet, assume) => {
    const r = reply(question, { answers: fintech.answers });
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatchObject({ facet, kind: 'off-brief', assumption: true, also: 'scale' });
    expect(r.lines[0]!.text).toMatch(new RegExp(`^${NOT_IN_BRIEF}, only this: Roughly 500 models in total and 50 million predictions a day`));
    expect(r.lines[0]!.text).toMatch(assume);
  });

  it('gives that figure as said before when it was, and not at all when the brief has none', () => {
    const again = reply('What is the peak rate?', { answers: fintech.answers }, new Set(['scale']));
    expect(again.lines[0]!.text).toMatch(new RegExp(`^${NOT_IN_BRIEF}, only what I said: Roughly 500 models`));
    const { scale: _, ...noScale } = fintech.answers;
    const none = reply('What is the peak rate?', { answers: noScale });
    expect(none.lines[0]!.text).toMatch(new RegExp(`^${NOT_IN_BRIEF}\\. Assume the peak`));
    expect(none.lines[0]!.also).toBeUndefined();
  });

  it("uses the scenario's own default for a topic its brief leaves out", () => {
    const r = reply('What is the peak rate?', { answers: fintech.answers, defaults: { peak: 'Assume 3,000 a second at the evening peak.' } });
    expect(r.lines[0]!.text).toBe(`${NOT_IN_BRIEF}. Assume 3,000 a second at the evening peak.`);
  });

  it('does not repeat a fact as if it were new', () => {
    const r = reply('How many models are there?', { answers: fintech.answers }, new Set(['scale']));
    expect(r.lines[0]).toMatchObject({ kind: 'repeat' });
    expect(r.lines[0]!.text).toMatch(/^As I said: Roughly 500 models/);
  });

  it('asks for an assumption when the question is about nothing it knows', () => {
    expect(reply('What colour is the logo?', { answers: fintech.answers }).lines[0]).toMatchObject({ kind: 'unknown' });
  });

  it('recognises a question a fact lists as one it answers', () => {
    const answers = { data: { answer: 'Labels arrive 30 days later.', assumption: false, asks: ['How late do the ground-truth outcomes show up?'] } };
    expect(reply('How late do outcomes show up?', { answers }).lines[0]).toMatchObject({ facet: 'data', kind: 'fact' });
  });

  it('answers two facets asked at once', () => {
    expect(classify('What is the scale, and what latency do predictions need?')).toEqual(['scale', 'latency']);
  });

  it('counts a narrower facet for its must-ask topic', () => {
    expect(topicOf('peak')).toBe('scale');
    expect(topicOf('cloud')).toBe('infrastructure');
    expect(topicOf('latency')).toBe('latency');
  });
});

describe('the topic is read from how people ask about it', () => {
  it.each([
    ['Whats the p99 budget on feature fetches versus the actual inference call?', 'latency'],
    ['What kind of data are we dealing with, and how much of it?', 'data'],
    ['What is this costing us today, and what savings are we aiming for?', 'budget'],
    ['How many engineers do we have on the platform side, and do they know k8s?', 'team'],
    ['Who are the users of the platform, and what are they each trying to do?', 'use-case'],
  ])('"%s" is about %s', (question, facet) => {
    expect(classify(question)[0]).toBe(facet);
  });

  it.each([
    ['Should users be able to edit a message after sending it?', 'budget'],
    ['Are trending topics in scope?', 'budget'],
    ['What happens to pending messages when a phone is off?', 'budget'],
    ['Do we need recording? Real-time or post-meeting processing?', 'budget'],
    ['Do we need live streaming to non-WebRTC viewers (HLS/DASH)?', 'infrastructure'],
  ])('"%s" is a question in its own words, not a typo for %s', (question, facet) => {
    expect(classify(question)).not.toContain(facet);
  });

  it('a typo is still read as the word meant', () => {
    expect(classify('whats the latncy target?')).toContain('latency');
  });
});
