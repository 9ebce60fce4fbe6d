// npm run bench: start-up cost of coach, measured side by side with `node -e 0` in
// the same run (interleaved, so machine load hits every command alike).
//
// Prints the median wall time of each command and its ratio to `node -e 0`, and the
// cold indexing time of a generated library of 250 user guides.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin/coach.cjs');
const runs = Number(process.env.BENCH_RUNS) || 31;

// 250 user guides made from the bundled ones (real size and structure), each with
// its own id, in 10 topic folders.
const work = mkdtempSync(join(tmpdir(), 'coach-bench-'));
const library = join(work, 'guides');
const sources = readdirSync(join(root, 'guides'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => readFileSync(join(root, 'guides', f), 'utf8'));
for (let i = 0; i < 250; i++) {
  const dir = join(library, `topic-${i % 10}`);
  mkdirSync(dir, { recursive: true });
  const text = sources[i % sources.length].replace(/^id: .*$/m, `id: bench-guide-${i}`);
  writeFileSync(join(dir, `guide-${i}.md`), text);
}
const bytes = readdirSync(library, { recursive: true })
  .filter((f) => String(f).endsWith('.md'))
  .reduce((sum, f) => sum + readFileSync(join(library, String(f))).length, 0);

const env = { ...process.env, COACH_HOME: join(work, 'home'), NO_COLOR: '1' };
delete env.COACH_GUIDES;

function time(args) {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const cases = [
  ['node -e 0', ['-e', '0']],
  ['coach --help', [bin, '--help']],
  ['coach card latency', [bin, 'card', 'latency']],
  ['coach list traps', [bin, 'list', 'traps']],
  ['coach card latency (250 guides, warm)', [bin, '--guides', library, 'card', 'latency']],
  ['coach today (a month of history)', [bin, 'today']],
  ['coach __complete (Tab after coach card lat)', [bin, '__complete', 'bash', '--', 'card', 'lat']],
];

// Cold indexing: an empty cache each time.
const COLD_RUNS = 5;
const cold = [];
for (let i = 0; i < COLD_RUNS; i++) {
  rmSync(join(work, 'home'), { recursive: true, force: true });
  cold.push(time([bin, '--guides', library, 'list', 'guides']));
}

// A month of practice for `coach today` to read: 20 reviews a day over the bundled
// traps, and a mock every third day.
{
  const { guides } = JSON.parse(readFileSync(join(root, 'dist/summaries.json'), 'utf8'));
  const traps = guides.flatMap((g) => g.names.traps.map((t) => ({ guide: g.id, item: `${g.id}/${t}` })));
  const lines = [];
  const start = Date.now() - 30 * 86_400_000;
  for (let d = 0; d < 30; d++) {
    for (let i = 0; i < 20; i++) {
      const t = traps[(d * 7 + i) % traps.length];
      const at = new Date(start + d * 86_400_000 + i * 60_000).toISOString();
      lines.push({ kind: 'review', id: `b${d}-${i}`, at, deck: 'traps', item: t.item, guide: t.guide, rating: i % 4 === 0 ? 'again' : 'good', correct: i % 4 !== 0 });
    }
    if (d % 3 === 0) {
      const phases = ['clarify', 'high-level', 'deep-dive', 'scale', 'wrap-up'].map((key, j) => ({ key, name: key, plannedMin: 9, usedMin: 9, covered: (d + j) % 5, total: 5 }));
      lines.push({ kind: 'mock', id: `m${d}`, at: new Date(start + d * 86_400_000).toISOString(), scenario: 'fintech', guide: 'oss-ml-platform', score: 40 + d, transcript: '/nonexistent.md', partial: false, phases });
    }
  }
  mkdirSync(join(work, 'home', 'data'), { recursive: true });
  writeFileSync(join(work, 'home', 'data', 'history.jsonl'), lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
}

// Warm-up, then interleaved measured runs.
for (const [, args] of cases) time(args);
const samples = cases.map(() => []);
for (let r = 0; r < runs; r++) cases.forEach(([, args], i) => samples[i].push(time(args)));

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const median = (xs) => quantile(xs, 0.5);
// Each round runs every command once, back to back; a command's ratio is the median
// over rounds of its time divided by `node -e 0` in the same round, so that a machine
// that slows down or speeds up during the run does not tilt the comparison.
const ratios = samples.map((xs) => xs.map((x, r) => x / samples[0][r]));
const targets = { 'coach --help': 1.3, 'coach card latency': 1.4, 'coach card latency (250 guides, warm)': 1.6, 'coach today (a month of history)': 2.2 };
console.log(`coach start-up: ${runs} rounds, each running every command once, interleaved (Node ${process.version})\n`);
console.log(`${'command'.padEnd(45)} ${'median'.padStart(9)} ${'ratio'.padStart(7)} ${'(p25-p75)'.padStart(12)}  target`);
cases.forEach(([name], i) => {
  const m = median(samples[i]);
  const ratio = median(ratios[i]);
  const spread = `${quantile(ratios[i], 0.25).toFixed(2)}-${quantile(ratios[i], 0.75).toFixed(2)}`;
  const target = targets[name];
  const verdict = target ? `≤ ${target}× ${ratio <= target ? 'ok' : 'MISSED'}` : '';
  console.log(`${name.padEnd(45)} ${`${m.toFixed(1)} ms`.padStart(9)} ${`${ratio.toFixed(2)}×`.padStart(7)} ${spread.padStart(12)}  ${verdict}`);
});
const coldMs = median(cold);
console.log(`\ncold index of 250 guides (${(bytes / 1024 / 1024).toFixed(1)} MB), \`coach list guides\` with an empty cache: ${coldMs.toFixed(0)} ms (median of ${COLD_RUNS}, range ${Math.min(...cold).toFixed(0)}-${Math.max(...cold).toFixed(0)}; target ≤ 2000 ms ${coldMs <= 2000 ? 'ok' : 'MISSED'})`);
rmSync(work, { recursive: true, force: true });
