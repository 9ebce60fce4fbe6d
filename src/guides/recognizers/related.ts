// Related topics and references: a list of links or a table.
import type { Tokens } from 'marked';
import type { Related } from '../model.js';
import { allBlocks, inlineText, oneLine, tableRows } from '../markdown.js';
import { squash } from '../text.js';
import type { Recognizer } from './context.js';

export const related: Recognizer = {
  part: 'related',
  yields: 'related',
  heading: /related topics|further study|follow-?up topics|^references\b|see also/i,
  layouts: [
    { name: 'topic-list', example: '- [Title](https://...): why it matters' },
    { name: 'topic-table', example: '| Topic | Note |' },
  ],
  read(node, ctx) {
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
};
