/**
 * Parse a file outside ESLint (codemod, sweep) into the same ESTree shape the
 * rules see, so the shared analysis runs unchanged on both.
 *
 * oxc-parser first: a native parser that returns ESTree (asked for in its JS
 * shape: TS expressions such as `x as T` are there, type annotations and other
 * TS-only fields are not, as the analysis never reads them). Cold, it parsed
 * the bench corpus' 27 legacy files in ~100 ms where @babel/parser with the
 * `estree` plugin took ~900 ms (babel's estree conversion and a cold JIT), and a
 * codemod run is almost always cold. Nodes carry `start`/`end` but no `range` and
 * no `loc`: code that runs on both these nodes and ESLint's asks rangeOf() and
 * startOf() (src/analysis/ast.ts), which build a range only for the few nodes the
 * planner edits. A `range` on every node cost a tenth of a migration (a walk and an
 * array per node), `loc` as much as the parse. The few positions the codemod
 * reports come from lineColumnAt().
 *
 * @babel/parser (what jscodeshift parses with) stays as the fallback for what oxc
 * refuses but babel accepts with a codemod's lenient options: Flow annotations,
 * top-level `return`, `import` inside blocks. A file neither accepts throws
 * babel's SyntaxError: "message (line:column)" with `loc`. babel is an optional
 * peer dependency (2 MB that most projects never need; jscodeshift brings it):
 * without it, a file oxc refuses throws oxc's own SyntaxError, which says so.
 *
 * `.ts`/`.mts`/`.cts` files parse without JSX: `<T>x` is a cast there. Both
 * parsers load on the first parse: most files of a run never need one.
 */
import type { ParserPlugin } from '@babel/parser';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { lineColumnAt } from './analysis/ast';

/** TS-ESTree's types, which promise `range` on every node: oxc's nodes have it only through rangeOf(). */
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

/** Without either parser nothing can be parsed: the one line each file then fails with. */
export const NO_PARSER_MESSAGE =
  "oxc-parser's native binding did not load on this platform and @babel/parser is not installed: npm install --save-dev @babel/parser";
/** Appended to oxc's reason for refusing a file when babel is not there to try it. */
export const NO_BABEL_HINT = '(@babel/parser, which parses Flow and other syntax oxc-parser refuses, is not installed)';

type OxcOutcome = { readonly program: ParsedProgram } | { readonly error: SyntaxError };

/** Parse or throw a SyntaxError whose message names the line and column. */
export function parseProgram(source: string, filePath: string): ParsedProgram {
  const oxc = parseWithOxc(source, filePath);
  if (oxc && 'program' in oxc) return oxc.program;
  const babelParse = loadBabel();
  if (babelParse) return parseWithBabel(babelParse, source, filePath);
  throw oxc ? oxc.error : new Error(NO_PARSER_MESSAGE);
}

/** The program, or oxc's first error (babel then decides), or undefined when oxc did not load. */
function parseWithOxc(source: string, filePath: string): OxcOutcome | undefined {
  const parseSync = loadOxc();
  if (!parseSync) return undefined;
  const result = parseSync(filePath, source, {
    lang: TYPESCRIPT_ONLY.test(filePath) ? 'ts' : TYPESCRIPT_ANY.test(filePath) ? 'tsx' : 'jsx',
    sourceType: 'unambiguous',
    // The AST crosses from Rust as JSON, and its size is most of a parse's cost. `js` leaves
    // out the TS-only fields (type annotations, `optional`, `decorators: []`, …), which the
    // analysis never reads (it skips type positions); TS expressions such as `x as T` stay.
    astType: 'js',
    // No `range` arrays in the JSON (a fifth of it): every node has `start`/`end`, and
    // rangeOf() builds a range from them for the nodes that need one.
    range: false,
    preserveParens: false,
    // Redeclarations and the like: babel rejects them, so oxc must not quietly accept them.
    showSemanticErrors: true,
  });
  const error = result.errors.find((candidate) => candidate.severity === 'Error');
  if (error) return { error: oxcSyntaxError(error, source) };
  return { program: programFromJson(result.program) };
}

/** Shaped like babel's: "message (line:column)" with a 0-based column in `loc`. */
function oxcSyntaxError(error: OxcError, source: string): SyntaxError {
  const loc = lineColumnAt(source, error.labels[0]?.start ?? 0);
  return Object.assign(new SyntaxError(`${error.message} ${NO_BABEL_HINT} (${loc.line}:${loc.column})`), { loc });
}

type OxcOptions = NonNullable<Parameters<(typeof import('oxc-parser', { with: { 'resolution-mode': 'import' } }))['parseSync']>[2]>;
/** oxc's native `parseSync`: the program comes as JSON text. */
type NativeParseSync = (filename: string, sourceText: string, options: OxcOptions) => {
  readonly program: string;
  readonly errors: readonly OxcError[];
};
interface OxcError {
  readonly severity: string;
  readonly message: string;
  readonly labels: ReadonlyArray<{ readonly start: number }>;
}
let oxcParseSync: NativeParseSync | null | undefined;

/**
 * oxc-parser's native binding, loaded the cheapest way that works: its platform
 * package straight from oxc-parser's own dependencies (a few ms), else through
 * `oxc-parser/src-js/bindings`, napi-rs' loader (an ES module: loading it starts
 * Node's ESM loader, ~15 ms more, on the main thread and in each worker).
 *
 * It may fail to load: under the jscodeshift CLI, whose @babel/register recompiles
 * every loaded file (ES modules of dependencies included) into CommonJS, or on a
 * platform without a binding. Then babel parses everything, as jscodeshift would.
 */
function loadOxc(): NativeParseSync | undefined {
  if (oxcParseSync === undefined) {
    oxcParseSync = loadPlatformBinding() ?? loadBindingsModule() ?? null;
  }
  return oxcParseSync ?? undefined;
}

function loadPlatformBinding(): NativeParseSync | undefined {
  const { platform, arch } = process;
  const suffix = platform === 'linux' ? `linux-${arch}-gnu` : platform === 'darwin' ? `darwin-${arch}` : platform === 'win32' ? `win32-${arch}-msvc` : undefined;
  if (!suffix) return undefined;
  try {
    // Resolved from oxc-parser, whose optional dependency it is (strict layouts such as pnpm's).
    const oxcDirectory = oxcParserDirectory();
    if (!oxcDirectory) return undefined;
    const fromOxc = createRequire(path.join(oxcDirectory, 'package.json'));
    return (fromOxc(`@oxc-parser/binding-${suffix}`) as { parseSync: NativeParseSync }).parseSync;
  } catch {
    return undefined; // another libc (musl), or a layout without it: napi-rs' loader knows better
  }
}

/**
 * oxc-parser's directory, found as Node finds a bare specifier (the first `node_modules`
 * up the tree that holds it). Not `require.resolve('oxc-parser/package.json')`: that goes
 * through the package's `exports` map, and loading Node's resolver for it took ~4 ms in
 * every thread that parses.
 */
function oxcParserDirectory(): string | undefined {
  for (const modules of require.resolve.paths('oxc-parser') ?? []) {
    const candidate = path.join(modules, 'oxc-parser');
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
  }
  return undefined;
}

function loadBindingsModule(): NativeParseSync | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('oxc-parser/src-js/bindings') as { parseSync: NativeParseSync }).parseSync;
  } catch {
    return undefined;
  }
}

/**
 * oxc's JSON has the program under `node`, and paths to the literals JSON cannot
 * hold (BigInt, RegExp) under `fixes`; their values are rebuilt as oxc-parser's
 * own wrapper does (src-js/wrap.js).
 */
function programFromJson(json: string): ParsedProgram {
  const { node: program, fixes } = JSON.parse(json) as { node: ParsedProgram; fixes: Array<Array<string | number>> };
  for (const fixPath of fixes) {
    let node = program as unknown as Record<string | number, unknown>;
    for (const key of fixPath) node = node[key] as Record<string | number, unknown>;
    const literal = node as { value?: unknown; bigint?: string; regex?: { pattern: string; flags: string } };
    if (literal.bigint !== undefined) {
      literal.value = BigInt(literal.bigint);
    } else if (literal.regex) {
      try {
        literal.value = new RegExp(literal.regex.pattern, literal.regex.flags);
      } catch {
        // a pattern this Node cannot compile: value stays null, as with oxc's own wrapper
      }
    }
  }
  return program;
}

type BabelParse = (typeof import('@babel/parser'))['parse'];
let babelParse: BabelParse | null | undefined;

/** @babel/parser, loaded on the first file oxc refuses; undefined when it is not installed. */
function loadBabel(): BabelParse | undefined {
  if (babelParse === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      babelParse = (require('@babel/parser') as typeof import('@babel/parser')).parse;
    } catch (error) {
      if ((error as { code?: string }).code !== 'MODULE_NOT_FOUND') throw error;
      babelParse = null;
    }
  }
  return babelParse ?? undefined;
}

function parseWithBabel(parse: BabelParse, source: string, filePath: string): ParsedProgram {
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

/**
 * The TypeScript literal types of a file (`'deepseek-chat' | 'deepseek-reasoner'`), which the
 * codemod's usual parse leaves out (astType `js`): a second, TS-shaped parse, asked for only
 * when a TypeScript file names a legacy ID outside its values. With each one's parent, for unions.
 */
export function parseTypeLiterals(source: string, filePath: string): { literals: TSESTree.Node[]; parentOf: (node: TSESTree.Node) => TSESTree.Node | undefined } {
  const parseSync = loadOxc();
  const parents = new Map<object, TSESTree.Node>();
  const literals: TSESTree.Node[] = [];
  if (!parseSync) return { literals, parentOf: () => undefined };
  const result = parseSync(filePath, source, { lang: TYPESCRIPT_ONLY.test(filePath) ? 'ts' : 'tsx', sourceType: 'unambiguous', astType: 'ts', range: false, preserveParens: false });
  if (result.errors.some((error) => error.severity === 'Error')) return { literals, parentOf: () => undefined };
  const visit = (value: unknown, parent: TSESTree.Node | undefined): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item, parent);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const node = value as TSESTree.Node;
    const isNode = typeof (node as { type?: unknown }).type === 'string';
    if (isNode) {
      if (parent) parents.set(node, parent);
      if (node.type === 'TSLiteralType') literals.push(node);
    }
    for (const key of Object.keys(node)) {
      if (key === 'parent') continue;
      visit((node as unknown as Record<string, unknown>)[key], isNode ? node : parent);
    }
  };
  visit(programFromJson(result.program), undefined);
  return { literals, parentOf: (node) => parents.get(node) };
}
