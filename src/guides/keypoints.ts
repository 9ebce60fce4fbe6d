// Key points as a guide writes them (`**Label**: term, term -- hint`), and the light
// word folding that name lookups use. Judging an answer against key points is the
// judge's work (src/judge/concepts.ts).
import type { KeyPoint } from './model.js';

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
