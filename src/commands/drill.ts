// coach drill: a review session over the due items plus a few new ones, scheduled with
// FSRS. Traps and bank questions are answered in words and rated by the user; key
// numbers and trade-offs are checked by coach and rated from the result. Every review
// is saved as it happens, so Ctrl-C loses nothing. Needs a terminal; `--plan` (or
// --json) shows what a session would ask, anywhere.
import type { Io } from '../io.js';
import { CancelledError, UsageError } from '../errors.js';
import { coachCommand, openLibrary, type LibraryOptions } from './shared.js';
import { shellWord } from '../guides/search-index.js';
import { buildDecks, deckName, DECK_NAMES, itemKey, type DeckItem, type DeckName } from '../practice/decks.js';
import { hashString, planSession, standing, type Progress } from '../practice/progress.js';
import { matchNumber } from '../practice/numbers.js';
import { tradeoffQuestion } from '../practice/tradeoff-quiz.js';
import { formatInterval, preview, review, type ItemState, type Rating } from '../practice/scheduler.js';
import { chooseGuides } from './shared.js';
import { askRating, practiseTrap, recordReview, type TrapItem } from './trap.js';
import { loadPractice } from '../store/practice-state.js';
import { style, type Style } from '../render/style.js';
import { maxOf, wrap } from '../render/layout.js';

export interface DrillOptions extends LibraryOptions {
  deck?: string;
  guide?: string;
  /** Most items in one session. */
  limit?: number;
  /** Most never-seen items added to a session. */
  newItems?: number;
  /** Show the session's items, ask nothing. */
  plan?: boolean;
  json?: boolean;
}

export const DEFAULT_LIMIT = 20;
export const DEFAULT_NEW = 5;

export interface PlanRow {
  deck: DeckName;
  id: string;
  front: string;
  standing: 'due' | 'new' | 'later';
  due?: string;
}

export interface DeckScore {
  reviewed: number;
  correct: number;
}

export type DrillResult =
  | { mode: 'plan'; deck: DeckName | 'all'; now: string; items: PlanRow[]; due: number; fresh: number; dueLeft: number; nextDue?: string; start: string }
  | {
      mode: 'session';
      deck: DeckName | 'all';
      now: string;
      reviewed: number;
      correct: number;
      byDeck: Partial<Record<DeckName, DeckScore>>;
      /** Items rated "again" in this session. */
      again: string[];
      /** Ended early with /quit. */
      stopped: boolean;
      /** Items the plan had no room for. */
      dueLeft: number;
      nextDue?: string;
      reviews: { deck: DeckName; id: string; rating: Rating; correct: boolean }[];
    };

const DECK_LABEL: Record<DeckName, string> = { traps: 'Trap', numbers: 'Key number', questions: 'Question bank', tradeoffs: 'Trade-off' };

function decksFor(value: string | undefined): { name: DeckName | 'all'; decks: DeckName[] } {
  const name = deckName(value ?? 'all');
  if (!name) throw new UsageError(`no deck '${value}'`, `choose one of: ${DECK_NAMES.join(', ')}, all`);
  return { name, decks: name === 'all' ? [...DECK_NAMES] : [name] };
}

export async function drill(options: DrillOptions, io: Io): Promise<DrillResult> {
  const { name, decks } = decksFor(options.deck);
  const limit = options.limit ?? DEFAULT_LIMIT;
  const newItems = options.newItems ?? DEFAULT_NEW;
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit takes a whole number above 0');
  if (!Number.isInteger(newItems) || newItems < 0) throw new UsageError('--new takes a whole number, 0 or more');
  const planOnly = options.plan || options.json;
  if (!planOnly && !io.interactive) {
    throw new UsageError('a drill asks questions and needs a terminal', 'run it in a terminal; `coach drill --plan` (or --json) lists what a session would ask');
  }
  const lib = await openLibrary(options, io);
  const items = buildDecks(await chooseGuides(lib.guides, options.guide, io), decks);
  const now = io.date();
  const { progress } = await loadPractice(io);
  const plan = planSession(items, progress, now, { limit, newItems });
  if (planOnly) {
    return {
      mode: 'plan',
      deck: name,
      now: now.toISOString(),
      items: plan.items.map((i) => {
        const state = progress.get(itemKey(i));
        return { deck: i.deck, id: i.id, front: i.front, standing: standing(state, now), ...(state ? { due: state.card.due.toISOString() } : {}) };
      }),
      due: plan.due,
      fresh: plan.fresh,
      dueLeft: plan.dueLeft,
      ...(plan.nextDue ? { nextDue: plan.nextDue.toISOString() } : {}),
      start: startCommand(options, name),
    };
  }
  return runSession(name, plan.items, plan.dueLeft, new Set(items.map(itemKey)), progress, io);
}

interface Outcome {
  rating: Rating;
  correct: boolean;
  quit?: boolean;
}

async function runSession(deck: DeckName | 'all', planned: DeckItem[], dueLeft: number, keys: Set<string>, progress: Progress, io: Io): Promise<Extract<DrillResult, { mode: 'session' }>> {
  const s = style(io.color);
  const result: Extract<DrillResult, { mode: 'session' }> = {
    mode: 'session',
    deck,
    now: io.date().toISOString(),
    reviewed: 0,
    correct: 0,
    byDeck: {},
    again: [],
    stopped: false,
    dueLeft,
    reviews: [],
  };
  const queue = [...planned];
  const requeued = new Set<string>();
  try {
    for (let n = 0; n < queue.length; n++) {
      const item = queue[n]!;
      const key = itemKey(item);
      const state = progress.get(key);
      // The count is of the items planned; a missed one asked again at the end counts
      // apart ("again 1 of 2"), so the total does not grow as the drill goes.
      const count = n < planned.length ? `${n + 1} of ${planned.length}` : `again ${n - planned.length + 1} of ${queue.length - planned.length}`;
      const header = `${count} · ${DECK_LABEL[item.deck]} · ${item.guideTitle}`;
      const outcome = await ask(item, state, header, io, s);
      if (outcome.quit) {
        result.stopped = true;
        io.stdout.write('\n');
        break;
      }
      const now = io.date();
      progress.set(key, review(state, outcome.rating, now));
      result.reviewed++;
      if (outcome.correct) result.correct++;
      const score = (result.byDeck[item.deck] ??= { reviewed: 0, correct: 0 });
      score.reviewed++;
      if (outcome.correct) score.correct++;
      result.reviews.push({ deck: item.deck, id: item.id, rating: outcome.rating, correct: outcome.correct });
      if (outcome.rating === 'again') {
        if (!result.again.includes(item.id)) result.again.push(item.id);
        // Once more at the end of the session, as Anki does with a lapsed card.
        if (!requeued.has(key)) {
          requeued.add(key);
          queue.push(item);
        }
      }
      io.stdout.write('\n');
    }
  } catch (e) {
    if (e instanceof CancelledError) {
      result.stopped = true;
      io.stdout.write(`\n${renderDrill(finish(result, keys, progress, io), io)}\n`);
      throw new CancelledError(`drill stopped; ${result.reviewed} review${result.reviewed === 1 ? '' : 's'} saved`);
    }
    throw e;
  }
  return finish(result, keys, progress, io);
}

/** The summary, with when the next item of the drilled decks falls due. */
function finish(result: Extract<DrillResult, { mode: 'session' }>, keys: Set<string>, progress: Progress, io: Io): Extract<DrillResult, { mode: 'session' }> {
  const now = io.date();
  let next: Date | undefined;
  for (const [key, state] of progress) {
    if (keys.has(key) && state.card.due > now && (!next || state.card.due < next)) next = state.card.due;
  }
  return { ...result, now: now.toISOString(), ...(next ? { nextDue: next.toISOString() } : {}) };
}

async function ask(item: DeckItem, state: ItemState | undefined, header: string, io: Io, s: Style): Promise<Outcome> {
  switch (item.deck) {
    case 'traps': {
      const r = await practiseTrap(item as TrapItem, state, io, { header, commands: ['quit'] });
      if (r.command === 'quit') return { rating: 'again', correct: false, quit: true };
      return { rating: r.rating, correct: r.rating !== 'again' };
    }
    case 'numbers':
      return askNumber(item, state, header, io, s);
    case 'questions':
      return askQuestion(item, state, header, io, s);
    case 'tradeoffs':
      return askTradeoff(item, state, header, io, s);
  }
}

function nextLine(state: ItemState | undefined, rating: Rating, io: Io, s: Style): string {
  const now = io.date();
  const after = review(state, rating, now);
  return s.dim(`→ ${rating} · next in ${formatInterval(now, after.card.due)}`);
}

async function askNumber(item: Extract<DeckItem, { deck: 'numbers' }>, state: ItemState | undefined, header: string, io: Io, s: Style): Promise<Outcome> {
  io.stdout.write(
    `${wrap(header, io.columns)
      .map((l) => s.dim(l))
      .join('\n')}\n`,
  );
  const answer = (await io.prompt.input(`${item.number.metric}?`)).trim();
  if (answer === '/quit') return { rating: 'again', correct: false, quit: true };
  const m = matchNumber(item.number.value, answer);
  const context = item.number.context ? s.dim(` — ${item.number.context}`) : '';
  const verdict = m.correct
    ? `${s.green('✓')} ${s.bold(item.number.value)}${context}`
    : `${s.red('✗')} ${s.bold(item.number.value)}${context}${
        m.others ? s.dim(` (and ${m.others} other figures: name the one you mean)`) : m.matched > 0 ? s.dim(` (you had ${m.matched} of ${m.required}; missing ${m.missing.join(', ')})`) : ''
      }`;
  io.stdout.write(`${hanging(verdict, io.columns, 2).join('\n')}\n`);
  // The matcher reads figures, not every way of saying them ("two hundred ms"): a
  // miss that names a number can be overruled. Enter keeps the verdict; an answer with
  // no number in it ("I don't know") is not asked about.
  const correct = m.correct || (NAMES_A_NUMBER.test(answer) && (await overrule(state, io)));
  const rating: Rating = correct ? 'good' : 'again';
  io.stdout.write(`${nextLine(state, rating, io, s)}\n`);
  await recordReview(io, item, rating, correct);
  return { rating, correct };
}

/** A figure, in digits or in words. */
const NAMES_A_NUMBER =
  /\d|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|half|quarter|dozen)\b/i;

async function overrule(state: ItemState | undefined, io: Io): Promise<boolean> {
  const now = io.date();
  const next = preview(state, now);
  return io.prompt.select(
    'Count it as right?',
    [
      { name: `no — it was wrong  (again, next: ${formatInterval(now, next.again)})`, value: false },
      { name: `yes — my answer says the same  (good, next: ${formatInterval(now, next.good)})`, value: true },
    ],
    false,
  );
}

async function askQuestion(item: Extract<DeckItem, { deck: 'questions' }>, state: ItemState | undefined, header: string, io: Io, s: Style): Promise<Outcome> {
  const q = item.question;
  const about = [q.id, q.category, q.level].filter(Boolean).join(' · ');
  io.stdout.write(
    `${wrap(header, io.columns)
      .map((l) => s.dim(l))
      .join('\n')}\n${s.dim(about)}\n${wrap(q.text, io.columns)
      .map((l) => s.bold(l))
      .join('\n')}\n\n`,
  );
  const answer = await io.prompt.notes({
    message: 'Your answer',
    hint: 'Enter on an empty line to finish · /skip to see the answer · /quit to stop',
    finishOnEmptyLine: true,
    commands: ['skip', 'quit'],
  });
  if (answer.command === 'quit') return { rating: 'again', correct: false, quit: true };
  const said = answer.text.trim()
    ? `${s.bold('You said')}\n${wrap(answer.text.trim(), io.columns - 2)
        .map((l) => `  ${l}`)
        .join('\n')}\n\n`
    : '';
  const model = q.answer ? paragraphs(q.answer, io.columns, 2).join('\n') : s.dim('  (the bank has no model answer for this one)');
  io.stdout.write(`\n${said}${s.bold('Model answer')}\n${model}\n\n`);
  const rating = await askRating(io, state, io.date(), answer.text.trim() ? 'good' : 'again', answer.command === 'skip' || !answer.text.trim() ? 'You skipped it' : undefined);
  await recordReview(io, item, rating, rating !== 'again');
  return { rating, correct: rating !== 'again' };
}

async function askTradeoff(item: Extract<DeckItem, { deck: 'tradeoffs' }>, state: ItemState | undefined, header: string, io: Io, s: Style): Promise<Outcome> {
  const t = item.tradeoff;
  // A different row on another day or after another review, the same within one.
  const day = Math.floor(io.date().getTime() / 86_400_000);
  const q = tradeoffQuestion(t, hashString(`${item.id}:${state?.reviews ?? 0}:${day}`))!;
  const ask = q.when ? `Which one fits: “${q.need}”` : `Which one is it? ${q.aspect}: “${q.need}”`;
  // The question is printed wrapped; the select's own line stays short so the terminal never breaks it mid-word.
  io.stdout.write(
    `${wrap(header, io.columns)
      .map((l) => s.dim(l))
      .join('\n')}\n${wrap(t.title, io.columns)
      .map((l) => s.bold(l))
      .join('\n')}\n${wrap(ask, io.columns).join('\n')}\n`,
  );
  const choice = await io.prompt.select(q.when ? 'Which fits?' : 'Which is it?', [...q.options.map((o, i) => ({ name: o, value: i })), { name: 'stop the drill', value: -1 }]);
  if (choice === -1) return { rating: 'again', correct: false, quit: true };
  const correct = choice === q.answer;
  const rating: Rating = correct ? 'good' : 'again';
  const out: string[] = [correct ? `${s.green('✓')} ${q.options[q.answer]}` : `${s.red('✗')} It is ${s.bold(q.options[q.answer]!)}`];
  // The whole row, so the other option's side is learnt too.
  const row = t.aspects.find((a) => a.aspect === q.aspect);
  if (row) {
    out.push(s.bold(q.aspect));
    q.options.forEach((o, i) => {
      out.push(...hanging(`${i === q.answer ? '▸' : '·'} ${o}: ${row.values[i] ?? ''}`, io.columns, 4).map((l) => `  ${l}`));
    });
  }
  if (t.recommendation) out.push(s.bold('Recommendation'), ...wrap(t.recommendation, io.columns - 2).map((l) => `  ${l}`));
  if (t.response) out.push(s.bold('In the interview'), ...wrap(t.response, io.columns - 2).map((l) => `  ${l}`));
  out.push(nextLine(state, rating, io, s));
  io.stdout.write(`${out.join('\n')}\n`);
  await recordReview(io, item, rating, correct);
  return { rating, correct };
}

/** Wraps text, indenting the lines after the first by `indent`. */
function hanging(text: string, columns: number, indent: number): string[] {
  const [first = '', ...rest] = wrap(text, columns - indent);
  return [first, ...rest.map((l) => ' '.repeat(indent) + l)];
}

/** Multi-line text from a guide: each line wrapped, list items with a hanging indent. */
function paragraphs(text: string, columns: number, indent: number): string[] {
  const pad = ' '.repeat(indent);
  return text.split('\n').flatMap((line) => {
    if (!line.trim()) return [''];
    const bullet = /^(\s*(?:[-*•]|\d+[.)])\s+)/.exec(line)?.[1]?.length ?? 0;
    const [first = '', ...rest] = wrap(line, columns - indent - bullet);
    return [pad + first, ...rest.map((l) => pad + ' '.repeat(bullet) + l)];
  });
}

/** The command that starts the session a plan shows: its deck, guide and sizes, as given (`--guide mtls` had been dropped). */
function startCommand(options: DrillOptions, deck: DeckName | 'all'): string {
  const flags = [
    ...(deck === 'all' ? [] : ['--deck', deck]),
    ...(options.guide ? ['--guide', shellWord(options.guide)] : []),
    ...(options.limit !== undefined && options.limit !== DEFAULT_LIMIT ? ['--limit', String(options.limit)] : []),
    ...(options.newItems !== undefined && options.newItems !== DEFAULT_NEW ? ['--new', String(options.newItems)] : []),
  ];
  return [coachCommand(options), 'drill', ...flags].join(' ');
}

export function renderDrill(result: DrillResult, io: Pick<Io, 'columns' | 'color'>): string {
  const s = style(io.color);
  const now = new Date(result.now);
  const next = result.nextDue ? ` Next review ${formatInterval(now, new Date(result.nextDue)) === 'now' ? 'now' : `in ${formatInterval(now, new Date(result.nextDue))}`}.` : '';
  if (result.mode === 'plan') {
    if (result.items.length === 0) return `Nothing to drill in ${result.deck}: nothing is due and nothing is new.${next}`;
    const out = [s.bold(`Drill plan (${result.deck}): ${result.due} due, ${result.fresh} new`)];
    const deckWidth = maxOf(result.items, (i) => i.deck.length, 0);
    result.items.forEach((i, n) => {
      const when = i.standing === 'new' ? s.cyan('new') : s.yellow('due');
      const lead = `${String(n + 1).padStart(3)}. ${i.deck.padEnd(deckWidth)}  ${when}`;
      // The id is what is typed next: on a line of its own rather than cut, when it does not fit.
      if (5 + deckWidth + 7 + i.id.length <= io.columns) out.push(`${lead}  ${i.id}`);
      else out.push(lead, ...wrap(i.id, io.columns - 5).map((l) => `     ${l}`));
    });
    if (result.dueLeft > 0) out.push(s.dim(`${result.dueLeft} more due: raise --limit or drill again`));
    out.push(s.dim(`Start it in a terminal: ${result.start}`));
    return out.join('\n');
  }
  if (result.reviewed === 0 && !result.stopped) return `Nothing to drill in ${result.deck}: nothing is due and nothing is new.${next}`;
  const pct = result.reviewed > 0 ? Math.round((100 * result.correct) / result.reviewed) : 0;
  const out = [s.bold(`Drill ${result.stopped ? 'stopped' : 'done'}: ${result.reviewed} reviewed · ${result.correct} correct (${pct}%)`)];
  const parts = DECK_NAMES.filter((d) => result.byDeck[d]).map((d) => `${d} ${result.byDeck[d]!.correct}/${result.byDeck[d]!.reviewed}`);
  if (parts.length > 1) out.push(`  ${parts.join(' · ')}`);
  if (result.again.length > 0) out.push(...wrap(`To revisit: ${result.again.join(', ')}`, io.columns - 2).map((l) => `  ${l}`));
  if (result.dueLeft > 0) out.push(`  ${result.dueLeft} more due: run coach drill again`);
  if (next) out.push(s.dim(`  ${next.trim()}`));
  return out.join('\n');
}
