// What the interviewer says after an answer: the trap, a probe of a point the answer
// missed, a nudge after "not sure", or the next scripted follow-up whose points are not
// yet covered. Each follow-up knows the key points it probes. Pure.
import type { KeyPoint } from '../guides/model.js';
import { COVERED, conceptKeys, matchKeyPoints, overlap, pointKeys } from '../judge/concepts.js';
import { isDontKnow } from '../judge/prose.js';

export interface FollowUp {
  text: string;
  /** Labels of the phase's key points this follow-up probes (none: it is always worth asking). */
  probes: string[];
}

/**
 * The key points a follow-up asks about: those its own words make, else those it
 * shares a concept with ("Cassandra goes down: what happens?" is about failure handling).
 */
export function followUpsFor(texts: string[], points: KeyPoint[]): FollowUp[] {
  return texts.map((text) => {
    const made = matchKeyPoints(text, points).results.filter((r) => r.credit >= 0.5).map((r) => r.point.label);
    if (made.length > 0) return { text, probes: made };
    const keys = conceptKeys(text);
    return { text, probes: points.filter((p) => overlap(keys, pointKeys(p)) >= 2).map((p) => p.label) };
  });
}

function lower(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}

function clause(hint: string): string {
  return hint.replace(/[.?!]+$/, '').replace(/^[A-Z][a-z]/, (m) => m.toLowerCase());
}

/** A hint as the interviewer says it: a sentence, a question when it asks one. */
function sentence(hint: string): string {
  const h = hint.trim().replace(/[.?!]+$/, '');
  const asks = /^(what|how|why|which|when|where|who|is|are|does|do|can)\b/i.test(h);
  return `${h.charAt(0).toUpperCase()}${h.slice(1)}${asks ? '?' : '.'}`;
}

/** A missed point, asked as a question, phrased from its hint. */
export function probeLine(point: KeyPoint): string {
  return point.hint ? `What about ${lower(point.label)}? ${sentence(point.hint)}` : `What about ${lower(point.label)}? How would your design handle it?`;
}

/** After "not sure": a nudge towards one point, with its hint, rather than the next question. */
export function nudgeLine(point: KeyPoint): string {
  return point.hint
    ? `That's fine, think out loud. A pointer: ${clause(point.hint)}. What would you do about ${lower(point.label)}?`
    : `That's fine, think out loud. What would you do about ${lower(point.label)}?`;
}

/** How a nudge is remembered among the probed labels. */
export function nudged(label: string): string {
  return `nudge:${label}`;
}

export type Move =
  | { kind: 'trap' }
  | { kind: 'follow-up'; followUp: FollowUp }
  | { kind: 'probe'; point: KeyPoint; text: string }
  | { kind: 'nudge'; point: KeyPoint; text: string };

export interface MoveInput {
  points: KeyPoint[];
  /** Credit so far per key point label (0-1), from the candidate's words in this phase. */
  credit: Map<string, number>;
  /** The answer just given. */
  answer: string;
  /** The trap of this phase, when one is still to be asked. */
  trapPending: boolean;
  /** Key points the interviewer's last question was about (its probes, or the trap's points). */
  lastTarget: KeyPoint[];
  queue: FollowUp[];
  /** Labels already probed or nudged in this phase. */
  probed: Set<string>;
  /** Probes left in this phase (a real interviewer pushes once or twice, not on every point). */
  probesLeft: number;
}

/** Short answers get a probe: under this many words. */
export const SHORT_ANSWER = 25;

/**
 * The interviewer's next move after an answer, and what it takes from the queue.
 * Returns undefined when there is nothing left worth asking in this phase.
 */
export function nextMove(input: MoveInput): { move?: Move; queue: FollowUp[] } {
  const missed = (p: KeyPoint): boolean => (input.credit.get(p.label) ?? 0) < COVERED;
  const fresh = (p: KeyPoint): boolean => missed(p) && !input.probed.has(p.label);
  let queue = input.queue;

  if (isDontKnow(input.answer)) {
    // The point just asked about gets the pointer, once.
    const target = input.lastTarget.find((p) => missed(p) && !input.probed.has(nudged(p.label))) ?? input.points.find(fresh);
    if (target) return { move: { kind: 'nudge', point: target, text: nudgeLine(target) }, queue };
  }
  if (input.trapPending && input.answer.trim()) return { move: { kind: 'trap' }, queue };

  const words = input.answer.trim() ? input.answer.trim().split(/\s+/).length : 0;
  const covered = input.points.filter((p) => !missed(p)).length;
  const weak = input.points.length > 0 && covered < input.points.length / 3;
  const probe = (): Move | undefined => {
    if (input.probesLeft <= 0) return undefined;
    // A point a scripted follow-up will ask about anyway is left to that follow-up.
    const scripted = new Set(queue.flatMap((f) => f.probes));
    const target = input.points.find((p) => fresh(p) && !scripted.has(p.label)) ?? input.points.find(fresh);
    return target ? { kind: 'probe', point: target, text: probeLine(target) } : undefined;
  };
  if (words > 0 && (words < SHORT_ANSWER || weak)) {
    const move = probe();
    if (move) return { move, queue };
  }
  // The next scripted follow-up, skipping those whose points the candidate already made.
  while (queue.length > 0) {
    const [next, ...rest] = queue;
    queue = rest;
    const byName = input.points.filter((p) => next!.probes.includes(p.label));
    if (byName.length > 0 && byName.every((p) => !missed(p))) continue;
    return { move: { kind: 'follow-up', followUp: next! }, queue };
  }
  const move = probe();
  return move ? { move, queue } : { queue };
}
