// Trap questions: the question, what the interviewer wants, the weak and the strong
// answer, and the key points a strong answer makes (the guide's own, else read off
// the strong answer's structure and marked derived).
import type { Tokens } from 'marked';
import type { KeyPoint, Trap } from '../model.js';
import { parseKeyPoint } from '../keypoints.js';
import { allBlocks, blockText, inlineText, oneLine, segments, tableRows, type Block, type Node } from '../markdown.js';
import { unquote } from '../text.js';
import { descendants, keepSection, shortId, type Ctx, type Recognizer } from './context.js';
import { answerPoints } from './derive.js';
import { isQuestionBlock } from './bank.js';

export const TRAP_HEADING = /\btraps?\b/i;

export const traps: Recognizer = {
  part: 'traps',
  yields: 'traps',
  heading: TRAP_HEADING,
  layouts: [
    {
      name: 'trap-headings',
      example: '### Trap 1: "Why not just use X?"\n**What Interviewer Wants:** ...\n**Bad Answer:** ...\n**Good Answer:** ...\n**Key points:**\n- **Label**: term, term -- hint',
    },
    { name: 'trap-table', example: '| Trap Question | What Interviewer Wants | Best Answer |' },
    { name: 'prefixed-titles', example: '### Question: "Why not X?"   ### Q1: ...   ### Trap Question 2: "..."   ### 4.1 "..."   ### 3.1 Trap: "..."' },
    { name: 'statement-titles', example: '### 1. "Just use microservices."' },
    { name: 'trap-section-in-phase', example: '## Phase 4: Trap Questions & Answers\n### Trap 1: "..."' },
    { name: 'inline-trap-question', example: '## Deep Dive: Storage\n**Trap question:** Why not one database?\n**Answer:** ...' },
    { name: 'bold-paragraph-questions', example: '## Trap Questions\n**"Why not use a cron job?"**\nThe candidate who says yes misses...\n**Strong answer:** ...' },
    { name: 'tables-per-subheading', example: '## Trap Questions\n### Storage\n| Trap | What They Want | How to Answer |\n### Serving\n| Trap | ... |' },
    {
      name: 'answer-labels',
      example: '**Correct:** / **Expected answer:** / **Right answer:** / **Response:** / **How to handle:** / **Staff-level answer:** / ✅ **Strong Answer:** / > **Answer:** ...',
    },
    { name: 'weak-labels', example: '**Candidate error:** / **Common mistake:** / **Wrong answer:** / **Naive answer:** / ❌ **Weak Answer:**' },
    { name: 'answer-in-code-block', example: '```\nWhat they\'re testing: ...\nBad answer: "..."\nGood answer:\n"..."\n```' },
    { name: 'answer-in-box', example: '┌────────────┐\n│ GOOD ANSWER │\n├────────────┤\n│ "..."      │' },
    { name: 'answer-table-per-trap', example: '### Trap 1: "Why not shard?"\n| What Interviewer Wants | Best Answer |\n| Why NewSQL exists | Sharding loses joins... |' },
    { name: 'label-inside-answer', example: '│ GOOD ANSWER │\n│ 3. Response Selection: │\n│    Query: api.example.com A │\n│    Response: A 203.0.113.100 │   (a line of the answer, not a new part)' },
    {
      name: 'list-of-questions',
      example: '## Trap Questions\n1. **Why not Kafka for everything?**\n   Weak answer: ...\n   Strong answer: ...   (labels on lines of the item, or as a list under it)',
    },
    { name: 'q-and-a-pairs', example: '**Q: Why not compute features per request?**\nA: Because ...   (or **Q:** ... / **A:** ..., in any section)' },
    { name: 'derived-key-points', example: 'Strong answer: "1. **Cost**: ... 2. **Attention**: ..." → key points Cost, Attention (derived)' },
  ],
  read(node, ctx) {
    readTraps(node, ctx);
  },
};

/**
 * "### Q1: How do you keep the audit trail tamper-evident?" with a `**Key answer**:`
 * (or any strong-answer label) under it, wherever it stands ("10 Likely Interview
 * Questions"): a question the interviewer asks, with the answer to give, is a trap.
 * Without a strong answer it stays a plain section.
 */
export const questionTraps: Recognizer = {
  part: 'traps',
  yields: 'traps',
  heading: /^(?:q|question)\s*#?\d+\s*[:.)]\s*\S/i,
  layouts: [
    {
      name: 'numbered-question-headings',
      example: '## 10 Likely Interview Questions\n### Q1: How do you keep the log tamper-evident?\n**Key answer**: Hash-chain every event...\n**Why interviewers ask**: ...',
    },
  ],
  read(node, ctx) {
    if (node.children.length > 0 || !hasAnswerLabel(node)) return false;
    ctx.guide.traps.push(trapFrom(node, trapTitle(node.heading)));
    return true;
  },
};

/** Prefixes a trap's title may carry: "Trap 2:", "Question:", "Q1:", "4.1", "3.1 Trap:". */
const PREFIX = /^(?:(?:\d+(?:\.\d+)*[.)]?|[A-Z][.)])\s+)?(?:(?:trap\s+question|trap|question|q)\s*#?\s*\d*\s*[:.)\-–]\s*|(?:trap\s+question|question)\s*#?\s*\d+\s+)?/i;

/** A trap's question as the guide titles it, without its number, label or quotes. */
export function trapTitle(heading: string): string {
  let t = heading.trim().replace(/^\*\*(.+)\*\*$/, '$1');
  for (let i = 0; i < 2; i++) t = t.replace(PREFIX, '').trim();
  return unquote(t.replace(/^["“]([^"”]+)["”]\s*[-–—:]\s*.*$/, '"$1"'));
}

/** A heading that is itself one trap, not a section of them. */
function isTrapTitle(heading: string): boolean {
  const h = heading.trim();
  // "Trap Questions & Answers" names a section of traps; "Trap Question 1: ..." is one.
  if (/^(trap\s+questions?(?!\s*#?\s*\d)|common trap|traps?\s*$)/i.test(h)) return false;
  return /^(?:\d+(?:\.\d+)*[.)]?\s+)?(?:trap|question|q)\s*#?\s*\d*\s*[:.)\-–]|^\d+(?:\.\d+)*[.)]?\s+["“]|^["“]|\?["”]?\s*$/i.test(h);
}

type TrapPart = 'wants' | 'weak' | 'weakWhy' | 'strong' | 'keyPoints';

export function trapPart(label: string): TrapPart | undefined {
  const l = label.toLowerCase().replace(/[*_]/g, '').trim();
  if (/key ?points?|must mention|checklist/.test(l)) return 'keyPoints';
  if (/why (it|this)('?s| is)? (fails|a trap|weak|wrong|bad)|why (it'?s|its) (weak|wrong|bad|a trap)|why weak|why not|why it fails|why wrong/.test(l)) return 'weakWhy';
  if (/want|looking for|testing|tests|assess|goal|intent|evaluat|probing|why (?:the )?interviewers? asks?|why they ask/.test(l)) return 'wants';
  if (/\b(bad|weak|poor|wrong|naive|avoid|mistake|error|red flag|junior)\b|^(the )?trap$/.test(l)) return 'weak';
  if (
    /\b(good|best|strong|great|better|ideal|model|sample|correct|right|expected|staff|senior|principal)\b|^(answer|key answer|response|how to (handle|answer|respond)|what to say|reasoning)$/.test(l)
  )
    return 'strong';
  return undefined;
}

function readTraps(node: Node, ctx: Ctx): void {
  // A heading that is one trap ("### Trap 3: ..." under a phase) is read as one.
  if (isTrapTitle(node.heading) && !/questions/i.test(node.heading)) {
    ctx.guide.traps.push(trapFrom(node, trapTitle(node.heading)));
    return;
  }
  const before = ctx.guide.traps.length;
  const titled = descendants(node).filter((n) => isTrapTitle(n.heading) || (allBlocks(n).length > 0 && hasAnswerLabel(n)));
  if (titled.length > 0) {
    for (const n of titled) ctx.guide.traps.push(trapFrom(n, trapTitle(n.heading)));
  } else {
    // Tables of traps, one per sub-heading or several in the section.
    for (const b of allBlocks(node)) if (b.type === 'table') trapsFromTable(b as Block & Tokens.Table, ctx);
    if (ctx.guide.traps.length === before) boldParagraphTraps(allBlocks(node), ctx);
    if (ctx.guide.traps.length === before) qaTraps(allBlocks(node), ctx);
    if (ctx.guide.traps.length === before) for (const b of allBlocks(node)) if (b.type === 'list') listTraps(b as Block & Tokens.List, ctx);
  }
  if (ctx.guide.traps.length === before) {
    keepSection(node, ctx);
    ctx.problems.push({
      path: ctx.path,
      line: node.line,
      severity: 'warning',
      message: `section '${node.heading}' is headed as traps, but no trap was read from it (expected '### Trap 1: "question"' sub-headings with 'Good Answer:' labels, or a table with a trap per row; see docs/guide-format.md#traps)`,
    });
  }
}

function hasAnswerLabel(node: Node): boolean {
  return segments(node.blocks, (l) => trapPart(l) === 'strong').parts.length > 0;
}

function trapFrom(node: Node, question: string, blocks: Block[] = allBlocks(node)): Trap {
  const trap: Trap = { id: shortId(question, 'trap'), question, keyPoints: [], line: node.line };
  fill(trap, blocks);
  return trap;
}

const SAYS_WHY = /\b(?:sounds?|seems?|looks? like|tempt(?:ing|ation|s)?|suggests?|appears?|lures?|easy to)\b/i;
// "Tests understanding of…", "Sounds like a simplification question but tests deep understanding of…".
const TESTS = /(?:^|\bbut |\band )(?:it |this )?(?:tests?|testing|checks?|probes?|assess(?:es)?|evaluates?|gauges?)\b/i;
const trapWhyLabel = (label: string): boolean => /why (?:it'?s|it is|this is) a trap/i.test(label.replace(/[*_]/g, ''));

/** The labelled parts of a trap's blocks; key points after a `**Key points:**` label. */
function fill(trap: Trap, blocks: Block[]): void {
  // A plain `Key points:` line and its list are not part of the answer above them (a
  // bold label ends the answer as any label does).
  const points = keyPointsLabel(blocks);
  const answer = points && !points.bold ? blocks.filter((b, i) => i !== points.at && b !== points.list) : blocks;
  const { lead, parts } = segments(answer, (l) => trapPart(l) !== undefined);
  for (const part of parts) {
    let kind = trapPart(part.label)!;
    if (kind === 'keyPoints') continue;
    const text = unquote(part.text);
    if (!text) continue;
    const trapLabel = /^(the )?trap$/i.test(part.label.replace(/[*_]/g, '').trim());
    // "**Trap:** the candidate says X" is the weak answer only when there is no other.
    if (kind === 'weak' && trapLabel && parts.some((p) => p !== part && trapPart(p.label) === 'weak')) continue;
    // "**The trap:** This sounds like good isolation but…" says why the easy answer
    // fails; a candidate's words ("We'd just…", quoted) are the weak answer.
    if (kind === 'weak' && trapLabel && !/^\s*["“][^"”]*["”]\s*$/.test(part.text) && SAYS_WHY.test(text)) kind = 'weakWhy';
    // "**Why it's a trap:** Tests understanding of…" says what the interviewer wants.
    if (kind === 'weakWhy' && trapWhyLabel(part.label) && !trap.wants && TESTS.test(text)) kind = 'wants';
    trap[kind] = trap[kind] ? `${trap[kind]}\n\n${text}` : text;
  }
  // An answer written straight under the question, with no label, is the strong one
  // only when the trap has a weak one beside it.
  if (!trap.strong && lead && parts.some((p) => trapPart(p.label) === 'weak')) trap.strong = unquote(lead);
  trap.keyPoints = keyPointsAfterLabel(blocks);
}

/** Key points: the list that follows a `**Key points:**` label (or a plain `Key points:` line). */
function keyPointsAfterLabel(blocks: Block[]): KeyPoint[] {
  const list = keyPointsLabel(blocks)?.list;
  return list ? keyPointsOf([list]) : [];
}

/** Where a trap's key points label is, whether it is bold, and the list after it. */
function keyPointsLabel(blocks: Block[]): { at: number; bold: boolean; list?: Block } | undefined {
  const at = blocks.findIndex((b) => b.type === 'paragraph' && /^(\*\*)?key ?points?:?(\*\*)?:?\s*$/i.test((b as unknown as Tokens.Paragraph).text.trim()));
  if (at < 0) return undefined;
  const list = blocks.slice(at + 1).find((b) => b.type === 'list');
  return { at, bold: (blocks[at] as unknown as Tokens.Paragraph).text.trim().startsWith('**'), ...(list ? { list } : {}) };
}

/** Key points written as a list: `**Label**: term, term -- hint`, one per item. */
export function keyPointsOf(blocks: Block[]): KeyPoint[] {
  return blocks
    .filter((b) => b.type === 'list')
    .flatMap((b) => (b as unknown as Tokens.List).items.map((i) => parseKeyPoint(i.text.split('\n')[0] ?? '')))
    .filter((k): k is KeyPoint => k !== undefined);
}

/**
 * Key points for a trap whose guide gives none, read off its strong answer: its
 * numbered or labelled points, else its sentences. Marked derived.
 */
export function deriveKeyPoints(strong: string): KeyPoint[] {
  return answerPoints(strong);
}

function trapsFromTable(table: Block & Tokens.Table, ctx: Ctx): void {
  const { header, rows } = tableRows(table);
  const roles = header.map((h) => (/trap|question|scenario|challenge/i.test(h) && !/answer|want|why/i.test(h) ? 'question' : trapPart(h)));
  if (!roles.includes('question') || !roles.some((r) => r === 'strong' || r === 'wants' || r === 'weak')) return;
  rows.forEach((r, i) => {
    const q = trapTitle(r[roles.indexOf('question')] ?? r[0] ?? '');
    const trap: Trap = { id: shortId(q, 'trap'), question: q, keyPoints: [], line: table.line + 2 + i };
    roles.forEach((role, c) => {
      if (role && role !== 'question' && role !== 'keyPoints' && r[c]) trap[role] = unquote(r[c]!);
    });
    if (trap.question) ctx.guide.traps.push(trap);
  });
}

/**
 * A trap section without sub-headings: each bold paragraph that is a question or a
 * quoted claim (`**"Why not use a cron job?"**`, `**Q: ...**`) starts a trap, and the
 * blocks up to the next one are its parts.
 */
function boldParagraphTraps(blocks: Block[], ctx: Ctx): void {
  const starts: { at: number; question: string }[] = [];
  blocks.forEach((b, i) => {
    if (b.type !== 'paragraph') return;
    const p = b as unknown as Tokens.Paragraph;
    const first = p.tokens[0];
    if (first?.type !== 'strong' || p.tokens.length > 2) return;
    const text = inlineText((first as Tokens.Strong).tokens).trim();
    // A label ("**Strong answer:**") is not a question; a question may well say "why not".
    if (!/\?["”]?$|^["“]/.test(text) && trapPart(text.replace(/:$/, '')) !== undefined) return;
    if (/\?["”]?$|^["“]/.test(text) || /^q\d*\s*[:.]/i.test(text)) starts.push({ at: i, question: trapTitle(text) });
  });
  starts.forEach((s, k) => {
    const end = starts[k + 1]?.at ?? blocks.length;
    const trap: Trap = { id: shortId(s.question, 'trap'), question: s.question, keyPoints: [], line: blocks[s.at]!.line };
    fill(trap, blocks.slice(s.at + 1, end));
    if (trap.strong || trap.weak || trap.wants) ctx.guide.traps.push(trap);
  });
}

// biome-ignore lint/suspicious/noMisleadingCharacterClass: an emoji, then its variation selector if any, each one character
const INLINE_TRAP = /^\s*(?:[\p{Extended_Pictographic}\uFE0F]\s*)?\*\*(?:trap(?:\s+question)?|interviewer trap)\s*:?\*\*\s*:?\s*\S/iu;

/**
 * `**Trap question:** Why not one database?` in any section (a deep dive): the
 * question, with the labelled parts that follow it up to the next trap or heading.
 */
export function inlineTraps(node: Node, ctx: Ctx): void {
  const blocks = node.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.type !== 'paragraph') continue;
    if (!INLINE_TRAP.test((b as unknown as Tokens.Paragraph).raw)) continue;
    let j = i + 1;
    while (j < blocks.length && !/^\s*\*\*(?:trap(?:\s+question)?)\s*:?\*\*/i.test((blocks[j] as unknown as Tokens.Paragraph).raw ?? '')) j++;
    const question = trapTitle(blockText(b).replace(/^\s*(?:trap(?:\s+question)?|interviewer trap)\s*:\s*/i, ''));
    const trap: Trap = { id: shortId(question, 'trap'), question, keyPoints: [], line: b.line };
    fill(trap, blocks.slice(i + 1, j));
    if (trap.strong) ctx.guide.traps.push(trap);
    i = j - 1;
  }
}

/** "Q: ...", "**Q1.** ...", "Question: ..." (as text, its bold taken off). */
const Q_LINE = /^(?:q|question)\s*#?\d*\s*[:.)]\s*(\S.*)$/i;
/** "A: ...", "**A:** ...", "Answer: ...". */
const A_LINE = /^(?:a|answer)\s*#?\d*\s*[:.)]\s*(.*)$/i;

/**
 * Question-and-answer pairs, a layout of many public guides, in any section:
 * `**Q: Why not X?**` (or `**Q:** ...`, `Q1. ...`) and then `A: ...` (or `**A:** ...`),
 * in one paragraph or in two, the answer running on over lists and paragraphs up to
 * the next question. Each pair is a trap with its strong answer; a question with no
 * answer after it is not one.
 */
export function qaTraps(blocks: Block[], ctx: Ctx): void {
  // The blocks as lines: a paragraph's own lines (a pair may share one paragraph), any
  // other block (a list, a table, code) whole.
  const lines: { text: string; line: number; block: boolean }[] = [];
  for (const b of blocks) {
    if (b.type === 'space' || b.type === 'hr') continue;
    // A question bank's `**Q12: ...**` is the bank's (bank.ts), with all that follows it.
    if (isQuestionBlock(b)) {
      lines.push({ text: '', line: b.line, block: true });
      continue;
    }
    if (b.type !== 'paragraph') {
      const text = blockText(b);
      if (text) lines.push({ text, line: b.line, block: true });
      continue;
    }
    // The paragraph's text with its line breaks (blockText makes it one line).
    inlineText((b as unknown as Tokens.Paragraph).tokens)
      .split('\n')
      .forEach((t, k) => {
        if (t.trim()) lines.push({ text: t.trim(), line: b.line + k, block: k === 0 });
      });
  }
  if (!lines.some((l) => Q_LINE.test(l.text))) return;
  for (let i = 0; i < lines.length; i++) {
    const q = Q_LINE.exec(lines[i]!.text);
    if (!q) continue;
    // The question may run over more lines of its paragraph, up to the answer.
    const question = [q[1]!];
    let j = i + 1;
    while (j < lines.length && !lines[j]!.block && !A_LINE.test(lines[j]!.text) && !Q_LINE.test(lines[j]!.text)) question.push(lines[j++]!.text);
    const a = j < lines.length ? A_LINE.exec(lines[j]!.text) : null;
    if (!a) continue;
    // The answer: the rest of its line and what follows, up to the next question.
    const parts: string[] = [a[1]!.trim()];
    let k = j + 1;
    for (; k < lines.length && !Q_LINE.test(lines[k]!.text) && lines[k]!.text; k++) {
      const l = lines[k]!;
      if (l.block) parts.push(l.text);
      else parts[parts.length - 1] = `${parts[parts.length - 1]} ${l.text}`.trim();
    }
    const strong = unquote(parts.filter(Boolean).join('\n\n'));
    const title = trapTitle(oneLine(question.join(' ')));
    if (title && strong) ctx.guide.traps.push({ id: shortId(title, 'trap'), question: title, strong, keyPoints: [], line: lines[i]!.line });
    i = k - 1;
  }
}

/**
 * A trap section written as a list: each item a question (bold, or ending in "?") with
 * its labelled parts on the item's next lines or in a list under it (`Weak answer: ...`,
 * `- Strong answer: ...`). An item with no labelled part is not a trap.
 */
function listTraps(list: Block & Tokens.List, ctx: Ctx): void {
  list.items.forEach((item, k) => {
    const lines = item.text
      .split('\n')
      .map((l) =>
        l
          .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')
          .replace(/\*\*|__/g, '')
          .trim(),
      )
      .filter(Boolean);
    const first = lines[0] ?? '';
    if (!/^\*\*.+\*\*\s*$/.test(item.text.split('\n')[0]!.trim()) && !/\?["”]?$/.test(first)) return;
    const trap: Trap = { id: shortId(trapTitle(first), 'trap'), question: trapTitle(first), keyPoints: [], line: list.line + k };
    let part: Exclude<TrapPart, 'keyPoints'> | undefined;
    for (const line of lines.slice(1)) {
      const m = /^([^:]{2,40}):\s*(.*)$/.exec(line);
      const found = m ? trapPart(m[1]!) : undefined;
      const kind = found === 'keyPoints' ? undefined : found;
      if (kind) {
        part = kind;
        const text = unquote(m![2]!);
        trap[kind] = trap[kind] ? `${trap[kind]}\n\n${text}` : text;
      } else if (part) trap[part] = `${trap[part]} ${line}`.trim();
    }
    if (trap.question && (trap.strong || trap.weak || trap.wants)) ctx.guide.traps.push(trap);
  });
}
