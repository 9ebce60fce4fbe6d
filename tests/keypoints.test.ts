// Key points as a guide writes them, and the light word folding of name lookups.
import { describe, expect, it } from 'vitest';
import { parseKeyPoint, stem } from '../src/guides/keypoints.js';

describe('stem', () => {
  it.each([
    ['caches', 'cache'],
    ['batches', 'batch'],
    ['policies', 'policy'],
    ['process', 'processes'],
    ['feature', 'Features'],
  ])('folds %s and %s the same way', (a, b) => {
    expect(stem(a)).toBe(stem(b));
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
