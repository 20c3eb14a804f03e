/**
 * Child process of scripts/bench.mjs that lints one corpus.
 *
 *   rounds mode: every setup (and secretlint) in ONE process, each in a worker thread of
 *                its own (bench/lint-setup-thread.mjs: its own heap, so each setup pays
 *                for its own garbage), interleaved slice by slice of the files (in the
 *                orders of bench/balanced-orders.mjs) and one thread at a time, wall time
 *                per setup and round summed over its slices; the parent takes medians.
 *                Stats are off here: they wrap every rule listener.
 *                With `statsSetup`, one more pass of that setup with `stats: true` at the end.
 *   single mode: one setup, one pass, `stats: true`: per-rule time and the peak RSS
 *                of a process that only ever ran that setup.
 *
 * Input: the path of a JSON file { mode, projectRoot, distDir, corpusDir, files, setups, rounds, warmupFiles, statsSetup, setup }.
 * Output: one JSON line on stdout.
 */
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { balancedOrders } from './balanced-orders.mjs';
import { ruleTimes, runnerFor } from './lint-runners.mjs';

const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));

/** A setup's thread: `run(files)` resolves to the thread's own timing of that run. */
async function startSetupThread(setup) {
  const worker = new Worker(new URL('./lint-setup-thread.mjs', import.meta.url), { workerData: { job, setup } });
  let pending;
  worker.on('message', (message) => pending?.resolve(message));
  worker.on('error', (error) => pending?.reject(error));
  worker.on('exit', (code) => pending?.reject(new Error(`lint thread of ${setup} exited (code ${code})`)));
  const next = () => new Promise((resolve, reject) => (pending = { resolve, reject }));
  await next(); // { ready: true }
  return {
    run(files) {
      const reply = next();
      worker.postMessage({ files });
      return reply;
    },
    stop: () => worker.terminate(),
  };
}

/**
 * The files in `count` slices (of at least MIN_SLICE_FILES). A round runs every setup on one
 * slice before moving to the next, so the setups compared take turns every second or two
 * instead of every 20 seconds: a burst of load on the shared host then falls on all of them
 * alike rather than on whichever whole pass it hit. Each slice adds ESLint's per-call set-up
 * (~14 ms) to every setup alike: 12 slices pull a ratio of 1.05 toward 1 by under 0.002 on
 * the ~5 s passes of corpus (b), 0.0004 on the ~22 s passes of (a).
 */
const MIN_SLICE_FILES = 5;
function slicesOf(files, count) {
  const size = Math.max(MIN_SLICE_FILES, Math.ceil(files.length / count));
  const slices = [];
  for (let start = 0; start < files.length; start += size) slices.push(files.slice(start, start + size));
  return slices;
}

async function roundsMode() {
  const threads = {};
  // Started one after another: each thread's start-up and warm-up runs alone.
  for (const setup of job.setups) {
    threads[setup] = await startSetupThread(setup);
    // Warm-up: JIT-compile parsers and rules on a slice before any timed pass.
    await threads[setup].run(job.files.slice(0, job.warmupFiles));
  }
  // Slice k runs the setups in order k of a balanced design; a round goes twice through the design.
  const orders = balancedOrders(job.setups.length).map((order) => order.map((index) => job.setups[index]));
  const slices = slicesOf(job.files, 2 * orders.length);
  const samples = Object.fromEntries(job.setups.map((setup) => [setup, []]));
  // sliceSamples[setup][round][slice]: the parent's slice-weighted ratio reads them.
  const sliceSamples = Object.fromEntries(job.setups.map((setup) => [setup, []]));
  let problems = {};
  for (let round = 0; round < job.rounds; round++) {
    const totals = Object.fromEntries(job.setups.map((setup) => [setup, 0]));
    const found = Object.fromEntries(job.setups.map((setup) => [setup, { problems: 0, fatal: 0 }]));
    for (const setup of job.setups) sliceSamples[setup].push([]);
    for (const [index, slice] of slices.entries()) {
      for (const setup of orders[(round + index) % orders.length]) {
        const outcome = await threads[setup].run(slice);
        totals[setup] += outcome.ms;
        sliceSamples[setup][round][index] = outcome.ms;
        found[setup].problems += outcome.problems;
        found[setup].fatal += outcome.fatal;
      }
    }
    for (const setup of job.setups) samples[setup].push(totals[setup]);
    problems = found;
  }
  await Promise.all(Object.values(threads).map((thread) => thread.stop()));
  // Optional: one pass with `stats: true` after the timed rounds (--quick's per-rule times without a child process).
  const stats = job.statsSetup ? await statsPass(job.statsSetup) : undefined;
  return { samples, sliceSamples, problems, stats };
}

async function statsPass(setup) {
  const run = await runnerFor(setup, job, true);
  const start = performance.now();
  const outcome = await run(job.files);
  return { setup, ms: performance.now() - start, problems: outcome.problems, ...ruleTimes(outcome.results) };
}

async function singleMode() {
  const run = await runnerFor(job.setup, job, true);
  const start = performance.now();
  const outcome = await run(job.files);
  const ms = performance.now() - start;
  const times = outcome.results ? ruleTimes(outcome.results) : undefined;
  return { setup: job.setup, ms, maxRssKb: process.resourceUsage().maxRSS, problems: outcome.problems, ...times };
}

const output = job.mode === 'rounds' ? await roundsMode() : await singleMode();
process.stdout.write(`${JSON.stringify(output)}\n`);
