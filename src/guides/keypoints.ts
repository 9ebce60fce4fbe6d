// The key-point matcher: which of a list of key points an answer covers, and by which
// words. Case, plurals, hyphens and spacing are folded; each key point lists its own
// synonyms, and a few abbreviations every ML-platform answer uses are folded too.
import type { KeyPoint } from './model.js';

export interface PointResult {
  point: KeyPoint;
  covered: boolean;
  /** The term that matched, as written in the key point. */
  term?: string;
  /** The words of the answer that matched, as the user wrote them. */
  words?: string;
}

export interface MatchResult {
  results: PointResult[];
  covered: number;
  total: number;
}

interface Word {
  norm: string;
  start: number;
  end: number;
}

// Folded both ways: saying either counts as saying the other.
const ABBREVIATIONS: Record<string, string> = {
  k8s: 'kubernetes',
  hpa: 'horizontal pod autoscaler',
  az: 'availability zone',
  dc: 'datacenter',
  ml: 'machine learning',
  qps: 'queries per second',
  rps: 'requests per second',
  sla: 'service level agreement',
  slo: 'service level objective',
  spof: 'single point of failure',
  pit: 'point in time',
};

/**
 * Folds one word: lower case, a plural "s"/"ies" removed, then a final "e", so that
 * "cache", "caches", "batch" and "batches" fold the same way on both sides.
 */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

function words(text: string): Word[] {
  const out: Word[] = [];
  // Hyphens, slashes, underscores and dots between letters separate words.
  const re = /[\p{L}\p{N}]+/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ norm: stem(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

function termVariants(term: string): string[][] {
  const base = words(term).map((w) => w.norm);
  if (base.length === 0) return [];
  const variants = [base];
  const joined = base.join(' ');
  for (const [abbr, long] of Object.entries(ABBREVIATIONS)) {
    const longWords = long.split(' ').map(stem);
    if (joined === stem(abbr)) variants.push(longWords);
    if (joined === longWords.join(' ')) variants.push([stem(abbr)]);
  }
  return variants;
}

/**
 * Finds a term in the answer's words: its words in a row, or the same letters with
 * the spacing folded ("dual store" = "dual-store" = "dualstore").
 */
function find(answer: Word[], term: string[]): [number, number] | undefined {
  const target = term.join('');
  for (let i = 0; i < answer.length; i++) {
    let joined = '';
    for (let j = i; j < answer.length && j < i + term.length + 2; j++) {
      joined += answer[j]!.norm;
      if (joined === target) return [i, j];
      if (joined.length >= target.length) break;
    }
  }
  return undefined;
}

/** Says which key points an answer covers, and by which of its words. */
export function matchKeyPoints(answer: string, points: KeyPoint[]): MatchResult {
  const answerWords = words(answer);
  const results = points.map((point): PointResult => {
    for (const term of point.terms) {
      for (const variant of termVariants(term)) {
        const hit = find(answerWords, variant);
        if (hit) {
          const words = answer.slice(answerWords[hit[0]]!.start, answerWords[hit[1]]!.end);
          return { point, covered: true, term, words };
        }
      }
    }
    return { point, covered: false };
  });
  return { results, covered: results.filter((r) => r.covered).length, total: points.length };
}

/**
 * Parses one key point written as `**Label**: term, term -- hint` (or without the
 * bold). The label alone is the term when no terms are given.
 */
export function parseKeyPoint(raw: string): KeyPoint | undefined {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  const [main, ...hintParts] = text.split(/\s+(?:--|—)\s+/);
  const hint = hintParts.join(' -- ').trim() || undefined;
  const bold = /^\*\*(.+?)\*\*\s*[:：]?\s*(.*)$/.exec(main!);
  let label: string;
  let rest: string;
  if (bold) {
    label = bold[1]!.replace(/:$/, '').trim();
    rest = bold[2]!;
  } else {
    const colon = main!.indexOf(':');
    label = (colon > 0 ? main!.slice(0, colon) : main!).trim();
    rest = colon > 0 ? main!.slice(colon + 1) : '';
  }
  const terms = rest
    .split(/[,;]/)
    .map((t) => t.replace(/[*_`"]/g, '').trim())
    .filter(Boolean);
  return { label, terms: terms.length > 0 ? terms : [label], ...(hint ? { hint } : {}) };
}
