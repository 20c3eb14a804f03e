/**
 * No generated key ever reaches an output: rule messages, suggestion
 * descriptions and fix texts, and the SARIF formatter (what CI uploads).
 * The CLI's own outputs (`lint --format json|sarif`, `migrate`) are covered in
 * redaction-cli.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import * as typescriptParser from '@typescript-eslint/parser';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { rules } from '../../rules';
import { redactKey } from '../../src/deepseek';
import { programWithKeys } from './arbitraries';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const sarifFormatter = require('@microsoft/eslint-formatter-sarif') as (results: ESLint.LintResult[], data: unknown) => string;

const cwd = mkdtempSync(path.join(tmpdir(), 'deepseek-redaction-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const everyRule = Object.fromEntries(Object.keys(rules).map((name) => [`deepseek/${name}`, 'error' as const]));
const config: Linter.Config[] = [
  {
    files: ['**/*.jsx'],
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
  },
  {
    files: ['**/*.tsx'],
    languageOptions: { parser: typescriptParser, parserOptions: { ecmaFeatures: { jsx: true } } },
  },
  {
    files: ['**/*.jsx', '**/*.tsx'],
    plugins: { deepseek: { rules } as unknown as ESLint.Plugin },
    rules: everyRule,
  },
];
const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config });

describe('redaction (property)', () => {
  it('reports every key, and no message, suggestion or SARIF output contains one', async () => {
    await fc.assert(
      fc.asyncProperty(programWithKeys, async ({ code, keys, extension }) => {
        const results = await eslint.lintText(code, { filePath: path.join(cwd, `input.${extension}`) });
        const messages = results[0].messages;
        expect(messages.filter((message) => message.fatal)).toEqual([]);

        // Found: every key has a report naming it by its redacted form.
        for (const key of keys) {
          expect(messages.some((message) => message.message.includes(redactKey(key)))).toBe(true);
        }

        // Not leaked: messages, suggestion descriptions, fix and suggestion texts, SARIF.
        const sarif = sarifFormatter(results, { rulesMeta: eslint.getRulesMetaForResults(results), cwd });
        const outputs = [JSON.stringify(messages), sarif];
        for (const key of keys) {
          for (const output of outputs) expect(output).not.toContain(key);
        }
      }),
      { numRuns: 60 },
    );
  });
});
