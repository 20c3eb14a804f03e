import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
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

  it('skips node_modules, build output and .gitignored files like migrate', () => {
    const root = project({
      '.gitignore': 'secrets/\n',
      'node_modules/pkg/index.js': TS_WITH_KEY.replace(': string', ''),
      'dist/a.js': TS_WITH_KEY.replace(': string', ''),
      'secrets/a.ts': TS_WITH_KEY,
      'src/ok.ts': PLAIN_INPUT,
    });
    const result = runCli(['lint', '--format', 'json'], root);
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as JsonResult[]).map((entry) => path.relative(root, entry.filePath))).toEqual([
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
    // An explicit file no config covers is ESLint's canonical warning.
    const root = project({ 'notes.txt': 'hello\n' });
    const lenient = runCli(['lint', 'notes.txt'], root);
    expect(lenient.status).toBe(0);
    expect(lenient.stdout).toContain('0 errors, 1 warning');
    const strict = runCli(['lint', '--max-warnings', '0', 'notes.txt'], root);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toBe('ESLint found too many warnings (maximum: 0).\n');
    expect(runCli(['lint', '--max-warnings=1', 'notes.txt'], root).status).toBe(0);
    expect(runCli(['lint', '--max-warnings=-1', 'notes.txt'], root).status).toBe(0);
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
