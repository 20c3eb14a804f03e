/**
 * The Python parser: web-tree-sitter with the tree-sitter-python grammar (WebAssembly, so
 * no native build and no per-platform package). Both are optional peer dependencies, like
 * the TypeScript parser of `lint`: a project without Python files never loads them, and
 * one with Python files but without them gets one line saying what to install.
 * Why this parser and not ast-grep: docs/architecture.md, "Python".
 *
 * web-tree-sitter only loads asynchronously, so callers await loadPythonParser() once
 * before the first (synchronous) parsePython().
 */
import type * as TreeSitter from 'web-tree-sitter';

export type PyNode = TreeSitter.Node;
export type PyTree = TreeSitter.Tree;

export const PYTHON_FILE = /[^/\\]\.py$/i;

export function isPythonFile(filePath: string): boolean {
  return PYTHON_FILE.test(filePath);
}

export const PYTHON_PARSER_PACKAGES = ['web-tree-sitter', 'tree-sitter-python'] as const;

/** Thrown when the optional parser is not installed; its message is the one line to show. */
export class MissingPythonParserError extends Error {
  constructor() {
    super(`Python files need ${PYTHON_PARSER_PACKAGES.join(' and ')}: npm install --save-dev ${PYTHON_PARSER_PACKAGES.join(' ')}`);
    this.name = 'MissingPythonParserError';
  }
}

let parser: TreeSitter.Parser | undefined;
let loading: Promise<TreeSitter.Parser> | undefined;

/** Load the parser and the grammar (once, ~20–40 ms); rejects with MissingPythonParserError when either is not installed. */
export async function loadPythonParser(): Promise<void> {
  if (parser) return;
  loading ??= loadParser();
  try {
    parser = await loading;
  } catch (error) {
    loading = undefined;
    if ((error as { code?: string }).code === 'MODULE_NOT_FOUND') throw new MissingPythonParserError();
    throw error;
  }
}

async function loadParser(): Promise<TreeSitter.Parser> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const treeSitter = require('web-tree-sitter') as typeof TreeSitter;
  const grammar = require.resolve('tree-sitter-python/tree-sitter-python.wasm');
  await treeSitter.Parser.init();
  const language = await treeSitter.Language.load(grammar);
  const loaded = new treeSitter.Parser();
  loaded.setLanguage(language);
  return loaded;
}

export function isPythonParserLoaded(): boolean {
  return parser !== undefined;
}

/**
 * Parse Python source. A file with a syntax error (tree-sitter recovers, so it is found as
 * an ERROR or MISSING node) throws a SyntaxError with `loc` (1-based line, 0-based column),
 * as the JavaScript parser does: the migration then leaves the file untouched and reports it.
 */
export function parsePython(text: string): PyTree {
  if (!parser) throw new Error('the Python parser is not loaded (loadPythonParser first)');
  const tree = parser.parse(text);
  if (!tree) throw new Error('the Python parser returned no tree');
  if (tree.rootNode.hasError) {
    const bad = firstError(tree.rootNode) ?? tree.rootNode;
    const { row, column } = bad.startPosition;
    tree.delete();
    const what = bad.isMissing && bad.type !== 'ERROR' ? `missing "${bad.type}"` : 'invalid syntax';
    throw Object.assign(new SyntaxError(what), { loc: { line: row + 1, column } });
  }
  return tree;
}

function firstError(node: PyNode): PyNode | undefined {
  if (node.type === 'ERROR' || node.isMissing) return node;
  for (const child of node.children) {
    if (child && (child.hasError || child.isMissing || child.type === 'ERROR')) {
      const found = firstError(child);
      if (found) return found;
    }
  }
  return undefined;
}
