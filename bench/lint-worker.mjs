/**
 * Child process of scripts/bench.mjs that lints one corpus.
 *
 *   rounds mode: every setup (and secretlint) in ONE process, interleaved slice by
 *                slice of the files (in the orders of bench/balanced-orders.mjs), wall
 *                time per setup and round summed over its slices; the parent takes medians.
 *                Stats are off here: they wrap every rule listener.
 *                With `statsSetup`, one more pass of that setup with `stats: true` at the end.
 *   single mode: one setup, one pass, `stats: true`: per-rule time and the peak RSS
 *                of a process that only ever ran that setup.
 *
 * Input: the path of a JSON file { mode, projectRoot, distDir, corpusDir, files, setups, rounds, warmupFiles, statsSetup, setup }.
 * Output: one JSON line on stdout.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { createESLint, loadTools } from './lint-configs.mjs';
import { balancedOrders } from './balanced-orders.mjs';

const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const tools = loadTools(job.projectRoot, job.distDir);

async function createSecretlint() {
  const { createEngine } = await import(pathToFileURL(join(job.projectRoot, 'node_modules', '@secretlint', 'node', 'module', 'index.js')).href);
  return createEngine({
    cwd: job.corpusDir,
    formatter: 'json',
    color: false,
    maskSecrets: true,
    configFileJSON: { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] },
  });
}

/** One runner per setup: a function that processes the given files and returns a problem count. */
async function runnerFor(setup, stats) {
  if (setup === 'secretlint') {
    const engine = await createSecretlint();
    return async (files) => {
      const { output } = await engine.executeOnFiles({ filePathList: files });
      return { problems: JSON.parse(output).reduce((sum, result) => sum + result.messages.length, 0) };
    };
  }
  const eslint = createESLint(setup, tools, job.corpusDir, stats);
  return async (files) => {
    const results = await eslint.lintFiles(files);
    let problems = 0;
    let fatal = 0;
    for (const result of results) {
      problems += result.messages.length;
      fatal += result.fatalErrorCount;
    }
    return { problems, fatal, results };
  };
}

function ruleTimes(results) {
  const perRule = {};
  let parse = 0;
  for (const result of results) {
    const times = result.stats?.times;
    if (!times) continue;
    for (const pass of times.passes) {
      parse += pass.parse?.total ?? 0;
      for (const [rule, { total }] of Object.entries(pass.rules ?? {})) perRule[rule] = (perRule[rule] ?? 0) + total;
    }
  }
  return { parse, perRule };
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
  const runners = {};
  for (const setup of job.setups) runners[setup] = await runnerFor(setup, false);
  // Warm-up: JIT-compile parsers and rules on a slice before any timed pass.
  const warmup = job.files.slice(0, job.warmupFiles);
  for (const setup of job.setups) await runners[setup](warmup);
  // Slice k runs the setups in order k of a balanced design; a round goes twice through the design.
  const orders = balancedOrders(job.setups.length).map((order) => order.map((index) => job.setups[index]));
  const slices = slicesOf(job.files, 2 * orders.length);
  const samples = Object.fromEntries(job.setups.map((setup) => [setup, []]));
  let problems = {};
  for (let round = 0; round < job.rounds; round++) {
    const totals = Object.fromEntries(job.setups.map((setup) => [setup, 0]));
    const found = Object.fromEntries(job.setups.map((setup) => [setup, { problems: 0, fatal: 0 }]));
    for (const [index, slice] of slices.entries()) {
      for (const setup of orders[(round + index) % orders.length]) {
        const start = performance.now();
        const outcome = await runners[setup](slice);
        totals[setup] += performance.now() - start;
        found[setup].problems += outcome.problems;
        found[setup].fatal += outcome.fatal ?? 0;
      }
    }
    for (const setup of job.setups) samples[setup].push(totals[setup]);
    problems = found;
  }
  // Optional: one pass with `stats: true` after the timed rounds (--quick's per-rule times without a child process).
  const stats = job.statsSetup ? await statsPass(job.statsSetup) : undefined;
  return { samples, problems, stats };
}

async function statsPass(setup) {
  const run = await runnerFor(setup, true);
  const start = performance.now();
  const outcome = await run(job.files);
  return { setup, ms: performance.now() - start, problems: outcome.problems, ...ruleTimes(outcome.results) };
}

async function singleMode() {
  const run = await runnerFor(job.setup, true);
  const start = performance.now();
  const outcome = await run(job.files);
  const ms = performance.now() - start;
  const times = outcome.results ? ruleTimes(outcome.results) : undefined;
  return { setup: job.setup, ms, maxRssKb: process.resourceUsage().maxRSS, problems: outcome.problems, ...times };
}

const output = job.mode === 'rounds' ? await roundsMode() : await singleMode();
process.stdout.write(`${JSON.stringify(output)}\n`);
