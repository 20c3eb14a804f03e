/**
 * Parse a file outside ESLint (codemod, sweep) into the same ESTree shape the
 * rules see, so the shared analysis runs unchanged on both.
 *
 * oxc-parser first: a native parser that returns TS-ESTree (typescript-eslint's
 * shape, what oxlint feeds ESLint-style plugins) with `range`. Cold, it parsed
 * the bench corpus' 27 legacy files in ~100 ms where @babel/parser with the
 * `estree` plugin took ~900 ms (babel's estree conversion and a cold JIT), and a
 * codemod run is almost always cold. oxc gives no `loc`: addLocations() adds
 * one that computes its positions when read.
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
    // `range` is rebuilt from `start`/`end` by addLocations: 40% less JSON in all.
    astType: 'js',
    range: false,
    preserveParens: false,
    // Redeclarations and the like: babel rejects them, so oxc must not quietly accept them.
    showSemanticErrors: true,
  });
  if (result.errors.some((error) => error.severity === 'Error')) return undefined;
  const program = result.program as unknown as ParsedProgram;
  addLocations(program, source);
  return program;
}

type OxcParseSync = (typeof import('oxc-parser', { with: { 'resolution-mode': 'import' } }))['parseSync'];
let oxcParseSync: OxcParseSync | null | undefined;

/**
 * oxc-parser is an ES module with a native binding. It may fail to load: under the
 * jscodeshift CLI, whose @babel/register recompiles every loaded file (ES modules
 * of dependencies included) into CommonJS, or on a platform without a binding.
 * Then babel parses everything, as jscodeshift itself would.
 */
function loadOxc(): OxcParseSync | undefined {
  if (oxcParseSync === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      oxcParseSync = (require('oxc-parser') as { parseSync: OxcParseSync }).parseSync;
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

/** ESTree line terminators, as ESLint and babel count lines. */
const LINE_BREAK = /\r\n?|[\n\u2028\u2029]/g;

/**
 * `range` and `loc` on every node, from oxc's `start`/`end`. The positions are computed when read:
 * the codemod asks for a handful, and building two position objects for each of
 * ~30k nodes took longer than oxc's parse itself (and left megabytes of garbage).
 */
function addLocations(program: ParsedProgram, source: string): void {
  const lineStarts = [0];
  for (const match of source.matchAll(LINE_BREAK)) lineStarts.push(match.index + match[0].length);
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const node = value as { type?: unknown; start?: number; end?: number; range?: [number, number]; loc?: unknown };
    if (typeof node.type === 'string' && typeof node.start === 'number') {
      node.range = [node.start, node.end!];
      node.loc = new LazyLocation(lineStarts, node.range);
    }
    for (const key in node) {
      if (key !== 'range' && key !== 'loc') visit((node as Record<string, unknown>)[key]);
    }
  };
  visit(program);
}

/** ESTree's SourceLocation: `start`/`end` as { line (1-based), column (0-based) }. */
class LazyLocation implements TSESTree.SourceLocation {
  readonly #lineStarts: readonly number[];
  readonly #range: readonly [number, number];

  constructor(lineStarts: readonly number[], range: readonly [number, number]) {
    this.#lineStarts = lineStarts;
    this.#range = range;
  }

  get start(): TSESTree.Position {
    return positionOf(this.#lineStarts, this.#range[0]);
  }

  get end(): TSESTree.Position {
    return positionOf(this.#lineStarts, this.#range[1]);
  }

  toJSON(): TSESTree.SourceLocation {
    return { start: this.start, end: this.end };
  }
}

function positionOf(lineStarts: readonly number[], offset: number): TSESTree.Position {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - lineStarts[low] };
}
