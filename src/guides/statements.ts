// What a guide states, line by line, wherever it says it: its requirement lists, key
// number tables (even inside a quick-reference card), the interviewer's lines of a
// sample dialogue, answers in a table of questions, and the sentences of its prose.
// The parts the recognizers read (cards, traps, pacing) keep their own shapes; this is
// the whole text again as short statements, under the headings they sit beneath, for
// the mock's interviewer to search when a candidate asks what the guide knows. Pure.
import type { Tokens } from 'marked';
import type { Statements } from './model.js';
import { BUDGET, spend } from './budget.js';
import { blockText, cellText, type Block, type Node } from './markdown.js';
import { SPEAKER, TEXT_ITEM } from './text.js';

/** Statements kept per guide: a long guide states a few hundred. */
const MAX_LINES = 1_200;
/** A statement longer than this is cut into sentences, and a sentence at this length. */
const MAX_CHARS = 260;

const CANDIDATE_ANSWER = /^(?:strong|good|great|best|ideal|model|sample|expected|weak|bad|poor)\s+(?:answers?|responses?|approach)\s*:/i;

/** A table column that holds the answer to the question in its first column. */
const ANSWER_COLUMN = /answer|respon|reply|strong|good|great|handle|say|what to|typical|default|assum|decision/i;

/** The statements of a section tree, grouped under the headings they sit beneath. */
export function statementsOf(tree: Node): Statements[] {
  const out: Statements[] = [];
  let count = 0;
  const visit = (node: Node, path: string[]): void => {
    if (count >= MAX_LINES) return;
    const lines: string[] = [];
    for (const block of node.blocks) {
      spend();
      for (const line of blockLines(block)) {
        if (count + lines.length >= MAX_LINES) break;
        lines.push(line);
      }
    }
    count += lines.length;
    if (lines.length > 0) out.push({ heading: path.join(' › '), lines });
    if (out.length >= BUDGET.itemsPerPart) return;
    for (const child of node.children) visit(child, node.depth >= 1 ? [...path, child.heading] : [child.heading]);
  };
  visit(tree, tree.heading ? [tree.heading] : []);
  return out;
}

function blockLines(block: Block): string[] {
  switch (block.type) {
    case 'table': {
      const table = block as unknown as Tokens.Table;
      const header = table.header.map((c) => cellText(c));
      const answers = header.map((h, i) => i > 0 && ANSWER_COLUMN.test(h));
      return table.rows
        .flatMap((r) => {
          const cells = r.map((c) => cellText(c));
          // A row that asks a question ("Domestic or international? | routing | US-only =
          // simpler") states only its answer column, if it has one: the rest is why to ask.
          // An answer of several sentences is several statements, as prose is.
          if (/\?["”*]*$/.test(cells[0] ?? '')) return cells.filter((c, i) => answers[i] && c).flatMap((c) => sentencesOf(c.replace(/^["“]|["”]$/g, '')));
          return [cells.filter(Boolean).join(' | ')];
        })
        .flatMap(cut);
    }
    case 'code':
      return codeLines(blockText(block)).flatMap(cut);
    case 'paragraph':
    case 'text':
      // A candidate's answer ("Strong response: exact COUNT DISTINCT needs…") is the
      // candidate's design, not what the brief states.
      if (CANDIDATE_ANSWER.test(blockText(block))) return [];
      // Prose, sentence by sentence: "Messages are deleted after delivery." is a
      // statement of its own, not lost in the paragraph around it.
      return blockText(block)
        .split('\n')
        .flatMap((l) => sentencesOf(l.trim()))
        .filter((l) => l.length >= 6)
        .flatMap(cut);
    case 'list':
    case 'blockquote':
      return blockText(block)
        .split('\n')
        .map((l) => l.replace(/^\s*(?:[-*+•]|\d+[.)]|\[[ x]\])\s+/, '').trim())
        .filter((l) => l.length >= 6)
        .flatMap(cut);
    default:
      return [];
  }
}

const BOX = /[│┃║|┌┐└┘├┤┬┴┼─━═╔╗╚╝╠╣╦╩╬]+/g;

/**
 * The statements of a code block: a dialogue's lines, a quoted summary's list, and the figures of a box drawn
 * in text, one per cell ("│ MAU: 2B    DAU: 1.2B │" is two), each under the shouted
 * heading above it in the box ("MESSAGES"), which says what they count. Code, which
 * has no figures of this kind, states nothing.
 */
function codeLines(text: string): string[] {
  const out: string[] = [];
  let heading = '';
  for (const raw of text.split('\n')) {
    if (SPEAKER.test(raw)) {
      out.push(raw.replace(/\s+/g, ' ').trim());
      continue;
    }
    // A list in a quoted summary ("Let me summarize the requirements: - Core features:
    // audio/video calling, screen sharing, recording, chat"), not a line of code.
    const item = TEXT_ITEM.exec(raw)?.[1];
    if (item && item.length >= 6 && /\p{L}{3}/u.test(item) && !/[;{}=<>]|\(\)|^\w+:\s*$/.test(item)) {
      out.push(item.trim());
      continue;
    }
    const cells = raw
      .replace(BOX, '  ')
      .split(/\s{2,}/)
      .map((c) => c.replace(/^[+\s]+|[+\s]+$/g, ''))
      .filter(Boolean);
    if (cells.length === 0) {
      heading = '';
      continue;
    }
    if (cells.length === 1 && /^[A-Z][A-Z0-9 &/()-]{2,40}$/.test(cells[0]!)) {
      heading = cells[0]!.charAt(0) + cells[0]!.slice(1).toLowerCase();
      continue;
    }
    const labelled = cells.length > 1 && cells.every((c) => /^[^:]{1,40}:\s*\S/.test(c));
    for (const part of labelled ? cells : [cells.join(' ')]) {
      if (/\p{L}{3}/u.test(part) && /\d/.test(part) && !/[;{}=]|=>|\(\)/.test(part)) out.push(heading ? `${heading}: ${part}` : part);
    }
  }
  return out;
}

/** A line as its sentences. */
function sentencesOf(line: string): string[] {
  return line.split(/(?<=[.!?])\s+(?=["“*(]?[A-Z0-9])/);
}

/** A long line as its sentences, each cut at the limit. */
function cut(line: string): string[] {
  if (line.length <= MAX_CHARS) return line ? [line] : [];
  return sentencesOf(line)
    .map((s) => (s.length > MAX_CHARS ? `${s.slice(0, MAX_CHARS - 1).replace(/\s+\S*$/, '')}…` : s))
    .filter((s) => s.length >= 6);
}
