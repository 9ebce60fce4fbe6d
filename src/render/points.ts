// A key point as a line says it: its label, then its hint, unless the hint only says
// the label again (a hint that starts with "label:", or a label that is the hint cut
// short: "A DHT gives exact answers but…" over the whole sentence).

/** The label and the part of the hint that adds to it. */
export function pointParts(label: string, hint: string | undefined): { label: string; hint?: string } {
  if (!hint?.trim()) return { label };
  const l = label.trim().toLowerCase();
  const h = hint.trim();
  if (h.toLowerCase() === l) return { label };
  if (h.toLowerCase().startsWith(`${l}:`)) {
    const rest = h.slice(l.length + 1).trim();
    return rest ? { label, hint: rest } : { label };
  }
  // A label made by cutting the hint short: the whole hint is the point, said once.
  const cut = l.replace(/(?:…|\.\.\.)$/, '').trim();
  if (cut !== l && cut.length > 0 && h.toLowerCase().startsWith(cut)) return { label: h };
  return { label, hint: h };
}

/** "Label — hint", without repeating what the label already says. */
export function pointText(label: string, hint: string | undefined): string {
  const p = pointParts(label, hint);
  return p.hint ? `${p.label} — ${p.hint}` : p.label;
}
