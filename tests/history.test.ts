// coach history: past mocks listed oldest first with stable numbers; `show N` prints
// one transcript; drill reviews in the same file are not mocks.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { history, renderHistory } from '../src/commands/history.js';
import { mock } from '../src/commands/mock.js';
import { NotFoundError, UsageError } from '../src/errors.js';
import { appendHistory } from '../src/store/history.js';
import { testIo, type TestIo } from './helpers/io.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'mock');

async function sit(io: TestIo, file: string, at: string): Promise<string> {
  const r = await mock({ scenario: 'fintech', answers: join(FIXTURES, file) }, { ...io, date: () => new Date(at) });
  if (r.kind !== 'review') throw new Error('expected a review');
  return r.transcript!;
}

describe('coach history', () => {
  it('says there are no mocks yet', async () => {
    const io = testIo();
    const r = await history({}, io);
    expect(r).toEqual({ kind: 'list', mocks: [] });
    expect(renderHistory(r, io)).toMatch(/No mocks yet/);
    await expect(history({ action: 'show', n: '1' }, io)).rejects.toThrow(NotFoundError);
  });

  it('lists mocks with date, scenario and score, and shows one by number', async () => {
    const io = testIo();
    const first = await sit(io, 'fintech-vague.md', '2026-11-20T08:30:00Z');
    const second = await sit(io, 'fintech-good.md', '2026-11-21T18:05:00Z');
    await appendHistory(io, { kind: 'review', id: 'r1', at: '2026-11-21T19:00:00Z', deck: 'traps', item: 'x', guide: 'g', rating: 'good', correct: true });

    const list = await history({}, io);
    if (list.kind !== 'list') throw new Error('expected a list');
    expect(list.mocks.map((m) => [m.n, m.scenario, m.transcript])).toEqual([
      [1, 'fintech', first],
      [2, 'fintech', second],
    ]);
    const text = renderHistory(list, io);
    expect(text).toMatch(/│ 1 +│ [^│]*08:30 +│ fintech +│ scored from a file +│ \d+ +│/);
    expect(text).toMatch(new RegExp(`│ 2 +│ [^│]*18:05 +│ fintech +│ scored from a file +│ ${list.mocks[1]!.score} +│`));
    expect(list.mocks[1]!.score).toBeGreaterThan(list.mocks[0]!.score);
    expect(text).toContain('2 mocks');

    const shown = await history({ action: 'show', n: '1' }, io);
    expect(shown.kind).toBe('show');
    expect(renderHistory(shown, io)).toContain('# Mock interview: ML platform for a fintech company');
    expect(renderHistory(shown, io)).toContain('- Date: 2026-11-20 08:30 UTC');
    const last = await history({ action: 'show' }, io);
    expect(last.kind === 'show' && last.mock.n).toBe(2);
  });

  it('refuses a number that is not a mock, and says when a transcript is gone', async () => {
    const io = testIo();
    const file = await sit(io, 'fintech-vague.md', '2026-11-20T08:30:00Z');
    await expect(history({ action: 'show', n: '2' }, io)).rejects.toThrow(/no mock #2/);
    await expect(history({ action: 'show', n: 'two' }, io)).rejects.toThrow(UsageError);
    await expect(history({ action: 'delete' }, io)).rejects.toThrow(UsageError);
    rmSync(file);
    await expect(history({ action: 'show', n: '1' }, io)).rejects.toThrow(/the transcript of mock #1 is gone/);
  });
});
