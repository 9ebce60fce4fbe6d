// Trap questions: the question, what the interviewer wants, the weak and the strong
// answer, and the key points a strong answer makes.
import type { Tokens } from 'marked';
import type { KeyPoint, Trap } from '../model.js';
import { parseKeyPoint } from '../keypoints.js';
import { allBlocks, segments, tableRows, type Block, type Node } from '../markdown.js';
import { unquote } from '../text.js';
import { descendants, firstTable, keepSection, shortId, type Ctx, type Recognizer } from './context.js';

export const traps: Recognizer = {
  part: 'traps',
  yields: 'traps',
  heading: /\btraps?\b/i,
  layouts: [
    { name: 'trap-headings', example: '### Trap 1: "Why not just use X?"\n**What Interviewer Wants:** ...\n**Bad Answer:** ...\n**Good Answer:** ...\n**Key points:**\n- **Label**: term, term -- hint' },
    { name: 'trap-table', example: '| Trap Question | What Interviewer Wants | Best Answer |' },
  ],
  read(node, ctx) {
    const trapNodes = descendants(node).filter((n) => /trap\s*\d|^["“']|\?["”']?\s*$/i.test(n.heading.trim()));
    if (trapNodes.length > 0) {
      for (const n of trapNodes) ctx.guide.traps.push(trapFrom(n));
      return;
    }
    const table = firstTable(node, (h) => h.some((c) => /trap|question/i.test(c)));
    if (table) {
      trapsFromTable(table, ctx);
      return;
    }
    keepSection(node, ctx);
  },
};

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

function trapFrom(node: Node): Trap {
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

/** Key points written as a list: `**Label**: term, term -- hint`, one per item. */
export function keyPointsOf(blocks: Block[]): KeyPoint[] {
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
