// Related topics and references: a list of links or a table.
import type { Tokens } from 'marked';
import type { Related } from '../model.js';
import { allBlocks, inlineText, oneLine, tableRows } from '../markdown.js';
import { squash } from '../text.js';
import type { Recognizer } from './context.js';

/** ` -- ` in prose is a dash. */
const dashes = (text: string): string => text.replace(/\s--\s/g, ' — ');

export const related: Recognizer = {
  part: 'related',
  yields: 'related',
  heading: /related topics|further study|follow-?up topics|^references\b|see also/i,
  layouts: [
    { name: 'topic-list', example: '- [Title](https://...): why it matters' },
    { name: 'link-then-note', example: '- [Title: with a colon (blog)](https://...) -- why it matters' },
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
          let rel: Related;
          if (link) {
            // The link's text is the title, colons and all; what follows it is the note.
            const after = squash(oneLine(inlineText(tokens.slice(tokens.indexOf(link) + 1))));
            const note = after.replace(/^(?:[:—–]|--?)\s*/, '');
            rel = { topic: squash(inlineText(link.tokens)) || link.text, ...(note ? { note: dashes(note) } : {}), url: link.href };
          } else {
            const m = /^(.+?)\s*(?:[:—–]|\s--)\s+(.+)$/.exec(text);
            rel = m ? { topic: m[1]!.replace(/:$/, ''), note: dashes(m[2]!) } : { topic: text };
          }
          if (rel.topic) ctx.guide.related.push(rel);
        }
      }
    }
  },
};
