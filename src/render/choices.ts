// A list to choose from, fitted to the terminal (issue 11: the scenario picker split
// words, "definiti/on", and hid 3 of 10 entries without a sign). Each choice wraps at
// word boundaries under itself, the description of the highlighted one too; the list
// shows as many as the screen holds and says so when some are out of sight. Pure.
import { wrap } from './layout.js';

export interface FittedChoices<C> {
  message: string;
  choices: C[];
  pageSize: number;
}

/**
 * Wraps `text` after its first `column` characters (kept as they are, padding and all)
 * to `width` columns in all, the continuation lines indented by `hang`.
 */
function hanging(text: string, column: number, width: number, hang: number): string {
  if (text.includes('\n')) return text;
  const lines = wrap(text.slice(column), Math.max(10, width - hang));
  return lines.map((l, i) => (i === 0 ? text.slice(0, column) : ' '.repeat(hang)) + l).join('\n');
}

/**
 * Choices for inquirer's select at this terminal size. A name with a column gap
 * (`id  text`) hangs its continuation lines under the text. The page holds every
 * choice the screen has rows for; when it holds fewer, the message says how many
 * there are and how to see the rest.
 */
export function fitChoices<C extends { name: string; description?: string }>(message: string, choices: C[], columns: number, rows: number): FittedChoices<C> {
  // inquirer puts the cursor and a space before a name's first line, nothing before the others.
  const width = Math.max(20, columns - 1);
  const fitted = choices.map((c) => {
    const gap = c.name.indexOf('  ');
    const found = gap > 0 ? gap + /^ +/.exec(c.name.slice(gap))![0].length : 0;
    const column = found < width / 2 ? found : 0;
    return { ...c, name: hanging(c.name, column, width, 2 + (column || 2)), ...(c.description !== undefined ? { description: hanging(c.description, 0, width, 0) } : {}) };
  });
  const lines = fitted.reduce((n, c) => n + c.name.split('\n').length, 0);
  const description = Math.max(0, ...fitted.map((c) => (c.description ? c.description.split('\n').length : 0)));
  // The message, a blank line, the description, the keys' help line and a spare row.
  const pageSize = Math.max(3, Math.min(lines, rows - 4 - description));
  const hidden = lines > pageSize;
  const sign = hidden ? `${message} (${choices.length} in all, ↑↓ for more)` : message;
  return { message: hanging(sign, 0, width - 2, 0), choices: fitted, pageSize };
}
