// Issue 13: the store and the cache do not trust their own files. A history record of
// the wrong shape, a history that is a folder or a link to nothing, a lock dated in the
// future, a byte-order mark, a transcript path that leads elsewhere, and cache entries
// with missing or wrong-typed fields: each is a warning, a clear error or a cache miss,
// never a crash; and eight mocks saved in one millisecond get eight names.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testIo, type TestIo } from './helpers/io.js';
import { loadPractice } from '../src/store/practice-state.js';
import { history, renderHistory } from '../src/commands/history.js';
import { stats, renderStats } from '../src/commands/stats.js';
import { mock } from '../src/commands/mock.js';
import { list, type ListResult } from '../src/commands/list.js';
import { trap } from '../src/commands/trap.js';
import { appendHistory, historyPath, readHistory, type HistoryEntry } from '../src/store/history.js';
import { FailureError } from '../src/errors.js';
import { entryFile, loadLibrary, loadSummaries } from '../src/guides/library.js';

/** A listing's items as [id, title or question, guide]: what its lines show. */
function cells(result: ListResult): string[][] {
  return result.items.map((i) => {
    const o = i as Record<string, unknown>;
    return [String(o['id']), String(o['title'] ?? o['question']), String(o['guide'] ?? '')];
  });
}

const ANSWERS = join(import.meta.dirname, 'fixtures', 'mock', 'fintech-good.md');

const review = (n: number): HistoryEntry => ({ kind: 'review', id: `r${n}`, at: `2026-11-20T12:00:0${n}.000Z`, deck: 'traps', item: `g/t${n}`, guide: 'g', rating: 'good', correct: true });

function withHistory(io: TestIo, text: string): string {
  mkdirSync(io.dataDir, { recursive: true });
  writeFileSync(historyPath(io), text);
  return historyPath(io);
}

describe('history records are checked when read', () => {
  it('a mock record with wrong-typed fields is skipped with one warning and kept in the file', async () => {
    const io = testIo();
    await mock({ scenario: 'fintech', answers: ANSWERS }, io);
    const bad = { kind: 'mock', id: 'bad', at: '2026-11-21T10:00:00.000Z', scenario: 42, guide: null, score: 'high', transcript: '/etc/passwd', partial: 'no', phases: {} };
    const file = historyPath(io);
    writeFileSync(file, `${readFileSync(file, 'utf8')}${JSON.stringify(bad)}\n${JSON.stringify({ kind: 'review', id: 'r9', at: 'yesterday' })}\n`);
    const before = readFileSync(file, 'utf8');

    const listed = await history({}, io);
    expect(renderHistory(listed, io)).toContain('1 mock');
    const shown = await history({ action: 'show' }, io);
    expect(shown.kind === 'show' && shown.markdown).toContain('# Mock interview');
    expect(renderStats(await stats({}, io), io)).toContain('Mock scores');
    const warnings = io.err().trim().split('\n');
    expect(warnings).toHaveLength(3); // one per command, each one line
    expect(warnings[0]).toBe(`coach: warning: skipped 2 history records that coach cannot use (first: mock record 'bad': 'scenario' should be text); kept in ${file}`);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('strings in a record are cleaned where they enter', async () => {
    const io = testIo();
    await appendHistory(io, { ...review(1), item: 'g/\u001b]52;c;cHduZWQ=\u0007t1', guide: 'g\u202e' } as HistoryEntry);
    const [entry] = await readHistory(io);
    expect(entry).toMatchObject({ item: 'g/t1', guide: 'g' });
  });

  it('a transcript path outside the data folder is not followed', async () => {
    const io = testIo();
    const secret = join(mkdtempSync(join(tmpdir(), 'coach-secret-')), 'secret.md');
    writeFileSync(secret, 'top secret');
    const record = { kind: 'mock', id: 'm', at: '2026-11-21T10:00:00.000Z', scenario: 'fintech', guide: 'g', score: 50, transcript: secret, partial: false, phases: [] };
    withHistory(io, `${JSON.stringify(record)}\n`);
    mkdirSync(join(io.dataDir, 'mocks'), { recursive: true });
    await expect(history({ action: 'show' }, io)).rejects.toThrow(FailureError);
    await expect(history({ action: 'show' }, io)).rejects.toThrow(`the transcript of mock #1 is not in coach's mocks folder (${secret}); not read`);
    // A link inside the mocks folder that leads out is not followed either.
    symlinkSync(secret, join(io.dataDir, 'mocks', 'link.md'));
    withHistory(io, `${JSON.stringify({ ...record, transcript: join(io.dataDir, 'mocks', 'link.md') })}\n`);
    await expect(history({ action: 'show' }, io)).rejects.toThrow(/not in coach's mocks folder/);
  });

  it('a byte-order mark at the start keeps the first record', async () => {
    const io = testIo();
    withHistory(io, `\uFEFF${JSON.stringify(review(1))}\n${JSON.stringify(review(2))}\n`);
    expect((await readHistory(io)).map((e) => e.id)).toEqual(['r1', 'r2']);
    expect(io.err()).toBe('');
  });
});

describe('the history file itself', () => {
  it('a folder where the file should be is a clear error', async () => {
    const io = testIo();
    mkdirSync(historyPath(io), { recursive: true });
    await expect(history({}, io)).rejects.toThrow(FailureError);
    await expect(history({}, io)).rejects.toThrow(`${historyPath(io)} is a folder, not a file`);
    await expect(appendHistory(io, review(1))).rejects.toThrow(/is a folder, not a file/);
  });

  it('a link to nothing is a clear error, and nothing is written through it', async () => {
    const io = testIo();
    mkdirSync(io.dataDir, { recursive: true });
    const target = join(mkdtempSync(join(tmpdir(), 'coach-gone-')), 'history.jsonl');
    symlinkSync(target, historyPath(io));
    await expect(readHistory(io)).rejects.toThrow(`${historyPath(io)} is a symbolic link to nothing`);
    // The reading commands' way in (the practice snapshot) says the same, not "no history yet".
    await expect(loadPractice(io)).rejects.toThrow(`${historyPath(io)} is a symbolic link to nothing`);
    await expect(appendHistory(io, review(1))).rejects.toThrow(/is a symbolic link to nothing/);
    expect(existsSync(target)).toBe(false);
  });

  it('a lock dated in the future is recovered at once, not waited on for 12 s', async () => {
    const io = testIo();
    await appendHistory(io, review(1));
    const lock = `${historyPath(io)}.lock`;
    mkdirSync(lock);
    const future = new Date(Date.now() + 3_600_000);
    utimesSync(lock, future, future);
    const start = Date.now();
    await appendHistory(io, review(2));
    expect((await readHistory(io)).map((e) => e.id)).toEqual(['r1', 'r2']);
    expect(Date.now() - start).toBeLessThan(2000);
    expect(existsSync(lock)).toBe(false);
  });
});

describe('eight mocks saved at once', () => {
  it('get eight transcript names and eight history ids, though their clocks agree to the millisecond', async () => {
    const io = testIo();
    const results = await Promise.all(Array.from({ length: 8 }, () => mock({ scenario: 'fintech', answers: ANSWERS }, io)));
    const files = results.map((r) => (r.kind === 'review' ? r.transcript : null));
    expect(new Set(files).size).toBe(8);
    expect(readdirSync(join(io.dataDir, 'mocks'))).toHaveLength(8);
    const mocks = (await readHistory(io)).filter((e) => e.kind === 'mock');
    expect(new Set(mocks.map((m) => m.id)).size).toBe(8);
    expect(mocks.map((m) => m.kind === 'mock' && m.transcript).sort()).toEqual([...files].sort());
    const base = '2026-11-22T09-00-00-000Z-fintech';
    expect(readdirSync(join(io.dataDir, 'mocks')).sort()).toEqual([`${base}.md`, ...[2, 3, 4, 5, 6, 7, 8].map((n) => `${base}-${n}.md`)].sort());
  });
});

describe('cache entries that do not check are a cache miss', () => {
  const GOOD = (id: string) => `---\nid: ${id}\ntitle: ${id}\n---\n# ${id}\n\n## Quick Reference Cards\n\n### ${id} card\n\n- one line\n\n## Traps\n\n### "Why ${id}?"\n\n**Good Answer:** because\n`;
  function cachedFolder(): { dir: string; cacheDir: string; io: TestIo } {
    const dir = mkdtempSync(join(tmpdir(), 'coach-cache-guides-'));
    writeFileSync(join(dir, 'a.md'), GOOD('a'));
    writeFileSync(join(dir, 'b.md'), GOOD('b'));
    const io = testIo();
    return { dir, cacheDir: io.cacheDir, io };
  }
  // The summary index: <cache>/user-guides.idx, lines of JSON (summary-index.ts); line 3
  // holds each file's problems and its guide's id and title. An edit leaves the CRC
  // on line 0 as it was, as a bad copy or a hand edit would.
  const editIndex = (cacheDir: string, change: (line3: { problems: Record<string, unknown>; heads: unknown[][] }, files: string[]) => void): void => {
    const path = join(cacheDir, 'user-guides.idx');
    const lines = readFileSync(path, 'utf8').split('\n');
    const line3 = JSON.parse(lines[3]!) as { problems: Record<string, unknown>; heads: unknown[][] };
    change(line3, JSON.parse(lines[1]!) as string[]);
    lines[3] = JSON.stringify(line3);
    writeFileSync(path, lines.join('\n'));
  };
  // A guide's full entry: <cache>/guides/<hash of its path>.json, a line of JSON, then the guide.
  const editFull = (cacheDir: string, file: string, change: (guide: Record<string, unknown>) => void): void => {
    const path = entryFile(cacheDir, file);
    const text = readFileSync(path, 'utf8');
    const nl = text.indexOf('\n');
    const guide = JSON.parse(text.slice(nl + 1)) as Record<string, unknown>;
    change(guide);
    writeFileSync(path, `${text.slice(0, nl)}\n${JSON.stringify(guide)}`);
  };

  it('an index entry whose problems are not a list ("e.problems is not iterable")', async () => {
    const { dir, cacheDir, io } = cachedFolder();
    await loadSummaries({ dirs: [dir], cacheDir });
    editIndex(cacheDir, (line3, files) => {
      line3.problems[files.indexOf(join(dir, 'a.md'))] = 5;
      line3.heads[files.indexOf(join(dir, 'b.md'))]!.splice(1, 1); // no title
    });
    const result = await list({ kind: 'guides', guides: [dir] }, io);
    expect(
      cells(result)
        .filter((r) => r[0] === 'a' || r[0] === 'b')
        .map((r) => r[1]),
    ).toEqual(['a', 'b']);
    expect(io.err()).toBe('');
  });

  it('a full entry whose traps are not a list ("guide.traps.map is not a function")', async () => {
    const { dir, cacheDir, io } = cachedFolder();
    await loadLibrary({ dirs: [dir], cacheDir });
    editFull(cacheDir, join(dir, 'a.md'), (g) => {
      g['traps'] = 'none';
    });
    editFull(cacheDir, join(dir, 'b.md'), (g) => {
      (g as { traps: Record<string, unknown>[] }).traps[0]!['question'] = 7;
    });
    const result = await list({ kind: 'traps', guides: [dir] }, io);
    expect(
      cells(result)
        .filter((r) => r[2] === 'a' || r[2] === 'b')
        .map((r) => r[1]),
    ).toEqual(['Why a?', 'Why b?']);
    const reveal = await trap({ guides: [dir], query: 'b/why-b', reveal: true }, io);
    expect(reveal.mode).toBe('reveal');
    expect(io.err()).toBe('');
    // Rewritten with the guides parsed again: read back as coach wrote it.
    expect((await loadLibrary({ dirs: [dir], cacheDir })).guides.map((g) => g.traps.length)).toEqual([1, 1]);
  });

  it('an edited full cache is not made trusted by a later summary-only run', async () => {
    const { dir, cacheDir, io } = cachedFolder();
    await loadLibrary({ dirs: [dir], cacheDir });
    editFull(cacheDir, join(dir, 'a.md'), (g) => {
      g['traps'] = 'none';
    });
    // b changes, so `coach card` rewrites the caches.
    writeFileSync(join(dir, 'b.md'), GOOD('b').replace('one line', 'two lines'));
    utimesSync(join(dir, 'b.md'), new Date(), new Date(Date.now() + 5000));
    await loadSummaries({ dirs: [dir], cacheDir });
    const result = await list({ kind: 'traps', guides: [dir] }, io);
    expect(cells(result).filter((r) => r[2] === 'a')).toHaveLength(1);
  });
});
