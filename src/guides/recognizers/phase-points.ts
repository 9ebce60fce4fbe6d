// Phase key points: what each phase of a mock is checked against, as the guide lists
// them under "Phase Key Points", one sub-heading per phase.
import { allBlocks } from '../markdown.js';
import { phaseKey } from '../phases.js';
import type { Recognizer } from './context.js';
import { keyPointsOf } from './traps.js';

export const phasePoints: Recognizer = {
  part: 'phaseKeyPoints',
  yields: 'pacing',
  heading: /phase key ?points|key ?points by phase/i,
  layouts: [{ name: 'subheading-per-phase', example: '## Phase Key Points\n### Clarify\n- **Scale**: predictions per day, number of models -- size it first' }],
  read(node, ctx) {
    for (const child of node.children) {
      const points = keyPointsOf(allBlocks(child));
      ctx.phaseKeyPoints.set(phaseKey(child.heading), points);
    }
  },
};
