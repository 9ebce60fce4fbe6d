// The budget one guide file may spend (issue 13). Guides are untrusted: a file built to
// nest a thousand block quotes, expand YAML aliases into gigabytes or keep a regular
// expression busy for minutes must cost little and be skipped, while every other guide
// loads. The layers around the parser enforce it: files.ts (sizes, lines, items per
// part), markdown.ts (nesting, inline text, time) and front-matter.ts (YAML). Pure.

export const BUDGET = {
  /** Containers inside containers: block quotes, list items, emphasis inside links... */
  nesting: 32,
  /** Characters on one line (a guide's longest line is a few hundred). */
  lineChars: 20_000,
  /**
   * Inline text (a paragraph, a table cell, a heading) longer than this is kept as
   * plain text: marked's emphasis and autolink rules take time that grows with the
   * square of a run of `_`, `*` or spaces.
   */
  inlineChars: 4_000,
  /** Characters of a heading's text; a longer one is cut (a setext heading can be a whole paragraph). */
  headingChars: 1_000,
  /** Items of one kind in one guide: traps, trade-offs, cards, sections... */
  itemsPerPart: 2_000,
  /** YAML aliases (`*name`) in the front matter. */
  yamlAliases: 64,
  /** YAML collections inside collections. */
  yamlDepth: 20,
  /** Values in the front matter once aliases are expanded. */
  yamlValues: 10_000,
  /**
   * Wall time to parse one file, in milliseconds: this much, plus `msPerKiB` for each
   * KiB. A bundled guide (30 KiB) takes 20 ms and a 2 MiB one about 2 s on a slow
   * machine; the budget is ten times that work, since the known hostile inputs are
   * stopped sooner by the limits above and this is the backstop for unknown ones.
   */
  ms: 2_000,
  msPerKiB: 4,
} as const;

/** A file that would cost more than its budget: skipped with this message. */
export class OverBudget extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'OverBudget';
  }
}

interface Meter {
  deadline: number;
  ms: number;
  now: () => number;
  steps: number;
}

// The meter of the file being parsed. Parsing is synchronous from start to end, so one
// meter at a time belongs to the one file being parsed.
let meter: Meter | undefined;

/** Runs the synchronous parse of one file under a deadline; `spend()` calls check it. */
export function withinBudget<T>(now: () => number, work: () => T, ms: number = BUDGET.ms): T {
  const outer = meter;
  meter = { deadline: now() + ms, ms, now, steps: 0 };
  try {
    return work();
  } finally {
    meter = outer;
  }
}

/**
 * Called as the markdown layer works; past the deadline the file is over budget. The
 * clock is read every 8th step (a step is a block, a run of inline text or a token,
 * each bounded by the limits above): reading it every time cost a cold index of 250
 * guides a few percent.
 */
export function spend(): void {
  if (meter && (++meter.steps & 7) === 0 && meter.now() > meter.deadline) {
    const ms = meter.ms;
    meter = undefined; // one throw per file: cleanup code that spends again runs free
    throw new OverBudget(`took longer than ${(ms / 1000).toFixed(1)} s to read`);
  }
}
