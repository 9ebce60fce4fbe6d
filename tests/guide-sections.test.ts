// What the guides hold and `coach guide --section` shows (issue 11): scenarios with
// no empty entries, a section with the sections under it, a table drawn as a table,
// a question of the bank with its answer, references whole; and --json gives the
// part asked for, not the whole guide.
import { describe, expect, it } from 'vitest';
import { testIo } from './helpers/io.js';
import { guide, renderGuide } from '../src/commands/guide.js';
import { search, renderSearch } from '../src/commands/search.js';
import { run, type Runtime } from '../src/cli.js';
import { NotFoundError } from '../src/errors.js';

async function show(id: string, section: string, columns = 80): Promise<string> {
  const io = testIo({ columns });
  return renderGuide(await guide({ id, section }, io), io);
}

describe('coach guide --section', () => {
  it('shows each scenario of oss-ml-platform once, with its question and branches', async () => {
    const text = await show('oss-ml-platform', 'scenarios');
    expect(text).not.toMatch(/Ask: *\n/);
    const titles = text.split('\n').filter((l) => l && !l.startsWith(' '));
    expect(titles).toEqual(['Design an ML platform for a fintech company', 'Design an ML platform for e-commerce recommendations', 'Design an ML platform for a healthcare company']);
    expect(text).toContain('  Ask: Will it run fraud detection, credit scoring, or general-purpose ML?');
    expect(text).toContain('   → Fraud detection: scoring happens in real time and low latency is critical');
  });

  it('shows a section with the items under its sub-headings (the study checklist)', async () => {
    const text = await show('mlops-question-bank', 'checklist');
    expect(text).toMatch(/^Study Checklist\n\n {2}Before the interview/);
    for (const group of ['System Design', 'Implementation Details', 'Production Operations', 'Business Impact', 'War Stories']) expect(text).toContain(`\n${group}\n`);
    expect(text.match(/\[ \] /g)).toHaveLength(25);
    expect(text).toContain('  [ ] Three or more production incidents, told in detail');
  });

  // The hints under the overview are commands to paste: with the run's --guides folder,
  // or a guide of that folder is "not found" wherever they are pasted.
  it("says how to open the rest of a user's guide with its --guides folder", async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'coach-also-'));
    writeFileSync(join(dir, 'mine.md'), '# Ledger Prep\n\n## Questions\n\n**Q: Why append-only?**\nA: Auditors need the history.\n\n## Quick Reference\n\n| a | b |\n|---|---|\n| 1 | 2 |\n');
    const io = testIo({ columns: 200 });
    const text = renderGuide(await guide({ id: 'mine', guides: [dir] }, io), io);
    expect(text).toContain(`Also: 1 trap (coach --guides ${dir} guide mine --section traps); 1 card (coach --guides ${dir} card <name>)`);
    const bundled = renderGuide(await guide({ id: 'bighead' }, io), io);
    expect(bundled).toContain('(coach guide bighead --section traps)');
  });

  it('draws a table in a plain section as a table, not as raw pipes', async () => {
    const text = await show('bighead', 'Where to Spend Most Time');
    expect(text).not.toContain(' | ');
    expect(text).toMatch(/│ When the interviewer\s+│ Go deep on\.\.\.\s+│/);
    expect(text).toMatch(/│ Data consistency\s+│ Point-in-time joins, the Zipline DSL/);
  });

  it('opens a question of the bank with its answer', async () => {
    const text = await show('mlops-question-bank', 'Q4');
    expect(text).toMatch(/^Q4: Design a system for 1M RPS with 10 ms latency requirement\nL5-L6 · System Design · mlops-question-bank\n\n/);
    expect(text).toContain('Edge caching (2-3ms)');
    expect(await show('mlops-question-bank', 'q4')).toBe(text);
  });

  it('points the search hit of a bank question at the question itself', async () => {
    const io = testIo({ columns: 120 });
    const result = await search({ words: ['staging', 'production', 'environments'], kind: 'question' }, io);
    const hit = result.hits.find((h) => h.title.startsWith('Q3:'))!;
    expect(hit.open).toBe('coach guide mlops-question-bank --section Q3');
    const opened = testIo();
    const argv = hit.open.split(' ').slice(1);
    const rt: Runtime = { io: async () => opened, out: () => undefined, err: () => undefined, version: '0', debug: false };
    expect(await run(argv, rt)).toBe(0);
    expect(opened.out()).toMatch(/^Q3: What's the difference between staging and production environments\?/);
    expect(renderSearch(result, io)).toContain('coach guide mlops-question-bank --section Q3');
  });

  it('keeps reference titles with a colon whole, and shows ` -- ` as a dash', async () => {
    const text = await show('michelangelo', 'related', 200);
    expect(text).toContain("• Meet Michelangelo: Uber's ML Platform (Uber Engineering blog) — overview of the platform https://www.uber.com/blog/michelangelo-machine-learning-platform/");
    expect(text).toContain('• Gallery: Model Management - EDBT Paper (2020) — the model registry');
    expect(text).not.toContain(' -- ');
  });

  it('says which sections and questions there are when a section is not found', async () => {
    const err = await guide({ id: 'mlops-question-bank', section: 'nonexistent' }, testIo()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as NotFoundError).hint).toMatch(/questions: Q1 to Q28$/);
  });
});

describe('coach guide --json', () => {
  it('gives the section asked for, not the whole guide', async () => {
    const io = testIo();
    const result = await guide({ id: 'bighead', section: 'pacing' }, io);
    const json = JSON.stringify(result);
    expect(json.length).toBeLessThan(8000);
    expect(result).toMatchObject({ kind: 'part', part: 'pacing', guide: { id: 'bighead', title: 'Airbnb BigHead' } });
    expect(Object.keys(result).sort()).toEqual(['guide', 'items', 'kind', 'part']);
    if (result.kind !== 'part' || result.part !== 'pacing') throw new Error('expected the pacing');
    expect(result.items.map((p) => p.name)).toEqual(['Clarify', 'High-Level', 'Deep Dive', 'Scale & Trade-offs', 'Wrap Up']);
  });

  it('gives a plain section with its sub-sections', async () => {
    const result = await guide({ id: 'mlops-question-bank', section: 'Study Checklist' }, testIo());
    if (result.kind !== 'section') throw new Error('expected a section');
    expect(result.section.heading).toBe('Study Checklist');
    expect(result.subsections.map((s) => s.heading)).toEqual(['System Design', 'Implementation Details', 'Production Operations', 'Business Impact', 'War Stories']);
  });
});

describe('coach guide: what is left out and what is refused', () => {
  it('leaves out a column no row fills (questions without a reason)', async () => {
    const text = await show('bighead', 'questions');
    expect(text).toContain('│ question');
    expect(text).not.toContain('why it');
  });

  it('refuses an empty --section name instead of showing the whole guide', async () => {
    const io = testIo();
    await expect(guide({ id: 'bighead', section: '  ' }, io)).rejects.toThrow(/--section needs a name/);
  });
});

describe('coach guide: the overview says things once, and says where they come from', () => {
  it('names a guide whose system starts with its title once', async () => {
    const io = testIo();
    const text = renderGuide(await guide({ id: 'bighead' }, io), io);
    expect(text.split('\n')[0]).toBe('Airbnb BigHead (Zipline, Deep Thought, ML Automator, Redspot)');
  });

  it("says when the pacing is coach's standard plan, not the guide's", async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'coach-standard-'));
    writeFileSync(join(dir, 'g.md'), '---\nid: no-plan\ntitle: No plan\n---\n# No plan\n\n## Quick Reference Cards\n\n### A card\n\n- one line\n');
    const io = testIo();
    const mine = await guide({ guides: [dir], id: 'no-plan' }, io);
    expect(mine.kind === 'overview' && mine.ownPacing).toBe(false);
    expect(renderGuide(mine, io)).toContain("The guide has no pacing of its own: this is coach's standard plan.");
    const bundled = await guide({ id: 'bighead' }, io);
    expect(bundled.kind === 'overview' && bundled.ownPacing).toBe(true);
    expect(renderGuide(bundled, io)).not.toContain('standard plan');
  });
});
