// Text helpers shared by the parser and the renderers. Pure: strings in, strings out.

// CSI/OSC/other escape sequences, then any C0/C1 control character but tab and newline,
// the line and paragraph separators (YAML's \L and \P), and the bidirectional overrides
// and isolates that can make text display differently from what it is.
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)|[@-Z\\-_])/g;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Removes terminal escape sequences and control characters from untrusted text. */
export function sanitize(text: string): { text: string; removed: number; firstLine?: number } {
  let removed = 0;
  let firstIndex = -1;
  const note = (match: string, index: number): string => {
    removed += match.length;
    if (firstIndex < 0) firstIndex = index;
    return '';
  };
  const clean = text.replace(ESCAPE_SEQUENCE, note).replace(CONTROL, note);
  if (removed === 0) return { text, removed };
  return { text: clean, removed, firstLine: text.slice(0, firstIndex).split('\n').length };
}

// The same characters for showControls, and coach's own colour codes (SGR) that it
// lets through when colour is on.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_OR_SGR = /\u001b\[[0-9;]*m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Shows control characters instead of sending them, as `less` and `git` do: ESC as
 * `\x1b`, NEL as `\u0085`, a right-to-left override as `\u202e`. Tab and newline stay.
 * With `keepColour`, colour codes (SGR: `ESC [ digits m`) pass, and nothing else does:
 * no cursor movement, no title, no clipboard, no link. File names go through this
 * where they enter (a name must stay recognisable); everything printed goes through
 * it on the way out (src/main.ts).
 */
export function showControls(text: string, keepColour = false): string {
  if (!UNSAFE.test(text)) return text;
  return text.replace(UNSAFE_OR_SGR, (c) => {
    if (c.length > 1) return keepColour ? c : `\\x1b${c.slice(1)}`;
    const code = c.charCodeAt(0);
    return code < 0x80 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Lower-case slug: letters, digits and single dashes. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Strips one pair of surrounding quotes, straight or curly. */
export function unquote(text: string): string {
  const t = text.trim();
  const m = /^["“'‘](.*)["”'’]$/s.exec(t);
  return m ? m[1]!.trim() : t;
}

/** Collapses runs of spaces and trims. */
export function squash(text: string): string {
  // Most strings have nothing to squash; skip the replaces for them.
  if (!/[ \t]{2}|\t| \n|\n | $|^ /.test(text)) return text;
  return text.replace(/[ \t]+/g, ' ').replace(/ *\n */g, '\n').trim();
}

/** Parses "0-5 min", "15–30 minutes", "Minutes 5-15" into a window. */
export function parseWindow(text: string): { start: number; end: number } | undefined {
  const m = /(\d+)\s*(?:-|–|—|to)\s*(\d+)/.exec(text);
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return end > start ? { start, end } : undefined;
}

export function titleCase(id: string): string {
  return id
    .split('-')
    .filter(Boolean)
    .map((w) => (w.length <= 3 && /\d/.test(w) ? w : w[0]!.toUpperCase() + w.slice(1)))
    .join(' ');
}
