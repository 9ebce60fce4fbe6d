// The question bank: `**Q12: question** (L5-L6)` paragraphs anywhere in a guide, each
// with the text up to the next question as its answer, filed under its category.
import type { Tokens } from 'marked';
import type { BankQuestion } from '../model.js';
import { blocksText, type Block, type Node } from '../markdown.js';
import type { Ctx, Layout } from './context.js';

export const layouts: Layout[] = [{ name: 'bold-q-paragraphs', example: '## Model Serving\n**Q4: How do you serve a model to 1M users?** (L5-L6)\nAnswer paragraphs...' }];

const Q_LINE = /^\*\*Q(\d+)\s*[:.)]\s*(.+?)\*\*\s*(?:\((L\d[^)]*)\))?\s*$/;

export function isQuestionBlock(b: Block): boolean {
  return b.type === 'paragraph' && Q_LINE.test((b as unknown as Tokens.Paragraph).text.trim());
}

export function collectQuestions(node: Node, ctx: Ctx, ancestors: Node[]): void {
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
  return h
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/\s+questions?$/i, '')
    .trim();
}
