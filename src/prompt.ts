// The one prompt wrapper. Every question coach asks goes through here; inquirer is
// imported on the first question only, and Ctrl-C becomes one known CancelledError.
// Tests replace the whole Prompt object.
import { CancelledError } from './errors.js';
import { showControls } from './guides/text.js';

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
  /** Show at most this many rows of earlier lines (a taller prompt than the screen cannot be redrawn). */
  maxVisibleLines?: number;
  /** Wrap finished lines at word boundaries to this width, under the gutter. */
  width?: number;
  /** Once done, leave what was written on the screen instead of a line count. */
  echo?: boolean;
  /** Commands after which the caller reopens the same notes (/pause): no echo then. */
  continues?: string[];
  /** Calls `redraw` when the terminal is resized; returns what stops it (the prompt wrapper passes its output's). */
  resized?: (redraw: () => void) => () => void;
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
  /** For /edit: VISUAL and EDITOR, and the environment the editor runs in. */
  env?: Record<string, string | undefined>;
  /** Aborted by an interrupt signal while a session holds interrupts (main.ts). */
  interrupt?: AbortSignal;
}

function cancelled(e: unknown): never {
  const name = (e as Error)?.name;
  if (name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'CancelPromptError') throw new CancelledError();
  throw e;
}

type KeyListener = (text: string, key?: { ctrl?: boolean; name?: string }) => void;

/**
 * readline closes itself on Ctrl-D at an empty line, which leaves an inquirer prompt
 * unsettled and the process exiting 0 as if all went well. Ctrl-D (end of input)
 * cancels a one-line question instead, like Ctrl-C. The listener goes in front of
 * readline's own, so it runs first.
 */
async function eofCancels<T>(input: NodeJS.ReadableStream, ask: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const { emitKeypressEvents } = await import('node:readline');
  emitKeypressEvents(input);
  const controller = new AbortController();
  const onKey: KeyListener = (_text, key) => {
    if (key?.ctrl && key.name === 'd') controller.abort();
  };
  input.prependListener('keypress', onKey);
  try {
    return await ask(controller.signal);
  } finally {
    input.removeListener('keypress', onKey);
  }
}

// Prompts write to the terminal themselves, so what they show passes the same filter
// as everything else printed (src/main.ts): a scenario's prompt or angle in a choice
// list can set no title and move no cursor. Colour codes pass.
const shown = (text: string): string => showControls(text, true);
const shownChoices = <T, C extends Choice<T>>(choices: C[]): C[] => choices.map((c) => ({ ...c, name: shown(c.name), ...(c.description !== undefined ? { description: shown(c.description) } : {}) }));

/**
 * Drops what a terminal has already been sent (keys typed ahead of a prompt), reading
 * raw for a moment. Piped input is a script: nothing of it is dropped.
 */
async function discardTypeAhead(input: NodeJS.ReadableStream, ms = 40): Promise<void> {
  const tty = input as NodeJS.ReadStream;
  if (!tty.isTTY || typeof tty.setRawMode !== 'function') return;
  const raw = tty.isRaw;
  // Ctrl-C among them is still Ctrl-C: raw, the terminal sends it as a byte.
  const drop = (chunk: Buffer | string): void => {
    if (String(chunk).includes('\x03')) process.kill(process.pid, 'SIGINT');
  };
  tty.setRawMode(true);
  tty.on('data', drop);
  tty.resume();
  await new Promise((done) => setTimeout(done, ms));
  tty.off('data', drop);
  tty.pause();
  tty.setRawMode(raw);
}

/** The real prompts, on the given terminal streams. */
export function terminalPrompt(streams: Streams): Prompt {
  // The streams are read on the first question, not before: process.stdin is built
  // on first use, and most commands never ask anything.
  type Context = { input: NodeJS.ReadableStream; output: NodeJS.WritableStream; clearPromptOnDone: boolean; signal?: AbortSignal };
  const context = (): Context => ({
    input: streams.input,
    output: streams.output,
    clearPromptOnDone: false,
    ...(streams.interrupt ? { signal: streams.interrupt } : {}),
  });
  const guarded = <T>(ask: (context: Context & { signal: AbortSignal }) => Promise<T>): Promise<T> =>
    eofCancels(streams.input, (signal) => ask({ ...context(), signal: streams.interrupt ? AbortSignal.any([signal, streams.interrupt]) : signal })).catch(cancelled);
  return {
    async select(message, choices, defaultValue) {
      const [{ select }, { fitChoices }] = await Promise.all([import('@inquirer/prompts'), import('./render/choices.js')]);
      const out = streams.output as { columns?: number; rows?: number };
      const fit = fitChoices(shown(message), shownChoices(choices), out.columns ?? 80, out.rows ?? 24);
      return guarded((context) =>
        select({ message: fit.message, choices: fit.choices, pageSize: fit.pageSize, loop: false, ...(defaultValue !== undefined ? { default: defaultValue } : {}) }, context),
      );
    },
    async checkbox(message, choices) {
      const { checkbox } = await import('@inquirer/prompts');
      // What was typed before the list showed (the next answer, begun early) must not
      // tick boxes: it is dropped, and letters are no shortcuts ("a" ticked them all).
      await discardTypeAhead(streams.input);
      return guarded((context) =>
        checkbox({ message: shown(message), choices: shownChoices(choices), loop: false, pageSize: Math.max(7, choices.length), shortcuts: { all: null, invert: null } }, context),
      );
    },
    async confirm(message, defaultValue = false) {
      const { confirm } = await import('@inquirer/prompts');
      return guarded((context) => confirm({ message: shown(message), default: defaultValue }, context));
    },
    async input(message, defaultValue) {
      const { input } = await import('@inquirer/prompts');
      return guarded((context) => input({ message: shown(message), ...(defaultValue !== undefined ? { default: defaultValue } : {}) }, context));
    },
    async notes(options) {
      const [{ notesPrompt }, { width }] = await Promise.all([import('./notes-prompt.js'), import('./render/layout.js')]);
      const status = options.status;
      // inquirer lays a prompt out at the terminal's width when it draws it, and the
      // notes are drawn only when something changes: a resize is such a change.
      const resized = (redraw: () => void): (() => void) => {
        streams.output.on('resize', redraw);
        return () => streams.output.off('resize', redraw);
      };
      const safe = { resized, ...options, message: shown(options.message), ...(options.hint !== undefined ? { hint: shown(options.hint) } : {}), ...(status ? { status: () => shown(status()) } : {}) };
      // `/edit` in any answer of several lines, unless the caller handles it itself: the
      // prompt ends, the editor has the terminal, and the same prompt reopens on the
      // edited text. Callers keep their own clocks, which run on.
      if (options.singleLine || options.commands?.includes('edit')) return notesPrompt(safe, context()).catch(cancelled);
      const columns = options.width ?? (streams.output as { columns?: number }).columns ?? 80;
      const hint = safe.hint && width(`${safe.hint} · /edit`) < columns ? `${safe.hint} · /edit` : safe.hint;
      let initial = options.initial;
      for (;;) {
        const answer = await notesPrompt(
          {
            ...safe,
            ...(hint ? { hint } : {}),
            ...(initial !== undefined ? { initial } : {}),
            commands: [...(options.commands ?? []), 'edit'],
            continues: [...(options.continues ?? []), 'edit'],
          },
          context(),
        ).catch(cancelled);
        if (answer.command !== 'edit') return answer;
        const { editText } = await import('./editor.js');
        const edited = editText(answer.text, streams.env ?? {});
        if ('error' in edited) streams.output.write(`coach: ${edited.error}; your answer is as it was\n`);
        initial = 'text' in edited ? edited.text : answer.text;
        options.onDraft?.(initial);
      }
    },
  };
}
