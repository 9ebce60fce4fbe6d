// A scripted prompt for the practice command tests: answers from a list, remembers
// what it was asked (message, choices, the default the cursor starts on, notes options).
import type { Choice, NotesOptions, Prompt } from '../src/prompt.js';
import { CancelledError } from '../src/errors.js';

/** In a script: the user presses Ctrl-C at this question. */
export const CTRL_C = Symbol('ctrl-c');

interface Script {
  notes?: (string | typeof CTRL_C)[];
  select?: unknown[];
  input?: (string | typeof CTRL_C)[];
  confirm?: (boolean | typeof CTRL_C)[];
}

/** A prompt that answers from a script and remembers what it was asked. */
export function scripted(script: Script): Prompt & { asked: { kind: string; message: string; choices?: string[]; defaultValue?: unknown; options?: NotesOptions }[] } {
  const asked: { kind: string; message: string; choices?: string[]; defaultValue?: unknown; options?: NotesOptions }[] = [];
  const next = <T>(list: (T | typeof CTRL_C)[] | undefined, kind: string): T => {
    if (!list || list.length === 0) throw new Error(`unexpected prompt: ${kind}`);
    const value = list.shift()!;
    if (value === CTRL_C) throw new CancelledError();
    return value as T;
  };
  return {
    asked,
    async select<T>(message: string, choices: Choice<T>[], defaultValue?: T) {
      asked.push({ kind: 'select', message, choices: choices.map((c) => c.name), defaultValue });
      return next(script.select, 'select') as T;
    },
    async checkbox() {
      throw new Error('unexpected prompt: checkbox');
    },
    async confirm(message: string) {
      asked.push({ kind: 'confirm', message });
      return next(script.confirm, 'confirm');
    },
    async input(message: string) {
      asked.push({ kind: 'input', message });
      return next(script.input, 'input');
    },
    async notes(options: NotesOptions) {
      asked.push({ kind: 'notes', message: options.message, options });
      const text = next(script.notes, 'notes');
      const command = /^\/(\w+)$/.exec(text)?.[1];
      return command ? { text: '', command } : { text };
    },
  };
}
