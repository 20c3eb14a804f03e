/**
 * The migrated TypeScript fixtures must still type-check against the installed
 * SDK types (openai, @anthropic-ai/sdk, ai + @ai-sdk/deepseek), with the compiler
 * settings docs/sdk-evidence.md used. A control proves the check can fail: the
 * plain `thinking:` property on an openai-node call is TS2769.
 *
 * LangChain fixtures are not type-checked: @langchain/deepseek is not installed
 * here (its form is verified with tsc in docs/sdk-evidence.md §3).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(__dirname, 'fixtures');
const NOT_INSTALLED = ['langchain'];

const COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  module: ts.ModuleKind.Node16,
  moduleResolution: ts.ModuleResolutionKind.Node16,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
  types: ['node'],
  skipLibCheck: true,
  noEmit: true,
  allowJs: true,
  esModuleInterop: true,
};

function typeErrors(files: string[]): string[] {
  const program = ts.createProgram(files, COMPILER_OPTIONS);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file ? `${diagnostic.file.fileName}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}` : '';
    return `${where} TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}

const migratedTypeScript = readdirSync(FIXTURES)
  .filter((file) => /\.output\.(?:ts|mts|cts|tsx)$/.test(file) || file === 'openai-sdk-ts-check.output.js')
  .filter((file) => !NOT_INSTALLED.some((name) => file.startsWith(name)))
  .map((file) => join(FIXTURES, file));

describe('migrated TypeScript type-checks against the SDKs', () => {
  // Inside the repository so `openai` & co. resolve from its node_modules.
  const scratchParent = join(ROOT, 'node_modules', '.cache');
  mkdirSync(scratchParent, { recursive: true });
  const scratch = mkdtempSync(join(scratchParent, 'codemod-typecheck-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('covers the openai, Anthropic and AI SDK fixtures', () => {
    const names = migratedTypeScript.map((file) => file.slice(FIXTURES.length + 1));
    expect(names).toEqual(expect.arrayContaining(['openai-sdk.output.ts', 'anthropic-sdk.output.ts', 'ai-sdk.output.ts', 'conditional.output.ts', 'constant.output.ts']));
  });

  it('has no type errors in the migrated fixtures, and a plain thinking property on openai-node does fail', () => {
    const control = join(scratch, 'plain-thinking.ts');
    const migrated = readFileSync(join(FIXTURES, 'openai-sdk.output.ts'), 'utf8');
    writeFileSync(control, migrated.replace("...{ thinking: { type: 'disabled' } },", "thinking: { type: 'disabled' },"));

    const errors = typeErrors([...migratedTypeScript, control]);
    expect(errors.filter((error) => !error.startsWith(control))).toEqual([]);
    expect(errors.filter((error) => error.startsWith(control)).join('\n')).toMatch(/TS2769: No overload matches this call[\s\S]*'thinking' does not exist/);
  });
});
