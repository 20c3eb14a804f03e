/**
 * Worker thread of the migration pool (codemods/pool.ts): parses, analyses and
 * migrates the sources the main thread hands it, while the main thread goes on
 * reading and gating the rest of the tree. It never touches the file system.
 */
import '../src/compile-cache';
import { parentPort, workerData } from 'node:worker_threads';
import { migrateSource } from './transform';
import { type MigrateJob, type MigrateReply, WORKER_READY, type WorkerSettings } from './pool';

if (!parentPort) throw new Error('codemods/migrate-worker.js runs as a worker thread of the migration pool');
const port = parentPort;
const { retireAboveHeapBytes } = workerData as WorkerSettings;

port.on('message', (job: MigrateJob) => {
  let reply: MigrateReply;
  try {
    const result = migrateSource(job.source, job.filePath, { targetModel: job.targetModel });
    reply = { id: job.id, result };
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    reply = {
      id: job.id,
      error: {
        syntax: error instanceof SyntaxError,
        message: error instanceof Error ? error.message : String(error),
        loc: loc ? { line: loc.line, column: loc.column } : undefined,
      },
    };
  }
  // Past its heap limit the worker asks to be replaced (codemods/pool.ts, RETIRE_ABOVE_HEAP_MB).
  // (`heapTotal` is this thread's heap; `node:v8` would add ~3 ms to the worker's start.)
  port.postMessage(process.memoryUsage().heapTotal > retireAboveHeapBytes ? { ...reply, retire: true } : reply);
});
// The parser and the analysis are loaded (imports above): jobs may come.
port.postMessage(WORKER_READY);
