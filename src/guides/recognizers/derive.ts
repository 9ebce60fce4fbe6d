// Key points a guide does not list as such, read off what it says a phase or an answer
// covers: a bullet, a table cell, a numbered point of a strong answer. Each becomes a
// point with a short label, the specific terms it names, and the whole text as its
// hint; all are marked as derived. Pure.
import { stem } from '../keypoints.js';
import type { KeyPoint } from '../model.js';

const MAX_LABEL = 60;

/** Markdown emphasis, list markers, quotes and trailing punctuation off a phrase. */
export function plain(text: string): string {
  // Most cells and headings have nothing to take off: no regex pass for them.
  if (!/[*_`"“”'‘’\s.;:,]$|^[\s\-*+•▸►→\d"“'‘]|[*_`]|\s\s/.test(text) && !/^[a-z][.)]\s/i.test(text)) return text;
  return (
    text
      .replace(/\*\*|__|`/g, '')
      .replace(/^\s*(?:[-*+•▸►→]|\d+[.)]|[a-z][.)])\s+/i, '')
      .replace(/\s+/g, ' ')
      // '"Local-first," sync is async' split at its comma leaves '"Local-first,"': both quotes go.
      .replace(/[\s.;:,]+$/, '')
      .replace(/^["“'‘]|["”'’]$/g, '')
      .replace(/[\s.;:,]+$/, '')
      .trim()
  );
}

/** Emphasis off a sentence, its punctuation kept: a focus or a tip as the guide wrote it. */
export function sentence(text: string): string {
  return text
    .replace(/\*\*|__|`/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

// Meta-advice is not something an answer makes: "see below", "ask questions".
const META =
  /^(see (the )?(list|below|above)|ask (clarifying )?questions|(address|answer|take) (any )?(the )?(follow-?up )?questions|go deep( on [\w ]+)?$|compare (the )?(approaches|options|alternatives)$|handle follow-?ups?|questions?$|summary$|q&a$|n\/a$|tbd$|-+$)/i;

/**
 * The name of a deep-dive option the candidate picks among: "Option A: Home Mixer
 * (Timeline Assembly)" is Home Mixer, "Option B: Retention Deep Dive" Retention.
 * Undefined when the text names no option.
 */
export function optionName(text: string): string | undefined {
  const m = /^option\s+[a-z0-9]{1,2}\s*[:.\-–]\s*(.{3,60}?)\s*:?$/i.exec(text.trim());
  return m ? m[1]!.replace(/(.{3})\s+deep[- ]dive$/i, '$1').replace(/\s*\([^)]*\)/g, '') : undefined;
}

/** A heading or a table column of what to avoid: "Common Mistakes to Avoid", "| Mistake | Why It's Wrong |". */
export const AVOID = /mistake|avoid|pitfall|anti-?pattern|\bdon'?t\b|\bnot to\b|wrong|\bbad\b|weak|red flag|trap/i;

// An interviewer's note on what to listen for: "Does the candidate understand why …?",
// "Do they propose bitmap-based step matching?". What follows is the point.
const LISTEN_FOR =
  /^(?:does|do|did|can|could|will|would)\s+(?:the\s+)?(?:candidate|they|he|she|interviewee)\s+(?:(?:understand|propose|handle|consider|mention|know|discuss|explain|recogni[sz]e|identify|address|use|suggest|bring up|think about|ask about|realize|realise)\s+)?/i;

/** One key point from one phrase, or undefined when the phrase says nothing checkable. */
export function pointFrom(text: string): KeyPoint | undefined {
  const plainText = plain(text);
  const t = LISTEN_FOR.test(plainText) ? plainText.replace(LISTEN_FOR, '').replace(/\?$/, '') : plainText;
  if (t.length < 3 || META.test(t) || !/[a-z]{3}/i.test(t)) return undefined;
  // "Label: the rest", "Label - the rest", "Label (a, b, c)".
  const m = /^(.{3,60}?)(?:\s*[:—–]\s+|\s+-\s+|\s*\()(.*)$/.exec(t);
  // '**"I'll design this local-first"** — edge first': the quoted words are the label.
  let label = (m ? m[1]!.trim() : t).replace(/^["“]?([^"“”]+)["”]$/, '$1');
  const long = label.length > MAX_LABEL;
  if (long) label = label.slice(0, MAX_LABEL).replace(/\s+\S*$/, '');
  const terms = new Set<string>([label]);
  if (long) label = `${label}…`;
  // Named examples in parentheses or after a colon are terms of their own: "(Redis, Parquet)".
  for (const group of t.matchAll(/\(([^)]{2,120})\)/g)) {
    for (const part of group[1]!.replace(/\?/g, '').split(/,|;|\s\/\s|\bor\b|\band\b/)) {
      const p = plain(part);
      if (p.length >= 2 && p.split(' ').length <= 4 && !/^e\.?g\.?$|^i\.?e\.?$|^etc$/i.test(p)) terms.add(p.replace(/^(e\.?g\.?|i\.?e\.?)\s+/i, ''));
    }
  }
  // The parts of a label that a candidate would say: "Explain Anycast for global
  // distribution" is made by saying "anycast" or "global distribution", not "explain".
  const parts = subPhrases(m ? m[1]! : t);
  if (parts.length > 1 || (parts[0] && parts[0] !== label)) for (const part of parts) terms.add(part);
  // A label cut short is no phrase anyone says; its parts are.
  if (long && parts.length > 1) terms.delete(label.replace(/…$/, ''));
  const point: KeyPoint = { label, terms: [...terms], derived: true };
  // A hint says more than the label and its examples: "Hotel Search (Elasticsearch Geo)" does not.
  const extra = t
    .replace(label, '')
    .replace(/\([^)]*\)/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  if (extra.split(' ').filter(Boolean).length >= 3) point.hint = t;
  return point;
}

// What a guide tells the candidate to do, which the candidate then does rather than says.
const INSTRUCTION =
  /^(?:draw|show|explain|mention|discuss|describe|cover|walk (?:me )?through|talk (?:about|through)|present|sketch|outline|identify|define|propose|justify|highlight|emphasi[sz]e|note|list|state|ask(?: about)?|clarify|summari[sz]e|address|consider|demonstrate|review|compare|introduce|detail|go over|dive into|focus on|start with|mention that|explain why|explain how|know)\s+/i;
const CONNECTOR =
  /\s*(?:[,;:()+/&→]|\s(?:for|with|as|via|and|or|into|from|by|is|are|vs\.?|versus|instead of|rather than|using|through|because|so|but|then|while|when|which|that)\s|\s-+\s|\s[-–—]\s)\s*/i;

/** "Draw DNS hierarchy" → "DNS hierarchy": what a guide tells the candidate to do, without the telling. */
export function withoutInstruction(label: string): string {
  return plain(label).replace(INSTRUCTION, '').trim();
}

/**
 * The phrases of a derived label a candidate might say, without the instruction that
 * leads it ("Draw", "Explain") or the question's frame ("How does … work?").
 */
export function subPhrases(label: string): string[] {
  const core = plain(label)
    .replace(INSTRUCTION, '')
    .replace(/^(?:how|why|what|when|where)\s+(?:does|do|is|are|would|should|can|to|will)\s+/i, '')
    .replace(/\s+work\??$|\?$/i, '')
    .trim();
  return [
    ...new Set(
      core
        .split(CONNECTOR)
        .map((p) => p.trim().replace(/^(?:(?:or|and|but|then|so|the|a|an)\s+)+/i, ''))
        .filter((p) => p.length >= 2 && /\p{L}/u.test(p)),
    ),
  ].slice(0, 6);
}

/**
 * A table cell or a line of items as separate phrases: "MPC key management, signing
 * flow, policy engine" is three; "Pick 1-2 critical components and go deep" is one.
 */
export function splitItems(text: string): string[] {
  const t = text
    .replace(/<br\s*\/?>/gi, '; ')
    .replace(/\s+/g, ' ')
    .trim();
  const strong = splitTop(t);
  if (strong.length > 1) return strong.flatMap((s) => splitItems(s));
  // "Pick: snapshot handoff, exactly-once, or schema evolution": any one of them is the point.
  const pick = /^(?:pick|choose|select)(?:\s+(?:one or two|one|1\s*[-–]\s*2|1|2|any))?(?:\s+of)?\s*[:\-–]\s*(.+)$/i.exec(t);
  if (pick) return [pick[1]!.replace(/\.$/, '')];
  const body = t.replace(LEAD, '');
  // ", but keep rule authoring central" goes on with the same thought.
  const byComma = body
    .split(/,\s+(?!but\b|not\b|so\b|which\b|while\b|because\b|though\b)(?:and\s+|or\s+)?(?![^()]*\))/)
    .map((s) => s.trim())
    .filter(Boolean);
  // Commas separate items only when every item is a short phrase (its brackets aside).
  const short = (s: string): boolean =>
    s
      .replace(/\([^)]*\)/g, '')
      .trim()
      .split(/\s+/).length <= (byComma.length >= 3 ? 8 : 6);
  if (byComma.length > 1 && byComma.every(short)) return byComma;
  return [body.trim()].filter(Boolean);
}

// "Ask:", "Discuss:", "Cover:" lead into what is asked or discussed.
const LEAD = /^(?:ask|discuss|cover|mention|explain|clarify|consider|address|show|describe)\s*:\s*/i;

/**
 * A cell's items at the top level: split at ";", "?", "•", " | " and sentence ends, never
 * inside brackets; "What databases? (PostgreSQL, MySQL)" keeps its bracket with it.
 */
function splitTop(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    if (depth > 0) continue;
    const next = text[i + 1] ?? '';
    const end =
      c === ';' ||
      c === '•' ||
      c === '?' ||
      (c === '|' && text[i - 1] === ' ') ||
      (c === '.' && next === ' ' && /[A-Z(]/.test(text[i + 2] ?? '') && !/\b(?:e\.g|i\.e|vs|etc|approx)$/i.test(text.slice(Math.max(0, i - 6), i)));
    if (!end) continue;
    out.push(text.slice(from, c === '?' ? i + 1 : i));
    from = i + 1;
  }
  out.push(text.slice(from));
  const parts: string[] = [];
  for (const raw of out) {
    const p = raw.trim();
    if (!p) continue;
    // A bracket after a question goes with it: "Scale? (events/sec, sources)".
    if (/^\(/.test(p) && parts.length > 0) {
      const m = /^(\([^)]*\))\s*(.*)$/.exec(p);
      parts[parts.length - 1] = `${parts[parts.length - 1]} ${m ? m[1] : p}`;
      if (m?.[2]) parts.push(m[2]);
      continue;
    }
    parts.push(p);
  }
  return parts.map((p) => p.replace(/\?\s*(\([^)]*\))?$/, (_, b: string | undefined) => (b ? ` ${b}` : '')).trim()).filter(Boolean);
}

// The words guides use for the parts of any interview. A point made only of them
// ("Requirements", "Core components", "1-2 critical components", "Bottlenecks,
// failures") names a phase, not anything an answer about this system would say.
const PHASE_WORDS = new Set(
  (
    'requirement scope scoping problem framing constraint architecture component data flow bottleneck failure decision trade-off tradeoff trade off ' +
    'summary improvement question critical key core main major diagram design system high-level high level overview clarify ' +
    'clarification clarifying functional non-functional nfr estimation estimate capacity use case feature recap future next step ' +
    'deep dive deep-dive basic scale scaling expectation target need goal approach solution detail service layer choice pick choose ' +
    'one two wrap up important overall the and of a an for with on in to your draw explain identify discuss mention whiteboard ' +
    // and for the parts of a guide: "Must-Ask Questions", "Option A", "Key Points to Cover".
    'must-ask must ask sample dialog dialogue essential what how cover point phrase option b c table template discussion ' +
    'interviewer scenario explaining good impress that minimum viable breakdown structure signal follow-up potential tip ' +
    'mistake common checklist list example expected answer opening statement strong extension prepare talking must-have red flag ' +
    'leave impression show thinking concise gap address any clear articulation understanding understand written confirm area ' +
    'quick reference number back-of-envelope calculation cheat sheet extended framework proactively limitation depth demonstrate ' +
    'structured based interest candidate remaining time engagement production concern consideration'
  )
    .split(' ')
    .map(stem),
);

// A question to ask the interviewer at the end ("Is there any area you'd like me to go
// deeper on?") is not a point an answer makes.
const TO_INTERVIEWER = /^(?:is|are|would|should|do|does|can|could|what|which|how)\b.*\b(?:you|your|me)\b/i;

/**
 * Whether a derived point names only a part of the interview, nothing of the system
 * itself. Scale is a thing to ask about in Clarify ("Ask about scale"), and only a
 * phase's name elsewhere.
 */
export function generic(point: KeyPoint, phase?: string): boolean {
  if (phase !== 'clarify' && TO_INTERVIEWER.test(point.label)) return true;
  const words =
    withoutInstruction(point.label.replace(/…$/, ''))
      .toLowerCase()
      .match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [];
  return words.every((w) => /^[\d-]+$|^[a-z]$/.test(w) || (PHASE_WORDS.has(stem(w)) && !(phase === 'clarify' && /^scal/.test(w))));
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

/**
 * Key points of an answer, read off its structure: its numbered or labelled points
 * ("1. Cost: ...", "- TTL expiry (primary): ..."), else its sentences, each with the
 * names and figures it mentions as terms. At most six, all derived.
 */
export function answerPoints(answer: string, max = 6): KeyPoint[] {
  // "1. Client Location Detection:" over its own bullets: the numbered heads are the
  // points, their bullets what each says (not "Primary:" and "Fallback:" beneath them).
  const heads: { head: string; body: string[] }[] = [];
  for (const line of answer.split('\n')) {
    const n = /^\s*\d+[.)]\s+(.{3,})$/.exec(line);
    if (n) heads.push({ head: n[1]!.trim(), body: [] });
    else if (heads.length > 0 && line.trim()) heads[heads.length - 1]!.body.push(line.trim().replace(/^[-*•]\s+/, ''));
  }
  if (heads.length >= 2 && heads.filter((h) => h.body.length > 0 && (/:$/.test(h.head) || h.head.split(/\s+/).length <= 5)).length >= 2) {
    return pointsFrom(
      heads.map((h) => (h.body.length > 0 ? `${h.head.replace(/:$/, '')}: ${h.body.join('; ')}` : h.head)),
      max,
    );
  }
  const labelled: string[] = [];
  const bullets: string[] = [];
  for (const line of answer.split('\n')) {
    const m = /^\s*(?:\d+[.)]|[-*•])\s+(.{3,})$/.exec(line);
    if (!m) continue;
    bullets.push(m[1]!);
    if (/^[^:.!?]{2,50}(?::|\s[-–—]\s)\s*\S/.test(m[1]!)) labelled.push(m[1]!);
  }
  if (labelled.length >= 2) return pointsFrom(labelled, max);
  if (bullets.length >= 2) return pointsFrom(bullets, max);
  const flat = answer.replace(/\s+/g, ' ').trim();
  // "Defense in depth: (1) org_id in every query. (2) Row-level security. (3) …": numbered
  // inline, each item up to its sentence's end, after the claim that leads them in.
  const inline = flat.split(/\s*\(\d\)\s+/);
  if (inline.length >= 3) {
    const SENTENCE = /(?<=[.!?])\s+(?=[A-Z])/;
    // "I'd mitigate this by:", "Three layers:" only lead in; "Layers keep tenants apart:" claims.
    const leads = inline[0]!.split(SENTENCE).map((x) => x.trim());
    const last = leads[leads.length - 1]!;
    if (/:$/.test(last)) {
      const leadIn =
        last.split(/\s+/).length <= 4 ||
        /\b(by|via|with|could|would|either|are|is|include|includes|need|needs|requires?)\s*:$/i.test(last) ||
        /\b(two|three|four|five|multiple|several|few|\d+)\b/i.test(last);
      leads[leads.length - 1] = leadIn ? '' : last.replace(/:$/, '');
    }
    // The answer's thesis is its first sentence; the rest of the lead-in only sets up the list.
    const lead = leads.slice(0, 1).filter((x) => x.split(/\s+/).length >= 4 && !/^(when|if|at|for|in|on)\b[^,]*$|^at \d|\b(but|and|or|so)$/i.test(x));
    const items = inline.slice(1).map((p) =>
      p
        .split(SENTENCE)[0]!
        .replace(/[;,.]\s*$|,?\s+(?:and|or)$/g, '')
        .trim(),
    );
    // What the answer says after its list ("Cycle detection prevents loops.") is a point too.
    const after = inline[inline.length - 1]!.split(SENTENCE)
      .slice(1)
      .filter((x) => x.split(' ').length >= 4);
    return pointsFrom([...lead, ...items, ...after], max);
  }
  // "Three reasons: latency (…), privacy (…), cost (…)." — a short answer that is a list after a colon.
  const colon = /:\s+([^.:]+)/.exec(flat);
  if (colon && flat.split(/(?<=[.!?])\s+(?=[A-Z])/).length <= 2) {
    const items = colon[1]!
      .split(/,\s+(?:and\s+)?/)
      .map((i) => i.trim())
      .filter(Boolean);
    if (items.length >= 3 && items.every((i) => i.split(' ').length <= 8)) return pointsFrom(items, max);
  }
  // No structure: one point per sentence (or clause) that says something; a one-sentence
  // answer is taken clause by clause.
  let sentences = answer
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+(?=[A-Z"“])|;\s+/)
    .map((s) => s.trim())
    .filter((s) => s.split(' ').length >= 4);
  // "Daily retraining, model rotation, canary features, red-team tests.": a list in a sentence.
  if (sentences.length <= 1) {
    const items = splitItems(
      answer
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/[.!]$/, '')
        .replace(/,?\s+and\s+(?=[^,]+$)/, ', '),
    );
    if (items.length >= 3 && items.every((i) => i.split(' ').length <= 5)) return pointsFrom(items, max);
  }
  if (sentences.length === 1) {
    const clauses = sentences[0]!.split(/,\s+(?:and\s+|then\s+)?|\s+and then\s+/).filter((c) => c.split(' ').length >= 4);
    if (clauses.length >= 2) sentences = clauses;
  }
  const points: KeyPoint[] = [];
  for (const s of sentences) {
    let terms = [...new Set([...specificTerms(s), ...phrases(s)])].slice(0, 6);
    // Nothing named: its longest words say what it is about ("recover", "counters").
    if (terms.length === 0) {
      terms = [...new Set((s.toLowerCase().match(/[\p{L}-]{6,}/gu) ?? []).filter((w) => !BREAK.has(w)))].sort((a, b) => b.length - a.length).slice(0, 3);
    }
    if (terms.length === 0) continue;
    const text = plain(s);
    const label = text.length <= MAX_LABEL ? text : `${text.slice(0, MAX_LABEL).replace(/\s+\S*$/, '')}…`;
    points.push({ label, terms, hint: text, derived: true });
    if (points.length >= max) break;
  }
  return points;
}

/** The names, acronyms and figures of a sentence: "Redis", "p99", "10 ms", "PCI". */
// Capitals that shout a small word ("NOT", "NEVER"), and words that negate what follows:
// "not distributed locks" names what the answer rejects, not a point it makes.
const SHOUTED = /^(NOT|NO|NEVER|ALWAYS|ONLY|ALL|MUST|DO|DON'T|AND|OR|THE|IS|ARE|IT|WE|ANY|NONE|BOTH|EVERY|JUST|ALSO)$/;
const NEGATOR = /^(not|no|never|without|avoid|avoids|instead|rather|n't|don't|doesn't|isn't|aren't|won't|can't)$/i;

function specificTerms(sentence: string): string[] {
  const out = new Set<string>();
  const words = sentence.replace(/["“”]/g, '').split(/\s+/);
  // Whether each word negates, worked out once: each word is looked back on by the next two.
  const negates = words.map((x) => NEGATOR.test(x.replace(/[^\p{L}']/gu, '')));
  words.forEach((w, i) => {
    const t = w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}%]+$/gu, '');
    if (t.length < 2 || SHOUTED.test(t)) return;
    if (negates[i - 1] || negates[i - 2]) return;
    if (/\d/.test(t) || /^[A-Z]{2,}s?$/.test(t) || (i > 0 && /^[A-Z][a-z]+[A-Z]/.test(t)) || (i > 0 && /^[A-Z][a-z]{2,}$/.test(t) && !/^(I|The|A|An|We|It|This|That)$/.test(t))) out.add(t);
  });
  return [...out];
}

// Words that end a phrase: the small words of a sentence and its verbs of saying.
const BREAK = new Set(
  'a an the this that these those and or but nor so yet of in on at to for with by from into onto over under about as than then if when while because since unless until after before which who whom whose what where why how it its we our us you your they their them he she i me my is are was were be been being am do does did have has had will would shall should can could may might must not no there here each every any all some only also just very more most both either neither such own same other another through via per up out off again once too need needs use uses using get gets make makes let lets within without across between among against during per inside outside beyond toward towards upon behind below above along around despite except like near unlike versus vs'.split(
    ' ',
  ),
);

/** Runs of two or three content words: "shared state", "multiple servers", "fail-open mode". */
function phrases(sentence: string): string[] {
  const out: string[] = [];
  let run: string[] = [];
  const flush = (): void => {
    if (run.length >= 2 && run.length <= 3 && run.some((w) => w.length >= 5)) out.push(run.join(' '));
    else if (run.length > 3) out.push(run.slice(-2).join(' '));
    run = [];
  };
  for (const raw of sentence.split(/\s+/)) {
    const w = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}-]+$/gu, '');
    const ends = /[,.;:!?)]$/.test(raw);
    if (!w || BREAK.has(w.toLowerCase()) || /\d/.test(w)) flush();
    else run.push(w.toLowerCase());
    if (ends) flush();
  }
  flush();
  return out.slice(0, 4);
}
