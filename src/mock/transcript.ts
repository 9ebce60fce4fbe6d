// The saved transcript of a mock, as markdown: the prompt, every exchange phase by
// phase with its interview time, the key points per phase, and the review. Pure.
import { formatClock, formatMinutes } from './clock.js';
import type { Review } from './review.js';
import type { MockSession, Turn } from './session.js';

export interface TranscriptMeta {
  /** When the mock started (wall clock). */
  date: Date;
  speed: number;
  /** 'live' at a terminal, or the answers file it was scored from. */
  source: 'live' | { file: string };
}

function quote(text: string): string {
  return text
    .split('\n')
    .map((l) => (l.trim() ? `> ${l}` : '>'))
    .join('\n');
}

function turn(t: Turn, timed: boolean): string {
  const at = timed ? ` _(${formatClock(t.at)})_` : '';
  if (t.who === 'interviewer') {
    const label = t.kind === 'trap' ? 'Interviewer (trap question)' : 'Interviewer';
    // The brief may give an assumption itself ("assume 40 data scientists"): it is in the brief.
    const note = t.assumption ? (t.fromBrief ? ' _(an assumption the brief makes)_' : ' _(not in the brief: an assumption)_') : '';
    return `**${label}:**${at} ${t.text}${note}`;
  }
  if (t.text.includes('\n')) return `**You:**${at}\n\n${quote(t.text)}`;
  return `**You:**${at} ${t.text}`;
}

export function transcriptMarkdown(session: MockSession, review: Review, meta: TranscriptMeta): string {
  const plan = session.plan;
  const timed = meta.source === 'live';
  const out: string[] = [];
  out.push(`# Mock interview: ${plan.title}`, '');
  out.push(`- Date: ${meta.date.toISOString().replace('T', ' ').slice(0, 16)} UTC`);
  out.push(plan.scenario ? `- Scenario: ${plan.scenario} (guide: ${plan.guide.id})` : `- Guide: ${plan.guide.id}`);
  out.push(`- Score: ${review.score}/100${review.partial ? ' (partial: stopped before the end)' : ''}`);
  if (timed)
    out.push(`- Time: ${review.usedMin !== null ? formatMinutes(review.usedMin) : '?'} of ${formatMinutes(review.plannedMin)} planned minutes${meta.speed !== 1 ? ` (clock ran ×${meta.speed})` : ''}`);
  else if (typeof meta.source === 'object') out.push(`- Scored from: ${meta.source.file}`);
  if (plan.interviewer) out.push(`- Interviewer: ${plan.interviewer.title}`);
  out.push('', '## The question', '', quote(plan.prompt), '');
  if (plan.angle) out.push(`**Angle:** ${plan.angle}`, '');
  if (plan.context) out.push(plan.context, '');

  for (const [i, phase] of session.phases.entries()) {
    const r = review.phases[i]!;
    const used = r.usedMin !== null && r.status !== 'not reached' ? `, used ${formatMinutes(r.usedMin)} min` : '';
    const status = r.status === 'done' ? '' : ` (${r.status === 'skipped' && !timed ? 'no answer' : r.status})`;
    out.push(
      `## ${phase.plan.name}${status}`,
      '',
      `_Planned ${formatMinutes(r.plannedMin)} min${used}${phase.extendedMs ? `, extended by ${formatMinutes(phase.extendedMs / 60_000)}` : ''}. Focus: ${phase.plan.focus || '—'}_`,
      '',
    );
    for (const t of phase.turns) out.push(turn(t, timed), '');
    if (r.total > 0) {
      out.push(`**Key points: ${r.covered}/${r.total}**`, '');
      for (const p of r.points)
        out.push(`- [${p.covered ? 'x' : ' '}] ${p.label}${p.by === 'matcher' && p.words ? ` — “${p.words}”` : p.by === 'you' ? ' — ticked by you' : p.hint ? ` — ${p.hint}` : ''}`);
      out.push('');
    }
    if (r.mustAsk) {
      out.push(`**Must-ask questions: ${r.mustAsk.filter((m) => m.asked).length}/${r.mustAsk.length}**`, '');
      for (const m of r.mustAsk) out.push(`- [${m.asked ? 'x' : ' '}] ${m.label}${m.asked || m.example === m.label ? '' : ` — e.g. “${m.example}”`}`);
      out.push('');
    }
    if (r.trap) {
      out.push(`**Trap “${r.trap.question}”: ${r.trap.asked === false ? 'not asked, ' : ''}${r.trap.covered}/${r.trap.total}**`, '');
      for (const p of r.trap.points)
        out.push(`- [${p.covered ? 'x' : ' '}] ${p.label}${p.by === 'matcher' && p.words ? ` — “${p.words}”` : p.by === 'you' ? ' — ticked by you' : p.hint ? ` — ${p.hint}` : ''}`);
      out.push('');
    }
  }

  out.push('## Review', '');
  out.push(`**Score: ${review.score}/100** — ${review.scoring}.`, '');
  out.push('| Phase | Planned | Used | Key points |', '| --- | --- | --- | --- |');
  for (const p of review.phases) {
    const extra = [
      p.mustAsk ? `must-ask ${p.mustAsk.filter((m) => m.asked).length}/${p.mustAsk.length}` : '',
      p.trap ? `trap ${p.trap.asked === false ? 'not asked, ' : ''}${p.trap.covered}/${p.trap.total}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    out.push(
      `| ${p.name}${p.status === 'done' ? '' : ` (${p.status})`} | ${formatMinutes(p.plannedMin)} | ${p.usedMin !== null ? formatMinutes(p.usedMin) : '—'} | ${p.total > 0 ? `${p.covered}/${p.total}` : '—'}${extra ? `, ${extra}` : ''} |`,
    );
  }
  out.push('');
  if (review.missed.length > 0) {
    out.push('### Missed', '');
    for (const m of review.missed) out.push(`- **${m.phase}: ${m.label}**${m.hint ? ` — ${m.hint}` : ''}`);
    out.push('');
  }
  if (review.mustAskMissed.length > 0) {
    out.push('### Questions you did not ask', '');
    for (const m of review.mustAskMissed) out.push(m.example === m.label ? `- ${m.label}` : `- ${m.label}: “${m.example}”`);
    out.push('');
  }
  if (review.drill.length > 0) {
    out.push('### Traps worth drilling next', '');
    for (const d of review.drill) out.push(`- ${d.question} (\`${d.id}\`): ${d.why}`);
    out.push('');
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
