/**
 * The migrated code, run through the real SDKs against a local mock of the DeepSeek API
 * on 127.0.0.1: the JSON body that arrives must carry the new model ID and the right
 * thinking flag, and nothing else may differ from what the unmigrated code sent.
 *
 * Each fixture is copied twice (as written, and as migrated), its DeepSeek base URL
 * pointed at the mock, and driven by a small script run with tsx (TypeScript, tsconfig
 * `paths`) in a child process. The bodies of the two runs are compared.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'deepseek-wire-'));
const TEST_KEY = `sk-${'0123456789abcdef'.repeat(2)}`;

let server: Server;
let base = '';
const received: unknown[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => (text += chunk));
    request.on('end', () => {
      received.push(JSON.parse(text || 'null'));
      response.setHeader('content-type', 'application/json');
      response.end(
        JSON.stringify({
          id: 'chatcmpl-test',
          object: 'chat.completion',
          created: 1,
          model: 'deepseek-v4-flash',
          choices: [{ index: 0, message: { role: 'assistant', content: '{"title":"A title"}' }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** A copy of a tree with DeepSeek's host replaced by the mock and node_modules linked to the repository's. */
function copyPointedAtMock(from: string, to: string): void {
  cpSync(from, to, { recursive: true });
  for (const entry of readdirSync(to, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replaceAll('https://api.deepseek.com', base));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(to, 'node_modules'));
}

/** The bodies the driver's requests send, in order. */
async function bodiesOf(tree: string, driver: string): Promise<unknown[]> {
  // An ES module, whatever the tree's own package.json says: the drivers await at the top level.
  writeFileSync(join(tree, 'driver.mts'), driver);
  received.length = 0;
  await run(process.execPath, [TSX, 'driver.mts'], { cwd: tree, env: { ...process.env, DEEPSEEK_API_KEY: TEST_KEY }, timeout: 60_000 });
  return received.splice(0);
}

/** What migrating changes in a body: the model and the flag, nothing else. */
function migratedFrom(body: unknown, thinking: 'enabled' | 'disabled'): unknown {
  return { ...(body as object), model: 'deepseek-v4-flash', thinking: { type: thinking } };
}

const CASES: Array<{ name: string; input: string; output: string; driver: string; thinking: Array<'enabled' | 'disabled'> }> = [
  {
    name: 'openai-node through a shared client module and a constants module (openai-shared-client)',
    input: 'projects/openai-shared-client/input',
    output: 'projects/openai-shared-client/expected',
    driver: "import { chat } from './src/routes/chat';\nimport { summarise } from './src/services/summary';\nawait chat('Hello?');\nawait summarise('A long text.');\n",
    thinking: ['disabled', 'enabled'],
  },
  {
    name: 'fetch from a service class (service-class fixture)',
    input: 'fixtures/service-class.input.js',
    output: 'fixtures/service-class.output.js',
    driver:
      "import { DeepSeekService, quickAnswer } from './service.js';\nconst service = new DeepSeekService({ apiKey: process.env.DEEPSEEK_API_KEY });\nawait service.chatWithOptions({ message: 'Hi' });\nawait service.reason('Why?');\nawait quickAnswer({}, 'Quick');\n",
    thinking: ['disabled', 'enabled', 'disabled'],
  },
];

describe.each(CASES)('$name', ({ input, output, driver, thinking }) => {
  it('sends the new model ID and the right thinking flag, and nothing else changes', async () => {
    const trees = ['before', 'after'].map((label) => join(scratch, `${label}-${input.replace(/\W/g, '-')}`));
    for (const [index, source] of [input, output].entries()) {
      const from = join(__dirname, source);
      if (source.endsWith('.js')) {
        mkdirSync(join(trees[index], 'src'), { recursive: true });
        const copy = join(scratch, `${index}-${source.replace(/\W/g, '-')}`);
        mkdirSync(copy, { recursive: true });
        writeFileSync(join(copy, 'service.js'), readFileSync(from, 'utf8'));
        writeFileSync(join(copy, 'package.json'), '{ "type": "module" }');
        rmSync(trees[index], { recursive: true, force: true });
        copyPointedAtMock(copy, trees[index]);
      } else {
        copyPointedAtMock(from, trees[index]);
      }
    }
    const before = await bodiesOf(trees[0], driver);
    const after = await bodiesOf(trees[1], driver);
    expect(before).toHaveLength(thinking.length);
    expect(after).toEqual(before.map((body, index) => migratedFrom(body, thinking[index])));
  });
});
