// Trade-offs: two or more options compared aspect by aspect, with the recommendation
// and what to say in the interview.
import type { Tokens } from 'marked';
import type { Tradeoff } from '../model.js';
import { allBlocks, segments, tableRows, type Block, type Node } from '../markdown.js';
import { unquote } from '../text.js';
import { firstTable, keepSection, shortId, type Ctx, type Recognizer } from './context.js';

export const tradeoffs: Recognizer = {
  part: 'tradeoffs',
  yields: 'tradeoffs',
  heading: /trade-?offs?\b/i,
  layouts: [
    { name: 'aspect-table', example: '### Trade-off 1: A vs B\n| Aspect | A | B |\n| Latency | low | high |\n**Recommendation:** ...' },
    { name: 'key-tradeoffs-table', example: '| Decision | Option A | Option B | Recommendation |' },
  ],
  read(node, ctx) {
    readTradeoffs(node, ctx);
  },
};

function readTradeoffs(node: Node, ctx: Ctx): void {
  const before = ctx.guide.tradeoffs.length;
  const own = node.blocks.filter((b): b is Block & Tokens.Table => b.type === 'table');
  for (const table of own) {
    const { header } = tableRows(table);
    if (isKeyTradeoffTable(header)) tradeoffsFromRows(table, ctx);
    else if (node.children.length === 0) ctx.guide.tradeoffs.push(tradeoffFrom(node, ctx));
  }
  for (const child of node.children) {
    const hasTable = allBlocks(child).some((b) => b.type === 'table');
    if (!hasTable) {
      keepSection(child, ctx);
      continue;
    }
    const table = firstTable(child, () => true)!;
    if (isKeyTradeoffTable(tableRows(table).header)) tradeoffsFromRows(table, ctx);
    else if (child.children.some((c) => allBlocks(c).some((b) => b.type === 'table'))) readTradeoffs(child, ctx);
    else ctx.guide.tradeoffs.push(tradeoffFrom(child, ctx));
  }
  if (ctx.guide.tradeoffs.length === before) keepSection(node, ctx);
}

function isKeyTradeoffTable(header: string[]): boolean {
  return /trade-?off|decision|choice/i.test(header[0] ?? '') && header.some((h) => /option/i.test(h));
}

function tradeoffsFromRows(table: Block & Tokens.Table, ctx: Ctx): void {
  const { header, rows } = tableRows(table);
  const rec = header.findIndex((h) => /recommend|choice|verdict|pick/i.test(h));
  const options = header.map((h, i) => (i > 0 && i !== rec ? i : -1)).filter((i) => i > 0);
  rows.forEach((r, i) => {
    const title = r[0] ?? '';
    const t: Tradeoff = {
      id: shortId(title, 'tradeoff'),
      title,
      options: options.map((o) => r[o] ?? ''),
      aspects: [],
      notes: [],
      line: table.line + 2 + i,
    };
    if (rec > 0 && r[rec]) t.recommendation = r[rec];
    if (title) ctx.guide.tradeoffs.push(t);
  });
}

function tradeoffFrom(node: Node, ctx: Ctx): Tradeoff {
  const title = node.heading.replace(/^trade-?off\s*\d*\s*[:.\-–]?\s*/i, '').trim() || node.heading;
  const blocks = allBlocks(node);
  const table = blocks.find((b): b is Block & Tokens.Table => b.type === 'table');
  const t: Tradeoff = { id: shortId(title, 'tradeoff'), title, options: [], aspects: [], notes: [], line: node.line };
  if (table) {
    const { header, rows } = tableRows(table);
    t.options = header.slice(1);
    for (const r of rows) {
      const aspect = r[0] ?? '';
      const values = r.slice(1);
      const filled = values.filter((v) => v !== '');
      if (/choice|recommend|verdict|winner/i.test(aspect) && filled.length < t.options.length) {
        t.recommendation = filled.join(' ');
        continue;
      }
      t.aspects.push({ aspect, values });
    }
  } else {
    ctx.problems.push({ path: ctx.path, line: node.line, severity: 'warning', message: `trade-off '${title}' has no table of options` });
  }
  const rest = blocks.filter((b) => b !== table);
  const { lead, parts } = segments(rest, (l) => /recommend|interview|talking point|response|verdict|choice|how to say/i.test(l));
  if (lead) t.notes.push(lead);
  for (const p of parts) {
    if (/recommend|verdict|choice/i.test(p.label)) t.recommendation = [t.recommendation, unquote(p.text)].filter(Boolean).join(' ');
    else t.response = [t.response, unquote(p.text)].filter(Boolean).join('\n\n');
  }
  return t;
}
