/**
 * The Python migration, fixture by fixture (test/codemod/python/): each `<case>.input.py`
 * comes out byte for byte as `<case>.output.py`, each output fed back in comes out
 * unchanged with nothing to review, every output compiles with `python3 -m py_compile`,
 * and the review and note lists are exact. Through the CLI: a file that does not parse is
 * left untouched and reported as failed, and the file's path and line come with each item.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePythonSource } from '../../src/python/migrate';
import { MissingPythonParserError, loadPythonParser, parsePython } from '../../src/python/parser';
import { lintPythonSource } from '../../src/python/lint';
import { makeProject, runCli } from '../cli/helpers';

const FIXTURES = join(__dirname, 'python');
const read = (file: string) => readFileSync(join(FIXTURES, file), 'utf8');
const inputs = readdirSync(FIXTURES).filter((file) => file.endsWith('.input.py')).sort();
const outputOf = (input: string) => input.replace('.input.', '.output.');
const scratch = mkdtempSync(join(tmpdir(), 'deepseek-python-'));

beforeAll(() => loadPythonParser());
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const ENV_FALLBACK = 'the fallback of an environment variable: update the default and the environment, and set the thinking flag where the request is made';
const REASSIGNED = '`retried` is assigned more than once (or is a parameter or loop variable) and may change: migrate it by hand';
const CONDITIONAL = 'a conditional that mixes a legacy ID with another value: choose the model and thinking flag by hand';

/** Exact review items (line, column, code, reason); every other fixture lists none. */
const EXPECTED_REVIEW: Record<string, Array<[number, number, string, string]>> = {
  'default-parameter.input.py': [
    [10, 48, 'default-parameter', '`model` defaults to a legacy ID and is used outside a DeepSeek request (line 11): set the default and the thinking flag by hand'],
  ],
  'type-only.input.py': [
    [5, 20, 'type', 'a type hint names a legacy ID and no value of this module migrates: update it with the values it describes'],
  ],
  'review.input.py': [
    [7, 42, 'env-fallback', ENV_FALLBACK],
    [8, 44, 'env-fallback', ENV_FALLBACK],
    [10, 11, 'object-key', 'a legacy ID as a dict key (config map): migrate the map and its lookups by hand'],
    [12, 11, 'reassignable', REASSIGNED],
    [13, 11, 'reassignable', REASSIGNED],
    [16, 16, 'default-parameter', '`model` defaults to a legacy ID and is used outside a DeepSeek request (line 17): set the default and the thinking flag by hand'],
    [21, 21, 'comparison', 'compared with a legacy ID: after the migration no request sends it; compare with the new model and the thinking flag'],
    [25, 49, 'conditional', CONDITIONAL],
    [29, 49, 'spread', 'the call spreads `options`, which may already set the thinking flag: add it (thinking disabled) by hand'],
    [33, 49, 'not-object-literal', '`extra_body` is not a dict literal here: add "thinking": {"type": "disabled"} to it by hand'],
    [
      37,
      49,
      'conflict',
      'the request already sets `extra_body.thinking` to {"type": "enabled"}, which conflicts with the legacy ID (thinking disabled): choose by hand',
    ],
    [40, 10, 'constant-other-use', 'the constant is also used outside a DeepSeek request (line 41): its meaning changes with the model, migrate it by hand'],
    [
      44,
      22,
      'not-a-request',
      '`"model"` in a dict that is not a DeepSeek request this file sends (config dict, or a value that crosses modules): set the model and the thinking flag (thinking disabled) where the request is made',
    ],
  ],
};

/** Migrated sites listed for a reader: [line, code]. */
const EXPECTED_NOTES: Record<string, Array<[number, string]>> = {
  'no-visible-sender.input.py': [
    [2, 'no-visible-sender'],
    [6, 'no-visible-sender'],
  ],
};

function pyCompile(file: string, text: string): void {
  const path = join(scratch, file);
  writeFileSync(path, text);
  // The byte-code goes to the scratch directory, not next to the fixtures.
  execFileSync('python3', ['-m', 'py_compile', path], { env: { ...process.env, PYTHONPYCACHEPREFIX: join(scratch, 'pycache') } });
}

describe.each(inputs)('%s', (input) => {
  it('migrates to the expected output, listing exactly what needs review', () => {
    const result = migratePythonSource(read(input));
    expect(result.output).toBe(read(outputOf(input)));
    expect(result.review.map((item) => [item.line, item.column, item.code, item.reason])).toEqual(EXPECTED_REVIEW[input] ?? []);
    expect(result.notes.map((item) => [item.line, item.code])).toEqual(EXPECTED_NOTES[input] ?? []);
    for (const item of result.review) expect(item.blocking).toBe(item.code !== 'comparison' && item.code !== 'type');
  });

  it('is idempotent: the output fed back in comes out unchanged', () => {
    const output = read(outputOf(input));
    const again = migratePythonSource(output);
    expect(again.output).toBe(output);
    expect(again.changed).toBe(false);
    expect(again.review.map((item) => [item.line, item.column, item.code, item.reason])).toEqual(EXPECTED_REVIEW[input] ?? []);
  });

  it('the output compiles (python3 -m py_compile)', () => {
    expect(() => pyCompile(outputOf(input), read(outputOf(input)))).not.toThrow();
  });
});

describe('the mixed JS/Python fixture project (test/codemod/projects/fullstack, migrated by projects.test.ts)', () => {
  const expected = join(__dirname, 'projects', 'fullstack', 'expected', 'api');
  it.each(readdirSync(expected).filter((file) => file.endsWith('.py')))('expected/api/%s compiles', (file) => {
    expect(() => pyCompile(`fullstack-${file}`, readFileSync(join(expected, file), 'utf8'))).not.toThrow();
  });
});

describe('Python parse and options', () => {
  it('a syntax error throws a SyntaxError with its line and column (tree-sitter recovers, the migration does not)', () => {
    expect(() => parsePython('def ask(:\n    pass\n')).toThrow(SyntaxError);
    try {
      parsePython('x = 1\nclient.chat.completions.create(model="deepseek-chat"\n');
    } catch (error) {
      expect((error as { loc?: { line: number } }).loc?.line).toBe(2);
    }
  });

  it('keeps a BOM and writes the chosen target model', () => {
    const source = '\uFEFFclient.chat.completions.create(model="deepseek-chat", messages=[])\n';
    const result = migratePythonSource(source, { targetModel: 'deepseek-v4-pro' });
    expect(result.output).toBe('\uFEFFclient.chat.completions.create(model="deepseek-v4-pro", messages=[], extra_body={"thinking": {"type": "disabled"}})\n');
  });

  it('names the packages to install when the parser is missing', () => {
    expect(new MissingPythonParserError().message).toBe(
      'Python files need web-tree-sitter and tree-sitter-python: npm install --save-dev web-tree-sitter tree-sitter-python',
    );
  });
});

describe('migrate CLI on Python files', () => {
  it('leaves a file that does not parse untouched and reports it failed; migrates the rest', () => {
    const broken = 'def ask(:\n    return client.chat.completions.create(model="deepseek-chat")\n';
    const project = makeProject({
      'broken.py': broken,
      'ok.py': 'client.chat.completions.create(model="deepseek-chat", messages=[])\n',
    });
    try {
      const result = runCli(['migrate', '.', '--json'], project);
      expect(result.status).toBe(1);
      const report = JSON.parse(result.stdout) as { errors: Array<{ file: string; message: string }> };
      expect(report.errors).toEqual([{ file: 'broken.py', message: 'parse error at 1:9: invalid syntax' }]);
      expect(readFileSync(join(project, 'broken.py'), 'utf8')).toBe(broken);
      expect(readFileSync(join(project, 'ok.py'), 'utf8')).toBe(
        'client.chat.completions.create(model="deepseek-v4-flash", messages=[], extra_body={"thinking": {"type": "disabled"}})\n',
      );
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  it('lists review items with the file and line, and --check fails on them', () => {
    const project = makeProject({ 'settings.py': 'import os\nMODEL = os.getenv("MODEL", "deepseek-chat")\n' });
    try {
      const result = runCli(['migrate', '.', '--json'], project);
      const report = JSON.parse(result.stdout) as { review: Array<{ file: string; line: number; code: string }> };
      expect(report.review.map(({ file, line, code }) => ({ file, line, code }))).toEqual([{ file: 'settings.py', line: 2, code: 'env-fallback' }]);
      expect(runCli(['migrate', '.', '--check'], project).status).toBe(1);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});

describe('without the optional Python parser', () => {
  let cli: string;
  beforeAll(() => {
    cli = packageWithoutPythonParser();
  });
  const run = (args: string[], cwd: string) => {
    const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  /** A copy of the built package whose node_modules has every package of this repository but the Python parser. */
  function packageWithoutPythonParser(): string {
    const root = join(__dirname, '..', '..');
    const copy = join(scratch, 'package-without-python');
    cpSync(join(root, 'dist'), join(copy, 'dist'), { recursive: true });
    cpSync(join(root, 'package.json'), join(copy, 'package.json'));
    mkdirSync(join(copy, 'node_modules'));
    for (const entry of readdirSync(join(root, 'node_modules'))) {
      if (entry.startsWith('.') || entry === 'web-tree-sitter' || entry === 'tree-sitter-python') continue;
      symlinkSync(join(root, 'node_modules', entry), join(copy, 'node_modules', entry));
    }
    return join(copy, 'dist', 'src', 'cli.js');
  }

  it('migrate reports each Python file that needs it with one line naming the packages, and migrates the rest', () => {
    const project = makeProject({
      'api/app.py': 'client.chat.completions.create(model="deepseek-chat", messages=[])\n',
      'api/plain.py': 'print("no model here")\n',
      'web/app.js': "fetch('https://api.deepseek.com/chat/completions', { method: 'POST', body: JSON.stringify({ model: 'deepseek-chat', messages: [] }) });\n",
    });
    try {
      const result = run(['migrate', '.', '--json'], project);
      const report = JSON.parse(result.stdout) as { errors: Array<{ file: string; message: string }> };
      expect(report.errors).toEqual([
        { file: 'api/app.py', message: 'Python files need web-tree-sitter and tree-sitter-python: npm install --save-dev web-tree-sitter tree-sitter-python' },
      ]);
      expect(readFileSync(join(project, 'web', 'app.js'), 'utf8')).toContain("model: 'deepseek-v4-flash'");
      expect(readFileSync(join(project, 'api', 'app.py'), 'utf8')).toContain('"deepseek-chat"');
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  it('lint still searches a Python file for keys, and ends with that line (exit 1)', () => {
    const project = makeProject({ 'app.py': 'client = OpenAI(base_url="https://api.deepseek.com")\n' });
    try {
      const result = run(['lint', '.'], project);
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(
        'app.py: Python files need web-tree-sitter and tree-sitter-python: npm install --save-dev web-tree-sitter tree-sitter-python (Python files got the key search only)\n',
      );
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});

describe('Python files cut short anywhere', () => {
  // Every fixture cut at many points: the migration throws a SyntaxError (file left alone) or
  // returns text that still parses; the lint never throws.
  it.each(inputs)('%s', (input) => {
    const source = read(input);
    for (let end = 0; end < source.length; end += 37) {
      const text = source.slice(0, end);
      let output: string | undefined;
      try {
        output = migratePythonSource(text).output;
      } catch (error) {
        expect(error).toBeInstanceOf(SyntaxError);
      }
      if (output !== undefined) expect(() => parsePython(output).delete()).not.toThrow();
      expect(() => lintPythonSource(text, input)).not.toThrow();
    }
  });
});
