// Pacing: the interview's phases with their minutes, from a table or from one heading
// per phase.
import type { Phase } from '../model.js';
import { blockText, tableRows, type Node } from '../markdown.js';
import { phaseKey } from '../phases.js';
import { parseWindow } from '../text.js';
import { firstTable, keepSection, type Ctx, type Recognizer } from './context.js';

export const pacing: Recognizer = {
  part: 'pacing',
  heading: /\bpacing\b|\d+[- ]min(ute)?s? (format|plan|guide)\b/i,
  layouts: [
    { name: 'time-phase-table', example: '| Time | Phase | Focus | Tips |\n| 0-5 min | Clarify | Scope | Ask about scale |' },
    { name: 'phase-headings', example: '### Phase 1: Requirements (0-5 min)' },
  ],
  read(node, ctx) {
    const table = firstTable(node, (h) => h.some((c) => /time|min/i.test(c)) && h.some((c) => /phase|stage/i.test(c)));
    if (!table) {
      ctx.walkChildren(node);
      if (ctx.phaseHeadings.length === 0) keepSection(node, ctx);
      return;
    }
    const { header, rows } = tableRows(table);
    const col = (re: RegExp): number => header.findIndex((h) => re.test(h));
    const time = col(/time|min/i);
    const phase = col(/phase|stage/i);
    const focus = col(/focus|goal|what/i);
    const tips = col(/tips?|deliverable|output|notes?/i);
    for (const row of rows) {
      const window = parseWindow(row[time] ?? '');
      const name = (row[phase] ?? '').trim();
      if (!window || !name) {
        ctx.problems.push({ path: ctx.path, line: table.line, severity: 'warning', message: `pacing row '${row.join(' | ')}' needs a time like '0-5 min' and a phase name` });
        continue;
      }
      ctx.guide.pacing.push({
        key: phaseKey(name),
        name,
        ...window,
        focus: focus >= 0 ? (row[focus] ?? '') : '',
        tips: tips >= 0 ? (row[tips] ?? '') : '',
        keyPoints: [],
      });
    }
    ctx.walkChildren(node);
  },
};

export const PHASE_HEADING = /^phase\s+\d+\s*[:.\-–]/i;

/** "Phase 1: Requirements (0-5 min)" anywhere in a guide is a phase of its plan. */
export const phaseHeadings: Recognizer = {
  part: 'phase',
  heading: PHASE_HEADING,
  passThrough: true,
  layouts: [{ name: 'phase-heading', example: '## Phase 1: Requirements (0-5 min)' }],
  read(node, ctx) {
    phaseFromHeading(node, ctx);
  },
};

function phaseFromHeading(node: Node, ctx: Ctx): void {
  const m = /^phase\s+\d+\s*[:.\-–]\s*(.+?)\s*(\(([^)]*)\))?\s*$/i.exec(node.heading.trim());
  const window = parseWindow(node.heading);
  if (!m || !window) return;
  const firstParagraph = node.blocks.find((b) => b.type === 'paragraph');
  const phase: Phase = {
    key: phaseKey(m[1]!),
    name: m[1]!.replace(/\s*\(.*$/, '').trim(),
    ...window,
    focus: firstParagraph ? blockText(firstParagraph) : '',
    tips: '',
    keyPoints: [],
  };
  ctx.phaseHeadings.push(phase);
}

