// The completion scripts `coach completion bash|zsh|fish` prints. They are plain
// shell files beside this one, bundled as text (scripts/build.mjs). Each hands the
// words typed so far to `coach __complete <shell> -- <words...>`, which prints one
// candidate a line (`value<TAB>description`), or `:files` / `:dirs` to let the shell
// complete a path itself: the knowledge stays in coach, the scripts only translate.
import bash from './coach.bash';
import zsh from './coach.zsh';
import fish from './coach.fish';

export const SCRIPTS = { bash, zsh, fish } as const;
export type Shell = keyof typeof SCRIPTS;
