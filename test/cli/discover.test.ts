/**
 * discoverFiles and directories met twice: through symlinks and through arguments
 * that overlap. Each file comes once, whatever the order of the arguments.
 */
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discoverFiles } from '../../codemods/files';
import { makeProject, removeProject } from './helpers';

const projects: string[] = [];
afterEach(() => projects.splice(0).forEach(removeProject));

function tree(files: Record<string, string>): string {
  const root = makeProject(files);
  projects.push(root);
  return root;
}

/** The files found, relative to `root`, `/`-separated. */
function walk(root: string, paths: readonly string[], cwd = root): string[] {
  return [...discoverFiles(paths, { cwd })].map((file) => path.relative(root, file).split(path.sep).join('/'));
}

describe('discoverFiles: no directory twice', () => {
  it('does not follow a symlink into the tree it walks: the target is walked (or left out) where it is', () => {
    const root = tree({ 'app/src/a.ts': '', 'app/node_modules/dep/index.js': '', 'app/ignored/b.ts': '', 'app/.gitignore': 'ignored/\n' });
    symlinkSync(path.join(root, 'app/src'), path.join(root, 'app/0-src-again'));
    symlinkSync(path.join(root, 'app/node_modules/dep'), path.join(root, 'app/1-dep'));
    symlinkSync(path.join(root, 'app/ignored'), path.join(root, 'app/2-ignored'));
    symlinkSync('..', path.join(root, 'app/src/up'));
    // Sorted first, the links would otherwise walk src a second time, and a dependency and an ignored directory once.
    expect(walk(root, ['app'])).toEqual(['app/src/a.ts']);
  });

  it('follows a symlink out of the tree once, however many links lead there', () => {
    const root = tree({ 'app/a.ts': '', 'shared/lib/b.ts': '', 'shared/c.ts': '' });
    symlinkSync(path.join(root, 'shared/lib'), path.join(root, 'app/lib'));
    symlinkSync(path.join(root, 'shared'), path.join(root, 'app/shared'));
    symlinkSync(path.join(root, 'shared/lib'), path.join(root, 'app/z-lib-again'));
    expect(walk(root, ['app'])).toEqual(['app/a.ts', 'app/lib/b.ts', 'app/shared/c.ts']);
    // A link from a followed target up to its parent: the parent is reached first through it,
    // then `app/shared` leads nowhere new and the way back up into lib ends.
    symlinkSync(path.join(root, 'shared'), path.join(root, 'shared/lib/up'));
    expect(walk(root, ['app'])).toEqual(['app/a.ts', 'app/lib/b.ts', 'app/lib/up/c.ts']);
  });

  it('walks overlapping arguments once, in either order', () => {
    const root = tree({ 'a.ts': '', 'src/b.ts': '', 'src/deep/c.ts': '' });
    const all = ['a.ts', 'src/b.ts', 'src/deep/c.ts'];
    expect(walk(root, ['.', 'src'])).toEqual(all);
    expect(walk(root, ['src/deep', '.'])).toEqual(['src/deep/c.ts', 'a.ts', 'src/b.ts']);
    // An argument reached through a followed symlink first.
    const outside = tree({ 'x/y/d.ts': '' });
    symlinkSync(path.join(outside, 'x'), path.join(root, 'link'));
    expect(walk(root, ['.', path.join(outside, 'x/y')]).map((file) => path.basename(file))).toEqual(['a.ts', 'd.ts', 'b.ts', 'c.ts']);
  });

  it('walks an argument the walk of another leaves out (a skipped name), as it was asked for', () => {
    const root = tree({ 'a.ts': '', 'dist/b.js': '' });
    expect(walk(root, ['.', 'dist'])).toEqual(['a.ts', 'dist/b.js']);
  });
});

describe('discoverFiles: no file twice', () => {
  it('skips a file symlink into the tree (its target is taken, or left out, where it is) and takes one out of it once', () => {
    const root = tree({ 'app/a.ts': '', 'app/node_modules/dep/index.js': '', 'shared/b.ts': '', 'shared/c.ts': '' });
    symlinkSync(path.join(root, 'app/a.ts'), path.join(root, 'app/0-a-again.ts'));
    symlinkSync(path.join(root, 'app/node_modules/dep/index.js'), path.join(root, 'app/1-dep.js'));
    symlinkSync(path.join(root, 'shared/b.ts'), path.join(root, 'app/2-b.ts'));
    symlinkSync(path.join(root, 'shared/b.ts'), path.join(root, 'app/3-b-again.ts'));
    // Then the directory the linked file is in, followed out of the tree: b.ts was taken already.
    symlinkSync(path.join(root, 'shared'), path.join(root, 'app/z-shared'));
    expect(walk(root, ['app'])).toEqual(['app/2-b.ts', 'app/a.ts', 'app/z-shared/c.ts']);
  });

  it('takes a file argument once, in its place among the arguments, however it is named', () => {
    const root = tree({ 'src/a.ts': '', 'src/b.ts': '' });
    symlinkSync(path.join(root, 'src'), path.join(root, 'link'));
    expect(walk(root, ['link/a.ts', 'src'])).toEqual(['link/a.ts', 'src/b.ts']);
    expect(walk(root, ['src', 'link/a.ts'])).toEqual(['src/b.ts', 'link/a.ts']);
    expect(walk(root, ['src/a.ts', './src/a.ts', 'link/a.ts'])).toEqual(['src/a.ts']);
    // A file symlink named as an argument is the file it points to.
    symlinkSync(path.join(root, 'src/a.ts'), path.join(root, 'a-link.ts'));
    expect(walk(root, ['a-link.ts', 'src'])).toEqual(['a-link.ts', 'src/b.ts']);
  });
});

describe('discoverFiles: which files', () => {
  const files = {
    '.env': '',
    '.gitignore': 'secret.env\nlogs/\n',
    'Dockerfile': '',
    'a.ts': '',
    'config/app.json': '',
    'logs/run.log': '',
    'notes.md': '',
    'secret.env': '',
    'src/b.mjs': '',
  };

  it('by default, JS/TS files only (what migrate rewrites)', () => {
    expect(walk(tree(files), ['.'])).toEqual(['a.ts', 'src/b.mjs']);
  });

  it('with includeFile, every file it accepts, under the same ignore rules (what lint searches)', () => {
    const root = tree(files);
    const everyFile = [...discoverFiles(['.'], { cwd: root, includeFile: () => true })].map((file) => path.relative(root, file).split(path.sep).join('/'));
    expect(everyFile).toEqual(['.env', '.gitignore', 'Dockerfile', 'a.ts', 'config/app.json', 'notes.md', 'src/b.mjs']);
  });
});
