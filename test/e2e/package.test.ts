/**
 * Package hygiene, on the tarball users install: what `files` ships,
 * publint, Are the Types Wrong, and the shipped types in a typed eslint.config.ts.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { LEGACY_JS } from './fixtures';
import { readmeSnippet, REPO_ROOT, run, writeTree } from './helpers';

const bin = (name: string): string => join(REPO_ROOT, 'node_modules', '.bin', name);

describe('the packed tarball', () => {
  const files = inject('packedFiles');

  // .pre-commit-hooks.yaml is not shipped: pre-commit reads it from its clone of the repository.
  it('ships only dist, docs/rules, README, LICENSE and package.json', () => {
    const unexpected = files.filter(
      (file) => !(file.startsWith('dist/') || file.startsWith('docs/rules/')) && !['README.md', 'LICENSE', 'package.json'].includes(file),
    );
    expect(unexpected).toEqual([]);
    // No tests, examples, sources or build leftovers inside dist/ either.
    expect(files.filter((file) => /(^|\/)(test|examples)\//.test(file) || /\.test\.|\.tsbuildinfo$/.test(file))).toEqual([]);
    expect(files.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))).toEqual([]);
  });

  it('ships what users need: entry, types, CLI, transform, rule docs, README, LICENSE', () => {
    for (const needed of [
      'package.json',
      'README.md',
      'LICENSE',
      'dist/src/index.js',
      'dist/src/index.d.ts',
      'dist/src/cli.js',
      'dist/codemods/transform.js',
      'dist/codemods/transform.d.ts',
    ]) {
      expect(files).toContain(needed);
    }
    const installed = inject('project10');
    const ruleNames = JSON.parse(
      run('node', ['-e', "process.stdout.write(JSON.stringify(Object.keys(require('eslint-plugin-deepseek').rules)))"], {
        cwd: installed,
      }).stdout,
    ) as string[];
    expect(ruleNames.length).toBeGreaterThan(0);
    for (const rule of ruleNames) expect(files).toContain(`docs/rules/${rule}.md`);
  });

  it('passes publint (no errors)', () => {
    const result = run(bin('publint'), ['run', inject('tarball'), '--level', 'error'], { cwd: REPO_ROOT });
    expect(result.code, result.output).toBe(0);
    expect(result.stdout).not.toMatch(/Errors:/);
  });

  // Profile node16: the package targets Node ≥ 20 (and bundlers), whose resolvers read
  // `exports`; node10 resolution ("moduleResolution": "node") cannot see the ./transform
  // subpath and is not supported. ./transform is left out: it is a jscodeshift transform,
  // loaded by path with `require`, where `exports.default` is what jscodeshift reads
  // (an ESM default import of it is not a use we offer); the test below loads it as jscodeshift does.
  it('passes attw (Are the Types Wrong) with --profile node16 on the tarball', () => {
    const result = run(
      bin('attw'),
      [inject('tarball'), '--profile', 'node16', '--exclude-entrypoints', './transform', '--format', 'ascii', '--no-color'],
      { cwd: REPO_ROOT },
    );
    expect(result.code, result.output).toBe(0);
    expect(result.stdout).toMatch(/node16 \(from ESM\): 🟢/);
  });

  it('loads from Node ESM with default and named imports, and the transform with require', () => {
    const dir = join(inject('project10'), 'cases', 'esm-import');
    writeTree(dir, {
      'check.mjs': `import deepseek, { configs, rules } from 'eslint-plugin-deepseek';
import { createRequire } from 'node:module';
const transform = createRequire(import.meta.url)('eslint-plugin-deepseek/transform');
console.log(JSON.stringify({
  same: configs === deepseek.configs && rules === deepseek.rules,
  recommended: Object.keys(configs.recommended.rules),
  transform: typeof transform.default,
  migrated: transform.migrateSource(${JSON.stringify(LEGACY_JS)}, 'ask.js').changed,
}));
`,
    });
    const result = run('node', ['check.mjs'], { cwd: dir });
    expect(result.code, result.output).toBe(0);
    const report = JSON.parse(result.stdout) as { same: boolean; recommended: string[]; transform: string; migrated: boolean };
    expect(report.same).toBe(true);
    expect(report.recommended).toContain('deepseek/no-hardcoded-api-key');
    expect(report.transform).toBe('function');
    expect(report.migrated).toBe(true);
  });
});

describe.each([
  { major: 10, project: () => inject('project10') },
  { major: 9, project: () => inject('project9') },
])('types with ESLint $major: deepseek.configs in a typed eslint.config.ts', ({ project }) => {
  const tsconfig = `${JSON.stringify(
    {
      compilerOptions: {
        module: 'nodenext',
        moduleResolution: 'nodenext',
        target: 'es2022',
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: [],
      },
      include: ['*.ts'],
    },
    null,
    2,
  )}\n`;

  function typecheck(name: string, files: Record<string, string>) {
    mkdirSync(join(project(), 'cases'), { recursive: true });
    const dir = mkdtempSync(join(project(), 'cases', `typed-${name}-`));
    writeTree(dir, { ...files, 'tsconfig.json': tsconfig });
    return run('npx', ['tsc', '-p', '.'], { cwd: dir });
  }

  it('the README eslint.config.ts (defineConfig), tseslint.config and a plain array type-check with tsc --noEmit', () => {
    const result = typecheck('ok', {
      'eslint.config.ts': readmeSnippet('eslint.config.ts'),
      'tseslint-config.ts': `import tseslint from 'typescript-eslint';
import deepseek from 'eslint-plugin-deepseek';

export default tseslint.config(deepseek.configs.recommended, {
  files: ['**/*.ts'],
  languageOptions: { parser: tseslint.parser },
});
`,
      'plain-array.ts': `import type { Linter } from 'eslint';
import deepseek, { configs } from 'eslint-plugin-deepseek';

export default [deepseek.configs.recommended, configs.all] satisfies Linter.Config[];
`,
    });
    expect(result.code, result.output).toBe(0);
    expect(result.output.trim()).toBe('');
  });

  it('the types are real: a misspelt config name fails to type-check', () => {
    const misspelt = readmeSnippet('eslint.config.ts').replace('deepseek.configs.recommended', 'deepseek.configs.recomended');
    const result = typecheck('typo', { 'eslint.config.ts': misspelt });
    expect(result.code).not.toBe(0);
    expect(result.stdout).toMatch(/eslint\.config\.ts.*error TS2551: Property 'recomended' does not exist/);
  });
});
