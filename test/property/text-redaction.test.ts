/**
 * Keys in text files (src/text-lint.ts), as properties: every key standing alone is
 * found, in plain text and inside a JSON string alike (escapes decoded), and no output
 * of the results (json, stylish, SARIF) holds one.
 */
import { ESLint } from 'eslint';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactKey } from '../../src/deepseek';
import { KEY_RULE_ID, KEY_RULE_META, lintText } from '../../src/text-lint';
import { apiKey, optionalPrefix, optionalSuffix } from './arbitraries';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const sarifFormatter = require('@microsoft/eslint-formatter-sarif') as (results: ESLint.LintResult[], data: unknown) => string;

const keyInText = fc.tuple(optionalPrefix, apiKey, optionalSuffix).map(([before, key, after]) => ({ key, text: `${before}${key}${after}` }));

describe('text files (property)', () => {
  it('a key found in plain text is found at the same text inside a JSON string, and no output holds it', async () => {
    const stylish = await new ESLint().loadFormatter('stylish');
    fc.assert(
      fc.property(keyInText, fc.constantFrom('.env', 'notes.txt', 'run.sh', 'config.yml'), ({ key, text }, fileName) => {
        const plain = lintText(text, `/project/${fileName}`);
        const json = lintText(JSON.stringify({ cells: [{ source: [text] }] }), '/project/n.ipynb');
        expect(plain.messages.some((message) => message.message.includes(redactKey(key)))).toBe(true);
        expect(json.messages.map((message) => message.message)).toEqual(plain.messages.map((message) => message.message));

        const results = [plain, json];
        const outputs = [
          JSON.stringify(results),
          stylish.format(results) as string,
          sarifFormatter(results, { cwd: '/project', rulesMeta: { [KEY_RULE_ID]: KEY_RULE_META } }),
        ];
        for (const output of outputs) expect(output).not.toContain(key);
      }),
      { numRuns: 300 },
    );
  });
});
