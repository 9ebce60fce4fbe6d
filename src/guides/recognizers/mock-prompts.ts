// Mock interview prompts: one per list item, with an optional category; or the one
// prompt a guide opens with ("## The Interview Prompt" and a quote to design something).
import type { Tokens } from 'marked';
import type { MockPrompt } from '../model.js';
import { allBlocks, blockText, listItems, type Block } from '../markdown.js';
import { unquote } from '../text.js';
import type { Ctx, Recognizer } from './context.js';

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

// "**Opening prompt:** "Design an AI-powered platform that…"" wherever the guide says it.
const OPENING = /^\s*(?:\*\*|__)?(?:opening |initial )?prompt(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.+)$/is;
const ASKS_DESIGN = /^(?:design|build|architect|how would you (?:design|build)|walk me through how you'?d (?:design|build))\b/i;

/** Opening prompts seen in a guide so far, by its parse. */
const openings = new WeakMap<Ctx, string[]>();

/** A prompt a guide opens an interview with, given as a labelled line in any section. */
export function openingPrompt(blocks: Block[], ctx: Ctx): void {
  for (const b of blocks) {
    if (b.type !== 'paragraph') continue;
    const m = OPENING.exec((b as Tokens.Paragraph).text);
    const text = m ? unquote(m[1]!.replace(/\s+/g, ' ').trim()) : '';
    if (ASKS_DESIGN.test(text) && text.length <= 400) openings.set(ctx, [...(openings.get(ctx) ?? []), text]);
  }
}

/**
 * The mock's prompt, when the guide has none of its own: its one opening prompt. A
 * guide that gives one per deep dive ("Walk me through how you'd design the valuation
 * model") opens with none of them.
 */
export function settleOpeningPrompt(ctx: Ctx): void {
  const found = openings.get(ctx) ?? [];
  if (ctx.guide.mockPrompts.length === 0 && found.length === 1) ctx.guide.mockPrompts.push({ prompt: found[0]! });
}
