// The recognizers, in the order their headings are tried: the first whose heading
// matches reads the section. "Questions to Ask Interviewer (End of Session)" is end
// questions, not opening questions, so end questions come first.
import type { Recognizer } from './context.js';
import { phasePoints } from './phase-points.js';
import { pacing, phaseHeadings } from './pacing.js';
import { questionTraps, traps } from './traps.js';
import { tradeoffs } from './tradeoffs.js';
import { mistakes } from './mistakes.js';
import { cards } from './cards.js';
import { numbers } from './numbers.js';
import { flow } from './flow.js';
import { endQuestions, questionsToAsk, scenarioQuestions } from './questions.js';
import { related } from './related.js';
import { mockPrompts } from './mock-prompts.js';
import { discussion } from './discussion.js';

export const RECOGNIZERS: Recognizer[] = [
  phasePoints,
  pacing,
  phaseHeadings,
  traps,
  tradeoffs,
  mistakes,
  cards,
  numbers,
  flow,
  endQuestions,
  scenarioQuestions,
  questionsToAsk,
  related,
  mockPrompts,
  discussion,
  questionTraps,
];

/** The recognizer that takes a section with this heading, if any. */
export function recognizerFor(heading: string): Recognizer | undefined {
  return RECOGNIZERS.find((r) => r.heading.test(heading));
}
