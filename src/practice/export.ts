// The decks as files other tools read: an Anki text import and markdown. Pure.
//
// Anki's text import (docs.ankiweb.net/importing/text-files.html, "File Headers"):
// `#key:value` lines at the top set the import options. We write tab-separated fields,
// `#html:true` (so line breaks are <br> and &, <, >, " are entities), the Basic note
// type, the deck the notes go into (`#deck:`, "coach" unless named), columns Front,
// Back, Tags, GUID, with `#tags column` and `#guid column` so a re-import updates the
// notes instead of duplicating them. A field never holds a tab
// or a newline, and no line starts with "#", so no field needs CSV quoting.
import type { DeckItem, DeckName } from './decks.js';
import { DECK_NAMES } from './decks.js';

export interface Note {
  deck: DeckName;
  id: string;
  guide: string;
  /** HTML */
  front: string;
  /** HTML */
  back: string;
  tags: string[];
  guid: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Plain text to one HTML field: escaped, line breaks as <br>, no tabs. */
export function htmlField(text: string): string {
  return escapeHtml(text.replace(/\r\n?/g, '\n')).replace(/\t/g, ' ').replace(/\n/g, '<br>');
}

/** Anki tags are space-separated words; keep letters, digits, - _ : and . only. */
export function ankiTag(text: string): string {
  return text.replace(/[^\p{L}\p{N}_:.-]+/gu, '_');
}

const h = (label: string, body: string): string => `<b>${escapeHtml(label)}</b><br>${body}`;

export function noteFor(item: DeckItem): Note {
  const guideLine = `<br><small>${escapeHtml(item.guideTitle)}</small>`;
  let front: string;
  let back: string;
  switch (item.deck) {
    case 'traps': {
      const t = item.trap;
      front = `${htmlField(t.question)}${guideLine}`;
      const parts: string[] = [];
      if (t.wants) parts.push(h('What the interviewer wants', htmlField(t.wants)));
      if (t.weak) parts.push(h('Weak answer', `<i>${htmlField(t.weak)}</i>${t.weakWhy ? `<br>Why it fails: ${htmlField(t.weakWhy)}` : ''}`));
      else if (t.weakWhy) parts.push(h('Why it is a trap', htmlField(t.weakWhy)));
      if (t.strong) parts.push(h('Strong answer', htmlField(t.strong)));
      if (t.keyPoints.length > 0) {
        parts.push(h('Key points', `<ul>${t.keyPoints.map((k) => `<li>${htmlField(k.label)}${k.hint ? ` — ${htmlField(k.hint)}` : ''}</li>`).join('')}</ul>`));
      }
      back = parts.join('<br><br>');
      break;
    }
    case 'numbers':
      front = `${htmlField(item.number.metric)}?${guideLine}`;
      back = `<b>${htmlField(item.number.value)}</b>${item.number.context ? `<br>${htmlField(item.number.context)}` : ''}`;
      break;
    case 'questions':
      front = `${htmlField(item.question.text)}${guideLine}`;
      back = item.question.answer ? htmlField(item.question.answer) : '';
      break;
    case 'tradeoffs': {
      const t = item.tradeoff;
      front = `${htmlField(t.title)}: which option when?${guideLine}`;
      const head = `<tr><th></th>${t.options.map((o) => `<th>${htmlField(o)}</th>`).join('')}</tr>`;
      const rows = t.aspects.map((a) => `<tr><td><b>${htmlField(a.aspect)}</b></td>${t.options.map((_, i) => `<td>${htmlField(a.values[i] ?? '')}</td>`).join('')}</tr>`).join('');
      const parts = [`<table>${head}${rows}</table>`];
      if (t.recommendation) parts.push(h('Recommendation', htmlField(t.recommendation)));
      if (t.response) parts.push(h('In the interview', htmlField(t.response)));
      back = parts.join('<br>');
      break;
    }
  }
  return {
    deck: item.deck,
    id: item.id,
    guide: item.guide,
    front,
    back,
    tags: [ankiTag(item.guide), `coach::${item.deck}`],
    guid: `coach:${item.deck}:${item.id}`.replace(/[\t\n\r ]/g, '_'),
  };
}

/** A field on a line of its own: never a tab or line break, never a leading "#". */
function cell(text: string): string {
  const flat = text.replace(/[\t\r\n]+/g, ' ');
  return flat.startsWith('#') ? `&#35;${flat.slice(1)}` : flat;
}

/** The deck the notes go into when the export does not name one. */
export const DEFAULT_ANKI_DECK = 'coach';

/** A deck name as a header line can hold it: no tabs or line breaks ("::" makes a sub-deck). */
export function ankiDeckName(name: string): string {
  return name.replace(/[\t\r\n]+/g, ' ').trim() || DEFAULT_ANKI_DECK;
}

export function ankiFile(items: DeckItem[], deck = DEFAULT_ANKI_DECK): { text: string; notes: Note[] } {
  const notes = items.map(noteFor);
  const header = ['#separator:tab', '#html:true', '#notetype:Basic', `#deck:${ankiDeckName(deck)}`, '#columns:Front\tBack\tTags\tGUID', '#tags column:3', '#guid column:4'];
  const lines = notes.map((n) => [cell(n.front), cell(n.back), cell(n.tags.join(' ')), cell(n.guid)].join('\t'));
  return { text: `${[...header, ...lines].join('\n')}\n`, notes };
}

const DECK_TITLE: Record<DeckName, string> = { traps: 'Trap questions', numbers: 'Key numbers', questions: 'Question bank', tradeoffs: 'Trade-offs' };

function mdEscape(text: string): string {
  // Keep the guide's words; only a leading "#" would turn a line into a heading.
  return text.replace(/^#/gm, '\\#');
}

function quote(text: string): string {
  return text
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
}

/** The decks as one markdown document: a section per deck, a subsection per guide. */
export function markdownFile(items: DeckItem[], title = 'coach practice decks'): string {
  const out: string[] = [`# ${title}`, ''];
  for (const deck of DECK_NAMES) {
    const inDeck = items.filter((i) => i.deck === deck);
    if (inDeck.length === 0) continue;
    out.push(`## ${DECK_TITLE[deck]}`, '');
    let guide = '';
    for (const item of inDeck) {
      if (item.guide !== guide) {
        if (out[out.length - 1] !== '') out.push('');
        guide = item.guide;
        out.push(`### ${item.guideTitle} (\`${item.guide}\`)`, '');
      }
      switch (item.deck) {
        case 'traps': {
          const t = item.trap;
          out.push(`#### ${mdEscape(t.question)}`, '', `\`coach trap ${item.id}\``, '');
          if (t.wants) out.push(`**What the interviewer wants:** ${mdEscape(t.wants)}`, '');
          if (t.weak) out.push(`**Weak answer:** _${mdEscape(t.weak)}_${t.weakWhy ? ` Why it fails: ${mdEscape(t.weakWhy)}` : ''}`, '');
          else if (t.weakWhy) out.push(`**Why it is a trap:** ${mdEscape(t.weakWhy)}`, '');
          if (t.strong) out.push('**Strong answer:**', '', quote(mdEscape(t.strong)), '');
          if (t.keyPoints.length > 0) {
            out.push('**Key points:**', '', ...t.keyPoints.map((k) => `- ${mdEscape(k.label)}${k.hint ? ` — ${mdEscape(k.hint)}` : ''}`), '');
          }
          break;
        }
        case 'numbers':
          out.push(`- **${mdEscape(item.number.metric)}:** ${mdEscape(item.number.value)}${item.number.context ? ` — ${mdEscape(item.number.context)}` : ''}`);
          break;
        case 'questions':
          out.push(`#### ${item.question.id}. ${mdEscape(item.question.text)}`, '');
          if (item.question.answer) out.push(mdEscape(item.question.answer), '');
          break;
        case 'tradeoffs': {
          const t = item.tradeoff;
          const pipe = (x: string): string => x.replace(/\|/g, '\\|').replace(/\n/g, ' ');
          out.push(`#### ${mdEscape(t.title)}`, '');
          out.push(`| | ${t.options.map(pipe).join(' | ')} |`, `|---|${t.options.map(() => '---').join('|')}|`);
          for (const a of t.aspects) out.push(`| **${pipe(a.aspect)}** | ${t.options.map((_, i) => pipe(a.values[i] ?? '')).join(' | ')} |`);
          out.push('');
          if (t.recommendation) out.push(`**Recommendation:** ${mdEscape(t.recommendation)}`, '');
          if (t.response) out.push(`**In the interview:** ${mdEscape(t.response)}`, '');
          break;
        }
      }
    }
    if (out[out.length - 1] !== '') out.push('');
  }
  while (out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}
