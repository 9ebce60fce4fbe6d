// The bundled guides: everything the seed documents hold, found by the product's
// own loader, and trap key points that score the guide's own answers the right way.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLibrary, type Library } from '../src/guides/library.js';
import { matchKeyPoints } from '../src/judge/concepts.js';
import { renderBox } from '../src/render/box.js';
import { style } from '../src/render/style.js';
import { width } from '../src/render/layout.js';
import { PHASE_KEYS } from '../src/guides/model.js';

const lib: Library = await loadLibrary({ dirs: [join(import.meta.dirname, '../guides')] });
const guide = (id: string) => {
  const g = lib.guides.find((x) => x.id === id);
  if (!g) throw new Error(`no guide ${id}`);
  return g;
};

describe('the library', () => {
  it('loads five guides and the scenarios without a problem', () => {
    expect(lib.problems).toEqual([]);
    expect(lib.guides.map((g) => g.id).sort()).toEqual(['bighead', 'michelangelo', 'mlops-platform', 'mlops-question-bank', 'oss-ml-platform']);
  });

  it.each([
    ['oss-ml-platform', 6, 4, 4],
    ['mlops-platform', 4, 5, 1],
    ['michelangelo', 5, 5, 1],
    ['mlops-question-bank', 0, 0, 0],
    ['bighead', 5, 4, 1],
  ])('%s has %i traps, %i trade-offs, %i cards', (id, traps, tradeoffs, cards) => {
    const g = guide(id);
    expect([g.traps.length, g.tradeoffs.length, g.cards.length]).toEqual([traps, tradeoffs, cards]);
  });

  it('has the seven quick-reference cards', () => {
    expect(lib.guides.flatMap((g) => g.cards.map((c) => c.id)).sort()).toEqual([
      'bighead-interview-card',
      'component-stack',
      'latency-budget',
      'michelangelo-cheat-sheet',
      'mlops-platform',
      'scaling-thresholds',
      'slo-targets',
    ]);
  });

  it('has the latency budget: every component, its budget and typical range, 200 ms in total', () => {
    const card = guide('oss-ml-platform').cards.find((c) => c.id === 'latency-budget')!;
    const rows = card.blocks.flatMap((b) => (b.kind === 'table' ? b.rows : []));
    const byName = (re: RegExp) => rows.find((r) => re.test(r[0]!));
    expect(byName(/network/i)?.slice(1, 3)).toEqual(['20 ms', '5-15 ms']);
    expect(byName(/istio/i)?.slice(1, 3)).toEqual(['5 ms', '1-3 ms']);
    expect(byName(/feature lookup/i)?.slice(1, 3)).toEqual(['50 ms', '15-25 ms']);
    expect(byName(/model inference/i)?.slice(1, 3)).toEqual(['100 ms', '50-80 ms']);
    expect(byName(/post-processing/i)?.slice(1, 3)).toEqual(['10 ms', '2-5 ms']);
    expect(byName(/buffer/i)?.[1]).toBe('15 ms');
    expect(byName(/total/i)?.slice(1, 3)).toEqual(['200 ms', '73-128 ms']);
    expect(JSON.stringify(card)).toMatch(/200 ms P99/);
  });

  it('has the MLOps key numbers and the Michelangelo and BigHead numbers', () => {
    expect(guide('mlops-platform').numbers).toHaveLength(10);
    expect(guide('mlops-platform').numbers.map((n) => n.value)).toContain('0.1 warn, 0.2 alert');
    const mich = JSON.stringify(guide('michelangelo').numbers);
    for (const f of [/10M/, /5,000/, /P95 < 10 ?ms/, /20,000/, /99\.99%/]) expect(mich).toMatch(f);
    const big = JSON.stringify(guide('bighead').numbers);
    for (const f of [/30,000/, /99%/, /P99 < 10 ?ms/, /P99 < 30 ?ms/]) expect(big).toMatch(f);
  });

  it('has the question bank: 28 questions, each with a category and a level', () => {
    const qs = guide('mlops-question-bank').questions;
    expect(qs.map((q) => q.id)).toEqual(Array.from({ length: 28 }, (_, i) => `Q${i + 1}`));
    for (const q of qs) {
      expect(q.category, q.id).toBeTruthy();
      expect(['L3-L4', 'L5-L6', 'L7+'], q.id).toContain(q.level);
    }
    expect(qs.filter((q) => q.category === 'System Design').map((q) => q.level)).toEqual(['L3-L4', 'L3-L4', 'L3-L4', 'L5-L6', 'L5-L6', 'L5-L6', 'L7+', 'L7+']);
  });

  it('has the study checklist and the ten mock prompts', () => {
    const g = guide('mlops-question-bank');
    const checklist = g.sections.filter((s) => /\[ \]/.test(s.text));
    expect(checklist.flatMap((s) => s.text.match(/\[ \]/g) ?? [])).toHaveLength(25);
    expect(g.mockPrompts).toHaveLength(10);
    expect(g.mockPrompts.find((p) => /fraud detection/i.test(p.prompt))).toBeTruthy();
  });

  it('has discussion points for the four interviewer backgrounds', () => {
    expect(
      guide('bighead')
        .discussion.map((d) => d.background)
        .sort(),
    ).toEqual(['data', 'infra', 'ml', 'product']);
  });

  it('has no mis-encoded characters from the seeds', () => {
    const text = JSON.stringify(lib.guides);
    expect(text).not.toMatch(/‚Ä|üé|üè|√|Ô∏/);
  });
});

describe('traps', () => {
  const traps = lib.guides.flatMap((g) => g.traps.map((t) => ({ ...t, guide: g.id })));

  it('are 20, each with a question, a weak and a strong answer, and 3 to 6 key points', () => {
    expect(traps).toHaveLength(20);
    for (const t of traps) {
      expect(t.question, t.id).toBeTruthy();
      expect(t.strong, t.id).toBeTruthy();
      expect(t.weak, t.id).toBeTruthy();
      expect(t.keyPoints.length, t.id).toBeGreaterThanOrEqual(3);
      expect(t.keyPoints.length, t.id).toBeLessThanOrEqual(6);
    }
  });

  it.each(traps.map((t) => [`${t.guide}/${t.id}`, t] as const))('%s: the strong answer covers every key point, the weak one at most one', (_, t) => {
    const strong = matchKeyPoints(t.strong!, t.keyPoints);
    expect(strong.results.filter((r) => !r.covered).map((r) => r.point.label)).toEqual([]);
    expect(matchKeyPoints(t.weak!, t.keyPoints).covered).toBeLessThanOrEqual(1);
  });
});

describe('trade-offs, pacing, cards, scenarios', () => {
  it('has 18 trade-offs, each with two options and a recommendation', () => {
    const all = lib.guides.flatMap((g) => g.tradeoffs);
    expect(all).toHaveLength(18);
    for (const t of all) {
      expect(t.options.length, t.title).toBeGreaterThanOrEqual(2);
      expect(t.recommendation, t.title).toBeTruthy();
    }
  });

  it('gives every pacing phase of every guide key points to check', () => {
    for (const g of lib.guides.filter((x) => x.pacing.length > 0)) {
      expect(
        g.pacing.map((p) => p.key),
        g.id,
      ).toEqual([...PHASE_KEYS]);
      for (const p of g.pacing) expect(p.keyPoints.length, `${g.id} ${p.name}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('renders every card within 80 columns', () => {
    for (const card of lib.guides.flatMap((g) => g.cards)) {
      const lines = renderBox(card, 80, style(false)).split('\n');
      for (const l of lines) expect(width(l), `${card.id}: ${l}`).toBeLessThanOrEqual(80);
    }
  });

  it('has the scenarios the mock runs, each naming an existing guide and answering the must-ask topics', () => {
    const ids = lib.scenarios.map((s) => s.id);
    for (const id of ['fintech', 'e-commerce', 'healthcare', 'oss-ml-platform', 'mlops-platform', 'michelangelo', 'bighead', 'fraud-detection', 'feed-ranking']) {
      expect(ids).toContain(id);
    }
    const guideIds = new Set(lib.guides.map((g) => g.id));
    for (const s of lib.scenarios) {
      expect(guideIds.has(s.guide), `${s.id} → ${s.guide}`).toBe(true);
      expect(s.prompt, s.id).toBeTruthy();
      for (const topic of ['scale', 'latency', 'models', 'consistency', 'compliance', 'infrastructure', 'team']) {
        expect(s.answers[topic]?.answer, `${s.id}: ${topic}`).toBeTruthy();
      }
      for (const topic of s.mustAsk) expect(s.answers[topic], `${s.id} must-ask ${topic}`).toBeTruthy();
    }
  });

  it('takes the sample-flow figures into the fintech scenario', () => {
    const fintech = lib.scenarios.find((s) => s.id === 'fintech')!;
    expect(fintech.answers['scale']!.answer).toMatch(/500 models/);
    expect(fintech.answers['scale']!.answer).toMatch(/50 million/);
    expect(fintech.answers['latency']!.answer).toMatch(/100 ?ms/);
    const mich = lib.scenarios.find((s) => s.id === 'michelangelo')!;
    expect(mich.answers['scale']!.answer).toMatch(/5,000/);
    expect(mich.answers['scale']!.answer).toMatch(/10 million/);
  });
});
