// The mock interview as a state machine: phases start and end, the interviewer's
// lines are queued, the candidate's questions and answers are recorded with the
// interview time they came at, and each phase is checked against its key points when
// it ends, on the candidate's own words only. It reads time from a MockClock and
// knows nothing of terminals. Pure.
import type { KeyPoint } from '../guides/model.js';
import { matchKeyPoints, type MatchResult } from '../judge/concepts.js';
import { isQuestion, isTermList, sentences } from '../judge/prose.js';
import type { MockClock } from './clock.js';
import { phaseClock, type PhaseClock } from './clock.js';
import { nextMove, nudged, type FollowUp } from './follow-ups.js';
import { classify, reply, saidKey, type InterviewerReply } from './interviewer.js';
import { factKeys, questionKeys } from './fact-search.js';
import { askFor, topicOf } from './facets.js';
import type { MockPhase, MockPlan } from './plan.js';

export type TurnKind = 'opening' | 'follow-up' | 'probe' | 'nudge' | 'trap' | 'question' | 'reply' | 'answer' | 'note';

export interface Turn {
  who: 'interviewer' | 'you';
  kind: TurnKind;
  text: string;
  /** Interview ms since the start. */
  at: number;
  /** An interviewer's reply that is an assumption rather than a fact of the scenario. */
  assumption?: boolean;
  /** The reply is the brief's own (a fact, or an assumption the brief makes), not "not in the brief". */
  fromBrief?: boolean;
  /** Clarify: the facets a question was about, or the facet a reply answered. */
  topics?: string[];
  /** The key points an interviewer's question was about. */
  probes?: string[];
}

export type PhaseStatus = 'pending' | 'active' | 'done' | 'skipped' | 'stopped';

export interface PhaseState {
  plan: MockPhase;
  status: PhaseStatus;
  plannedMs: number;
  extendedMs: number;
  startedAt?: number;
  endedAt?: number;
  turns: Turn[];
  /** Clarify: the must-ask topics and facets the candidate asked about, in their own words. */
  asked: string[];
  /** Key points, checked when the phase ends. */
  check?: MatchResult;
  /** Key point labels the candidate ticked as said although the matcher missed them. */
  ticked: string[];
  /** Scale & Trade-offs: the trap's key points against what was written after it was asked. */
  trapCheck?: MatchResult;
  trapTicked: string[];
  /** Follow-ups not yet asked. */
  queue: FollowUp[];
  trapAsked: boolean;
  /** Key points already probed or nudged. */
  probed: string[];
  signalled: { warning: boolean; timeUp: boolean };
}

export interface LiveStatus {
  phase: string;
  /** 1-based. */
  number: number;
  count: number;
  clock: PhaseClock;
  allowedMs: number;
  elapsedMs: number;
  totalMs: number;
  paused: boolean;
  speed: number;
}

export type Signal = 'warning' | 'time-up';

export const EXTEND_MS = 2 * 60_000;
const MINUTE = 60_000;
/** A match's results with their totals, after some were credited another way. */
function summed(results: MatchResult['results']): MatchResult {
  return { results, covered: results.filter((r) => r.covered).length, total: results.length, credit: results.reduce((n, r) => n + r.credit, 0) };
}

/** Probes of missed points per phase, on top of the scripted follow-ups. */
const PROBES_PER_PHASE = 2;

export class MockSession {
  readonly plan: MockPlan;
  readonly clock: MockClock;
  readonly phases: PhaseState[];
  private index = -1;
  private draft = '';
  /** Facets of the brief the interviewer has already given. */
  private given = new Set<string>();
  /** True once the interview was cut short (Ctrl-C). */
  partial = false;

  constructor(plan: MockPlan, clock: MockClock) {
    this.plan = plan;
    this.clock = clock;
    this.phases = plan.phases.map((p) => ({
      plan: p,
      status: 'pending',
      plannedMs: (p.end - p.start) * MINUTE,
      extendedMs: 0,
      turns: [],
      asked: [],
      ticked: [],
      trapTicked: [],
      queue: [...p.followUps],
      trapAsked: false,
      probed: [],
      signalled: { warning: false, timeUp: false },
    }));
  }

  get current(): PhaseState | undefined {
    const p = this.phases[this.index];
    return p?.status === 'active' ? p : undefined;
  }

  get started(): boolean {
    return this.index >= 0;
  }

  /** Starts the next phase; the interviewer opens it. Undefined when none is left. */
  startPhase(): PhaseState | undefined {
    if (this.current) throw new Error('a phase is still running');
    if (this.index + 1 >= this.phases.length) return undefined;
    this.index++;
    const phase = this.phases[this.index]!;
    phase.status = 'active';
    phase.startedAt = this.clock.elapsed();
    this.draft = '';
    this.say('interviewer', 'opening', phase.plan.opening);
    return phase;
  }

  private active(): PhaseState {
    const p = this.current;
    if (!p) throw new Error('no phase is running');
    return p;
  }

  private say(who: Turn['who'], kind: TurnKind, text: string, extra: Partial<Turn> = {}): Turn {
    const turn: Turn = { who, kind, text, at: this.clock.elapsed(), ...extra };
    this.active().turns.push(turn);
    return turn;
  }

  /** What the user is typing right now, kept so that a Ctrl-C loses nothing. */
  setDraft(text: string): void {
    this.draft = text;
  }

  /** Clarify: the candidate asks (or states) one thing; the interviewer replies. */
  ask(line: string): InterviewerReply {
    const text = line.trim();
    const phase = this.active();
    const last = phase.turns[phase.turns.length - 1];
    const question = isQuestion(text);
    this.draft = '';
    // A statement right after the interviewer asked something back is the answer to it,
    // not a new topic to answer.
    if (last?.who === 'interviewer' && last.kind === 'follow-up' && !question) {
      this.say('you', 'answer', text);
      this.say('interviewer', 'reply', 'Noted.');
      return { facets: [], lines: [{ facet: '', text: 'Noted.', kind: 'unknown', assumption: false }] };
    }
    const r = reply(
      text,
      { answers: this.plan.answers, defaults: this.plan.defaults, ...(this.plan.general ? { general: true } : {}), ...(this.plan.facts ? { facts: this.plan.facts } : {}) },
      this.given,
    );
    this.say('you', question ? 'question' : 'note', text, r.facets.length > 0 ? { topics: r.facets } : {});
    // A question, or a stated assumption, shows the candidate thought about the topic; a
    // bare list of topic names does not.
    const considered = question || sentences(text).some((s) => s.explains);
    if (considered) {
      for (const f of r.facets) {
        for (const t of [f, topicOf(f)]) if (!phase.asked.includes(t)) phase.asked.push(t);
      }
      // The guide's own question to ask, asked in other words ("…stream it to a town hall
      // of HLS viewers?" for "Do we need live streaming to non-WebRTC viewers (HLS/DASH)?").
      // Asked, or said as an assumption; not a list of its words.
      const keys = isTermList(text) ? new Set<string>() : questionKeys(text);
      for (const t of this.plan.mustAsk) {
        const own = this.plan.questions[t];
        // coach's own example of a topic ("How big is it: how many users…") is asked by its topic.
        if (own && own !== askFor(t, this.plan.general) && !phase.asked.includes(t) && askedIn(own, [keys])) phase.asked.push(t);
      }
    }
    // A stated assumption ("I'll assume 2,000 a second at peak") is accepted as one.
    if (!question && r.lines.every((l) => l.kind !== 'fact' && l.kind !== 'repeat')) {
      const noted = r.facets.length > 0 ? 'Fair assumption: keep it in mind as you design.' : 'Noted.';
      this.say('interviewer', 'reply', noted);
      return { facets: r.facets, lines: [{ facet: '', text: noted, kind: 'unknown', assumption: false }] };
    }
    for (const l of r.lines) {
      if (l.kind === 'fact') this.given.add(l.facet);
      if (l.kind === 'fact' && l.fromGuide) this.given.add(saidKey(l.text));
      if (l.also) this.given.add(l.also);
      const fromBrief = l.kind === 'fact' || l.kind === 'repeat';
      this.say('interviewer', 'reply', l.text, { assumption: l.assumption, ...(fromBrief ? { fromBrief } : {}), ...(l.facet ? { topics: [l.facet] } : {}) });
    }
    return r;
  }

  /** The candidate's answer to the interviewer's last line. */
  answer(text: string): void {
    if (text.trim()) this.say('you', 'answer', text.trimEnd());
    this.draft = '';
  }

  /** Everything the candidate wrote in a phase, or after its turn `from`. */
  candidateText(phase: PhaseState, from = 0): string {
    return phase.turns
      .slice(from)
      .filter((t) => t.who === 'you')
      .map((t) => t.text)
      .join('\n');
  }

  private trapIndex(phase: PhaseState): number {
    return phase.turns.findIndex((t) => t.kind === 'trap');
  }

  /**
   * The interviewer's next line in this phase, reacting to the last answer: a nudge
   * after "not sure", the trap (Scale & Trade-offs, after the first answer), a probe of
   * a missed point after a short or thin answer, else the next scripted follow-up whose
   * points are not covered yet. Undefined when nothing is left worth asking.
   */
  followUp(): Turn | undefined {
    const phase = this.active();
    if (phase.plan.key === 'clarify') return this.clarifyFollowUp(phase);
    const lastAnswer = [...phase.turns].reverse().find((t) => t.who === 'you');
    const lastAsk = [...phase.turns].reverse().find((t) => t.who === 'interviewer');
    const trap = phase.plan.trap;
    const points = phase.plan.keyPoints;
    const trapAfter = this.trapIndex(phase);
    // Credit so far: the phase's points on everything written, the trap's on what came
    // after it was asked. A point made in an earlier phase is not asked about again
    // ("What about batching?" after a deep dive on batching), though it scores there.
    const credit = new Map<string, number>();
    for (const r of matchKeyPoints(this.candidateText(phase), points).results) credit.set(r.point.label, r.credit);
    const before = this.phases.slice(0, this.phases.indexOf(phase)).map((p) => this.candidateText(p));
    const trapPoints = trap && trapAfter >= 0 ? trap.keyPoints : [];
    for (const r of matchKeyPoints(trapAfter >= 0 ? this.candidateText(phase, trapAfter + 1) : '', trapPoints).results) credit.set(r.point.label, r.credit);
    // The trap's points too: "What about batching?" had come after a High-Level Design on batching.
    if (before.some((t) => t.trim()))
      for (const r of matchKeyPoints(before.join('\n'), [...points, ...trapPoints]).results) credit.set(r.point.label, Math.max(r.credit, credit.get(r.point.label) ?? 0));
    const lastTarget: KeyPoint[] = lastAsk?.kind === 'trap' ? trapPoints : [...points, ...trapPoints].filter((p) => lastAsk?.probes?.includes(p.label));
    const { move, queue } = nextMove({
      points: lastAsk?.kind === 'trap' ? [...trapPoints, ...points] : [...points, ...trapPoints],
      credit,
      answer: lastAnswer && phase.turns.indexOf(lastAnswer) > phase.turns.indexOf(lastAsk!) ? lastAnswer.text : '',
      trapPending: Boolean(trap && !phase.trapAsked),
      lastTarget,
      queue: phase.queue,
      probed: new Set(phase.probed),
      probesLeft: PROBES_PER_PHASE - phase.turns.filter((t) => t.kind === 'probe').length,
      said: this.candidateText(phase),
    });
    phase.queue = queue;
    if (!move) return undefined;
    switch (move.kind) {
      case 'trap':
        return this.askTrap();
      case 'follow-up':
        return this.say('interviewer', 'follow-up', move.followUp.text, { probes: move.followUp.probes });
      case 'probe':
        phase.probed.push(move.point.label);
        return this.say('interviewer', move.kind, move.text, { probes: [move.point.label] });
      case 'nudge':
        phase.probed.push(move.point.label, nudged(move.point.label));
        return this.say('interviewer', move.kind, move.text, { probes: [move.point.label] });
    }
  }

  /** The phase's trap, now, if it has one not yet asked. */
  askTrap(): Turn | undefined {
    const phase = this.active();
    const trap = phase.plan.trap;
    if (!trap || phase.trapAsked) return undefined;
    phase.trapAsked = true;
    return this.say('interviewer', 'trap', challenge(trap.question), { probes: trap.keyPoints.map((k) => k.label) });
  }

  /**
   * Clarify's questions to ask back, less those the candidate asked: by topic, or in
   * other words ("Is E2EE required?" is not asked back after "Does end-to-end
   * encryption have to be on for every chat?"): half its concepts asked is asked.
   */
  private dropAsked(phase: PhaseState): void {
    const asked = phase.turns.filter((t) => t.who === 'you').map((t) => questionKeys(t.text));
    phase.queue = phase.queue.filter((q) => !classify(q.text).some((t) => phase.asked.includes(t) || phase.asked.includes(topicOf(t))) && !askedIn(q.text, asked));
  }

  /** Clarify: the interviewer asks back what the candidate has not asked about yet. */
  private clarifyFollowUp(phase: PhaseState): Turn | undefined {
    this.dropAsked(phase);
    const next = phase.queue.shift();
    return next ? this.say('interviewer', 'follow-up', next.text) : undefined;
  }

  /** True when the interviewer may still have something to push in this phase. */
  hasFollowUp(): boolean {
    const phase = this.current;
    if (!phase) return false;
    if (phase.plan.key === 'clarify') {
      this.dropAsked(phase);
    }
    return Boolean((phase.plan.trap && !phase.trapAsked) || phase.queue.length > 0);
  }

  extend(ms = EXTEND_MS): void {
    this.active().extendedMs += ms;
    const phase = this.active();
    // A new minute-warning is due when the extension took the phase out of its last minute.
    const c = this.phaseClock(phase);
    if (!c.warning && !c.timeUp) phase.signalled.warning = false;
    if (!c.timeUp) phase.signalled.timeUp = false;
  }

  pause(): void {
    this.clock.pause();
  }

  resume(): void {
    this.clock.resume();
  }

  private phaseClock(phase: PhaseState): PhaseClock {
    return phaseClock({ startedAt: phase.startedAt ?? 0, allowedMs: phase.plannedMs + phase.extendedMs }, this.clock.elapsed());
  }

  status(): LiveStatus {
    const phase = this.current ?? this.phases[Math.max(0, this.index)]!;
    return {
      phase: phase.plan.name,
      number: Math.max(0, this.index) + 1,
      count: this.phases.length,
      clock: this.phaseClock(phase),
      allowedMs: phase.plannedMs + phase.extendedMs,
      elapsedMs: this.clock.elapsed(),
      totalMs: this.phases.reduce((sum, p) => sum + p.plannedMs, 0),
      paused: this.clock.paused,
      speed: this.clock.speed,
    };
  }

  /** Signals due since the last call: the one-minute warning and time-up, once each. */
  poll(): Signal[] {
    const phase = this.current;
    if (!phase) return [];
    const c = this.phaseClock(phase);
    const out: Signal[] = [];
    if (c.warning && !phase.signalled.warning) {
      phase.signalled.warning = true;
      out.push('warning');
    }
    if (c.timeUp && !phase.signalled.timeUp) {
      phase.signalled.timeUp = true;
      phase.signalled.warning = true;
      out.push('time-up');
    }
    return out;
  }

  /**
   * Ends the running phase: `done` (moved on), `skipped`, or `stopped` (Ctrl-C; what
   * was being typed is kept). Key points are checked against the candidate's words
   * only; the trap's against what was written after it was asked.
   */
  finishPhase(how: 'done' | 'skipped' | 'stopped' = 'done'): PhaseState {
    const phase = this.active();
    if (how === 'stopped' && this.draft.trim()) this.say('you', phase.plan.key === 'clarify' ? 'note' : 'answer', this.draft.trimEnd());
    this.draft = '';
    phase.endedAt = this.clock.elapsed();
    phase.status = how;
    phase.check = matchKeyPoints(this.candidateText(phase), phase.plan.keyPoints);
    if (phase.plan.key === 'clarify') phase.check = this.creditAsked(phase, phase.check);
    else phase.check = this.creditEarlier(phase, phase.check);
    if (phase.plan.trap) {
      const at = this.trapIndex(phase);
      phase.trapCheck = matchKeyPoints(at >= 0 ? this.candidateText(phase, at + 1) : '', phase.plan.trap.keyPoints);
    }
    return phase;
  }

  /**
   * Clarify's key points are things to find out: a point is made when the candidate
   * asked about its facet ("how many predictions a day?" finds out the scale), in their
   * own words; what the interviewer answered does not count.
   */
  private creditAsked(phase: PhaseState, check: MatchResult): MatchResult {
    const questions = phase.turns.filter((t) => t.who === 'you' && t.kind === 'question' && !isTermList(t.text));
    const results = check.results.map((r) => {
      if (r.covered) return r;
      const facets = classify([r.point.label, ...r.point.terms, r.point.hint ?? ''].join('. '));
      const asked = facets.some((f) => phase.asked.includes(f) || phase.asked.includes(topicOf(f)));
      // Or asked in other words: "How many people can be in one meeting?" for "Max participants".
      const inOtherWords = asked ? undefined : questions.find((t) => askedIn(r.point.label, [questionKeys(t.text)]));
      if (!asked && !inOtherWords) return r;
      const question = inOtherWords ?? phase.turns.find((t) => t.who === 'you' && t.topics?.some((f) => facets.includes(f) || facets.includes(topicOf(f))));
      return { ...r, credit: 1, covered: true, partial: false, ...(question ? { words: question.text } : {}) };
    });
    return summed(results);
  }

  /**
   * A point the candidate already made in an earlier phase's answers ("compaction
   * merges small blocks", said while drawing the design) is made: an interviewer does
   * not ask for it twice. Clarify's questions do not count: asking is not explaining.
   */
  private creditEarlier(phase: PhaseState, check: MatchResult): MatchResult {
    if (check.covered === check.total) return check;
    const earlier = this.phases
      .slice(0, this.phases.indexOf(phase))
      .filter((p) => p.plan.key !== 'clarify')
      .map((p) => this.candidateText(p))
      .join('\n');
    if (!earlier.trim()) return check;
    const before = matchKeyPoints(
      earlier,
      check.results.map((r) => r.point),
    );
    const results = check.results.map((r, i) => {
      const b = before.results[i]!;
      // Made there in a phrase, not by one word that a point of this phase happens to use.
      return b.covered && b.credit > r.credit && (b.words ?? '').trim().split(/\s+/).length >= 2 ? b : r;
    });
    return summed(results);
  }

  /** Ctrl-C: the running phase ends as stopped and the mock is partial. */
  stop(): void {
    if (this.current) this.finishPhase('stopped');
    this.partial = true;
  }

  /** Key points of a finished phase the matcher did not find, for the user to tick. */
  missed(phase: PhaseState): { label: string; hint?: string; trap: boolean }[] {
    const out: { label: string; hint?: string; trap: boolean }[] = [];
    for (const r of phase.check?.results ?? []) if (!r.covered) out.push({ label: r.point.label, ...(r.point.hint ? { hint: r.point.hint } : {}), trap: false });
    for (const r of phase.trapCheck?.results ?? []) if (!r.covered) out.push({ label: r.point.label, ...(r.point.hint ? { hint: r.point.hint } : {}), trap: true });
    return out;
  }

  /** The user says they made these points although the matcher missed them. */
  tick(phase: PhaseState, labels: { label: string; trap: boolean }[]): void {
    for (const l of labels) {
      const list = l.trap ? phase.trapTicked : phase.ticked;
      if (!list.includes(l.label)) list.push(l.label);
    }
  }
}

/**
 * A trap as the interviewer puts it: a guide's question as written, and a claim
 * ("Use Spark for everything", "Just add more servers to scale.") as a challenge to
 * answer, not a statement of the brief.
 */
export function challenge(question: string): string {
  const q = question.trim();
  if (q.includes('?') || /^(?:explain|describe|walk|tell|design|estimate|compare|how|what|why|when|where|which|who|should|would|could|can|is|are|do|does)\b/i.test(q)) return q;
  return `“${q.replace(/[.!]+$/, '')}.” What do you say to that?`;
}

/** Whether a question was asked in other words: half its concepts in one of the candidate's questions. */
function askedIn(question: string, asked: Set<string>[]): boolean {
  const keys = [...factKeys(question)];
  return keys.length > 0 && asked.some((a) => keys.filter((k) => a.has(k)).length / keys.length >= 0.5);
}
