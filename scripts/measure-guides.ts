// How completely coach reads a folder of guides from the wild (issue 10): for each
// part, how many guides have it (by a look at the raw headings) and how many of those
// coach read; traps with strong answers and key points; phases with key points; a
// mock's score for "I do not know" in every phase. A development tool, not shipped:
// `npm run measure -- DIR [--list PART]`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseGuideBytes } from '../src/guides/files.js';
import type { Guide } from '../src/guides/model.js';
import { buildPlan } from '../src/mock/build-plan.js';
import { sessionFromAnswers, parseAnswers } from '../src/mock/answers.js';
import { reviewSession } from '../src/mock/review.js';

const [dir, ...rest] = process.argv.slice(2);
if (!dir) {
  console.error('usage: npm run measure -- DIR [--list PART]');
  process.exit(2);
}
const listPart = rest[0] === '--list' ? rest[1] : undefined;

function files(root: string): string[] {
  return readdirSync(root).flatMap((name) => {
    const p = join(root, name);
    return statSync(p).isDirectory() ? files(p) : /\.(md|markdown)$/i.test(name) ? [p] : [];
  });
}

const HAS: Record<string, RegExp> = {
  traps: /^#{1,6}.*\btrap/im,
  pacing: /^#{1,6}.*(pacing|time (allocation|management|budget)|\d+[- ]min(ute)?s?\b|timeline)/im,
  tradeoffs: /^#{1,6}.*trade-?offs?/im,
  cards: /^#{1,6}.*(quick[- ]?reference|cheat[- ]?sheet)/im,
};

interface Row {
  file: string;
  guide?: Guide;
  has: Record<string, boolean>;
  dontKnow?: number;
}

const rows: Row[] = [];
for (const file of files(dir)) {
  const bytes = readFileSync(file);
  const text = bytes.toString('utf8');
  const has = Object.fromEntries(Object.entries(HAS).map(([k, re]) => [k, re.test(text)]));
  const parsed = parseGuideBytes(bytes, file);
  const row: Row = { file, has };
  if (parsed.kind === 'guide') {
    row.guide = parsed.guide;
    const plan = buildPlan({ guide: parsed.guide });
    const answers = plan.phases.map((p) => `## ${p.name}\n\nI do not know.\n`).join('\n');
    row.dontKnow = reviewSession(sessionFromAnswers(plan, parseAnswers(answers, plan)), { timed: false }).score;
  }
  rows.push(row);
}

const pct = (n: number, d: number): string => (d === 0 ? '-' : `${((100 * n) / d).toFixed(0)}% (${n}/${d})`);
const guides = rows.filter((r) => r.guide);
const out: string[] = [`${rows.length} files, ${guides.length} parsed`];
const part = (name: string, found: (g: Guide) => boolean): void => {
  const with_ = guides.filter((r) => r.has[name]);
  out.push(
    `${name.padEnd(10)} found in ${pct(with_.filter((r) => found(r.guide!)).length, with_.length)} of the guides that have such a heading; in ${pct(guides.filter((r) => !r.has[name] && found(r.guide!)).length, guides.filter((r) => !r.has[name]).length)} of those that do not`,
  );
};
part('traps', (g) => g.traps.length > 0);
part('pacing', (g) => g.pacing.length > 0);
part('tradeoffs', (g) => g.tradeoffs.length > 0);
part('cards', (g) => g.cards.length > 0);

const traps = guides.flatMap((r) => r.guide!.traps);
const dirty = traps.filter((t) => /^(question|q\d|trap|\d+(\.\d+)*)\b|^["“'‘]|["”'’]$/i.test(t.question) || /^(question|trap)-\d+$/.test(t.id));
out.push(
  `traps      ${traps.length}; with a strong answer ${pct(traps.filter((t) => t.strong).length, traps.length)}; with key points, of those ${pct(traps.filter((t) => t.strong && t.keyPoints.length > 0).length, traps.filter((t) => t.strong).length)}; question text not clean ${dirty.length}`,
);
const tradeoffs = guides.flatMap((r) => r.guide!.tradeoffs);
out.push(`tradeoffs  ${tradeoffs.length}; options read as Pros/Cons ${tradeoffs.filter((t) => t.options.some((o) => /^(pros?|cons?|advantages?|disadvantages?)$/i.test(o.trim()))).length}`);
const phases = guides.flatMap((r) => buildPlan({ guide: r.guide! }).phases);
out.push(
  `phases     ${phases.length} in mocks; with key points ${pct(phases.filter((p) => p.keyPoints.length > 0).length, phases.length)}; guides with an own plan ${pct(guides.filter((r) => r.guide!.pacing.length > 0).length, guides.length)}`,
);
const dk = guides.map((r) => r.dontKnow ?? 0);
out.push(`"I do not know" in every phase: max ${Math.max(...dk)}, guides over 10: ${dk.filter((d) => d > 10).length}`);
console.log(out.join('\n'));

if (listPart) {
  const miss = guides.filter(
    (r) =>
      r.has[listPart] &&
      !(listPart === 'traps' ? r.guide!.traps.length : listPart === 'pacing' ? r.guide!.pacing.length : listPart === 'tradeoffs' ? r.guide!.tradeoffs.length : r.guide!.cards.length),
  );
  console.log(`\n${listPart} missed in:\n${miss.map((r) => r.file).join('\n')}`);
}
