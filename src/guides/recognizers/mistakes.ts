// Common mistakes: a table (mistake, why, what instead) or a list.
import type { Tokens } from 'marked';
import type { Mistake } from '../model.js';
import { allBlocks, listItems, tableRows } from '../markdown.js';
import type { Recognizer } from './context.js';

export const mistakes: Recognizer = {
  part: 'mistakes',
  yields: 'mistakes',
  heading: /\bmistakes?\b|pitfalls|anti-?patterns/i,
  layouts: [
    { name: 'mistake-table', example: '| Mistake | Why It Is Bad | What To Do Instead |' },
    { name: 'mistake-list', example: '- Jumping to the solution' },
  ],
  read(node, ctx) {
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
};
