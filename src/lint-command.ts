/**
 * `eslint-plugin-deepseek lint [paths…]`: ESLint with this plugin's
 * `configs.recommended`, for projects that have no ESLint setup of their own.
 * The user's ESLint config is deliberately not loaded (`overrideConfigFile:
 * true`), files come from the same walker as `migrate` (so node_modules,
 * build output and .gitignore'd paths are skipped, and so are the paths of a
 * `.eslintignore` in the working directory), and the exit code is ESLint's:
 * 0 clean, 1 lint errors or too many warnings, 2 crash or bad usage.
 * Only this plugin's findings are reported: see withOwnFindingsOnly().
 * Every other text file the walk finds (`.env`, JSON, YAML, notebooks, …) is
 * searched for DeepSeek keys instead (src/text-lint.ts), and reported in the
 * same results under `deepseek/no-hardcoded-api-key`.
 * User-facing description: docs/lint.md.
 */
import { ESLint, type Linter, type Rule } from 'eslint';
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { discoverFiles, formatMiB, hasSourceExtension, MAX_SOURCE_BYTES } from '../codemods/files';
import { displayPath } from '../codemods/runner';
import { redactKeysIn } from './deepseek';
import plugin from './index';
import { lintTextFile } from './text-lint';
import { MissingPythonParserError, isPythonFile, loadPythonParser } from './python/parser';
import { lintPythonSource, pythonMayTalkToDeepSeek } from './python/lint';
import type { Progress } from './cli/progress';

export interface LintOptions {
  readonly paths: readonly string[];
  readonly cwd: string;
  readonly format: string;
  /** -1: no limit (ESLint's default). */
  readonly maxWarnings: number;
  readonly progress: Progress;
}

export interface LintOutcome {
  readonly exitCode: 0 | 1;
  /** Formatter output, keys redacted. */
  readonly output: string;
  /** A line for stderr, e.g. "too many warnings". */
  readonly notice?: string;
}

/** Lint in slices so progress can be shown between them. */
const FILES_PER_SLICE = 50;

const JS_FILES = ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'];
const TS_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const TYPESCRIPT_FILE = /\.(?:ts|tsx|mts|cts)$/i;

interface TypeScriptParser {
  parseForESLint(code: string, parserOptions?: unknown): unknown;
}
let loadedTypeScriptParser: TypeScriptParser | undefined;

/**
 * typescript-eslint's parser, an optional peer dependency (with `typescript`, 27 MB that
 * a JavaScript project does not need): loaded on the first TypeScript file, and when it
 * is missing that file stops the run with one line saying what to install.
 */
export function loadTypeScriptParser(forFile: string): TypeScriptParser {
  if (!loadedTypeScriptParser) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      loadedTypeScriptParser = require('@typescript-eslint/parser') as TypeScriptParser;
    } catch (error) {
      if ((error as { code?: string }).code !== 'MODULE_NOT_FOUND') throw error;
      throw new Error(
        `${forFile} is TypeScript, which needs @typescript-eslint/parser: npm install --save-dev @typescript-eslint/parser typescript`,
      );
    }
  }
  return loadedTypeScriptParser;
}

/** Stands in for the TypeScript parser in the config, so building the config loads nothing. */
const lazyTypeScriptParser = {
  meta: { name: 'eslint-plugin-deepseek/typescript-parser' },
  parseForESLint: (code: string, parserOptions?: unknown) => loadTypeScriptParser('a TypeScript file').parseForESLint(code, parserOptions),
} as unknown as Linter.Parser;

export function lintConfig(): Linter.Config[] {
  return [
    {
      name: 'deepseek-cli/javascript',
      files: JS_FILES,
      // React code often keeps JSX in .js files; JSX support breaks no valid plain JS.
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    {
      name: 'deepseek-cli/typescript',
      files: TS_FILES,
      languageOptions: { parser: lazyTypeScriptParser },
    },
    { ...(plugin.configs.recommended as unknown as Linter.Config), files: [...JS_FILES, ...TS_FILES] },
    {
      name: 'deepseek-cli/foreign-directives',
      // Disable comments for rules of the user's own (absent) setup are not our business.
      // (reportUnusedInlineConfigs is already off by default and unknown to ESLint < 9.19.)
      linterOptions: { reportUnusedDisableDirectives: 'off' },
    },
  ];
}

/** The namespace of this plugin's rules in `lintConfig()`. */
const OWN_RULE_PREFIX = 'deepseek/';

function isOwnRule(ruleId: string): boolean {
  return ruleId.startsWith(OWN_RULE_PREFIX);
}

/**
 * A result with ESLint's messages about other plugins' rules left out, and its counts
 * recomputed. A repository's own comments name rules of its own setup
 * (`// eslint-disable-next-line @typescript-eslint/no-explicit-any`); this command does
 * not load them, and ESLint answers each such comment with an error, "Definition for rule
 * '…' was not found". Since `ruleFilter` lets only this plugin's rules run, any message
 * with another rule's ID is one of those (or about an inline config of a rule that does
 * not run here). Messages without a rule ID (parse errors) and `deepseek/*` ones stay,
 * including "not found" for a misspelt `deepseek/…` name in a comment.
 */
export function withOwnFindingsOnly(result: ESLint.LintResult): ESLint.LintResult {
  const messages = result.messages.filter((message) => message.ruleId === null || isOwnRule(message.ruleId));
  if (messages.length === result.messages.length) return result;
  const count = (keep: (message: Linter.LintMessage) => boolean): number => messages.filter(keep).length;
  return {
    ...result,
    messages,
    errorCount: count((message) => message.severity === 2),
    fatalErrorCount: count((message) => message.fatal === true),
    warningCount: count((message) => message.severity === 1),
    fixableErrorCount: count((message) => message.severity === 2 && message.fix !== undefined),
    fixableWarningCount: count((message) => message.severity === 1 && message.fix !== undefined),
  };
}

const ESLINTIGNORE = '.eslintignore';

/**
 * The patterns of `.eslintignore` in the working directory (where ESLint 8 read it), for
 * the walker, which applies them as it applies `.gitignore`: with the `ignore` package,
 * the one ESLint 8 used for this file, so the patterns mean what they meant there. The
 * walker never enters an ignored directory; `includeIgnoreFile()` from `@eslint/compat`
 * would instead make ESLint warn about each ignored file the walker hands it.
 */
function eslintignorePatterns(cwd: string): string[] {
  let text: string;
  try {
    text = readFileSync(path.join(cwd, ESLINTIGNORE), 'utf8');
  } catch {
    return [];
  }
  return text.split(/\r?\n/);
}

/**
 * `new ESLint()` without its ".eslintignore is no longer supported" warning: ESLint 9 and
 * 10 print it whenever the working directory holds the file, whatever the config, and here
 * it would be wrong, since `lint` does read the file (eslintignorePatterns). ESLint keeps
 * the `process.emitWarning` it finds when it is constructed, so its other warnings still
 * go through; the global is put back at once.
 */
export function createESLintWithoutIgnoreFileWarning(options: ESLint.Options): ESLint {
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const typeOrOptions = rest[0] as string | { type?: string } | undefined;
    const type = typeof typeOrOptions === 'string' ? typeOrOptions : typeOrOptions?.type;
    if (type !== 'ESLintIgnoreWarning') (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return new ESLint(options);
  } finally {
    process.emitWarning = emitWarning;
  }
}

/** `lint` walks into every file: JS/TS goes to ESLint, Python to src/python/lint.ts, the rest is searched for keys (src/text-lint.ts). */
function everyFile(): boolean {
  return true;
}

/**
 * Formatters that describe each rule (SARIF) ask `eslint.getRulesMetaForResults()`, which
 * throws for a result ESLint did not make, as the results of text and Python files are.
 * Their rules are this plugin's: their metadata is read from it, the rest asked of ESLint.
 */
function describeOwnResults(eslint: ESLint, ownResults: ReadonlySet<ESLint.LintResult>): void {
  const rulesMetaOf = eslint.getRulesMetaForResults.bind(eslint);
  eslint.getRulesMetaForResults = (results) => {
    const meta: Record<string, Rule.RuleMetaData> = { ...rulesMetaOf(results.filter((result) => !ownResults.has(result))) };
    for (const result of results) {
      if (!ownResults.has(result)) continue;
      for (const message of [...result.messages, ...result.suppressedMessages]) {
        const rule = message.ruleId?.startsWith(OWN_RULE_PREFIX) ? plugin.rules[message.ruleId.slice(OWN_RULE_PREFIX.length) as keyof typeof plugin.rules] : undefined;
        if (rule && message.ruleId) meta[message.ruleId] = rule.meta as unknown as Rule.RuleMetaData;
      }
    }
    return meta;
  };
}

/** A Python file's findings and its keys' (the text search), as one result. */
function withKeysOf(result: ESLint.LintResult, keys: ESLint.LintResult): ESLint.LintResult {
  const messages = [...result.messages, ...keys.messages].sort((a, b) => a.line - b.line || a.column - b.column);
  return {
    ...result,
    messages,
    suppressedMessages: [...result.suppressedMessages, ...keys.suppressedMessages],
    errorCount: result.errorCount + keys.errorCount,
    warningCount: result.warningCount + keys.warningCount,
    fatalErrorCount: result.fatalErrorCount + keys.fatalErrorCount,
  };
}

/**
 * A Python file, linted by src/python/lint.ts (ESLint has no Python parser): its parser, an
 * optional peer, loads with the first file that mentions DeepSeek, and when it is missing
 * that file stops the run with one line saying what to install, as for TypeScript.
 */
async function lintPythonFile(file: string): Promise<ESLint.LintResult | undefined> {
  const text = await fs.readFile(file, 'utf8');
  if (!pythonMayTalkToDeepSeek(text)) return lintPythonSource('', file);
  try {
    await loadPythonParser();
  } catch (error) {
    if (error instanceof MissingPythonParserError) return undefined;
    throw error;
  }
  return lintPythonSource(text, file);
}

export async function runLint(options: LintOptions): Promise<LintOutcome> {
  const eslint = createESLintWithoutIgnoreFileWarning({
    cwd: options.cwd,
    overrideConfigFile: true,
    overrideConfig: lintConfig(),
    // Only this plugin's rules run, even where a comment such as `/* eslint no-console: "error" */` turns on another.
    ruleFilter: ({ ruleId }) => isOwnRule(ruleId),
    errorOnUnmatchedPattern: false,
  });
  // Load the formatter first: a bad --format is a usage error before any work.
  const formatter = await eslint.loadFormatter(options.format);

  const results: ESLint.LintResult[] = [];
  let slice: string[] = [];
  let discovered = 0;
  const lintSlice = async (): Promise<void> => {
    if (slice.length === 0) return;
    for (const linted of await eslint.lintFiles(slice)) {
      const result = withOwnFindingsOnly(linted);
      // Formatters such as `json` print the whole source of files with findings: never ship it.
      delete (result as { source?: string }).source;
      results.push(result);
    }
    slice = [];
    options.progress.update(() => `lint: ${results.length}/${discovered} files`);
  };
  const tooLarge: string[] = [];
  let missingPythonParser: string | undefined;
  const ownResults = new Set<ESLint.LintResult>();
  describeOwnResults(eslint, ownResults);
  const walk = discoverFiles(options.paths, { cwd: options.cwd, ignorePatterns: eslintignorePatterns(options.cwd), includeFile: everyFile });
  for await (const file of walk) {
    if (!hasSourceExtension(file)) {
      const outcome = await lintTextFile(file);
      if (outcome.kind === 'too large') tooLarge.push(displayPath(file, options.cwd));
      if (outcome.kind !== 'linted') continue;
      discovered += 1;
      ownResults.add(outcome.result);
      results.push(outcome.result);
      continue;
    }
    // ESLint needs gigabytes for a multi-megabyte bundle (and can run out of heap): skip it, and say so.
    const size = (await fs.stat(file).catch(() => undefined))?.size ?? 0;
    if (size > MAX_SOURCE_BYTES) {
      tooLarge.push(displayPath(file, options.cwd));
      continue;
    }
    discovered += 1;
    if (isPythonFile(file)) {
      const python = await lintPythonFile(file);
      if (!python) missingPythonParser ??= displayPath(file, options.cwd);
      const keys = await lintTextFile(file);
      const result = python && keys.kind === 'linted' ? withKeysOf(python, keys.result) : (python ?? (keys.kind === 'linted' ? keys.result : lintPythonSource('', file)));
      ownResults.add(result);
      results.push(result);
      continue;
    }
    if (TYPESCRIPT_FILE.test(file)) loadTypeScriptParser(displayPath(file, options.cwd));
    slice.push(file);
    if (slice.length >= FILES_PER_SLICE) await lintSlice();
  }
  await lintSlice();
  options.progress.clear();

  const errorCount = results.reduce((sum, result) => sum + result.errorCount, 0);
  const warningCount = results.reduce((sum, result) => sum + result.warningCount, 0);
  const tooManyWarnings = options.maxWarnings >= 0 && warningCount > options.maxWarnings;
  const output = await formatter.format(
    results,
    tooManyWarnings ? { maxWarningsExceeded: { maxWarnings: options.maxWarnings, foundWarnings: warningCount } } : {},
  );
  const notices = [
    tooLarge.length > 0 &&
      `skipped ${tooLarge.length} file(s) over the ${formatMiB(MAX_SOURCE_BYTES)} limit (minified or generated code?): ` +
        `${tooLarge.slice(0, 3).join(', ')}${tooLarge.length > 3 ? `, and ${tooLarge.length - 3} more` : ''}`,
    errorCount === 0 && tooManyWarnings && `ESLint found too many warnings (maximum: ${options.maxWarnings}).`,
    missingPythonParser !== undefined && `${missingPythonParser}: ${new MissingPythonParserError().message} (Python files got the key search only)`,
  ].filter((notice): notice is string => typeof notice === 'string');
  return {
    exitCode: missingPythonParser !== undefined || errorCount > 0 || tooManyWarnings ? 1 : 0,
    output: redactKeysIn(output),
    notice: notices.length > 0 ? notices.join('\n') : undefined,
  };
}
