// `coach mock --answers FILE`: a markdown file with one heading per phase, scored
// like a live mock without a clock. The Clarify section's lines are the questions.
import { findPhase, type MockPlan } from './plan.js';
import { MockClock } from './clock.js';
import { MockSession } from './session.js';
import { conceptKeys } from '../judge/concepts.js';

export interface AnswerSections {
  /** Text under each heading that names a phase, by phase key. */
  byPhase: Map<string, string>;
  /** Headings that named no phase of the plan (reported, not scored). */
  unmatched: { heading: string; line: number }[];
}

const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
// Stands in the section text where a `### Trap` heading was.
const TRAP_MARK = '\u0000trap\u0000';
const TRAP_HEADING = /^trap\b|\btrap( question)?s?\s*$/i;

/**
 * Splits the file at its headings and files each section under the phase its heading
 * names ("## Clarify", "## 3. Deep dive: the feature store").
 */
export function parseAnswers(text: string, plan: MockPlan): AnswerSections {
  const byPhase = new Map<string, string>();
  const unmatched: AnswerSections['unmatched'] = [];
  let fence = false;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const sections: { heading: string; line: number; key?: string; body: string[] }[] = [];
  lines.forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    const m = fence ? null : HEADING.exec(line);
    // "### Trap" inside a phase marks where the trap's answer starts; it stays in the phase.
    if (m && TRAP_HEADING.test(m[2]!.trim()) && sections.length > 0) {
      sections[sections.length - 1]!.body.push(TRAP_MARK);
      return;
    }
    if (m) {
      const heading = m[2]!.replace(/^\d+[.)]\s*/, '').trim();
      const phase = findPhase(plan.phases, heading) ?? findPhase(plan.phases, heading.split(/[:—–(-]/)[0]!.trim());
      sections.push({ heading, line: i + 1, ...(phase ? { key: phase.key } : {}), body: [] });
      return;
    }
    sections[sections.length - 1]?.body.push(line);
  });
  for (const s of sections) {
    const body = s.body.join('\n').trim();
    if (s.key) byPhase.set(s.key, [byPhase.get(s.key), body].filter(Boolean).join('\n\n'));
    // A heading with nothing under it (a title) is harmless; text under a heading that
    // names no phase would silently not count, so it is reported.
    else if (body) unmatched.push({ heading: s.heading, line: s.line });
  }
  return { byPhase, unmatched };
}

/** The clarifying questions of a Clarify section: one per list item or line. */
export function questionLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').trim())
    .filter((l) => l !== '' && !/^(```|~~~)/.test(l));
}

/**
 * A phase's text split where its trap answer starts: at a `### Trap` heading, else at
 * the first paragraph that names the trap ("Now the trap: ...") or restates its
 * question. Without either, the whole phase answers the trap too: a file is written
 * all at once, after the author saw the trap on the study sheet.
 */
export function splitTrap(text: string, question: string): { before: string; trap: string } {
  const marked = text.indexOf(TRAP_MARK);
  if (marked >= 0) return { before: text.slice(0, marked).trim(), trap: text.slice(marked + TRAP_MARK.length).trim() };
  const paragraphs = text.split(/\n\s*\n/);
  const asked = conceptKeys(question);
  const at = paragraphs.findIndex((p, i) => {
    if (i === 0) return false;
    const first = p.trim().split(/(?<=[.?!:])\s/)[0] ?? '';
    if (/\btrap\b/i.test(first)) return true;
    const keys = conceptKeys(first);
    let shared = 0;
    for (const k of asked) if (keys.has(k)) shared++;
    return asked.size > 0 && shared / asked.size >= 0.6;
  });
  if (at < 0) return { before: '', trap: text.trim() };
  return { before: paragraphs.slice(0, at).join('\n\n').trim(), trap: paragraphs.slice(at).join('\n\n').trim() };
}

/** Runs a whole session from the file's sections, with a clock that never moves. */
export function sessionFromAnswers(plan: MockPlan, sections: AnswerSections): MockSession {
  const session = new MockSession(plan, new MockClock(() => 0));
  for (;;) {
    const phase = session.startPhase();
    if (!phase) break;
    const text = sections.byPhase.get(phase.plan.key) ?? '';
    if (phase.plan.key === 'clarify') {
      for (const q of questionLines(text.split(TRAP_MARK).join(''))) session.ask(q);
    } else if (phase.plan.trap && text.trim()) {
      const { before, trap } = splitTrap(text, phase.plan.trap.question);
      session.answer(before);
      session.askTrap();
      session.answer(trap);
    } else {
      session.answer(text.split(TRAP_MARK).join(''));
    }
    // The interviewer's lines go in the transcript, so the file's author sees what a
    // live interviewer would have pushed.
    if (phase.plan.key !== 'clarify' && text.trim()) {
      while (session.followUp()) {
        /* queued lines recorded as turns */
      }
    }
    session.finishPhase(text.trim() ? 'done' : 'skipped');
  }
  return session;
}
