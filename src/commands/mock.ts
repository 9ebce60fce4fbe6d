// coach mock: a timed mock interview, phase by phase, with a live countdown, the
// interviewer's answers and follow-ups, a key-point check per phase and a review at
// the end. `--answers FILE` scores a written mock without prompting; without a
// terminal the plan is printed as a study sheet. The session logic lives in src/mock/.
import { readFile, rm } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Io } from '../io.js';
import type { Guide, KeyPoint, Scenario } from '../guides/model.js';
import { STANDARD_PLAN } from '../guides/phases.js';
import { CancelledError, NotFoundError, UsageError } from '../errors.js';
import { findOne, openLibrary, type LibraryOptions } from './shared.js';
import { timeline } from './guide.js';
import { style, type Style } from '../render/style.js';
import { indent, loadUnicode, width, wrap } from '../render/layout.js';
import { renderTable } from '../render/table.js';
import { MockClock, formatClock, formatCountdown, formatMinutes } from '../mock/clock.js';
import { BACKGROUNDS, buildPlan, type MockPhase, type MockPlan } from '../mock/plan.js';
import { EXTEND_MS, MockSession, type PhaseState } from '../mock/session.js';
import { reviewSession, type Review } from '../mock/review.js';
import { transcriptMarkdown, type TranscriptMeta } from '../mock/transcript.js';
import { parseAnswers, sessionFromAnswers } from '../mock/answers.js';
import { topicOf } from '../mock/topics.js';
import { appendHistory } from '../store/history.js';
import { fileStamp, reserveFile, writeAtomic } from '../store/files.js';

export interface MockOptions extends LibraryOptions {
  scenario?: string;
  guide?: string;
  minutes?: number;
  speed?: number;
  phase?: string;
  interviewer?: string;
  answers?: string;
}

export type MockResult =
  | { kind: 'study'; plan: MockPlan }
  | { kind: 'review'; review: Review; transcript: string | null; source: 'live' | 'answers' };

export async function mock(options: MockOptions, io: Io): Promise<MockResult> {
  if (options.interviewer && !(BACKGROUNDS as readonly string[]).includes(options.interviewer)) {
    throw new UsageError(`--interviewer must be one of ${BACKGROUNDS.join(', ')}`);
  }
  // Guides, scenarios and typed answers may hold any text: measure it right.
  const [lib] = await Promise.all([openLibrary(options, io), loadUnicode()]);
  const { guide, scenario } = await choose(options, lib.guides, lib.scenarios, io);
  const background = options.interviewer;
  const discussion = background
    ? guide.discussion.some((d) => d.background === background)
      ? guide.discussion
      : (lib.guides.find((g) => g.id === 'bighead')?.discussion ?? [])
    : undefined;
  const plan = buildPlan({
    guide,
    ...(scenario ? { scenario } : {}),
    ...(options.minutes ? { minutes: options.minutes } : {}),
    ...(options.phase ? { phase: options.phase } : {}),
    ...(background ? { interviewer: background } : {}),
    ...(discussion ? { discussion } : {}),
  });
  if (plan.phases.length === 0) {
    const names = (guide.pacing.length > 0 ? guide.pacing : STANDARD_PLAN).map((p) => p.key);
    throw new UsageError(`no phase '${options.phase}' in the plan of ${guide.id}`, `phases: ${names.join(', ')}`);
  }
  if (options.answers) return scoreAnswers(plan, options.answers, io);
  if (!io.interactive) return { kind: 'study', plan };
  return live(plan, options.speed ?? 1, io);
}

async function choose(options: MockOptions, guides: Guide[], scenarios: Scenario[], io: Io): Promise<{ guide: Guide; scenario?: Scenario }> {
  const guideById = (id: string): Guide => {
    const g = guides.find((x) => x.id === id);
    if (!g) throw new NotFoundError(`scenario uses guide '${id}', which is not loaded`, 'add its folder with --guides, or see `coach list guides`');
    return g;
  };
  const named = (query: string): Guide => findOne(guides.map((g) => ({ ...g, extra: g.system ?? '' })), query, 'guide', 'coach list guides');
  if (options.scenario) {
    const scenario = findOne(scenarios.map((s) => ({ ...s, extra: s.prompt })), options.scenario, 'scenario', 'coach list scenarios');
    return { guide: options.guide ? named(options.guide) : guideById(scenario.guide), scenario };
  }
  if (options.guide) return { guide: named(options.guide) };
  const ids = scenarios.map((s) => s.id);
  if (!io.interactive || options.answers) {
    throw new UsageError('which scenario? give one with --scenario (or a guide with --guide)', `scenarios: ${ids.join(', ')}`);
  }
  const id = await io.prompt.select(
    'Which scenario?',
    scenarios.map((s) => ({ name: `${s.id.padEnd(Math.max(...ids.map((i) => i.length)))}  ${s.prompt}`, value: s.id, ...(s.angle ? { description: s.angle } : {}) })),
  );
  const scenario = scenarios.find((s) => s.id === id)!;
  return { guide: guideById(scenario.guide), scenario };
}

// ---- saving --------------------------------------------------------------------

async function save(session: MockSession, review: Review, meta: TranscriptMeta, io: Io): Promise<string> {
  const plan = session.plan;
  // The name is reserved before it is written, with -2, -3... when another coach took
  // it in the same millisecond; the history id is the name, so it is unique too.
  const file = await reserveFile(resolve(io.dataDir, 'mocks'), `${fileStamp(meta.date)}-${plan.id}`, '.md');
  await writeAtomic(file, transcriptMarkdown(session, review, meta)).catch(async (e: unknown) => {
    await rm(file, { force: true }).catch(() => undefined);
    throw e;
  });
  await appendHistory(io, {
    kind: 'mock',
    id: basename(file, '.md'),
    at: meta.date.toISOString(),
    scenario: plan.scenario ?? '',
    guide: plan.guide.id,
    score: review.score,
    transcript: file,
    partial: review.partial,
    phases: review.phases.map((p) => ({ key: p.key, name: p.name, plannedMin: p.plannedMin, usedMin: p.usedMin ?? 0, covered: p.covered, total: p.total })),
  });
  return file;
}

async function scoreAnswers(plan: MockPlan, path: string, io: Io): Promise<MockResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new NotFoundError(`no answers file at ${path}`);
    throw new UsageError(`cannot read the answers file ${path}: ${(e as Error).message}`);
  }
  const sections = parseAnswers(text, plan);
  const names = plan.phases.map((p) => `## ${p.name}`).join(', ');
  for (const u of sections.unmatched) io.stderr.write(`coach: warning ${path}:${u.line}: heading '${u.heading}' names no phase; not scored (phases: ${names})\n`);
  if (sections.byPhase.size === 0) {
    throw new UsageError(`${path} has no heading that names a phase`, `write one heading per phase: ${names}`);
  }
  const session = sessionFromAnswers(plan, sections);
  const review = reviewSession(session, { timed: false });
  const transcript = await save(session, review, { date: io.date(), speed: 1, source: { file: resolve(path) } }, io);
  return { kind: 'review', review, transcript, source: 'answers' };
}

// ---- the live interview ----------------------------------------------------------

const COMMANDS = ['next', 'skip', 'extend', 'pause'];
const VISIBLE_LINES = 12;

function say(io: Io, s: Style, who: string, text: string, tint: Style = s.cyan): void {
  const lead = `${who}: `;
  const lines = wrap(text, Math.max(20, io.columns - lead.length - 2));
  io.stdout.write(`${tint.bold(lead)}${lines[0] ?? ''}\n${lines.slice(1).map((l) => `${' '.repeat(lead.length)}${l}\n`).join('')}`);
}

/**
 * The countdown line under the editor, redrawn while the user types: phase time left
 * (or overtime), then total elapsed; the less important parts are dropped rather
 * than wrapped when the terminal is narrow.
 */
export function statusLine(session: MockSession, s: Style, columns: number): string {
  const st = session.status();
  const phase = `${st.phase} ${st.number}/${st.count}`;
  const rest = [`total ${formatClock(st.elapsedMs)} / ${formatClock(st.totalMs)}`, ...(st.speed !== 1 ? [`clock ×${st.speed}`] : [])];
  // Plain characters only: emoji widths differ between terminals, and a status line
  // measured wrong breaks inquirer's redraw.
  let head: string;
  if (st.paused) head = `${s.inverse(' PAUSED ')} · ${phase}`;
  else if (st.clock.timeUp) head = `${s.red.bold.inverse(' TIME IS UP ')} ${s.red.bold(`${formatClock(st.clock.overtimeMs)} over · ${phase} · /next or /extend`)}`;
  else if (st.clock.warning) head = s.yellow.bold(`${formatCountdown(st.clock.leftMs)} left · last minute · ${phase}`);
  else head = `${s.green.bold(`${formatCountdown(st.clock.leftMs)} left`)} · ${phase}`;
  while (rest.length > 0 && width(`${head} · ${rest.join(' · ')}`) > columns - 1) rest.pop();
  return rest.length > 0 ? `${head}${s.dim(` · ${rest.join(' · ')}`)}` : head;
}

async function live(plan: MockPlan, speed: number, io: Io): Promise<MockResult> {
  // From here on an interrupt signal cancels the open prompt, and the catch below
  // saves the session, instead of the process ending with nothing written.
  const release = io.holdInterrupts?.();
  try {
    return await runSession(plan, speed, io);
  } finally {
    release?.();
  }
}

async function runSession(plan: MockPlan, speed: number, io: Io): Promise<MockResult> {
  const s = style(io.color);
  io.stdout.write(`${renderOpening(plan, io)}\n`);
  await io.prompt.input('Press Enter to start the clock');
  const date = io.date();
  const session = new MockSession(plan, new MockClock(io.now, speed));
  const status = (): string => {
    // The bell once at time-up: the signal reaches a user who is looking at their notes.
    if (session.poll().includes('time-up')) io.stdout.write('\x07');
    return statusLine(session, s, io.columns);
  };
  const meta: TranscriptMeta = { date, speed, source: 'live' };
  try {
    for (let phase = session.startPhase(); phase; phase = session.startPhase()) {
      io.stdout.write(`\n${renderPhaseHeader(phase.plan, session, io)}\n`);
      say(io, s, 'Interviewer', phase.plan.opening);
      if (phase.plan.key === 'clarify') await clarifyPhase(session, status, io, s);
      else await notesPhase(session, status, io, s);
      session.pause();
      io.stdout.write(`${renderPhaseEnd(session, phase, io)}\n`);
      await tick(session, phase, io);
      session.resume();
    }
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    session.stop();
    restoreTerminal(io);
    const review = reviewSession(session, { timed: true });
    const file = await save(session, review, meta, io);
    throw new CancelledError('mock stopped', `partial transcript saved: ${file}`);
  }
  const review = reviewSession(session, { timed: true });
  let transcript: string | null = null;
  try {
    transcript = await save(session, review, meta, io);
  } catch (e) {
    // Forty-five minutes of answers still deserve their review.
    io.stderr.write(`coach: could not save the transcript: ${(e as Error).message}\n`);
  }
  return { kind: 'review', review, transcript, source: 'live' };
}

/** inquirer restores the terminal on its own; this makes sure nothing is left behind. */
function restoreTerminal(io: Pick<Io, 'stdin' | 'stdout' | 'interactive'>): void {
  if (io.stdin.isTTY && io.stdin.setRawMode) io.stdin.setRawMode(false);
  if (io.interactive) io.stdout.write('\x1b[?25h');
}

async function pauseFor(session: MockSession, io: Io, s: Style): Promise<void> {
  session.pause();
  io.stdout.write(`${s.inverse(' PAUSED ')} ${s.dim('the clock is stopped')}\n`);
  await io.prompt.input('Press Enter to resume');
  session.resume();
}

function extendBy(session: MockSession, io: Io, s: Style): void {
  session.extend(EXTEND_MS);
  const st = session.status();
  io.stdout.write(`${s.green(`+${formatMinutes(EXTEND_MS / 60_000)} min`)} ${s.dim(`for ${st.phase}: ${formatCountdown(st.clock.leftMs)} left`)}\n`);
}

/** The long hint when it fits on one line, else the short one (a wrapped hint breaks mid-word). */
function fit(io: Pick<Io, 'columns'>, long: string, short: string): string {
  return width(long) < io.columns ? long : short;
}

async function clarifyPhase(session: MockSession, status: () => string, io: Io, s: Style): Promise<void> {
  let asked = 0;
  for (;;) {
    const ans = await io.prompt.notes({
      message: 'You:',
      hint: fit(io, 'Enter asks · /next: done asking · /extend: +2 min · /pause · Ctrl-C: stop and save', 'Enter asks · /next · /extend · /pause · Ctrl-C: stop'),
      status,
      refreshMs: 250,
      commands: COMMANDS,
      singleLine: true,
      onDraft: (t) => session.setDraft(t),
    });
    if (ans.command === 'pause') {
      await pauseFor(session, io, s);
      continue;
    }
    if (ans.command === 'extend') {
      extendBy(session, io, s);
      continue;
    }
    if (ans.command === 'skip') {
      session.finishPhase('skipped');
      return;
    }
    if (ans.command === 'next' || !ans.text.trim()) {
      session.finishPhase('done');
      return;
    }
    const r = session.ask(ans.text);
    for (const l of r.lines) say(io, s, 'Interviewer', l.assumption && !l.fallback ? `You can assume this: ${l.text}` : l.text);
    asked++;
    // Every second question the interviewer asks one back, as a real one would.
    if (asked % 2 === 0 && session.hasFollowUp() && !session.status().clock.timeUp) {
      const f = session.followUp();
      if (f) say(io, s, 'Interviewer', f.text);
    }
  }
}

async function notesPhase(session: MockSession, status: () => string, io: Io, s: Style): Promise<void> {
  let carry = '';
  // The user decides when a phase ends (/next or /skip): when time is up or the
  // interviewer has nothing more to ask, they say so once and keep listening.
  let saidDone = false;
  for (;;) {
    const ans = await io.prompt.notes({
      message: 'Your answer',
      hint: fit(io, 'Ctrl-D: answer done · /next: next phase · /skip · /extend: +2 min · /pause', 'Ctrl-D: answer done · /next · /skip · /extend · /pause'),
      status,
      refreshMs: 250,
      commands: COMMANDS,
      ...(carry ? { initial: carry } : {}),
      onDraft: (t) => session.setDraft(t),
      maxVisibleLines: VISIBLE_LINES,
      width: io.columns,
      echo: true,
      continues: ['pause', 'extend'],
    });
    if (ans.command === 'pause' || ans.command === 'extend') {
      carry = ans.text;
      session.setDraft(carry);
      if (ans.command === 'pause') await pauseFor(session, io, s);
      else extendBy(session, io, s);
      continue;
    }
    session.answer(ans.text);
    carry = '';
    if (ans.command === 'skip') {
      session.finishPhase('skipped');
      return;
    }
    if (ans.command === 'next') {
      session.finishPhase('done');
      return;
    }
    const f = session.status().clock.timeUp ? undefined : session.followUp();
    if (!f) {
      if (!saidDone) {
        const why = session.status().clock.timeUp ? "We're over time on this part" : "That's what I wanted on this part";
        say(io, s, 'Interviewer', `${why}: add anything you still want to say, or /next to move on.`);
        saidDone = true;
      }
      continue;
    }
    say(io, s, f.kind === 'trap' ? 'Interviewer (trap)' : 'Interviewer', f.text, f.kind === 'trap' ? s.magenta : s.cyan);
  }
}

async function tick(session: MockSession, phase: PhaseState, io: Io): Promise<void> {
  if (phase.status !== 'done') return;
  const missed = session.missed(phase);
  if (missed.length === 0) return;
  const chosen = await io.prompt.checkbox(
    'Made any of these points in other words? Tick them',
    missed.map((m, i) => ({ name: `${m.trap ? 'trap: ' : ''}${m.label}`, value: i, ...(m.hint ? { description: m.hint } : {}) })),
  );
  session.tick(phase, chosen.map((i) => missed[i]!));
}

// ---- rendering ---------------------------------------------------------------------

function heading(text: string, io: Pick<Io, 'columns'>, s: Style): string {
  const rule = Math.max(0, Math.min(io.columns, 100) - text.length - 4);
  return s.bold(`── ${text} ${'─'.repeat(rule)}`);
}

function para(label: string, text: string, io: Pick<Io, 'columns'>, s: Style): string {
  return `${s.bold(label)}\n${indent(wrap(text, io.columns - 4).join('\n'))}`;
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

export function renderOpening(plan: MockPlan, io: Pick<Io, 'columns' | 'color'>, howItWorks = true): string {
  const s = style(io.color);
  const out = [heading(`Mock interview · ${plan.title}`, io, s), ''];
  out.push(indent(wrap(`“${plan.prompt}”`, io.columns - 4).map((l) => s.bold.cyan(l)).join('\n')), '');
  if (plan.angle) out.push(para("Interviewer's angle", plan.angle, io, s), '');
  if (plan.context) out.push(para('Background', plan.context, io, s), '');
  if (plan.interviewer) out.push(para(`Your interviewer: ${interviewerLabel(plan.interviewer.title)}`, `Expect questions on ${plan.interviewer.points.map((p) => p.replace(/\.$/, '').toLowerCase()).join('; ')}.`, io, s), '');
  out.push(timeline(plan.phases, io.columns, s));
  if (!howItWorks) return out.join('\n');
  out.push(
    '',
    para(
      'How it works',
      'Each phase has a countdown; you decide when to move on. Clarify: ask one question per line and the interviewer answers. Later phases: write notes (Enter adds a line), Ctrl-D when an answer is done and the interviewer follows up. /next moves on, /skip skips a phase, /extend adds 2 minutes, /pause stops the clock. Ctrl-C stops and saves what you have.',
      io,
      s,
    ),
  );
  return out.join('\n');
}

function renderPhaseHeader(p: MockPhase, session: MockSession, io: Pick<Io, 'columns' | 'color'>): string {
  const s = style(io.color);
  const st = session.status();
  const out = [heading(`${st.number}/${st.count} ${p.name} · ${formatMinutes(p.end - p.start)} min (planned ${window(p)})`, io, s)];
  out.push(...focusLines(p, io, s));
  return out.join('\n');
}

function renderPhaseEnd(session: MockSession, phase: PhaseState, io: Pick<Io, 'columns' | 'color'>): string {
  const s = style(io.color);
  const used = (phase.endedAt ?? 0) - (phase.startedAt ?? 0);
  const allowed = phase.plannedMs + phase.extendedMs;
  const over = used > allowed ? s.red(` (${formatClock(used - allowed)} over)`) : '';
  const out = [s.dim(`${phase.plan.name} ${phase.status === 'skipped' ? 'skipped' : 'done'} · used ${formatClock(used)} of ${formatClock(allowed)}`) + over];
  if (phase.status === 'skipped') return out.join('\n');
  const item = (ok: boolean, text: string): void => {
    const lines = wrap(text, io.columns - 6);
    out.push(`  ${ok ? s.green('✔') : s.red('✘')} ${lines[0] ?? ''}`, ...lines.slice(1).map((l) => `    ${l}`));
  };
  const results = (title: string, check: PhaseState['check']): void => {
    if (!check || check.total === 0) return;
    out.push(s.bold(`${title} ${check.covered}/${check.total}`));
    for (const r of check.results) {
      item(r.covered, r.covered ? `${r.point.label}${r.words ? s.dim(` — “${r.words}”`) : ''}` : `${r.point.label}${r.point.hint ? s.dim(` — ${r.point.hint}`) : ''}`);
    }
  };
  results('Key points', phase.check);
  if (phase.plan.trap) results(`Trap “${phase.plan.trap.question}”`, phase.trapCheck);
  if (phase.plan.key === 'clarify' && session.plan.mustAsk.length > 0) {
    const missing = session.plan.mustAsk.filter((t) => !phase.asked.includes(t));
    const n = session.plan.mustAsk.length - missing.length;
    out.push(s.bold(`Must-ask questions ${n}/${session.plan.mustAsk.length}`));
    for (const t of missing) item(false, `${topicOf(t)?.label ?? t}${s.dim(` — e.g. “${topicOf(t)?.example ?? ''}”`)}`);
  }
  return out.join('\n');
}

export function renderStudy(plan: MockPlan, io: Pick<Io, 'columns' | 'color'>): string {
  const s = style(io.color);
  const out = [renderOpening(plan, io, false)];
  if (plan.mustAsk.length > 0) {
    out.push('', s.bold('Must-ask questions'));
    for (const t of plan.mustAsk) out.push(`  • ${topicOf(t)?.example ?? t}`);
  }
  const facts = Object.entries(plan.answers);
  if (facts.length > 0) {
    out.push('', s.bold('What the interviewer will tell you'));
    for (const [topic, a] of facts) {
      const lines = wrap(`${topicOf(topic)?.label ?? topic}: ${a.answer}${a.assumption ? ' (assumption)' : ''}`, io.columns - 6);
      out.push(`  • ${lines[0]}`, ...lines.slice(1).map((l) => `    ${l}`));
    }
  }
  for (const p of plan.phases) {
    out.push('', heading(`${p.name} · ${window(p)} (${formatMinutes(p.end - p.start)} min)`, io, s));
    out.push(...focusLines(p, io, s));
    const asks = [p.opening, ...(p.trap ? [`(trap) ${p.trap.question}`] : []), ...p.followUps];
    out.push(s.bold('The interviewer asks'));
    for (const a of asks) {
      const lines = wrap(a, io.columns - 6);
      out.push(`  • ${lines[0]}`, ...lines.slice(1).map((l) => `    ${l}`));
    }
    const points = (title: string, kps: KeyPoint[]): void => {
      if (kps.length === 0) return;
      out.push(s.bold(title));
      for (const k of kps) {
        const lines = wrap(`${s.bold(k.label)}${k.hint ? ` — ${k.hint}` : ''}${k.terms.length ? s.dim(` (say: ${k.terms.slice(0, 4).join(', ')})`) : ''}`, io.columns - 6);
        out.push(`  • ${lines[0]}`, ...lines.slice(1).map((l) => `    ${l}`));
      }
    };
    points('Key points', p.keyPoints);
    if (p.trap) points(`Key points of the trap “${p.trap.question}”`, p.trap.keyPoints);
  }
  out.push('', s.dim(`Run it at a terminal to sit the mock: coach mock --scenario ${plan.scenario ?? plan.id}${plan.scenario ? '' : ` --guide ${plan.guide.id}`}`));
  return out.join('\n');
}

export function renderReview(result: Extract<MockResult, { kind: 'review' }>, io: Pick<Io, 'columns' | 'color'>): string {
  const s = style(io.color);
  const r = result.review;
  const scoreColour = r.score >= 70 ? s.green : r.score >= 40 ? s.yellow : s.red;
  const out = [heading(`Review · ${r.title}`, io, s), ''];
  out.push(`${s.bold('Score')} ${scoreColour.bold(`${r.score}/100`)}${r.partial ? s.yellow(' (partial)') : ''}`);
  out.push(s.dim(indent(wrap(r.scoring, io.columns - 4).join('\n'))), '');
  const rows = r.phases.map((p) => {
    const extra = [p.mustAsk ? `must-ask ${p.mustAsk.filter((m) => m.asked).length}/${p.mustAsk.length}` : '', p.trap ? `trap ${p.trap.covered}/${p.trap.total}` : ''].filter(Boolean).join(', ');
    const used = p.usedMin === null ? '—' : `${formatMinutes(p.usedMin)}${p.overtimeMin > 0 ? ` (+${formatMinutes(p.overtimeMin)})` : ''}`;
    const status = p.status === 'skipped' && !r.timed ? 'no answer' : p.status;
    const name = p.status === 'done' ? p.name : `${p.name} (${status})`;
    const points = p.total > 0 ? `${p.covered}/${p.total}` : '—';
    return [name, formatMinutes(p.plannedMin), ...(r.timed ? [used] : []), `${points}${extra ? `, ${extra}` : ''}`];
  });
  rows.push(['total', formatMinutes(r.plannedMin), ...(r.timed ? [r.usedMin === null ? '—' : formatMinutes(r.usedMin)] : []), '']);
  const head = ['phase', 'plan min', ...(r.timed ? ['used min'] : []), 'key points'];
  out.push(renderTable({ head, rows, columns: Math.min(io.columns, 100) }, s));
  const bullet = (text: string): string => {
    const lines = wrap(text, io.columns - 6);
    return [`  • ${lines[0]}`, ...lines.slice(1).map((l) => `    ${l}`)].join('\n');
  };
  if (r.missed.length > 0) {
    out.push('', s.bold(`Missed (${r.missed.length})`));
    let group = '';
    for (const m of r.missed) {
      if (m.phase !== group) out.push(`  ${s.underline((group = m.phase))}`);
      out.push(indent(bullet(`${s.bold(m.label)}${m.hint ? ` — ${m.hint}` : ''}`), 2));
    }
  }
  if (r.mustAskMissed.length > 0) {
    out.push('', s.bold('Questions you did not ask'));
    for (const m of r.mustAskMissed) out.push(bullet(`${s.bold(m.label)} — “${m.example}”`));
  }
  if (r.drill.length > 0) {
    out.push('', s.bold('Traps worth drilling next'));
    for (const d of r.drill) out.push(bullet(`${s.bold(d.question)} — ${d.why}`), `    ${s.dim("→")} coach trap ${r.guide}/${d.id}`);
  }
  if (!result.transcript) out.push('', s.yellow('The transcript could not be saved (see the warning above).'));
  else if (width(`Transcript saved: ${result.transcript}`) <= io.columns) out.push('', `${s.bold('Transcript saved:')} ${result.transcript}`);
  else out.push('', s.bold('Transcript saved:'), `  ${result.transcript}`); // a path is not wrapped
  return out.join('\n');
}

export function renderMock(result: MockResult, io: Pick<Io, 'columns' | 'color'>): string {
  return result.kind === 'study' ? renderStudy(result.plan, io) : renderReview(result, io);
}
