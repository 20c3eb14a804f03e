import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discoverFiles, FileWalk, MissingPathError, WalkProgress } from '../../codemods/files';
import { makeProject, removeProject } from './helpers';

const projects: string[] = [];
afterEach(() => projects.splice(0).forEach(removeProject));

/** `packages` directories of `files` files each, under `src/a` and `src/b` halves. */
function monorepo(packages: number, files: number): string {
  const tree: Record<string, string> = {};
  for (let p = 0; p < packages; p++) {
    for (let f = 0; f < files; f++) tree[`pkg-${p}/src/${f % 2 ? 'b' : 'a'}/f${f}.ts`] = 'export {};\n';
  }
  tree['pkg-0/node_modules/dep/index.js'] = 'module.exports = 1;\n'; // never walked: not counted either
  const root = makeProject(tree);
  projects.push(root);
  return root;
}

describe('WalkProgress: the estimate of files left that decides whether a worker thread pays', () => {
  it('knows nothing before a directory of a depth is done, then counts each waiting one as the average', () => {
    const root = monorepo(4, 10);
    const progress = new WalkProgress();
    const estimates: number[] = [];
    for (const _file of discoverFiles(['.'], { cwd: root, progress })) estimates.push(progress.estimatedFilesLeft());

    // In pkg-0 nothing of pkg-1..3's depth is done: they count for nothing yet.
    // From pkg-1 on, each package waiting counts for pkg-0's 10 files, and a src/b
    // waiting in the package being walked for the 5 of a src/a or src/b done.
    const perPackage = (estimate: number): number[] => Array<number>(5).fill(estimate);
    expect(estimates).toEqual([
      ...perPackage(0), ...perPackage(0), // pkg-0: src/a, src/b
      ...perPackage(20 + 5), ...perPackage(20), // pkg-1: pkg-2 and pkg-3 wait (+ src/b while in src/a)
      ...perPackage(10 + 5), ...perPackage(10),
      ...perPackage(5), ...perPackage(0),
    ]);
    expect(progress.filesFound).toBe(40);
  });

  it('is estimated on its own when the caller passes none, and the walk is the same', () => {
    const root = monorepo(2, 3);
    const withProgress = [...discoverFiles(['.'], { cwd: root, progress: new WalkProgress() })];
    expect([...discoverFiles(['.'], { cwd: root })]).toEqual(withProgress);
  });
});

describe('FileWalk: the walk the migration takes one file at a time', () => {
  const relative = (root: string, file: string): string => path.relative(root, file).split(path.sep).join('/');

  it('hands out what discoverFiles yields, in argument order, each file once, then undefined for good', () => {
    const root = monorepo(3, 3);
    // A file argument inside a directory argument, before and after it, and twice.
    const args = ['pkg-1', 'pkg-1/src/b/f1.ts', 'pkg-0/src/a/f0.ts', 'pkg-0', './pkg-0/src/a/f0.ts', 'pkg-2/src/a/f2.ts'];
    const walk = new FileWalk(args, { cwd: root });
    const taken: string[] = [];
    for (let file = walk.next(); file !== undefined; file = walk.next()) taken.push(relative(root, file));
    expect(taken).toEqual([
      'pkg-1/src/a/f0.ts', 'pkg-1/src/a/f2.ts', // pkg-1/src/b/f1.ts is left for its own argument
      'pkg-1/src/b/f1.ts',
      'pkg-0/src/a/f0.ts',
      'pkg-0/src/a/f2.ts', 'pkg-0/src/b/f1.ts',
      'pkg-2/src/a/f2.ts',
    ]);
    expect(walk.next()).toBeUndefined();
    expect(walk.next()).toBeUndefined();
    expect([...discoverFiles(args, { cwd: root })].map((file) => relative(root, file))).toEqual(taken);
  });

  it('throws MissingPathError when built for a path that is not there (discoverFiles: on its first step)', () => {
    const root = monorepo(1, 1);
    expect(() => new FileWalk(['nope'], { cwd: root })).toThrow(MissingPathError);
    const files = discoverFiles(['nope'], { cwd: root });
    expect(() => files.next()).toThrow(MissingPathError);
  });
});
