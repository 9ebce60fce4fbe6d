// Key points of a phase read off a guide from the wild whose pacing only names the
// parts of an interview ("Requirements, scope, constraints", "1-2 critical
// components"): such words say nothing an answer can be checked against, so the
// points come from the guide's own section for the phase, and an answer is scored on
// what it says about the system, not on naming the parts of an interview.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGuideText } from '../src/guides/parse.js';
import { generic, pointFrom } from '../src/guides/recognizers/derive.js';
import { buildPlan } from '../src/mock/build-plan.js';
import { parseAnswers, sessionFromAnswers } from '../src/mock/answers.js';
import { reviewSession } from '../src/mock/review.js';

describe('a point that only names a part of the interview', () => {
  it.each([
    ['Requirements', 'clarify'],
    ['Scope the problem', 'clarify'],
    ['Core components', 'high-level'],
    ['Architecture, components, data flow', 'high-level'],
    ['1-2 critical components', 'deep-dive'],
    ['Bottlenecks', 'scale'],
    ['Scale', 'scale'],
    ['Must-Ask Questions', 'clarify'],
    ['Option B', 'deep-dive'],
    ['Key Points to Cover', 'high-level'],
    ["Is there any area you'd like me to go deeper on?", 'wrap-up'],
  ])('"%s" in %s is not a point', (text, phase) => {
    expect(generic(pointFrom(text)!, phase)).toBe(true);
  });

  it.each([
    ['Ask about scale', 'clarify'],
    ['What data type', 'clarify'],
    ['What scale are we targeting?', 'clarify'],
    ['Driver locations kept in memory', 'high-level'],
    ['Draw the 5-layer diagram', 'high-level'],
    ['Multi-Region Strategy', 'scale'],
    ['Conflict resolution with vector clocks', 'deep-dive'],
  ])('"%s" in %s is a point', (text, phase) => {
    expect(generic(pointFrom(text)!, phase)).toBe(false);
  });

  it('an interviewer’s note on what to listen for is the topic it names', () => {
    expect(pointFrom('Does the candidate understand why naive SQL (correlated subqueries) is slow?')).toMatchObject({
      label: 'why naive SQL',
      terms: expect.arrayContaining(['correlated subqueries']),
    });
    expect(pointFrom('Do they propose bitmap-based step matching?')!.label).toBe('bitmap-based step matching');
  });
});

describe('a mock on a guide whose pacing names only the parts of an interview', () => {
  const file = join(import.meta.dirname, 'fixtures/layouts/pacing/focus-table-with-phase-sections.md');
  const parsed = parseGuideText(readFileSync(file, 'utf8'), { path: file });
  if (parsed.kind !== 'guide') throw new Error('fixture did not parse');
  const plan = buildPlan({ guide: parsed.guide });
  const highLevel = (answer: string) => {
    const review = reviewSession(sessionFromAnswers(plan, parseAnswers(`## High-Level\n${answer}\n`, plan)), { timed: false });
    return review.phases.find((p) => p.key === 'high-level')!;
  };

  it('credits a design told in its own words', () => {
    const phase = highLevel(
      'Riders call a gateway in front of the trip service, and each driver app reports its position every few seconds to a location ingest service. ' +
        'The matcher looks up idle drivers in a geohash index, and driver locations stay in memory rather than in the database, because the write volume would swamp it. ' +
        'A trip is written with an outbox, so the trip row and the dispatch event commit together.',
    );
    expect(phase.total).toBe(5);
    expect(phase.covered).toBeGreaterThanOrEqual(4);
  });

  it('gives nothing for naming the parts of an interview', () => {
    const phase = highLevel('I would draw the architecture first, because the components and the data flow between them decide the rest of the design.');
    expect(phase.covered).toBe(0);
  });
});

it('reference material speaks of no phase: a summary table of companies is no wrap-up', () => {
  const text = [
    '# Ride Dispatch',
    '## Future Improvements',
    '- Pooled rides',
    '- Driver heat maps',
    '## Real-World Reference Summary',
    '| Company | What they built |',
    '|---|---|',
    '| Uber | Ringpop |',
    '| Lyft | Envoy |',
  ].join('\n');
  const parsed = parseGuideText(text, { path: '/guides/ride-dispatch.md' });
  if (parsed.kind !== 'guide') throw new Error('did not parse');
  expect(parsed.guide.phasePoints?.['wrap-up']?.map((p) => p.label)).toEqual(['Pooled rides', 'Driver heat maps']);
});

describe('a point read off a list item', () => {
  const phase = (item: string) => {
    const text = ['# Ad Insertion', '## Interview Pacing', '### Phase 4: Scale & Trade-offs (30-40 min)', item, '- Graceful degradation when the ad server is slow', ''].join('\n');
    const parsed = parseGuideText(text, { path: '/guides/ads.md' });
    if (parsed.kind !== 'guide') throw new Error('did not parse');
    return parsed.guide.phasePoints?.scale ?? parsed.guide.pacing.find((p) => p.key === 'scale')?.keyPoints ?? [];
  };

  it('is the bold label it opens with when what a candidate would say follows in quotes', () => {
    expect(phase('- **Why SSAI over CSAI** "Server-side insertion cannot be blocked, and it stitches ads into the stream."').map((p) => p.label)).toContain('Why SSAI over CSAI');
  });

  it('is the quoted words of a bold label, without the quotes', () => {
    expect(pointFrom('"I\'ll design this as a local-first system" — the edge stores first')!.label).toBe("I'll design this as a local-first system");
  });
});

it('two phases named alike keep their subtitles, and a strong answer is no phase focus', () => {
  const text = [
    '# Product Analytics',
    '## 45-Minute Interview Pacing',
    '### Phase 1: Requirements & Scoping (8 minutes)',
    '**Objective:** Narrow the scope to funnels and retention.',
    '### Phase 2: High-Level Architecture (12 minutes)',
    '- Collector tier',
    '### Phase 3: Deep Dive — Funnel Engine (10 minutes)',
    '- Bitmap per step',
    '### Phase 4: Deep Dive — Retention or Path (8 minutes)',
    '- Cohort matrix',
    '### Phase 5: Scalability & Extensions (7 minutes)',
    'Strong answer: partition-level storage, with big tenants on their own nodes.',
  ].join('\n');
  const parsed = parseGuideText(text, { path: '/guides/analytics.md' });
  if (parsed.kind !== 'guide') throw new Error('did not parse');
  expect(parsed.guide.pacing.map((p) => p.name)).toEqual([
    'Requirements & Scoping',
    'High-Level Architecture',
    'Deep Dive — Funnel Engine',
    'Deep Dive — Retention or Path',
    'Scalability & Extensions',
  ]);
  expect(parsed.guide.pacing[0]!.focus).toBe('Narrow the scope to funnels and retention.');
  expect(parsed.guide.pacing[4]!.focus).toBe('');
});

it('deep-dive options in a topic section are one point any of them makes, and questions not to ask are no questions to ask', () => {
  const text = [
    '# Timeline',
    '## Clarifying Questions',
    '### Essential Questions to Ask',
    '- "What scale should I design for?"',
    '### Questions NOT to Ask',
    '- "What database should I use?"',
    '## Deep Dive Options',
    '### Option A: Home Mixer (Timeline Assembly)',
    'Candidate sourcing and ranking.',
    '### Option B: Celebrity Problem',
    'Push for most, pull for celebrities.',
  ].join('\n');
  const parsed = parseGuideText(text, { path: '/guides/timeline.md' });
  if (parsed.kind !== 'guide') throw new Error('did not parse');
  expect(parsed.guide.questionsToAsk.map((q) => q.question)).toEqual(['What scale should I design for?']);
  const deep = parsed.guide.phasePoints?.['deep-dive'] ?? [];
  expect(deep[0]).toMatchObject({ label: 'Home Mixer, Celebrity Problem', terms: expect.arrayContaining(['Home Mixer', 'Celebrity Problem']) });
});

it("a sample interview's step says what a phase covers when the pacing only names its parts", () => {
  const text = [
    '# ML Platform',
    '## Interview Pacing',
    '| Time | Phase | Focus | Tips |',
    '|---|---|---|---|',
    '| 0-5 min | Clarify | Requirements, scope | Ask about scale, latency requirements |',
    '| 5-15 min | High-Level | Core components, architecture | Draw the 5-layer diagram |',
    '| 15-45 min | Deep Dive | 1-2 critical components | Go deep |',
    '## Sample Interview Flow',
    '### Minutes 5-15: High-Level Design',
    '```',
    'Candidate: "Let me draw the architecture..."',
    '           "I\'m proposing an OSS composition approach with:',
    '            - MLflow for experiment tracking and model registry',
    '            - Feast for feature management',
    '            - KServe for model serving"',
    '```',
  ].join('\n');
  const parsed = parseGuideText(text, { path: '/guides/ml-platform.md' });
  if (parsed.kind !== 'guide') throw new Error('did not parse');
  const labels = parsed.guide.pacing.find((p) => p.key === 'high-level')!.keyPoints.map((p) => p.label);
  expect(labels).toEqual(['Draw the 5-layer diagram', 'MLflow for experiment tracking and model registry', 'Feast for feature management', 'KServe for model serving']);
  // A plan that already says what the phase covers keeps it: the sample answer adds nothing.
  expect(parsed.guide.pacing.find((p) => p.key === 'clarify')!.keyPoints.map((p) => p.label)).not.toContain('MLflow for experiment tracking and model registry');
});

it('a dash typed as three hyphens separates a phase from its subtitle ("Deep Dive --- Idempotency")', () => {
  const text = [
    '# Payments',
    '## Interview Pacing',
    '### Phase 1: Clarify (0-5 min)',
    '- Scale',
    '### Phase 2: Deep Dive --- Idempotency + Payment State Machine (5-45 min)',
    '- Idempotency keys',
  ].join('\n');
  const parsed = parseGuideText(text, { path: '/guides/payments.md' });
  if (parsed.kind !== 'guide') throw new Error('did not parse');
  expect(parsed.guide.pacing.map((p) => p.name)).toEqual(['Clarify', 'Deep Dive']);
});
