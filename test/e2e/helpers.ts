/**
 * Shared plumbing for the end-to-end suite: run a real command with a time
 * limit, write a small project tree, and read the copy-paste snippets that
 * README.md and docs/ mark for the tests (so the docs and the tests cannot drift).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..');

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout and stderr together, for "never prints the key" checks. */
  readonly output: string;
}

export interface RunOptions {
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Hard limit; a hung tool fails the test instead of the whole run. */
  readonly timeoutMs?: number;
  readonly input?: string;
}

/** Environment for every tool the suite runs: no colours, no TTY tricks, no update checks. */
export function toolEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    // npx must use what the project installed, never fetch a missing tool on the side.
    npm_config_yes: 'false',
    // Installs that tools run on their own (pre-commit's hook build) reuse the npm cache.
    npm_config_prefer_offline: 'true',
    HUSKY: undefined,
    ...extra,
  };
  // vitest and npm run put their own settings into the environment; the tools under test must not see them.
  for (const name of Object.keys(env)) {
    if (name.startsWith('VITEST') || name === 'NODE_OPTIONS' || name === 'npm_config_prefix' || name.startsWith('npm_lifecycle') || name.startsWith('npm_package')) {
      delete env[name];
    }
  }
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  return env;
}

export function run(command: string, args: readonly string[], options: RunOptions): RunResult {
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    env: options.env ?? toolEnv(),
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 120_000,
    input: options.input ?? '',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw new Error(`${command} ${args.join(' ')}: ${result.error.message}`);
  const stdout = result.stdout ?? '';
  const stderr = result.stderr ?? '';
  return { code: result.status, stdout, stderr, output: `${stdout}\n${stderr}` };
}

/** Run one line of a README shell snippet exactly as written, through sh. */
export function runLine(line: string, options: RunOptions): RunResult {
  return run('sh', ['-c', line], options);
}

/** The command lines of a shell snippet (comments and blank lines dropped). */
export function commandLines(snippet: string): string[] {
  return snippet
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** The same as run(), without blocking the event loop (for installs that run side by side). */
export function runAsync(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? toolEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 300_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, output: `${stdout}\n${stderr}` });
    });
  });
}

/** Throws with the tool's own output when it did not exit 0 (for setup steps, not for assertions). */
export function check(result: RunResult, what: string): RunResult {
  if (result.code !== 0) throw new Error(`${what} exited ${result.code}\n${result.output.slice(-4000)}`);
  return result;
}

export function writeTree(root: string, files: Readonly<Record<string, string>>): void {
  for (const [relative, text] of Object.entries(files)) {
    const path = join(root, relative);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
}

/** README.md and the pages of docs/ (not docs/rules, whose examples the oxlint test reads itself). */
export function documentationPages(): string[] {
  const docs = readdirSync(join(REPO_ROOT, 'docs')).filter((name) => name.endsWith('.md'));
  return ['README.md', ...docs.map((name) => join('docs', name))];
}

/**
 * The fenced code block that follows `<!-- e2e: NAME -->` in README.md or a page of
 * docs/, verbatim. The marker must stand exactly once in all of them. Every snippet
 * the documentation tells users to copy is read this way by a test.
 */
export function readmeSnippet(name: string): string {
  const marker = `<!-- e2e: ${name} -->`;
  const found = documentationPages().flatMap((page) => {
    const text = readFileSync(join(REPO_ROOT, page), 'utf8').replace(/\r\n/g, '\n');
    const hits: Array<{ page: string; after: string }> = [];
    for (let at = text.indexOf(marker); at !== -1; at = text.indexOf(marker, at + marker.length)) {
      hits.push({ page, after: text.slice(at + marker.length) });
    }
    return hits;
  });
  if (found.length === 0) throw new Error(`neither README.md nor docs/ has ${marker}`);
  if (found.length > 1) throw new Error(`${marker} stands ${found.length} times (${found.map((hit) => hit.page).join(', ')})`);
  const fence = /```[^\n]*\n([\s\S]*?)\n```/.exec(found[0].after);
  if (!fence) throw new Error(`${found[0].page} has no code block after ${marker}`);
  return `${fence[1]}\n`;
}
