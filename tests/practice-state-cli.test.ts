// The built coach with a long history (issue 14): stats, today and trap list say the
// same with a snapshot, with records appended after it, with a broken one and with
// none; the snapshot is private, goes with `history rm` and `reset`, and a read works
// while another process holds the history's lock.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from './helpers/pty.js';
import { seededRandom } from '../src/practice/progress.js';

const ROOT = join(import.meta.dirname, '..');

/** `count` reviews of the bundled traps, 40 a day up to now, and a mock every third day (as the bench makes). */
function makeHistory(file: string, count: number, seed: number): void {
  const rand = seededRandom(seed);
  const { guides } = JSON.parse(readFileSync(join(ROOT, 'dist/summaries.json'), 'utf8')) as { guides: { id: string; names: { traps: string[] } }[] };
  const traps = guides.flatMap((g) => g.names.traps.map((t) => ({ guide: g.id, item: `${g.id}/${t}` })));
  const days = Math.ceil(count / 40);
  const start = Date.now() - days * 86_400_000;
  const lines: object[] = [];
  for (let n = 0; n < count; n++) {
    const d = Math.floor(n / 40);
    const t = traps[Math.floor(rand() * traps.length)]!;
    const good = rand() < 0.7;
    lines.push({
      kind: 'review',
      id: `r${n}`,
      at: new Date(start + d * 86_400_000 + (n % 40) * 30_000).toISOString(),
      deck: 'traps',
      item: t.item,
      guide: t.guide,
      rating: good ? 'good' : 'again',
      correct: good,
    });
    if (n % 120 === 0) {
      const phases = ['clarify', 'deep-dive'].map((key, j) => ({ key, name: key, plannedMin: 9, usedMin: 9, covered: (d + j) % 5, total: 5 }));
      lines.push({
        kind: 'mock',
        id: `m${n}`,
        at: new Date(start + d * 86_400_000).toISOString(),
        scenario: 'fintech',
        guide: 'oss-ml-platform',
        score: 40 + (d % 50),
        transcript: '/nonexistent.md',
        partial: false,
        phases,
      });
    }
  }
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
}

function coach(home: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env: Record<string, string | undefined> = { ...process.env, COACH_HOME: home, NO_COLOR: '1' };
  delete env['COACH_GUIDES'];
  const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', input: '' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** What the read commands say, without the time they ran at. */
function views(home: string): string[] {
  return [['stats', '--json'], ['today', '--json'], ['trap', 'list', '--json'], ['stats']].map((args) => {
    const r = coach(home, args);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    return args.includes('--json') ? JSON.stringify({ ...JSON.parse(r.stdout), now: undefined }) : r.stdout;
  });
}

describe('coach with a snapshot of a long history', () => {
  it('says the same with a snapshot, with records after it, with a broken one and with none', () => {
    const home = mkdtempSync(join(tmpdir(), 'coach-snap-cli-'));
    const history = join(home, 'data', 'history.jsonl');
    const snapshot = join(home, 'data', 'history.snapshot.json');
    makeHistory(history, 1500, 7);

    const first = views(home); // replays everything, saves the snapshot
    expect(existsSync(snapshot)).toBe(true);
    expect((statSync(snapshot).mode & 0o777).toString(8)).toBe('600');
    expect(views(home)).toEqual(first); // from the snapshot
    rmSync(snapshot);
    expect(views(home)).toEqual(first); // from the history alone

    // Reviews appended after the snapshot by another coach: the same as a full replay.
    const lines = readFileSync(history, 'utf8').trim().split('\n');
    const reviews = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((r) => r['kind'] === 'review');
    const at = Date.now() - 60_000;
    appendFileSync(
      history,
      reviews
        .slice(0, 30)
        .map((r, i) => `${JSON.stringify({ ...r, id: `new-${i}`, at: new Date(at + i * 1000).toISOString(), rating: 'again', correct: false })}\n`)
        .join(''),
    );
    const appended = views(home);
    expect(appended).not.toEqual(first);
    rmSync(snapshot);
    expect(views(home)).toEqual(appended);

    writeFileSync(snapshot, '{"format":1,"garbage');
    expect(views(home)).toEqual(appended);
    expect(readFileSync(snapshot, 'utf8')).toMatch(/^\{"format":1,"scheduler"/); // rebuilt
  });

  it('goes with the records it holds: history rm and reset', () => {
    const home = mkdtempSync(join(tmpdir(), 'coach-snap-rm-'));
    const snapshot = join(home, 'data', 'history.snapshot.json');
    makeHistory(join(home, 'data', 'history.jsonl'), 400, 3);
    const before = JSON.parse(coach(home, ['stats', '--json']).stdout) as { mocks: unknown[] };
    expect(existsSync(snapshot)).toBe(true);
    expect(coach(home, ['history', 'rm', '1', '--yes']).status).toBe(0);
    expect(existsSync(snapshot)).toBe(false);
    expect((JSON.parse(coach(home, ['stats', '--json']).stdout) as { mocks: unknown[] }).mocks).toHaveLength(before.mocks.length - 1);
    expect(coach(home, ['reset', '--deck', 'traps', '--yes']).status).toBe(0);
    expect(existsSync(snapshot)).toBe(false);
    expect((JSON.parse(coach(home, ['stats', '--json']).stdout) as { total: { reviews: number } }).total.reviews).toBe(0);
    expect(coach(home, ['reset', '--yes']).status).toBe(0);
    expect(existsSync(snapshot)).toBe(false);
  });

  it('reads while another process holds the history lock', async () => {
    const home = mkdtempSync(join(tmpdir(), 'coach-snap-lock-'));
    const history = join(home, 'data', 'history.jsonl');
    makeHistory(history, 300, 5);
    const holder = spawn(
      process.execPath,
      ['-e', `require('proper-lockfile').lock(${JSON.stringify(history)}, { realpath: false }).then(() => { console.log('locked'); setInterval(() => {}, 1000); });`],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve) => holder.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && resolve()));
      expect(existsSync(`${history}.lock`)).toBe(true);
      for (const args of [['stats'], ['trap', 'random', '--reveal'], ['today'], ['history']]) {
        const r = coach(home, args);
        expect([args, r.status, r.stderr]).toEqual([args, 0, '']);
      }
    } finally {
      holder.kill();
    }
  });
});
