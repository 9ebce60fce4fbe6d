// Matching a clarifying question to the scenario's answer topics ("how many requests
// a second?" is `scale`), and what the interviewer says back. Pure.
import { stem } from '../guides/keypoints.js';
import type { ScenarioAnswer } from '../guides/model.js';

export interface Topic {
  key: string;
  label: string;
  /** Words and phrases that show a question is about the topic; [term, weight]. */
  terms: [string, number][];
  /** A question that asks about it, named when a must-ask topic was skipped. */
  example: string;
  /** What to assume when the scenario gives no answer. */
  assume: string;
}

// Weights: a word that names the topic outright counts 2, a word that often goes with
// it counts 1, a generic opener ("how many", "today") 0.5 so that a more specific
// word elsewhere in the question wins.
export const TOPICS: Topic[] = [
  {
    key: 'use-case',
    label: 'use case',
    terms: [['use case', 2], ['use-case', 2], ['workload', 2], ['problem', 1], ['purpose', 2], ['goal', 1], ['business', 1], ['what for', 1], ['what is it for', 2], ['what is this for', 2], ['platform for', 1], ['used for', 2], ['application', 1], ['product', 1], ['user', 0.5], ['who use', 1], ['primary', 0.5], ['fraud', 1], ['recommendation', 1], ['credit', 1], ['ranking', 1], ['type of prediction', 2], ['kind of prediction', 2]],
    example: 'What is the platform for: which workloads and which users?',
    assume: 'Take the workloads named in the prompt as the main ones, and say so.',
  },
  {
    key: 'scale',
    label: 'scale',
    terms: [['scale', 2], ['how many', 0.5], ['how much', 0.5], ['how big', 1], ['volume', 2], ['qps', 2], ['rps', 2], ['queries per second', 2], ['requests per second', 2], ['request', 1], ['prediction', 1], ['traffic', 2], ['throughput', 2], ['per second', 1], ['per day', 1], ['a day', 0.5], ['daily', 1], ['number of model', 2], ['how many user', 2], ['active user', 2], ['size', 1], ['load', 1], ['growth', 1], ['peak', 1]],
    example: 'How big is it: how many models, how many predictions a day or a second?',
    assume: 'Pick numbers and say them out loud: a few hundred models and tens of millions of predictions a day is a fair default.',
  },
  {
    key: 'latency',
    label: 'latency',
    terms: [['latency budget', 4], ['latency', 2], ['how fast', 2], ['fast', 1], ['millisecond', 2], ['ms', 1], ['p99', 2], ['p95', 2], ['p50', 2], ['response time', 2], ['real time', 2], ['realtime', 2], ['real-time', 2], ['online', 1], ['batch', 1], ['slow', 1], ['timeout', 2], ['speed', 1], ['synchronous', 1]],
    example: 'What latency does a prediction need: real time (p99 in milliseconds) or batch?',
    assume: 'Assume online predictions need p99 under 100 ms and everything else can run in batch.',
  },
  {
    key: 'models',
    label: 'models',
    terms: [['model type', 2], ['kind of model', 2], ['type of model', 2], ['algorithm', 2], ['xgboost', 2], ['gradient', 1], ['tree', 1], ['deep learning', 2], ['neural', 2], ['llm', 2], ['gpu', 2], ['cpu', 1], ['framework', 2], ['pytorch', 2], ['tensorflow', 2], ['sklearn', 2], ['transformer', 2], ['model size', 2], ['model', 0.5]],
    example: 'Which kinds of models run: trees on CPU, deep models on GPU, LLMs?',
    assume: 'Assume a mix: mostly tabular models on CPU, a few deep models that want GPUs.',
  },
  {
    key: 'consistency',
    label: 'consistency',
    terms: [['consistency', 2], ['consistent', 2], ['skew', 2], ['training serving', 2], ['train serve', 2], ['training and serving', 2], ['point in time', 2], ['point-in-time', 2], ['same feature', 2], ['feature definition', 2], ['leakage', 2], ['leak', 2], ['freshness', 2], ['fresh', 1], ['stale', 2], ['feature', 0.5]],
    example: 'Do features have to match exactly between training and serving, and how fresh must they be?',
    assume: 'Assume training and serving must see the same feature values, computed as of prediction time.',
  },
  {
    key: 'compliance',
    label: 'compliance',
    terms: [['compliance', 2], ['compliant', 2], ['regulation', 2], ['regulatory', 2], ['regulator', 2], ['audit', 2], ['gdpr', 2], ['hipaa', 2], ['pci', 2], ['privacy', 2], ['explainab', 2], ['explainable', 2], ['explain', 1], ['legal', 2], ['governance', 2], ['pii', 2], ['security', 1], ['sensitive', 1], ['lineage', 1], ['fairness', 2], ['bias', 1]],
    example: 'Any regulatory, audit or explainability requirements?',
    assume: 'Assume every model change needs an audit trail and personal data stays protected; no stricter regime.',
  },
  {
    key: 'infrastructure',
    label: 'infrastructure',
    terms: [['infrastructure', 2], ['infra', 2], ['existing', 1], ['today', 0.5], ['currently', 0.5], ['current', 0.5], ['cloud', 2], ['aws', 2], ['gcp', 2], ['azure', 2], ['kubernetes', 2], ['k8s', 2], ['on prem', 2], ['on-prem', 2], ['stack', 1], ['tooling', 1], ['tool', 1], ['notebook', 2], ['deploy', 1], ['legacy', 2], ['migration', 1]],
    example: 'What runs today: cloud, Kubernetes, existing ML tooling?',
    assume: 'Assume one public cloud with Kubernetes available and no shared ML tooling yet.',
  },
  {
    key: 'team',
    label: 'team',
    terms: [['team', 2], ['engineer', 2], ['people', 2], ['data scientist', 2], ['staff', 2], ['headcount', 2], ['who will', 1], ['who build', 1], ['who operate', 1], ['skill', 1], ['experience', 1], ['ml engineer', 2]],
    example: 'Who uses and who runs the platform: how many data scientists and platform engineers?',
    assume: 'Assume a small platform team of about five engineers serving a few dozen data scientists.',
  },
  {
    key: 'availability',
    label: 'availability',
    terms: [['availability', 2], ['available', 2], ['uptime', 2], ['downtime', 2], ['nines', 2], ['99', 1], ['failover', 2], ['reliability', 2], ['reliable', 2], ['outage', 2], ['sla', 1], ['slo', 1], ['disaster', 2], ['redundan', 2], ['fault', 1], ['go down', 1]],
    example: 'What availability does serving need, and what may be down for a while?',
    assume: 'Assume 99.9% for online serving and feature lookups, less for training and tracking.',
  },
  {
    key: 'data',
    label: 'data',
    terms: [['data', 1], ['event', 1], ['stream', 2], ['streaming', 2], ['kafka', 2], ['label', 2], ['storage', 1], ['source', 1], ['warehouse', 2], ['lake', 2], ['parquet', 2], ['s3', 2], ['dataset', 2], ['ingest', 2], ['history', 1], ['retention', 2], ['how much data', 2]],
    example: 'Where does the data come from, how fast does it arrive, and when do labels show up?',
    assume: 'Assume events arrive on a stream, history sits in object storage, and labels come later.',
  },
  {
    key: 'budget',
    label: 'budget',
    terms: [['budget', 2], ['cost', 2], ['money', 2], ['spend', 2], ['expensive', 2], ['cheap', 2], ['dollar', 2], ['price', 2], ['pricing', 2], ['afford', 2], ['finops', 2]],
    example: 'Is there a budget or a cost target?',
    assume: 'Assume cost matters but is not the first constraint: justify big spends such as GPUs.',
  },
];

export function topicOf(key: string): Topic | undefined {
  return TOPICS.find((t) => t.key === key);
}

function tokens(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map(stem);
}

interface CompiledTerm {
  topic: string;
  words: string[];
  weight: number;
}

const COMPILED: CompiledTerm[] = TOPICS.flatMap((t) => t.terms.map(([term, weight]) => ({ topic: t.key, words: tokens(term), weight })))
  // Longer phrases first, so "data scientist" is a team word before "data" is a data word.
  .sort((a, b) => b.words.length - a.words.length);

/** A term matches a word by its stem, or by prefix when the term is a stem like "explainab". */
function same(word: string, term: string): boolean {
  return word === term || (term.length >= 6 && word.startsWith(term));
}

/**
 * The topics a question is about, best first: the best one always (when any word
 * matched), others when they are clearly asked about too.
 */
export function matchTopics(question: string): string[] {
  const words = tokens(question);
  const used = new Array<boolean>(words.length).fill(false);
  const score = new Map<string, number>();
  for (const term of COMPILED) {
    const n = term.words.length;
    if (n === 0) continue;
    for (let i = 0; i + n <= words.length; i++) {
      let hit = true;
      for (let j = 0; j < n; j++) {
        if (used[i + j] || !same(words[i + j]!, term.words[j]!)) {
          hit = false;
          break;
        }
      }
      if (!hit) continue;
      for (let j = 0; j < n; j++) used[i + j] = true;
      score.set(term.topic, (score.get(term.topic) ?? 0) + term.weight);
    }
  }
  const ranked = [...score.entries()].sort((a, b) => b[1] - a[1] || order(a[0]) - order(b[0]));
  if (ranked.length === 0) return [];
  const best = ranked[0]![1];
  // A second topic needs a word that names it ("scale and latency?"), not one that
  // merely goes with it ("a fraud score's latency" is not a use-case question).
  return ranked.filter(([, s], i) => i === 0 || (s >= 2 && s >= best / 2)).map(([k]) => k);
}

function order(key: string): number {
  const i = TOPICS.findIndex((t) => t.key === key);
  return i < 0 ? TOPICS.length : i;
}

/** True for a line that asks something rather than states it. */
export function isQuestion(line: string): boolean {
  const t = line.trim().toLowerCase();
  return t.endsWith('?') || /^(what|which|who|whom|whose|when|where|why|how|is|are|was|were|do|does|did|can|could|should|would|will|shall|may|must|have|has|any|tell me|i'd like to know|i want to know)\b/.test(t);
}

export interface InterviewerReply {
  topics: string[];
  /** One line per topic the question is about. */
  /** `fallback`: the scenario has nothing on the topic; `text` is coach's own default. */
  lines: { topic: string; text: string; assumption: boolean; fallback?: boolean }[];
}

/**
 * What the interviewer says to a clarifying question: the scenario's answer for each
 * topic, marked when it is an assumption; a default assumption when the scenario has
 * none; a nudge to state an assumption when no topic matches.
 */
export function reply(question: string, answers: Record<string, ScenarioAnswer>): InterviewerReply {
  const topics = matchTopics(question);
  if (topics.length === 0) {
    return {
      topics,
      lines: [{ topic: '', text: "I don't have more on that: state what you would assume and move on.", assumption: true, fallback: true }],
    };
  }
  const lines = topics.map((key) => {
    const given = answers[key];
    if (given) return { topic: key, text: given.answer, assumption: given.assumption };
    return { topic: key, text: topicOf(key)?.assume ?? 'State an assumption and move on.', assumption: true, fallback: true };
  });
  return { topics, lines };
}
