// Output fits the terminal (issue 11): from 40 to 200 columns no line runs past the
// width, in a real pseudo-terminal for the guide, the help and a card; below 60
// columns tables become blocks and boxes stay whole; the scenario picker wraps at
// words and says when entries are out of sight.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { BIN, runCoach } from './helpers/pty.js';
import { fitChoices } from '../src/render/choices.js';
import { renderTable } from '../src/render/table.js';
import { style } from '../src/render/style.js';
import { clampColumns } from '../src/io.js';
import { BUNDLED_INDEX } from './helpers/io.js';

const home = mkdtempSync(join(tmpdir(), 'coach-widths-'));
const WIDTHS = [40, 80, 200];

/** Lines wider than the terminal, with their widths. */
function over(text: string, columns: number): string[] {
  return text
    .replace(/\r/g, '')
    .split('\n')
    .filter((l) => stringWidth(l) > columns)
    .map((l) => `[${stringWidth(l)}] ${l}`);
}

describe('in a terminal of 40, 80 and 200 columns', () => {
  const cases: [string, string[]][] = [
    ['coach guide', ['guide', 'oss-ml-platform']],
    ['coach guide (bighead)', ['guide', 'bighead']],
    ['coach guide (question bank)', ['guide', 'mlops-question-bank']],
    ['coach --help', ['--help']],
    ['coach mock --help', ['mock', '--help']],
    ['coach card', ['card', 'latency']],
    ['coach card (Michelangelo)', ['card', 'michelangelo']],
    ['coach trap list', ['trap', 'list']],
    ['coach list guides', ['list', 'guides']],
    ['coach tradeoff (a long title)', ['tradeoff', 'feature-store-architecture']],
  ];
  for (const [name, args] of cases) {
    it.each(WIDTHS)(`${name} at %i columns: no line over the width`, async (cols) => {
      // Tall enough that nothing scrolls away; PAGER=cat: the text stays on the screen.
      // linger: node-pty may drop the last output after the exit (a line cut mid-escape).
      const s = runCoach(args, { cols, rows: 400, env: { COACH_HOME: home }, linger: true });
      expect((await s.exited).exitCode).toBe(0);
      const text = s.text();
      expect(text.trim().length).toBeGreaterThan(0);
      expect(over(text, cols)).toEqual([]);
    });
  }

  it('draws a card as a whole box at 40 columns, its table rows as blocks', async () => {
    const s = runCoach(['card', 'latency'], { cols: 40, rows: 100, env: { COACH_HOME: home }, linger: true });
    await s.exited;
    const lines = s.text().trimEnd().split('\n');
    expect(lines[0]).toBe(`┌${'─'.repeat(38)}┐`);
    expect(lines[lines.length - 1]).toBe(`└${'─'.repeat(38)}┘`);
    for (const l of lines) expect(stringWidth(l)).toBe(40);
    expect(s.text()).toContain('│ Feature lookup');
    expect(s.text()).toMatch(/│ {3}Budget: 50 ms +│/);
  });
});

describe('piped, at the width COLUMNS gives', () => {
  const coach = (args: string[], columns: number): string => {
    const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, COACH_HOME: home, COLUMNS: String(columns) }, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    return r.stdout;
  };
  const cases: string[][] = [
    ['guide', 'michelangelo'],
    ['guide', 'bighead', '--section', 'traps'],
    ['guide', 'oss-ml-platform', '--section', 'scenarios'],
    ['guide', 'mlops-question-bank', '--section', 'Q4'],
    ['tradeoff', 'kserve'],
    ['trap', 'kubeflow'],
    ['mock', '--scenario', 'fintech'],
    ['mock', '--scenario', 'fintech', '--minutes', '1'],
    ['mock', '--guide', 'bighead'],
    ['stats'],
    ['today'],
    ['drill', '--plan'],
    ['paths'],
  ];
  for (const args of cases) {
    it.each(WIDTHS)(`coach ${args.join(' ')} at %i`, (cols) => {
      expect(over(coach(args, cols), cols).filter((l) => !l.includes(home))).toEqual([]);
    });
  }

  it('wraps the search hits and their commands at words', () => {
    const text = coach(['search', 'feature', 'store', '--kind', 'trap'], 60);
    // Piped: one hit a line, the whole command.
    expect(text).toContain('\tcoach trap oss-ml-platform/what-happens-when-the-feature-store-goes --reveal\n');
  });
});

describe('layouts below 60 columns', () => {
  it('supports 40 columns (and no fewer)', () => {
    expect(clampColumns(40)).toBe(40);
    expect(clampColumns(20)).toBe(40);
    expect(clampColumns(300)).toBe(200);
  });

  it('draws a table as one block per row', () => {
    const text = renderTable(
      {
        head: ['id', 'title', 'traps'],
        rows: [
          ['bighead', 'Airbnb BigHead', '5'],
          ['oss-ml-platform', 'Open-Source ML Platform on Kubernetes', '6'],
        ],
        columns: 40,
      },
      style(false),
    );
    expect(text).toBe(['bighead', '  title: Airbnb BigHead', '  traps: 5', 'oss-ml-platform', '  title: Open-Source ML Platform on', '         Kubernetes', '  traps: 6'].join('\n'));
  });
});

describe('the scenario picker', () => {
  const scenarios = [
    ['mlops-platform', 'Design an MLOps platform like MLflow: a pipeline orchestrator, an experiment tracker and a model registry.'],
    ['fintech', 'Design an ML platform for a fintech company.'],
  ];
  const choices = scenarios.map(([id, prompt]) => ({
    name: `${id!.padEnd(16)}  ${prompt}`,
    value: id,
    description: 'An interviewer who wants one declarative feature definition shared by training and serving.',
  }));

  it.each([40, 80])('wraps names and descriptions at words, under their column, at %i', (columns) => {
    const fit = fitChoices('Which scenario?', choices, columns, 40);
    for (const c of fit.choices) {
      // inquirer adds two columns before a name's first line.
      c.name.split('\n').forEach((l, i) => {
        expect(stringWidth(l) + (i === 0 ? 2 : 0)).toBeLessThanOrEqual(columns - 1);
      });
      for (const l of c.description!.split('\n')) expect(stringWidth(l)).toBeLessThanOrEqual(columns - 1);
      expect(c.name.replace(/\s+/g, ' ')).toBe(choices.find((x) => x.value === c.value)!.name.replace(/\s+/g, ' '));
      expect(c.description!.replace(/\s+/g, ' ')).toBe(choices[0]!.description);
    }
    expect(fit.pageSize).toBeGreaterThanOrEqual(fit.choices.reduce((n, c) => n + c.name.split('\n').length, 0));
    expect(fit.message).toBe('Which scenario?');
  });

  it('says when some choices are out of sight', () => {
    const many = Array.from({ length: 10 }, (_, i) => ({ name: `scenario-${i}  A prompt`, value: i }));
    const fit = fitChoices('Which scenario?', many, 80, 10);
    expect(fit.pageSize).toBe(6);
    expect(fit.message).toBe('Which scenario? (10 in all, ↑↓ for more)');
  });

  it('on a 40-column terminal, splits no word', async () => {
    const s = runCoach(['mock'], { cols: 40, rows: 30, env: { COACH_HOME: home } });
    const screen = await s.waitFor('navigate');
    s.pty.kill();
    // Every word on the screen is a whole word of a scenario, or of the prompt itself.
    const index = JSON.parse(readFileSync(BUNDLED_INDEX, 'utf8')) as { scenarios: { id: string; prompt: string; angle: string }[] };
    const vocabulary = new Set([...index.scenarios.flatMap((x) => [x.id, x.prompt, x.angle]), '? Which scenario? (10 in all, ↑↓ for more) ❯ ↑↓ navigate • ⏎ select'].flatMap((t) => t.split(/\s+/)));
    const words = screen.split(/\s+/).filter(Boolean);
    expect(words.length).toBeGreaterThan(20);
    expect(words.filter((w) => !vocabulary.has(w))).toEqual([]);
    expect(over(screen, 40)).toEqual([]);
  });
});
