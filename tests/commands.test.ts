// Every reading command, run as a function on a plain Io: what the user sees and
// what --json gives.
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_INDEX, testIo } from './helpers/io.js';
import { loadLibrary } from '../src/guides/library.js';
import { searchItems, type SearchItem } from '../src/guides/search-index.js';
import { searchText } from './helpers/minisearch.js';
import { card, renderCard } from '../src/commands/card.js';
import { list, renderList } from '../src/commands/list.js';
import { tradeoff, renderTradeoff } from '../src/commands/tradeoff.js';
import { guide, renderGuide } from '../src/commands/guide.js';
import { segmentWidths } from '../src/render/timeline.js';
import { search, renderSearch } from '../src/commands/search.js';
import { validate, renderValidate } from '../src/commands/validate.js';
import { NotFoundError, UsageError } from '../src/errors.js';
import { width } from '../src/render/layout.js';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'coach-guides-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const WIDE_CARD = `---
id: wide
title: Wide characters
---
# Wide

## Quick Reference Cards

### 延迟预算 Latency

| 组件 Component | Budget | Notes |
|---|---|---|
| 特征查询 feature lookup with a rather long description that must wrap | 50 ms | Café résumé naïve, combining: e\u0301 a\u0300 |
| 模型推理 model inference | 100 ms | 🚀 fast path with an emoji and more words to wrap around |
`;

describe('coach card', () => {
  it('draws the latency budget with every component and the 200 ms total', async () => {
    const io = testIo();
    const text = renderCard(await card({ query: 'latency' }, io), io);
    for (const row of ['Network', 'Istio', 'Feature lookup', 'Model inference', 'Post-processing', 'Buffer', 'Total']) expect(text).toContain(row);
    expect(text).toMatch(/Total\s+│ 200 ms │ 73-128 ms/);
    expect(text).toContain('200 ms P99');
  });

  it.each(['latency', 'slo', 'scaling', 'stack'])('finds a card for "%s"', async (q) => {
    const result = await card({ query: q }, testIo());
    expect(result.kind).toBe('card');
    if (result.kind === 'card') expect(result.card.id).toContain(q === 'latency' ? 'latency' : q);
  });

  it('says which card matches nothing, with the closest names', async () => {
    const err = await card({ query: 'kubernetes-operators-xyz' }, testIo()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as Error).message).toBe("no card matches 'kubernetes-operators-xyz'");
  });

  it('lists the cards when no name is given', async () => {
    const io = testIo();
    const text = renderCard(await card({}, io), io);
    expect(text).toContain('latency-budget');
    expect(text).toContain('michelangelo-cheat-sheet');
  });

  it.each([60, 80, 123, 200])('fits every card in %i columns, every line the same width, nothing cut', async (columns) => {
    const dir = folder({ 'wide.md': WIDE_CARD });
    const io = testIo({ columns });
    const cards = await card({ guides: [dir] }, io);
    if (cards.kind !== 'list') throw new Error('expected a list');
    for (const c of cards.cards) {
      const text = renderCard(await card({ guides: [dir], query: c.id }, io), io);
      const lines = text.split('\n');
      const w = width(lines[0]!);
      expect(w).toBeLessThanOrEqual(columns);
      for (const l of lines) expect(width(l), `${c.id} at ${columns}: ${l}`).toBe(w);
    }
    const wide = renderCard(await card({ guides: [dir], query: 'wide' }, io), io);
    const words = wide
      .replace(/[│─┼┌┐└┘├┤]/g, ' ')
      .split(/\s+/)
      .join(' ');
    // Wrapping composes "e" + U+0301 into "é" (NFC): the same text, drawn the same.
    for (const word of ['特征查询', 'description', 'résumé', 'e\u0301', '🚀', 'around']) expect(words.normalize('NFC')).toContain(word.normalize('NFC'));
  });

  it('prints the same data with --json as it draws', async () => {
    const result = await card({ query: 'slo' }, testIo());
    expect(result).toMatchObject({ kind: 'card', guide: 'oss-ml-platform', card: { id: 'slo-targets' } });
  });
});

describe('coach list', () => {
  it.each([
    ['guides', 5, 'oss-ml-platform'],
    ['traps', 20, 'why-not-just-use-kubeflow'],
    ['tradeoffs', 18, 'kserve-vs-seldon-core'],
    ['cards', 7, 'latency-budget'],
    ['questions', 28, 'Q28'],
  ])('lists %s as a table', async (kind, count, example) => {
    const io = testIo({ columns: 120 });
    const result = await list({ kind }, io);
    expect(result.items).toHaveLength(count);
    const text = renderList(result, io);
    expect(text).toContain(example);
    expect(text).toContain(`${count} ${kind}`);
  });

  it('lists scenarios with the guide each draws on', async () => {
    const result = await list({ kind: 'scenarios' }, testIo());
    expect(result.items).toContainEqual({ id: 'fintech', title: 'ML platform for a fintech company', prompt: 'Design an ML platform for a fintech company.', guide: 'oss-ml-platform' });
  });

  it('refuses an unknown kind with the choices', async () => {
    await expect(list({ kind: 'pizzas' }, testIo())).rejects.toThrow(UsageError);
  });

  it('shows a user guide next to the bundled ones, with its path', async () => {
    const dir = folder({ 'mine/feature-store.md': '# Feature Store Notes\n\n## Trap Questions\n\n### Trap 1: "Why?"\n\n**Good Answer:** Because.\n' });
    const io = testIo({ columns: 160 });
    const text = renderList(await list({ kind: 'guides', guides: [dir] }, io), io);
    expect(text).toMatch(/feature-store\s+│ Feature Store Notes\s+│ 1 /);
    expect(text).toContain(join(dir, 'mine/feature-store.md'));
  });
});

describe('coach tradeoff', () => {
  it('draws options as columns and aspects as rows, then the recommendation and the interview response', async () => {
    const io = testIo({ columns: 100 });
    const text = renderTradeoff(await tradeoff({ query: 'kubeflow' }, io), io);
    expect(text).toMatch(/│\s+│ Kubeflow\s+│ Custom OSS/);
    expect(text).toMatch(/Flexibility/);
    expect(text).toContain('Recommendation');
    expect(text).toContain('In the interview');
  });

  it('lists the trade-offs when no name is given', async () => {
    const result = await tradeoff({}, testIo());
    expect(result.kind === 'list' && result.tradeoffs.length).toBe(18);
  });
});

// A user's guide whose trade-off and card have the ids of bundled ones
// (michelangelo's "consistency-model", oss-ml-platform's "latency-budget").
const SAME_NAMES = `---
id: crdt
title: Multi-Region Active-Active
cards:
  latency-budget: [latency]
---

# Multi-Region Active-Active

## Trade-offs Discussion Framework

### Trade-off 2: Consistency Model

| Decision | Eventual | Causal+ | Strong |
|----------|----------|---------|--------|
| **Latency** | Lowest | Medium | Highest |
| **Implementation** | CRDT/LWW | Vector clocks | Distributed locks |

**Recommendation:** "Default to eventual with read-your-writes guarantee via session tokens."

## Quick Reference Cards

### Latency Budget

| Hop | Budget |
|-----|--------|
| Edge | 5 ms |
| Replica read | 20 ms |
`;

describe('a name that two guides give to different items', () => {
  const guides = [folder({ 'crdt.md': SAME_NAMES })];

  it('opens neither: it says both, each as guide/id, and each of those opens its own', async () => {
    const io = testIo();
    const err = await tradeoff({ query: 'consistency-model', guides }, io).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).message).toBe("'consistency-model' is the name of a trade-off in 2 guides");
    expect((err as UsageError).hint).toMatch(/coach tradeoff michelangelo\/consistency-model/);
    expect((err as UsageError).hint).toMatch(/coach tradeoff crdt\/consistency-model/);
    expect(await tradeoff({ query: 'crdt/consistency-model', guides }, io)).toMatchObject({ kind: 'tradeoff', guide: 'crdt', tradeoff: { options: ['Eventual', 'Causal+', 'Strong'] } });
    expect(await tradeoff({ query: 'michelangelo/consistency-model', guides }, io)).toMatchObject({ kind: 'tradeoff', guide: 'michelangelo' });
    // The start of that name opens the first, and says which and where the other is.
    const start = testIo();
    expect(await tradeoff({ query: 'consistency', guides }, start)).toMatchObject({ guide: 'michelangelo' });
    expect(start.err()).toContain("coach: matched 'consistency' → Consistency Model: Strong vs Eventual (michelangelo); also in another guide: coach tradeoff crdt/consistency-model");
    // A name only one guide has is still enough.
    expect(await tradeoff({ query: 'kubeflow', guides }, io)).toMatchObject({ kind: 'tradeoff', guide: 'oss-ml-platform' });
  });

  it('is the same for cards', async () => {
    const io = testIo();
    const err = await card({ query: 'latency-budget', guides }, io).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).hint).toMatch(/coach card oss-ml-platform\/latency-budget, coach card crdt\/latency-budget|coach card crdt\/latency-budget, coach card oss-ml-platform\/latency-budget/);
    expect(await card({ query: 'crdt/latency-budget', guides }, io)).toMatchObject({ kind: 'card', guide: 'crdt' });
    expect(await card({ query: 'oss-ml-platform/latency-budget', guides }, io)).toMatchObject({ kind: 'card', guide: 'oss-ml-platform' });
    // "coach card latency", the start of the name: the first, said on stderr with the other.
    const start = testIo();
    expect(await card({ query: 'latency', guides }, start)).toMatchObject({ kind: 'card', guide: 'oss-ml-platform' });
    expect(start.err()).toContain('also in another guide: coach card crdt/latency-budget');
  });

  it('search gives the command that opens the very hit', async () => {
    const io = testIo();
    const result = await search({ words: ['vector', 'clocks'], guides }, io);
    const hit = result.hits.find((h) => h.kind === 'trade-off')!;
    expect(hit).toMatchObject({ guide: 'crdt', open: expect.stringMatching(/ tradeoff crdt\/consistency-model$/) });
    expect(await tradeoff({ query: hit.open.split(' ').pop()!, guides }, io)).toMatchObject({ guide: 'crdt' });
  });
});

describe('coach guide', () => {
  it('shows the overview: pacing timeline, questions to ask, mistakes, key numbers', async () => {
    const io = testIo({ columns: 100 });
    const text = renderGuide(await guide({ id: 'oss-ml-platform' }, io), io);
    expect(text).toContain('Pacing (45 min)');
    expect(text).toMatch(/0-5 min\s+Clarify/);
    // A name too long for its segment of the bar shows its first word, never a cut word.
    const result = await guide({ id: 'bighead' }, testIo({ columns: 88 }));
    const bar = renderGuide(result, testIo({ columns: 88 }))
      .split('\n')
      .find((l) => l.startsWith('  |'))!;
    expect(bar).toMatch(/^ {2}\| Clarify *\| High-Level *\| Deep Dive *\| Scale *\| Wrap Up *\|$/);
    for (const room of [56, 76, 196]) {
      const plan = result.kind === 'overview' ? result.pacing : [];
      const widths = segmentWidths(plan, room);
      expect(widths.reduce((a, b) => a + b, 0)).toBe(room);
      expect(widths[0]).toBeGreaterThanOrEqual('Clarify'.length + 2); // room for the name, taken from the widest
      expect(widths[2]).toBeGreaterThan(widths[1]!); // Deep Dive (15 min) stays wider than High-Level (10 min)
    }
    expect(text).toMatch(/40-45 min\s+Wrap Up/);
    expect(text).toContain('Questions to ask');
    expect(text).toContain('Common mistakes');
    expect(text).toContain('Key numbers');
  });

  it('shows one part with --section', async () => {
    const io = testIo({ columns: 100 });
    const traps = renderGuide(await guide({ id: 'michelangelo', section: 'traps' }, io), io);
    expect(traps).toContain('What if Cassandra goes down?');
    const discussion = renderGuide(await guide({ id: 'bighead', section: 'discussion' }, io), io);
    expect(discussion).toMatch(/Infra\/SRE/);
  });

  it('says a part is empty rather than drawing a table header over nothing', async () => {
    const io = testIo({ columns: 100 });
    const dir = mkdtempSync(join(tmpdir(), 'coach-guide-empty-'));
    writeFileSync(join(dir, 'chat.md'), '# Chat\n\n## Trade-offs\n\n| Decision | Option A | Option B |\n|---|---|---|\n| Storage | Keep | Delete |\n');
    const text = renderGuide(await guide({ id: 'chat', guides: [dir], section: 'numbers' }, io), io);
    expect(text).toBe('No key numbers.');
  });

  it('falls back to the standard 45-minute plan for a guide without pacing', async () => {
    const result = await guide({ id: 'mlops-question-bank' }, testIo());
    expect(result.kind === 'overview' && result.pacing.map((p) => p.name)).toEqual(['Clarify', 'High-Level', 'Deep Dive', 'Scale & Trade-offs', 'Wrap Up']);
  });

  it('names the parts when a section does not exist', async () => {
    await expect(guide({ id: 'bighead', section: 'nonexistent' }, testIo())).rejects.toThrow(/has no section 'nonexistent'/);
  });
});

describe('coach search', () => {
  it('ranks hits across kinds and names the command that opens each', async () => {
    const io = testIo({ columns: 100 });
    const result = await search({ words: ['point-in-time'] }, io);
    const kinds = new Set(result.hits.map((h) => h.kind));
    expect(kinds.size).toBeGreaterThan(1);
    expect(result.hits.some((h) => h.kind === 'trap' && h.open.startsWith('coach trap '))).toBe(true);
    const text = renderSearch(result, io);
    expect(text).toMatch(/\[trap\]/);
  });

  // The ranking itself, on the items the command searches (their text is not printed).
  const rank = async (query: string, limit: number): Promise<ReturnType<typeof searchText<SearchItem>>> => {
    const lib = await loadLibrary({ bundledIndex: BUNDLED_INDEX, dirs: [] });
    return searchText(searchItems(lib.guides, lib.scenarios), query, limit);
  };

  it('ranks items that use the words above items that only share letters with them', async () => {
    const zipline = (await rank('zipline', 5)).hits.map((h) => h.item);
    expect(zipline.length).toBeGreaterThan(0);
    for (const h of zipline) expect(`${h.title} ${h.text}`).toMatch(/zipline/i);
    const cold = (await rank('cold start', 3)).hits.map((h) => h.item);
    for (const h of cold) expect(h.text).toMatch(/cold start/i);
  });

  it('wants every word, and falls back to most of them when no item has all', async () => {
    const both = await rank('batch vs real-time', 5);
    expect(both.every).toBe(true);
    for (const { item: h } of both.hits) expect(`${h.title} ${h.text}`).toMatch(/batch[\s\S]*real-time|real-time[\s\S]*batch/i);
    const either = await rank('zipline kubeflow', 10);
    expect(either.every).toBe(false);
    expect(either.hits.some(({ item: h }) => /zipline/i.test(`${h.title} ${h.text}`))).toBe(true);
    expect(either.hits.some(({ item: h }) => /kubeflow/i.test(`${h.title} ${h.text}`))).toBe(true);
  });

  it('says when no hit has every word', async () => {
    const io = testIo();
    const result = await search({ words: ['kafka', 'exactly', 'once'] }, io);
    expect(result.every).toBe(false);
    expect(renderSearch(result, io)).toMatch(/^No hit has every word of 'kafka exactly once'; these have some of them:\n\n\[/);
    const all = await search({ words: ['point-in-time'] }, io);
    expect(all.every).toBe(true);
    expect(renderSearch(all, io)).not.toContain('No hit has every word');
  });

  it('forgives a typo in a longer word, with scores from 1 down', async () => {
    const result = await search({ words: ['kubeflw'], limit: 5 }, testIo());
    expect(result.hits[0]!.title).toMatch(/Kubeflow/);
    expect(result.hits[0]!.score).toBe(1);
    expect(result.hits.map((h) => h.score)).toEqual([...result.hits.map((h) => h.score)].sort((a, b) => b - a));
  });

  it('finds a card by a number on it', async () => {
    const result = await search({ words: ['Istio routing'] }, testIo());
    expect(result.hits[0]).toMatchObject({ kind: 'card', open: 'coach card oss-ml-platform/latency-budget' });
  });
});

describe('coach validate', () => {
  it('passes the bundled guides', async () => {
    const result = await validate({ paths: [join(import.meta.dirname, '../guides')] }, testIo());
    expect(result).toMatchObject({ guides: 5, errors: 0, warnings: 0 });
  });

  it('reports problems as file:line with what was expected', async () => {
    const dir = folder({
      'bad-yaml.md': '---\ntitle: ok\ntags: [a, b\n---\n# x\n',
      'no-strong.md': '# Notes\n\n## Trap Questions\n\n### Trap 1: "Why?"\n\n**Bad Answer:** nope\n',
      'scenario.md': '---\nkind: scenario\nid: s1\nguide: nowhere\nprompt: Design it.\nanswers:\n  scale: big\n---\n',
    });
    const io = testIo();
    const result = await validate({ paths: [dir] }, io);
    const text = renderValidate(result, io);
    expect(result.errors).toBe(2);
    expect(text).toContain(`${join(dir, 'bad-yaml.md')}:3: error: invalid YAML in front matter`);
    expect(text).toContain(`${join(dir, 'no-strong.md')}:5: warning: trap 'Why?' has no strong answer`);
    expect(text).toContain(`${join(dir, 'scenario.md')}:1: error: scenario names guide 'nowhere'`);
  });
});
