// The statement of a user's guide that answers a candidate's clarifying question. A
// guide says "MAU: 2+ billion" where the candidate asks "how many people use the site
// in a month?": the two share the concept (people are users, a month is the M of MAU)
// and the kind of answer (a count of users), not the words. So a question and a
// statement are both read as the concepts they name, folded through a table of the
// words system-design guides use for the same thing, weighed by how rare each concept
// is in this guide, plus the kind of figure the question asks for (a duration, a rate,
// a count, a share, a size) against the figures the statement gives, plus where the
// guide says it (its requirements and numbers, or a line of its sample dialogue, over
// a sentence of a deep dive). Pure.
import { contentKeys } from '../judge/lexicon.js';

export interface SearchableFact {
  text: string;
  /** The question the guide gives it as the answer to, if any. */
  asks?: string;
  /** Stated as the brief (requirements, key numbers, the interviewer's own lines). */
  brief?: boolean;
  /** The facets it speaks of, most likely first (the interviewer's). */
  facets: string[];
}

// Words that say the same thing in a clarifying question and a guide's brief. Each
// line is one concept; a phrase matches on its stems, so "user" finds "users".
const GROUPS: Record<string, string> = {
  users: 'user, customer, member, viewer, subscriber, account, audience, visitor, player, mau, dau, wau, shopper, rider, listener, employee, participant, attendee',
  month: 'month, monthly, mau',
  day: 'day, daily, dau',
  second: 'second, per second, a second, qps, rps, tps, sec',
  peak: 'peak, busiest, highest, maximum, max, spike, burst, at the most, at most, largest, biggest, upper bound',
  delay: 'latency, delay, delayed, late, lag, wait, waiting, how quickly, how fast, how long, response time, p99, p95, p50, p999, millisecond, ms, turnaround',
  region:
    'region, regional, country, countries, worldwide, global, globally, international, domestic, data center, data centre, datacenter, location, multi-region, geo, geographic, geography, continent',
  down: 'availability, available, unavailable, uptime, downtime, outage, go down, goes down, went down, is down, fail, fails, failure, fallback, fall back, degrade, degraded, degradation',
  encrypt:
    'encrypt, encrypted, encryption, e2ee, end-to-end encryption, end to end encryption, end-to-end encrypted, end to end encrypted, encrypted end to end, encrypted end-to-end, locked, decrypt',
  // Encryption end to end is one thing, and encryption at rest another: both are encryption.
  e2ee: 'e2ee, end-to-end encryption, end to end encryption, end-to-end encrypted, end to end encrypted, encrypted end to end, encrypted end-to-end',
  record: 'record, recording, recorded, save, saved, replay, watch afterwards, watch later',
  mobile: 'mobile, phone, smartphone, android, ios, tablet',
  meeting: 'meeting, meetings, conference, conferences, conferencing, video call, video calls, group call, group calls',
  network: 'network, connection, bandwidth, internet, wifi, cellular, shaky',
  retry: 'retry, retries, retrying, keep trying, try again, give up, resend, redeliver, redelivery',
  expire: 'expire, expiry, expiration, ttl, validity, valid for, time to live',
  retain: 'retention, retain, retained, kept, how long we keep, how long do we keep, hold on to, hang on to, how far back, delete, deleted, purge, archive, ttl, ttls',
  multi: 'multi, multiple, several, more than one',
  // Messages not yet delivered wait in a queue.
  pending: 'undelivered, not yet delivered, pending, offline queue, offline queues, queued, store-and-forward, store and forward, waiting for delivery',
  privacy: 'privacy, private, personal data, pii',
  accuracy: 'accuracy, accurate, correctly, precision, error rate',
  third: 'third-party, third party, outside, external, partner, 3rd party, outside companies',
  fresh: 'fresh, freshness, stale, staleness, up to date, out of date, outdated, how soon, reflect, reflected',
  volume: 'volume, throughput, traffic, load',
  size: 'size, storage, disk, bytes, how much data, how big, how large, gb, tb, pb, mb, kb, terabyte, petabyte, gigabyte',
  live: 'live, livestream, live stream, live streaming, broadcast, broadcasting',
  dupe: 'duplicate, duplicates, exactly-once, exactly once, at-least-once, at least once, idempotent, idempotency, dedupe, deduplicate, deduplication',
  order: 'order, ordering, ordered, out of order, out-of-order, in order, sequence',
  tenant: 'tenant, tenancy, multi-tenant, isolation, isolated, workspace, workspaces',
  upload: 'upload, uploaded, push up, ingest',
  cost: 'cost, budget, spend, price, cheap, expensive, money',
  audit: 'audit, compliance, compliant, regulation, regulatory, gdpr, hipaa, pci, soc2, legal',
  language: 'language, locale, multilingual',
  message: 'message, msg, text, sms, chat, conversation',
  device: 'device, speaker, gadget',
  e2e: 'e2e, end-to-end, end to end',
  deliver: 'deliver, delivered, delivery, receive, received, arrive, arrives, reach, reaches',
  dashboard: 'dashboard, chart, charts, graph, graphs, report, reports',
};

// Words a clarifying question is made of that say nothing of what it asks about.
const FRAME = new Set(
  contentKeys(
    'need needs should must will would could can may might want expect expected plan planning design designing build building support handle handling assume assuming ' +
      'use used using okay ok fine acceptable allowed able going get gets have has do does did make makes roughly about around typical typically normal overall really actually ' +
      'also just only either whether like say said think kind sort much many big thing things stuff lot lots go goes us our we you they it this that there here ' +
      'target targets requirement requirements required require expect number numbers figure care matter matters important priority system platform service ' +
      'hard strict firm strictly mandatory necessary one',
  ),
);

interface Phrase {
  stems: string[];
  concept: string;
}

let table: Map<string, Phrase[]> | undefined;

/** First stem of each phrase -> the phrases it starts, longest first. */
function phrases(): Map<string, Phrase[]> {
  if (table) return table;
  table = new Map();
  for (const [concept, words] of Object.entries(GROUPS)) {
    const list = words.split(',').map((w) => w.trim());
    for (const phrase of list) {
      const stems = contentKeys(phrase.replace(/\//g, ' per '));
      if (stems.length === 0) continue;
      const at = table.get(stems[0]!) ?? [];
      at.push({ stems, concept });
      table.set(stems[0]!, at);
    }
  }
  for (const list of table.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  return table;
}

/** The concepts of a question: "How many people…" counts users; elsewhere people are who it is about. */
export function questionKeys(question: string): Set<string> {
  const keys = factKeys(question);
  if (wantedOf(question).has('count') && /\b(?:people|persons?|folks)\b/i.test(question)) keys.add('=users');
  return keys;
}

/** The concepts and telling words of a text: each word of a group read as its concept. */
export function factKeys(text: string): Set<string> {
  // "The largest group size" counts members: it is no size in bytes.
  const keys = contentKeys(text.replace(/\//g, ' per ').replace(/\b(group|team|cluster|room|channel|class|meeting|call|conference)\s+sizes?\b/gi, '$1 members'));
  const out = new Set<string>();
  const map = phrases();
  for (let i = 0; i < keys.length; ) {
    const hits = map.get(keys[i]!)?.filter((p) => p.stems.every((s, j) => keys[i + j] === s));
    const hit = hits?.[0];
    if (hit) {
      // "MAU" is users and a month: every concept the longest phrase names.
      for (const h of hits) if (h.stems.length === hit.stems.length) out.add(`=${h.concept}`);
      i += hit.stems.length;
      continue;
    }
    const k = keys[i]!;
    if (!FRAME.has(k) && !/^\d/.test(k) && k.length > 1) out.add(k);
    i++;
  }
  return out;
}

// ---- the kind of answer ------------------------------------------------------------

const UNIT_TIME = '(?:ms|msec|milliseconds?|µs|us|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|weeks?|months?|years?)';
const RATE = new RegExp(`\\d[\\d.,]*\\s*[kmb]?\\+?\\s*(?:[a-z]+\\s*)?(?:/|per\\s+|a\\s+)${UNIT_TIME}\\b|\\b(?:qps|rps|tps|msg/s)\\b|\\d\\s*[kmb]?\\s*(?:qps|rps|tps)`, 'i');
// "7 days", "5-7 days", "2-year", "30-second".
const DURATION = new RegExp(`\\d[\\d.,]*\\s*(?:-\\s*\\d[\\d.,]*\\s*)?-?${UNIT_TIME}\\b(?!\\s*/)`, 'i');
// A duration said in words: "sub-second", "single-digit milliseconds".
const DURATION_WORDS = /\bsub[- ]?(?:second|millisecond|ms|minute)s?\b|\bsingle[- ]digit (?:ms|milliseconds?|seconds?)\b/i;
const PERCENT = /\d\s*%|\bnines\b/i;
const SIZE = /\d[\d.,]*\s*(?:[kmgtpe]i?b|bytes?|terabytes?|petabytes?|gigabytes?|megabytes?)\b/i;
const COUNT = /\d[\d.,]*\s*(?:[kmb]\b|k\+|m\+|b\+|thousand|million|billion|trillion|\+)|\b\d{2,}[\d,]*\b/i;

export type AnswerKind = 'duration' | 'rate' | 'percent' | 'size' | 'count';

/** The kinds of figure a statement gives. */
export function figuresOf(text: string): Set<AnswerKind> {
  const out = new Set<AnswerKind>();
  if (RATE.test(text)) out.add('rate');
  if (DURATION.test(text.replace(RATE, ' ')) || DURATION_WORDS.test(text)) out.add('duration');
  if (PERCENT.test(text)) out.add('percent');
  if (SIZE.test(text)) out.add('size');
  if (COUNT.test(text)) out.add('count');
  return out;
}

/** The kinds of figure a question asks for, if it asks for one. */
export function wantedOf(question: string): Set<AnswerKind> {
  const q = question.toLowerCase();
  const out = new Set<AnswerKind>();
  if (/\b(?:per|a|each|every)\s+(?:second|sec|minute|hour|day)\b|\b(?:qps|rps|tps|throughput|rate)\b/.test(q)) out.add('rate');
  if (/\bhow (?:long|quickly|soon|fast)\b|\bhow much time\b|\b(?:latency|delay|lag|turnaround|response time|within)\b|\bwait\b/.test(q)) out.add('duration');
  if (/\b(?:availability|uptime|percent|percentage|accuracy|error rate|what share|what fraction|how often)\b|%/.test(q)) out.add('percent');
  // "How big is a group?" and "the largest group size" ask for a count of members, not bytes.
  const members = /\b(?:group|team|cluster|fleet|pool|room|channel|class|batch|meeting|call|conference)(?:es|s)?\b/.test(q);
  if (!members && /\bhow (?:big|large)\b|\bhow much (?:data|storage|space|disk)\b|\bsize\b|\bstorage\b|\bbytes\b/.test(q)) out.add('size');
  if (members && /\bhow (?:big|large)\b|\bsize\b|\blargest\b|\bbiggest\b/.test(q)) out.add('count');
  if (/\bhow many\b|\bnumber of\b|\bhow big\b|\bscale\b|\bvolume\b/.test(q)) out.add('count');
  return out;
}

// A question answered yes or no, and a statement that answers one.
const POLAR = /^(?:is|are|do|does|did|should|must|will|would|can|could|has|have)\b/i;
const YES_NO = /^(?:yes|no|yep|nope|probably (?:yes|not|no)|always|never|not required|required|optional)\b/i;

// ---- search ------------------------------------------------------------------------

export interface FactHit<F> {
  fact: F;
  score: number;
  /** The telling concepts question and statement share. */
  shared: string[];
  /** Share of what the question asks about (by weight) that the statement speaks of. */
  coverage: number;
  /** The question asks for a kind of figure, and the statement gives one. */
  figure: boolean;
  /** Share (by weight) of the guide's own question to this statement that the question asks too. */
  sameQuestion: number;
}

/**
 * A statement answers when its score reaches this (about two rare words shared) and it
 * speaks of a quarter of what the question asks about; or, at a lower bar, when it
 * speaks of half of it and gives the kind of figure asked for or answers the guide's
 * own question asked in other words, or when it speaks of all of it. Else "not in the
 * brief". Set on guides from the wild, with questions both in and out of them.
 */
export const ANSWERS = 1.5;
export const COVERS = 0.25;

interface Indexed<F> {
  fact: F;
  keys: Set<string>;
  /** The concepts of the guide's own question this statement answers, if any. */
  askKeys?: Set<string>;
  figures: Set<AnswerKind>;
  /** States the most there can be ("2 to 1000+ participants"): an answer to "what's the maximum…". */
  upTo: boolean;
}

const indexes = new WeakMap<readonly SearchableFact[], { items: Indexed<SearchableFact>[]; idf: Map<string, number>; length: number }>();

// "2 to 1000+ participants": the most there can be of a count, not of a time ("1000+
// days" is how long). "Up to 30" says too little of what it counts to be one.
const UP_TO = new RegExp(`\\d[\\d,.]*\\s*[kmb]?\\+(?!\\d)(?!\\s*${UNIT_TIME}\\b)`, 'i');

/** Whether a statement gives the most there can be of a count ("2 to 1000+ participants"). */
export function statesMost(text: string): boolean {
  return UP_TO.test(text);
}

function indexOf<F extends SearchableFact>(facts: readonly F[]): { items: Indexed<F>[]; idf: Map<string, number>; length: number } {
  let ix = indexes.get(facts);
  if (!ix) {
    const items = facts.map((fact) => ({
      fact,
      keys: factKeys(fact.asks ? `${fact.asks} . ${fact.text}` : fact.text),
      ...(fact.asks ? { askKeys: factKeys(fact.asks) } : {}),
      figures: figuresOf(fact.text),
      upTo: statesMost(fact.text),
    }));
    const df = new Map<string, number>();
    for (const it of items) for (const k of it.keys) df.set(k, (df.get(k) ?? 0) + 1);
    const idf = new Map<string, number>();
    for (const [k, n] of df) idf.set(k, Math.log(1 + items.length / n));
    const length = items.reduce((n, it) => n + it.keys.size, 0) / Math.max(1, items.length);
    ix = { items, idf, length };
    indexes.set(facts, ix);
  }
  return ix as { items: Indexed<F>[]; idf: Map<string, number>; length: number };
}

/**
 * The statement that best answers the question, with its score, or undefined when none
 * reaches the bar. `facets` are the interviewer's reading of the question (scale,
 * latency...): a statement about the same facet is more likely the answer.
 */
export function searchFacts<F extends SearchableFact>(question: string, facts: readonly F[], facets: string[] = [], bar = ANSWERS): FactHit<F> | undefined {
  if (facts.length === 0) return undefined;
  const { items, idf, length } = indexOf(facts);
  const asked = questionKeys(question);
  const wanted = wantedOf(question);
  const max = Math.log(1 + items.length);
  const polar = POLAR.test(question.trim());
  // What the question asks about, by weight. A word the guide never uses weighs less than
  // its rarest: a question in other words brings words of its own.
  let mass = 0;
  for (const k of asked) mass += idf.get(k) ?? max * 0.7;
  let best: FactHit<F> | undefined;
  for (const it of items) {
    let matched = 0;
    const shared: string[] = [];
    for (const k of asked) {
      if (!it.keys.has(k) && !(k === '=peak' && it.upTo)) continue;
      shared.push(k);
      matched += idf.get(k) ?? max;
    }
    if (shared.length === 0) continue;
    // A long statement shares words by chance: BM25's length norm.
    const norm = 1 - 0.4 + (0.4 * it.keys.size) / length;
    // In units of the rarest word's weight, so that a short guide and a long one share the bar.
    let score = matched / norm / max;
    // The kind of figure asked for, given: "how long" answered by "<200ms".
    let kinds = 0;
    for (const w of wanted) if (it.figures.has(w)) kinds++;
    if (wanted.size > 0) score += kinds > 0 ? 0.25 : -0.15;
    // "Is E2EE required?" is answered by "Yes, always" (to the guide's own question about it).
    if (polar && YES_NO.test(it.fact.text)) score += 0.25;
    if (it.fact.brief) score += 0.15;
    if (facets.length > 0 && it.fact.facets.some((f) => facets.includes(f))) score += 0.12;
    // How much of the guide's own question the candidate asked ("Is end-to-end encryption
    // required for every chat?" of "Is end-to-end encryption a hard requirement?").
    let same = 0;
    if (it.askKeys && it.askKeys.size > 0) {
      let all = 0;
      for (const k of it.askKeys) {
        const w = idf.get(k) ?? max;
        all += w;
        if (asked.has(k)) same += w;
      }
      same /= all;
    }
    if (!best || score > best.score) best = { fact: it.fact, score, shared, coverage: mass > 0 ? matched / mass : 0, figure: kinds > 0, sameQuestion: same };
  }
  if (!best || bar === 0) return best;
  // Enough shared; or the figure asked for, with half of what the question asks about;
  // or all it asks about ("Which regions are users in?" of "Users are assigned to home regions…").
  // or the guide's own question, asked in other words, with half of what this one asks about.
  const answers =
    (best.score >= bar && best.coverage >= COVERS) ||
    (best.figure && best.coverage >= 0.5 && best.score >= bar - 0.5) ||
    (best.coverage >= 0.9 && best.score >= bar - 0.5) ||
    (best.sameQuestion >= 0.6 && best.coverage >= 0.5 && best.score >= bar - 0.5);
  return answers ? best : undefined;
}
