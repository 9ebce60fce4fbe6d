// Vitest's global set-up: every temporary folder the tests make (mkdtemp under
// os.tmpdir(), in this process, its workers and the coach processes they start) goes
// into one folder of this run, removed when the run ends. Before, each run left about
// a thousand folders in /tmp, among them whole guide libraries.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'ct-'));
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
