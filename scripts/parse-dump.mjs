// Writes what the built parser (dist/) makes of every guide under the given folders,
// one JSON file per guide, to compare two builds: `node scripts/parse-dump.mjs OUT DIR...`
// then `diff -r` two OUTs. The clock is stopped, so no file runs over its time budget
// and the output does not depend on the machine's load. Not shipped: a tool for changes
// to the parser that must not change what it makes.
import { readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const { parseGuideBytes } = require('../dist/guides-files.cjs');
const [out, ...dirs] = process.argv.slice(2);
if (!out || dirs.length === 0) throw new Error('usage: node scripts/parse-dump.mjs OUT DIR...');
mkdirSync(out, { recursive: true });
let count = 0;
for (const dir of dirs) {
  const files = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => /\.(md|markdown|txt)$/i.test(f))
    .sort();
  for (const f of files) {
    const path = resolve(dir, f);
    const parsed = parseGuideBytes(readFileSync(path), path, false, () => 0);
    writeFileSync(join(out, `${path.replace(/^\//, '').replaceAll('/', '__')}.json`), `${JSON.stringify(parsed, null, 1)}\n`);
    count++;
  }
}
console.error(`parse-dump: ${count} files to ${out}`);
