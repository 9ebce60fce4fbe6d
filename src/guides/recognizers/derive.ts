// Key points a guide does not list as such, read off what it says a phase or an answer
// covers: a bullet, a table cell, a numbered point of a strong answer. Each becomes a
// point with a short label, the specific terms it names, and the whole text as its
// hint; all are marked as derived. Pure.
import type { KeyPoint } from '../model.js';

const MAX_LABEL = 60;

/** Markdown emphasis, list markers, quotes and trailing punctuation off a phrase. */
export function plain(text: string): string {
  return text
    .replace(/\*\*|__|`/g, '')
    .replace(/^\s*(?:[-*+•▸►→]|\d+[.)]|[a-z][.)])\s+/i, '')
    .replace(/\s+/g, ' ')
    .replace(/^["“'‘]|["”'’]$/g, '')
    .replace(/[\s.;:,]+$/, '')
    .trim();
}

/** Emphasis off a sentence, its punctuation kept: a focus or a tip as the guide wrote it. */
export function sentence(text: string): string {
  return text.replace(/\*\*|__|`/g, '').replace(/\s+/g, ' ').trim();
}

// Meta-advice is not something an answer makes: "see below", "ask questions".
const META = /^(see (the )?(list|below|above)|ask (clarifying )?questions|address (any )?(follow-?up )?questions|handle follow-?ups?|questions?$|summary$|q&a$|n\/a$|tbd$|-+$)/i;

/** One key point from one phrase, or undefined when the phrase says nothing checkable. */
export function pointFrom(text: string): KeyPoint | undefined {
  const t = plain(text);
  if (t.length < 3 || META.test(t) || !/[a-z]{3}/i.test(t)) return undefined;
  // "Label: the rest", "Label - the rest", "Label (a, b, c)".
  const m = /^(.{3,60}?)(?:\s*[:—–]\s+|\s+-\s+|\s*\()(.*)$/.exec(t);
  let label = m ? m[1]!.trim() : t;
  if (label.length > MAX_LABEL) label = `${label.slice(0, MAX_LABEL).replace(/\s+\S*$/, '')}`;
  const terms = new Set<string>([label]);
  // Named examples in parentheses or after a colon are terms of their own: "(Redis, Parquet)".
  for (const group of t.matchAll(/\(([^)]{2,120})\)/g)) {
    for (const part of group[1]!.split(/,|;|\/|\bor\b|\band\b/)) {
      const p = plain(part);
      if (p.length >= 2 && p.split(' ').length <= 4 && !/^e\.?g\.?$|^i\.?e\.?$|^etc$/i.test(p)) terms.add(p.replace(/^(e\.?g\.?|i\.?e\.?)\s+/i, ''));
    }
  }
  const point: KeyPoint = { label, terms: [...terms], derived: true };
  if (t !== label) point.hint = t;
  return point;
}

/**
 * A table cell or a line of items as separate phrases: "MPC key management, signing
 * flow, policy engine" is three; "Pick 1-2 critical components and go deep" is one.
 */
export function splitItems(text: string): string[] {
  const t = text.replace(/<br\s*\/?>/gi, '; ');
  const byStrong = t.split(/\s*[;?•]\s*|\s+\|\s+/).map((s) => s.trim()).filter(Boolean);
  if (byStrong.length > 1) return byStrong.flatMap((s) => splitItems(s));
  const byComma = t.split(/,\s+(?![^()]*\))/).map((s) => s.trim()).filter(Boolean);
  // Commas separate items only when every item is a short phrase.
  if (byComma.length > 1 && byComma.every((s) => s.split(/\s+/).length <= 6)) return byComma;
  return [t.trim()].filter(Boolean);
}

/** Up to `max` distinct points from phrases, in order. */
export function pointsFrom(phrases: string[], max = 5): KeyPoint[] {
  const out: KeyPoint[] = [];
  const seen = new Set<string>();
  for (const phrase of phrases) {
    const p = pointFrom(phrase);
    if (!p) continue;
    const key = p.label.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
    if (out.length >= max) break;
  }
  return out;
}
