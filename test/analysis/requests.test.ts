/**
 * analyzeDeepSeek run directly, on the AST of @babel/parser (src/parse.ts: what the
 * codemod sees) and on the ASTs ESLint rules see (typescript-eslint's parser for
 * TypeScript, espree for JavaScript). The same code must give the same findings
 * on every AST: that is what makes it one shared analysis.
 */
import { parse as parseTypeScript } from '@typescript-eslint/parser';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';
import { type Node, rangeOf } from '../../src/analysis/ast';
import { UNKNOWN_EXPRESSION, readHeaderValue } from '../../src/analysis/header-value';
import { type DeepSeekAnalysis, analyzeDeepSeek } from '../../src/analysis/requests';
import { parseProgram } from '../../src/parse';

type Findings = ReturnType<typeof summarize>;

/** The analysis reduced to source text, so findings from different ASTs compare equal. */
function summarize(analysis: DeepSeekAnalysis, code: string) {
  const text = (node: Node | undefined) => (node ? code.slice(...rangeOf(node)) : undefined);
  return {
    relevant: analysis.relevant,
    clients: analysis.clients.map((client) => `${client.kind} ${client.surface} ${client.binding ?? '-'}`),
    headers: analysis.headers.map((header) => `${header.source} ${header.surface} ${header.name}: ${text(header.value)}`),
    queryKeys: analysis.queryKeys.map((query) => `${query.source} ${query.surface} ${query.param} @ ${text(query.node)}`),
    bodies: analysis.bodies.map((body) => `${body.kind} ${body.surface} ${text(body.object)}`),
    /** How the Authorization values read: text with `?` for each unseen expression. */
    authorization: analysis.headers
      .filter((header) => header.name.toLowerCase() === 'authorization' && header.value)
      .map((header) => readHeaderValue(header.value!, analysis).text.replaceAll(UNKNOWN_EXPRESSION, '?')),
  };
}

type Language = 'ts' | 'esm' | 'cjs';

const FILE_NAMES: Record<Language, string> = { ts: 'client.ts', esm: 'client.mjs', cjs: 'client.cjs' };

function eslintAst(code: string, language: Language): Node {
  if (language === 'ts') return parseTypeScript(code, { range: true, loc: true, sourceType: 'module' }) as unknown as Node;
  return espree.parse(code, { ecmaVersion: 'latest', sourceType: language === 'esm' ? 'module' : 'commonjs', range: true, loc: true }) as unknown as Node;
}

function findingsOnBothAsts(code: string, language: Language, extraHosts: string[] = []): { babel: Findings; eslint: Findings } {
  return {
    babel: summarize(analyzeDeepSeek(parseProgram(code, FILE_NAMES[language]) as unknown as Node, code, { extraHosts }), code),
    eslint: summarize(analyzeDeepSeek(eslintAst(code, language), code, { extraHosts }), code),
  };
}

interface Case {
  name: string;
  code: string;
  language?: Language;
  extraHosts?: string[];
  expected: Partial<Findings>;
}

const CHAT = "'https://api.deepseek.com/chat/completions'";

const cases: Case[] = [
  {
    name: 'fetch with a literal URL: headers, body',
    code: `fetch(${CHAT}, { method: 'POST', headers: { Authorization: \`Bearer \${key}\`, 'X-API-Key': key }, body: JSON.stringify({ model: 'deepseek-v4-flash' }) });`,
    expected: {
      headers: ['object openai Authorization: `Bearer ${key}`', "object openai X-API-Key: key"],
      bodies: ["http openai { model: 'deepseek-v4-flash' }"],
      authorization: ['Bearer ?'],
    },
  },
  {
    name: 'fetch with a template URL built from a constant',
    code: "const BASE = 'https://api.deepseek.com';\nfetch(`${BASE}/chat/completions`, { headers: { authorization: `${key}` } });",
    expected: { headers: ['object openai authorization: `${key}`'], authorization: ['?'] },
  },
  {
    name: 'fetch with a constant URL and a constant init',
    code: "const URL_ = 'https://api.deepseek.com/v1/chat/completions';\nconst init = { headers: { Authorization: 'Token ' + key } };\nfetch(URL_, init);",
    expected: { headers: ["object openai Authorization: 'Token ' + key"], authorization: ['Token ?'] },
  },
  {
    name: 'new Headers() with set and append in the sending function',
    code: `async function ask() {\n  const h = new Headers({ Accept: 'application/json' });\n  h.set('Authorization', key);\n  h.append('api-key', key);\n  return fetch(${CHAT}, { headers: h });\n}`,
    expected: {
      headers: ["object openai Accept: 'application/json'", 'headers-call openai Authorization: key', 'headers-call openai api-key: key'],
    },
  },
  {
    name: 'headers filled step by step in the same function',
    code: `function ask() {\n  const headers = {};\n  headers['Authorization'] = \`Bearer  \${key}\`;\n  headers.apiKey = key;\n  return fetch(${CHAT}, { headers });\n}`,
    expected: { headers: ['assignment openai Authorization: `Bearer  ${key}`', 'assignment openai apiKey: key'], authorization: ['Bearer  ?'] },
  },
  {
    name: 'headers filled in another function are not followed',
    code: `const headers = {};\nfunction login() { headers['Authorization'] = key; }\nfunction ask() { return fetch(${CHAT}, { headers }); }`,
    expected: { headers: [] },
  },
  {
    name: 'axios.post: body second, config third, params',
    code: `import axios from 'axios';\naxios.post(${CHAT}, { model: 'deepseek-v4-pro' }, { headers: { Authorization: key }, params: { api_key: key } });`,
    language: 'esm',
    expected: {
      headers: ['object openai Authorization: key'],
      queryKeys: ['params-object openai api_key @ api_key: key'],
      bodies: ["http openai { model: 'deepseek-v4-pro' }"],
    },
  },
  {
    name: 'axios.create instance, imported under another name',
    code: `import http from 'axios';\nconst api = http.create({ baseURL: 'https://api.deepseek.com', headers: { 'X-API-Key': key } });\napi.post('/chat/completions', { model: 'm' }, { headers: { Authorization: key } });`,
    expected: {
      clients: ['http-client openai api'],
      headers: ["object openai X-API-Key: key", 'object openai Authorization: key'],
      bodies: ["http openai { model: 'm' }"],
    },
  },
  {
    name: 'got and ky instances take (url, options)',
    code: `import ky from 'ky';\nconst api = ky.create({ prefixUrl: 'https://api.deepseek.com' });\napi.post('chat/completions', { headers: { 'api-key': key }, json: { model: 'm' } });`,
    expected: { clients: ['http-client openai api'], headers: ['object openai api-key: key'], bodies: ["http openai { model: 'm' }"] },
  },
  {
    name: 'got with searchParams',
    code: `import got from 'got';\ngot.post(${CHAT}, { headers: { authorization: key }, searchParams: { key } });`,
    expected: { headers: ['object openai authorization: key'], queryKeys: ['params-object openai key @ key'] },
  },
  {
    name: 'OpenAI SDK with defaultHeaders and per-request headers (CommonJS)',
    code: `const OpenAI = require('openai');\nconst client = new OpenAI({ baseURL: 'https://api.deepseek.com', defaultHeaders: { 'x-api-key': key } });\nclient.chat.completions.create({ model: 'deepseek-v4-flash', messages }, { headers: { authorization: key } });`,
    language: 'cjs',
    expected: {
      clients: ['openai-sdk openai client'],
      headers: ['object openai x-api-key: key', 'object openai authorization: key'],
      bodies: ["openai-sdk openai { model: 'deepseek-v4-flash', messages }"],
    },
  },
  {
    name: 'Anthropic SDK at /anthropic',
    code: `import Anthropic from '@anthropic-ai/sdk';\nconst client = new Anthropic({ baseURL: 'https://api.deepseek.com/anthropic', defaultHeaders: { 'x-api-key': key } });`,
    expected: { clients: ['anthropic-sdk anthropic client'], headers: ['object anthropic x-api-key: key'] },
  },
  {
    name: 'a DeepSeek key sent to an unknown URL',
    code: 'fetch(process.env.API_URL, { headers: { Authorization: process.env.DEEPSEEK_API_KEY } });',
    expected: { headers: ['object openai Authorization: process.env.DEEPSEEK_API_KEY'], authorization: ['?'] },
  },
  {
    name: 'query-string keys: literal, template, concatenation (each once), searchParams',
    code: `fetch(${CHAT.slice(0, -1)}?api_key=' + key);\nfetch(\`https://api.deepseek.com/models?key=\${key}\`);\nconst u = new URL(${CHAT});\nu.searchParams.set('api_key', key);\nfetch(u);`,
    expected: {
      queryKeys: [
        "url openai api_key @ 'https://api.deepseek.com/chat/completions?api_key='",
        'url openai key @ `https://api.deepseek.com/models?key=${key}`',
        "search-params openai api_key @ u.searchParams.set('api_key', key)",
      ],
    },
  },
  {
    name: 'a listed gateway',
    code: "fetch('https://llm-gateway.internal/v1/chat/completions', { headers: { Authorization: key } });",
    extraHosts: ['llm-gateway.internal'],
    expected: { relevant: true, headers: ['object openai Authorization: key'] },
  },
  {
    name: 'an unlisted gateway',
    code: "fetch('https://llm-gateway.internal/v1/chat/completions', { headers: { Authorization: key } });",
    expected: { relevant: false, headers: [] },
  },
  {
    name: 'another service in a DeepSeek file',
    code: "const DEEPSEEK_URL = 'https://api.deepseek.com';\nfetch('https://api.github.com/user', { headers: { Authorization: `token ${githubToken}` } });",
    expected: { relevant: true, headers: [], queryKeys: [] },
  },
  {
    name: 'header values: constants, concatenations and identifiers that build a header',
    code: `const SCHEME = 'Bearer';\nconst auth = \`\${SCHEME}  \${key}\`;\nfetch(${CHAT}, { headers: { Authorization: auth } });\nfetch(${CHAT}, { headers: { Authorization: ' Bearer ' + key + '\\n' } });`,
    expected: { authorization: ['Bearer  ?', ' Bearer ?\n'] },
  },
];

describe('analyzeDeepSeek', () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const { babel, eslint } = findingsOnBothAsts(testCase.code, testCase.language ?? 'ts', testCase.extraHosts);
      expect(eslint).toMatchObject(testCase.expected);
      expect(babel).toEqual(eslint);
    });
  }

  it('finds nothing in a file that never mentions DeepSeek', () => {
    const code = "fetch('https://api.example.com', { headers: { 'X-API-Key': key } });";
    const { babel, eslint } = findingsOnBothAsts(code, 'ts');
    expect(eslint).toEqual({ relevant: false, clients: [], headers: [], queryKeys: [], bodies: [], authorization: [] });
    expect(babel).toEqual(eslint);
  });

  it('caches one analysis per AST and host list', () => {
    const code = "fetch('https://gw.internal/x', { headers: { Authorization: key } });";
    const program = parseProgram(code, 'client.ts') as unknown as Node;
    const plain = analyzeDeepSeek(program, code);
    expect(analyzeDeepSeek(program, code)).toBe(plain);
    const withGateway = analyzeDeepSeek(program, code, { extraHosts: ['gw.internal'] });
    expect(withGateway).not.toBe(plain);
    expect(withGateway.headers).toHaveLength(1);
    expect(plain.headers).toHaveLength(0);
  });
});
