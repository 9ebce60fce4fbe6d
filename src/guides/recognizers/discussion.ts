// Discussion points by interviewer background (ML, infrastructure, data, product).
import type { Tokens } from 'marked';
import type { DiscussionGroup } from '../model.js';
import { allBlocks, listItems } from '../markdown.js';
import { slug } from '../text.js';
import type { Recognizer } from './context.js';

export function background(heading: string): string {
  const h = heading.toLowerCase();
  if (/infra|sre|ops|reliab/.test(h)) return 'infra';
  if (/data eng|\bdata\b/.test(h)) return 'data';
  if (/product|business|pm\b/.test(h)) return 'product';
  if (/\bml\b|machine learning|research|scien/.test(h)) return 'ml';
  return slug(heading);
}

export const discussion: Recognizer = {
  part: 'discussion',
  yields: 'discussion',
  heading: /discussion points|interviewer background|if (the )?interviewer (has|is)/i,
  layouts: [{ name: 'background-subheadings', example: '### If Interviewer Has ML Background\n- Feature drift detection' }],
  read(node, ctx) {
    const groups = node.children.length > 0 ? node.children : [node];
    for (const g of groups) {
      const points = allBlocks(g)
        .filter((b) => b.type === 'list')
        .flatMap((b) => listItems(b as unknown as Tokens.List).map((i) => i.text));
      const group: DiscussionGroup = { background: background(g.heading), title: g.heading, points };
      if (points.length > 0) ctx.guide.discussion.push(group);
    }
  },
};
