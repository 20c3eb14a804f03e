/**
 * The built CLI never prints a full key: `lint --format json|sarif` (ESLint's
 * json formatter would include each file's source), `migrate` summaries,
 * `--json`, `--print` diffs (a key on a line next to a migrated one is diff
 * context), and errors. The programs come from the same generator as
 * redaction.test.ts (a fixed seed: one CLI run checks many of them at once).
 */
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { redactKey } from '../../src/deepseek';
import { makeProject, removeProject, runCli } from '../cli/helpers';
import { apiKey, programWithKeys } from './arbitraries';

const programs = fc.sample(programWithKeys, { seed: 20260724, numRuns: 24 });
const [keyInFileName, keyInBrokenFile] = fc.sample(apiKey, { seed: 7, numRuns: 2 });

/** Each program with a DeepSeek client and two legacy requests around it, so migrate edits lines next to the keys. */
function migratable(code: string): string {
  const request = "await client.chat.completions.create({ model: 'deepseek-chat', messages: [] });";
  const lines = code.split(/(?<=\n)/);
  return [
    lines[0],
    "const client = new OpenAI({ baseURL: 'https://api.deepseek.com' });\n",
    `${request}\n`,
    ...lines.slice(1),
    `${request}\n`,
  ].join('');
}

const files: Record<string, string> = {};
programs.forEach((program, index) => {
  files[`src/p${index}.${program.extension}`] = migratable(program.code);
});
files[`src/${keyInFileName}.mjs`] = migratable("import OpenAI from 'openai';\n");
files['src/broken.mjs'] = `const key = '${keyInBrokenFile}' +;\nconst model = 'deepseek-chat';\n`;
const allKeys = [...programs.flatMap((program) => program.keys), keyInFileName, keyInBrokenFile];

const root = makeProject(files);
afterAll(() => removeProject(root));

function expectNoKey(output: string): void {
  for (const key of allKeys) expect(output).not.toContain(key);
  // Nothing key-shaped either (the redacted form has no hex after `sk-`).
  expect(output).not.toMatch(/sk-[a-f0-9]{32}/);
}

describe('redaction through the CLI', () => {
  it('lint --format json: findings are reported, no key (and no file source) is printed', () => {
    const result = runCli(['lint', '--format', 'json'], root);
    expect(result.status).toBe(1);
    expectNoKey(result.stdout + result.stderr);
    const results = JSON.parse(result.stdout) as Array<{ source?: string; messages: Array<{ message: string }> }>;
    expect(results.some((entry) => entry.source !== undefined)).toBe(false);
    const messages = results.flatMap((entry) => entry.messages.map((message) => message.message)).join('\n');
    for (const program of programs) {
      for (const key of program.keys) expect(messages).toContain(redactKey(key));
    }
  });

  it('lint --format sarif: no key', () => {
    const sarif = require.resolve('@microsoft/eslint-formatter-sarif');
    const result = runCli(['lint', '--format', sarif], root);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toHaveProperty('runs');
    expectNoKey(result.stdout + result.stderr);
  });

  it.each([
    ['--dry', '--print'],
    ['--dry', '--json'],
    ['--check'],
    ['--dry', '--print', '--json'],
  ])('migrate %s %s: no key in stdout or stderr', (...flags) => {
    const result = runCli(['migrate', ...flags], root);
    expect(result.status).toBe(1); // broken.mjs fails (and --check finds changes)
    expect(result.stdout + result.stderr).toContain(path.join('src', 'broken.mjs'));
    expect(result.stdout + result.stderr).toContain(redactKey(keyInFileName));
    expectNoKey(result.stdout + result.stderr);
  });

  it('migrate (writing run, last so the dry runs saw the originals): no key in stdout or stderr', () => {
    const result = runCli(['migrate', '--print'], root);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('+++ b/src/p0.');
    // The first key sits on the line after a migrated request: diff context, shown redacted.
    expect(result.stdout).toContain(redactKey(programs[0].keys[0]));
    expectNoKey(result.stdout + result.stderr);
  });
});
