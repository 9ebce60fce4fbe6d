// coach paths: where coach keeps what it writes and reads, so a user can back it up,
// move it or delete it. The folders come from COACH_HOME or the platform (env-paths:
// on Linux the XDG base directories).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Io } from '../io.js';
import { style } from '../render/style.js';
import { fitLines } from '../render/layout.js';

export interface PathsResult {
  /** COACH_HOME when set, else the platform's folders. */
  from: 'COACH_HOME' | 'platform';
  data: string;
  history: string;
  transcripts: string;
  cache: string;
  config: string;
  configExists: boolean;
}

export async function paths(_options: object, io: Io): Promise<PathsResult> {
  return {
    from: io.env['COACH_HOME'] ? 'COACH_HOME' : 'platform',
    data: io.dataDir,
    // The names the store and the mock command write under the data folder.
    history: join(io.dataDir, 'history.jsonl'),
    transcripts: join(io.dataDir, 'mocks'),
    cache: io.cacheDir,
    config: io.config.file,
    configExists: existsSync(io.config.file),
  };
}

export function renderPaths(result: PathsResult, io: Pick<Io, 'columns' | 'color'>): string {
  const s = style(io.color);
  const rows: [string, string, string][] = [
    ['data', result.data, 'history and mock transcripts'],
    ['  history', result.history, 'reviews and mock scores, one JSON record a line'],
    ['  transcripts', result.transcripts, 'one markdown file per mock'],
    ['cache', result.cache, 'your guides, parsed; safe to delete'],
    ['config', result.config, result.configExists ? 'coach config list shows it' : 'not created yet: coach config set KEY VALUE'],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  // A note that does not fit beside its path goes under it: a path is never wrapped.
  const lines = rows.flatMap(([name, path, note]) => {
    const head = `${s.bold(name.padEnd(width))}  ${path}`;
    return width + 2 + path.length + 2 + note.length + 2 <= io.columns ? [`${head}  ${s.dim(`(${note})`)}`] : [head, `${' '.repeat(width + 2)}${s.dim(`(${note})`)}`];
  });
  const how =
    result.from === 'COACH_HOME'
      ? 'COACH_HOME is set: everything is under it.'
      : 'Set COACH_HOME to keep everything in one folder. On Linux, XDG_DATA_HOME, XDG_CACHE_HOME and XDG_CONFIG_HOME move each folder.';
  return fitLines([...lines, '', s.dim(how)].join('\n'), io.columns);
}
