// coach today: what to practise now, in a few lines, quick enough for a shell
// profile: reviews due per deck, the weakest phase and scenario of past mocks with
// the mock to sit next, and the streak.
import type { Io } from '../io.js';
import { coachCommand, openLibrary, openSummaries, type LibraryOptions } from './open.js';
import { buildDecks, DECK_NAMES, type DeckName } from '../practice/decks.js';
import { computeToday, type DeckRef, type Today } from '../practice/today.js';
import { loadPractice } from '../store/practice-state.js';
import { style } from '../render/style.js';
import { commandLines, fitLines, width as textWidth } from '../render/layout.js';
import { shortDate, weekdayDate } from '../render/dates.js';

export type TodayOptions = LibraryOptions;
export type TodayResult = Today;

type LibraryItem = DeckRef & { guide: string };

/**
 * The practice items of the library, as deck, id and guide (`coach today` and
 * `coach stats` count them). The bundled summaries hold each guide's item ids (worked
 * out at build time), so their decks need not be built, which takes about 30 ms of
 * reading key numbers; the user's own guides are read in full and their decks built.
 * In the order of the decks, then of the guides, as building every deck gives them.
 */
export async function libraryItems(options: LibraryOptions, io: Io): Promise<{ items: LibraryItem[]; scenarios: { id: string }[] }> {
  const lib = await openSummaries(options, io);
  const known = lib.guides.filter((g) => g.decks);
  const mine = (deck: DeckName): LibraryItem[] => known.flatMap((g) => g.decks![deck].map((id) => ({ deck, id: `${g.id}/${id}`, guide: g.id })));
  if (known.length === lib.guides.length) return { items: DECK_NAMES.flatMap(mine), scenarios: lib.scenarios };
  const rest = new Set(lib.guides.filter((g) => !g.decks).map((g) => g.id));
  const full = await openLibrary(options, { ...io, stderr: { write: () => undefined } }); // its warnings were just printed
  const theirs = buildDecks(full.guides.filter((g) => rest.has(g.id))).map((i) => ({ deck: i.deck, id: i.id, guide: i.guide }));
  return { items: DECK_NAMES.flatMap((deck) => [...mine(deck), ...theirs.filter((i) => i.deck === deck)]), scenarios: lib.scenarios };
}

export async function today(options: TodayOptions, io: Io): Promise<TodayResult> {
  const [library, summary] = await Promise.all([libraryItems(options, io), loadPractice(io)]);
  return computeToday(summary, library.items, library.scenarios, io.date(), coachCommand(options));
}

/** A day as the user's locale writes it, local: "Nov 22", or "Sun, Nov 22". */
function day(iso: string, withWeekday = false): string {
  return withWeekday ? weekdayDate(iso) : shortDate(iso);
}

export function renderToday(result: TodayResult, io: Pick<Io, 'columns' | 'color'>): string {
  const s = style(io.color);
  const out: string[] = [s.bold(`Today, ${day(result.now, true)}`), ''];
  const fresh = result.decks.reduce((n, d) => n + d.new, 0);
  out.push(`${s.bold('Reviews')}  ${result.due > 0 ? s.yellow(`${result.due} due`) : 'nothing due'}${fresh > 0 ? s.dim(` · ${fresh} never seen`) : ''}`);
  const width = Math.max(...result.decks.map((d) => d.deck.length));
  for (const d of result.decks.filter((x) => x.items > 0)) {
    const due = d.due > 0 ? s.yellow(`${String(d.due).padStart(3)} due`) : s.dim(`${'0'.padStart(3)} due`);
    out.push(`  ${d.deck.padEnd(width)}  ${due}${s.dim(` · ${d.new} new`)}`);
  }
  out.push(`  ${s.cyan('→')} ${result.due > 0 ? 'coach drill' : fresh > 0 ? 'coach drill (new items)' : 'coach trap random'}`, '');

  const m = result.mocks;
  out.push(`${s.bold('Mocks')}  ${m.count === 0 ? 'none yet' : `${m.count} sat, the last on ${day(m.last!)}`}`);
  if (m.weakestPhase) {
    const p = m.weakestPhase;
    out.push(`  weakest phase     ${p.name}: ${p.covered} of ${p.total} key points${s.dim(` (${Math.round((100 * p.covered) / p.total)}%, last ${p.mocks} mock${p.mocks === 1 ? '' : 's'})`)}`);
  }
  if (m.weakestScenario) {
    const w = m.weakestScenario;
    out.push(`  weakest scenario  ${w.scenario || `guide ${w.guide}`}: ${w.score}/100${s.dim(` on ${day(w.at)}`)}`);
  }
  // A command is what gets copied: too long for the line, it is broken at its spaces
  // with a backslash (commandLines), never wrapped, so that it still pastes whole.
  if (4 + textWidth(`${m.next.command}  (${m.next.why})`) <= io.columns) out.push(`  ${s.cyan('→')} ${m.next.command}${s.dim(`  (${m.next.why})`)}`);
  else {
    const [first, ...rest] = commandLines(m.next.command, io.columns - 4);
    out.push(`  ${s.cyan('→')} ${first}`, ...rest.map((l) => `    ${l}`), `    ${s.dim(`(${m.next.why})`)}`);
  }
  if (m.next.phase) {
    // The command on a line of its own when both do not fit.
    const label = 'or its weakest phase alone:';
    if (4 + label.length + 1 + m.next.phase.length <= io.columns) out.push(`    ${s.dim(label)} ${m.next.phase}`);
    else out.push(`    ${s.dim(label)}`, ...commandLines(m.next.phase, io.columns - 6).map((l) => `      ${l}`));
  }
  out.push('');

  const st = result.streak;
  const streak = st.current === 0 ? 'no streak yet' : `${st.current} day${st.current === 1 ? '' : 's'}${st.longest > st.current ? s.dim(` (longest ${st.longest})`) : ''}`;
  const todayNote = st.reviewedToday
    ? s.green(`✔ ${result.reviewsToday} review${result.reviewsToday === 1 ? '' : 's'} today`)
    : st.current > 0
      ? s.yellow('review today to keep it')
      : s.dim('one review starts it');
  out.push(`${s.bold('Streak')}  ${streak} · ${todayNote}`);
  return fitLines(out.join('\n'), io.columns);
}
