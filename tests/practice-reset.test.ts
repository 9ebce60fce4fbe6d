// coach reset: asks before deleting, needs --yes without a terminal, and can clear one
// deck while keeping the rest.
import { describe, expect, it } from 'vitest';
import { testIo, type TestIo } from './helpers/io.js';
import { scripted } from './practice-script.js';
import { renderReset, reset } from '../src/commands/reset.js';
import { appendHistory, readHistory, type HistoryEntry } from '../src/store/history.js';
import { UsageError } from '../src/errors.js';

async function withHistory(io: TestIo): Promise<void> {
  const entries: HistoryEntry[] = [
    { kind: 'review', id: 'a', at: '2026-11-21T10:00:00Z', deck: 'traps', item: 'g/a', guide: 'g', rating: 'good', correct: true },
    { kind: 'review', id: 'b', at: '2026-11-21T10:01:00Z', deck: 'numbers', item: 'g/b', guide: 'g', rating: 'again', correct: false },
    { kind: 'mock', id: 'm', at: '2026-11-21T11:00:00Z', scenario: 'fintech', guide: 'g', score: 60, transcript: '/t.md', partial: false, phases: [] },
  ];
  for (const e of entries) await appendHistory(io, e);
}

describe('coach reset', () => {
  it('asks first, and deletes nothing when the answer is no', async () => {
    const io = testIo({ interactive: true });
    await withHistory(io);
    const prompt = scripted({ confirm: [false] });
    io.prompt = prompt;
    const result = await reset({}, io);
    expect(io.out()).toMatch(/^This deletes 2 reviews and 1 mock result from .*history\.jsonl\.\nSchedules start over; mock transcripts are kept\.\n$/);
    expect(prompt.asked[0]!.message).toBe('Delete them?');
    expect(renderReset(result, io)).toBe('Nothing deleted.');
    expect(await readHistory(io)).toHaveLength(3);
  });

  it('deletes everything when the answer is yes', async () => {
    const io = testIo({ interactive: true });
    await withHistory(io);
    io.prompt = scripted({ confirm: [true] });
    const result = await reset({}, io);
    expect(renderReset(result, io)).toMatch(/^Deleted 2 reviews and 1 mock result\./);
    expect(await readHistory(io)).toEqual([]);
  });

  it('without a terminal is a usage error unless --yes', async () => {
    const io = testIo();
    await withHistory(io);
    await expect(reset({}, io)).rejects.toBeInstanceOf(UsageError);
    expect(await readHistory(io)).toHaveLength(3);
    await reset({ yes: true }, io);
    expect(await readHistory(io)).toEqual([]);
  });

  it('--deck clears one deck and keeps the other reviews and the mocks', async () => {
    const io = testIo();
    await withHistory(io);
    const result = await reset({ deck: 'numbers', yes: true }, io);
    expect(renderReset(result, io)).toMatch(/^Deleted 1 review from the numbers deck\./);
    expect((await readHistory(io)).map((e) => e.id)).toEqual(['a', 'm']);
  });

  it('says so when there is nothing to reset, without asking', async () => {
    const io = testIo();
    expect(renderReset(await reset({}, io), io)).toMatch(/^Nothing to reset: no history in /);
  });
});
