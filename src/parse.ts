/**
 * Parse a file outside ESLint (codemod, sweep) into the same ESTree shape the
 * rules see, so the shared analysis runs unchanged on both.
 *
 * @babel/parser is what jscodeshift itself parses with; its `estree` plugin
 * gives ESTree nodes (Literal, Property, ChainExpression) with `range`.
 * `.ts`/`.mts`/`.cts` files parse without JSX: `<T>x` is a cast there.
 */
import { parse as babelParse, type ParserPlugin } from '@babel/parser';
import type { TSESTree } from '@typescript-eslint/utils';

export type ParsedProgram = TSESTree.Program;

const TYPESCRIPT_ONLY = /\.(?:ts|mts|cts)$/i;
const TYPESCRIPT_ANY = /\.(?:ts|mts|cts|tsx)$/i;

export function parserPluginsFor(filePath: string): ParserPlugin[] {
  const plugins: ParserPlugin[] = ['estree', 'decorators-legacy', 'importAttributes' as ParserPlugin];
  if (TYPESCRIPT_ONLY.test(filePath)) plugins.push('typescript');
  else if (TYPESCRIPT_ANY.test(filePath)) plugins.push('typescript', 'jsx');
  else plugins.push('jsx', 'flow');
  return plugins;
}

/** Parse or throw a SyntaxError whose message names the line and column. */
export function parseProgram(source: string, filePath: string): ParsedProgram {
  const file = babelParse(source, {
    sourceType: 'unambiguous',
    plugins: parserPluginsFor(filePath),
    ranges: true,
    allowReturnOutsideFunction: true,
    allowAwaitOutsideFunction: true,
    allowImportExportEverywhere: true,
    allowUndeclaredExports: true,
    errorRecovery: false,
    createParenthesizedExpressions: false,
  });
  return file.program as unknown as ParsedProgram;
}
