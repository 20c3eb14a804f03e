#!/usr/bin/env node
/**
 * `npm run demo`: the plugin's main job on the bundled example app.
 *
 * 1. Lint examples/app with the BUILT plugin's `configs.recommended` through
 *    ESLint's Node API (no ESLint config file involved) and print the findings
 *    with the stylish formatter.
 * 2. Print the migration diff for the same app as a dry run.
 *
 * The example is never modified: ESLint runs without fixes, the migration
 * runs with --dry, and the files are compared before and after.
 * Exit 0 when the demo ran (findings are the point); 1 when it could not.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLE_DIR = 'examples/app';
const CLI = join(ROOT, 'dist', 'src', 'cli.js');

/** The built plugin, resolved through package.json `exports` as users' configs resolve it. */
function loadBuiltPlugin() {
  if (!existsSync(join(ROOT, 'dist', 'src', 'index.js'))) {
    throw new Error('the plugin is not built (dist/src/index.js is missing): run `npm run demo`, which builds first');
  }
  return createRequire(import.meta.url)('eslint-plugin-deepseek');
}

function heading(text) {
  process.stdout.write(`\n=== ${text} ===\n`);
}

/** Path → sha256 of every file under the example, to prove nothing was written. */
function snapshot(dir) {
  const hashes = new Map();
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    hashes.set(relative(ROOT, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
  }
  return hashes;
}

async function lintExample() {
  const deepseek = loadBuiltPlugin();
  heading(`eslint with deepseek.configs.recommended on ${EXAMPLE_DIR}`);
  const eslint = new ESLint({
    cwd: ROOT,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.{ts,mts,cts,tsx}'], languageOptions: { parser: tseslint.parser } },
      deepseek.configs.recommended,
    ],
  });
  const results = await eslint.lintFiles([EXAMPLE_DIR]);
  const formatter = await eslint.loadFormatter('stylish');
  process.stdout.write(await formatter.format(results));

  const fatal = results.flatMap((result) => result.messages.filter((message) => message.fatal));
  const findings = results.reduce((sum, result) => sum + result.messages.length, 0);
  if (fatal.length > 0) throw new Error(`ESLint could not parse ${fatal.length} example file(s)`);
  if (findings === 0) throw new Error('no findings: the example app is meant to contain every mistake');
  process.stdout.write(`${findings} finding(s) in ${results.filter((r) => r.messages.length > 0).length} of ${results.length} file(s): expected, the example is wrong on purpose.\n`);
}

function printMigrationDiff() {
  heading(`eslint-plugin-deepseek migrate --print --dry ${EXAMPLE_DIR}`);
  if (!existsSync(CLI)) {
    process.stdout.write('(the migrate command is not built yet: dist/src/cli.js is missing, so no migration diff)\n');
    return;
  }
  const run = spawnSync(process.execPath, [CLI, 'migrate', '--print', '--dry', EXAMPLE_DIR], { cwd: ROOT, stdio: 'inherit' });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`migrate --dry exited with ${run.status ?? run.signal}`);
}

const before = snapshot(EXAMPLE_DIR);
try {
  await lintExample();
  printMigrationDiff();
  const after = snapshot(EXAMPLE_DIR);
  const touched = [...new Set([...before.keys(), ...after.keys()])].filter((path) => before.get(path) !== after.get(path));
  if (touched.length > 0) throw new Error(`the demo modified the example: ${touched.join(', ')}`);
  process.stdout.write('\nDemo done. The example app is unchanged.\n');
} catch (error) {
  process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
