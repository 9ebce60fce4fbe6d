// coach config list|get|set|unset|path: coach's defaults in a TOML file in the
// platform config folder. Every setting is decided in one order: a flag, then the
// environment, then this file, then coach's default; `list` shows which one won.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import type { Io } from '../io.js';
import { colorChoice, pagerChoice } from '../io.js';
import { UsageError } from '../errors.js';
import { guideDirs } from './open.js';
import { isSettingKey, parseConfig, SETTING_KEYS, SETTINGS, settingFromArgs, withSetting, type SettingKey } from '../config/settings.js';
import { writeAtomic } from '../store/files.js';
import { style } from '../render/style.js';
import { fitLines, wrap } from '../render/layout.js';

export const CONFIG_ACTIONS = ['list', 'get', 'set', 'unset', 'path'] as const;

export interface ConfigOptions {
  action?: string;
  key?: string;
  values?: string[];
  /** The global flags, which win over the file: --guides, --no-color, --no-pager. */
  guides?: string[];
  color?: boolean;
  pager?: boolean;
}

export interface SettingRow {
  key: SettingKey;
  /** What coach uses now; null when nothing sets it (each mock plan keeps its own). */
  value: string | number | boolean | string[] | null;
  /** A flag, an environment variable, `config` or `default`. */
  source: string;
  /** What the file says, when it says anything. */
  file?: unknown;
  about: string;
}

export type ConfigResult =
  | { kind: 'path'; file: string; exists: boolean }
  | { kind: 'list'; file: string; exists: boolean; settings: SettingRow[] }
  | { kind: 'get'; setting: SettingRow }
  | { kind: 'set'; file: string; key: SettingKey; value: unknown }
  | { kind: 'unset'; file: string; key: SettingKey; removed: boolean };

async function fileText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UsageError(`cannot read the config file ${file}: ${(e as Error).message}`);
  }
}

function keyOf(key: string | undefined, action: string): SettingKey {
  if (!key) throw new UsageError(`say which setting to ${action}`, `settings: ${SETTING_KEYS.join(', ')}`);
  if (!isSettingKey(key)) throw new UsageError(`no setting '${key}'`, `settings: ${SETTING_KEYS.join(', ')}`);
  return key;
}

/** Each setting as coach resolves it now, and where that came from. */
export function effectiveSettings(options: ConfigOptions, io: Pick<Io, 'env' | 'config' | 'color'>): SettingRow[] {
  const file = io.config.settings;
  const row = (key: SettingKey, value: SettingRow['value'], source: string): SettingRow => ({
    key,
    value,
    source,
    ...(file[key] !== undefined ? { file: file[key] } : {}),
    about: SETTINGS[key].about,
  });
  const sources = [options.guides?.length ? '--guides' : '', io.env['COACH_GUIDES'] ? 'COACH_GUIDES' : '', file.guides?.length ? 'config' : ''].filter(Boolean);
  // Whether stdout is a terminal only matters when nothing else decides; then it decided io.color.
  const color = colorChoice(io.env, io.color, options.color, file.color);
  const pager = pagerChoice(io.env, options.pager, file.pager);
  return [
    row('guides', guideDirs(options, io), sources.join(', ') || 'default'),
    row('interviewer', file.interviewer ?? null, file.interviewer ? 'config' : 'default'),
    row('minutes', file.minutes ?? null, file.minutes ? 'config' : 'default'),
    row('color', color.value, color.source),
    row('pager', pager.value ?? false, pager.source),
  ];
}

export async function config(options: ConfigOptions, io: Io): Promise<ConfigResult> {
  const action = (options.action ?? 'list').toLowerCase();
  const file = io.config.file;
  switch (action) {
    case 'path':
      return { kind: 'path', file, exists: (await fileText(file)) !== undefined };
    case 'list':
    case 'get': {
      if (io.config.error) throw io.config.error;
      const rows = effectiveSettings(options, io);
      if (action === 'list') return { kind: 'list', file, exists: (await fileText(file)) !== undefined, settings: rows };
      const key = keyOf(options.key, 'get');
      return { kind: 'get', setting: rows.find((r) => r.key === key)! };
    }
    case 'set':
    case 'unset': {
      const key = keyOf(options.key, action);
      const values = options.values ?? [];
      if (action === 'set' && values.length === 0) throw new UsageError(`give a value for ${key}`, `${SETTINGS[key].about}`);
      if (action === 'unset' && values.length > 0) throw new UsageError(`unset takes no value: coach config unset ${key}`);
      const value = action === 'set' ? settingFromArgs(key, values, { base: process.cwd(), home: homedir() }) : undefined;
      const before = (await fileText(file)) ?? '';
      const after = withSetting(before, key, value);
      // A file that does not parse after the change is not written: an error elsewhere
      // in it is named instead (fixing the broken setting itself is allowed).
      parseConfig(after, file, homedir());
      if (after !== before) await writeAtomic(file, after);
      return action === 'set' ? { kind: 'set', file, key, value } : { kind: 'unset', file, key, removed: after !== before };
    }
    default:
      throw new UsageError(`unknown config action '${options.action}'`, `coach config ${CONFIG_ACTIONS.join('|')}`);
  }
}

function shown(value: unknown): string {
  if (value === null || value === undefined) return 'not set';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.join(', ');
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  return String(value);
}

function rowValue(row: SettingRow): string {
  if (row.key === 'pager') return row.value === false ? 'none' : String(row.value);
  if (row.value === null) return row.key === 'minutes' ? "not set: each plan's own length" : "not set: the guide's general follow-ups";
  return shown(row.value);
}

export function renderConfig(result: ConfigResult, io: Pick<Io, 'columns' | 'color'>): string {
  const s = style(io.color);
  switch (result.kind) {
    case 'path':
      return result.file;
    case 'get': {
      const v = result.setting.value;
      if (v === null) return '';
      if (Array.isArray(v)) return v.join('\n');
      if (result.setting.key === 'color') return v ? 'on' : 'off';
      if (result.setting.key === 'pager') return v === false ? '' : String(v);
      return String(v);
    }
    case 'set':
      return `${s.green('✔')} ${result.key} = ${shown(result.value)}  ${s.dim(`(${result.file})`)}`;
    case 'unset':
      return result.removed ? `${s.green('✔')} ${result.key} removed  ${s.dim(`(${result.file})`)}` : `${result.key} was not set in ${result.file}`;
    case 'list': {
      const head = `${s.bold('Config file')} ${result.file}${result.exists ? '' : s.dim(' (none yet: `coach config set KEY VALUE` makes it)')}`;
      const width = Math.max(...result.settings.map((r) => r.key.length));
      const valueWidth = Math.min(40, Math.max(...result.settings.map((r) => rowValue(r).length)));
      const lines = result.settings.map((r) => `  ${s.bold(r.key.padEnd(width))}  ${rowValue(r).padEnd(valueWidth)}  ${s.dim(`from ${r.source}`)}`);
      // Each setting's key, then what it does wrapped beside it (a hanging indent keeps the keys in a column).
      const about = result.settings.flatMap((r) => wrap(r.about, Math.max(20, io.columns - width - 4)).map((l, i) => `  ${s.bold((i === 0 ? r.key : '').padEnd(width))}  ${s.dim(l)}`));
      return [fitLines([head, '', ...lines, '', s.dim('Flags win over the environment, which wins over this file.')].join('\n'), io.columns), '', s.bold('Settings'), ...about].join('\n');
    }
  }
}
