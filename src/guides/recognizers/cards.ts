// Quick-reference cards: tables, boxes and lists drawn as one card each.
import type { Card } from '../model.js';
import { markdownCardBlocks } from '../cards.js';
import { allBlocks } from '../markdown.js';
import { isShouted, recaseShouted, slug, squash } from '../text.js';
import type { Ctx, Recognizer } from './context.js';

export const cards: Recognizer = {
  part: 'cards',
  yields: 'cards',
  heading: /quick[- ]?reference|cheat[- ]?sheet|reference card|interview card/i,
  layouts: [
    { name: 'card-per-subheading', example: '## Quick Reference Cards\n### Latency Budget\n| Hop | Budget |' },
    { name: 'ascii-box', example: '```\n+------------------+\n| COMPONENT STACK  |\n+------------------+\n```' },
    { name: 'one-card-with-sections', example: '## Quick Reference Card\n### Key Numbers\n| Metric | Target |\n### The 5-Sentence Summary\n1. ...' },
    {
      name: 'box-sections',
      example:
        '│ KEY NUMBERS        KEY DECISIONS │\n│ ───────────        ───────────── │\n│ 2,000 spaces       ✓ Plates      │\n│ Payments:                        │\n│   Card on exit                   │',
    },
    { name: 'box-diagram', example: '│ Phone -> API -> Queue │\n│          ↓            │\n│       Metadata DB     │' },
    { name: 'shouted-titles', example: '## 7. Quick Reference Card\n│ TIKTOK FEED GRAPHQL CDN - CHEAT SHEET │  → "TikTok Feed GraphQL CDN"' },
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
      // "7. Quick Reference Card" names no card: its number and the words for a card go.
      const fromHeading = n.heading
        .replace(/^\d+(?:\.\d+)*[.)]?\s*/, '')
        .replace(/\s*[-–:(]?\s*quick[- ]?reference( card)?\)?\s*$/i, '')
        .trim();
      const named = fromHeading && !/^(?:quick[- ]?reference(?: cards?)?|(?:interview )?cheat[- ]?sheets?|card)$/i.test(fromHeading) ? fromHeading : undefined;
      // A guide titled only by its id ("42515436219") gives a card no name: the heading's own words do.
      const fallback = /[a-z]/i.test(ctx.guide.title) ? ctx.guide.title : n.heading.replace(/^\d+(?:\.\d+)*[.)]?\s*/, '') || ctx.guide.title;
      const title = recase(named, ctx) ?? titleFromSubtitle(parsed.subtitle, ctx) ?? fallback;
      const id = ctx.cardIds.take(slug(title) || 'card');
      const extra = ctx.cardTags[id];
      const tags = Array.isArray(extra) ? extra.map(String) : [];
      const card: Card = { id, title, tags, blocks: parsed.blocks, line: n.line };
      if (parsed.subtitle) card.subtitle = parsed.subtitle;
      ctx.guide.cards.push(card);
    }
  },
};

/** A title from the heading drawn inside a box: without "- Interview Quick Ref", in the guide's own capitals. */
function titleFromSubtitle(subtitle: string | undefined, ctx: Ctx): string | undefined {
  if (!subtitle) return undefined;
  const full = squash(subtitle.replace(/\([^()]*\)/g, ' '));
  // Looked for in the last characters only: the pattern starts anywhere, and a long run
  // of dashes must not make it quadratic.
  const from = Math.max(0, full.length - 60);
  const tail = /[-–—:|]+\s*(?:interview(?:\s+(?:card|quick\s+ref(?:erence)?|cheat\s*sheet|prep))?|quick\s+ref(?:erence)?(?:\s+card)?|cheat\s*sheet)$/i.exec(full.slice(from));
  const t = (tail ? full.slice(0, from + tail.index) : full).trim();
  return t ? recase(t, ctx) : undefined;
}

/** Shouted text ("DNS CHEAT SHEET") as a title ("DNS Cheat Sheet"); text in mixed case as written. */
function recase(text: string | undefined, ctx: Ctx): string | undefined {
  if (!text) return undefined;
  return isShouted(text) ? recaseShouted(text, ctx.spelling) : text;
}
