// The names the config file knows, apart from its parser so that shell completion
// and the registry can name them without loading TOML.
export const SETTING_KEYS = ['guides', 'interviewer', 'minutes', 'color', 'pager'] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];
export const COLOR_MODES = ['auto', 'always', 'never'] as const;
export type ColorMode = (typeof COLOR_MODES)[number];
// The same backgrounds as `coach mock --interviewer` (a test holds the two lists equal).
export const INTERVIEWERS = ['ml', 'infra', 'data', 'product'] as const;
