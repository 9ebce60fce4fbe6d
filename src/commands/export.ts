// coach export anki|md: the practice decks as a file. `anki` writes Anki's text import
// format (one note per item, the guide as a tag); `md` writes them as markdown. Without
// -o the file goes to stdout, so `coach export md | less` works.
import { dirname, join, resolve } from 'node:path';
import type { Io } from '../io.js';
import { FailureError, UsageError } from '../errors.js';
import { buildDecks, deckName, DECK_NAMES, type DeckName } from '../practice/decks.js';
import { ankiDeckName, ankiFile, DEFAULT_ANKI_DECK, markdownFile } from '../practice/export.js';
import { writeAtomic } from '../store/files.js';
import { chooseGuides, openLibrary, type LibraryOptions } from './shared.js';
import { style } from '../render/style.js';
import { count } from '../render/plural.js';

export const EXPORT_FORMATS = ['anki', 'md'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions extends LibraryOptions {
  format?: string;
  deck?: string;
  guide?: string;
  /** File to write; stdout when absent. */
  output?: string;
  /** anki: the deck the notes go into (default "coach"). */
  deckName?: string;
}

export interface ExportResult {
  format: ExportFormat;
  deck: DeckName | 'all';
  /** anki: the Anki deck the notes go into. */
  deckName?: string;
  notes: number;
  byDeck: Partial<Record<DeckName, number>>;
  /** Absolute path written, with -o. */
  path?: string;
  /** The file's text, without -o. */
  text?: string;
}

export async function exportDecks(options: ExportOptions, io: Io): Promise<ExportResult> {
  const format = (options.format ?? '').toLowerCase() === 'markdown' ? 'md' : (options.format ?? '').toLowerCase();
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(options.format ? `cannot export as '${options.format}'` : 'say which format', 'coach export anki [-o FILE] or coach export md [-o FILE]');
  }
  const name = deckName(options.deck ?? 'all');
  if (!name) throw new UsageError(`no deck '${options.deck}'`, `choose one of: ${DECK_NAMES.join(', ')}, all`);
  const decks = name === 'all' ? [...DECK_NAMES] : [name];
  const lib = await openLibrary(options, io);
  const items = buildDecks(await chooseGuides(lib.guides, options.guide, io), decks);
  const ankiDeck = format === 'anki' ? ankiDeckName(options.deckName ?? DEFAULT_ANKI_DECK) : undefined;
  const text = format === 'anki' ? ankiFile(items, ankiDeck).text : markdownFile(items);
  const byDeck: Partial<Record<DeckName, number>> = {};
  for (const i of items) byDeck[i.deck] = (byDeck[i.deck] ?? 0) + 1;
  const result: ExportResult = { format: format as ExportFormat, deck: name, ...(ankiDeck ? { deckName: ankiDeck } : {}), notes: items.length, byDeck };
  if (!options.output) return { ...result, text };
  const path = resolve(options.output);
  await writeOutput(path, options.output, text);
  return { ...result, path };
}

// What a failed write means to the user, without the name of write-file-atomic's
// temporary file that its messages carry.
const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'over the disk quota',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  ENOENT: 'files cannot be created there',
  ENAMETOOLONG: 'the name is too long',
  EBUSY: 'the file is busy',
};

/**
 * Writes the file the user named (-o), atomically. A missing folder is an error,
 * never created (a typo in the path should not leave folders behind); a folder, a
 * folder that is not one, or a failed write is one line and exit 1. The file gets
 * the umask's mode, as the user's other tools would give it.
 */
async function writeOutput(path: string, given: string, text: string): Promise<void> {
  const { stat } = await import('node:fs/promises');
  const kind = async (p: string): Promise<'file' | 'folder' | 'none'> => {
    try {
      return (await stat(p)).isDirectory() ? 'folder' : 'file';
    } catch {
      return 'none';
    }
  };
  if ((await kind(path)) === 'folder') throw new FailureError(`cannot write ${given}: it is a folder`, `name a file in it, e.g. -o ${join(given, 'coach.txt')}`);
  const folder = dirname(path);
  const parent = await kind(folder);
  if (parent === 'none') throw new FailureError(`cannot write ${given}: there is no folder ${folder}`, 'create the folder first, or name a file in one that exists');
  if (parent === 'file') throw new FailureError(`cannot write ${given}: ${folder} is a file, not a folder`);
  try {
    await writeAtomic(path, text, { shared: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw new FailureError(`cannot write ${given}: ${REASONS[code] ?? code ?? 'the write failed'}`);
  }
}

export function renderExport(result: ExportResult, io: Pick<Io, 'color'>): string {
  if (result.text !== undefined) return result.text.replace(/\n$/, '');
  const s = style(io.color);
  const parts = DECK_NAMES.filter((d) => result.byDeck[d]).map((d) => `${result.byDeck[d]} ${d}`);
  const lines = [`Wrote ${count(result.notes, result.format === 'anki' ? 'note' : 'item')} (${parts.join(', ')}) to ${result.path}`];
  if (result.format === 'anki')
    lines.push(s.dim(`In Anki: File › Import, pick the file; the header sets tab-separated fields, HTML, the Basic note type, the tags column and the deck (${result.deckName}).`));
  return lines.join('\n');
}
