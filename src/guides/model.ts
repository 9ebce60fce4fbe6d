// The typed guide: what the loader makes of a markdown file. Pure data, no I/O.
// docs/guide-format.md says which headings map to which field.

/** The five phases of the standard interview, in order. */
export const PHASE_KEYS = ['clarify', 'high-level', 'deep-dive', 'scale', 'wrap-up'] as const;
export type PhaseKey = (typeof PHASE_KEYS)[number];

export const PHASE_NAMES: Record<PhaseKey, string> = {
  clarify: 'Clarify',
  'high-level': 'High-Level',
  'deep-dive': 'Deep Dive',
  scale: 'Scale & Trade-offs',
  'wrap-up': 'Wrap Up',
};

/** An idea a good answer must contain, and the words that show it was said. */
export interface KeyPoint {
  label: string;
  /** Words or phrases, any one of which counts as saying the point. */
  terms: string[];
  /** One line telling the user what the point is about, shown when it is missed. */
  hint?: string;
  /** Read off what the guide says a phase or an answer covers, not listed as a key point. */
  derived?: boolean;
  /** The words the guide says around it (the judge's glosses): several in one sentence make it in other words. */
  gloss?: string[];
}

export interface Phase {
  key: PhaseKey | string;
  name: string;
  /** Minutes from the start of the interview. */
  start: number;
  end: number;
  focus: string;
  tips: string;
  keyPoints: KeyPoint[];
  /** What the guide says the phase covers, as phrases; made into derived points only when it lists no key points (parser only). */
  covers?: string[];
}

export interface AskQuestion {
  question: string;
  why?: string;
  /** What the interviewer would say, when the guide gives a typical answer. */
  answer?: string;
  /** "must" for the questions a candidate must not skip, else "clarifying". */
  group: 'must' | 'clarifying';
  /** The group of questions the guide files it under ("Scale & Market"), when it names one. */
  category?: string;
  details: string[];
}

export interface ScenarioBranch {
  when: string;
  then: string;
}

export interface ScenarioQuestion {
  scenario: string;
  ask: string;
  branches: ScenarioBranch[];
}

export interface TradeoffAspect {
  aspect: string;
  values: string[];
}

export interface Tradeoff {
  id: string;
  title: string;
  options: string[];
  aspects: TradeoffAspect[];
  recommendation?: string;
  response?: string;
  notes: string[];
  line: number;
}

export interface Trap {
  id: string;
  question: string;
  wants?: string;
  weak?: string;
  weakWhy?: string;
  strong?: string;
  keyPoints: KeyPoint[];
  /** True when the guide gave no key points and they were read off the strong answer's numbered points. */
  derivedKeyPoints?: boolean;
  line: number;
}

export interface Mistake {
  mistake: string;
  why?: string;
  better?: string;
}

export type CardBlock =
  | { kind: 'table'; title?: string; header?: string[]; rows: string[][] }
  /** `pre`: a diagram, drawn as written (its spacing lines the arrows up), not re-wrapped. */
  | { kind: 'lines'; title?: string; lines: string[]; pre?: boolean };

export interface Card {
  id: string;
  title: string;
  /** The heading drawn inside the card, when it differs from the title. */
  subtitle?: string;
  tags: string[];
  blocks: CardBlock[];
  line: number;
}

export interface KeyNumber {
  metric: string;
  value: string;
  context?: string;
}

export interface FlowStep {
  phase: PhaseKey | string;
  title: string;
  text: string;
}

export interface EndQuestion {
  question: string;
  why?: string;
}

export interface Related {
  topic: string;
  note?: string;
  url?: string;
}

export interface BankQuestion {
  id: string;
  text: string;
  category?: string;
  level?: string;
  answer?: string;
  line: number;
}

export interface MockPrompt {
  category?: string;
  prompt: string;
}

export interface DiscussionGroup {
  background: string;
  title: string;
  points: string[];
}

/** What a guide states under one heading, line by line (./statements.ts). */
export interface Statements {
  /** The headings it sits beneath, outermost first, joined with " › ". */
  heading: string;
  lines: string[];
}

export interface Section {
  heading: string;
  depth: number;
  text: string;
  line: number;
}

export interface Guide {
  id: string;
  title: string;
  /** More plans of another length than `pacing` (a 60-minute plan beside the 45). */
  altPlans?: Phase[][];
  /** Key points for the standard plan's phases, for a guide with no pacing of its own (derived). */
  phasePoints?: Record<string, KeyPoint[]>;
  system?: string;
  summary?: string;
  tags: string[];
  path: string;
  bundled: boolean;
  pacing: Phase[];
  questionsToAsk: AskQuestion[];
  scenarioQuestions: ScenarioQuestion[];
  tradeoffs: Tradeoff[];
  traps: Trap[];
  mistakes: Mistake[];
  cards: Card[];
  numbers: KeyNumber[];
  flow: FlowStep[];
  endQuestions: EndQuestion[];
  related: Related[];
  questions: BankQuestion[];
  mockPrompts: MockPrompt[];
  discussion: DiscussionGroup[];
  sections: Section[];
  /** Every statement of the guide, for the mock's interviewer to search (a user's guide). */
  statements?: Statements[];
}

/** What the interviewer says to a clarifying question on one topic. */
export interface ScenarioAnswer {
  answer: string;
  /** True when the seed gives no answer and this is an assumption consistent with the guide. */
  assumption: boolean;
  /** Questions this fact answers, in a candidate's words: they help the interviewer recognise it. */
  asks?: string[];
  /** Read off a guide of the user's (its requirements, numbers, typical answers), not a scenario. */
  fromGuide?: boolean;
}

export interface Scenario {
  id: string;
  title: string;
  guide: string;
  prompt: string;
  angle: string;
  context: string;
  answers: Record<string, ScenarioAnswer>;
  /** What to assume for topics the brief leaves out (peak, growth, region, cloud...), by topic. */
  defaults: Record<string, string>;
  mustAsk: string[];
  followUps: Record<string, string[]>;
  path: string;
  bundled: boolean;
}

/** A problem found while loading a file: the file is skipped on error, kept on warning. */
export interface Problem {
  path: string;
  line?: number;
  severity: 'error' | 'warning';
  message: string;
}

/** A guide with nothing in it yet: the parser fills it in; tests spread over it. */
export function emptyGuide(id: string, path: string, bundled = false): Guide {
  return {
    id,
    title: id,
    tags: [],
    path,
    bundled,
    pacing: [],
    questionsToAsk: [],
    scenarioQuestions: [],
    tradeoffs: [],
    traps: [],
    mistakes: [],
    cards: [],
    numbers: [],
    flow: [],
    endQuestions: [],
    related: [],
    questions: [],
    mockPrompts: [],
    discussion: [],
    sections: [],
  };
}
