// What a mock looks like on the screen: the opening, a phase's header and its end,
// the study sheet (no terminal), and the review. Pure: data in, text out.
import type { Io } from '../io.js';
import type { KeyPoint } from '../guides/model.js';
import { style, type Style } from './style.js';
import { commandLines, indent, width, wrap } from './layout.js';
import { renderTable } from './table.js';
import { pointParts } from './points.js';
import { timeline } from './timeline.js';
import { formatClock, formatMinutes } from '../mock/clock.js';
import { askFor, facetOf } from '../mock/facets.js';
import type { MockPhase, MockPlan } from '../mock/plan.js';
import type { Review } from '../mock/review.js';
import type { MockSession, PhaseState } from '../mock/session.js';

type View = Pick<Io, 'columns' | 'color'>;

export function heading(text: string, io: Pick<Io, 'columns'>, s: Style): string {
  const rule = Math.max(0, Math.min(io.columns, 100) - width(text) - 4);
  const line = `── ${text} ${'─'.repeat(rule)}`;
  return s.bold(width(line) > io.columns ? wrap(line, io.columns).join('\n') : line);
}

function para(label: string, text: string, io: Pick<Io, 'columns'>, s: Style): string {
  return `${s.bold(label)}\n${indent(wrap(text, io.columns - 4).join('\n'))}`;
}

/** A bullet whose text wraps under itself. */
function bullet(text: string, columns: number, mark = '•', lead = 2): string[] {
  const pad = ' '.repeat(lead);
  const lines = wrap(text, Math.max(10, columns - lead - 4));
  return [`${pad}${mark} ${lines[0] ?? ''}`, ...lines.slice(1).map((l) => `${pad}  ${l}`)];
}

function focusLines(p: MockPhase, io: Pick<Io, 'columns'>, s: Style): string[] {
  const out: string[] = [];
  const line = (label: string, text: string): void => {
    const lines = wrap(`${label} ${text}`, io.columns - 2);
    out.push(s.bold(label) + (lines[0] ?? '').slice(label.length), ...lines.slice(1).map((l) => `  ${l}`));
  };
  if (p.focus) line('Focus:', p.focus);
  if (p.tips) line('Tip:', p.tips);
  return out;
}

function window(p: MockPhase): string {
  return `${formatClock(p.start * 60_000)}–${formatClock(p.end * 60_000)}`;
}

/** "If Interviewer Has Infra/SRE Background" reads as "Infra/SRE background". */
function interviewerLabel(title: string): string {
  const t = title.replace(/^if (the )?interviewer (has|is) (an? )?/i, '').replace(/\bbackground\b/i, 'background');
  return t.charAt(0).toUpperCase() + t.slice(1);
}

export const HOW_IT_WORKS =
  'Each phase has a countdown; you decide when to move on. Clarify: ask one question per line and the interviewer answers from the brief (or says it is not in it). Later phases: write notes (Enter adds a line), Ctrl-D when an answer is done, and the interviewer follows up on what you said. /next moves on, /skip skips a phase, /extend adds 2 minutes, /pause stops the clock, /edit opens your answer in your editor, /help lists the commands. Ctrl-C stops and saves what you have.';

export function renderOpening(plan: MockPlan, io: View, howItWorks = true): string {
  const s = style(io.color);
  const out = [heading(`Mock interview · ${plan.title}`, io, s), ''];
  out.push(
    indent(
      wrap(`“${plan.prompt}”`, io.columns - 4)
        .map((l) => s.bold.cyan(l))
        .join('\n'),
    ),
    '',
  );
  if (plan.angle) out.push(para("Interviewer's angle", plan.angle, io, s), '');
  if (plan.context) out.push(para('Background', plan.context, io, s), '');
  if (plan.interviewer)
    out.push(
      para(`Your interviewer: ${interviewerLabel(plan.interviewer.title)}`, `Expect questions on ${plan.interviewer.points.map((p) => p.replace(/\.$/, '').toLowerCase()).join('; ')}.`, io, s),
      '',
    );
  out.push(timeline(plan.phases, io.columns, s));
  if (howItWorks) out.push('', para('How it works', HOW_IT_WORKS, io, s));
  return out.join('\n');
}

export function renderPhaseHeader(p: MockPhase, session: MockSession, io: View): string {
  const s = style(io.color);
  const st = session.status();
  return [heading(`${st.number}/${st.count} ${p.name} · ${formatMinutes(p.end - p.start)} min (planned ${window(p)})`, io, s), ...focusLines(p, io, s)].join('\n');
}

function mark(s: Style, covered: boolean, partial?: boolean): string {
  return covered ? s.green('✔') : partial ? s.yellow('◐') : s.red('✘');
}

export function renderPhaseEnd(session: MockSession, phase: PhaseState, io: View): string {
  const s = style(io.color);
  const used = (phase.endedAt ?? 0) - (phase.startedAt ?? 0);
  const allowed = phase.plannedMs + phase.extendedMs;
  const over = used > allowed ? s.red(` (${formatClock(used - allowed)} over)`) : '';
  const extended = phase.extendedMs > 0 ? ` (${formatClock(phase.plannedMs)} + ${formatClock(phase.extendedMs)} extended)` : '';
  const out = [s.dim(`${phase.plan.name} ${phase.status === 'skipped' ? 'skipped' : 'done'} · used ${formatClock(used)} of ${formatClock(allowed)}${extended}`) + over];
  if (phase.status === 'skipped') return out.join('\n');
  const item = (ok: boolean, partial: boolean, text: string): void => {
    const lines = wrap(text, io.columns - 6);
    out.push(`  ${mark(s, ok, partial)} ${lines[0] ?? ''}`, ...lines.slice(1).map((l) => `    ${l}`));
  };
  const results = (title: string, check: PhaseState['check']): void => {
    if (!check || check.total === 0) return;
    out.push(s.bold(`${title} ${check.covered}/${check.total}`));
    for (const r of check.results) {
      const said = r.words ? s.dim(` — “${r.words}”`) : '';
      if (r.covered) item(true, false, `${r.point.label}${said}`);
      else if (r.partial) item(false, true, `${r.point.label}${said}${s.dim(' (named, not explained)')}`);
      else {
        const p = pointParts(r.point.label, r.point.hint);
        item(false, false, `${p.label}${p.hint ? s.dim(` — ${p.hint}`) : ''}`);
      }
    }
  };
  results('Key points', phase.check);
  if (phase.plan.trap) results(`Trap “${phase.plan.trap.question}”`, phase.trapCheck);
  if (phase.plan.key === 'clarify' && session.plan.mustAsk.length > 0) {
    const missing = session.plan.mustAsk.filter((t) => !phase.asked.includes(t));
    const n = session.plan.mustAsk.length - missing.length;
    out.push(s.bold(`Must-ask questions ${n}/${session.plan.mustAsk.length}`));
    for (const t of missing) {
      const label = facetOf(t)?.label ?? t;
      const example = session.plan.questions[t] ?? askFor(t, session.plan.general);
      item(false, false, example === label ? label : `${label}${s.dim(` — e.g. “${example}”`)}`);
    }
  }
  return out.join('\n');
}

/** The command that sits this mock, as the user would type it. */
export function mockCommand(plan: MockPlan): string {
  const folder = plan.guide.folder ? ` --guides ${/[\s'"$`\\]/.test(plan.guide.folder) ? `'${plan.guide.folder.replace(/'/g, "'\\''")}'` : plan.guide.folder}` : '';
  return plan.scenario ? `coach mock --scenario ${plan.scenario}${folder}` : `coach mock --guide ${plan.guide.id}${folder}`;
}

export function renderStudy(plan: MockPlan, io: View): string {
  const s = style(io.color);
  const out = [renderOpening(plan, io, false)];
  if (plan.mustAsk.length > 0) {
    out.push('', s.bold('Must-ask questions'));
    for (const t of plan.mustAsk) out.push(...bullet(plan.questions[t] ?? askFor(t, plan.general), io.columns));
  }
  const facts = Object.entries(plan.answers);
  if (facts.length > 0) {
    out.push('', s.bold('What the interviewer will tell you'));
    for (const [topic, a] of facts) out.push(...bullet(`${facetOf(topic)?.label ?? topic}: ${a.answer}${a.fromGuide ? ' (from the guide)' : a.assumption ? ' (assumption)' : ''}`, io.columns));
    out.push(...bullet(s.dim('Anything else: "not in the brief", with what to assume.'), io.columns));
  }
  for (const p of plan.phases) {
    out.push('', heading(`${p.name} · ${window(p)} (${formatMinutes(p.end - p.start)} min)`, io, s));
    out.push(...focusLines(p, io, s));
    const asks = [p.opening, ...(p.trap ? [`(trap) ${p.trap.question}`] : []), ...p.followUps.map((f) => f.text)];
    out.push(s.bold('The interviewer asks'));
    for (const a of asks) out.push(...bullet(a, io.columns));
    const points = (title: string, kps: KeyPoint[]): void => {
      if (kps.length === 0) return;
      out.push(...wrap(title, io.columns).map((l) => s.bold(l)));
      for (const k of kps) {
        // What the label already says is not said again: "SSE vs WebSocket — SSE vs WebSocket: …".
        const { label, hint } = pointParts(k.label, k.hint);
        // Terms that are a part of the label ("tiers" of "Ranking tiers") add nothing to it.
        const terms = k.terms.filter((t) => !label.toLowerCase().includes(t.trim().toLowerCase())).slice(0, 4);
        out.push(...bullet(`${s.bold(label)}${hint ? ` — ${hint}` : ''}${terms.length ? s.dim(` (e.g. ${terms.join(', ')})`) : ''}`, io.columns));
      }
    };
    points('Key points', p.keyPoints);
    if (p.trap) points(`Key points of the trap “${p.trap.question}”`, p.trap.keyPoints);
  }
  const run = 'Run it at a terminal to sit the mock:';
  const command = mockCommand(plan);
  if (run.length + 1 + command.length <= io.columns) out.push('', s.dim(`${run} ${command}`));
  else out.push('', s.dim(run), ...commandLines(command, io.columns - 2).map((l) => `  ${l}`));
  return out.join('\n');
}

export interface ReviewView {
  review: Review;
  transcript: string | null;
}

export function renderReview(result: ReviewView, io: View): string {
  const s = style(io.color);
  const r = result.review;
  const scoreColour = r.score >= 70 ? s.green : r.score >= 40 ? s.yellow : s.red;
  const out = [heading(`Review · ${r.title}`, io, s), ''];
  out.push(`${s.bold('Score')} ${scoreColour.bold(`${r.score}/100`)}${r.partial ? s.yellow(' (partial)') : ''}`);
  out.push(s.dim(indent(wrap(r.scoring, io.columns - 4).join('\n'))), '');
  const rows = r.phases.map((p) => {
    const extra = [
      p.mustAsk ? `must-ask ${p.mustAsk.filter((m) => m.asked).length}/${p.mustAsk.length}` : '',
      p.trap ? `trap ${p.trap.asked === false ? 'not asked, ' : ''}${p.trap.covered}/${p.trap.total}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    const used = p.usedMin === null ? '—' : `${formatMinutes(p.usedMin)}${p.overtimeMin > 0 ? ` (+${formatMinutes(p.overtimeMin)})` : ''}`;
    const status = p.status === 'skipped' && !r.timed ? 'no answer' : p.status;
    const name = p.status === 'done' ? p.name : `${p.name} (${status})`;
    const points = p.score === null ? 'not scored' : p.total > 0 ? `${p.covered}/${p.total}` : '—';
    const plan = `${formatMinutes(p.plannedMin)}${p.extendedMin > 0 ? ` +${formatMinutes(p.extendedMin)}` : ''}`;
    return [name, plan, ...(r.timed ? [used] : []), `${points}${extra ? `, ${extra}` : ''}`];
  });
  rows.push(['total', formatMinutes(r.plannedMin), ...(r.timed ? [r.usedMin === null ? '—' : formatMinutes(r.usedMin)] : []), '']);
  const head = ['phase', 'plan min', ...(r.timed ? ['used min'] : []), 'key points'];
  out.push(renderTable({ head, rows, columns: Math.min(io.columns, 100) }, s));
  if (r.notes.length > 0 || r.phases.some((p) => p.advice.length > 0)) {
    out.push('', s.bold('How you answered'));
    for (const n of r.notes) out.push(...bullet(n, io.columns));
    for (const p of r.phases) for (const a of p.advice) out.push(...bullet(`${p.name}: ${a}`, io.columns));
  }
  if (r.missed.length > 0) {
    out.push('', s.bold(`Missed (${r.missed.length})`));
    let group = '';
    for (const m of r.missed) {
      if (m.phase !== group) out.push(`  ${s.underline((group = m.phase))}`);
      const { label, hint } = pointParts(m.label, m.hint);
      out.push(...bullet(`${s.bold(label)}${hint ? ` — ${hint}` : ''}`, io.columns, '•', 4));
    }
  }
  if (r.mustAskMissed.length > 0) {
    out.push('', s.bold('Questions you did not ask'));
    for (const m of r.mustAskMissed) out.push(...bullet(m.example === m.label ? s.bold(m.label) : `${s.bold(m.label)} — “${m.example}”`, io.columns));
  }
  if (r.drill.length > 0) {
    out.push('', s.bold('Traps worth drilling next'));
    for (const d of r.drill) out.push(...bullet(`${s.bold(d.question)} — ${d.why}`, io.columns), `    ${s.dim('→')} coach trap ${r.guide}/${d.id}`);
  }
  if (!result.transcript) out.push('', s.yellow('The transcript could not be saved (see the warning above).'));
  else if (width(`Transcript saved: ${result.transcript}`) <= io.columns) out.push('', `${s.bold('Transcript saved:')} ${result.transcript}`);
  else out.push('', s.bold('Transcript saved:'), `  ${result.transcript}`); // a path is not wrapped
  return out.join('\n');
}
