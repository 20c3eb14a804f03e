/**
 * Inside a git work tree the walk takes what git tracks plus what git would not ignore:
 * a committed file under a `.gitignore`d directory (or one added with `git add -f`) is
 * migrated, while untracked ignored files are left out and counted in the summary.
 * Outside git, or without git on the PATH, the `.gitignore` rules alone decide.
 * Real temporary repositories, the built CLI.
 */
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discoverFiles } from '../../codemods/files';
import { FETCH_INPUT, FETCH_OUTPUT } from './fixtures';
import { git, makeGitProject, makeProject, read, removeProject, runCli, writeFiles } from './helpers';

const projects: string[] = [];
afterEach(() => projects.splice(0).forEach(removeProject));

/**
 * `generated/` is ignored, yet `generated/api.js` and `generated/deep/more.js` were committed
 * (before the rule); `legacy.gen.js` matches `*.gen.js` and was added with `-f`.
 */
function repositoryWithTrackedIgnoredFiles(): string {
  const root = makeGitProject({
    'src/app.js': FETCH_INPUT,
    'generated/api.js': FETCH_INPUT,
    'generated/deep/more.js': FETCH_INPUT,
    'src/legacy.gen.js': FETCH_INPUT,
  });
  projects.push(root);
  writeFiles(root, { '.gitignore': 'generated/\n*.gen.js\n' });
  git(root, 'add', '.gitignore');
  git(root, 'commit', '-q', '-m', 'ignore generated code');
  // Untracked, and ignored: git would not add these, so the walk leaves them out.
  writeFiles(root, {
    'generated/scratch.js': FETCH_INPUT,
    'generated/tmp/x.js': FETCH_INPUT,
    'src/new.gen.js': FETCH_INPUT,
  });
  return root;
}

function found(root: string, paths: readonly string[] = ['.'], cwd = root): string[] {
  return [...discoverFiles(paths, { cwd })].map((file) => path.relative(root, file).split(path.sep).join('/'));
}

describe('the walk in a git work tree', () => {
  it('walks committed files under ignored paths and leaves out the untracked ignored ones', () => {
    const root = repositoryWithTrackedIgnoredFiles();
    expect(found(root)).toEqual(['generated/api.js', 'generated/deep/more.js', 'src/app.js', 'src/legacy.gen.js']);
    // From inside the ignored directory too (the repository's rules above it apply).
    expect(found(root, ['generated'])).toEqual(['generated/api.js', 'generated/deep/more.js']);
    // From a subdirectory as the working directory: its `-f`-added file is tracked there too.
    expect(found(root, ['.'], path.join(root, 'src'))).toEqual(['src/app.js', 'src/legacy.gen.js']);
  });

  it('migrates the tracked files, writes none of the others, and says what it left out', () => {
    const root = repositoryWithTrackedIgnoredFiles();
    const result = runCli(['migrate', '--force'], root);
    expect(result.status).toBe(0);
    for (const file of ['src/app.js', 'generated/api.js', 'generated/deep/more.js', 'src/legacy.gen.js']) expect(read(root, file)).toBe(FETCH_OUTPUT);
    for (const file of ['generated/scratch.js', 'generated/tmp/x.js', 'src/new.gen.js']) expect(read(root, file)).toBe(FETCH_INPUT);
    expect(result.stdout).toBe(
      [
        'Not scanned: 2 source files and 1 directory ignored by .gitignore (git does not track them)',
        '4 scanned, 4 changed, 0 unchanged, 0 need review, 0 failed',
        '',
      ].join('\n'),
    );
  });

  it('reports the same counts in --json', () => {
    const root = repositoryWithTrackedIgnoredFiles();
    const report = JSON.parse(runCli(['migrate', '--dry', '--json'], root).stdout);
    expect(report.skipped).toEqual({ gitignoredFiles: 2, gitignoredDirectories: 1, patternFiles: 0, patternDirectories: 0 });
    expect(report.files.map((file: { path: string }) => file.path)).toEqual(['generated/api.js', 'generated/deep/more.js', 'src/app.js', 'src/legacy.gen.js']);
  });

  it('leaves out what --ignore-pattern matches, tracked or not, and counts it apart', () => {
    const root = repositoryWithTrackedIgnoredFiles();
    const result = runCli(['migrate', '--dry', '--ignore-pattern', 'generated/deep', '--ignore-pattern', 'src/app.js'], root);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      [
        'Files that would change:',
        '  generated/api.js',
        '  src/legacy.gen.js',
        'Not scanned: 2 source files and 1 directory ignored by .gitignore (git does not track them); 1 source file and 1 directory matching --ignore-pattern',
        '2 scanned, 2 would change, 0 unchanged, 0 need review, 0 failed (dry run: nothing written)',
        '',
      ].join('\n'),
    );
  });

  it('says nothing about skipped files when nothing was left out', () => {
    const root = makeGitProject({ 'src/app.js': FETCH_INPUT, '.gitignore': 'logs/\n' });
    projects.push(root);
    expect(runCli(['migrate', '--dry'], root).stdout).toBe('Files that would change:\n  src/app.js\n1 scanned, 1 would change, 0 unchanged, 0 need review, 0 failed (dry run: nothing written)\n');
  });

  it('does not walk a tracked file twice through a symlink to its ignored directory', () => {
    const root = repositoryWithTrackedIgnoredFiles();
    symlinkSync(path.join(root, 'generated'), path.join(root, 'src/generated-link'));
    expect(found(root)).toEqual(['generated/api.js', 'generated/deep/more.js', 'src/app.js', 'src/legacy.gen.js']);
  });
});

describe('the walk without git', () => {
  it('outside a work tree, lets the .gitignore rules decide and counts what they left out', () => {
    const root = makeProject({ '.gitignore': 'generated/\n*.gen.js\n', 'src/app.js': FETCH_INPUT, 'generated/api.js': FETCH_INPUT, 'src/legacy.gen.js': FETCH_INPUT });
    projects.push(root);
    const result = runCli(['migrate', '--dry'], root);
    expect(result.stdout).toBe(
      [
        'Files that would change:',
        '  src/app.js',
        'Not scanned: 1 source file and 1 directory ignored by .gitignore (git does not track them)',
        '1 scanned, 1 would change, 0 unchanged, 0 need review, 0 failed (dry run: nothing written)',
        '',
      ].join('\n'),
    );
  });

  it('with no git on the PATH, falls back to the .gitignore rules in a repository too', () => {
    const root = repositoryWithTrackedIgnoredFiles();
    const emptyBin = path.join(root, '.no-git-here');
    mkdirSync(emptyBin);
    const result = runCli(['migrate', '--dry', '--json'], root, { PATH: emptyBin });
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.files.map((file: { path: string }) => file.path)).toEqual(['src/app.js']);
    expect(report.skipped).toEqual({ gitignoredFiles: 2, gitignoredDirectories: 1, patternFiles: 0, patternDirectories: 0 });
  });
});
