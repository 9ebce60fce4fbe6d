// A worker thread that parses part of a large cold index (library.ts), so that
// indexing hundreds of new guides uses a second core.
import { parentPort, workerData } from 'node:worker_threads';
import { loadGuideFile } from './files.js';
import { indexed } from './library.js';

const files = (workerData as { files: string[] }).files;
// Guides go back as JSON text, written here: see Indexed in library.ts.
void Promise.all(files.map(async (f) => indexed(await loadGuideFile(f), true))).then((results) => parentPort!.postMessage(results));
