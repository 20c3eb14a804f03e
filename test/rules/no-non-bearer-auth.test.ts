import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule from '../../rules/no-non-bearer-auth';
import { testKey } from '../helpers/keys';

const ruleTester = new RuleTester();
const KEY = testKey(11);
const CHAT = "'https://api.deepseek.com/chat/completions'";

/** `fetch(CHAT, { headers: { <headers> } })` */
const fetchWith = (headers: string): string => `fetch(${CHAT}, { headers: { ${headers} } });`;

const esm = { languageOptions: { parser: espree, sourceType: 'module' as const } };
const commonjs = { filename: 'client.cjs', languageOptions: { parser: espree, sourceType: 'commonjs' as const } };

ruleTester.run('no-non-bearer-auth', rule, {
  valid: [
    fetchWith('Authorization: `Bearer ${process.env.DEEPSEEK_API_KEY}`'),
    fetchWith("'Content-Type': 'application/json', 'X-Request-Id': requestId"),
    "fetch('https://api.deepseek.com/chat/completions?stream=true&model=deepseek-v4-flash');",
    // x-api-key is documented as supported on the Anthropic surface.
    "fetch('https://api.deepseek.com/anthropic/v1/messages', { headers: { 'X-API-Key': process.env.DEEPSEEK_API_KEY } });",
    `import Anthropic from '@anthropic-ai/sdk';
     const client = new Anthropic({ baseURL: 'https://api.deepseek.com/anthropic', defaultHeaders: { 'x-api-key': process.env.DEEPSEEK_API_KEY } });`,
    // Other services.
    `const DEEPSEEK_URL = 'https://api.deepseek.com';
     fetch('https://api.example.com/v1/search', { headers: { 'X-API-Key': process.env.EXAMPLE_API_KEY } });`,
    `const DEEPSEEK_URL = 'https://api.deepseek.com';
     fetch('https://maps.example.com/geocode?key=' + mapsKey);`,
    // A gateway is only DeepSeek when listed.
    "fetch('https://llm-gateway.internal/v1/chat/completions', { headers: { 'X-API-Key': apiKey } });",
    // Headers filled in a different function than the one that declares them are not followed.
    `const headers = {};
     function login(apiKey) { headers['X-API-Key'] = apiKey; }
     function ask() { return fetch(${CHAT}, { headers }); }`,
    { code: `const OpenAI = require('openai');\nconst client = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: process.env.DEEPSEEK_API_KEY });`, ...commonjs },
  ],
  invalid: [
    // --- key headers with a suggestion ---------------------------------------
    {
      code: fetchWith("'X-API-Key': apiKey"),
      errors: [
        {
          messageId: 'keyHeader',
          data: { header: 'X-API-Key' },
          line: 1,
          column: 65,
          endColumn: 76,
          suggestions: [{ messageId: 'useAuthorization', output: fetchWith('Authorization: `Bearer ${apiKey}`') }],
        },
      ],
    },
    {
      // A literal keeps its quote style.
      code: fetchWith(`"api-key": "${KEY}"`),
      errors: [{ messageId: 'keyHeader', data: { header: 'api-key' }, suggestions: [{ messageId: 'useAuthorization', output: fetchWith(`Authorization: "Bearer ${KEY}"`) }] }],
    },
    {
      code: "const BASE = 'https://api.deepseek.com';\nfetch(`${BASE}/chat/completions`, { headers: { 'Api-Key': `${process.env.DEEPSEEK_API_KEY}` } });",
      errors: [
        {
          messageId: 'keyHeader',
          line: 2,
          suggestions: [
            {
              messageId: 'useAuthorization',
              output: "const BASE = 'https://api.deepseek.com';\nfetch(`${BASE}/chat/completions`, { headers: { Authorization: `Bearer ${process.env.DEEPSEEK_API_KEY}` } });",
            },
          ],
        },
      ],
    },
    {
      // Shorthand property, constant URL.
      code: "const URL_ = 'https://api.deepseek.com/v1/chat/completions';\nconst apiKey = process.env.DEEPSEEK_API_KEY;\nfetch(URL_, { headers: { apiKey } });",
      errors: [
        {
          messageId: 'keyHeader',
          data: { header: 'apiKey' },
          suggestions: [
            {
              messageId: 'useAuthorization',
              output: "const URL_ = 'https://api.deepseek.com/v1/chat/completions';\nconst apiKey = process.env.DEEPSEEK_API_KEY;\nfetch(URL_, { headers: { Authorization: `Bearer ${apiKey}` } });",
            },
          ],
        },
      ],
    },
    {
      // x-api-key is not the OpenAI-format surface's header.
      code: `import OpenAI from 'openai';\nconst client = new OpenAI({ baseURL: 'https://api.deepseek.com', defaultHeaders: { 'x-api-key': process.env.DEEPSEEK_API_KEY } });`,
      errors: [
        {
          messageId: 'keyHeader',
          data: { header: 'x-api-key' },
          suggestions: [
            {
              messageId: 'useAuthorization',
              output: `import OpenAI from 'openai';\nconst client = new OpenAI({ baseURL: 'https://api.deepseek.com', defaultHeaders: { Authorization: \`Bearer \${process.env.DEEPSEEK_API_KEY}\` } });`,
            },
          ],
        },
      ],
    },
    {
      code: `const OpenAI = require('openai');\nconst client = new OpenAI({ baseURL: 'https://api.deepseek.com/v1', defaultHeaders: { 'Api-Key': key } });`,
      errors: [
        {
          messageId: 'keyHeader',
          suggestions: [
            { messageId: 'useAuthorization', output: `const OpenAI = require('openai');\nconst client = new OpenAI({ baseURL: 'https://api.deepseek.com/v1', defaultHeaders: { Authorization: \`Bearer \${key}\` } });` },
          ],
        },
      ],
      ...commonjs,
    },
    {
      // Only x-api-key is allowed on /anthropic.
      code: `import Anthropic from '@anthropic-ai/sdk';\nconst client = new Anthropic({ baseURL: 'https://api.deepseek.com/anthropic', defaultHeaders: { 'api-key': key } });`,
      errors: [
        {
          messageId: 'keyHeader',
          data: { header: 'api-key' },
          suggestions: [
            { messageId: 'useAuthorization', output: `import Anthropic from '@anthropic-ai/sdk';\nconst client = new Anthropic({ baseURL: 'https://api.deepseek.com/anthropic', defaultHeaders: { Authorization: \`Bearer \${key}\` } });` },
          ],
        },
      ],
    },
    {
      code: `import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://api.deepseek.com', headers: { 'X-API-Key': apiKey } });\napi.post('/chat/completions', body);`,
      errors: [
        {
          messageId: 'keyHeader',
          suggestions: [
            { messageId: 'useAuthorization', output: `import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://api.deepseek.com', headers: { Authorization: \`Bearer \${apiKey}\` } });\napi.post('/chat/completions', body);` },
          ],
        },
      ],
      ...esm,
    },
    {
      // A DeepSeek key sent to a URL we cannot read.
      code: "fetch(process.env.API_URL, { headers: { 'X-API-Key': process.env.DEEPSEEK_API_KEY } });",
      errors: [
        {
          messageId: 'keyHeader',
          suggestions: [{ messageId: 'useAuthorization', output: 'fetch(process.env.API_URL, { headers: { Authorization: `Bearer ${process.env.DEEPSEEK_API_KEY}` } });' }],
        },
      ],
    },
    // --- key headers without a suggestion -------------------------------------
    {
      // An Authorization header is already there: moving the key would duplicate it.
      code: fetchWith("Authorization: `Bearer ${apiKey}`, 'X-API-Key': apiKey"),
      errors: [{ messageId: 'keyHeader', suggestions: [] }],
    },
    {
      code: `async function ask() {\n  const headers = new Headers({ 'Content-Type': 'application/json' });\n  headers.set('X-API-Key', apiKey);\n  return fetch(${CHAT}, { method: 'POST', headers });\n}`,
      errors: [{ messageId: 'keyHeader', line: 3, column: 15, suggestions: [] }],
    },
    {
      code: `function ask() {\n  const headers = {};\n  headers['x-api-key'] = apiKey;\n  return fetch(${CHAT}, { headers });\n}`,
      errors: [{ messageId: 'keyHeader', line: 3, suggestions: [] }],
    },
    {
      code: `import ky from 'ky';\nconst api = ky.create({ prefixUrl: 'https://api.deepseek.com' });\napi.post('chat/completions', { headers: { 'deepseek-api-key': apiKey } });`,
      errors: [{ messageId: 'keyHeader', line: 3, suggestions: [{ messageId: 'useAuthorization', output: `import ky from 'ky';\nconst api = ky.create({ prefixUrl: 'https://api.deepseek.com' });\napi.post('chat/completions', { headers: { Authorization: \`Bearer \${apiKey}\` } });` }] }],
    },
    // --- keys in the query string --------------------------------------------
    {
      code: "fetch('https://api.deepseek.com/chat/completions?api_key=' + apiKey, { method: 'POST' });",
      errors: [{ messageId: 'keyInQuery', data: { param: 'api_key' }, line: 1, column: 7, endColumn: 59 }],
    },
    {
      code: 'fetch(`https://api.deepseek.com/models?key=${apiKey}`);',
      errors: [{ messageId: 'keyInQuery', data: { param: 'key' } }],
    },
    {
      code: "const url = new URL('https://api.deepseek.com/chat/completions');\nurl.searchParams.set('api_key', apiKey);\nfetch(url, { method: 'POST' });",
      errors: [{ messageId: 'keyInQuery', data: { param: 'api_key' }, line: 2 }],
    },
    {
      code: `import axios from 'axios';\naxios.get('https://api.deepseek.com/models', { params: { api_key: apiKey } });`,
      errors: [{ messageId: 'keyInQuery', data: { param: 'api_key' }, line: 2, column: 58 }],
    },
    {
      code: `import got from 'got';\ngot.post(${CHAT}, { json: body, searchParams: { key: apiKey } });`,
      errors: [{ messageId: 'keyInQuery', data: { param: 'key' } }],
      ...esm,
    },
    {
      // Header and query string in one request.
      code: `fetch('https://api.deepseek.com/anthropic/v1/messages?api_key=' + apiKey, { headers: { 'x-api-key': apiKey, 'api-key': apiKey } });`,
      errors: [
        { messageId: 'keyInQuery', data: { param: 'api_key' } },
        {
          messageId: 'keyHeader',
          data: { header: 'api-key' },
          suggestions: [
            {
              messageId: 'useAuthorization',
              output: "fetch('https://api.deepseek.com/anthropic/v1/messages?api_key=' + apiKey, { headers: { 'x-api-key': apiKey, Authorization: `Bearer ${apiKey}` } });",
            },
          ],
        },
      ],
    },
    // --- hosts from options and settings -------------------------------------
    {
      code: "fetch('https://llm-gateway.internal/v1/chat/completions?key=' + apiKey);",
      options: [{ extraHosts: ['llm-gateway.internal'] }],
      errors: [{ messageId: 'keyInQuery', data: { param: 'key' } }],
    },
    {
      code: "fetch('https://llm-gateway.internal/v1/chat/completions', { headers: { 'X-API-Key': apiKey } });",
      settings: { deepseek: { extraHosts: ['llm-gateway.internal'] } },
      errors: [
        {
          messageId: 'keyHeader',
          suggestions: [{ messageId: 'useAuthorization', output: "fetch('https://llm-gateway.internal/v1/chat/completions', { headers: { Authorization: `Bearer ${apiKey}` } });" }],
        },
      ],
    },
  ],
});
