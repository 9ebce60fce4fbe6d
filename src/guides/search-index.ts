// Everything a guide holds, flattened into searchable items, each with the command
// that opens it. Pure.
import type { Guide, Scenario } from './model.js';

export interface SearchItem {
  kind: string;
  title: string;
  text: string;
  guide: string;
  open: string;
}

/** A word as a shell takes it: bare when safe, else in single quotes. */
export function shellWord(text: string): string {
  return /^[\w.,:/@%+=-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}

export function searchItems(guides: Guide[], scenarios: Scenario[]): SearchItem[] {
  const items: SearchItem[] = [];
  for (const g of guides) {
    const add = (kind: string, title: string, text: string, open: string): void => {
      items.push({ kind, title, text, guide: g.id, open });
    };
    add('guide', g.title, [g.system, g.summary, g.tags.join(' ')].filter(Boolean).join(' '), `coach guide ${g.id}`);
    for (const c of g.cards) {
      const text = c.blocks.map((b) => (b.kind === 'lines' ? b.lines.join(' ') : [b.header ?? [], ...b.rows].flat().join(' '))).join(' ');
      add('card', c.title, `${c.tags.join(' ')} ${c.subtitle ?? ''} ${text}`, `coach card ${g.id}/${c.id}`);
    }
    for (const t of g.traps) add('trap', t.question, [t.wants, t.strong, t.keyPoints.map((k) => k.label).join(' ')].join(' '), `coach trap ${g.id}/${t.id} --reveal`);
    for (const t of g.tradeoffs)
      add('trade-off', t.title, [t.options.join(' '), t.recommendation, t.aspects.map((a) => `${a.aspect} ${a.values.join(' ')}`).join(' ')].join(' '), `coach tradeoff ${g.id}/${t.id}`);
    for (const q of g.questionsToAsk) add('question', q.question, q.why ?? '', `coach guide ${g.id} --section questions`);
    for (const q of g.questions) add('question', `${q.id}: ${q.text}`, `${q.category ?? ''} ${q.level ?? ''} ${q.answer ?? ''}`, `coach guide ${g.id} --section ${shellWord(q.id)}`);
    for (const n of g.numbers) add('number', `${n.metric}: ${n.value}`, n.context ?? '', `coach guide ${g.id} --section numbers`);
    for (const m of g.mistakes) add('mistake', m.mistake, `${m.why ?? ''} ${m.better ?? ''}`, `coach guide ${g.id} --section mistakes`);
    for (const p of g.pacing) add('phase', `${p.name} (${p.start}-${p.end} min)`, `${p.focus} ${p.tips}`, `coach guide ${g.id} --section pacing`);
    for (const s of g.sections) if (s.heading && s.text) add('section', s.heading, s.text, `coach guide ${g.id} --section ${shellWord(s.heading)}`);
  }
  for (const s of scenarios) items.push({ kind: 'scenario', title: s.title, text: `${s.prompt} ${s.angle}`, guide: s.guide, open: `coach mock --scenario ${s.id}` });
  return items;
}
