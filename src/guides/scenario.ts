// A scenario file: what `coach mock --scenario ID` runs. Its front matter holds the
// prompt, the facts the interviewer gives, the must-ask topics and the follow-ups;
// its body is the background shown at the start. Pure.
import type { Problem, Scenario, ScenarioAnswer } from './model.js';
import { allBlocks, blocksText, type Node } from './markdown.js';
import { phaseKey } from './phases.js';
import { titleCase } from './text.js';

export interface ScenarioInput {
  data: Record<string, unknown>;
  tree: Node;
  id: string;
  path: string;
  bundled: boolean;
  problems: Problem[];
  str: (k: string) => string | undefined;
  list: (k: string) => string[];
}

export function parseScenario({ data, tree, id, path, bundled, problems, str, list }: ScenarioInput): Scenario {
  const need = (key: string): string => {
    const v = str(key);
    if (!v) problems.push({ path, line: 1, severity: 'error', message: `scenario front matter needs '${key}'` });
    return v ?? '';
  };
  const answers: Record<string, ScenarioAnswer> = {};
  const rawAnswers = data['answers'];
  if (rawAnswers && typeof rawAnswers === 'object' && !Array.isArray(rawAnswers)) {
    for (const [topic, v] of Object.entries(rawAnswers as Record<string, unknown>)) {
      if (typeof v === 'string') answers[topic] = { answer: v, assumption: false };
      else if (v && typeof v === 'object' && typeof (v as { answer?: unknown }).answer === 'string') {
        const o = v as { answer: string; assumption?: unknown; asks?: unknown };
        const asks = Array.isArray(o.asks) ? o.asks.filter((a): a is string => typeof a === 'string') : typeof o.asks === 'string' ? [o.asks] : [];
        answers[topic] = { answer: String(o.answer), assumption: o.assumption === true, ...(asks.length > 0 ? { asks } : {}) };
      } else problems.push({ path, line: 1, severity: 'error', message: `scenario answer '${topic}' should be text or { answer, assumption, asks }` });
    }
  } else problems.push({ path, line: 1, severity: 'error', message: "scenario front matter needs 'answers' (a map of topic to answer)" });
  const defaults: Record<string, string> = {};
  const rawDefaults = data['defaults'];
  if (rawDefaults && typeof rawDefaults === 'object' && !Array.isArray(rawDefaults)) {
    for (const [topic, v] of Object.entries(rawDefaults as Record<string, unknown>)) {
      if (typeof v === 'string' && v.trim()) defaults[topic] = v.trim();
      else problems.push({ path, line: 1, severity: 'warning', message: `scenario default '${topic}' should be text` });
    }
  }
  const followUps: Record<string, string[]> = {};
  const rawFollow = data['followUps'];
  if (rawFollow && typeof rawFollow === 'object' && !Array.isArray(rawFollow)) {
    for (const [phase, v] of Object.entries(rawFollow as Record<string, unknown>)) {
      followUps[phaseKey(phase)] = Array.isArray(v) ? v.map(String) : [String(v)];
    }
  }
  return {
    id,
    title: str('title') ?? titleCase(id),
    guide: need('guide'),
    prompt: need('prompt'),
    angle: str('angle') ?? '',
    context: blocksText(allBlocks(tree)),
    answers,
    defaults,
    mustAsk: list('mustAsk'),
    followUps,
    path,
    bundled,
  };
}
