// The facets of a brief that a candidate asks about in Clarify (use case, scale,
// latency...): each with its label, the question that asks about it and what to assume
// when the brief is silent. A table and its lookups; the phrases a question is matched
// by are the interviewer's (./interviewer.ts), so the study sheet names facets without
// loading the matcher, its vocabulary or the judge. Pure.

export interface Facet {
  key: string;
  label: string;
  /** A narrower facet of this one: asking about it counts as asking about the parent. */
  parent?: string;
  /** A question that asks about it, named when a must-ask topic was skipped. */
  example: string;
  /** What to assume when the brief says nothing about it. */
  assume: string;
  /**
   * The assumption is a multiple of the parent's figure (a peak of the average, growth
   * of today's scale): when the brief leaves this facet out, the reply gives the
   * parent's fact with it, so that the multiple has something to multiply.
   */
  ofParent?: true;
}

export const FACETS: Facet[] = [
  {
    key: 'use-case',
    label: 'use case',
    example: 'What is the platform for: which workloads and which users?',
    assume: 'Take the workloads named in the prompt as the main ones, and say so.',
  },
  {
    key: 'scale',
    label: 'scale',
    example: 'How big is it: how many users, requests or predictions a day, and at peak a second?',
    assume: 'Pick numbers and say them out loud: a few hundred models and tens of millions of predictions a day is a fair default.',
  },
  {
    key: 'tenancy',
    label: 'who the platform serves',
    parent: 'use-case',
    example: 'Is the platform for one team or for every team in the company?',
    assume: 'Assume several teams share it, so plan for tenants, quotas and access control from the start.',
  },
  {
    key: 'peak',
    label: 'peak load',
    parent: 'scale',
    example: 'What is the peak rate, not just the average?',
    assume: 'Assume the peak is three to five times the average, and name the number you design for.',
    ofParent: true,
  },
  {
    key: 'growth',
    label: 'growth',
    parent: 'scale',
    example: 'How fast is it growing: what scale in a year or two?',
    assume: 'Assume traffic doubles in a year or two, and design so that a 10x step needs no rewrite.',
    ofParent: true,
  },
  {
    key: 'latency',
    label: 'latency',
    example: 'What latency does a request or prediction need: real time (p99 in milliseconds) or batch?',
    assume: 'Assume online predictions need p99 under 100 ms and everything else can run in batch.',
  },
  {
    key: 'models',
    label: 'models',
    example: 'Which kinds of models run: trees on CPU, deep models on GPU, LLMs?',
    assume: 'Assume a mix: mostly tabular models on CPU, a few deep models that want GPUs.',
  },
  {
    key: 'model-size',
    label: 'model size',
    parent: 'models',
    example: 'How big are the models: parameters, size on disk?',
    assume: 'Assume most models are small (megabytes) and a few deep models run to gigabytes.',
  },
  {
    key: 'hardware',
    label: 'hardware and capacity',
    parent: 'infrastructure',
    example: 'What hardware do we have: GPUs, nodes, quotas?',
    assume: 'Assume a modest shared GPU pool; justify any dedicated capacity.',
  },
  {
    key: 'retraining',
    label: 'retraining cadence',
    parent: 'models',
    example: 'How often are models retrained and redeployed?',
    assume: 'Assume daily or weekly retraining for most models, and say what would trigger an earlier one.',
  },
  {
    key: 'consistency',
    label: 'consistency',
    example: 'Do features have to match exactly between training and serving, and how fresh must they be?',
    assume: 'Assume training and serving must see the same feature values, computed as of prediction time.',
  },
  {
    key: 'compliance',
    label: 'compliance',
    example: 'Any regulatory, audit or explainability requirements?',
    assume: 'Assume every model change needs an audit trail and personal data stays protected; no stricter regime.',
  },
  {
    key: 'region',
    label: 'region and data residency',
    parent: 'compliance',
    example: 'Which regions, and must any data stay in one country?',
    assume: 'Assume one region to start, with no data-residency rule beyond the regulation already named.',
  },
  {
    key: 'infrastructure',
    label: 'current infrastructure',
    example: 'What runs today: cloud, Kubernetes, existing ML tooling?',
    assume: 'Assume one public cloud with Kubernetes available and no shared ML tooling yet.',
  },
  {
    key: 'cloud',
    label: 'cloud or on-premises',
    parent: 'infrastructure',
    example: 'Are we on a public cloud, and which one, or on our own hardware?',
    assume: 'Assume one public cloud provider with managed Kubernetes; name it if it changes a choice.',
  },
  {
    key: 'team',
    label: 'team',
    example: 'Who uses and who runs the platform: how many data scientists and platform engineers?',
    assume: 'Assume a small platform team of about five engineers serving a few dozen data scientists.',
  },
  {
    key: 'on-call',
    label: 'on-call',
    parent: 'team',
    example: 'Who is on call for the platform, and how big is the rotation?',
    assume: 'Assume the platform team carries the pager in a weekly rotation, with runbooks for the common failures.',
  },
  {
    key: 'commitments',
    label: 'external commitments',
    parent: 'availability',
    example: 'Are there contractual SLAs with customers or partners?',
    assume: 'Assume no contractual SLA beyond the availability target; say what you would promise.',
  },
  {
    key: 'availability',
    label: 'availability',
    example: 'What availability does serving need, and what may be down for a while?',
    assume: 'Assume 99.9% for online serving and feature lookups, less for training and tracking.',
  },
  {
    key: 'data',
    label: 'data',
    example: 'Where does the data come from, how fast does it arrive, and when do labels show up?',
    assume: 'Assume events arrive on a stream, history sits in object storage, and labels come later.',
  },
  {
    key: 'labels',
    label: 'labels and feedback',
    parent: 'data',
    example: 'When do labels arrive, and how do we learn the true outcome?',
    assume: 'Assume labels arrive late (days to weeks) and some never arrive; say how you would train around that.',
  },
  {
    key: 'budget',
    label: 'budget',
    example: 'Is there a budget or a cost target?',
    assume: 'Assume cost matters but is not the first constraint: justify big spends such as GPUs.',
  },
  {
    key: 'timeline',
    label: 'timeline',
    example: 'When does the first version have to ship?',
    assume: 'Assume a first version in about a quarter, then iterations.',
  },
];

const BY_KEY = new Map(FACETS.map((f) => [f.key, f]));

/**
 * The facets as asked of any system: a user's guide need not be about ML, so its
 * mock asks and assumes in general words. `null`: a facet only an ML platform has.
 */
const GENERAL: Record<string, { example?: string; assume?: string } | null> = {
  'use-case': { example: 'What is it for: which users, and which flows matter most?', assume: 'Take the flows named in the prompt as the main ones, and say so.' },
  scale: {
    example: 'How big is it: how many users and requests a day, and how many a second at peak?',
    assume: 'Pick numbers and say them out loud: the daily users and the peak requests a second you design for.',
  },
  tenancy: { example: 'Is it for one customer, or for many sharing it?', assume: 'Assume several tenants share it, so plan for isolation, quotas and access control from the start.' },
  latency: {
    example: 'What latency does a request need: p99 in milliseconds, or can it take seconds?',
    assume: 'Assume user-facing requests need p99 in the low hundreds of milliseconds and background work can take longer.',
  },
  models: null,
  'model-size': null,
  hardware: { example: 'What hardware or capacity do we have to work with?', assume: 'Assume ordinary cloud machines; justify anything special.' },
  retraining: null,
  consistency: {
    example: 'Which data must be strongly consistent, and where is eventual consistency fine?',
    assume: 'Assume what moves money or stock needs strong consistency and the rest can be eventually consistent; say which is which.',
  },
  compliance: { example: 'Any regulatory, audit or privacy requirements?', assume: 'Assume personal data stays protected and changes are audited; no stricter regime.' },
  region: { assume: 'Assume one region to start, with no data-residency rule.' },
  infrastructure: { example: 'Is it greenfield, or are there systems we must work with?', assume: 'Assume a greenfield system on one public cloud.' },
  cloud: { assume: 'Assume one public cloud provider; name it if it changes a choice.' },
  team: { example: 'Who builds and runs it: how big is the team?', assume: 'Assume a small team of about five engineers.' },
  'on-call': { example: 'Who is on call for it, and how big is the rotation?', assume: 'Assume the team carries the pager in a weekly rotation, with runbooks for the common failures.' },
  availability: { example: 'What availability does it need, and what may be down for a while?', assume: 'Assume 99.9% for the user-facing path, less for background jobs.' },
  data: { example: 'Where does the data come from, and how fast does it arrive?', assume: 'Assume events arrive on a stream and history sits in object storage.' },
  labels: null,
  budget: { assume: 'Assume cost matters but is not the first constraint: justify the big spends.' },
};

/** Whether a facet is asked of any system, not only of an ML platform. */
export function isGeneral(key: string): boolean {
  return GENERAL[key] !== null;
}

/** A question that asks about a facet, in ML-platform words or, for any system, general ones. */
export function askFor(key: string, general = false): string {
  return (general ? GENERAL[key]?.example : undefined) ?? BY_KEY.get(key)?.example ?? `Ask about ${key}.`;
}

/** What to assume when the brief says nothing of a facet. */
export function assumeFor(key: string, general = false): string {
  if (general && GENERAL[key] === null) return 'State what you would assume, and move on.';
  return (general ? GENERAL[key]?.assume : undefined) ?? BY_KEY.get(key)?.assume ?? 'State your assumption and move on.';
}

export function facetOf(key: string): Facet | undefined {
  return BY_KEY.get(key);
}

/** The must-ask topic a facet counts for: itself, or the facet it narrows. */
export function topicOf(key: string): string {
  return BY_KEY.get(key)?.parent ?? key;
}
