// dist/coach.cjs, what bin/coach runs. It finds coach's cache folder, then runs
// main.ts's bundle with V8's compiled code of an earlier run (code-cache.ts); every
// bundle main loads after it (the command's, the renderer's, the parser's) goes the
// same way. Compiling coach's own code was about 15 ms of `coach card latency` on
// Node 20 and 9 ms on Node 24, whose own compile cache keeps only the code compiled
// when a file loads, not the functions compiled as they first run.
// Without a cache folder, or when the cached load cannot start, main loads as usual.
import { coachFolders } from './folders.js';
import { loadBundle } from './guides/code-cache.js';

void coachFolders()
  .then(
    (folders) => loadBundle('main', folders.cache),
    () => undefined, // no home folder: said by the command that needs one
  )
  .then((main) => main ?? import('./main.js'));
