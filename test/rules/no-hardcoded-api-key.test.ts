import json from '@eslint/json';
import markdown from '@eslint/markdown';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { Linter, RuleTester as ESLintRuleTester, type Rule } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import rule from '../../rules/no-hardcoded-api-key';
import { testKey } from '../helpers/keys';

const ruleTester = new RuleTester();
const KEY = testKey(1);
const redacted = `sk-…${KEY.slice(-4)}`;

ruleTester.run('no-hardcoded-api-key', rule, {
  valid: [
    'const apiKey = process.env.DEEPSEEK_API_KEY;',
    "const placeholder = 'sk-your-key-here';",
    "const zeros = 'sk-00000000000000000000000000000000';",
    `const short = '${KEY.slice(0, -1)}';`,
    `const longer = '${KEY}a';`,
    `const glued = 'ta${KEY}';`,
    `const upper = '${KEY.toUpperCase().replace('SK-', 'sk-')}';`,
    { code: `const allowed = '${KEY}';`, options: [{ allowKeys: [`${KEY.slice(-4)}$`] }] },
  ],
  invalid: [
    {
      code: `const apiKey = '${KEY}';`,
      errors: [
        {
          messageId: 'hardcodedKey',
          data: { redacted },
          line: 1,
          column: 17,
          endColumn: 17 + KEY.length,
          suggestions: [{ messageId: 'readFromEnv', data: { envVar: 'DEEPSEEK_API_KEY' }, output: 'const apiKey = process.env.DEEPSEEK_API_KEY;' }],
        },
      ],
    },
    {
      code: `const apiKey = process.env.DEEPSEEK_API_KEY ?? "${KEY}";`,
      errors: [{ messageId: 'hardcodedKey', suggestions: [{ messageId: 'dropFallback', output: 'const apiKey = process.env.DEEPSEEK_API_KEY;' }] }],
    },
    {
      code: `const headers = { Authorization: 'Bearer ${KEY}' };`,
      errors: [
        {
          messageId: 'hardcodedKey',
          suggestions: [{ messageId: 'readFromEnv', output: 'const headers = { Authorization: `Bearer ${process.env.DEEPSEEK_API_KEY}` };' }],
        },
      ],
    },
    {
      code: `const k = \`${KEY}\`;`,
      errors: [{ messageId: 'hardcodedKey', suggestions: [{ messageId: 'readFromEnv', output: 'const k = process.env.DEEPSEEK_API_KEY;' }] }],
    },
    {
      code: `// old key: ${KEY}\nconst k = 1;`,
      errors: [{ messageId: 'hardcodedKey', line: 1, column: 13, suggestions: [] }],
    },
    {
      code: `const h = \`Bearer ${KEY} \${x}\`;`,
      errors: [{ messageId: 'hardcodedKey', suggestions: [] }],
    },
    {
      code: `const el = <div>${KEY}</div>;`,
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
      errors: [{ messageId: 'hardcodedKey', suggestions: [] }],
    },
    {
      code: `const k = '${KEY}';`,
      options: [{ envVar: 'DS_KEY' }],
      errors: [{ messageId: 'hardcodedKey', suggestions: [{ messageId: 'readFromEnv', data: { envVar: 'DS_KEY' }, output: 'const k = process.env.DS_KEY;' }] }],
    },
    {
      code: `module.exports = { key: '${KEY}', other: '${testKey(2)}' };`,
      errors: [
        { messageId: 'hardcodedKey', column: 26, suggestions: [{ messageId: 'readFromEnv', output: `module.exports = { key: process.env.DEEPSEEK_API_KEY, other: '${testKey(2)}' };` }] },
        { messageId: 'hardcodedKey', suggestions: [{ messageId: 'readFromEnv', output: `module.exports = { key: '${KEY}', other: process.env.DEEPSEEK_API_KEY };` }] },
      ],
    },
  ],
});

// ESLint's own tester, for its language plugins (typescript-eslint's tester is JavaScript only).
ESLintRuleTester.describe = describe;
ESLintRuleTester.it = it;
ESLintRuleTester.itOnly = it.only;
Object.assign(ESLintRuleTester, { afterAll });
const eslintRule = rule as unknown as Rule.RuleModule;
const OTHER_KEY = testKey(3);
const hardcoded = (line: number, column: number, key = KEY) => ({
  messageId: 'hardcodedKey',
  data: { redacted: `sk-…${key.slice(-4)}` },
  line,
  column,
  endLine: line,
  endColumn: column + key.length,
  suggestions: [],
});

describe('under @eslint/json (columns are 1-based there too)', () => {
  new ESLintRuleTester({ plugins: { json }, language: 'json/json' }).run('no-hardcoded-api-key', eslintRule, {
    valid: ['{ "apiKey": "sk-your-key-here" }', '{ "zeros": "sk-00000000000000000000000000000000" }', `{ "glued": "ta${KEY}" }`],
    invalid: [
      { code: `{\n  "deepseek": { "apiKey": "${KEY}" }\n}`, errors: [hardcoded(2, 28)] },
      // A string's escapes are decoded as `lint` decodes them: after `\n` the key starts a word.
      { code: `{ "log": "connected\\n${KEY}" }`, errors: [hardcoded(1, 22)] },
      { code: `["${KEY}", "${OTHER_KEY}"]`, errors: [hardcoded(1, 3), hardcoded(1, 42, OTHER_KEY)] },
      { code: `{ "a": "${KEY}" }`, options: [{ allowKeys: [`${OTHER_KEY.slice(-4)}$`] }], errors: [hardcoded(1, 9)] },
    ],
  });
  new ESLintRuleTester({ plugins: { json }, language: 'json/jsonc' }).run('no-hardcoded-api-key (jsonc comments)', eslintRule, {
    valid: [{ code: `{ "a": "${KEY}" }`, options: [{ allowKeys: [`${KEY.slice(-4)}$`] }] }],
    invalid: [{ code: `{\n  // old key: ${KEY}\n  "a": 1\n}`, errors: [hardcoded(2, 15)] }],
  });
});

describe('under @eslint/markdown', () => {
  new ESLintRuleTester({ plugins: { markdown }, language: 'markdown/commonmark' }).run('no-hardcoded-api-key', eslintRule, {
    valid: ['# Setup\n\nSet `DEEPSEEK_API_KEY=sk-your-key-here` in `.env`.\n'],
    invalid: [
      { code: `# Setup\n\nexport DEEPSEEK_API_KEY=${KEY}\n`, errors: [hardcoded(3, 25)] },
      { code: `Run:\n\n\`\`\`sh\ncurl -H "Authorization: Bearer ${KEY}" https://api.deepseek.com/models\n\`\`\`\n`, errors: [hardcoded(4, 32)] },
      { code: `<!-- old: ${KEY} -->\n`, errors: [hardcoded(1, 11)] },
    ],
  });
});

describe("the plugin's recommended config with a language plugin for JSON and Markdown files", () => {
  it('reports keys in them, and the JavaScript rules stay quiet there', async () => {
    const { default: plugin } = await import('../../src/index');
    const configs: Linter.Config[] = [
      plugin.configs.recommended as unknown as Linter.Config,
      { files: ['**/*.json'], plugins: { json }, language: 'json/json' },
      { files: ['**/*.md'], plugins: { markdown }, language: 'markdown/gfm' },
    ];
    const linter = new Linter();
    const found = (code: string, filename: string) => linter.verify(code, configs, { filename }).map((message) => [message.ruleId, message.line, message.column]);
    // A retired model ID in JSON is not a request: only the key is reported.
    expect(found(`{\n  "apiKey": "${KEY}",\n  "model": "deepseek-chat"\n}\n`, 'settings.json')).toEqual([['deepseek/no-hardcoded-api-key', 2, 14]]);
    expect(found(`# Client\n\n\`\`\`js\nconst apiKey = '${KEY}';\n\`\`\`\n`, 'README.md')).toEqual([['deepseek/no-hardcoded-api-key', 4, 17]]);
  });
});

describe('suppressions under the language plugins are ESLint directives, listed with their reason', () => {
  const linter = new Linter();
  const config = (files: string, plugin: object, language: string): Linter.Config => ({
    files: [files],
    plugins: { deepseek: { rules: { 'no-hardcoded-api-key': eslintRule } }, lang: plugin },
    language: `lang/${language}`,
    rules: { 'deepseek/no-hardcoded-api-key': 'error' },
  });
  const configs = [config('**/*.md', markdown, 'commonmark'), config('**/*.jsonc', json, 'jsonc')];
  const suppressed = (code: string, filename: string) =>
    linter.verify(code, configs, { filename }).length === 0 ? linter.getSuppressedMessages().map((message) => [message.line, message.suppressions]) : 'reported';

  it('Markdown: an HTML comment directive', () => {
    expect(suppressed(`<!-- eslint-disable-next-line deepseek/no-hardcoded-api-key -- revoked demo key -->\nkey: ${KEY}\n`, 'a.md')).toEqual([
      [2, [{ kind: 'directive', justification: 'revoked demo key' }]],
    ]);
    // The control: the key alone is reported, and `lint`'s marker means nothing to ESLint.
    expect(suppressed(`key: ${KEY} <!-- deepseek-allow-key -- revoked -->\n`, 'a.md')).toBe('reported');
  });

  it('JSONC: a line comment directive', () => {
    expect(suppressed(`{\n  // eslint-disable-next-line deepseek/no-hardcoded-api-key -- test fixture\n  "a": "${KEY}"\n}\n`, 'a.jsonc')).toEqual([
      [3, [{ kind: 'directive', justification: 'test fixture' }]],
    ]);
  });
});
