// The review at the end of a mock: per phase planned against used time and key points
// made, what was missed with a one-line hint, advice on how the answers were written,
// an overall score, and the traps worth drilling next. Pure: it reads a finished (or
// stopped) session.
//
// The score (README, "How the score works"): each phase earns the share of its
// checkable items the candidate made (key points, must-ask questions, the trap's
// points). A point counts whole when a sentence makes it, in any words; half when only
// a generic buzzword names it; about a quarter when it only appears in a bare list of
// terms. A phase that is not about the interview's subject earns nothing. Phases are
// weighted by their planned minutes, and a phase never reached counts as zero. In a
// timed mock, 10% of the score is time: each phase used between half and all of its
// (extended) time, with a margin. A phase with nothing to check is not scored.
import type { KeyPoint } from '../guides/model.js';
import { domainKeys, overlap, pointKeys, relevance, type MatchResult } from '../judge/concepts.js';
import { profile, specificity } from '../judge/prose.js';
import type { MockSession, PhaseState, PhaseStatus } from './session.js';
import type { PlanTrap } from './plan.js';
import { askFor, facetOf } from './facets.js';
import { lower } from './follow-ups.js';

export interface PointReview {
  label: string;
  covered: boolean;
  /** 0-1: how well it was made. */
  credit: number;
  /** Named, but not explained (a list of terms, a buzzword). */
  partial?: boolean;
  /** How it was found: by the matcher (with the words) or ticked by the user. */
  by?: 'matcher' | 'you';
  words?: string;
  hint?: string;
}

export interface PhaseReview {
  key: string;
  name: string;
  status: PhaseStatus | 'not reached';
  plannedMin: number;
  /** Minutes added with /extend. */
  extendedMin: number;
  /** Null when the answers came from a file (no time was taken). */
  usedMin: number | null;
  /** Minutes beyond the planned time plus extensions. */
  overtimeMin: number;
  covered: number;
  total: number;
  points: PointReview[];
  /** Clarify: must-ask topics, asked or not. */
  mustAsk?: { topic: string; label: string; asked: boolean; example: string }[];
  /** `asked` false: the phase ended before the interviewer asked it; its points count as missed all the same. */
  trap?: { id: string; question: string; asked: boolean; covered: number; total: number; points: PointReview[] };
  /** 0-1 of what this phase could earn, null when it has nothing to check ("not scored"). */
  score: number | null;
  /** 0-1: how well the phase's time was used, null when untimed or not reached. */
  timeScore: number | null;
  /** How the answer was written: advice the points alone do not give. */
  advice: string[];
}

export interface Missed {
  phase: string;
  label: string;
  hint?: string;
}

export interface Review {
  id: string;
  title: string;
  scenario?: string;
  guide: string;
  score: number;
  /** The content part (0-100), before time is weighed in. */
  contentScore: number;
  /** The time part (0-100), null when untimed. */
  timeScore: number | null;
  /** How the score was made, in one line (so nobody has to guess). */
  scoring: string;
  partial: boolean;
  timed: boolean;
  plannedMin: number;
  usedMin: number | null;
  /** Overall remarks: time used, answers written as lists, off-topic answers. */
  notes: string[];
  phases: PhaseReview[];
  missed: Missed[];
  mustAskMissed: { topic: string; label: string; example: string }[];
  drill: { id: string; question: string; why: string }[];
}

const MINUTE = 60_000;
const round1 = (n: number): number => Math.round(n * 10) / 10;

/** Share of a timed mock's score that is time. */
export const TIME_WEIGHT = 0.1;
/** A phase that used less than this share of its time loses time credit linearly. */
const MIN_USE = 0.5;
/** Time credit reaches zero at this share over the allowed time. */
const MAX_OVER = 1;

/** Time credit of one phase: whole between half and all of its allowed time (+25%), falling outside. */
export function timeCredit(usedMs: number, plannedMs: number, allowedMs: number): number {
  if (plannedMs <= 0) return 1;
  const use = usedMs / plannedMs;
  if (use < MIN_USE) return Math.max(0, use / MIN_USE);
  const over = (usedMs - allowedMs * 1.25) / allowedMs;
  return over <= 0 ? 1 : Math.max(0, 1 - over / MAX_OVER);
}

function points(check: MatchResult | undefined, ticked: string[]): PointReview[] {
  return (check?.results ?? []).map((r) => {
    const byYou = !r.covered && ticked.includes(r.point.label);
    const credit = byYou ? 1 : r.credit;
    return {
      label: r.point.label,
      covered: r.covered || byYou,
      credit,
      ...(r.partial && !byYou ? { partial: true } : {}),
      ...(r.covered || r.partial ? { by: 'matcher' as const, ...(r.words ? { words: r.words } : {}) } : byYou ? { by: 'you' as const } : {}),
      ...(r.point.hint ? { hint: r.point.hint } : {}),
    };
  });
}

function unchecked(list: KeyPoint[]): PointReview[] {
  return list.map((k) => ({ label: k.label, covered: false, credit: 0, ...(k.hint ? { hint: k.hint } : {}) }));
}

/** Below this share of concrete words (numbers, names) an answer is vague. */
const CONCRETE = 0.03;
/** What the points of a wholly vague answer are worth at most. */
const VAGUE_FLOOR = 0.6;

function phaseReview(session: MockSession, phase: PhaseState, timed: boolean, domain: Set<string>, answerRelevance: number | undefined, concrete: number): PhaseReview {
  const reached = phase.status !== 'pending' && phase.status !== 'active';
  const usedMs = phase.startedAt !== undefined && phase.endedAt !== undefined ? phase.endedAt - phase.startedAt : 0;
  const allowed = phase.plannedMs + phase.extendedMs;
  const pts = reached ? points(phase.check, phase.ticked) : unchecked(phase.plan.keyPoints);
  const review: PhaseReview = {
    key: phase.plan.key,
    name: phase.plan.name,
    status: reached ? phase.status : 'not reached',
    plannedMin: round1(phase.plannedMs / MINUTE),
    extendedMin: round1(phase.extendedMs / MINUTE),
    usedMin: timed ? round1(usedMs / MINUTE) : null,
    overtimeMin: timed ? round1(Math.max(0, usedMs - allowed) / MINUTE) : 0,
    covered: pts.filter((p) => p.covered).length,
    total: pts.length,
    points: pts,
    score: null,
    timeScore: timed && reached ? (phase.status === 'skipped' ? 0 : timeCredit(usedMs, phase.plannedMs, allowed)) : null,
    advice: [],
  };
  let earned = pts.reduce((n, p) => n + p.credit, 0);
  let possible = pts.length;
  if (phase.plan.key === 'clarify' && session.plan.mustAsk.length > 0) {
    review.mustAsk = session.plan.mustAsk.map((topic) => {
      const f = facetOf(topic);
      return { topic, label: f?.label ?? topic, asked: phase.asked.includes(topic), example: session.plan.questions[topic] ?? askFor(topic, session.plan.general) };
    });
    earned += review.mustAsk.filter((m) => m.asked).length;
    possible += review.mustAsk.length;
  }
  const trap = phase.plan.trap;
  if (trap && trap.keyPoints.length > 0) {
    const tp = phase.trapCheck ? points(phase.trapCheck, phase.trapTicked) : unchecked(trap.keyPoints);
    review.trap = { id: trap.id, question: trap.question, asked: phase.trapAsked, covered: tp.filter((p) => p.covered).length, total: tp.length, points: tp };
    earned += tp.reduce((n, p) => n + p.credit, 0);
    possible += tp.length;
  }
  if (possible === 0) return review;
  const text = session.candidateText(phase);
  const prose = profile(text);
  // An answer about something else earns nothing, however many generic points it
  // names: a phase needs a third of its sentences about the subject to earn in full.
  const onTopic = phase.plan.key === 'clarify' ? 1 : Math.min(1, Math.max(0, (relevance(text, domain) - 0.05) / 0.25));
  // How much of the whole answer (every phase but Clarify) is about the subject. A mock
  // with no answer past Clarify (`--phase clarify`, or stopped during it) has none to
  // judge: its questions are scored as they are, not as an answer about nothing.
  const overall = answerRelevance === undefined ? 1 : Math.min(1, Math.max(0, (answerRelevance - 0.15) / 0.25));
  // No numbers and no named technologies anywhere: the points were made in generalities.
  const specific = phase.plan.key === 'clarify' ? 1 : Math.min(1, VAGUE_FLOOR + ((1 - VAGUE_FLOOR) * concrete) / CONCRETE);
  review.score = reached && !prose.dontKnow ? (earned / possible) * onTopic * overall * specific : 0;

  if (!reached || !text.trim()) return review;
  const made = pts.some((p) => p.credit > 0);
  if (prose.dontKnow) review.advice.push('"I don\'t know" earns nothing: say what you would find out, or reason from what you do know.');
  else if (prose.words < 15 && !made && phase.plan.key !== 'clarify') review.advice.push('A line is not an answer: walk through the parts, the numbers and the reasons.');
  else if (prose.termList && phase.plan.key !== 'clarify') review.advice.push('Written as a list of terms: explain how and why, not just which. Named points earn about a quarter.');
  else if (onTopic < 1) review.advice.push(`Most of this is not about ${session.plan.title}: it earns ${onTopic === 0 ? 'nothing' : 'less'}.`);
  return review;
}

/** Traps worth drilling: the one asked when it went badly, then those that practise what was missed. */
export function trapsToDrill(traps: PlanTrap[], phases: PhaseReview[], missed: { phase: string; point: KeyPoint }[], limit = 3): Review['drill'] {
  const out: Review['drill'] = [];
  for (const p of phases) {
    if (p.trap && p.trap.total > 0 && p.trap.covered / p.trap.total < 0.75 && p.status !== 'not reached') {
      const gaps = p.trap.points.filter((x) => !x.covered).map((x) => lower(x.label));
      // Never asked (the phase was moved on from first): nothing was made of it, and nothing said.
      const why =
        p.trap.asked !== false ? `you made ${p.trap.covered} of its ${p.trap.total} points; missed: ${gaps.join(', ')}` : `not asked: ${p.name} ended before it; practise its ${p.trap.total} points`;
      out.push({ id: p.trap.id, question: p.trap.question, why });
    }
  }
  // A trap earns its place only when one of its key points is about something missed.
  const gaps = missed.map((m) => ({ m, keys: pointKeys(m.point) }));
  const ranked = traps
    .filter((t) => !out.some((o) => o.id === t.id))
    .flatMap((t) => {
      let best: { shared: number; gap: (typeof gaps)[number]; point: KeyPoint } | undefined;
      for (const point of t.keyPoints) {
        const keys = pointKeys(point);
        for (const g of gaps) {
          const shared = overlap(g.keys, keys);
          if (shared >= 2 && (!best || shared > best.shared)) best = { shared, gap: g, point };
        }
      }
      return best ? [{ t, best }] : [];
    })
    .sort((a, b) => b.best.shared - a.best.shared);
  for (const r of ranked) {
    if (out.length >= limit) break;
    const { gap, point } = r.best;
    const same = gap.m.point.label.toLowerCase() === point.label.toLowerCase();
    out.push({
      id: r.t.id,
      question: r.t.question,
      why: `you missed ${lower(gap.m.point.label)} (${gap.m.phase})${same ? ', one of its key points' : `; its key point “${point.label}” practises it`}`,
    });
  }
  return out.slice(0, limit);
}

/** The review of a session, and its score (see the top of this file). */
export function reviewSession(session: MockSession, options: { timed: boolean }): Review {
  const plan = session.plan;
  // The interview's subject: its title and prompt, and the words of its key points (a
  // guide's own vocabulary, which a generic or numbered title lacks).
  const domain = domainKeys(
    [plan.title, plan.prompt, plan.guide.title],
    plan.phases.flatMap((p) => [...p.keyPoints, ...(p.trap?.keyPoints ?? [])]),
  );
  const answer = session.phases
    .filter((p) => p.plan.key !== 'clarify')
    .map((p) => session.candidateText(p))
    .join('\n\n');
  const answerRelevance = answer.trim() ? relevance(answer, domain) : undefined;
  const concrete = specificity(answer);
  const phases = session.phases.map((p) => phaseReview(session, p, options.timed, domain, answerRelevance, concrete));
  const scored = phases.filter((p) => p.score !== null);
  const w = (p: PhaseReview): number => (p.plannedMin > 0 ? p.plannedMin : 1);
  const weight = scored.reduce((s, p) => s + w(p), 0);
  const content = weight > 0 ? scored.reduce((s, p) => s + (p.score ?? 0) * w(p), 0) / weight : 0;
  const allWeight = phases.reduce((s, p) => s + w(p), 0);
  const time = options.timed && allWeight > 0 ? phases.reduce((s, p) => s + (p.timeScore ?? 0) * w(p), 0) / allWeight : null;
  const score = Math.round(100 * (time === null ? content : (1 - TIME_WEIGHT) * content + TIME_WEIGHT * time));
  const notScored = phases.filter((p) => p.score === null).map((p) => p.name);
  let scoring =
    scored.length === 0
      ? 'nothing to score: this plan has no key points, must-ask questions or trap points'
      : `key points made (in any words; a quarter for a bare list of terms), must-ask questions and trap points, each phase weighted by its planned minutes${
          time === null ? '' : `; ${Math.round(TIME_WEIGHT * 100)}% for using each phase's time (content ${Math.round(100 * content)}, time ${Math.round(100 * time)})`
        }`;
  if (notScored.length > 0 && scored.length > 0) scoring += `; not scored (nothing to check): ${notScored.join(', ')}`;

  const notes: string[] = [];
  if (answerRelevance !== undefined && concrete < CONCRETE && answerRelevance > 0.15) {
    notes.push('Hardly a number or a named technology in your answers: say how much, how fast and with what. Points made in generalities earn less.');
  }
  const usedMin = options.timed ? round1(phases.reduce((s, p) => s + (p.usedMin ?? 0), 0)) : null;
  const plannedMin = round1(phases.reduce((s, p) => s + p.plannedMin, 0));
  if (usedMin !== null && !session.partial && usedMin < plannedMin * MIN_USE) {
    notes.push(`You used ${usedMin} of ${plannedMin} minutes. A real interview fills its time: go deeper, give numbers, and walk through failures before moving on.`);
  }

  const missedPoints: { phase: string; point: KeyPoint }[] = [];
  session.phases.forEach((s, i) => {
    const p = phases[i]!;
    for (const k of s.plan.keyPoints) if (!p.points.find((x) => x.label === k.label)?.covered) missedPoints.push({ phase: p.name, point: k });
    for (const k of s.plan.trap?.keyPoints ?? []) if (!p.trap?.points.find((x) => x.label === k.label)?.covered) missedPoints.push({ phase: `${p.name}, trap`, point: k });
  });
  const missed: Missed[] = missedPoints.map(({ phase, point }) => ({ phase, label: point.label, ...(point.hint ? { hint: point.hint } : {}) }));
  const mustAskMissed = phases.flatMap((p) => (p.mustAsk ?? []).filter((m) => !m.asked).map(({ topic, label, example }) => ({ topic, label, example })));
  return {
    id: plan.id,
    title: plan.title,
    ...(plan.scenario ? { scenario: plan.scenario } : {}),
    guide: plan.guide.id,
    score,
    contentScore: Math.round(100 * content),
    timeScore: time === null ? null : Math.round(100 * time),
    scoring,
    partial: session.partial,
    timed: options.timed,
    plannedMin,
    usedMin,
    notes,
    phases,
    missed,
    mustAskMissed,
    drill: trapsToDrill(plan.traps, phases, missedPoints),
  };
}
