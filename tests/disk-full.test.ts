// Issue 13: the disk fills up while the history needs a repair. Before, the whole
// history was moved aside and the fresh file could not be written, so `coach history`
// showed none of the 22 records once space was back. Now a failed write leaves the
// history as it was, and says so in one line. The full disk is write-file-atomic and
// appendFile failing with ENOSPC, as they do on a full file system.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const disk = vi.hoisted(() => ({ full: false }));
const enospc = (): NodeJS.ErrnoException => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

vi.mock('write-file-atomic', async (original) => {
  const real = (await original<{ default: (...args: unknown[]) => Promise<void> }>()).default;
  return { default: (...args: unknown[]) => (disk.full ? Promise.reject(enospc()) : real(...args)) };
});
// The store loads node:fs/promises itself when it first writes (process.getBuiltinModule):
// its appendFile is the one replaced.
const fsPromises = process.getBuiltinModule('node:fs/promises');
const realAppend = fsPromises.appendFile;
vi.spyOn(fsPromises, 'appendFile').mockImplementation((...args: Parameters<typeof realAppend>) => (disk.full ? Promise.reject(enospc()) : realAppend(...args)));

const { appendHistory, historyPath, readHistory } = await import('../src/store/history.js');
const { run } = await import('../src/cli.js');
const { testIo } = await import('./helpers/io.js');

const record = (n: number) => ({
  kind: 'review' as const,
  id: `r${n}`,
  at: new Date(Date.UTC(2026, 10, 20, 12, 0, n)).toISOString(),
  deck: 'traps',
  item: `g/t${n}`,
  guide: 'g',
  rating: 'good' as const,
  correct: true,
});
const mockRecord = (n: number, dir: string) => ({
  kind: 'mock',
  id: `m${n}`,
  at: new Date(Date.UTC(2026, 10, 21, 12, 0, n)).toISOString(),
  scenario: 'fintech',
  guide: 'oss-ml-platform',
  score: 50 + n,
  transcript: join(dir, 'mocks', `m${n}.md`),
  partial: false,
  phases: [],
});

describe('a full disk while the history needs a repair', () => {
  beforeEach(() => {
    disk.full = false;
  });

  it('leaves the history as it was, says why in one line, and repairs it once there is room', async () => {
    const io = testIo();
    mkdirSync(join(io.dataDir, 'mocks'), { recursive: true });
    // 22 mocks, and the last line of the file cut off by an earlier crash: a repair is due.
    const lines = Array.from({ length: 22 }, (_, i) => `${JSON.stringify(mockRecord(i, io.dataDir))}\n`).join('');
    const original = `${lines}{"kind":"review","id":"torn`;
    mkdirSync(io.dataDir, { recursive: true });
    writeFileSync(historyPath(io), original);

    disk.full = true;
    // Writing: the append needs the repair first, and stops with a clear error.
    await expect(appendHistory(io, record(1))).rejects.toThrow(`no space left on the device to write ${historyPath(io)}`);
    expect(readFileSync(historyPath(io), 'utf8')).toBe(original);
    expect(readdirSync(io.dataDir).filter((f) => f.includes('corrupt'))).toEqual([]);

    // Reading: all 22 shown, with a warning that the repair must wait.
    let out = '';
    const rt = { io: async () => io, out: (t: string) => (out += t), err: (t: string) => (out += t), version: '0', debug: false };
    expect(await run(['history'], rt)).toBe(0);
    expect(io.out()).toContain('22 mocks');
    expect(io.err()).toMatch(/needs a repair that could not be written \(no space left on the device/);
    expect(readFileSync(historyPath(io), 'utf8')).toBe(original);

    // A command that must write: exit 1 and one clear line, not "please report it".
    out = '';
    const answers = join(import.meta.dirname, 'fixtures', 'mock', 'fintech-good.md');
    expect(await run(['mock', '--scenario', 'fintech', '--answers', answers], rt)).toBe(1);
    expect(out).toMatch(/^coach: no space left on the device to write .*\n {2}free some space and try again; nothing was changed\n$/);
    expect(out).not.toContain('please report');
    expect(readFileSync(historyPath(io), 'utf8')).toBe(original);

    // Space is back: the repair is made, every record is kept, the old file is kept aside.
    disk.full = false;
    expect((await readHistory(io)).filter((e) => e.kind === 'mock')).toHaveLength(22);
    const aside = readdirSync(io.dataDir).filter((f) => f.startsWith('history.jsonl.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(io.dataDir, aside[0]!), 'utf8')).toBe(original);
    await appendHistory(io, record(1));
    expect(await readHistory(io)).toHaveLength(23);
  });

  it('an append cut short leaves no half record behind', async () => {
    const io = testIo();
    await appendHistory(io, record(1));
    const before = readFileSync(historyPath(io), 'utf8');
    disk.full = true;
    await expect(appendHistory(io, record(2))).rejects.toThrow(/no space left on the device/);
    disk.full = false;
    expect(readFileSync(historyPath(io), 'utf8')).toBe(before);
  });
});
