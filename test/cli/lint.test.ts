import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createESLintWithoutIgnoreFileWarning } from '../../src/lint-command';
import { KEY, PLAIN_INPUT } from './fixtures';
import { makeProject, removeProject, runCli } from './helpers';

const projects: string[] = [];
function project(files: Record<string, string>): string {
  const root = makeProject(files);
  projects.push(root);
  return root;
}
afterEach(() => {
  for (const root of projects.splice(0)) removeProject(root);
});

const REDACTED = `sk-…${KEY.slice(-4)}`;
const TS_WITH_KEY = `const apiKey: string = '${KEY}';\nexport default apiKey;\n`;
/** A project config that would crash ESLint if it were loaded. */
const HOSTILE_USER_CONFIG = "throw new Error('the user config must not be loaded');\n";

interface JsonResult {
  filePath: string;
  source?: string;
  errorCount: number;
  messages: Array<{ ruleId: string | null; line: number; column: number; message: string }>;
}

describe('lint', () => {
  it('reports a hardcoded key in TypeScript (redacted), ignores the project ESLint config, exits 1', () => {
    const root = project({ 'src/a.ts': TS_WITH_KEY, 'src/b.js': PLAIN_INPUT, 'eslint.config.js': HOSTILE_USER_CONFIG });
    const result = runCli(['lint'], root);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`${path.join(root, 'src/a.ts')}\n  1:25  error  DeepSeek API key ${REDACTED} is hardcoded.`);
    expect(result.stdout).toContain('deepseek/no-hardcoded-api-key');
    expect(result.stdout).toContain('1 problem (1 error, 0 warnings)');
    expect(result.stdout).not.toContain(KEY);
    expect(result.stderr).toBe('');
  });

  it('exits 0 with no output on clean code (JSX in .js included)', () => {
    const root = project({ 'src/b.js': PLAIN_INPUT, 'src/view.js': 'export const View = () => <div>hi</div>;\n' });
    expect(runCli(['lint'], root)).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('skips node_modules, build output and .gitignored files like migrate, text files included', () => {
    const root = project({
      '.gitignore': 'secrets/\n.env\n',
      '.env': `DEEPSEEK_API_KEY=${KEY}\n`,
      'node_modules/pkg/index.js': TS_WITH_KEY.replace(': string', ''),
      'node_modules/pkg/config.json': `{ "key": "${KEY}" }\n`,
      'dist/a.js': TS_WITH_KEY.replace(': string', ''),
      'secrets/a.ts': TS_WITH_KEY,
      'secrets/key.txt': `${KEY}\n`,
      'src/ok.ts': PLAIN_INPUT,
    });
    const result = runCli(['lint', '--format', 'json'], root);
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as JsonResult[]).map((entry) => path.relative(root, entry.filePath))).toEqual([
      '.gitignore',
      'src/ok.ts',
    ]);
  });

  it('--format json carries no source text and no full key', () => {
    const root = project({ 'a.ts': TS_WITH_KEY });
    const result = runCli(['lint', '-f', 'json', '.'], root);
    expect(result.status).toBe(1);
    const [entry] = JSON.parse(result.stdout) as JsonResult[];
    expect(entry.source).toBeUndefined();
    expect(entry.messages.map((message) => [message.ruleId, message.line, message.column])).toEqual([
      ['deepseek/no-hardcoded-api-key', 1, 25],
    ]);
    expect(result.stdout).not.toContain(KEY);
  });

  it('a file that does not parse is a lint error (exit 1)', () => {
    const root = project({ 'broken.ts': 'const = ;\n' });
    const result = runCli(['lint'], root);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('Parsing error');
  });

  it('--max-warnings turns warnings into exit 1', () => {
    // An explicit file that ESLint ignores by default is its canonical warning.
    const ignored = 'node_modules/pkg/index.js';
    const root = project({ [ignored]: 'module.exports = 1;\n' });
    const lenient = runCli(['lint', ignored], root);
    expect(lenient.status).toBe(0);
    expect(lenient.stdout).toContain('0 errors, 1 warning');
    const strict = runCli(['lint', '--max-warnings', '0', ignored], root);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toBe('ESLint found too many warnings (maximum: 0).\n');
    expect(runCli(['lint', '--max-warnings=1', ignored], root).status).toBe(0);
    expect(runCli(['lint', '--max-warnings=-1', ignored], root).status).toBe(0);
  });

  describe("the repository's own ESLint comments", () => {
    const FOREIGN_COMMENTS = [
      '// eslint-disable-next-line @typescript-eslint/no-explicit-any',
      'export const loose: any = 1;',
      '/* eslint-disable react-hooks/exhaustive-deps */',
      '/* eslint no-console: "error", react/prop-types: "off" */',
      "console.log('a core rule turned on by a comment does not run here');",
      '',
    ].join('\n');

    it('comments that name other plugins\' rules are not errors (exit 0, no output)', () => {
      const root = project({ 'src/a.ts': FOREIGN_COMMENTS, 'src/b.jsx': '// eslint-disable-line import/no-unresolved\nexport default 1;\n' });
      expect(runCli(['lint'], root)).toEqual({ status: 0, stdout: '', stderr: '' });
    });

    it('a real finding beside them is reported alone, with exact counts in --format json', () => {
      const root = project({ 'src/a.ts': `${FOREIGN_COMMENTS}${TS_WITH_KEY.replace('export default apiKey;', 'export { apiKey };')}` });
      const result = runCli(['lint', '--format', 'json'], root);
      expect(result.status).toBe(1);
      const entries = JSON.parse(result.stdout) as Array<JsonResult & { warningCount: number; fatalErrorCount: number }>;
      expect(entries).toHaveLength(1);
      expect(entries[0].messages.map((message) => [message.ruleId, message.line, message.column])).toEqual([
        ['deepseek/no-hardcoded-api-key', 6, 25],
      ]);
      expect([entries[0].errorCount, entries[0].warningCount, entries[0].fatalErrorCount]).toEqual([1, 0, 0]);
      expect(result.stderr).toBe('');
    });

    it('a disable comment that names a deepseek/* rule still suppresses it, alone or beside a foreign rule', () => {
      const root = project({
        'a.ts': `// eslint-disable-next-line deepseek/no-hardcoded-api-key\n${TS_WITH_KEY}`,
        'b.ts': `// eslint-disable-next-line react-hooks/exhaustive-deps, deepseek/no-hardcoded-api-key\n${TS_WITH_KEY}`,
        'c.ts': `/* eslint-disable */\n${TS_WITH_KEY}`,
        // The control: a comment for another rule leaves the finding in place.
        'd.ts': `// eslint-disable-next-line @typescript-eslint/no-explicit-any\n${TS_WITH_KEY}`,
      });
      const result = runCli(['lint', '-f', 'json'], root);
      expect(result.status).toBe(1);
      const entries = JSON.parse(result.stdout) as JsonResult[];
      expect(entries.map((entry) => [path.basename(entry.filePath), entry.errorCount, entry.messages.map((message) => message.ruleId)])).toEqual([
        ['a.ts', 0, []],
        ['b.ts', 0, []],
        ['c.ts', 0, []],
        ['d.ts', 1, ['deepseek/no-hardcoded-api-key']],
      ]);
    });

    it('a misspelt deepseek/* rule in a comment is still an error', () => {
      const root = project({ 'a.ts': '// eslint-disable-next-line deepseek/no-such-rule\nexport const a = 1;\n' });
      const result = runCli(['lint'], root);
      expect(result.status).toBe(1);
      expect(result.stdout).toContain("1:1  error  Definition for rule 'deepseek/no-such-rule' was not found");
      expect(result.stdout).toContain('1 problem (1 error, 0 warnings)');
    });
  });

  describe('.eslintignore', () => {
    it('its patterns are skipped like .gitignore ones, without ESLint\'s deprecation warning', () => {
      const root = project({
        '.eslintignore': '# generated code\nfixtures/\n*.generated.ts\n!keep.generated.ts\n',
        'fixtures/a.ts': TS_WITH_KEY,
        'src/api.generated.ts': TS_WITH_KEY,
        'src/keep.generated.ts': TS_WITH_KEY,
        'src/ok.ts': PLAIN_INPUT,
      });
      const result = runCli(['lint', '-f', 'json'], root);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(1);
      const entries = JSON.parse(result.stdout) as JsonResult[];
      expect(entries.map((entry) => [path.relative(root, entry.filePath), entry.errorCount])).toEqual([
        ['.eslintignore', 0],
        ['src/keep.generated.ts', 1],
        ['src/ok.ts', 0],
      ]);
    });

    it('only ESLint\'s .eslintignore warning is held back, and process.emitWarning is put back', async () => {
      const root = project({ '.eslintignore': 'fixtures/\n' });
      const emitWarning = process.emitWarning;
      const warnings: string[] = [];
      const onWarning = (warning: Error): void => {
        warnings.push(warning.name);
      };
      process.on('warning', onWarning);
      try {
        const eslint = createESLintWithoutIgnoreFileWarning({ cwd: root, overrideConfigFile: true });
        expect(process.emitWarning).toBe(emitWarning);
        expect(eslint).toBeDefined();
        // The control: the listener does hear warnings.
        process.emitWarning('a warning of someone else', 'OtherWarning');
        // Warnings are emitted on the next tick.
        await new Promise((resolve) => setImmediate(resolve));
      } finally {
        process.off('warning', onWarning);
      }
      expect(warnings).toEqual(['OtherWarning']);
    });

    it('a file named on the command line is linted even when .eslintignore lists it (as with .gitignore)', () => {
      const root = project({ '.eslintignore': 'fixtures/\n', 'fixtures/a.ts': TS_WITH_KEY });
      const result = runCli(['lint', 'fixtures/a.ts'], root);
      expect(result.status).toBe(1);
      expect(result.stdout).toContain('deepseek/no-hardcoded-api-key');
      expect(result.stderr).toBe('');
    });
  });

  const usage: Array<[string, string[], RegExp]> = [
    ['an unknown flag', ['lint', '--fix'], /^eslint-plugin-deepseek: unknown option '--fix' \(see --help\)\n$/],
    ['a missing path', ['lint', 'missing.js'], /^eslint-plugin-deepseek: no such file or directory: missing.js\n$/],
    ['a formatter that does not exist', ['lint', '-f', 'no-such-formatter'], /^eslint-plugin-deepseek: .*no-such-formatter.*\n$/],
    ['a bad --max-warnings', ['lint', '--max-warnings=-2'], /^eslint-plugin-deepseek: --max-warnings expects an integer >= -1, got '-2'\n$/],
    [
      'a dash value without =',
      ['lint', '--max-warnings', '-1'],
      /^eslint-plugin-deepseek: Option '--max-warnings' argument is ambiguous\.\n$/,
    ],
  ];
  it.each(usage)('%s exits 2 with one line', (_name, args, message) => {
    const root = project({ 'a.js': PLAIN_INPUT });
    const result = runCli(args, root);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });
});
