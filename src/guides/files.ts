// Reading one guide file: the checks every untrusted file goes through before and
// after it is parsed (kind of file, size, binary content, encoding, line length, the
// parse's budget, items per part). Imports the parser, so it loads lazily.
import { close, constants, fstat, open, read, type Stats } from 'node:fs';
import { parseGuideText, type Parsed } from './parse.js';
import { reason, shownPath } from './walk.js';
import { BUDGET, OverBudget, withinBudget } from './budget.js';
import type { Guide, Problem, Scenario } from './model.js';

export const MAX_GUIDE_BYTES = 2 * 1024 * 1024;

// Opening a FIFO for reading waits for a writer; non-blocking, it opens at once and
// fstat says what it is. (0 where the platform has no such flag.)
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * One call of node:fs's callback API as a promise. Not node:fs/promises: loading it
 * (with the watchers and readline it brings) cost a run that parses one changed guide
 * about 2 ms, for the four calls below.
 */
function call<T>(start: (done: (e: NodeJS.ErrnoException | null, value: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => start((e, value) => (e ? reject(e) : resolve(value))));
}

/** Reads and parses one file; a file that cannot be a guide comes back as an error. */
export async function loadGuideFile(path: string, bundled = false, statements = false): Promise<Parsed> {
  const shown = shownPath(path);
  const fail = (message: string, line?: number): Parsed => ({
    kind: 'error',
    problems: [{ path: shown, severity: 'error', message, ...(line ? { line } : {}) }],
  });
  let fd: number;
  try {
    fd = await call<number>((done) => open(path, OPEN_FLAGS, done));
  } catch (e) {
    return fail(`cannot read: ${reason(e)}`);
  }
  let bytes: Buffer;
  try {
    const info = await call<Stats>((done) => fstat(fd, done));
    if (!info.isFile()) return fail(`not a regular file (${kind(info)}); not read`);
    if (info.size > MAX_GUIDE_BYTES) return fail(tooLarge(info.size));
    // Read to the end, whatever the size said: files in /proc say 0 and hold more.
    const got = await readAtMost(fd, MAX_GUIDE_BYTES + 1, info.size);
    if (got.length > MAX_GUIDE_BYTES) return fail(tooLarge(got.length, true));
    bytes = got;
  } catch (e) {
    return fail(`cannot read: ${reason(e)}`);
  } finally {
    await call<void>((done) => close(fd, done)).catch(() => undefined);
  }
  return parseGuideBytes(bytes, path, bundled, clock, statements);
}

function tooLarge(bytes: number, atLeast = false): string {
  return `too large (${atLeast ? 'more than ' : ''}${(bytes / 1024 / 1024).toFixed(1)} MB; guides are limited to 2 MB)`;
}

function kind(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a FIFO';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a file';
}

async function readAtMost(fd: number, limit: number, sizeHint: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  // One read for an ordinary file (its size plus one byte, to see the end); more when it grows or lies.
  let want = Math.min(limit, Math.max(sizeHint + 1, 64 * 1024));
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(want, limit - total));
    const bytesRead = await call<number>((done) => read(fd, chunk, 0, chunk.length, null, done));
    if (bytesRead === 0) break;
    chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
    total += bytesRead;
    if (total >= limit) break;
    want = 64 * 1024;
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

/**
 * Parses a file's bytes within its budget (budget.ts). Never throws: whatever goes
 * wrong with one file is that file's one problem, and the rest of the library loads.
 * `path` is the path as read; problems and the guide name it as shown (shownPath).
 */
export function parseGuideBytes(bytes: Buffer, path: string, bundled = false, now: () => number = clock, statements = false): Parsed {
  const shown = shownPath(path);
  const fail = (message: string, line?: number): Parsed => ({ kind: 'error', problems: [{ path: shown, severity: 'error', message, ...(line ? { line } : {}) }] });
  if (bytes.indexOf(0) >= 0) return fail('binary file (contains NUL bytes), not a markdown guide');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('not valid UTF-8 text; save the guide as UTF-8');
  }
  // Nothing but white space (a placeholder, a file saved empty): skipped, as a file
  // that is not a guide, rather than a guide named after its folder with nothing in it.
  if (!/\S/.test(text.replace(/^\uFEFF/, ''))) return fail('empty file, not a guide');
  const long = longLine(text);
  if (long) return fail(`over budget: line of ${long.chars.toLocaleString('en')} characters (lines are limited to ${BUDGET.lineChars.toLocaleString('en')})`, long.line);
  let parsed: Parsed;
  try {
    parsed = withinBudget(now, () => parseGuideText(text, { path: shown, bundled, ...(statements ? { statements } : {}) }), BUDGET.ms + (BUDGET.msPerKiB * bytes.length) / 1024);
  } catch (e) {
    if (e instanceof OverBudget) return fail(`over budget: ${e.message}`, e.line);
    // Stack exhaustion or a bug in the parser: this file's problem, not the library's.
    if (e instanceof RangeError) return fail('over budget: too deeply nested or too large to read');
    return fail(`could not be read: ${(e as Error)?.message ?? String(e)}`);
  }
  const crowded = crowdedPart(parsed);
  if (crowded) return fail(`over budget: ${crowded.count.toLocaleString('en')} ${crowded.part} (a guide holds at most ${BUDGET.itemsPerPart.toLocaleString('en')} of each part)`);
  return parsed;
}

/**
 * Milliseconds, for the budget: process.hrtime, monotonic like performance.now, whose
 * first use loads perf_hooks (about 1.5 ms of a run that parses one changed guide).
 */
function clock(): number {
  const [s, ns] = process.hrtime();
  return s * 1e3 + ns / 1e6;
}

/** The first line longer than the budget, if any: a linear scan. */
function longLine(text: string): { line: number; chars: number } | undefined {
  let line = 1;
  for (let start = 0; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end - start > BUDGET.lineChars) return { line, chars: end - start };
    start = end + 1;
  }
  return undefined;
}

const PART_NAMES: Record<string, string> = {
  questionsToAsk: 'questions to ask',
  scenarioQuestions: 'scenario questions',
  tradeoffs: 'trade-offs',
  endQuestions: 'end questions',
  related: 'related topics',
  questions: 'bank questions',
  mockPrompts: 'mock prompts',
  discussion: 'discussion groups',
  numbers: 'key numbers',
  flow: 'flow steps',
  pacing: 'pacing phases',
};

/** A part of the guide (or scenario) with more items than the budget allows. */
function crowdedPart(parsed: Parsed): { part: string; count: number } | undefined {
  const parts: [string, number][] = [];
  if (parsed.kind === 'guide') {
    for (const [key, value] of Object.entries(parsed.guide as Guide)) if (Array.isArray(value)) parts.push([key, value.length]);
    for (const t of parsed.guide.traps) parts.push(['key points of a trap', t.keyPoints.length]);
    for (const t of parsed.guide.tradeoffs) parts.push(['rows of a trade-off', t.aspects.length]);
    for (const c of parsed.guide.cards) parts.push(['blocks of a card', c.blocks.length]);
  } else if (parsed.kind === 'scenario') {
    const s: Scenario = parsed.scenario;
    parts.push(['answers', Object.keys(s.answers).length], ['must-ask topics', s.mustAsk.length], ['follow-ups', Object.values(s.followUps).flat().length]);
  }
  const over = parts.find(([, n]) => n > BUDGET.itemsPerPart);
  return over ? { part: PART_NAMES[over[0]] ?? over[0], count: over[1] } : undefined;
}

export type { Problem };
