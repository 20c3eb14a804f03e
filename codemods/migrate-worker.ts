/**
 * Worker thread of the migration pool (codemods/pool.ts): parses, analyses and
 * migrates the sources the main thread hands it, while the main thread goes on
 * reading and gating the rest of the tree. It never touches the file system.
 */
import '../src/compile-cache';
import { parentPort } from 'node:worker_threads';
import { migrateJob } from './migrate-job';
import { type MigrateJob, type MigrateReply, WORKER_READY } from './pool';

if (!parentPort) throw new Error('codemods/migrate-worker.js runs as a worker thread of the migration pool');
const port = parentPort;

port.on('message', (job: MigrateJob) => {
  let reply: MigrateReply;
  try {
    const { output, changed, review, notes } = migrateJob(job);
    reply = { id: job.id, result: job.withOutput ? { output, changed, review, notes } : { changed, review, notes } };
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
  port.postMessage(reply);
});
// The parser and the analysis are loaded (imports above): jobs may come.
port.postMessage(WORKER_READY);
