// Phase key points from the guide's own sections, for phases its pacing says nothing
// checkable about (or a guide with no pacing at all): a "Functional Requirements" list
// is what Clarify finds out, "High-Level Architecture" what High-Level draws, the
// steps of a "Low-Level Design" what a deep dive covers, "Scaling Techniques" and
// "Failure Modes" what Scale & Trade-offs covers, a summary what Wrap Up recaps. What
// no section gives, a short default set says (each point marked derived).
import type { Tokens } from 'marked';
import type { KeyPoint } from '../model.js';
import { itemLabel, listItems, tableRows, type Node } from '../markdown.js';
import type { Ctx, Layout } from './context.js';
import { AVOID, optionName, plain, pointFrom, pointsFrom } from './derive.js';

export const layouts: Layout[] = [
  {
    name: 'topic-sections',
    example: '## Functional Requirements\n- Search hotels by city and dates\n## High-Level Architecture\n- API gateway, booking service\n## Scaling Techniques\n- Shard bookings by hotel',
  },
];

// Which phase a section's heading speaks of. Order matters: "Low-Level Design" is a
// deep dive before "design" makes it high-level.
const TOPICS: [RegExp, string][] = [
  [/deep[- ]?dive|low[- ]level|detailed design|data model|schema|algorithm|critical path|step[- ]by[- ]step|internals/i, 'deep-dive'],
  [/requirement|scope|clarif|capacity|estimat|assumption|constraint|use cases?|functional/i, 'clarify'],
  [/scal|bottleneck|failure|fault|reliab|availability|performance|resilien|disaster|trade-?off/i, 'scale'],
  [/high[- ]level|architecture|components?|overview|system design|data flow|how it works|api design|request flow/i, 'high-level'],
  [/summary|wrap|conclu|takeaway|extension|future|next steps|what (to|i'?d) (add|build) next/i, 'wrap-up'],
];

// Reference material speaks of no phase: "Real-World Reference Summary" lists companies.
const REFERENCE = /reference|real[- ]world|cheat ?sheet|glossary|resources|further reading|appendix|version history/i;

export function topicOf(heading: string): string | undefined {
  if (REFERENCE.test(heading)) return undefined;
  return TOPICS.find(([re]) => re.test(heading))?.[1];
}

/** The phrases a section offers as points: its list items, first table cells, sub-headings. */
function phrasesOf(node: Node): string[] {
  const out: string[] = [];
  for (const b of node.blocks) {
    if (b.type === 'list') out.push(...listItems(b as unknown as Tokens.List).map((i) => itemLabel(i.tokens) ?? i.text));
    else if (b.type === 'table') {
      const { header, rows } = tableRows(b as unknown as Tokens.Table);
      // Nor one of what a candidate first says ("| Initial Answer | Deep Dive Prompt |").
      if (header.some((h) => /question/i.test(h)) || AVOID.test(header[0] ?? '') || /answer|says|response/i.test(header[0] ?? '')) continue;
      out.push(...rows.map((r) => r[0] ?? ''));
    }
  }
  // "### Option A: Home Mixer", "### Option B: Celebrity Problem": the candidate picks one.
  const options: string[] = [];
  for (const c of node.children) {
    if (AVOID.test(c.heading)) continue;
    const heading = plain(c.heading);
    const option = optionName(heading);
    if (option) options.push(option);
    else out.push(heading.replace(/(.{3})\s+deep[- ]dive$/i, '$1').replace(/^(?:step|stage)\s*\d{1,2}\s*[:.\-–]\s*/i, ''));
  }
  // One point, made by any of them: "Home Mixer, Celebrity Problem, Search".
  if (options.length > 0) out.unshift(options.join(', '));
  return out.filter(Boolean);
}

/** Records what a section says about the phase its heading names (points are made only if needed). */
export function topicPoints(node: Node, ctx: Ctx): void {
  if (node.depth === 0) return;
  const key = topicOf(node.heading);
  if (!key) return;
  const have = ctx.topicPhrases.get(key) ?? [];
  if (have.length >= 20) return;
  ctx.topicPhrases.set(key, [...have, ...phrasesOf(node)]);
}

// Said in our own words: what any interviewer checks in each phase, when the guide
// gives nothing better.
const DEFAULTS: Record<string, string[]> = {
  clarify: [
    'Scale (users, requests per second, data volume) -- size the system before drawing it',
    'Latency target (p99, milliseconds, real-time or batch) -- the number that decides the design',
    'Core use cases (functional requirements, must-have features) -- what the system has to do',
    'Constraints (consistency, compliance, budget) -- what limits the choices',
  ],
  'high-level': [
    'Main components (services, stores, queues) -- name each box and why it is there',
    'Request path (data flow, read path, write path) -- walk one request through the boxes',
    'Storage choice (database, cache, object storage) -- which store for which data',
  ],
  'deep-dive': [
    'Data model (schema, keys, indexes) -- what is stored and how it is found',
    'Critical path (hot path, algorithm) -- the part that must be fast or correct',
    'Consistency (transactions, idempotency, ordering) -- what stays correct under concurrency',
  ],
  scale: [
    'Bottlenecks (hot spots, single point of failure) -- what breaks first as load grows',
    'Scaling out (sharding, replicas, autoscaling, caching) -- how capacity is added',
    'Failure handling (failover, retries, graceful degradation, fallback) -- what happens when a part fails',
    'Trade-offs (consistency vs availability, cost vs latency) -- what was given up and why',
  ],
  'wrap-up': ['Key decisions (summary, recap) -- restate the choices that shaped the design', 'Risks and next steps (extensions, future work, monitoring) -- what you would do with more time'],
};

function defaultPoint(text: string): KeyPoint {
  const [main, hint] = text.split(' -- ');
  const m = /^(.+?)\s*\((.+)\)$/.exec(main!);
  const label = m ? m[1]! : main!;
  const terms = [label, ...(m ? m[2]!.split(/,\s*/) : [])];
  return { label, terms, ...(hint ? { hint } : {}), derived: true };
}

/** Key points for a phase from what the guide's topic sections say of it (and, for Clarify, its questions to ask). */
export function topicSectionPoints(key: string, ctx: Ctx): KeyPoint[] {
  const fromGuide = pointsFrom(ctx.topicPhrases.get(key) ?? [], 5);
  if (key === 'clarify' && fromGuide.length < 3) {
    for (const q of ctx.guide.questionsToAsk.slice(0, 5 - fromGuide.length)) {
      const p = pointFrom(q.question.replace(/\?.*$/, ''));
      if (p) fromGuide.push(q.why ? { ...p, hint: q.why } : p);
    }
  }
  if (key === 'wrap-up' && fromGuide.length === 0 && ctx.guide.tradeoffs.length > 0) {
    fromGuide.push({ label: 'Trade-offs named', terms: ['trade-off', ...ctx.guide.tradeoffs.slice(0, 3).map((t) => t.title)], hint: 'say what you gave up and why', derived: true });
  }
  return fromGuide;
}

/** Key points for a phase: what the guide's sections say of it, else the defaults. */
export function fallbackPoints(key: string, ctx: Ctx): KeyPoint[] {
  const fromGuide = topicSectionPoints(key, ctx);
  if (fromGuide.length >= 2) return fromGuide;
  const defaults = (DEFAULTS[key] ?? []).map(defaultPoint);
  return [...fromGuide, ...defaults.filter((d) => !fromGuide.some((f) => f.label.toLowerCase() === d.label.toLowerCase()))].slice(0, 5);
}
