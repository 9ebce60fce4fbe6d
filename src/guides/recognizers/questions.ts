// Questions the candidate asks: opening (clarifying) questions with why they matter,
// clarifying questions by scenario with their branches, and questions for the end.
import type { Tokens } from 'marked';
import type { AskQuestion, EndQuestion, ScenarioQuestion } from '../model.js';
import { allBlocks, blockText, listItems, tableRows, type Block, type Node } from '../markdown.js';
import { unquote } from '../text.js';
import { AVOID } from './derive.js';
import type { Ctx, Recognizer } from './context.js';

export const QUESTIONS_TO_ASK_HEADING =
  /questions to ask|opening questions|requirements clarification|clarif\w* questions|scope questions|constraint questions|must[- ]ask questions|questions (?:the )?(?:candidate|you) should ask/i;

export const questionsToAsk: Recognizer = {
  part: 'questionsToAsk',
  yields: 'questionsToAsk',
  heading: QUESTIONS_TO_ASK_HEADING,
  layouts: [
    { name: 'question-why-table', example: '| Question | Why It Matters |' },
    { name: 'question-answer-table', example: '| Question | Why It Matters | Typical Answer |\n| "Peak traffic?" | Pre-scaling | 20x in 10 minutes |' },
    { name: 'must-ask-code-block', example: '```\nMUST ASK:\n1. "How many models?" (sizes the platform)\n```' },
    { name: 'question-list', example: '- "What is the latency target?"' },
    { name: 'questions-under-phase', example: '### Minutes 0-5: Clarify Scope\n**Key clarifying questions to ask:**\n| Question | Why It Matters |' },
    { name: 'question-list-under-phase', example: '### Phase 1: Requirements (0-8 min)\n**Strong candidates will immediately ask:**\n- What scale? (events a day, tenants)' },
    { name: 'category-rows', example: '```\n1. Scale & Market\n   "How many shops?"\n2. Functionality\n   "Is chat the only interface?"\n```\nor | **Scale** | |  rows over the questions' },
  ],
  read(node, ctx) {
    const visit = (n: Node, group: AskQuestion['group']): void => {
      const g = /must/i.test(n.heading) ? 'must' : group;
      for (const b of n.blocks) {
        if (b.type === 'table') ctx.guide.questionsToAsk.push(...questionsFromTable(b as unknown as Tokens.Table, g));
        else for (const q of questionLines([b], g)) ctx.guide.questionsToAsk.push(q);
      }
      // "Questions NOT to Ask" are not questions to ask.
      for (const c of n.children) if (!AVOID.test(c.heading)) visit(c, g);
    };
    visit(node, 'clarifying');
  },
};

// A column that says why a question is asked: "Why It Matters", "Purpose", "What It Reveals", "Implication".
const WHY_COLUMN = /why|matter|reason|purpose|reveal|implication|impact/i;

/** A `| Question | Why It Matters |` table; a row that only names a group of questions is their category. */
function questionsFromTable(table: Tokens.Table, group: AskQuestion['group']): AskQuestion[] {
  const { header, rows } = tableRows(table);
  const q = Math.max(
    0,
    header.findIndex((h) => /question/i.test(h)),
  );
  const why = header.findIndex((h, i) => i !== q && WHY_COLUMN.test(h));
  const answer = header.findIndex((h, i) => i !== q && i !== why && /answer|typical|expected|example|assum|likely/i.test(h));
  const out: AskQuestion[] = [];
  let category: string | undefined;
  for (const r of rows) {
    const text = unquote(r[q] ?? '');
    if (!text) continue;
    // "| **Scale & Market** | | |": a label over the questions below it, not a question.
    if (header.length > 1 && r.every((c, i) => i === q || !c) && !/[?"“]/.test(r[q] ?? '')) {
      category = text.replace(/:$/, '');
      continue;
    }
    const a: AskQuestion = { question: text, group, details: [] };
    if (category) a.category = category;
    if (why >= 0 && r[why]) a.why = r[why];
    if (answer >= 0 && r[answer]) a.answer = unquote(r[answer]!);
    out.push(a);
  }
  return out;
}

// Where a table of questions is the candidate's clarifying questions though no heading
// says "Questions to Ask": under the clarify phase, or under a lead-in that says so.
const CLARIFY_CONTEXT = /clarif|scope|requirement|must[- ]ask|problem exploration/i;
const NOT_CANDIDATE = /expect|receive|follow-?up|might be asked|interviewer asks|to provide/i;
const LEAD_IN = /clarif\w* questions|questions (?:to ask|from the candidate|the candidate)/i;
// "Strong candidates will immediately ask:", "Ask:" over a list of questions.
const ASK_LEAD = /\b(?:candidates?|you)\b[^.:]{0,30}\bask\b[^.:]{0,20}:\s*$|^ask(?: about)?:\s*$/i;

/**
 * "### Minutes 0-5: Clarify Scope" holding "**Key clarifying questions to ask:**" and
 * a `| Question | Why It Matters |` table: the guide's questions to ask, read from a
 * section no recognizer took (a phase of the pacing).
 */
export function clarifyTables(node: Node, ctx: Ctx): void {
  const context = CLARIFY_CONTEXT.test(node.heading) && !NOT_CANDIDATE.test(node.heading);
  node.blocks.forEach((b, i) => {
    // A list of questions under a lead-in that says the candidate asks them.
    if (b.type === 'list' && context) {
      const before = node.blocks[i - 1];
      const lead = before?.type === 'paragraph' ? blockText(before) : '';
      const items = listItems(b as unknown as Tokens.List);
      if (ASK_LEAD.test(lead) && !NOT_CANDIDATE.test(lead) && items.filter((it) => it.text.includes('?')).length * 2 > items.length) {
        ctx.guide.questionsToAsk.push(...questionLines([b], /must/i.test(node.heading) ? 'must' : 'clarifying'));
      }
      return;
    }
    if (b.type !== 'table') return;
    const { header } = tableRows(b as unknown as Tokens.Table);
    if (!/question/i.test(header[0] ?? '') || !header.slice(1).some((h) => WHY_COLUMN.test(h))) return;
    const before = node.blocks[i - 1];
    const lead = before?.type === 'paragraph' ? blockText(before) : '';
    if (!context && !(LEAD_IN.test(lead) && !NOT_CANDIDATE.test(lead))) return;
    ctx.guide.questionsToAsk.push(...questionsFromTable(b as unknown as Tokens.Table, /must/i.test(node.heading) ? 'must' : 'clarifying'));
  });
}

export const scenarioQuestions: Recognizer = {
  part: 'scenarioQuestions',
  yields: 'scenarioQuestions',
  heading: /by scenario|scenario questions/i,
  layouts: [
    { name: 'scenario-ask-branches', example: 'Scenario: "Design X"\nAsk: "Real-time or batch?"\n  → Real-time: feature store critical' },
    { name: 'scenario-subheadings', example: '### Fintech\n\nScenario: "Design X for a fintech"\nAsk: "Fraud or credit?"' },
  ],
  read(node, ctx) {
    const lines: string[] = [];
    // A sub-heading names a scenario unless a `Scenario:` line follows it.
    const HEADING = '\u0000';
    const visit = (n: Node, isRoot: boolean): void => {
      if (!isRoot) lines.push(`${HEADING}Scenario: ${n.heading}`);
      for (const b of n.blocks) {
        if (b.type === 'list') for (const i of listItems(b as unknown as Tokens.List)) lines.push(`→ ${i.text}`);
        else lines.push(...blockText(b).split('\n'));
      }
      for (const c of n.children) visit(c, false);
    };
    visit(node, true);
    let current: ScenarioQuestion | undefined;
    let named = false;
    for (const raw of lines) {
      const fromHeading = raw.startsWith(HEADING);
      const line = raw.replace(HEADING, '').trim();
      const scenario = /^scenario\s*:\s*(.+)$/i.exec(line);
      const ask = /^(?:ask|question)\s*:\s*(.+)$/i.exec(line);
      const branch = /^(?:→|->|=>|-|•)\s*([^:]+):\s*(.+)$/.exec(line);
      if (scenario) {
        // A sub-heading followed by its own `Scenario:` line is one scenario, named by the line.
        if (!fromHeading && named && current && !current.ask && current.branches.length === 0) current.scenario = unquote(scenario[1]!);
        else {
          current = { scenario: unquote(scenario[1]!), ask: '', branches: [] };
          ctx.guide.scenarioQuestions.push(current);
        }
        named = fromHeading;
        continue;
      }
      if (line) named = false;
      if (ask && current) current.ask = unquote(ask[1]!);
      else if (branch && current) current.branches.push({ when: branch[1]!.trim(), then: branch[2]!.trim() });
    }
  },
};

export const endQuestions: Recognizer = {
  part: 'endQuestions',
  yields: 'endQuestions',
  heading: /questions? (to ask|for).*(end|clos|wrap)|end of (the )?(session|interview)|questions for the end|reverse questions/i,
  layouts: [{ name: 'question-list', example: '1. "How do teams adopt the platform today?" (shows product sense)' }],
  read(node, ctx) {
    for (const q of questionLines(allBlocks(node))) {
      const e: EndQuestion = { question: q.question };
      if (q.why) e.why = q.why;
      ctx.guide.endQuestions.push(e);
    }
  },
};

/**
 * Numbered or quoted questions from lists, paragraphs and code blocks, with the
 * `MUST ASK:` / `CLARIFYING:` labels of code blocks and `(why)` lines kept.
 */
export function questionLines(blocks: Block[], group: AskQuestion['group'] = 'clarifying'): AskQuestion[] {
  const out: AskQuestion[] = [];
  const add = (text: string, g: AskQuestion['group']): AskQuestion | undefined => {
    // '"What scale?" → 100K merchants, 130M messages/day': the answer after the arrow.
    const arrow = /^(.+?\?["”]?)\s*(?:→|->|=>)\s*(.+)$/.exec(text.trim());
    const m = questionAndWhy((arrow ? arrow[1]! : text).trim());
    const question = unquote(m ? m[1]! : arrow ? arrow[1]! : text);
    if (!question) return undefined;
    const q: AskQuestion = { question, group: g, details: [] };
    if (m) q.why = m[2]!.trim();
    if (arrow) q.answer = arrow[2]!.trim();
    out.push(q);
    return q;
  };
  for (const b of blocks) {
    if (b.type === 'list') {
      for (const item of listItems(b as unknown as Tokens.List)) {
        const q = add(item.text, group);
        if (q) {
          const why = item.details.find((d) => /^\(.*\)$/.test(d));
          if (why && !q.why) q.why = why.slice(1, -1);
          q.details = item.details.filter((d) => d !== why);
        }
      }
    } else if (b.type === 'code' || b.type === 'paragraph') {
      let g = group;
      let current: AskQuestion | undefined;
      let category: string | undefined;
      const lines = joinQuoted(
        blockText(b)
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean),
      );
      lines.forEach((line, i) => {
        if (/^must[- ]ask:?$/i.test(line)) {
          g = 'must';
          return;
        }
        if (/^[A-Z][A-Z ]+:$/.test(line)) {
          g = 'clarifying';
          return;
        }
        const numbered = /^\d+[.)]\s*(.+)$/.exec(line);
        const quoted = /^["“].*\?["”]?/.test(line);
        // "1. Scale & Market" over quoted questions: the name of a group, not a question.
        if (numbered && !/[?"“]/.test(numbered[1]!) && /^["“]/.test(lines[i + 1] ?? '')) {
          category = numbered[1]!.replace(/:$/, '').trim();
          current = undefined;
          return;
        }
        const why = /^why(?: it matters| ask)?\s*:\s*(\S.*)$/i.exec(line);
        if (numbered || quoted) {
          current = add(numbered ? numbered[1]! : line, g);
          if (current && category && !numbered) current.category = category;
          if (numbered) category = undefined;
        } else if (current && why && !current.why) current.why = why[1]!;
        // "Expected: <1.5 seconds p99": what the interviewer would say.
        else if (current && !current.answer && EXPECTED.test(line)) current.answer = line.replace(EXPECTED, '').trim();
        else if (current && /^\(.*\)$/.test(line)) current.why = line.slice(1, -1);
        else if (current && /^[-•*]\s+/.test(line)) current.details.push(line.replace(/^[-•*]\s+/, ''));
      });
    }
  }
  return out;
}

const EXPECTED = /^(?:(?:expected|typical|likely)(?:\s+(?:answer|response))?|answer|response)\s*:\s*/i;

/** A quoted question wrapped over lines in a code block is one line again (up to six lines). */
function joinQuoted(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let close = -1;
    if (/^["“]/.test(line) && !/["”]$/.test(line.slice(1))) {
      for (let j = i + 1; j < lines.length && j - i < 6 && !/^(?:["“]|\d+[.)]\s|[-•*]\s|why\b)/i.test(lines[j]!); j++) {
        if (/["”]$/.test(lines[j]!)) {
          close = j;
          break;
        }
      }
    }
    if (close < 0) out.push(line);
    else {
      out.push(lines.slice(i, close + 1).join(' '));
      i = close;
    }
  }
  return out;
}

/**
 * "What scale? (capacity)" as the question and why it matters: what
 * /^(.*?[?"”])\s*\(([^)]+)\)\s*$/ matches, found in one pass. That expression takes
 * time that grows with the square of a line of `?(` (a second for 20,000 characters).
 */
function questionAndWhy(text: string): [string, string, string] | undefined {
  if (!text.endsWith(')')) return undefined;
  const close = text.length - 1;
  // The question is on the first line ("." stops at a line break).
  const lineEnd = text.search(/[\n\r\u2028\u2029]/);
  // The parenthesis holds no ")": it opens after the one before the last.
  for (let open = text.lastIndexOf(')', close - 1) + 1; open < close - 1; open++) {
    if (text[open] !== '(') continue;
    let end = open;
    while (end > 0 && /\s/.test(text[end - 1]!)) end--;
    if (lineEnd >= 0 && end > lineEnd) return undefined;
    if (end > 0 && '?"”'.includes(text[end - 1]!)) return [text, text.slice(0, end), text.slice(open + 1, close)];
  }
  return undefined;
}
