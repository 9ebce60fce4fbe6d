// The named parts of a guide that `coach guide --section` shows, besides the headings
// of its plain sections. A module of its own so that shell completion offers them
// without loading the guide command.
export const PARTS = ['overview', 'pacing', 'questions', 'scenarios', 'tradeoffs', 'traps', 'mistakes', 'cards', 'numbers', 'flow', 'end', 'related', 'bank', 'prompts', 'discussion'] as const;
export type Part = (typeof PARTS)[number];
