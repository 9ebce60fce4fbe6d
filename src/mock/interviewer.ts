// The interviewer in Clarify: what a question is about, and what the interviewer says
// back. A question is matched to the facets of the brief by meaning (stems, the
// domain's synonyms, weighted cue phrases, the questions a fact says it answers),
// ranked, and answered only above a confidence threshold. Facets are distinct: the
// peak is not the average, growth is not scale, the cloud is not the current tooling.
// What the brief does not say is "not in the brief", with what to assume. Pure.
import type { ScenarioAnswer } from '../guides/model.js';
import { stem, tokenize, units, contentKeys, type Token } from '../judge/lexicon.js';
import { conceptKeys } from '../judge/concepts.js';
import { corrected } from '../judge/distance.js';
import { FACETS, assumeFor, facetOf } from './facets.js';

// ---- matching ---------------------------------------------------------------------

interface Cue {
  facet: string;
  keys: string[];
  weight: number;
}

let compiled: Cue[] | undefined;

/** Units with function words kept: "how many" and "on prem" are cues. */
function keysOf(text: string, vocabulary?: ReadonlySet<string>): string[] {
  let tokens = tokenize(text);
  // "how mnay modle" is "how many model": each unknown word is read as the one known
  // word it is a typo of, when there is one.
  if (vocabulary) {
    tokens = tokens.map((t): Token => {
      const word = corrected(t.text, vocabulary);
      return word === t.text ? t : { ...t, text: word, stem: stem(word) };
    });
  }
  return units(tokens).map((u) => u.key);
}

let cueWords: Set<string> | undefined;
let cueKeySet: Set<string> | undefined;

function cueKeys(): Set<string> {
  cueKeySet ??= new Set(cues().flatMap((c) => c.keys));
  return cueKeySet;
}

/** The words a question is read against: every cue's, and the brief's own. */
function vocabulary(answers: Record<string, ScenarioAnswer>): Set<string> {
  cueWords ??= new Set(FACETS.flatMap((f) => f.cues.flatMap(([phrase]) => words(phrase))).concat(words(COMMON_QUESTION_WORDS)));
  const out = new Set(cueWords);
  for (const a of Object.values(answers)) for (const w of words([a.answer, ...(a.asks ?? [])].join(' '))) out.add(w);
  return out;
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
}

const COMMON_QUESTION_WORDS =
  'what which who when where why how many much does do is are was were will would should could can the a an of to for in on at we our you your they it this that there any about need needs have has been be with from by or and already running training features feature models model predictions prediction latency data users requests team teams';

/**
 * How close a question is to each fact of the brief: the rare words it shares with
 * the fact's answer and the questions it lists, weighed by how few facts use them.
 */
function retrieval(question: Set<string>, answers: Record<string, ScenarioAnswer>): Map<string, { score: number; shared: number }> {
  const facts = Object.entries(answers).map(([key, a]) => ({ key, keys: conceptKeys([a.answer, ...(a.asks ?? [])].join(' . ')) }));
  const df = new Map<string, number>();
  for (const f of facts) for (const k of f.keys) df.set(k, (df.get(k) ?? 0) + 1);
  const out = new Map<string, { score: number; shared: number }>();
  for (const f of facts) {
    let score = 0;
    let shared = 0;
    for (const k of question) {
      if (!f.keys.has(k)) continue;
      shared++;
      score += Math.log(1 + facts.length / df.get(k)!);
    }
    if (shared > 0) out.set(f.key, { score, shared });
  }
  return out;
}

function cues(): Cue[] {
  compiled ??= FACETS.flatMap((f) => f.cues.map(([phrase, weight]) => ({ facet: f.key, keys: keysOf(phrase), weight })))
    // Longer phrases first: "data scientist" is a team phrase before "data" is a data word.
    .sort((a, b) => b.keys.length - a.keys.length);
  return compiled;
}

/** Below this a question is about nothing in particular. */
export const CONFIDENT = 2;

export interface FacetScore {
  key: string;
  score: number;
  /** The weight of its strongest cue: 4 means the question names the facet outright. */
  top: number;
}

/** Each fact's own phrasings: "a fact may list the questions it answers". */
function askScore(question: Set<string>, asks: string[] | undefined): number {
  let best = 0;
  for (const ask of asks ?? []) {
    const keys = new Set(contentKeys(ask));
    if (keys.size === 0) continue;
    let shared = 0;
    for (const k of keys) if (question.has(k)) shared++;
    best = Math.max(best, shared / new Set([...keys, ...question]).size);
  }
  return best;
}

/** The facets a question is about, scored, best first. */
export function scoreFacets(question: string, answers: Record<string, ScenarioAnswer> = {}): FacetScore[] {
  const keys = keysOf(question, vocabulary(answers));
  const used = new Array<boolean>(keys.length).fill(false);
  const score = new Map<string, FacetScore>();
  const add = (facet: string, weight: number): void => {
    const f = score.get(facet) ?? { key: facet, score: 0, top: 0 };
    f.score += weight;
    f.top = Math.max(f.top, weight);
    score.set(facet, f);
  };
  for (const cue of cues()) {
    const n = cue.keys.length;
    for (let i = 0; i + n <= keys.length; i++) {
      if (cue.keys.some((k, j) => used[i + j] || keys[i + j] !== k)) continue;
      for (let j = 0; j < n; j++) used[i + j] = true;
      add(cue.facet, cue.weight);
    }
  }
  // A fact that lists the questions it answers wins when the question is one of them.
  const content = new Set(contentKeys(question));
  for (const [key, a] of Object.entries(answers)) {
    const s = askScore(content, a.asks);
    if (s >= 0.4) add(key, 6 * s);
  }
  // A question that shares rare words with a fact is likely about it: two of them, or
  // one where the question's cues already lean that way.
  // Words that are cues have had their say; the rest ("home", "account", "follow")
  // tell which fact the question is about.
  const telling = keys.filter((k) => !cueKeys().has(k) && (k.startsWith('#') || conceptKeys(k).size > 0));
  for (const [key, r] of retrieval(new Set(telling), answers)) {
    if (r.shared >= 2 || (score.get(key)?.score ?? 0) >= 1) add(key, Math.min(3, r.score));
  }
  return [...score.values()].sort((a, b) => b.score - a.score || order(a.key) - order(b.key));
}

function order(key: string): number {
  const i = FACETS.findIndex((f) => f.key === key);
  return i < 0 ? FACETS.length : i;
}

/**
 * The facets a question asks about, best first: none below the threshold; a narrower
 * facet (the peak) over its parent (scale) when the question names it outright; a
 * second facet only when the question clearly asks about it too.
 */
export function classify(question: string, answers: Record<string, ScenarioAnswer> = {}): string[] {
  const ranked = scoreFacets(question, answers).filter((f) => f.score >= CONFIDENT);
  if (ranked.length === 0) return [];
  for (const f of ranked) {
    const parent = facetOf(f.key)?.parent;
    if (parent && f.score >= 3) {
      // The child replaces its parent, wherever the parent ranked.
      const i = ranked.findIndex((r) => r.key === parent);
      if (i >= 0) ranked.splice(i, 1);
    }
  }
  // A facet named outright ("growing", "budget", "peak") is what the question is about,
  // whatever else it mentions ("how fast is the number of data scientists growing?").
  ranked.sort((a, b) => Number(b.top >= 4) - Number(a.top >= 4) || b.score - a.score || order(a.key) - order(b.key));
  const best = ranked[0]!;
  const related = (a: string, b: string): boolean => facetOf(a)?.parent === b || facetOf(b)?.parent === a;
  // "What budget do we have for infrastructure?" is about the budget: when the best
  // facet is named outright, a second one must be named outright too.
  const second = (f: FacetScore): boolean => f.score >= 3 && f.score >= best.score * 0.7 && !related(f.key, best.key) && (best.top < 4 || f.top >= 4);
  return ranked
    .filter((f, i) => i === 0 || second(f))
    .slice(0, 2)
    .map((f) => f.key);
}

// ---- replying ---------------------------------------------------------------------

export const NOT_IN_BRIEF = "That's not in the brief";

/**
 * The fact for a facet: its own, or its parent's when that fact speaks of it (the
 * data fact "chargeback labels show up weeks later" answers when labels arrive; the
 * scale fact "600 a second on average" does not give the peak).
 */
function factFor(key: string, answers: Record<string, ScenarioAnswer>): [ScenarioAnswer | undefined, string] {
  if (answers[key]) return [answers[key], key];
  const parent = facetOf(key)?.parent;
  const fact = parent ? answers[parent] : undefined;
  if (parent && fact && (scoreFacets(fact.answer).find((f) => f.key === key)?.score ?? 0) >= 3) return [fact, parent];
  return [undefined, key];
}

export interface ReplyLine {
  facet: string;
  text: string;
  /** fact: from the brief; repeat: a fact already given; off-brief: the brief says nothing, assume; unknown: no facet matched. */
  kind: 'fact' | 'repeat' | 'off-brief' | 'unknown';
  /** True when the text is an assumption rather than a fact of the scenario. */
  assumption: boolean;
  /** Read off the user's guide rather than a scenario's brief. */
  fromGuide?: boolean;
}

export interface InterviewerReply {
  facets: string[];
  lines: ReplyLine[];
}

export interface Brief {
  answers: Record<string, ScenarioAnswer>;
  /** The scenario's own assumptions for topics its brief leaves out. */
  defaults?: Record<string, string>;
  /** A mock made from a user's guide: assumptions in general words, not an ML platform's. */
  general?: boolean;
  /** The guide's statements of fact, searched for the one that answers the question. */
  facts?: GuideFact[];
}

/** A line of a user's guide that states a requirement, a figure or a target. */
export interface GuideFact {
  text: string;
  /** The facets it speaks of, most likely first. */
  facets: string[];
  /** The question the guide gives it as the answer to, if any. */
  asks?: string;
  /** Stated as the brief (requirements, key numbers), not only a figure met in passing. */
  brief?: boolean;
}

/**
 * The guide's fact that answers a question: one about a facet asked, that shares the
 * most telling words with the question ("search and booking availability" finds
 * "Search: 99.9%…", not the first availability line); else, with no facet, one that
 * shares at least two. Undefined when none does.
 */
export function bestFact(question: string, facts: GuideFact[], facet?: string): GuideFact | undefined {
  const asked = conceptKeys(question);
  let best: { fact: GuideFact; score: number } | undefined;
  for (const fact of facts) {
    const shared = [...conceptKeys(fact.asks ? `${fact.asks} ${fact.text}` : fact.text)].filter((k) => asked.has(k)).length;
    const about = (f: string): boolean => f === facet || facetOf(f)?.parent === facet;
    const on = facet ? fact.facets.some(about) : false;
    // A fact about the facet answers when it shares a word with the question, or when
    // that facet is what it is mainly about; without a facet it must share two.
    const fits = (on && (shared >= 1 || (fact.brief === true && about(fact.facets[0] ?? '')))) || shared >= 2;
    const score = (on ? 3 : 0) + shared + (fact.asks ? 0.5 : 0) - (facet ? Math.max(0, fact.facets.findIndex(about)) * 0.1 : 0);
    if (fits && (!best || score > best.score)) best = { fact, score };
  }
  return best?.fact;
}

/**
 * What the interviewer says to a clarifying question: the brief's fact for each facet
 * asked about (marked when it is an assumption; "as I said" when already given);
 * "not in the brief" with what to assume for a facet the brief leaves out; and a nudge
 * to state an assumption when the question is about nothing the brief knows.
 */
export function reply(question: string, brief: Brief, given: ReadonlySet<string> = new Set()): InterviewerReply {
  const facets = classify(question, brief.answers);
  if (facets.length === 0) {
    // A user's guide may state what no facet names ("Do we own the inventory?").
    const found = brief.facts ? bestFact(question, brief.facts) : undefined;
    if (found) return { facets, lines: [{ facet: '', text: found.text, kind: 'fact', assumption: false, fromGuide: true }] };
    return { facets, lines: [{ facet: '', text: `${NOT_IN_BRIEF}: state what you would assume, and move on.`, kind: 'unknown', assumption: true }] };
  }
  const lines = facets.map((key): ReplyLine => {
    // From a user's guide: the line that answers this question, not the facet's first.
    const line = brief.facts ? (bestFact(question, brief.facts, key) ?? bestFact(question, brief.facts)) : undefined;
    const [fact, facet] = line ? [{ answer: line.text, assumption: false, fromGuide: true } as ScenarioAnswer, key] : factFor(key, brief.answers);
    key = facet;
    if (fact && given.has(key)) return { facet: key, text: `As I said: ${fact.answer}`, kind: 'repeat', assumption: fact.assumption };
    if (fact) return { facet: key, text: fact.answer, kind: 'fact', assumption: fact.assumption, ...(fact.fromGuide ? { fromGuide: true } : {}) };
    const assume = brief.defaults?.[key] ?? assumeFor(key, brief.general);
    return { facet: key, text: `${NOT_IN_BRIEF}. ${assume}`, kind: 'off-brief', assumption: true };
  });
  return { facets, lines };
}
