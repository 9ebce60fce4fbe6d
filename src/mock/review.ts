// The review at the end of a mock: per phase planned against used time and key points
// covered, what was missed with a one-line hint, an overall score, and the traps
// worth drilling next. Pure: it reads a finished (or stopped) session.
import { stem } from '../guides/keypoints.js';
import type { MockSession, PhaseState, PhaseStatus } from './session.js';
import type { PlanTrap } from './plan.js';
import { topicOf } from './topics.js';

export interface PointReview {
  label: string;
  covered: boolean;
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
  /** Null when the answers came from a file (no time was taken). */
  usedMin: number | null;
  overtimeMin: number;
  covered: number;
  total: number;
  points: PointReview[];
  /** Clarify: must-ask topics, asked or not. */
  mustAsk?: { topic: string; label: string; asked: boolean; example: string }[];
  trap?: { id: string; question: string; covered: number; total: number; points: PointReview[] };
  /** 0-1 of what this phase could earn, null when it has nothing to check. */
  score: number | null;
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
  /** How the score was made, in one line (so nobody has to guess). */
  scoring: string;
  partial: boolean;
  timed: boolean;
  plannedMin: number;
  usedMin: number | null;
  phases: PhaseReview[];
  missed: Missed[];
  mustAskMissed: { topic: string; label: string; example: string }[];
  drill: { id: string; question: string; why: string }[];
}

const MINUTE = 60_000;
const round1 = (n: number): number => Math.round(n * 10) / 10;

/** Points lost for a phase that ran more than half again over its (extended) plan. */
export const OVERTIME_PENALTY = 3;
export const MAX_TIME_PENALTY = 10;

function points(phase: PhaseState, trap: boolean): PointReview[] {
  const check = trap ? phase.trapCheck : phase.check;
  const ticked = trap ? phase.trapTicked : phase.ticked;
  return (check?.results ?? []).map((r) => {
    const byYou = !r.covered && ticked.includes(r.point.label);
    return {
      label: r.point.label,
      covered: r.covered || byYou,
      ...(r.covered ? { by: 'matcher' as const, ...(r.words ? { words: r.words } : {}) } : byYou ? { by: 'you' as const } : {}),
      ...(r.point.hint ? { hint: r.point.hint } : {}),
    };
  });
}

function phaseReview(session: MockSession, phase: PhaseState, timed: boolean): PhaseReview {
  const reached = phase.status !== 'pending' && phase.status !== 'active';
  const usedMs = phase.startedAt !== undefined && phase.endedAt !== undefined ? phase.endedAt - phase.startedAt : 0;
  const allowed = phase.plannedMs + phase.extendedMs;
  const pts = reached ? points(phase, false) : phase.plan.keyPoints.map((k) => ({ label: k.label, covered: false, ...(k.hint ? { hint: k.hint } : {}) }));
  const review: PhaseReview = {
    key: phase.plan.key,
    name: phase.plan.name,
    status: reached ? phase.status : 'not reached',
    plannedMin: round1(phase.plannedMs / MINUTE),
    usedMin: timed ? round1(usedMs / MINUTE) : null,
    overtimeMin: timed ? round1(Math.max(0, usedMs - allowed) / MINUTE) : 0,
    covered: pts.filter((p) => p.covered).length,
    total: pts.length,
    points: pts,
    score: null,
  };
  let earned = review.covered;
  let possible = review.total;
  if (phase.plan.key === 'clarify' && session.plan.mustAsk.length > 0) {
    review.mustAsk = session.plan.mustAsk.map((topic) => {
      const t = topicOf(topic);
      return { topic, label: t?.label ?? topic, asked: phase.asked.includes(topic), example: t?.example ?? `Ask about ${topic}.` };
    });
    earned += review.mustAsk.filter((m) => m.asked).length;
    possible += review.mustAsk.length;
  }
  const trap = phase.plan.trap;
  if (trap && trap.keyPoints.length > 0) {
    const tp = phase.trapCheck ? points(phase, true) : trap.keyPoints.map((k) => ({ label: k.label, covered: false, ...(k.hint ? { hint: k.hint } : {}) }));
    review.trap = { id: trap.id, question: trap.question, covered: tp.filter((p) => p.covered).length, total: tp.length, points: tp };
    earned += review.trap.covered;
    possible += review.trap.total;
  }
  review.score = possible > 0 ? earned / possible : null;
  return review;
}

function words(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map(stem).filter((w) => w.length > 3));
}

/** Traps worth drilling: the one asked when it went badly, then those closest to what was missed. */
export function trapsToDrill(traps: PlanTrap[], phases: PhaseReview[], missed: Missed[], limit = 3): Review['drill'] {
  const out: Review['drill'] = [];
  for (const p of phases) {
    if (p.trap && p.trap.total > 0 && p.trap.covered / p.trap.total < 0.75) {
      const gaps = p.trap.points.filter((x) => !x.covered).map((x) => x.label.toLowerCase());
      out.push({ id: p.trap.id, question: p.trap.question, why: `you made ${p.trap.covered} of its ${p.trap.total} points; missed: ${gaps.join(', ')}` });
    }
  }
  const gapWords = missed.map((m) => ({ m, words: words(`${m.label} ${m.hint ?? ''}`) }));
  const ranked = traps
    .filter((t) => !out.some((o) => o.id === t.id))
    .map((t) => {
      const tw = words([t.question, ...t.keyPoints.flatMap((k) => [k.label, ...k.terms, k.hint ?? ''])].join(' '));
      let best: Missed | undefined;
      let bestShared = 0;
      let total = 0;
      for (const g of gapWords) {
        let shared = 0;
        for (const w of g.words) if (tw.has(w)) shared++;
        total += shared;
        if (shared > bestShared) {
          bestShared = shared;
          best = g.m;
        }
      }
      return { t, total, best };
    })
    .filter((x) => x.total > 0)
    .sort((a, b) => b.total - a.total);
  for (const r of ranked) {
    if (out.length >= limit) break;
    out.push({ id: r.t.id, question: r.t.question, why: `practises what you missed: ${r.best!.label.toLowerCase()} (${r.best!.phase})` });
  }
  return out.slice(0, limit);
}

/**
 * The review of a session. The score is the share of checkable items covered (key
 * points, must-ask topics, the trap's points), each phase weighted by its planned
 * minutes; phases never reached count as zero; a phase that ran more than 50% over
 * its plan costs a few points.
 */
export function reviewSession(session: MockSession, options: { timed: boolean }): Review {
  const phases = session.phases.map((p) => phaseReview(session, p, options.timed));
  const scored = phases.filter((p) => p.score !== null);
  let score: number;
  let scoring: string;
  if (scored.length > 0) {
    const w = (p: PhaseReview): number => (p.plannedMin > 0 ? p.plannedMin : 1);
    const weight = scored.reduce((s, p) => s + w(p), 0);
    const sum = scored.reduce((s, p) => s + (p.score ?? 0) * w(p), 0);
    score = Math.round((100 * sum) / weight);
    scoring = 'key points, must-ask questions and trap points covered, each phase weighted by its planned minutes';
  } else {
    // A guide without key points: all that can be judged is which phases got an answer.
    const answered = phases.filter((p) => p.status === 'done' && session.candidateText(session.phases[phases.indexOf(p)]!).trim()).length;
    score = phases.length > 0 ? Math.round((100 * answered) / phases.length) : 0;
    scoring = 'this guide has no key points: the score is the share of phases you answered';
  }
  if (options.timed) {
    const late = phases.filter((p, i) => {
      const s = session.phases[i]!;
      return p.usedMin !== null && p.status === 'done' && p.usedMin * MINUTE > 1.5 * (s.plannedMs + s.extendedMs);
    });
    const penalty = Math.min(MAX_TIME_PENALTY, late.length * OVERTIME_PENALTY);
    if (penalty > 0) {
      score = Math.max(0, score - penalty);
      scoring += `; −${penalty} for running more than 50% over time in ${late.map((p) => p.name).join(', ')}`;
    }
  }
  const missed: Missed[] = phases.flatMap((p) => [
    ...p.points.filter((x) => !x.covered).map((x) => ({ phase: p.name, label: x.label, ...(x.hint ? { hint: x.hint } : {}) })),
    ...(p.trap?.points ?? []).filter((x) => !x.covered).map((x) => ({ phase: `${p.name}, trap`, label: x.label, ...(x.hint ? { hint: x.hint } : {}) })),
  ]);
  const mustAskMissed = phases.flatMap((p) => (p.mustAsk ?? []).filter((m) => !m.asked).map(({ topic, label, example }) => ({ topic, label, example })));
  const usedMin = options.timed ? round1(phases.reduce((s, p) => s + (p.usedMin ?? 0), 0)) : null;
  return {
    id: session.plan.id,
    title: session.plan.title,
    ...(session.plan.scenario ? { scenario: session.plan.scenario } : {}),
    guide: session.plan.guide.id,
    score,
    scoring,
    partial: session.partial,
    timed: options.timed,
    plannedMin: round1(phases.reduce((s, p) => s + p.plannedMin, 0)),
    usedMin,
    phases,
    missed,
    mustAskMissed,
    drill: trapsToDrill(session.plan.traps, phases, missed),
  };
}
