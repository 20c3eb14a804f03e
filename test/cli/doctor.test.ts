/**
 * `doctor` end to end: the built CLI against a mock of the API on 127.0.0.1.
 * Every run passes --base-url to the mock (runDoctor below refuses otherwise), so no
 * test can reach api.deepseek.com or any other host.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { testKey } from '../helpers/keys';
import { type MockApi, type MockRoutes, closedPort, runCliAsync, startMockApi } from '../helpers/mock-deepseek';
import { CLI, makeProject, removeProject } from './helpers';

const KEY = testKey(2201);
const REDACTED = `sk-…${KEY.slice(-4)}`;
const KEY_BODY = KEY.slice(3);

const MODELS_OK = { status: 200, body: JSON.stringify({ object: 'list', data: [{ id: 'deepseek-v4-flash', object: 'model' }, { id: 'deepseek-v4-pro', object: 'model' }] }) };
const BALANCE_OK = {
  status: 200,
  body: JSON.stringify({ is_available: true, balance_infos: [{ currency: 'CNY', total_balance: '110.00', granted_balance: '10.00', topped_up_balance: '100.00' }] }),
};
const HEALTHY: MockRoutes = { '/models': MODELS_OK, '/user/balance': BALANCE_OK };
/** DeepSeek's error bodies quote the key: the mock does too, in full, to prove doctor hides it. */
const errorBody = (message: string): string => JSON.stringify({ error: { message: `${message} (key: ${KEY})`, type: 'error' } });

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function mock(routes: MockRoutes): Promise<MockApi> {
  const api = await startMockApi(routes);
  cleanups.push(() => api.close());
  return api;
}

function project(files: Record<string, string> = { 'src/plain.ts': 'export const answer = 42;\n' }): string {
  const root = makeProject(files);
  cleanups.push(() => removeProject(root));
  return root;
}

/** A module that sends one chat request per model ID through an openai client pointed at `baseURL` (code text). */
function chatModule(baseURL: string, ...models: string[]): string {
  return [
    "import OpenAI from 'openai';",
    `const client = new OpenAI({ baseURL: ${baseURL}, apiKey: process.env.DEEPSEEK_API_KEY });`,
    ...models.map((model, i) => `export const ask${i} = () => client.chat.completions.create({ model: '${model}', messages: [] });`),
    '',
  ].join('\n');
}
const OFFICIAL = "'https://api.deepseek.com'";

/** Run doctor with the key (or `env`) on the mock; asserts that the key appears nowhere in the output. */
async function runDoctor(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const base = args[args.indexOf('--base-url') + 1] ?? '';
  if (!args.includes('--base-url') || !/^https?:\/\/127\.0\.0\.1:\d+(?:\/|$)/.test(base)) {
    throw new Error('doctor tests talk to 127.0.0.1 only: pass --base-url http://127.0.0.1:<port>');
  }
  const result = await runCliAsync(CLI, ['doctor', ...args], options.cwd ?? project(), options.env ?? { DEEPSEEK_API_KEY: KEY });
  expect(result.stdout + result.stderr).not.toContain(KEY_BODY);
  return result;
}

function lineOf(stdout: string, check: string): string {
  const line = stdout.split('\n').find((text) => text.slice(6).startsWith(`${check}:`));
  if (line === undefined) throw new Error(`no '${check}' line in:\n${stdout}`);
  return line;
}

describe('doctor against a healthy API', () => {
  it('passes every check, sends the key as a Bearer token to /models and /user/balance only, exits 0', async () => {
    const api = await mock(HEALTHY);
    const root = project({
      'src/chat.ts': chatModule(OFFICIAL, 'deepseek-v4-flash'),
    });
    const result = await runDoctor(['--base-url', api.baseUrl], { cwd: root });
    expect(result.stdout).toBe(
      [
        `doctor: DEEPSEEK_API_KEY (${REDACTED}) against ${api.baseUrl}`,
        `ok    key: DEEPSEEK_API_KEY holds a well-formed DeepSeek key (${REDACTED})`,
        'ok    GET /models: 200: the key is accepted; 2 model(s) listed: deepseek-v4-flash, deepseek-v4-pro',
        'ok    GET /user/balance: 200: balance available for API calls: 110.00 CNY (100.00 topped up, 10.00 granted)',
        'ok    model deepseek-v4-flash: used at src/chat.ts:3; listed by /models',
        'All checks passed.',
        '',
      ].join('\n'),
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(api.requests).toEqual([
      { method: 'GET', url: '/models', authorization: `Bearer ${KEY}` },
      { method: 'GET', url: '/user/balance', authorization: `Bearer ${KEY}` },
    ]);
  });

  it('keeps the path of the base URL (a /v1 base, a trailing slash)', async () => {
    const api = await mock({ '/v1/models': MODELS_OK, '/v1/user/balance': BALANCE_OK });
    const result = await runDoctor(['--base-url', `${api.baseUrl}/v1/`]);
    expect(result.status).toBe(0);
    expect(api.requests.map((request) => request.url)).toEqual(['/v1/models', '/v1/user/balance']);
  });

  it('reads the key from --env-var and names that variable', async () => {
    const api = await mock(HEALTHY);
    const result = await runDoctor(['--env-var', 'MY_DEEPSEEK_SECRET', '--base-url', api.baseUrl], { env: { MY_DEEPSEEK_SECRET: KEY } });
    expect(result.status).toBe(0);
    expect(lineOf(result.stdout, 'key')).toBe(`ok    key: MY_DEEPSEEK_SECRET holds a well-formed DeepSeek key (${REDACTED})`);
  });

  it('prints one JSON report with --json: verdicts, listed and used models, the balance as the API gave it', async () => {
    const api = await mock(HEALTHY);
    const root = project({ 'src/a.js': "import { deepseek } from '@ai-sdk/deepseek';\nexport const model = deepseek('deepseek-v4-pro');\n" });
    const result = await runDoctor(['--json', '--base-url', api.baseUrl], { cwd: root });
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(report).toEqual({
      version: 1,
      ok: true,
      envVar: 'DEEPSEEK_API_KEY',
      baseUrl: api.baseUrl,
      key: REDACTED,
      checks: [
        { check: 'key', outcome: 'ok', cause: `DEEPSEEK_API_KEY holds a well-formed DeepSeek key (${REDACTED})` },
        { check: 'GET /models', outcome: 'ok', cause: '200: the key is accepted; 2 model(s) listed: deepseek-v4-flash, deepseek-v4-pro', status: 200 },
        { check: 'GET /user/balance', outcome: 'ok', cause: '200: balance available for API calls: 110.00 CNY (100.00 topped up, 10.00 granted)', status: 200 },
        { check: 'model deepseek-v4-pro', outcome: 'ok', cause: 'used at src/a.js:2; listed by /models' },
      ],
      models: {
        served: ['deepseek-v4-flash', 'deepseek-v4-pro'],
        used: [{ id: 'deepseek-v4-pro', path: 'src/a.js', line: 2, surface: 'openai', confirmed: true }],
      },
      balance: { is_available: true, balance_infos: [{ currency: 'CNY', total_balance: '110.00', granted_balance: '10.00', topped_up_balance: '100.00' }] },
    });
  });
});

describe('doctor reads each status as the article does', () => {
  it.each([
    [401, `FAIL  GET /models: 401: the key was refused (the API says: "Authentication Fails (key: ${REDACTED})"): it is wrong, revoked, or of another account (its format passed the local checks). Fix: create a new key at https://platform.deepseek.com/api_keys; after a rotation, restart whatever cached the old value`],
    [402, `FAIL  GET /models: 402: insufficient balance (the API says: "Insufficient Balance (key: ${REDACTED})"); the key itself is fine. Fix: top up at https://platform.deepseek.com/top_up`],
    [403, `FAIL  GET /models: 403: the account or workspace is restricted (a region or policy block) (the API says: "Forbidden (key: ${REDACTED})"). Fix: contact DeepSeek support; a new key will not help`],
    [429, `FAIL  GET /models: 429: too many requests at once (the API says: "Rate Limit Reached (key: ${REDACTED})"); a concurrency limit, not an auth problem. Fix: retry in a moment; back off and retry in your client too`],
    [500, `FAIL  GET /models: 500: a server error on the API's side (the API says: "Server Error (key: ${REDACTED})"); it says nothing about the key. Fix: retry later; the key may well be fine`],
    [503, `FAIL  GET /models: 503: a server error on the API's side (the API says: "Server Overloaded (key: ${REDACTED})"); it says nothing about the key. Fix: retry later; the key may well be fine`],
  ])('%i: one verdict naming the cause and the fix, exit 1', async (status, expected) => {
    const messages: Record<number, string> = { 401: 'Authentication Fails', 402: 'Insufficient Balance', 403: 'Forbidden', 429: 'Rate Limit Reached', 500: 'Server Error', 503: 'Server Overloaded' };
    const answer = { status, body: errorBody(messages[status]) };
    const api = await mock({ '/models': answer, '/user/balance': answer });
    const result = await runDoctor(['--base-url', api.baseUrl]);
    expect(result.status).toBe(1);
    expect(lineOf(result.stdout, 'GET /models')).toBe(expected);
    expect(lineOf(result.stdout, 'GET /user/balance')).toBe(expected.replace('GET /models', 'GET /user/balance'));
    expect(result.stdout).toContain('skip  models used: no DeepSeek model ID found in the project (1 source file(s) scanned)');
    expect(result.stdout.endsWith('2 check(s) failed.\n')).toBe(true);
  });

  it('404: the base URL or path is wrong', async () => {
    const api = await mock({});
    const result = await runDoctor(['--base-url', `${api.baseUrl}/anthropic`]);
    expect(result.status).toBe(1);
    expect(lineOf(result.stdout, 'GET /models')).toBe(
      `FAIL  GET /models: 404: ${api.baseUrl}/anthropic/models does not exist: the base URL or the path is wrong. Fix: use https://api.deepseek.com (or its /v1 alias) as the base, with no endpoint path after it`,
    );
  });

  it('a 200 with a body that is not a model list (a login page) fails the check', async () => {
    const api = await mock({ '/models': { status: 200, body: '<html>Sign in</html>' }, '/user/balance': { status: 200, body: '{"balance":1}' } });
    const result = await runDoctor(['--base-url', api.baseUrl]);
    expect(result.status).toBe(1);
    expect(lineOf(result.stdout, 'GET /models')).toBe(
      'FAIL  GET /models: 200, but the body is not a model list (it is not JSON). Fix: check --base-url: it answers, but not as the DeepSeek API (a login page or another service?)',
    );
    expect(lineOf(result.stdout, 'GET /user/balance')).toBe(
      'FAIL  GET /user/balance: 200, but the body is not a balance (its JSON has another shape). Fix: check --base-url: a proxy may not pass /user/balance through',
    );
  });

  it('a balance that is not available fails with the top-up fix; the model list still passes', async () => {
    const empty = { status: 200, body: JSON.stringify({ is_available: false, balance_infos: [{ currency: 'USD', total_balance: '0.00', granted_balance: '0.00', topped_up_balance: '0.00' }] }) };
    const api = await mock({ '/models': MODELS_OK, '/user/balance': empty });
    const result = await runDoctor(['--base-url', api.baseUrl]);
    expect(result.status).toBe(1);
    expect(lineOf(result.stdout, 'GET /models')).toMatch(/^ok {4}GET \/models: 200/);
    expect(lineOf(result.stdout, 'GET /user/balance')).toBe(
      'FAIL  GET /user/balance: 200: no balance available for API calls (0.00 USD (0.00 topped up, 0.00 granted)); requests will get 402. Fix: top up at https://platform.deepseek.com/top_up',
    );
  });

  it('does not follow a redirect: the key never reaches the host it points at', async () => {
    const elsewhere = await mock(HEALTHY);
    const api = await mock({ '/models': { status: 307, headers: { location: `${elsewhere.baseUrl}/models` } }, '/user/balance': BALANCE_OK });
    const result = await runDoctor(['--base-url', api.baseUrl]);
    expect(result.status).toBe(1);
    expect(lineOf(result.stdout, 'GET /models')).toBe(
      `FAIL  GET /models: redirected to ${elsewhere.baseUrl}/models (307); not followed, since the key would go along. Fix: if you trust the new address, pass it as --base-url`,
    );
    expect(elsewhere.requests).toEqual([]);
    expect(api.requests.map((request) => request.url)).toEqual(['/models', '/user/balance']);
  });
});

describe('doctor when no answer comes', () => {
  it('times out on a slow API within --timeout, and skips the balance on the silent host', async () => {
    const api = await mock({ '/models': { ...MODELS_OK, delayMs: 5_000 }, '/user/balance': BALANCE_OK });
    const started = Date.now();
    const result = await runDoctor(['--timeout', '0.3', '--base-url', api.baseUrl]);
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(result.status).toBe(1);
    const host = new URL(api.baseUrl).host;
    expect(lineOf(result.stdout, 'GET /models')).toBe(
      `FAIL  GET /models: timeout: ${host} did not answer within 0.3 s. Fix: check your network, firewall or proxy; raise --timeout for a slow link`,
    );
    expect(lineOf(result.stdout, 'GET /user/balance')).toBe(`skip  GET /user/balance: not sent: ${host} did not answer /models`);
  });

  it('names a refused connection', async () => {
    const port = await closedPort();
    const result = await runDoctor(['--base-url', `http://127.0.0.1:${port}`]);
    expect(result.status).toBe(1);
    expect(lineOf(result.stdout, 'GET /models')).toBe(
      `FAIL  GET /models: connection refused: nothing listens at 127.0.0.1:${port}. Fix: check the host and port of --base-url, or start the proxy it names`,
    );
  });

  it('names a failed TLS handshake (https to a plain-http port)', async () => {
    const api = await mock(HEALTHY);
    const result = await runDoctor(['--base-url', api.baseUrl.replace('http:', 'https:')]);
    expect(result.status).toBe(1);
    expect(lineOf(result.stdout, 'GET /models')).toMatch(
      /^FAIL {2}GET \/models: TLS: the secure connection to 127\.0\.0\.1:\d+ failed \([A-Z_]+\)\. Fix: a proxy that intercepts HTTPS needs its CA in NODE_EXTRA_CA_CERTS/,
    );
  });
});

describe('doctor checks the key locally and sends nothing when it is malformed', () => {
  const body = KEY.slice(3);
  it.each([
    ['not set', undefined, 'FAIL  key: DEEPSEEK_API_KEY is not set. Fix: export DEEPSEEK_API_KEY=<your key> (create a key at https://platform.deepseek.com/api_keys), or pass --env-var with the variable your app reads'],
    ['empty', '', 'FAIL  key: DEEPSEEK_API_KEY is set but empty. Fix: set it to your key (create a key at https://platform.deepseek.com/api_keys)'],
    ['only whitespace', ' \t', 'FAIL  key: DEEPSEEK_API_KEY is set but holds only whitespace. Fix: set it to your key (create a key at https://platform.deepseek.com/api_keys)'],
    ['a trailing newline', `${KEY}\n`, 'FAIL  key: DEEPSEEK_API_KEY holds a line break at its end: the Authorization header carries it and the API answers 401. Fix: remove it (a key file read with its trailing newline, or a paste from a terminal that wrapped the line)'],
    ['a line break inside', `${KEY.slice(0, 20)}\r\n${KEY.slice(20)}`, 'FAIL  key: DEEPSEEK_API_KEY holds a line break inside it: the Authorization header carries it and the API answers 401. Fix: remove it (a key file read with its trailing newline, or a paste from a terminal that wrapped the line)'],
    ['leading whitespace', ` ${KEY}`, 'FAIL  key: DEEPSEEK_API_KEY starts or ends with whitespace: the API answers 401. Fix: trim the value where it is set'],
    ['trailing whitespace', `${KEY}\t`, 'FAIL  key: DEEPSEEK_API_KEY starts or ends with whitespace: the API answers 401. Fix: trim the value where it is set'],
    ['"Bearer " in the value', `Bearer ${KEY}`, 'FAIL  key: DEEPSEEK_API_KEY starts with "Bearer ": SDKs add the scheme themselves, so the header becomes "Bearer Bearer sk-…" (401). Fix: store the key alone, without "Bearer " (write the scheme only when you build the header by hand)'],
    ['the whole header line', `Authorization: Bearer ${KEY}`, 'FAIL  key: DEEPSEEK_API_KEY starts with "Bearer ": SDKs add the scheme themselves, so the header becomes "Bearer Bearer sk-…" (401). Fix: store the key alone, without "Bearer " (write the scheme only when you build the header by hand)'],
    ['double quotes', `"${KEY}"`, 'FAIL  key: DEEPSEEK_API_KEY is wrapped in quotes, which are sent as part of the key (401). Fix: remove the quotes (docker --env-file and some .env loaders keep them)'],
    ['single quotes', `'${KEY}'`, 'FAIL  key: DEEPSEEK_API_KEY is wrapped in quotes, which are sent as part of the key (401). Fix: remove the quotes (docker --env-file and some .env loaders keep them)'],
    ['a stray quote', `${KEY}"`, 'FAIL  key: DEEPSEEK_API_KEY starts or ends with a quote character, which is sent as part of the key (401). Fix: remove the quotes (docker --env-file and some .env loaders keep them)'],
    ['an unexpanded variable', '${DEEPSEEK_KEY}', 'FAIL  key: DEEPSEEK_API_KEY holds a variable reference (${…) that nothing expanded: the file or tool that sets it does not substitute variables. Fix: use a DeepSeek key: "sk-" and 32 characters 0-9a-f (create a key at https://platform.deepseek.com/api_keys)'],
    ['a zero-width space', `${KEY.slice(0, 10)}\u200b${KEY.slice(10)}`, 'FAIL  key: DEEPSEEK_API_KEY holds an invisible character (U+200B), pasted along with the key from a web page or a chat. Fix: use a DeepSeek key: "sk-" and 32 characters 0-9a-f (create a key at https://platform.deepseek.com/api_keys)'],
    ['a short key', KEY.slice(0, -2), 'FAIL  key: DEEPSEEK_API_KEY has 30 characters after "sk-" where a DeepSeek key has 32 (cut short, or two keys pasted together?). Fix: use a DeepSeek key: "sk-" and 32 characters 0-9a-f (create a key at https://platform.deepseek.com/api_keys)'],
    ['a key too long by one', `${KEY}a`, 'FAIL  key: DEEPSEEK_API_KEY has 33 characters after "sk-" where a DeepSeek key has 32 (cut short, or two keys pasted together?). Fix: use a DeepSeek key: "sk-" and 32 characters 0-9a-f (create a key at https://platform.deepseek.com/api_keys)'],
    ['upper-case letters', `sk-${body.toUpperCase()}`, 'FAIL  key: DEEPSEEK_API_KEY holds upper-case letters: DeepSeek keys are lower-case (was it changed by an editor or a shell?). Fix: use a DeepSeek key: "sk-" and 32 characters 0-9a-f (create a key at https://platform.deepseek.com/api_keys)'],
    ['no sk- prefix', body, 'FAIL  key: DEEPSEEK_API_KEY does not start with "sk-" (32 characters): it is not a DeepSeek key. Fix: use a DeepSeek key: "sk-" and 32 characters 0-9a-f (create a key at https://platform.deepseek.com/api_keys)'],
    ['an OpenAI key', `sk-proj-${body}${body}`, 'FAIL  key: DEEPSEEK_API_KEY holds an OpenAI key (sk-proj-…): DeepSeek accepts only its own keys. Fix: use a DeepSeek key: "sk-" and 32 characters 0-9a-f (create a key at https://platform.deepseek.com/api_keys)'],
    ['an Anthropic key', `sk-ant-api03-${body}${body}`, 'FAIL  key: DEEPSEEK_API_KEY holds an Anthropic key (sk-ant-…): DeepSeek accepts only its own keys, on both of its surfaces. Fix: use a DeepSeek key: "sk-" and 32 characters 0-9a-f (create a key at https://platform.deepseek.com/api_keys)'],
    ['a placeholder', `sk-${'0'.repeat(32)}`, 'FAIL  key: DEEPSEEK_API_KEY holds a placeholder (sk-…0000), not a real key. Fix: set your own key (create a key at https://platform.deepseek.com/api_keys)'],
  ])('%s', async (_name, value, expected) => {
    const api = await mock(HEALTHY);
    const result = await runDoctor(['--base-url', api.baseUrl], { env: value === undefined ? {} : { DEEPSEEK_API_KEY: value } });
    expect(result.status).toBe(1);
    expect(lineOf(result.stdout, 'key')).toBe(expected);
    expect(lineOf(result.stdout, 'GET /models')).toBe('skip  GET /models: not sent: the key failed the local checks above');
    expect(api.requests).toEqual([]);
    expect(result.stdout + result.stderr).not.toContain(body.toUpperCase());
  });

  it('reports every fault of one value: quotes, "Bearer " and a trailing newline together', async () => {
    const api = await mock(HEALTHY);
    const result = await runDoctor(['--base-url', api.baseUrl], { env: { DEEPSEEK_API_KEY: `"Bearer ${KEY}"\n` } });
    expect(result.status).toBe(1);
    const keyLines = result.stdout.split('\n').filter((line) => line.startsWith('FAIL  key:'));
    expect(keyLines.map((line) => line.split(':')[1].trim().split(' ').slice(1, 4).join(' '))).toEqual([
      'holds a line',
      'starts with "Bearer',
      'is wrapped in',
    ]);
    expect(result.stdout.split('\n')[0]).toBe(`doctor: DEEPSEEK_API_KEY (${REDACTED}) against ${api.baseUrl}`);
    expect(api.requests).toEqual([]);
  });
});

describe("doctor holds the project's model IDs against /models", () => {
  it('fails a retired ID with the migrate hint and an ID the API does not list; passes a listed one', async () => {
    const api = await mock(HEALTHY);
    const root = project({
      'src/chat.ts': chatModule(OFFICIAL, 'deepseek-chat', 'deepseek-v4-flsh', 'deepseek-v4-pro', 'deepseek-chat'),
      'node_modules/sdk/index.js': "export const model = 'deepseek-reasoner'; // deepseek\n",
    });
    const result = await runDoctor(['--base-url', api.baseUrl], { cwd: root });
    expect(result.status).toBe(1);
    expect(result.stdout.split('\n').filter((line) => line.slice(6).startsWith('model '))).toEqual([
      'FAIL  model deepseek-chat: used at src/chat.ts:3 and 1 more place(s); retired on 2026-07-24, requests with it fail. Fix: run `npx eslint-plugin-deepseek migrate`: it writes a V4 model with the matching thinking flag',
      'FAIL  model deepseek-v4-flsh: used at src/chat.ts:4; not among the models /models lists, so requests with it fail. Fix: use one of: deepseek-v4-flash, deepseek-v4-pro',
      'ok    model deepseek-v4-pro: used at src/chat.ts:5; listed by /models',
    ]);
  });

  it('still fails a retired ID when the key fails locally: that needs no request', async () => {
    const api = await mock(HEALTHY);
    const root = project({ 'src/model.js': "// deepseek settings\nexport const MODEL = 'deepseek-reasoner';\n" });
    const result = await runDoctor(['--base-url', api.baseUrl], { cwd: root, env: {} });
    expect(result.status).toBe(1);
    expect(lineOf(result.stdout, 'model deepseek-reasoner')).toBe(
      'FAIL  model deepseek-reasoner: used at src/model.js:2; retired on 2026-07-24, requests with it fail. Fix: run `npx eslint-plugin-deepseek migrate`: it writes a V4 model with the matching thinking flag',
    );
    expect(api.requests).toEqual([]);
  });

  it('only warns about an ID /models does not list when the request may go to another provider', async () => {
    const api = await mock(HEALTHY);
    const root = project({
      'src/chat.js': chatModule('process.env.DEEPSEEK_BASE_URL', 'gateway-model-x'),
    });
    const result = await runDoctor(['--base-url', api.baseUrl], { cwd: root });
    expect(lineOf(result.stdout, 'model gateway-model-x')).toBe(
      'warn  model gateway-model-x: used at src/chat.js:3; not listed by /models, but the request may go to another provider',
    );
    expect(result.status).toBe(0);
  });
});

describe('doctor usage', () => {
  it('prints its help and exits 0', async () => {
    const result = await runCliAsync(CLI, ['doctor', '--help'], project(), {});
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: eslint-plugin-deepseek doctor [options] [paths...]');
    expect(result.stdout).toContain('--env-var <name>        The variable holding the key (default: DEEPSEEK_API_KEY)');
    expect(result.stdout).toContain('--base-url <url>        The API or a proxy of it (default: https://api.deepseek.com)');
  });

  // Only values refused before any request; those that name a real host are unit-tested (test/doctor).
  it.each([
    [['--base-url', 'not a url'], "--base-url 'not a url' is not a URL (expected e.g. https://api.deepseek.com)"],
    [['--base-url', 'ftp://127.0.0.1:21'], '--base-url must be https:// (got ftp:)'],
    [['--base-url', 'http://127.0.0.1:9/chat/completions'], '--base-url ends with the endpoint path /chat/completions: give the base only (e.g. https://api.deepseek.com)'],
    [['--base-url', 'http://127.0.0.1:9', '--timeout', 'soon'], "--timeout expects seconds between 0 and 600, got 'soon'"],
    [['--base-url', 'http://127.0.0.1:9', '--timeout', '0'], "--timeout expects seconds between 0 and 600, got '0'"],
    [['--base-url', 'http://127.0.0.1:9', '--env-var', 'NOT-A-NAME'], "--env-var expects a variable name such as DEEPSEEK_API_KEY, got 'NOT-A-NAME'"],
    [['--base-url', 'http://127.0.0.1:9', '--verbose'], "unknown option '--verbose' (see --help)"],
    [['--base-url', 'http://127.0.0.1:9', 'no-such-dir'], 'no such file or directory: no-such-dir'],
  ])('%j: one line on stderr, exit 2', async (args, message) => {
    const result = await runCliAsync(CLI, ['doctor', ...args], project(), { DEEPSEEK_API_KEY: KEY });
    expect(result).toEqual({ status: 2, stdout: '', stderr: `eslint-plugin-deepseek: ${message}\n` });
  });
});
