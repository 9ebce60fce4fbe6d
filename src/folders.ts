// Where coach keeps its data, cache and config: the three folders of COACH_HOME, or
// the platform's (env-paths: XDG on Linux, Library on macOS, AppData on Windows).
// Worked out once per process (boot.ts needs the cache folder before anything else
// loads, main.ts all three); env-paths is not even loaded when COACH_HOME is set.
import { join } from 'node:path';

export interface Folders {
  data: string;
  cache: string;
  config: string;
}

let found: Promise<Folders> | undefined;

export function coachFolders(): Promise<Folders> {
  found ??= (async () => {
    const home = process.env['COACH_HOME'];
    if (home) return { data: join(home, 'data'), cache: join(home, 'cache'), config: join(home, 'config') };
    return (await import('env-paths')).default('coach', { suffix: '' });
  })();
  return found;
}
