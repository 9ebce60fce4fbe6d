// coach export: the Anki file read back the way Anki's text import reads it (header
// lines, tab-separated fields, HTML), one note per trap with its guide as a tag; and
// the markdown export.
import { emptyGuide } from '../src/guides/model.js';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli.js';
import { testIo, type TestIo } from './helpers/io.js';
import { ankiFile, ankiTag, escapeHtml, htmlField } from '../src/practice/export.js';
import { buildDecks } from '../src/practice/decks.js';
import { exportDecks, renderExport } from '../src/commands/export.js';
import { UsageError } from '../src/errors.js';
import { testRuntime } from './helpers/runtime.js';

const runtime = (io: TestIo) => testRuntime(io);

/** Reads an Anki text-import file: `#key:value` header lines, then one note per line. */
function readAnki(text: string): { headers: Record<string, string>; rows: string[][] } {
  const lines = text.split('\n');
  const headers: Record<string, string> = {};
  let i = 0;
  for (; i < lines.length && lines[i]!.startsWith('#'); i++) {
    const [key, ...value] = lines[i]!.slice(1).split(':');
    headers[key!.trim().toLowerCase()] = value.join(':');
  }
  const rows = lines
    .slice(i)
    .filter((l) => l !== '')
    .map((l) => l.split('\t'));
  return { headers, rows };
}

function unescapeHtml(html: string): string {
  return html
    .replace(/<br>/g, '\n')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#35;/g, '#')
    .replace(/&amp;/g, '&');
}

describe('coach export anki', () => {
  it('writes one note per trap, the guide as a tag, with the headers Anki reads', async () => {
    const io = testIo();
    const file = join(mkdtempSync(join(tmpdir(), 'coach-export-')), 'traps.txt');
    expect(await run(['export', 'anki', '--deck', 'traps', '-o', file], runtime(io))).toBe(0);
    expect(io.out()).toMatch(/^Wrote 20 notes \(20 traps\) to .*traps\.txt/);
    const { headers, rows } = readAnki(readFileSync(file, 'utf8'));
    expect(headers).toEqual({ separator: 'tab', html: 'true', notetype: 'Basic', deck: 'coach', columns: 'Front\tBack\tTags\tGUID', 'tags column': '3', 'guid column': '4' });
    expect(rows).toHaveLength(20);
    // Every row has exactly the four columns: no field holds a tab or a line break.
    for (const row of rows) expect(row).toHaveLength(4);
    const kubeflow = rows.find((r) => r[0]!.startsWith('Why not just use Kubeflow?'))!;
    expect(kubeflow[2]!.split(' ')).toEqual(['oss-ml-platform', 'coach::traps']);
    expect(kubeflow[3]).toBe('coach:traps:oss-ml-platform/why-not-just-use-kubeflow');
    expect(kubeflow[1]).toContain('<b>Strong answer</b><br>Kubeflow is a legitimate option');
    // Each trap's guide is its tag.
    const guides = rows.map((r) => r[2]!.split(' ')[0]);
    expect(new Set(guides)).toEqual(new Set(['bighead', 'michelangelo', 'mlops-platform', 'oss-ml-platform']));
    // GUIDs are unique, so a second import updates instead of duplicating.
    expect(new Set(rows.map((r) => r[3])).size).toBe(20);
  });

  it('escapes HTML so the answer reads back exactly', async () => {
    const io = testIo();
    const result = await exportDecks({ format: 'anki', deck: 'traps', guide: 'mlops-platform' }, io);
    const { rows } = readAnki(result.text!);
    const row = rows.find((r) => r[0]!.startsWith('Why separate experiment tracking'))!;
    expect(row[1]).toContain('learning_rate &gt; 0.01');
    expect(row[1]).toContain('&quot;compare accuracy');
    expect(unescapeHtml(row[1]!)).toContain('"compare accuracy across runs whose learning_rate > 0.01"');
  });

  it('exports every deck by default', async () => {
    const result = await exportDecks({ format: 'anki' }, testIo());
    expect(result.byDeck).toEqual({ traps: 20, numbers: 93, questions: 28, tradeoffs: 18 });
    expect(readAnki(result.text!).rows).toHaveLength(159);
  });

  it.each([
    ['a < b & c > "d"', 'a &lt; b &amp; c &gt; &quot;d&quot;'],
    ['two\nlines', 'two<br>lines'],
    ['tab\there', 'tab here'],
    ['crlf\r\nline', 'crlf<br>line'],
  ])('field %j becomes %j', (text, field) => {
    expect(htmlField(text)).toBe(field);
  });

  it('keeps a field from starting a line with "#", which Anki would read as a header', () => {
    const [item] = buildDecks([{ ...emptyGuide('g', 'g.md'), title: 'G', traps: [{ id: 't', question: '#1 cause of ML bugs?', keyPoints: [], line: 1 }] }], ['traps']);
    const line = ankiFile([item!]).text.trimEnd().split('\n').at(-1)!;
    expect(line.startsWith('&#35;1 cause of ML bugs?')).toBe(true);
  });

  it.each([
    ['oss-ml-platform', 'oss-ml-platform'],
    ['my guide', 'my_guide'],
  ])('tag %j is %j', (text, tag) => {
    expect(ankiTag(text)).toBe(tag);
  });

  it('escapes the five HTML characters that matter', () => {
    expect(escapeHtml(`<&>"`)).toBe('&lt;&amp;&gt;&quot;');
  });

  it('refuses an unknown format', async () => {
    await expect(exportDecks({ format: 'csv' }, testIo())).rejects.toBeInstanceOf(UsageError);
  });
});

describe('coach export md', () => {
  it('writes the decks as markdown, to stdout without -o', async () => {
    const io = testIo();
    const result = await exportDecks({ format: 'md', guide: 'oss-ml-platform' }, io);
    const text = renderExport(result, io);
    expect(text).toMatch(/^# coach practice decks\n\n## Trap questions\n\n### Open-Source ML Platform on Kubernetes \(`oss-ml-platform`\)/);
    expect(text).toContain('#### Why not just use Kubeflow?');
    expect(text).toContain('`coach trap oss-ml-platform/why-not-just-use-kubeflow`');
    expect(text).toContain('- **Feature lookup budget:** 50 ms — Usually 15-25 ms in practice');
    expect(text).toContain('| | Kubeflow | Custom OSS |');
    expect(text).toContain('## Trade-offs');
  });
});

describe('the Anki deck', () => {
  it('goes into a "coach" deck, or the one --deck-name names', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'coach-export-deck-')), 'ml.txt');
    const io = testIo();
    expect(await run(['export', 'anki', '--deck', 'traps', '--deck-name', 'Interviews::ML', '-o', file], runtime(io))).toBe(0);
    expect(readAnki(readFileSync(file, 'utf8')).headers['deck']).toBe('Interviews::ML');
    const json = testIo();
    await run(['export', 'anki', '--deck', 'numbers', '--json'], runtime(json));
    const data = JSON.parse(json.out()) as { deckName: string; text: string };
    expect(data.deckName).toBe('coach');
    expect(data.text.split('\n')).toContain('#deck:coach');
  });
});
