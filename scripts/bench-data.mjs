// Generated data for `npm run bench`: libraries of user guides with distinct content,
// and practice histories of a given length. Deterministic (seeded), so two runs of the
// bench measure the same bytes.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A small seeded generator (mulberry32): the same seed gives the same library. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = 'ka ri mo ven tal dor sip qua lin ber zu fen gor hal nix pra tem sol vur wex'.split(' ');

/** A made-up word, so that each guide brings terms of its own to the search index. */
function word(rand) {
  const n = 2 + Math.floor(rand() * 2);
  let w = '';
  for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return w;
}

/**
 * `count` guides in `dir` (ten topic folders), made from the bundled guides: each keeps
 * its front matter (with an id of its own) and title, a seeded share of its sections,
 * and a fifth of its longer words replaced by made-up ones. Returns the bytes written.
 */
export function makeLibrary(root, dir, count, { seed = 1, bytesPerGuide = 18_300 } = {}) {
  const rand = random(seed);
  const sources = readdirSync(join(root, 'guides'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => readFileSync(join(root, 'guides', f), 'utf8'));
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const src = sources[i % sources.length];
    const end = src.indexOf('\n---\n', 4) + 5;
    const front = src.slice(0, end).replace(/^id: .*$/m, `id: bench-guide-${i}`);
    const [head, ...sections] = src.slice(end).split(/^(?=## )/m);
    const keep = Math.min(1, bytesPerGuide / src.length);
    const body = [head, ...sections.filter(() => rand() < keep)]
      .join('')
      .split('\n')
      .map((line) => (/^(#|\||\s*[-*] \*\*|```)/.test(line) ? line : line.replace(/\b[a-z]{6,}\b(?![:*])/g, (w) => (rand() < 0.2 ? word(rand) : w))))
      .join('\n');
    const text = `${front}${body}`;
    const folder = join(dir, `topic-${i % 10}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `guide-${i}.md`), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}

/**
 * A history of `reviews` drill reviews over the bundled traps, spread over the days
 * before now (20-80 a day), with a mock every third day: what a year of daily use leaves.
 */
export function makeHistory(root, path, reviews, { seed = 2 } = {}) {
  const rand = random(seed);
  const { guides } = JSON.parse(readFileSync(join(root, 'dist/summaries.json'), 'utf8'));
  const traps = guides.flatMap((g) => g.names.traps.map((t) => ({ guide: g.id, item: `${g.id}/${t}` })));
  const perDay = 20 + Math.floor(reviews / 365);
  const days = Math.ceil(reviews / perDay);
  const start = Date.now() - days * 86_400_000;
  const lines = [];
  let n = 0;
  for (let d = 0; d < days && n < reviews; d++) {
    for (let i = 0; i < perDay && n < reviews; i++, n++) {
      const t = traps[Math.floor(rand() * traps.length)];
      const at = new Date(start + d * 86_400_000 + i * 30_000).toISOString();
      const good = rand() < 0.7;
      lines.push({ kind: 'review', id: `r${n}`, at, deck: 'traps', item: t.item, guide: t.guide, rating: good ? 'good' : 'again', correct: good });
    }
    if (d % 3 === 0) {
      const phases = ['clarify', 'high-level', 'deep-dive', 'scale', 'wrap-up'].map((key, j) => ({ key, name: key, plannedMin: 9, usedMin: 9, covered: (d + j) % 5, total: 5 }));
      lines.push({
        kind: 'mock',
        id: `m${d}`,
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
  writeFileSync(path, lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
  return n;
}
