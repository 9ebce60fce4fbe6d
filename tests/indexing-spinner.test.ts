// The spinner of a first, large index: on a terminal that says how wide it is, it
// ends with what was indexed; on one that reports 0 columns (as `script` makes one),
// there is none, where ora used to divide by the width and clear lines forever (a
// loop that never yields: without the fix, the second test never ends).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { list } from '../src/commands/list.js';
import { testIo } from './helpers/io.js';

function library(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'coach-spinner-'));
  for (let i = 0; i < count; i++) writeFileSync(join(dir, `g-${i}.md`), `---\nid: g-${i}\ntitle: Guide ${i}\n---\n# Guide ${i}\n\n## Quick Reference Cards\n\n### Card ${i}\n\n- one line\n`);
  return dir;
}

/** A terminal's stderr of a given width, keeping what is written to it. */
function terminal(columns: number): Writable & { isTTY: boolean; columns: number; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      text += chunk.toString();
      done();
    },
  }) as Writable & { isTTY: boolean; columns: number; text: () => string; cursorTo: () => boolean; moveCursor: () => boolean; clearLine: () => boolean };
  Object.assign(stream, { isTTY: true, columns, text: () => text, cursorTo: () => true, moveCursor: () => true, clearLine: () => true });
  return stream;
}

describe('the spinner of a first index', () => {
  // Colour on stderr, as coach's entry point sets it up on a terminal.
  beforeAll(async () => (await import('../src/render/style.js')).loadStyle());

  it('says what it indexed on a terminal of 80 columns', async () => {
    const err = terminal(80);
    const result = await list({ kind: 'guides', guides: [library(30)] }, testIo({ colorErr: true, stderrStream: err }));
    expect(result.kind === 'guides' && result.items.filter((g) => !g.bundled)).toHaveLength(30);
    expect(err.text()).toContain('indexed 30 guide files');
  });

  it('is not shown on a terminal of 0 columns, and the index finishes', async () => {
    const err = terminal(0);
    const result = await list({ kind: 'guides', guides: [library(30)] }, testIo({ colorErr: true, stderrStream: err }));
    expect(result.kind === 'guides' && result.items.filter((g) => !g.bundled)).toHaveLength(30);
    expect(err.text()).toBe('');
  }, 20_000);
});
