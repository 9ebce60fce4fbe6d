// The one registry of commands and options. Each action imports its command module
// only when it runs, so `coach --help` loads commander and nothing else.
import { Command, CommanderError, Help, InvalidArgumentError, Option, type HelpConfiguration } from 'commander';
import type { Io } from './io.js';
import { CoachError, EXIT, UsageError } from './errors.js';
import type { OptionSpec, Tree } from './completion/complete.js';

/** The global flags that shape the I/O context itself. */
export interface GlobalFlags {
  /** false with --no-color. */
  color: boolean;
  /** false with --no-pager. */
  pager: boolean;
}

export interface Runtime {
  /** Builds the I/O context on first use (not needed for --help). */
  io: (flags: GlobalFlags) => Promise<Io>;
  /** Where help and commander's own messages go before an Io exists. */
  out: (text: string) => void;
  err: (text: string) => void;
  version: string;
  /** COACH_DEBUG: print the stack of unexpected errors. */
  debug: boolean;
  /** Width the help is wrapped to (the terminal's, or COLUMNS when piped); 80 when absent. */
  columns?: number;
}

type Render<R> = (result: R, io: Io) => string;
/** Which results are long enough to go through the pager on a terminal. */
type Pageable<R> = (result: R) => boolean;
const always = (): boolean => true;

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

/**
 * Greedy word wrap of help text (plain ASCII, one column per character), keeping its
 * line breaks. An example command that does not fit goes on under a `\`, so that it
 * can still be pasted into a shell.
 */
export function wrapHelp(text: string, columns: number): string {
  return text
    .split('\n')
    .map((line) => {
      if (line.length <= columns) return line;
      const lead = /^\s*(\$ )?/.exec(line)![0];
      const command = lead.includes('$');
      const indent = ' '.repeat(lead.length + (command ? 2 : 0));
      const room = columns - (command ? 2 : 0);
      const out: string[] = [];
      let current = lead.trimEnd() ? lead : lead;
      for (const word of line.slice(lead.length).split(' ')) {
        const start = out.length === 0 ? lead : indent;
        if (current.length > start.length && current.length + 1 + word.length > room) {
          out.push(current);
          current = indent + word;
        } else current = current.length > start.length ? `${current} ${word}` : current + word;
      }
      out.push(current);
      return out.join(command ? ' \\\n' : '\n');
    })
    .join('\n');
}

/**
 * Help wrapped to the terminal: descriptions beside their option or command when
 * there is room, under it (indented) when the terms leave too little.
 */
function helpLayout(helpWidth: number): HelpConfiguration {
  // Terms longer than this take their own line, so that one long command does not
  // push every description to the right.
  const widest = Math.max(16, Math.floor(helpWidth * 0.35));
  return {
    helpWidth,
    minWidthToWrap: 10,
    padWidth(cmd, helper) {
      const longest = Help.prototype.padWidth.call(this, cmd, helper);
      return Math.min(longest, widest);
    },
    styleUsage: (usage) => wrapHelp(usage, helpWidth - 7).replace(/\n/g, `\n${' '.repeat(7)}`),
    formatItem(term, termWidth, description, helper) {
      const room = helpWidth - termWidth - 4;
      if (!description) return `  ${term}`;
      if (room >= 28 && term.length <= termWidth) {
        const text = helper.boxWrap(description, room).replace(/\n/g, `\n${' '.repeat(termWidth + 4)}`);
        return `  ${term.padEnd(termWidth)}  ${text}`;
      }
      const terms = helper.boxWrap(term, helpWidth - 4).replace(/\n/g, '\n    ');
      return `  ${terms}\n${helper.boxWrap(description, helpWidth - 6).replace(/^/gm, '      ')}`;
    },
  };
}

/**
 * A commander message in coach's one error style: `coach: message`, then an indented
 * hint (commander's "Did you mean" and where the help is).
 */
export function commanderMessage(message: string, command: string | undefined): string {
  const [first = '', ...rest] = message.replace(/^error: /, '').split('\n');
  const suggestion = rest
    .join(' ')
    .trim()
    .replace(/^\((.*)\)$/, '$1');
  const text = first.replace(/ is invalid\. /, ' is invalid: ');
  const help = `see \`coach${command ? ` ${command}` : ''} --help\``;
  return `coach: ${text}\n  ${suggestion ? `${suggestion.charAt(0).toLowerCase()}${suggestion.slice(1)} ` : ''}${help}\n`;
}

/** Options every library-reading command shares, as the command sees them. */
function libraryOptions(cmd: Command): { guides: string[] } {
  const all = cmd.optsWithGlobals() as { guides?: string[] };
  return { guides: all.guides ?? [] };
}

const SEARCH_KINDS = ['guide', 'card', 'trap', 'trade-off', 'question', 'number', 'mistake', 'phase', 'section', 'scenario'];

/** A --kind of search hit, singular or plural, "tradeoff" as the command spells it: `traps`, `tradeoffs`. */
function searchKind(value: string): string {
  const v = value
    .trim()
    .toLowerCase()
    .replace(/^tradeoffs?$|^trade-offs$/, 'trade-off');
  const kind = SEARCH_KINDS.find((k) => k === v || `${k}s` === v);
  if (!kind) throw new InvalidArgumentError(`Allowed choices are ${SEARCH_KINDS.join(', ')}.`);
  return kind;
}

export function buildProgram(rt: Runtime, state: { exitCode: number }, argv?: string[]): Command {
  const program = new Command('coach');
  // The range coach draws at (clampColumns in io.ts), without loading io.ts for --help.
  const helpWidth = Math.max(40, Math.min(200, Math.floor(rt.columns ?? 80) || 80));
  const after = (text: string): string => wrapHelp(text, helpWidth);
  const show = async <R>(json: boolean | undefined, io: Io, result: R, render: Render<R>, pageable?: Pageable<R>): Promise<void> => {
    let text: string;
    if (json) text = `${JSON.stringify(result, null, 2)}\n`;
    else {
      // An empty list in a pipe prints nothing, not an empty line.
      const body = render(result, io);
      text = body ? `${body}\n` : '';
    }
    if (io.page && pageable?.(result)) await io.page(text);
    else io.stdout.write(text);
  };
  // The I/O context, with the global flags; a config file that cannot be used stops
  // every command but the ones that show or repair it.
  const context = async (options: { badConfigOk?: boolean } = {}): Promise<Io> => {
    const flags = program.opts() as { color?: boolean; pager?: boolean };
    const io = await rt.io({ color: flags.color !== false, pager: flags.pager !== false });
    if (io.config.error && !options.badConfigOk) throw io.config.error;
    for (const w of io.config.warnings) io.stderr.write(`coach: warning: ${w}\n`);
    return io;
  };

  program
    .description('Practise ML-platform system-design interviews: mock interviews, quick-reference cards, trap questions.')
    .version(rt.version, '-V, --version')
    .option('--guides <dir>', 'also load guides from this folder (repeatable; COACH_GUIDES and the config file add more)', collect)
    .option('--no-color', 'no colour, whatever the environment or the config file says')
    .option('--no-pager', 'print long output as it is instead of through the pager')
    .showSuggestionAfterError(true)
    // Commander's errors are printed by run(), in coach's style.
    .configureOutput({ writeOut: rt.out, writeErr: rt.err, outputError: () => undefined })
    .configureHelp(helpLayout(helpWidth))
    .exitOverride()
    .addHelpText(
      'after',
      after(
        examples(
          'coach mock --scenario fintech',
          'coach card latency',
          'coach trap random',
          'coach today',
          'coach list traps',
          'coach tradeoff kserve',
          'coach search point-in-time',
          'coach --guides ~/my-guides list guides',
        ) +
          '\nSettings: a flag, then the environment, then the config file (`coach config list`).\n' +
          'Exit codes: 0 ok, 1 failure (e.g. validate found errors), 2 usage error (or a bad config file), 3 not found, 130 interrupted (143 after TERM, 129 after HUP).\n',
      ),
    );

  // One entry per command. Only the command being run is registered (commander
  // builds every option and help text it is given, about 3 ms for all of them);
  // help, a mistyped command or no command at all registers every one.
  const commands: Record<string, () => void> = {
    list: () => {
      program
        .command('list')
        .description('list what the library holds: a table on a terminal, one record a line (tab-separated) when piped')
        .argument('[what]', 'guides, cards, traps, tradeoffs, scenarios or questions', 'guides')
        .option('--guide <id>', 'only this guide')
        .option('--json', 'print the data as JSON')
        .addHelpText('after', after(examples('coach list', 'coach list traps', 'coach list cards --json', 'coach list tradeoffs --guide michelangelo')))
        .action(async (what: string, opts: { guide?: string; json?: boolean }, cmd: Command) => {
          const m = await import('./commands/list.js');
          const io = await context();
          await show(opts.json, io, await m.list({ ...libraryOptions(cmd), kind: what, ...(opts.guide ? { guide: opts.guide } : {}) }, io), m.renderList, always);
        });
    },
    card: () => {
      program
        .command('card')
        .description('show a quick-reference card fitted to the terminal (no name: list the cards)')
        .argument('[query...]', 'card name: title, id or tag, a typo forgiven; several names show several cards')
        .option('--json', 'print the data as JSON')
        .addHelpText('after', after(examples('coach card latency', 'coach card slo', 'coach card scaling', 'coach card', 'coach card stack --json')))
        .action(async (query: string[], opts: { json?: boolean }, cmd: Command) => {
          const m = await import('./commands/card.js');
          const io = await context();
          await show(opts.json, io, await m.card({ ...libraryOptions(cmd), query: query.join(' '), names: query }, io), m.renderCard);
        });
    },
    tradeoff: () => {
      program
        .command('tradeoff')
        .alias('tradeoffs')
        .description('show a trade-off: options side by side, the recommendation and what to say (no name: list them)')
        .argument('[query...]', 'trade-off name, fuzzy')
        .option('--json', 'print the data as JSON')
        .addHelpText('after', after(examples('coach tradeoff kserve', 'coach tradeoff lambda kappa', 'coach tradeoff')))
        .action(async (query: string[], opts: { json?: boolean }, cmd: Command) => {
          const m = await import('./commands/tradeoff.js');
          const io = await context();
          await show(opts.json, io, await m.tradeoff({ ...libraryOptions(cmd), query: query.join(' ') }, io), m.renderTradeoff);
        });
    },
    guide: () => {
      program
        .command('guide')
        .description("show a guide's overview: pacing timeline, questions to ask, mistakes, key numbers")
        .argument('[id]', 'guide id or title, fuzzy')
        .option('-s, --section <name>', 'one part: pacing, questions, scenarios, tradeoffs, traps, mistakes, cards, numbers, flow, end, related, bank, prompts, discussion, or a heading')
        .option('--json', 'print the data as JSON')
        .addHelpText('after', after(examples('coach guide oss-ml-platform', 'coach guide michelangelo --section traps', 'coach guide bighead -s discussion')))
        .action(async (id: string | undefined, opts: { section?: string; json?: boolean }, cmd: Command) => {
          const m = await import('./commands/guide.js');
          const io = await context();
          const options = { ...libraryOptions(cmd), ...(id ? { id } : {}), ...(opts.section ? { section: opts.section } : {}) };
          await show(opts.json, io, await m.guide(options, io), m.renderGuide, always);
        });
    },
    search: () => {
      program
        .command('search')
        .description('search every part of every guide; each hit names the command that opens it')
        .argument('<words...>', 'what to look for')
        .option('-n, --limit <n>', 'most hits to show', positiveInt, 15)
        .addOption(
          // The choices for help and completion; the parser also takes plurals and "tradeoff".
          new Option('--kind <kind>', 'only this kind of hit').choices(SEARCH_KINDS).argParser(searchKind),
        )
        .option('--json', 'print the data as JSON')
        .addHelpText('after', after(examples('coach search feature store', 'coach search "training-serving skew" --kind trap', 'coach search p99 --json')))
        .action(async (words: string[], opts: { limit: number; kind?: string; json?: boolean }, cmd: Command) => {
          const m = await import('./commands/search.js');
          const io = await context();
          const options = { ...libraryOptions(cmd), words, limit: opts.limit, ...(opts.kind ? { kind: opts.kind } : {}) };
          await show(opts.json, io, await m.search(options, io), m.renderSearch);
        });
    },
    mock: () => {
      program
        .command('mock')
        .description('sit a timed mock interview: phase by phase, with a live countdown, follow-ups and a scored review')
        .option('--scenario <id>', 'the scenario to interview on (see `coach list scenarios`), or random')
        .option('--guide <id>', "a mock on a guide's plan, key points and traps (your own guides too)")
        .option('--minutes <n>', 'scale the plan to this many minutes', positiveInt)
        .option('--speed <n>', 'run the clock N times faster, for demos', positiveNumber, 1)
        .option('--phase <name>', 'practise one phase: clarify, high-level, deep-dive, scale or wrap-up')
        .addOption(new Option('--interviewer <background>', 'lean the follow-ups to this background').choices(['ml', 'infra', 'data', 'product']))
        .option('--answers <file>', 'score a markdown file with one heading per phase, without prompting')
        .option('--json', 'print the review (without a terminal: the plan) as JSON')
        .addHelpText(
          'after',
          after(
            examples(
              'coach mock --scenario fintech',
              'coach mock --scenario fraud-detection --minutes 30 --interviewer infra',
              'coach mock --guide michelangelo --phase deep-dive',
              'coach mock --scenario fintech --answers my-mock.md',
              'coach mock --scenario fintech | less',
            ) +
              '\nDuring the mock: Enter adds a line; Ctrl-D ends an answer and the interviewer follows up; /next moves on, /skip skips the phase, /extend adds 2 minutes, /pause stops the clock; /edit opens your answer in $VISUAL or $EDITOR (the clock keeps running). Ctrl-C stops, saves a partial transcript and exits 130.\n' +
              "\n--minutes and --interviewer default to the config file's `minutes` and `interviewer`.\n" +
              '\n--answers FILE: markdown with one `##` heading per phase (Clarify, High-Level, Deep Dive, Scale & Trade-offs, Wrap Up); under Clarify, one question a line. Without a terminal and without --answers, the plan is printed as a study sheet.\nTranscripts are saved in the data folder; `coach history` lists them.\n',
          ),
        )
        .action(async (opts: { scenario?: string; guide?: string; minutes?: number; speed: number; phase?: string; interviewer?: string; answers?: string; json?: boolean }, cmd: Command) => {
          const m = await import('./commands/mock.js');
          const io = await context();
          // Flags first, then the config file's defaults.
          const minutes = opts.minutes ?? io.config.settings.minutes;
          const interviewer = opts.interviewer ?? io.config.settings.interviewer;
          const options = {
            ...libraryOptions(cmd),
            ...(opts.scenario ? { scenario: opts.scenario } : {}),
            ...(opts.guide ? { guide: opts.guide } : {}),
            ...(minutes ? { minutes } : {}),
            speed: opts.speed,
            ...(opts.phase ? { phase: opts.phase } : {}),
            ...(interviewer ? { interviewer } : {}),
            ...(opts.answers ? { answers: opts.answers } : {}),
            ...(opts.json ? { json: true } : {}),
          };
          // The study sheet is long; the review after a live mock is read where it ends.
          await show(opts.json, io, await m.mock(options, io), m.renderMock, (r) => r.kind === 'study');
        });
    },
    history: () => {
      program
        .command('history')
        .description('list past mocks (date, name, kind, score); `history show N` prints one transcript, `history rm N` removes one')
        .argument('[action]', 'show or rm')
        .argument('[n]', 'the number `coach history` printed (show: default the last mock)')
        .option('-y, --yes', 'rm without asking (needed without a terminal)')
        .option('--json', 'print the data as JSON')
        .addHelpText('after', after(examples('coach history', 'coach history show 3', 'coach history show last > mock.md', 'coach history rm 2', 'coach history --json')))
        .action(async (action: string | undefined, n: string | undefined, opts: { yes?: boolean; json?: boolean }) => {
          const m = await import('./commands/history.js');
          const io = await context();
          await show(opts.json, io, await m.history({ ...(action ? { action } : {}), ...(n ? { n } : {}), ...(opts.yes ? { yes: true } : {}) }, io), m.renderHistory, (r) => r.kind === 'show');
        });
    },
    validate: () => {
      program
        .command('validate')
        .description('check guide files and report each problem as file:line (exit 1 on any error)')
        .argument('[paths...]', 'files or folders (default: the folders from --guides and COACH_GUIDES)')
        .option('--json', 'print the data as JSON')
        .addHelpText('after', after(examples('coach validate guides/', 'coach validate ~/my-guides/feature-store.md', 'coach --guides ~/my-guides validate')))
        .action(async (paths: string[], opts: { json?: boolean }, cmd: Command) => {
          const m = await import('./commands/validate.js');
          const io = await context();
          const result = await m.validate({ ...libraryOptions(cmd), paths }, io);
          await show(opts.json, io, result, m.renderValidate);
          if (result.errors > 0) state.exitCode = EXIT.failure;
        });
    },
    trap: () => {
      program
        .command('trap')
        .description('practise a trap question: answer it, see the strong answer and the key points you missed, rate it')
        .argument('[query...]', "random (the default: due or weak traps first), list, or a trap: '<guide>/<trap>', its id, or words")
        .option('--guide <id>', 'only traps from this guide')
        .option('--topic <words>', 'only traps about these words')
        .option('--time <seconds>', 'a countdown for your answer', positiveInt)
        .option('--reveal', 'print the question and the full answer, no prompt')
        .option('--json', 'print the data as JSON (never prompts)')
        .addHelpText(
          'after',
          after(
            `${examples(
              'coach trap random',
              'coach trap random --guide michelangelo --time 120',
              'coach trap kubeflow',
              'coach trap list --topic cache',
              'coach trap bighead/how-do-you-handle-point-in-time',
            )}\nOn a terminal coach asks and waits for your answer (/edit writes it in $VISUAL or $EDITOR); piped, it prints the question and the answer.\n`,
          ),
        )
        .action(async (query: string[], opts: { guide?: string; topic?: string; time?: number; reveal?: boolean; json?: boolean }, cmd: Command) => {
          const m = await import('./commands/trap.js');
          const io = await context();
          const options = {
            ...libraryOptions(cmd),
            query: query.join(' '),
            ...(opts.guide ? { guide: opts.guide } : {}),
            ...(opts.topic ? { topic: opts.topic } : {}),
            ...(opts.time ? { time: opts.time } : {}),
            ...(opts.reveal ? { reveal: true } : {}),
            ...(opts.json ? { json: true } : {}),
          };
          await show(opts.json, io, await m.trap(options, io), m.renderTrap, (r) => r.mode === 'list');
        });
    },
    drill: () => {
      program
        .command('drill')
        .description('a spaced-repetition session: the due items plus a few new ones, from traps, key numbers, the question bank and trade-offs')
        .addOption(new Option('--deck <name>', 'which deck').choices(['traps', 'numbers', 'questions', 'tradeoffs', 'all']).default('all'))
        .option('--guide <id>', 'only items from this guide')
        .option('-n, --limit <n>', 'most items in the session', positiveInt, 20)
        .option('--new <n>', 'most never-seen items to add', nonNegativeInt, 5)
        .option('--plan', 'list what the session would ask, ask nothing (works without a terminal)')
        .option('--json', 'print the plan as JSON (never prompts)')
        .addHelpText(
          'after',
          after(
            examples('coach drill', 'coach drill --deck numbers --limit 10', 'coach drill --deck tradeoffs --guide oss-ml-platform', 'coach drill --plan') +
              '\nA drill needs a terminal; without one it exits 2 unless --plan or --json is given. In a trap or question answer, /skip shows the answer and /quit ends the drill; Ctrl-C ends it too (exit 130). Every review is saved as it is made.\n',
          ),
        )
        .action(async (opts: { deck: string; guide?: string; limit: number; new: number; plan?: boolean; json?: boolean }, cmd: Command) => {
          const m = await import('./commands/drill.js');
          const io = await context();
          const options = {
            ...libraryOptions(cmd),
            deck: opts.deck,
            limit: opts.limit,
            newItems: opts.new,
            ...(opts.guide ? { guide: opts.guide } : {}),
            ...(opts.plan ? { plan: true } : {}),
            ...(opts.json ? { json: true } : {}),
          };
          await show(opts.json, io, await m.drill(options, io), m.renderDrill);
        });
    },
    stats: () => {
      program
        .command('stats')
        .description('how practice is going: seen, due and mastered per deck and guide, the streak, charts of drill accuracy and mock scores')
        .option('--days <n>', 'days of drill accuracy to chart', positiveInt, 14)
        .option('--json', 'print the data as JSON')
        .addHelpText('after', after(examples('coach stats', 'coach stats --days 30', 'coach stats --json')))
        .action(async (opts: { days: number; json?: boolean }, cmd: Command) => {
          const m = await import('./commands/stats.js');
          const io = await context();
          await show(opts.json, io, await m.stats({ ...libraryOptions(cmd), days: opts.days }, io), m.renderStats);
        });
    },
    export: () => {
      program
        .command('export')
        .description('write the practice decks as a file: anki (Anki text import, one note per item, the guide as a tag) or md')
        .argument('<format>', 'anki or md')
        .addOption(new Option('--deck <name>', 'which deck').choices(['traps', 'numbers', 'questions', 'tradeoffs', 'all']).default('all'))
        .option('--guide <id>', 'only items from this guide')
        .option('-o, --output <file>', 'write to this file (default: stdout)')
        .option('--deck-name <name>', 'anki: the deck the notes go into ("Parent::Child" for a sub-deck)', 'coach')
        .option('--json', 'print a summary (and the text, without -o) as JSON')
        .addHelpText(
          'after',
          after(
            examples(
              'coach export anki -o coach.txt',
              'coach export anki --deck traps -o traps.txt',
              'coach export anki --deck-name "Interviews::ML" -o ml.txt',
              'coach export md --guide michelangelo > michelangelo-decks.md',
            ),
          ),
        )
        .action(async (format: string, opts: { deck: string; guide?: string; output?: string; deckName: string; json?: boolean }, cmd: Command) => {
          const m = await import('./commands/export.js');
          const io = await context();
          const options = { ...libraryOptions(cmd), format, deck: opts.deck, deckName: opts.deckName, ...(opts.guide ? { guide: opts.guide } : {}), ...(opts.output ? { output: opts.output } : {}) };
          await show(opts.json, io, await m.exportDecks(options, io), m.renderExport, (r) => r.text !== undefined);
        });
    },
    reset: () => {
      program
        .command('reset')
        .description('delete practice history (reviews, schedules, mock scores), all of it or one deck; asks first')
        .addOption(new Option('--deck <name>', 'only the reviews of this deck').choices(['traps', 'numbers', 'questions', 'tradeoffs', 'all']).default('all'))
        .option('-y, --yes', 'do not ask (needed without a terminal)')
        .option('--json', 'print the result as JSON')
        .addHelpText('after', after(examples('coach reset', 'coach reset --deck numbers', 'coach reset --yes')))
        .action(async (opts: { deck: string; yes?: boolean; json?: boolean }) => {
          const m = await import('./commands/reset.js');
          const io = await context();
          await show(opts.json, io, await m.reset({ deck: opts.deck, ...(opts.yes ? { yes: true } : {}) }, io), m.renderReset);
        });
    },
    today: () => {
      program
        .command('today')
        .description('what to practise today: reviews due per deck, the weakest phase and scenario of your mocks, the streak')
        .option('--json', 'print the data as JSON')
        .addHelpText('after', after(`${examples('coach today', 'coach today --json', "echo 'coach today' >> ~/.bashrc")}\nQuick enough to run from a shell profile; it never asks anything.\n`))
        .action(async (opts: { json?: boolean }, cmd: Command) => {
          const m = await import('./commands/today.js');
          const io = await context();
          await show(opts.json, io, await m.today(libraryOptions(cmd), io), m.renderToday);
        });
    },
    config: () => {
      program
        .command('config')
        .description("coach's defaults in a config file: list, get, set or unset a setting, or print the file's path")
        .argument('[action]', 'list (the default), get KEY, set KEY VALUE..., unset KEY or path', 'list')
        .argument('[key]', 'guides, interviewer, minutes, color or pager')
        .argument('[values...]', 'the value (guides: one or more folders)')
        .option('--json', 'print the data as JSON')
        .addHelpText(
          'after',
          after(
            examples(
              'coach config list',
              'coach config set minutes 30',
              'coach config set interviewer infra',
              'coach config set guides ~/interview-notes ~/team-guides',
              'coach config set pager "less -R"',
              'coach config get guides',
              'coach config unset color',
              '$EDITOR "$(coach config path)"',
            ) +
              '\nThe file is TOML (config.toml in the platform config folder, or COACH_HOME/config).\nA flag wins over the environment, which wins over the file. `list` shows where each value comes from.\n',
          ),
        )
        .action(async (action: string, key: string | undefined, values: string[], opts: { json?: boolean }, cmd: Command) => {
          const m = await import('./commands/config.js');
          // `path`, `set` and `unset` work on a broken file: they are how it is found and mended.
          const io = await context({ badConfigOk: ['path', 'set', 'unset'].includes(action.toLowerCase()) });
          const flags = cmd.optsWithGlobals() as { guides?: string[]; color?: boolean; pager?: boolean };
          const options = { action, ...(key ? { key } : {}), values, guides: flags.guides ?? [], color: flags.color !== false, pager: flags.pager !== false };
          await show(opts.json, io, await m.config(options, io), m.renderConfig);
        });
    },
    paths: () => {
      program
        .command('paths')
        .description('where coach keeps history, mock transcripts, the guide cache and the config file')
        .option('--json', 'print the data as JSON')
        .addHelpText(
          'after',
          after(
            `${examples('coach paths', 'coach paths --json', 'COACH_HOME=~/coach-data coach paths')}\nCOACH_HOME puts everything in one folder; on Linux XDG_DATA_HOME, XDG_CACHE_HOME and XDG_CONFIG_HOME move each.\n`,
          ),
        )
        .action(async (opts: { json?: boolean }) => {
          const m = await import('./commands/paths.js');
          const io = await context({ badConfigOk: true });
          await show(opts.json, io, await m.paths({}, io), m.renderPaths);
        });
    },
    completion: () => {
      program
        .command('completion')
        .description('print the shell completion script for bash, zsh or fish')
        .argument('<shell>', 'bash, zsh or fish')
        .addHelpText(
          'after',
          after(
            `${examples(
              'source <(coach completion bash)',
              'coach completion bash > ~/.local/share/bash-completion/completions/coach',
              // biome-ignore lint/suspicious/noTemplateCurlyInString: a zsh variable in an example command, not a template
              'coach completion zsh > "${fpath[1]}/_coach"',
              'coach completion fish > ~/.config/fish/completions/coach.fish',
            )}\nIt completes commands, options, and the names of cards, trade-offs, guides, traps, scenarios, sections and decks, your own guides included (as coach last indexed them).\n`,
          ),
        )
        .action(async (shell: string) => {
          const m = await import('./commands/completion.js');
          const io = await context({ badConfigOk: true });
          await show(false, io, await m.completion({ shell }, io), m.renderCompletion);
        });
    },
    // What the completion scripts call on each Tab: the candidates, one a line.
    __complete: () => {
      program
        .command('__complete', { hidden: true })
        .argument('<shell>')
        .argument('[words...]')
        .allowUnknownOption()
        .helpOption(false)
        .action(async (_shell: string, words: string[]) => {
          const m = await import('./commands/completion.js');
          const io = await context({ badConfigOk: true });
          const tree = treeOf(buildProgram(rt, { exitCode: EXIT.ok }));
          await show(false, io, await m.completeWords({ words: words.length > 0 ? words : [''], tree }, io), m.renderComplete);
        });
    },
  };
  const name = argv ? commandName(argv) : undefined;
  if (name !== undefined && Object.hasOwn(commands, name)) commands[name]!();
  else for (const add of Object.values(commands)) add();

  return program;
}

const ALIASES: Record<string, string> = { tradeoffs: 'tradeoff' };

/** The registry as shell completion sees it: commands, their options and the global ones. */
export function treeOf(program: Command): Tree {
  const option = (o: Option): OptionSpec => ({
    ...(o.long ? { long: o.long } : {}),
    ...(o.short ? { short: o.short } : {}),
    takesValue: o.required || o.optional,
    ...(o.argChoices ? { choices: o.argChoices } : {}),
    description: o.description,
    ...(o.variadic || o.long === '--guides' ? { repeatable: true } : {}),
  });
  const visible = (o: Option): boolean => !o.hidden;
  return {
    options: program.options.filter(visible).map(option),
    commands: program.commands
      .filter((c) => !(c as unknown as { _hidden?: boolean })._hidden)
      .map((c) => ({ name: c.name(), aliases: c.aliases(), description: c.description(), options: c.options.filter(visible).map(option) }))
      .concat({ name: 'help', aliases: [], description: 'show the help of a command', options: [] }),
  };
}

/**
 * The command a command line runs: its first word that is not a global option or
 * its value. None when coach's own help or version comes first.
 */
export function commandName(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--' || arg === '-h' || arg === '--help' || arg === '-V' || arg === '--version') return undefined;
    if (arg === '--guides') i++;
    else if (!arg.startsWith('-')) return ALIASES[arg] ?? arg;
  }
  return undefined;
}

export function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a number above 0.');
  return n;
}

export function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number, 0 or more.');
  return n;
}

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number above 0.');
  return n;
}

/** Runs one command line; returns the exit code. Never exits the process itself. */
export async function run(argv: string[], rt: Runtime): Promise<number> {
  const state = { exitCode: EXIT.ok };
  const program = buildProgram(rt, state, argv);
  try {
    if (argv.length === 0) {
      rt.out(program.helpInformation());
      return EXIT.ok;
    }
    // `coach help NAME` for a command that does not exist: commander would print the
    // main help and succeed.
    const helpFor = argv[0] === 'help' ? argv[1] : undefined;
    if (helpFor !== undefined && helpFor !== 'help' && !helpFor.startsWith('-') && !program.commands.some((c) => c.name() === helpFor || c.aliases().includes(helpFor))) {
      throw new UsageError(`no command '${helpFor}' to show the help of`, 'see `coach --help` for the commands');
    }
    await program.parseAsync(argv, { from: 'user' });
    return state.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      const name = commandName(argv);
      rt.err(commanderMessage(e.message, name !== undefined && program.commands.some((c) => c.name() === name) ? name : undefined));
      return EXIT.usage;
    }
    if (e instanceof CoachError) {
      rt.err(`coach: ${e.message}\n${e.hint ? `  ${e.hint}\n` : ''}`);
      return e.exitCode;
    }
    const err = e as Error;
    rt.err(`coach: unexpected error: ${err?.message ?? String(e)}\n  please report it with the command you ran${rt.debug ? `\n${err?.stack}` : ' (COACH_DEBUG=1 shows the stack)'}\n`);
    return EXIT.failure;
  }
}
