/**
 * The plugin as users run it: ESLint's Node API with `configs.recommended`
 * (no ESLint config file) on a scratch project in the OS temp directory.
 * Each of the four mistakes of issue 2 is found, correct code stays quiet,
 * and neither the json nor the stylish formatter prints a full key.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index';
import { redactKey } from '../../src/deepseek';
import { testKey } from '../helpers/keys';

const ROOT = join(__dirname, '..', '..');

function eslintFor(cwd: string): ESLint {
  return new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.{ts,mts,cts,tsx}'], languageOptions: { parser: tseslint.parser as Linter.Parser } },
      plugin.configs.recommended as unknown as Linter.Config,
    ],
  });
}

/** `file:line ruleId` for every message, sorted: exact, readable failure diffs. */
function findings(results: ESLint.LintResult[], cwd: string): string[] {
  return results
    .flatMap((result) => result.messages.map((message) => `${relative(cwd, result.filePath)}:${message.line} ${message.ruleId ?? `fatal: ${message.message}`}`))
    .sort();
}

const KEYS = [testKey(101), testKey(102), testKey(103), testKey(104)];

/** One file per mistake, each with exactly one mistake, in TS, ESM and CommonJS. */
const MISTAKES: Record<string, { code: string; expected: string[] }> = {
  'hardcoded-key.ts': {
    code: [
      "import OpenAI from 'openai';",
      `export const client = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: '${KEYS[0]}' });`,
    ].join('\n'),
    expected: ['hardcoded-key.ts:2 deepseek/no-hardcoded-api-key'],
  },
  'token-scheme.mjs': {
    code: [
      'export async function ask(body) {',
      "  return fetch('https://api.deepseek.com/chat/completions', {",
      "    method: 'POST',",
      '    headers: { Authorization: `Token ${process.env.DEEPSEEK_API_KEY}` },',
      '    body: JSON.stringify(body),',
      '  });',
      '}',
    ].join('\n'),
    expected: ['token-scheme.mjs:4 deepseek/valid-authorization-header'],
  },
  'query-key.cjs': {
    code: [
      "const axios = require('axios');",
      'async function balance() {',
      '  return axios.get(`https://api.deepseek.com/user/balance?api_key=${process.env.DEEPSEEK_API_KEY}`);',
      '}',
      'module.exports = { balance };',
    ].join('\n'),
    expected: ['query-key.cjs:3 deepseek/no-non-bearer-auth'],
  },
  'legacy-model.ts': {
    code: [
      "import OpenAI from 'openai';",
      "const client = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: process.env.DEEPSEEK_API_KEY });",
      'export async function chat(content: string) {',
      "  return client.chat.completions.create({ model: 'deepseek-chat', messages: [{ role: 'user', content }] });",
      '}',
    ].join('\n'),
    expected: ['legacy-model.ts:4 deepseek/no-legacy-model-id'],
  },
};

const CORRECT_CODE = [
  "import OpenAI from 'openai';",
  'const apiKey = process.env.DEEPSEEK_API_KEY;',
  "export const client = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey });",
  'export async function balance() {',
  "  const response = await fetch('https://api.deepseek.com/user/balance', { headers: { Authorization: `Bearer ${apiKey}` } });",
  '  return response.json();',
  '}',
  '// Other services keep their own schemes and parameters.',
  'export async function github(token: string) {',
  "  return fetch('https://api.github.com/user?per_page=1', { headers: { Authorization: `token ${token}` } });",
  '}',
  'export async function legacyService(user: string, password: string) {',
  "  return fetch('https://example.com/api?api_key=public', { headers: { Authorization: `Basic ${btoa(`${user}:${password}`)}`, 'X-API-Key': password } });",
  '}',
  "export const placeholder = 'sk-your-key-here';",
  "export const prose = 'We moved from deepseek-chat to deepseek-v4-flash.';",
].join('\n');

/** Several keys in the forms a leak takes: string, fallback, header, comment. */
const LEAKY_CODE = [
  `// rotated on Monday: ${KEYS[1]}`,
  `const apiKey = process.env.DEEPSEEK_API_KEY ?? '${KEYS[2]}';`,
  `const headers = { Authorization: 'Bearer ${KEYS[3]}' };`,
  `module.exports = { apiKey, headers, old: \`${KEYS[0]}\` };`,
].join('\n');

let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'deepseek-eslint-config-'));
  for (const [file, { code }] of Object.entries(MISTAKES)) writeFileSync(join(scratch, file), `${code}\n`);
  writeFileSync(join(scratch, 'correct.ts'), `${CORRECT_CODE}\n`);
  writeFileSync(join(scratch, 'leaky.cjs'), `${LEAKY_CODE}\n`);
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('configs.recommended with the ESLint Node API in a scratch project', () => {
  for (const [file, { expected }] of Object.entries(MISTAKES)) {
    it(`finds the mistake in ${file}`, async () => {
      const results = await eslintFor(scratch).lintFiles([file]);
      expect(findings(results, scratch)).toEqual(expected);
    });
  }

  it('stays quiet on correct DeepSeek code and on other services', async () => {
    const results = await eslintFor(scratch).lintFiles(['correct.ts']);
    expect(findings(results, scratch)).toEqual([]);
  });

  it('reports every key of the leaky file, redacted', async () => {
    const results = await eslintFor(scratch).lintFiles(['leaky.cjs']);
    expect(findings(results, scratch)).toEqual([1, 2, 3, 4].map((line) => `leaky.cjs:${line} deepseek/no-hardcoded-api-key`));
    const messages = results[0].messages.map((message) => message.message).sort();
    const expectedRedactions = [KEYS[1], KEYS[2], KEYS[3], KEYS[0]].map(redactKey).sort();
    expect(messages.map((message) => /sk-…[0-9a-f]{4}/.exec(message)?.[0]).sort()).toEqual(expectedRedactions);
  });
});

describe('formatter output never contains a full key', () => {
  async function lintLeaks(): Promise<{ eslint: ESLint; results: ESLint.LintResult[] }> {
    const eslint = eslintFor(scratch);
    return { eslint, results: await eslint.lintFiles(['leaky.cjs', 'hardcoded-key.ts']) };
  }

  it('stylish', async () => {
    const { eslint, results } = await lintLeaks();
    const output = await (await eslint.loadFormatter('stylish')).format(results);
    expect(output).toContain(redactKey(KEYS[2]));
    for (const key of KEYS) expect(output).not.toContain(key);
  });

  it('json: messages, suggestions and fixes hold no key; only ESLint\'s own copy of the file text (`source`) does', async () => {
    const { eslint, results } = await lintLeaks();
    const output = await (await eslint.loadFormatter('json')).format(results);
    const parsed = JSON.parse(output) as (ESLint.LintResult & { source?: string })[];
    expect(parsed.flatMap((result) => result.messages).length).toBe(5);
    // Every suggestion was produced and serialised (so its text was checked below).
    expect(parsed.flatMap((result) => result.messages.flatMap((message) => message.suggestions ?? [])).length).toBeGreaterThan(0);
    // ESLint adds the whole text of every file with findings as `source`
    // (eslint/eslint#7098); no plugin can change that, which is why
    // `eslint-plugin-deepseek lint` drops it. Everything else is the plugin's output.
    expect(parsed.every((result) => result.source !== undefined)).toBe(true);
    const withoutSource = JSON.stringify(parsed.map(({ source: _source, ...rest }) => rest));
    expect(withoutSource).toContain(redactKey(KEYS[3]));
    for (const key of KEYS) expect(withoutSource).not.toContain(key);
  });
});

describe('the bundled example app (examples/app, used by npm run demo)', () => {
  it('has each of the four mistakes and nothing reported in correct.ts', async () => {
    // A copy, so nothing can ever write into the example.
    const copy = join(scratch, 'example-app');
    cpSync(join(ROOT, 'examples', 'app'), copy, { recursive: true });
    const results = await eslintFor(copy).lintFiles(['.']);
    const reported = findings(results, copy);
    expect(reported.filter((line) => line.includes('fatal'))).toEqual([]);
    expect(reported.filter((line) => line.startsWith('src/correct.ts'))).toEqual([]);
    // The four seed rules each find something (later rules may find more).
    const ruleIds = new Set(reported.map((line) => line.split(' ')[1]));
    for (const ruleId of ['no-hardcoded-api-key', 'no-legacy-model-id', 'no-non-bearer-auth', 'valid-authorization-header']) {
      expect([...ruleIds], ruleId).toContain(`deepseek/${ruleId}`);
    }
  });
});
