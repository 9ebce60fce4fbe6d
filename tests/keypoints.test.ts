// The key-point matcher: one line per case.
import { describe, expect, it } from 'vitest';
import { matchKeyPoints, parseKeyPoint, stem } from '../src/guides/keypoints.js';

const pit = { label: 'Point-in-time correctness', terms: ['point-in-time', 'as-of join', 'time travel'] };

describe('matchKeyPoints', () => {
  it.each([
    ['we need point-in-time joins', true, 'point-in-time'],
    ['we need Point In Time joins', true, 'Point In Time'],
    ['we need pointintime joins', true, 'pointintime'],
    ['an AS-OF JOIN on the label timestamp', true, 'AS-OF JOIN'],
    ['as of joins everywhere', true, 'as of joins'],
    ['time-travel queries', true, 'time-travel'],
    ['we join on the latest value', false, undefined],
    ['the time at which the point was logged', false, undefined],
  ])('%s → covered %s by %s', (answer, covered, words) => {
    const r = matchKeyPoints(answer, [pit]).results[0]!;
    expect(r.covered).toBe(covered);
    expect(r.words).toBe(words);
  });

  it.each([
    ['caches', 'cache'],
    ['batches', 'batch'],
    ['policies', 'policy'],
    ['process', 'processes'],
    ['feature', 'Features'],
  ])('folds %s and %s the same way', (a, b) => {
    expect(stem(a)).toBe(stem(b));
  });

  it('honours abbreviations both ways', () => {
    const k8s = { label: 'Kubernetes', terms: ['kubernetes'] };
    expect(matchKeyPoints('run it on k8s', [k8s]).covered).toBe(1);
    const spof = { label: 'SPOF', terms: ['spof'] };
    expect(matchKeyPoints('no single points of failure', [spof]).covered).toBe(1);
  });

  it('counts each key point once and says which term matched', () => {
    const m = matchKeyPoints('Circuit breakers open after 5 failures; we fall back to a simpler model', [
      { label: 'Circuit breaker', terms: ['circuit breaker'] },
      { label: 'Fallback model', terms: ['fallback model', 'fall back'] },
      { label: 'Redundancy', terms: ['replica', 'multi-AZ'] },
    ]);
    expect(m.covered).toBe(2);
    expect(m.total).toBe(3);
    expect(m.results.map((r) => r.term)).toEqual(['circuit breaker', 'fall back', undefined]);
  });
});

describe('parseKeyPoint', () => {
  it.each([
    ['**Point-in-time**: point-in-time, as-of join -- join as of the label time', { label: 'Point-in-time', terms: ['point-in-time', 'as-of join'], hint: 'join as of the label time' }],
    ['**Reuse**: reuse; shared features', { label: 'Reuse', terms: ['reuse', 'shared features'] }],
    ['Latency: p99, milliseconds', { label: 'Latency', terms: ['p99', 'milliseconds'] }],
    ['**Graceful degradation**', { label: 'Graceful degradation', terms: ['Graceful degradation'] }],
  ])('%s', (raw, expected) => {
    expect(parseKeyPoint(raw)).toEqual(expected);
  });
});
