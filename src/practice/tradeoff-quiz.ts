// The trade-off deck's question: one need or trait from a trade-off table, and which
// option it belongs to. "When to choose" rows make the best questions ("which fits
// large teams running production ML at scale?"); other rows ("Drift detection:
// included, via Alibi Detect") are used too, so the deck does not repeat itself. Pure.
import type { Tradeoff } from '../guides/model.js';
import { seededRandom } from './progress.js';

export interface TradeoffQuestion {
  /** The need or trait, as the table says it. */
  need: string;
  /** The table row it comes from. */
  aspect: string;
  /** True when the row says when to choose an option; false for any other trait. */
  when: boolean;
  options: string[];
  /** Index of the option the row gives this value to. */
  answer: number;
}

const WHEN = /\b(when to (choose|use|pick)|fits? when|where it fits|best for|built for|use when|choose when|good for)\b/i;

/** Words that would give the answer away: an option's own name in the value. */
function namesOption(value: string, options: string[]): boolean {
  const v = value.toLowerCase();
  return options.some((o) =>
    o
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 4)
      .some((w) => v.includes(w)),
  );
}

/** Makes the question for one review; `seed` picks the row and option. */
export function tradeoffQuestion(t: Tradeoff, seed: number): TradeoffQuestion | undefined {
  const n = t.options.length;
  if (n < 2) return undefined;
  const candidates: Omit<TradeoffQuestion, 'options'>[] = [];
  for (const a of t.aspects) {
    const values = a.values.slice(0, n).map((v) => v.trim());
    if (values.length < n || values.some((v) => !v)) continue;
    // A row where two options say the same thing cannot tell them apart.
    if (new Set(values.map((v) => v.toLowerCase())).size < n) continue;
    values.forEach((value, answer) => {
      if (namesOption(value, t.options)) return;
      candidates.push({ need: value, aspect: a.aspect, when: WHEN.test(a.aspect), answer });
    });
  }
  if (candidates.length === 0) return undefined;
  const random = seededRandom(seed);
  const when = candidates.filter((c) => c.when);
  // Two times in three a "when to choose" row, when the table has one.
  const pool = when.length > 0 && random() < 2 / 3 ? when : candidates;
  const pick = pool[Math.floor(random() * pool.length)]!;
  return { ...pick, options: t.options };
}
