/**
 * A worker thread of bench/lint-worker.mjs that runs ONE lint setup, on the files the
 * parent names, one message at a time, and times each run itself.
 *
 * Why a thread per setup: each thread is its own V8 isolate with its own heap, so the
 * garbage a setup makes is collected in its own time, as in a user's one-config ESLint
 * process. In one shared heap, a collection falls on whichever setup happens to be
 * running when the heap fills: with GC ~20% of ESLint's time, the collections inside one
 * round's slices differed by up to 280 ms of ~5 s between setups (a `gc`
 * PerformanceObserver). This makes each setup's time its own; it does not make rounds
 * steadier (two identical setups: 5.5% spread per round this way, 5.8% in one heap).
 *
 * workerData: { job, setup }. Message in: { files }. Message out: { ms, problems, fatal }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { runnerFor } from './lint-runners.mjs';

const run = await runnerFor(workerData.setup, workerData.job, false);
parentPort.on('message', async ({ files }) => {
  const start = performance.now();
  const outcome = await run(files);
  const ms = performance.now() - start;
  parentPort.postMessage({ ms, problems: outcome.problems, fatal: outcome.fatal ?? 0 });
});
parentPort.postMessage({ ready: true });
