/**
 * The packed tarball in a fresh project, with ESLint 10 and ESLint 9: the
 * README's eslint.config.js (ESM) and eslint.config.cjs, TypeScript through
 * typescript-eslint's parser, the `npx eslint-plugin-deepseek` commands and
 * the transform under plain jscodeshift.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { CLEAN_JS, CLEAN_TS, KEY_TS, KEY_TS_LINE, LEGACY_JS, PLANTED_KEY } from './fixtures';
import { commandLines, readmeSnippet, run, runLine, writeTree } from './helpers';

interface EslintMessage {
  ruleId: string | null;
  line: number;
  fatal?: boolean;
  message: string;
}
interface EslintResult {
  filePath: string;
  messages: EslintMessage[];
}

const KEY_RULE = 'deepseek/no-hardcoded-api-key';

/** `{file: ["rule@line", …]}` for every file with messages: exact, readable in a diff. */
function reportsByFile(json: string, root: string): Record<string, string[]> {
  const results = JSON.parse(json) as EslintResult[];
  const byFile: Record<string, string[]> = {};
  for (const result of results) {
    if (result.messages.length === 0) continue;
    byFile[result.filePath.slice(root.length + 1)] = result.messages.map((m) => `${m.ruleId ?? 'FATAL:' + m.message}@${m.line}`);
  }
  return byFile;
}

describe.each([
  { major: 10, project: () => inject('project10') },
  { major: 9, project: () => inject('project9') },
])('ESLint $major with the packed tarball', ({ major, project }) => {
  let root: string;
  beforeAll(() => {
    root = project();
  });

  it(`installed eslint@${major}`, () => {
    const version = run('npx', ['eslint', '--version'], { cwd: root });
    expect(version.stdout.trim()).toMatch(new RegExp(`^v${major}\\.`));
  });

  describe.each([
    { style: 'ESM', configFile: 'eslint.config.js' },
    { style: 'CommonJS', configFile: 'eslint.config.cjs' },
  ])('$style config ($configFile from the README)', ({ configFile }) => {
    it('`npx eslint .` reports the planted key in a .ts file with exit 1, without printing the key', () => {
      const dir = join(root, 'cases', configFile, 'planted');
      writeTree(dir, { [configFile]: readmeSnippet(configFile), 'src/client.ts': KEY_TS, 'src/clean.ts': CLEAN_TS });

      const stylish = run('npx', ['eslint', '.'], { cwd: dir });
      expect(stylish.code, stylish.output).toBe(1);
      expect(stylish.stdout).toContain('src/client.ts');
      expect(stylish.stdout).toContain(KEY_RULE);
      expect(stylish.output).not.toContain(PLANTED_KEY);

      const json = run('npx', ['eslint', '--format', 'json', '.'], { cwd: dir });
      expect(json.code).toBe(1);
      expect(reportsByFile(json.stdout, dir)).toEqual({ 'src/client.ts': [`${KEY_RULE}@${KEY_TS_LINE}`] });
    });

    it('`npx eslint .` passes clean TypeScript and JavaScript with exit 0', () => {
      const dir = join(root, 'cases', configFile, 'clean');
      writeTree(dir, { [configFile]: readmeSnippet(configFile), 'src/clean.ts': CLEAN_TS, 'src/clean.cjs': CLEAN_JS });

      const result = run('npx', ['eslint', '--format', 'json', '.'], { cwd: dir });
      expect(result.code, result.output).toBe(0);
      const linted = (JSON.parse(result.stdout) as EslintResult[]).map((r) => r.filePath.slice(dir.length + 1)).sort();
      // The .ts file is linted (not silently skipped) and parses.
      expect(linted).toEqual([configFile, 'src/clean.cjs', 'src/clean.ts'].sort());
      expect(reportsByFile(result.stdout, dir)).toEqual({});
    });
  });

  describe('the package CLI, without any ESLint config (README "cli" snippet)', () => {
    const [lintLine, checkLine] = commandLines(readmeSnippet('cli'));

    it('`lint .` reports the key with exit 1 and passes a clean tree with exit 0', () => {
      const planted = join(root, 'cases', 'cli', 'planted');
      writeTree(planted, { 'src/client.ts': KEY_TS, 'src/clean.ts': CLEAN_TS });
      const bad = runLine(lintLine, { cwd: planted });
      expect(bad.code, bad.output).toBe(1);
      expect(bad.stdout).toContain('src/client.ts');
      expect(bad.stdout).toContain(KEY_RULE);
      expect(bad.output).not.toContain(PLANTED_KEY);

      const clean = join(root, 'cases', 'cli', 'clean');
      writeTree(clean, { 'src/clean.ts': CLEAN_TS, 'src/clean.js': CLEAN_JS });
      const good = runLine(lintLine, { cwd: clean });
      expect(good.code, good.output).toBe(0);
    });

    it('`migrate --check .` exits 1 on a retired model ID and writes nothing; 0 on a clean tree', () => {
      const legacy = join(root, 'cases', 'cli', 'legacy');
      writeTree(legacy, { 'src/ask.js': LEGACY_JS, 'src/clean.ts': CLEAN_TS });
      const bad = runLine(checkLine, { cwd: legacy });
      expect(bad.code, bad.output).toBe(1);
      expect(bad.output).toContain('src/ask.js');
      expect(readFileSync(join(legacy, 'src/ask.js'), 'utf8')).toBe(LEGACY_JS);

      const clean = join(root, 'cases', 'cli', 'clean-migrate');
      writeTree(clean, { 'src/clean.ts': CLEAN_TS, 'src/clean.js': CLEAN_JS });
      const good = runLine(checkLine, { cwd: clean });
      expect(good.code, good.output).toBe(0);
    });
  });

  it('`npx jscodeshift -t <installed transform>` (README snippet) migrates like `migrate` does', () => {
    const [jscodeshiftLine] = commandLines(readmeSnippet('jscodeshift'));
    // The snippet runs from the project root on src/ (the path to the transform is relative to it).
    const viaJscodeshift = join(root, 'src');
    const viaCli = join(root, 'cases', 'jscodeshift-cli');
    writeTree(viaJscodeshift, { 'ask.js': LEGACY_JS, 'ask.ts': LEGACY_JS, 'clean.ts': CLEAN_TS });
    cpSync(viaJscodeshift, viaCli, { recursive: true });

    const shifted = runLine(jscodeshiftLine, { cwd: root });
    expect(shifted.code, shifted.output).toBe(0);
    const migrated = readFileSync(join(viaJscodeshift, 'ask.js'), 'utf8');
    expect(migrated).not.toContain('deepseek-chat');
    expect(migrated).toContain("model: 'deepseek-v4-flash'");
    expect(migrated).toMatch(/thinking: \{ type: 'disabled' \}/);
    // --extensions reaches .ts files too.
    expect(readFileSync(join(viaJscodeshift, 'ask.ts'), 'utf8')).not.toContain('deepseek-chat');
    expect(readFileSync(join(viaJscodeshift, 'clean.ts'), 'utf8')).toBe(CLEAN_TS);

    // Not a git repository, so the writing run needs no --force.
    const cli = run('npx', ['eslint-plugin-deepseek', 'migrate', '.'], { cwd: viaCli });
    expect(cli.code, cli.output).toBe(0);
    expect(readFileSync(join(viaCli, 'ask.js'), 'utf8')).toBe(migrated);
});
});
