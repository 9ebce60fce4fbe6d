// The runtime `run()` takes, for tests: the test io, and what coach printed through the
// runtime itself (help, usage errors) kept apart from what the commands wrote to io.
import type { Runtime } from '../../src/cli.js';
import type { TestIo } from './io.js';

export function testRuntime(io: TestIo, version = '0'): Runtime & { printed: () => string; errors: () => string } {
  let out = '';
  let err = '';
  return {
    io: async () => io,
    out: (t) => (out += t),
    err: (t) => (err += t),
    version,
    debug: false,
    printed: () => out + io.out(),
    errors: () => err + io.err(),
  };
}
