/**
 * The migrated fixtures survive popular ESLint configs' autofix: `eslint --fix` with
 * eslint-plugin-unicorn's recommended config, typescript-eslint's `strict` and
 * `@eslint/js` recommended leaves every openai-node flag as the migration wrote it,
 * and the fixed files still type-check against the installed SDK types.
 *
 * The control is the flag form the migration wrote before, `...{ thinking }`:
 * unicorn's `no-useless-spread` inlines it into a plain property, which is TS2769.
 */
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { CODEMOD_FIXTURES, migratedTypeCheckedFixtures, scratchDirectory, typeErrors } from '../helpers/typecheck';

/** The flag forms the migration writes for openai-node where a file is type-checked (src/migration.ts). */
const TYPED_FLAG = /\.\.\.\(\{ thinking: .*? \} as object\)|\.\.\.Object\.assign\(\{\}, \{ thinking: .*? \}\)/g;

async function popularConfigs(): Promise<Linter.Config[]> {
  const [{ default: js }, { default: unicorn }, { default: tseslint }] = await Promise.all([
    import('@eslint/js'),
    import('eslint-plugin-unicorn'),
    import('typescript-eslint'),
  ]);
  return [js.configs.recommended, unicorn.configs.recommended, ...(tseslint.configs.strict as Linter.Config[])];
}

/** `eslint --fix` over `files` (in place); the messages left, by file name. */
async function lintFix(cwd: string, files: string[]): Promise<Map<string, Linter.LintMessage[]>> {
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: await popularConfigs(), fix: true });
  const results = await eslint.lintFiles(files);
  await ESLint.outputFixes(results);
  return new Map(results.map((result) => [basename(result.filePath), result.messages]));
}

describe('migrated fixtures after eslint --fix (unicorn recommended, typescript-eslint strict, @eslint/js recommended)', () => {
  const scratch = scratchDirectory('codemod-lint-fix-');
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('keeps every openai-node flag as written, and the fixed files type-check', async () => {
    // existing-thinking keeps the flags its input already had, in the old form (the control's case).
    const fixtures = migratedTypeCheckedFixtures().filter((fixture) => !fixture.endsWith('existing-thinking.output.ts'));
    const copies = fixtures.map((fixture) => {
      const copy = join(scratch, basename(fixture));
      copyFileSync(fixture, copy);
      return copy;
    });
    const flagsBefore = copies.flatMap((copy) => readFileSync(copy, 'utf8').match(TYPED_FLAG) ?? []);
    expect(flagsBefore.length).toBeGreaterThanOrEqual(6);
    expect(flagsBefore).toContain("...Object.assign({}, { thinking: { type: 'disabled' } })");

    const messages = await lintFix(scratch, copies);
    // The configs did run: @eslint/js and typescript-eslint report here; unicorn's fix shows in the control.
    const rulesSeen = new Set([...messages.values()].flat().map((message) => message.ruleId?.split('/')[0]));
    expect([...rulesSeen]).toEqual(expect.arrayContaining(['@typescript-eslint', 'no-undef']));
    const flagsAfter = copies.flatMap((copy) => readFileSync(copy, 'utf8').match(TYPED_FLAG) ?? []);
    expect(flagsAfter).toEqual(flagsBefore);
    const onTheFlags = [...messages.values()].flat().filter((message) => message.ruleId === 'unicorn/no-useless-spread');
    expect(onTheFlags).toEqual([]);

    expect(typeErrors(copies)).toEqual([]);
  });

  it('control: the bare spread `...{ thinking }` is inlined by unicorn/no-useless-spread and then fails tsc (TS2769)', async () => {
    const control = join(scratch, 'bare-spread.ts');
    const migrated = readFileSync(join(CODEMOD_FIXTURES, 'openai-sdk.output.ts'), 'utf8');
    writeFileSync(control, migrated.replaceAll(/\.\.\.\((\{ thinking: .*? \}) as object\)/g, '...$1'));
    expect(typeErrors([control])).toEqual([]);

    await lintFix(scratch, [control]);
    expect(readFileSync(control, 'utf8')).not.toContain('...{ thinking');
    expect(typeErrors([control]).join('\n')).toMatch(/TS2769: No overload matches this call[\s\S]*'thinking' does not exist/);
  });
});
