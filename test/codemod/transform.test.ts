/**
 * The migration codemod, fixture by fixture: each `<case>.input.<ext>` must come
 * out byte for byte as `<case>.output.<ext>`, each output fed back in must come
 * out unchanged (idempotency, as in MUI's codemod tests), and the files that
 * need a human list exactly the expected review items.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import transform, { type ReviewItem, migrateSource } from '../../codemods/transform';

const FIXTURES = join(__dirname, 'fixtures');
const ROOT = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(FIXTURES, file), 'utf8');

const inputs = readdirSync(FIXTURES).filter((file) => file.includes('.input.')).sort();
const outputOf = (input: string) => input.replace('.input.', '.output.');

/** Exact review lists; every other fixture must have none. */
const EXPECTED_REVIEW: Record<string, ReviewItem[]> = {
  'existing-thinking.input.ts': [
    {
      line: 15,
      column: 12,
      modelId: 'deepseek-chat',
      code: 'conflict', blocking: true,
      reason: "the request already sets `thinking` to { type: 'enabled' }, which conflicts with the legacy ID (thinking disabled): choose by hand",
    },
  ],
  'raw-existing-thinking.input.js': [
    {
      line: 8,
      column: 12,
      modelId: 'deepseek-chat',
      code: 'conflict', blocking: true,
      reason: "the request already sets `thinking` to { type: 'enabled' }, which conflicts with the legacy ID (thinking disabled): choose by hand",
    },
  ],
  'jsx-review.input.jsx': [
    { line: 4, column: 21, modelId: 'deepseek-chat', code: 'jsx', blocking: false, reason: 'a legacy ID in JSX (a UI value that may reach a request elsewhere): migrate it by hand' },
    { line: 5, column: 22, modelId: 'deepseek-reasoner', code: 'jsx', blocking: false, reason: 'a legacy ID in JSX (a UI value that may reach a request elsewhere): migrate it by hand' },
  ],
  'needs-review.input.ts': [
    { line: 8, column: 30, modelId: 'deepseek-chat', code: 'exported', blocking: true, reason: '`DEFAULT_MODEL` is exported, so the value crosses files: `eslint-plugin-deepseek migrate` on the whole project follows it into the files that import it' },
    { line: 11, column: 3, modelId: 'deepseek-chat', code: 'object-key', blocking: true, reason: 'a legacy ID as an object key (config map): migrate the map and its lookups by hand' },
    { line: 12, column: 3, modelId: 'deepseek-reasoner', code: 'object-key', blocking: true, reason: 'a legacy ID as an object key (config map): migrate the map and its lookups by hand' },
    {
      line: 15,
      column: 22,
      modelId: 'deepseek-reasoner',
      code: 'constant-other-use', blocking: true,
      reason: 'the constant is also used outside a DeepSeek request (line 20, comparison): its meaning changes with the model, migrate it by hand',
    },
    {
      line: 17,
      column: 53,
      modelId: 'deepseek-chat',
      code: 'default-parameter',
      blocking: true,
      reason: '`model` defaults to a legacy ID and is used outside a DeepSeek request (line 21, a lookup): set the default and the thinking flag by hand',
    },
    {
      line: 18,
      column: 48,
      modelId: 'deepseek-reasoner',
      code: 'env-fallback', blocking: true,
      reason: 'the fallback of an environment variable: update the default and the environment, and set the thinking flag where the request is made',
    },
    {
      line: 20,
      column: 26,
      modelId: 'deepseek-reasoner',
      code: 'comparison', blocking: false,
      reason: 'compared with a legacy ID: after the migration no request sends it; compare with the new model and the thinking flag',
    },
    {
      line: 26,
      column: 34,
      modelId: 'deepseek-chat',
      code: 'not-a-request', blocking: true,
      reason:
        '`model` in an object that is not a DeepSeek request this file sends (config object, or a value that crosses files): set the model and the thinking flag (thinking disabled) where the request is made',
    },
    { line: 28, column: 15, modelId: 'deepseek-chat', code: 'reassignable', blocking: true, reason: '`mutable` is declared with let and may be reassigned: migrate it by hand' },
    {
      line: 33,
      column: 19,
      modelId: 'deepseek-reasoner',
      code: 'conditional', blocking: true,
      reason: 'a conditional that mixes a legacy ID with another value: choose the model and thinking flag by hand',
    },
  ],
};

/** Fixtures that must come out byte-identical (nothing certain to migrate). */
const UNCHANGED = new Set(['jsx-review.input.jsx', 'needs-review.input.ts', 'no-legacy.input.js', 'untouched.input.ts']);

describe('bodies with no visible sender', () => {
  it('are migrated and listed as notes, not as review items', () => {
    const result = migrateSource(read('builders.input.js'), 'builders.input.js');
    const reason = 'migrated as a DeepSeek chat body (thinking disabled), but no request in this file sends it: check the flag reaches the API';
    expect(result.notes).toEqual([
      { line: 28, column: 19, modelId: 'deepseek-chat', code: 'no-visible-sender', blocking: false, migrated: true, reason },
      { line: 32, column: 40, modelId: 'deepseek-chat', code: 'no-visible-sender', blocking: false, migrated: true, reason },
    ]);
    expect(result.review).toEqual([]);
  });
});

describe('fixtures', () => {
  it('every input has an output', () => {
    expect(inputs.length).toBeGreaterThan(15);
    for (const input of inputs) expect(readdirSync(FIXTURES)).toContain(outputOf(input));
  });

  describe.each(inputs)('%s', (input) => {
    const source = read(input);
    const expected = read(outputOf(input));

    it('migrates to the output fixture byte for byte', () => {
      const result = migrateSource(source, input);
      expect(result.output).toBe(expected);
      expect(result.changed).toBe(!UNCHANGED.has(input));
      if (UNCHANGED.has(input)) expect(expected).toBe(source);
    });

    it('lists exactly what needs review', () => {
      expect(migrateSource(source, input).review).toEqual(EXPECTED_REVIEW[input] ?? []);
    });

    it('is idempotent: the output migrates to itself', () => {
      const again = migrateSource(expected, input);
      expect(again.output).toBe(expected);
      expect(again.changed).toBe(false);
    });
  });

  it('keeps CRLF line endings, including on inserted lines', () => {
    const output = read('fetch-crlf.output.js');
    expect(read('fetch-crlf.input.js')).toContain('\r\n');
    expect(output.replace(/\r\n/g, '')).not.toContain('\n');
    expect(output).toContain("      thinking: { type: 'disabled' },\r\n");
  });

  it('keeps a BOM', () => {
    expect(read('bom.input.ts').startsWith('\uFEFF')).toBe(true);
    expect(migrateSource(read('bom.input.ts'), 'bom.ts').output.startsWith('\uFEFF')).toBe(true);
  });
});

describe('migrateSource', () => {
  it('never parses a file without a legacy ID (invalid syntax passes through untouched)', () => {
    const broken = 'const = { deepseek-v4-flash';
    expect(migrateSource(broken, 'broken.ts')).toEqual({ output: broken, changed: false, review: [], notes: [] });
  });

  it('throws a SyntaxError when a file with a legacy ID does not parse', () => {
    expect(() => migrateSource("const model = 'deepseek-chat' +;", 'broken.ts')).toThrow(SyntaxError);
  });

  it('writes the target model given in the options', () => {
    const result = migrateSource(read('openai-sdk.input.ts'), 'openai-sdk.ts', { targetModel: 'deepseek-v4-pro' });
    expect(result.output).toBe(read('openai-sdk.output.ts').replaceAll('deepseek-v4-flash', 'deepseek-v4-pro'));
  });

  it('rejects an unknown target model', () => {
    expect(() => migrateSource("x('deepseek-chat')", 'a.js', { targetModel: 'deepseek-v5' as never })).toThrow(/unknown target model "deepseek-v5"/);
  });

  it('uses extraHosts to recognise requests through a gateway', () => {
    const source = "fetch('https://llm-gateway.internal/chat/completions', { body: JSON.stringify({ model: 'deepseek-chat' }) });\n";
    expect(migrateSource(source, 'a.js').review.map((item) => item.code)).toEqual(['not-a-request']);
    expect(migrateSource(source, 'a.js', { extraHosts: ['llm-gateway.internal'] }).output).toBe(
      "fetch('https://llm-gateway.internal/chat/completions', { body: JSON.stringify({ model: 'deepseek-v4-flash', thinking: { type: 'disabled' } }) });\n",
    );
  });

  it('uses the plain property for openai-node in JavaScript, `as object` in TypeScript and Object.assign in @ts-check JavaScript', () => {
    const source = "import OpenAI from 'openai';\nconst c = new OpenAI({ baseURL: 'https://api.deepseek.com' });\nc.chat.completions.create({ model: 'deepseek-chat' });\n";
    expect(migrateSource(source, 'a.js').output).toContain("{ model: 'deepseek-v4-flash', thinking: { type: 'disabled' } }");
    for (const file of ['a.ts', 'a.tsx', 'a.mts', 'a.cts']) {
      expect(migrateSource(source, file).output).toContain("{ model: 'deepseek-v4-flash', ...({ thinking: { type: 'disabled' } } as object) }");
    }
    expect(migrateSource(`// @ts-check\n${source}`, 'a.js').output).toContain("{ model: 'deepseek-v4-flash', ...Object.assign({}, { thinking: { type: 'disabled' } }) }");
  });

  it('keeps an openai-node flag already written in any of its spread forms, and sees a conflict in each', () => {
    const client = "// @ts-check\nimport OpenAI from 'openai';\nconst c = new OpenAI({ baseURL: 'https://api.deepseek.com' });\n";
    for (const [file, flag] of [
      ['a.js', "...Object.assign({}, { thinking: { type: 'disabled' } })"],
      ['a.ts', "...({ thinking: { type: 'disabled' } } as object)"],
      ['a.ts', "...{ thinking: { type: 'disabled' } }"],
    ]) {
      const source = `${client}c.chat.completions.create({ model: 'deepseek-chat', ${flag} });\n`;
      expect(migrateSource(source, file)).toEqual({ output: source.replace('deepseek-chat', 'deepseek-v4-flash'), changed: true, review: [], notes: [] });
      const conflicting = source.replace("'disabled'", "'enabled'");
      expect(migrateSource(conflicting, file).review.map((item) => item.code)).toEqual(['conflict']);
    }
  });
});

describe('edge cases', () => {
  const reviewCodes = (source: string, file = 'a.js') => migrateSource(source, file).review.map((item) => [item.line, item.column, item.code]);

  it('lists each review reason where the migration cannot be certain', () => {
    expect(reviewCodes("fetch('https://api.deepseek.com/chat/completions', { body: JSON.stringify({ ...defaults, model: 'deepseek-chat' }) });")).toEqual([[1, 97, 'spread']]);
    // Exported: the transform alone cannot see the other files; `migrate`'s cross-file pass decides (test/codemod/cross-file.test.ts).
    expect(reviewCodes("import { deepseek } from '@ai-sdk/deepseek';\nexport const model = deepseek('deepseek-chat');")).toEqual([[2, 31, 'exported']]);
    expect(reviewCodes("import { deepseek } from '@ai-sdk/deepseek';\nconst model = deepseek('deepseek-chat');")).toEqual([[2, 24, 'model-not-used']]);
    expect(reviewCodes("import { deepseek } from '@ai-sdk/deepseek';\nimport { generateText } from 'ai';\nconst model = deepseek('deepseek-chat');\ngenerateText({ model, prompt });\nrun(model);")).toEqual([
      [3, 24, 'model-other-use'],
    ]);
    expect(
      reviewCodes("import { createOpenAI } from '@ai-sdk/openai';\nimport { generateText } from 'ai';\nconst ds = createOpenAI({ baseURL: 'https://api.deepseek.com' });\ngenerateText({ model: ds('deepseek-chat'), prompt });"),
    ).toEqual([[4, 26, 'other-provider']]);
    expect(reviewCodes("import { deepseek } from '@ai-sdk/deepseek';\nimport { generateText } from 'ai';\ngenerateText({ model: deepseek('deepseek-chat'), prompt, providerOptions: shared });")).toEqual([
      [3, 32, 'not-object-literal'],
    ]);
    expect(reviewCodes("const MODEL = 'deepseek-chat';")).toEqual([[1, 15, 'constant-unused']]);
    expect(reviewCodes("callModel('deepseek-reasoner');\nconst list = ['deepseek-chat'];")).toEqual([
      [1, 11, 'crosses-files'],
      [2, 15, 'crosses-files'],
    ]);
    expect(reviewCodes("switch (m) { case 'deepseek-chat': break; }")).toEqual([[1, 19, 'comparison']]);
  });

  it('migrates when a spread is a same-file object without the flag', () => {
    const source = "const defaults = { temperature: 0 };\nfetch('https://api.deepseek.com/chat/completions', { body: JSON.stringify({ ...defaults, model: 'deepseek-chat' }) });\n";
    expect(migrateSource(source, 'a.js').output).toBe(source.replace("model: 'deepseek-chat' }", "model: 'deepseek-v4-flash', thinking: { type: 'disabled' } }"));
  });

  it('follows a shorthand `{ model }` to its constant', () => {
    const source = "import OpenAI from 'openai';\nconst c = new OpenAI({ baseURL: 'https://api.deepseek.com' });\nconst model = 'deepseek-chat';\nc.chat.completions.create({ model, messages: [] });\n";
    expect(migrateSource(source, 'a.js').output).toBe(
      "import OpenAI from 'openai';\nconst c = new OpenAI({ baseURL: 'https://api.deepseek.com' });\nconst model = 'deepseek-v4-flash';\nc.chat.completions.create({ model, messages: [], thinking: { type: 'disabled' } });\n",
    );
  });

  it('fills an empty providerOptions and keeps `as const`', () => {
    const ai = "import { deepseek } from '@ai-sdk/deepseek';\nimport { streamText } from 'ai';\nstreamText({\n  model: deepseek('deepseek-reasoner'),\n  providerOptions: {},\n});\n";
    expect(migrateSource(ai, 'a.ts').output).toBe(ai.replace('deepseek-reasoner', 'deepseek-v4-flash').replace('providerOptions: {}', "providerOptions: { deepseek: { thinking: { type: 'enabled' } } }"));
    const asConst = "fetch('https://api.deepseek.com/chat/completions', { body: JSON.stringify({ model: 'deepseek-chat' as const }) });\n";
    expect(migrateSource(asConst, 'a.ts').output).toBe(
      "fetch('https://api.deepseek.com/chat/completions', { body: JSON.stringify({ model: 'deepseek-v4-flash' as const, thinking: { type: 'disabled' } }) });\n",
    );
  });
});

describe('jscodeshift', () => {
  it('the default export works through jscodeshift applyTransform', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { applyTransform } = require('jscodeshift/src/testUtils') as {
      applyTransform: (module: unknown, options: object, input: { source: string; path: string }) => string;
    };
    const input = { source: read('openai-sdk.input.ts'), path: 'openai-sdk.input.ts' };
    expect(applyTransform({ default: transform, parser: 'tsx' }, {}, input)).toBe(read('openai-sdk.output.ts').trim());
    expect(applyTransform({ default: transform }, { targetModel: 'deepseek-flash' }, input)).toBe(
      read('openai-sdk.output.ts').replaceAll('deepseek-v4-flash', 'deepseek-flash').trim(),
    );
    // Nothing to migrate: jscodeshift gets undefined and reports the file as skipped.
    expect(transform({ source: read('untouched.input.ts'), path: 'untouched.ts' }, {} as never, {})).toBeUndefined();
  });

  const scratch = mkdtempSync(join(tmpdir(), 'codemod-jscodeshift-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('runs under the jscodeshift CLI and writes the same output as migrateSource', () => {
    for (const fixture of ['openai-sdk.input.ts', 'fetch-crlf.input.js', 'untouched.input.ts']) copyFileSync(join(FIXTURES, fixture), join(scratch, fixture));
    const stdout = execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules/jscodeshift/bin/jscodeshift.js'), '-t', join(ROOT, 'codemods/transform.ts'), '--extensions=ts,js', '--run-in-band', scratch],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(stdout).toMatch(/0 errors/);
    expect(stdout).toMatch(/2 ok/);
    expect(readFileSync(join(scratch, 'openai-sdk.input.ts'), 'utf8')).toBe(read('openai-sdk.output.ts'));
    expect(readFileSync(join(scratch, 'fetch-crlf.input.js'), 'utf8')).toBe(read('fetch-crlf.output.js'));
    expect(readFileSync(join(scratch, 'untouched.input.ts'), 'utf8')).toBe(read('untouched.input.ts'));
  });
});
