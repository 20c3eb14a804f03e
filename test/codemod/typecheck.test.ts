/**
 * The migrated TypeScript fixtures must still type-check against the installed
 * SDK types (openai, @anthropic-ai/sdk, ai + @ai-sdk/deepseek), with the compiler
 * settings docs/sdk-evidence.md used. A control proves the check can fail: the
 * plain `thinking:` property on an openai-node call is TS2769.
 *
 * LangChain fixtures are not type-checked: @langchain/deepseek is not installed
 * here (its form is verified with tsc in docs/sdk-evidence.md §3).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CODEMOD_FIXTURES as FIXTURES, migratedTypeCheckedFixtures, scratchDirectory, typeErrors } from '../helpers/typecheck';

const migratedTypeScript = migratedTypeCheckedFixtures();

describe('migrated TypeScript type-checks against the SDKs', () => {
  const scratch = scratchDirectory('codemod-typecheck-');
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('covers the openai, Anthropic and AI SDK fixtures', () => {
    const names = migratedTypeScript.map((file) => file.slice(FIXTURES.length + 1));
    expect(names).toEqual(expect.arrayContaining(['openai-sdk.output.ts', 'anthropic-sdk.output.ts', 'ai-sdk.output.ts', 'conditional.output.ts', 'constant.output.ts']));
  });

  it('has no type errors in the migrated fixtures, and a plain thinking property on openai-node does fail', () => {
    const control = join(scratch, 'plain-thinking.ts');
    const migrated = readFileSync(join(FIXTURES, 'openai-sdk.output.ts'), 'utf8');
    writeFileSync(control, migrated.replace("...({ thinking: { type: 'disabled' } } as object),", "thinking: { type: 'disabled' },"));

    const errors = typeErrors([...migratedTypeScript, control]);
    expect(errors.filter((error) => !error.startsWith(control))).toEqual([]);
    expect(errors.filter((error) => error.startsWith(control)).join('\n')).toMatch(/TS2769: No overload matches this call[\s\S]*'thinking' does not exist/);
  });
});
