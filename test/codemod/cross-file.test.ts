/**
 * The cross-file pass (codemods/cross-file.ts) through the runner: an exported legacy
 * constant is rewritten only when every use in the walked files takes the flag; otherwise
 * nothing of it changes and both ends say why, naming the other file and line.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMigration } from '../../codemods/runner';

const scratch = mkdtempSync(join(tmpdir(), 'deepseek-cross-file-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let projects = 0;
function project(files: Record<string, string>): string {
  const root = join(scratch, `p${(projects += 1)}`);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

const read = (root: string, file: string) => readFileSync(join(root, file), 'utf8');
const run = (root: string, write = true, paths = ['.']) => runMigration({ paths, cwd: root, write, diffs: false, parallel: false });
const reviewOf = (result: Awaited<ReturnType<typeof run>>) =>
  result.files.flatMap((file) => file.review.map((item) => ({ file: file.path, line: item.line, code: item.code, reason: item.reason })));

const CLIENT = "import OpenAI from 'openai';\nexport const client = new OpenAI({ baseURL: 'https://api.deepseek.com' });\n";
const CONFIG = "export const MODEL = 'deepseek-chat';\n";
const ASK = "import { client } from './client';\nimport { MODEL } from './config';\nexport const ask = (messages) => client.chat.completions.create({ model: MODEL, messages });\n";

describe('exported legacy constants across files', () => {
  it('rewrites the constant and flags every request that sends it, then a second run changes nothing', async () => {
    const root = project({ 'client.js': CLIENT, 'config.js': CONFIG, 'ask.js': ASK });
    const first = await run(root);
    expect(read(root, 'config.js')).toBe("export const MODEL = 'deepseek-v4-flash';\n");
    expect(read(root, 'ask.js')).toContain('create({ model: MODEL, messages, thinking: { type: \'disabled\' } })');
    expect(first.counts).toEqual({ scanned: 3, changed: 2, unchanged: 1, needsReview: 0, failed: 0 });
    expect(reviewOf(first)).toEqual([]);
    const second = await run(root);
    expect(second.counts.changed).toBe(0);
    expect(reviewOf(second)).toEqual([]);
  });

  it('changes nothing in dry mode, and reports both files as changing', async () => {
    const root = project({ 'client.js': CLIENT, 'config.js': CONFIG, 'ask.js': ASK });
    const result = await run(root, false);
    expect(result.files.map((file) => [file.path, file.status, file.written])).toEqual([
      ['ask.js', 'changed', false],
      ['config.js', 'changed', false],
    ]);
    expect(read(root, 'config.js')).toBe(CONFIG);
    expect(read(root, 'ask.js')).toBe(ASK);
  });

  it('leaves the constant and its requests alone when one use cannot take the flag, naming that use', async () => {
    const root = project({
      'client.js': CLIENT,
      'config.js': CONFIG,
      'ask.js': ASK,
      'label.js': "import { MODEL } from './config';\nexport const label = `Model: ${MODEL}`;\n",
    });
    const result = await run(root);
    expect(read(root, 'config.js')).toBe(CONFIG);
    expect(read(root, 'ask.js')).toBe(ASK);
    expect(reviewOf(result).map(({ file, line, code }) => ({ file, line, code }))).toEqual([
      { file: 'ask.js', line: 3, code: 'exported' },
      { file: 'config.js', line: 1, code: 'exported' },
      { file: 'label.js', line: 2, code: 'imported-model' },
    ]);
    const [ask, config, label] = reviewOf(result).map((item) => item.reason);
    expect(config).toBe('it is also used at label.js:2, which cannot take the thinking flag');
    expect(ask).toBe('`MODEL` (deepseek-chat, from config.js:1) is not migrated: it is also used at label.js:2, which cannot take the thinking flag');
    expect(label).toMatch(/^`MODEL` \(deepseek-chat, from config\.js:1\) is used outside a DeepSeek request here \(line 2/);
    expect(result.counts).toMatchObject({ scanned: 4, changed: 0, needsReview: 3 });
  });

  it('blocks a constant whose module is imported as a namespace', async () => {
    const root = project({
      'client.js': CLIENT,
      'config.js': CONFIG,
      'ask.js': ASK,
      'other.js': "import * as config from './config';\nexport const MODEL_NAME = config.MODEL;\n",
    });
    const result = await run(root);
    expect(read(root, 'config.js')).toBe(CONFIG);
    expect(reviewOf(result).find((item) => item.file === 'config.js')?.reason).toBe('other.js imports its module as a namespace: migrate it and its uses by hand');
  });

  it('lists an exported constant that no walked file sends', async () => {
    const root = project({ 'config.js': CONFIG });
    const result = await run(root);
    expect(read(root, 'config.js')).toBe(CONFIG);
    expect(reviewOf(result).map((item) => item.code)).toEqual(['constant-unused']);
  });

  it('follows CommonJS exports and requires, and a file that is migrated in both passes', async () => {
    const root = project({
      'client.js': "const OpenAI = require('openai');\nmodule.exports.client = new OpenAI({ baseURL: 'https://api.deepseek.com' });\n",
      'config.js': "const MODEL = 'deepseek-reasoner';\nmodule.exports = { MODEL };\n",
      'ask.js':
        "const { client } = require('./client');\nconst { MODEL } = require('./config');\n" +
        "exports.deep = (messages) => client.chat.completions.create({ model: MODEL, messages });\n" +
        "exports.fast = (messages) => client.chat.completions.create({ model: 'deepseek-chat', messages });\n",
    });
    const result = await run(root);
    expect(read(root, 'config.js')).toBe("const MODEL = 'deepseek-v4-flash';\nmodule.exports = { MODEL };\n");
    expect(read(root, 'ask.js')).toContain("create({ model: MODEL, messages, thinking: { type: 'enabled' } })");
    expect(read(root, 'ask.js')).toContain("create({ model: 'deepseek-v4-flash', messages, thinking: { type: 'disabled' } })");
    expect(result.counts).toEqual({ scanned: 3, changed: 2, unchanged: 1, needsReview: 0, failed: 0 });
  });

  it('follows an AI SDK model made in one file into the calls of another', async () => {
    const root = project({
      'models.ts': "import { deepseek } from '@ai-sdk/deepseek';\n\nexport const chatModel = deepseek('deepseek-chat');\nexport const reasoningModel = deepseek('deepseek-reasoner');\n",
      'route.ts':
        "import { generateText, streamText } from 'ai';\nimport { chatModel, reasoningModel } from './models';\n\n" +
        'export const answer = (prompt: string) => generateText({ model: chatModel, prompt });\n' +
        'export const think = (prompt: string) => streamText({ model: reasoningModel, prompt, temperature: 0 });\n',
    });
    const result = await run(root);
    expect(reviewOf(result)).toEqual([]);
    expect(read(root, 'models.ts')).toBe(
      "import { deepseek } from '@ai-sdk/deepseek';\n\nexport const chatModel = deepseek('deepseek-v4-flash');\nexport const reasoningModel = deepseek('deepseek-v4-flash');\n",
    );
    expect(read(root, 'route.ts')).toContain("generateText({ model: chatModel, prompt, providerOptions: { deepseek: { thinking: { type: 'disabled' } } } })");
    expect(read(root, 'route.ts')).toContain("streamText({ model: reasoningModel, prompt, temperature: 0, providerOptions: { deepseek: { thinking: { type: 'enabled' } } } })");
    expect((await run(root)).counts.changed).toBe(0);
  });

  it('keeps an exported AI SDK model whose importer passes it on', async () => {
    const models = "import { deepseek } from '@ai-sdk/deepseek';\nexport const chatModel = deepseek('deepseek-chat');\n";
    const root = project({ 'models.ts': models, 'agent.ts': "import { chatModel } from './models';\nexport const settings = [chatModel];\n" });
    const result = await run(root);
    expect(read(root, 'models.ts')).toBe(models);
    expect(reviewOf(result).map(({ file, code }) => ({ file, code }))).toEqual([
      { file: 'agent.ts', code: 'imported-model' },
      { file: 'models.ts', code: 'exported' },
    ]);
  });

  it('writes nothing of a constant whose importers are outside the paths named: it stays listed in its file', async () => {
    const root = project({ 'client.js': CLIENT, 'lib/config.js': CONFIG, 'ask.js': ASK.replace("'./config'", "'./lib/config'") });
    const result = await run(root, true, ['lib']);
    expect(read(root, 'lib/config.js')).toBe(CONFIG);
    expect(reviewOf(result).map((item) => item.code)).toEqual(['constant-unused']);
  });
});
