// A worker thread that parses part of a large cold index (library.ts), so that
// indexing hundreds of new guides uses a second core. It writes the cache entries of
// the guides it parses, as the main thread writes those of its own part.
import { parentPort, workerData } from 'node:worker_threads';
import { loadGuideFile } from './files.js';
import { type EntryCache, indexed, storeEntry } from './library.js';

const { files, cache } = workerData as { files: string[]; cache?: EntryCache };
// Guides go back as JSON text, written here: see Indexed in library.ts.
void Promise.all(
  files.map(async (f, i) => {
    const p = indexed(await loadGuideFile(f), true);
    if (cache) storeEntry(cache, f, cache.stamps[i], p);
    return p;
  }),
).then((results) => parentPort!.postMessage(results));
