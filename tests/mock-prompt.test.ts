// The notes prompt's parts the mock relies on, in isolation: Ctrl-D on an empty line
// finishes (readline would otherwise close the prompt), one-line questions, notes
// resumed with their text, the draft callback, the echo, and the cap on visible rows.
import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { notesPrompt, unknownCommand } from '../src/notes-prompt.js';
import { terminalPrompt } from '../src/prompt.js';
import { CancelledError } from '../src/errors.js';
import { MockClock } from '../src/mock/clock.js';
import { MockSession } from '../src/mock/session.js';
import { buildPlan } from '../src/mock/build-plan.js';
import { statusLine } from '../src/mock-screen.js';
import { style } from '../src/render/style.js';
import { emptyGuide } from '../src/guides/model.js';

const ENTER = { name: 'enter' };
const CTRL_D = { name: 'd', ctrl: true };

describe('notes prompt', () => {
  it('finishes on Ctrl-D at the start of an empty line, with every line kept', async () => {
    const { answer, events } = await render(notesPrompt, { message: 'Your answer' });
    events.type('first line');
    events.keypress(ENTER);
    events.type('second line');
    events.keypress(ENTER);
    events.keypress(CTRL_D);
    await expect(answer).resolves.toEqual({ text: 'first line\nsecond line' });
  });

  it('in single-line mode, Enter asks and an empty Enter is ignored', async () => {
    const { answer, events, getScreen } = await render(notesPrompt, { message: 'You:', singleLine: true, commands: ['next'] });
    events.keypress(ENTER);
    events.type('How many models?');
    events.keypress(ENTER);
    await expect(answer).resolves.toEqual({ text: 'How many models?' });
    expect(getScreen()).toContain('You: How many models?');
  });

  it('shows the command that ended a one-line prompt', async () => {
    const { answer, events, getScreen } = await render(notesPrompt, { message: 'You:', singleLine: true, commands: ['next'] });
    events.type('/next');
    events.keypress(ENTER);
    await expect(answer).resolves.toEqual({ text: '', command: 'next' });
    expect(getScreen()).toContain('You: /next');
  });

  it('resumes with the initial text and reports every change as a draft', async () => {
    const drafts: string[] = [];
    const { answer, events } = await render(notesPrompt, { message: 'Your answer', initial: 'kept line', onDraft: (t: string) => drafts.push(t), commands: ['next'] });
    events.type('ab');
    expect(drafts.at(-1)).toBe('kept line\nab');
    events.keypress(ENTER);
    events.type('/next');
    events.keypress(ENTER);
    await expect(answer).resolves.toEqual({ text: 'kept line\nab', command: 'next' });
  });

  it('echoes the notes once done, unless a command will reopen them', async () => {
    const done = await render(notesPrompt, { message: 'Your answer', echo: true, continues: ['pause'], commands: ['next', 'pause'] });
    done.events.type('a note');
    done.events.keypress(ENTER);
    done.events.type('/next');
    done.events.keypress(ENTER);
    await done.answer;
    expect(done.getScreen()).toMatch(/Your answer \/next\n\s+│ a note/);

    const paused = await render(notesPrompt, { message: 'Your answer', echo: true, continues: ['pause'], commands: ['next', 'pause'] });
    paused.events.type('a note');
    paused.events.keypress(ENTER);
    paused.events.type('/pause');
    paused.events.keypress(ENTER);
    await expect(paused.answer).resolves.toEqual({ text: 'a note', command: 'pause' });
    expect(paused.getScreen()).not.toContain('│ a note');
  });

  it('shows only the last rows of a long answer, wrapped at words', async () => {
    const { answer, events, getScreen } = await render(notesPrompt, { message: 'Your answer', maxVisibleLines: 3, width: 30 });
    for (const line of ['one', 'two', 'three', 'a long line that must wrap at a word boundary']) {
      events.type(line);
      events.keypress(ENTER);
    }
    const screen = getScreen();
    expect(screen).toContain('… 2 earlier lines');
    expect(screen).not.toContain('│ two');
    expect(screen).toContain('│ a long line that must wrap');
    expect(screen).toContain('│ at a word boundary');
    // Finished, so that no prompt is left open when the test worker exits.
    events.keypress(CTRL_D);
    await expect(answer).resolves.toMatchObject({ text: expect.stringContaining('at a word boundary') });
  });
});

// An interrupt signal that arrived between two prompts (main.ts aborts this signal)
// cancels the next question at once, so the session's own Ctrl-C path saves it.
describe('the prompt wrapper after an interrupt', () => {
  it('cancels every kind of question with CancelledError', async () => {
    const interrupt = new AbortController();
    interrupt.abort();
    const prompt = terminalPrompt({ input: new PassThrough(), output: new PassThrough(), interrupt: interrupt.signal });
    await expect(prompt.input('Press Enter')).rejects.toBeInstanceOf(CancelledError);
    await expect(prompt.select('Which?', [{ name: 'a', value: 'a' }])).rejects.toBeInstanceOf(CancelledError);
    await expect(prompt.notes({ message: 'Your answer' })).rejects.toBeInstanceOf(CancelledError);
  });
});

describe('notes prompt input', () => {
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('an unknown /command says all of it at the width of the terminal, wrapped, not cut', async () => {
    const { events, getScreen } = await render(notesPrompt, { message: 'Your answer', commands: ['next', 'skip', 'help'], width: 60 });
    events.type('/nxt');
    events.keypress(ENTER);
    const lines = getScreen().split('\n');
    expect(lines.every((l) => l.length <= 60)).toBe(true);
    expect(lines.join(' ').replace(/\s+/g, ' ')).toContain('to write it as text, add a word after it');
  });

  it('an unknown /command is an error with the closest command, not an answer', async () => {
    const { answer, events, getScreen } = await render(notesPrompt, { message: 'Your answer', commands: ['next', 'skip', 'help'] });
    events.type('/nxt');
    events.keypress(ENTER);
    expect(getScreen()).toContain('unknown command /nxt: did you mean /next? (/help lists them)');
    events.type('a real line');
    events.keypress(ENTER);
    events.keypress(CTRL_D);
    await expect(answer).resolves.toEqual({ text: 'a real line' });
  });

  it.each([
    ['nxt', ['next', 'skip'], 'unknown command /nxt: did you mean /next? (commands: /next, /skip); to write it as text, add a word after it'],
    ['ext', ['next', 'extend'], 'unknown command /ext: did you mean /extend? (commands: /next, /extend); to write it as text, add a word after it'],
    ['banana', ['next', 'help'], 'unknown command /banana (/help lists them); to write it as text, add a word after it'],
  ])('unknownCommand(%s)', (word, commands, message) => {
    expect(unknownCommand(word, commands)).toBe(message);
  });

  it('a blank line inside a pasted answer does not end it; one typed after a pause does', async () => {
    const { answer, events } = await render(notesPrompt, { message: 'Your answer', finishOnEmptyLine: true });
    // A paste: every key within a few milliseconds of the last.
    events.type('first paragraph');
    events.keypress(ENTER);
    events.keypress(ENTER);
    events.type('second paragraph');
    events.keypress(ENTER);
    await wait(120);
    events.keypress(ENTER);
    await expect(answer).resolves.toEqual({ text: 'first paragraph\n\nsecond paragraph' });
  });

  it('an empty line typed after a pause finishes the answer', async () => {
    const { answer, events } = await render(notesPrompt, { message: 'Your answer', finishOnEmptyLine: true });
    events.type('one line');
    events.keypress(ENTER);
    await wait(60);
    events.keypress(ENTER);
    await expect(answer).resolves.toEqual({ text: 'one line' });
  });
});

describe('the status line', () => {
  it('draws the prompt again when the terminal is resized, and stops listening once done', async () => {
    let redraw: (() => void) | undefined;
    const { answer, events, getFullOutput } = await render(notesPrompt, {
      message: 'Your answer',
      status: () => '4:59 left',
      refreshMs: 60_000,
      resized: (r) => {
        redraw = r;
        return () => (redraw = undefined);
      },
    });
    const draws = async (): Promise<number> => (await getFullOutput({ raw: true })).split('4:59 left').length - 1;
    const before = await draws();
    redraw!();
    await new Promise((r) => setTimeout(r, 10));
    expect(await draws()).toBe(before + 1);
    events.keypress({ name: 'd', ctrl: true });
    await answer;
    expect(redraw).toBeUndefined();
  });

  it('draws the mock countdown once a second over a simulated minute, not on every tick', async () => {
    let t = 1_000_000;
    const session = new MockSession(buildPlan({ guide: { ...emptyGuide('g', 'g.md'), title: 'A guide' } }), new MockClock(() => t));
    t += 12_400; // the phase starts mid-second
    session.startPhase();
    // Each tick of the redraw timer is 250 ms of interview time, for 240 ticks.
    let ticks = 0;
    const { answer, events, getFullOutput } = await render(notesPrompt, {
      message: 'Your answer',
      status: () => {
        if (ticks++ > 0 && ticks <= 241) t += 250;
        return statusLine(session, style(false), 100);
      },
      refreshMs: 1,
    });
    while (ticks <= 241) await new Promise((r) => setTimeout(r, 5));
    const draws = (await getFullOutput({ raw: true })).split(' left · Clarify').length - 1;
    // The first draw, then one for each of the 60 seconds.
    expect(draws).toBe(61);
    events.keypress({ name: 'd', ctrl: true });
    await answer;
  });

  it('redraws the prompt only when the status text changes', async () => {
    let text = '4:59 left';
    let calls = 0;
    const { answer, events, getScreen, getFullOutput } = await render(notesPrompt, {
      message: 'Your answer',
      status: () => {
        calls++;
        return text;
      },
      refreshMs: 10,
    });
    const before = await getFullOutput({ raw: true });
    await new Promise((r) => setTimeout(r, 80));
    // Ticks ran and asked for the status, but nothing was written to the terminal.
    expect(calls).toBeGreaterThan(3);
    expect(await getFullOutput({ raw: true })).toBe(before);
    text = '4:58 left';
    await new Promise((r) => setTimeout(r, 40));
    expect(getScreen()).toContain('4:58 left');
    events.keypress({ name: 'd', ctrl: true });
    await answer;
  });
});
