/**
 * What the CLI asks git. The dirty-tree guard: a writing migration inside a git
 * repository with uncommitted changes could mix our edits with the user's, so it
 * stops unless `--force` is given. Outside git (or without git installed) there is
 * nothing to protect and the run proceeds. And for the walk (codemods/files.ts):
 * which files git tracks although a `.gitignore` rule matches them.
 */
import type * as ChildProcess from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';

/** Uncommitted (modified, staged or untracked) paths under `paths`, as git prints them. */
export function uncommittedChanges(paths: readonly string[], cwd: string): string[] {
  const byRepository = new Map<string, string[]>();
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const directory = isDirectory(absolute) ? absolute : path.dirname(absolute);
    const root = git(['rev-parse', '--show-toplevel'], directory)?.trim();
    if (!root) continue;
    byRepository.set(root, [...(byRepository.get(root) ?? []), absolute]);
  }
  const changes: string[] = [];
  for (const [root, scoped] of byRepository) {
    const status = git(['status', '--porcelain', '--', ...scoped], root);
    if (status) changes.push(...status.split('\n').filter((line) => line.trim() !== '').map((line) => line.slice(3)));
  }
  return changes;
}

/**
 * Files under `directory` that git tracks although an ignore rule matches them, relative
 * to it (with `/`). Reads the index only. None outside a work tree or without git.
 */
export function trackedButIgnored(directory: string): string[] {
  const listed = git(['ls-files', '-z', '--cached', '--ignored', '--exclude-standard'], directory);
  return listed ? listed.split('\0').filter((file) => file !== '') : [];
}

function isDirectory(absolute: string): boolean {
  try {
    return statSync(absolute).isDirectory();
  } catch {
    return false;
  }
}

/** stdout of a git command, or undefined when git is missing or the directory is not in a repository. */
function git(args: readonly string[], cwd: string): string | undefined {
  // Loaded on first use: a dry run that meets no ignore rule never starts git, nor loads child_process.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { execFileSync } = require('node:child_process') as typeof ChildProcess;
  try {
    // maxBuffer: a tree with many files ignored by mistake still lists in one go.
    return execFileSync('git', [...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}
