// Markdown through marked's lexer: a tree of sections with line numbers, and plain
// text out of tokens. The parser reads guides through these helpers only.
import { Lexer, Tokenizer, type Token, type Tokens } from 'marked';
import { squash } from './text.js';
import { BUDGET, OverBudget, spend } from './budget.js';

/** Block tokens with the line (1-based) where each starts in the file. */
export type Block = Token & { line: number };

export interface Node {
  heading: string;
  depth: number;
  line: number;
  /** Blocks directly under the heading, before the first sub-heading. */
  blocks: Block[];
  children: Node[];
}

/** Lexes markdown into a section tree; `firstLine` is where the body starts in the file. */
export function sectionTree(markdown: string, firstLine = 1): Node {
  let tokens: Token[];
  try {
    tokens = budgetedLexer().lex(markdown);
  } catch (e) {
    if (e instanceof TooDeep) throw new OverBudget(e.message, lineOfText(markdown, e.near, firstLine));
    throw e;
  }
  const root: Node = { heading: '', depth: 0, line: firstLine, blocks: [], children: [] };
  const stack: Node[] = [root];
  let line = firstLine;
  for (const token of tokens) {
    spend();
    const block = Object.assign(token, { line: line + leadingNewlines(token.raw) }) as Block;
    line += countNewlines(token.raw);
    if (token.type === 'heading') {
      const heading = token as Tokens.Heading;
      while (stack.length > 1 && stack[stack.length - 1]!.depth >= heading.depth) stack.pop();
      const node: Node = {
        heading: headingText(heading),
        depth: heading.depth,
        line: block.line,
        blocks: [],
        children: [],
      };
      stack[stack.length - 1]!.children.push(node);
      stack.push(node);
    } else if (token.type !== 'space' && token.type !== 'hr' && token.type !== 'def') {
      stack[stack.length - 1]!.blocks.push(block);
    }
  }
  return root;
}

/**
 * A heading's plain text, its runs of spaces made one and cut at the budget: headings
 * are matched against many patterns, and a setext heading can be a whole paragraph.
 */
function headingText(heading: Tokens.Heading): string {
  const text = squash(inlineText(heading.tokens));
  return text.length > BUDGET.headingChars ? text.slice(0, BUDGET.headingChars) : text;
}

class TooDeep extends Error {
  constructor(readonly near: string) {
    super(`nested more than ${BUDGET.nesting} levels deep (block quotes, lists or emphasis inside each other)`);
  }
}

/**
 * marked's lexer within the budget (budget.ts). Lists and block quotes are lexed by
 * recursion, and so is emphasis: a thousand `> - ` on one line overflowed the stack,
 * and a thousand indented list levels took seconds and gigabytes, each level lexing
 * all the text below it again. Deeper than the budget, the file is refused; inline
 * text longer than the budget is kept as plain text; every step checks the deadline.
 */
function budgetedLexer(): Lexer {
  const tokenizer = new Tokenizer();
  const lexer = new Lexer({ gfm: true, tokenizer });
  tokenizer.rules.other = sharedRules(tokenizer.rules.other);
  const blockTokens = lexer.blockTokens.bind(lexer) as (src: string, tokens?: Token[], clipped?: boolean) => Token[];
  const inlineTokens = lexer.inlineTokens.bind(lexer);
  // Written out twice rather than through a helper: these run for every block and
  // every run of inline text, and a closure per call showed in a cold index.
  let depth = 0;
  lexer.blockTokens = ((src: string, tokens?: Token[], clipped?: boolean) => {
    spend();
    if (depth >= BUDGET.nesting) throw new TooDeep(src);
    depth++;
    try {
      return blockTokens(src, tokens, clipped);
    } finally {
      depth--;
    }
  }) as Lexer['blockTokens'];
  lexer.inlineTokens = (src: string, tokens: Token[] = []) => {
    spend();
    if (src.length > BUDGET.inlineChars) {
      tokens.push({ type: 'text', raw: src, text: src });
      return tokens;
    }
    if (src !== '' && !INLINE_SYNTAX.test(src)) {
      // What marked's own loop makes of such a run: one text token, or more text on the last.
      const last = tokens[tokens.length - 1];
      if (last?.type === 'text') {
        last.raw += src;
        (last as Tokens.Text).text += src;
      } else tokens.push({ type: 'text', raw: src, text: src, escaped: lexer.state.inRawBlock } as Tokens.Text);
      return tokens;
    }
    if (depth >= BUDGET.nesting) throw new TooDeep(src);
    depth++;
    try {
      return inlineTokens(src, tokens);
    } finally {
      depth--;
    }
  };
  return lexer;
}

/**
 * What any of marked's inline rules (GFM) starts at: escapes, tags and autolinks,
 * links and images, emphasis, code spans, strikethrough, bare URLs and e-mail
 * addresses, and hard breaks (two spaces or a backslash before a line end). A run of
 * text with none of these is plain text to marked, and most runs are (a table cell, a
 * heading, a sentence without emphasis): they skip its rule-by-rule loop (issue 14).
 */
const INLINE_SYNTAX = /[\\<![`*_~@]|(?:ftp|https?):|www\.| \n/i;

type OtherRules = Tokenizer['rules']['other'];
let shared: OtherRules | undefined;

/**
 * marked's rules with the regexes of list items made once per indent instead of once
 * per item: its list tokenizer builds seven RegExps for every item it reads, each
 * compiled anew and run by the regex interpreter (about a twelfth of a cold index's
 * lexing; issue 14). They have no g or y flag, so one object serves every lexer.
 */
function sharedRules(other: OtherRules): OtherRules {
  if (shared) return shared;
  const memo = <K extends string | number>(make: (key: K) => RegExp): ((key: K) => RegExp) => {
    const made = new Map<K, RegExp>();
    return (key) => {
      let re = made.get(key);
      if (!re) made.set(key, (re = make(key)));
      return re;
    };
  };
  shared = {
    ...other,
    listItemRegex: memo(other.listItemRegex),
    nextBulletRegex: memo(other.nextBulletRegex),
    hrRegex: memo(other.hrRegex),
    fencesBeginRegex: memo(other.fencesBeginRegex),
    headingBeginRegex: memo(other.headingBeginRegex),
    htmlBeginRegex: memo(other.htmlBeginRegex),
    blockquoteBeginRegex: memo(other.blockquoteBeginRegex),
  };
  return shared;
}

/** The line of the file where a piece of the text first appears (for a message). */
function lineOfText(markdown: string, piece: string, firstLine: number): number | undefined {
  const first = piece
    .split('\n')
    .find((l) => l.trim() !== '')
    ?.trim()
    .slice(0, 80);
  const at = first ? markdown.indexOf(first) : -1;
  return at < 0 ? undefined : firstLine + countNewlines(markdown.slice(0, at));
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function leadingNewlines(text: string): number {
  const m = /^\n*/.exec(text);
  return m ? m[0].length : 0;
}

/** Every block of a node and of its sub-sections, in document order, headings included. */
export function allBlocks(node: Node): Block[] {
  const out: Block[] = [];
  const add = (n: Node): void => {
    spend();
    // A loop, not push(...spread): a section may hold more blocks than a call takes arguments.
    for (const b of n.blocks) out.push(b);
    for (const child of n.children) {
      out.push({ type: 'heading', raw: '', depth: child.depth, text: child.heading, tokens: [], line: child.line } as Block);
      add(child);
    }
  };
  add(node);
  return out;
}

/** Plain text of inline tokens: emphasis, links and code spans reduced to their words. */
const ENTITIES: Record<string, string> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  rarr: '→',
  larr: '←',
  times: '×',
  le: '≤',
  ge: '≥',
  asymp: '≈',
};

/** "&lt;1s" reads "<1s", as a markdown viewer shows it; unknown names stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]{2,8}));/gi, (whole, dec?: string, hex?: string, name?: string) => {
    if (name) return ENTITIES[name.toLowerCase()] ?? whole;
    const code = dec ? Number(dec) : Number.parseInt(hex!, 16);
    return code > 0x1f && code <= 0x10ffff && !(code >= 0x7f && code < 0xa0) ? String.fromCodePoint(code) : whole;
  });
}

export function inlineText(tokens: Token[] | undefined): string {
  if (!tokens) return '';
  let out = '';
  for (const t of tokens) {
    switch (t.type) {
      case 'br':
        out += '\n';
        break;
      case 'html':
        break;
      case 'checkbox':
        break;
      case 'image':
        out += (t as Tokens.Image).text;
        break;
      case 'codespan':
        out += (t as Tokens.Codespan).text;
        break;
      default: {
        const nested = (t as { tokens?: Token[] }).tokens;
        const text = (t as { text?: string }).text ?? '';
        out += nested && nested.length > 0 ? inlineText(nested) : text.includes('&') ? decodeEntities(text) : text;
      }
    }
  }
  return out;
}

// The parser asks for the text of the same block from several places (the section
// it sits in, the part it belongs to, labels): computed once per token.
const textOf = new WeakMap<Token, string>();
const rowsOf = new WeakMap<Tokens.Table, { header: string[]; rows: string[][] }>();

/** Plain text of one block, keeping list structure and code lines. */
export function blockText(block: Token): string {
  let text = textOf.get(block);
  if (text === undefined) {
    spend();
    text = computeBlockText(block);
    textOf.set(block, text);
  }
  return text;
}

function computeBlockText(block: Token): string {
  switch (block.type) {
    case 'paragraph':
    case 'text':
      return squash(oneLine(inlineText((block as Tokens.Paragraph).tokens)));
    case 'heading':
      return (block as Tokens.Heading).text;
    case 'blockquote':
      return blocksText((block as Tokens.Blockquote).tokens);
    case 'code':
      return (block as Tokens.Code).text.trimEnd();
    case 'list': {
      const list = block as Tokens.List;
      const start = typeof list.start === 'number' ? list.start : 1;
      return list.items
        .map((item, i) => {
          const marker = list.ordered ? `${start + i}.` : item.task ? (item.checked ? '[x]' : '[ ]') : '-';
          const body = blocksText(item.tokens).split('\n');
          return `${marker} ${body[0] ?? ''}${body
            .slice(1)
            .map((l) => `\n   ${l}`)
            .join('')}`;
        })
        .join('\n');
    }
    case 'table': {
      const table = block as Tokens.Table;
      const rows = [table.header, ...table.rows].map((r) => r.map((c) => cellText(c)).join(' | '));
      return rows.join('\n');
    }
    default:
      return '';
  }
}

export function blocksText(blocks: Token[]): string {
  const parts: string[] = [];
  for (const b of blocks) {
    if (b.type === 'space' || b.type === 'hr') continue;
    const text = blockText(b);
    if (text) parts.push(text);
  }
  return parts.join('\n\n');
}

/**
 * Line breaks inside a paragraph or a cell are spaces (most have none: no work then).
 * Split, not a regex: `\s*\n\s*` rescans a long run of spaces from every position.
 */
export function oneLine(text: string): string {
  if (!text.includes('\n')) return text;
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return `${/^\s/.test(text) ? ' ' : ''}${lines.join(' ')}${/\s$/.test(text) ? ' ' : ''}`;
}

export function cellText(cell: Tokens.TableCell): string {
  return squash(oneLine(inlineText(cell.tokens)));
}

/** Rows of a table as plain strings, header first. */
export function tableRows(table: Tokens.Table): { header: string[]; rows: string[][] } {
  let rows = rowsOf.get(table);
  if (!rows) {
    rows = { header: table.header.map(cellText), rows: table.rows.map((r) => r.map(cellText)) };
    rowsOf.set(table, rows);
  }
  return rows;
}

/** The items of a list as plain text: first line, and nested lines as details. */
export function listItems(list: Tokens.List): { text: string; details: string[]; tokens: Token[]; raw: string }[] {
  spend();
  return list.items.map((item) => {
    const own = item.tokens.filter((t) => t.type !== 'list');
    const nested = item.tokens.filter((t): t is Tokens.List => t.type === 'list');
    return {
      text: squash(blocksText(own).replace(/\n+/g, ' ')),
      details: nested.flatMap((l) => listItems(l).map((i) => i.text)),
      tokens: item.tokens,
      raw: item.text,
    };
  });
}

/**
 * The bold label a list item opens with, when more than the label follows it: blocks
 * of their own ("**Why Erlang?**" over its answer), or what a candidate would say, in
 * quotes ("**Why SSAI over CSAI** "Server-side…""). Emphasis off, nothing else.
 */
export function itemLabel(tokens: Token[]): string | undefined {
  const first = tokens[0] as Tokens.Paragraph | Tokens.Text | undefined;
  if (!first || (first.type !== 'paragraph' && first.type !== 'text')) return undefined;
  const parts = (first.tokens ?? []).filter((t) => !(t.type === 'text' && /^[\s:]*$/.test(t.raw)));
  if (parts[0]?.type !== 'strong') return undefined;
  if (parts.length === 1 && tokens.length >= 2) return blockText(first as Token);
  const rest = parts[1];
  return rest?.type === 'text' && /^\s*[:—–-]?\s*["“]/.test(rest.raw) ? inlineText([parts[0]]) : undefined;
}

/**
 * A part of a trap or trade-off introduced by a label: `**Bad Answer:** text` in
 * markdown, or `BAD ANSWER:` on its own line inside a code block.
 */
export interface Segment {
  label: string;
  text: string;
  line: number;
}

const CAPITAL_LABEL = /^([A-Z][A-Z0-9 '’/&()-]{2,}):\s*(.*)$/;
// In code blocks and boxes: "Bad answer: ...", "What they're testing: ...", or a
// capital label alone on its line ("GOOD ANSWER").
const LINE_LABEL = /^([A-Za-z][A-Za-z0-9 '’/&()-]{2,40}):\s*(.*)$/;
const BOX = /[│┃║]|[┌┐└┘├┤┬┴┼─━═╔╗╚╝╠╣╦╩╬]{2,}|^\s*[+|]|[+|]\s*$/g;
// Emoji and marks before a label: "✅ **Strong Answer:**", "❌ Weak:".
// biome-ignore lint/suspicious/noMisleadingCharacterClass: each of these characters is a mark on its own, joiners included
const MARKS = /^[\s\p{Extended_Pictographic}\uFE0F\u200D✓✔✗✘×→➡•*-]*$/u;

/**
 * Splits blocks into labelled segments. `isLabel` decides which labels count, so
 * that an ordinary bold phrase inside an answer does not cut the answer in two.
 * Labels are read in: a bold first phrase (`**Good answer:**`, `✅ **Strong**:`), a
 * block quote of those, a line of a code block or of a drawn box (`Bad answer: ...`,
 * `GOOD ANSWER`), and a small table whose header cells are labels
 * (`| What Interviewer Wants | Best Answer |`).
 */
export function segments(blocks: Block[], isLabel: (label: string) => boolean): { lead: string; parts: Segment[] } {
  const parts: Segment[] = [];
  const lead: string[] = [];
  const push = (text: string): void => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last) last.text = last.text ? `${last.text}\n\n${text}` : text;
    else lead.push(text);
  };
  const visit = (block: Block): void => {
    spend();
    if (block.type === 'paragraph') {
      const p = block as unknown as Tokens.Paragraph;
      // Emoji or a check mark may come before the label.
      let at = 0;
      while (at < p.tokens.length - 1 && p.tokens[at]!.type === 'text' && (p.tokens[at] as Tokens.Text).text.length <= 8 && MARKS.test((p.tokens[at] as Tokens.Text).text)) at++;
      const first = p.tokens[at];
      if (first && first.type === 'strong') {
        const strongText = inlineText((first as Tokens.Strong).tokens).trim();
        const rest = inlineText(p.tokens.slice(at + 1));
        const label = strongText.replace(/[:.]\s*$/, '').trim();
        const labelled = /[:.]\s*$/.test(strongText) || /^\s*[:.]/.test(rest);
        if (labelled && isLabel(label)) {
          parts.push({ label, text: squash(oneLine(rest.replace(/^\s*[:.]/, ''))), line: block.line });
          return;
        }
      }
      push(blockText(block));
    } else if (block.type === 'blockquote') {
      // "> **Answer:** ..." is the answer, quoted.
      const inner = (block as unknown as Tokens.Blockquote).tokens.map((t) => Object.assign(t, { line: block.line }) as Block);
      const sub = segments(inner, isLabel);
      if (sub.parts.length === 0) {
        push(blockText(block));
        return;
      }
      if (sub.lead) push(sub.lead);
      parts.push(...sub.parts);
    } else if (block.type === 'code') {
      const lines = (block as unknown as Tokens.Code).text.split('\n');
      let buffer: string[] = [];
      const flush = (): void => {
        const text = buffer.join('\n').replace(/^\n+/, '').trimEnd();
        buffer = [];
        push(text);
      };
      const boxed = lines.some((l) => /[│┃║]/.test(l));
      // Where the label that opened the part being read stands: a lower-case label
      // indented deeper than it ("   Response: A 203.0.113.100") is a line of that
      // answer, not a new part.
      let labelIndent = -1;
      lines.forEach((raw, i) => {
        const l = boxed ? raw.replace(BOX, ' ').trimEnd() : raw;
        // "❌ BAD ANSWER:" and "✅ GOOD ANSWER:" are labels too.
        // biome-ignore lint/suspicious/noMisleadingCharacterClass: emoji and their variation selectors are stripped one character at a time
        const t = l.trim().replace(/^[\p{Extended_Pictographic}\uFE0F✓✔✗✘×]+\s*/u, '');
        const indent = l.length - l.trimStart().length;
        const capital = CAPITAL_LABEL.exec(t);
        const inner = !capital && labelIndent >= 0 && indent > labelIndent;
        const m = capital ?? (inner ? null : LINE_LABEL.exec(t));
        const alone = /^[A-Z][A-Z '’/&-]{2,40}$/.test(t) && isLabel(t) ? t : undefined;
        if (m && isLabel(m[1]!)) {
          flush();
          parts.push({ label: m[1]!, text: m[2]!.trim(), line: block.line + 1 + i });
          labelIndent = indent;
        } else if (alone) {
          flush();
          parts.push({ label: alone, text: '', line: block.line + 1 + i });
          labelIndent = indent;
        } else if (!boxed || t !== '' || buffer.length > 0) buffer.push(boxed ? l.replace(/^ {1,2}/, '') : l);
      });
      flush();
    } else if (block.type === 'table') {
      const { header, rows } = tableRows(block as unknown as Tokens.Table);
      if (rows.length === 1 && header.length >= 2 && header.every((h) => isLabel(h))) {
        header.forEach((h, i) => {
          parts.push({ label: h, text: rows[0]![i] ?? '', line: block.line });
        });
        return;
      }
      push(blockText(block));
    } else if (block.type !== 'heading') {
      push(blockText(block));
    }
  };
  for (const block of blocks) visit(block);
  return { lead: lead.join('\n\n'), parts };
}
