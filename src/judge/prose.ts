// What kind of text an answer is: sentences that explain, or a list of terms; a
// question; an admission of not knowing. Pure.
import { isReasonWord, tokenize, units, type Token, type Unit } from './lexicon.js';

export interface Sentence {
  text: string;
  tokens: Token[];
  units: Unit[];
  /** Written as prose that says how or why, not a bare list of terms. */
  explains: boolean;
  question: boolean;
}

const ITEM = /^\s*(?:[-*+>]|\d+[.)])\s+/;

/**
 * The items of a text: paragraphs, with the lines of a hard-wrapped paragraph joined,
 * and each list item on its own.
 */
function items(text: string): string[] {
  const out: string[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    let current = '';
    for (const line of block.split('\n')) {
      if (ITEM.test(line) || /^\s*#/.test(line)) {
        if (current.trim()) out.push(current);
        current = line.replace(ITEM, '');
      } else current = current ? `${current} ${line.trim()}` : line.trim();
    }
    if (current.trim()) out.push(current);
  }
  return out;
}

/** Sentences: a list item, or text up to . ! ? ; (a hard-wrapped line goes on). */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const item of items(text)) {
    // Decimal points and version dots ("99.9%", "v1.2") are not ends of sentences.
    for (const raw of item.split(/(?<=[!?;])\s+|(?<=[^\d\s][.])\s+|(?<=\d[.])\s+(?=[A-Z])/)) {
      const line = raw.trim();
      if (!line) continue;
      const tokens = tokenize(line);
      if (tokens.length === 0) continue;
      const list = isTermList(line);
      out.push({ text: line, tokens, units: units(tokens), explains: explains(tokens) && !list, question: isQuestion(line) && !list });
    }
  }
  return out;
}

/**
 * Prose says how or why: enough words, with the small words that join ideas (prose is
 * a third or more function words; terse technical prose a tenth) or a word that gives
 * a reason or a mechanism. Lists of terms are told apart by isTermList.
 */
export function explains(tokens: Token[]): boolean {
  if (tokens.length < 5) return false;
  // Numbers and their units say nothing of how the words are joined.
  const words = tokens.filter((t) => !/^\d/.test(t.text));
  const fn = words.filter((t) => t.fn).length;
  if (fn / words.length >= 0.1) return true;
  return words.some((t) => isReasonWord(t.text));
}

// Words that make a clause of a list item: a subject, a verb of being or having, a
// modal, a reason. "logs are text" is a clause; "seeing the future" is a term.
const CLAUSE = new Set(
  (
    'is are was were be been being am has have had do does did will would can could should may might must we it they i you he she this that which who because so since if when while but ' +
    'use uses used need needs run runs keep keeps make makes give gives take takes assume assumes mean means let lets get gets become becomes handle handles work works'
  ).split(' '),
);

/**
 * A run of short comma-separated items: "Feast, Redis, as-of join, defined once,
 * compiles to both". Prose may name several things in a row, but its parts are
 * clauses ("logs are text, but a run carries typed parameters, metrics and
 * artifacts"); four or more short items, hardly any of them a clause, is a list.
 */
export function isTermList(line: string): boolean {
  // "I draw five layers before any detail: data, features, training..." is a sentence
  // that introduces its list.
  const colon = line.indexOf(': ');
  if (colon > 0) {
    const lead = tokenize(line.slice(0, colon));
    if (lead.length >= 4 && lead.some((t) => CLAUSE.has(t.text.toLowerCase()))) return false;
  }
  const segments = line
    .split(/[,;|•]|:\s/)
    .map((s) => s.trim())
    .filter(Boolean);
  // Three bare noun phrases in a row ("snapshot handoff, exactly-once semantics, schema
  // evolution") with not one small word between their words is a list too.
  const bare = (s: string): boolean =>
    s.split(/\s+/).length <= 4 && !/\b(the|a|an|of|for|to|in|on|with|as|by|from|and|or|via|into|is|are|we|it|then|so|but|because)\b/i.test(s.replace(/\S*-\S*/g, ''));
  if (segments.length === 3 && segments.every(bare) && !/[.!?]$/.test(line.trim())) return true;
  if (segments.length < 4) return false;
  const words = segments.map((s) => tokenize(s));
  const short = words.filter((w) => w.length <= 4).length;
  const clauses = words.filter((w) => w.some((t) => CLAUSE.has(t.text.toLowerCase()))).length;
  // Six or more items with hardly a clause among them is a list, however long its
  // items ("explain inverted index internals, term dictionary, posting lists, …").
  // Items that relate two things ("KServe for serving", "MLflow as the registry") are
  // prose that maps tools to jobs, not a list.
  const related = words.filter((w) => w.some((t) => t.fn)).length;
  if (segments.length >= 6 && clauses / segments.length < 0.15 && related / segments.length < 0.4) return true;
  if (short / segments.length < 0.75) return false;
  return clauses / segments.length < 0.25;
}

/** True for a line that asks something rather than states it. */
export function isQuestion(line: string): boolean {
  const t = line.trim().toLowerCase();
  return (
    t.endsWith('?') ||
    /^(what|which|who|whom|whose|when|where|why|how|is|are|was|were|do|does|did|can|could|should|would|will|shall|may|must|have|has|any|tell me|i'd like to know|i want to know)\b/.test(t)
  );
}

export interface ProseProfile {
  words: number;
  /** Share of the words that sit in sentences which explain (0-1). */
  explained: number;
  /** Most of it is a bare list of terms. */
  termList: boolean;
  /** It says it does not know, and little else. */
  dontKnow: boolean;
}

const DONT_KNOW =
  /\b(?:i\s+(?:do\s*n[o']t|don['’]?t|really\s+don['’]?t)\s+know|no\s+idea|not\s+sure|i['’]?m\s+not\s+sure|i\s+am\s+not\s+sure|no\s+clue|skip(?:ping)?\s+this|can['’]?t\s+(?:say|answer)|unsure|dunno)\b/gi;
const FILLER = /\b(?:honestly|sorry|really|i\s+guess|to\s+be\s+honest|hmm+|um+|uh+|well|here|about\s+this|that)\b/gi;

/** How an answer is written, for the score and the review's advice. */
export function profile(text: string): ProseProfile {
  const list = sentences(text);
  const words = list.reduce((n, s) => n + s.tokens.length, 0);
  const explainedWords = list.filter((s) => s.explains || s.question).reduce((n, s) => n + s.tokens.length, 0);
  const explained = words > 0 ? explainedWords / words : 0;
  // "Not sure." is a non-answer; "not sure whether Redis or Cassandra fits, so I would
  // benchmark both" is an answer: what is left without the admission decides.
  const admits = DONT_KNOW.test(text);
  DONT_KNOW.lastIndex = 0;
  const rest = tokenize(text.replace(DONT_KNOW, ' ').replace(FILLER, ' ')).length;
  return {
    words,
    explained,
    termList: words >= 6 && explained < 0.4,
    dontKnow: words > 0 && admits && rest <= 2,
  };
}

/** "Not sure", "no idea": the candidate asks for help rather than answers. */
export function isDontKnow(text: string): boolean {
  return profile(text).dontKnow;
}

/**
 * Share of an answer's words that are concrete: numbers, and names or acronyms
 * (capitals after a sentence's first word, or inside it: "KServe", "p99", "PCI").
 * Strong answers, in any words, run at 4-15%; vague ones at 1-2%.
 */
export function specificity(text: string): number {
  let words = 0;
  let concrete = 0;
  for (const s of sentences(text)) {
    s.tokens.forEach((t, i) => {
      words++;
      if (/\d/.test(t.text) || (i > 0 && /[A-Z]/.test(t.text)) || /^.+[A-Z]/.test(t.text)) concrete++;
    });
  }
  return words > 0 ? concrete / words : 0;
}
