// Trade-offs: two or more options compared aspect by aspect, with the recommendation
// and what to say in the interview. Only what a guide writes as a trade-off becomes
// one: rubrics, summaries, bottleneck and challenge tables are not trade-offs.
import type { Tokens } from 'marked';
import type { Tradeoff, TradeoffAspect } from '../model.js';
import { allBlocks, blockText, inlineText, listItems, segments, tableRows, type Block, type Node } from '../markdown.js';
import { unquote } from '../text.js';
import { keepSection, shortId, type Ctx, type Recognizer } from './context.js';
import { plain, sentence } from './derive.js';

export const tradeoffs: Recognizer = {
  part: 'tradeoffs',
  yields: 'tradeoffs',
  // "Scale & Trade-offs" and "Minutes 30-40: Scale & Trade-offs" are phases, not trade-offs.
  heading: /^(?!.*\b\d+\s*(?:-{1,2}|–|—)\s*\d+\s*min)(?!.*\b(?:scal\w*|bottlenecks?|reliability|failures?)\s*(?:&|and)\s*trade-?offs?\s*(?:\(|$))(?=.*trade-?offs?\b)/i,
  layouts: [
    { name: 'aspect-table', example: '### Trade-off 1: A vs B\n| Aspect | A | B |\n| Latency | low | high |\n**Recommendation:** ...' },
    { name: 'key-tradeoffs-table', example: '| Decision | Option A | Option B | Recommendation |' },
    { name: 'options-as-rows', example: '### Storage Choice\n| Option | Pros | Cons | When to Choose |\n| Redis | fast | memory cost | < 100K QPS |\n**Recommendation:** ...' },
    { name: 'recommendation-row', example: '| Aspect | A | B |\n| ... |\n| **Recommendation** | Most use cases | Mission-critical only |' },
    { name: 'prose-under-title', example: '### 1. Sync vs. Async OCR\nSync is simpler but blocks... **Recommendation**: Async with progress.' },
    { name: 'bold-paragraph-titles', example: '**Trade-off 1: Checkpoint Frequency**\n```\nEvery Turn:\n  + durable\n  - slow\nOn State Change:\n  + cheap\n```' },
    { name: 'code-block-options', example: '```\nEvery Turn:\n  + Maximum durability\n  - High write overhead\nOn State Change:\n  + Lower write volume\n```' },
    { name: 'vs-question-rows', example: '### Common Trade-off Questions\n| Question | Strong Answer Framework |\n| "Latency vs Safety" | "Fast path for 95%..." |' },
    { name: 'decision-alternative-why', example: '| Decision | Alternative | Why we chose this |\n| Redis for features | DynamoDB | Sub-millisecond reads |' },
    {
      name: 'empty-decision-rows',
      example: '### Trade-off 2: Pull vs. Push\n| Decision | Option A: Pull | Option B: Push | Recommendation |\n| | **Pros**: ... | **Pros**: ... | Hybrid |\n| | **Cons**: ... | **Cons**: ... | |',
    },
    { name: 'vs-lines', example: '- **SSE vs WebSocket:** simplicity vs efficiency\n- **Sampling:** cost vs statistical power\n```\n1. Throughput vs Latency: batching helps one\n```' },
    { name: 'table-under-phase', example: '## Phase 4: Scale (30-40 min)\n| Decision | Option A | Option B | Recommendation |' },
    { name: 'code-block-pros-cons-labels', example: '```\nManaged (hosted):\n  Pros:\n  - No upgrades\n  Cons:\n  - Costs more\nSelf-Run:\n  ...\nTrade-off:\n- money against on-call time\n```' },
    { name: 'rationale-column', example: '| Decision | Option A | Option B | Recommendation | Rationale |\n| Booking flow | Synchronous | Saga | Saga | Parts fail on their own |' },
    { name: 'chosen-mark', example: '| Decision | Breadth-First | Best-First (Chosen) |\n| Aspect | Push (Recommended) | Pull |\n| Reply channel | Email ✓ | Live chat |' },
  ],
  read(node, ctx) {
    readTradeoffs(node, ctx);
  },
};

// Tables that compare something other than options: bottlenecks, rubrics, questions.
const NOT_TRADEOFF = /^(bottlenecks?|symptoms?|mitigations?|rubric|scores?|signals?|challenges?|red flags?|questions?|metrics?|numbers?|mistakes?|phases?|time|minutes?|risks?)$/i;
const RUBRIC_LEVELS = /^(poor|weak|average|good|strong|excellent|junior|mid|senior|staff\+?|principal|below( the)? bar|at( the)? bar|above( the)? bar|no hire|hire|strong hire|l\d)/i;
const ROW_OPTION = /^(options?|approach(es)?|alternatives?|models?|strateg(y|ies)|choices?|patterns?|designs?|solutions?|methods?|technolog(y|ies)|tools?|storage|databases?)$/i;
const ROW_ASPECTS = /^(pros?|cons?|advantages?|disadvantages?|benefits?|drawbacks?|when to\b.*|best (for|when)\b.*|use (it )?when\b.*|good for|downsides?|upsides?)$/i;
const ASPECT_HEADER = /^(aspects?|criteri(on|a)|dimensions?|factors?|concerns?|properties|property|characteristics?|attributes?)$/i;

function readTradeoffs(node: Node, ctx: Ctx): void {
  const before = ctx.guide.tradeoffs.length;
  const own = node.blocks.filter((b): b is Block & Tokens.Table => b.type === 'table');
  for (const table of own) {
    const { header } = tableRows(table);
    if (isKeyTradeoffTable(header)) tradeoffsFromRows(table, ctx, node.heading);
    else if (vsRows(table, ctx)) continue;
    else if (node.children.length === 0 && !isBoldTitled(node.blocks)) addIf(tradeoffFrom(node, node.blocks), ctx);
  }
  if (own.length === 0 && node.children.length === 0 && !isBoldTitled(node.blocks) && vsTitle(node.heading)) addIf(tradeoffFrom(node, node.blocks), ctx);
  else if (own.length === 0 && !isBoldTitled(node.blocks)) vsLines(node.blocks, ctx);
  boldTitled(node, ctx);
  for (const child of node.children) {
    const blocks = allBlocks(child);
    const table = blocks.find((b): b is Block & Tokens.Table => b.type === 'table');
    if (table && isKeyTradeoffTable(tableRows(table).header)) {
      tradeoffsFromRows(table, ctx, child.heading);
      continue;
    }
    if (table && !vsTitle(child.heading) && vsRows(table, ctx)) continue;
    if (child.children.some((c) => allBlocks(c).some((b) => b.type === 'table'))) {
      readTradeoffs(child, ctx);
      continue;
    }
    if (isBoldTitled(child.blocks)) {
      boldTitled(child, ctx);
      continue;
    }
    const t = tradeoffFrom(child, blocks);
    if (!addIf(t, ctx)) keepSection(child, ctx);
  }
  if (ctx.guide.tradeoffs.length === before) keepSection(node, ctx);
}

/** A trade-off is one when it compares two or more options; anything else stays a section. */
function addIf(t: Tradeoff | undefined, ctx: Ctx): boolean {
  if (!t || t.options.filter(Boolean).length < 2) return false;
  add(t, ctx);
  return true;
}

/** Every trade-off enters the guide here, with the guide's mark of its pick read off the option's name. */
function add(t: Tradeoff, ctx: Ctx): void {
  ctx.guide.tradeoffs.push(settle(t));
}

// "Best-First (Chosen)", "Saga ✓", "Hybrid (Recommended)": the option the guide picks,
// marked in its name. Anchored at the end and tried only where a "(" stands: linear.
const CHOSEN_WORDS = /\((?:chosen|recommended|preferred|selected|our (?:choice|pick)|winner|[\w .&-]{1,30}['’]s choice)\)$/i;
const CHECK_MARKS = /^[✓✔✅☑⭐★]\uFE0F?$/u;

/** An option's name without the mark that says the guide picks it, and whether it had one. */
export function chosenMark(option: string): { name: string; chosen: boolean } {
  let name = option.trim();
  let chosen = false;
  const words = CHOSEN_WORDS.exec(name);
  if (words) {
    name = name.slice(0, words.index).trimEnd();
    chosen = true;
  }
  // A check mark before or after the name: its first or last character (and a variation selector).
  const chars = [...name];
  const lead = chars.slice(0, 2).join('');
  const tail = chars.slice(-2).join('');
  const head = CHECK_MARKS.test(chars[0] ?? '') ? 1 : CHECK_MARKS.test(lead) ? 2 : 0;
  const end = CHECK_MARKS.test(chars[chars.length - 1] ?? '') ? 1 : CHECK_MARKS.test(tail) ? 2 : 0;
  if ((head || end) && chars.length > head + end) {
    const bare = chars
      .slice(head, chars.length - end)
      .join('')
      .trim();
    if (bare) {
      name = bare;
      chosen = true;
    }
  }
  return { name: name || option.trim(), chosen };
}

/** Strips the marks from the options; the one marked option is the recommendation, or leads it. */
function settle(t: Tradeoff): Tradeoff {
  const marked: string[] = [];
  t.options = t.options.map((o) => {
    const { name, chosen } = chosenMark(o);
    if (chosen) marked.push(name);
    return name;
  });
  const pick = marked.length === 1 ? marked[0]! : undefined;
  if (pick && !t.recommendation) t.recommendation = pick;
  else if (
    pick &&
    t.recommendation &&
    !mentions(
      t.recommendation,
      pick,
      t.options.filter((o) => o !== pick),
    )
  )
    t.recommendation = `${pick} — ${t.recommendation}`;
  return t;
}

/** True when a text names an option: its name, or a word of it that the other options do not share. */
function mentions(text: string, option: string, others: string[] = []): boolean {
  const t = text.toLowerCase();
  const o = plain(option).toLowerCase();
  if (t.includes(o)) return true;
  const shared = new Set(others.flatMap(words));
  const said = new Set(words(t));
  return words(o).some((w) => w.length >= 3 && !COMMON.has(w) && !shared.has(w) && said.has(w));
}

const COMMON = new Set('the and for with only per all any not use via from into both each one two more less'.split(' '));

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** "| Question | Strong Answer |" whose rows are "Latency vs Safety": a trade-off a row. */
function vsRows(table: Block & Tokens.Table, ctx: Ctx): boolean {
  const { header, rows } = tableRows(table);
  const named = rows.filter((r) => vsTitle(r[0] ?? ''));
  if (named.length === 0 || named.length < rows.length / 2) return false;
  const answer = header.findIndex((h, i) => i > 0 && /answer|response|framework|how|recommend/i.test(h));
  rows.forEach((r, i) => {
    const title = unquote(plain(r[0] ?? ''));
    const options = vsTitle(title);
    if (!options) return;
    const t: Tradeoff = { id: shortId(title, 'tradeoff'), title, options, aspects: [], notes: [], line: table.line + 2 + i };
    const text = r[answer > 0 ? answer : 1];
    if (text) t.response = unquote(text);
    add(t, ctx);
  });
  return true;
}

function isKeyTradeoffTable(header: string[]): boolean {
  return /trade-?off|decision|choice/i.test(header[0] ?? '') && header.some((h) => /option|alternative/i.test(h));
}

/** "Decision | Option A | Option B | Recommendation" anywhere, even under a phase heading. */
export function keyTradeoffTables(node: Node, ctx: Ctx): void {
  for (const b of node.blocks) {
    if (b.type === 'table' && isKeyTradeoffTable(tableRows(b as unknown as Tokens.Table).header)) tradeoffsFromRows(b as Block & Tokens.Table, ctx);
  }
}

function tradeoffsFromRows(table: Block & Tokens.Table, ctx: Ctx, heading = ''): void {
  const { header, rows } = tableRows(table);
  if (rows.length > 0 && rows.every((r) => !r[0]) && vsTitle(heading)) return void addIf(untitledRows(table, heading), ctx);
  const alternative = header.findIndex((h, i) => i > 0 && /alternative|instead of|rejected/i.test(h));
  if (alternative > 0 && !header.some((h) => /option/i.test(h))) {
    decisionsFromRows(table, alternative, ctx);
    return;
  }
  const rec = header.findIndex((h) => /recommend|choice|verdict|pick/i.test(h));
  const why = header.findIndex((h, i) => i > 0 && i !== rec && RATIONALE.test(plain(h)));
  // "When to Choose A", "Factors to Consider", "Notes": guidance about the options, not one of them.
  const guidance = header.map((h, i) => (i > 0 && i !== rec && i !== why && GUIDANCE.test(plain(h)) ? i : -1)).filter((i) => i > 0);
  const options = header.map((_, i) => (i > 0 && i !== rec && i !== why && !guidance.includes(i) ? i : -1)).filter((i) => i > 0);
  rows.forEach((r, i) => {
    const title = r[0] ?? '';
    const cells = options.map((o) => r[o] ?? '');
    // "| Options |" holding "Monolith vs Microservices": one cell names both.
    const t: Tradeoff = {
      id: shortId(title, 'tradeoff'),
      title,
      options: cells.length === 1 ? (vsTitle(cells[0]!) ?? cells) : cells,
      aspects: [],
      notes: [],
      line: table.line + 2 + i,
    };
    if (rec > 0 && r[rec]) t.recommendation = r[rec];
    const reason = why > 0 ? r[why] : undefined;
    // A rationale says why; it is the recommendation only when nothing else is and it names an option.
    if (
      reason &&
      !t.recommendation &&
      t.options.some(
        (o) =>
          o &&
          mentions(
            reason,
            o,
            t.options.filter((x) => x !== o),
          ),
      )
    )
      t.recommendation = reason;
    else if (reason) t.notes.push(reason);
    for (const g of guidance) if (r[g]) t.notes.push(`${plain(header[g]!)}: ${r[g]}`);
    if (title) add(t, ctx);
  });
}

// A column that says why, not an option: "Rationale", "Why", "Reason", "Justification".
const RATIONALE = /^(?:rationale|reason(?:s|ing)?|justification|because|why\b.*)$/i;
const GUIDANCE = /^(?:when to (?:choose|use|pick|prefer)\b.*|(?:key )?factors?(?: to consider)?|considerations?|notes?|comments?|remarks?)$/i;

/**
 * "| Decision | Alternative | Why we chose this |": each row is the option taken
 * against the one passed over, the reason being the recommendation.
 */
function decisionsFromRows(table: Block & Tokens.Table, alternative: number, ctx: Ctx): void {
  const { header, rows } = tableRows(table);
  const why = header.findIndex((h, i) => i > 0 && i !== alternative && /why|reason|rationale|because|justification/i.test(h));
  rows.forEach((r, i) => {
    const chosen = r[0] ?? '';
    const other = r[alternative] ?? '';
    if (!chosen || !other) return;
    const title = `${chosen} vs ${other}`;
    const t: Tradeoff = { id: shortId(title, 'tradeoff'), title, options: [chosen, other], aspects: [], notes: [], line: table.line + 2 + i };
    t.recommendation = why > 0 && r[why] ? `${chosen}: ${r[why]}` : chosen;
    add(t, ctx);
  });
}

/**
 * "### Trade-off 2: Pull vs. Push" over "| Decision | Option A: Pull | Option B: Push |
 * Recommendation |" whose rows leave the decision empty and hold "**Pros**: …" and
 * "**Cons**: …": one trade-off, the heading its title, each row an aspect.
 */
function untitledRows(table: Block & Tokens.Table, heading: string): Tradeoff {
  const { header, rows } = tableRows(table);
  const rec = header.findIndex((h) => /recommend|verdict|pick/i.test(h));
  const why = header.findIndex((h, i) => i > 0 && i !== rec && RATIONALE.test(plain(h)));
  const cols = header.map((_, i) => i).filter((i) => i > 0 && i !== rec && i !== why);
  const title = titleOf(plain(heading));
  const t: Tradeoff = { id: shortId(title, 'tradeoff'), title, options: cols.map((c) => plain(header[c]!).replace(/^option\s+[a-z0-9]+\s*[:.\-–]\s*/i, '')), aspects: [], notes: [], line: table.line };
  rows.forEach((r, i) => {
    const label = /^([A-Za-z][\w /-]{1,30}?)\s*:\s/.exec(r[cols[0]!] ?? '')?.[1];
    t.aspects.push({ aspect: label ?? `Point ${i + 1}`, values: cols.map((c) => (label ? (r[c] ?? '').replace(new RegExp(`^${label}\\s*:\\s*`), '') : (r[c] ?? ''))) });
  });
  const verdict =
    rec > 0
      ? rows
          .map((r) => r[rec] ?? '')
          .filter(Boolean)
          .join(' ')
      : '';
  if (verdict) t.recommendation = verdict;
  if (why > 0) t.notes.push(...rows.map((r) => r[why] ?? '').filter(Boolean));
  return t;
}

// "1. Throughput vs Latency: batching helps one, hurts the other", "- **SSE vs WebSocket:**
// simplicity vs efficiency", "**Sampling:** cost vs statistical power": one trade-off a line.
const VS_LINE = /^\s*(?:\d+[.)]|[-*•])?\s*([^:]{3,60}?)\s*:\s+(.{3,})$/;

function vsLines(blocks: Block[], ctx: Ctx): boolean {
  const found: Tradeoff[] = [];
  for (const b of blocks) {
    const lines = b.type === 'list' ? listItems(b as unknown as Tokens.List).map((i) => i.text) : b.type === 'code' ? blockText(b).split('\n') : [];
    lines.forEach((line, i) => {
      const m = VS_LINE.exec(plain(line));
      if (!m) return;
      const label = m[1]!.trim();
      const text = m[2]!.trim();
      const clause = text.split(/[(;,.]/)[0]!;
      const named = vsTitle(label);
      const options = named ?? vsTitle(clause);
      if (!options) return;
      const title = named ? label : `${label}: ${clause.trim()}`;
      found.push({ id: shortId(title, 'tradeoff'), title, options, aspects: [], notes: [sentence(text)], line: b.line + i });
    });
  }
  if (found.length === 0) return false;
  for (const t of found) add(t, ctx);
  return true;
}

/** "Write-through vs Write-back", "Sync vs. Async OCR": the options a title names. */
function vsTitle(title: string): string[] | undefined {
  const t = plain(title).replace(/^(?:trade-?off|decision)\s*\d*\s*[:.\-–]?\s*|^\d+(?:\.\d+)*[.)]?\s+/i, '');
  const body = t.includes(':') ? t.slice(t.lastIndexOf(':') + 1) : t;
  const parts = body
    .split(/\s+(?:vs\.?|versus|or)\s+/i)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length >= 2 && parts.every((p) => p.split(' ').length <= 6) ? parts : undefined;
}

function titleOf(heading: string): string {
  return ownTitle(heading) || heading;
}

/** A heading without its "Trade-off 2:" label; empty for a heading that is only the label ("Trade-offs"). */
function ownTitle(heading: string): string {
  return heading.replace(/^trade-?offs?\b\s*\d*\s*[:.\-–]?\s*/i, '').trim();
}

function tradeoffFrom(node: Node, blocks: Block[], heading = node.heading, line = node.line): Tradeoff | undefined {
  const title = titleOf(plain(heading));
  const table = blocks.find((b): b is Block & Tokens.Table => b.type === 'table');
  const t: Tradeoff = { id: shortId(title, 'tradeoff'), title, options: [], aspects: [], notes: [], line };
  if (table) {
    const { header, rows } = tableRows(table);
    const first = plain(header[0] ?? '');
    if (NOT_TRADEOFF.test(first) || header.slice(1).filter((h) => RUBRIC_LEVELS.test(plain(h))).length >= 2) return undefined;
    // Rows of pros and cons under option columns, or options as rows with pros and cons columns.
    const aspectRows = rows.some((r) => ROW_ASPECTS.test(plain(r[0] ?? '')));
    if (!ASPECT_HEADER.test(first) && !aspectRows && (ROW_OPTION.test(first) || header.slice(1).some((h) => ROW_ASPECTS.test(plain(h))))) readRowOptions(t, header, rows);
    else readAspects(t, header, rows);
  } else {
    const code = blocks.find((b) => b.type === 'code');
    if (code) readCodeOptions(t, blockText(code));
    if (t.options.length === 0) t.options = vsTitle(heading) ?? [];
    if (t.options.length < 2) return undefined;
  }
  // Under a heading that only says "Trade-offs", the trade-off is named by its options.
  if (!ownTitle(plain(heading)) && t.options.length >= 2) {
    t.title = t.options.join(' vs ');
    t.id = shortId(t.title, 'tradeoff');
  }
  const rest = blocks.filter((b) => b !== table && b.type !== 'code');
  const { lead, parts } = segments(rest, (l) => /recommend|interview|talking point|response|verdict|choice|how to say|pick|winner/i.test(l));
  if (lead) {
    // "**Recommendation**: ..." in the middle of a paragraph.
    const m = /^([\s\S]*?)\bRecommendation\s*[:—–-]\s*([\s\S]+)$/i.exec(lead);
    if (m && !t.recommendation) {
      if (m[1]!.trim()) t.notes.push(sentence(m[1]!));
      t.recommendation = sentence(m[2]!);
    } else t.notes.push(lead);
  }
  for (const p of parts) {
    if (/recommend|verdict|choice|pick|winner/i.test(p.label)) t.recommendation = [t.recommendation, unquote(p.text)].filter(Boolean).join(' ');
    else t.response = [t.response, unquote(p.text)].filter(Boolean).join('\n\n');
  }
  return t;
}

/** "| Aspect | A | B |": the options are the header; a Recommendation row is the verdict. */
function readAspects(t: Tradeoff, header: string[], rows: string[][]): void {
  t.options = header.slice(1);
  for (const r of rows) {
    const aspect = r[0] ?? '';
    const values = r.slice(1);
    const filled = values.filter((v) => v !== '');
    if (/choice|recommend|verdict|winner/i.test(aspect)) {
      t.recommendation = filled.length < t.options.length ? filled.join(' ') : t.options.map((o, i) => `${o}: ${values[i]}`).join('; ');
      continue;
    }
    // "| | **Pros:** … | **Pros:** … |": a row with no aspect of its own is named by the label its cells share.
    const label = aspect ? undefined : /^([A-Za-z][\w /-]{1,30}?)\s*:\s/.exec(filled[0] ?? '')?.[1];
    if (label && filled.every((v) => v.startsWith(label))) {
      t.aspects.push({ aspect: label, values: values.map((v) => v.slice(v.startsWith(label) ? label.length : 0).replace(/^\s*:\s*/, '')) });
      continue;
    }
    t.aspects.push({ aspect, values });
  }
}

/** "| Option | Pros | Cons | When to Choose |": the options are the rows. */
function readRowOptions(t: Tradeoff, header: string[], rows: string[][]): void {
  const options = rows.filter((r) => !/^(recommend|verdict|choice)/i.test(plain(r[0] ?? '')));
  t.options = options.map((r) => plain(r[0] ?? '')).filter(Boolean);
  const aspects: TradeoffAspect[] = header.slice(1).map((aspect, c) => ({ aspect, values: options.map((r) => r[c + 1] ?? '') }));
  t.aspects = aspects.filter((a) => !/^recommend/i.test(a.aspect));
  const rec = rows.find((r) => /^(recommend|verdict|choice)/i.test(plain(r[0] ?? '')));
  const recCol = header.findIndex((h) => /^recommend/i.test(h));
  if (rec) t.recommendation = rec.slice(1).filter(Boolean).join(' ');
  else if (recCol > 0) {
    const picked = options.filter((r) => /^(yes|✓|✔|recommended|\*\*yes\*\*)/i.test(r[recCol] ?? ''));
    if (picked.length > 0) t.recommendation = picked.map((r) => plain(r[0] ?? '')).join(', ');
  }
}

/** "Every Turn:\n  + durable\n  - slow\nOn State Change:\n  + cheap": options with their pros and cons. */
function readCodeOptions(t: Tradeoff, text: string): void {
  const options: { name: string; pros: string[]; cons: string[]; points: string[] }[] = [];
  // Under "Pros:" or "Cons:" inside an option, "- item" lines are that side's; with
  // no "+" line and no such label anywhere, a "- item" is a plain point, not a con.
  const signed = /^[ \t]*\+/m.test(text) || /^[ \t]*(?:pros?|cons?|advantages?|disadvantages?|benefits?|drawbacks?)[ \t]*:[ \t]*$/im.test(text);
  let side: 'pros' | 'cons' | undefined;
  let open = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const head = /^([A-Za-z0-9][^:+]{1,50}):\s*$/.exec(line);
    const name = head?.[1]?.trim() ?? '';
    const label = /^(pros?|advantages?|benefits?|upsides?)$/i.test(name) ? 'pros' : /^(cons?|disadvantages?|drawbacks?|downsides?)$/i.test(name) ? 'cons' : undefined;
    const current = options[options.length - 1];
    if (head && label && current) side = label;
    else if (head) {
      // "Trade-off:", "Discussion:", "Scenario:" sum the options up; they are not one.
      open = !NOT_OPTION_HEAD.test(name);
      if (open) options.push({ name, pros: [], cons: [], points: [] });
      side = undefined;
    } else if (!open || !current) continue;
    else if (/^\+\s*/.test(line)) current.pros.push(line.replace(/^\+\s*/, ''));
    else if (/^[-•*]\s*/.test(line)) (signed ? current[side ?? 'cons'] : current.points).push(line.replace(/^[-•*]\s*/, ''));
  }
  const real = options.filter((o) => o.pros.length + o.cons.length + o.points.length > 0);
  if (real.length < 2) return;
  t.options = real.map((o) => o.name);
  t.aspects = signed
    ? [
        { aspect: 'Pros', values: real.map((o) => o.pros.join('; ')) },
        { aspect: 'Cons', values: real.map((o) => o.cons.join('; ')) },
      ]
    : [{ aspect: '', values: real.map((o) => o.points.join('; ')) }];
}

const NOT_OPTION_HEAD = /^(?:trade-?offs?|discussion|scenario|summary|result|recommendation|verdict|bottom line|key (?:insight|point)s?|note|example|why|when)$/i;

/** Bold paragraphs that title trade-offs: "**Trade-off 1: Checkpoint Frequency**", "**1. A vs B**". */
function boldTitles(blocks: Block[]): number[] {
  const at: number[] = [];
  blocks.forEach((b, i) => {
    if (b.type !== 'paragraph') return;
    const p = b as unknown as Tokens.Paragraph;
    if (p.tokens.length !== 1 || p.tokens[0]!.type !== 'strong') return;
    const text = inlineText((p.tokens[0] as Tokens.Strong).tokens).trim();
    if (/^(trade-?off|decision)\s*\d*\s*[:.]/i.test(text) || (/^\d+[.)]/.test(text) && vsTitle(text)) || /^q\s*\d*\s*[:.]/i.test(text)) at.push(i);
  });
  return at;
}

function isBoldTitled(blocks: Block[]): boolean {
  return boldTitles(blocks).length > 0;
}

function boldTitled(node: Node, ctx: Ctx): void {
  const blocks = node.blocks;
  const starts = boldTitles(blocks);
  starts.forEach((at, k) => {
    const end = starts[k + 1] ?? blocks.length;
    const title = inlineText(((blocks[at] as unknown as Tokens.Paragraph).tokens[0] as Tokens.Strong).tokens)
      .trim()
      .replace(/^q\s*\d*\s*[:.]\s*/i, '');
    addIf(tradeoffFrom(node, blocks.slice(at + 1, end), title, blocks[at]!.line), ctx);
  });
}
