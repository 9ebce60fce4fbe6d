// Edit distance between two short words: a typo in a command or a question. Pure.

/** Levenshtein distance: insertions, deletions and substitutions. */
export function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/**
 * The word of a vocabulary a typed word was meant to be: itself when known, else the
 * one known word within one edit (two for long words), when there is exactly one
 * best. Short words are left alone: "rec" is not "red".
 */
export function corrected(word: string, vocabulary: ReadonlySet<string>): string {
  const w = word.toLowerCase();
  if (w.length < 4 || vocabulary.has(w) || /\d/.test(w)) return word;
  const limit = w.length >= 8 ? 2 : 1;
  let best: string | undefined;
  let bestD = limit + 1;
  let ties = 0;
  for (const v of vocabulary) {
    if (Math.abs(v.length - w.length) > limit) continue;
    // Two slips in one word keep its first letter: "trending" is no typo of "spending".
    if (limit === 2 && v[0] !== w[0]) continue;
    // A four-letter word is a typo only by two letters swapped ("mnay"): one letter
    // changed is another word as often as not ("post" is no typo of "cost").
    if (w.length === 4 && !swapped(w, v)) continue;
    const d = distance(w, v);
    if (d < bestD) {
      best = v;
      bestD = d;
      ties = 0;
    } else if (d === bestD) ties++;
  }
  return best && ties === 0 ? best : word;
}

/** Whether b is a with two neighbouring letters swapped. */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}
