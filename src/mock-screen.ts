// The live mock at a terminal: the countdown under the editor, the interviewer's
// lines, the phase loop and its commands (/next, /skip, /extend, /pause, /help).
// Every question goes through the prompt wrapper (src/prompt.ts); the session logic
// lives in src/mock/, and saving is the caller's (commands/mock.ts).
import type { Io } from './io.js';
import { CancelledError } from './errors.js';
import { style, type Style } from './render/style.js';
import { hanging, width, wrap } from './render/layout.js';
import { renderOpening, renderPhaseEnd, renderPhaseHeader } from './render/mock.js';
import { MockClock, formatClock, formatCountdown, formatMinutes } from './mock/clock.js';
import type { MockPlan } from './mock/plan.js';
import { EXTEND_MS, MockSession, type PhaseState } from './mock/session.js';
import { reviewSession, type Review } from './mock/review.js';

/** The commands a mock phase understands, with what they do (shown by /help). */
export const MOCK_COMMANDS: Record<string, string> = {
  next: 'end this phase and move on',
  skip: 'skip this phase (it scores nothing)',
  extend: 'add 2 minutes to this phase',
  pause: 'stop the clock until you press Enter',
  help: 'list these commands',
};

const VISIBLE_LINES = 12;

export interface LiveEnd {
  session: MockSession;
  review: Review;
  /** When the mock started (wall clock). */
  date: Date;
}

function say(io: Io, s: Style, who: string, text: string, tint: Style = s.cyan): void {
  const lead = `${who}: `;
  const lines = wrap(text, Math.max(20, io.columns - lead.length - 2));
  io.stdout.write(
    `${tint.bold(lead)}${lines[0] ?? ''}\n${lines
      .slice(1)
      .map((l) => `${' '.repeat(lead.length)}${l}\n`)
      .join('')}`,
  );
}

/**
 * The countdown line under the editor, redrawn while the user types: phase time left
 * (or overtime), then total elapsed; the less important parts are dropped rather
 * than wrapped when the terminal is narrow.
 */
export function statusLine(session: MockSession, s: Style, columns: number): string {
  const st = session.status();
  const phase = `${st.phase} ${st.number}/${st.count}`;
  // The total turns over with the phase's own seconds, not on whole seconds of the
  // interview: a phase starts mid-second, and two clocks ticking half a second apart
  // would change the line, and redraw the prompt, twice a second (issue 14). It
  // reads at most a second behind, and never drifts: it is worked out afresh.
  const total = st.elapsedMs - (st.clock.usedMs % 1000);
  const rest = [`total ${formatClock(total)} / ${formatClock(st.totalMs)}`, ...(st.speed !== 1 ? [`clock ×${st.speed}`] : [])];
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

/**
 * Sits the whole mock. An interrupt (Ctrl-C, or a signal the entry point turns into
 * one) stops it: the session is marked partial and `onStop` saves it before the
 * cancellation goes on up.
 */
export async function sitMock(plan: MockPlan, speed: number, io: Io, onStop: (end: LiveEnd) => Promise<string>): Promise<LiveEnd> {
  // From here on an interrupt signal cancels the open prompt, and the catch below
  // saves the session, instead of the process ending with nothing written.
  const release = io.holdInterrupts?.();
  try {
    return await runSession(plan, speed, io, onStop);
  } finally {
    release?.();
  }
}

async function runSession(plan: MockPlan, speed: number, io: Io, onStop: (end: LiveEnd) => Promise<string>): Promise<LiveEnd> {
  const s = style(io.color);
  io.stdout.write(`${renderOpening(plan, io)}\n`);
  // What is typed before Enter is not lost: the first question in Clarify, or the
  // start of the first answer in another phase.
  let early = (await io.prompt.input('Press Enter to start the clock')).trim();
  if (/^\/[a-z-]+$/i.test(early)) early = ''; // a command means nothing before the clock runs
  const date = io.date();
  const session = new MockSession(plan, new MockClock(io.now, speed));
  const status = (): string => {
    // The bell once at time-up: the signal reaches a user who is looking at their notes.
    if (session.poll().includes('time-up')) io.stdout.write('\x07');
    return statusLine(session, s, io.columns);
  };
  try {
    for (let phase = session.startPhase(); phase; phase = session.startPhase()) {
      io.stdout.write(`\n${renderPhaseHeader(phase.plan, session, io)}\n`);
      say(io, s, 'Interviewer', phase.plan.opening);
      if (phase.plan.key === 'clarify') await clarifyPhase(session, status, io, s, early);
      else await notesPhase(session, status, io, s, early);
      early = '';
      session.pause();
      io.stdout.write(`${renderPhaseEnd(session, phase, io)}\n`);
      await tick(session, phase, io);
      session.resume();
    }
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    session.stop();
    restoreTerminal(io);
    const file = await onStop({ session, review: reviewSession(session, { timed: true }), date });
    throw new CancelledError('mock stopped', `partial transcript saved: ${file}`);
  }
  return { session, review: reviewSession(session, { timed: true }), date };
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

function showHelp(io: Io, s: Style, clarify: boolean): void {
  // /edit is the prompt wrapper's own (src/prompt.ts), in answers of several lines.
  const all = clarify ? MOCK_COMMANDS : { ...MOCK_COMMANDS, edit: 'open your answer so far in $VISUAL or $EDITOR (the clock runs on)' };
  const lines = Object.entries(all).map(([name, what]) => `  ${s.bold(`/${name}`.padEnd(8))} ${what}`);
  const keys = clarify ? '  Enter asks one question · Ctrl-C stops and saves' : '  Enter adds a line · Ctrl-D: answer done · Ctrl-C stops and saves';
  io.stdout.write(`${s.bold('Commands')}\n${lines.join('\n')}\n${s.dim(keys)}\n`);
}

/** The long hint when it fits on one line, else the short one (a wrapped hint breaks mid-word). */
function hintFitting(io: Pick<Io, 'columns'>, long: string, short: string): string {
  return width(long) < io.columns ? long : short;
}

const COMMANDS = Object.keys(MOCK_COMMANDS);

async function clarifyPhase(session: MockSession, status: () => string, io: Io, s: Style, first = ''): Promise<void> {
  let asked = 0;
  let typed = first;
  for (;;) {
    const ans = typed
      ? { text: typed, command: undefined }
      : await io.prompt.notes({
          message: 'You:',
          hint: hintFitting(io, 'Enter asks · /next: done asking · /extend: +2 min · /pause · /help · Ctrl-C: stop and save', 'Enter asks · /next · /extend · /pause · /help'),
          status,
          refreshMs: 250,
          commands: COMMANDS,
          singleLine: true,
          onDraft: (t) => session.setDraft(t),
          width: io.columns,
        });
    if (typed) {
      io.stdout.write(`${s.bold('You:')} ${hanging(typed, 5, io.columns).join('\n')}\n`);
      typed = '';
    }
    if (ans.command === 'help') {
      showHelp(io, s, true);
      continue;
    }
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
    for (const l of r.lines) say(io, s, 'Interviewer', l.fromGuide ? `From your guide: ${l.text}` : l.assumption && l.kind === 'fact' ? `You can assume this: ${l.text}` : l.text);
    asked++;
    // Every second question the interviewer asks one back, as a real one would.
    if (asked % 2 === 0 && session.hasFollowUp() && !session.status().clock.timeUp) {
      const f = session.followUp();
      if (f) say(io, s, 'Interviewer', f.text);
    }
  }
}

async function notesPhase(session: MockSession, status: () => string, io: Io, s: Style, first = ''): Promise<void> {
  let carry = first;
  // The user decides when a phase ends (/next or /skip): when time is up or the
  // interviewer has nothing more to ask, they say so once and keep listening.
  let saidDone = false;
  for (;;) {
    const ans = await io.prompt.notes({
      message: 'Your answer',
      hint: hintFitting(io, 'Ctrl-D: answer done · /next: next phase · /skip · /extend: +2 min · /pause · /help', 'Ctrl-D: done · /next · /skip · /extend · /pause · /help'),
      status,
      refreshMs: 250,
      commands: COMMANDS,
      ...(carry ? { initial: carry } : {}),
      onDraft: (t) => session.setDraft(t),
      maxVisibleLines: VISIBLE_LINES,
      width: io.columns,
      echo: true,
      continues: ['pause', 'extend', 'help'],
    });
    if (ans.command === 'pause' || ans.command === 'extend' || ans.command === 'help') {
      carry = ans.text;
      session.setDraft(carry);
      if (ans.command === 'pause') await pauseFor(session, io, s);
      else if (ans.command === 'extend') extendBy(session, io, s);
      else showHelp(io, s, false);
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
  session.tick(
    phase,
    chosen.map((i) => missed[i]!),
  );
}
