// npm run bench: what coach costs, measured side by side with `node -e 0` in the same
// run (interleaved round by round, so machine load hits every command alike).
//
// Libraries of 235, 1,000 and 2,000 generated user guides (distinct content, 4.3 MB per
// 235) and histories of a month, 10,000 and 30,000 reviews; each command's ratio to
// `node -e 0` is the median over rounds of its time divided by `node -e 0`'s in the same
// round. Then the cold index of 235 and 1,000 guides, in ms and ms per MB.
//
//   BENCH_RUNS=15 (rounds)   BENCH_ONLY=search (run only cases whose name has this)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { makeHistory, makeLibrary } from './bench-data.mjs';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin/coach.cjs');
const runs = Number(process.env.BENCH_RUNS) || 15;
const only = process.env.BENCH_ONLY;
const work = mkdtempSync(join(tmpdir(), 'coach-bench-'));

// ---- data ----------------------------------------------------------------------------

const libraries = {};
for (const n of [235, 1000, 2000]) {
  const dir = join(work, `lib-${n}`);
  libraries[n] = { dir, bytes: makeLibrary(root, dir, n, { seed: n }) };
}
const homes = {};
for (const [name, reviews] of [
  ['month', 600],
  ['10k', 10_000],
  ['30k', 30_000],
]) {
  const home = join(work, `home-${name}`);
  mkdirSync(join(home, 'data'), { recursive: true });
  makeHistory(root, join(home, 'data', 'history.jsonl'), reviews, { seed: reviews });
  homes[name] = home;
}
for (const n of [235, 1000, 2000]) homes[n] = join(work, `home-${n}`);

const baseEnv = { ...process.env, NO_COLOR: '1', COACH_PAGER: 'cat' };
delete baseEnv.COACH_GUIDES;
delete baseEnv.CI;

function time(args, home) {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { env: { ...baseEnv, COACH_HOME: home }, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

// ---- cases ---------------------------------------------------------------------------

const lib = (n) => ['--guides', libraries[n].dir];
// The file that changes before each run of the one-file-change case.
const changing = join(libraries[1000].dir, 'topic-3', 'guide-3.md');
const original = readFileSync(changing, 'utf8');
let edits = 0;
const editOneFile = () => writeFileSync(changing, `${original}\nEdited ${++edits} times.\n`);

/** [name, args, home, target ratio, what to do before the run] */
const cases = [
  ['node -e 0', ['-e', '0'], homes.month],
  ['coach --help', [bin, '--help'], homes.month, 1.3],
  ['coach card latency', [bin, 'card', 'latency'], homes.month, 1.4],
  ['coach list traps', [bin, 'list', 'traps'], homes.month],
  ['coach search feature store', [bin, 'search', 'feature', 'store'], homes.month, 1.5],
  ['coach mock --scenario fintech (study sheet)', [bin, 'mock', '--scenario', 'fintech'], homes.month, 1.4],
  ['coach today (a month of history)', [bin, 'today'], homes.month, 2.2],
  ['coach __complete (Tab after coach card lat)', [bin, '__complete', 'bash', '--', 'card', 'lat'], homes.month],
  ['235 guides: card latency', [bin, ...lib(235), 'card', 'latency'], homes[235], 1.4],
  ['235 guides: list guides', [bin, ...lib(235), 'list', 'guides'], homes[235], 1.4],
  ['235 guides: search feature store', [bin, ...lib(235), 'search', 'feature', 'store'], homes[235], 2.5],
  ['235 guides: guide bench-guide-7', [bin, ...lib(235), 'guide', 'bench-guide-7'], homes[235], 1.6],
  ['235 guides: trap random --reveal', [bin, ...lib(235), 'trap', 'random', '--reveal'], homes[235], 1.6],
  ['1,000 guides: card latency', [bin, ...lib(1000), 'card', 'latency'], homes[1000]],
  ['1,000 guides: card latency, one file changed', [bin, ...lib(1000), 'card', 'latency'], homes[1000], undefined, editOneFile],
  ['2,000 guides: card latency', [bin, ...lib(2000), 'card', 'latency'], homes[2000], 1.6],
  ['2,000 guides: list guides', [bin, ...lib(2000), 'list', 'guides'], homes[2000], 1.6],
  ['2,000 guides: search feature store', [bin, ...lib(2000), 'search', 'feature', 'store'], homes[2000], 4],
  // The floor: walking the folders and stating every file, which any run must do to see an edit.
  ['2,000 guides: walk and stat only (no coach)', [join(root, 'scripts/bench-floor.cjs'), libraries[2000].dir], homes[2000]],
  ['10,000 reviews: stats', [bin, 'stats'], homes['10k'], 1.8],
  ['10,000 reviews: trap random --reveal', [bin, 'trap', 'random', '--reveal'], homes['10k'], 1.8],
  ['30,000 reviews: stats', [bin, 'stats'], homes['30k']],
  ['30,000 reviews: trap random --reveal', [bin, 'trap', 'random', '--reveal'], homes['30k']],
].filter(([name], i) => i === 0 || !only || name.includes(only));

// ---- cold index ----------------------------------------------------------------------

function cold(n, times) {
  const out = [];
  for (let i = 0; i < times; i++) {
    const home = join(work, `cold-${n}`);
    rmSync(home, { recursive: true, force: true });
    out.push(time([bin, ...lib(n), 'list', 'guides'], home));
  }
  return out;
}
const colds =
  only && !'cold index'.includes(only)
    ? []
    : [
        [235, cold(235, 5)],
        [1000, cold(1000, 3)],
      ];

// ---- measured runs -------------------------------------------------------------------

// Warm-up: every cache built, then interleaved rounds.
for (const [, args, home, , before] of cases) {
  before?.();
  time(args, home);
}
const samples = cases.map(() => []);
for (let r = 0; r < runs; r++) {
  cases.forEach(([, args, home, , before], i) => {
    before?.();
    samples[i].push(time(args, home));
  });
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const median = (xs) => quantile(xs, 0.5);
const ratios = samples.map((xs) => xs.map((x, r) => x / samples[0][r]));
const ratioOf = (name) => {
  const i = cases.findIndex(([n]) => n === name);
  return i < 0 ? undefined : median(ratios[i]);
};

console.log(`coach bench: ${runs} rounds, each running every command once, interleaved (Node ${process.version})`);
console.log(`libraries: ${[235, 1000, 2000].map((n) => `${n} guides ${(libraries[n].bytes / 1024 / 1024).toFixed(1)} MB`).join(', ')}\n`);
console.log(`${'command'.padEnd(48)} ${'median'.padStart(10)} ${'ratio'.padStart(7)} ${'(p25-p75)'.padStart(11)}  target`);
cases.forEach(([name, , , target], i) => {
  const m = median(samples[i]);
  const ratio = median(ratios[i]);
  const spread = `${quantile(ratios[i], 0.25).toFixed(2)}-${quantile(ratios[i], 0.75).toFixed(2)}`;
  const verdict = target ? `≤ ${target}× ${ratio <= target ? 'ok' : 'MISSED'}` : '';
  console.log(`${name.padEnd(48)} ${`${m.toFixed(1)} ms`.padStart(10)} ${`${ratio.toFixed(2)}×`.padStart(7)} ${spread.padStart(11)}  ${verdict}`);
});

// Relations between cases: the changed file against a warm run, 30,000 against 10,000.
const relations = [
  ['one file of 1,000 changed vs a warm run', '1,000 guides: card latency, one file changed', '1,000 guides: card latency', 1.5],
  ['stats: 30,000 reviews vs 10,000 (flat)', '30,000 reviews: stats', '10,000 reviews: stats', 1.1],
  ['trap random: 30,000 reviews vs 10,000 (flat)', '30,000 reviews: trap random --reveal', '10,000 reviews: trap random --reveal', 1.1],
];
const rel = relations.filter(([, a, b]) => ratioOf(a) !== undefined && ratioOf(b) !== undefined);
if (rel.length > 0) console.log('');
for (const [label, a, b, target] of rel) {
  const x = ratioOf(a) / ratioOf(b);
  console.log(`${label.padEnd(48)} ${`${x.toFixed(2)}×`.padStart(18)} ${''.padStart(11)}  ≤ ${target}× ${x <= target ? 'ok' : 'MISSED'}`);
}

if (colds.length > 0) console.log('');
for (const [n, xs] of colds) {
  const mb = libraries[n].bytes / 1024 / 1024;
  const m = median(xs);
  const target = n === 235 ? ` target ≤ 1000 ms ${m <= 1000 ? 'ok' : 'MISSED'}` : '';
  console.log(
    `cold index, ${n} guides (${mb.toFixed(1)} MB), empty cache: ${m.toFixed(0)} ms, ${(m / mb).toFixed(0)} ms per MB (median of ${xs.length}, range ${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)});${target}`,
  );
}
rmSync(work, { recursive: true, force: true });
