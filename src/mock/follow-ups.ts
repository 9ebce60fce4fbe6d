// What the interviewer says after an answer: the trap, a probe of a point the answer
// missed, a nudge after "not sure", or the next scripted follow-up whose points are not
// yet covered. Each follow-up knows the key points it probes. Pure.
import type { KeyPoint } from '../guides/model.js';
import { withoutInstruction } from '../guides/recognizers/derive.js';
import { COVERED, conceptKeys, matchKeyPoints, overlap, pointKeys } from '../judge/concepts.js';
import { isDontKnow } from '../judge/prose.js';
import { BRANDS } from '../guides/text.js';

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
  // Worked out when first read, by a session or the JSON of a plan: the study sheet
  // never reads them (matching every follow-up against its phase's points was most
  // of building a plan).
  return texts.map((text) => {
    let probes: string[] | undefined;
    return Object.defineProperty({ text }, 'probes', { enumerable: true, get: () => (probes ??= probesOf(text, points)) }) as FollowUp;
  });
}

function probesOf(text: string, points: KeyPoint[]): string[] {
  const made = matchKeyPoints(text, points)
    .results.filter((r) => r.credit >= 0.5)
    .map((r) => r.point.label);
  if (made.length > 0) return made;
  const keys = conceptKeys(text);
  return points.filter((p) => overlap(keys, pointKeys(p)) >= 2).map((p) => p.label);
}

/**
 * A label as said in a sentence: "Graceful degradation" → "graceful degradation", and a
 * label in title case all in lower case ("Gateway Layer" → "gateway layer", "Dynamic
 * Batching, A/B Testing" → "dynamic batching, A/B testing"); a name stays as written
 * ("WebRTC stack", "GPU scheduling", "Kafka").
 */
export function lower(label: string): string {
  if (!/^[A-Z][a-z]+(?=[\s,:;/-]|$)/.test(label)) return label;
  const words = label.match(/[A-Za-z][\w'/-]*/g) ?? [];
  const title = words.length > 1 && words.every((w) => /^[A-Z0-9]/.test(w) || /^(?:a|an|and|as|at|by|for|in|of|on|or|the|to|vs|with)$/.test(w));
  const plain = (w: string): boolean => /^[A-Z]/.test(w) && w.split('-').every((p) => /^[A-Z]?[a-z]+$/.test(p)) && !BRANDS.test(w);
  let first = true;
  return label.replace(/[A-Za-z][\w'/-]*/g, (w) => {
    const lowered = (first || title) && plain(w) ? w.toLowerCase() : w;
    first = false;
    return lowered;
  });
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

/**
 * What a point is about, as the interviewer names it: the label of a guide's own point;
 * for one coach derived, the label without the guide's instruction ("Draw DNS hierarchy"
 * → "the DNS hierarchy"), or undefined when the label is a statement, not a topic.
 */
function topicOf(point: KeyPoint): string | undefined {
  if (!point.derived) return lower(point.label);
  const t = withoutInstruction(point.label.replace(/…$/, ''));
  if (t.split(/\s+/).length > 6 || /…|→|\b(is|are|was|must|should|can|will|does|do|means|requires?)\b/i.test(t) || /[.:;]/.test(t)) return undefined;
  return lower(t);
}

/** A missed point, asked as a question, phrased from its hint. */
export function probeLine(point: KeyPoint): string {
  const topic = topicOf(point);
  if (!topic) return `One thing you have not covered: ${clause(point.hint ?? point.label)}. How would your design handle that?`;
  const hint = point.hint && point.hint.trim().toLowerCase() !== point.label.trim().toLowerCase() && !point.derived ? ` ${sentence(point.hint)}` : ' How would your design handle it?';
  return `What about ${topic}?${hint}`;
}

/** After "not sure": a nudge towards one point, with its hint, rather than the next question. */
export function nudgeLine(point: KeyPoint): string {
  const topic = topicOf(point);
  if (!topic) return `That's fine, think out loud. A pointer: ${clause(point.hint ?? point.label)}. What would you do about that?`;
  return point.hint && !point.derived
    ? `That's fine, think out loud. A pointer: ${clause(point.hint)}. What would you do about ${topic}?`
    : `That's fine, think out loud. What would you do about ${topic}?`;
}

/** How a nudge is remembered among the probed labels. */
export function nudged(label: string): string {
  return `nudge:${label}`;
}

export type Move = { kind: 'trap' } | { kind: 'follow-up'; followUp: FollowUp } | { kind: 'probe'; point: KeyPoint; text: string } | { kind: 'nudge'; point: KeyPoint; text: string };

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
  /** Everything the candidate has said in this phase. */
  said?: string;
}

// Coach's own closing questions, and what a candidate says that has answered them
// already ("Riskiest decision: relying on autoscaling…", "Build first: the gateway…;
// later: multi-region"): asked anyway, they showed the interviewer was not listening.
const ANSWERED: [RegExp, RegExp][] = [
  [/\bmost risk\b|\briskiest part\b/i, /\brisk(?:s|y|ier|iest)?\b/i],
  [/\bbuild first\b/i, /\b(?:first|mvp|v1|phase (?:1|one)|start with)\b[\s\S]*\b(?:later|next|then|after that|phase (?:2|two)|v2|defer)\b/i],
];

/** A follow-up of coach's own that the candidate has answered before it was asked. */
function answeredAlready(followUp: string, said: string): boolean {
  return ANSWERED.some(([asks, answer]) => asks.test(followUp) && answer.test(said));
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
    if (input.said && answeredAlready(next!.text, input.said)) continue;
    return { move: { kind: 'follow-up', followUp: next! }, queue };
  }
  const move = probe();
  return move ? { move, queue } : { queue };
}
