// coach guide <id> [--section NAME]: one guide's overview, or one of its parts.
import type { Io } from '../io.js';
import type { Guide, Phase } from '../guides/model.js';
import { UsageError } from '../errors.js';
import { findOne, openLibrary, type LibraryOptions } from './shared.js';
import { STANDARD_PLAN } from '../guides/phases.js';
import { renderTable } from '../render/table.js';
import { renderBox } from '../render/box.js';
import { style, type Style } from '../render/style.js';
import { wrap } from '../render/layout.js';
import { timeline } from '../render/timeline.js';
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

export type GuideResult =
  | { kind: 'guides'; guides: { id: string; title: string }[] }
  | { kind: 'overview'; guide: Guide; plan: Phase[] }
  | { kind: 'part'; guide: Guide; part: Part; plan: Phase[] }
  | { kind: 'section'; guide: Guide; heading: string; text: string };

export async function guide(options: GuideOptions, io: Io): Promise<GuideResult> {
  const lib = await openLibrary(options, io);
  if (!options.id) return { kind: 'guides', guides: lib.guides.map((g) => ({ id: g.id, title: g.title })) };
  const g = findOne(lib.guides.map((x) => ({ ...x, extra: x.system ?? '' })), options.id, 'guide', 'coach list guides', io);
  const plan = g.pacing.length > 0 ? g.pacing : STANDARD_PLAN;
  const section = options.section?.trim().toLowerCase();
  if (!section || section === 'overview') return { kind: 'overview', guide: g, plan };
  const part = (PARTS as readonly string[]).includes(section) ? (section as Part) : PART_ALIASES[section];
  if (part) return { kind: 'part', guide: g, part, plan };
  const plain = g.sections.find((s) => s.heading.toLowerCase().includes(section));
  if (plain) return { kind: 'section', guide: g, heading: plain.heading, text: plain.text };
  throw new UsageError(
    `guide '${g.id}' has no section '${options.section}'`,
    `parts: ${PARTS.join(', ')}; sections: ${g.sections.map((s) => s.heading).filter(Boolean).slice(0, 12).join(', ')}`,
  );
}

export function renderGuide(result: GuideResult, io: Pick<Io, 'columns' | 'color'>): string {
  const s = style(io.color);
  const w = io.columns;
  if (result.kind === 'guides') return result.guides.map((g) => `${s.bold(g.id)}  ${g.title}`).join('\n');
  const g = result.guide;
  if (result.kind === 'section') return `${s.bold(result.heading)}\n\n${para(result.text, w)}`;
  if (result.kind === 'part') return renderPart(g, result.part, result.plan, w, s);
  const out: string[] = [heading(g, s)];
  if (g.summary) out.push(para(g.summary, w));
  out.push(renderPart(g, 'pacing', result.plan, w, s));
  if (g.questionsToAsk.length > 0) out.push(renderPart(g, 'questions', result.plan, w, s));
  if (g.mistakes.length > 0) out.push(renderPart(g, 'mistakes', result.plan, w, s));
  if (g.numbers.length > 0) out.push(renderPart(g, 'numbers', result.plan, w, s));
  const more = [
    g.traps.length && `${g.traps.length} traps (coach guide ${g.id} --section traps)`,
    g.tradeoffs.length && `${g.tradeoffs.length} trade-offs (coach tradeoff <name>)`,
    g.cards.length && `${g.cards.length} cards (coach card <name>)`,
    g.questions.length && `${g.questions.length} bank questions (--section bank)`,
    g.sections.length && `${g.sections.length} other sections (--section <heading>)`,
  ].filter(Boolean);
  if (more.length > 0) out.push(s.dim(`Also: ${more.join('; ')}`));
  return out.join('\n\n');
}

function heading(g: Guide, s: Style): string {
  return `${s.bold(g.title)}${g.system ? s.dim(` — ${g.system}`) : ''}\n${s.dim(`${g.id} · ${g.bundled ? 'bundled' : g.path}`)}`;
}

function para(text: string, columns: number): string {
  return wrap(text, columns - 2).map((l) => (l ? `  ${l}` : l)).join('\n');
}

function renderPart(g: Guide, part: Part, plan: Phase[], w: number, s: Style): string {
  const table = (head: string[], rows: string[][]): string => renderTable({ head, rows, columns: w }, s);
  const title = (t: string): string => s.bold(t);
  switch (part) {
    case 'overview':
    case 'pacing': {
      const tips = plan.filter((p) => p.tips).map((p) => `  ${s.cyan(p.name)}: ${p.tips}`);
      return [timeline(plan, w, s), ...(tips.length ? ['', title('Tips'), ...tips] : [])].join('\n');
    }
    case 'questions':
      return `${title('Questions to ask')}\n${table(['question', 'why it matters'], g.questionsToAsk.map((q) => [(q.group === 'must' ? '★ ' : '') + q.question, q.why ?? q.details.join('; ')]))}`;
    case 'scenarios':
      return g.scenarioQuestions
        .map((q) => `${title(q.scenario)}\n  Ask: ${q.ask}\n${q.branches.map((b) => `   → ${s.cyan(b.when)}: ${b.then}`).join('\n')}`)
        .join('\n\n') || 'No clarifying questions by scenario.';
    case 'tradeoffs':
      return `${title('Trade-offs')}\n${table(['trade-off', 'options', 'recommendation'], g.tradeoffs.map((t) => [t.title, t.options.join(' vs '), t.recommendation ?? '']))}`;
    case 'traps':
      return g.traps
        .map((t, i) =>
          [
            s.bold(`${i + 1}. "${t.question}"`),
            t.wants && `${s.cyan('Wants:')} ${t.wants}`,
            t.weak && `${s.red('Weak:')} ${t.weak}`,
            t.strong && `${s.green('Strong:')}\n${para(t.strong, w)}`,
            t.keyPoints.length > 0 && `${s.cyan('Key points:')} ${t.keyPoints.map((k) => k.label).join('; ')}`,
          ]
            .filter(Boolean)
            .join('\n'),
        )
        .join('\n\n') || 'No traps.';
    case 'mistakes':
      return `${title('Common mistakes')}\n${table(['mistake', 'why it is wrong', 'better'], g.mistakes.map((m) => [m.mistake, m.why ?? '', m.better ?? '']))}`;
    case 'cards':
      return g.cards.map((c) => renderBox(c, w, s)).join('\n\n') || 'No cards.';
    case 'numbers':
      return `${title('Key numbers')}\n${table(['metric', 'value', 'context'], g.numbers.map((n) => [n.metric, n.value, n.context ?? '']))}`;
    case 'flow':
      return g.flow.map((f) => `${title(f.title)}\n${para(f.text, w)}`).join('\n\n') || 'No sample interview flow.';
    case 'end':
      return g.endQuestions.map((q, i) => `${i + 1}. ${q.question}${q.why ? s.dim(` (${q.why})`) : ''}`).join('\n') || 'No questions for the end.';
    case 'related':
      return g.related.map((r) => `• ${s.bold(r.topic)}${r.note ? ` — ${r.note}` : ''}${r.url ? s.dim(` ${r.url}`) : ''}`).join('\n') || 'No related topics.';
    case 'bank':
      return g.questions.length > 0 ? table(['id', 'question', 'level', 'category'], g.questions.map((q) => [q.id, q.text, q.level ?? '', q.category ?? ''])) : 'No question bank.';
    case 'prompts':
      return g.mockPrompts.map((p, i) => `${i + 1}. ${p.category ? s.bold(`${p.category}: `) : ''}${p.prompt}`).join('\n') || 'No mock prompts.';
    case 'discussion':
      return g.discussion.map((d) => `${title(d.title)}\n${d.points.map((p) => `  • ${p}`).join('\n')}`).join('\n\n') || 'No discussion points.';
  }
}
