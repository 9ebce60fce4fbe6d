// Key numbers to remember: metric, value and context. A table of them ("| Metric |
// Value | Context |"), or lines of "Metric: value" in a list or a drawn box ("│  • DAU:
// 2 billion  │"), under a heading that names them, wherever it sits: a guide's quick
// reference card often holds its key numbers, and the card keeps them too.
import type { Tokens } from 'marked';
import type { KeyNumber } from '../model.js';
import { allBlocks, listItems, tableRows, type Block, type Node } from '../markdown.js';
import type { Ctx, Recognizer } from './context.js';

export const numbers: Recognizer = {
  part: 'numbers',
  yields: 'numbers',
  heading: /key (?:scaling )?numbers|numbers (?:to (?:know|remember|memori[sz]e)|that matter)|numbers cheat|critical numbers|quick reference numbers|key metrics to know/i,
  layouts: [
    { name: 'metric-value-table', example: '| Metric | Value | Context |' },
    { name: 'metric-value-lines', example: '- DAU: 2 billion' },
  ],
  read(node, ctx) {
    for (const b of allBlocks(node)) {
      if (b.type === 'table') readTable(b, ctx.guide.numbers);
      else if (b.type === 'code') {
        for (const line of (b as Tokens.Code).text.split('\n')) addLine(line, ctx.guide.numbers);
      } else if (b.type === 'list') {
        for (const item of listItems(b as unknown as Tokens.List)) addLine(item.text, ctx.guide.numbers);
      }
    }
  },
};

/** A table of metrics and values: each row a key number, with its context when a column gives one. */
function readTable(b: Block, out: KeyNumber[]): void {
  const { header, rows } = tableRows(b as unknown as Tokens.Table);
  const value = Math.max(
    1,
    header.findIndex((h) => /value|number|target|figure/i.test(h)),
  );
  const context = header.findIndex((h, i) => i !== value && i > 0 && /context|why|note|source/i.test(h));
  for (const r of rows) {
    const n: KeyNumber = { metric: r[0] ?? '', value: r[value] ?? '' };
    if (context > 0 && r[context]) n.context = r[context];
    if (n.metric && n.value) out.push(n);
  }
}

// "• DAU: 2 billion (Facebook)", "│  - Feed QPS: ~700,000 (peak)  │", "**p99 latency**: < 10 ms",
// "Read:Write ratio: 99:1" (a colon inside a word is not the one before the figure).
const LINE = /^[\s│|║•·*+-]*(?:\*\*)?([A-Za-z](?:[^:│|]|:(?=\S)){1,60}?)(?:\*\*)?\s*:\s+(?:\*\*)?(.*?\d.*?)[\s│|║]*$/;

/** A line that gives a figure for a metric ("DAU: 2 billion"): a key number. */
function addLine(line: string, out: KeyNumber[]): void {
  const m = LINE.exec(line);
  if (!m) return;
  const metric = m[1]!.trim();
  const value = m[2]!.replace(/\*\*/g, '').trim();
  if (metric.split(/\s+/).length <= 8 && value.length <= 120) out.push({ metric, value });
}

// A lead-in that names the numbers a table gives ("**Pull out these numbers in interview:**").
const LEAD_IN = /\bnumbers\b[^.]*:\s*$/i;
// A label in a drawn box ("│  CRITICAL NUMBERS:  │"), and any label that ends its lines.
const BOX_LABEL = /^(?:key |critical |important )?numbers\b[^a-z]*$/i;
const ANY_LABEL = /^[A-Z][A-Z0-9 &/()+-]*:?$/;

/**
 * Key numbers in blocks without a heading of their own: a table after a lead-in that
 * names them, or the lines under a "CRITICAL NUMBERS:" label of a box drawn in a code
 * block, up to its next label.
 */
export function leadInNumbers(blocks: Block[], out: KeyNumber[]): void {
  blocks.forEach((b, i) => {
    const before = blocks[i - 1];
    const lead = before?.type === 'paragraph' ? (before as Tokens.Paragraph).text.replace(/[*_`]+/g, '') : '';
    if (b.type === 'table' && lead.length <= 100 && LEAD_IN.test(lead)) readTable(b, out);
    if (b.type !== 'code') return;
    let on = false;
    for (const line of (b as Tokens.Code).text.split('\n')) {
      const bare = line.replace(/[│|║┌┐└┘├┤┬┴┼─═╔╗╚╝╠╣]/g, ' ').trim();
      if (BOX_LABEL.test(bare)) on = true;
      else if (ANY_LABEL.test(bare)) on = false;
      else if (on) addLine(line, out);
    }
  });
}

/**
 * The key numbers of a section another part took (a quick reference card keeps its
 * numbers, and they are the guide's too): its sections headed as key numbers, and its
 * tables and boxes led in as them.
 */
export function numbersWithin(node: Node, ctx: Ctx): void {
  if (numbers.heading.test(node.heading)) {
    numbers.read(node, ctx, []);
    return;
  }
  leadInNumbers(node.blocks, ctx.guide.numbers);
  for (const child of node.children) numbersWithin(child, ctx);
}
