/**
 * End-to-end helpers: run the BUILT command (`npm test` builds dist/ first)
 * in throw-away project directories.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

const REPO_ROOT = path.resolve(__dirname, '../..');

/** The built bin; DEEPSEEK_CLI_BIN points at a private build while dist/ is shared. */
export const CLI = process.env.DEEPSEEK_CLI_BIN ?? path.join(REPO_ROOT, 'dist/src/cli.js');

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliResult {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temp directory filled from a { relativePath: content } map. */
export function makeProject(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'deepseek-cli-'));
  writeFiles(root, files);
  return root;
}

/** makeProject() for one test file: every project it makes is removed after each test. */
export function projectsRemovedAfterEach(): (files: Record<string, string | Buffer>) => string {
  const projects: string[] = [];
  afterEach(() => {
    for (const root of projects.splice(0)) removeProject(root);
  });
  return (files) => {
    const root = makeProject(files);
    projects.push(root);
    return root;
  };
}

export function writeFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [relative, content] of Object.entries(files)) {
    const target = path.join(root, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}

export function read(root: string, relative: string): string {
  return readFileSync(path.join(root, relative), 'utf8');
}

export function removeProject(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'cli test',
  GIT_AUTHOR_EMAIL: 'cli@test.invalid',
  GIT_COMMITTER_NAME: 'cli test',
  GIT_COMMITTER_EMAIL: 'cli@test.invalid',
};

export function git(root: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** A project committed to a fresh git repository (clean tree). */
export function makeGitProject(files: Record<string, string>): string {
  const root = makeProject(files);
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'fixture');
  return root;
}
