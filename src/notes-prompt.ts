// A multi-line answer prompt on @inquirer/core: lines typed one at a time, finished
// by Ctrl-D, an empty line (when asked) or a /command, with an optional status line
// redrawn on a timer. inquirer redraws the whole prompt, so the countdown never
// garbles what the user is typing.
import { createPrompt, isEnterKey, useEffect, useKeypress, useRef, useState, usePrefix, makeTheme } from '@inquirer/core';
import type { NotesAnswer, NotesOptions } from './prompt.js';
import { distance } from './judge/distance.js';
import { hanging, width, wrap } from './render/layout.js';
import { count } from './render/plural.js';

/** What to say about `/word` that is not a command: the closest one, and where the list is. */
export function unknownCommand(word: string, commands: string[]): string {
  const w = word.toLowerCase();
  // A command it begins ("/ext" for /extend) first, then the nearest by typos.
  const near = commands
    .map((c) => ({ c, d: c.startsWith(w) ? -1 : distance(w, c) }))
    .filter((x) => x.d <= Math.max(1, Math.floor(x.c.length / 3)))
    .sort((a, b) => a.d - b.d)
    .map((x) => x.c);
  const help = commands.includes('help') ? ' (/help lists them)' : ` (commands: ${commands.map((c) => `/${c}`).join(', ')})`;
  return `unknown command /${word}${near.length > 0 ? `: did you mean /${near[0]}?` : ''}${help}; to write it as text, add a word after it`;
}

// Lines that arrive within this many ms of the previous key are part of a paste: an
// empty one among them does not finish an answer that ends on an empty line.
const PASTE_MS = 30;

export const notesPrompt = createPrompt<NotesAnswer, NotesOptions>((config, done) => {
  const theme = makeTheme({});
  const [lines, setLines] = useState<string[]>(() => (config.initial ? config.initial.split('\n') : []));
  const [value, setValue] = useState('');
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [, setTick] = useState(0);
  const [ended, setEnded] = useState('');
  const [error, setError] = useState('');
  const lastKey = useRef(0);
  const pendingFinish = useRef<NodeJS.Timeout | undefined>(undefined);
  const prefix = usePrefix({ status: status === 'done' ? 'done' : 'idle', theme });

  useEffect(() => {
    if (!config.status) return undefined;
    // Redraw only when the status line says something new: a countdown in whole
    // seconds changes about once in four ticks, and each redraw rewrites the prompt.
    let shown = config.status();
    const timer = setInterval(() => {
      const now = config.status!();
      if (now === shown) return;
      shown = now;
      setTick((t) => t + 1);
    }, config.refreshMs ?? 250);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => config.resized?.(() => setTick((t) => t + 1)), []);

  // readline closes itself on Ctrl-D at an empty line, which would end the prompt with
  // no answer and let the process exit. The line is padded with one space first, so
  // readline deletes that instead and the keypress handler below finishes the notes.
  useEffect((rl) => {
    const line = rl as unknown as { line: string; cursor: number };
    const guard = (_text: string, key?: { ctrl?: boolean; name?: string }): void => {
      if (key?.ctrl && key.name === 'd' && line.line === '') {
        line.line = ' ';
        line.cursor = 0;
      }
    };
    rl.input.prependListener('keypress', guard);
    return () => {
      rl.input.removeListener('keypress', guard);
    };
  }, []);

  const draft = (all: string[], line: string): void => config.onDraft?.((line ? [...all, line] : all).join('\n'));

  const finish = (answer: NotesAnswer): void => {
    setStatus('done');
    done(answer);
  };

  useEffect(() => () => clearTimeout(pendingFinish.current), []);

  useKeypress((key, rl) => {
    if (status === 'done') return;
    const now = Date.now();
    const pasted = now - lastKey.current < PASTE_MS;
    lastKey.current = now;
    // A key right after an empty line was part of a paste: the line stays in the text.
    if (pendingFinish.current) {
      clearTimeout(pendingFinish.current);
      pendingFinish.current = undefined;
    }
    if (error) setError('');
    if (key.ctrl && key.name === 'd') {
      const all = value ? [...lines, value] : lines;
      finish({ text: all.join('\n') });
      return;
    }
    if (isEnterKey(key)) {
      const line = value;
      setValue('');
      const command = /^\/([a-z-]+)\s*$/i.exec(line.trim());
      if (command && (config.commands ?? []).includes(command[1]!.toLowerCase())) {
        // Once done, the prompt shows the command that ended it.
        setEnded(line.trim());
        finish({ text: config.singleLine ? '' : lines.join('\n'), command: command[1]!.toLowerCase() });
        return;
      }
      // "/nxt" is a typo, not an answer: say so and keep it out of the text.
      if (command && config.commands) {
        setError(unknownCommand(command[1]!, config.commands));
        return;
      }
      if (config.singleLine) {
        if (line.trim() === '') return;
        setLines([line]);
        draft([line], '');
        finish({ text: line });
        return;
      }
      if (line.trim() === '' && config.finishOnEmptyLine && lines.length > 0) {
        if (pasted) {
          // Maybe a blank line inside a paste: finish only if no more text follows at once.
          const all = [...lines, line];
          setLines(all);
          pendingFinish.current = setTimeout(() => {
            pendingFinish.current = undefined;
            finish({ text: lines.join('\n') });
          }, PASTE_MS * 3);
          draft(all, '');
          return;
        }
        finish({ text: lines.join('\n') });
        return;
      }
      if (line.trim() === '' && config.finishOnEmptyLine) return;
      setLines([...lines, line]);
      draft([...lines, line], '');
      return;
    }
    setValue(rl.line);
    draft(lines, rl.line);
  });

  // Finished lines wrap at words under the gutter; the line being typed is left to
  // readline, which must own its cursor.
  const rows = (list: string[]): string[] => (config.width ? list.flatMap((l) => (l.trim() === '' ? [l] : wrap(l, Math.max(10, config.width! - 4)))) : list);
  const message = theme.style.message(config.message, status === 'done' ? 'done' : 'idle');
  // A one-line answer, said back wrapped at words under its own start ("✔ You: …"): the
  // terminal had broken a long question mid-word.
  if (status === 'done' && config.singleLine)
    return `${prefix} ${message} ${hanging(ended || (lines[0] ?? ''), width(`${prefix} ${message} `), config.width)
      .map(theme.style.answer)
      .join('\n')}`;
  const continued = (config.continues ?? []).some((c) => ended.toLowerCase() === `/${c}`);
  if (status === 'done' && continued) return `${prefix} ${message} ${theme.style.answer(ended)}`;
  if (status === 'done' && config.echo) {
    const all = value ? [...lines, value] : lines;
    return [`${prefix} ${message}${ended ? ` ${theme.style.answer(ended)}` : ''}`, ...rows(all).map((l) => theme.style.help(`  │ ${l}`))].join('\n');
  }
  if (status === 'done') return `${prefix} ${message} ${theme.style.answer(`(${count(lines.length + (value ? 1 : 0), 'line')})`)}`;
  const max = config.maxVisibleLines;
  const all = rows(lines);
  const hidden = max !== undefined && all.length > max ? all.length - max : 0;
  const shown = hidden > 0 ? all.slice(hidden) : all;
  const body = [...(hidden > 0 ? [theme.style.help(`  │ … ${hidden} earlier line${hidden === 1 ? '' : 's'}`)] : []), ...shown.map((l) => `  │ ${l}`), `  │ ${value}`].join('\n');
  // The error wrapped at the terminal's width (under "> "): a line cut at the edge lost its end.
  const said = error && config.width ? wrap(error, Math.max(20, config.width - 3)).join('\n  ') : error;
  const bottom = [said ? theme.style.error(said) : undefined, config.status?.(), config.hint ? theme.style.help(config.hint) : undefined].filter(Boolean).join('\n');
  return [`${prefix} ${message}\n${body}`, bottom];
});
