// What any coach command must do with a library before it reads a cached byte: walk
// the folders and stat every guide file (its size and time say whether it changed).
// `npm run bench` runs this beside coach as the floor of a large library's cost.
const { readdirSync, statSync } = require('node:fs');

let files = 0;
const visit = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) visit(path);
    else if (/\.(md|markdown)$/i.test(entry.name)) {
      const s = statSync(path, { throwIfNoEntry: false });
      if (s && s.size >= 0 && s.mtimeMs > 0) files++;
    }
  }
};
visit(process.argv[2]);
if (files === 0) process.exitCode = 1;
