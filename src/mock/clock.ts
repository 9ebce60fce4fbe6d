// The mock's clock: interview time read from a monotonic source, never counted in
// ticks, so a slow redraw or a busy event loop cannot make it drift. `speed` runs
// interview time faster than real time (demos and tests); pausing freezes it.

export class MockClock {
  private readonly now: () => number;
  readonly speed: number;
  /** Interview time banked before the last resume. */
  private banked = 0;
  /** Real time of the last start or resume; undefined while paused. */
  private since: number | undefined;

  constructor(now: () => number, speed = 1) {
    if (!(speed > 0) || !Number.isFinite(speed)) throw new RangeError(`speed must be a positive number, got ${speed}`);
    this.now = now;
    this.speed = speed;
    this.since = now();
  }

  /** Interview milliseconds since the clock started, pauses left out. */
  elapsed(): number {
    return this.since === undefined ? this.banked : this.banked + (this.now() - this.since) * this.speed;
  }

  get paused(): boolean {
    return this.since === undefined;
  }

  pause(): void {
    if (this.since === undefined) return;
    this.banked = this.elapsed();
    this.since = undefined;
  }

  resume(): void {
    if (this.since !== undefined) return;
    this.since = this.now();
  }
}

export interface PhaseTiming {
  /** Interview time when the phase started. */
  startedAt: number;
  /** Planned length plus every extension, in ms. */
  allowedMs: number;
}

export interface PhaseClock {
  usedMs: number;
  /** Time left in the phase; 0 once it is up. */
  leftMs: number;
  overtimeMs: number;
  /** A minute or less left (and not yet up). */
  warning: boolean;
  timeUp: boolean;
}

export const WARNING_MS = 60_000;

/** Where a phase stands at interview time `elapsed`. */
export function phaseClock(timing: PhaseTiming, elapsed: number): PhaseClock {
  const usedMs = Math.max(0, elapsed - timing.startedAt);
  const left = timing.allowedMs - usedMs;
  return {
    usedMs,
    leftMs: Math.max(0, left),
    overtimeMs: Math.max(0, -left),
    warning: left > 0 && left <= WARNING_MS,
    timeUp: left <= 0,
  };
}

/** `m:ss`, rounded down to the second (a countdown shows 0:59 until a minute is gone). */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const sec = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** A countdown shows the time left rounded up, so it reads 5:00 at the start and 0:00 only at the end. */
export function formatCountdown(ms: number): string {
  return formatClock(Math.ceil(Math.max(0, ms) / 1000) * 1000);
}

/** Minutes for the plan and the review: whole numbers as they are, else one decimal. */
export function formatMinutes(min: number): string {
  const r = Math.round(min * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}
