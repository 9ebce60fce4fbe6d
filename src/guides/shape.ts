// Checks that a value read back from coach's cache has the shape the commands expect
// (issue 13): a cache file is JSON anyone can edit, and an entry with a missing or
// wrong-typed field ("e.problems is not iterable", "guide.traps.map is not a
// function") must be a cache miss, never a crash. Pure; each check looks at every
// field a command reads, and nothing more, so that a warm start stays quick.
import type { Guide } from './model.js';

type Check = (v: unknown) => boolean;

const str: Check = (v) => typeof v === 'string';
const num: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const bool: Check = (v) => typeof v === 'boolean';
const opt =
  (check: Check): Check =>
  (v) =>
    v === undefined || check(v);
// Plain loops over precomputed keys: this runs over every guide of a warm library.
const list =
  (check: Check): Check =>
  (v) => {
    if (!Array.isArray(v)) return false;
    for (let i = 0; i < v.length; i++) if (!check(v[i])) return false;
    return true;
  };
const strings = list(str);
const obj = (fields: Record<string, Check>): Check => {
  const keys = Object.keys(fields);
  const checks = keys.map((k) => fields[k]!);
  return (v) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
    const o = v as Record<string, unknown>;
    for (let i = 0; i < keys.length; i++) if (!checks[i]!(o[keys[i]!])) return false;
    return true;
  };
};
const record =
  (check: Check): Check =>
  (v) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every(check);

const keyPoint = obj({ label: str, terms: strings, hint: opt(str) });
const cardBlock: Check = (v) =>
  obj({ kind: str, title: opt(str) })(v) && ((v as { kind: string }).kind === 'table' ? obj({ header: opt(strings), rows: list(strings) })(v) : obj({ lines: strings })(v));
const card = obj({ id: str, title: str, subtitle: opt(str), tags: strings, blocks: list(cardBlock), line: num });

export const isProblem = obj({ path: str, line: opt(num), severity: (v) => v === 'error' || v === 'warning', message: str });

export const isScenario = obj({
  id: str,
  title: str,
  guide: str,
  prompt: str,
  angle: str,
  context: str,
  answers: record(obj({ answer: str, assumption: bool })),
  mustAsk: strings,
  followUps: record(strings),
  path: str,
  bundled: bool,
});

const phase = obj({ key: str, name: str, start: num, end: num, focus: str, tips: str, keyPoints: list(keyPoint) });

export const isGuide = obj({
  id: str,
  title: str,
  system: opt(str),
  summary: opt(str),
  tags: strings,
  path: str,
  bundled: bool,
  pacing: list(phase),
  questionsToAsk: list(obj({ question: str, why: opt(str), group: str, details: strings })),
  scenarioQuestions: list(obj({ scenario: str, ask: str, branches: list(obj({ when: str, then: str })) })),
  tradeoffs: list(obj({ id: str, title: str, options: strings, aspects: list(obj({ aspect: str, values: strings })), recommendation: opt(str), response: opt(str), notes: strings, line: num })),
  traps: list(obj({ id: str, question: str, wants: opt(str), weak: opt(str), weakWhy: opt(str), strong: opt(str), keyPoints: list(keyPoint), derivedKeyPoints: opt(bool), line: num })),
  mistakes: list(obj({ mistake: str, why: opt(str), better: opt(str) })),
  cards: list(card),
  numbers: list(obj({ metric: str, value: str, context: opt(str) })),
  flow: list(obj({ phase: str, title: str, text: str })),
  endQuestions: list(obj({ question: str, why: opt(str) })),
  related: list(obj({ topic: str, note: opt(str), url: opt(str) })),
  questions: list(obj({ id: str, text: str, category: opt(str), level: opt(str), answer: opt(str), line: num })),
  mockPrompts: list(obj({ category: opt(str), prompt: str })),
  discussion: list(obj({ background: str, title: str, points: strings })),
  sections: list(obj({ heading: str, depth: num, text: str, line: num })),
}) as (v: unknown) => v is Guide;

const isStrings = (v: unknown): boolean => {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
  return true;
};

/**
 * A guide in the summary index, which `coach card` reads on every run: written out
 * field by field, which runs in half the time of the checks above in code that runs
 * once. A card's rows are a byte range of the index file, checked there.
 */
export function isGuideSummary(v: unknown): boolean {
  const s = v as Record<string, unknown> | null;
  if (!s || typeof s !== 'object') return false;
  if (typeof s['id'] !== 'string' || typeof s['title'] !== 'string' || typeof s['path'] !== 'string' || typeof s['bundled'] !== 'boolean') return false;
  if ((s['system'] !== undefined && typeof s['system'] !== 'string') || !isStrings(s['tags']) || !Array.isArray(s['cards'])) return false;
  const n = s['counts'] as Record<string, unknown> | null;
  if (!n || typeof n['traps'] !== 'number' || typeof n['tradeoffs'] !== 'number' || typeof n['cards'] !== 'number' || typeof n['questions'] !== 'number') return false;
  for (const c of s['cards'] as (Record<string, unknown> | null)[]) {
    if (!c || typeof c['id'] !== 'string' || typeof c['title'] !== 'string' || typeof c['line'] !== 'number' || !isStrings(c['tags']) || !Array.isArray(c['blocks'])) return false;
    if (c['subtitle'] !== undefined && typeof c['subtitle'] !== 'string') return false;
  }
  return true;
}
