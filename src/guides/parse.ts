// Markdown with front matter in, a typed guide (or scenario) out. Pure: no file
// system, no terminal. Headings are recognised by their words (docs/guide-format.md);
// whatever is not recognised stays as a plain section.
import type { Tokens } from 'marked';
import type {
  AskQuestion,
  BankQuestion,
  Card,
  DiscussionGroup,
  EndQuestion,
  FlowStep,
  Guide,
  KeyNumber,
  KeyPoint,
  Mistake,
  MockPrompt,
  Phase,
  Problem,
  Related,
  Scenario,
  ScenarioAnswer,
  ScenarioQuestion,
  Section,
  Trap,
  Tradeoff,
} from './model.js';
import { emptyGuide } from './model.js';
import { STANDARD_PLAN, phaseKey } from './phases.js';
import { markdownCardBlocks } from './cards.js';
import { parseKeyPoint } from './keypoints.js';
import {
  allBlocks,
  blocksText,
  blockText,
  inlineText,
  listItems,
  oneLine,
  sectionTree,
  segments,
  tableRows,
  type Block,
  type Node,
} from './markdown.js';
import { parseWindow, sanitize, slug, squash, titleCase, unquote } from './text.js';
import { readFrontMatter } from './front-matter.js';
import { OverBudget } from './budget.js';

export type Parsed =
  | { kind: 'guide'; guide: Guide; problems: Problem[] }
  | { kind: 'scenario'; scenario: Scenario; problems: Problem[] }
  | { kind: 'error'; problems: Problem[] };

export interface ParseOptions {
  path: string;
  bundled?: boolean;
}

type Kind =
  | 'phaseKeyPoints'
  | 'pacing'
  | 'phase'
  | 'traps'
  | 'tradeoffs'
  | 'mistakes'
  | 'cards'
  | 'numbers'
  | 'flow'
  | 'endQuestions'
  | 'scenarioQuestions'
  | 'questionsToAsk'
  | 'related'
  | 'mockPrompts'
  | 'discussion';

// First match wins: "Questions to Ask Interviewer (End of Session)" is end questions,
// not opening questions.
const KINDS: [RegExp, Kind][] = [
  [/phase key ?points|key ?points by phase/i, 'phaseKeyPoints'],
  [/\bpacing\b|\d+[- ]min(ute)?s? (format|plan|guide)\b/i, 'pacing'],
  [/^phase\s+\d+\s*[:.\-–]/i, 'phase'],
  [/\btraps?\b/i, 'traps'],
  [/trade-?offs?\b/i, 'tradeoffs'],
  [/\bmistakes?\b|pitfalls|anti-?patterns/i, 'mistakes'],
  [/quick[- ]?reference|cheat[- ]?sheet|reference card|interview card/i, 'cards'],
  [/key numbers|numbers to (know|memori[sz]e)|numbers cheat/i, 'numbers'],
  [/interview flow|example interview|mock walkthrough/i, 'flow'],
  [/questions? (to ask|for).*(end|clos|wrap)|end of (the )?(session|interview)|questions for the end|reverse questions/i, 'endQuestions'],
  [/by scenario|scenario questions/i, 'scenarioQuestions'],
  [/questions to ask|opening questions|requirements clarification|clarif\w* questions|scope questions|constraint questions/i, 'questionsToAsk'],
  [/related topics|further study|follow-?up topics|^references\b|see also/i, 'related'],
  [/mock (interview )?(questions|prompts)|practice prompts/i, 'mockPrompts'],
  [/discussion points|interviewer background|if (the )?interviewer (has|is)/i, 'discussion'],
];

export function classify(heading: string): Kind | undefined {
  return KINDS.find(([re]) => re.test(heading))?.[1];
}


const GENERIC_FILE = /^(\d+[-_. ]*)*(interview[-_ ]?guide|guide|readme|index|notes?|content)$/i;
const GENERIC_TITLE = /^(ml )?(system design )?(interview )?(guide|notes|readme|index)$/i;
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
    if (typeof v === 'string') return v.split(',').map((x) => x.trim()).filter(Boolean);
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
    const scenario = parseScenario(data, tree, id, options, problems, str, list);
    if (problems.some((p) => p.severity === 'error')) return { kind: 'error', problems };
    return { kind: 'scenario', scenario, problems };
  }

  const h1 = tree.children.find((n) => n.depth === 1);
  const headingTitle = h1 && !GENERIC_TITLE.test(h1.heading.trim()) ? h1.heading.trim() : undefined;
  const cardTags = data['cards'] && typeof data['cards'] === 'object' ? (data['cards'] as Record<string, unknown>) : {};
  const guide: Guide = {
    ...emptyGuide(id, path, options.bundled ?? false),
    title: str('title') ?? headingTitle ?? titleCase(id),
    tags: list('tags'),
  };
  const system = str('system');
  const summary = str('summary');
  if (system) guide.system = system;
  if (summary) guide.summary = summary;

  const ctx: Ctx = { guide, problems, path, phaseHeadings: [], phaseKeyPoints: new Map(), cardTags, cardIds: new UniqueIds() };
  walk(tree, ctx, []);
  finish(ctx);
  if (problems.some((p) => p.severity === 'error')) return { kind: 'error', problems };
  return { kind: 'guide', guide, problems };
}

interface Ctx {
  guide: Guide;
  problems: Problem[];
  path: string;
  phaseHeadings: Phase[];
  phaseKeyPoints: Map<string, KeyPoint[]>;
  cardTags: Record<string, unknown>;
  cardIds: UniqueIds;
}

function walk(node: Node, ctx: Ctx, ancestors: Node[]): void {
  const kind = node.depth > 0 ? classify(node.heading) : undefined;
  if (kind && kind !== 'phase') {
    HANDLERS[kind](node, ctx);
    return;
  }
  if (kind === 'phase') phaseFromHeading(node, ctx);
  collectQuestions(node, ctx, ancestors);
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

const HANDLERS: Record<Exclude<Kind, 'phase'>, (node: Node, ctx: Ctx) => void> = {
  phaseKeyPoints(node, ctx) {
    for (const child of node.children) {
      const points = keyPointsOf(allBlocks(child));
      ctx.phaseKeyPoints.set(phaseKey(child.heading), points);
    }
  },
  pacing(node, ctx) {
    const table = firstTable(node, (h) => h.some((c) => /time|min/i.test(c)) && h.some((c) => /phase|stage/i.test(c)));
    if (!table) {
      for (const child of node.children) walk(child, ctx, [node]);
      if (ctx.phaseHeadings.length === 0) keepSection(node, ctx);
      return;
    }
    const { header, rows } = tableRows(table);
    const col = (re: RegExp): number => header.findIndex((h) => re.test(h));
    const time = col(/time|min/i);
    const phase = col(/phase|stage/i);
    const focus = col(/focus|goal|what/i);
    const tips = col(/tips?|deliverable|output|notes?/i);
    for (const row of rows) {
      const window = parseWindow(row[time] ?? '');
      const name = (row[phase] ?? '').trim();
      if (!window || !name) {
        ctx.problems.push({ path: ctx.path, line: table.line, severity: 'warning', message: `pacing row '${row.join(' | ')}' needs a time like '0-5 min' and a phase name` });
        continue;
      }
      ctx.guide.pacing.push({
        key: phaseKey(name),
        name,
        ...window,
        focus: focus >= 0 ? (row[focus] ?? '') : '',
        tips: tips >= 0 ? (row[tips] ?? '') : '',
        keyPoints: [],
      });
    }
    for (const child of node.children) walk(child, ctx, [node]);
  },
  traps(node, ctx) {
    const trapNodes = descendants(node).filter((n) => /trap\s*\d|^["“']|\?["”']?\s*$/i.test(n.heading.trim()));
    if (trapNodes.length > 0) {
      for (const n of trapNodes) ctx.guide.traps.push(trapFrom(n, ctx));
      return;
    }
    const table = firstTable(node, (h) => h.some((c) => /trap|question/i.test(c)));
    if (table) {
      trapsFromTable(table, ctx);
      return;
    }
    keepSection(node, ctx);
  },
  tradeoffs(node, ctx) {
    const before = ctx.guide.tradeoffs.length;
    const own = node.blocks.filter((b): b is Block & Tokens.Table => b.type === 'table');
    for (const table of own) {
      const { header } = tableRows(table);
      if (isKeyTradeoffTable(header)) tradeoffsFromRows(table, ctx);
      else if (node.children.length === 0) ctx.guide.tradeoffs.push(tradeoffFrom(node, ctx));
    }
    for (const child of node.children) {
      const hasTable = allBlocks(child).some((b) => b.type === 'table');
      if (!hasTable) {
        keepSection(child, ctx);
        continue;
      }
      const table = firstTable(child, () => true)!;
      if (isKeyTradeoffTable(tableRows(table).header)) tradeoffsFromRows(table, ctx);
      else if (child.children.some((c) => allBlocks(c).some((b) => b.type === 'table'))) HANDLERS.tradeoffs(child, ctx);
      else ctx.guide.tradeoffs.push(tradeoffFrom(child, ctx));
    }
    if (ctx.guide.tradeoffs.length === before) keepSection(node, ctx);
  },
  mistakes(node, ctx) {
    for (const b of allBlocks(node)) {
      if (b.type === 'table') {
        const { header, rows } = tableRows(b as unknown as Tokens.Table);
        const why = header.findIndex((h) => /why|problem|wrong/i.test(h));
        const better = header.findIndex((h) => /better|instead|approach|fix|do/i.test(h));
        for (const r of rows) {
          const m: Mistake = { mistake: r[0] ?? '' };
          if (why > 0 && r[why]) m.why = r[why];
          if (better > 0 && r[better]) m.better = r[better];
          if (m.mistake) ctx.guide.mistakes.push(m);
        }
      } else if (b.type === 'list') {
        for (const item of listItems(b as unknown as Tokens.List)) ctx.guide.mistakes.push({ mistake: item.text });
      }
    }
  },
  cards(node, ctx) {
    const cardNodes = node.children.length > 0 ? node.children : [node];
    if (node.children.length > 0 && node.blocks.length > 0) cardNodes.unshift({ ...node, children: [] });
    for (const n of cardNodes) {
      const parsed = markdownCardBlocks(allBlocks(n));
      if (parsed.blocks.length === 0) continue;
      const fromHeading = n.heading.replace(/\s*[-–:(]?\s*quick[- ]?reference( card)?\)?\s*$/i, '').trim();
      const title = fromHeading && !/^(quick[- ]?reference( cards?)?|card)$/i.test(fromHeading) ? fromHeading : titleFromSubtitle(parsed.subtitle) ?? ctx.guide.title;
      const id = ctx.cardIds.take(slug(title) || 'card');
      const extra = ctx.cardTags[id];
      const tags = Array.isArray(extra) ? extra.map(String) : [];
      const card: Card = { id, title, tags, blocks: parsed.blocks, line: n.line };
      if (parsed.subtitle) card.subtitle = parsed.subtitle;
      ctx.guide.cards.push(card);
    }
  },
  numbers(node, ctx) {
    for (const b of allBlocks(node)) {
      if (b.type !== 'table') continue;
      const { header, rows } = tableRows(b as unknown as Tokens.Table);
      const value = Math.max(1, header.findIndex((h) => /value|number|target|figure/i.test(h)));
      const context = header.findIndex((h, i) => i !== value && i > 0 && /context|why|note|source/i.test(h));
      for (const r of rows) {
        const n: KeyNumber = { metric: r[0] ?? '', value: r[value] ?? '' };
        if (context > 0 && r[context]) n.context = r[context];
        if (n.metric && n.value) ctx.guide.numbers.push(n);
      }
    }
  },
  flow(node, ctx) {
    const steps = node.children.length > 0 ? node.children : [node];
    for (const s of steps) {
      const step: FlowStep = { phase: phaseKey(s.heading), title: s.heading, text: blocksText(allBlocks(s)) };
      const window = parseWindow(s.heading);
      if (window && phaseKey(s.heading) === slug(s.heading)) step.phase = phaseAt(window.start, ctx);
      if (step.text) ctx.guide.flow.push(step);
    }
  },
  endQuestions(node, ctx) {
    for (const q of questionLines(allBlocks(node))) {
      const e: EndQuestion = { question: q.question };
      if (q.why) e.why = q.why;
      ctx.guide.endQuestions.push(e);
    }
  },
  scenarioQuestions(node, ctx) {
    const lines: string[] = [];
    const visit = (n: Node, isRoot: boolean): void => {
      if (!isRoot) lines.push(`Scenario: ${n.heading}`);
      for (const b of n.blocks) {
        if (b.type === 'list') for (const i of listItems(b as unknown as Tokens.List)) lines.push(`→ ${i.text}`);
        else for (const l of blockText(b).split('\n')) lines.push(l);
      }
      for (const c of n.children) visit(c, false);
    };
    visit(node, true);
    let current: ScenarioQuestion | undefined;
    for (const raw of lines) {
      const line = raw.trim();
      const scenario = /^scenario\s*:\s*(.+)$/i.exec(line);
      const ask = /^(?:ask|question)\s*:\s*(.+)$/i.exec(line);
      const branch = /^(?:→|->|=>|-|•)\s*([^:]+):\s*(.+)$/.exec(line);
      if (scenario) {
        current = { scenario: unquote(scenario[1]!), ask: '', branches: [] };
        ctx.guide.scenarioQuestions.push(current);
      } else if (ask && current) current.ask = unquote(ask[1]!);
      else if (branch && current) current.branches.push({ when: branch[1]!.trim(), then: branch[2]!.trim() });
    }
  },
  questionsToAsk(node, ctx) {
    const visit = (n: Node, group: AskQuestion['group']): void => {
      const g = /must/i.test(n.heading) ? 'must' : group;
      for (const b of n.blocks) {
        if (b.type === 'table') {
          const { header, rows } = tableRows(b as unknown as Tokens.Table);
          const q = Math.max(0, header.findIndex((h) => /question/i.test(h)));
          const why = header.findIndex((h) => /why|matter|reason|purpose/i.test(h));
          for (const r of rows) {
            const a: AskQuestion = { question: unquote(r[q] ?? ''), group: g, details: [] };
            if (why >= 0 && r[why]) a.why = r[why];
            if (a.question) ctx.guide.questionsToAsk.push(a);
          }
        } else {
          for (const q of questionLines([b], g)) ctx.guide.questionsToAsk.push(q);
        }
      }
      for (const c of n.children) visit(c, g);
    };
    visit(node, 'clarifying');
  },
  related(node, ctx) {
    for (const b of allBlocks(node)) {
      if (b.type === 'table') {
        const { rows } = tableRows(b as unknown as Tokens.Table);
        for (const r of rows) {
          const rel: Related = { topic: r[0] ?? '' };
          const note = r.slice(1).filter(Boolean).join(' — ');
          if (note) rel.note = note;
          if (rel.topic) ctx.guide.related.push(rel);
        }
      } else if (b.type === 'list') {
        for (const item of (b as unknown as Tokens.List).items) {
          const tokens = item.tokens.flatMap((t) => (t as { tokens?: Tokens.Generic[] }).tokens ?? []);
          const link = tokens.find((t) => t.type === 'link') as Tokens.Link | undefined;
          const text = squash(oneLine(inlineText(tokens)));
          const m = /^(.+?)\s*[:—–]\s+(.+)$/.exec(text);
          const rel: Related = link && text === squash(link.text) ? { topic: link.text } : m ? { topic: m[1]!.replace(/:$/, ''), note: m[2]! } : { topic: text };
          if (link) rel.url = link.href;
          if (rel.topic) ctx.guide.related.push(rel);
        }
      }
    }
  },
  mockPrompts(node, ctx) {
    for (const b of allBlocks(node)) {
      if (b.type !== 'list') continue;
      for (const item of listItems(b as unknown as Tokens.List)) {
        const m = /^([^:"“]{2,40}):\s*(.+)$/.exec(item.text);
        const p: MockPrompt = m ? { category: m[1]!.trim(), prompt: unquote(m[2]!) } : { prompt: unquote(item.text) };
        ctx.guide.mockPrompts.push(p);
      }
    }
  },
  discussion(node, ctx) {
    const groups = node.children.length > 0 ? node.children : [node];
    for (const g of groups) {
      const points = allBlocks(g)
        .filter((b) => b.type === 'list')
        .flatMap((b) => listItems(b as unknown as Tokens.List).map((i) => i.text));
      const group: DiscussionGroup = { background: background(g.heading), title: g.heading, points };
      if (points.length > 0) ctx.guide.discussion.push(group);
    }
  },
};

export function background(heading: string): string {
  const h = heading.toLowerCase();
  if (/infra|sre|ops|reliab/.test(h)) return 'infra';
  if (/data eng|\bdata\b/.test(h)) return 'data';
  if (/product|business|pm\b/.test(h)) return 'product';
  if (/\bml\b|machine learning|research|scien/.test(h)) return 'ml';
  return slug(heading);
}

function descendants(node: Node): Node[] {
  return node.children.flatMap((c) => [c, ...descendants(c)]);
}

function firstTable(node: Node, accept: (header: string[]) => boolean): (Block & Tokens.Table) | undefined {
  return allBlocks(node).find(
    (b): b is Block & Tokens.Table => b.type === 'table' && accept(tableRows(b as unknown as Tokens.Table).header),
  );
}

function keepSection(node: Node, ctx: Ctx): void {
  const text = blocksText(allBlocks(node));
  if (text) ctx.guide.sections.push({ heading: node.heading, depth: node.depth, text, line: node.line });
}

/** A short id from a title: the part before a colon, cut at a word boundary. */
function shortId(title: string, fallback: string): string {
  const full = slug(title.split(/:\s/)[0] ?? title) || fallback;
  if (full.length <= 40) return full;
  const cut = full.slice(0, 41);
  return cut.slice(0, cut.lastIndexOf('-')) || full.slice(0, 40);
}

/**
 * Ids made unique by a number: "id", then "id-2", "id-3"... Each base remembers the
 * number it reached, so 3,000 identical headings take linear time, not a rescan of
 * every id taken for each (17 s before, issue 13).
 */
class UniqueIds {
  private readonly taken = new Set<string>();
  private readonly next = new Map<string, number>();

  take(base: string): string {
    let id = base;
    if (this.taken.has(id)) {
      let n = this.next.get(base) ?? 2;
      while (this.taken.has(`${base}-${n}`)) n++;
      id = `${base}-${n}`;
      this.next.set(base, n + 1);
    }
    this.taken.add(id);
    return id;
  }
}

function titleFromSubtitle(subtitle: string | undefined): string | undefined {
  if (!subtitle) return undefined;
  const t = subtitle.replace(/\(.*\)/, '').replace(/[-–—]\s*interview (card|quick reference)/i, '').trim();
  return t ? titleCase(slug(t)) : undefined;
}

function phaseFromHeading(node: Node, ctx: Ctx): void {
  const m = /^phase\s+\d+\s*[:.\-–]\s*(.+?)\s*(\(([^)]*)\))?\s*$/i.exec(node.heading.trim());
  const window = parseWindow(node.heading);
  if (!m || !window) return;
  const firstParagraph = node.blocks.find((b) => b.type === 'paragraph');
  ctx.phaseHeadings.push({
    key: phaseKey(m[1]!),
    name: m[1]!.replace(/\s*\(.*$/, '').trim(),
    ...window,
    focus: firstParagraph ? blockText(firstParagraph) : '',
    tips: '',
    keyPoints: [],
  });
}

function phaseAt(minute: number, ctx: Ctx): string {
  const phases = ctx.guide.pacing.length > 0 ? ctx.guide.pacing : STANDARD_PLAN;
  return phases.find((p) => minute >= p.start && minute < p.end)?.key ?? 'clarify';
}


function finish(ctx: Ctx): void {
  const g = ctx.guide;
  if (g.pacing.length === 0 && ctx.phaseHeadings.length > 0) g.pacing = ctx.phaseHeadings;
  for (const phase of g.pacing) phase.keyPoints = ctx.phaseKeyPoints.get(phase.key) ?? [];
  const phaseKeys = new Set(g.pacing.map((p) => p.key));
  for (const [key] of ctx.phaseKeyPoints) {
    if (g.pacing.length > 0 && !phaseKeys.has(key)) {
      ctx.problems.push({ path: ctx.path, severity: 'warning', message: `phase key points for '${key}' match no phase of the pacing` });
    }
  }
  // Ids unique within the guide; the library makes them unique across guides.
  const trapIds = new UniqueIds();
  for (const t of g.traps) t.id = trapIds.take(t.id);
  const tradeoffIds = new UniqueIds();
  for (const t of g.tradeoffs) t.id = tradeoffIds.take(t.id);
  for (const t of g.traps) {
    if (t.keyPoints.length === 0 && t.strong) {
      const derived = deriveKeyPoints(t.strong);
      if (derived.length >= 2) {
        t.keyPoints = derived;
        t.derivedKeyPoints = true;
      }
    }
    if (!t.strong) ctx.problems.push({ path: ctx.path, line: t.line, severity: 'warning', message: `trap '${t.question}' has no strong answer (expected a 'Good Answer:', 'Best Answer:' or 'Strong Answer:' label)` });
  }
}

// ---- traps -----------------------------------------------------------------

/**
 * Key points for a trap whose guide gives none: the labels of the strong answer's
 * numbered points ("1. Train-serve skew - ...", "2. CARDINALITY: ..."), which the
 * answer itself says by construction and a vague answer rarely does.
 */
export function deriveKeyPoints(strong: string): KeyPoint[] {
  const labels: string[] = [];
  for (const line of strong.split('\n')) {
    const m = /^\s*\d+[.)]\s+([A-Za-z][^:\n]{2,40}?)\s*(?::|\s[-–—]\s)\s*\S/.exec(line);
    if (m && !labels.some((l) => l.toLowerCase() === m[1]!.toLowerCase())) labels.push(m[1]!.trim());
    if (labels.length === 6) break; // the first six are all that is kept
  }
  return labels.slice(0, 6).map((label) => ({ label, terms: [label] }));
}

type TrapPart = 'wants' | 'weak' | 'weakWhy' | 'strong' | 'keyPoints';

function trapPart(label: string): TrapPart | undefined {
  const l = label.toLowerCase();
  if (/key ?points?|must mention|checklist/.test(l)) return 'keyPoints';
  if (/why (it|this) (fails|is weak)|why (it'?s|its) (weak|wrong|bad)|why weak|why not/.test(l)) return 'weakWhy';
  if (/want|looking for|testing|tests|assess|goal|intent/.test(l)) return 'wants';
  if (/\b(bad|weak|poor|wrong|naive|avoid)\b/.test(l)) return 'weak';
  if (/\b(good|best|strong|great|better|ideal|model|sample)\b|^answer$/.test(l)) return 'strong';
  return undefined;
}

function trapFrom(node: Node, ctx: Ctx): Trap {
  const question = unquote(node.heading.replace(/^trap\s*\d+\s*[:.\-–]?\s*/i, ''));
  const trap: Trap = { id: shortId(question, 'trap'), question, keyPoints: [], line: node.line };
  const blocks = allBlocks(node);
  const { parts } = segments(blocks, (l) => trapPart(l) !== undefined);
  for (const part of parts) {
    const kind = trapPart(part.label)!;
    if (kind === 'keyPoints') continue;
    const text = unquote(part.text);
    trap[kind] = trap[kind] ? `${trap[kind]}\n\n${text}` : text;
  }
  trap.keyPoints = keyPointsAfterLabel(blocks);
  return trap;
}

/** Key points: the list that follows a `**Key points:**` label. */
function keyPointsAfterLabel(blocks: Block[]): KeyPoint[] {
  const at = blocks.findIndex((b) => b.type === 'paragraph' && /^\*\*key ?points?:?\*\*:?\s*$/i.test((b as unknown as Tokens.Paragraph).text.trim()));
  if (at < 0) return [];
  const list = blocks.slice(at + 1).find((b) => b.type === 'list');
  return list ? keyPointsOf([list]) : [];
}

function keyPointsOf(blocks: Block[]): KeyPoint[] {
  return blocks
    .filter((b) => b.type === 'list')
    .flatMap((b) => (b as unknown as Tokens.List).items.map((i) => parseKeyPoint(i.text.split('\n')[0] ?? '')))
    .filter((k): k is KeyPoint => k !== undefined);
}

function trapsFromTable(table: Block & Tokens.Table, ctx: Ctx): void {
  const { header, rows } = tableRows(table);
  const roles = header.map((h) => (/trap|question/i.test(h) && !/answer/i.test(h) ? 'question' : trapPart(h)));
  rows.forEach((r, i) => {
    const q = r[roles.indexOf('question')] ?? r[0] ?? '';
    const trap: Trap = { id: shortId(unquote(q), 'trap'), question: unquote(q), keyPoints: [], line: table.line + 2 + i };
    roles.forEach((role, c) => {
      if (role && role !== 'question' && role !== 'keyPoints' && r[c]) trap[role] = unquote(r[c]!);
    });
    if (trap.question) ctx.guide.traps.push(trap);
  });
}

// ---- trade-offs ------------------------------------------------------------

function isKeyTradeoffTable(header: string[]): boolean {
  return /trade-?off|decision|choice/i.test(header[0] ?? '') && header.some((h) => /option/i.test(h));
}

function tradeoffsFromRows(table: Block & Tokens.Table, ctx: Ctx): void {
  const { header, rows } = tableRows(table);
  const rec = header.findIndex((h) => /recommend|choice|verdict|pick/i.test(h));
  const options = header.map((h, i) => (i > 0 && i !== rec ? i : -1)).filter((i) => i > 0);
  rows.forEach((r, i) => {
    const title = r[0] ?? '';
    const t: Tradeoff = {
      id: shortId(title, 'tradeoff'),
      title,
      options: options.map((o) => r[o] ?? ''),
      aspects: [],
      notes: [],
      line: table.line + 2 + i,
    };
    if (rec > 0 && r[rec]) t.recommendation = r[rec];
    if (title) ctx.guide.tradeoffs.push(t);
  });
}

function tradeoffFrom(node: Node, ctx: Ctx): Tradeoff {
  const title = node.heading.replace(/^trade-?off\s*\d*\s*[:.\-–]?\s*/i, '').trim() || node.heading;
  const blocks = allBlocks(node);
  const table = blocks.find((b): b is Block & Tokens.Table => b.type === 'table');
  const t: Tradeoff = { id: shortId(title, 'tradeoff'), title, options: [], aspects: [], notes: [], line: node.line };
  if (table) {
    const { header, rows } = tableRows(table);
    t.options = header.slice(1);
    for (const r of rows) {
      const aspect = r[0] ?? '';
      const values = r.slice(1);
      const filled = values.filter((v) => v !== '');
      if (/choice|recommend|verdict|winner/i.test(aspect) && filled.length < t.options.length) {
        t.recommendation = filled.join(' ');
        continue;
      }
      t.aspects.push({ aspect, values });
    }
  } else {
    ctx.problems.push({ path: ctx.path, line: node.line, severity: 'warning', message: `trade-off '${title}' has no table of options` });
  }
  const rest = blocks.filter((b) => b !== table);
  const { lead, parts } = segments(rest, (l) => /recommend|interview|talking point|response|verdict|choice|how to say/i.test(l));
  if (lead) t.notes.push(lead);
  for (const p of parts) {
    if (/recommend|verdict|choice/i.test(p.label)) t.recommendation = [t.recommendation, unquote(p.text)].filter(Boolean).join(' ');
    else t.response = [t.response, unquote(p.text)].filter(Boolean).join('\n\n');
  }
  return t;
}

// ---- questions -------------------------------------------------------------

/**
 * "What scale? (capacity)" as the question and why it matters: what
 * /^(.*?[?"”])\s*\(([^)]+)\)\s*$/ matches, found in one pass. That expression takes
 * time that grows with the square of a line of `?(` (a second for 20,000 characters).
 */
function questionAndWhy(text: string): [string, string, string] | undefined {
  if (!text.endsWith(')')) return undefined;
  const close = text.length - 1;
  // The question is on the first line ("." stops at a line break).
  const lineEnd = text.search(/[\n\r\u2028\u2029]/);
  // The parenthesis holds no ")": it opens after the one before the last.
  for (let open = text.lastIndexOf(')', close - 1) + 1; open < close - 1; open++) {
    if (text[open] !== '(') continue;
    let end = open;
    while (end > 0 && /\s/.test(text[end - 1]!)) end--;
    if (lineEnd >= 0 && end > lineEnd) return undefined;
    if (end > 0 && '?"”'.includes(text[end - 1]!)) return [text, text.slice(0, end), text.slice(open + 1, close)];
  }
  return undefined;
}

/**
 * Numbered or quoted questions from lists, paragraphs and code blocks, with the
 * `MUST ASK:` / `CLARIFYING:` labels of code blocks and `(why)` lines kept.
 */
function questionLines(blocks: Block[], group: AskQuestion['group'] = 'clarifying'): AskQuestion[] {
  const out: AskQuestion[] = [];
  const add = (text: string, g: AskQuestion['group']): AskQuestion | undefined => {
    const m = questionAndWhy(text.trim());
    const question = unquote(m ? m[1]! : text);
    if (!question) return undefined;
    const q: AskQuestion = { question, group: g, details: [] };
    if (m) q.why = m[2]!.trim();
    out.push(q);
    return q;
  };
  for (const b of blocks) {
    if (b.type === 'list') {
      for (const item of listItems(b as unknown as Tokens.List)) {
        const q = add(item.text, group);
        if (q) {
          const why = item.details.find((d) => /^\(.*\)$/.test(d));
          if (why && !q.why) q.why = why.slice(1, -1);
          q.details = item.details.filter((d) => d !== why);
        }
      }
    } else if (b.type === 'code' || b.type === 'paragraph') {
      let g = group;
      let current: AskQuestion | undefined;
      for (const raw of blockText(b).split('\n')) {
        const line = raw.trim();
        if (!line) continue;
        if (/^must[- ]ask:?$/i.test(line)) {
          g = 'must';
          continue;
        }
        if (/^[A-Z][A-Z ]+:$/.test(line)) {
          g = 'clarifying';
          continue;
        }
        const numbered = /^\d+[.)]\s*(.+)$/.exec(line);
        if (numbered || /^["“].*\?["”]?/.test(line)) current = add(numbered ? numbered[1]! : line, g);
        else if (current && /^\(.*\)$/.test(line)) current.why = line.slice(1, -1);
        else if (current && /^[-•*]\s+/.test(line)) current.details.push(line.replace(/^[-•*]\s+/, ''));
      }
    }
  }
  return out;
}

// ---- question bank ---------------------------------------------------------

const Q_LINE = /^\*\*Q(\d+)\s*[:.)]\s*(.+?)\*\*\s*(?:\((L\d[^)]*)\))?\s*$/;

function isQuestionBlock(b: Block): boolean {
  return b.type === 'paragraph' && Q_LINE.test((b as unknown as Tokens.Paragraph).text.trim());
}

function collectQuestions(node: Node, ctx: Ctx, ancestors: Node[]): void {
  const blocks = node.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (!isQuestionBlock(b)) continue;
    const m = Q_LINE.exec((b as unknown as Tokens.Paragraph).text.trim())!;
    let j = i + 1;
    while (j < blocks.length && !isQuestionBlock(blocks[j]!)) j++;
    const chain = [...ancestors, node].filter((n) => n.depth > 0);
    const category = chain.find((n) => n.depth === 2) ?? chain[0];
    const levelNode = [...chain].reverse().find((n) => /L\d/.test(n.heading));
    const q: BankQuestion = { id: `Q${m[1]}`, text: m[2]!.replace(/\*\*/g, '').trim(), line: b.line };
    if (category) q.category = cleanHeading(category.heading);
    const level = m[3] ?? (levelNode ? /L\d+(?:\s*-\s*L\d+|\+)?/.exec(levelNode.heading)?.[0] : undefined);
    if (level) q.level = level.replace(/\s+/g, '');
    const answer = blocksText(blocks.slice(i + 1, j));
    if (answer) q.answer = answer;
    ctx.guide.questions.push(q);
    i = j - 1;
  }
}

function cleanHeading(h: string): string {
  return h.replace(/^[^\p{L}\p{N}]+/u, '').replace(/\s+questions?$/i, '').trim();
}

// ---- scenarios -------------------------------------------------------------

function parseScenario(
  data: Record<string, unknown>,
  tree: Node,
  id: string,
  options: ParseOptions,
  problems: Problem[],
  str: (k: string) => string | undefined,
  list: (k: string) => string[],
): Scenario {
  const path = options.path;
  const need = (key: string): string => {
    const v = str(key);
    if (!v) problems.push({ path, line: 1, severity: 'error', message: `scenario front matter needs '${key}'` });
    return v ?? '';
  };
  const answers: Record<string, ScenarioAnswer> = {};
  const rawAnswers = data['answers'];
  if (rawAnswers && typeof rawAnswers === 'object' && !Array.isArray(rawAnswers)) {
    for (const [topic, v] of Object.entries(rawAnswers as Record<string, unknown>)) {
      if (typeof v === 'string') answers[topic] = { answer: v, assumption: false };
      else if (v && typeof v === 'object' && typeof (v as { answer?: unknown }).answer === 'string') {
        answers[topic] = { answer: String((v as { answer: string }).answer), assumption: (v as { assumption?: unknown }).assumption === true };
      } else problems.push({ path, line: 1, severity: 'error', message: `scenario answer '${topic}' should be text or { answer, assumption }` });
    }
  } else problems.push({ path, line: 1, severity: 'error', message: "scenario front matter needs 'answers' (a map of topic to answer)" });
  const followUps: Record<string, string[]> = {};
  const rawFollow = data['followUps'];
  if (rawFollow && typeof rawFollow === 'object' && !Array.isArray(rawFollow)) {
    for (const [phase, v] of Object.entries(rawFollow as Record<string, unknown>)) {
      followUps[phaseKey(phase)] = Array.isArray(v) ? v.map(String) : [String(v)];
    }
  }
  return {
    id,
    title: str('title') ?? titleCase(id),
    guide: need('guide'),
    prompt: need('prompt'),
    angle: str('angle') ?? '',
    context: blocksText(allBlocks(tree)),
    answers,
    mustAsk: list('mustAsk'),
    followUps,
    path,
    bundled: options.bundled ?? false,
  };
}

export type { Section };
