// A plain-object Io for command tests: captured output, a fixed width, no colour,
// a scripted prompt, temporary folders.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { Io } from '../../src/io.js';
import type { Prompt } from '../../src/prompt.js';

export interface TestIo extends Io {
  out: () => string;
  err: () => string;
}

export const BUNDLED_INDEX = join(import.meta.dirname, '../../dist/guides.json');

/** A prompt that fails the test if anything asks. */
export const noPrompt: Prompt = {
  select: () => Promise.reject(new Error('unexpected prompt: select')),
  checkbox: () => Promise.reject(new Error('unexpected prompt: checkbox')),
  confirm: () => Promise.reject(new Error('unexpected prompt: confirm')),
  input: () => Promise.reject(new Error('unexpected prompt: input')),
  notes: () => Promise.reject(new Error('unexpected prompt: notes')),
};

export function testIo(overrides: Partial<Io> = {}): TestIo {
  let out = '';
  let err = '';
  const home = mkdtempSync(join(tmpdir(), 'coach-test-'));
  let clock = 0;
  const io: TestIo = {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    stdin: new PassThrough(),
    env: {},
    color: false,
    colorErr: false,
    columns: 80,
    tty: true,
    interactive: false,
    now: () => clock++,
    date: () => new Date('2026-11-22T09:00:00Z'),
    dataDir: join(home, 'data'),
    cacheDir: join(home, 'cache'),
    config: { file: join(home, 'config', 'config.toml'), settings: {}, warnings: [] },
    bundledIndex: BUNDLED_INDEX,
    prompt: noPrompt,
    out: () => out,
    err: () => err,
    ...overrides,
  };
  return io;
}
