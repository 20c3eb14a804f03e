import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-client-side-api-key';
import { commonjs, esm } from '../helpers/languages';

const ruleTester = new RuleTester();

ruleTester.run('no-client-side-api-key', rule, {
  valid: [
    // Server-only variables.
    'const key = process.env.DEEPSEEK_API_KEY;',
    'const key = import.meta.env.DEEPSEEK_API_KEY;',
    // Public, but not a key.
    'const base = process.env.NEXT_PUBLIC_DEEPSEEK_BASE_URL;',
    'const model = import.meta.env.VITE_DEEPSEEK_MODEL;',
    // Public keys of other services are other plugins' business.
    'const key = process.env.NEXT_PUBLIC_MAPBOX_KEY;',
    // dangerouslyAllowBrowser on a client that is not DeepSeek's, or set to false.
    "import OpenAI from 'openai';\nconst c = new OpenAI({ apiKey: userKey, dangerouslyAllowBrowser: true });",
    "import OpenAI from 'openai';\nconst c = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: process.env.DEEPSEEK_API_KEY, dangerouslyAllowBrowser: false });",
    // 'use client' files that call the app's own route, and server files that call DeepSeek.
    "'use client';\nexport async function ask(prompt) { return fetch('/api/chat', { method: 'POST', body: JSON.stringify({ prompt }) }); }",
    "'use server';\nimport OpenAI from 'openai';\nconst c = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: process.env.DEEPSEEK_API_KEY });",
    // 'use client' after other code is not a directive.
    "import OpenAI from 'openai';\n'use client';\nconst c = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: process.env.DEEPSEEK_API_KEY });",
  ],
  invalid: [
    {
      code: "import OpenAI from 'openai';\nconst client = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: process.env.NEXT_PUBLIC_DEEPSEEK_API_KEY });",
      errors: [{ messageId: 'publicEnvKey', data: { name: 'NEXT_PUBLIC_DEEPSEEK_API_KEY', prefix: 'NEXT_PUBLIC_' }, line: 2, column: 74 }],
    },
    {
      code: 'const key = import.meta.env.VITE_DEEPSEEK_API_KEY;',
      languageOptions: esm,
      errors: [{ messageId: 'publicEnvKey', data: { name: 'VITE_DEEPSEEK_API_KEY', prefix: 'VITE_' }, column: 13, endColumn: 50 }],
    },
    {
      code: "const key = process.env['REACT_APP_DEEPSEEK_KEY'];\nconst { EXPO_PUBLIC_DEEPSEEK_API_KEY, OTHER } = process.env;",
      languageOptions: commonjs,
      errors: [
        { messageId: 'publicEnvKey', data: { name: 'REACT_APP_DEEPSEEK_KEY', prefix: 'REACT_APP_' }, line: 1 },
        { messageId: 'publicEnvKey', data: { name: 'EXPO_PUBLIC_DEEPSEEK_API_KEY', prefix: 'EXPO_PUBLIC_' }, line: 2, column: 9 },
      ],
    },
    {
      code: 'const a = process.env.NUXT_PUBLIC_DEEPSEEK_TOKEN;\nconst b = process.env.PUBLIC_DEEPSEEK_SECRET;\nconst c = process.env.GATSBY_DEEPSEEK_API_KEY;',
      errors: [
        { messageId: 'publicEnvKey', data: { name: 'NUXT_PUBLIC_DEEPSEEK_TOKEN', prefix: 'NUXT_PUBLIC_' } },
        { messageId: 'publicEnvKey', data: { name: 'PUBLIC_DEEPSEEK_SECRET', prefix: 'PUBLIC_' } },
        { messageId: 'publicEnvKey', data: { name: 'GATSBY_DEEPSEEK_API_KEY', prefix: 'GATSBY_' } },
      ],
    },
    {
      code: "import OpenAI from 'openai';\nconst client = new OpenAI({\n  baseURL: 'https://api.deepseek.com',\n  apiKey: process.env.DEEPSEEK_API_KEY,\n  dangerouslyAllowBrowser: true,\n});",
      errors: [{ messageId: 'browserClient', line: 5, column: 3, endColumn: 32 }],
    },
    {
      // A 'use client' component: the client construction and a bare fetch are each reported once.
      code: [
        "'use client';",
        "import OpenAI from 'openai';",
        "const client = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: key });",
        'export async function ask(messages) {',
        "  await client.chat.completions.create({ model: 'deepseek-v4-flash', messages });",
        "  return fetch('https://api.deepseek.com/chat/completions', { method: 'POST', headers: { Authorization: `Bearer ${key}` }, body: JSON.stringify({ messages }) });",
        '}',
      ].join('\n'),
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
      errors: [
        { messageId: 'clientComponentCall', line: 3, column: 16 },
        { messageId: 'clientComponentCall', line: 6, column: 10 },
      ],
    },
    {
      code: "\"use client\";\nimport { deepseek } from '@ai-sdk/deepseek';\nimport { generateText } from 'ai';\nexport const run = () => generateText({ model: deepseek('deepseek-v4-flash'), prompt: 'hi' });",
      languageOptions: esm,
      errors: [{ messageId: 'clientComponentCall', line: 4, column: 48 }],
    },
  ],
});
