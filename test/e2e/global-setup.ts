/**
 * Runs once before the e2e files: builds and packs the package the way a
 * release would (`npm pack`, whose `prepack` builds dist/), then installs the
 * tarball into one fresh project per ESLint major. Test files reuse these
 * installs (read-only, each scenario in its own subfolder) to stay fast.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { check, REPO_ROOT, run, runAsync, toolEnv } from './helpers';

/** What every project installs next to the tarball; the ESLint 10 one also gets the tools of the other paths. */
const COMMON = ['typescript-eslint', 'typescript@5.9', 'jscodeshift'];
const TOOLS = ['@microsoft/eslint-formatter-sarif', 'oxlint@1', '@microsoft/jest-sarif', 'ajv', 'ajv-draft-04', 'ajv-formats'];
export const INSTALL_FLAGS = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];

export interface PackedFile {
  readonly path: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2eRoot: string;
    tarball: string;
    packedFiles: string[];
    project10: string;
    project9: string;
  }
}

async function installProject(root: string, name: string, tarball: string, packages: string[]): Promise<string> {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  // "type": "module" like most current projects, so eslint.config.js is ESM; the CJS case uses eslint.config.cjs.
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name, private: true, type: 'module' }, null, 2)}\n`);
  const result = await runAsync('npm', ['install', ...INSTALL_FLAGS, tarball, ...packages], { cwd: dir, timeoutMs: 480_000 });
  check(result, `npm install in ${name}`);
  return dir;
}

export default async function setup(project: TestProject): Promise<() => void> {
  // For working on the tests: E2E_KEEP=1 keeps the temp root, E2E_REUSE=<that root> skips pack and install.
  const reuse = process.env.E2E_REUSE;
  if (reuse) {
    const tarball = join(reuse, 'pack', readdirSync(join(reuse, 'pack')).find((file) => file.endsWith('.tgz')) ?? '');
    const files = check(run('tar', ['-tzf', tarball], { cwd: reuse }), 'tar').stdout;
    project.provide('e2eRoot', reuse);
    project.provide('tarball', tarball);
    project.provide('packedFiles', files.split('\n').filter((file) => file && !file.endsWith('/')).map((file) => file.replace(/^package\//, '')).sort());
    project.provide('project10', join(reuse, 'eslint10'));
    project.provide('project9', join(reuse, 'eslint9'));
    return () => {};
  }
  const root = mkdtempSync(join(tmpdir(), 'deepseek-e2e-'));
  const packDir = join(root, 'pack');
  mkdirSync(packDir);

  // The build inside `prepack` rewrites dist/: serialise with other builds in this tree.
  const packed = check(
    run('flock', ['/tmp/build.lock', 'npm', 'pack', '--json', '--pack-destination', packDir], {
      cwd: REPO_ROOT,
      env: toolEnv(),
      timeoutMs: 300_000,
    }),
    'npm pack',
  );
  const [manifest] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as [{ filename: string; files: PackedFile[] }];
  const tarball = join(packDir, readdirSync(packDir).find((file) => file.endsWith('.tgz')) ?? manifest.filename);

  const [project10, project9] = await Promise.all([
    installProject(root, 'eslint10', tarball, ['eslint@10', ...COMMON, ...TOOLS]),
    installProject(root, 'eslint9', tarball, ['eslint@9', ...COMMON]),
  ]);

  project.provide('e2eRoot', root);
  project.provide('tarball', tarball);
  project.provide('packedFiles', manifest.files.map((file) => file.path).sort());
  project.provide('project10', project10);
  project.provide('project9', project9);

  return () => {
    if (!process.env.E2E_KEEP) rmSync(root, { recursive: true, force: true });
  };
}
