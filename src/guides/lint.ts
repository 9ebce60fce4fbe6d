// Checks beyond parsing, for `coach validate`: what a guide writer most likely meant
// but did not write in a way coach can use. Pure.
import type { Guide, Problem, Scenario } from './model.js';
import { matchKeyPoints } from '../judge/concepts.js';

export function lintGuide(g: Guide): Problem[] {
  const out: Problem[] = [];
  const warn = (message: string, line?: number): void => {
    out.push({ path: g.path, severity: 'warning', message, ...(line ? { line } : {}) });
  };
  const found = g.pacing.length + g.traps.length + g.tradeoffs.length + g.cards.length + g.questions.length + g.numbers.length;
  if (found === 0) warn('no pacing, traps, trade-offs, cards, numbers or questions found; check the headings against docs/guide-format.md');
  for (const t of g.traps) {
    if (t.keyPoints.length === 0) warn(`trap '${t.question}' has no key points, so answers to it cannot be scored (expected a 'Key points:' list)`, t.line);
    else if (t.derivedKeyPoints)
      continue; // counted once by validate, not warned about trap by trap
    else if (t.strong) {
      const m = matchKeyPoints(t.strong, t.keyPoints);
      const missed = m.results.filter((r) => !r.covered).map((r) => r.point.label);
      if (missed.length > 0) warn(`trap '${t.question}': its strong answer does not say ${missed.length === 1 ? 'key point' : 'key points'} ${missed.map((x) => `'${x}'`).join(', ')}`, t.line);
      if (t.weak) {
        const weak = matchKeyPoints(t.weak, t.keyPoints);
        if (weak.covered > 1) warn(`trap '${t.question}': its weak answer already covers ${weak.covered} key points; make the terms more precise`, t.line);
      }
    }
  }
  for (const t of g.tradeoffs) {
    for (const a of t.aspects) {
      if (a.values.length !== t.options.length)
        warn(
          `trade-off '${t.title}': row '${a.aspect}' has ${a.values.length} ${a.values.length === 1 ? 'value' : 'values'} for ${t.options.length} ${t.options.length === 1 ? 'option' : 'options'}`,
          t.line,
        );
    }
  }
  return out;
}

export function lintScenario(s: Scenario, guideIds: Set<string>): Problem[] {
  const out: Problem[] = [];
  if (s.guide && !guideIds.has(s.guide)) out.push({ path: s.path, line: 1, severity: 'error', message: `scenario names guide '${s.guide}', which is not in the library` });
  for (const topic of s.mustAsk) {
    if (!s.answers[topic]) out.push({ path: s.path, line: 1, severity: 'warning', message: `must-ask topic '${topic}' has no answer` });
  }
  return out;
}
