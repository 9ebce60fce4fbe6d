// The config file and the order settings are decided in: a flag, then the
// environment, then the config file, then the default. A bad file is an error that
// names its line, never a crash.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli.js';
import { parseConfig, settingFromArgs, withSetting, INTERVIEWERS } from '../src/config/settings.js';
import { colorChoice, pagerChoice } from '../src/io.js';
import { UsageError } from '../src/errors.js';
import { BIN, runCoach } from './helpers/pty.js';
import { testIo } from './helpers/io.js';

const FILE = '/home/me/.config/coach/config.toml';
const HOME = '/home/me';

describe('reading the config file', () => {
  it('reads every setting, with folders made absolute', () => {
    const text = ['# my coach', 'guides = ["~/notes", "team", "/abs"]', 'interviewer = "Infra"', 'minutes = 30', 'color = "never"', 'pager = "less -R"', ''].join('\n');
    expect(parseConfig(text, FILE, HOME)).toEqual({
      settings: { guides: ['/home/me/notes', '/home/me/.config/coach/team', '/abs'], interviewer: 'infra', minutes: 30, color: 'never', pager: 'less -R' },
      warnings: [],
    });
  });

  it.each([
    ['pager = false', { pager: false }],
    ['pager = ""', { pager: false }],
    ['guides = "~/one"', { guides: ['/home/me/one'] }],
    ['', {}],
  ])('reads %j', (text, settings) => {
    expect(parseConfig(text, FILE, HOME).settings).toEqual(settings);
  });

  it.each([
    ['minutes = 30\nminutes = [1,\n', /^bad config file \/home\/me\/\.config\/coach\/config\.toml:2: /],
    ['minutes = "half an hour"', /config\.toml:1: minutes must be a whole number from 1 to 600, not "half an hour"$/],
    ['# a comment\n\ninterviewer = "ceo"', /config\.toml:3: interviewer must be one of ml, infra, data, product, not "ceo"$/],
    ['color = true', /config\.toml:1: color must be one of auto, always, never, not true$/],
    ['guides = [1, 2]', /config\.toml:1: guides must be a list of folders/],
    ['pager = 3', /config\.toml:1: pager must be a command/],
    ['minutes = = 3', /config\.toml:1: /],
  ])('refuses %j with the file and line', (text, message) => {
    let error: unknown;
    try {
      parseConfig(text, FILE, HOME);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
  });

  it('warns about a setting it does not know, naming the line, and reads the rest', () => {
    expect(parseConfig('minutes = 20\ncolour = "never"\n', FILE, HOME)).toEqual({
      settings: { minutes: 20 },
      warnings: [`${FILE}:2: unknown setting 'colour', ignored (settings: guides, interviewer, minutes, color, pager)`],
    });
  });
});

describe('changing the config file', () => {
  it.each([
    ['', 'minutes', 30, 'minutes = 30\n'],
    ['# mine\nminutes = 30 # half\ncolor = "never"\n', 'minutes', 20, '# mine\nminutes = 20\ncolor = "never"\n'],
    ['guides = [\n  "/a",\n  "/b",\n]\nminutes = 30\n', 'guides', ['/c'], 'guides = [ "/c" ]\nminutes = 30\n'],
    ['# mine\nminutes = 30\n', 'minutes', undefined, '# mine\n'],
    ['minutes = 30\n[later]\nx = 1\n', 'color', 'always', 'minutes = 30\ncolor = "always"\n[later]\nx = 1\n'],
    ['minutes = 30\n', 'color', undefined, 'minutes = 30\n'],
  ] as const)('in %j sets %s to %j', (before, key, value, after) => {
    expect(withSetting(before, key, value as never)).toBe(after);
  });

  it.each([
    ['minutes', ['45'], 45],
    ['interviewer', ['DATA'], 'data'],
    ['guides', ['~/x', 'rel'], ['/home/me/x', '/work/rel']],
    ['pager', ['less', '-R'], 'less -R'],
    ['pager', ['false'], false],
    ['color', ['always'], 'always'],
  ] as const)('reads `coach config set %s %j`', (key, args, value) => {
    expect(settingFromArgs(key, [...args], { base: '/work', home: HOME })).toEqual(value);
  });

  it('knows the same interviewer backgrounds as `coach mock --interviewer`', () => {
    const mock = buildProgram({ io: async () => testIo(), out: () => {}, err: () => {}, version: '0', debug: false }, { exitCode: 0 }, ['mock']).commands[0]!;
    expect(mock.options.find((o) => o.long === '--interviewer')!.argChoices).toEqual([...INTERVIEWERS]);
  });
});

describe('which setting wins', () => {
  it.each([
    [{}, true, undefined, true, 'terminal'],
    [{}, false, undefined, false, 'not a terminal'],
    [{}, false, 'always', true, 'config'],
    [{}, true, 'never', false, 'config'],
    [{ NO_COLOR: '1' }, true, 'always', false, 'NO_COLOR'],
    [{ NO_COLOR: '' }, true, undefined, true, 'terminal'],
    [{ FORCE_COLOR: '1', NO_COLOR: '1' }, false, 'never', true, 'FORCE_COLOR'],
    [{ FORCE_COLOR: '0' }, true, 'always', false, 'FORCE_COLOR'],
    [{ CLICOLOR_FORCE: '1' }, false, 'never', true, 'CLICOLOR_FORCE'],
    [{ CLICOLOR_FORCE: '0' }, false, undefined, false, 'not a terminal'],
    [{ CLICOLOR_FORCE: '1', NO_COLOR: '1' }, false, undefined, false, 'NO_COLOR'],
    [{ CLICOLOR: '0' }, true, 'always', false, 'CLICOLOR'],
    [{ CLICOLOR: '1' }, false, undefined, false, 'not a terminal'],
    [{ TERM: 'dumb' }, true, undefined, false, 'TERM'],
  ] as const)('colour with %j, a terminal: %s, config %s: %s (%s)', (env, tty, config, value, source) => {
    expect(colorChoice(env, tty, undefined, config)).toEqual({ value, source });
  });

  it('turns colour off with --no-color whatever the environment says', () => {
    expect(colorChoice({ FORCE_COLOR: '1', CLICOLOR_FORCE: '1' }, true, false, 'always')).toEqual({ value: false, source: '--no-color' });
  });

  it.each([
    [{}, undefined, undefined, 'less -FRX', 'default'],
    [{}, undefined, 'most', 'most', 'config'],
    [{}, undefined, false, undefined, 'config'],
    [{ PAGER: 'more' }, undefined, 'most', 'more', 'PAGER'],
    [{ PAGER: 'more', COACH_PAGER: 'bat -p' }, undefined, undefined, 'bat -p', 'COACH_PAGER'],
    [{ COACH_PAGER: '' }, undefined, 'most', undefined, 'COACH_PAGER'],
    [{ PAGER: 'cat' }, undefined, undefined, undefined, 'PAGER'],
    [{ PAGER: 'more' }, false, 'most', undefined, '--no-pager'],
  ] as const)('pager with %j, flag %s, config %s: %s (%s)', (env, flag, config, value, source) => {
    expect(pagerChoice(env, flag, config)).toEqual({ value, source });
  });
});

describe('the built coach with a config file', () => {
  const setup = (config: string) => {
    const home = mkdtempSync(join(tmpdir(), 'coach-config-'));
    mkdirSync(join(home, 'config'));
    writeFileSync(join(home, 'config', 'config.toml'), config);
    return home;
  };
  const coach = (home: string, args: string[], env: Record<string, string> = {}) => {
    const clean: Record<string, string | undefined> = { ...process.env, COACH_HOME: home };
    for (const name of ['FORCE_COLOR', 'NO_COLOR', 'CLICOLOR', 'CLICOLOR_FORCE', 'COACH_GUIDES', 'PAGER', 'COACH_PAGER']) delete clean[name];
    return spawnSync(process.execPath, [BIN, ...args], { env: { ...clean, ...env }, encoding: 'utf8', input: '' });
  };
  const plan = (r: { stdout: string }) => JSON.parse(r.stdout).plan as { phases: { end: number }[]; interviewer?: { background: string } };

  it('takes the mock length and interviewer from the file, and a flag over them', () => {
    const home = setup('minutes = 30\ninterviewer = "data"\n');
    const fromFile = plan(coach(home, ['mock', '--scenario', 'fintech', '--json']));
    expect(fromFile.phases.at(-1)!.end).toBe(30);
    expect(fromFile.interviewer?.background).toBe('data');
    const flags = plan(coach(home, ['mock', '--scenario', 'fintech', '--minutes', '20', '--interviewer', 'ml', '--json']));
    expect(flags.phases.at(-1)!.end).toBe(20);
    expect(flags.interviewer?.background).toBe('ml');
  });

  it('loads guide folders from --guides, then COACH_GUIDES, then the file', () => {
    const home = setup('guides = ["/nonexistent-c"]\n');
    const r = coach(home, ['--guides', '/nonexistent-a', 'list', 'guides'], { COACH_GUIDES: '/nonexistent-b' });
    expect(r.status).toBe(0);
    const order = ['a', 'b', 'c'].map((x) => r.stderr.indexOf(`/nonexistent-${x}`));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
  });

  it('colours piped output when the file says always, unless the environment or a flag says otherwise', () => {
    const home = setup('color = "always"\n');
    expect(coach(home, ['card', 'latency']).stdout).toContain('\u001b[');
    expect(coach(home, ['card', 'latency'], { NO_COLOR: '1' }).stdout).not.toContain('\u001b');
    expect(coach(home, ['card', 'latency'], { CLICOLOR: '0' }).stdout).not.toContain('\u001b');
    expect(coach(home, ['--no-color', 'card', 'latency'], { FORCE_COLOR: '1' }).stdout).not.toContain('\u001b');
    const plain = setup('');
    expect(coach(plain, ['card', 'latency'], { CLICOLOR_FORCE: '1' }).stdout).toContain('\u001b[');
    expect(coach(plain, ['card', 'latency']).stdout).not.toContain('\u001b');
  });

  it('stops on a bad file with its line and exit 2, yet shows its path and lets the bad line be set again', () => {
    const home = setup('minutes = 30\ninterviewer = "ceo"\n');
    const file = join(home, 'config', 'config.toml');
    const r = coach(home, ['card', 'latency']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `coach: bad config file ${file}:2: interviewer must be one of ml, infra, data, product, not "ceo"\n  fix the line, or set the value again with \`coach config set KEY VALUE\` (\`coach config path\` shows the file)\n`,
    );
    expect(coach(home, ['config', 'path'])).toMatchObject({ status: 0, stdout: `${file}\n` });
    expect(coach(home, ['config', 'set', 'minutes', '40']).status).toBe(2); // the bad line is elsewhere
    expect(coach(home, ['config', 'set', 'interviewer', 'infra']).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('minutes = 30\ninterviewer = "infra"\n');
    expect(coach(home, ['card', 'latency']).status).toBe(0);
  });

  it('sets, gets, lists with where each value comes from, and unsets', () => {
    const home = mkdtempSync(join(tmpdir(), 'coach-config-'));
    expect(coach(home, ['config', 'set', 'minutes', '25']).stdout).toContain(`minutes = 25  (${join(home, 'config', 'config.toml')})`);
    expect(coach(home, ['config', 'get', 'minutes']).stdout).toBe('25\n');
    const list = JSON.parse(coach(home, ['config', 'list', '--json'], { PAGER: 'more' }).stdout) as { settings: { key: string; value: unknown; source: string }[] };
    expect(list.settings.map((s) => [s.key, s.value, s.source])).toEqual([
      ['guides', [], 'default'],
      ['interviewer', null, 'default'],
      ['minutes', 25, 'config'],
      ['color', false, 'not a terminal'],
      ['pager', 'more', 'PAGER'],
    ]);
    expect(coach(home, ['config', 'set', 'minutes', 'soon'])).toMatchObject({ status: 2, stderr: expect.stringContaining('minutes must be a whole number') });
    expect(coach(home, ['config', 'get', 'colour'])).toMatchObject({ status: 2, stderr: "coach: no setting 'colour'\n  settings: guides, interviewer, minutes, color, pager\n" });
    expect(coach(home, ['config', 'unset', 'minutes']).status).toBe(0);
    expect(coach(home, ['config', 'get', 'minutes']).stdout).toBe('');
  });
});

describe('colour on a terminal', () => {
  it.each([
    [[], {}, true],
    [['--no-color'], { FORCE_COLOR: '1' }, false],
    [[], { CLICOLOR: '0' }, false],
    [[], { NO_COLOR: '1', CLICOLOR_FORCE: '1' }, false],
  ])('coach %j card latency with %j: colour %s', async (flags, env, coloured) => {
    const home = mkdtempSync(join(tmpdir(), 'coach-colour-'));
    const s = runCoach([...flags, 'card', 'latency'], { env: { COACH_HOME: home, ...env }, linger: true });
    let raw = '';
    s.pty.onData((d) => (raw += d));
    expect((await s.exited).exitCode).toBe(0);
    expect(s.text()).toContain('Latency Budget');
    expect(/\u001b\[[0-9;]*m/.test(raw)).toBe(coloured);
  });
});

describe('coach config list, read as text', () => {
  it('keeps each setting in a column beside what it does, at 80 and 40 columns', async () => {
    const { renderConfig, config } = await import('../src/commands/config.js');
    for (const columns of [80, 40]) {
      const io = testIo({ columns });
      const text = renderConfig(await config({ action: 'list' }, io), io);
      const settings = text.slice(text.indexOf('Settings')).split('\n').slice(1);
      expect(settings[0]).toMatch(/^ {2}guides {7}guide folders/);
      expect(settings.find((l) => l.startsWith('  pager'))).toMatch(/^ {2}pager {8}the pager/);
      for (const l of text.split('\n')) expect(l.length).toBeLessThanOrEqual(columns);
    }
  });
});
