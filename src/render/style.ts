// Colour through chalk when it is on; a plain, chainable no-op when it is off. Each
// stream decides for itself, so a piped stdout gets plain text even when stderr is
// a terminal. chalk is loaded once, when colour is on (main.ts calls loadStyle()),
// so that piped and NO_COLOR runs never pay for it.
import type { ChalkInstance } from 'chalk';

export type Style = ChalkInstance;

let chalk: typeof import('chalk') | undefined;

export async function loadStyle(): Promise<void> {
  chalk ??= await import('chalk');
}

// Any chain of style names (`s.bold.cyan`) called on text returns the text.
const PLAIN: Style = new Proxy(((...text: unknown[]) => text.join(' ')) as unknown as Style, {
  get: (_, name) => (name === 'level' ? 0 : PLAIN),
});

export function style(enabled: boolean): Style {
  if (!enabled) return PLAIN;
  if (!chalk) throw new Error('internal: colour used before loadStyle()');
  return new chalk.Chalk({ level: 1 });
}
