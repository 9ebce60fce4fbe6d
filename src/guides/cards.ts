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
    if (/^[│|]/.test(inner)) inner = inner.slice(1);
    if (/[│|]$/.test(inner)) inner = inner.slice(0, -1);
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
    out.blocks.push(bandBlock(band));
  });
  return out;
}

function bandBlock(band: string[]): CardBlock {
  const lines = band.filter((l) => l.trim() !== '');
  const withBars = lines.filter((l) => VERTICAL.test(l) && !RULE.test(l));
  if (withBars.length > 0 && withBars.length >= lines.filter((l) => !RULE.test(l)).length / 2) {
    return tableFromBars(lines);
  }
  const split = columnSplit(band);
  if (split !== undefined) return tableFromColumns(band, split);
  return linesBlock(lines.map((l) => squash(l)));
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

function linesBlock(lines: string[]): CardBlock {
  const first = lines[0];
  if (first && /^[A-Z0-9][A-Z0-9 ()'’/&.,-]+:?$/.test(first) && lines.length > 1) {
    return { kind: 'lines', title: first.replace(/:$/, ''), lines: lines.slice(1).map(bullet) };
  }
  return { kind: 'lines', lines: lines.map(bullet) };
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
      } else add({ kind: 'lines', lines: code.split('\n').filter((l) => l.trim() !== '').map((l) => squash(l)) });
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
      } else add({ kind: 'lines', lines: [blockText(block)] });
    } else if (block.type === 'blockquote') {
      add({ kind: 'lines', lines: [blockText(block)] });
    } else if (block.type === 'heading') {
      // A sub-heading of a one-card section titles the blocks under it.
      if (pendingTitle) add({ kind: 'lines', lines: [] });
      pendingTitle = (block as unknown as Tokens.Heading).text;
    }
  }
  if (pendingTitle) add({ kind: 'lines', lines: [] });
  return out;
}
