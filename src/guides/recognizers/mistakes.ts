// Common mistakes: a table (mistake, why, what instead), a list, or one heading per
// mistake ("### Red Flag: Skipping requirements", "### Mistake 2: ...").
import type { Tokens } from 'marked';
import type { Mistake } from '../model.js';
import { allBlocks, listItems, segments, tableRows, type Node } from '../markdown.js';
import { keepSection, type Ctx, type Recognizer } from './context.js';

// The column that says why a mistake hurts: "Why It's Wrong", "Impact", "Consequence", "Problem".
const WHY = /why|problem|wrong|impact|consequence|effect|concern/i;
const BETTER = /better|instead|approach|fix|do|correct/i;
const BAD = /^(?:bad|weak|wrong|poor|what happens)\b/i;
// "Red Flag: Skipping requirements", "Mistake 2: ...": a heading that is one mistake.
const ONE_MISTAKE = /^(?:red flag|mistake|pitfall|anti-?pattern)(?:\s*#?\d+)?\s*:\s*(\S.*)$/i;

export const mistakes: Recognizer = {
  part: 'mistakes',
  yields: 'mistakes',
  // The candidate's mistakes; not an interviewer's ("Anti-Patterns to Avoid (as Interviewer)").
  heading: /^(?!.*\b(?:as|for) (?:an? |the )?interviewers?\b).*(?:\bmistakes?\b|pitfalls|anti-?patterns|\bred flags?\b)/i,
  layouts: [
    { name: 'mistake-table', example: '| Mistake | Why It Is Bad | What To Do Instead |' },
    { name: 'mistake-list', example: '- Jumping to the solution' },
    { name: 'impact-column', example: '| Mistake | Impact | Correct Approach |' },
    { name: 'red-flags', example: '## Red Flags to Avoid\n| Red Flag | Why It Is Wrong | Correct Approach |' },
    { name: 'mistake-per-heading', example: "### Mistake 1: Skipping requirements\n**Why it's wrong:** ...\n**Better approach:** ..." },
  ],
  read(node, ctx) {
    const before = ctx.guide.mistakes.length;
    if (oneMistake(node, ctx)) return;
    for (const b of node.blocks) readBlock(b, ctx);
    for (const child of node.children) if (!oneMistake(child, ctx)) for (const b of allBlocks(child)) readBlock(b, ctx);
    if (ctx.guide.mistakes.length === before) keepSection(node, ctx);
  },
};

function readBlock(b: Tokens.Generic, ctx: Ctx): void {
  if (b.type === 'table') {
    const { header, rows } = tableRows(b as unknown as Tokens.Table);
    const why = header.findIndex((h, i) => i > 0 && WHY.test(h));
    const better = header.findIndex((h, i) => i > 0 && i !== why && BETTER.test(h));
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

/** "### Mistake 1: X" with its labelled parts; the text under it, unlabelled, says why. */
function oneMistake(node: Node, ctx: Ctx): boolean {
  const one = ONE_MISTAKE.exec(node.heading.trim());
  if (!one || node.children.length > 0 || node.blocks.some((b) => b.type === 'table' || b.type === 'list')) return false;
  const m: Mistake = { mistake: one[1]!.trim() };
  const { lead, parts } = segments(node.blocks, (l) => WHY.test(l) || BETTER.test(l) || BAD.test(l));
  for (const part of parts) {
    // "**Bad approach:** ..." shows the mistake made; "**Better approach:** ..." what to do.
    if (BAD.test(part.label)) m.mistake = `${m.mistake} — ${part.text}`;
    else if (BETTER.test(part.label)) m.better = part.text;
    else m.why = part.text;
  }
  if (lead && !m.why) m.why = lead;
  ctx.guide.mistakes.push(m);
  return true;
}
