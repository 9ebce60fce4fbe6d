// The plan of one mock: the guide's pacing (or the standard 45-minute plan) scaled to
// the minutes asked for, each phase with what the interviewer will say, its key
// points, and in Scale & Trade-offs one of the guide's trap questions. Pure.
import type { DiscussionGroup, Guide, KeyPoint, Phase, Scenario, ScenarioAnswer, Trap } from '../guides/model.js';
import { STANDARD_PLAN, phaseKey } from '../guides/phases.js';
import { stem } from '../guides/keypoints.js';
import { followUpsFor, type FollowUp } from './follow-ups.js';
import { scenarioFromGuide } from './guide-scenario.js';

export interface PlanTrap {
  id: string;
  question: string;
  keyPoints: KeyPoint[];
  wants?: string;
}

/** A phase of the guide's pacing, with what the interviewer says and asks in it. */
export interface MockPhase extends Phase {
  /** What the interviewer opens the phase with. */
  opening: string;
  /** Pushed one at a time after each answer, each with the key points it probes. */
  followUps: FollowUp[];
  /** Scale & Trade-offs: the trap question, asked after the opening answer. */
  trap?: PlanTrap;
}

export interface Interviewer {
  background: string;
  title: string;
  points: string[];
}

export interface MockPlan {
  /** The scenario id, or the guide id for a mock on a guide alone. */
  id: string;
  title: string;
  scenario?: string;
  /** The guide; `folder` for a guide of the user's (the --guides folder that holds it). */
  guide: { id: string; title: string; folder?: string };
  prompt: string;
  angle: string;
  context: string;
  answers: Record<string, ScenarioAnswer>;
  /** What to assume for topics the brief leaves out. */
  defaults: Record<string, string>;
  mustAsk: string[];
  interviewer?: Interviewer;
  totalMinutes: number;
  phases: MockPhase[];
  /** The key of the one phase practised (`--phase`); absent for a whole mock. */
  only?: string;
  /** The guide's traps, for "worth drilling next". */
  traps: PlanTrap[];
}

export interface PlanInput {
  guide: Guide;
  scenario?: Scenario;
  /** Scale the plan to this many minutes. */
  minutes?: number;
  /** Practise one phase only (key or name). */
  phase?: string;
  /** ml, infra, data or product: follow-ups lean to that background. */
  interviewer?: string;
  /** Where the interviewer backgrounds come from (the BigHead guide's discussion points). */
  discussion?: DiscussionGroup[];
}

export const BACKGROUNDS = ['ml', 'infra', 'data', 'product'] as const;

const OPENINGS: Record<string, string> = {
  clarify: 'Before you design anything: what would you like to know? Ask one question at a time.',
  'high-level': "Let's see the big picture: walk me through the main components and how data and requests flow between them.",
  'deep-dive': 'Pick the component where the risk is and take me deep into it.',
  scale: "Now let's stress it: where does it break, what fails, and which trade-offs did you make?",
  'wrap-up': "We're nearly out of time: summarise your design and the decisions that matter most.",
};

const BACKGROUND_NAMES: Record<string, string> = {
  ml: 'ML',
  infra: 'infrastructure',
  data: 'data engineering',
  product: 'product',
};

function trapOf(t: Trap): PlanTrap {
  return { id: t.id, question: t.question, keyPoints: t.keyPoints, ...(t.wants ? { wants: t.wants } : {}) };
}

const STOP = new Set(['the', 'a', 'an', 'and', 'or', 'of', 'to', 'in', 'on', 'for', 'is', 'it', 'we', 'you', 'what', 'how', 'why', 'with', 'do', 'does', 'can', 'not', 'just', 'your', 'our', 'that', 'this', 'at', 'be', 'are', 'if', 'by', 'as', 'from', 'who', 'when', 'which', 'instead', 'use', 'need', 'than', 'rather', 'one']);

function stems(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map(stem).filter((w) => w.length > 1 && !STOP.has(w)));
}

/** The trap that fits the scenario best: most words shared with its scale follow-ups and story. */
export function pickTrap(traps: PlanTrap[], context: string): PlanTrap | undefined {
  // A trap with key points can be checked; one without is asked only when no other is left.
  const checkable = traps.filter((t) => t.keyPoints.length > 0);
  const pool = checkable.length > 0 ? checkable : traps;
  if (pool.length === 0) return undefined;
  const ctx = stems(context);
  let best = pool[0]!;
  let bestScore = -1;
  for (const t of pool) {
    const words = stems([t.question, ...t.keyPoints.flatMap((k) => [k.label, ...k.terms])].join(' '));
    let score = 0;
    for (const w of words) if (ctx.has(w)) score++;
    if (score > bestScore) {
      best = t;
      bestScore = score;
    }
  }
  return best;
}

/** "Feature drift" → "feature drift"; "User Registration & Auth" and "API design" stay as they are. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]+(\s+[a-z]|$)/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/** A discussion point ("Detecting feature drift") as the interviewer's question. */
export function backgroundQuestion(background: string, point: string): string {
  const who = BACKGROUND_NAMES[background] ?? background;
  return `From my ${who} side: tell me about ${lowerFirst(point.replace(/[.?!]+$/, ''))}.`;
}

/** Which phase each of a background's discussion points goes to, in order. */
const LEAN_ORDER = ['deep-dive', 'scale', 'high-level', 'wrap-up'];

/** Finds a phase of the plan by key or by name, loosely ("deep", "scale", "wrap"). */
export function findPhase<T extends { key: string; name: string }>(phases: T[], query: string): T | undefined {
  const q = query.trim().toLowerCase();
  return (
    phases.find((p) => p.key === q || p.name.toLowerCase() === q) ??
    phases.find((p) => p.key === phaseKey(q)) ??
    phases.find((p) => p.name.toLowerCase().includes(q) || p.key.includes(q))
  );
}

/**
 * Scales minute marks, rounded to whole minutes (half minutes for plans under 15
 * minutes) as long as no phase shrinks to nothing; exact fractions otherwise.
 */
function scaler(ends: number[], factor: number): (minute: number) => number {
  if (factor === 1) return (m) => m;
  const total = Math.max(...ends) * factor;
  const step = total >= 15 ? 1 : 0.5;
  const round = (m: number): number => Math.round((m * factor) / step) * step;
  const marks = [0, ...ends].map(round);
  const ok = marks.every((m, i) => i === 0 || m > marks[i - 1]!) && Math.abs(round(Math.max(...ends)) - total) < 1e-9;
  return ok ? round : (m) => m * factor;
}

function optionsQuestion(t: Guide['tradeoffs'][number]): string | undefined {
  const [a, b] = t.options;
  if (!a || !b) return undefined;
  return `${t.title.replace(/[.?!]+$/, '')}: why ${a} rather than ${b} here, and what would make you switch?`;
}

/**
 * Follow-ups for a mock on a guide alone (no scenario): its trade-offs in the
 * high-level and scale phases, its other traps in the deep dive, and the questions any
 * interviewer closes with. Key points the answers miss are probed on top of these.
 */
function guideFollowUps(guide: Guide, key: string, trap: PlanTrap | undefined, points: KeyPoint[]): string[] {
  const tradeoffs = guide.tradeoffs.map(optionsQuestion).filter((q): q is string => q !== undefined);
  const traps = guide.traps.filter((t) => t.id !== trap?.id).map((t) => t.question);
  // Each trade-off and trap is asked once: high-level takes the first trade-offs,
  // the deep dive the first traps, scale what is left.
  switch (key) {
    case 'clarify':
      return guide.questionsToAsk.filter((q) => q.group !== 'must').slice(0, 2).map((q) => q.question);
    case 'high-level':
      return tradeoffs.slice(0, 2);
    case 'deep-dive':
      // The deep-dive topics the guide names, then its other traps.
      return [...points.filter((p) => p.derived).slice(0, 1).map((p) => `Take me through ${lowerFirst(p.label.replace(/[.…]+$/, ''))}: how does it work, and what can go wrong?`), ...traps.slice(0, 2)];
    case 'scale': {
      const rest = [...tradeoffs.slice(2, 4), ...traps.slice(2, 3)];
      return rest.length > 0 ? rest : ['Traffic grows tenfold: what breaks first, and what do you change?'];
    }
    case 'wrap-up':
      return ['Which of your decisions carries the most risk, and how would you reduce it?', 'What would you build first, and what would you leave for later?'];
    default:
      return tradeoffs.slice(0, 1);
  }
}

function folderOf(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i > 0 ? path.slice(0, i) : '.';
}

export function buildPlan(input: PlanInput): MockPlan {
  const { guide, scenario } = input;
  // The plan nearest the minutes asked for (a guide may give 45 and 60), else the standard one.
  const plans = guide.pacing.length > 0 ? [guide.pacing, ...(guide.altPlans ?? [])] : [STANDARD_PLAN.map((p) => ({ ...p, keyPoints: guide.phasePoints?.[String(p.key)] ?? [] }))];
  const want = input.minutes ?? 45;
  const base = plans.reduce((best, p) => (Math.abs(Math.max(...p.map((x) => x.end)) - want) < Math.abs(Math.max(...best.map((x) => x.end)) - want) ? p : best));
  const baseTotal = Math.max(...base.map((p) => p.end));
  const factor = input.minutes ? input.minutes / baseTotal : 1;
  const at = scaler(base.map((p) => p.end), factor);

  const group = input.interviewer ? (input.discussion ?? guide.discussion).find((d) => d.background === input.interviewer) : undefined;
  const interviewer = input.interviewer ? { background: input.interviewer, title: group?.title ?? `Interviewer with a ${input.interviewer} background`, points: group?.points ?? [] } : undefined;
  const lean = new Map<string, string[]>();
  (interviewer?.points ?? []).forEach((point, i) => {
    const key = LEAN_ORDER[i % LEAN_ORDER.length]!;
    lean.set(key, [...(lean.get(key) ?? []), backgroundQuestion(interviewer!.background, point)]);
  });

  const traps = guide.traps.map(trapOf);
  const trapContext = [
    ...(scenario?.followUps['scale'] ?? []),
    scenario?.prompt ?? '',
    scenario?.angle ?? '',
    scenario?.context ?? '',
    ...(interviewer?.points ?? []),
    ...(interviewer?.points ?? []),
  ].join(' ');
  const trap = pickTrap(traps, trapContext);

  let phases: MockPhase[] = base.map((p) => {
    const key = String(p.key);
    return {
      key,
      name: p.name,
      start: at(p.start),
      end: at(p.end),
      focus: p.focus,
      tips: p.tips,
      keyPoints: p.keyPoints,
      opening: OPENINGS[key] ?? `Over to you${p.focus ? `: ${lowerFirst(p.focus)}` : ''}.`,
      followUps: followUpsFor(
        [...(lean.get(key) ?? []), ...(scenario ? (scenario.followUps[key] ?? []) : guideFollowUps(guide, key, trap, p.keyPoints))],
        key === 'scale' && trap ? [...p.keyPoints, ...trap.keyPoints] : p.keyPoints,
      ),
      ...(key === 'scale' && trap ? { trap } : {}),
    };
  });
  if (input.phase) {
    const one = findPhase(phases, input.phase);
    phases = one ? [{ ...one, start: 0, end: one.end - one.start }] : [];
  }

  // A guide without a scenario makes its own: prompt, must-ask questions, facts.
  const own = scenario ? undefined : scenarioFromGuide(guide);
  const mustAsk = scenario ? scenario.mustAsk : own!.mustAsk;
  const prompt = scenario?.prompt ?? own!.prompt;
  return {
    id: scenario?.id ?? guide.id,
    title: scenario?.title ?? guide.title,
    ...(scenario ? { scenario: scenario.id } : {}),
    guide: { id: guide.id, title: guide.title, ...(guide.bundled ? {} : { folder: folderOf(guide.path) }) },
    prompt,
    angle: scenario?.angle ?? '',
    context: scenario?.context ?? guide.summary ?? '',
    answers: scenario?.answers ?? own!.answers,
    defaults: scenario?.defaults ?? {},
    mustAsk,
    ...(interviewer ? { interviewer } : {}),
    totalMinutes: phases.length > 0 ? Math.max(...phases.map((p) => p.end)) : 0,
    phases,
    ...(input.phase && phases.length === 1 ? { only: phases[0]!.key } : {}),
    traps,
  };
}
