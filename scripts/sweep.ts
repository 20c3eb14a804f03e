/**
 * The robustness sweep: every JS/TS file of the project's own node_modules
 * (thousands of files by many authors) through every rule of the plugin and
 * through the migration transform, in memory. Nothing is written.
 *
 *   npm run sweep                     # the whole corpus
 *   npm run sweep -- --sample 300     # a deterministic sample (what `npm test` runs)
 *   npm run sweep -- --json out.json  # the full report as JSON as well
 *
 * Exit 1 on any rule crash, transform crash, false positive (a report in a file
 * that never mentions DeepSeek), or transform output that does not parse, is
 * not idempotent, or changes a file without a legacy model ID.
 * A file that its own parser rejects is counted, not an error of ours.
 * Every report is listed (redacted) for review; reports in DeepSeek's own SDKs
 * can be right (they compare legacy IDs on purpose), anything else is wrong.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import * as typescriptParser from '@typescript-eslint/parser';
import { rules } from '../rules';
import { migrateSource } from '../codemods/transform';
import { LEGACY_MODEL_TEXT_PATTERN, redactKeysIn } from '../src/deepseek';
import { parseProgram } from '../src/parse';

const SOURCE_FILE = /\.(?:[cm]?js|jsx|[cm]?ts|tsx)$/;
const TYPESCRIPT_FILE = /\.(?:[cm]?ts|tsx)$/;
/** A file that never names DeepSeek (a host, an SDK, a model, an env var) cannot talk to it. */
const MENTIONS_DEEPSEEK = /deepseek/i;
/** Files are linted under this made-up folder: ESLint ignores anything under node_modules by default. */
const VIRTUAL_ROOT = path.resolve(path.sep, 'sweep');

export interface SweepOptions {
  /** Folder to sweep (default: this project's node_modules). */
  readonly root?: string;
  /** Only this many files, chosen deterministically (plus every file whose path names DeepSeek). */
  readonly sample?: number;
  /** Called after each file, for progress output. */
  readonly onFile?: (done: number, total: number) => void;
}

export interface RuleReport {
  readonly file: string;
  readonly line: number;
  readonly rule: string;
  readonly message: string;
}

export interface Failure {
  readonly file: string;
  readonly error: string;
}

export interface SweepResult {
  readonly files: number;
  readonly parseFailures: Failure[];
  readonly ruleCrashes: Failure[];
  readonly transformCrashes: Failure[];
  /** Files babel (the codemod's parser) rejects although they hold a legacy ID: left untouched, like the CLI does. */
  readonly transformParseFailures: Failure[];
  readonly reports: RuleReport[];
  readonly reportsPerRule: Record<string, number>;
  /** Reports in files that never mention DeepSeek: such code cannot talk to it, so each one is a false positive. */
  readonly falsePositives: RuleReport[];
  readonly changedFiles: string[];
  /** Changed files that break a transform guarantee (no legacy ID, output does not parse, second pass changes it). */
  readonly transformViolations: Failure[];
  needsReview: number;
}

/** Every source file under `root`, symlinks not followed, sorted for stable output. */
export function listSourceFiles(root: string): string[] {
  const files: string[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) pending.push(full);
      else if (entry.isFile() && SOURCE_FILE.test(entry.name)) files.push(full);
    }
  }
  return files.sort();
}

/** A deterministic sample: the paths with the smallest hashes, plus every path that names DeepSeek. */
export function sampleFiles(files: readonly string[], root: string, count: number): string[] {
  const hashOf = (file: string) => createHash('sha1').update(path.relative(root, file)).digest('hex');
  const byHash = [...files].sort((a, b) => (hashOf(a) < hashOf(b) ? -1 : 1));
  const chosen = new Set(byHash.slice(0, count));
  for (const file of files) if (/deepseek/i.test(path.relative(root, file))) chosen.add(file);
  return [...chosen].sort();
}

const allRulesOn = Object.fromEntries(Object.keys(rules).map((name) => [`deepseek/${name}`, 'error' as const]));
const plugin = { rules } as unknown as NonNullable<Linter.Config['plugins']>[string];

/**
 * The configurations a user might parse this file with, tried in order until
 * one parses: espree as an ES module, as CommonJS, then with JSX;
 * typescript-eslint's parser for TypeScript.
 */
function configsFor(file: string): Linter.Config[] {
  const base: Linter.Config = {
    plugins: { deepseek: plugin },
    rules: allRulesOn,
    // `/* eslint-disable */` in a package must not hide a crash or a report from the sweep.
    linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
  };
  const files = [`**/${path.basename(file)}`];
  if (TYPESCRIPT_FILE.test(file)) {
    const jsx = file.endsWith('.tsx');
    return [{ ...base, files, languageOptions: { parser: typescriptParser, parserOptions: { ecmaFeatures: { jsx } } } }];
  }
  const js = (sourceType: 'module' | 'commonjs', jsx: boolean): Linter.Config => ({
    ...base,
    files,
    languageOptions: { ecmaVersion: 'latest', sourceType, parserOptions: { ecmaFeatures: { jsx } } },
  });
  if (file.endsWith('.jsx')) return [js('module', true), js('commonjs', true)];
  if (file.endsWith('.cjs')) return [js('commonjs', false), js('commonjs', true)];
  return [js('module', false), js('commonjs', false), js('module', true)];
}

function lintFileName(file: string): string {
  return path.join(VIRTUAL_ROOT, path.basename(file));
}

function firstLine(text: string): string {
  return redactKeysIn(text.split('\n')[0]);
}

/** A parser's own complaint (babel sets `reasonCode`/`loc`), as opposed to a bug of ours. */
function isParseError(error: unknown): boolean {
  return error instanceof SyntaxError && ('loc' in error || 'reasonCode' in error);
}

export function runSweep(options: SweepOptions = {}): SweepResult {
  const root = path.resolve(options.root ?? path.join(__dirname, '..', 'node_modules'));
  const all = listSourceFiles(root);
  const files = options.sample === undefined ? all : sampleFiles(all, root, options.sample);
  const linter = new Linter({ configType: 'flat', cwd: VIRTUAL_ROOT });
  const result: SweepResult = {
    files: files.length,
    parseFailures: [],
    ruleCrashes: [],
    transformCrashes: [],
    transformParseFailures: [],
    reports: [],
    reportsPerRule: Object.fromEntries(Object.keys(rules).map((name) => [name, 0])),
    falsePositives: [],
    changedFiles: [],
    transformViolations: [],
    needsReview: 0,
  };

  files.forEach((file, index) => {
    const relative = path.relative(root, file);
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch (error) {
      result.parseFailures.push({ file: relative, error: `unreadable: ${(error as Error).message}` });
      return;
    }
    lintFile(linter, file, relative, source, result);
    migrateFile(file, relative, source, result);
    options.onFile?.(index + 1, files.length);
  });
  return result;
}

function lintFile(linter: Linter, file: string, relative: string, source: string, result: SweepResult): void {
  let parseError: string | undefined;
  for (const config of configsFor(file)) {
    let messages: Linter.LintMessage[];
    try {
      messages = linter.verify(source, [config], lintFileName(file));
    } catch (error) {
      // ESLint rethrows a rule's exception with `Rule: "deepseek/…"` appended.
      const message = (error as Error).message ?? String(error);
      const rule = /Rule: "([^"]+)"/.exec(message)?.[1] ?? 'unknown rule';
      result.ruleCrashes.push({ file: relative, error: `${rule}: ${firstLine(message)}` });
      return;
    }
    const fatal = messages.find((message) => message.fatal);
    if (fatal) {
      parseError ??= `${fatal.line}:${fatal.column} ${firstLine(fatal.message)}`;
      continue;
    }
    for (const message of messages) {
      if (message.message.startsWith('No matching configuration')) throw new Error(`sweep harness: ${message.message}`);
      // Other messages (inline-config notices, other plugins' rules) are not ours.
      if (!message.ruleId?.startsWith('deepseek/')) continue;
      const rule = message.ruleId.slice('deepseek/'.length);
      result.reportsPerRule[rule] = (result.reportsPerRule[rule] ?? 0) + 1;
      const report = { file: relative, line: message.line, rule, message: redactKeysIn(message.message) };
      result.reports.push(report);
      if (!MENTIONS_DEEPSEEK.test(source)) result.falsePositives.push(report);
    }
    return;
  }
  result.parseFailures.push({ file: relative, error: parseError ?? 'no parser accepted the file' });
}

function migrateFile(file: string, relative: string, source: string, result: SweepResult): void {
  let migrated;
  try {
    migrated = migrateSource(source, file);
  } catch (error) {
    if (isParseError(error)) result.transformParseFailures.push({ file: relative, error: firstLine((error as Error).message) });
    else result.transformCrashes.push({ file: relative, error: firstLine((error as Error).stack ?? String(error)) });
    return;
  }
  result.needsReview += migrated.review.length;
  if (!migrated.changed) {
    if (migrated.output !== source) result.transformViolations.push({ file: relative, error: 'output differs but changed=false' });
    return;
  }
  result.changedFiles.push(relative);
  if (!LEGACY_MODEL_TEXT_PATTERN.test(source)) {
    result.transformViolations.push({ file: relative, error: 'changed a file without a legacy model ID' });
  }
  try {
    parseProgram(migrated.output, file);
  } catch (error) {
    result.transformViolations.push({ file: relative, error: `output does not parse: ${firstLine((error as Error).message)}` });
    return;
  }
  try {
    const second = migrateSource(migrated.output, file);
    if (second.changed || second.output !== migrated.output) {
      result.transformViolations.push({ file: relative, error: 'not idempotent: a second pass changes the output' });
    }
  } catch (error) {
    result.transformCrashes.push({ file: relative, error: `second pass: ${firstLine((error as Error).stack ?? String(error))}` });
  }
}

/** True when the sweep found something that must fail the run. */
export function sweepFailed(result: SweepResult): boolean {
  return (
    result.ruleCrashes.length + result.transformCrashes.length + result.transformViolations.length + result.falsePositives.length > 0
  );
}

export function formatSweep(result: SweepResult): string {
  const lines: string[] = [];
  const list = (title: string, failures: readonly Failure[]) => {
    lines.push(`${title}: ${failures.length}`);
    for (const failure of failures) lines.push(`  ${failure.file}: ${failure.error}`);
  };
  lines.push(`files: ${result.files}`);
  list("parse failures (the file's own syntax, not ours)", result.parseFailures);
  list('rule crashes', result.ruleCrashes);
  list('transform crashes', result.transformCrashes);
  lines.push(`transform parse failures (left untouched): ${result.transformParseFailures.length}`);
  lines.push(`reports: ${result.reports.length}`);
  for (const [rule, count] of Object.entries(result.reportsPerRule)) lines.push(`  ${rule}: ${count}`);
  for (const report of result.reports) lines.push(`  ${report.file}:${report.line} ${report.rule}: ${report.message}`);
  lines.push(`false positives (reports in files that never mention DeepSeek): ${result.falsePositives.length}`);
  lines.push(`files the transform would change: ${result.changedFiles.length}`);
  for (const file of result.changedFiles) lines.push(`  ${file}`);
  lines.push(`transform needs-review items: ${result.needsReview}`);
  list('transform violations (no legacy ID / output does not parse / not idempotent)', result.transformViolations);
  return lines.join('\n');
}

function main(argv: readonly string[]): number {
  let sample: number | undefined;
  let jsonPath: string | undefined;
  let root: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--sample') sample = Number(argv[++i]);
    else if (arg === '--json') jsonPath = argv[++i];
    else if (arg === '--root') root = argv[++i];
    else {
      process.stderr.write(`sweep: unknown argument ${arg}\n`);
      return 2;
    }
  }
  if (sample !== undefined && !(Number.isInteger(sample) && sample > 0)) {
    process.stderr.write('sweep: --sample needs a positive integer\n');
    return 2;
  }
  const started = Date.now();
  const result = runSweep({
    root,
    sample,
    onFile: (done, total) => {
      if (process.stderr.isTTY && done % 200 === 0) process.stderr.write(`\r${done}/${total}`);
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\r');
  process.stdout.write(`${formatSweep(result)}\ntime: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  if (jsonPath) writeFileSync(jsonPath, `${JSON.stringify(result, null, 2)}\n`);
  return sweepFailed(result) ? 1 : 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
