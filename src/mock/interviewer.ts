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
import { searchFacts, type SearchableFact } from './fact-search.js';

// ---- matching ---------------------------------------------------------------------

/** Per facet (./facets.ts), the phrases that show a question is about it, with their weight (1 weak - 4 decisive). */
const CUES: Record<string, [string, number][]> = {
  'use-case': [
    ['use case', 3],
    ['use cases', 3],
    ['workload', 3],
    ['workloads', 3],
    ['purpose', 3],
    ['what is it for', 3],
    ['what is the platform for', 3],
    ['who uses', 3],
    ['who will use', 3],
    ['who is it for', 3],
    ['users of the platform', 3],
    ['trying to do', 2.5],
    ['used for', 2],
    ['business problem', 3],
    ['business problems', 3],
    ['problem', 1.5],
    ['problems', 1.5],
    ['application', 1.5],
    ['applications', 1.5],
    ['goal', 2],
    ['goals', 2],
    ['product', 1],
    ['kind of prediction', 3],
    ['type of prediction', 3],
    ['which predictions', 2],
    ['whole platform', 2],
    ['full platform', 2],
    ['entire platform', 2],
    ['in scope', 3],
    ['scope', 3],
    ['which component', 2],
    ['end to end', 1.5],
    ['end-to-end', 1.5],
    ['what will', 0.5],
    ['solve', 2],
    ['solving', 2],
    ['building this for', 3],
    ['build this for', 3],
    ['for whom', 2],
    ['decisions', 1.5],
    ['kinds of decisions', 3],
    ['what decisions', 3],
    ['every part', 2.5],
    ['one area', 2.5],
    ['concentrate on', 2],
    ['focus on', 2],
    ['start and stop', 3],
    ['whole journey', 3],
    ['from raw data', 1.5],
    ['go deep', 2],
    ['actions', 2.5],
    ['what can we do', 2],
    ['model predict', 3],
    ['model actually predict', 3],
    ['get called', 2],
    ['gets called', 2],
    ['called', 1],
  ],
  scale: [
    ['scale', 3],
    ['how many', 1],
    ['how much', 1],
    ['how big', 2],
    ['volume', 3],
    ['qps', 3],
    ['rps', 3],
    ['queries per second', 3],
    ['requests per second', 3],
    ['predictions per second', 3],
    ['predictions per day', 3],
    ['predictions a day', 3],
    ['predictions a second', 3],
    ['request', 1],
    ['requests', 1],
    ['prediction', 1],
    ['predictions', 1],
    ['traffic', 2.5],
    ['throughput', 3],
    ['per second', 2],
    ['per day', 2],
    ['a day', 1],
    ['daily', 1],
    ['number of models', 3],
    ['how many models', 3],
    ['how many users', 3],
    ['active users', 3],
    ['size', 1.5],
    ['load', 1.5],
    ['plan for', 1],
    ['capacity', 2],
    ['rate', 1.5],
    ['users', 1],
    ['millions', 1.5],
    ['billion', 2],
    ['billions', 2],
    ['million', 1.5],
    ['mau', 3],
    ['dau', 3],
    ['monthly active', 3],
    ['daily active', 3],
    ['scoring traffic', 3],
  ],
  tenancy: [
    ['multi-tenant', 4],
    ['tenancy', 4],
    ['single team', 4],
    ['many teams', 4],
    ['every team', 4],
    ['all teams', 4],
    ['whole organisation', 3.5],
    ['whole organization', 3.5],
    ['across the company', 3.5],
    ['company-wide', 4],
    ['organisation', 2],
    ['organization', 2],
    ['product teams', 2.5],
    ['several teams', 3],
  ],
  peak: [
    ['peak', 4],
    ['peaks', 4],
    ['busiest', 4],
    ['spike', 4],
    ['spikes', 4],
    ['burst', 4],
    ['bursts', 4],
    ['black friday', 4],
    ['holiday', 2],
    ['maximum rate', 4],
    ['max rate', 4],
    ['highest', 2.5],
    ['worst case', 2],
    ['rush hour', 4],
  ],
  growth: [
    ['grow', 4],
    ['grows', 4],
    ['growing', 4],
    ['growth', 4],
    ['year over year', 4],
    ['year-over-year', 4],
    ['yoy', 4],
    ['next year', 3],
    ['in two years', 3],
    ['in a year', 3],
    ['expand', 2.5],
    ['expansion', 2.5],
    ['double', 2],
    ['doubling', 3],
    ['trajectory', 3],
    ['future scale', 4],
  ],
  latency: [
    ['latency', 3.5],
    ['latency budget', 3.5],
    ['p99 budget', 4],
    ['p99', 3],
    ['p95', 3],
    ['p50', 3],
    ['how fast', 2],
    ['fast', 1],
    ['millisecond', 3],
    ['milliseconds', 3],
    ['response time', 3.5],
    ['response times', 3.5],
    ['live', 1.5],
    ['precomputed', 2.5],
    ['pre-computed', 2.5],
    ['real time', 2.5],
    ['real-time', 2.5],
    ['how quickly', 2],
    ['quickly', 1],
    ['how long can', 2.5],
    ['how long does', 1.5],
    ['time out', 2],
    ['timeout', 2],
    ['slow', 1.5],
    ['speed', 1.5],
    ['synchronous', 2],
    ['instant', 2],
    ['instantly', 2],
    ['come back', 1.5],
    ['respond', 1.5],
    ['wait', 1.5],
    ['hold up', 1.5],
    ['online', 1],
    ['batch', 1.5],
    ['in time', 2.5],
    ['too late', 2.5],
    ['is late', 2],
  ],
  models: [
    ['model type', 3],
    ['model types', 3],
    ['kind of model', 3],
    ['kinds of model', 3],
    ['kinds of models', 3],
    ['type of model', 3],
    ['types of model', 3],
    ['types of models', 3],
    ['algorithm', 3],
    ['algorithms', 3],
    ['xgboost', 3],
    ['gradient boosted', 3],
    ['trees', 2],
    ['deep learning', 3],
    ['neural', 3],
    ['llm', 3],
    ['llms', 3],
    ['gpu', 2.5],
    ['cpu', 1.5],
    ['framework', 3],
    ['frameworks', 3],
    ['library', 2.5],
    ['libraries', 3],
    ['build their models with', 3],
    ['pytorch', 3],
    ['tensorflow', 3],
    ['sklearn', 3],
    ['scikit', 3],
    ['transformer', 2],
    ['architecture', 1.5],
    ['architectures', 1.5],
    ['model architecture', 3],
    ['model architectures', 3],
    ['model setup', 3],
    ['stages', 2],
    ['multiple stages', 3],
    ['single model', 2],
    ['model', 0.5],
    ['models', 0.5],
  ],
  'model-size': [
    ['model size', 4],
    ['size of the model', 4],
    ['size on disk', 4],
    ['how big is the model', 4],
    ['how large is the model', 4],
    ['artifact', 3],
    ['artifacts', 3],
    ['number of trees', 3],
    ['parameters', 2.5],
    ['gb', 2],
  ],
  hardware: [
    ['how many gpus', 4],
    ['gpu capacity', 4],
    ['gpu pool', 3],
    ['gpus do we have', 4],
    ['hardware', 3],
    ['how many machines', 4],
    ['how many nodes', 4],
    ['cluster size', 4],
    ['capacity do we have', 4],
    ['quota', 3],
  ],
  retraining: [
    ['retrain', 4],
    ['retraining', 4],
    ['retrained', 4],
    ['how often', 1.5],
    ['how frequently', 1.5],
    ['cadence', 3],
    ['refresh', 2.5],
    ['refreshed', 2.5],
    ['continuous training', 4],
    ['stale model', 3],
    ['new version', 2],
    ['redeploy', 2],
  ],
  consistency: [
    ['consistency', 3],
    ['consistent', 3],
    ['skew', 3],
    ['training and serving', 3],
    ['train and serve', 3],
    ['training serving', 3],
    ['point in time', 3],
    ['leakage', 3],
    ['leak', 3],
    ['freshness', 2.5],
    ['fresh', 2],
    ['stale', 2.5],
    ['staleness', 2.5],
    ['same feature', 2.5],
    ['same features', 2.5],
    ['same values', 2.5],
    ['match', 1.5],
    ['mismatch', 2.5],
    ['eventually', 2],
    ['eventual consistency', 3],
    ['out of date', 3],
    ['out-of-date', 3],
    ['outdated', 3],
    ['up to date', 2.5],
    ['same thing', 2.5],
    ['mean the same', 3],
    ['offline and online', 3],
    ['online and offline', 3],
    ['lag', 2.5],
    ['lags', 2.5],
    ['model version', 2.5],
    ['reproduce', 2.5],
  ],
  compliance: [
    ['compliance', 3],
    ['compliant', 3],
    ['regulation', 3],
    ['regulations', 3],
    ['regulatory', 3],
    ['regulator', 3],
    ['regulators', 3],
    ['audit', 3],
    ['gdpr', 3],
    ['hipaa', 3],
    ['pci', 3],
    ['privacy', 3],
    ['explainability', 3],
    ['explainable', 3],
    ['explain', 2.5],
    ['explanations', 3],
    ['legal', 3],
    ['governance', 3],
    ['approval', 2.5],
    ['approvals', 2.5],
    ['gates', 2.5],
    ['sign-off', 3],
    ['promotion', 2.5],
    ['promoted to prod', 3],
    ['promoted to production', 3],
    ['pii', 3],
    ['personal data', 3],
    ['security', 2],
    ['sensitive', 2],
    ['lineage', 2],
    ['fairness', 3],
    ['bias', 2],
    ['obligations', 2],
    ['rules', 1],
  ],
  region: [
    ['region', 4],
    ['multi-region', 4],
    ['residency', 4],
    ['data residency', 4],
    ['sovereignty', 4],
    ['keep data in', 3],
    ['stay in', 2.5],
    ['leave the country', 4],
    ['country', 3],
    ['countries', 3],
    ['eu', 3],
    ['europe', 3],
    ['european', 2],
    ['us only', 3],
    ['cross-border', 4],
    ['geography', 4],
    ['geographic', 4],
    ['located', 2],
    ['where is the data stored', 3],
    ['global', 2.5],
    ['globally', 2.5],
  ],
  infrastructure: [
    ['infrastructure', 3],
    ['infra', 3],
    ['existing', 2],
    ['today', 1],
    ['currently', 1.5],
    ['current', 1],
    ['stack', 2.5],
    ['tooling', 2.5],
    ['tools', 1.5],
    ['notebook', 2.5],
    ['notebooks', 2.5],
    ['deploy', 1.5],
    ['deployed', 1.5],
    ['deployment', 1.5],
    ['legacy', 3],
    ['migrate', 2],
    ['migration', 2],
    ['already run', 3],
    ['already have', 3],
    ['already use', 3],
    ['in place', 2],
    ['kubernetes', 2.5],
    ['integrate with', 2],
    ['what runs', 2],
    ['already running', 3],
    ['hook into', 2.5],
    ['serving stack', 3],
    ['use today', 3],
    ['used today', 3],
    ['train and ship', 3],
    ['train and deploy', 3],
    ['ship models', 2.5],
    ['how do teams deploy', 3],
  ],
  cloud: [
    ['cloud', 4],
    ['clouds', 4],
    ['aws', 4],
    ['gcp', 4],
    ['azure', 4],
    ['amazon', 3],
    ['google cloud', 4],
    ['on prem', 4],
    ['on-prem', 4],
    ['on premises', 4],
    ['on-premises', 4],
    ['own hardware', 4],
    ['own data centre', 4],
    ['own data center', 4],
    ['hosting', 1.5],
    ['hosted', 1.5],
    ['provider', 2.5],
    ['vendor', 1.5],
  ],
  team: [
    ['team', 3],
    ['teams', 1.5],
    ['how many teams', 3],
    ['how many engineers', 4],
    ['engineer', 2.5],
    ['engineers', 2.5],
    // "How many people will build it?" is the team; "support 500 people" is its users.
    ['people', 1.5],
    ['people will', 3],
    ['people building', 3],
    ['people to build', 3],
    ['data scientist', 3],
    ['data scientists', 3],
    ['staff', 2.5],
    ['headcount', 3],
    ['who will build', 3],
    ['who builds', 3],
    ['who will operate', 3],
    ['who operates', 3],
    ['who maintains', 3],
    ['skill', 2],
    ['skills', 2],
    ['experience', 1.5],
    ['ml engineer', 3],
    ['ml engineers', 3],
    ['on call', 2.5],
    ['on-call', 2.5],
    ['how long does it take', 1.5],
    ['time to production', 2.5],
    ['developer', 2],
    ['developers', 2],
    ['productivity', 2],
    // Groups of people who use the platform, not a group chat.
    ['how many groups', 3],
    ['groups use', 2.5],
    ['groups of data scientists', 3],
    ['build ml', 2.5],
    ['ship a model', 2.5],
    ['who is available', 3],
    ['build and run', 2.5],
    ['who will run', 3],
  ],
  'on-call': [
    ['on call', 4],
    ['on-call', 4],
    ['oncall', 4],
    ['pager', 3],
    ['paged', 3],
    ['rotation', 3],
    ['who gets paged', 4],
    ['incident response', 3],
  ],
  commitments: [
    ['contractual', 4],
    ['contract', 4],
    ['contracts', 4],
    ['advertiser', 3],
    ['advertisers', 3],
    ['sla with', 4],
    ['slas with', 4],
    ['penalty', 3],
    ['penalties', 3],
    ['customer sla', 4],
    ['customers sla', 4],
  ],
  availability: [
    ['availability', 3],
    ['available', 1],
    ['uptime', 3],
    ['downtime', 3],
    ['nines', 3],
    ['failover', 3],
    ['reliability', 3],
    ['reliable', 3],
    ['outage', 3],
    ['outages', 3],
    ['sla', 2.5],
    ['slo', 2.5],
    ['disaster', 3],
    ['redundancy', 3],
    ['go down', 2.5],
    ['goes down', 2.5],
    ['fail', 1.5],
    ['fails', 1.5],
    ['falls over', 2.5],
    ['still get', 2],
    ['fallback', 2.5],
    ['data centre', 2],
    ['data center', 2],
    ['tolerate', 1],
    ['tier', 2],
    ['tiers', 2],
    ['critical', 1.5],
  ],
  data: [
    ['data source', 3],
    ['data sources', 3],
    ['where does the data come from', 4],
    ['come from', 2],
    ['events', 1.5],
    ['event', 1.5],
    ['stream', 2],
    ['streaming', 2],
    ['storage', 1.5],
    ['stored', 1],
    ['warehouse', 2],
    ['data lake', 2],
    ['parquet', 2],
    ['dataset', 2],
    ['datasets', 2],
    ['ingest', 3],
    ['ingestion', 3],
    ['history', 2],
    ['historical', 2],
    ['retention', 3],
    ['how much data', 3],
    ['kind of data', 3],
    ['type of data', 3],
    ['types of data', 3],
    ['what data', 3],
    ['how many features', 3],
    ['feature catalogue', 3.5],
    ['feature catalog', 3.5],
    ['catalogue', 3],
    ['catalog', 3],
    ['clickstream', 3],
    ['candidates', 3],
    ['training datasets', 3],
    ['training sets', 3],
    ['records', 1.5],
    ['features', 1.5],
    ['feature', 1],
    ['arrive', 2],
    ['arrives', 2],
    ['data', 1],
  ],
  labels: [
    ['label', 3],
    ['labels', 3],
    ['labelled', 3],
    ['labeled', 3],
    ['ground truth', 4],
    ['how soon after', 3],
    ['how long after', 3],
    ['how long until', 3],
    ['how long til', 3],
    ['learn whether', 3],
    ['find out whether', 3],
    ['when do we find out', 3],
    ['find out if', 3],
    ['was actually', 2],
    ['was really', 2],
    ['find out that', 3],
    ['learn that', 3],
    ['learn', 2],
    ['really was', 2],
    ['actually was', 2],
    ['was fraud', 2.5],
    ['true outcome', 4],
    ['actual outcome', 4],
    ['outcome', 2.5],
    ['outcomes', 2.5],
    ['chargeback', 3],
    ['chargebacks', 3],
    ['feedback', 2.5],
    ['delayed', 2],
  ],
  budget: [
    ['budget', 4],
    ['cost', 3],
    ['costs', 3],
    ['money', 3],
    ['spend', 3],
    ['spending', 3],
    ['expensive', 3],
    ['cheap', 3],
    ['dollar', 3],
    ['dollars', 3],
    ['price', 2],
    ['afford', 3],
    ['finops', 3],
    ['hardware budget', 4],
    ['cost target', 4],
    ['costing', 3],
    ['savings', 3],
    ['save money', 3],
    ['pay', 3],
    ['pay for', 3.5],
    ['commercial', 2.5],
    ['licence', 3],
    ['licences', 3],
    ['license', 3],
    ['licenses', 3],
    ['free software', 2.5],
  ],
  timeline: [
    ['timeline', 3],
    ['project timeline', 4],
    ['delivery timeline', 4],
    ['deadline', 4],
    ['launch', 2.5],
    ['by when', 4],
    ['how long do we have', 4],
    ['mvp', 3],
    ['first version', 2.5],
    ['milestone', 3],
    ['delivery date', 4],
    ['how soon', 3],
    ['need to be live', 3.5],
    ['go live', 3.5],
    ['live by', 3.5],
    ['onboard', 2.5],
    ['onboarded', 2.5],
    ['fixed', 1.5],
    ['leadership', 1],
  ],
};

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

// The words of a guide's statements, gathered once per guide for every question asked.
const guideWords = new WeakMap<readonly { text: string }[], Set<string>>();

/** The words a question may be a typo of: the cues', and those of the brief and the guide, which are no typos ("hosts" is no "costs" in a guide that has hosts). */
function vocabulary(answers: Record<string, ScenarioAnswer>, known?: readonly { text: string }[]): Set<string> {
  cueWords ??= new Set(FACETS.flatMap((f) => (CUES[f.key] ?? []).flatMap(([phrase]) => words(phrase))).concat(words(COMMON_QUESTION_WORDS)));
  const out = new Set(cueWords);
  for (const a of Object.values(answers)) for (const w of words([a.answer, ...(a.asks ?? [])].join(' '))) out.add(w);
  if (known) {
    let own = guideWords.get(known);
    if (!own) guideWords.set(known, (own = new Set(known.flatMap((f) => words(f.text)))));
    for (const w of own) out.add(w);
  }
  return out;
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
}

const COMMON_QUESTION_WORDS =
  'what which who when where why how many much does do is are was were will would should could can the a an of to for in on at we our you your they it this that there any about need needs have has been be with from by or and already running training features feature models model predictions prediction latency data users requests team teams ' +
  // Words one letter from a cue that are words of their own ("sending" is not "spending").
  'sending pending ending blending';

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
  compiled ??= FACETS.flatMap((f) => (CUES[f.key] ?? []).map(([phrase, weight]) => ({ facet: f.key, keys: keysOf(phrase), weight })))
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
export function scoreFacets(question: string, answers: Record<string, ScenarioAnswer> = {}, typos = true, known?: readonly { text: string }[]): FacetScore[] {
  // A question typed in a hurry has typos; a guide's text read as written has none to
  // forgive ("pending" is no misspelt "spending", "lost" no "cost").
  const keys = keysOf(question, typos ? vocabulary(answers, known) : undefined);
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
export function classify(question: string, answers: Record<string, ScenarioAnswer> = {}, typos = true, known?: readonly { text: string }[]): string[] {
  const ranked = scoreFacets(question, answers, typos, known).filter((f) => f.score >= CONFIDENT);
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

/** How a statement of a user's guide is remembered as said, beside the facets given. */
export function saidKey(text: string): string {
  return `said:${text}`;
}

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
  /** Another facet whose fact of the brief the text gives too (the average with "not in the brief" for the peak). */
  also?: string;
  /** The facets a statement of the guide speaks of (a delivery target is latency), beside the one asked about. */
  about?: string[];
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
export type GuideFact = SearchableFact;

const ASKING = String.raw`(?:how|what|which|who|where|when|why|is|are|do|does|did|will|would|should|can|could|must|has|have)\b`;
const SECOND_QUESTION = new RegExp(String.raw`\?\s+(?=\S)|,?\s+(?:and|also|plus)\s+(?=${ASKING})`, 'i');

/** The questions one line asks: "Is E2EE required, and how many users?" is two. */
export function questionParts(question: string): string[] {
  const parts = question
    .split(SECOND_QUESTION)
    .map((p) => p.trim())
    .filter((p) => p.split(/\s+/).length >= 3);
  return parts.length > 1 ? parts : [question];
}

/**
 * What the interviewer says to a clarifying question: the brief's fact for each facet
 * asked about (marked when it is an assumption; "as I said" when already given);
 * "not in the brief" with what to assume for a facet the brief leaves out; and a nudge
 * to state an assumption when the question is about nothing the brief knows.
 */
export function reply(question: string, brief: Brief, given: ReadonlySet<string> = new Set()): InterviewerReply {
  // Two questions in one ("Is E2EE required, and how many users do we expect?"): each
  // gets its own answer from a user's guide, which answers one statement per question.
  const parts = brief.facts ? questionParts(question) : [question];
  if (parts.length > 1) {
    const replies = parts.map((p) => reply(p, brief, given));
    // Each line once; and no assumption about what another part was told from the guide
    // ("Real-time: <100ms" beside "Assume p99 in the low hundreds of milliseconds"), nor a
    // bare "state what you would assume" beside an answer.
    const all = replies.flatMap((r) => r.lines).filter((l, i, list) => list.findIndex((x) => x.text === l.text) === i);
    const told = new Set(all.filter((l) => !l.assumption).flatMap((l) => [l.facet, ...(l.about ?? [])]));
    const answered = all.some((l) => !l.assumption);
    const lines = all.filter((l) => !(l.assumption && l.facet && told.has(l.facet)) && !(answered && l.kind === 'unknown'));
    return { facets: [...new Set(replies.flatMap((r) => r.facets))], lines };
  }
  const facets = classify(question, brief.answers, true, brief.facts);
  // A user's guide: the statement that answers this question, wherever the guide says it,
  // found by the words the question meant ("latncy" is latency).
  if (brief.facts) {
    const known = vocabulary(brief.answers, brief.facts);
    const meant = question.replace(/[\p{L}]+/gu, (w) => corrected(w, known));
    const hit = searchFacts(question, brief.facts, facets) ?? (meant === question ? undefined : searchFacts(meant, brief.facts, facets));
    if (hit) {
      const facet = facets.find((f) => hit.fact.facets.includes(f)) ?? facets[0] ?? '';
      const repeat = given.has(saidKey(hit.fact.text));
      const about = hit.fact.facets.length > 0 ? { about: hit.fact.facets } : {};
      return { facets, lines: [{ facet, text: repeat ? `As I said: ${hit.fact.text}` : hit.fact.text, kind: repeat ? 'repeat' : 'fact', assumption: false, fromGuide: true, ...about }] };
    }
  }
  if (facets.length === 0) {
    return { facets, lines: [{ facet: '', text: `${NOT_IN_BRIEF}: state what you would assume, and move on.`, kind: 'unknown', assumption: true }] };
  }
  const lines = facets.map((key): ReplyLine => {
    // A user's guide answered above when it could: what is left is not in it.
    const [fact, facet] = brief.facts ? [undefined, key] : factFor(key, brief.answers);
    key = facet;
    if (fact && given.has(key)) return { facet: key, text: `As I said: ${fact.answer}`, kind: 'repeat', assumption: fact.assumption };
    if (fact) return { facet: key, text: fact.answer, kind: 'fact', assumption: fact.assumption, ...(fact.fromGuide ? { fromGuide: true } : {}) };
    const assume = brief.defaults?.[key] ?? assumeFor(key, brief.general);
    // "How many predictions a day at peak?": the brief has no peak, but it has the
    // average the general assumption multiplies; said with it, unless this reply gives
    // it anyway (a scenario's own default is a figure of its own).
    const base = facetOf(key);
    const parent = base?.ofParent && !brief.defaults?.[key] ? base.parent : undefined;
    const known = parent && !facets.includes(parent) ? brief.answers[parent] : undefined;
    if (parent && known) {
      const only = given.has(parent) ? 'only what I said' : 'only this';
      return { facet: key, text: `${NOT_IN_BRIEF}, ${only}: ${known.answer} ${assume}`, kind: 'off-brief', assumption: true, also: parent };
    }
    return { facet: key, text: `${NOT_IN_BRIEF}. ${assume}`, kind: 'off-brief', assumption: true };
  });
  return { facets, lines };
}
