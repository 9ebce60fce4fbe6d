// A guide's front matter block, read within the budget and cleaned where it enters
// (issue 13). YAML is untrusted like the rest of the guide: its double-quoted escapes
// (`"\e]0;title\a"`, `\N`, `\L`, `\P`) make control characters that were never in the
// file's bytes, so every key and string is cleaned after parsing; and aliases can name
// a value many times over ("billion laughs": 420 bytes that expand to gigabytes), so
// aliases, nesting and the number of values once expanded are limited. Pure.
import type matterType from '@11ty/gray-matter';
import { BUDGET, OverBudget } from './budget.js';
import { sanitize } from './text.js';

export interface FrontMatter {
  /** The parsed value, cleaned: a fresh tree with no shared parts and no control characters. */
  data: unknown;
  /** Control characters and escape sequences removed from its strings. */
  removed: number;
}

// gray-matter passes its options on to js-yaml (its README: "Options to pass to
// gray-matter and js-yaml"), whose own limits stop the parse early with a clear reason.
const OPTIONS = { language: 'yaml', excerpt: false, maxAliases: BUDGET.yamlAliases, maxDepth: BUDGET.yamlDepth };

let loaded: typeof matterType | undefined;

/**
 * gray-matter and js-yaml (about 110 KB, two fifths of the parser bundle), loaded on
 * the first front matter: most guides people write have none. A plain require(): in
 * dist/ it loads the package's own bundle, built apart (scripts/build.mjs); under the
 * tests, the package itself.
 */
function matter(): typeof matterType {
  loaded ??= require('@11ty/gray-matter') as typeof matterType;
  return loaded;
}

/** Parses a `---` block; throws js-yaml's error for invalid YAML, OverBudget past the budget. */
export function readFrontMatter(block: string): FrontMatter {
  let raw: unknown;
  try {
    // Options (any at all) also keep gray-matter from caching results across calls.
    raw = matter()(block, OPTIONS as Parameters<typeof matterType>[1]).data;
  } catch (e) {
    const why = (e as { reason?: string }).reason ?? (e as Error).message ?? '';
    const line = (e as { mark?: { line?: number } }).mark?.line;
    const at = line !== undefined ? line + 2 : 1; // the block's first line is the ---
    if (/maxAliases/.test(why)) throw new OverBudget(`front matter uses more than ${BUDGET.yamlAliases} YAML aliases`, at);
    if (/maxDepth/.test(why)) throw new OverBudget(`front matter nests more than ${BUDGET.yamlDepth} levels deep`, at);
    throw e;
  }
  const state = { values: 0, removed: 0 };
  return { data: clean(raw, state, 0), removed: state.removed };
}

function clean(value: unknown, state: { values: number; removed: number }, depth: number): unknown {
  if (++state.values > BUDGET.yamlValues) {
    throw new OverBudget(`front matter holds more than ${BUDGET.yamlValues.toLocaleString('en')} values once its YAML aliases are expanded`, 1);
  }
  // An alias can make a list that holds itself; js-yaml's depth limit does not count aliases.
  if (depth > BUDGET.yamlDepth) throw new OverBudget(`front matter nests more than ${BUDGET.yamlDepth} levels deep`, 1);
  if (typeof value === 'string') return text(value, state);
  if (Array.isArray(value)) return value.map((v) => clean(v, state, depth + 1));
  if (value instanceof Date || value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    // defineProperty: a key named __proto__ is a key, not the object's prototype.
    Object.defineProperty(out, text(key, state), { value: clean(v, state, depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function text(value: string, state: { removed: number }): string {
  const s = sanitize(value);
  state.removed += s.removed;
  return s.text;
}
