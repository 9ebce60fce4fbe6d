// coach guide <id> [--section NAME]: one guide's overview, or one of its parts, one
// of its sections (with the sections under it), or one question of its bank with its
// answer. --json gives what is shown, not the whole guide.
import type { Io } from '../io.js';
import type {
  AskQuestion,
  BankQuestion,
  Card,
  DiscussionGroup,
  EndQuestion,
  FlowStep,
  Guide,
  KeyNumber,
  Mistake,
  MockPrompt,
  Phase,
  Related,
  ScenarioQuestion,
  Tradeoff,
  Trap,
} from '../guides/model.js';
import { NotFoundError, UsageError } from '../errors.js';
import { coachCommand, findOne, openGuide, openSummaries, type LibraryOptions } from './shared.js';
import { STANDARD_PLAN } from '../guides/phases.js';
import { namedGuide } from '../guides/match.js';
import { renderTable } from '../render/table.js';
import { piped, renderRecords, type View } from '../render/records.js';
import { renderBox } from '../render/box.js';
import { style, type Style } from '../render/style.js';
import { wrap } from '../render/layout.js';
import { timeline } from '../render/timeline.js';
import { count } from '../render/plural.js';
import { PARTS, type Part } from '../guides/parts.js';

export interface GuideOptions extends LibraryOptions {
  id?: string;
  section?: string;
}

const PART_ALIASES: Record<string, Part> = {
  timeline: 'pacing',
  phases: 'pacing',
  'questions-to-ask': 'questions',
  ask: 'questions',
  'trade-offs': 'tradeoffs',
  'key-numbers': 'numbers',
  'sample-flow': 'flow',
  'end-questions': 'end',
  'question-bank': 'bank',
  'mock-prompts': 'prompts',
};

/** Which guide a result is from. */
export interface GuideRef {
  id: string;
  title: string;
  system: string | null;
  bundled: boolean;
  /** The file, for a guide of yours; "" for a bundled one. */
  path: string;
}

/** What each part holds, by the name `--section` takes. */
export interface PartItems {
  pacing: Phase[];
  questions: AskQuestion[];
  scenarios: ScenarioQuestion[];
  tradeoffs: Tradeoff[];
  traps: Trap[];
  mistakes: Mistake[];
  cards: Card[];
  numbers: KeyNumber[];
  flow: FlowStep[];
  end: EndQuestion[];
  related: Related[];
  bank: BankQuestion[];
  prompts: MockPrompt[];
  discussion: DiscussionGroup[];
}
export type PartName = keyof PartItems;

export type PartResult = { [P in PartName]: { kind: 'part'; guide: GuideRef; part: P; items: PartItems[P] } }[PartName];

export interface SectionView {
  heading: string;
  /** 2 for a `##` heading, 3 for `###`... */
  depth: number;
  text: string;
}

export type GuideResult =
  | { kind: 'guides'; guides: { id: string; title: string }[] }
  | {
      kind: 'overview';
      guide: GuideRef & { summary: string | null };
      /** The guide's pacing, or the standard 45-minute plan when it has none. */
      pacing: Phase[];
      /** False when `pacing` is coach's standard plan, the guide having none of its own. */
      ownPacing: boolean;
      questions: AskQuestion[];
      mistakes: Mistake[];
      numbers: KeyNumber[];
      counts: { traps: number; tradeoffs: number; cards: number; questions: number; sections: number };
      /** `coach` with this run's --guides folders: how the commands that open the guide's parts begin. */
      coach: string;
    }
  | PartResult
  | { kind: 'section'; guide: GuideRef; section: SectionView; subsections: SectionView[] }
  | { kind: 'question'; guide: GuideRef; question: BankQuestion };

function ref(g: Guide): GuideRef {
  return { id: g.id, title: g.title, system: g.system ?? null, bundled: g.bundled, path: g.bundled ? '' : g.path };
}

function partItems(g: Guide, plan: Phase[]): PartItems {
  return {
    pacing: plan,
    questions: g.questionsToAsk,
    // An entry with neither a question nor branches says nothing.
    scenarios: g.scenarioQuestions.filter((q) => q.ask || q.branches.length > 0),
    tradeoffs: g.tradeoffs,
    traps: g.traps,
    mistakes: g.mistakes,
    cards: g.cards,
    numbers: g.numbers,
    flow: g.flow,
    end: g.endQuestions,
    related: g.related,
    bank: g.questions,
    prompts: g.mockPrompts,
    discussion: g.discussion,
  };
}

export async function guide(options: GuideOptions, io: Io): Promise<GuideResult> {
  // The names of every guide, then the one shown read alone (issue 14).
  const lib = await openSummaries(options, io);
  if (!options.id) return { kind: 'guides', guides: lib.guides.map((g) => ({ id: g.id, title: g.title })) };
  const found = (await findOne(lib.guides.map(namedGuide), options.id, 'guide', 'coach list guides', io)).summary;
  const g = await openGuide(options, io, lib, found);
  const plan = g.pacing.length > 0 ? g.pacing : STANDARD_PLAN;
  const section = options.section?.trim().toLowerCase();
  if (options.section !== undefined && !section) throw new UsageError('--section needs a name', `e.g. coach guide ${g.id} --section pacing`);
  if (!section || section === 'overview') {
    return {
      kind: 'overview',
      guide: { ...ref(g), summary: g.summary ?? null },
      pacing: plan,
      ownPacing: g.pacing.length > 0,
      questions: g.questionsToAsk,
      mistakes: g.mistakes,
      numbers: g.numbers,
      counts: { traps: g.traps.length, tradeoffs: g.tradeoffs.length, cards: g.cards.length, questions: g.questions.length, sections: g.sections.length },
      coach: coachCommand(options),
    };
  }
  const part = ((PARTS as readonly string[]).includes(section) ? section : PART_ALIASES[section]) as PartName | undefined;
  if (part) return { kind: 'part', guide: ref(g), part, items: partItems(g, plan)[part] } as PartResult;
  // A question of the bank, with its answer: `--section Q4`.
  const question = g.questions.find((q) => q.id.toLowerCase() === section);
  if (question) return { kind: 'question', guide: ref(g), question };
  const at = g.sections.findIndex((s) => s.heading.toLowerCase() === section);
  const index = at >= 0 ? at : g.sections.findIndex((s) => s.heading.toLowerCase().includes(section));
  if (index >= 0) {
    const found = g.sections[index]!;
    // The sections under it (a checklist's groups under their sub-headings) come with it.
    const subsections: SectionView[] = [];
    for (const s of g.sections.slice(index + 1)) {
      if (s.depth <= found.depth) break;
      subsections.push({ heading: s.heading, depth: s.depth, text: s.text });
    }
    return { kind: 'section', guide: ref(g), section: { heading: found.heading, depth: found.depth, text: found.text }, subsections };
  }
  const headings = g.sections.map((s) => s.heading).filter(Boolean);
  throw new NotFoundError(
    `guide '${g.id}' has no section '${options.section}'`,
    `parts: ${PARTS.join(', ')}; sections: ${headings.slice(0, 12).join(', ')}${headings.length > 12 ? ` and ${headings.length - 12} more` : ''}${g.questions.length > 0 ? `; questions: ${g.questions[0]!.id} to ${g.questions[g.questions.length - 1]!.id}` : ''}`,
  );
}

export function renderGuide(result: GuideResult, io: View): string {
  const s = style(io.color);
  const w = io.columns;
  if (result.kind === 'guides') {
    if (piped(io)) return renderRecords(result.guides.map((g) => [g.id, g.title]));
    return result.guides.map((g) => `${s.bold(g.id)}  ${g.title}`).join('\n');
  }
  if (result.kind === 'section') {
    const sub = result.subsections.map((x) => `${s.bold(x.heading)}${x.text ? `\n${prose(x.text, w, s)}` : ''}`);
    return [`${s.bold(result.section.heading)}${result.section.text ? `\n\n${prose(result.section.text, w, s)}` : ''}`, ...sub].join('\n\n');
  }
  if (result.kind === 'question') {
    const q = result.question;
    const about = [q.level, q.category].filter(Boolean).join(' · ');
    return [
      ...wrap(`${q.id}: ${q.text}`, w).map((l) => s.bold(l)),
      ...(about ? wrap(`${about} · ${result.guide.id}`, w).map((l) => s.dim(l)) : []),
      '',
      q.answer ? prose(q.answer, w, s) : s.dim('  The guide gives no answer to this question.'),
    ].join('\n');
  }
  if (result.kind === 'part') return renderPart(result, w, s);
  const g = result.guide;
  const out: string[] = [heading(g, w, s)];
  if (g.summary) out.push(prose(g.summary, w, s));
  const standard = result.ownPacing ? [] : wrap("The guide has no pacing of its own: this is coach's standard plan.", w).map((l) => s.dim(l));
  out.push(renderPacing(result.pacing, w, s, standard));
  if (result.questions.length > 0) out.push(renderPart({ kind: 'part', guide: g, part: 'questions', items: result.questions }, w, s));
  if (result.mistakes.length > 0) out.push(renderPart({ kind: 'part', guide: g, part: 'mistakes', items: result.mistakes }, w, s));
  if (result.numbers.length > 0) out.push(renderPart({ kind: 'part', guide: g, part: 'numbers', items: result.numbers }, w, s));
  const c = result.counts;
  const more = [
    // With this run's --guides: pasted anywhere, the command finds the same guide.
    c.traps && `${count(c.traps, 'trap')} (${result.coach} guide ${g.id} --section traps)`,
    c.tradeoffs && `${count(c.tradeoffs, 'trade-off')} (${result.coach} tradeoff <name>)`,
    c.cards && `${count(c.cards, 'card')} (${result.coach} card <name>)`,
    c.questions && `${count(c.questions, 'bank question')} (--section bank, or one: --section Q1)`,
    c.sections && `${count(c.sections, 'other section')} (--section <heading>)`,
  ].filter(Boolean);
  if (more.length > 0)
    out.push(
      hanging(`Also: ${more.join('; ')}`, w, 6)
        .map((l) => s.dim(l))
        .join('\n'),
    );
  return out.join('\n\n');
}

function heading(g: GuideRef, w: number, s: Style): string {
  // "BigHead — BigHead (Zipline, …)": a system that starts with the title is said once.
  const named = g.system && !g.system.toLowerCase().startsWith(g.title.toLowerCase()) ? `${g.title} — ${g.system}` : (g.system ?? g.title);
  const title = wrap(named, w);
  return [
    ...title.map((l, i) => (i === 0 && l.startsWith(g.title) ? s.bold(g.title) + s.dim(l.slice(g.title.length)) : s.dim(l))),
    ...wrap(`${g.id} · ${g.bundled ? 'bundled' : g.path}`, w).map((l) => s.dim(l)),
  ].join('\n');
}

/** Wraps a line to the width, its continuation lines indented by `by`. */
function hanging(text: string, w: number, by: number): string[] {
  const [first = '', ...rest] = wrap(text, w);
  if (rest.length === 0) return [first];
  return [first, ...wrap(rest.join(' '), w - by).map((l) => ' '.repeat(by) + l)];
}

const TABLE_ROW = / \| /;

/**
 * A section's text as the terminal shows it: paragraphs wrapped and indented, list
 * items hanging under their marker, and a table (rows of `a | b`, as the parser
 * keeps them) drawn as a table.
 */
function prose(text: string, w: number, s: Style): string {
  return text
    .split(/\n{2,}/)
    .map((block) => {
      const lines = block.split('\n');
      const cells = lines.map((l) => l.split(' | ').length);
      if (lines.length >= 2 && lines.every((l) => TABLE_ROW.test(l)) && cells.every((n) => n === cells[0])) {
        const rows = lines.map((l) => l.split(' | ').map((c) => c.trim()));
        return renderTable({ head: rows[0]!, rows: rows.slice(1), columns: w }, s);
      }
      return lines
        .flatMap((line) => {
          const lead = /^(\s*)((?:[-•*]|\d+[.)]|\[[ xX]\])\s+)?/.exec(line)!;
          const indent = 2 + lead[1]!.length;
          const marker = lead[2] ?? '';
          const body = wrap(line.slice(lead[0].length), Math.max(10, w - indent - marker.length));
          return body.map((l, i) => ' '.repeat(indent) + (i === 0 ? marker : ' '.repeat(marker.length)) + l);
        })
        .join('\n');
    })
    .join('\n\n');
}

/**
 * A line of a list: `text` wrapped under its mark (plain text, painted once placed);
 * under a long mark (a label on a narrow terminal), the text goes on two spaces in.
 */
function item(mark: string, text: string, w: number, lead = 2, paint: (t: string) => string = (t) => t): string[] {
  const hang = mark.length <= (w - lead) / 3 ? mark.length : 2;
  const [first = '', ...rest] = wrap(text, Math.max(10, w - lead - mark.length));
  const more = rest.length > 0 ? wrap(rest.join(' '), Math.max(10, w - lead - hang)) : [];
  return [' '.repeat(lead) + paint(mark) + first, ...more.map((l) => ' '.repeat(lead + hang) + l)];
}

function renderPacing(plan: Phase[], w: number, s: Style, note: string[] = []): string {
  const tips = plan.filter((p) => p.tips).flatMap((p) => item(`${p.name}: `, p.tips, w, 2, s.cyan));
  return [timeline(plan, w, s), ...note, ...(tips.length ? ['', s.bold('Tips'), ...tips] : [])].join('\n');
}

function renderPart(result: PartResult, w: number, s: Style): string {
  // A column no row fills (questions without a "why") is left out rather than drawn empty.
  const table = (head: string[], rows: string[][]): string => {
    const kept = head.map((_, i) => i).filter((i) => i === 0 || rows.some((r) => (r[i] ?? '').trim() !== ''));
    return renderTable({ head: kept.map((i) => head[i]!), rows: rows.map((r) => kept.map((i) => r[i] ?? '')), columns: w }, s);
  };
  const title = (t: string): string => s.bold(t);
  switch (result.part) {
    case 'pacing':
      return renderPacing(result.items, w, s);
    case 'questions':
      if (result.items.length === 0) return 'No questions to ask.';
      return `${title('Questions to ask')}\n${table(
        ['question', 'why it matters'],
        result.items.map((q) => [(q.group === 'must' ? '★ ' : '') + q.question, q.why ?? q.details.join('; ')]),
      )}`;
    case 'scenarios':
      return (
        result.items
          .map((q) => [...wrap(q.scenario, w).map(title), ...(q.ask ? item('Ask: ', q.ask, w) : []), ...q.branches.flatMap((b) => item(`→ ${b.when}: `, b.then, w, 3))].join('\n'))
          .join('\n\n') || 'No clarifying questions by scenario.'
      );
    case 'tradeoffs':
      if (result.items.length === 0) return 'No trade-offs.';
      return `${title('Trade-offs')}\n${table(
        ['trade-off', 'options', 'recommendation'],
        result.items.map((t) => [t.title, t.options.join(' vs '), t.recommendation ?? '']),
      )}`;
    case 'traps':
      return (
        result.items
          .map((t, i) =>
            [
              ...wrap(`${i + 1}. "${t.question}"`, w).map((l) => s.bold(l)),
              ...(t.wants ? item('Wants: ', t.wants, w, 0, s.cyan) : []),
              ...(t.weak ? item('Weak: ', t.weak, w, 0, s.red) : []),
              ...(t.strong ? [s.green('Strong:'), prose(t.strong, w, s)] : []),
              ...(t.keyPoints.length > 0 ? item('Key points: ', t.keyPoints.map((k) => k.label).join('; '), w, 0, s.cyan) : []),
            ].join('\n'),
          )
          .join('\n\n') || 'No traps.'
      );
    case 'mistakes':
      if (result.items.length === 0) return 'No common mistakes.';
      return `${title('Common mistakes')}\n${table(
        ['mistake', 'why it is wrong', 'better'],
        result.items.map((m) => [m.mistake, m.why ?? '', m.better ?? '']),
      )}`;
    case 'cards':
      return result.items.map((c) => renderBox(c, w, s)).join('\n\n') || 'No cards.';
    case 'numbers':
      // An empty table is drawn as a header over nothing: say so instead.
      if (result.items.length === 0) return 'No key numbers.';
      return `${title('Key numbers')}\n${table(
        ['metric', 'value', 'context'],
        result.items.map((n) => [n.metric, n.value, n.context ?? '']),
      )}`;
    case 'flow':
      return result.items.map((f) => `${title(f.title)}\n${prose(f.text, w, s)}`).join('\n\n') || 'No sample interview flow.';
    case 'end':
      return result.items.flatMap((q, i) => item(`${i + 1}. `, `${q.question}${q.why ? ` (${q.why})` : ''}`, w, 0)).join('\n') || 'No questions for the end.';
    case 'related':
      return result.items.flatMap((r) => item('• ', `${r.topic}${r.note ? ` — ${r.note}` : ''}${r.url ? ` ${r.url}` : ''}`, w, 0)).join('\n') || 'No related topics.';
    case 'bank':
      return result.items.length > 0
        ? `${table(
            ['id', 'question', 'level', 'category'],
            result.items.map((q) => [q.id, q.text, q.level ?? '', q.category ?? '']),
          )}\n${wrap(`Open one with its answer: coach guide ${result.guide.id} --section ${result.items[0]!.id}`, w)
            .map((l) => s.dim(l))
            .join('\n')}`
        : 'No question bank.';
    case 'prompts':
      return result.items.flatMap((p, i) => item(`${i + 1}. `, `${p.category ? `${p.category}: ` : ''}${p.prompt}`, w, 0)).join('\n') || 'No mock prompts.';
    case 'discussion':
      return result.items.map((d) => [title(d.title), ...d.points.flatMap((p) => item('• ', p, w))].join('\n')).join('\n\n') || 'No discussion points.';
  }
}
