// Quick-reference cards: boxes drawn in code blocks (ASCII `+--+ |` or Unicode
// `┌─┐ │`) and cards written as markdown tables and lists, both turned into blocks
// of rows that the renderer can re-wrap to any width.
import type { Tokens } from 'marked';
import type { CardBlock } from './model.js';
import { blockText, inlineText, listItems, tableRows, type Block } from './markdown.js';
import { squash } from './text.js';

const BORDER = /^[┌└├╔╚╠+][─━═\-┬┼┴╤╧╪+]*[┐┘┤╗╝╣+]?$/;
const RULE = /^[\s─━═\-┼┬┴+|│]+$/;
const VERTICAL = /[│|]/;

/** True when a code block is a drawn box rather than ordinary code or dialogue. */
export function isBox(code: string): boolean {
  const first = code.split('\n').find((l) => l.trim() !== '');
  return first !== undefined && BORDER.test(first.trim()) && first.trim().length > 4;
}

export interface ParsedBox {
  subtitle?: string;
  blocks: CardBlock[];
}

/** Reads a drawn box into blocks: one per band between horizontal borders. */
export function parseBox(code: string): ParsedBox {
  const bands: string[][] = [[]];
  for (const raw of code.split('\n')) {
    const line = raw.trimEnd();
    const trimmed = line.trim();
    if (trimmed === '') continue;
    if (BORDER.test(trimmed)) {
      if (bands[bands.length - 1]!.length > 0) bands.push([]);
      continue;
    }
    // Drop the outer frame: the first and last vertical bar of the line.
    let inner = trimmed;
    if (/^[│┃║|]/.test(inner)) inner = inner.slice(1);
    if (/[│┃║|]$/.test(inner)) inner = inner.slice(0, -1);
    bands[bands.length - 1]!.push(inner);
  }
  const nonEmpty = bands.filter((b) => b.some((l) => l.trim() !== ''));
  const out: ParsedBox = { blocks: [] };
  nonEmpty.forEach((band, i) => {
    const lines = band.filter((l) => l.trim() !== '');
    if (i === 0 && lines.length === 1 && !VERTICAL.test(lines[0]!)) {
      out.subtitle = squash(lines[0]!);
      return;
    }
    out.blocks.push(...bandBlocks(band));
  });
  out.blocks = headed(out.blocks);
  return out;
}

/**
 * A one-row table with no header, right above a table of several rows and as many
 * columns, is that table's header: the border under a header row (`+---+---+` in
 * ASCII) split them into two bands. (Bands of one row each are a drawing's layers.)
 */
function headed(blocks: CardBlock[]): CardBlock[] {
  const out: CardBlock[] = [];
  for (const b of blocks) {
    const last = out[out.length - 1];
    if (b.kind === 'table' && !b.header && last?.kind === 'table' && !last.header && !last.title && last.rows.length === 1 && b.rows.length >= 2 && last.rows[0]!.length === b.rows[0]!.length) {
      out[out.length - 1] = { kind: 'table', header: last.rows[0]!, rows: b.rows };
    } else out.push(b);
  }
  return out;
}

function bandBlocks(band: string[]): CardBlock[] {
  const lines = band.filter((l) => l.trim() !== '');
  const withBars = lines.filter((l) => VERTICAL.test(l) && !RULE.test(l));
  if (withBars.length > 0 && withBars.length >= lines.filter((l) => !RULE.test(l)).length / 2) {
    return [tableFromBars(lines)];
  }
  const sections = titledSections(lines);
  if (sections) return sections.flatMap(sectionBlocks);
  const split = columnSplit(band);
  if (split !== undefined) return [tableFromColumns(band, split)];
  return [linesBlock(lines)];
}

// ---- sections inside a band ------------------------------------------------------

// "───────────          ─────────────": the rule under a title, one run per column.
const UNDERLINE = /^\s*[─━═=-]{3,}(?:\s+[─━═=-]{3,})*\s*$/;
// "Architecture:" at the band's left edge, with the lines under it indented.
const COLON_TITLE = /^[A-Za-z][^:]{0,50}:$/;

interface Section {
  title?: string;
  /** Where each column starts, when the title is drawn over two or more columns. */
  columns?: { at: number; title: string }[];
  titleLine?: string;
  lines: string[];
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/**
 * A band that titles its parts ("KEY NUMBERS" over a rule, "Architecture:" over
 * indented lines) is read part by part; undefined when it has fewer than two titles.
 */
function titledSections(lines: string[]): Section[] | undefined {
  const base = Math.min(...lines.map(indentOf));
  const sections: Section[] = [{ lines: [] }];
  let titles = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1];
    const t = line.trim();
    if (next !== undefined && UNDERLINE.test(next) && /[A-Za-z]/.test(t) && !UNDERLINE.test(line)) {
      const runs = [...next.matchAll(/[─━═=-]{3,}/g)].map((m) => m.index);
      const section: Section = { title: squash(t).replace(/:$/, ''), lines: [] };
      if (runs.length >= 2) {
        section.columns = runs.map((at, k) => ({ at, title: squash(line.slice(at, runs[k + 1] ?? line.length)).replace(/:$/, '') }));
        section.titleLine = line;
      }
      sections.push(section);
      titles++;
      i++;
    } else if (indentOf(line) === base && COLON_TITLE.test(t) && next !== undefined && indentOf(next) > base) {
      sections.push({ title: t.replace(/:$/, ''), lines: [] });
      titles++;
    } else sections[sections.length - 1]!.lines.push(line);
  }
  if (titles < 2) return undefined;
  return sections.filter((x) => x.title || x.lines.length > 0);
}

function sectionBlocks(section: Section): CardBlock[] {
  if (section.columns) {
    const cols = section.columns;
    // Each line cut where a column starts; a line whose text runs across a column's
    // start does not split cleanly, and the part is drawn as written instead.
    const rows: string[][] = [];
    for (const line of section.lines) {
      if (cols.slice(1).some((c) => c.at < line.length && line[c.at - 1] !== ' ')) {
        return [{ kind: 'lines', lines: shapedLines([section.titleLine ?? '', ...section.lines].filter(Boolean), true).lines, pre: true }];
      }
      rows.push(cols.map((c, k) => bullet(squash(line.slice(c.at, cols[k + 1]?.at ?? line.length)))));
    }
    // Three or more columns are a table; two side by side are two lists ("KEY NUMBERS", "KEY DECISIONS").
    if (cols.length >= 3) return [{ kind: 'table', header: cols.map((c) => c.title), rows }];
    return cols.map((c, k) => ({ kind: 'lines' as const, ...(c.title ? { title: c.title } : {}), lines: rows.map((r) => r[k]!).filter(Boolean) }));
  }
  const block = linesBlock(section.lines, false);
  if (section.title && block.kind === 'lines') block.title = section.title;
  return [block];
}

// A line of a diagram: only arrows and connectors ("   ↓        ↓").
const ARROWS_ONLY = /^[\s↓↑▼▲│|↕v^→←⇣⇡]+$/;

/** Lines kept as drawn: a diagram keeps its spacing; other lines keep how far they are indented. */
function shapedLines(lines: string[], drawn = false): { lines: string[]; pre: boolean } {
  const base = Math.min(...lines.map(indentOf));
  if (drawn || lines.some((l) => ARROWS_ONLY.test(l) && /[↓↑▼▲↕⇣⇡]/.test(l))) return { lines: lines.map((l) => l.slice(base).trimEnd()), pre: true };
  return { lines: lines.map((l) => ' '.repeat(Math.min(indentOf(l) - base, 8)) + bullet(squash(l))), pre: false };
}

function tableFromBars(lines: string[]): CardBlock {
  const rows: string[][] = [];
  let header: string[] | undefined;
  for (const line of lines) {
    if (RULE.test(line)) {
      if (!header && rows.length === 1) header = rows.pop();
      continue;
    }
    rows.push(line.split(VERTICAL).map((c) => squash(c)));
  }
  if (!header && rows.length > 1 && rows[0]!.every((c) => c === c.toUpperCase() && /[A-Z]/.test(c))) {
    header = rows.shift();
  }
  return { kind: 'table', ...(header ? { header } : {}), rows };
}

/**
 * Finds where a band laid out as two columns side by side splits: the position
 * after which every line has either nothing or a word that starts a new column.
 */
function columnSplit(band: string[]): number | undefined {
  const lines = band.filter((l) => l.trim() !== '');
  if (lines.length < 2) return undefined;
  // Longest first, so each position looks only at the lines that reach it: the work
  // is the band's characters, not its widest line times its number of lines.
  const byLength = [...lines].sort((a, b) => b.length - a.length);
  const width = byLength[0]!.length;
  let best: { at: number; starts: number } | undefined;
  for (let at = 8; at < width - 4; at++) {
    let ok = true;
    let starts = 0;
    for (const l of byLength) {
      if (l.length <= at) break;
      const before = l.slice(at - 2, at);
      if (before.trim() !== '') {
        ok = false;
        break;
      }
      if (l[at] !== ' ') starts++;
    }
    if (ok && starts >= Math.ceil(lines.length / 2) && (!best || starts > best.starts)) best = { at, starts };
  }
  return best?.at;
}

function tableFromColumns(band: string[], at: number): CardBlock {
  const rows: string[][] = [];
  let header: string[] | undefined;
  for (const line of band) {
    if (line.trim() === '') continue;
    const cells = [squash(line.slice(0, at)), squash(line.slice(at))];
    if (cells.every((c) => c === '' || RULE.test(c))) {
      if (!header && rows.length === 1) header = rows.pop();
      continue;
    }
    rows.push(cells.map(bullet));
  }
  return { kind: 'table', ...(header ? { header } : {}), rows };
}

function bullet(text: string): string {
  return text.replace(/^[*•·-]\s+/, '• ');
}

function linesBlock(raw: string[], titled = true): CardBlock {
  const first = squash(raw[0] ?? '');
  const title = titled && first && /^[A-Z0-9][A-Z0-9 ()'’/&.,-]+:?$/.test(first) && raw.length > 1 ? first.replace(/:$/, '') : undefined;
  const body = title ? raw.slice(1) : raw;
  if (body.length === 0) return { kind: 'lines', ...(title ? { title } : {}), lines: [] };
  const { lines, pre } = shapedLines(body);
  return { kind: 'lines', ...(title ? { title } : {}), lines, ...(pre ? { pre } : {}) };
}

/** A card's line is one line: a quote of several paragraphs is several lines. */
function textLines(text: string): string[] {
  return text.split('\n').filter((l) => l.trim() !== '');
}

/** Blocks of a card written in markdown: a bold line titles the block that follows it. */
export function markdownCardBlocks(blocks: Block[]): ParsedBox {
  const out: ParsedBox = { blocks: [] };
  let pendingTitle: string | undefined;
  const add = (block: CardBlock): void => {
    if (pendingTitle) block.title = pendingTitle;
    pendingTitle = undefined;
    out.blocks.push(block);
  };
  for (const block of blocks) {
    if (block.type === 'code') {
      const code = (block as unknown as Tokens.Code).text;
      if (isBox(code)) {
        const box = parseBox(code);
        if (box.subtitle && !out.subtitle) out.subtitle = box.subtitle;
        for (const b of box.blocks) add(b);
      } else
        add({
          kind: 'lines',
          lines: code
            .split('\n')
            .filter((l) => l.trim() !== '')
            .map((l) => squash(l)),
        });
    } else if (block.type === 'table') {
      const { header, rows } = tableRows(block as unknown as Tokens.Table);
      add({ kind: 'table', header, rows });
    } else if (block.type === 'list') {
      add({ kind: 'lines', lines: listItems(block as unknown as Tokens.List).map((i) => `• ${i.text}`) });
    } else if (block.type === 'paragraph') {
      const p = block as unknown as Tokens.Paragraph;
      const onlyStrong = p.tokens.length === 1 && p.tokens[0]!.type === 'strong';
      if (onlyStrong) {
        if (pendingTitle) add({ kind: 'lines', lines: [] });
        pendingTitle = inlineText(p.tokens);
      } else add({ kind: 'lines', lines: textLines(blockText(block)) });
    } else if (block.type === 'blockquote') {
      add({ kind: 'lines', lines: textLines(blockText(block)) });
    } else if (block.type === 'heading') {
      // A sub-heading of a one-card section titles the blocks under it.
      if (pendingTitle) add({ kind: 'lines', lines: [] });
      pendingTitle = (block as unknown as Tokens.Heading).text;
    }
  }
  if (pendingTitle) add({ kind: 'lines', lines: [] });
  return out;
}
