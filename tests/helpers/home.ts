// A fresh COACH_HOME for a test, and what coach wrote to its history there.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestHome {
  dir: string;
  env: Record<string, string>;
  history: () => Record<string, unknown>[];
}

export function home(prefix = 'coach-e2e-'): TestHome {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    env: { COACH_HOME: dir },
    history: () =>
      readFileSync(join(dir, 'data', 'history.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}
