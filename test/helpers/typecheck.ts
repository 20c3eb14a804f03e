/**
 * Type-checking migrated fixtures against the installed SDK types (openai,
 * @anthropic-ai/sdk, ai + @ai-sdk/deepseek), with the compiler settings
 * docs/sdk-evidence.md used. Shared by the type-check tests in test/codemod/.
 */
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

export const ROOT = join(__dirname, '..', '..');
export const CODEMOD_FIXTURES = join(ROOT, 'test', 'codemod', 'fixtures');
/** SDKs that are not installed here, by fixture-name prefix. */
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

/** `file:line TScode: message` for every diagnostic of a program made of `files`. */
export function typeErrors(files: string[]): string[] {
  const program = ts.createProgram(files, COMPILER_OPTIONS);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file ? `${diagnostic.file.fileName}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}` : '';
    return `${where} TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}

/** The migrated fixtures that are type-checked: TypeScript outputs and the `// @ts-check` JavaScript one. */
export function migratedTypeCheckedFixtures(): string[] {
  return readdirSync(CODEMOD_FIXTURES)
    .filter((file) => /\.output\.(?:ts|mts|cts|tsx)$/.test(file) || file === 'openai-sdk-ts-check.output.js')
    .filter((file) => !NOT_INSTALLED.some((name) => file.startsWith(name)))
    .map((file) => join(CODEMOD_FIXTURES, file));
}

/** A scratch directory inside the repository, so `openai` & co. resolve from its node_modules. */
export function scratchDirectory(prefix: string): string {
  const parent = join(ROOT, 'node_modules', '.cache');
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(join(parent, prefix));
}
