#!/usr/bin/env node
/**
 * `npm run bench [-- --quick]`: what the rules cost on top of ESLint and what the
 * codemod costs next to a plain text search, on two corpora made by the project
 * (nothing is downloaded):
 *   (a) a generated 5,000-file TS/JS repo, under 1% of files talking to DeepSeek;
 *   (b) a deterministic sample of the JS/TS files of the project's own node_modules.
 *
 * Timings are wall times from interleaved rounds in one run (lint: setup after setup on
 * each slice of the files, in balanced orders; codemod: tool after tool, the order rotating
 * each round); ratios are medians of per-round ratios, so load drift on a shared machine
 * cancels out. Peak memory comes from one child process per setup.
 *
 * Output: a table for people, then as the LAST line one JSON object.
 * Options: --quick (the same shape in under a minute on a 2-core machine: 400 small
 * generated files, keeping the full corpus' share of DeepSeek files, under 1%, and 60
 * node_modules files; lint on 80 and 30 of them, 3 rounds; see SIZES), --rounds N,
 * --lint-files all|N|N,M (files linted per corpus; default 1,000 and 500),
 * --only lint|codemod, --no-build.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { createRequire } from 'node:module';
import { DEFAULT_LINE_RANGE, generateCorpus } from '../bench/generate-corpus.mjs';
import { buildNodeModulesCorpus } from '../bench/node-modules-corpus.mjs';
import { buildDist } from '../bench/build-dist.mjs';
import { mean, median, pairedRatio, perRoundRatios, round3, sliceWeightedRatio } from '../bench/ratios.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BENCH_DIR = join(ROOT, '.bench');
const DIST = join(BENCH_DIR, 'dist');
const SOURCE = /\.(?:[cm]?js|jsx|[cm]?ts|tsx)$/;

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    rounds: { type: 'string' },
    'lint-files': { type: 'string' },
    only: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
  },
});
const QUICK = flags.quick;
/** Peak RSS and per-rule stats come from one child process per setup, for these setups. */
const ALL_MEMORY_SETUPS = ['core', 'core+deepseek', 'core+no-secrets', 'secretlint'];
/**
 * Lint is the slow half: ESLint with typescript-eslint takes ~22 ms a file here, so
 * linting all 5,000 + 2,000 files in 6 setups × several rounds would take hours on
 * 2 cores. Both modes lint a deterministic sample that keeps every file mentioning
 * DeepSeek (so the plugin's rules do their real work) and spreads the rest evenly
 * over the tree: 1,000 + 500 files, 5 and 13 rounds (about 25 minutes in all), 80 + 30 with --quick.
 * `--lint-files all` lints every file. The codemod always runs on the whole trees.
 *
 * --quick keeps the method (interleaved paired rounds, medians, a fresh process per
 * memory figure) and cuts the volume: 400 small generated files (the full corpus'
 * share of DeepSeek files, under 1%) and 60 node_modules files; peak memory is
 * measured on corpus (a) for core vs core+deepseek only, in two children side by side
 * (RSS does not depend on what the other core runs); corpus (b)'s per-rule times come
 * from one stats pass in its rounds worker; the no-op jscodeshift (2 s a run) runs once.
 */
const SIZES = QUICK
  ? { generated: 400, generatedSmall: 100, generatedLarge: 0, generatedLines: [20, 90], lintGenerated: 80, lintNodeModules: 30, nodeModules: 60, rounds: 5,
      lintRounds: 3, lintRoundsNodeModules: 3, jscodeshiftRounds: 1, warmup: 10, memorySetups: ['core', 'core+deepseek'], nodeModulesMemorySetups: [], parallelMemory: true }
  : { generated: 5000, generatedSmall: 1000, generatedLarge: 20000, generatedLines: DEFAULT_LINE_RANGE, lintGenerated: 1000, lintNodeModules: 500, nodeModules: 2000, rounds: 11,
      lintRounds: 5, lintRoundsNodeModules: 13, jscodeshiftRounds: 3, warmup: 50, memorySetups: ALL_MEMORY_SETUPS, nodeModulesMemorySetups: ALL_MEMORY_SETUPS, parallelMemory: false };
if (flags.rounds) SIZES.rounds = SIZES.lintRounds = SIZES.lintRoundsNodeModules = SIZES.jscodeshiftRounds = Number(flags.rounds);
if (flags['lint-files'] === 'all') SIZES.lintGenerated = SIZES.lintNodeModules = Infinity;
else if (flags['lint-files'] !== undefined) {
  const [generated, nodeModules = generated] = flags['lint-files'].split(',').map(Number);
  if (!(generated > 0 && nodeModules > 0)) throw new Error(`--lint-files expects "all", N or N,M (got '${flags['lint-files']}')`);
  Object.assign(SIZES, { lintGenerated: generated, lintNodeModules: nodeModules });
}

const log = (line) => process.stderr.write(`[${(performance.now() / 1000).toFixed(1)} s] ${line}\n`);
// ---------------------------------------------------------------------------
// Build: the plugin and the CLI, compiled into .bench/dist (never touches dist/);
// skipped when a stamp shows the sources have not changed since (bench/build-dist.mjs)
// ---------------------------------------------------------------------------

function build() {
  if (flags['no-build']) return;
  const started = performance.now();
  if (buildDist(ROOT, DIST)) log(`built .bench/dist in ${Math.round(performance.now() - started)} ms`);
  if (!existsSync(join(DIST, 'src', 'cli.js'))) throw new Error('build failed: .bench/dist/src/cli.js is missing');
}

// ---------------------------------------------------------------------------
// Corpora
// ---------------------------------------------------------------------------

/** The codemod honours .gitignore up to the repository root; a corpus is its own repository. */
function ownRepository(dir) {
  if (!existsSync(join(dir, '.git'))) execFileSync('git', ['init', '-q', dir]);
}

/** A corpus' own `.git` directory, or anything in it. */
function isGitMetadata(entry) {
  return entry.name === '.git' || entry.parentPath.includes(`${'/'}.git`);
}

/** Hard-linked copies of the 20,000-file tree, for migrate's peak memory on 80,000 and 320,000 files. */
const LARGE_TREE_COPIES = [4, 16];

/** `copies` copies of `from` (its .git left out) under `to`, hard-linked where the file system allows; `to` is its own repository. */
function linkedCopies(from, to, copies) {
  const done = join(to, '.complete');
  if (existsSync(done)) return;
  rmSync(to, { recursive: true, force: true });
  for (let copy = 1; copy <= copies; copy++) {
    for (const entry of readdirSync(from, { withFileTypes: true, recursive: true })) {
      if (isGitMetadata(entry)) continue;
      const target = join(to, `copy-${copy}`, entry.parentPath.slice(from.length), entry.name);
      if (entry.isDirectory()) mkdirSync(target, { recursive: true });
      else if (entry.isFile()) {
        mkdirSync(dirname(target), { recursive: true });
        try {
          linkSync(join(entry.parentPath, entry.name), target);
        } catch {
          copyFileSync(join(entry.parentPath, entry.name), target);
        }
      }
    }
  }
  ownRepository(to);
  writeFileSync(done, '');
}

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name) && !isGitMetadata(entry))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function prepareCorpora() {
  mkdirSync(BENCH_DIR, { recursive: true });
  const generatedDir = join(BENCH_DIR, `generated-${SIZES.generated}`);
  const smallDir = join(BENCH_DIR, `generated-${SIZES.generatedSmall}`);
  const nodeModulesDir = join(BENCH_DIR, `node-modules-${SIZES.nodeModules}`);
  log('preparing corpora …');
  const largeDir = join(BENCH_DIR, `generated-${SIZES.generatedLarge}`);
  const generated = generateCorpus(generatedDir, SIZES.generated, undefined, SIZES.generatedLines);
  const small = generateCorpus(smallDir, SIZES.generatedSmall, undefined, SIZES.generatedLines);
  // Only for migrate's peak memory (full mode): is it flat past the size where a worker starts?
  const large = SIZES.generatedLarge > 0 ? generateCorpus(largeDir, SIZES.generatedLarge, undefined, SIZES.generatedLines) : undefined;
  // Directory names the codemod never walks into (dist, build, …) are renamed in the copy, so every tool sees the same files.
  const skippedNames = createRequire(import.meta.url)(join(DIST, 'codemods', 'files.js')).SKIPPED_DIRECTORY_NAMES;
  const nodeModules = buildNodeModulesCorpus(ROOT, nodeModulesDir, SIZES.nodeModules, skippedNames);
  for (const dir of [generatedDir, smallDir, nodeModulesDir, ...(large ? [largeDir] : [])]) ownRepository(dir);
  // And 4 and 16 copies of the 20,000-file tree side by side (hard links: no disk, made once), for 80,000 and 320,000.
  const copies = large
    ? LARGE_TREE_COPIES.map((count) => {
        const dir = join(BENCH_DIR, `generated-${SIZES.generatedLarge}-x${count}`);
        linkedCopies(largeDir, dir, count);
        return { name: `generated-large-x${count}`, dir, files: sourceFiles(dir) };
      })
    : [];
  return {
    generated: { name: 'generated', dir: generatedDir, files: sourceFiles(generatedDir), summary: generated },
    small: { name: 'generated-small', dir: smallDir, files: sourceFiles(smallDir), summary: small },
    large: large && { name: 'generated-large', dir: largeDir, files: sourceFiles(largeDir), summary: large },
    largeCopies: copies,
    nodeModules: { name: 'node_modules', dir: nodeModulesDir, files: sourceFiles(nodeModulesDir), summary: nodeModules },
  };
}

// ---------------------------------------------------------------------------
// Lint
// ---------------------------------------------------------------------------

/** The setups timed in the lint rounds; bench/lint-worker.mjs runs them in balanced orders, slice by slice. */
const TIMED_SETUPS = ['no-rules', 'core', 'core+deepseek', 'core+no-secrets', 'deepseek-only', 'secretlint'];
const execFileAsync = promisify(execFile);
let jobCounter = 0;

async function runLintWorker(job) {
  const jobFile = join(tmpdir(), `deepseek-bench-${process.pid}-${jobCounter++}.json`);
  writeFileSync(jobFile, JSON.stringify({ projectRoot: ROOT, distDir: DIST, ...job }));
  try {
    const { stdout } = await execFileAsync(process.execPath, [join(ROOT, 'bench', 'lint-worker.mjs'), jobFile], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    return JSON.parse(stdout.trim().split('\n').at(-1));
  } finally {
    rmSync(jobFile, { force: true });
  }
}

/**
 * The files linted: all of them when there are no more than wanted, else an evenly
 * spread sample that keeps every file mentioning DeepSeek, so the plugin's rules still
 * do their real work (see SIZES).
 */
function lintSample(files, wanted) {
  if (files.length <= wanted) return files;
  const mentions = new Set(files.filter((file) => /deepseek/i.test(readFileSync(file, 'utf8'))));
  const others = files.filter((file) => !mentions.has(file));
  const slots = Math.max(0, wanted - mentions.size);
  const picked = new Set(mentions);
  for (let i = 0; i < slots; i++) picked.add(others[Math.floor((i * others.length) / slots)]);
  return files.filter((file) => picked.has(file));
}

/** Corpus (b)'s passes take seconds, not tens of seconds: more rounds steady its medians. */
const lintRoundsOf = (corpus) => (corpus.name === 'generated' ? SIZES.lintRounds : SIZES.lintRoundsNodeModules);

async function benchLint(corpus) {
  const files = lintSample(corpus.files, corpus.name === 'generated' ? SIZES.lintGenerated : SIZES.lintNodeModules);
  const memorySetups = corpus.name === 'generated' ? SIZES.memorySetups : SIZES.nodeModulesMemorySetups;
  const lintRounds = lintRoundsOf(corpus);
  log(`lint: ${corpus.name}, ${files.length} files, ${lintRounds} interleaved rounds …`);
  const rounds = await runLintWorker({
    mode: 'rounds',
    corpusDir: corpus.dir,
    files,
    setups: TIMED_SETUPS,
    rounds: lintRounds,
    warmupFiles: SIZES.warmup,
    // Per-rule time without a memory child: one stats pass at the end of the rounds.
    statsSetup: memorySetups.includes('core+deepseek') ? undefined : 'core+deepseek',
  });
  const memory = {};
  const measure = async (setup) => {
    memory[setup] = await runLintWorker({ mode: 'single', corpusDir: corpus.dir, files, setup });
  };
  if (memorySetups.length > 0) {
    log(`lint: ${corpus.name}, peak memory and per-rule time of ${memorySetups.join(', ')}${SIZES.parallelMemory ? ' (side by side)' : ''} …`);
  }
  if (SIZES.parallelMemory) await Promise.all(memorySetups.map(measure));
  else for (const setup of memorySetups) await measure(setup);
  if (rounds.stats) memory[rounds.stats.setup] = rounds.stats;
  return summarizeLint(files, rounds, memory);
}

function summarizeLint(files, rounds, memory) {
  const { samples } = rounds;
  const overheadPerRound = perRoundRatios(samples, 'core+deepseek', 'core');
  const pluginRuleMs = Object.entries(memory['core+deepseek'].perRule)
    .filter(([rule]) => rule.startsWith('deepseek/'))
    .reduce((sum, [, ms]) => sum + ms, 0);
  return {
    files,
    medians: Object.fromEntries(TIMED_SETUPS.map((setup) => [setup, median(samples[setup])])),
    problems: rounds.problems,
    memory,
    ratios: {
      lint_overhead_ratio: round3(median(overheadPerRound)),
      // Its spread, for the record: how far one round's ratio strays on this machine.
      lint_overhead_ratio_per_round: overheadPerRound.map(round3),
      // Beside the median: on a machine whose slow rounds come in bursts, the mean shows what the median may leave out.
      lint_overhead_ratio_mean: round3(mean(overheadPerRound)),
      lint_overhead_ratio_slice_weighted: sliceWeightedRatio(rounds.sliceSamples, 'core+deepseek', 'core'),
      no_secrets_overhead_ratio: pairedRatio(samples, 'core+no-secrets', 'core'),
      secretlint_vs_plugin_ratio: pairedRatio(samples, 'secretlint', 'deepseek-only'),
      plugin_vs_no_rules_ratio: pairedRatio(samples, 'deepseek-only', 'no-rules'),
      core_vs_no_rules_ratio: pairedRatio(samples, 'core', 'no-rules'),
      // Robust to load: the plugin's own rule time (ESLint stats) over the core run's wall time.
      plugin_rule_time_share: round3(pluginRuleMs / memory['core+deepseek'].ms),
    },
  };
}

// ---------------------------------------------------------------------------
// Codemod
// ---------------------------------------------------------------------------

const JSCODESHIFT = join(ROOT, 'node_modules', 'jscodeshift', 'bin', 'jscodeshift.js');
/**
 * Variables that make every Node process of this machine start slower, whatever it
 * runs: NODE_EXTRA_CA_CERTS loads a CA bundle at start-up (~85 ms here, against a
 * ~40 ms bare start), and NODE_OPTIONS may preload anything. They are part of the
 * machine, so the headline ratios keep them; a Node-vs-Node ratio is also reported
 * without them, as the tool's own cost is a larger share there.
 */
const MACHINE_START_UP_VARIABLES = ['NODE_EXTRA_CA_CERTS', 'NODE_OPTIONS'].filter((name) => process.env[name]);
const CLEAN_ENV = Object.fromEntries(Object.entries(process.env).filter(([name]) => !MACHINE_START_UP_VARIABLES.includes(name)));
const CLEAN_ENV_SUFFIX = '-clean-env';
const REPORT_RSS = join(ROOT, 'bench', 'report-rss.cjs');

function codemodCommands(dir) {
  return {
    migrate: [process.execPath, ['--require', REPORT_RSS, join(DIST, 'src', 'cli.js'), 'migrate', '--dry', '.']],
    grep: ['grep', ['-rlE', 'deepseek-(chat|reasoner)', '--include=*.js', '--include=*.jsx', '--include=*.mjs', '--include=*.cjs',
      '--include=*.ts', '--include=*.tsx', '--include=*.mts', '--include=*.cts', '--exclude-dir=.git', '.']],
    'node-scan': [process.execPath, ['--require', REPORT_RSS, join(ROOT, 'bench', 'node-scan.mjs'), '.']],
    'noop-jscodeshift': [process.execPath, ['--require', REPORT_RSS, JSCODESHIFT, '-t', join(ROOT, 'bench', 'noop-transform.cjs'), '--run-in-band',
      '--dry', '--silent', '--parser=tsx', '--extensions=js,jsx,mjs,cjs,ts,tsx,mts,cts', '.']],
    cwd: dir,
  };
}

/** Run one command to completion; wall time includes process start-up (users pay it too). */
function timed(command, args, cwd, env = process.env) {
  const rssFile = join(tmpdir(), `deepseek-bench-rss-${process.pid}`);
  rmSync(rssFile, { force: true });
  const start = performance.now();
  const result = spawnSync(command, args, { cwd, env: { ...env, BENCH_RSS_FILE: rssFile }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (result.error) throw result.error;
  const maxRssKb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : undefined;
  return { ms, status: result.status, stdout: result.stdout.toString(), stderr: result.stderr.toString(), maxRssKb };
}

/**
 * The fast tools (migrate, grep, the Node scan) run in interleaved rounds of their own;
 * the no-op jscodeshift (100× slower: tens of seconds, hundreds of MB) runs after them,
 * on its own: right after it, the next process started measurably slower here (its
 * memory being handed back), which would have charged whichever fast tool came next.
 */
function benchCodemod(corpus) {
  log(`codemod: ${corpus.name}, ${corpus.files.length} files, ${SIZES.rounds} interleaved rounds, then ${SIZES.jscodeshiftRounds} of the no-op jscodeshift …`);
  const commands = codemodCommands(corpus.dir);
  // With variables that slow every Node start on this machine, migrate and the Node scan also run without them.
  const withCleanEnv = MACHINE_START_UP_VARIABLES.length > 0 && !QUICK;
  const fastTools = ['migrate', 'grep', 'node-scan', ...(withCleanEnv ? ['migrate-clean-env', 'node-scan-clean-env'] : [])];
  const tools = [...fastTools, 'noop-jscodeshift'];
  // Sanity: every tool sees the same files, and migrate finds what grep finds.
  const report = JSON.parse(timed(process.execPath, [join(DIST, 'src', 'cli.js'), 'migrate', '--dry', '--json', '.'], corpus.dir).stdout);
  const grepped = timed(...commands.grep, corpus.dir).stdout.trim().split('\n').filter(Boolean).length;
  const samples = Object.fromEntries(tools.map((tool) => [tool, []]));
  const rss = Object.fromEntries(tools.map((tool) => [tool, []]));
  const run = (tool) => {
    const cleanEnv = tool.endsWith(CLEAN_ENV_SUFFIX);
    const command = commands[cleanEnv ? tool.slice(0, -CLEAN_ENV_SUFFIX.length) : tool];
    const result = timed(...command, corpus.dir, cleanEnv ? CLEAN_ENV : process.env);
    if (tool !== 'grep' && result.status !== 0 && !(tool.startsWith('migrate') && result.status === 1)) {
      throw new Error(`${tool} exited ${result.status}: ${result.stderr.split('\n')[0]}`);
    }
    samples[tool].push(result.ms);
    if (result.maxRssKb) rss[tool].push(result.maxRssKb);
  };
  for (let round = 0; round < SIZES.rounds; round++) {
    for (let i = 0; i < fastTools.length; i++) run(fastTools[(i + round) % fastTools.length]);
  }
  for (let round = 0; round < SIZES.jscodeshiftRounds; round++) run('noop-jscodeshift');
  const medians = Object.fromEntries(tools.map((tool) => [tool, median(samples[tool])]));
  return {
    scannedByMigrate: report.counts?.scanned ?? report.summary?.scanned,
    changedByMigrate: report.counts?.changed ?? report.summary?.changed,
    filesWithLegacyId: grepped,
    medians,
    maxRssKb: Object.fromEntries(tools.map((tool) => [tool, rss[tool].length ? Math.max(...rss[tool]) : 0])),
    migrateRssKb: rss.migrate,
    ratios: {
      migrate_vs_grep_ratio: pairedRatio(samples, 'migrate', 'grep'),
      migrate_vs_node_scan_ratio: pairedRatio(samples, 'migrate', 'node-scan'),
      // For the record: the same without this machine's start-up variables (null when it has none, and with --quick).
      migrate_vs_node_scan_ratio_clean_env: samples['migrate-clean-env'] ? pairedRatio(samples, 'migrate-clean-env', 'node-scan-clean-env') : null,
      // Not paired (separate phase): a ratio of medians.
      migrate_vs_noop_jscodeshift_ratio: round3(medians.migrate / medians['noop-jscodeshift']),
    },
  };
}

/**
 * Peak RSS of `migrate --dry` on the small, the full and (full mode) a 20,000-file generated tree and
 * 4 and 16 copies of it (80,000 and 320,000 files): flat means it streams.
 * --quick reuses the full tree's runs from the timed rounds (the same command on the same tree).
 */
function migrateMemory(small, full, fullRunsKb, large, largeCopies) {
  const peak = (corpus) => {
    const runs = [];
    for (let i = 0; i < Math.max(2, Math.min(3, SIZES.rounds)); i++) runs.push(timed(...codemodCommands(corpus.dir).migrate, corpus.dir).maxRssKb);
    return median(runs);
  };
  const smallKb = peak(small);
  const fullKb = QUICK && fullRunsKb.length > 0 ? median(fullRunsKb) : peak(full);
  const memory = { small_files: small.files.length, small_kb: smallKb, large_files: full.files.length, large_kb: fullKb, ratio: round3(fullKb / smallKb) };
  if (!large) return memory;
  // All past the size where a worker thread starts (the 1,000-file tree migrates in-thread).
  const largeKb = peak(large);
  const [copiesKb, moreCopiesKb] = largeCopies.map(peak);
  return {
    ...memory,
    xl_files: large.files.length,
    xl_kb: largeKb,
    ratio_large_to_xl: round3(largeKb / fullKb),
    xxl_files: largeCopies[0].files.length,
    xxl_kb: copiesKb,
    ratio_xl_to_xxl: round3(copiesKb / largeKb),
    xxxl_files: largeCopies[1].files.length,
    xxxl_kb: moreCopiesKb,
    ratio_xxl_to_xxxl: round3(moreCopiesKb / copiesKb),
    // 5,000 → 320,000 files, both with a worker thread.
    ratio_large_to_xxxl: round3(moreCopiesKb / fullKb),
  };
}

// ---------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------

const ms = (value) => `${Math.round(value).toLocaleString('en-US')} ms`;
const mb = (kb) => (kb ? `${(kb / 1024).toFixed(0)} MB` : '–');

function table(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  return rows.map((row) => row.map((cell, column) => String(cell).padEnd(widths[column])).join('  ')).join('\n');
}

function printLint(corpus, result) {
  const sample = result.files.length < corpus.files.length ? `${result.files.length} of ${corpus.files.length} files, all that mention DeepSeek` : `${result.files.length} files`;
  console.log(`\nLint — ${corpus.name} (${sample}), median of ${lintRoundsOf(corpus)} interleaved rounds`);
  const rows = [['setup', 'wall (median)', 'peak RSS', 'problems']];
  for (const setup of TIMED_SETUPS) {
    rows.push([setup, ms(result.medians[setup]), mb(result.memory[setup]?.maxRssKb), result.problems[setup]?.problems ?? '']);
  }
  console.log(table(rows));
  const perRule = Object.entries(result.memory['core+deepseek'].perRule).filter(([rule]) => rule.startsWith('deepseek/'));
  const noSecrets = Object.entries(result.memory['core+no-secrets']?.perRule ?? {}).filter(([rule]) => rule.startsWith('no-secrets/'));
  console.log(table([['rule (stats: true, one pass)', 'time'], ...[...perRule, ...noSecrets].map(([rule, time]) => [rule, `${time.toFixed(1)} ms`])]));
  console.log(table(Object.entries(result.ratios).map(([key, value]) => [key, Array.isArray(value) ? value.join(' ') : value])));
  const unmeasured = ALL_MEMORY_SETUPS.filter((setup) => !result.memory[setup]?.maxRssKb);
  if (unmeasured.length > 0) console.log(`(--quick: no peak RSS for ${unmeasured.join(', ')}; the full run measures them)`);
}

function printCodemod(corpus, result) {
  console.log(`\nCodemod — ${corpus.name} (${corpus.files.length} files, ${result.filesWithLegacyId} with a legacy ID), median of ${SIZES.rounds} interleaved rounds (no-op jscodeshift: ${SIZES.jscodeshiftRounds} runs after them)`);
  console.log(`migrate --dry scanned ${result.scannedByMigrate} files, would change ${result.changedByMigrate}`);
  const rows = [['tool', 'wall (median)', 'peak RSS']];
  for (const tool of Object.keys(result.medians)) rows.push([tool, ms(result.medians[tool]), mb(result.maxRssKb[tool])]);
  if ('migrate-clean-env' in result.medians) console.log(`(${CLEAN_ENV_SUFFIX}: without ${MACHINE_START_UP_VARIABLES.join(', ')}, set on this machine)`);
  console.log(table(rows));
  console.log(table(Object.entries(result.ratios).map(([key, value]) => [key, value])));
}

const started = performance.now();
build();
const corpora = prepareCorpora();
const machine = { nproc: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version, quick: QUICK };
console.log(`eslint-plugin-deepseek benchmarks — ${machine.nproc} × ${machine.cpu}, Node ${machine.node}${QUICK ? ' (--quick)' : ''}`);
console.log(`corpus (a) generated: ${corpora.generated.files.length} files, ${corpora.generated.summary.deepseekFiles} mention DeepSeek, ${corpora.generated.summary.legacyFiles} with a legacy ID, ~${corpora.generated.summary.averageLines} lines/file`);
console.log(`corpus (b) node_modules sample: ${corpora.nodeModules.files.length} of ${corpora.nodeModules.summary.candidates} candidate files (no .d.ts, none above ${corpora.nodeModules.summary.skippedAboveBytes.maxBytes / 1024} KB: ${corpora.nodeModules.summary.skippedAboveBytes.count} skipped, no *.min.js)`);

const output = { ...machine };
const nested = { files: corpora.nodeModules.files.length };
output.files = corpora.generated.files.length;

if (flags.only !== 'codemod') {
  const lintA = await benchLint(corpora.generated);
  printLint(corpora.generated, lintA);
  const lintB = await benchLint(corpora.nodeModules);
  printLint(corpora.nodeModules, lintB);
  Object.assign(output, lintA.ratios);
  Object.assign(nested, lintB.ratios);
  output.lint_files = lintA.files.length;
  nested.lint_files = lintB.files.length;
  // Same keys in both modes; null where --quick does not measure.
  output.lint_peak_rss_mb = Object.fromEntries(ALL_MEMORY_SETUPS.map((setup) => [setup, lintA.memory[setup] ? Math.round(lintA.memory[setup].maxRssKb / 1024) : null]));
}
if (flags.only !== 'lint') {
  const codemodA = benchCodemod(corpora.generated);
  printCodemod(corpora.generated, codemodA);
  const codemodB = benchCodemod(corpora.nodeModules);
  printCodemod(corpora.nodeModules, codemodB);
  const memory = migrateMemory(corpora.small, corpora.generated, codemodA.migrateRssKb, corpora.large, corpora.largeCopies);
  console.log(`\nmigrate --dry peak RSS: ${table(Object.entries(memory).map(([key, value]) => [key, value]))}`);
  Object.assign(output, codemodA.ratios, { migrate_peak_rss: memory });
  Object.assign(nested, codemodB.ratios);
}
output.node_modules = nested;
output.seconds = Math.round((performance.now() - started) / 1000);
console.log(JSON.stringify(output));
