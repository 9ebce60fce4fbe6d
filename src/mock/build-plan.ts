// The plan of a mock with the judge's parts: each follow-up knows the key points it
// probes (the session skips one whose points were made, and --json prints them), and a
// guide without a scenario makes its own. Pure.
import { glosses } from '../judge/concepts.js';
import { followUpsFor } from './follow-ups.js';
import { scenarioFromGuide } from './guide-scenario.js';
import { planMock, type MockPlan, type PlanInput, type PlanParts } from './plan.js';

export const JUDGED: PlanParts = { followUps: followUpsFor, guideScenario: scenarioFromGuide, glosses };

export function buildPlan(input: PlanInput): MockPlan {
  return planMock(input, JUDGED);
}
