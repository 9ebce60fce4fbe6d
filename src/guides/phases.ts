// Interview phases: recognising a phase by its name, and the standard 45-minute plan
// for guides that have no pacing of their own. Light: no parser behind it.
import { PHASE_NAMES, type Phase } from './model.js';
import { slug } from './text.js';

export function phaseKey(name: string): string {
  const n = name.toLowerCase();
  if (/clarif|requirement|scope|opening|intro/.test(n)) return 'clarify';
  if (/high[- ]?level|architecture|overview|design/.test(n) && !/deep/.test(n)) return 'high-level';
  if (/deep/.test(n)) return 'deep-dive';
  if (/scal|trade|reliab|bottleneck|failure/.test(n)) return 'scale';
  if (/wrap|summary|clos|conclu/.test(n)) return 'wrap-up';
  return slug(name);
}

/** The standard 45-minute plan, used when a guide has no pacing of its own. */
export const STANDARD_PLAN: Phase[] = [
  { key: 'clarify', name: PHASE_NAMES.clarify, start: 0, end: 5, focus: 'Requirements, scale, constraints', tips: 'Ask before you draw', keyPoints: [] },
  { key: 'high-level', name: PHASE_NAMES['high-level'], start: 5, end: 15, focus: 'Core components and data flow', tips: 'Draw the whole system first', keyPoints: [] },
  { key: 'deep-dive', name: PHASE_NAMES['deep-dive'], start: 15, end: 30, focus: 'One or two critical components', tips: 'Go deep where the risk is', keyPoints: [] },
  { key: 'scale', name: PHASE_NAMES.scale, start: 30, end: 40, focus: 'Bottlenecks, failures, trade-offs', tips: 'Name each trade-off out loud', keyPoints: [] },
  { key: 'wrap-up', name: PHASE_NAMES['wrap-up'], start: 40, end: 45, focus: 'Summary and questions', tips: 'Restate the key decisions', keyPoints: [] },
];
