// Questions the candidate asks: opening (clarifying) questions with why they matter,
// clarifying questions by scenario with their branches, and questions for the end.
import type { Tokens } from 'marked';
import type { AskQuestion, EndQuestion, ScenarioQuestion } from '../model.js';
import { allBlocks, blockText, listItems, tableRows, type Block, type Node } from '../markdown.js';
import { unquote } from '../text.js';
import type { Recognizer } from './context.js';

export const questionsToAsk: Recognizer = {
  part: 'questionsToAsk',
  yields: 'questionsToAsk',
  heading: /questions to ask|opening questions|requirements clarification|clarif\w* questions|scope questions|constraint questions/i,
  layouts: [
    { name: 'question-why-table', example: '| Question | Why It Matters |' },
    { name: 'question-answer-table', example: '| Question | Why It Matters | Typical Answer |\n| "Peak traffic?" | Pre-scaling | 20x in 10 minutes |' },
    { name: 'must-ask-code-block', example: '```\nMUST ASK:\n1. "How many models?" (sizes the platform)\n```' },
    { name: 'question-list', example: '- "What is the latency target?"' },
  ],
  read(node, ctx) {
    const visit = (n: Node, group: AskQuestion['group']): void => {
      const g = /must/i.test(n.heading) ? 'must' : group;
      for (const b of n.blocks) {
        if (b.type === 'table') {
          const { header, rows } = tableRows(b as unknown as Tokens.Table);
          const q = Math.max(0, header.findIndex((h) => /question/i.test(h)));
          const why = header.findIndex((h) => /why|matter|reason|purpose/i.test(h));
          const answer = header.findIndex((h, i) => i !== q && i !== why && /answer|typical|expected|example|assum|likely/i.test(h));
          for (const r of rows) {
            const a: AskQuestion = { question: unquote(r[q] ?? ''), group: g, details: [] };
            if (why >= 0 && r[why]) a.why = r[why];
            if (answer >= 0 && r[answer]) a.answer = unquote(r[answer]!);
            if (a.question) ctx.guide.questionsToAsk.push(a);
          }
        } else {
          for (const q of questionLines([b], g)) ctx.guide.questionsToAsk.push(q);
        }
      }
      for (const c of n.children) visit(c, g);
    };
    visit(node, 'clarifying');
  },
};

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
    const m = /^(.*?[?"”])\s*\(([^)]+)\)\s*$/.exec(text.trim());
    const question = unquote(m ? m[1]! : text);
    if (!question) return undefined;
    const q: AskQuestion = { question, group: g, details: [] };
    if (m) q.why = m[2]!.trim();
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
      for (const raw of blockText(b).split('\n')) {
        const line = raw.trim();
        if (!line) continue;
        if (/^must[- ]ask:?$/i.test(line)) {
          g = 'must';
          continue;
        }
        if (/^[A-Z][A-Z ]+:$/.test(line)) {
          g = 'clarifying';
          continue;
        }
        const numbered = /^\d+[.)]\s*(.+)$/.exec(line);
        if (numbered || /^["“].*\?["”]?/.test(line)) current = add(numbered ? numbered[1]! : line, g);
        else if (current && /^\(.*\)$/.test(line)) current.why = line.slice(1, -1);
        else if (current && /^[-•*]\s+/.test(line)) current.details.push(line.replace(/^[-•*]\s+/, ''));
      }
    }
  }
  return out;
}
