/**
 * Parse a file outside ESLint (codemod, sweep) into the same ESTree shape the
 * rules see, so the shared analysis runs unchanged on both.
 *
 * oxc-parser first: a native parser that returns TS-ESTree (typescript-eslint's
 * shape, what oxlint feeds ESLint-style plugins) with `range`. Cold, it parsed
 * the bench corpus' 27 legacy files in ~100 ms where @babel/parser with the
 * `estree` plugin took ~900 ms (babel's estree conversion and a cold JIT), and a
 * codemod run is almost always cold. Nodes carry `range` but no `loc` (oxc has
 * none, and building one per node cost as much as the parse): the few positions
 * the codemod reports come from lineColumnAt() in src/analysis/ast.ts.
 *
 * @babel/parser (what jscodeshift parses with) stays as the fallback for what oxc
 * refuses but babel accepts with a codemod's lenient options: Flow annotations,
 * top-level `return`, `import` inside blocks. A file neither accepts throws
 * babel's SyntaxError: "message (line:column)" with `loc`.
 *
 * `.ts`/`.mts`/`.cts` files parse without JSX: `<T>x` is a cast there. Both
 * parsers load on the first parse: most files of a run never need one.
 */
import type { ParserPlugin } from '@babel/parser';
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
  return parseWithOxc(source, filePath) ?? parseWithBabel(source, filePath);
}

/** The program, or undefined when oxc reports any error (babel then decides). */
function parseWithOxc(source: string, filePath: string): ParsedProgram | undefined {
  const parseSync = loadOxc();
  if (!parseSync) return undefined;
  const result = parseSync(filePath, source, {
    lang: TYPESCRIPT_ONLY.test(filePath) ? 'ts' : TYPESCRIPT_ANY.test(filePath) ? 'tsx' : 'jsx',
    sourceType: 'unambiguous',
    // The AST crosses from Rust as JSON, and its size is most of a parse's cost. `js` leaves
    // out the TS-only fields (type annotations, `optional`, `decorators: []`, …), which the
    // analysis never reads (it skips type positions); TS expressions such as `x as T` stay.
    astType: 'js',
    range: true,
    preserveParens: false,
    // Redeclarations and the like: babel rejects them, so oxc must not quietly accept them.
    showSemanticErrors: true,
  });
  if (result.errors.some((error) => error.severity === 'Error')) return undefined;
  return result.program as unknown as ParsedProgram;
}

type OxcParseSync = (typeof import('oxc-parser', { with: { 'resolution-mode': 'import' } }))['parseSync'];
let oxcParseSync: OxcParseSync | null | undefined;

/**
 * oxc-parser is an ES module with a native binding. It may fail to load: under the
 * jscodeshift CLI, whose @babel/register recompiles every loaded file (ES modules
 * of dependencies included) into CommonJS, or on a platform without a binding.
 * Then babel parses everything, as jscodeshift itself would.
 *
 * Only the two modules `parseSync` is made of are loaded (`src-js/bindings` and
 * `src-js/wrap`, both in the package's `exports`): its index also loads the AST
 * visitor and raw-transfer code, which doubled the parser's load time (~10 ms).
 */
function loadOxc(): OxcParseSync | undefined {
  if (oxcParseSync === undefined) {
    try {
      /* eslint-disable @typescript-eslint/no-require-imports */
      const native = require('oxc-parser/src-js/bindings') as { parseSync: (...args: Parameters<OxcParseSync>) => unknown };
      const { wrap } = require('oxc-parser/src-js/wrap') as { wrap: (result: unknown) => ReturnType<OxcParseSync> };
      /* eslint-enable @typescript-eslint/no-require-imports */
      oxcParseSync = (filename, sourceText, options) => wrap(native.parseSync(filename, sourceText, options));
    } catch {
      oxcParseSync = null;
    }
  }
  return oxcParseSync ?? undefined;
}

function parseWithBabel(source: string, filePath: string): ParsedProgram {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parse } = require('@babel/parser') as typeof import('@babel/parser');
  const file = parse(source, {
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
