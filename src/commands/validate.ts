// coach validate [paths...]: checks guide files and reports each problem as file:line.
import type { Io } from '../io.js';
import { UsageError } from '../errors.js';
import { loadGuideFile } from '../guides/files.js';
import { guideFiles } from '../guides/walk.js';
import { lintGuide, lintScenario } from '../guides/lint.js';
import type { Guide, Problem, Scenario } from '../guides/model.js';
import { loadLibrary } from '../guides/library.js';
import { guideDirs, type LibraryOptions } from './shared.js';
import { style } from '../render/style.js';
import { count } from '../render/plural.js';

export interface ValidateOptions extends LibraryOptions {
  paths: string[];
}

export interface ValidateResult {
  files: number;
  guides: number;
  scenarios: number;
  errors: number;
  warnings: number;
  problems: Problem[];
  /** Key points coach read off what the guides say, for traps and phases that list none. */
  derived: { traps: number; phases: number; guides: number };
}

export async function validate(options: ValidateOptions, io: Io): Promise<ValidateResult> {
  const paths = options.paths.length > 0 ? options.paths : guideDirs(options, io);
  if (paths.length === 0) throw new UsageError('name the guide files or folders to check', 'example: coach validate ./my-guides');
  const problems: Problem[] = [];
  const files: string[] = [];
  const listed = new Set<string>();
  for (const p of paths) {
    const found = await guideFiles(p);
    for (const p of found.problems) problems.push(p);
    for (const f of found.files) {
      if (listed.has(f)) continue;
      listed.add(f);
      files.push(f);
    }
  }
  const guides: Guide[] = [];
  const scenarios: Scenario[] = [];
  for (const f of files) {
    const parsed = await loadGuideFile(f);
    for (const p of parsed.problems) problems.push(p);
    if (parsed.kind === 'guide') guides.push(parsed.guide);
    if (parsed.kind === 'scenario') scenarios.push(parsed.scenario);
  }
  const seen = new Map<string, string>();
  for (const g of guides) {
    for (const p of lintGuide(g)) problems.push(p);
    const other = seen.get(g.id);
    if (other) problems.push({ path: g.path, severity: 'warning', message: `id '${g.id}' is also used by ${other}; one of them will be renamed when loaded` });
    seen.set(g.id, g.path);
  }
  if (scenarios.length > 0) {
    const bundled = io.bundledIndex ? await loadLibrary({ bundledIndex: io.bundledIndex, dirs: [] }) : { guides: [] };
    const ids = new Set([...bundled.guides.map((g) => g.id), ...guides.map((g) => g.id)]);
    for (const s of scenarios) for (const p of lintScenario(s, ids)) problems.push(p);
  }
  problems.sort((a, b) => (a.path === b.path ? (a.line ?? 0) - (b.line ?? 0) : a.path < b.path ? -1 : 1));
  const derived = { traps: 0, phases: 0, guides: 0 };
  for (const g of guides) {
    const traps = g.traps.filter((t) => t.derivedKeyPoints).length;
    const phases = g.pacing.length > 0 ? g.pacing.filter((p) => p.keyPoints.length > 0 && p.keyPoints.every((k) => k.derived)).length : Object.keys(g.phasePoints ?? {}).length;
    derived.traps += traps;
    derived.phases += phases;
    if (traps + phases > 0) derived.guides++;
  }
  return {
    files: files.length,
    guides: guides.length,
    scenarios: scenarios.length,
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
    problems,
    derived,
  };
}

export function renderValidate(result: ValidateResult, io: Pick<Io, 'color'>): string {
  const s = style(io.color);
  const lines = result.problems.map((p) => {
    const label = p.severity === 'error' ? s.red('error') : s.yellow('warning');
    return `${p.path}${p.line ? `:${p.line}` : ''}: ${label}: ${p.message}`;
  });
  const d = result.derived;
  if (d.traps + d.phases > 0) {
    lines.push(
      s.dim(
        `${d.traps} trap${d.traps === 1 ? '' : 's'} and ${d.phases} phase${d.phases === 1 ? '' : 's'} in ${d.guides} guide${d.guides === 1 ? '' : 's'} are scored on key points coach derived from what the guide says; a 'Key points:' list under a trap or a 'Phase Key Points' section decides them instead (docs/guide-format.md)`,
      ),
    );
  }
  const summary = `${count(result.files, 'file')} checked (${count(result.guides, 'guide')}, ${count(result.scenarios, 'scenario')}): ${count(result.errors, 'error')}, ${count(result.warnings, 'warning')}`;
  lines.push(result.errors > 0 ? s.red(summary) : s.green(summary));
  return lines.join('\n');
}
