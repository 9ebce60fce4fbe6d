// The number matcher: one line per case, expected value from a guide vs what a user types.
import { describe, expect, it } from 'vitest';
import { hasQuantities, matchNumber, parseQuantities } from '../src/practice/numbers.js';
import { readFileSync } from 'node:fs';
import { BUNDLED_INDEX } from './helpers/io.js';

describe('matchNumber accepts equivalent answers', () => {
  it.each([
    ['50 ms', '50ms'],
    ['50 ms', '50 ms'],
    ['50 ms', '<50ms'],
    ['50 ms', 'under 50 milliseconds'],
    ['50 ms', '50 milliseconds'],
    ['50 ms', '0.05 s'],
    ['50 ms', '50'],
    ['P99 under 50 ms', '50ms p99'],
    ['P99 < 10 ms', 'p99 below 10ms'],
    ['1M+', '1,000,000'],
    ['1M+', '1 million'],
    ['1,000,000', '1M'],
    ['10K+', '10,000'],
    ['10K+', '10k'],
    ['10,000', '10K'],
    ['99.9%', '99.9%'],
    ['99.9%', '99.9 percent'],
    ['99.9%', '99.9'],
    ['99.99%', 'four nines is 99.99 %'],
    ['10M per second', '10 million'],
    ['10M per second', '10M/s'],
    ['15K RPS at 42ms p95', '15,000 rps, 42 ms'],
    ['15K RPS at 42ms p95', '42ms at 15000 QPS'],
    ['2-3 min', '2 to 3 minutes'],
    ['2-3 min', '120-180 s'],
    ['30-40%', '30%-40%'],
    ['30-40%', '35%'],
    ['3-5', '3-5 questions'],
    ['20 ms, 5 ms, 10 ms, 15 ms', '5ms 10ms 15ms 20ms'],
    ['$12K/month', '$12,000 a month'],
    ['12h → 3.5h (71%)', '12 hours to 3.5 hours'],
    ['24h vs 7 days', '1 day vs 1 week'],
    ['10x, not 1000x', '10x'],
    ['5x', '5 times'],
    ['>50MB/s', 'above 50 MB/s'],
    ['5,000+', '5000'],
    ['~5', '5'],
    ['40:1', '40 to 1'],
    // A hedge or a second way of saying it: one other figure per required one.
    ['50 ms', '50 ms, maybe 100 ms'],
    ['12h → 3.5h (71%)', '12 hours to 3.5 hours, a 71% cut'],
    ['15K RPS at 42ms p95', '15,000 rps at 42 ms, 20K at peak, 60 ms p99'],
  ])('%s  ←  %s', (expected, answer) => {
    expect(matchNumber(expected, answer)).toMatchObject({ correct: true });
  });
});

describe('matchNumber rejects different answers', () => {
  it.each([
    ['50 ms', '50 s'],
    ['50 ms', '500ms'],
    ['50 ms', '5 ms'],
    ['P99 under 50 ms', 'over 50 ms'],
    ['1M+', '1K'],
    ['10K+', '100,000'],
    ['99.9%', '99%'],
    ['99.9%', '99.9 ms'],
    ['2-3 min', '2-3 hours'],
    ['30-40%', '50%'],
    ['50 ms', ''],
    ['50 ms', 'fifty-ish, I think'],
    ['20 ms, 5 ms, 10 ms, 15 ms', '20ms 5ms'],
    ['15K RPS at 42ms p95', '15K RPS'],
  ])('%s  ←  %s', (expected, answer) => {
    expect(matchNumber(expected, answer).correct).toBe(false);
  });

  it.each([
    ['50 ms', '10 ms, 50 ms or 100 ms', 2],
    ['99.9%', '99%, 99.9%, 99.99%', 2],
    ['1M+', '1K 10K 100K 1M 10M', 4],
  ])('%s  ←  %s is a shotgun (%i other figures)', (expected, answer, others) => {
    expect(matchNumber(expected, answer)).toMatchObject({ correct: false, matched: 1, others });
  });
});

describe('matchNumber says what is missing', () => {
  it('names the expected quantities that were not said', () => {
    expect(matchNumber('30ms / 20ms / <10ms', '30ms and 20ms')).toEqual({ correct: false, matched: 2, required: 3, missing: ['<10ms'] });
    expect(matchNumber('Cost reduction: 38%, $8.2K → $5.1K a month', '38%').missing).toEqual(['$8.2K', '$5.1K']);
  });
});

describe('parseQuantities', () => {
  it.each([
    ['P99 < 10 ms', 1],
    ['L1 + L2', 0],
    ['first-class since v0.15', 0],
    ['Months → days', 0],
    ['0% → 10% → 50% → 100%', 4],
    ['500 models, 50 million predictions a day', 2],
    ['Restored in 20 min vs 30 min SLA', 2],
  ])('%s has %i quantities', (text, n) => {
    expect(parseQuantities(text)).toHaveLength(n);
  });

  it('keeps units, magnitudes and directions', () => {
    expect(parseQuantities('P99 under 50 ms')[0]).toMatchObject({ lo: 50, hi: 50, dimension: 'time', scale: 1, direction: 'below' });
    expect(parseQuantities('$8.2K')[0]).toMatchObject({ lo: 8200, dimension: 'usd' });
    expect(parseQuantities('10-20K')[0]).toMatchObject({ lo: 10_000, hi: 20_000 });
  });

  it('treats numbers with nothing to check as no number', () => {
    expect(hasQuantities('Daily snapshots')).toBe(false);
    expect(hasQuantities('6 nodes across 3 AZs')).toBe(true);
  });
});

describe('the bundled key numbers', () => {
  // The guide's own wording is always a right answer: not a shotgun, nothing missing.
  it('each answers itself', () => {
    const index = JSON.parse(readFileSync(BUNDLED_INDEX, 'utf8')) as { guides: { numbers: { value: string }[] }[] };
    const values = index.guides.flatMap((g) => g.numbers.map((n) => n.value)).filter((v) => hasQuantities(v));
    expect(values.length).toBeGreaterThan(80);
    expect(values.filter((v) => !matchNumber(v, v).correct)).toEqual([]);
  });
});
