// Quick-reference cards: tables, boxes and lists drawn as one card each.
import type { Card } from '../model.js';
import { markdownCardBlocks } from '../cards.js';
import { allBlocks } from '../markdown.js';
import { slug, titleCase } from '../text.js';
import type { Recognizer } from './context.js';

export const cards: Recognizer = {
  part: 'cards',
  yields: 'cards',
  heading: /quick[- ]?reference|cheat[- ]?sheet|reference card|interview card/i,
  layouts: [
    { name: 'card-per-subheading', example: '## Quick Reference Cards\n### Latency Budget\n| Hop | Budget |' },
    { name: 'ascii-box', example: '```\n+------------------+\n| COMPONENT STACK  |\n+------------------+\n```' },
    { name: 'one-card-with-sections', example: '## Quick Reference Card\n### Key Numbers\n| Metric | Target |\n### The 5-Sentence Summary\n1. ...' },
  ],
  read(node, ctx) {
    // "Quick Reference Card" (one) with sub-headings is one card in sections;
    // "Quick Reference Cards" (several) is a card per sub-heading.
    const one = !/cards\b|sheets\b/i.test(node.heading);
    const cardNodes = node.children.length > 0 && !one ? node.children : [{ ...node, blocks: allBlocks(node), children: [] }];
    if (!one && node.children.length > 0 && node.blocks.length > 0) cardNodes.unshift({ ...node, children: [] });
    for (const n of cardNodes) {
      const parsed = markdownCardBlocks(allBlocks(n));
      if (parsed.blocks.length === 0) continue;
      const fromHeading = n.heading.replace(/\s*[-–:(]?\s*quick[- ]?reference( card)?\)?\s*$/i, '').trim();
      const title = fromHeading && !/^(quick[- ]?reference( cards?)?|card)$/i.test(fromHeading) ? fromHeading : (titleFromSubtitle(parsed.subtitle) ?? ctx.guide.title);
      const id = ctx.cardIds.take(slug(title) || 'card');
      const extra = ctx.cardTags[id];
      const tags = Array.isArray(extra) ? extra.map(String) : [];
      const card: Card = { id, title, tags, blocks: parsed.blocks, line: n.line };
      if (parsed.subtitle) card.subtitle = parsed.subtitle;
      ctx.guide.cards.push(card);
    }
  },
};

function titleFromSubtitle(subtitle: string | undefined): string | undefined {
  if (!subtitle) return undefined;
  const t = subtitle.replace(/\(.*\)/, '').replace(/[-–—]\s*interview (card|quick reference)/i, '').trim();
  return t ? titleCase(slug(t)) : undefined;
}
