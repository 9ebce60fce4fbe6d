// Lists in a pipe (issue 11): one record per line, tab-separated, never cut, no box,
// header or count, so that grep and cut work; a terminal still gets the tables.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from './helpers/pty.js';
import { testIo } from './helpers/io.js';
import { list, renderList } from '../src/commands/list.js';

const home = mkdtempSync(join(tmpdir(), 'coach-piped-'));

function coach(args: string[]): { out: string; status: number | null } {
  // A narrow COLUMNS must not matter to records.
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, COACH_HOME: home, COLUMNS: '40' }, encoding: 'utf8' });
  return { out: r.stdout, status: r.status };
}

function records(out: string): string[][] {
  expect(out.endsWith('\n')).toBe(true);
  expect(out).not.toMatch(/[│┌└─]/);
  return out
    .trimEnd()
    .split('\n')
    .map((l) => l.split('\t'));
}

describe('piped lists', () => {
  it.each([
    [['list', 'traps'], 20, 2, 'oss-ml-platform/what-happens-when-the-feature-store-goes', 'What happens when the feature store goes down?'],
    [['list', 'guides'], 5, 7, 'mlops-question-bank', 'MLOps Interview Question Bank'],
    [['list', 'cards'], 7, 3, 'michelangelo-cheat-sheet', 'Michelangelo Cheat Sheet'],
    [['list', 'tradeoffs'], 18, 3, 'model-serving-infrastructure', 'Kubernetes-Native vs Custom ML Platform'],
    [['list', 'scenarios'], 10, 3, 'model-serving-1m-users', 'mlops-question-bank'],
    [['list', 'questions'], 28, 5, 'Q3', "What's the difference between staging and production environments?"],
    [['trap', 'list'], 20, 3, 'bighead/why-automatic-dag-generation-instead-of', 'Why automatic DAG generation instead of just writing Airflow?'],
    [['card'], 7, 3, 'scaling-thresholds', 'Scaling Thresholds'],
    [['tradeoff'], 18, 3, 'feature-store-architecture', 'Physical Dual-Store vs Virtual Feature Store'],
    [['guide'], 5, 2, 'oss-ml-platform', 'Open-Source ML Platform on Kubernetes'],
  ])('%j: one record a line, whole', (args, count, fields, id, text) => {
    const r = coach(args);
    expect(r.status).toBe(0);
    const rows = records(r.out);
    expect(rows).toHaveLength(count);
    for (const row of rows) expect(row).toHaveLength(fields);
    const row = rows.find((x) => x[0] === id || x.includes(id))!;
    expect(row.join('\t')).toContain(text);
  });

  it('prints search hits with the whole command that opens each', () => {
    const rows = records(coach(['search', 'feature', 'store', 'goes', 'down']).out);
    for (const row of rows) expect(row).toHaveLength(4);
    expect(rows).toContainEqual(['trap', 'What happens when the feature store goes down?', 'oss-ml-platform', 'coach trap oss-ml-platform/what-happens-when-the-feature-store-goes --reveal']);
  });

  it('draws a table on a terminal, and traps with their whole ids', async () => {
    const io = testIo({ columns: 80, tty: true });
    // At 80 columns the ids and titles do not fit side by side whole: a block per guide, its id first.
    expect(renderList(await list({ kind: 'guides' }, io), io)).toMatch(/^bighead\n {2}title: Airbnb BigHead\n[\s\S]*\n5 guides$/);
    const wide = testIo({ columns: 120, tty: true });
    expect(renderList(await list({ kind: 'guides' }, wide), wide)).toMatch(/^┌[\s\S]*│ mlops-question-bank │[\s\S]*\n5 guides$/);
    const traps = renderList(await list({ kind: 'traps' }, io), io);
    expect(traps).toMatch(/^bighead\/why-not-just-compute-features-in-the\n {4}Why not just compute features in the model code\?\n/);
    expect(traps).toMatch(/20 traps$/);
  });
});
