/**
 * Keeps the plugin's parts in step: rule files, the registry, rule docs and
 * rule tests name the same rules, and every rule carries the metadata ESLint,
 * editors and eslint-doc-generator rely on. Everything is read from the
 * directories, so a new rule is checked the moment its file exists.
 * (Modeled on eslint-plugin-eslint-plugin's tests/lib/rule-setup.ts.)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index';
import { REPOSITORY_URL } from '../src/create-rule';

const ROOT = join(__dirname, '..');
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

/** Names of the files in `dir` that end with `suffix`, with the suffix cut off, sorted. */
function namesIn(dir: string, suffix: string, except: string[] = []): string[] {
  return readdirSync(join(ROOT, dir))
    .filter((file) => file.endsWith(suffix) && !except.includes(file))
    .map((file) => file.slice(0, -suffix.length))
    .sort();
}

const ruleFiles = namesIn('rules', '.ts', ['index.ts']);
const registered = Object.keys(plugin.rules).sort();
const ruleEntries = Object.entries(plugin.rules) as [string, (typeof plugin.rules)[keyof typeof plugin.rules]][];

describe('rules, docs and tests name the same rules', () => {
  it('there is at least one rule', () => {
    expect(ruleFiles.length).toBeGreaterThan(0);
  });

  it('rules/index.ts registers every file in rules/', () => {
    expect(registered).toEqual(ruleFiles);
  });

  it('docs/rules has one page per rule', () => {
    expect(namesIn('docs/rules', '.md')).toEqual(ruleFiles);
  });

  it('test/rules has one test per rule', () => {
    expect(namesIn('test/rules', '.test.ts')).toEqual(ruleFiles);
  });
});

describe('rule metadata', () => {
  const ajv = new Ajv({ strict: false, allErrors: true });

  for (const [name, rule] of ruleEntries) {
    describe(name, () => {
      const meta = rule.meta;
      const schema = meta.schema as unknown;
      const positionalSchemas = Array.isArray(schema) ? (schema as object[]) : undefined;
      const takesOptions = positionalSchemas ? positionalSchemas.length > 0 : schema !== false && schema !== undefined;

      it('has a type and a description', () => {
        expect(['problem', 'suggestion', 'layout']).toContain(meta.type);
        expect(typeof meta.docs?.description).toBe('string');
        expect(meta.docs?.description.trim().length).toBeGreaterThan(0);
        // The rules table reads better without a trailing period.
        expect(meta.docs?.description).not.toMatch(/\.$/);
      });

      it('has a schema (an empty one when it takes no options)', () => {
        expect(schema).toBeDefined();
        expect(typeof schema).toBe('object');
      });

      it('declares meta.defaultOptions that its schema accepts when it takes options', () => {
        if (!takesOptions) {
          expect((meta as { defaultOptions?: unknown[] }).defaultOptions ?? []).toEqual([]);
          return;
        }
        const defaults = (meta as { defaultOptions?: unknown[] }).defaultOptions;
        expect(Array.isArray(defaults)).toBe(true);
        const wholeSchema = positionalSchemas
          ? { type: 'array', items: positionalSchemas, minItems: 0, maxItems: positionalSchemas.length }
          : (schema as object);
        const validate = ajv.compile(wholeSchema);
        expect(validate(defaults), ajv.errorsText(validate.errors)).toBe(true);
      });

      it('has messages, each with a non-empty text', () => {
        const messages = Object.entries(meta.messages ?? {});
        expect(messages.length).toBeGreaterThan(0);
        for (const [messageId, text] of messages) {
          expect(messageId).toMatch(/^[a-z][A-Za-z0-9]*$/);
          expect(String(text).trim().length).toBeGreaterThan(0);
        }
      });

      it('links to its own docs page', () => {
        const url = meta.docs?.url ?? '';
        expect(url).toBe(`${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`);
        const pathInRepo = url.slice(`${REPOSITORY_URL}/blob/main/`.length);
        expect(existsSync(join(ROOT, pathInRepo))).toBe(true);
      });
    });
  }
});

describe('configs', () => {
  const prefixed = (names: string[]) => Object.fromEntries(names.map((name) => [`deepseek/${name}`, 'error']));

  it('configs.all turns on every rule', () => {
    expect(plugin.configs.all.rules).toEqual(prefixed(registered));
    expect(plugin.configs.all.name).toBe('deepseek/all');
  });

  it('configs.recommended turns on exactly the rules marked docs.recommended', () => {
    const recommended = ruleEntries.filter(([, rule]) => rule.meta.docs?.recommended === true).map(([name]) => name);
    expect(recommended.length).toBeGreaterThan(0);
    expect(plugin.configs.recommended.rules).toEqual(prefixed(recommended));
    expect(plugin.configs.recommended.name).toBe('deepseek/recommended');
  });

  it('both configs register the plugin itself under the deepseek namespace', () => {
    expect(plugin.configs.recommended.plugins?.deepseek).toBe(plugin);
    expect(plugin.configs.all.plugins?.deepseek).toBe(plugin);
  });
});

describe('plugin meta', () => {
  it('matches package.json and uses the deepseek namespace', () => {
    expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version, namespace: 'deepseek' });
  });
});
