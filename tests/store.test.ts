// The history store: records survive a round trip, two real processes appending at
// once lose nothing, and a corrupt file is moved aside with one warning, never a crash.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { appendHistory, deleteHistory, historyPath, readHistory, rewriteHistory, type HistoryEntry } from '../src/store/history.js';

const run = promisify(execFile);

function store(): { dataDir: string; stderr: { write: (t: string) => boolean }; err: () => string } {
  let err = '';
  return {
    dataDir: join(mkdtempSync(join(tmpdir(), 'coach-store-')), 'data'),
    stderr: {
      write: (t: string) => {
        err += t;
        return true;
      },
    },
    err: () => err,
  };
}

function reviewEntry(n: number, over: Partial<Extract<HistoryEntry, { kind: 'review' }>> = {}): HistoryEntry {
  return { kind: 'review', id: `r${n}`, at: new Date(Date.UTC(2026, 10, 20, 12, 0, n)).toISOString(), deck: 'traps', item: `g/t${n}`, guide: 'g', rating: 'good', correct: true, ...over };
}

const mock: HistoryEntry = {
  kind: 'mock',
  id: 'm1',
  at: '2026-11-20T12:00:00.000Z',
  scenario: 'fintech',
  guide: 'oss-ml-platform',
  score: 71,
  transcript: '/tmp/t.md',
  partial: false,
  phases: [{ key: 'clarify', name: 'Clarify', plannedMin: 5, usedMin: 6, covered: 3, total: 4 }],
};

describe('history round trip', () => {
  it('reads back what was appended, in order, both kinds', async () => {
    const io = store();
    await appendHistory(io, reviewEntry(1));
    await appendHistory(io, mock);
    await appendHistory(io, reviewEntry(2, { rating: 'again', correct: false, covered: 1, total: 5 }));
    expect(await readHistory(io)).toEqual([reviewEntry(1), mock, reviewEntry(2, { rating: 'again', correct: false, covered: 1, total: 5 })]);
    expect(io.err()).toBe('');
  });

  it('reads an empty list when nothing was ever written', async () => {
    expect(await readHistory(store())).toEqual([]);
  });
});

describe('two processes writing at once', () => {
  let script: string;
  beforeAll(async () => {
    // The store as the built coach runs it, in a child process of its own.
    const dir = mkdtempSync(join(tmpdir(), 'coach-store-bundle-'));
    const entry = join(dir, 'writer.ts');
    writeFileSync(
      entry,
      `import { appendHistory } from ${JSON.stringify(join(import.meta.dirname, '../src/store/history.ts'))};
const [dataDir, who, count] = process.argv.slice(2);
const io = { dataDir, stderr: process.stderr };
for (let i = 0; i < Number(count); i++) {
  await appendHistory(io, { kind: 'review', id: who + '-' + i, at: new Date().toISOString(), deck: 'numbers', item: 'g/n' + i, guide: 'g', rating: 'good', correct: true });
}
`,
    );
    script = join(dir, 'writer.mjs');
    await build({
      entryPoints: [entry],
      outfile: script,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'silent',
      // proper-lockfile is CommonJS and requires node built-ins.
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    });
  });

  it('keeps all 200 records of two processes appending 100 each', async () => {
    const io = store();
    const [a, b] = await Promise.all([run(process.execPath, [script, io.dataDir, 'a', '100']), run(process.execPath, [script, io.dataDir, 'b', '100'])]);
    expect(a.stderr + b.stderr).toBe('');
    const history = await readHistory(io);
    expect(history).toHaveLength(200);
    const ids = new Set(history.map((e) => e.id));
    expect(ids.size).toBe(200);
    for (let i = 0; i < 100; i++) expect(ids.has(`a-${i}`) && ids.has(`b-${i}`)).toBe(true);
    // Every line is one whole record.
    expect(readFileSync(historyPath(io), 'utf8').trimEnd().split('\n')).toHaveLength(200);
  });
});

describe('a corrupt history file', () => {
  function corrupt(text: string): ReturnType<typeof store> {
    const io = store();
    mkdirSync(io.dataDir, { recursive: true });
    writeFileSync(historyPath(io), text);
    return io;
  }
  const line = (e: HistoryEntry): string => `${JSON.stringify(e)}\n`;

  it('moves it aside, warns once naming both paths, and keeps every readable record', async () => {
    const io = corrupt(`${line(reviewEntry(1))}{"kind":"review","id":"r2","at":"2026-1\n${line(mock)}not json at all\n${line(reviewEntry(3))}`);
    const history = await readHistory(io);
    expect(history.map((e) => e.id)).toEqual(['r1', 'm1', 'r3']);
    const aside = readdirSync(io.dataDir).filter((f) => f.startsWith('history.jsonl.corrupt-'));
    expect(aside).toHaveLength(1);
    const warnings = io.err().trim().split('\n');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(historyPath(io));
    expect(warnings[0]).toContain(join(io.dataDir, aside[0]!));
    expect(warnings[0]).toMatch(/kept 3 readable records, dropped 2 unreadable lines/);
    // The old file is kept whole, for the user to look at.
    expect(readFileSync(join(io.dataDir, aside[0]!), 'utf8')).toContain('not json at all');
    // The fresh file holds the readable records and takes new ones; no second warning.
    await appendHistory(io, reviewEntry(4));
    expect((await readHistory(io)).map((e) => e.id)).toEqual(['r1', 'm1', 'r3', 'r4']);
    expect(io.err().trim().split('\n')).toHaveLength(1);
  });

  it('repairs a last line cut off mid-write before appending after it', async () => {
    const io = corrupt(`${line(reviewEntry(1))}{"kind":"review","id":"r2"`);
    await appendHistory(io, reviewEntry(3));
    expect((await readHistory(io)).map((e) => e.id)).toEqual(['r1', 'r3']);
    expect(io.err()).toMatch(/was corrupt; moved it to .*history\.jsonl\.corrupt-/);
  });

  it('starts fresh from a file that is all garbage', async () => {
    const io = corrupt('\u0000\u0001binary garbage\n[1,2,3]\n"a string"\n');
    expect(await readHistory(io)).toEqual([]);
    expect(io.err()).toMatch(/kept 0 readable records, dropped 3 unreadable lines/);
    await appendHistory(io, reviewEntry(1));
    expect(await readHistory(io)).toHaveLength(1);
  });
});

describe('removing history', () => {
  it('rewrites without one deck, keeping the rest', async () => {
    const io = store();
    await appendHistory(io, reviewEntry(1));
    await appendHistory(io, reviewEntry(2, { deck: 'numbers' }));
    await appendHistory(io, mock);
    expect(await rewriteHistory(io, (e) => !(e.kind === 'review' && e.deck === 'numbers'))).toBe(1);
    expect((await readHistory(io)).map((e) => e.id)).toEqual(['r1', 'm1']);
  });

  it('deletes the file, and says when there was none', async () => {
    const io = store();
    await appendHistory(io, reviewEntry(1));
    expect(await deleteHistory(io)).toBe(true);
    expect(await readHistory(io)).toEqual([]);
    expect(await deleteHistory(io)).toBe(false);
  });
});
