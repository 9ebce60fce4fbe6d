// A scenario made from a guide alone, so that `coach mock --guide ID` on a guide of the
// user's is as rich as a bundled scenario: an opening prompt from its title, must-ask
// questions from its questions to ask, what the interviewer says from its typical
// answers, requirements and key numbers (marked as taken from the guide), and
// follow-ups from its deep-dive topics, trade-offs and traps. Pure.
import type { Guide, ScenarioAnswer } from '../guides/model.js';
import { classify, scoreFacets, type GuideFact } from './interviewer.js';
import { alnumRuns, BRANDS, SPEAKER } from '../guides/text.js';
import { askFor, isGeneral, topicOf } from './facets.js';

export interface GuideScenario {
  prompt: string;
  mustAsk: string[];
  /** The question shown for each must-ask topic: the guide's own, else a general one. */
  questions: Record<string, string>;
  answers: Record<string, ScenarioAnswer>;
  /** Every fact line of the guide, for the interviewer to search. */
  facts: GuideFact[];
}

// Names a prompt keeps as written: products and companies people design clones of.

/** "Distributed Rate Limiter" → "Design a distributed rate limiter."; "LinkedIn" → "Design LinkedIn." */
export function promptFromTitle(title: string): string {
  const t = title.trim().replace(/[.!?]+$/, '');
  // A title with no word in it (a guide titled after a numbered file): nothing to name.
  if (!/\p{L}/u.test(t)) return 'Design the system this guide is about.';
  if (/^(design|build|architect|how would you)\b/i.test(t)) return `${t}.`;
  const raw = t.split(/\s+/);
  // "Google Meet / Zoom", "WhatsApp": a product is designed by its name, without an article.
  const named = raw.filter((w) => /[\p{L}]/u.test(w));
  if (named.length > 0 && (named.every((w) => BRANDS.test(w) || /^[A-Z][a-z]+[A-Z]/.test(w)) || (BRANDS.test(named[0]!) && named.every((w) => /^[A-Z]/.test(w))))) return `Design ${t}.`;
  // Lower case but for names and acronyms ("Uber", "API", "LLM").
  const all = raw.map((w, i) => (/[A-Z].*[A-Z]|\d/.test(w) || (i > 0 && /^[A-Z][a-z]+$/.test(w) && BRANDS.test(w)) ? w : w.toLowerCase()));
  // "Model Serving at Scale", "Feature Store for 10K Models": what is designed comes
  // before its qualifier, and the rules below are about it alone.
  const cut = all.findIndex((w, i) => i > 0 && /^(at|for|with|in|on|across|under|over|without|via)$/.test(w));
  const words = cut > 0 ? all.slice(0, cut) : all;
  const tail = cut > 0 ? ` ${all.slice(cut).join(' ')}` : '';
  // A name or an acronym alone ("CRDT", "mTLS"): a system is designed around it.
  if (words.length === 1 && /[A-Z].*[A-Z]/.test(words[0]!)) return `Design a system around ${words[0]}${tail}.`;
  // "Web Crawlers": one is designed ("mTLS" is no plural).
  const last = words[words.length - 1] ?? '';
  if (words.length <= 4 && /[^su]s$/.test(last) && !/(ss|is|us|ics|ops|ies)$/i.test(last) && !/[A-Z]/.test(last.slice(1))) words[words.length - 1] = last.slice(0, -1);
  // "Concert Ticketing", "Consistent Hashing": an activity; the design is of its system.
  // So is a thing done, named alone ("payments": a payment system, not "a payment").
  const activity = (/ing$/i.test(words[words.length - 1] ?? '') && words.length <= 4) || (words.length === 1 && /(?:ment|tion|sion|ance|ence|ship)$/i.test(words[0]!));
  const phrase = activity ? `${words.join(' ')} system` : words.join(' ');
  // An acronym is read letter by letter: "an SMS gateway", "an API gateway", "a GPU pool".
  const first = phrase.split(' ')[0]!;
  const vowel = /[A-Z].*[A-Z]/.test(first) ? /^[aefhilmnorsx]/i.test(first) : /^[aeiou]/i.test(phrase) && !/^(uni|use|one)/i.test(phrase);
  const article = /^(a|an|the)\s/i.test(phrase) ? '' : vowel ? 'an ' : 'a ';
  return `Design ${article}${phrase}${tail}.`;
}

const REQUIREMENT = /requirement|capacity|estimat|scale|assumption|constraint|non-functional|numbers|\bslas?\b|\bslos?\b|scope|reliability|availability|\bgoals?\b|problem|back[- ]of|sizing|clarif/i;

/** Headings of the parts a guide states as figures to remember. */
const NUMBERS = /numbers|figures|estimat|capacity|scale|sizing|back[- ]of|math/i;
/** Headings whose lines are not the brief, whatever the heading above them says. */
const NOT_BRIEF = /trap|mistake|pitfall|anti-?pattern|red flag|wrong|avoid|follow[- ]?up|deep[- ]?dive|trade-?off|architecture|diagram|signal|evaluat|rubric/i;
/** Headings of parts that judge or time the candidate, or list what to avoid: not facts of the system. */
const ASIDE =
  /mistake|pitfall|anti-?pattern|red flag|signal|rubric|evaluat|scoring|checklist|pacing|time allocation|timeline|agenda|what (?:interviewers|they) look for|how to (?:approach|structure)|closing|wrap[- ]?up/i;

/**
 * What a line states: nothing when it is a question, a row of a pacing table ("5-15
 * min: High-Level…") or the pros and cons of a choice. A question followed by its
 * assumed answer states the answer, as the interviewer says it, to that question:
 * "Latency? I'm assuming sub-200ms for feed loads." is "Assume sub-200ms for feed loads."
 */
function stated(line: string): { text: string; asks?: string } | undefined {
  if (/^(?:pros?|cons?|when to use|best for)\b/i.test(line) || /^(?:\d+\s*[-–]+\s*\d+\s*min|phase \d|step \d)/i.test(line)) return undefined;
  const q = line.lastIndexOf('?');
  if (q < 0) return /:\s*$/.test(line) ? undefined : { text: line };
  const tail = line
    .slice(q + 1)
    .replace(/^["”*)\s:(]+|["”*)\s(]+$/g, '')
    .trim();
  if (tail.length < 8 || !/\b(?:assume|assuming|default|typically|usually|answer|yes|no)\b/i.test(tail)) return undefined;
  const own = /^(?:i'm|i am|i'll|i will|we're|we are|let's)?\s*assum(?:e|ing)\s+(?:that\s+)?(.+)$/i.exec(tail);
  const text = own ? `Assume ${own[1]!.replace(/[.?!]+$/, '')}.` : tail;
  return {
    text,
    asks: line
      .slice(0, q + 1)
      .replace(/^[^"“]*["“]/, '')
      .trim(),
  };
}

/** A line that says what not to say. */
const WEAK = /^(?:❌|✗|✘|🚫|⛔|bad|weak|wrong|poor|red flag|avoid|don'?t|do not|never)\b/i;

const BRIEF = /requirement|constraint|assumption|non-functional|\bscope\b|\bgoals?\b|\bslas?\b|\bslos?\b|capacity|estimat|back[- ]of|sizing/i;

function clean(raw: string): string {
  return raw
    .replace(/^\s*(?:[-*+•]|\d+[.)])\s+/, '')
    .replace(/\s*\|\s*/g, ': ')
    .replace(/^[:\s]+|[:\s]+$/g, '')
    .replace(/^["“]|["”]$/g, '')
    .trim();
}

// A figure with what it counts: "100,000 messages per second", "7 days", "99.99%", "2 TB".
const QUANTITY =
  /\d[\d,.]*[\s-]*(?:%|x\b|[kmbt]\b|thousand|million|billion|trillion|ms\b|s\b|sec|second|minute|min\b|hour|day|week|month|year|[kmgtp]b\b|rps|qps|tps|rows?|events?|messages?|requests?|users?|nodes?|shards?|replicas?|series|samples?|transactions?|records?|queries|writes?|reads?|documents?|docs)/i;

/**
 * What the guide says that an interviewer would tell a candidate: the answers to its
 * questions to ask, the interviewer's lines of a sample dialogue (with the question
 * before them), its requirement and capacity lines, its key numbers, and lines that
 * state a figure with what it counts. Its design decisions are not facts: they are the
 * candidate's to make.
 */
export function guideFacts(guide: Guide): GuideFact[] {
  const facts: GuideFact[] = [];
  const seen = new Set<string>();
  const add = (text: string, asks?: string, brief = false): void => {
    const t = text.length > 220 ? `${text.slice(0, 217).replace(/\s+\S*$/, '')}…` : text;
    // The same line said twice (a key number and its table row read as a statement) is one fact.
    const key = alnumRuns(t.toLowerCase()).join(' ');
    // Advice about the interview itself ("don't spend more than 2 minutes on…") is no fact of the system.
    if (t.length < 6 || seen.has(key) || /\b(interviewer|candidate|whiteboard|spend (more than )?\d|minutes on)\b/i.test(t)) return;
    seen.add(key);
    // The facets of the brief's lines only: classifying every line of a long guide took
    // a third of a second, and the rest are found by their words.
    const facets = brief || asks ? classify(asks ? `${asks} ${t}` : t, {}, false) : [];
    facts.push({ text: t, facets, ...(asks ? { asks } : {}), ...(brief || asks ? { brief: true } : {}) });
  };
  for (const q of guide.questionsToAsk) if (q.answer) add(q.answer, q.question);
  for (const n of guide.numbers) add(`${n.metric}: ${n.value}${n.context ? ` (${n.context})` : ''}`, undefined, true);
  // A guide parsed with its statements: every line it states, wherever it states it.
  const groups = guide.statements ?? guide.sections.map((s) => ({ heading: s.heading, lines: s.text.split('\n') }));
  for (const g of groups) {
    const last = g.heading.split(' › ').pop() ?? '';
    const brief = BRIEF.test(last) || (REQUIREMENT.test(g.heading) && !NOT_BRIEF.test(last));
    let asked: string[] = [];
    for (const raw of g.lines) {
      const m = SPEAKER.exec(raw.replace(/^\s*>\s*/, ''));
      if (m) {
        if (/interviewer/i.test(m[1]!)) {
          add(clean(m[2]!), asked.join(' ') || undefined);
          asked = [];
        } else asked = [clean(m[2]!)];
        continue;
      }
      // A quoted line that goes on from the last speaker ("     First, what throughput…").
      if (asked.length > 0 && /^\s{2,}\S/.test(raw)) {
        asked.push(clean(raw));
        continue;
      }
      // A lead-in ("**PCI-DSS Architecture (30-second version):**") states nothing itself.
      if (/:\s*$/.test(raw.replace(/[*_`]+/g, '').trim())) continue;
      const said = stated(clean(raw));
      const line = said?.text;
      // A label with no figure ("Messages per second") states nothing.
      if (!line || line.length < 8 || WEAK.test(line) || (!said.asks && !/\d/.test(line) && line.split(/\s+/).length < 4)) continue;
      if (guide.statements ? !ASIDE.test(last) : brief || QUANTITY.test(line)) add(line, said.asks, brief || NUMBERS.test(last));
    }
  }
  return facts;
}

/**
 * The facet a line of the guide is surely about, for the brief the study sheet shows
 * under that facet's name: named by a strong cue, or by several ("Up to 1000 members",
 * asked as "Group messaging requirements?", is not the team; "Sender Keys… rotate" is
 * not on-call). The interviewer still finds every line by its words.
 */
function surely(line: string): string | undefined {
  // "1 billion events/day" is a figure per day.
  const text = line.replace(/\/(sec|s|second|min|minute|hour|day|week|month|year)\b/gi, ' per $1');
  const [best] = scoreFacets(text, {}, false);
  // A figure with a cue of its facet is sure too ("2-year event retention", "30-second freshness").
  const sure = best && ((best.score >= SURE && (best.top >= 3 || best.score >= SURE + 1)) || (best.score >= 2.5 && QUANTITY.test(text)));
  return sure ? classify(text, {}, false)[0] : undefined;
}

/** The score of a facet a line is surely about. */
const SURE = 3.5;

export function scenarioFromGuide(guide: Guide): GuideScenario {
  const answers: Record<string, ScenarioAnswer> = {};
  const words = (t: string): Set<string> => new Set(t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  // "Scale: 50M users" and "Users: 50M users, 1M hotels" say the same thing once.
  const repeats = (have: string, text: string): boolean => {
    const w = [...words(text)];
    const h = words(have);
    return w.length > 0 && w.filter((x) => h.has(x)).length / w.length >= 0.6;
  };
  const add = (key: string, text: string, ask?: string): void => {
    const a = answers[key];
    if (a) {
      if (a.answer.split('; ').length < 3 && !repeats(a.answer, text)) a.answer = `${a.answer}; ${text}`;
      if (ask) a.asks = [...(a.asks ?? []), ask];
      return;
    }
    answers[key] = { answer: text, assumption: false, fromGuide: true, ...(ask ? { asks: [ask] } : {}) };
  };
  // The guide's own typical answers to its questions come first.
  for (const q of guide.questionsToAsk) {
    const facet = surely(q.question);
    // "Probably yes" says nothing without what it answers.
    const said = q.answer && q.answer.split(/\s+/).length < 6 ? `${q.question.replace(/^["“]|["”]$/g, '')} ${q.answer}` : q.answer;
    if (said && facet) add(facet, said, q.question);
  }
  const facts = guideFacts(guide);
  // The brief the study sheet shows: what the guide states as requirements and figures.
  for (const f of facts) {
    const facet = f.brief && !f.asks ? surely(f.text) : undefined;
    if (facet) add(facet, f.text);
  }
  const must = guide.questionsToAsk.filter((q) => q.group === 'must');
  // The guide's own questions are the ones to ask, in its words. One that names a topic
  // of every system (scale, latency…) stands for it, the question that names it most
  // strongly first ("What's the latency budget?", not "Real-time or post-meeting
  // recording?"); the rest ("Is end-to-end encryption required?", "Mobile support
  // priority?") are asked as the guide asks them. Read as written: no typos to forgive.
  const pool = (must.length > 0 ? must : guide.questionsToAsk).slice(0, 12);
  const claims = pool
    .flatMap((q, i) => {
      const [facet] = classify(q.question, {}, false);
      const topic = facet ? topicOf(facet) : undefined;
      const score = scoreFacets(q.question, {}, false).find((f) => f.key === facet)?.score ?? 0;
      return topic && isGeneral(topic) && score >= 3 ? [{ i, topic, score }] : [];
    })
    .sort((a, b) => b.score - a.score);
  const topicOfQuestion = new Map<number, string>();
  for (const c of claims) if (![...topicOfQuestion.values()].includes(c.topic) && !topicOfQuestion.has(c.i)) topicOfQuestion.set(c.i, c.topic);
  const questions: Record<string, string> = {};
  const asked: string[] = [];
  // Those of every system first, then the guide's own, each in the guide's order.
  const order = [...pool.keys()].sort((a, b) => Number(topicOfQuestion.has(b)) - Number(topicOfQuestion.has(a)) || a - b);
  for (const i of order) {
    const question = pool[i]!.question.replace(/^["“]|["”]$/g, '').trim();
    const topic = topicOfQuestion.get(i) ?? question;
    if (questions[topic]) continue;
    questions[topic] = question;
    asked.push(topic);
  }
  // Without questions to ask, the topics the guide has facts for are the ones to ask about;
  // and scale is asked of every system, whatever else its guide asks.
  const known = ['use-case', 'scale', 'latency', 'consistency', 'availability'].filter((k) => Object.keys(answers).some((a) => topicOf(a) === k));
  const first = asked.length > 0 && !asked.includes('scale') && known.includes('scale') ? ['scale'] : [];
  const mustAsk = (asked.length > 0 ? [...first, ...asked] : known).slice(0, must.length > 0 ? 8 : 4);
  for (const t of mustAsk) questions[t] ??= askFor(t, true);
  const prompt = guide.mockPrompts[0]?.prompt ?? (guide.system ? `Design ${guide.system}.` : promptFromTitle(guide.title));
  return { prompt, mustAsk, questions, answers, facts };
}
