import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-client-side-api-key';
import { commonjs, esm } from '../helpers/languages';

const ruleTester = new RuleTester();

/** A DeepSeek client that turns off the SDK's browser check, on line `line` of a case. */
const ALLOWED_CLIENT = "const client = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey, dangerouslyAllowBrowser: true });";
/** Where `dangerouslyAllowBrowser: true` starts and ends on that line. */
const FLAG_COLUMN = ALLOWED_CLIENT.indexOf('dangerouslyAllowBrowser') + 1;
const FLAG_END_COLUMN = FLAG_COLUMN + 'dangerouslyAllowBrowser: true'.length;
const OPENAI_IMPORT = "import OpenAI from 'openai';";
const OPENAI_REQUIRE = "const OpenAI = require('openai');";
/** The flag reported on `line`, with the sign of browser code that the message names. */
function flagged(sign: string, line: number) {
  return { messageId: 'browserClient' as const, data: { sign }, line, column: FLAG_COLUMN, endColumn: FLAG_END_COLUMN };
}

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
    // dangerouslyAllowBrowser in code that never reaches a browser: the flag does nothing there.
    {
      // A ts-node maintenance script that writes files.
      code: [OPENAI_IMPORT, "import { writeFileSync } from 'fs';", 'const apiKey: string = process.env.DEEPSEEK_API_KEY!;', ALLOWED_CLIENT, "writeFileSync('out.json', '{}');"].join('\n'),
      filename: 'tools/summarize.ts',
    },
    {
      // An Express back-end module (CommonJS).
      code: [OPENAI_REQUIRE, "const express = require('express');", 'const apiKey = process.env.DEEPSEEK_API_KEY;', ALLOWED_CLIENT, 'module.exports = express.Router();'].join('\n'),
      filename: 'src/chat.js',
      languageOptions: commonjs,
    },
    {
      // A back-end module that imports nothing telling, in a server/ directory.
      code: [OPENAI_IMPORT, 'const apiKey = process.env.DEEPSEEK_API_KEY;', ALLOWED_CLIENT, 'export default client;'].join('\n'),
      filename: 'server/services/deepseek.js',
      languageOptions: esm,
    },
    {
      // No sign either way (a library module): quiet, see the rule's docs.
      code: [OPENAI_IMPORT, 'const apiKey = process.env.DEEPSEEK_API_KEY;', ALLOWED_CLIENT].join('\n'),
      filename: 'src/lib/deepseek.ts',
    },
    {
      // A Next.js route handler runs on the server even when it reads a public variable.
      code: [OPENAI_IMPORT, 'const apiKey = process.env.DEEPSEEK_API_KEY;', ALLOWED_CLIENT, 'export const site = process.env.NEXT_PUBLIC_SITE_URL;'].join('\n'),
      filename: 'app/api/chat/route.ts',
    },
    {
      code: [OPENAI_IMPORT, 'const apiKey = process.env.DEEPSEEK_API_KEY;', ALLOWED_CLIENT].join('\n'),
      filename: 'src/pages/api/chat.js',
      languageOptions: esm,
    },
    {
      // Remix keeps *.server.ts out of client bundles; 'server-only' makes a bundle fail to build.
      code: [OPENAI_IMPORT, 'const apiKey = process.env.DEEPSEEK_API_KEY;', ALLOWED_CLIENT].join('\n'),
      filename: 'app/components/chat.server.ts',
    },
    {
      code: ["import 'server-only';", OPENAI_IMPORT, 'const apiKey = process.env.DEEPSEEK_API_KEY;', ALLOWED_CLIENT, 'export const Box = () => <div />;'].join('\n'),
      filename: 'src/components/Chat.tsx',
    },
    {
      code: ["'use server';", OPENAI_IMPORT, 'const apiKey = process.env.DEEPSEEK_API_KEY;', ALLOWED_CLIENT].join('\n'),
      filename: 'app/actions.tsx',
    },
    {
      // Node-only globals, a #! line and node: modules decide before a front-end directory does.
      code: [OPENAI_REQUIRE, 'const apiKey = process.argv[2];', ALLOWED_CLIENT].join('\n'),
      filename: 'pages/tool.js',
      languageOptions: commonjs,
    },
    {
      code: ['#!/usr/bin/env node', OPENAI_IMPORT, 'const apiKey = process.env.DEEPSEEK_API_KEY;', ALLOWED_CLIENT].join('\n'),
      filename: 'components/cli.mjs',
      languageOptions: esm,
    },
    {
      code: [OPENAI_REQUIRE, "const path = require('node:path');", 'const apiKey = process.env.DEEPSEEK_API_KEY;', ALLOWED_CLIENT, 'const here = path.join(__dirname, "a");'].join('\n'),
      filename: 'src/components/loader.js',
      languageOptions: commonjs,
    },
    {
      // A test under jsdom (where the SDK asks for the flag) ships to no browser.
      code: [OPENAI_IMPORT, 'const apiKey = "test";', ALLOWED_CLIENT, "document.body.innerHTML = '<p></p>';"].join('\n'),
      filename: 'src/__tests__/chat.ts',
    },
    {
      code: [OPENAI_IMPORT, 'const apiKey = "test";', ALLOWED_CLIENT, "window.alert('x');"].join('\n'),
      filename: 'src/chat.test.tsx',
    },
    {
      // `document` here is a parameter, not the browser's global.
      code: [OPENAI_IMPORT, 'const apiKey = process.env.DEEPSEEK_API_KEY;', ALLOWED_CLIENT, 'export const title = (document) => document.title;'].join('\n'),
      filename: 'src/lib/deepseek.js',
      languageOptions: esm,
    },
    {
      // Next.js runs app/ on the server unless a file says 'use client'.
      code: [OPENAI_IMPORT, 'const apiKey = process.env.DEEPSEEK_API_KEY;', ALLOWED_CLIENT].join('\n'),
      filename: 'app/lib/deepseek.ts',
    },
    {
      // In browser code, a flag that is not the literal `true` is not reported.
      code: ["'use client';", OPENAI_IMPORT, "export const client = new OpenAI({ baseURL: '/api/deepseek', apiKey: 'unused', dangerouslyAllowBrowser: true });"].join('\n'),
      filename: 'src/components/Chat.tsx',
    },
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
    // dangerouslyAllowBrowser: true in browser code, each with the sign the message names.
    {
      code: ["'use client';", "import OpenAI from 'openai';", 'const client = new OpenAI({', "  baseURL: 'https://api.deepseek.com',", '  apiKey: userKey,', '  dangerouslyAllowBrowser: true,', '});'].join('\n'),
      filename: 'app/chat/client.ts',
      errors: [
        { messageId: 'clientComponentCall', line: 3, column: 16 },
        { messageId: 'browserClient', data: { sign: "'use client'" }, line: 6, column: 3, endColumn: 32 },
      ],
    },
    {
      // Vite: a public variable read anywhere in the file marks it as browser code.
      code: [OPENAI_IMPORT, 'const apiKey = userKey;', ALLOWED_CLIENT, 'export const api = import.meta.env.VITE_API_URL;'].join('\n'),
      filename: 'src/lib/ai.js',
      languageOptions: esm,
      errors: [flagged('reads import.meta.env.VITE_API_URL', 3)],
    },
    {
      code: [OPENAI_REQUIRE, 'const apiKey = process.env.REACT_APP_DEEPSEEK_KEY;', ALLOWED_CLIENT].join('\n'),
      filename: 'src/lib/ai.js',
      languageOptions: commonjs,
      errors: [
        { messageId: 'publicEnvKey', data: { name: 'REACT_APP_DEEPSEEK_KEY', prefix: 'REACT_APP_' }, line: 2 },
        flagged('reads process.env.REACT_APP_DEEPSEEK_KEY', 3),
      ],
    },
    {
      code: [OPENAI_IMPORT, 'const { NEXT_PUBLIC_GATEWAY_ORIGIN } = process.env;', 'const apiKey: string = userKey;', ALLOWED_CLIENT].join('\n'),
      filename: 'src/lib/ai.ts',
      errors: [flagged('reads process.env.NEXT_PUBLIC_GATEWAY_ORIGIN', 4)],
    },
    {
      // Bring-your-own-key apps keep the user's key in the browser.
      code: [OPENAI_IMPORT, "const apiKey = localStorage.getItem('deepseek-key') ?? '';", ALLOWED_CLIENT].join('\n'),
      filename: 'src/lib/ai.ts',
      errors: [flagged('uses localStorage', 3)],
    },
    {
      // Browser globals count when the config declares them too (globals.browser, a TypeScript `dom` lib).
      code: [OPENAI_IMPORT, 'const apiKey = window.userKey;', ALLOWED_CLIENT].join('\n'),
      filename: 'src/lib/ai.js',
      languageOptions: { ...esm, globals: { window: 'readonly' } },
      errors: [flagged('uses window', 3)],
    },
    {
      code: [OPENAI_IMPORT, 'const apiKey: string = document.cookie;', ALLOWED_CLIENT].join('\n'),
      filename: 'src/lib/ai.ts',
      languageOptions: { parserOptions: { lib: ['esnext', 'dom'] } },
      errors: [flagged('uses document', 3)],
    },
    {
      // A browser global outweighs a scripts/ directory (Astro keeps client scripts in src/scripts/).
      code: [OPENAI_IMPORT, 'const apiKey = userKey;', ALLOWED_CLIENT, "document.querySelector('form');"].join('\n'),
      filename: 'src/scripts/chat.ts',
      errors: [flagged('uses document', 3)],
    },
    {
      code: [OPENAI_IMPORT, "import { createRoot } from 'react-dom/client';", 'const apiKey = userKey;', ALLOWED_CLIENT].join('\n'),
      filename: 'src/main.ts',
      errors: [flagged('imports react-dom/client', 4)],
    },
    {
      code: [OPENAI_IMPORT, 'const apiKey = userKey;', ALLOWED_CLIENT, 'export const Chat = () => <form />;'].join('\n'),
      filename: 'src/Chat.tsx',
      errors: [flagged('a .tsx file', 3)],
    },
    {
      // A Remix route module (route.tsx) renders in the browser too: not a route handler.
      code: [OPENAI_IMPORT, 'const apiKey = userKey;', ALLOWED_CLIENT].join('\n'),
      filename: 'app/routes/chat/route.tsx',
      errors: [flagged('a .tsx file', 3)],
    },
    {
      code: [OPENAI_IMPORT, 'const apiKey = userKey;', ALLOWED_CLIENT].join('\n'),
      filename: 'src/components/deepseek.js',
      languageOptions: esm,
      errors: [flagged('under components/', 3)],
    },
    {
      code: [OPENAI_REQUIRE, 'const apiKey = userKey;', ALLOWED_CLIENT].join('\n'),
      filename: 'pages/chat.js',
      languageOptions: commonjs,
      errors: [flagged('under pages/', 3)],
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
