// The number matcher of the numbers deck: does an answer say the same quantities as a
// key number from a guide? "50ms", "50 ms", "<50ms" and "50 milliseconds" are one
// answer; so are "1M" and "1,000,000", "0.05 s" and "50 ms". Pure.

export type Dimension = 'time' | 'percent' | 'times' | 'bytes' | 'usd' | 'rate';
export type Direction = 'below' | 'above';

/** One quantity found in a text: a value or a range, with its unit when one was given. */
export interface Quantity {
  /** The number as written times its magnitude (K, M, B), before any unit scaling. */
  lo: number;
  hi: number;
  dimension?: Dimension;
  /** Factor from the written unit to the dimension's base unit (ms, bytes, dollars...). */
  scale: number;
  direction?: Direction;
  /** Inside parentheses in the expected value: nice to say, not required. */
  optional: boolean;
  /** The text that was read, for messages. */
  text: string;
}

export interface NumberMatch {
  correct: boolean;
  /** Expected quantities the answer said, out of the required ones. */
  matched: number;
  required: number;
  /** The expected quantities the answer did not say, as written in the guide. */
  missing: string[];
  /** Set when the answer listed too many other figures to count (a shotgun answer). */
  others?: number;
}

const MAGNITUDES: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mm: 1e6,
  mil: 1e6,
  million: 1e6,
  millions: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  billions: 1e9,
};

interface Unit {
  dimension: Dimension;
  scale: number;
}

const UNITS: Record<string, Unit> = {};
function units(dimension: Dimension, scale: number, ...names: string[]): void {
  for (const n of names) UNITS[n] = { dimension, scale };
}
units('time', 0.001, 'us', 'µs', 'μs', 'microsecond', 'microseconds');
units('time', 1, 'ms', 'msec', 'msecs', 'millisecond', 'milliseconds', 'millis');
units('time', 1000, 's', 'sec', 'secs', 'second', 'seconds');
units('time', 60_000, 'min', 'mins', 'minute', 'minutes');
units('time', 3_600_000, 'h', 'hr', 'hrs', 'hour', 'hours');
units('time', 86_400_000, 'd', 'day', 'days');
units('time', 7 * 86_400_000, 'w', 'wk', 'wks', 'week', 'weeks');
units('time', 30 * 86_400_000, 'mo', 'month', 'months');
units('time', 365 * 86_400_000, 'y', 'yr', 'yrs', 'year', 'years');
units('percent', 1, '%', 'percent', 'pct', 'per cent');
units('times', 1, 'x', '×', 'times', 'fold');
units('bytes', 1, 'byte', 'bytes');
units('bytes', 1e3, 'kb');
units('bytes', 1e6, 'mb');
units('bytes', 1e9, 'gb');
units('bytes', 1e12, 'tb');
units('rate', 1, 'rps', 'qps', 'tps', 'req/s', 'requests/s', 'per second', '/s', '/sec', 'a second', 'requests per second', 'queries per second');

// Longest first, so that "ms" wins over "m" and "per second" over "per".
const UNIT_NAMES = Object.keys(UNITS).sort((a, b) => b.length - a.length);
const MAGNITUDE_NAMES = Object.keys(MAGNITUDES).sort((a, b) => b.length - a.length);

const BELOW = /(?:<=?|≤|\bunder|\bbelow|\bless than|\bat most|\bup to|\bwithin|\bno more than)\s*$/i;
const ABOVE = /(?:>=?|≥|\bover|\babove|\bmore than|\bat least|\bno less than)\s*$/i;
// "10x, not 1000x": the guide names a number to avoid; saying it is not required.
const NOT = /\bnot\s*$/i;

// A number not glued to a letter before it: "p99", "L1", "v0.15" and "Q1" are names.
const NUMBER = /(?<![\p{L}\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)/gu;

function readNumber(text: string): number {
  return Number(text.replace(/,/g, ''));
}

/** Reads an optional magnitude then an optional unit right after a number. */
function readSuffix(text: string, at: number): { magnitude: number; unit?: Unit; end: number } {
  let i = at;
  let magnitude = 1;
  const rest = (): string => text.slice(i);
  const word = (names: string[], allowSpace: boolean): string | undefined => {
    const r = rest();
    const lead = allowSpace ? /^\s?/.exec(r)![0].length : 0;
    const lower = r.slice(lead).toLowerCase();
    for (const n of names) {
      if (!lower.startsWith(n)) continue;
      const next = lower.charAt(n.length);
      // A unit ends at a non-letter ("50ms," yes; "50 msg" no). Symbols end anywhere.
      if (/^[\p{L}]/u.test(n.slice(-1)) && /[\p{L}]/u.test(next)) continue;
      i += lead + n.length;
      return n;
    }
    return undefined;
  };
  // "M"/"m" is a magnitude unless it starts a unit word such as "ms", "min" or "mo".
  const start = i;
  const unitFirst = word(UNIT_NAMES, true);
  if (unitFirst && !(unitFirst in MAGNITUDES)) {
    return { magnitude, unit: UNITS[unitFirst]!, end: i };
  }
  i = start;
  const mag = word(MAGNITUDE_NAMES, true);
  if (mag) magnitude = MAGNITUDES[mag]!;
  const unitName = word(UNIT_NAMES, true);
  return { magnitude, ...(unitName ? { unit: UNITS[unitName]! } : {}), end: i };
}

/** Finds every quantity in a text: "P99 < 10 ms" is one, "30ms / 20ms / <10ms" three. */
export function parseQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  const clean = text.replace(/[–—]/g, '-');
  const matches = [...clean.matchAll(NUMBER)];
  let depth = 0;
  let scanned = 0;
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k]!;
    const at = m.index;
    if (at < scanned) continue; // already read as the end of a range
    for (const ch of clean.slice(scanned, at)) {
      if (ch === '(') depth++;
      else if (ch === ')') depth = Math.max(0, depth - 1);
    }
    const before = clean.slice(Math.max(0, at - 16), at);
    const dollar = /\$\s*$/.test(before);
    const lead = before.replace(/\$\s*$/, '');
    const below = BELOW.exec(lead);
    const above = below ? null : ABOVE.exec(lead);
    let direction: Direction | undefined = below ? 'below' : above ? 'above' : undefined;
    // The text shown back to the user starts at the comparator ("<10ms"), or the "$".
    const textStart = below || above ? at - (before.length - (below ?? above)!.index) : at - (before.length - lead.length);
    const lo = readNumber(m[1]!);
    const first = readSuffix(clean, at + m[0].length);
    let end = first.end;
    let hi = lo;
    let loMagnitude = first.magnitude;
    let hiMagnitude = first.magnitude;
    let unit = first.unit;
    // A range: "2-3 min", "30-40%", "10 to 30 min", "30%-40%", "10-20K".
    const range = /^\s*(?:-|to)\s*\$?\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)/i.exec(clean.slice(end));
    if (range) {
      const hiText = range[1]!;
      const second = readSuffix(clean, end + range[0].length);
      const sameKind = !first.unit || !second.unit || first.unit.dimension === second.unit.dimension;
      const lower = first.magnitude === 1 ? second.magnitude : first.magnitude;
      if (sameKind && readNumber(hiText) * second.magnitude >= lo * lower) {
        hi = readNumber(hiText);
        loMagnitude = lower;
        hiMagnitude = second.magnitude;
        unit = second.unit ?? first.unit;
        end = second.end;
      }
    }
    if (!direction && /^\s?\+/.test(clean.slice(end, end + 2))) direction = 'above';
    if (dollar) unit = { dimension: 'usd', scale: 1 };
    out.push({
      lo: lo * loMagnitude,
      hi: hi * hiMagnitude,
      ...(unit ? { dimension: unit.dimension } : {}),
      scale: unit?.scale ?? 1,
      ...(direction ? { direction } : {}),
      optional: depth > 0 || NOT.test(before),
      text: clean.slice(textStart, end).trim(),
    });
    scanned = end;
  }
  return out;
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Does one answered quantity say the expected one? */
export function sameQuantity(expected: Quantity, answer: Quantity): boolean {
  if (expected.direction && answer.direction && expected.direction !== answer.direction) return false;
  let eLo = expected.lo;
  let eHi = expected.hi;
  let aLo = answer.lo;
  let aHi = answer.hi;
  if (expected.dimension && answer.dimension) {
    if (expected.dimension !== answer.dimension) return false;
    eLo *= expected.scale;
    eHi *= expected.scale;
    aLo *= answer.scale;
    aHi *= answer.scale;
  } else if (answer.dimension && !expected.dimension) {
    // The guide gave a bare number ("3 replicas"); any unit the user adds is their words.
  }
  if (close(eLo, aLo) && close(eHi, aHi)) return true;
  // One value inside an expected range ("35%" for "30-40%") is the range, said once.
  return eLo !== eHi && close(aLo, aHi) && aLo >= eLo - 1e-9 && aLo <= eHi + 1e-9;
}

/**
 * Checks an answer against a key number's value: every required quantity must be
 * said, and not hidden in a list of guesses. An answer may add one other figure per
 * required one (a hedge, a range, a unit worked out); more than that is a shotgun
 * ("10, 50 or 100 ms") and does not count.
 */
export function matchNumber(expected: string, answer: string): NumberMatch {
  const want = parseQuantities(expected);
  const said = parseQuantities(answer);
  const used = new Set<number>();
  const missing: string[] = [];
  let matched = 0;
  const take = (q: Quantity): boolean => {
    const i = said.findIndex((s, idx) => !used.has(idx) && sameQuantity(q, s));
    if (i >= 0) used.add(i);
    return i >= 0;
  };
  const required = want.filter((q) => !q.optional);
  for (const q of required) {
    if (take(q)) matched++;
    else missing.push(q.text);
  }
  for (const q of want) if (q.optional) take(q);
  const others = said.length - used.size;
  const result: NumberMatch = { correct: required.length > 0 && matched === required.length && others <= required.length, matched, required: required.length, missing };
  if (others > required.length) result.others = others;
  return result;
}

/** True when a key number has something the matcher can check. */
export function hasQuantities(value: string): boolean {
  return parseQuantities(value).some((q) => !q.optional);
}
