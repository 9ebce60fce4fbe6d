// Reading one guide file: the checks every untrusted file goes through before it is
// parsed (size, binary content, encoding). Imports the parser, so it loads lazily.
import { readFile, stat } from 'node:fs/promises';
import { parseGuideText, type Parsed } from './parse.js';
import { reason } from './walk.js';

export const MAX_GUIDE_BYTES = 2 * 1024 * 1024;

/** Reads and parses one file; a file that cannot be a guide comes back as an error. */
export async function loadGuideFile(path: string, bundled = false): Promise<Parsed> {
  const fail = (message: string, line?: number): Parsed => ({
    kind: 'error',
    problems: [{ path, severity: 'error', message, ...(line ? { line } : {}) }],
  });
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    return fail(`cannot read: ${reason(e)}`);
  }
  if (!info.isFile()) return fail('not a regular file');
  if (info.size > MAX_GUIDE_BYTES) {
    return fail(`too large (${(info.size / 1024 / 1024).toFixed(1)} MB; guides are limited to 2 MB)`);
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    return fail(`cannot read: ${reason(e)}`);
  }
  return parseGuideBytes(bytes, path, bundled);
}

export function parseGuideBytes(bytes: Buffer, path: string, bundled = false): Parsed {
  if (bytes.indexOf(0) >= 0) {
    return { kind: 'error', problems: [{ path, severity: 'error', message: 'binary file (contains NUL bytes), not a markdown guide' }] };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { kind: 'error', problems: [{ path, severity: 'error', message: 'not valid UTF-8 text; save the guide as UTF-8' }] };
  }
  return parseGuideText(text, { path, bundled });
}
