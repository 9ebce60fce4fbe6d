// Pacing: the interview's phases with their minutes, and what each phase covers
// (which becomes its derived key points when the guide lists none). Read from a table
// (clock windows or durations), a timeline drawn in a code block or a box, or one
// heading per phase. A guide with two plans (45 and 60 minutes) keeps both; the mock
// takes the one that fits.
import type { Tokens } from 'marked';
import type { Phase } from '../model.js';
import { allBlocks, blockText, itemLabel, listItems, tableRows, type Block, type Node } from '../markdown.js';
import { phaseKey } from '../phases.js';
import { recaseShouted } from '../text.js';
import { type Ctx, type Recognizer, keepSection } from './context.js';
import { AVOID, optionName, plain, sentence } from './derive.js';

export const PACING_HEADING =
  /\bpacing\b|\d+[- ]min(ute)?s?\b.*\b(format|plan|guide|interview|breakdown|structure|timeline|flow)\b|time (allocation|management|budget|breakdown)|interview (timeline|structure)|\btimeline\b/i;

export const pacing: Recognizer = {
  part: 'pacing',
  yields: 'pacing',
  heading: PACING_HEADING,
  layouts: [
    { name: 'time-phase-table', example: '| Time | Phase | Focus | Key Points |\n| 0-5 min | Clarify | Scope | Scale, latency, workloads |' },
    {
      name: 'focus-table-with-phase-sections',
      example: '| Time | Phase | Focus |\n| 5-15 min | High-Level | Architecture, components |\n### Phase 2: High-Level Design (5-15 min)\n- Rider app → Gateway → Trip service',
    },
    { name: 'duration-table', example: '| Phase | Duration | Focus |\n| Requirements | 5 min | Scope |\n| High-Level Design | 10 min | Components |' },
    { name: 'clock-windows', example: '| 0:00–3:00 | Clarify |   or   | 0--5 min | Clarify |' },
    { name: 'duration-ranges', example: '| Requirements | 5–7 min |  (a duration range: its middle counts)' },
    { name: 'phase-subheadings', example: '### Minutes 0-5: Clarify Scope\n### Phase 2: High-Level Design (10 minutes)' },
    { name: 'code-block-timeline', example: '```\n[0-5 min] REQUIREMENTS\n  • Clarify scale\n[5-15 min] HIGH-LEVEL DESIGN\n```' },
    { name: 'boxed-phases', example: '│ Phase 1: Requirements & Clarification (5-7 min) │\n│ • Clarify scope │' },
    {
      name: 'timeline-under-reference-title',
      example: '# Search Ranking — Interview Quick Reference\n## 45-Minute Pacing\n```\n0–5: Scope (traffic? freshness?)\n5–15: Retrieval + ranking tiers\n```',
    },
    { name: 'two-plans', example: '### 45-Minute Plan\n| Time | Phase |\n### 60-Minute Plan\n| Time | Phase |' },
  ],
  read(node, ctx) {
    const plans = plansIn(node);
    if (plans.length > 0) adopt(plans, ctx);
    // Sub-sections may hold other parts (clarifying questions under "Minutes 0-5").
    ctx.walkChildren(node);
    if (plans.length === 0 && ctx.phaseHeadings.length === 0) keepSection(node, ctx);
  },
};

export const PHASE_HEADING = /^phase\s+\d+\s*[:.\-–]/i;

/** "Phase 1: Requirements (0-5 min)" anywhere in a guide is a phase of its plan. */
export const phaseHeadings: Recognizer = {
  part: 'phase',
  yields: 'pacing',
  heading: PHASE_HEADING,
  passThrough: true,
  layouts: [{ name: 'phase-heading', example: '## Phase 1: Requirements (0-5 min)' }],
  read(node, ctx) {
    const entry = entryFromHeading(node);
    if (!entry) return;
    const [phase] = planFrom([entry]);
    if (phase && entry.timing?.kind === 'window') ctx.phaseHeadings.push(phase);
  },
};

// ---- timing --------------------------------------------------------------------

type Timing = { kind: 'window'; start: number; end: number } | { kind: 'duration'; minutes: number };

const DASH = String.raw`\s*(?:-{1,2}|–|—|to)\s*`;
const CLOCK = new RegExp(String.raw`(\d{1,3}):(\d{2})${DASH}(\d{1,3}):(\d{2})`);
const RANGE = new RegExp(String.raw`(\d+(?:\.\d+)?)${DASH}(\d+(?:\.\d+)?)\s*(?:min(?:ute)?s?|m\b|')?`, 'i');
const SINGLE = /(?:~|about\s+)?(\d+(?:\.\d+)?)\s*(?:min(?:ute)?s?|m\b|')/i;

/**
 * The minutes a cell or heading gives: a window of the clock ("0-5 min", "0--5",
 * "0:00–3:00", "Minutes 5-15"), or a duration ("5 min", "5–7 min" as a range of
 * lengths when `durations` says the column holds lengths).
 */
export function timing(text: string, durations = false): Timing | undefined {
  const t = plain(text);
  const clock = CLOCK.exec(t);
  if (clock) {
    const start = Number(clock[1]) + Number(clock[2]) / 60;
    const end = Number(clock[3]) + Number(clock[4]) / 60;
    return end > start ? { kind: 'window', start, end } : undefined;
  }
  const range = RANGE.exec(t);
  if (range) {
    const a = Number(range[1]);
    const b = Number(range[2]);
    if (!(b > a) || b > 240) return undefined;
    return durations ? { kind: 'duration', minutes: (a + b) / 2 } : { kind: 'window', start: a, end: b };
  }
  const single = SINGLE.exec(t);
  if (single && Number(single[1]) > 0 && Number(single[1]) <= 120) return { kind: 'duration', minutes: Number(single[1]) };
  return undefined;
}

// ---- entries and plans -----------------------------------------------------------

interface Entry {
  name: string;
  /** The name with its subtitle ("Deep Dive — Funnel Engine"): a phase's name when another has its short name. */
  full?: string;
  timing?: Timing;
  focus: string;
  tips: string;
  /** What the guide says this phase covers: bullets, a key-points cell. */
  covers: string[];
}

/** "**1. CLARIFY & SCOPE**" → "Clarify & Scope"; "DEEP DIVE (Choose 1-2)" → "Deep Dive". */
export function phaseName(raw: string, subtitle = false): string {
  let n = plain(raw)
    .replace(/^(?:phase|step|stage)\s*\d+\s*[:.\-–]?\s*/i, '')
    .replace(/^(?:minutes?\s+)?\[?\d+(?:[.:]\d+)?\s*(?:-{1,2}|–|—|to)\s*\d+(?:[.:]\d+)?\s*(?:min(?:ute)?s?)?\]?\s*[:.\-–]?\s*/i, '')
    .replace(/\s*[([][^)\]]*(?:min|choose|pick|optional)[^)\]]*[)\]]\s*/gi, ' ')
    .replace(/\s*:\s*$/, '')
    // "Deep Dive --- Idempotency": a dash typed as two or three hyphens.
    .replace(/\s+-{2,3}\s+/g, ' — ')
    .trim();
  // "Deep Dive — Funnel Engine" is "Deep Dive", unless its subtitle is asked for.
  if (!subtitle) n = n.replace(/\s+[-–—]\s+.*$/, '');
  // "GSLB + ANYCAST" is shouted: "GSLB + Anycast", acronyms kept.
  if (n === n.toUpperCase() && /[A-Z]{3}/.test(n)) n = recaseShouted(n);
  return n;
}

/** A plan from entries: windows as they are when they chain from 0, else durations laid end to end. */
export function planFrom(entries: Entry[]): Phase[] {
  const named = entries.filter((e) => e.name && e.timing);
  // Two phases named alike ("Deep Dive — Funnel Engine", "Deep Dive — Retention") keep their subtitles.
  const alike = named.filter((e) => named.some((o) => o !== e && o.name === e.name));
  for (const e of alike) if (e.full) e.name = e.full;
  if (named.length === 0) return [];
  const windows = named.every((e) => e.timing!.kind === 'window');
  let at = 0;
  return named.map((e): Phase => {
    const t = e.timing!;
    let start: number;
    let end: number;
    if (windows && t.kind === 'window') {
      start = t.start;
      end = t.end;
    } else {
      const minutes = t.kind === 'duration' ? t.minutes : t.end - t.start;
      start = at;
      end = at + minutes;
    }
    at = end;
    const phase: Phase = { key: phaseKey(e.name), name: e.name, start: round(start), end: round(end), focus: e.focus, tips: e.tips, keyPoints: [] };
    if (e.covers.length > 0) phase.covers = e.covers;
    return phase;
  });
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Clock windows that overlap or leave gaps were durations after all ("5-7 min", "12-15 min"). */
function sane(plan: Phase[]): boolean {
  if (plan.length < 2) return false;
  for (let i = 1; i < plan.length; i++) if (plan[i]!.start < plan[i - 1]!.end - 0.01) return false;
  return plan[0]!.start <= 1 && plan.every((p) => p.end > p.start);
}

function fromTable(table: Block & Tokens.Table): Phase[] {
  const { header, rows } = tableRows(table);
  const col = (re: RegExp, not: number[] = []): number => header.findIndex((h, i) => !not.includes(i) && re.test(h));
  let phase = col(/phase|stage|step|section|activity|part\b|segment/i);
  const duration = col(/duration|length|how long|minutes\b/i);
  const time = col(/time|\bmin|when|window|clock/i, [duration]);
  if (phase < 0) phase = [0, 1].find((i) => i !== time && i !== duration) ?? -1;
  if (phase < 0 || (time < 0 && duration < 0)) return [];
  const used = [phase, time, duration];
  const points = col(/key ?points?|deliverables?|what to (cover|demonstrate|do)|demonstrat|evaluat|key actions?|activities|checklist|topics|cover|goals?\b|signals?/i, used);
  const focus = col(/focus|goal|what|objective|description|purpose|activity/i, [...used, points]);
  const tips = col(/tips?|advice|notes?|how/i, [...used, points, focus]);
  const entries: Entry[] = rows.map((r) => {
    const t = (time >= 0 ? timing(r[time] ?? '', false) : undefined) ?? (duration >= 0 ? timing(r[duration] ?? '', true) : undefined);
    const cover = [points >= 0 ? (r[points] ?? '') : '', points < 0 && focus >= 0 ? (r[focus] ?? '') : ''].filter(Boolean);
    // Deliverables become the phase's key points, not a tip that says them again.
    const tip = tips >= 0 ? r[tips] : '';
    return { name: phaseName(r[phase] ?? ''), ...(t ? { timing: t } : {}), focus: focus >= 0 ? sentence(r[focus] ?? '') : '', tips: sentence(tip ?? ''), covers: cover };
  });
  return saneOrLengths(entries);
}

/** The plan as written when its windows chain; else its windows were lengths ("5-7 min", "12-15 min"). */
function saneOrLengths(entries: Entry[]): Phase[] {
  const plan = planFrom(entries);
  if (sane(plan)) return plan;
  const lengths = planFrom(entries.map((e) => (e.timing?.kind === 'window' ? { ...e, timing: { kind: 'duration', minutes: (e.timing.start + e.timing.end) / 2 } } : e)));
  return sane(lengths) ? lengths : [];
}

// A timeline line: "[0-5 min] REQUIREMENTS", "0-5 min    CLARIFY & SCOPE",
// "Phase 1: Requirements & Clarification (5-7 min)", "Minutes 0-5: Clarify".
const LINE_WINDOW = /^\s*(?:minutes?\s+)?\[?(\d+(?:[.:]\d+)?\s*(?:-{1,2}|–|—|to)\s*\d+(?:[.:]\d+)?)\s*(?:min(?:ute)?s?|m)?\]?\s*[:|.\-–]?\s+(.{3,80})$/i;
const LINE_PHASE = /^\s*(?:phase|step|stage)\s*\d+\s*[:.\-–]\s*(.+?)\s*\(([^)]*\d[^)]*)\)\s*(?:[-–—].*)?$/i;

function fromLines(text: string): Phase[] {
  const entries: Entry[] = [];
  for (const raw of text.split('\n')) {
    // Box drawing and its padding are not text.
    const line = raw
      .replace(/[│┃║|]+/g, ' ')
      .replace(/[┌┐└┘├┤┬┴┼─━═╔╗╚╝╠╣╦╩╬+]{2,}/g, ' ')
      .trim();
    if (!line) continue;
    const w = LINE_WINDOW.exec(line);
    const p = w ? undefined : LINE_PHASE.exec(line);
    if (w && /[a-z]/i.test(w[2]!)) {
      // "0–5: Scope (experiments? client eval? regions?)": what is in brackets is what the phase covers.
      const bracket = /^(.+?)\s*\(([^)]{3,})\)\s*$/.exec(w[2]!);
      const aside = bracket && !/\b(?:min|choose|pick|optional)/i.test(bracket[2]!) ? bracket : undefined;
      const name = phaseName(aside ? aside[1]! : w[2]!);
      entries.push({ name, timing: timing(w[1]!)!, focus: '', tips: '', covers: aside ? [aside[2]!] : [] });
    } else if (p) {
      const t = timing(p[2]!, true) ?? timing(p[2]!);
      if (t) entries.push({ name: phaseName(p[1]!), timing: t.kind === 'window' ? { kind: 'duration', minutes: (t.start + t.end) / 2 } : t, focus: '', tips: '', covers: [] });
    } else if (entries.length > 0 && /^(?:[-*•▸►→]|\d+[.)])\s+\S/.test(line)) {
      entries[entries.length - 1]!.covers.push(line);
    } else if (entries.length > 0 && /^option\s+[a-z0-9]+\s*:/i.test(line)) {
      entries[entries.length - 1]!.covers.push(line.replace(/^option\s+[a-z0-9]+\s*:\s*/i, ''));
    }
  }
  return saneOrLengths(entries);
}

const NOT_FOCUS =
  /^(?:(?:strong|weak|good|bad|best|ideal|expected|sample|example|model)\s+(?:answers?|responses?|approach|candidates?)|(?:opening\s+)?prompt|follow-?up|probing questions?|red flags?|interviewer)\b/i;

/** A sub-heading that is a phase: "Minutes 0-5: Clarify", "Phase 1: Requirements (5 minutes)", "Clarify (0-5 min)". */
function entryFromHeading(node: Node): Entry | undefined {
  const h = node.heading.trim();
  const t = timing(h);
  if (!t) return undefined;
  const name = phaseName(h);
  if (!name || !/[a-z]/i.test(name)) return undefined;
  const paragraphs = node.blocks.filter((b) => b.type === 'paragraph').map((b) => blockText(b).trim());
  // A lead-in ("Ask these questions before designing:") is not the phase's focus, nor
  // an answer ("Strong answer: Partition-level storage…") or the interviewer's prompt;
  // "Objective:" only labels it.
  const focus = (paragraphs.find((p) => !/:\s*$/.test(p) && !NOT_FOCUS.test(p)) ?? '').replace(/^(?:objective|goal|focus|purpose)\s*:\s*/i, '');
  // What to avoid is not what the phase covers: "Common Mistakes to Avoid", "| Mistake | Why It's Wrong |".
  const topics = node.children.filter((c) => !AVOID.test(c.heading));
  // "**Option A: Retention Deep Dive**", "#### Option B: Path Analysis": the candidate picks one.
  const options: string[] = [];
  const option = (text: string): boolean => {
    const name = optionName(text);
    if (name) options.push(name);
    return name !== undefined;
  };
  // What one option holds is not what every answer covers: only its name counts.
  const parts = topics.filter((c) => !option(plain(c.heading)));
  const covers = [...node.blocks, ...parts.flatMap(allBlocks)].flatMap((b) => {
    // "1. **Draw the Architecture:**" over its bullets: the bullets say what is drawn.
    // "1. **Why Erlang?**" over the answer to it: the label is the topic.
    if (b.type === 'list') return listItems(b as unknown as Tokens.List).flatMap((i) => (i.details.length > 0 && /:\s*$/.test(i.text) ? i.details : [itemLabel(i.tokens) ?? i.text]));
    // "*On multi-tenancy:*" and "**Option A: Retention**" name a topic the phase covers.
    if (b.type === 'paragraph') {
      const parts = (b as Tokens.Paragraph).tokens.filter((t) => !(t.type === 'text' && /^[\s:]*$/.test(t.raw)));
      const emphasised = parts.length === 1 && (parts[0]!.type === 'em' || parts[0]!.type === 'strong');
      const text = blockText(b).trim();
      if (!emphasised || option(text)) return [];
      const label = /^on\s+(.{3,60}?)\s*:?$/i.exec(text);
      return label ? [label[1]!] : [];
    }
    if (b.type === 'table') {
      const { header, rows } = tableRows(b as unknown as Tokens.Table);
      // A topic table ("| Topic | What to Explain |"), not a table of questions to ask.
      if (header.some((c) => /question/i.test(c)) || AVOID.test(header[0] ?? '')) return [];
      return rows.map((r) => r[0] ?? '').filter(Boolean);
    }
    return [];
  });
  // "#### Message Delivery Pipeline": a sub-section is a topic of the phase.
  for (const c of parts) covers.push(plain(c.heading).replace(/^(?:step|stage)\s*\d{1,2}\s*[:.\-–]\s*/i, ''));
  if (options.length > 0) covers.unshift(options.length > 1 ? `Pick one: ${options.join(', ')}` : options[0]!);
  return { name, full: phaseName(h, true), timing: t, focus: sentence(focus.split('\n')[0] ?? ''), tips: '', covers };
}

function fromHeadings(node: Node): Phase[] {
  return saneOrLengths(node.children.map(entryFromHeading).filter((e): e is Entry => e !== undefined));
}

/** Every plan a pacing section holds: its tables, timelines in code, phase sub-headings. */
function plansIn(node: Node): Phase[][] {
  const plans: Phase[][] = [];
  const visit = (n: Node): void => {
    for (const b of n.blocks) {
      if (b.type === 'table') {
        const plan = fromTable(b as Block & Tokens.Table);
        if (plan.length >= 2) plans.push(plan);
      } else if (b.type === 'code' || b.type === 'paragraph') {
        const plan = fromLines(blockText(b));
        if (plan.length >= 2) plans.push(plan);
      }
    }
    const headed = fromHeadings(n);
    if (headed.length >= 2) plans.push(headed);
    for (const c of n.children) if (!entryFromHeading(c)) visit(c);
  };
  visit(node);
  return plans;
}

/** The plan nearest 45 minutes becomes the guide's pacing; others are kept beside it. */
function adopt(plans: Phase[][], ctx: Ctx): void {
  const total = (p: Phase[]): number => Math.max(...p.map((x) => x.end));
  const all = ctx.guide.pacing.length > 0 ? [ctx.guide.pacing, ...plans] : plans;
  const sorted = [...all].sort((a, b) => Math.abs(total(a) - 45) - Math.abs(total(b) - 45));
  ctx.guide.pacing = sorted[0]!;
  const others = sorted.slice(1).filter((p) => Math.abs(total(p) - total(sorted[0]!)) >= 1);
  if (others.length > 0) ctx.guide.altPlans = [...(ctx.guide.altPlans ?? []), ...others];
}
