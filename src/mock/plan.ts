// The plan of one mock: the guide's pacing (or the standard 45-minute plan) scaled to
// the minutes asked for, each phase with what the interviewer will say, its key
// points, and in Scale & Trade-offs one of the guide's trap questions. Pure.
//
// Two parts of a plan are the judge's work and are passed in (PlanParts): which key
// points each follow-up probes, and the scenario a guide without one makes. The study
// sheet needs neither, so this module loads no judge; ./build-plan.ts gives the plan
// with both, for a mock that is sat, scored or printed as JSON.
import type { DiscussionGroup, Guide, KeyPoint, Phase, Scenario, ScenarioAnswer, Trap } from '../guides/model.js';
import { STANDARD_PLAN, phaseKey } from '../guides/phases.js';
import { stem } from '../guides/keypoints.js';
import type { FollowUp } from './follow-ups.js';
import type { GuideScenario } from './guide-scenario.js';
import { askFor } from './facets.js';
import type { GuideFact } from './interviewer.js';
import { subPhrases } from '../guides/recognizers/derive.js';
import { corrected } from '../judge/distance.js';
import { alnumRuns, slug } from '../guides/text.js';

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
  /** The question shown for each must-ask topic. */
  questions: Record<string, string>;
  /** A mock on a user's guide alone: the interviewer asks and assumes in general words. */
  general?: boolean;
  /** The guide's fact lines, searched for the one a question asks about. */
  facts?: GuideFact[];
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

/** The judge's parts of a plan (./build-plan.ts has them). */
export interface PlanParts {
  /** A phase's follow-ups, each with the key points it probes (followUpsFor). */
  followUps: (texts: string[], points: KeyPoint[]) => FollowUp[];
  /** The prompt, must-ask questions and facts of a mock on a guide alone (scenarioFromGuide). */
  guideScenario: (guide: Guide) => GuideScenario;
  /** The words a guide's text says around each key point (glosses). */
  glosses?: (points: KeyPoint[], text: string) => Map<KeyPoint, string[]>;
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

const STOP = new Set([
  'the',
  'a',
  'an',
  'and',
  'or',
  'of',
  'to',
  'in',
  'on',
  'for',
  'is',
  'it',
  'we',
  'you',
  'what',
  'how',
  'why',
  'with',
  'do',
  'does',
  'can',
  'not',
  'just',
  'your',
  'our',
  'that',
  'this',
  'at',
  'be',
  'are',
  'if',
  'by',
  'as',
  'from',
  'who',
  'when',
  'which',
  'instead',
  'use',
  'need',
  'than',
  'rather',
  'one',
]);

function stems(text: string): Set<string> {
  return new Set(
    alnumRuns(text.toLowerCase())
      .map(stem)
      .filter((w) => w.length > 1 && !STOP.has(w)),
  );
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
  const exact = phases.find((p) => p.key === q || p.name.toLowerCase() === q);
  if (exact) return exact;
  // A typo of a phase's own key ("reliabilty") is that phase, before what the word
  // would mean in a standard plan ("reliab…" is read as scale).
  const typo = corrected(q, new Set(phases.map((p) => p.key)));
  if (typo !== q) return phases.find((p) => p.key === typo);
  return phases.find((p) => p.key === phaseKey(q)) ?? phases.find((p) => p.name.toLowerCase().includes(q) || p.key.includes(q));
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
  // Neutral: the candidate picks, whatever the guide recommends.
  // An option's name, not the guide's account of it ("SFU: Forwards packets without
  // transcoding. Scales to 15x…" is "SFU"); an option with no short name asks nothing.
  const opts = t.options
    .filter(Boolean)
    .slice(0, 3)
    .map((o) =>
      o
        .replace(/\s*\((?:chosen|recommended|default)\)\s*$/i, '')
        .split(/:\s|\s[—–-]\s|\.\s|\s\(/)[0]!
        .trim(),
    );
  if (opts.some((o) => o.length > 48 || o.length === 0)) return undefined;
  const list = opts.length === 2 ? `${opts[0]} or ${opts[1]}` : `${opts.slice(0, -1).join(', ')} or ${opts[opts.length - 1]}`;
  const title = t.title.replace(/[.?!]+$/, '');
  const named = opts.every((o) => title.toLowerCase().includes(o.toLowerCase()));
  return `${named ? title : `${title}: ${list}`}? Which would you choose here, and what would make you switch?`;
}

/**
 * A guide's question to ask, as the interviewer asks it back: the candidate's words
 * ("Scope: "Should I focus on the feed?" I'm assuming web only.") made the
 * interviewer's ("Would you focus on the feed? Why?"), a question of what to know
 * ("Do we need two-way messaging?") handed back to assume. A question about the
 * interview itself ("should I move on?") is none to ask back.
 */
export function askedBack(question: string): string | undefined {
  let q = question.trim().replace(/^[*_]+|[*_]+$/g, '');
  // "Scope: "…"", "Retention: How long…?": the guide's label for the topic goes.
  q = q.replace(/^[A-Z][\w &/-]{0,30}:\s*(?=["“]|(?:what|how|which|who|when|where|why|is|are|do|does|did|should|can|could|will|would|may)\b)/i, '');
  q = q.replace(/^["“]\s*/, '');
  // Up to its last question mark; the guide's note after it ("This drives…") goes.
  const end = q.lastIndexOf('?');
  if (end < 0) return undefined;
  q = q.slice(0, end + 1);
  // "…to support? (10, 100, 1000, 10000?)": the examples in brackets go with their bracket.
  if (/\([^()]*$/.test(q)) q = q.replace(/\s*\([^()]*$/, '');
  // The candidate's own assumption, said inside the question, is theirs to say.
  q = q
    .split(/(?<=[?.!])\s+/)
    .filter((part, i) => i === 0 || !/^(?:i'm|i am|i'll|i will|i'd|i would|assuming|let's say)\b/i.test(part))
    .join(' ');
  if (/\b(?:level of detail|move on|go deeper|dive deeper|whiteboard|time left)\b/i.test(q)) return undefined;
  const voiced = q
    .replace(/\b(should|do|can|shall) I\b/gi, (_m, verb: string) => `${/^[A-Z]/.test(verb) ? 'W' : 'w'}ould you`)
    .replace(/\bI'm\b/g, "you're")
    .replace(/\bI\b/g, 'you')
    .replace(/\bmy\b/g, 'your')
    .replace(/\bme\b/g, 'you');
  return voiced === q ? `${q} What would you assume, and why?` : `${voiced} Why?`;
}

/**
 * Follow-ups for a mock on a guide alone (no scenario), each asked once in the whole
 * mock: the clarify phase gets the guide's other questions; a phase gets the trade-offs
 * and traps whose words are closest to what it covers (high-level leans to trade-offs,
 * the deep dive to traps), and a topic of its own key points to go deep on; the
 * wrap-up closes as any interviewer does. Key points the answers miss are probed on top.
 */
function guideFollowUps(guide: Guide, phases: { key: string; name: string; keyPoints: KeyPoint[] }[], trap: PlanTrap | undefined): Map<string, string[]> {
  const pool = [
    ...guide.tradeoffs.map((t) => ({ kind: 'tradeoff' as const, q: optionsQuestion(t), words: [t.title, ...t.options].join(' ') })),
    ...guide.traps.filter((t) => t.id !== trap?.id).map((t) => ({ kind: 'trap' as const, q: t.question, words: [t.question, ...t.keyPoints.map((k) => k.label)].join(' ') })),
  ].filter((c): c is { kind: 'tradeoff' | 'trap'; q: string; words: string } => c.q !== undefined);
  const used = new Set<string>();
  const out = new Map<string, string[]>();
  const middle = phases.filter((p) => p.key !== 'clarify' && p.key !== 'wrap-up');
  const share = Math.max(1, Math.ceil(pool.length / Math.max(1, middle.length)));
  for (const phase of phases) {
    if (phase.key === 'clarify') {
      out.set(
        phase.key,
        guide.questionsToAsk
          .filter((q) => q.group !== 'must')
          .map((q) => askedBack(q.question))
          .filter((q): q is string => q !== undefined)
          .slice(0, 2),
      );
      continue;
    }
    // The last phase closes the interview, whatever the guide calls it ("Trade-offs + Discussion").
    if (phase.key === 'wrap-up' || (phase === phases[phases.length - 1] && phases.length > 2 && !STANDARD_KEYS.has(phase.key))) {
      out.set(phase.key, ['Which of your decisions carries the most risk, and how would you reduce it?', 'What would you build first, and what would you leave for later?']);
      continue;
    }
    const about = stems([phase.name, ...phase.keyPoints.flatMap((k) => [k.label, ...k.terms])].join(' '));
    const prefer = phase.key === 'high-level' ? 'tradeoff' : phase.key === 'deep-dive' ? 'trap' : undefined;
    const ranked = pool
      .filter((c) => !used.has(c.q))
      .map((c, i) => ({ c, i, score: [...stems(c.words)].filter((w) => about.has(w)).length + (c.kind === prefer ? 0.5 : 0) }))
      .sort((a, b) => b.score - a.score || a.i - b.i)
      .slice(0, Math.min(2, share))
      .map((r) => r.c.q);
    for (const q of ranked) used.add(q);
    // A topic of the phase's own to go deep on: the words a candidate would say, not the guide's instruction.
    const topic = phase.key === 'high-level' ? undefined : phase.keyPoints.map((k) => topicPhrase(k.label)).find((t) => t !== undefined);
    const questions = [...(topic ? [`Take me through ${topic}: how does it work, and what can go wrong?`] : []), ...ranked];
    out.set(
      phase.key,
      questions.length > 0
        ? questions
        : phase.key === 'scale'
          ? ['Traffic grows tenfold: what breaks first, and what do you change?']
          : [`What is the riskiest part of ${lowerFirst(phase.name)}, and how would you know it is failing?`],
    );
  }
  return out;
}

// What a study sheet says about a topic, not a topic: "algorithm details", "bottleneck analysis", "target users".
const NOT_A_TOPIC =
  /^(?:(?:detailed|specific|core|best|key|main|the|a|this|that|high|low|distributed|systems?|knowledge|target|users?|problem|framing|algorithms?|details?|design|components?|alternatives?|bottlenecks?|analysis|decision|matrix|choices?|objects?|items?|events?|features?|strategy|strategies|mitigation|requirements?|n?fr|priority|tier|machine|prompt|pseudocode|probe|runtime|identify|candidate|functional|non-functional|insight|each|math|capacity|upfront|transitions?|buffer|cold|push|slack|pessimistic|scaling|reliability|security|latency|solutions?|peak|sec|s|costs?|failures?|modes?|threats?|mitigations?|approach(?:es)?|\d+)\s*)+$/i;
// A sentence, not a name: "client provides Idempotency-Key header", "user places order".
const VERB =
  /\b(?:provides|places|emits|produces|sends|receives|calls|creates|makes|needs|uses|handles|scales|requires|returns|triggers|stores|updates|enables|flows|understand|reason|distinguish)\b/i;

/** "Cache prefetching for popular domains" → "cache prefetching"; a sentence, a question or meta-advice gives none. */
function topicPhrase(label: string): string | undefined {
  const first = subPhrases(label.replace(/[.…]+$/, ''))[0];
  if (
    !first ||
    first.split(/\s+/).length > 4 ||
    /^(pick|choose|one|two|\d)/i.test(first) ||
    /\b(is|are|must|should|can|will|between|in|of|for|on|with|to|from|at)\b/i.test(first) ||
    /trade-?offs?|summar|questions?/i.test(first) ||
    // "Why Erlang", "if compromised", "we target 80%", "use each": a question or a clause.
    /^(?:why|how|what|when|which|where|who|whether|if|we|you|i|it|this|that|use|do|does|no|not)\b/i.test(first) ||
    // "asks about employee count", "discusses checkpoint recovery": what a candidate does.
    /^[a-z]+[^s]s\s/i.test(first) ||
    VERB.test(first) ||
    /[\d=×%~]/.test(first) ||
    NOT_A_TOPIC.test(first)
  )
    return undefined;
  return lowerFirst(first);
}

const STANDARD_KEYS = new Set(STANDARD_PLAN.map((p) => String(p.key)));

function folderOf(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i > 0 ? path.slice(0, i) : '.';
}

/** Key points given their glosses from the guide's text (copies: a guide's points are shared). */
function glossing(parts: PlanParts, guide: Guide, points: KeyPoint[]): (list: KeyPoint[]) => KeyPoint[] {
  // Every line a user's guide states (its statements), else the text of its sections.
  const text = guide.statements ? guide.statements.map((s) => s.lines.join('\n')) : guide.sections.map((s) => `${s.heading}\n\n${s.text}`);
  const found = parts.glosses?.(points, text.join('\n\n'));
  if (!found || found.size === 0) return (list) => list;
  const copies = new Map<KeyPoint, KeyPoint>();
  for (const [point, gloss] of found) copies.set(point, { ...point, gloss });
  return (list) => list.map((p) => copies.get(p) ?? p);
}

export function planMock(input: PlanInput, parts: PlanParts): MockPlan {
  const { guide, scenario } = input;
  // The plan nearest the minutes asked for (a guide may give 45 and 60), else the standard one.
  const plans = guide.pacing.length > 0 ? [guide.pacing, ...(guide.altPlans ?? [])] : [STANDARD_PLAN.map((p) => ({ ...p, keyPoints: guide.phasePoints?.[String(p.key)] ?? [] }))];
  const want = input.minutes ?? 45;
  const base = plans.reduce((best, p) => (Math.abs(Math.max(...p.map((x) => x.end)) - want) < Math.abs(Math.max(...best.map((x) => x.end)) - want) ? p : best));
  const baseTotal = Math.max(...base.map((p) => p.end));
  const factor = input.minutes ? input.minutes / baseTotal : 1;
  const at = scaler(
    base.map((p) => p.end),
    factor,
  );

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
  const picked = pickTrap(traps, trapContext);
  // Each point with the words its guide says around it: the judge's way to hear it in other words.
  const glossed = glossing(parts, guide, [...base.flatMap((p) => p.keyPoints), ...(picked?.keyPoints ?? [])]);
  const trap = picked && { ...picked, keyPoints: glossed(picked.keyPoints) };

  // Each phase its own key: a guide with three phases read as "scale" keeps the first as
  // scale, and the others by their names ("search-at-scale-caching").
  const taken = new Set<string>();
  const keys = base.map((p) => {
    let key = String(p.key);
    if (taken.has(key)) key = slug(p.name) || key;
    for (let n = 2; taken.has(key); n++) key = `${String(p.key)}-${n}`;
    taken.add(key);
    return key;
  });
  // The trap is asked where the plan stresses the design: its scale phase, else the last before the wrap-up.
  const middle = keys.filter((k) => k !== 'clarify' && k !== 'wrap-up');
  const trapKey = keys.includes('scale') ? 'scale' : middle[middle.length - 1];
  const fromGuide = scenario
    ? undefined
    : guideFollowUps(
        guide,
        base.map((p, i) => ({ key: keys[i]!, name: p.name, keyPoints: p.keyPoints })),
        trap,
      );
  let phases: MockPhase[] = base.map((p, i) => {
    const key = keys[i]!;
    const withTrap = key === trapKey && trap !== undefined;
    return {
      key,
      name: p.name,
      start: at(p.start),
      end: at(p.end),
      focus: p.focus,
      tips: p.tips,
      keyPoints: glossed(p.keyPoints),
      opening: OPENINGS[key] ?? `Next, ${lowerFirst(p.name.replace(/[.:]+$/, ''))}${p.focus && p.focus !== p.name ? `: ${lowerFirst(p.focus.replace(/[.]+$/, ''))}` : ''}. Over to you.`,
      followUps: parts.followUps(
        [...(lean.get(key) ?? []), ...(scenario ? (scenario.followUps[key] ?? []) : (fromGuide!.get(key) ?? []))],
        glossed(withTrap ? [...p.keyPoints, ...picked!.keyPoints] : p.keyPoints),
      ),
      ...(withTrap ? { trap } : {}),
    };
  });
  if (input.phase) {
    const one = findPhase(phases, input.phase);
    phases = one ? [{ ...one, start: 0, end: one.end - one.start }] : [];
  }

  // A guide without a scenario makes its own: prompt, must-ask questions, facts.
  const own = scenario ? undefined : parts.guideScenario(guide);
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
    questions: own ? own.questions : Object.fromEntries(mustAsk.map((t) => [t, askFor(t)])),
    ...(own ? { general: true, facts: own.facts } : {}),
    ...(interviewer ? { interviewer } : {}),
    totalMinutes: phases.length > 0 ? Math.max(...phases.map((p) => p.end)) : 0,
    phases,
    ...(input.phase && phases.length === 1 ? { only: phases[0]!.key } : {}),
    traps,
  };
}
