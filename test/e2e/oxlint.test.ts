/**
 * oxlint 1.x with eslint-plugin-deepseek as a JS plugin (README .oxlintrc.json):
 * the README command, and parity with ESLint on every example of docs/rules.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { CLEAN_TS, KEY_TS, PLANTED_KEY } from './fixtures';
import { commandLines, readmeSnippet, run, runLine, writeTree } from './helpers';

interface OxlintDiagnostic {
  /** `plugin(rule)`; absent for parse errors. */
  code?: string;
  filename: string;
  labels: { span: { line: number; column: number } }[];
}
interface EslintResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; fatal?: boolean }[];
}

const FENCE = /```(js|jsx|ts|tsx)\n([\s\S]*?)\n```/g;

/**
 * Every js/jsx/ts example of the shipped docs/rules pages as a file, and, since
 * a block often lists several ❌ cases that redeclare the same `const client`
 * (so the block as a whole does not parse), each blank-line-separated paragraph
 * of a block as a file of its own too.
 */
function docExamples(project: string): Record<string, string> {
  const docs = join(project, 'node_modules', 'eslint-plugin-deepseek', 'docs', 'rules');
  const files: Record<string, string> = {};
  for (const page of readdirSync(docs).filter((file) => file.endsWith('.md'))) {
    let block = 0;
    for (const [, lang, code] of readFileSync(join(docs, page), 'utf8').matchAll(FENCE)) {
      const name = `examples/${page.replace(/\.md$/, '')}-${block++}`;
      files[`${name}.${lang}`] = `${code}\n`;
      const paragraphs = code.split(/\n\s*\n/);
      if (paragraphs.length > 1) paragraphs.forEach((paragraph, index) => (files[`${name}-p${index}.${lang}`] = `${paragraph}\n`));
    }
  }
  return files;
}

describe('oxlint with eslint-plugin-deepseek as a jsPlugin', () => {
  let project: string;
  let oxlintrc: { jsPlugins: string[]; rules: Record<string, string> };
  beforeAll(() => {
    project = inject('project10');
    oxlintrc = JSON.parse(readmeSnippet('.oxlintrc.json')) as typeof oxlintrc;
  });

  it('the README .oxlintrc.json lists exactly the rules of configs.recommended', () => {
    const recommended = JSON.parse(
      run('node', ['-e', "process.stdout.write(JSON.stringify(require('eslint-plugin-deepseek').configs.recommended.rules))"], {
        cwd: project,
      }).stdout,
    ) as Record<string, string>;
    expect(oxlintrc.jsPlugins).toEqual(['eslint-plugin-deepseek']);
    expect(oxlintrc.rules).toEqual(recommended);
  });

  it('the README command reports a key with exit 1 without printing it, and passes clean code', () => {
    const [line] = commandLines(readmeSnippet('oxlint'));
    const planted = join(project, 'cases', 'oxlint', 'planted');
    writeTree(planted, { '.oxlintrc.json': readmeSnippet('.oxlintrc.json'), 'src/client.ts': KEY_TS, 'src/clean.ts': CLEAN_TS });
    const bad = runLine(line, { cwd: planted });
    expect(bad.code, bad.output).toBe(1);
    expect(bad.output).toContain('deepseek(no-hardcoded-api-key)');
    expect(bad.output).toMatch(/sk-…[0-9a-f]{4} is hardcoded/);
    expect(bad.output).not.toContain(PLANTED_KEY);

    const clean = join(project, 'cases', 'oxlint', 'clean');
    writeTree(clean, { '.oxlintrc.json': readmeSnippet('.oxlintrc.json'), 'src/clean.ts': CLEAN_TS });
    const good = runLine(line, { cwd: clean });
    expect(good.code, good.output).toBe(0);
  });

  it("oxlint's default output shows the source line, key included (why the README asks for --format)", () => {
    const planted = join(project, 'cases', 'oxlint', 'planted');
    const result = run('npx', ['oxlint', '.'], { cwd: planted });
    expect(result.code).toBe(1);
    expect(result.output).toContain(PLANTED_KEY);
  });

  it('reports exactly what ESLint reports on every docs/rules example, for every rule', () => {
    const dir = join(project, 'cases', 'oxlint', 'parity');
    const allRules = JSON.parse(
      run('node', ['-e', "process.stdout.write(JSON.stringify(require('eslint-plugin-deepseek').configs.all.rules))"], { cwd: project }).stdout,
    ) as Record<string, string>;
    writeTree(dir, {
      ...docExamples(project),
      'examples/planted-key.ts': KEY_TS,
      // Every rule (configs.all), not just the README's recommended set.
      '.oxlintrc.json': `${JSON.stringify({ ...oxlintrc, rules: allRules }, null, 2)}\n`,
      // The reference: ESLint with the same rules, JSX on for .js/.jsx, TS through typescript-eslint.
      'eslint.config.js': `import tseslint from 'typescript-eslint';
import deepseek from 'eslint-plugin-deepseek';

export default [
  { files: ['**/*.{js,jsx}'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
  { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser } },
  deepseek.configs.all,
  { linterOptions: { reportUnusedDisableDirectives: 'off' } },
];
`,
    });

    const eslint = run('npx', ['eslint', '--format', 'json', 'examples'], { cwd: dir });
    expect(eslint.code, eslint.stderr).toBe(1);
    const eslintResults = JSON.parse(eslint.stdout) as EslintResult[];
    const unparsable = eslintResults.filter((r) => r.messages.some((m) => m.fatal)).map((r) => r.filePath.slice(dir.length + 1));
    const fromEslint = eslintResults
      .filter((r) => !r.messages.some((m) => m.fatal))
      .flatMap((r) =>
        r.messages
          .filter((m) => m.ruleId?.startsWith('deepseek/'))
          .map((m) => `${m.ruleId!.slice('deepseek/'.length)} ${r.filePath.slice(dir.length + 1)}:${m.line}:${m.column}`),
      )
      .sort();

    const oxlint = run('npx', ['oxlint', '--format', 'json', 'examples'], { cwd: dir });
    expect(oxlint.code, oxlint.stderr).toBe(1);
    const diagnostics = (JSON.parse(oxlint.stdout) as { diagnostics: OxlintDiagnostic[] }).diagnostics;
    // Both linters must agree on which examples do not parse, and on everything else.
    const unparsableForOxlint = [...new Set(diagnostics.filter((d) => d.code === undefined).map((d) => d.filename))].sort();
    expect(unparsableForOxlint).toEqual(unparsable.sort());
    const fromOxlint = diagnostics
      .filter((d) => d.code?.startsWith('deepseek(') && !unparsable.includes(d.filename))
      .map((d) => `${d.code!.slice('deepseek('.length, -1)} ${d.filename}:${d.labels[0].span.line}:${d.labels[0].span.column}`)
      .sort();

    expect(fromOxlint).toEqual(fromEslint);
    // The examples exercise every rule, so parity is shown for each of them.
    const rulesSeen = [...new Set(fromEslint.map((entry) => entry.split(' ')[0]))].sort();
    expect(rulesSeen).toEqual(Object.keys(allRules).map((rule) => rule.slice('deepseek/'.length)).sort());
  });
});
