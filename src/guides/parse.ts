// Markdown with front matter in, a typed guide (or scenario) out. Pure: no file
// system, no terminal. This is the walk over a guide's sections: each section goes to
// the recognizer of its part (src/guides/recognizers/, one module per part, each
// naming the layouts it reads; docs/guide-format.md lists them all); whatever no
// recognizer takes stays as a plain section.
import { statementsOf } from './statements.js';
import { readFrontMatter } from './front-matter.js';
import { OverBudget } from './budget.js';
import type { AskQuestion, Guide, KeyPoint, Phase, PhaseKey, Problem, Scenario } from './model.js';
import { PHASE_KEYS } from './model.js';
import { emptyGuide } from './model.js';
import { blocksText, sectionTree, type Node } from './markdown.js';
import { alnumRuns, mixedCaseSpellings, recaseShouted, sanitize, slug, TEXT_ITEM, titleWord } from './text.js';
import { parseScenario } from './scenario.js';
import type { Ctx } from './recognizers/context.js';
import { UniqueIds, uniqueIds } from './recognizers/context.js';
import { recognizerFor } from './recognizers/index.js';
import { leadInNumbers, numbers, numbersWithin } from './recognizers/numbers.js';
import { openingPrompt, settleOpeningPrompt } from './recognizers/mock-prompts.js';
import { collectQuestions, isQuestionBlock } from './recognizers/bank.js';
import { deriveKeyPoints, inlineTraps, qaTraps } from './recognizers/traps.js';
import { keyTradeoffTables } from './recognizers/tradeoffs.js';
import { clarifyTables } from './recognizers/questions.js';
import { fallbackPoints, topicOf, topicPoints, topicSectionPoints } from './recognizers/phase-topics.js';
import { generic, pointsFrom, splitItems } from './recognizers/derive.js';
import { STANDARD_PLAN } from './phases.js';

export type Parsed = { kind: 'guide'; guide: Guide; problems: Problem[] } | { kind: 'scenario'; scenario: Scenario; problems: Problem[] } | { kind: 'error'; problems: Problem[] };

export interface ParseOptions {
  path: string;
  bundled?: boolean;
  /** Keep every statement of the guide (./statements.ts), for a mock made from it: not cached. */
  statements?: boolean;
}

const GENERIC_FILE = /^(\d+[-_. ]*)*(interview[-_ ]?guide|guide|readme|index|notes?|content)$/i;
const GENERIC_TITLE = /^(ml )?(system design )?(interview )?(guide|notes|readme|index)$/i;

/** "api-gateway-design" → "API Gateway Design": a title from an id, acronyms kept. */
export function titleFromId(id: string, spelling?: (lower: string) => string | undefined): string {
  return id
    .split('-')
    .filter(Boolean)
    .map((w) => titleWord(w, spelling))
    .join(' ');
}

/** The title an H1 gives, without "Interview Guide", its numbering or dashes; undefined when nothing is left. */
export function titleFromHeading(heading: string, spelling?: (lower: string) => string | undefined): string | undefined {
  const t = heading
    .trim()
    .replace(/^\d+(?:\.\d+)*[.)]?\s*/, '')
    .replace(/^[-–—:|]\s*/, '')
    .replace(/^(?:(?:ml|system design)\s+)?interview guide\s*(?:[-–—:|]+\s*|$)/i, '')
    .replace(/\s*[-–—:|]*\s*(?:(?:ml|system design)\s+)?(?:interview\s+(?:guide|quick reference|cheat ?sheet|prep)|quick reference(?: card)?|cheat ?sheet)\s*$/i, '')
    .trim();
  if (!t || GENERIC_TITLE.test(t) || !/[a-z]/i.test(t)) return undefined;
  // "FEATURE FLAG & EXPERIMENTATION PLATFORM" is shouted, not a name: words in capitals
  // read as a title, acronyms kept.
  if (!/[a-z]/.test(t) && /[A-Z]{4}/.test(t)) return recaseShouted(t, spelling);
  return t;
}
const ID = /^[a-z0-9][a-z0-9-]*$/;

/** The id a file gets when its front matter names none. */
export function idFromPath(path: string): string {
  const parts = path.split(/[\\/]/).filter(Boolean);
  const file = (parts[parts.length - 1] ?? 'guide').replace(/\.(md|markdown|txt)$/i, '');
  const folder = parts[parts.length - 2];
  // A folder such as "3.5-uber-michelangelo" loses its numbering; a file name keeps it.
  if (GENERIC_FILE.test(file) && folder) return slug(folder.replace(/^\d+([._-]\d+)*[-_. ]+(?=[a-z])/i, '')) || slug(folder);
  return slug(file) || 'guide';
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** Parses one file's text. Never throws: problems come back with file and line. */
export function parseGuideText(source: string, options: ParseOptions): Parsed {
  const path = options.path;
  const problems: Problem[] = [];
  const error = (message: string, line?: number): Parsed => ({
    kind: 'error',
    problems: [...problems, { path, severity: 'error', message, ...(line ? { line } : {}) }],
  });
  let text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const clean = sanitize(text);
  if (clean.removed > 0) {
    problems.push({
      path,
      line: clean.firstLine,
      severity: 'warning',
      message: `removed ${clean.removed} control character(s) or terminal escape sequence(s)`,
    });
    text = clean.text;
  }

  // Front matter: YAML only. Another language (---js, ---coffee...) is code, and
  // guide files are untrusted, so it is refused before any parser sees it.
  let data: Record<string, unknown> = {};
  let body = text;
  let bodyLine = 1;
  const open = /^---[ \t]*([A-Za-z]*)[ \t]*\n/.exec(text);
  if (open) {
    const language = open[1]!.toLowerCase();
    if (language && language !== 'yaml' && language !== 'yml') {
      return error(`front matter in '${language}' is not allowed: coach reads YAML front matter only and never runs code from a guide`, 1);
    }
    const close = /\n---[ \t]*(\n|$)/.exec(text.slice(open[0].length - 1));
    if (!close) return error('front matter opened with --- on line 1 is never closed with a --- line', 1);
    const end = open[0].length - 1 + close.index + close[0].length;
    try {
      // The front matter block only (gray-matter scans all it is given); the body goes
      // to the lexer. Values come back cleaned of control characters (front-matter.ts).
      const parsed = readFrontMatter(text.slice(0, end));
      const value: unknown = parsed.data;
      if (parsed.removed > 0) problems.push({ path, line: 1, severity: 'warning', message: `removed ${parsed.removed} control character(s) or terminal escape sequence(s) from the front matter` });
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) data = value as Record<string, unknown>;
      else return error('front matter must be a YAML mapping (key: value lines)', 2);
      body = text.slice(end);
      bodyLine = lineOf(text, end);
    } catch (e) {
      if (e instanceof OverBudget) throw e;
      const mark = (e as { mark?: { line?: number } }).mark;
      const reason = ((e as { reason?: string }).reason ?? (e as Error).message).split('\n')[0];
      return error(`invalid YAML in front matter: ${reason}`, mark?.line !== undefined ? mark.line + 1 : 1);
    }
  }
  const str = (key: string): string | undefined => {
    const v = data[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string' || typeof v === 'number') return String(v).trim();
    problems.push({ path, line: 1, severity: 'error', message: `front matter '${key}' should be text, found ${Array.isArray(v) ? 'a list' : typeof v}` });
    return undefined;
  };
  const list = (key: string): string[] => {
    const v = data[key];
    if (v === undefined || v === null) return [];
    if (Array.isArray(v)) return v.map((x) => String(x).trim()).filter(Boolean);
    if (typeof v === 'string')
      return v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
    problems.push({ path, line: 1, severity: 'error', message: `front matter '${key}' should be a list of words` });
    return [];
  };

  const tree = sectionTree(body, bodyLine);
  const explicitId = str('id');
  if (explicitId !== undefined && !ID.test(explicitId)) {
    problems.push({ path, line: 1, severity: 'error', message: `id '${explicitId}' should use lower-case letters, digits and dashes only` });
  }
  const id = explicitId && ID.test(explicitId) ? explicitId : idFromPath(path);

  if (str('kind') === 'scenario') {
    const scenario = parseScenario({ data, tree, id, path, bundled: options.bundled ?? false, problems, str, list });
    if (problems.some((p) => p.severity === 'error')) return { kind: 'error', problems };
    return { kind: 'scenario', scenario, problems };
  }

  // The guide's own spelling of words it writes in mixed case, for titles read off shouted text.
  let spellings: Map<string, string> | undefined;
  const spelling = (lower: string): string | undefined => (spellings ??= mixedCaseSpellings(body)).get(lower);
  const h1 = tree.children.find((n) => n.depth === 1);
  const headingTitle = h1 ? titleFromHeading(h1.heading, spelling) : undefined;
  const cardTags = data['cards'] && typeof data['cards'] === 'object' ? (data['cards'] as Record<string, unknown>) : {};
  const guide: Guide = {
    ...emptyGuide(id, path, options.bundled ?? false),
    title: str('title') ?? headingTitle ?? titleFromId(id, spelling),
    tags: list('tags'),
  };
  const system = str('system');
  const summary = str('summary');
  if (system) guide.system = system;
  if (summary) guide.summary = summary;

  const ctx: Ctx = {
    guide,
    problems,
    path,
    phaseHeadings: [],
    otherPlans: [],
    phaseKeyPoints: new Map(),
    topicPhrases: new Map(),
    cardTags,
    cardIds: new UniqueIds(),
    spelling,
    walkChildren: (node) => {
      for (const child of node.children) walk(child, ctx, [node]);
    },
  };
  walk(tree, ctx, []);
  settleOpeningPrompt(ctx);
  finish(ctx);
  if (options.statements) guide.statements = statementsOf(tree);
  if (problems.some((p) => p.severity === 'error')) return { kind: 'error', problems };
  return { kind: 'guide', guide, problems };
}

function walk(node: Node, ctx: Ctx, ancestors: Node[]): void {
  topicPoints(node, ctx);
  // A document's title ("# Feature Flags — Interview Quick Reference") names the whole
  // guide, not one part of it, when the sections under it are parts of their own.
  const title = node.depth === 1 && node.children.some((c) => recognizerFor(c.heading));
  const recognizer = node.depth > 0 && !title ? recognizerFor(node.heading) : undefined;
  if (recognizer) {
    const taken = recognizer.read(node, ctx, ancestors);
    if (!recognizer.passThrough && taken !== false) {
      // A quick reference card's "Key Numbers" are the guide's key numbers too.
      if (recognizer !== numbers) numbersWithin(node, ctx);
      return;
    }
  }
  leadInNumbers(node.blocks, ctx.guide.numbers);
  openingPrompt(node.blocks, ctx);
  collectQuestions(node, ctx, ancestors);
  inlineTraps(node, ctx);
  qaTraps(node.blocks, ctx);
  keyTradeoffTables(node, ctx);
  clarifyTables(node, ctx);
  const content = node.blocks.filter((b) => !isQuestionBlock(b));
  if (node.depth > 1 || (node.depth === 1 && content.length > 0) || (node.depth === 0 && content.length > 0)) {
    const text = blocksText(node.blocks);
    if (text || node.children.length === 0) {
      ctx.guide.sections.push({ heading: node.heading || 'Introduction', depth: node.depth, text, line: node.line });
    }
  } else if (node.depth === 1 && node.children.length === 0) {
    ctx.guide.sections.push({ heading: node.heading, depth: 1, text: '', line: node.line });
  }
  for (const child of node.children) walk(child, ctx, [...ancestors, node]);
}

/**
 * The bullets of a sample interview's step for a phase ("Minutes 5-15: High-Level
 * Design": "I'm proposing… - MLflow for experiment tracking - Feast for feature
 * management"): what a strong candidate covers in it.
 */
function flowItems(key: string, ctx: Ctx): string[] {
  return ctx.guide.flow
    .filter((s) => s.phase === key)
    .flatMap((s) =>
      s.text.split('\n').flatMap((line) => {
        const item = TEXT_ITEM.exec(line)?.[1];
        return item && item.length >= 3 && item.length <= 100 ? [item] : [];
      }),
    );
}

/**
 * A phase's points from what the guide says it covers: its pacing's cell or bullets,
 * as written, when two of them name something of the system. When fewer do (the
 * rest only name a part of the interview: "Requirements, scope, constraints", "1-2
 * critical components"), the pacing's focus, the guide's own section for the phase
 * ("Phase 2: High-Level Design (5-15 min)"), the pacing's tip and then the guide's
 * topic sections say what the phase is about. Undefined when the guide says nothing
 * of the phase.
 */
function coveredPoints(phase: Phase, ctx: Ctx, topic: string): KeyPoint[] | undefined {
  const covers = phase.covers ? pointsFrom(phase.covers.flatMap(splitItems)) : [];
  const point = (p: KeyPoint): boolean => !generic(p, topic);
  const specific = covers.filter(point);
  if (specific.length >= 2) return covers;
  // The phase's own section: the one of its kind that starts when it does, or the only one.
  const sections = ctx.phaseHeadings.filter((h) => h.key === phase.key && h !== phase);
  const section = (sections.find((h) => h.start === phase.start) ?? (sections.length === 1 ? sections[0] : undefined))?.covers ?? [];
  const focus = phase.focus.length <= 80 ? pointsFrom(splitItems(phase.focus)) : [];
  // One point per thing: "Why Erlang?" and "Why Erlang? 'Erlang gives us…'" are one.
  const seen: string[] = [];
  const distinctPoints = (points: KeyPoint[]): KeyPoint[] =>
    points.filter((p) => {
      const label = p.label.toLowerCase().replace(/[?…]$/, '');
      if (!point(p) || seen.some((s) => label.startsWith(s) || s.startsWith(label))) return false;
      seen.push(label);
      return true;
    });
  let more = distinctPoints([...specific, ...focus, ...pointsFrom(section.flatMap(splitItems), 8), ...pointsFrom(splitItems(phase.tips), 4)]);
  // Topic sections ("Deep Dive Options") speak of the phase only when no other phase is of its kind.
  const plan = ctx.guide.pacing.includes(phase) ? ctx.guide.pacing : [];
  if (more.length < 2 && plan.filter((p) => p.key.replace(/-\d+$/, '') === phase.key.replace(/-\d+$/, '')).length <= 1) more = [...more, ...distinctPoints(topicSectionPoints(topic, ctx))];
  // A sample interview's step for the phase, when the guide's plan says too little.
  if (more.length < 2) more = [...more, ...distinctPoints(pointsFrom(flowItems(phase.key, ctx), 8))];
  more = more.slice(0, 5);
  if (more.length >= 2) return more;
  // One specific point, with the guide's own words for the rest of the phase.
  if (more.length === 1) {
    const rest = covers.length > 0 ? covers : fallbackPoints(topic, ctx);
    return [...more, ...rest.filter((p) => !more.some((m) => m.label.toLowerCase() === p.label.toLowerCase()))].slice(0, 5);
  }
  return covers.length > 0 ? covers : undefined;
}

/**
 * A question the guide asks twice (in its table of questions and again in a checklist)
 * is one question: the first, with what the second adds (why it matters, the answer).
 */
function distinctQuestions(list: AskQuestion[]): AskQuestion[] {
  const seen = new Map<string, AskQuestion>();
  const out: AskQuestion[] = [];
  for (const q of list) {
    const key = alnumRuns(q.question.toLowerCase()).join(' ');
    const first = seen.get(key);
    if (!first) {
      seen.set(key, q);
      out.push(q);
      continue;
    }
    if (!first.why && q.why) first.why = q.why;
    if (!first.answer && q.answer) first.answer = q.answer;
    if (q.group === 'must') first.group = 'must';
  }
  return out;
}

function finish(ctx: Ctx): void {
  const g = ctx.guide;
  g.questionsToAsk = distinctQuestions(g.questionsToAsk);
  if (g.pacing.length === 0 && ctx.phaseHeadings.length > 0) g.pacing = ctx.phaseHeadings;
  // Key points the guide lists for a phase, else those read off what it says the phase
  // covers, else what its sections say of that phase, else a short default set.
  const topic = (key: string): string => (PHASE_KEYS.includes(key as PhaseKey) ? key : (topicOf(key.replace(/-/g, ' ')) ?? key));
  const fallback = (key: string): KeyPoint[] => fallbackPoints(topic(key), ctx);
  for (const phase of [...g.pacing, ...(g.altPlans ?? []).flat()]) {
    phase.keyPoints = ctx.phaseKeyPoints.get(phase.key) ?? coveredPoints(phase, ctx, topic(phase.key)) ?? fallback(phase.key);
    // A phase named by what it covers ("Postgres/Redis/Kafka", "NFR + numbers") when nothing else is known.
    if (phase.keyPoints.length === 0) phase.keyPoints = pointsFrom(phase.name.split(/\s*(?:[+/&,]|\band\b)\s*/i));
    delete phase.covers;
  }
  if (g.pacing.length === 0) g.phasePoints = Object.fromEntries(STANDARD_PLAN.map((p) => [p.key, fallback(p.key)]));
  for (const [key] of ctx.phaseKeyPoints) {
    if (g.pacing.length > 0 && !g.pacing.some((p) => p.key === key)) {
      ctx.problems.push({ path: ctx.path, severity: 'warning', message: `phase key points for '${key}' match no phase of the pacing` });
    }
  }
  // Ids unique within the guide; the library makes them unique across guides.
  uniqueIds(g.traps);
  uniqueIds(g.tradeoffs);
  const subject = new Set((g.title.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 1));
  for (const phase of [...g.pacing, ...(g.altPlans ?? []).flat()]) phase.keyPoints = distinct(phase.keyPoints, subject);
  for (const t of g.traps) {
    if (t.keyPoints.length === 0 && t.strong) {
      const derived = distinct(deriveKeyPoints(t.strong), subject, t.question);
      if (derived.length >= 1) {
        t.keyPoints = derived;
        t.derivedKeyPoints = true;
      }
    }
    if (!t.strong)
      ctx.problems.push({
        path: ctx.path,
        line: t.line,
        severity: 'warning',
        message: `trap '${t.question}' has no strong answer (expected a 'Good Answer:', 'Best Answer:' or 'Strong Answer:' label)`,
      });
  }
}

/**
 * Derived points with the terms that tell them apart: a term several points share
 * ("GDS" in all five), a word of the guide's subject ("DNS" in a DNS guide) or of the
 * question itself says nothing of which point was made, so it is not evidence of one.
 */
export function distinct(points: KeyPoint[], subject: Set<string>, question = ''): KeyPoint[] {
  if (!points.some((p) => p.derived)) return points;
  const asked = new Set(question.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const count = new Map<string, number>();
  for (const p of points) for (const t of new Set(p.terms.map((x) => x.toLowerCase()))) count.set(t, (count.get(t) ?? 0) + 1);
  return points.map((p) => {
    if (!p.derived) return p;
    const terms = p.terms.filter((t) => {
      const k = t.toLowerCase();
      if (k === p.label.toLowerCase()) return true;
      const single = !/\s/.test(k);
      return (count.get(k) ?? 0) < 2 && !(single && (subject.has(k) || asked.has(k)));
    });
    // "DNS hierarchy" in a DNS guide is said as "the hierarchy".
    const bare = terms.flatMap((t) => {
      const words = t.split(/\s+/);
      const rest = words.filter((w) => !subject.has(w.toLowerCase()));
      return words.length > 1 && rest.length > 0 && rest.length < words.length ? [rest.join(' ')] : [];
    });
    return { ...p, terms: terms.length > 0 ? [...new Set([...terms, ...bare])] : [p.label] };
  });
}

export type { Section } from './model.js';
