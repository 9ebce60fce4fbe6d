// The mock's clock and session on an injected clock: countdown, the one-minute
// warning, time-up and overtime, skip, extend, pause, and drift over 45 minutes.
import { describe, expect, it } from 'vitest';
import { MockClock, formatClock, formatCountdown, phaseClock } from '../src/mock/clock.js';
import { MockSession } from '../src/mock/session.js';
import { buildPlan } from '../src/mock/build-plan.js';
import { reviewSession } from '../src/mock/review.js';
import { statusLine } from '../src/mock-screen.js';
import { style } from '../src/render/style.js';
import { emptyGuide, type Guide } from '../src/guides/model.js';

const MIN = 60_000;

/** A clock the test moves by hand. */
function fakeNow(): { now: () => number; advance: (ms: number) => void } {
  let t = 1_000_000; // monotonic clocks do not start at zero
  return { now: () => t, advance: (ms) => (t += ms) };
}

function guide(extra: Partial<Guide> = {}): Guide {
  return { ...emptyGuide('g', 'g.md'), title: 'A guide', ...extra };
}

function session(speed = 1): { s: MockSession; clock: ReturnType<typeof fakeNow> } {
  const clock = fakeNow();
  return { s: new MockSession(buildPlan({ guide: guide() }), new MockClock(clock.now, speed)), clock };
}

const plain = style(false);

describe('MockClock', () => {
  it('reads interview time from the monotonic source, times the speed', () => {
    const c = fakeNow();
    const clock = new MockClock(c.now, 60);
    c.advance(1_000);
    expect(clock.elapsed()).toBe(60_000);
    c.advance(44_000);
    expect(clock.elapsed()).toBe(45 * MIN);
  });

  it('leaves paused time out', () => {
    const c = fakeNow();
    const clock = new MockClock(c.now);
    c.advance(2 * MIN);
    clock.pause();
    c.advance(10 * MIN);
    expect(clock.elapsed()).toBe(2 * MIN);
    expect(clock.paused).toBe(true);
    clock.resume();
    c.advance(MIN);
    expect(clock.elapsed()).toBe(3 * MIN);
  });

  it('drifts by no more than 100 ms over a simulated 45 minutes of uneven redraws, pauses included', () => {
    const c = fakeNow();
    const clock = new MockClock(c.now);
    let expected = 0;
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let ticks = 0;
    while (expected < 45 * MIN) {
      // A 250 ms redraw timer that fires late by up to 40 ms, and now and then stalls
      // for a second and a half (a slow terminal, a garbage collection).
      const step = 250 + random() * 40 + (random() < 0.01 ? 1_500 : 0);
      c.advance(step);
      expected += step;
      ticks++;
      if (ticks % 1_000 === 0) {
        clock.pause();
        c.advance(30_000 + random() * 1_000);
        clock.resume();
      }
      clock.elapsed(); // read on every redraw, as the status line does
    }
    expect(Math.abs(clock.elapsed() - expected)).toBeLessThanOrEqual(100);
    // Counting ticks instead would be off by minutes: the redraws were uneven.
    expect(Math.abs(ticks * 250 - expected)).toBeGreaterThan(MIN);
  });

  it('refuses a speed that is not a positive number', () => {
    expect(() => new MockClock(() => 0, 0)).toThrow(RangeError);
    expect(() => new MockClock(() => 0, Number.NaN)).toThrow(RangeError);
  });
});

describe('phase clock and formats', () => {
  it.each([
    [0, '5:00', false, false, 0],
    [1, '5:00', false, false, 0],
    [1_000, '4:59', false, false, 0],
    [4 * MIN - 1, '1:01', false, false, 0],
    [4 * MIN, '1:00', true, false, 0],
    [5 * MIN - 1, '0:01', true, false, 0],
    [5 * MIN, '0:00', false, true, 0],
    [5 * MIN + 90_000, '0:00', false, true, 90_000],
  ])('at %i ms into a 5-minute phase: %s left, warning %s, time up %s, overtime %i', (at, left, warning, timeUp, overtime) => {
    const c = phaseClock({ startedAt: 0, allowedMs: 5 * MIN }, at);
    expect(formatCountdown(c.leftMs)).toBe(left);
    expect(c.warning).toBe(warning);
    expect(c.timeUp).toBe(timeUp);
    expect(c.overtimeMs).toBe(overtime);
  });

  it.each([
    [0, '0:00'],
    [59_999, '0:59'],
    [61_000, '1:01'],
    [45 * MIN, '45:00'],
    [61 * MIN, '1:01:00'],
  ])('formats %i ms as %s', (ms, text) => {
    expect(formatClock(ms)).toBe(text);
  });
});

describe('MockSession on an injected clock', () => {
  it('changes the status line once a second, when the phase starts mid-second', () => {
    const { s, clock } = session();
    clock.advance(12_400);
    s.startPhase();
    // A simulated minute of the prompt's 250 ms redraw timer.
    let shown = statusLine(s, plain, 100);
    let changes = 0;
    for (let tick = 0; tick < 240; tick++) {
      clock.advance(250);
      const now = statusLine(s, plain, 100);
      if (now !== shown) changes++;
      shown = now;
    }
    expect(changes).toBe(60);
    expect(shown).toBe('4:00 left · Clarify 1/5 · total 1:12 / 45:00');
  });

  it('counts a phase down and says so in the status line', () => {
    const { s, clock } = session();
    s.startPhase();
    expect(statusLine(s, plain, 100)).toBe('5:00 left · Clarify 1/5 · total 0:00 / 45:00');
    clock.advance(MIN + 30_000);
    expect(statusLine(s, plain, 100)).toBe('3:30 left · Clarify 1/5 · total 1:30 / 45:00');
  });

  it('warns once when a minute is left, signals time-up once, then counts overtime', () => {
    const { s, clock } = session();
    s.startPhase();
    clock.advance(3 * MIN);
    expect(s.poll()).toEqual([]);
    clock.advance(MIN + 1_000);
    expect(s.poll()).toEqual(['warning']);
    expect(s.poll()).toEqual([]);
    expect(statusLine(s, plain, 100)).toBe('0:59 left · last minute · Clarify 1/5 · total 4:01 / 45:00');
    clock.advance(59_000);
    expect(s.poll()).toEqual(['time-up']);
    expect(s.poll()).toEqual([]);
    clock.advance(95_000);
    expect(statusLine(s, plain, 100)).toBe(' TIME IS UP  1:35 over · Clarify 1/5 · /next or /extend · total 6:35 / 45:00');
    s.finishPhase('done');
    const review = reviewSession(s, { timed: true });
    expect(review.phases[0]).toMatchObject({ plannedMin: 5, usedMin: 6.6, overtimeMin: 1.6 });
  });

  it('a warning that jumps straight past the minute still signals time-up', () => {
    const { s, clock } = session();
    s.startPhase();
    clock.advance(6 * MIN);
    expect(s.poll()).toEqual(['time-up']);
  });

  it('extend adds two minutes and re-arms the warning', () => {
    const { s, clock } = session();
    s.startPhase();
    clock.advance(4 * MIN + 30_000);
    expect(s.poll()).toEqual(['warning']);
    s.extend();
    expect(statusLine(s, plain, 100)).toMatch(/^2:30 left ·/);
    clock.advance(MIN + 30_000);
    expect(s.poll()).toEqual(['warning']);
    clock.advance(MIN);
    expect(s.poll()).toEqual(['time-up']);
    s.finishPhase('done');
    // 7 minutes used of the 7 allowed: no overtime.
    expect(reviewSession(s, { timed: true }).phases[0]).toMatchObject({ usedMin: 7, overtimeMin: 0 });
  });

  it('pause stops the phase countdown and the total', () => {
    const { s, clock } = session();
    s.startPhase();
    clock.advance(MIN);
    s.pause();
    expect(statusLine(s, plain, 100)).toBe(' PAUSED  · Clarify 1/5 · total 1:00 / 45:00');
    clock.advance(20 * MIN);
    s.resume();
    expect(statusLine(s, plain, 100)).toBe('4:00 left · Clarify 1/5 · total 1:00 / 45:00');
  });

  it('skip ends the phase as skipped and the next one starts at once', () => {
    const { s, clock } = session();
    s.startPhase();
    clock.advance(30_000);
    s.finishPhase('skipped');
    const next = s.startPhase();
    expect(next?.plan.name).toBe('High-Level');
    expect(statusLine(s, plain, 100)).toBe('10:00 left · High-Level 2/5 · total 0:30 / 45:00');
    expect(reviewSession(s, { timed: true }).phases[0]?.status).toBe('skipped');
  });

  it('runs a whole mock at speed 60 in 45 seconds of real time', () => {
    const { s, clock } = session(60);
    const used: number[] = [];
    for (let p = s.startPhase(); p; p = s.startPhase()) {
      clock.advance(((p.plan.end - p.plan.start) * MIN) / 60);
      s.finishPhase('done');
      used.push(reviewSession(s, { timed: true }).phases[used.length]!.usedMin!);
    }
    expect(used).toEqual([5, 10, 15, 10, 5]);
    expect(s.status().elapsedMs).toBe(45 * MIN);
  });

  it('drops the total from the status line on a narrow terminal instead of wrapping', () => {
    const { s, clock } = session(60);
    s.startPhase();
    clock.advance(6 * 1_000);
    const line = statusLine(s, plain, 60);
    expect(line).toBe(' TIME IS UP  1:00 over · Clarify 1/5 · /next or /extend');
    expect(statusLine(s, plain, 120)).toContain('clock ×60');
  });
});
