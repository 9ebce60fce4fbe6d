// A scenario made from a guide alone, so that `coach mock --guide ID` on a guide of the
// user's is as rich as a bundled scenario: an opening prompt from its title, must-ask
// questions from its questions to ask, what the interviewer says from its typical
// answers, requirements and key numbers (marked as taken from the guide), and
// follow-ups from its deep-dive topics, trade-offs and traps. Pure.
import type { Guide, ScenarioAnswer } from '../guides/model.js';
import { classify, topicOf } from './interviewer.js';

export interface GuideScenario {
  prompt: string;
  mustAsk: string[];
  answers: Record<string, ScenarioAnswer>;
}

/** "Distributed Rate Limiter" → "Design a distributed rate limiter." */
export function promptFromTitle(title: string): string {
  const t = title.trim().replace(/[.!?]+$/, '');
  if (/^(design|build|architect|how would you)\b/i.test(t)) return `${t}.`;
  // Lower case but for names and acronyms ("Uber", "API", "LLM").
  const words = t.split(/\s+/).map((w, i) => (/[A-Z].*[A-Z]|\d/.test(w) || (i > 0 && /^[A-Z][a-z]+$/.test(w) && /^(Uber|Airbnb|Google|Netflix|Twitter|Amazon|Meta|Kafka|Redis|Spotify|Stripe|Slack|Zoom|Uber's|Airbnb's)$/.test(w)) ? w : w.toLowerCase()));
  const phrase = words.join(' ');
  const article = /^(a|an|the)\s/i.test(phrase) ? '' : /^[aeiou]/i.test(phrase) && !/^(uni|use|one)/i.test(phrase) ? 'an ' : 'a ';
  return `Design ${article}${phrase}.`;
}

const REQUIREMENT = /requirement|capacity|estimat|scale|assumption|constraint|non-functional|numbers|sla|slo/i;

/** Lines of a guide that state a fact: its requirement and capacity sections, its key numbers. */
function factLines(guide: Guide): string[] {
  const lines: string[] = [];
  for (const n of guide.numbers) lines.push(`${n.metric}: ${n.value}${n.context ? ` (${n.context})` : ''}`);
  for (const s of guide.sections) {
    if (!REQUIREMENT.test(s.heading)) continue;
    for (const raw of s.text.split('\n')) {
      const line = raw.replace(/^\s*(?:[-*+•]|\d+[.)])\s+/, '').replace(/\s*\|\s*/g, ': ').trim();
      // A fact names a figure or a target, not a heading or a question.
      if (line.length >= 8 && line.length <= 200 && /\d|must|should|required|support|p9\d/i.test(line) && !/[?:]\s*$/.test(line)) lines.push(line);
    }
  }
  return lines;
}

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
    const facet = classify(q.question)[0];
    if (q.answer && facet) add(facet, q.answer, q.question);
  }
  for (const line of factLines(guide)) {
    const facet = classify(line)[0];
    if (facet) add(facet, line);
  }
  const must = guide.questionsToAsk.filter((q) => q.group === 'must');
  const asked = (must.length > 0 ? must : guide.questionsToAsk).flatMap((q) => classify(q.question).slice(0, 1).map(topicOf));
  // Without questions to ask, the topics the guide has facts for are the ones to ask about.
  const known = ['use-case', 'scale', 'latency', 'consistency', 'availability'].filter((k) => Object.keys(answers).some((a) => topicOf(a) === k));
  const mustAsk = [...new Set(asked.length > 0 ? asked : known)].slice(0, must.length > 0 ? 8 : 4);
  const prompt = guide.mockPrompts[0]?.prompt ?? (guide.system ? `Design ${guide.system}.` : promptFromTitle(guide.title));
  return { prompt, mustAsk, answers };
}
