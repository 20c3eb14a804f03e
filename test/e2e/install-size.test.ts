/**
 * What installing the plugin costs, in fresh npm projects: the bytes of node_modules and
 * the packages in it, with and without the tarball, for a plain JavaScript project with
 * ESLint and for a TypeScript one that already has eslint, typescript-eslint and
 * typescript. A size follows from the lockfile (what npm resolved), not from timing, so
 * the targets are asserted. The JavaScript project also proves the optional peers are
 * optional: without @babel/parser and @typescript-eslint/parser, `lint` and `migrate`
 * still work, and a file that needs a missing parser gets one line naming it.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { LEGACY_JS } from './fixtures';
import { INSTALL_FLAGS } from './global-setup';
import { check, run, runAsync, writeTree } from './helpers';

const MB = 1_000_000;
/** The targets (issue 21), in MB of files added to node_modules. */
const TARGET_ADDED_MB = { javascript: 25, typescript: 10 } as const;

interface InstallSize {
  readonly bytes: number;
  readonly packages: number;
}

/** Apparent size of every file under `dir` (symlinks counted as links, not followed). */
function bytesUnder(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? bytesUnder(path) : lstatSync(path).size;
  }
  return total;
}

/** node_modules' bytes, and the packages of the lockfile that npm installed (optional ones for other platforms are not). */
function installSize(project: string): InstallSize {
  const lock = JSON.parse(readFileSync(join(project, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
  const packages = Object.keys(lock.packages).filter((path) => path !== '' && existsSync(join(project, path)));
  return { bytes: bytesUnder(join(project, 'node_modules')), packages: packages.length };
}

async function install(name: string, packages: readonly string[]): Promise<string> {
  const dir = join(inject('e2eRoot'), 'sizes', name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name, private: true, type: 'module' }, null, 2)}\n`);
  check(await runAsync('npm', ['install', ...INSTALL_FLAGS, ...packages], { cwd: dir, timeoutMs: 480_000 }), `npm install in ${name}`);
  return dir;
}

const JAVASCRIPT = ['eslint@10'];
const TYPESCRIPT = ['eslint@10', 'typescript-eslint', 'typescript@5.9'];

let projects: Record<'jsBase' | 'jsPlugin' | 'tsBase' | 'tsPlugin', string>;

beforeAll(async () => {
  const tarball = inject('tarball');
  const [jsBase, jsPlugin, tsBase, tsPlugin] = await Promise.all([
    install('js-base', JAVASCRIPT),
    install('js-plugin', [...JAVASCRIPT, tarball]),
    install('ts-base', TYPESCRIPT),
    install('ts-plugin', [...TYPESCRIPT, tarball]),
  ]);
  projects = { jsBase, jsPlugin, tsBase, tsPlugin };
});

describe('install size of eslint-plugin-deepseek', () => {
  it.for([
    { kind: 'javascript' as const, what: 'a JavaScript project with ESLint 10', base: () => projects.jsBase, plugin: () => projects.jsPlugin },
    {
      kind: 'typescript' as const,
      what: 'a project with eslint, typescript-eslint and typescript',
      base: () => projects.tsBase,
      plugin: () => projects.tsPlugin,
    },
  ])('adds at most the target to $what', ({ kind, what, base, plugin }, { annotate }) => {
    const before = installSize(base());
    const after = installSize(plugin());
    const addedMb = (after.bytes - before.bytes) / MB;
    const line =
      `${what}: ${(before.bytes / MB).toFixed(1)} MB in ${before.packages} packages → ` +
      `${(after.bytes / MB).toFixed(1)} MB in ${after.packages} packages with the plugin ` +
      `(+${addedMb.toFixed(1)} MB, +${after.packages - before.packages} packages; target ≤ ${TARGET_ADDED_MB[kind]} MB)`;
    console.log(`install size: ${line}`);
    void annotate(line, 'install-size');
    expect(addedMb).toBeLessThanOrEqual(TARGET_ADDED_MB[kind]);
    // typescript is what made the install heavy: only a project that asked for it has it.
    expect(existsSync(join(plugin(), 'node_modules', 'typescript'))).toBe(kind === 'typescript');
  });
});

describe('without the optional peers (@babel/parser, @typescript-eslint/parser)', () => {
  const cli = (args: string[], cwd: string) => run('npx', ['--no-install', 'eslint-plugin-deepseek', ...args], { cwd });

  function project(name: string, files: Record<string, string>): string {
    for (const absent of ['@babel/parser', '@typescript-eslint/parser', 'typescript']) {
      expect(existsSync(join(projects.jsPlugin, 'node_modules', absent)), absent).toBe(false);
    }
    const dir = join(projects.jsPlugin, 'cases', name);
    writeTree(dir, files);
    return dir;
  }

  it('`migrate` migrates JavaScript, and a file oxc-parser refuses fails with one line naming @babel/parser', () => {
    const dir = project('migrate', {
      'src/ask.js': LEGACY_JS,
      'src/typed.js': "// @flow\nfunction ask(question: string): string {\n  return 'deepseek-chat';\n}\n",
    });
    const result = cli(['migrate', '--json', '.'], dir);
    expect(result.code, result.output).toBe(1);
    const report = JSON.parse(result.stdout) as { files: Array<{ path: string; status: string; error?: string }> };
    expect(report.files.map((file) => `${file.path} ${file.status}`).sort()).toEqual(['src/ask.js changed', 'src/typed.js failed']);
    const failure = report.files.find((file) => file.status === 'failed')?.error ?? '';
    expect(failure).toMatch(/^parse error at \d+:\d+: .*\(@babel\/parser, which parses Flow and other syntax oxc-parser refuses, is not installed\)$/);
    expect(readFileSync(join(dir, 'src/ask.js'), 'utf8')).toContain("model: 'deepseek-v4-flash'");
  });

  it('`lint` lints JavaScript, and a TypeScript file stops it with exit 2 and one line naming @typescript-eslint/parser', () => {
    const js = project('lint-js', { 'src/ask.js': LEGACY_JS });
    const clean = cli(['lint', '.'], js);
    expect(clean.code, clean.output).toBe(1);
    expect(clean.stdout).toContain('deepseek/no-legacy-model-id');

    const ts = project('lint-ts', { 'src/ask.js': LEGACY_JS, 'src/types.ts': 'export const retries: number = 2;\n' });
    const result = cli(['lint', '.'], ts);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe(
      'eslint-plugin-deepseek: src/types.ts is TypeScript, which needs @typescript-eslint/parser: npm install --save-dev @typescript-eslint/parser typescript',
    );
  });
});
