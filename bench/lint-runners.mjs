/**
 * One runner per lint setup: an async function that lints the given files and returns
 * what it found. Used by bench/lint-worker.mjs (single mode, the stats pass) and by
 * bench/lint-setup-thread.mjs (one thread per setup in the timed rounds).
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { createESLint, loadTools } from './lint-configs.mjs';

async function createSecretlint(job) {
  const { createEngine } = await import(pathToFileURL(join(job.projectRoot, 'node_modules', '@secretlint', 'node', 'module', 'index.js')).href);
  return createEngine({
    cwd: job.corpusDir,
    formatter: 'json',
    color: false,
    maskSecrets: true,
    configFileJSON: { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] },
  });
}

/** `job` holds projectRoot, distDir and corpusDir; the runner resolves to { problems, fatal?, results? }. */
export async function runnerFor(setup, job, stats) {
  if (setup === 'secretlint') {
    const engine = await createSecretlint(job);
    return async (files) => {
      const { output } = await engine.executeOnFiles({ filePathList: files });
      return { problems: JSON.parse(output).reduce((sum, result) => sum + result.messages.length, 0) };
    };
  }
  const eslint = createESLint(setup, loadTools(job.projectRoot, job.distDir), job.corpusDir, stats);
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

/** Parse time and per-rule time summed from ESLint's `stats` over the results. */
export function ruleTimes(results) {
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
