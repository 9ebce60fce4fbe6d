// coach trap random|<query>|list: practise one trap question. On a terminal: ask, take
// a several-line answer (optionally against a countdown), reveal what the interviewer
// wants, the weak and the strong answer and the key points covered and missed, then a
// rating that schedules the next review. Piped, --reveal or --json: print, never ask.
import type { Io } from '../io.js';
import type { Guide } from '../guides/model.js';
import { UsageError, NotFoundError } from '../errors.js';
import { stem } from '../guides/keypoints.js';
import { chooseGuides, findOne, openGuide, openLibrary, openSummaries, type LibraryOptions } from './shared.js';
import { contentWords } from '../guides/match.js';
import { appendHistory } from '../store/history.js';
import { loadPractice } from '../store/practice-state.js';
import type { PracticeSummary } from '../practice/summary.js';
import { buildDecks, guideDeck, itemKey, type DeckItem } from '../practice/decks.js';
import { pickItem, standing, type Progress } from '../practice/progress.js';
import { formatInterval, isMastered, preview, RATINGS, review, type ItemState, type Rating } from '../practice/scheduler.js';
import { style, type Style } from '../render/style.js';
import { piped, renderRecords, type View } from '../render/records.js';
import { count } from '../render/plural.js';
import { pointText } from '../render/points.js';
import { maxOf, wrap } from '../render/layout.js';

export type TrapItem = Extract<DeckItem, { deck: 'traps' }>;

export interface TrapOptions extends LibraryOptions {
  /** "random", "list", or a trap: `<guide>/<trap>`, a trap id, or words of the question. */
  query?: string;
  guide?: string;
  topic?: string;
  /** Seconds for the answer; a countdown in the status line. */
  time?: number;
  reveal?: boolean;
  /** Print data, never ask (--json). */
  json?: boolean;
  /** For `random`; Math.random unless a test passes a seeded one. */
  random?: () => number;
}

export interface TrapView {
  id: string;
  guide: string;
  guideTitle: string;
  question: string;
  wants?: string;
  weak?: string;
  weakWhy?: string;
  strong?: string;
  keyPoints: { label: string; terms: string[]; hint?: string }[];
}

export interface Schedule {
  standing: 'new' | 'due' | 'later';
  /** ISO time of the next review, once reviewed. */
  due?: string;
  reviews: number;
  lastRating?: Rating;
  mastered: boolean;
}

export interface Coverage {
  covered: number;
  total: number;
  points: { label: string; covered: boolean; words?: string; hint?: string; terms: string[] }[];
}

export interface TrapRow {
  id: string;
  guide: string;
  question: string;
  schedule: Schedule;
}

export type TrapResult =
  | { mode: 'list'; traps: TrapRow[]; now: string }
  | { mode: 'reveal'; trap: TrapView; schedule: Schedule; now: string }
  | { mode: 'practice'; trap: TrapView; answer: string; seconds: number; limit?: number; coverage: Coverage; rating: Rating; next: string; now: string };

export function trapView(item: TrapItem): TrapView {
  const t = item.trap;
  return {
    id: item.id,
    guide: item.guide,
    guideTitle: item.guideTitle,
    question: t.question,
    ...(t.wants ? { wants: t.wants } : {}),
    ...(t.weak ? { weak: t.weak } : {}),
    ...(t.weakWhy ? { weakWhy: t.weakWhy } : {}),
    ...(t.strong ? { strong: t.strong } : {}),
    keyPoints: t.keyPoints.map((k) => ({ label: k.label, terms: k.terms, ...(k.hint ? { hint: k.hint } : {}) })),
  };
}

export function scheduleOf(state: ItemState | undefined, now: Date): Schedule {
  return {
    standing: standing(state, now),
    ...(state ? { due: state.card.due.toISOString() } : {}),
    reviews: state?.reviews ?? 0,
    ...(state?.lastRating ? { lastRating: state.lastRating } : {}),
    mastered: isMastered(state),
  };
}

/** Does a trap talk about every one of these words (folded like the key-point matcher)? */
export function aboutTopic(item: TrapItem, topic: string): boolean {
  const t = item.trap;
  const text = [t.question, t.wants, t.weak, t.strong, ...t.keyPoints.flatMap((k) => [k.label, ...k.terms])].join(' ');
  const have = new Set((text.match(/[\p{L}\p{N}]+/gu) ?? []).map(stem));
  const joined = [...have].join(' ');
  return (topic.match(/[\p{L}\p{N}]+/gu) ?? []).map(stem).every((w) => have.has(w) || joined.includes(w));
}

/** `<guide>/<trap>`, a bare trap id (must be in one guide only), or words of its question. */
export async function findTrap(items: TrapItem[], query: string, io: Pick<Io, 'stderr'>): Promise<TrapItem> {
  const q = query.trim().toLowerCase();
  const full = items.find((i) => i.id.toLowerCase() === q);
  if (full) return full;
  const local = items.filter((i) => i.trap.id.toLowerCase() === q);
  if (local.length === 1) return local[0]!;
  if (local.length > 1) {
    throw new UsageError(`'${query}' is a trap in ${local.length} guides: ${local.map((i) => i.id).join(', ')}`, `name one, e.g. \`coach trap ${local[0]!.id}\`, or add --guide`);
  }
  // Every word in the id, then every word in the question, before fuzzy matching:
  // `coach trap kubeflow` means the trap about Kubeflow, not one that mentions it.
  // Words such as "the" tell no trap apart: a query of them only names none.
  const words = contentWords(q).map(stem);
  const has = (text: string): boolean => {
    const own = new Set((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map(stem));
    return words.length > 0 && words.every((w) => own.has(w));
  };
  const shortest = (list: TrapItem[], key: (i: TrapItem) => string): TrapItem | undefined => [...list].sort((a, b) => key(a).length - key(b).length)[0];
  const byId = shortest(
    items.filter((i) => has(i.trap.id.replace(/-/g, ' '))),
    (i) => i.trap.id,
  );
  if (byId) return byId;
  const byQuestion = shortest(
    items.filter((i) => has(i.trap.question)),
    (i) => i.trap.question,
  );
  if (byQuestion) return byQuestion;
  const named = items.map((i) => ({ id: i.id, title: i.trap.question, extra: `${i.trap.id} ${i.trap.keyPoints.map((k) => k.label).join(' ')}`, item: i }));
  return (await findOne(named, query, 'trap', 'coach trap list', io)).item;
}

export async function trap(options: TrapOptions, io: Io): Promise<TrapResult> {
  const query = options.query?.trim() || 'random';
  if (options.time !== undefined && !(Number.isFinite(options.time) && options.time > 0)) throw new UsageError('--time takes a number of seconds above 0');
  // A random trap or one named in full (`guide/trap`) needs the traps' names and the one
  // guide it is in, not every guide in full (issue 14).
  let practice: PracticeSummary | undefined;
  if (!options.topic && (query.toLowerCase() === 'random' || /^[^/\s]+\/[^/\s]+$/.test(query))) {
    practice = await loadPractice(io);
    const { progress } = practice;
    const one = await oneTrap(options, query, io, progress);
    if (one) {
      const now = io.date();
      const state = progress.get(itemKey(one));
      if (options.reveal || options.json || !io.interactive) return { mode: 'reveal', trap: trapView(one), schedule: scheduleOf(state, now), now: now.toISOString() };
      return practiseTrap(one, state, io, { ...(options.time ? { time: options.time } : {}) });
    }
  }
  // When the summaries were read above, their warnings were said already.
  const lib = await openLibrary(options, practice ? { ...io, stderr: { write: () => true } } : io);
  let items = buildDecks(await chooseGuides(lib.guides, options.guide, io), ['traps']) as TrapItem[];
  if (options.topic) {
    items = items.filter((i) => aboutTopic(i, options.topic!));
    if (items.length === 0) throw new NotFoundError(`no trap is about '${options.topic}'`, 'try fewer or other words, or `coach search <words> --kind trap`');
  }
  const now = io.date();
  const { progress } = practice ?? (await loadPractice(io));
  if (query.toLowerCase() === 'list') {
    // A guide asked for by name that has no traps says so, as `trap random` does.
    if (items.length === 0 && options.guide) throw noTraps(await chooseGuides(lib.guides, options.guide, io), options.guide);
    return {
      mode: 'list',
      now: now.toISOString(),
      traps: items.map((i) => ({ id: i.id, guide: i.guide, question: i.trap.question, schedule: scheduleOf(progress.get(itemKey(i)), now) })),
    };
  }
  if (items.length === 0) throw noTraps(await chooseGuides(lib.guides, options.guide, io), options.guide);
  const item = query.toLowerCase() === 'random' ? pickItem(items, progress, now, options.random ?? Math.random)! : await findTrap(items, query, io);
  const state = progress.get(itemKey(item));
  if (options.reveal || options.json || !io.interactive) return { mode: 'reveal', trap: trapView(item), schedule: scheduleOf(state, now), now: now.toISOString() };
  return practiseTrap(item, state, io, { ...(options.time ? { time: options.time } : {}) });
}

/**
 * The trap `random` picks, or the one named `guide/trap`, from the summaries: the
 * pick made on the traps' names, then its guide read alone. Undefined when the name
 * is not a trap's full id (the full lookup then says what is closest).
 */
async function oneTrap(options: TrapOptions, query: string, io: Io, progress: Progress): Promise<TrapItem | undefined> {
  const lib = await openSummaries(options, io);
  const guides = await chooseGuides(lib.guides, options.guide, io);
  const names = guides.flatMap((g) => g.names.traps.map((t) => ({ deck: 'traps' as const, id: `${g.id}/${t}`, local: t, summary: g })));
  if (query.toLowerCase() === 'random') {
    if (names.length === 0) throw noTraps(guides, options.guide);
    const picked = pickItem(names, progress, io.date(), options.random ?? Math.random)!;
    return trapIn(await openGuide(options, io, lib, picked.summary), picked.local);
  }
  const named = names.find((n) => n.id.toLowerCase() === query.toLowerCase());
  return named && trapIn(await openGuide(options, io, lib, named.summary), named.local);
}

function noTraps(guides: { id: string }[], filter: string | undefined): NotFoundError {
  if (filter && guides.length === 1) return new NotFoundError(`guide '${guides[0]!.id}' has no traps`, 'see `coach list guides` for the guides that have some');
  return new NotFoundError('no traps in the library', 'see `coach list guides`');
}

function trapIn(guide: Guide, local: string): TrapItem | undefined {
  return (guideDeck(guide, 'traps') as TrapItem[]).find((i) => i.trap.id === local);
}

/** Which rating the key points suggest; the user has the last word. */
export function suggestRating(coverage: Coverage): Rating {
  if (coverage.total === 0) return 'good';
  const share = coverage.covered / coverage.total;
  if (share >= 0.8) return 'good';
  if (share >= 0.4) return 'hard';
  return 'again';
}

/** The key points an answer makes; the scorer loads only when there is an answer to score. */
export async function coverageOf(item: TrapItem, answer: string): Promise<Coverage> {
  const { matchKeyPoints } = await import('../judge/concepts.js');
  const m = matchKeyPoints(answer, item.trap.keyPoints);
  return {
    covered: m.covered,
    total: m.total,
    points: m.results.map((r) => ({
      label: r.point.label,
      covered: r.covered,
      ...(r.words ? { words: r.words } : {}),
      ...(r.point.hint ? { hint: r.point.hint } : {}),
      terms: r.point.terms,
    })),
  };
}

/**
 * Asks for a rating, each choice showing when the item would come back. `doubt` says
 * why "easy" looks wrong (a skipped answer, no key point covered): then "easy" is
 * confirmed first, and a no asks again (issue 11: a skip rated easy came back in 8 days).
 */
export async function askRating(io: Io, state: ItemState | undefined, now: Date, suggested: Rating, doubt?: string): Promise<Rating> {
  const next = preview(state, now);
  const label: Record<Rating, string> = { again: "again — didn't know it", hard: 'hard — got there, with effort', good: 'good — knew it', easy: 'easy — too easy' };
  const choices = RATINGS.map((r) => ({ name: `${label[r]}  (next: ${formatInterval(now, next[r])})`, value: r }));
  let rating = await io.prompt.select('How did it go?', choices, suggested);
  while (rating === 'easy' && doubt) {
    if (await io.prompt.confirm(`${doubt}. Easy anyway, back in ${formatInterval(now, next.easy)}?`, false)) break;
    rating = await io.prompt.select('How did it go?', choices, suggested);
  }
  return rating;
}

export async function recordReview(io: Io, item: DeckItem, rating: Rating, correct: boolean, extra: { covered?: number; total?: number } = {}): Promise<void> {
  // node:crypto loads only to record a review, not to show a trap.
  const { randomUUID } = await import('node:crypto');
  await appendHistory(io, {
    kind: 'review',
    id: randomUUID(),
    at: io.date().toISOString(),
    deck: item.deck,
    item: item.id,
    guide: item.guide,
    rating,
    correct,
    ...extra,
  });
}

/** mm:ss, or +mm:ss once over. */
function clock(seconds: number): string {
  const s = Math.abs(Math.round(seconds));
  return `${seconds < 0 ? '+' : ''}${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export interface PractiseOptions {
  time?: number;
  /** A line above the question (the drill's "3 of 12"). */
  header?: string;
  /** Extra /commands that end the answer (the drill's /quit). */
  commands?: string[];
}

/** The interactive round: question, answer, reveal, rating, saved. */
export async function practiseTrap(item: TrapItem, state: ItemState | undefined, io: Io, options: PractiseOptions = {}): Promise<Extract<TrapResult, { mode: 'practice' }> & { command?: string }> {
  const s = style(io.color);
  const view = trapView(item);
  const asked = io.date();
  io.stdout.write(`${renderQuestion(view, scheduleOf(state, asked), s, io.columns, asked, options.header)}\n\n`);
  const start = io.now();
  const limit = options.time;
  const answer = await io.prompt.notes({
    message: 'Your answer',
    hint: `Enter on an empty line to finish · /skip to see the answer${options.commands?.includes('quit') ? ' · /quit to stop' : ''}`,
    finishOnEmptyLine: true,
    commands: ['skip', ...(options.commands ?? [])],
    ...(limit
      ? {
          status: () => {
            const left = limit - (io.now() - start) / 1000;
            return left > 0 ? s.cyan(`⏱  ${clock(left)} left`) : s.red(`⏱  time is up ${clock(left)} — finish your sentence`);
          },
          refreshMs: 500,
        }
      : {}),
  });
  const seconds = Math.round((io.now() - start) / 1000);
  if (answer.command && answer.command !== 'skip') {
    return { mode: 'practice', trap: view, answer: answer.text, seconds, coverage: await coverageOf(item, ''), rating: 'again', next: '', now: io.date().toISOString(), command: answer.command };
  }
  const coverage = await coverageOf(item, answer.text);
  const said = answer.text.trim()
    ? `${s.bold('You said')}\n${wrap(answer.text.trim(), io.columns - 2)
        .map((l) => `  ${l}`)
        .join('\n')}\n\n`
    : '';
  io.stdout.write(`\n${said}${renderAnswer(view, coverage, s, io.columns)}\n\n`);
  const now = io.date();
  const doubt =
    answer.command === 'skip' || !answer.text.trim()
      ? `You skipped it${coverage.total > 0 ? ` (0 of ${coverage.total} key points)` : ''}`
      : coverage.total > 0 && coverage.covered === 0
        ? `Your answer covered none of its ${coverage.total} key points`
        : undefined;
  const rating = await askRating(io, state, now, suggestRating(coverage), doubt);
  const after = review(state, rating, now);
  await recordReview(io, item, rating, rating !== 'again', { covered: coverage.covered, total: coverage.total });
  return { mode: 'practice', trap: view, answer: answer.text, seconds, ...(limit ? { limit } : {}), coverage, rating, next: after.card.due.toISOString(), now: now.toISOString() };
}

// ---------------------------------------------------------------- rendering

function block(title: string, text: string | undefined, s: Style, columns: number, paint: (t: string) => string = (t) => t): string[] {
  if (!text) return [];
  return [s.bold(title), ...wrap(text, columns - 2).map((l) => `  ${paint(l)}`), ''];
}

export function describeSchedule(schedule: Schedule, now: Date): string {
  if (schedule.standing === 'new') return 'new';
  const last = schedule.lastRating ? `, last: ${schedule.lastRating}` : '';
  if (schedule.standing === 'due') return `due${last}`;
  return `${schedule.mastered ? 'mastered · ' : ''}next in ${formatInterval(now, new Date(schedule.due!))}${last}`;
}

export function renderQuestion(view: TrapView, schedule: Schedule, s: Style, columns: number, now: Date, header?: string): string {
  const out: string[] = [];
  if (header) out.push(...wrap(header, columns).map((l) => s.dim(l)));
  out.push(...wrap(`${view.id} · ${view.guideTitle} · ${describeSchedule(schedule, now)}`, columns).map((l) => s.dim(l)));
  out.push(...wrap(view.question, columns).map((l) => s.bold(l)));
  return out.join('\n');
}

/** The reveal: what the interviewer wants, weak and strong answers, key points. */
export function renderAnswer(view: TrapView, coverage: Coverage | undefined, s: Style, columns: number): string {
  const out: string[] = [];
  out.push(...block('What the interviewer wants', view.wants, s, columns));
  if (view.weak) {
    out.push(...block('Weak answer', `“${view.weak}”`, s, columns, s.yellow));
    if (view.weakWhy) out.splice(out.length - 1, 0, ...wrap(`Why it fails: ${view.weakWhy}`, columns - 2).map((l) => `  ${s.dim(l)}`));
  } else out.push(...block('Why it is a trap', view.weakWhy, s, columns));
  out.push(...block('Strong answer', view.strong, s, columns, s.green));
  // Each line is wrapped as plain text and then styled whole, so that measuring it never
  // has to look past colour codes.
  const item = (mark: string, text: string, detail: string | undefined, paint: (t: string) => string): void => {
    wrap(text, columns - 4).forEach((l, i) => {
      out.push(i === 0 ? `  ${mark} ${l}` : `    ${l}`);
    });
    if (detail) for (const l of wrap(detail, columns - 6)) out.push(`      ${paint(l)}`);
  };
  if (coverage) {
    out.push(s.bold(`Key points: ${coverage.covered} of ${coverage.total} covered`));
    for (const p of coverage.points) {
      if (p.covered) item(s.green('✓'), `${p.label}${p.words ? ` — you said “${p.words}”` : ''}`, undefined, s.dim);
      else item(s.red('✗'), pointText(p.label, p.hint), `say: ${p.terms.slice(0, 3).join(', ')}`, s.dim);
    }
  } else if (view.keyPoints.length > 0) {
    out.push(s.bold('Key points to hit'));
    for (const k of view.keyPoints) item('•', pointText(k.label, k.hint), k.terms.slice(0, 4).join(', '), s.dim);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

export function renderTrap(result: TrapResult, io: View): string {
  const s = style(io.color);
  switch (result.mode) {
    case 'list': {
      const now = new Date(result.now);
      if (piped(io)) return renderRecords(result.traps.map((t) => [t.id, describeSchedule(t.schedule, now), t.question]));
      if (result.traps.length === 0) return 'No traps found.';
      // Grouped by guide, ids in full width: the id is what the user types next.
      const out: string[] = [];
      let guide = '';
      const idWidth = maxOf(result.traps, (t) => t.id.length - t.guide.length - 1, 0);
      const padTo = idWidth + 4 + 20 <= io.columns ? idWidth : 0;
      for (const t of result.traps) {
        if (t.guide !== guide) {
          if (guide) out.push('');
          guide = t.guide;
          out.push(s.bold(t.guide));
        }
        const local = t.id.slice(t.guide.length + 1);
        const when = describeSchedule(t.schedule, now);
        const paint = t.schedule.standing === 'due' ? s.yellow : t.schedule.standing === 'new' ? s.cyan : s.dim;
        if (2 + Math.max(padTo, local.length) + 2 + when.length <= io.columns) out.push(`  ${local.padEnd(padTo)}  ${paint(when)}`);
        else out.push(...wrap(local, io.columns - 2).map((l) => `  ${l}`), `    ${paint(when)}`);
        out.push(...wrap(t.question, io.columns - 4).map((l) => `    ${s.dim(l)}`));
      }
      const due = result.traps.filter((t) => t.schedule.standing === 'due').length;
      const fresh = result.traps.filter((t) => t.schedule.standing === 'new').length;
      out.push('', ...wrap(`${count(result.traps.length, 'trap')} · ${due} due · ${fresh} new · open one: coach trap <id> · practise: coach trap random`, io.columns).map((l) => s.dim(l)));
      return out.join('\n');
    }
    case 'reveal':
      return `${renderQuestion(result.trap, result.schedule, s, io.columns, new Date(result.now))}\n\n${renderAnswer(result.trap, undefined, s, io.columns)}`;
    case 'practice': {
      const now = new Date(result.now);
      const time = result.limit ? `${result.seconds}s of ${result.limit}s${result.seconds > result.limit ? ` (${result.seconds - result.limit}s over)` : ''}` : `${result.seconds}s`;
      return s.dim(`Saved: ${result.rating} · ${result.coverage.covered}/${result.coverage.total} key points · next review in ${formatInterval(now, new Date(result.next))} · ${time}`);
    }
  }
}
