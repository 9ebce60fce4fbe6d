// coach mock: a timed mock interview, phase by phase, with a live countdown, the
// interviewer's answers and follow-ups, a key-point check per phase and a review at
// the end. `--answers FILE` scores a written mock without prompting; without a
// terminal the plan is printed as a study sheet. This module only orchestrates: the
// session, interviewer and scorer live in src/mock/, the live screen in
// src/mock-screen.ts, the drawing in src/render/mock.ts.
import { basename, resolve } from 'node:path';
import type { Io } from '../io.js';
import { fsp } from '../store/files.js';
import type { Guide, Scenario } from '../guides/model.js';
import { namedGuide } from '../guides/match.js';
import { NotFoundError, UsageError } from '../errors.js';
import { findOne, openGuide, openSummaries, type LibraryOptions } from './shared.js';
import { noteMatch } from './open.js';
import type { GuideSummary } from '../guides/library.js';
import { renderReview, renderStudy } from '../render/mock.js';
import { BACKGROUNDS, planMock, type MockPlan, type PlanParts } from '../mock/plan.js';
import type { FollowUp } from '../mock/follow-ups.js';
import type { MockSession } from '../mock/session.js';
import type { Review } from '../mock/review.js';
import type { TranscriptMeta } from '../mock/transcript.js';

export interface MockOptions extends LibraryOptions {
  scenario?: string;
  guide?: string;
  minutes?: number;
  speed?: number;
  phase?: string;
  interviewer?: string;
  answers?: string;
  /** The plan is printed as JSON, which shows the key points each follow-up probes. */
  json?: boolean;
  /** For `--scenario random`; Math.random unless a test passes a seeded one. */
  random?: () => number;
}

export type MockResult = { kind: 'study'; plan: MockPlan } | { kind: 'review'; review: Review; transcript: string | null; source: 'live' | 'answers' };

export async function mock(options: MockOptions, io: Io): Promise<MockResult> {
  if (options.interviewer && !(BACKGROUNDS as readonly string[]).includes(options.interviewer)) {
    throw new UsageError(`--interviewer must be one of ${BACKGROUNDS.join(', ')}`);
  }
  // The names of every guide and scenario, then the one guide the mock is on (issue 14).
  const lib = await openSummaries(options, io);
  const chosen = await choose(options, lib.guides, lib.scenarios, io);
  // A mock on a guide alone is briefed by all the guide states, read for it.
  const guide = await openGuide(options, io, lib, chosen.guide, !chosen.scenario);
  const { scenario } = chosen;
  const background = options.interviewer;
  let discussion: Guide['discussion'] | undefined;
  if (background) {
    // A guide without this background's questions borrows BigHead's.
    const bighead = lib.guides.find((g) => g.id === 'bighead');
    discussion = guide.discussion.some((d) => d.background === background) ? guide.discussion : bighead ? (await openGuide(options, io, lib, bighead)).discussion : [];
  }
  // The study sheet on a scenario, for a person to read, is made without the judge and
  // the interviewer's matcher (a third of what this command compiled, issue 14); a mock
  // that is sat or scored, a plan printed as JSON and a mock on a guide alone need them.
  const sheet = !options.answers && !options.json && !io.interactive && scenario !== undefined;
  const parts = sheet ? SHEET : (await import('../mock/build-plan.js')).JUDGED;
  const plan = planMock(
    {
      guide,
      ...(scenario ? { scenario } : {}),
      ...(options.minutes ? { minutes: options.minutes } : {}),
      ...(options.phase ? { phase: options.phase } : {}),
      ...(background ? { interviewer: background } : {}),
      ...(discussion ? { discussion } : {}),
    },
    parts,
  );
  if (plan.phases.length === 0) {
    // The plan's own keys, each phase its own ("scale, reliability"), as --phase takes them.
    const names = planMock({ guide, ...(scenario ? { scenario } : {}), ...(options.minutes ? { minutes: options.minutes } : {}) }, parts).phases.map((p) => p.key);
    throw new NotFoundError(`no phase '${options.phase}' in the plan of ${guide.id}`, `phases: ${names.join(', ')}`);
  }
  // A phase asked for loosely ("reliabilty", "deep") is said, so a typo never opens another phase unseen.
  const one = options.phase?.trim().toLowerCase();
  if (one && plan.phases.length === 1 && plan.phases[0]!.key !== one && plan.phases[0]!.name.toLowerCase() !== one) noteMatch(io, options.phase!, `${plan.phases[0]!.name} (${plan.phases[0]!.key})`);
  if (options.answers) return scoreAnswers(plan, options.answers, io);
  if (!io.interactive) return { kind: 'study', plan };
  return live(plan, options.speed ?? 1, io);
}

/**
 * The parts of a study sheet's plan: it prints what the interviewer asks, never which
 * key points a follow-up probes, and it is on a scenario, so no guide makes its own.
 * Reading either is a mistake that fails loudly rather than printing an empty list.
 */
const SHEET: PlanParts = {
  followUps: (texts) =>
    texts.map(
      (text) =>
        Object.defineProperty({ text }, 'probes', {
          enumerable: true,
          get: () => {
            throw new Error('a study sheet does not work out the key points its follow-ups probe');
          },
        }) as FollowUp,
    ),
  guideScenario: () => {
    throw new Error('a study sheet on a scenario makes no scenario of its guide');
  },
};

// The session, the scorer and the store load for a mock that is sat or scored, not
// for the study sheet (issue 14: it printed in 1.8x the time of node -e 0).
async function live(plan: MockPlan, speed: number, io: Io): Promise<MockResult> {
  const { sitMock } = await import('../mock-screen.js');
  const meta = (date: Date): TranscriptMeta => ({ date, speed, source: 'live' });
  // A mock stopped by Ctrl-C (or a signal) is saved as partial before coach ends.
  const end = await sitMock(plan, speed, io, ({ session, review, date }) => save(session, review, meta(date), io));
  let transcript: string | null = null;
  try {
    transcript = await save(end.session, end.review, meta(end.date), io);
  } catch (e) {
    // Forty-five minutes of answers still deserve their review.
    io.stderr.write(`coach: could not save the transcript: ${(e as Error).message}\n`);
  }
  return { kind: 'review', review: end.review, transcript, source: 'live' };
}

async function choose(options: MockOptions, guides: GuideSummary[], scenarios: Scenario[], io: Io): Promise<{ guide: GuideSummary; scenario?: Scenario }> {
  const guideById = (id: string): GuideSummary => {
    const g = guides.find((x) => x.id === id);
    if (!g) throw new NotFoundError(`scenario uses guide '${id}', which is not loaded`, 'add its folder with --guides, or see `coach list guides`');
    return g;
  };
  const named = async (query: string): Promise<GuideSummary> => (await findOne(guides.map(namedGuide), query, 'guide', 'coach list guides', io)).summary;
  if (options.scenario?.trim().toLowerCase() === 'random') {
    // Any scenario, or one of the guide's when --guide names one that has some.
    const guide = options.guide ? await named(options.guide) : undefined;
    const pool = guide && scenarios.some((s) => s.guide === guide.id) ? scenarios.filter((s) => s.guide === guide.id) : scenarios;
    if (pool.length === 0) throw new NotFoundError('no scenarios to pick from', 'add a scenario file to your guides; see `coach list scenarios`');
    const scenario = pool[Math.min(pool.length - 1, Math.floor((options.random ?? Math.random)() * pool.length))]!;
    io.stderr.write(`coach: scenario ${scenario.id}, picked at random\n`);
    return { guide: guide ?? guideById(scenario.guide), scenario };
  }
  if (options.scenario) {
    const scenario = await findOne(
      scenarios.map((s) => ({ ...s, extra: s.prompt })),
      options.scenario,
      'scenario',
      'coach list scenarios',
      io,
      true,
    );
    return { guide: options.guide ? await named(options.guide) : guideById(scenario.guide), scenario };
  }
  if (options.guide) return { guide: await named(options.guide) };
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
  const [{ transcriptMarkdown }, { appendHistory }, { fileStamp, reserveFile, writeAtomic }] = await Promise.all([
    import('../mock/transcript.js'),
    import('../store/history.js'),
    import('../store/files.js'),
  ]);
  const plan = session.plan;
  // The name is reserved before it is written, with -2, -3... when another coach took
  // it in the same millisecond; the history id is the name, so it is unique too.
  const file = await reserveFile(resolve(io.dataDir, 'mocks'), `${fileStamp(meta.date)}-${plan.id}`, '.md');
  await writeAtomic(file, transcriptMarkdown(session, review, meta)).catch(async (e: unknown) => {
    await fsp()
      .rm(file, { force: true })
      .catch(() => undefined);
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
    phases: review.phases.map((p) => ({
      key: p.key,
      name: p.name,
      plannedMin: p.plannedMin,
      usedMin: p.usedMin ?? 0,
      covered: p.covered,
      total: p.total,
      ...(p.status === 'not reached' ? { reached: false as const } : {}),
    })),
    ...(plan.only ? { phase: plan.only } : {}),
    ...(typeof meta.source === 'object' ? { answers: meta.source.file } : {}),
  });
  return file;
}

async function scoreAnswers(plan: MockPlan, path: string, io: Io): Promise<MockResult> {
  let text: string;
  try {
    text = await fsp().readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new NotFoundError(`no answers file at ${path}`);
    throw new UsageError(`cannot read the answers file ${path}: ${(e as Error).message}`);
  }
  const [{ parseAnswers, sessionFromAnswers }, { reviewSession }] = await Promise.all([import('../mock/answers.js'), import('../mock/review.js')]);
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

export function renderMock(result: MockResult, io: Pick<Io, 'columns' | 'color'>): string {
  return result.kind === 'study' ? renderStudy(result.plan, io) : renderReview(result, io);
}
