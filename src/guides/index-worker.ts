// A worker thread that parses part of a large cold index (library.ts), so that
// indexing hundreds of new guides uses a second core.
import { parentPort, workerData } from 'node:worker_threads';
import { loadGuideFile } from './files.js';

const files = (workerData as { files: string[] }).files;
void Promise.all(files.map((f) => loadGuideFile(f))).then((results) => parentPort!.postMessage(results));
