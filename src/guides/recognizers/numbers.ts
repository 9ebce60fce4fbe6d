// Key numbers to remember: metric, value and context.
import type { Tokens } from 'marked';
import type { KeyNumber } from '../model.js';
import { allBlocks, tableRows } from '../markdown.js';
import type { Recognizer } from './context.js';

export const numbers: Recognizer = {
  part: 'numbers',
  yields: 'numbers',
  heading: /key numbers|numbers (to (know|memori[sz]e)|that matter)|numbers cheat/i,
  layouts: [{ name: 'metric-value-table', example: '| Metric | Value | Context |' }],
  read(node, ctx) {
    for (const b of allBlocks(node)) {
      if (b.type !== 'table') continue;
      const { header, rows } = tableRows(b as unknown as Tokens.Table);
      const value = Math.max(
        1,
        header.findIndex((h) => /value|number|target|figure/i.test(h)),
      );
      const context = header.findIndex((h, i) => i !== value && i > 0 && /context|why|note|source/i.test(h));
      for (const r of rows) {
        const n: KeyNumber = { metric: r[0] ?? '', value: r[value] ?? '' };
        if (context > 0 && r[context]) n.context = r[context];
        if (n.metric && n.value) ctx.guide.numbers.push(n);
      }
    }
  },
};
