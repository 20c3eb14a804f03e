import { RuleTester } from '@typescript-eslint/rule-tester';
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
