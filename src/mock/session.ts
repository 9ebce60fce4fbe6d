// The mock interview as a state machine: phases start and end, the interviewer's
// lines are queued, the candidate's questions and answers are recorded with the
// interview time they came at, and each phase is checked against its key points when
// it ends. It reads time from a MockClock and knows nothing of terminals. Pure.
import { matchKeyPoints, type MatchResult } from '../guides/keypoints.js';
import type { MockClock } from './clock.js';
import { phaseClock, type PhaseClock } from './clock.js';
import type { MockPhase, MockPlan } from './plan.js';
import { isQuestion, matchTopics, reply, type InterviewerReply } from './topics.js';

export type TurnKind = 'opening' | 'follow-up' | 'trap' | 'question' | 'reply' | 'answer' | 'note';

export interface Turn {
  who: 'interviewer' | 'you';
  kind: TurnKind;
  text: string;
  /** Interview ms since the start. */
  at: number;
  /** An interviewer's reply that is an assumption rather than a fact of the scenario. */
  assumption?: boolean;
  topics?: string[];
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
  /** Clarify: the topics the candidate asked about. */
  asked: string[];
  /** Key points, checked when the phase ends. */
  check?: MatchResult;
  /** Key point labels the candidate ticked as said although the matcher missed them. */
  ticked: string[];
  /** Scale & Trade-offs: the trap's key points against the same notes. */
  trapCheck?: MatchResult;
  trapTicked: string[];
  /** Follow-ups not yet asked. */
  queue: string[];
  trapAsked: boolean;
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

export class MockSession {
  readonly plan: MockPlan;
  readonly clock: MockClock;
  readonly phases: PhaseState[];
  private index = -1;
  private draft = '';
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
    // A statement right after the interviewer asked something back is the answer to it,
    // not a new topic to answer.
    if (last?.who === 'interviewer' && last.kind === 'follow-up' && !isQuestion(text)) {
      this.say('you', 'answer', text);
      this.say('interviewer', 'reply', 'Noted.');
      this.draft = '';
      return { topics: [], lines: [{ topic: '', text: 'Noted.', assumption: false }] };
    }
    const r = reply(text, this.plan.answers);
    this.say('you', isQuestion(text) ? 'question' : 'note', text, r.topics.length > 0 ? { topics: r.topics } : {});
    for (const t of r.topics) if (!phase.asked.includes(t)) phase.asked.push(t);
    if (r.topics.length === 0 && !isQuestion(text)) {
      const noted = { topics: [], lines: [{ topic: '', text: 'Noted.', assumption: false }] };
      this.say('interviewer', 'reply', 'Noted.');
      this.draft = '';
      return noted;
    }
    for (const l of r.lines) this.say('interviewer', 'reply', l.text, { assumption: l.assumption, ...(l.topic ? { topics: [l.topic] } : {}) });
    this.draft = '';
    return r;
  }

  /** The candidate's answer to the interviewer's last line. */
  answer(text: string): void {
    if (text.trim()) this.say('you', 'answer', text.trimEnd());
    this.draft = '';
  }

  /**
   * The interviewer's next line in this phase: the trap (Scale & Trade-offs, after the
   * first answer), else the next follow-up; undefined when there is nothing left to push.
   */
  followUp(): Turn | undefined {
    const phase = this.active();
    if (phase.plan.trap && !phase.trapAsked) {
      phase.trapAsked = true;
      return this.say('interviewer', 'trap', phase.plan.trap.question);
    }
    this.dropAnswered(phase);
    const next = phase.queue.shift();
    return next === undefined ? undefined : this.say('interviewer', 'follow-up', next);
  }

  /**
   * In Clarify the interviewer does not ask back what the candidate already asked
   * about ("when do labels arrive?" makes "how late do labels arrive?" moot).
   */
  private dropAnswered(phase: PhaseState): void {
    if (phase.plan.key !== 'clarify') return;
    phase.queue = phase.queue.filter((q) => !matchTopics(q).some((t) => phase.asked.includes(t)));
  }

  /** True when the interviewer still has something to push in this phase. */
  hasFollowUp(): boolean {
    const phase = this.current;
    if (phase) this.dropAnswered(phase);
    return Boolean(phase && ((phase.plan.trap && !phase.trapAsked) || phase.queue.length > 0));
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

  /** Everything the candidate wrote in a phase. */
  candidateText(phase: PhaseState): string {
    return phase.turns
      .filter((t) => t.who === 'you')
      .map((t) => t.text)
      .join('\n');
  }

  /**
   * Ends the running phase: `done` (moved on), `skipped`, or `stopped` (Ctrl-C; what
   * was being typed is kept). Key points are checked against everything written.
   */
  finishPhase(how: 'done' | 'skipped' | 'stopped' = 'done'): PhaseState {
    const phase = this.active();
    if (how === 'stopped' && this.draft.trim()) this.say('you', phase.plan.key === 'clarify' ? 'note' : 'answer', this.draft.trimEnd());
    this.draft = '';
    phase.endedAt = this.clock.elapsed();
    phase.status = how;
    const text = this.candidateText(phase);
    // Clarify's key points are things to find out: a question that drew the answer counts.
    const found = phase.turns.filter((t) => t.who === 'interviewer' && t.kind === 'reply' && t.topics?.length).map((t) => t.text);
    phase.check = matchKeyPoints(phase.plan.key === 'clarify' ? [text, ...found].join('\n') : text, phase.plan.keyPoints);
    if (phase.plan.trap) phase.trapCheck = matchKeyPoints(text, phase.plan.trap.keyPoints);
    return phase;
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
