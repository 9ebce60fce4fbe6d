// Key points as concepts. A key point is covered by what the candidate's sentences
// say, not by a keyword: its terms and label are phrases matched on stems and folded
// synonyms, in any order within a short window of one sentence; its hint counts when a
// sentence says most of what the hint says. A point named only in a bare list of
// terms, or by one generic buzzword, earns part of its credit. Pure.
import type { KeyPoint } from '../guides/model.js';
import { contentKeys, KIND_OF } from './lexicon.js';
import { sentences, type Sentence } from './prose.js';

/**
 * A set of stemmed words made when first asked: stemming these lists at load was most of
 * loading the scorer, which the study sheet and a trap shown without an answer never use.
 */
function lazySet(make: () => string[]): { has(key: string): boolean; [Symbol.iterator](): Iterator<string> } {
  let set: Set<string> | undefined;
  const get = (): Set<string> => (set ??= new Set(make()));
  return { has: (key) => get().has(key), [Symbol.iterator]: () => get()[Symbol.iterator]() };
}

/** Words every platform answer throws around: alone they show no understanding. */
const GENERIC = lazySet(() =>
  contentKeys(
    'scale scalable scaling scalability reliable reliability available availability highly performance performant fast faster efficient robust resilient ' +
      'monitoring monitor observability cloud microservice microservices service services container containers api apis database databases db data ' +
      'pipeline pipelines model models ml machine learning platform system systems design architecture component components layer layers infrastructure ' +
      'feature features store stores storage serve serving server servers train training predict prediction predictions inference request requests ' +
      'user users traffic load latency low high good best practices use used using make build need handle support run manage tool tools team teams ' +
      'time real cost secure security automate automated automation flexible modular simple easy quick quickly process processing job jobs ' +
      'online offline batch stream streaming cache caching kubernetes real-time realtime ' +
      'get gets put puts take takes give gives go goes come comes keep keeps want wants let lets way ways thing things lot lots kind kinds part parts ' +
      'whole end start new own right well work works place places production product everything everyone something company organisation organization ' +
      'world class world-class cutting edge cutting-edge future proof future-proof value deliver delivers enable enables enabling seamless seamlessly modern emerging ' +
      'technology technologies solution solutions industry standard leverage ensure ensures strong bring brings together various different important add adds ' +
      'help helps easy easily simple future proper properly appropriate great better improve improves overall support supports',
  ).concat(['#monitoring', '#cache', '#kubernetes', '#realtime', '#stream', '#batch', '#latency', '#autoscale', '#featurestore', '#serving']),
);

// Common words that say nothing of a scenario's domain, though its brief uses them.
const COMMON = lazySet(() =>
  contentKeys(
    'company companies business want wants need needs expect expects expected treat treated different today every part show one two three first second way ways thing things ' +
      'whole new old per day days week weeks month months year years second seconds minute minutes hour hours close roughly about around some many much more most less few ' +
      'kind kinds type types case cases work works working way give gives given take takes keep kept go goes going come comes see seen call calls called ' +
      'view depth number numbers real volume high very each both all any full first people wants ' +
      'accept acceptable key keys exist existing core path paths correct correctness single general generic specific share shared deep ' +
      'multiple demand lifecycle main simple large small fast slow right wrong distributed distribute',
  ),
);

export interface Cue {
  /** What matched: a term or label of the key point, or its hint. */
  source: 'term' | 'label' | 'hint';
  /** The term as the key point writes it (for terms and labels). */
  term?: string;
  /** The candidate's words that matched, as written. */
  words: string;
  /** 1 for a specific phrase or a described hint, 0.5 for a generic word. */
  weight: number;
  /** Said in a sentence that explains, not in a list of terms. */
  explained: boolean;
}

export interface PointResult {
  point: KeyPoint;
  /** 0-1: how well the answer makes the point. */
  credit: number;
  covered: boolean;
  /** Named, but only in a list of terms or by a generic word. */
  partial: boolean;
  cues: Cue[];
  /** The best cue's term and the candidate's words, for the review. */
  term?: string;
  words?: string;
}

export interface MatchResult {
  results: PointResult[];
  /** Points covered (credit ≥ 0.75). */
  covered: number;
  total: number;
  /** Sum of credits. */
  credit: number;
}

/** Credit at or above which a point counts as made. */
export const COVERED = 0.75;
/** What a point named only in a bare list of terms is worth. */
export const LIST_CREDIT = 0.25;

interface Alternative {
  keys: string[];
  source: 'term' | 'label';
  term: string;
  /** The key point is this very thing ("Feature store": "feature store"). */
  isLabel: boolean;
  /** What saying it is worth alone: 1 specific, 0.6 one plain word, 0.5 a buzzword. */
  weight: number;
  /** One plain word of a derived point: whole only in a sentence that says much more. */
  plain?: boolean;
  /** A phrase of a derived point: said all but one of its words, it is nearly made. */
  loose?: boolean;
  /** The one word of a two-word derived phrase that nearly makes it alone. */
  anchor?: string;
}

// What a study sheet tells the candidate to do: saying it back is no explanation.
const INSTRUCTED = lazySet(() =>
  contentKeys(
    'draw show explain mention discuss describe cover walk through talk present sketch outline identify define propose justify highlight emphasise emphasize note list state ask clarify summarize summarise address consider demonstrate review compare introduce detail',
  ),
);

// Words that only frame a derived phrase: "schema evolution handling", "exactly-once semantics".
const FILLER = lazySet(() =>
  contentKeys(
    'rule rules concept concepts idea ideas semantics handling strategy strategies mechanism mechanisms approach approaches management considerations consideration issues requirements techniques technique concerns overview basics details internals choice choices options decisions pattern patterns algorithm algorithms logic flow format',
  ),
);

/** A word of a term written as a name: an acronym, a version or figure, camel case. */
function named2(term: string, key: string): boolean {
  return term.split(/[\s/]+/).some((w) => /^([A-Z]{2,}\w*|\w*\d\w*|[a-z]+[A-Z]\w*)$/.test(w.replace(/[^\w]/g, '')) && contentKeys(w).includes(key));
}

interface Concept {
  point: KeyPoint;
  alternatives: Alternative[];
  hint: string[];
  gloss: string[];
}

/** Buzzwords that name a quantity a design is sized by. */
const QUANTITIES = new Set(['#scale', '#latency']);
const NUMBER_WORDS = new Set(['hundr', 'thousand', 'million', 'billion', 'trillion', 'dozen']);

/**
 * What one alternative is worth alone. A buzzword is worth half; one plain word
 * ("governance", "summary") a little more; a phrase, a name or acronym ("KEDA",
 * "LLM", "p99") or a concept of the synonym table counts whole.
 */
function worth(term: string, keys: string[], source: Alternative['source']): number {
  const specific = keys.filter((k) => !GENERIC.has(k));
  if (specific.length === 0) return 0.5;
  if (source === 'label') return specific.length >= 2 ? 1 : 0.5;
  if (keys.length >= 2 || specific[0]!.startsWith('#') || /[A-Z0-9]/.test(term)) return 1;
  return 0.6;
}

function alternative(term: string, source: Alternative['source'], label: string): Alternative | undefined {
  const keys = [...new Set(contentKeys(term))];
  if (keys.length === 0) return undefined;
  return { keys, source, term, isLabel: keys.join(' ') === [...new Set(contentKeys(label))].join(' '), weight: worth(term, keys, source) };
}

const FIGURE = /^[~≈<>+\-–$€£]*\d[\d.,]*(?:\s*[-–]\s*\d[\d.,]*)?\s*(?:[kmbt]|ms|s|secs?|seconds?|%|x|[kmgtp]b|thousand|million|billion|trillion)?\+?$/i;

/**
 * A term of a point coach derived from a guide's prose is a phrase of that prose
 * ("Cache prefetching for popular domains"): its telling words are what a candidate
 * says ("popular names are prefetched"); the generic ones are left to the sentence.
 */
function derivedAlternative(term: string, label: string): Alternative | undefined {
  const a = alternative(term, 'term', label);
  if (!a) return undefined;
  // A figure of the guide's answer ("150", "100K", "50-100 ms") supports a point; said
  // alone it makes none ("we run 150 servers in 10 regions" is not the celebrity problem).
  if (FIGURE.test(term.trim())) return { ...a, weight: 0.25, plain: true };
  // "Ask about scale" is made by asking about scale, not by the word "ask" that tells
  // the candidate to (a "posting list" is still a list).
  const telling = a.keys.filter((k, i) => !GENERIC.has(k) && !COMMON.has(k) && !FILLER.has(k) && !(i === 0 && INSTRUCTED.has(k)));
  const plain = a.keys.filter((k, i) => !FILLER.has(k) && !(i === 0 && INSTRUCTED.has(k)));
  // "Latency requirements", "What's the expected scale": the quantity to measure.
  const quantity = plain.length > 0 && plain.every((k) => QUANTITIES.has(k));
  const keys = telling.length > 0 ? telling : quantity ? plain : a.keys;
  // One plain word of a guide's phrase ("search", "providers") is not the point alone;
  // a name or an acronym ("Anycast", "TTL") is.
  const named =
    keys.length === 1 && (keys[0]!.startsWith('#') || /(^|[\s(/-])([A-Z]{2,}|[A-Z][a-z]+[A-Z]|\w*\d)/.test(term) || (/^[A-Z]/.test(term.trim()) && !/^[A-Z][a-z]+(\s|$)/.test(term.trim())));
  // Of two words, a name, an acronym or a concept of the synonym table ("exactly-once"
  // of "exactly-once semantics", "WAL" of "WAL retention") nearly makes the point alone.
  const anchor = keys.length === 2 ? keys.findIndex((k) => (k.startsWith('#') && !QUANTITIES.has(k)) || named2(term, k)) : -1;
  if (keys.length >= 2 || named) return { ...a, keys, weight: worth(term, keys, 'term'), loose: keys.length >= 3, ...(anchor >= 0 ? { anchor: keys[anchor]! } : {}) };
  return { ...a, keys, weight: Math.min(0.6, worth(term, keys, 'term')), plain: true };
}

// A plan matches the same key points against many texts (each follow-up, each
// answer): each point is compiled once. Points are never changed once parsed.
const compiled = new WeakMap<KeyPoint, Concept>();

function compile(point: KeyPoint): Concept {
  let concept = compiled.get(point);
  if (!concept) compiled.set(point, (concept = compileNow(point)));
  return concept;
}

function compileNow(point: KeyPoint): Concept {
  const alternatives = point.terms.map((t) => (point.derived ? derivedAlternative(t, point.label) : alternative(t, 'term', point.label))).filter((a): a is Alternative => a !== undefined);
  // The label names the concept too ("Graceful degradation").
  const label = alternative(point.label, 'label', point.label);
  if (label && !alternatives.some((a) => a.keys.join(' ') === label.keys.join(' '))) alternatives.push(label);
  const hint = [...new Set(contentKeys(point.hint ?? ''))].filter((k) => !GENERIC.has(k) && !/^\d+$/.test(k));
  return { point, alternatives, hint, gloss: point.gloss ?? [] };
}

/** Finds all the keys in one sentence within a window; returns the span of units. */
function findAll(s: Sentence, keys: string[], anyOrder = false, wide = false): [number, number] | undefined {
  const at = keys.map((k) => s.units.flatMap((u, i) => (u.key === k || KIND_OF[u.key] === k ? [i] : [])));
  if (at.some((list) => list.length === 0)) return undefined;
  if (keys.length === 1) return [at[0]![0]!, at[0]![0]!];
  // Smallest window holding one of each; a phrase of n words may spread over 2n + 2
  // units in its own order ("store the features online"), or sit side by side in any
  // order ("store online" for "online store").
  const limit = wide ? s.units.length : 2 * keys.length + 2;
  let best: [number, number] | undefined;
  const walk = (k: number, lo: number, hi: number, prev: number, ordered: boolean): void => {
    if (hi - lo > limit) return;
    if (k === at.length) {
      if (!ordered && !anyOrder && hi - lo > keys.length - 1) return;
      if (!best || hi - lo < best[1] - best[0]) best = [lo, hi];
      return;
    }
    for (const i of at[k]!.slice(0, 8)) walk(k + 1, Math.min(lo, i), Math.max(hi, i), i, ordered && i > prev);
  };
  walk(0, Infinity, -Infinity, -Infinity, true);
  return best;
}

function wordsOf(s: Sentence, span: [number, number]): string {
  const first = s.tokens[s.units[span[0]]!.from]!;
  const last = s.tokens[s.units[span[1]]!.to]!;
  return s.text.slice(first.start, last.end);
}

/**
 * A buzzword or a plain word counts whole when its sentence is specific: at least
 * three other telling words or numbers ("the pod autoscaler adds replicas once CPU
 * passes 70%"), not a string of generic ones ("autoscaling keeps it fast and reliable").
 */
function specificWeight(s: Sentence, alt: Alternative): number {
  const own = new Set(alt.keys);
  // Scale and latency are buzzwords until measured: "fifty million requests a day" or
  // "under 10 ms at the 99th percentile" in the same sentence makes the point.
  if (alt.keys.every((k) => QUANTITIES.has(k)) && s.tokens.some((t) => /^\d/.test(t.text) || NUMBER_WORDS.has(t.stem))) return 1;
  const specific = new Set(s.units.filter((u) => !u.fn && !own.has(u.key) && !GENERIC.has(u.key)).map((u) => u.key));
  // A buzzword or a one-word label never counts whole alone, however specific the
  // sentence, unless the key point is that very thing ("Feature store").
  const cap = alt.weight <= 0.5 && !(alt.isLabel && alt.source === 'term') ? 0.5 : 1;
  if (specific.size >= 3) return Math.min(cap, 1);
  if (specific.size === 2 && !alt.plain) return Math.min(cap, Math.max(alt.weight, 0.8));
  return alt.weight;
}

// Words that deny what follows them in their clause ("we will skip end-to-end
// encryption", "we do not need a router, a presence service or a queue", "instead of
// polling"), and the words that end that clause ("…, because", "; so"). Not "no":
// "no single point of failure" states a goal.
const NEGATORS = new Set("not never without skip skips skipping avoid avoids avoiding won't don't doesn't didn't isn't aren't can't cannot neither nor".split(' '));
const NEGATING_PHRASES = /\b(?:instead of|rather than|no need for|get rid of|do away with)\s*$/i;
// "I would skip it only for a prototype": what comes after "only" or "except" is affirmed.
const CLAUSE_ENDS = /[;:.!?—–]|\b(?:but|however|because|since|so|which|whereas|while|though|although|instead|then|thanks|by|via|through|with|using|unless|only|except|other than)\b/i;

/** Whether the words at unit `at` of a sentence are denied by a negator earlier in their clause (not one of the point's own words). */
function negated(s: Sentence, at: number, own: string[]): boolean {
  const start = s.tokens[s.units[at]!.from]!.start;
  for (let t = s.units[at]!.from - 1; t >= 0 && t >= s.units[at]!.from - 12; t--) {
    const tok = s.tokens[t]!;
    const between = s.text.slice(tok.end, start);
    if (CLAUSE_ENDS.test(between)) return false;
    const word = tok.text.toLowerCase().replace(/’/g, "'");
    // A point about skipping ("When skipping is fine") is made by saying "skipping".
    if (own.includes(tok.stem)) continue;
    if (NEGATORS.has(word)) {
      // "not only X but also Y" affirms X; "Without X, Y goes wrong" says why X is needed;
      // "When scaling cannot keep up, load shedding drops…": the denial ends with its "when" clause.
      const affirms =
        (word === 'not' && /^\s*(?:only|just)\b/i.test(s.text.slice(tok.end))) ||
        (word === 'without' && (between.includes(',') || t === 0)) ||
        (between.includes(',') && /\b(?:when|whenever|if|once|after|before|until)\b[^,;]*$/i.test(s.text.slice(0, tok.start)));
      if (!affirms) return true;
    }
    if (NEGATING_PHRASES.test(s.text.slice(Math.max(0, tok.end - 14), tok.end))) return true;
  }
  return false;
}

function cuesIn(concept: Concept, list: Sentence[]): Cue[] {
  const cues: Cue[] = [];
  const seen = new Set<string>();
  for (const alt of concept.alternatives) {
    // Terms that fold to the same concept ("HPA", "autoscaling") are one cue, not two.
    const id = [...alt.keys].sort().join(' ');
    if (seen.has(id)) continue;
    let found: Cue | undefined;
    for (const s of list) {
      let span = findAll(s, alt.keys);
      let weight = alt.weight < 1 ? specificWeight(s, alt) : 1;
      // "WAL retention pressure" said as "the slot pins the WAL… retention": all but one word.
      if (!span && alt.loose) {
        // In any order within the window: "merge-intersection of two lists" for "posting list intersection".
        for (let drop = 0; drop < alt.keys.length && !span; drop++)
          span = findAll(
            s,
            alt.keys.filter((_, i) => i !== drop),
            true,
          );
        weight = Math.min(weight, COVERED);
      }
      // A point of two or three specific words, each said in one sentence that explains,
      // apart ("caps on the series count, enforced where writes come in" for
      // "cardinality enforcement"): nearly made.
      if (!span && s.explains && alt.keys.length >= 2 && alt.keys.length <= 3 && alt.keys.every((k) => !GENERIC.has(k))) {
        span = findAll(s, alt.keys, true, true);
        weight = Math.min(weight, COVERED);
      }
      if (!span && alt.anchor) {
        span = findAll(s, [alt.anchor]);
        weight = Math.min(weight, COVERED);
      }
      if (!span || negated(s, span[0], alt.keys)) continue;
      const explained = s.explains || s.question;
      const cue: Cue = { source: alt.source, term: alt.term, words: wordsOf(s, span), weight, explained };
      if (!found || (explained && !found.explained)) found = cue;
      if (found.explained) break;
    }
    if (found) {
      seen.add(id);
      cues.push(found);
    }
  }
  // The hint: one sentence that says most of it, in any words of the synonym table.
  // A hint of fewer than three telling words says too little to recognise.
  if (concept.hint.length >= 3) {
    let best: { share: number; s: Sentence } | undefined;
    for (const s of list) {
      const have = new Set(s.units.map((u) => u.key));
      const n = concept.hint.filter((k) => have.has(k)).length;
      if (n < 2) continue;
      const share = n / concept.hint.length;
      if (!best || share > best.share) best = { share, s };
    }
    if (best && best.share >= 0.34) {
      cues.push({ source: 'hint', words: best.s.text, weight: best.share >= 0.5 ? 1 : 0.5, explained: best.s.explains || best.s.question });
    }
  }
  // The gloss: one sentence that says several of the words the guide says around the
  // point ("forwards each stream without mixing it" for an SFU), though none of its terms.
  if (concept.gloss.length >= GLOSS_WORDS) {
    let best: { n: number; s: Sentence } | undefined;
    for (const s of list) {
      if (!s.explains) continue;
      const n = new Set(s.units.filter((u) => concept.gloss.includes(u.key)).map((u) => u.key)).size;
      if (n >= GLOSS_WORDS && (!best || n > best.n)) best = { n, s };
    }
    if (best) cues.push({ source: 'hint', words: best.s.text, weight: best.n > GLOSS_WORDS ? COVERED : 0.5, explained: true });
  }
  return cues;
}

/**
 * Words of a point's gloss one sentence must say for half its credit; one more makes
 * it. Three had let a sentence about GPUs and A/B tests half-make "Multi-Region".
 */
const GLOSS_WORDS = 4;

/**
 * The gloss of each key point: the words a guide says around the point's own rarer
 * terms, in the sentences that speak of it, and rarely elsewhere. A candidate who
 * never read the guide explains a point in such words ("the server forwards each
 * person's stream without mixing" for "SFU"); a vague answer does not. Sentences that
 * name more than two points (a pacing table's row, an overview) gloss none of them.
 */
export function glosses(points: KeyPoint[], text: string): Map<KeyPoint, string[]> {
  const list = sentences(text);
  const n = list.length;
  const telling = (k: string): boolean => !GENERIC.has(k) && !COMMON.has(k) && !/^\d/.test(k) && k.length > 2 && !INSTRUCTED.has(k) && !FILLER.has(k) && !NEGATORS.has(k);
  const sets = list.map((s) => new Set(s.units.filter((u) => !u.fn && telling(u.key)).map((u) => u.key)));
  const df = new Map<string, number>();
  for (const set of sets) for (const k of set) df.set(k, (df.get(k) ?? 0) + 1);
  // A word in a tenth of the guide's sentences or more says nothing of one point.
  const rare = (k: string): boolean => (df.get(k) ?? 0) <= Math.max(2, 0.1 * n);
  // Each point's specific phrases (a rare word of the guide in each), found in a sentence as the judge finds them.
  const own = points.map((point) => {
    const c = compileNow(point);
    const keys = new Set([...c.alternatives.flatMap((a) => a.keys), ...contentKeys(point.label)]);
    // A phrase of two telling words, a concept or a name finds the point's sentences; one
    // plain word ("valid" of "request validation") only with the rest of its phrase.
    const phrases = c.alternatives
      .map((a) => (a.keys.length >= 2 || a.keys[0]!.startsWith('#') || /[A-Z]{2,}|[a-z][A-Z]/.test(a.term) ? a.keys : [...new Set(contentKeys(a.term))]))
      .filter((k) => k.some((x) => telling(x) && df.has(x) && rare(x)));
    return { keys, says: list.map((s) => phrases.some((k) => findAll(s, k) !== undefined)) };
  });
  const named = list.map((_, j) => own.filter((o) => o.says[j]).length);
  // Every point's own words: one that names another point ("gateway" beside "request
  // validation") glosses that point, not this one.
  const owned = new Set(own.flatMap((o) => [...o.keys]));
  const out = new Map<KeyPoint, string[]>();
  points.forEach((point, i) => {
    const around = sets.filter((_, j) => named[j]! <= 2 && own[i]!.says[j]);
    if (around.length === 0) return;
    const count = new Map<string, number>();
    for (const set of around) for (const k of set) if (!owned.has(k) && rare(k)) count.set(k, (count.get(k) ?? 0) + 1);
    // Said around the point at least three times as often as anywhere in the guide.
    const gloss = [...count]
      .map(([k, c]) => ({ k, c, lift: c / around.length / ((df.get(k) ?? 1) / n) }))
      .filter((x) => x.lift >= 3)
      .sort((x, y) => y.c * y.lift - x.c * x.lift)
      .slice(0, 20)
      .map((x) => x.k);
    if (gloss.length >= GLOSS_WORDS) out.set(point, gloss);
  });
  return out;
}

/** Credit from the cues: specific phrases and described hints count whole, generic words half. */
function creditOf(cues: Cue[]): { credit: number; partial: boolean } {
  if (cues.length === 0) return { credit: 0, partial: false };
  const explained = cues.filter((c) => c.explained);
  // The same words of the candidate found by two terms of a point ("volume" for both
  // "Ask about scale" and "scale") are one cue: each span counts once, at its best weight.
  const sum = (list: Cue[]): number => {
    const best = new Map<string, number>();
    for (const c of list) best.set(c.words, Math.max(best.get(c.words) ?? 0, c.weight));
    return Math.min(
      1,
      [...best.values()].reduce((n, w) => n + w, 0),
    );
  };
  const full = sum(explained);
  // Named only in a list: a fraction of its credit, whatever the number of terms.
  const listed = sum(cues) * LIST_CREDIT;
  const credit = Math.max(full, listed);
  return { credit, partial: credit < COVERED };
}

/** Which key points a text makes, how well, and with which of its words. */
export function matchKeyPoints(text: string, points: KeyPoint[]): MatchResult {
  const concepts = points.map(compile);
  // A sentence that only says the key points' own words back ("explain waiting room in
  // front of checkout, seat map cache") names them; it explains nothing of its own.
  // Only for points coach derived from a guide's prose, whose labels read as a to-do list.
  const derived = concepts.filter((c) => c.point.derived);
  const own = new Set(derived.flatMap((c) => [...c.alternatives.flatMap((a) => a.keys), ...contentKeys(c.point.label), ...c.hint]));
  const list = sentences(text).map((s) => {
    if (derived.length === 0 || !s.explains || s.question) return s;
    const extra = new Set(s.units.filter((u) => !u.fn && !own.has(u.key) && !INSTRUCTED.has(u.key)).map((u) => u.key));
    return extra.size >= 1 ? s : { ...s, explains: false };
  });
  const results = concepts.map((concept): PointResult => {
    const point = concept.point;
    const cues = cuesIn(concept, list);
    const { credit, partial } = creditOf(cues);
    const best = [...cues].sort((a, b) => Number(b.explained) - Number(a.explained) || b.weight - a.weight)[0];
    return {
      point,
      credit,
      covered: credit >= COVERED,
      partial: credit > 0 && partial,
      cues,
      ...(best?.term ? { term: best.term } : {}),
      ...(best ? { words: best.words.length > 80 ? `${best.words.slice(0, 77)}…` : best.words } : {}),
    };
  });
  return {
    results,
    covered: results.filter((r) => r.covered).length,
    total: points.length,
    credit: results.reduce((n, r) => n + r.credit, 0),
  };
}

/**
 * The telling keys of a text, for comparing two texts by meaning (trap advice,
 * follow-ups): concepts and specific words; no numbers, no generic words.
 */
export function conceptKeys(text: string): Set<string> {
  return new Set(contentKeys(text).filter((k) => !GENERIC.has(k) && !COMMON.has(k) && !/\d/.test(k) && (k.startsWith('#') || k.length > 3)));
}

/** How much two sets of keys share: concepts count twice. */
export function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const k of a) if (b.has(k)) n += k.startsWith('#') ? 2 : 1;
  return n;
}

/** The concept keys of a key point: its terms, label and hint. */
export function pointKeys(point: KeyPoint): Set<string> {
  return conceptKeys([point.label, ...point.terms, point.hint ?? ''].join(' . '));
}

// ---- relevance -------------------------------------------------------------------

// What any ML-platform answer talks about, whatever the scenario.
const ML_CORE = lazySet(() => [
  ...contentKeys(
    'model models feature features training train trained predict prediction predictions inference infer ml machine learning label labels labelled dataset datasets experiment experiments embedding embeddings scoring classifier data scientist data scientists',
  ),
  '#featurestore',
  '#serving',
  '#registry',
  '#tracking',
  '#drift',
  '#skew',
  '#pit',
  '#leak',
  '#retrain',
  '#notebook',
  '#gpu',
  '#training',
  '#explain',
  '#online',
  '#offline',
]);

/**
 * The words that show an answer is about this interview: the ML core, the distinctive
 * words of the prompt and title ("fraud", "rides"), and those of the key points'
 * terms ("token bucket", "counter" for a rate limiter). The concepts any system design
 * talks about (replicas, caching, failover) show nothing and are left out.
 */
export function domainKeys(texts: string[], points: KeyPoint[] = []): Set<string> {
  const out = new Set(ML_CORE);
  const telling = (k: string): boolean => !GENERIC.has(k) && !COMMON.has(k) && !/^\d/.test(k) && k.length > 2 && (!k.startsWith('#') || ML_CORE.has(k));
  for (const k of contentKeys(texts.join(' . '))) if (telling(k)) out.add(k);
  // A word of the key points counts when several points use it: the guide's own vocabulary.
  const seen = new Map<string, number>();
  for (const p of points) for (const k of new Set([p.label, ...p.terms].flatMap((t) => contentKeys(t)))) seen.set(k, (seen.get(k) ?? 0) + 1);
  // A point coach derived from the guide's prose names its subject once: its words count as they are.
  for (const p of points) if (p.derived) for (const k of new Set([p.label, ...p.terms].flatMap((t) => contentKeys(t)))) seen.set(k, (seen.get(k) ?? 0) + 2);
  for (const [k, n] of seen) if (n >= 2 && telling(k)) out.add(k);
  return out;
}

/** Share of a text's sentences (of four words or more) that are about the domain (0-1). */
export function relevance(text: string, domain: Set<string>): number {
  const list = sentences(text).filter((s) => s.tokens.length >= 4 || s.question);
  if (list.length === 0) return 0;
  return list.filter((s) => s.units.some((u) => domain.has(u.key))).length / list.length;
}
