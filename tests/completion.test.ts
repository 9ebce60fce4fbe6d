// Shell completion: the bash script run in a real bash (COMP_WORDS and COMP_CWORD set,
// the function called, COMPREPLY read), the completer's table held to the registry,
// and every fixed value it offers accepted by the command it completes.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram, run, treeOf } from '../src/cli.js';
import { complete, CONFIG_ACTIONS, EXPORT_FORMATS, LIST_KINDS, SHELLS, SOURCES, type Lookup } from '../src/completion/complete.js';
import { PARTS } from '../src/guides/parts.js';
import { testIo, type TestIo } from './helpers/io.js';
import { BIN } from './helpers/pty.js';
import { testRuntime } from './helpers/runtime.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');

const runtime = (io: TestIo) => testRuntime(io);

const tree = treeOf(buildProgram(runtime(testIo()), { exitCode: 0 }));

describe('the completion table', () => {
  it('names only commands and options the registry has', () => {
    for (const [name, entry] of Object.entries(SOURCES)) {
      const command = name === '' ? { options: tree.options } : tree.commands.find((c) => c.name === name);
      expect(command, `command ${name}`).toBeDefined();
      for (const option of Object.keys(entry.options ?? {}))
        expect(
          command!.options.map((o) => o.long),
          `${name} ${option}`,
        ).toContain(option);
    }
  });

  it.each([
    ...LIST_KINDS.map((k) => ['list', k]),
    ...EXPORT_FORMATS.map((f) => ['export', f]),
    ...CONFIG_ACTIONS.filter((a) => a === 'list' || a === 'path').map((a) => ['config', a]),
    ...SHELLS.map((s) => ['completion', s]),
    ...PARTS.map((p) => ['guide', 'oss-ml-platform', '--section', p]),
  ])('offers %j, which the command takes', async (...argv) => {
    expect(await run(argv, runtime(testIo()))).toBe(0);
  });
});

describe('the completer', () => {
  const lookup: Lookup = (source, context) => {
    const ids: Record<string, string[]> = {
      guides: ['bighead', 'michelangelo'],
      cards: ['latency-budget'],
      traps: context.guide ? [`${context.guide}/why-not`] : ['bighead/a', 'michelangelo/b'],
      tradeoffs: ['kserve-vs-seldon'],
      scenarios: ['fintech', 'fraud-detection'],
      sections: context.guide === 'bighead' ? ['Where to Spend Most Time'] : [],
    };
    return (ids[source] ?? []).map((value) => ({ value }));
  };
  const values = (words: string[]): string[] | string => {
    const r = complete(tree, words, lookup, ['guides', 'minutes']);
    return r.kind === 'values' ? r.values.map((v) => v.value) : `:${r.kind}`;
  };

  it.each([
    [['ca'], ['card']],
    [
      ['--no-color', 'tra'],
      ['tradeoff', 'trap'],
    ],
    [['card', 'l'], ['latency-budget']],
    [['card', 'latency-budget', ''], []],
    [['tradeoff', ''], ['kserve-vs-seldon']],
    [['guide', 'b'], ['bighead']],
    [['guide', 'bighead', '--section', 'w'], ['Where to Spend Most Time']],
    [['guide', 'bighead', '-s', 'pa'], ['pacing']],
    [
      ['trap', ''],
      ['random', 'list', 'bighead/a', 'michelangelo/b'],
    ],
    [
      ['trap', '--guide', 'bighead', ''],
      ['random', 'list', 'bighead/why-not'],
    ],
    [
      ['mock', '--scenario', 'f'],
      ['fintech', 'fraud-detection'],
    ],
    [['mock', '--scenario=fr'], ['--scenario=fraud-detection']],
    [
      ['mock', '--interviewer', ''],
      ['ml', 'infra', 'data', 'product'],
    ],
    [['mock', '--phase', 'w'], ['wrap-up']],
    [['mock', '--answers', ''], ':files'],
    [['--guides', ''], ':dirs'],
    [['drill', '--deck', 'q'], ['questions']],
    [['drill', '--de'], ['--deck']],
    [['mock', '--scenario', 'fintech', '--sc'], []],
    [['--gu'], ['--guides']],
    [['--guides', 'x', '--guides', 'y', '--gu'], ['--guides']],
    [
      ['search', '--kind', 't'],
      ['trap', 'trade-off'],
    ],
    [['export', '-o', ''], ':files'],
    [['config', 's'], ['set']],
    [
      ['config', 'set', ''],
      ['guides', 'minutes'],
    ],
    [
      ['config', 'set', 'color', ''],
      ['auto', 'always', 'never'],
    ],
    [['config', 'set', 'guides', ''], ':dirs'],
    [
      ['completion', ''],
      ['bash', 'zsh', 'fish'],
    ],
    [['help', 'to'], ['today']],
    [['nosuch', ''], []],
    [['__co'], []],
  ])('%j → %j', (words, expected) => {
    expect(values(words)).toEqual(expected);
  });
});

describe('bash completion, in bash', () => {
  const work = mkdtempSync(join(tmpdir(), 'coach-complete-'));
  const bin = join(work, 'bin');
  mkdirSync(bin);
  // `coach` on the PATH, as an installed coach would be.
  writeFileSync(join(bin, 'coach'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(bin, 'coach'), 0o755);
  const env: Record<string, string | undefined> = { ...process.env, PATH: `${bin}:${process.env['PATH']}`, COACH_HOME: join(work, 'home') };
  delete env['COACH_GUIDES'];
  writeFileSync(join(work, 'notes.md'), '');

  /** COMPREPLY after Tab with the cursor at the end of `line` (a trailing space: a new, empty word). */
  function tab(line: string): string[] {
    const words = line.split(' ');
    const script = [
      'source <(coach completion bash)',
      `COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')})`,
      `COMP_CWORD=${words.length - 1}`,
      `COMP_LINE='${line}'`,
      'COMP_POINT=${#COMP_LINE}',
      '_coach coach "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"',
      'printf "%s\\n" "${COMPREPLY[@]}"',
    ].join('\n');
    const r = spawnSync('bash', ['--norc', '--noprofile', '-c', script], { env, cwd: work, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`bash exited ${r.status}: ${r.stderr}`);
    return r.stdout.split('\n').filter(Boolean);
  }

  it('registers the function for coach', () => {
    const r = spawnSync('bash', ['--norc', '--noprofile', '-c', 'source <(coach completion bash); complete -p coach'], { env, encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('complete -F _coach coach');
  });

  it.each([
    ['coach ca', ['card']],
    ['coach card lat', ['latency-budget']],
    ['coach tradeoff kserve', ['kserve-vs-seldon-core']],
    [
      'coach trap --guide michelangelo ',
      [
        'random',
        'list',
        'michelangelo/why-not-just-use-a-single-database',
        'michelangelo/what-if-cassandra-goes-down',
        'michelangelo/how-would-you-handle-10x-the-current',
        'michelangelo/why-build-your-own-platform-instead-of',
        'michelangelo/how-do-you-prevent-training-serving-skew',
      ],
    ],
    ['coach mock --scenario f', ['feed-ranking', 'fintech', 'fraud-detection']],
    ['coach mock --interviewer i', ['infra']],
    ['coach drill --deck ', ['traps', 'numbers', 'questions', 'tradeoffs', 'all']],
    ['coach guide bighead --section pa', ['pacing']],
    ['coach guide bighead --section Where', ['Where\\ to\\ Spend\\ Most\\ Time']],
    ['coach list sc', ['scenarios']],
    ['coach export anki -o no', ['notes.md']],
    ['coach mock --scenario=fin', ['fintech']],
    ['coach mock --scenario = fr', ['fraud-detection']],
  ])('%s<Tab> → %j', (line, expected) => {
    expect(tab(line)).toEqual(expected);
  });

  it("offers the user's own guides, scenarios and traps from the cache, once coach has indexed them", () => {
    expect(tab('coach guide my-')).toEqual([]);
    const r = spawnSync(process.execPath, [BIN, '--guides', join(FIXTURES, 'mock', 'own-guide'), 'list', 'guides'], { env, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(tab('coach guide my-')).toEqual(['my-feature-store']);
    expect(tab('coach trap my-')).toEqual(['my-feature-store/why-not-compute-features-on-the-fly']);
  });
});

const has = (shell: string): boolean => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;

describe('zsh and fish completion, where those shells are installed', () => {
  const work = mkdtempSync(join(tmpdir(), 'coach-complete-shells-'));
  const bin = join(work, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'coach'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(bin, 'coach'), 0o755);
  const env: Record<string, string | undefined> = { ...process.env, PATH: `${bin}:${process.env['PATH']}`, COACH_HOME: join(work, 'home') };

  // compsys needs a line editor; its two builtins the script calls are stood in for,
  // printing what they were given, and the function runs in a real zsh.
  it.skipIf(!has('zsh'))('zsh: the function offers ids with their titles, and leaves paths to _files', () => {
    const run = (words: string[]): string => {
      const script = [
        'compdef() { print -r -- "compdef $*" }',
        'compadd() { local -a shown=("${(@P)${@[3]}}"); print -rl -- "${shown[@]}" }',
        '_files() { print -r -- "_files $*" }',
        'source <(coach completion zsh)',
        `words=(coach ${words.map((w) => `'${w}'`).join(' ')}); CURRENT=${words.length + 1}`,
        '_coach',
      ].join('\n');
      const r = spawnSync('zsh', ['-f', '-c', script], { env, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`zsh exited ${r.status}: ${r.stderr}`);
      return r.stdout;
    };
    expect(run(['mock', '--scenario', 'fin'])).toBe('compdef _coach coach\nfintech  -- Design an ML platform for a fintech company.\n');
    expect(run(['validate', ''])).toBe('compdef _coach coach\n_files \n');
    expect(run(['--guides', ''])).toBe('compdef _coach coach\n_files -/\n');
  });

  it.skipIf(!has('fish'))('fish: `complete -C` lists what Tab offers', () => {
    const run = (line: string): string => {
      const r = spawnSync('fish', ['--no-config', '-c', `coach completion fish | source; complete -C '${line}'`], { env, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`fish exited ${r.status}: ${r.stderr}`);
      return r.stdout;
    };
    expect(run('coach card lat')).toBe('latency-budget\tLatency Budget\n');
    expect(run('coach mock --scenario=fin')).toBe('--scenario=fintech\tDesign an ML platform for a fintech company.\n');
    expect(run('coach drill --deck t')).toBe('tradeoffs\ntraps\n'); // fish sorts them
  });
});
