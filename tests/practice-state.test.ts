// The practice state from a snapshot plus the records after it (issue 14): whatever
// happens to the history or the snapshot, it is the state a full replay gives; a
// snapshot that does not match is ignored and rebuilt; reading takes no lock.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appendHistory, historyPath, readHistory, rewriteHistory, snapshotPath, type HistoryEntry } from '../src/store/history.js';
import { loadPractice } from '../src/store/practice-state.js';
import { decodeSummary, encodeSummary, summarize, type PracticeSummary } from '../src/practice/summary.js';
import { seededRandom } from '../src/practice/progress.js';
import { computeStats } from '../src/practice/stats.js';
import { computeToday } from '../src/practice/today.js';
import type { DeckItem } from '../src/practice/decks.js';

// Every lock taken in this file is counted (reading must take none), and every full
// replay (a run with a matching snapshot must not make one).
const locks = vi.hoisted(() => ({ count: 0, replays: 0 }));
vi.mock('proper-lockfile', async (importOriginal) => {
  const real = await importOriginal<typeof import('proper-lockfile')>();
  return {
    ...real,
    lock: (...args: Parameters<typeof real.lock>) => {
      locks.count++;
      return real.lock(...args);
    },
  };
});
vi.mock('../src/practice/summary.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/practice/summary.js')>();
  return {
    ...real,
    summarize: (...args: Parameters<typeof real.summarize>) => {
      locks.replays++;
      return real.summarize(...args);
    },
  };
});

function store(): { dataDir: string; stderr: { write: (t: string) => boolean }; err: () => string; clear: () => void } {
  let err = '';
  return {
    dataDir: join(mkdtempSync(join(tmpdir(), 'coach-state-')), 'data'),
    stderr: {
      write: (t: string) => {
        err += t;
        return true;
      },
    },
    err: () => err,
    clear: () => void (err = ''),
  };
}

const line = (r: object): string => `${JSON.stringify(r)}\n`;
const T0 = Date.UTC(2026, 9, 1, 6, 0, 0);
const ITEMS = ['g/a', 'g/b', 'g/c', 'h/d', 'h/e'];
const RATINGS = ['again', 'hard', 'good', 'easy'] as const;

/** A random history record: mostly reviews in time order, some out of order, some mocks, some records coach skips or does not know. */
function randomRecord(rand: () => number, n: number, clock: { t: number }): object {
  clock.t += Math.floor(rand() * 20 * 3_600_000);
  const back = rand() < 0.015 ? Math.floor(rand() * 3 * 86_400_000) : 0;
  const at = new Date(clock.t - back).toISOString();
  const roll = rand();
  if (roll < 0.06) {
    const phases = [{ key: 'clarify', name: 'Clarify', plannedMin: 5, usedMin: 6, covered: Math.floor(rand() * 5), total: 4 }];
    return {
      kind: 'mock',
      id: `m${n}`,
      at,
      scenario: rand() < 0.5 ? 'fintech' : '',
      guide: 'oss-ml-platform',
      score: Math.floor(rand() * 100),
      transcript: '/tmp/t.md',
      partial: rand() < 0.2,
      phases,
    };
  }
  if (roll < 0.08) return { kind: 'note', id: `x${n}`, at, text: 'from a later coach' };
  const rating = RATINGS[Math.floor(rand() * 4)]!;
  const item = ITEMS[Math.floor(rand() * ITEMS.length)]!;
  const review = { kind: 'review', id: `r${n}`, at, deck: rand() < 0.7 ? 'traps' : 'numbers', item, guide: item.split('/')[0], rating, correct: rating !== 'again' };
  if (roll < 0.1) return { ...review, rating: 'meh' }; // skipped with a warning, kept in the file
  if (roll < 0.1015) return { ...review, at: at.replace('Z', '') }; // a hand-written local time
  return review;
}

const ITEM_LIST: DeckItem[] = ITEMS.flatMap((id) => [
  { deck: 'traps', id, guide: id.split('/')[0]!, guideTitle: 'G' } as DeckItem,
  { deck: 'numbers', id, guide: id.split('/')[0]!, guideTitle: 'G' } as DeckItem,
]);

/** What every reader of the state shows, compared field by field with a full replay. */
function views(s: PracticeSummary, now: Date): unknown {
  return {
    progress: [...s.progress],
    reviews: s.reviews,
    correct: s.correct,
    mocks: s.mocks,
    stats: computeStats(s, ITEM_LIST, now, 30),
    today: computeToday(
      s,
      ITEM_LIST.map((i) => ({ deck: i.deck, id: i.id })),
      [{ id: 'fintech' }],
      now,
    ),
  };
}

/** Loads the state as a run does, and checks it against a full replay; true when the load replayed everything. */
async function expectFullReplay(io: ReturnType<typeof store>, refreshBytes: number): Promise<boolean> {
  io.clear();
  const before = locks.replays;
  const got = await loadPractice(io, { refreshBytes });
  const replayed = locks.replays > before;
  const warned = io.err();
  io.clear();
  const full = summarize(await readHistory(io));
  const now = new Date(T0 + 200 * 86_400_000);
  expect(views(got, now)).toEqual(views(full, now));
  // The same warning about records coach cannot use, once.
  expect(warned).toBe(io.err());
  return replayed;
}

describe('the practice state from a snapshot and the records after it', () => {
  beforeEach(() => {
    locks.count = 0;
  });

  it('is what a full replay gives, for random histories appended in pieces, rewritten, cut and with broken snapshots', async () => {
    let loads = 0;
    let fromSnapshot = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const rand = seededRandom(seed);
      const io = store();
      mkdirSync(io.dataDir, { recursive: true });
      const file = historyPath(io);
      const clock = { t: T0 };
      let n = 0;
      // Only coach's own rewrites take the lock; reading never does.
      let rewrites = 0;
      locks.count = 0;
      for (let step = 0; step < 25; step++) {
        const op = rand();
        if (op < 0.6 || !existsSync(file)) {
          appendFileSync(file, Array.from({ length: 1 + Math.floor(rand() * 40) }, () => line(randomRecord(rand, n++, clock))).join(''));
        } else if (op < 0.7) {
          // A hand edit in place (same inode): one line removed.
          const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
          lines.splice(Math.floor(rand() * lines.length), 1);
          writeFileSync(file, lines.map((l) => `${l}\n`).join(''));
        } else if (op < 0.78) {
          // Cut back to an earlier line (a restored backup).
          const text = readFileSync(file, 'utf8');
          const ends = [...text.matchAll(/\n/g)].map((m) => m.index + 1);
          truncateSync(file, ends[Math.floor(rand() * ends.length)] ?? 0);
        } else if (op < 0.85) {
          // coach's own rewrite (reset --deck, history rm): a new file.
          await rewriteHistory(io, () => rand() < 0.9);
          rewrites++;
        } else if (existsSync(snapshotPath(io))) {
          const text = readFileSync(snapshotPath(io), 'utf8');
          const broken = [
            text.slice(0, Math.floor(text.length / 2)),
            'not a snapshot at all',
            text.replace('"items":[', '"items":{"x":['),
            text.replace(/"due":\{"@":\d+\}/, '"due":"soon"'),
            text.replace('"format":1', '"format":99'),
          ];
          writeFileSync(snapshotPath(io), broken[Math.floor(rand() * broken.length)]!);
        }
        loads++;
        if (!(await expectFullReplay(io, Math.floor(rand() * 3000)))) fromSnapshot++;
      }
      expect(locks.count).toBe(rewrites);
    }
    // The snapshot was used, and ignored, often enough for the comparison to mean something.
    expect(fromSnapshot).toBeGreaterThan(loads / 4);
    expect(loads - fromSnapshot).toBeGreaterThan(loads / 10);
  });

  it('reads only what was appended after the snapshot, and saves a new one once enough was', async () => {
    const io = store();
    const entries = Array.from(
      { length: 50 },
      (_, i): HistoryEntry => ({ kind: 'review', id: `r${i}`, at: new Date(T0 + i * 3_600_000).toISOString(), deck: 'traps', item: ITEMS[i % 5]!, guide: 'g', rating: 'good', correct: true }),
    );
    mkdirSync(io.dataDir, { recursive: true });
    writeFileSync(historyPath(io), entries.slice(0, 40).map(line).join(''));
    await loadPractice(io);
    const first = decodeSummary(readFileSync(snapshotPath(io), 'utf8'))!;
    expect(first.source['bytes']).toBe(statSync(historyPath(io)).size);
    expect(first.summary.reviews).toBe(40);
    expect((statSync(snapshotPath(io)).mode & 0o777).toString(8)).toBe('600');

    appendFileSync(historyPath(io), entries.slice(40).map(line).join(''));
    expect((await loadPractice(io, { refreshBytes: 10_000 })).reviews).toBe(50);
    // A small tail is replayed, not saved.
    expect(decodeSummary(readFileSync(snapshotPath(io), 'utf8'))!.summary.reviews).toBe(40);
    expect((await loadPractice(io, { refreshBytes: 100 })).reviews).toBe(50);
    expect(decodeSummary(readFileSync(snapshotPath(io), 'utf8'))!.summary.reviews).toBe(50);
    expect(locks.count).toBe(0);
  });

  it('ignores a snapshot that does not match the history, and rebuilds it', async () => {
    const a = store();
    const b = store();
    const review = (i: number, item: string): HistoryEntry => ({
      kind: 'review',
      id: `r${i}`,
      at: new Date(T0 + i * 60_000).toISOString(),
      deck: 'traps',
      item,
      guide: 'g',
      rating: 'good',
      correct: true,
    });
    for (let i = 0; i < 5; i++) {
      await appendHistory(a, review(i, 'g/a'));
      await appendHistory(b, review(i, 'g/b'));
    }
    await loadPractice(a);
    await loadPractice(b);
    // b's snapshot put beside a's history: another file, not used.
    writeFileSync(snapshotPath(a), readFileSync(snapshotPath(b)));
    expect([...(await loadPractice(a)).progress.keys()]).toEqual(['traps:g/a']);
    expect([...decodeSummary(readFileSync(snapshotPath(a), 'utf8'))!.summary.progress.keys()]).toEqual(['traps:g/a']);
    // One saved by another scheduler (or another version of coach): not used either.
    const saved = decodeSummary(readFileSync(snapshotPath(a), 'utf8'))!;
    saved.summary.reviews = 1000;
    writeFileSync(snapshotPath(a), encodeSummary(saved.summary, saved.source as never, 'another scheduler'));
    expect((await loadPractice(a)).reviews).toBe(5);
    // A history shorter than the snapshot covers.
    writeFileSync(historyPath(a), line(review(0, 'g/c')));
    expect([...(await loadPractice(a)).progress.keys()]).toEqual(['traps:g/c']);
  });

  it('is removed with the records it holds: reset and rewrites', async () => {
    const io = store();
    await appendHistory(io, { kind: 'review', id: 'r1', at: new Date(T0).toISOString(), deck: 'traps', item: 'g/a', guide: 'g', rating: 'good', correct: true });
    await appendHistory(io, { kind: 'review', id: 'r2', at: new Date(T0).toISOString(), deck: 'numbers', item: 'g/a', guide: 'g', rating: 'good', correct: true });
    await loadPractice(io);
    expect(existsSync(snapshotPath(io))).toBe(true);
    await rewriteHistory(io, (e) => e.kind === 'review' && e.deck === 'traps');
    expect(existsSync(snapshotPath(io))).toBe(false);
    expect((await loadPractice(io)).reviews).toBe(1);
    const { deleteHistory } = await import('../src/store/history.js');
    await deleteHistory(io);
    expect(existsSync(snapshotPath(io))).toBe(false);
    expect((await loadPractice(io)).reviews).toBe(0);
  });
});

describe('reading while another process holds the lock', () => {
  let holder: ChildProcess | undefined;
  afterEach(() => {
    holder?.kill();
    holder = undefined;
  });

  /** A separate node process that takes the history's lock (proper-lockfile, `history.jsonl.lock`) and releases it on a line. */
  async function holdLock(file: string): Promise<() => Promise<void>> {
    const child = spawn(
      process.execPath,
      [
        '-e',
        `require('proper-lockfile').lock(${JSON.stringify(file)}, { realpath: false }).then((release) => { console.log('locked'); process.stdin.once('data', () => release().then(() => console.log('released'))); });`,
      ],
      { cwd: join(import.meta.dirname, '..'), stdio: ['pipe', 'pipe', 'inherit'] },
    );
    holder = child;
    const said = (word: string): Promise<void> => new Promise((resolve) => child.stdout!.on('data', (d: Buffer) => d.toString().includes(word) && resolve()));
    await said('locked');
    expect(existsSync(`${file}.lock`)).toBe(true);
    return async () => {
      const done = said('released');
      child.stdin!.write('go\n');
      await done;
    };
  }

  it('reads the state and the history without waiting, and takes no lock', async () => {
    const io = store();
    await appendHistory(io, { kind: 'review', id: 'r1', at: new Date(T0).toISOString(), deck: 'traps', item: 'g/a', guide: 'g', rating: 'good', correct: true });
    locks.count = 0;
    const release = await holdLock(historyPath(io));
    const start = Date.now();
    expect((await loadPractice(io)).reviews).toBe(1);
    expect(await readHistory(io)).toHaveLength(1);
    expect((await loadPractice(io)).reviews).toBe(1);
    expect(Date.now() - start).toBeLessThan(1000);
    expect(locks.count).toBe(0);
    expect(io.err()).toBe('');
    await release();
  });

  it('takes a last line without its newline for one being written: waits for the writer, no repair, no warning', async () => {
    const io = store();
    mkdirSync(io.dataDir, { recursive: true });
    const whole = line({ kind: 'review', id: 'r1', at: new Date(T0).toISOString(), deck: 'traps', item: 'g/a', guide: 'g', rating: 'good', correct: true });
    const next = line({ kind: 'review', id: 'r2', at: new Date(T0 + 60_000).toISOString(), deck: 'traps', item: 'g/b', guide: 'g', rating: 'again', correct: false });
    writeFileSync(historyPath(io), whole);
    await loadPractice(io);
    const release = await holdLock(historyPath(io));
    appendFileSync(historyPath(io), next.slice(0, 30));
    const reading = loadPractice(io);
    await new Promise((r) => setTimeout(r, 150));
    appendFileSync(historyPath(io), next.slice(30));
    await release();
    const state = await reading;
    expect(state.reviews).toBe(2);
    expect([...state.progress.keys()]).toEqual(['traps:g/a', 'traps:g/b']);
    expect(io.err()).toBe('');
    expect(readdirSync(io.dataDir).filter((f) => f.includes('corrupt'))).toEqual([]);
  });

  it('still repairs a line that is really broken, under the lock, with the warning', async () => {
    const io = store();
    locks.count = 0;
    mkdirSync(io.dataDir, { recursive: true });
    writeFileSync(historyPath(io), `${line({ kind: 'review', id: 'r1', at: new Date(T0).toISOString(), deck: 'traps', item: 'g/a', guide: 'g', rating: 'good', correct: true })}not json\n`);
    expect((await loadPractice(io)).reviews).toBe(1);
    expect(io.err()).toMatch(/was corrupt; moved it to .*history\.jsonl\.corrupt-.* \(kept 1 readable record, dropped 1 unreadable line\)/);
    expect(locks.count).toBe(1);
    // Repaired: the next read is clean, saves a snapshot, and takes no lock.
    io.clear();
    expect((await loadPractice(io)).reviews).toBe(1);
    expect(io.err()).toBe('');
    expect(existsSync(snapshotPath(io))).toBe(true);
    expect(locks.count).toBe(1);
  });
});
