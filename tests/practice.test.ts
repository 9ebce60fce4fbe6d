// The practice core: the FSRS wrapper, what the history says about each item, which
// trap `random` picks, what a drill session holds, the trade-off question and stats.
import { describe, expect, it } from 'vitest';
import { emptyGuide, type Guide, type Trap, type Tradeoff } from '../src/guides/model.js';
import type { HistoryEntry } from '../src/store/history.js';
import { formatInterval, isDue, isMastered, isWeak, phase, preview, replay, review, type Rating } from '../src/practice/scheduler.js';
import { buildDecks, deckName, itemKey, type DeckItem } from '../src/practice/decks.js';
import { pickItem, planSession, progressFrom, seededRandom } from '../src/practice/progress.js';
import { tradeoffQuestion } from '../src/practice/tradeoff-quiz.js';
import { computeStats, sparkline, streaks } from '../src/practice/stats.js';
import { summarize } from '../src/practice/summary.js';

const T0 = new Date('2026-11-01T12:00:00Z');
const minutes = (n: number): Date => new Date(T0.getTime() + n * 60_000);
const days = (n: number, from = T0): Date => new Date(from.getTime() + n * 86_400_000);

function trap(id: string, question = `Question ${id}?`): Trap {
  return { id, question, keyPoints: [{ label: 'Point', terms: ['point'] }], line: 1, strong: 'A strong answer.' };
}

function guide(id: string, over: Partial<Guide> = {}): Guide {
  return { ...emptyGuide(id, `${id}.md`, true), title: `Guide ${id}`, ...over };
}

describe('scheduler wrapper', () => {
  it.each([
    ['again', 1],
    ['hard', 6],
    ['good', 10],
  ] as const)('a new item rated %s comes back in %i minutes', (rating, m) => {
    const s = review(undefined, rating, T0);
    expect(s.card.due).toEqual(minutes(m));
    expect(phase(s)).toBe('learning');
  });

  it('a new item rated easy goes straight to review, days away', () => {
    const s = review(undefined, 'easy', T0);
    expect(phase(s)).toBe('review');
    expect(s.card.due.getTime()).toBeGreaterThan(days(2).getTime());
  });

  it('is due at its due time, not before', () => {
    const s = review(undefined, 'good', T0);
    expect(isDue(s, minutes(9))).toBe(false);
    expect(isDue(s, minutes(10))).toBe(true);
    expect(isDue(undefined, T0)).toBe(false);
  });

  it('intervals grow with each good review and shrink after a lapse', () => {
    let s = review(undefined, 'good', T0);
    s = review(s, 'good', s.card.due);
    const first = s.card.scheduled_days;
    s = review(s, 'good', s.card.due);
    expect(s.card.scheduled_days).toBeGreaterThan(first);
    const before = s.card.scheduled_days;
    s = review(s, 'again', s.card.due);
    expect(s.lapses).toBe(1);
    expect(phase(s)).toBe('relearning');
    expect(s.card.scheduled_days).toBeLessThan(before);
    expect(isWeak(s)).toBe(true);
  });

  it('replays reviews in time order whatever order they come in', () => {
    const a = replay([
      { rating: 'good', at: T0 },
      { rating: 'hard', at: days(1) },
      { rating: 'easy', at: days(3) },
    ]);
    const b = replay([
      { rating: 'easy', at: days(3) },
      { rating: 'good', at: T0 },
      { rating: 'hard', at: days(1) },
    ]);
    expect(b).toEqual(a);
    expect(a).toMatchObject({ reviews: 3, correct: 3, lastRating: 'easy' });
  });

  it('calls an item mastered once its interval reaches 21 days', () => {
    let s = review(undefined, 'easy', T0);
    let guard = 0;
    while (s.card.scheduled_days < 21 && guard++ < 20) {
      expect(isMastered(s)).toBe(false);
      s = review(s, 'easy', s.card.due);
    }
    expect(isMastered(s)).toBe(true);
  });

  it('previews when each rating would bring the item back', () => {
    const p = preview(undefined, T0);
    expect(p.again < p.hard && p.hard < p.good && p.good < p.easy).toBe(true);
    expect(formatInterval(T0, p.good)).toBe('10m');
  });

  it.each([
    [0, 'now'],
    [0.2, '<1m'],
    [5, '5m'],
    [90, '2h'],
    [60 * 24 * 3, '3d'],
    [60 * 24 * 65, '2mo'],
    [60 * 24 * 365 * 2, '2y'],
  ])('formats %i minutes as %s', (m, text) => {
    expect(formatInterval(T0, minutes(m))).toBe(text);
  });
});

describe('decks', () => {
  const g = guide('g', {
    traps: [trap('a'), trap('b')],
    numbers: [
      { metric: 'Feature lookup budget', value: '50 ms' },
      { metric: 'Batch freshness', value: 'Daily' },
      { metric: 'Feature lookup budget', value: '20 ms' },
    ],
    questions: [{ id: 'Q1', text: 'Design serving', line: 1 }],
  });

  it('names items <guide>/<id>, and gives key numbers ids of their own', () => {
    expect(buildDecks([g]).map((i) => `${i.deck} ${i.id}`)).toEqual(['traps g/a', 'traps g/b', 'numbers g/feature-lookup-budget', 'numbers g/feature-lookup-budget-2', 'questions g/Q1']);
  });

  it('leaves out key numbers with nothing to check', () => {
    expect(buildDecks([g], ['numbers']).map((i) => i.front)).not.toContain('Batch freshness?');
  });

  it.each([
    ['traps', 'traps'],
    ['trade-offs', 'tradeoffs'],
    ['ALL', 'all'],
    ['cards', undefined],
  ])('reads --deck %s', (value, name) => {
    expect(deckName(value)).toBe(name);
  });
});

function entry(item: string, rating: Rating, at: Date, deck = 'traps'): HistoryEntry {
  return { kind: 'review', id: `${item}@${at.toISOString()}`, at: at.toISOString(), deck, item, guide: item.split('/')[0]!, rating, correct: rating !== 'again' };
}

describe('progress from history', () => {
  it('replays each item separately, by deck and id, ignoring mocks', () => {
    const history: HistoryEntry[] = [
      entry('g/a', 'good', T0),
      entry('g/a', 'good', days(1)),
      entry('g/a', 'again', T0, 'numbers'),
      { kind: 'mock', id: 'm', at: T0.toISOString(), scenario: 's', guide: 'g', score: 50, transcript: '/t', partial: false, phases: [] },
    ];
    const p = progressFrom(history);
    expect([...p.keys()].sort()).toEqual(['numbers:g/a', 'traps:g/a']);
    expect(p.get('traps:g/a')).toMatchObject({ reviews: 2, lastRating: 'good' });
    expect(p.get('numbers:g/a')).toMatchObject({ reviews: 1, lastRating: 'again' });
  });
});

describe('random trap', () => {
  const items = buildDecks([guide('g', { traps: [trap('a'), trap('b'), trap('c'), trap('d')] })], ['traps']);
  const now = days(5);

  it('never picks a trap scheduled for later while others are due or new', () => {
    const history = [entry('g/a', 'easy', days(4)), entry('g/b', 'easy', days(4)), entry('g/c', 'easy', days(4))];
    const p = progressFrom(history);
    const random = seededRandom(1);
    for (let i = 0; i < 50; i++) expect(pickItem(items, p, now, random)!.id).toBe('g/d');
  });

  // Issue 11: a weighted draw served the due trap about 1 time in 6.
  it('serves due traps first, the weakest first, and new ones only when none is due', () => {
    // a: due and weak (last rated again); b: due; c, d: new.
    const p = progressFrom([entry('g/a', 'again', T0), entry('g/b', 'good', T0)]);
    const random = seededRandom(7);
    for (let i = 0; i < 50; i++) expect(pickItem(items, p, now, random)!.id).toBe('g/a');
    // a is done for now: b, due, comes next, every time.
    const later = progressFrom([entry('g/a', 'again', T0), entry('g/a', 'easy', days(5)), entry('g/b', 'good', T0)]);
    for (let i = 0; i < 50; i++) expect(pickItem(items, later, days(5), random)!.id).toBe('g/b');
    // Nothing due: the new ones, each of them in turn of chance.
    const none = progressFrom([entry('g/a', 'easy', days(5)), entry('g/b', 'easy', days(5))]);
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) seen.add(pickItem(items, none, days(5), random)!.id);
    expect(seen).toEqual(new Set(['g/c', 'g/d']));
  });

  it('among due traps, takes the one least likely to be remembered first', () => {
    const p = progressFrom([entry('g/a', 'good', days(1)), entry('g/b', 'good', T0)]);
    expect(pickItem(items, p, days(5), seededRandom(2))!.id).toBe('g/b');
  });

  it('when everything is scheduled for later, picks the one most likely forgotten', () => {
    const p = progressFrom([entry('g/a', 'easy', T0), entry('g/b', 'easy', days(4)), entry('g/c', 'easy', days(4)), entry('g/d', 'easy', days(4))]);
    expect(pickItem(items, p, days(4.5), seededRandom(3))!.id).toBe('g/a');
  });
});

describe('drill session plan', () => {
  const g1 = guide('g1', {
    traps: [trap('a'), trap('b')],
    numbers: [
      { metric: 'A', value: '1 ms' },
      { metric: 'B', value: '2 ms' },
    ],
  });
  const g2 = guide('g2', { traps: [trap('c')], numbers: [{ metric: 'C', value: '3 ms' }] });
  const items = buildDecks([g1, g2]);

  it('puts due items first, weak ones and the most overdue ahead, then a few new ones across decks and guides', () => {
    const p = progressFrom([entry('g1/a', 'good', T0), entry('g1/b', 'again', minutes(30)), entry('g1/a', 'good', T0, 'numbers')]);
    const plan = planSession(items, p, days(1), { limit: 10, newItems: 3 });
    expect(plan.items.map(itemKey)).toEqual(['traps:g1/b', 'traps:g1/a', 'numbers:g1/a', 'traps:g2/c', 'numbers:g1/b', 'numbers:g2/c']);
    expect(plan).toMatchObject({ due: 3, fresh: 3, dueLeft: 0 });
  });

  it('keeps to the limit, due items before new ones, and says how many are left', () => {
    const p = progressFrom([entry('g1/a', 'good', T0), entry('g1/b', 'good', T0), entry('g2/c', 'good', T0)]);
    const plan = planSession(items, p, days(1), { limit: 2, newItems: 5 });
    expect(plan.items.every((i: DeckItem) => i.deck === 'traps')).toBe(true);
    expect(plan).toMatchObject({ due: 2, fresh: 0, dueLeft: 1 });
  });

  it('is empty when nothing is due and nothing new, and says when the next falls due', () => {
    const p = progressFrom(items.map((i) => entry(i.id, 'easy', T0, i.deck)));
    const plan = planSession(items, p, minutes(5), { limit: 10, newItems: 5 });
    expect(plan.items).toEqual([]);
    expect(plan.nextDue!.getTime()).toBeGreaterThan(minutes(5).getTime());
  });
});

describe('trade-off question', () => {
  const t: Tradeoff = {
    id: 'x',
    title: 'KServe vs Seldon Core',
    options: ['KServe', 'Seldon Core'],
    aspects: [
      { aspect: 'Serverless', values: ['Built in, through Knative', 'Available as an option'] },
      { aspect: 'Governance', values: ['A CNCF project', 'Backed commercially by Seldon'] },
      { aspect: 'Same', values: ['Yes', 'Yes'] },
      { aspect: 'When to Choose', values: ['Serverless-first designs', 'Drift detection in the box'] },
    ],
    notes: [],
    line: 1,
  };

  it('asks about a value that belongs to one option, never one that names an option or is shared', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 200; seed++) {
      const q = tradeoffQuestion(t, seed)!;
      const row = t.aspects.find((a) => a.aspect === q.aspect)!;
      expect(row.values[q.answer]).toBe(q.need);
      seen.add(q.need);
    }
    expect(seen).not.toContain('Backed commercially by Seldon');
    expect(seen).not.toContain('Yes');
    expect(seen).toContain('Serverless-first designs');
    expect(seen).toContain('Built in, through Knative');
  });

  it('prefers "when to choose" rows', () => {
    let when = 0;
    for (let seed = 0; seed < 300; seed++) if (tradeoffQuestion(t, seed)!.when) when++;
    expect(when).toBeGreaterThan(150);
  });

  it('gives no question for a table that cannot tell the options apart', () => {
    expect(tradeoffQuestion({ ...t, aspects: [t.aspects[2]!] }, 1)).toBeUndefined();
  });
});

describe('stats', () => {
  it.each([
    [['2026-11-20', '2026-11-21', '2026-11-22'], '2026-11-22', 3, 3],
    [['2026-11-20', '2026-11-21'], '2026-11-22', 2, 2],
    [['2026-11-19', '2026-11-21', '2026-11-22'], '2026-11-22', 2, 2],
    [['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-20'], '2026-11-22', 0, 4],
    [[], '2026-11-22', 0, 0],
  ])('streak of %j on %s is %i (longest %i)', (list, today, current, longest) => {
    expect(streaks(new Set(list), today)).toEqual({ current, longest });
  });

  it('draws a sparkline from 0-100 values', () => {
    expect(sparkline([0, 50, 100])).toBe('▁▅█');
  });

  it('counts seen, due and mastered per deck and guide, and accuracy per day', () => {
    const g = guide('g', { traps: [trap('a'), trap('b')], numbers: [{ metric: 'A', value: '1 ms' }] });
    const items = buildDecks([g]);
    const now = new Date('2026-11-22T12:00:00Z');
    const history = [
      entry('g/a', 'good', new Date('2026-11-21T12:00:00Z')),
      entry('g/b', 'again', new Date('2026-11-22T11:00:00Z')),
      entry('g/a', 'good', new Date('2026-11-22T11:30:00Z'), 'numbers'),
    ];
    const s = computeStats(summarize(history), items, now);
    expect(s.decks.find((d) => d.deck === 'traps')).toEqual({ deck: 'traps', items: 2, seen: 2, due: 2, mastered: 0 });
    expect(s.decks.find((d) => d.deck === 'numbers')).toEqual({ deck: 'numbers', items: 1, seen: 1, due: 1, mastered: 0 });
    expect(s.guides).toEqual([{ guide: 'g', items: 3, seen: 3, due: 3, mastered: 0 }]);
    expect(s.total).toMatchObject({ reviews: 3, correct: 2, reviewsToday: 2 });
    expect(s.accuracy).toEqual([
      { day: '2026-11-21', reviews: 1, correct: 1 },
      { day: '2026-11-22', reviews: 2, correct: 1 },
    ]);
    expect(s.streak).toEqual({ current: 2, longest: 2, reviewedToday: true });
  });
});
