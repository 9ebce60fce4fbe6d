// Writing an answer in the user's own editor (`/edit` in a long answer): the draft
// goes to a private temporary file, $VISUAL (else $EDITOR, else vi) runs on it with
// the terminal handed over, and the text comes back. The editor runs synchronously:
// nothing of coach draws meanwhile, and a timed answer's clock, being wall time,
// keeps running.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type EditResult = { text: string } | { error: string };

export function editorCommand(env: Record<string, string | undefined>, platform = process.platform): string {
  return env['VISUAL']?.trim() || env['EDITOR']?.trim() || (platform === 'win32' ? 'notepad' : 'vi');
}

/** Opens `text` in the editor and returns what the user saved (trailing blank lines dropped). */
export function editText(text: string, env: Record<string, string | undefined>): EditResult {
  const command = editorCommand(env);
  const windows = process.platform === 'win32';
  // mkdtemp makes the folder 0700; the answer is the user's own.
  const dir = mkdtempSync(join(tmpdir(), 'coach-answer-'));
  const file = join(dir, 'answer.md');
  try {
    writeFileSync(file, text ? `${text}\n` : '', { mode: 0o600 });
    // Through the shell, as git runs $EDITOR: `code --wait` and quoted paths work as written.
    const r = windows ? spawnSync(`${command} "${file}"`, { shell: true, stdio: 'inherit', env }) : spawnSync('/bin/sh', ['-c', `${command} "$@"`, command, file], { stdio: 'inherit', env });
    if (r.error) return { error: `cannot run the editor '${command}': ${r.error.message}` };
    if (r.status === 127 && !windows) return { error: `cannot run the editor '${command}': command not found (set VISUAL or EDITOR)` };
    if (r.status !== 0) return { error: `the editor '${command}' ended with ${r.status ?? r.signal}` };
    return { text: readFileSync(file, 'utf8').replace(/\r\n/g, '\n').replace(/\s+$/, '') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
