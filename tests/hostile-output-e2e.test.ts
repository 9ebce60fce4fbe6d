// Issue 13: escape sequences never reach the terminal. The built coach runs every
// command over a hostile guide, scenario and folder: escape sequences and controls
// in the front matter (YAML escapes: OSC 0 title, OSC 52 clipboard, OSC 8 link,
// ESC[2J, NEL, LS, PS), in the body, in the scenario's prompt, angle and answers,
// in file and folder names (with bidi overrides), in an invalid id and in names
// typed on the command line. What it prints holds no byte below 0x20 but newline
// and tab, nothing in 0x7f-0x9f, no line separator and no bidi override; with
// colour on, only colour codes (SGR) besides.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from './helpers/pty.js';

const E = '\\e'; // a YAML double-quoted escape for ESC
const HOSTILE_YAML = `"A ${E}]0;PWNED\\a ${E}]52;c;SGVsbG8=\\a ${E}]8;;http://evil.example${E}\\\\link${E}]8;;${E}\\\\ ${E}[2J \\N \\L \\P \\x07 \\u202e end"`;
const RAW = '\u001b]0;PWNED\u0007 \u001b]52;c;SGVsbG8=\u0007 \u001b]8;;http://evil.example\u001b\\link\u001b]8;;\u001b\\ \u001b[2J \u0085 \u2028 \u2029 \u0007 \u202e \u009b31m';

const guide = `---
id: evil
title: ${HOSTILE_YAML}
system: ${HOSTILE_YAML}
summary: ${HOSTILE_YAML}
tags: [${HOSTILE_YAML}]
---
# Evil ${RAW}

## Interview Pacing

| Phase | Time | Focus |
|---|---|---|
| Clarify ${RAW} | 0-5 min | Scope ${RAW} |
| Design | 5-45 min | Boxes |

## Traps

### "Why ${RAW} not?"

**What they want:** ${RAW}

**Bad Answer:** "${RAW}"

**Good Answer:** ${RAW} caching

**Key points:**

- Caching ${RAW}: cache, cached

## Key Trade-offs

| Trade-off | Option A | Option B | Recommendation |
|---|---|---|---|
| Batch ${RAW} | A ${RAW} | B | Pick ${RAW} |

## Quick Reference Cards

### Evil card ${RAW}

- row ${RAW}

## Key Numbers

| Metric | Value | Context |
|---|---|---|
| Latency ${RAW} | 50 ms | ${RAW} |

## Common Mistakes

- Mistake ${RAW}

## Questions to Ask

1. "What scale ${RAW}?" (why ${RAW})

## Questions

**Q1: What is ${RAW}?**

Answer ${RAW}.
`;

const scenario = `---
kind: scenario
id: evil-scenario
guide: evil
title: ${HOSTILE_YAML}
prompt: ${HOSTILE_YAML}
angle: ${HOSTILE_YAML}
mustAsk: [scale]
answers:
  scale: ${HOSTILE_YAML}
  latency: { answer: ${HOSTILE_YAML}, assumption: true }
followUps:
  clarify: [${HOSTILE_YAML}]
---
Context ${RAW}
`;

// A folder and file names with an OSC title sequence, BEL and a right-to-left override.
const NAME = 'x\u001b]0;PWN\u0007\u202eevil';

function library(): { dir: string; answers: string } {
  const root = mkdtempSync(join(tmpdir(), 'coach-hostile-out-'));
  const dir = join(root, `guides-${NAME}`);
  mkdirSync(join(dir, `sub-${NAME}`), { recursive: true });
  writeFileSync(join(dir, `${NAME}.md`), guide);
  writeFileSync(join(dir, `sub-${NAME}`, `scenario-${NAME}.md`), scenario);
  writeFileSync(join(dir, `broken-${NAME}.md`), `---\nid: "x${E}]52;c;cHduZWQ=\\a"\ntags: [unclosed\n---\n`);
  writeFileSync(join(dir, `bad-id-${NAME}.md`), `---\nid: "x${E}]52;c;cHduZWQ=\\a"\n---\n# Bad id\n`);
  const answers = join(root, 'answers.md');
  writeFileSync(answers, `## Clarify\n\nWhat scale ${RAW}?\n\n## Design\n\nCaching ${RAW}\n\n## Heading ${RAW}\n\ntext\n`);
  return { dir, answers };
}

// Coach's own colour codes are allowed when colour is on; nothing else is.
const SGR = /\u001b\[[0-9;]*m/g;
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    p.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
    p.on('close', (code) => resolve({ code, out }));
  });
}

describe('no escape sequence reaches the terminal', { tag: 'slow' } as object, () => {
  const { dir, answers } = library();
  const g = ['--guides', dir];
  const commands: string[][] = [
    [...g, 'list', 'guides'],
    [...g, 'list', 'cards'],
    [...g, 'list', 'traps'],
    [...g, 'list', 'tradeoffs'],
    [...g, 'list', 'scenarios'],
    [...g, 'list', 'questions'],
    [...g, 'card'],
    [...g, 'card', 'evil card'],
    [...g, 'card', 'evil card', '--json'],
    [...g, 'tradeoff'],
    [...g, 'tradeoff', 'batch'],
    [...g, 'guide', 'evil'],
    [...g, 'guide', 'evil', '--json'],
    ...['traps', 'numbers', 'bank'].map((section) => [...g, 'guide', 'evil', '--section', section]),
    [...g, 'search', 'evil'],
    [...g, 'search', 'caching', '--json'],
    ['validate', dir],
    [...g, 'trap', 'list'],
    [...g, 'trap', 'evil/why', '--reveal'],
    [...g, 'drill', '--plan', '--guide', 'evil'],
    [...g, 'export', 'anki', '--guide', 'evil'],
    [...g, 'export', 'md', '--guide', 'evil'],
    [...g, 'mock', '--scenario', 'evil-scenario'],
    [...g, 'mock', '--guide', 'evil'],
    [...g, 'mock', '--scenario', 'evil-scenario', '--answers', answers],
    [...g, 'stats'],
    ['history'],
    ['history', 'show'],
    // Names typed on the command line, echoed in errors.
    [...g, 'card', 'x\u001b]52;c;cHduZWQ=\u0007'],
    [...g, 'guide', 'evil\u001b[2J\u202e'],
    [...g, 'list', 'guides', '--guide', 'x\u001b]0;t\u0007'],
  ];

  // Colour on: one of each command that draws in colour, to show that colour codes are
  // all that pass (the mock with --answers first: history and stats read it).
  const firsts = new Set<string>();
  const coloured = commands.filter((a) => {
    const name = a.find((w, i) => !w.startsWith('-') && a[i - 1] !== '--guides') ?? '';
    if (a.includes('--json') || name === 'export' || (firsts.has(name) && !a.includes('--answers'))) return false;
    firsts.add(name);
    return true;
  });
  it.each([
    [`colour off: ${commands.length} commands`, { NO_COLOR: '1' } as Record<string, string>, commands],
    [`colour on: ${coloured.length} commands`, { FORCE_COLOR: '1' } as Record<string, string>, coloured],
  ])('%s', { timeout: 120_000 }, async (_name, colour, commands) => {
    const env = { COACH_HOME: mkdtempSync(join(tmpdir(), 'coach-hostile-home-')), COLUMNS: '100', ...colour };
    // Three at a time; history and stats after the rest, as they read what the mock
    // with --answers wrote.
    const later = (args: string[]) => args[0] === 'history' || args.includes('stats');
    const results: { args: string[]; code: number | null; out: string }[] = [];
    for (const batch of [commands.filter((a) => !later(a)), commands.filter(later)]) {
      const queue = [...batch];
      await Promise.all(
        [1, 2, 3].map(async () => {
          for (let args = queue.shift(); args; args = queue.shift()) results.push({ args, ...(await run(args, env)) });
        }),
      );
    }
    for (const { args, code, out } of results) {
      const shown = colour['FORCE_COLOR'] ? out.replace(SGR, '') : out;
      if (!colour['FORCE_COLOR']) expect(out, args.join(' ')).not.toContain('\u001b');
      const bad = UNSAFE.exec(shown);
      expect(bad ? `${args.join(' ')}: ${JSON.stringify(shown.slice(Math.max(0, bad.index - 40), bad.index + 40))}` : '').toBe('');
      expect(out, args.join(' ')).not.toMatch(/unexpected error|please report/);
      expect([0, 1, 2, 3], args.join(' ')).toContain(code);
    }
    // The hostile things were there to be shown, and were shown harmlessly.
    const all = results.map((r) => r.out.replace(SGR, '')).join('\n');
    expect(all).toContain('\\x1b]0;PWN\\x07\\u202eevil'); // file names, made visible
    expect(all).toContain('Why'); // the trap loaded
    expect(all).toContain('evil-scenario');
    expect(all).toMatch(/Score \d+\/100/);
  });
});
