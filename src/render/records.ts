// Lists for scripts: when stdout is not a terminal, one record per line with its
// fields separated by tabs, never cut or wrapped, and no header or count (as gh
// prints lists when piped), so that `grep`, `cut -f1` and `while read` work.
import type { Io } from '../io.js';

/** What a renderer needs to know to choose between a table and records. */
export type View = Pick<Io, 'columns' | 'color'> & Partial<Pick<Io, 'tty'>>;

/** True when the output goes to a pipe or a file rather than a terminal. */
export function piped(view: Partial<Pick<Io, 'tty'>>): boolean {
  return view.tty === false;
}

/** Records as lines of tab-separated fields; a tab or line break inside a field becomes a space. */
export function renderRecords(rows: (string | number | boolean | undefined)[][]): string {
  return rows.map((r) => r.map((f) => String(f ?? '').replace(/[\t\r\n]+/g, ' ')).join('\t')).join('\n');
}
