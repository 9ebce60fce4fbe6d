// Mock interview prompts: one per list item, with an optional category; or the one
// prompt a guide opens with ("## The Interview Prompt" and a quote to design something).
import type { Tokens } from 'marked';
import type { MockPrompt } from '../model.js';
import { allBlocks, blockText, listItems } from '../markdown.js';
import { unquote } from '../text.js';
import type { Recognizer } from './context.js';

export const mockPrompts: Recognizer = {
  part: 'mockPrompts',
  yields: 'mockPrompts',
  heading: /mock (interview )?(questions|prompts)|practice prompts|^\W*(the )?(interview |design )?(prompt|question)\W*$|^\W*(the )?problem( statement)?\W*$/i,
  layouts: [
    { name: 'prompt-list', example: '- Category: "Design a feature store for 10K models"' },
    { name: 'quoted-prompt', example: '## The Interview Prompt\n> "Design a real-time bidding system handling 1M requests per second."' },
  ],
  read(node, ctx) {
    const blocks = allBlocks(node);
    if (!blocks.some((b) => b.type === 'list') || !/mock|practice/i.test(node.heading)) {
      // The one prompt: a quote, or a paragraph that asks to design something.
      for (const b of blocks) {
        if (b.type !== 'blockquote' && b.type !== 'paragraph') continue;
        // "Design a feature-flag system for iOS apps. Requirements:" ends before its lead-in.
        const text = unquote(blockText(b).replace(/\s+/g, ' ').trim()).replace(/(?<=[.?!])\s+[^.?!]{1,40}:$/, '');
        if (/^(design|build|architect|how would you (design|build))\b/i.test(text) && text.length <= 400) {
          ctx.guide.mockPrompts.push({ prompt: text });
          break;
        }
      }
      return;
    }
    for (const b of blocks) {
      if (b.type !== 'list') continue;
      for (const item of listItems(b as unknown as Tokens.List)) {
        const m = /^([^:"“]{2,40}):\s*(.+)$/.exec(item.text);
        const p: MockPrompt = m ? { category: m[1]!.trim(), prompt: unquote(m[2]!) } : { prompt: unquote(item.text) };
        ctx.guide.mockPrompts.push(p);
      }
    }
  },
};
