// Run at build time (scripts/build.mjs): parses the bundled guides once and writes
// dist/guides.json, so that a run of coach reads JSON instead of markdown.
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import { loadGuideFile } from './files.js';
import { guideFiles } from './walk.js';
import type { Guide, Problem, Scenario } from './model.js';
import { bundledFile, summarize, type GuideSummary } from './library.js';
import { deckIds } from '../practice/decks.js';
import { searchItems } from './search-index.js';
import { buildIndex, partOf } from './search-store.js';
import type { BundledParts } from './search-cache.js';

export interface BundledIndex {
  version: 1;
  guides: Guide[];
  scenarios: Scenario[];
}

/** dist/summaries.json: what `coach card` and `coach list guides|cards` read. */
export interface BundledSummaries {
  version: 1;
  guides: GuideSummary[];
  scenarios: Scenario[];
}

export async function writeBundledIndex(guidesDir: URL, out: URL): Promise<string> {
  const root = fileURLToPath(guidesDir);
  const { files, problems } = await guideFiles(root);
  const index: BundledIndex = { version: 1, guides: [], scenarios: [] };
  const all: Problem[] = [...problems];
  for (const file of files) {
    const parsed = await loadGuideFile(file, true);
    // Paths in the index are relative to the package, so the index is the same on every machine.
    const path = relative(fileURLToPath(new URL('..', guidesDir)), file);
    all.push(...parsed.problems.map((p) => ({ ...p, path })));
    if (parsed.kind === 'guide') index.guides.push({ ...parsed.guide, path });
    else if (parsed.kind === 'scenario') index.scenarios.push({ ...parsed.scenario, path });
  }
  const errors = all.filter((p) => p.severity === 'error');
  for (const p of all) console.error(`${p.path}${p.line ? `:${p.line}` : ''}: ${p.severity}: ${p.message}`);
  if (errors.length > 0) throw new Error(`${errors.length} bundled guide file(s) failed to load`);
  await writeFile(out, JSON.stringify(index));
  // Each guide alone too, for the commands that show one (`coach guide X`, a trap, the
  // study sheet): reading one guide's file instead of every guide's.
  await mkdir(new URL('bundled/', out), { recursive: true });
  for (const g of index.guides) {
    const name = bundledFile(g.id);
    if (name) await writeFile(new URL(`bundled/${name}`, out), JSON.stringify(g));
  }
  const summaries: BundledSummaries = { version: 1, guides: index.guides.map((g) => summarize(g, deckIds)), scenarios: index.scenarios };
  await writeFile(new URL('summaries.json', out), JSON.stringify(summaries));
  // The search index of the bundled guides, and each guide's part of it for a library
  // that adds the user's guides (search-cache.ts).
  const parts: BundledParts = { version: 1, guides: index.guides.map((g) => ({ id: g.id, part: partOf(searchItems([g], [])) })) };
  await writeFile(new URL('search-parts.json', out), JSON.stringify(parts));
  await writeFile(new URL('search.idx', out), buildIndex([...parts.guides.map((g) => g.part), partOf(searchItems([], index.scenarios))], 'bundled'));
  return `${index.guides.length} guides, ${index.scenarios.length} scenarios indexed`;
}
