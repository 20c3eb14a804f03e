import { RuleTester } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/valid-authorization-header';
import { testKey } from '../helpers/keys';

const ruleTester = new RuleTester();
const KEY = testKey(7);
const CHAT = "'https://api.deepseek.com/chat/completions'";

/** `fetch(CHAT, { headers: { Authorization: <value> } })` */
const fetchWith = (value: string): string => `fetch(${CHAT}, { headers: { Authorization: ${value} } });`;

const esm = { languageOptions: { parser: espree, sourceType: 'module' as const } };
const commonjs = { filename: 'client.cjs', languageOptions: { parser: espree, sourceType: 'commonjs' as const } };

ruleTester.run('valid-authorization-header', rule, {
  valid: [
    // A shadowing parameter: this \`url\` is not the DeepSeek constant.
    `const url = 'https://api.deepseek.com/chat/completions';
     function ping(url) { return fetch(url, { headers: { Authorization: token } }); }`,
    fetchWith('`Bearer ${process.env.DEEPSEEK_API_KEY}`'),
    fetchWith("'Bearer ' + apiKey"),
    // The scheme comes from a same-file constant.
    `const SCHEME = 'Bearer'; ${fetchWith('`${SCHEME} ${apiKey}`')}`,
    // Values we cannot read: a whole header built elsewhere, an unknown scheme.
    fetchWith('authHeader'),
    fetchWith('`${authHeader}`'),
    fetchWith('`${scheme} ${apiKey}`'),
    fetchWith('getAuthorization()'),
    { code: fetchWith('`bearer ${apiKey}`'), options: [{ ignoreSchemeCase: true }] },
    // Other services.
    `const DEEPSEEK_URL = 'https://api.deepseek.com';
     fetch('https://api.github.com/user', { headers: { Authorization: \`token \${process.env.GITHUB_TOKEN}\` } });`,
    `const DEEPSEEK_URL = 'https://api.deepseek.com';
     fetch('https://registry.example.com/v2/', { headers: { Authorization: 'Basic ' + btoa('user:pass') } });`,
    // A gateway is only DeepSeek when listed.
    "fetch('https://llm-gateway.internal/v1/chat/completions', { headers: { Authorization: apiKey } });",
    // Headers filled in a different function than the one that declares them are not followed.
    `const headers = {};
     function login(apiKey) { headers['Authorization'] = apiKey; }
     function ask() { return fetch(${CHAT}, { headers }); }`,
    // SDKs.
    `import OpenAI from 'openai';
     const client = new OpenAI({ baseURL: 'https://api.deepseek.com', defaultHeaders: { Authorization: \`Bearer \${process.env.DEEPSEEK_API_KEY}\` } });`,
    { code: `const OpenAI = require('openai');\nconst client = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: process.env.DEEPSEEK_API_KEY });`, ...commonjs },
  ],
  invalid: [
    // --- missing scheme -------------------------------------------------------
    // --- names that repeat across functions, blocks and methods (resolved by scope) ---
    {
      code: `function ask(API_KEY) {
  const headers = {};
  headers['Authorization'] = API_KEY;
  return fetch('https://api.deepseek.com/models', { headers });
}
function upload(token) {
  const headers = { 'Content-Type': 'application/json', Authorization: \`token \${token}\` };
  return fetch('https://uploads.example.com/files', { headers });
}`,
      errors: [{ messageId: 'missingScheme', line: 3, suggestions: [{ messageId: 'addBearer', output: `function ask(API_KEY) {
  const headers = {};
  headers['Authorization'] = \`Bearer \${API_KEY}\`;
  return fetch('https://api.deepseek.com/models', { headers });
}
function upload(token) {
  const headers = { 'Content-Type': 'application/json', Authorization: \`token \${token}\` };
  return fetch('https://uploads.example.com/files', { headers });
}` }] }],
    },
    {
      code: `class DeepSeekService {
  list() {
    const options = { headers: { Authorization: this.apiKey } };
    return fetch('https://api.deepseek.com/models', options);
  }
  other() {
    const options = { method: 'DELETE' };
    return fetch('https://files.example.com/x', options);
  }
}`,
      errors: [{ messageId: 'missingScheme', line: 3, suggestions: [{ messageId: 'addBearer', output: `class DeepSeekService {
  list() {
    const options = { headers: { Authorization: \`Bearer \${this.apiKey}\` } };
    return fetch('https://api.deepseek.com/models', options);
  }
  other() {
    const options = { method: 'DELETE' };
    return fetch('https://files.example.com/x', options);
  }
}` }] }],
    },
    {
      // The inner block's \`url\` is the one the request uses.
      code: `const url = 'https://status.example.com/ping';
{
  const url = 'https://api.deepseek.com/chat/completions';
  fetch(url, { headers: { Authorization: apiKey } });
}`,
      errors: [{ messageId: 'missingScheme', line: 4, suggestions: [{ messageId: 'addBearer', output: `const url = 'https://status.example.com/ping';
{
  const url = 'https://api.deepseek.com/chat/completions';
  fetch(url, { headers: { Authorization: \`Bearer \${apiKey}\` } });
}` }] }],
    },
    {
      code: fetchWith('apiKey'),
      errors: [
        {
          messageId: 'missingScheme',
          line: 1,
          column: 80,
          endColumn: 86,
          suggestions: [{ messageId: 'addBearer', output: fetchWith('`Bearer ${apiKey}`') }],
        },
      ],
    },
    {
      // Template URL built from a constant; the template value gets an autofix.
      code: "const BASE = 'https://api.deepseek.com';\nfetch(`${BASE}/chat/completions`, { headers: { authorization: `${apiKey}` } });",
      output: "const BASE = 'https://api.deepseek.com';\nfetch(`${BASE}/chat/completions`, { headers: { authorization: `Bearer ${apiKey}` } });",
      errors: [{ messageId: 'missingScheme', line: 2 }],
    },
    {
      // Constant URL, concatenation: autofix keeps the quote style of the concatenation.
      code: `const URL_ = "https://api.deepseek.com/v1/chat/completions";\nfetch(URL_, { headers: { Authorization: apiKey + "" } });`,
      output: `const URL_ = "https://api.deepseek.com/v1/chat/completions";\nfetch(URL_, { headers: { Authorization: "Bearer " + apiKey + "" } });`,
      errors: [{ messageId: 'missingScheme' }],
    },
    {
      // A header variable built in the same file is fixed where it is built.
      code: `const auth = \`\${apiKey}\`;\nfetch(${CHAT}, { headers: { Authorization: auth } });`,
      output: `const auth = \`Bearer \${apiKey}\`;\nfetch(${CHAT}, { headers: { Authorization: auth } });`,
      errors: [{ messageId: 'missingScheme', line: 2 }],
    },
    {
      code: fetchWith(`'${KEY}'`),
      errors: [{ messageId: 'missingScheme', suggestions: [{ messageId: 'addBearer', output: fetchWith(`'Bearer ${KEY}'`) }] }],
    },
    {
      code: fetchWith(`"${KEY}"`),
      errors: [{ messageId: 'missingScheme', suggestions: [{ messageId: 'addBearer', output: fetchWith(`"Bearer ${KEY}"`) }] }],
    },
    {
      // A DeepSeek key sent to a URL we cannot read.
      code: 'fetch(process.env.API_URL, { headers: { Authorization: process.env.DEEPSEEK_API_KEY } });',
      errors: [
        {
          messageId: 'missingScheme',
          suggestions: [{ messageId: 'addBearer', output: 'fetch(process.env.API_URL, { headers: { Authorization: `Bearer ${process.env.DEEPSEEK_API_KEY}` } });' }],
        },
      ],
    },
    {
      code: `async function ask() {\n  const headers = new Headers();\n  headers.set('Authorization', apiKey);\n  return fetch(${CHAT}, { method: 'POST', headers });\n}`,
      errors: [
        {
          messageId: 'missingScheme',
          line: 3,
          suggestions: [
            {
              messageId: 'addBearer',
              output: `async function ask() {\n  const headers = new Headers();\n  headers.set('Authorization', \`Bearer \${apiKey}\`);\n  return fetch(${CHAT}, { method: 'POST', headers });\n}`,
            },
          ],
        },
      ],
    },
    {
      code: `import OpenAI from 'openai';\nconst client = new OpenAI({ baseURL: 'https://api.deepseek.com', defaultHeaders: { Authorization: process.env.DEEPSEEK_API_KEY } });`,
      errors: [
        {
          messageId: 'missingScheme',
          suggestions: [
            {
              messageId: 'addBearer',
              output: `import OpenAI from 'openai';\nconst client = new OpenAI({ baseURL: 'https://api.deepseek.com', defaultHeaders: { Authorization: \`Bearer \${process.env.DEEPSEEK_API_KEY}\` } });`,
            },
          ],
        },
      ],
    },
    {
      // CommonJS, per-request options of an SDK call.
      code: `const OpenAI = require('openai');\nconst client = new OpenAI({ baseURL: 'https://api.deepseek.com' });\nclient.chat.completions.create({ model: 'deepseek-v4-flash', messages }, { headers: { authorization: \`\${deepseekKey}\` } });`,
      output: `const OpenAI = require('openai');\nconst client = new OpenAI({ baseURL: 'https://api.deepseek.com' });\nclient.chat.completions.create({ model: 'deepseek-v4-flash', messages }, { headers: { authorization: \`Bearer \${deepseekKey}\` } });`,
      errors: [{ messageId: 'missingScheme', line: 3 }],
      ...commonjs,
    },
    {
      code: `import axios from 'axios';\naxios.post(${CHAT}, body, { headers: { Authorization: apiKey + '' } });`,
      output: `import axios from 'axios';\naxios.post(${CHAT}, body, { headers: { Authorization: 'Bearer ' + apiKey + '' } });`,
      errors: [{ messageId: 'missingScheme' }],
      ...esm,
    },
    // --- another scheme ------------------------------------------------------
    {
      code: fetchWith('`Token ${apiKey}`'),
      errors: [{ messageId: 'wrongScheme', data: { scheme: '`Token`' }, suggestions: [{ messageId: 'useBearer', output: fetchWith('`Bearer ${apiKey}`') }] }],
    },
    {
      code: fetchWith('`Basic ${process.env.DEEPSEEK_API_KEY}`'),
      errors: [{ messageId: 'wrongScheme', data: { scheme: '`Basic`' }, suggestions: [{ messageId: 'useBearer', output: fetchWith('`Bearer ${process.env.DEEPSEEK_API_KEY}`') }] }],
    },
    {
      // Basic credentials are not a key: no suggestion.
      code: fetchWith("'Basic ' + btoa(credentials)"),
      errors: [{ messageId: 'wrongScheme', data: { scheme: '`Basic`' }, suggestions: [] }],
    },
    {
      code: `async function ask() {\n  const headers = new Headers();\n  headers.append('authorization', 'Token ' + apiKey);\n  await fetch(${CHAT}, { headers });\n}`,
      errors: [
        {
          messageId: 'wrongScheme',
          suggestions: [
            { messageId: 'useBearer', output: `async function ask() {\n  const headers = new Headers();\n  headers.append('authorization', 'Bearer ' + apiKey);\n  await fetch(${CHAT}, { headers });\n}` },
          ],
        },
      ],
    },
    {
      // Anthropic SDK at /anthropic: the Authorization header still has to be Bearer.
      code: `import Anthropic from '@anthropic-ai/sdk';\nconst client = new Anthropic({ baseURL: 'https://api.deepseek.com/anthropic', defaultHeaders: { Authorization: \`Token \${apiKey}\` } });`,
      errors: [
        {
          messageId: 'wrongScheme',
          suggestions: [
            { messageId: 'useBearer', output: `import Anthropic from '@anthropic-ai/sdk';\nconst client = new Anthropic({ baseURL: 'https://api.deepseek.com/anthropic', defaultHeaders: { Authorization: \`Bearer \${apiKey}\` } });` },
          ],
        },
      ],
    },
    // --- Bearer spelled wrong ------------------------------------------------
    {
      code: fetchWith('`bearer ${apiKey}`'),
      errors: [{ messageId: 'schemeCase', data: { scheme: 'bearer' }, suggestions: [{ messageId: 'fixSchemeCase', output: fetchWith('`Bearer ${apiKey}`') }] }],
    },
    {
      code: `import axios from 'axios';\naxios.post(${CHAT}, body, { headers: { Authorization: \`Bearer: \${apiKey}\` } });`,
      errors: [
        {
          messageId: 'bearerColon',
          suggestions: [{ messageId: 'removeColon', output: `import axios from 'axios';\naxios.post(${CHAT}, body, { headers: { Authorization: \`Bearer \${apiKey}\` } });` }],
        },
      ],
    },
    {
      code: fetchWith('`Bearer:${apiKey}`'),
      errors: [{ messageId: 'bearerColon', suggestions: [{ messageId: 'removeColon', output: fetchWith('`Bearer ${apiKey}`') }] }],
    },
    {
      code: `import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://api.deepseek.com', headers: { Authorization: 'Bearer  ' + apiKey } });`,
      errors: [
        {
          messageId: 'separator',
          suggestions: [{ messageId: 'singleSpace', output: `import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://api.deepseek.com', headers: { Authorization: 'Bearer ' + apiKey } });` }],
        },
      ],
    },
    {
      code: fetchWith("'Bearer' + apiKey"),
      errors: [{ messageId: 'separator', suggestions: [{ messageId: 'singleSpace', output: fetchWith("'Bearer ' + apiKey") }] }],
    },
    {
      // Filled step by step in the function that sends it.
      code: `function ask() {\n  const headers = {};\n  headers['Authorization'] = \`Bearer \\n\${apiKey}\`;\n  return fetch(${CHAT}, { headers });\n}`,
      errors: [
        {
          messageId: 'separator',
          line: 3,
          suggestions: [{ messageId: 'singleSpace', output: `function ask() {\n  const headers = {};\n  headers['Authorization'] = \`Bearer \${apiKey}\`;\n  return fetch(${CHAT}, { headers });\n}` }],
        },
      ],
    },
    // --- whitespace in or around the key -----------------------------------
    {
      code: `import got from 'got';\ngot.post(${CHAT}, { headers: { authorization: \`Bearer \${apiKey} \` } });`,
      errors: [
        {
          messageId: 'surroundingWhitespace',
          suggestions: [{ messageId: 'trimValue', output: `import got from 'got';\ngot.post(${CHAT}, { headers: { authorization: \`Bearer \${apiKey}\` } });` }],
        },
      ],
    },
    {
      code: `import ky from 'ky';\nky.post(${CHAT}, { headers: { Authorization: ' Bearer ' + apiKey + '\\n' } });`,
      errors: [
        {
          messageId: 'surroundingWhitespace',
          suggestions: [{ messageId: 'trimValue', output: `import ky from 'ky';\nky.post(${CHAT}, { headers: { Authorization: 'Bearer ' + apiKey + '' } });` }],
        },
      ],
    },
    {
      code: fetchWith(`"Bearer ${KEY.slice(0, 20)}\\n${KEY.slice(20)}"`),
      errors: [{ messageId: 'whitespaceInKey', suggestions: [{ messageId: 'removeWhitespace', output: fetchWith(`"Bearer ${KEY}"`) }] }],
    },
    {
      // Several problems in one value: each reported with its own suggestion.
      code: fetchWith("'bearer  ' + apiKey"),
      errors: [
        { messageId: 'schemeCase', suggestions: [{ messageId: 'fixSchemeCase', output: fetchWith("'Bearer  ' + apiKey") }] },
        { messageId: 'separator', suggestions: [{ messageId: 'singleSpace', output: fetchWith("'bearer ' + apiKey") }] },
      ],
    },
    // --- hosts from options and settings -----------------------------------
    {
      code: "fetch('https://llm-gateway.internal/v1/chat/completions', { headers: { Authorization: `${apiKey}` } });",
      output: "fetch('https://llm-gateway.internal/v1/chat/completions', { headers: { Authorization: `Bearer ${apiKey}` } });",
      options: [{ extraHosts: ['llm-gateway.internal'] }],
      errors: [{ messageId: 'missingScheme' }],
    },
    {
      code: "fetch('https://LLM-Gateway.internal:8443/v1/chat/completions', { headers: { Authorization: `Token ${apiKey}` } });",
      settings: { deepseek: { extraHosts: ['llm-gateway.internal'] } },
      errors: [{ messageId: 'wrongScheme', suggestions: [{ messageId: 'useBearer', output: "fetch('https://LLM-Gateway.internal:8443/v1/chat/completions', { headers: { Authorization: `Bearer ${apiKey}` } });" }] }],
    },
  ],
});

describe('valid-authorization-header output never holds a key', () => {
  it('messages and suggestion descriptions leave the key out', () => {
    const linter = new Linter({ configType: 'flat' });
    const code = [
      fetchWith(`'${KEY}'`),
      fetchWith(`'Token ${KEY}'`),
      fetchWith(`'${KEY} Bearer'`),
      fetchWith(`'Bearer  ${KEY} '`),
      fetchWith(`'bearer: ${KEY}'`),
    ].join('\n');
    const messages = linter.verify(code, {
      files: ['**/*.js'],
      plugins: { deepseek: { rules: { 'valid-authorization-header': rule } } },
      rules: { 'deepseek/valid-authorization-header': 'error' },
    } as Linter.Config, 'client.js');
    expect(messages.map((message) => message.messageId)).toEqual([
      'missingScheme',
      'wrongScheme',
      'missingScheme',
      'whitespaceInKey',
      'surroundingWhitespace',
      'separator',
      'schemeCase',
      'bearerColon',
    ]);
    const texts = messages.flatMap((message) => [message.message, ...(message.suggestions ?? []).map((suggestion) => suggestion.desc)]);
    for (const text of texts) expect(text).not.toContain(KEY.slice(3));
  });
});

// Issue 20 asks to keep these shapes found: the key comes from a same-file config object or a
// class field, not from a name that says DeepSeek at the header itself.
const SERVICE = [
  'export class DeepSeekService {',
  '  private key: string;',
  "  constructor() { this.key = process.env.DEEPSEEK_API_KEY ?? ''; }",
  '  chat(body: unknown) {',
  "    return fetch('https://api.deepseek.com/chat/completions', { method: 'POST', headers: { Authorization: this.key }, body: JSON.stringify(body) });",
  '  }',
  '}',
].join('\n');
const CONFIG = "const config = { apiKey: process.env.DEEPSEEK_API_KEY, baseUrl: 'https://api.deepseek.com' };";
ruleTester.run('valid-authorization-header: keys carried by config objects and class fields', rule, {
  valid: [
    // The control: the same config object with another provider's key, sent to another host.
    "const config = { apiKey: process.env.OPENAI_API_KEY };\nfetch('https://llm.internal.example/v1/chat/completions', { headers: { Authorization: config.apiKey } });",
    `${CONFIG}\nfetch(config.baseUrl + '/chat/completions', { headers: { Authorization: \`Bearer \${config.apiKey}\` } });`,
  ],
  invalid: [
    {
      code: `${CONFIG}\nexport function chat(body: unknown) {\n  return fetch(config.baseUrl + '/chat/completions', { method: 'POST', headers: { Authorization: config.apiKey }, body: JSON.stringify(body) });\n}`,
      errors: [
        {
          messageId: 'missingScheme',
          line: 3,
          column: 98,
          suggestions: [
            {
              messageId: 'addBearer',
              output: `${CONFIG}\nexport function chat(body: unknown) {\n  return fetch(config.baseUrl + '/chat/completions', { method: 'POST', headers: { Authorization: \`Bearer \${config.apiKey}\` }, body: JSON.stringify(body) });\n}`,
            },
          ],
        },
      ],
    },
    {
      // The DeepSeek key makes a request to a host the rule does not know DeepSeek's.
      code: "const config = { apiKey: process.env.DEEPSEEK_API_KEY };\nfetch('https://llm.internal.example/v1/chat/completions', { headers: { Authorization: config.apiKey } });",
      errors: [
        {
          messageId: 'missingScheme',
          line: 2,
          column: 87,
          suggestions: [
            {
              messageId: 'addBearer',
              output: "const config = { apiKey: process.env.DEEPSEEK_API_KEY };\nfetch('https://llm.internal.example/v1/chat/completions', { headers: { Authorization: `Bearer ${config.apiKey}` } });",
            },
          ],
        },
      ],
    },
    {
      // A key kept in a field that the constructor sets, sent from a method (DeepSeek's by its URL).
      code: SERVICE,
      errors: [{ messageId: 'missingScheme', line: 5, column: 107, suggestions: [{ messageId: 'addBearer', output: SERVICE.replace('{ Authorization: this.key }', '{ Authorization: `Bearer ${this.key}` }') }] }],
    },
  ],
});
