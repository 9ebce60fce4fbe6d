// The one prompt wrapper. Every question coach asks goes through here; inquirer is
// imported on the first question only, and Ctrl-C becomes one known CancelledError.
// Tests replace the whole Prompt object.
import { CancelledError } from './errors.js';

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
}

export interface NotesOptions {
  message: string;
  /** Shown under the editor: how to finish, what commands exist. */
  hint?: string;
  /** A status line redrawn every `refreshMs` (the mock's countdown). */
  status?: () => string;
  refreshMs?: number;
  /**
   * Finish on one empty line (trap answers) or only on Ctrl-D / a command line
   * such as `/next` (mock phases, where blank lines separate notes).
   */
  finishOnEmptyLine?: boolean;
  /** Lines starting with "/" that end the prompt at once, returned as `command`. */
  commands?: string[];
  /** One line per answer: Enter finishes (the mock's clarifying questions). */
  singleLine?: boolean;
  /** Lines already written, shown and kept (a phase resumed after /pause or /extend). */
  initial?: string;
  /** Called with the whole text so far on every change, so a Ctrl-C can keep it. */
  onDraft?: (text: string) => void;
  /** Show at most this many earlier lines (a taller prompt than the screen cannot be redrawn). */
  maxVisibleLines?: number;
}

export interface NotesAnswer {
  text: string;
  /** The command line that ended the prompt, without the slash ("next", "skip"...). */
  command?: string;
}

export interface CheckboxChoice<T> extends Choice<T> {
  checked?: boolean;
}

export interface Prompt {
  /** `defaultValue` is the choice the cursor starts on (a suggested rating). */
  select<T>(message: string, choices: Choice<T>[], defaultValue?: T): Promise<T>;
  /** Tick any number of choices (space ticks, Enter confirms); returns the ticked values. */
  checkbox<T>(message: string, choices: CheckboxChoice<T>[]): Promise<T[]>;
  confirm(message: string, defaultValue?: boolean): Promise<boolean>;
  input(message: string, defaultValue?: string): Promise<string>;
  notes(options: NotesOptions): Promise<NotesAnswer>;
}

interface Streams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

function cancelled(e: unknown): never {
  const name = (e as Error)?.name;
  if (name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'CancelPromptError') throw new CancelledError();
  throw e;
}

/** The real prompts, on the given terminal streams. */
export function terminalPrompt(streams: Streams): Prompt {
  const context = { input: streams.input, output: streams.output, clearPromptOnDone: false };
  return {
    async select(message, choices, defaultValue) {
      const { select } = await import('@inquirer/prompts');
      return select({ message, choices, loop: false, ...(defaultValue !== undefined ? { default: defaultValue } : {}) }, context).catch(cancelled);
    },
    async checkbox(message, choices) {
      const { checkbox } = await import('@inquirer/prompts');
      return checkbox({ message, choices, loop: false, pageSize: Math.max(7, choices.length) }, context).catch(cancelled);
    },
    async confirm(message, defaultValue = false) {
      const { confirm } = await import('@inquirer/prompts');
      return confirm({ message, default: defaultValue }, context).catch(cancelled);
    },
    async input(message, defaultValue) {
      const { input } = await import('@inquirer/prompts');
      return input({ message, ...(defaultValue !== undefined ? { default: defaultValue } : {}) }, context).catch(cancelled);
    },
    async notes(options) {
      const { notesPrompt } = await import('./notes-prompt.js');
      return notesPrompt(options, context).catch(cancelled);
    },
  };
}
