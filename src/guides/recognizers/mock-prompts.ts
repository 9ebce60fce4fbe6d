// Mock interview prompts: one per list item, with an optional category.
import type { Tokens } from 'marked';
import type { MockPrompt } from '../model.js';
import { allBlocks, listItems } from '../markdown.js';
import { unquote } from '../text.js';
import type { Recognizer } from './context.js';

export const mockPrompts: Recognizer = {
  part: 'mockPrompts',
  yields: 'mockPrompts',
  heading: /mock (interview )?(questions|prompts)|practice prompts/i,
  layouts: [{ name: 'prompt-list', example: '- Category: "Design a feature store for 10K models"' }],
  read(node, ctx) {
    for (const b of allBlocks(node)) {
      if (b.type !== 'list') continue;
      for (const item of listItems(b as unknown as Tokens.List)) {
        const m = /^([^:"“]{2,40}):\s*(.+)$/.exec(item.text);
        const p: MockPrompt = m ? { category: m[1]!.trim(), prompt: unquote(m[2]!) } : { prompt: unquote(item.text) };
        ctx.guide.mockPrompts.push(p);
      }
    }
  },
};
