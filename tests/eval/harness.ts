// The evaluation sets of the mock's judgment (issue 9): for each scenario, answers of
// every kind scored as `coach mock --answers` scores them, and clarifying questions put
// to the interviewer. Used by tests/eval.test.ts, which asserts the thresholds and
// prints the figures (`npm run eval`).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openLibrary } from '../../src/commands/shared.js';
import { buildPlan } from '../../src/mock/build-plan.js';
import type { MockPlan } from '../../src/mock/plan.js';
import { parseAnswers, sessionFromAnswers } from '../../src/mock/answers.js';
import { reviewSession } from '../../src/mock/review.js';
import { reply } from '../../src/mock/interviewer.js';
import { testIo } from '../helpers/io.js';

export const EVAL_DIR = join(import.meta.dirname, '../fixtures/eval');
export const SCENARIOS = ['fintech', 'michelangelo', 'bighead'];
export const KINDS = ['strong', 'other-words', 'independent', 'vague', 'term-list', 'off-topic', 'dont-know'] as const;
export type Kind = (typeof KINDS)[number];

export async function plans(): Promise<Map<string, MockPlan>> {
  const io = testIo();
  const lib = await openLibrary({ guides: [] }, io);
  const out = new Map<string, MockPlan>();
  for (const id of SCENARIOS) {
    const scenario = lib.scenarios.find((s) => s.id === id)!;
    const guide = lib.guides.find((g) => g.id === scenario.guide)!;
    out.set(id, buildPlan({ guide, scenario }));
  }
  return out;
}

/** The keyword attack: every phase written as the bare comma-separated list of its key terms. */
export function termList(plan: MockPlan): string {
  const out = [`# ${plan.title}`];
  for (const p of plan.phases) {
    const terms = [...p.keyPoints, ...(p.trap?.keyPoints ?? [])].flatMap((k) => k.terms);
    out.push('', `## ${p.name}`, '', terms.join(', '));
  }
  return out.join('\n');
}

/** "I do not know" in every phase. */
export function dontKnow(plan: MockPlan): string {
  return [`# ${plan.title}`, ...plan.phases.flatMap((p) => ['', `## ${p.name}`, '', 'I do not know.'])].join('\n');
}

export function answerText(plan: MockPlan, scenario: string, kind: Kind): string | undefined {
  if (kind === 'term-list') return termList(plan);
  if (kind === 'dont-know') return dontKnow(plan);
  const file = join(EVAL_DIR, scenario, `${kind}.md`);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

export function score(plan: MockPlan, text: string): number {
  const session = sessionFromAnswers(plan, parseAnswers(text, plan));
  return reviewSession(session, { timed: false }).score;
}

export interface Probe {
  q: string;
  expect: string;
}

export function probes(scenario: string): Probe[] {
  return JSON.parse(readFileSync(join(EVAL_DIR, scenario, 'clarify.json'), 'utf8')) as Probe[];
}

/** The fact the interviewer gave ('none' for "not in the brief"). */
export function answered(plan: MockPlan, question: string): string {
  const r = reply(question, { answers: plan.answers, defaults: plan.defaults });
  const given = r.lines.find((l) => l.kind === 'fact');
  return given ? given.facet : 'none';
}
