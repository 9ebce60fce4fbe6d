// The layouts of guides from the wild, as a table: every layout a recognizer says it
// reads has a small fixture (tests/fixtures/layouts/<part>/<layout>.md, written for the
// tests) and the part it must yield (<layout>.expect.json, matched as a subset).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGuideText } from '../src/guides/parse.js';
import { RECOGNIZERS } from '../src/guides/recognizers/index.js';

const DIR = join(import.meta.dirname, 'fixtures/layouts');

const cases = RECOGNIZERS.flatMap((r) => r.layouts.map((l) => ({ part: r.part, yields: r.yields, layout: l.name })));

describe.each(cases)('$part: $layout', ({ part, yields, layout }) => {
  it('yields the part it must', () => {
    const file = join(DIR, part, `${layout}.md`);
    expect(existsSync(file), `fixture ${file}`).toBe(true);
    const parsed = parseGuideText(readFileSync(file, 'utf8'), { path: `/guides/${part}/${layout}.md` });
    if (parsed.kind !== 'guide') throw new Error(`${file}: ${JSON.stringify(parsed.problems)}`);
    const expected: unknown = JSON.parse(readFileSync(join(DIR, part, `${layout}.expect.json`), 'utf8'));
    const got = parsed.guide[yields];
    if (Array.isArray(expected)) expect(got).toHaveLength(expected.length);
    expect(got).toMatchObject(expected as object);
  });
});

it('every fixture belongs to a layout a recognizer names', () => {
  const named = new Set(cases.map((c) => `${c.part}/${c.layout}`));
  const parts = new Set(cases.map((c) => c.part));
  const orphans = readdirSync(DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && parts.has(d.name))
    .flatMap((d) =>
      readdirSync(join(DIR, d.name))
        .filter((f) => f.endsWith('.md'))
        .map((f) => `${d.name}/${f.replace(/\.md$/, '')}`),
    )
    .filter((f) => !named.has(f));
  expect(orphans).toEqual([]);
});

it('docs/guide-format.md lists every layout', () => {
  const doc = readFileSync(join(import.meta.dirname, '../docs/guide-format.md'), 'utf8');
  const missing = cases.filter((c) => !doc.includes(`**${c.layout}**`)).map((c) => `${c.part}/${c.layout}`);
  expect(missing).toEqual([]);
});
