// Words as the judge sees them: tokens with their Porter stems, function words, and
// the domain's synonyms folded into one unit per concept, so that "as-of join",
// "point-in-time" and "the values as they stood at that moment" all read as #pit. Pure.
import { stemmer } from 'stemmer';

export interface Token {
  /** The word as written. */
  text: string;
  /** Lower case, Porter stem (numbers and short words as they are). */
  stem: string;
  start: number;
  end: number;
  /** A closed-class word: articles, pronouns, prepositions, auxiliaries, conjunctions. */
  fn: boolean;
}

/** A token after synonyms are folded: a stem, or a `#concept` that may span several tokens. */
export interface Unit {
  key: string;
  /** Index of the first and last token it covers. */
  from: number;
  to: number;
  fn: boolean;
}

// Closed-class English words: prose is 35-55% of these, a list of terms almost none.
const FUNCTION_WORDS = new Set(
  (
    'a an the this that these those and or but nor so yet of in on at to for with by from into onto over under about as than then if when whenever while ' +
    "because since unless until after before which who whom whose what where why how it its it's we our us you your they their them he she his her i me my " +
    'is are was were be been being am do does did doing have has had having will would shall should can could may might must not no there here each every ' +
    'any all some only also just very more most both either neither such own same other another through via per up out off again once too ' +
    "i'd i'll i'm we'd we'll we're we've they're don't doesn't isn't aren't won't can't let let's what's where's who's how's that's there's here's"
  ).split(' '),
);

// Words that carry a reason or a mechanism: a sentence with one explains "how" or "why".
const REASON_WORDS = new Set(
  'because so since therefore thus hence which that when whenever if unless until while whereas instead rather otherwise means meaning avoid avoids prevent prevents prevented ensure ensures keep keeps let lets allow allows enable enables by via through without before after then'.split(
    ' ',
  ),
);

export function isFunctionWord(word: string): boolean {
  return FUNCTION_WORDS.has(word.toLowerCase());
}

export function isReasonWord(word: string): boolean {
  return REASON_WORDS.has(word.toLowerCase());
}

// "100ms", "10x", "5min": a number and its unit are two words.
const NUMBER_UNIT = /^(\d+(?:[.,]\d+)?)([a-z%]{1,4})$/i;

// The same few thousand words are stemmed again and again while a plan is built and
// an answer scored: each is stemmed once (a plan for a mock stemmed words ~40,000 times).
const stems = new Map<string, string>();

/** Lower case and Porter stem; numbers, short words and abbreviations with digits stay as they are. */
export function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    const w = word.toLowerCase().replace(/['’]s$/, '');
    s = w.length <= 3 || /\d/.test(w) ? w : stemmer(w);
    if (stems.size < 100_000) stems.set(word, s);
  }
  return s;
}

/** Words of a text: letters and digits; hyphens, slashes and dots between them separate words. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const re = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const word = m[0];
    const unit = NUMBER_UNIT.exec(word);
    if (unit) {
      const n = unit[1]!;
      out.push({ text: n, stem: n, start: m.index, end: m.index + n.length, fn: false });
      out.push({ text: unit[2]!, stem: stem(unit[2]!), start: m.index + n.length, end: m.index + word.length, fn: false });
      continue;
    }
    out.push({ text: word, stem: stem(word), start: m.index, end: m.index + word.length, fn: FUNCTION_WORDS.has(word.toLowerCase()) });
  }
  return out;
}

// ---- synonyms ------------------------------------------------------------------

// One line per concept: phrases that say the same thing in an ML-platform interview.
// Both the key points and the answers are folded through this table, so a key point
// written with one phrase is found in an answer that uses another. Keep groups
// disjoint and specific: a phrase here is worth as much as the concept it names.
export const SYNONYMS: Record<string, string[]> = {
  pit: [
    'point in time',
    'point-in-time',
    'as-of join',
    'as of join',
    'asof join',
    'time travel',
    'time-travel',
    'as of the event',
    'as of event time',
    'at event time',
    'historical timestamp',
    'as it stood',
    'as they stood',
    'as it was at',
    'as they were at',
    'known at the time',
    'known at that time',
    'available at the time',
    'at the moment of',
    'values at the time',
  ],
  leak: [
    'leakage',
    'leak',
    'leaks',
    'leaked',
    'leaking',
    'lookahead',
    'look-ahead',
    'future data',
    'from the future',
    'seeing the future',
    'see the future',
    'peek into the future',
    'sneak in',
    'sneaks in',
    'bleed into',
    'bleeds into',
    'information from later',
    'data from later',
  ],
  skew: [
    'skew',
    'training-serving skew',
    'train-serve skew',
    'train/serve skew',
    'training/serving skew',
    'mismatch between training and serving',
    'differ between training and serving',
    'drift apart',
  ],
  replica: ['replica', 'replicas', 'replication', 'replicate', 'replicated', 'standby', 'standbys', 'hot standby', 'mirror', 'mirrored', 'redundant', 'redundancy', 'copies', 'second copy', 'spare'],
  failover: ['failover', 'fail over', 'fails over', 'failing over', 'switch over', 'switches over', 'promote a replica', 'promotes a replica', 'take over', 'takes over'],
  zone: ['availability zone', 'availability zones', 'zones', 'zone', 'multi-az', 'multi az', 'az', 'azs', 'separate racks'],
  datacenter: ['data centre', 'data center', 'data centres', 'data centers', 'datacenter', 'datacenters', 'dc', 'dcs'],
  fallback: [
    'fallback',
    'fall back',
    'falls back',
    'falling back',
    'default value',
    'default values',
    'default score',
    'backup model',
    'simpler model',
    'rules engine',
    'rule-based',
    'heuristic',
    'heuristics',
    'last known good',
  ],
  degrade: [
    'graceful degradation',
    'degrade gracefully',
    'degrades gracefully',
    'degrade',
    'degrades',
    'degraded',
    'degradation',
    'reduced accuracy',
    'lower accuracy',
    'less accurate',
    'worse prediction',
    'keep answering',
    'keeps answering',
  ],
  e2ee: [
    'e2ee',
    'end-to-end encryption',
    'end to end encryption',
    'end-to-end encrypted',
    'end to end encrypted',
    'encrypted end to end',
    'encrypted end-to-end',
    'e2e encryption',
    'e2e encrypted',
    'only the sender and recipient',
    'only sender and recipient',
    'only the sender and the recipient',
    'only the two ends',
    'server cannot read',
    "server can't read",
    'servers cannot read',
    "servers can't read",
  ],
  scale: ['scale', 'scaling', 'scalable', 'scalability', 'at scale', 'volume', 'volumes', 'data volume', 'traffic volume', 'throughput'],
  readheavy: [
    'read-heavy',
    'read heavy',
    'read-mostly',
    'read mostly',
    'mostly reads',
    'reads dominate',
    'more reads than writes',
    'reads for every write',
    'reads per write',
    'read/write ratio',
    'read-write ratio',
    'read to write ratio',
    'read:write ratio',
  ],
  writeheavy: ['write-heavy', 'write heavy', 'mostly writes', 'writes dominate', 'more writes than reads'],
  fresh: ['freshness', 'fresh', 'fresher', 'up to date', 'up-to-date', 'show up within', 'visible within'],
  multiregion: [
    'multi-region',
    'multi region',
    'multiple regions',
    'several regions',
    'many regions',
    'two regions',
    'three regions',
    'second region',
    'another region',
    'secondary region',
    'standby region',
    'each region',
    'every region',
    'across regions',
    'cross-region',
    'cross region',
    'geo-distributed',
    'geo-replicated',
    'geo-replication',
    'around the world',
    'across continents',
    'globally distributed',
  ],
  future: ['next steps', 'next step', 'future work', 'with more time', 'given more time', 'had more time', 'roadmap', 'extensions'],
  compaction: ['compaction', 'compactions', 'merge files', 'merging files', 'merges files', 'files are merged', 'merge sstables', 'merges sstables', 'merging sstables'],
  // Names of the trade and what they stand for: an answer may say either.
  sfu: ['sfu', 'sfus', 'selective forwarding unit', 'selective forwarding units', 'selective forwarding server', 'forwarding unit', 'forwarding server', 'forwarding servers'],
  mcu: ['mcu', 'mcus', 'multipoint control unit', 'multipoint control units', 'multipoint conferencing unit', 'mixing server', 'mixing servers'],
  cdc: ['cdc', 'change data capture', 'change-data-capture'],
  lsm: ['lsm', 'lsm tree', 'lsm-tree', 'lsm trees', 'log-structured merge', 'log structured merge', 'log-structured merge tree'],
  crdt: ['crdt', 'crdts', 'conflict-free replicated data type', 'conflict-free replicated data types', 'conflict free replicated data type', 'conflict free replicated data types'],
  cdn: ['cdn', 'cdns', 'content delivery network', 'content delivery networks', 'content distribution network'],
  hls: ['hls', 'http live streaming'],
  bloom: ['bloom filter', 'bloom filters', 'probabilistic filter', 'probabilistic filters', 'probabilistic set'],
  hll: ['hyperloglog', 'hll', 'hyper log log', 'cardinality sketch', 'cardinality sketches', 'approximate distinct count', 'approximate distinct counts'],
  vclock: ['vector clock', 'vector clocks', 'version vector', 'version vectors', 'per-node counters', 'per-node version counters'],
  breaker: ['circuit breaker', 'circuit breakers', 'circuit-breaker', 'breaker', 'stop calling', 'stops calling', 'trip the circuit'],
  autoscale: [
    'autoscaling',
    'auto-scaling',
    'auto scaling',
    'autoscale',
    'autoscaler',
    'autoscalers',
    'auto-scale',
    'scale out',
    'scales out',
    'scaling out',
    'scale up automatically',
    'add pods',
    'adds pods',
    'add replicas',
    'adds replicas',
    'add instances',
    'more pods',
    'more replicas',
    'horizontal scaling',
    'scale horizontally',
    'elastic',
    'elastically',
    'hpa',
    'horizontal pod autoscaler',
    'keda',
    'scale up',
    'scale-up',
    'scales up',
    'scaling up',
    'pod autoscaler',
  ],
  shed: [
    'load shedding',
    'shed load',
    'shed',
    'sheds',
    'shedding',
    'drop low-priority',
    'drop non-critical',
    'throttle',
    'throttling',
    'backpressure',
    'back pressure',
    'rate limit',
    'rate limiting',
    'reject excess',
    'least important',
    'lowest-priority',
    'lowest priority',
    'low-priority',
    'low priority',
    'lower-priority',
    'non-critical',
    'reject requests',
    'drop requests',
  ],
  coldstart: [
    'cold start',
    'cold starts',
    'cold-start',
    'warm-up',
    'warm up',
    'warmup',
    'warm pool',
    'pre-warm',
    'prewarm',
    'prewarmed',
    'model load time',
    'load time',
    'loading time',
    'time to load',
    'start slowly',
    'starts slowly',
    'slow to start',
    'slow start',
    'model loading',
    'load models quickly',
    'loading takes',
  ],
  cache: ['cache', 'caches', 'caching', 'cached', 'in-process cache', 'memoize', 'memoise', 'l1', 'l2'],
  registry: ['model registry', 'registry', 'model catalog', 'model catalogue', 'model repository', 'model store', 'versioned model store'],
  tracking: ['experiment tracking', 'experiment tracker', 'experiment tracking server', 'track experiments', 'tracks experiments', 'run tracking', 'metadata store', 'mlflow tracking'],
  orchestrator: [
    'orchestrator',
    'orchestration',
    'orchestrate',
    'orchestrates',
    'workflow scheduler',
    'workflow engine',
    'job scheduler',
    'scheduler',
    'dag',
    'dags',
    'airflow',
    'argo',
    'kubeflow pipelines',
    'dagster',
    'prefect',
  ],
  monitoring: ['monitoring', 'monitor', 'monitors', 'observability', 'dashboards', 'dashboard', 'alerting', 'alerts', 'alert'],
  drift: ['drift', 'drifts', 'drifting', 'distribution shift', 'data shift', 'concept shift', 'shift in distribution', 'distributions shift', 'evidently'],
  explain: [
    'explainability',
    'explainable',
    'explanation',
    'explanations',
    'explain',
    'reason codes',
    'reason code',
    'interpretable',
    'interpretability',
    'shap',
    'attributions',
    'feature attributions',
    'adverse action',
  ],
  audit: ['audit', 'audits', 'audit trail', 'audit log', 'audit logs', 'auditable', 'lineage', 'traceability', 'traceable', 'provenance', 'change log', 'who changed what'],
  compliance: [
    'compliance',
    'compliant',
    'regulation',
    'regulations',
    'regulatory',
    'regulator',
    'regulators',
    'regulated',
    'gdpr',
    'hipaa',
    'pci',
    'pci dss',
    'soc2',
    'soc 2',
    'ccpa',
    'legal requirements',
  ],
  privacy: ['pii', 'personal data', 'personally identifiable', 'privacy', 'sensitive data', 'data protection'],
  tenant: [
    'multi-tenant',
    'multi tenant',
    'multitenant',
    'multi-tenancy',
    'tenancy',
    'tenant',
    'tenants',
    'organization-wide',
    'organisation-wide',
    'company-wide',
    'org-wide',
    'every team',
    'all teams',
    'many teams',
    'single team',
    'one team only',
    'shared by teams',
    'companies share',
    'customers share',
    'tenants share',
    'share the system',
    'noisy neighbor',
    'noisy neighbors',
    'noisy neighbour',
    'noisy neighbours',
  ],
  stream: ['streaming', 'stream processing', 'stream', 'streams', 'event stream', 'kafka', 'flink', 'samza', 'kinesis', 'pub/sub'],
  batch: ['batch', 'batches', 'batched', 'nightly', 'daily job', 'daily jobs', 'scheduled job', 'scheduled jobs', 'offline job', 'offline jobs', 'batch job', 'batch jobs'],
  realtime: ['real-time', 'real time', 'realtime', 'synchronous', 'in the request path', 'on the request path', 'inline', 'online inference', 'online prediction', 'online predictions'],
  latency: [
    'latency',
    'latencies',
    'response time',
    'response times',
    'p99',
    'p95',
    'p999',
    'p50',
    'tail latency',
    'milliseconds',
    'millisecond',
    'ms',
    '99th percentile',
    '99th-percentile',
    '95th percentile',
    '95th-percentile',
    'round trip',
    'round-trip',
  ],
  budget: [
    'latency budget',
    'time budget',
    'ms budget',
    'per hop',
    'per-hop',
    'each hop',
    'every hop',
    'per step',
    'each step',
    'per stage',
    'each stage',
    'split the budget',
    'splits the budget',
    'break down the',
    'breakdown',
  ],
  define: [
    'defined once',
    'define once',
    'define it once',
    'defines once',
    'written once',
    'write once',
    'single definition',
    'one definition',
    'same definition',
    'shared definition',
    'one declaration',
    'declared once',
    'single source of truth',
    'one source of truth',
    'source of truth',
    'defined in one place',
    'define it in one place',
  ],
  dsl: ['dsl', 'domain-specific language', 'domain specific language', 'config-driven', 'configuration-driven'],
  featurestore: ['feature store', 'feature stores', 'feature platform', 'feature repository', 'feast', 'tecton', 'zipline', 'palette', 'hopsworks'],
  online: [
    'online store',
    'online feature store',
    'online stores',
    'serving store',
    'low-latency store',
    'key-value store',
    'key value store',
    'kv store',
    'hot store',
    'redis',
    'dynamodb',
    'cassandra',
    'bigtable',
    'aerospike',
  ],
  offline: [
    'offline store',
    'offline feature store',
    'offline stores',
    'historical store',
    'warehouse',
    'data warehouse',
    'data lake',
    'lake',
    'lakehouse',
    'parquet',
    'hive',
    'hdfs',
    's3',
    'bigquery',
    'snowflake',
    'delta lake',
    'iceberg',
    'columnar',
  ],
  serving: [
    'model serving',
    'serving layer',
    'serving platform',
    'serving system',
    'inference service',
    'inference server',
    'inference servers',
    'prediction service',
    'model server',
    'model servers',
    'kserve',
    'seldon',
    'bentoml',
    'triton',
    'torchserve',
    'tf serving',
    'tensorflow serving',
    'ray serve',
  ],
  training: ['distributed training', 'training cluster', 'training jobs', 'training job', 'kuberay', 'ray', 'horovod', 'training infrastructure'],
  gpu: ['gpu', 'gpus', 'accelerator', 'accelerators', 'cuda', 'tpu', 'tpus'],
  notebook: ['notebook', 'notebooks', 'jupyter', 'jupyterhub', 'redspot'],
  manual: ['manual', 'manually', 'by hand', 'hand-deployed', 'ad hoc', 'ad-hoc', 'copy by hand'],
  shard: ['shard', 'shards', 'sharding', 'sharded', 'partition', 'partitions', 'partitioned', 'partitioning', 'consistent hashing', 'hash ring', 'scatter keys', 'spread keys', 'key ranges'],
  queue: ['queue depth', 'queue length', 'queue size', 'backlog', 'pending requests', 'in-flight requests', 'requests in flight', 'concurrency', 'concurrent requests'],
  spike: ['spike', 'spikes', 'burst', 'bursts', 'surge', 'surges', 'black friday', 'holiday peak', 'traffic jump'],
  prescale: [
    'pre-scale',
    'prescale',
    'pre-scaled',
    'scale ahead',
    'scale in advance',
    'scale up in advance',
    'ahead of time',
    'pre-provision',
    'pre-provisioned',
    'capacity planning',
    'headroom',
    'spare capacity',
    'over-provision',
    'overprovision',
    'min replicas',
    'minimum replicas',
    'historical patterns',
  ],
  consistent: ['consistency', 'consistent', 'identical', 'exactly the same', 'the same values', 'same values', 'match exactly', 'matches exactly'],
  eventual: [
    'eventual consistency',
    'eventually consistent',
    'slightly stale',
    'a little stale',
    'stale is fine',
    'stale reads',
    'staleness',
    'slightly behind',
    'a little behind',
    'may be stale',
    'can be stale',
    'slightly out of date',
  ],
  strongc: [
    'strong consistency',
    'strongly consistent',
    'linearizable',
    'linearisable',
    'read your writes',
    'read-your-writes',
    'see the latest write',
    'sees the latest write',
    'latest write',
    'always current',
    'always-current',
    'linearizability',
  ],
  lambda: ['lambda architecture', 'batch and streaming', 'batch plus streaming', 'streaming and batch', 'batch and stream', 'two pipelines', 'dual path', 'dual pipeline'],
  rollback: ['rollback', 'roll back', 'rolls back', 'rolled back', 'revert', 'reverts', 'reverted'],
  rollout: [
    'canary',
    'canaries',
    'canary release',
    'shadow mode',
    'shadow traffic',
    'shadow',
    'a/b test',
    'a/b tests',
    'a/b testing',
    'ab test',
    'gradual rollout',
    'staged rollout',
    'blue-green',
    'blue/green',
    'progressive delivery',
  ],
  retrain: ['retrain', 'retrains', 'retrained', 'retraining', 'continuous training', 'refresh the model', 'refresh models'],
  compose: ['composition', 'compose', 'composed', 'composes', 'composable', 'composability', 'best-of-breed', 'best of breed', 'assemble', 'assembled', 'assembles', 'integrate open-source'],
  integrate: ['integration', 'integrations', 'integrate', 'integrating', 'glue', 'gluing', 'glue code', 'stitch', 'stitching', 'wire together', 'wiring together'],
  upgrade: ['upgrade cycles', 'upgrade cycle', 'upgrades', 'upgrade', 'release cadence', 'release cadences', 'release cycles', 'version churn'],
  stateless: ['stateless', 'no state', 'hold no state', 'holds no state', 'keep no state', 'keeps no state', 'no local state', 'share nothing', 'shared-nothing'],
  recap: [
    'recap',
    'summary',
    'in summary',
    'summarise',
    'summarize',
    'summarising',
    'summarizing',
    'to sum up',
    'sum up',
    'summing up',
    'wrapping up',
    'pulling it together',
    'pull it together',
    'to recap',
    'in short',
    'in one line',
  ],
  tradeoff: [
    'trade-off',
    'trade-offs',
    'tradeoff',
    'tradeoffs',
    'trade off',
    'trade offs',
    'at the cost of',
    'at the expense of',
    'in exchange for',
    'gave up',
    'give up',
    'sacrifice',
    'sacrificed',
    'balance',
    'balances',
    'compromise',
    'versus',
    'vs',
  ],
  oss: ['open-source', 'open source', 'oss'],
  tier: ['tier', 'tiers', 'tiering', 'tiered', 'criticality', 'priority class', 'priority classes'],
  packing: [
    'multi-model serving',
    'multi model serving',
    'model packing',
    'bin-packing',
    'bin packing',
    'pack models',
    'packs models',
    'co-locate',
    'colocate',
    'co-located',
    'modelmesh',
    'model mesh',
    'share servers',
    'shared servers',
    'many models per',
  ],
  serverless: ['serverless', 'scale to zero', 'scale-to-zero', 'scales to zero', 'knative'],
  kubernetes: ['kubernetes', 'k8s', 'kube'],
  failure: [
    'failure',
    'failures',
    'fails',
    'failed',
    'goes down',
    'go down',
    'went down',
    'is down',
    'falls over',
    'fall over',
    'fell over',
    'outage',
    'outages',
    'crash',
    'crashes',
    'crashed',
    'unavailable',
    'unreachable',
    'cannot be reached',
    "can't be reached",
    'dies',
    'died',
  ],
  reproduce: ['reproduce', 'reproduces', 'reproducible', 'reproducibility', 'reproducing', 'rebuild', 'rebuilds', 'recreate', 'recreates', 'bit for bit', 'bit-for-bit', 'replay', 're-run exactly'],
  spof: ['spof', 'single point of failure', 'single points of failure'],
  operator: ['kubernetes operator', 'operator', 'operators', 'custom resource', 'custom resources', 'crd', 'crds', 'reconcile', 'reconciler', 'control loop'],
};

/** A concept that is a kind of another: saying "eventually consistent" speaks to consistency. */
export const KIND_OF: Record<string, string> = { '#eventual': '#consistent', '#strongc': '#consistent' };

/** The concepts, compiled: first stem of a phrase -> phrases (as stems) and their concept. */
interface Phrase {
  stems: string[];
  concept: string;
}

let compiled: Map<string, Phrase[]> | undefined;

function phrases(): Map<string, Phrase[]> {
  if (compiled) return compiled;
  const map = new Map<string, Phrase[]>();
  for (const [concept, list] of Object.entries(SYNONYMS)) {
    for (const phrase of list) {
      const stems = tokenize(phrase).map((t) => t.stem);
      if (stems.length === 0) continue;
      const at = map.get(stems[0]!) ?? [];
      at.push({ stems, concept: `#${concept}` });
      map.set(stems[0]!, at);
    }
  }
  // Longest phrase first, so "latency budget" is #budget before "latency" is #latency.
  for (const list of map.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  compiled = map;
  return map;
}

/** The tokens with synonyms folded: each phrase of the table becomes one `#concept` unit. */
export function units(tokens: Token[]): Unit[] {
  const table = phrases();
  const out: Unit[] = [];
  for (let i = 0; i < tokens.length; ) {
    const candidates = table.get(tokens[i]!.stem);
    const hit = candidates?.find((p) => p.stems.every((s, j) => tokens[i + j]?.stem === s));
    if (hit) {
      out.push({ key: hit.concept, from: i, to: i + hit.stems.length - 1, fn: false });
      i += hit.stems.length;
      continue;
    }
    out.push({ key: tokens[i]!.stem, from: i, to: i, fn: tokens[i]!.fn });
    i++;
  }
  return out;
}

/** The content units of a short text (a term, a hint), function words dropped. */
export function contentKeys(text: string): string[] {
  return units(tokenize(text))
    .filter((u) => !u.fn)
    .map((u) => u.key);
}
