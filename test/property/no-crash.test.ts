/**
 * Rules and the transform on generated DeepSeek code in unusual shapes
 * (missing or spread arguments, computed keys, getters, optional calls,
 * non-string models, shorthand, nested clients...). Real-world corpora
 * (npm run sweep) hardly ever talk to DeepSeek, so this is where the shared
 * analysis meets odd code. Properties: no rule throws, every autofix and
 * every suggestion leaves code that parses, and the transform neither throws
 * nor breaks the file, and is idempotent.
 */
import { Linter } from 'eslint';
import * as typescriptParser from '@typescript-eslint/parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { migrateSource } from '../../codemods/transform';
import { rules } from '../../rules';
import { parseProgram } from '../../src/parse';

const pick = <T>(...values: T[]) => fc.constantFrom(...values);

const modelId = pick(
  "'deepseek-chat'",
  '"deepseek-reasoner"',
  '`deepseek-chat`',
  'MODEL',
  "process.env.DEEPSEEK_MODEL ?? 'deepseek-chat'",
  "deep ? 'deepseek-reasoner' : 'deepseek-chat'",
  "'deepseek-v4-flash'",
  "'deepseek-v9-ultra'",
  'undefined',
  'null',
  '42',
  '`${family}-chat`',
);
const url = pick(
  "'https://api.deepseek.com'",
  "'https://api.deepseek.com/v1'",
  "'https://api.deepseek.com/anthropic'",
  "'http://api.deepseek.com/chat/completions?api_key=' + key",
  '`${BASE}/chat/completions`',
  'BASE',
  'url',
  "'https://api.deepseek.co/v1'",
  "'https://example.com'",
  'undefined',
);
const key = pick('process.env.DEEPSEEK_API_KEY', 'key', "'Bearer ' + key", '`Bearer ${key}`', "'Token ' + key", 'undefined', '{}');
const headers = fc.oneof(
  fc.tuple(key, key).map(([a, b]) => `{ Authorization: ${a}, 'X-Api-Key': ${b} }`),
  key.map((value) => `{ [name]: ${value}, ...extra }`),
  key.map((value) => `new Headers({ authorization: ${value} })`),
  key.map((value) => `new Headers([['Authorization', ${value}], ['api-key']])`),
  pick('new Headers()', 'new Headers(...init)', '[[]]', 'headers', '{ get Authorization() { return key; } }', '{ Authorization() {} }'),
);
const body = fc.oneof(
  fc.tuple(modelId, pick('', ', stream: true', ', temperature: 0.2, logprobs: true', ', ...rest', ', thinking', ", thinking: { type: 'enabled' }", ', thinking: null')).map(
    ([model, more]) => `{ model: ${model}, messages: []${more} }`,
  ),
  modelId.map((model) => `{ 'model': ${model}, [dynamic]: 1 }`),
  pick('{ model }', '{}', 'body', '{ ...{ model: MODEL } }', "{ model: 'deepseek-chat', ...{ thinking: { type: 'disabled' } } }"),
);
const clientOptions = fc.oneof(
  fc.tuple(url, key, headers).map(([base, apiKey, hs]) => `{ baseURL: ${base}, apiKey: ${apiKey}, defaultHeaders: ${hs} }`),
  url.map((base) => `{ configuration: { baseURL: ${base} }, model: 'deepseek-chat' }`),
  url.map((base) => `{ ['baseURL']: ${base}, ...options }`),
  pick('', 'undefined', '{ baseURL }', '...args', '{ get baseURL() { return BASE; } }', '{ baseURL() { return BASE; } }'),
);

const statement = fc.oneof(
  fc.tuple(pick('OpenAI', 'Anthropic', 'ChatDeepSeek', 'ChatOpenAI'), clientOptions).map(([ctor, options]) => `client = new ${ctor}(${options});`),
  fc.tuple(pick('createDeepSeek', 'createOpenAI', 'axios.create', 'ky.create', 'got.extend'), clientOptions).map(
    ([factory, options]) => `client = ${factory}(${options});`,
  ),
  fc.tuple(pick('client.chat.completions.create', 'client?.chat?.completions?.create?.', 'client.messages.create', 'client.invoke', 'client.post'), body).map(
    ([call, payload]) => `await ${call}(${payload});`,
  ),
  fc.tuple(url, headers, body).map(([target, hs, payload]) => `await fetch(${target}, { method: 'POST', headers: ${hs}, body: JSON.stringify(${payload}) });`),
  fc.tuple(url, body, headers).map(([target, payload, hs]) => `await axios.post(${target}, ${payload}, { headers: ${hs} });`),
  fc.tuple(url, body).map(([target, payload]) => `await axios({ url: ${target}, method: 'post', data: ${payload} });`),
  fc.tuple(modelId, pick('', ', providerOptions: { deepseek: {} }', ', providerOptions', ', ...options')).map(
    ([model, more]) => `await generateText({ model: deepseek(${model}), prompt${more} });`,
  ),
  pick('fetch();', 'fetch(...args);', 'deepseek();', 'deepseek(...ids);', 'JSON.stringify();', 'new Headers().set();', 'headers.append(name);'),
  fc.tuple(url, key).map(([target, value]) => `new URL(${target}).searchParams.set('api_key', ${value});`),
  modelId.map((model) => `const MODEL_N = ${model}; await client.chat.completions.create({ model: MODEL_N });`),
  url.map((target) => `BASE = ${target};`),
  key.map((value) => `console.log(${value}, process.env.DEEPSEEK_API_KEY);`),
  key.map((value) => `element = <Chat apiKey={${value}} model="deepseek-chat">{process.env.NEXT_PUBLIC_DEEPSEEK_API_KEY}</Chat>;`),
  modelId.map((model) => `function pickModelN(model = ${model}) { return model === 'deepseek-reasoner' ? MODEL : model; }`),
  modelId.map((model) => `class AgentN { model = ${model}; #key = key; static { fetch(BASE, { headers: { Authorization: this.key } }); } }`),
  modelId.map((model) => `const modelsN = { fast: ${model}, ['deepseek-chat']: 1, [MODEL]: 2 };`),
  modelId.map((model) => `if (${model} === MODEL) { label: for (;;) break label; }`),
);

const program = fc.record({
  directive: pick('', "'use client';\n"),
  statements: fc.array(statement, { minLength: 1, maxLength: 6 }),
  extension: pick('jsx', 'tsx'),
  newline: pick('\n', '\r\n'),
});

function source({ directive, statements, newline }: { directive: string; statements: string[]; newline: string }): string {
  return [
    `${directive}import OpenAI from 'openai';`,
    "const MODEL = 'deepseek-chat';",
    'let client, BASE, element;',
    'export async function run(key, url, body, headers, deep, family, options, args, ids, init, extra, name, dynamic, rest) {',
    // Names ending in N are numbered per statement so declarations never clash.
    ...statements.map((line, index) => `  ${line.replace(/\b(MODEL_N|pickModelN|AgentN|modelsN)\b/g, (name) => name.slice(0, -1) + index)}`),
    '}',
    '',
  ].join(newline);
}

const everyRule = Object.fromEntries(Object.keys(rules).map((name) => [`deepseek/${name}`, 'error' as const]));
const plugin = { rules } as unknown as NonNullable<Linter.Config['plugins']>[string];
function configFor(extension: string): Linter.Config[] {
  return [
    {
      files: ['**/*.jsx', '**/*.tsx'],
      plugins: { deepseek: plugin },
      rules: everyRule,
      languageOptions:
        extension === 'tsx'
          ? { parser: typescriptParser, parserOptions: { ecmaFeatures: { jsx: true } } }
          : { parserOptions: { ecmaFeatures: { jsx: true } } },
    },
  ];
}

function applyFix(text: string, fix: { range: [number, number]; text: string }): string {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

describe('rules and transform on odd DeepSeek code (property)', () => {
  it('never crash; fixes, suggestions and migrations leave code that parses', () => {
    const linter = new Linter({ configType: 'flat' });
    fc.assert(
      fc.property(program, (generated) => {
        const code = source(generated);
        const file = `input.${generated.extension}`;
        const config = configFor(generated.extension);
        const messages = linter.verify(code, config, file); // a rule that throws fails here
        expect(messages.filter((message) => message.fatal), code).toEqual([]);

        for (const message of messages) {
          const edits = [...(message.fix ? [message.fix] : []), ...(message.suggestions ?? []).map((suggestion) => suggestion.fix)];
          for (const edit of edits) {
            const fixed = applyFix(code, edit);
            const after = linter.verify(fixed, config, file).filter((m) => m.fatal);
            expect(after, `${message.ruleId} fix broke:\n${fixed}`).toEqual([]);
          }
        }

        const migrated = migrateSource(code, file);
        if (migrated.changed) {
          expect(() => parseProgram(migrated.output, file), migrated.output).not.toThrow();
          expect(migrateSource(migrated.output, file).output).toBe(migrated.output);
        }
      }),
      // PROPERTY_RUNS=5000 for a deeper local hunt; the suite stays fast by default.
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) },
    );
  }, 900_000);
});
