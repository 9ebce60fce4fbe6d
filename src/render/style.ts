// Colour through one chalk instance per stream, so that a piped stdout gets plain
// text even when stderr is a terminal.
import { Chalk, type ChalkInstance } from 'chalk';

export type Style = ChalkInstance;

export function style(enabled: boolean): Style {
  return new Chalk({ level: enabled ? 1 : 0 });
}
