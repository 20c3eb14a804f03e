#!/usr/bin/env node
/**
 * The `eslint-plugin-deepseek` command: `migrate` (the V4 model migration),
 * `lint` (the plugin's recommended rules without an ESLint setup) and `doctor`
 * (why a key gets a 401: local checks, then `/models` and `/user/balance`).
 *
 * Exit codes: 0 success; 1 a file failed, `migrate --check` found a retired ID still sent,
 * lint errors, or a `doctor` check failed; 2 bad usage (unknown flag or subcommand, missing path, bad
 * value, dirty git tree without --force) or a crash; 130 interrupted (SIGINT).
 * Every line printed goes through redactKeysIn: no full key ever leaves.
 */
import './compile-cache';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { assertPathsExist, formatMiB, MAX_SOURCE_BYTES, MissingPathError } from '../codemods/files';
import { checkFails, humanSummary, jsonReport, type RunMode } from '../codemods/report';
import { runMigration } from '../codemods/runner';
import { createProgress } from './cli/progress';
import { API_KEY_ENV_VAR, API_ORIGIN, CURRENT_MODEL_IDS, type CurrentModelId, DEFAULT_TARGET_MODEL, redactKeysIn } from './deepseek';
import { PACKAGE_NAME, PACKAGE_VERSION } from './package-info';
import { ALLOW_KEY_MARKER } from './text-scan';

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;
const EXIT_INTERRUPTED = 130;

/** A one-line message for the user and exit code 2. */
class UsageError extends Error {}

const MAIN_HELP = `Usage: ${PACKAGE_NAME} <command> [options] [paths...]

Commands:
  migrate [paths...]   Rewrite retired DeepSeek model IDs (deepseek-chat, deepseek-reasoner)
                       to a V4 model with an explicit thinking flag.
  lint [paths...]      Run the plugin's recommended rules without an ESLint config, and
                       search every other text file (.env, JSON, YAML, notebooks, ...) for keys.
  doctor [paths...]    Check the DeepSeek key (locally, then GET /models and /user/balance)
                       and whether the API serves the model IDs the project uses.

Options:
  -h, --help           Show help (also: <command> --help)
  -v, --version        Show the version

Run '${PACKAGE_NAME} <command> --help' for the options of a command.
`;

const MIGRATE_HELP = `Usage: ${PACKAGE_NAME} migrate [options] [paths...]

Migrates .js .jsx .mjs .cjs .ts .tsx .mts .cts files under the paths (default: .).
Skips node_modules, build output (dist, build, out, .next, coverage, ...) and .gitignore'd
files git does not track; the summary counts what .gitignore and --ignore-pattern left out.

Options:
  --dry                   Write nothing; report what would change
  --print                 Print a unified diff of each change to stdout (still writes unless --dry)
  --check                 Write nothing; exit 1 while a retired ID is still sent: a file would
                          change, or a review item blocks (for CI and pre-commit)
  --json                  Print one JSON report to stdout
  --target-model <id>     ${CURRENT_MODEL_IDS.join(' | ')} (default: ${DEFAULT_TARGET_MODEL})
  --ignore-pattern <pat>  Skip paths matching a gitignore-style pattern (repeatable)
  --force                 Write even when the git working tree has uncommitted changes
  -h, --help              Show this help

Exit codes: 0 done, 1 a file failed (or --check found a retired ID still sent), 2 bad usage, 130 interrupted.
`;

const LINT_HELP = `Usage: ${PACKAGE_NAME} lint [options] [paths...]

Runs ESLint with ${PACKAGE_NAME}'s recommended config on the JS/TS files under the
paths (default: .), ignoring any ESLint config of the project, and searches every
other text file (.env, JSON, YAML, TOML, shell, Python, Markdown, notebooks, ...)
for DeepSeek keys, reported as deepseek/no-hardcoded-api-key. Skips the same
directories and .gitignore'd files as migrate, those a ./.eslintignore lists,
binary files and files over ${formatMiB(MAX_SOURCE_BYTES)}. Reports only ${PACKAGE_NAME}'s
findings: comments that name other plugins' rules are not errors. In a text
file, '${ALLOW_KEY_MARKER} -- <reason>' on the line of a key suppresses it.

Options:
  -f, --format <name>     ESLint formatter (default: stylish; e.g. json, @microsoft/eslint-formatter-sarif)
  --max-warnings <n>      Exit 1 when there are more than n warnings
  -h, --help              Show this help

Exit codes (ESLint's): 0 clean, 1 lint errors or too many warnings, 2 crash or bad usage.
`;

const DEFAULT_TIMEOUT_SECONDS = 10;
const MAX_TIMEOUT_SECONDS = 600;
/** What a shell accepts as a variable name. */
const ENV_VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const DOCTOR_HELP = `Usage: ${PACKAGE_NAME} doctor [options] [paths...]

Checks the DeepSeek API key in an environment variable, then asks the API about it:
  1. locally, sending nothing: not set, empty, whitespace or a line break, "Bearer "
     or quotes in the value, not the shape of a DeepSeek key (sk- and 32 hex characters);
  2. GET <base>/models and GET <base>/user/balance with "Authorization: Bearer <key>",
     each answer explained (401 bad key, 402 no balance, 403 restricted, 404 wrong URL,
     429 concurrency, 5xx server, timeout, DNS, TLS, refused); redirects are not followed;
  3. the model IDs the project sends (found as migrate finds them, under the paths,
     default: .) against the list /models returns; retired IDs point at migrate.
The key is never printed beyond sk-… and its last 4 characters.

Options:
  --env-var <name>        The variable holding the key (default: ${API_KEY_ENV_VAR})
  --base-url <url>        The API or a proxy of it (default: ${API_ORIGIN}); https, or http on localhost
  --timeout <seconds>     Deadline of each request (default: ${DEFAULT_TIMEOUT_SECONDS})
  --json                  Print one JSON report to stdout
  -h, --help              Show this help

Exit codes: 0 all checks passed, 1 a check failed, 2 bad usage.
`;

const MIGRATE_OPTIONS = {
  dry: { type: 'boolean' },
  print: { type: 'boolean' },
  check: { type: 'boolean' },
  json: { type: 'boolean' },
  'target-model': { type: 'string' },
  'ignore-pattern': { type: 'string', multiple: true },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

const LINT_OPTIONS = {
  format: { type: 'string', short: 'f' },
  'max-warnings': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

const DOCTOR_OPTIONS = {
  'env-var': { type: 'string' },
  'base-url': { type: 'string' },
  timeout: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

function print(stream: NodeJS.WriteStream, text: string): void {
  stream.write(redactKeysIn(text));
}

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const flag = /'([^']+)'/.exec(message)?.[1] ?? message;
      throw new UsageError(`unknown option '${flag}' (see --help)`);
    }
    // Node's messages are long; the first sentence says what is wrong.
    throw new UsageError(message.split(/\n|(?<=\.) /)[0] ?? message);
  }
}

async function migrateCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, MIGRATE_OPTIONS);
  if (values.help) {
    print(process.stdout, MIGRATE_HELP);
    return EXIT_OK;
  }
  const targetModel = (values['target-model'] ?? DEFAULT_TARGET_MODEL) as CurrentModelId;
  if (!(CURRENT_MODEL_IDS as readonly string[]).includes(targetModel)) {
    throw new UsageError(`unknown --target-model '${targetModel}' (expected one of: ${CURRENT_MODEL_IDS.join(', ')})`);
  }
  const paths = positionals.length > 0 ? positionals : ['.'];
  const cwd = process.cwd();
  await assertPathsExist(paths, cwd);

  const mode: RunMode = values.check ? 'check' : values.dry ? 'dry' : 'write';
  if (mode === 'write' && !values.force) {
    // Loaded here: only a writing run asks git (a dry run skips child_process' start-up).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { uncommittedChanges } = require('../codemods/git') as typeof import('../codemods/git');
    const dirty = uncommittedChanges(paths, cwd);
    if (dirty.length > 0) {
      throw new UsageError(
        `refusing to write: ${dirty.length} uncommitted change(s) in git (e.g. ${dirty[0]}); ` +
          'commit or stash them, preview with --dry, or pass --force',
      );
    }
  }

  const json = values.json === true;
  const showDiffs = values.print === true;
  const progress = createProgress(!json);
  let stopRequested = false;
  const onInterrupt = (): void => {
    // A second Ctrl-C stops at once; atomic writes still leave each file old or new.
    if (stopRequested) process.exit(EXIT_INTERRUPTED);
    stopRequested = true;
  };
  process.on('SIGINT', onInterrupt);

  let result;
  try {
    result = await runMigration({
      paths,
      cwd,
      ignorePatterns: values['ignore-pattern'],
      targetModel,
      write: mode === 'write',
      diffs: showDiffs,
      retainDiffs: json,
      shouldStop: () => stopRequested,
      onFile(outcome, counts) {
        if (showDiffs && !json && outcome.diff) {
          progress.clear();
          print(process.stdout, outcome.diff);
        }
        progress.update(() => `migrate: ${counts.scanned} scanned, ${counts.changed} changed, ${counts.failed} failed`);
      },
    });
  } finally {
    process.off('SIGINT', onInterrupt);
    progress.clear();
  }

  if (json) print(process.stdout, `${JSON.stringify(jsonReport(result, mode, targetModel), null, 2)}\n`);
  // stdout carries the JSON report or the patch: keep the human summary out of it.
  print(json || showDiffs ? process.stderr : process.stdout, humanSummary(result, mode));

  if (result.interrupted) return EXIT_INTERRUPTED;
  if (result.counts.failed > 0) return EXIT_FAILED;
  if (mode === 'check' && checkFails(result)) return EXIT_FAILED;
  return EXIT_OK;
}

async function lintCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, LINT_OPTIONS);
  if (values.help) {
    print(process.stdout, LINT_HELP);
    return EXIT_OK;
  }
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    // As in ESLint, -1 means no limit.
    if (!/^(?:\d+|-1)$/.test(values['max-warnings'])) {
      throw new UsageError(`--max-warnings expects an integer >= -1, got '${values['max-warnings']}'`);
    }
    maxWarnings = Number(values['max-warnings']);
  }
  const paths = positionals.length > 0 ? positionals : ['.'];
  const cwd = process.cwd();
  await assertPathsExist(paths, cwd);

  // Loaded lazily: `migrate` should not pay for ESLint and the TypeScript parser.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { runLint } = require('./lint-command') as typeof import('./lint-command');
  let outcome;
  try {
    outcome = await runLint({ paths, cwd, format: values.format ?? 'stylish', maxWarnings, progress: createProgress(true) });
  } catch (error) {
    // ESLint's own failures (a formatter that cannot load, a crash) are exit 2, as with eslint itself.
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0] : String(error));
  }
  print(process.stdout, outcome.output.endsWith('\n') || outcome.output === '' ? outcome.output : `${outcome.output}\n`);
  if (outcome.notice) print(process.stderr, `${outcome.notice}\n`);
  return outcome.exitCode;
}

async function doctorCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, DOCTOR_OPTIONS);
  if (values.help) {
    print(process.stdout, DOCTOR_HELP);
    return EXIT_OK;
  }
  const envVar = values['env-var'] ?? API_KEY_ENV_VAR;
  if (!ENV_VAR_NAME.test(envVar)) throw new UsageError(`--env-var expects a variable name such as ${API_KEY_ENV_VAR}, got '${envVar}'`);
  // Loaded here: the project scan brings the parser and the analysis, which `migrate` loads only when needed.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parseBaseUrl, runDoctor } = require('./doctor/run') as typeof import('./doctor/run');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { humanReport, jsonReport: doctorJsonReport } = require('./doctor/report') as typeof import('./doctor/report');
  const baseUrl = parseBaseUrl(values['base-url'] ?? API_ORIGIN);
  if ('error' in baseUrl) throw new UsageError(baseUrl.error);
  const timeoutSeconds = values.timeout === undefined ? DEFAULT_TIMEOUT_SECONDS : Number(values.timeout);
  if (!(timeoutSeconds > 0 && timeoutSeconds <= MAX_TIMEOUT_SECONDS)) {
    throw new UsageError(`--timeout expects seconds between 0 and ${MAX_TIMEOUT_SECONDS}, got '${values.timeout}'`);
  }
  const paths = positionals.length > 0 ? positionals : ['.'];
  const cwd = process.cwd();
  await assertPathsExist(paths, cwd);

  const report = await runDoctor({ envVar, baseUrl: baseUrl.url, timeoutMs: Math.round(timeoutSeconds * 1000), paths, cwd, env: process.env });
  print(process.stdout, values.json ? doctorJsonReport(report) : humanReport(report));
  return report.ok ? EXIT_OK : EXIT_FAILED;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'migrate':
        return await migrateCommand(rest);
      case 'lint':
        return await lintCommand(rest);
      case 'doctor':
        return await doctorCommand(rest);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        print(process.stdout, MAIN_HELP);
        return command === undefined ? EXIT_USAGE : EXIT_OK;
      case '-v':
      case '--version':
        print(process.stdout, `${PACKAGE_VERSION}\n`);
        return EXIT_OK;
      default:
        throw new UsageError(
          command.startsWith('-')
            ? `unknown option '${command}' (see --help)`
            : `unknown command '${command}' (expected migrate, lint or doctor; see --help)`,
        );
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof MissingPathError) {
      print(process.stderr, `${PACKAGE_NAME}: ${error.message}\n`);
      return EXIT_USAGE;
    }
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    print(process.stderr, `${PACKAGE_NAME}: unexpected error: ${message}\n`);
    return EXIT_USAGE;
  }
}

if (require.main === module) {
  // `migrate --print | head`: a closed pipe ends the output, not with a stack trace.
  // (Exiting is safe mid-run: writes are atomic, each file stays old or new.)
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
    throw error;
  });
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
