/**
 * Running the built CLI the ways the hostile-input tests need: as an
 * unprivileged user (root ignores permission bits), with a low file-descriptor
 * limit, with a preload that edits a file behind the CLI's back, and in the
 * background so a signal can arrive halfway.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CLI, type CliResult } from '../cli/helpers';

const BASE_ENV = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
/** nobody:nogroup on Debian-like systems. */
const UNPRIVILEGED_ID = '65534';
const SETPRIV_ARGS = [`--reuid=${UNPRIVILEGED_ID}`, `--regid=${UNPRIVILEGED_ID}`, '--clear-groups'];

function collect(result: ReturnType<typeof spawnSync>): CliResult {
  return { status: result.status, stdout: String(result.stdout ?? ''), stderr: String(result.stderr ?? '') };
}

/**
 * How to run the CLI so that permission bits apply: directly when we are not
 * root, through `setpriv` as nobody when we are; undefined (with the reason)
 * when neither works.
 */
export const unprivileged: { readonly prefix: string[] } | { readonly skipReason: string } = (() => {
  if (process.getuid?.() !== 0) return { prefix: [] };
  const probe = spawnSync('setpriv', [...SETPRIV_ARGS, process.execPath, '-e', 'process.exit(process.getuid() === 0 ? 1 : 0)']);
  if (probe.error || probe.status !== 0) {
    return { skipReason: 'running as root and `setpriv` cannot drop to an unprivileged user, so permission bits would not apply' };
  }
  return { prefix: ['setpriv', ...SETPRIV_ARGS] };
})();

/** Run the CLI as an unprivileged user (the project dir must be reachable by it: see openUp). */
export function runCliUnprivileged(args: readonly string[], cwd: string): CliResult {
  if (!('prefix' in unprivileged)) throw new Error(unprivileged.skipReason);
  const [command, ...rest] = unprivileged.prefix.length > 0 ? unprivileged.prefix : [process.execPath];
  const commandArgs = unprivileged.prefix.length > 0 ? [...rest, process.execPath, CLI, ...args] : [CLI, ...args];
  return collect(
    spawnSync(command, commandArgs, { cwd, encoding: 'utf8', env: { ...BASE_ENV, HOME: cwd }, timeout: 120_000 }),
  );
}

/** Let the unprivileged user enter and read a temp project (mkdtemp makes it 0700). */
export function openUp(root: string): void {
  chmodSync(root, 0o755);
}

/** Run the CLI with at most `limit` open file descriptors (ulimit -n). */
export function runCliWithFdLimit(args: readonly string[], cwd: string, limit: number): CliResult {
  return collect(
    spawnSync('sh', ['-c', `ulimit -n ${limit} && exec "$0" "$@"`, process.execPath, CLI, ...args], {
      cwd,
      encoding: 'utf8',
      env: BASE_ENV,
      timeout: 300_000,
      maxBuffer: 64 * 1024 * 1024,
    }),
  );
}

/** Run the CLI with a preload module (`node --require`), e.g. one that edits files behind its back. */
export function runCliWithPreload(preload: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): CliResult {
  return collect(
    spawnSync(process.execPath, ['--require', preload, CLI, ...args], {
      cwd,
      encoding: 'utf8',
      env: { ...BASE_ENV, ...env },
      timeout: 120_000,
    }),
  );
}

/** Run the CLI with a time limit that only guards against a hang (not a speed assertion). */
export function runCliBounded(args: readonly string[], cwd: string, timeoutMs: number): CliResult & { timedOut: boolean } {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: BASE_ENV,
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { ...collect(result), timedOut: (result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT' };
}

export interface BackgroundRun {
  readonly child: ChildProcess;
  readonly done: Promise<CliResult & { signal: NodeJS.Signals | null }>;
}

export function runCliInBackground(args: readonly string[], cwd: string): BackgroundRun {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  const child = spawn(process.execPath, [CLI, ...args], { cwd, env: BASE_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<CliResult & { signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
  return { child, done };
}

/** Resolve once `condition` holds (checked every few ms), or reject after `limitMs`. */
export async function waitFor(condition: () => boolean, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** Every file under `root` with its bytes, for before/after comparisons. */
export function snapshot(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile()) {
        try {
          files.set(path.relative(root, full), readFileSync(full).toString('base64'));
        } catch {
          files.set(path.relative(root, full), '<unreadable>');
        }
      }
    }
  };
  visit(root);
  return files;
}

/** Non-empty lines of a text: "one clear line" means exactly one of these. */
export function linesOf(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.trim() !== '');
}
