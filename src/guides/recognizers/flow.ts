// The sample interview flow, step by step, each step filed under its phase.
import type { FlowStep } from '../model.js';
import { allBlocks, blocksText } from '../markdown.js';
import { STANDARD_PLAN, phaseKey } from '../phases.js';
import { parseWindow, slug } from '../text.js';
import type { Ctx, Recognizer } from './context.js';

function phaseAt(minute: number, ctx: Ctx): string {
  const phases = ctx.guide.pacing.length > 0 ? ctx.guide.pacing : STANDARD_PLAN;
  return phases.find((p) => minute >= p.start && minute < p.end)?.key ?? 'clarify';
}

export const flow: Recognizer = {
  part: 'flow',
  yields: 'flow',
  heading: /interview flow|example interview|mock walkthrough/i,
  layouts: [{ name: 'step-per-subheading', example: '### Minutes 0-5: Clarify\nInterviewer: ...\nYou: ...' }],
  read(node, ctx) {
    const steps = node.children.length > 0 ? node.children : [node];
    for (const s of steps) {
      const step: FlowStep = { phase: phaseKey(s.heading), title: s.heading, text: blocksText(allBlocks(s)) };
      const window = parseWindow(s.heading);
      if (window && phaseKey(s.heading) === slug(s.heading)) step.phase = phaseAt(window.start, ctx);
      if (step.text) ctx.guide.flow.push(step);
    }
  },
};
