// What every recognizer shares: the guide being filled in, the problems found, and the
// small helpers for reading sections. Pure.
import type { Tokens } from 'marked';
import type { Guide, KeyPoint, Phase, Problem } from '../model.js';
import { allBlocks, blocksText, tableRows, type Block, type Node } from '../markdown.js';
import { slug } from '../text.js';

export interface Ctx {
  guide: Guide;
  problems: Problem[];
  path: string;
  /** Phases read from one heading per phase ("Phase 1: Requirements (0-5 min)"). */
  phaseHeadings: Phase[];
  /** Plans beyond the first, when a guide gives more than one (45 and 60 minutes). */
  otherPlans: Phase[][];
  /** Key points per phase key, as the guide lists them under "Phase Key Points". */
  phaseKeyPoints: Map<string, KeyPoint[]>;
  /** Phrases per phase key from the sections that speak of that phase, made into derived points only when needed. */
  topicPhrases: Map<string, string[]>;
  cardTags: Record<string, unknown>;
  /** Card ids taken so far in the guide. */
  cardIds: UniqueIds;
  /** How the guide spells a word it writes in mixed case ("whatsapp" → "WhatsApp"), for titles made from shouted text. */
  spelling: (lower: string) => string | undefined;
  /** Walks a node's sub-sections as the main walk would (for parts that hold other parts). */
  walkChildren: (node: Node) => void;
}

/** A layout a recognizer reads: its name, and a few lines that show it. */
export interface Layout {
  name: string;
  example: string;
}

/** One part of a guide (pacing, traps...): the headings it takes and how it reads them. */
export interface Recognizer {
  part: string;
  /** The field of the guide it fills (for the layout fixtures' table test). */
  yields: keyof Guide;
  /** A section whose heading matches is this recognizer's. */
  heading: RegExp;
  layouts: Layout[];
  /** Reads the section; `false` means it was not this part after all, and it is walked as a plain section. */
  // biome-ignore lint/suspicious/noConfusingVoidType: most recognizers return nothing; one returning true stops the walk below the node
  read(node: Node, ctx: Ctx, ancestors: Node[]): void | boolean;
  /** After reading, the section is walked as a plain one too (a phase heading holds other parts). */
  passThrough?: boolean;
}

export function descendants(node: Node): Node[] {
  return node.children.flatMap((c) => [c, ...descendants(c)]);
}

export function firstTable(node: Node, accept: (header: string[]) => boolean): (Block & Tokens.Table) | undefined {
  return allBlocks(node).find((b): b is Block & Tokens.Table => b.type === 'table' && accept(tableRows(b as unknown as Tokens.Table).header));
}

/** A section nothing recognised stays readable with `coach guide --section`. */
export function keepSection(node: Node, ctx: Ctx): void {
  const text = blocksText(allBlocks(node));
  if (text) ctx.guide.sections.push({ heading: node.heading, depth: node.depth, text, line: node.line });
}

/** A short id from a title: the part before a colon, cut at a word boundary. */
export function shortId(title: string, fallback: string): string {
  const full = slug(title.split(/:\s/)[0] ?? title) || fallback;
  if (full.length <= 40) return full;
  const cut = full.slice(0, 41);
  return cut.slice(0, cut.lastIndexOf('-')) || full.slice(0, 40);
}

/** `base`, or `base-2`, `base-3`... whichever is not taken yet; takes it. */
/**
 * Ids made unique by a number: "id", then "id-2", "id-3"... Each base remembers the
 * number it reached, so 3,000 identical headings take linear time, not a rescan of
 * every id taken for each (17 s before, issue 13).
 */
export class UniqueIds {
  private readonly taken = new Set<string>();
  private readonly next = new Map<string, number>();

  take(base: string): string {
    let id = base;
    if (this.taken.has(id)) {
      let n = this.next.get(base) ?? 2;
      while (this.taken.has(`${base}-${n}`)) n++;
      id = `${base}-${n}`;
      this.next.set(base, n + 1);
    }
    this.taken.add(id);
    return id;
  }
}

/** Makes ids unique in one pass: the second "x" is "x-2", the third "x-3". */
export function uniqueIds<T extends { id: string }>(items: T[]): void {
  const taken = new Set<string>();
  const next = new Map<string, number>();
  for (const item of items) {
    const base = item.id;
    let id = base;
    for (let n = next.get(base) ?? 2; taken.has(id); n++) {
      id = `${base}-${n}`;
      next.set(base, n + 1);
    }
    taken.add(id);
    item.id = id;
  }
}
