// Finding an item by name: direct matches first, then fuzzy.
import { describe, expect, it } from 'vitest';
import { directMatch } from '../src/guides/match.js';
import { lookup } from '../src/guides/lookup.js';

const cards = [
  { id: 'component-stack', title: 'Component Stack', tags: ['stack', 'components'] },
  { id: 'latency-budget', title: 'Latency Budget', tags: ['latency', 'p99'] },
  { id: 'scaling-thresholds', title: 'Scaling Thresholds', tags: ['autoscaling'] },
  { id: 'slo-targets', title: 'SLO Targets', tags: ['slo', 'availability'] },
  { id: 'michelangelo-cheat-sheet', title: 'Michelangelo Cheat Sheet', tags: ['uber'], extra: 'MICHELANGELO INTERVIEW CHEAT SHEET' },
];

describe('directMatch', () => {
  it.each([
    ['latency', 'latency-budget'],
    ['Latency Budget', 'latency-budget'],
    ['slo', 'slo-targets'],
    ['scaling', 'scaling-thresholds'],
    ['stack', 'component-stack'],
    ['p99', 'latency-budget'],
    ['uber', 'michelangelo-cheat-sheet'],
    ['budget', 'latency-budget'],
    ['cheat sheet', 'michelangelo-cheat-sheet'],
    ['latncy', undefined],
    ['x', undefined],
  ])('%s → %s', (q, id) => {
    expect(directMatch(cards, q)?.id).toBe(id);
  });
});

describe('lookup', () => {
  it.each([
    ['latncy', 'latency-budget'],
    ['treshold', 'scaling-thresholds'],
    ['michelangelo interview', 'michelangelo-cheat-sheet'],
  ])('fuzzy: %s → %s', (q, id) => {
    expect(lookup(cards, q).best?.id).toBe(id);
  });

  it.each([['nope'], ['zebra'], ['qqq zzz']])('takes no near miss in the extra words as the answer: %s', (q) => {
    expect(lookup(cards, q).best).toBeUndefined();
  });

  it('finds an item by whole words of its extra words (a card by its guide)', () => {
    expect(lookup(cards, 'interview').best?.id).toBe('michelangelo-cheat-sheet');
    expect(lookup(cards, 'interv').best?.id).toBe('michelangelo-cheat-sheet');
  });

  it('names the closest items when nothing matches well', () => {
    const r = lookup(cards, 'kubernetes operators');
    expect(r.best).toBeUndefined();
  });
});
