/**
 * `lint` on Python files (src/python/lint.ts through src/lint-command.ts): the exact
 * findings on test/cli/python/, with the JavaScript rules' own messages and rule IDs, in
 * the json, stylish and SARIF formats; a tree without DeepSeek in its Python files never
 * loads the Python parser; a Python file that does not parse is one fatal message.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runLint } from '../../src/lint-command';
import { isPythonParserLoaded } from '../../src/python/parser';
import { ruleMessage } from '../../src/python/lint';
import { makeProject, removeProject, runCli } from './helpers';

const FIXTURES = join(__dirname, 'python');
const projects: string[] = [];
function project(files: Record<string, string>): string {
  const root = makeProject(files);
  projects.push(root);
  return root;
}
afterEach(() => {
  for (const root of projects.splice(0)) removeProject(root);
});

interface JsonResult {
  filePath: string;
  errorCount: number;
  messages: Array<{ ruleId: string | null; messageId?: string; line: number; column: number; message: string; fatal?: boolean }>;
}

const silent = { update: () => {}, clear: () => {} };

describe('lint on Python files', () => {
  // First: the tests after it load the parser into this process.
  it('does not load the Python parser for Python files that never mention DeepSeek', async () => {
    const root = project({ 'tool.py': 'print("hello")\n', 'app.js': 'export const a = 1;\n' });
    const outcome = await runLint({ paths: ['.'], cwd: root, format: 'json', maxWarnings: -1, progress: silent });
    expect(outcome.exitCode).toBe(0);
    expect((JSON.parse(outcome.output) as JsonResult[]).map((entry) => entry.errorCount)).toEqual([0, 0]);
    expect(isPythonParserLoaded()).toBe(false);
  });

  it('reports each finding with the rule ID, position and the JavaScript rule message', () => {
    const root = project({});
    cpSync(FIXTURES, root, { recursive: true });
    const result = runCli(['lint', '.', '--format', 'json'], root);
    expect(result.status).toBe(1);
    const results = JSON.parse(result.stdout) as JsonResult[];
    const byFile = Object.fromEntries(results.map((entry) => [entry.filePath.slice(root.length + 1), entry]));
    expect(byFile['clean.py'].messages).toEqual([]);
    const found = byFile['service.py'].messages.map(({ line, column, ruleId, messageId }) => [line, column, ruleId, messageId]);
    expect(found).toEqual([
      [9, 32, 'deepseek/valid-base-url', 'endpointInBaseUrl'],
      [10, 38, 'deepseek/valid-base-url', 'missingAnthropicPath'],
      [11, 29, 'deepseek/valid-base-url', 'lookalikeHost'],
      [15, 48, 'deepseek/no-unknown-model-id', 'unknownModel'],
      [18, 19, 'deepseek/valid-base-url', 'insecureScheme'],
      [18, 89, 'deepseek/valid-authorization-header', 'missingScheme'],
      [18, 110, 'deepseek/no-legacy-model-id', 'legacyModel'],
      [22, 16, 'deepseek/no-non-bearer-auth', 'keyHeader'],
      [22, 51, 'deepseek/valid-authorization-header', 'schemeCase'],
      [23, 26, 'deepseek/no-non-bearer-auth', 'keyInQuery'],
    ]);
    const messages = byFile['service.py'].messages.map((message) => message.message);
    expect(messages).toContain(
      "The base URL 'https://api.deepseek.com/chat/completions' ends in the endpoint path '/chat/completions'; the SDK appends it again. Use 'https://api.deepseek.com'.",
    );
    expect(messages).toContain(
      "'deepseek-v4-turbo' is not a DeepSeek model ID; the request fails. Known IDs: deepseek-v4-flash, deepseek-v4-pro, deepseek-flash, deepseek-v4-flash-vision-exp.",
    );
    expect(messages).toContain("'deepseek-chat' was retired on 2026-07-24. Use 'deepseek-v4-flash' with thinking disabled set explicitly (V4 models think by default).");
    expect(messages).toContain('DeepSeek does not read the key from the `X-API-Key` header; send it as `Authorization: Bearer <key>`.');
    expect(messages).toContain('The Authorization header of this DeepSeek request has no scheme: DeepSeek expects `Bearer <key>` and answers 401.');
  });

  it('prints the findings in the stylish format and as SARIF results with the rule IDs', async () => {
    const root = project({});
    cpSync(FIXTURES, root, { recursive: true });
    const stylish = runCli(['lint', '.'], root);
    expect(stylish.stdout).toContain('service.py');
    expect(stylish.stdout).toMatch(/18:89 +error +The Authorization header of this DeepSeek request has no scheme/);
    expect(stylish.stdout).toContain('10 problems (10 errors, 0 warnings)');

    const outcome = await runLint({ paths: ['.'], cwd: root, format: 'json', maxWarnings: -1, progress: silent });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sarif = JSON.parse(require('@microsoft/eslint-formatter-sarif')(JSON.parse(outcome.output))) as {
      runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }> }>;
    };
    const results = sarif.runs[0].results.map((entry) => [entry.ruleId, entry.locations[0].physicalLocation.artifactLocation.uri.split('/').at(-1), entry.locations[0].physicalLocation.region.startLine]);
    expect(results).toContainEqual(['deepseek/no-non-bearer-auth', 'service.py', 23]);
    expect(results).toHaveLength(10);
  });

  it('a Python file that does not parse is one fatal message', () => {
    const root = project({ 'broken.py': 'client = OpenAI(base_url="https://api.deepseek.com"\n' });
    const result = runCli(['lint', '.', '--format', 'json'], root);
    expect(result.status).toBe(1);
    const [entry] = JSON.parse(result.stdout) as JsonResult[];
    expect(entry.messages).toEqual([{ ruleId: null, fatal: true, severity: 2, message: 'Parsing error: invalid syntax', line: 1, column: 1 }]);
  });

  it('honours # eslint-disable-line and # eslint-disable-next-line for the rules they name', () => {
    const root = project({
      'app.py': [
        'from openai import OpenAI',
        'client = OpenAI(base_url="http://api.deepseek.com")  # eslint-disable-line deepseek/valid-base-url -- local proxy',
        '# eslint-disable-next-line deepseek/no-unknown-model-id',
        'client.chat.completions.create(model="deepseek-v9", messages=[])',
        'client.chat.completions.create(model="deepseek-v8", messages=[])  # eslint-disable-line deepseek/valid-base-url',
        '',
      ].join('\n'),
    });
    const [entry] = JSON.parse(runCli(['lint', '.', '--format', 'json'], root).stdout) as Array<JsonResult & { suppressedMessages: JsonResult['messages'] }>;
    expect(entry.messages.map(({ line, ruleId }) => [line, ruleId])).toEqual([[5, 'deepseek/no-unknown-model-id']]);
    expect(entry.suppressedMessages.map(({ line, ruleId }) => [line, ruleId])).toEqual([
      [2, 'deepseek/valid-base-url'],
      [4, 'deepseek/no-unknown-model-id'],
    ]);
  });

  it("names litellm's provider prefix in the target of a retired ID", () => {
    const root = project({ 'llm.py': 'from litellm import completion\ncompletion(model="deepseek/deepseek-reasoner", messages=[])\n' });
    const [entry] = JSON.parse(runCli(['lint', '.', '--format', 'json'], root).stdout) as JsonResult[];
    expect(entry.messages.map((message) => message.message)).toEqual([
      "'deepseek/deepseek-reasoner' was retired on 2026-07-24. Use 'deepseek/deepseek-v4-flash' with thinking enabled set explicitly (V4 models think by default).",
    ]);
  });

  it('fills rule messages from the rules themselves', () => {
    expect(ruleMessage('no-non-bearer-auth', 'keyInQuery', { param: 'key' })).toBe(
      'DeepSeek does not read the key from the query string (`key`); send it as `Authorization: Bearer <key>`. Keys in URLs also end up in logs.',
    );
  });
});
