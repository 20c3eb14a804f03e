/**
 * Names and values: which declaration an identifier refers to, by lexical scope.
 *
 * Request code reuses a handful of names (`body`, `headers`, `options`, `payload`,
 * `model`) in function after function. Looking a name up per file cannot tell those
 * apart, so this index records every binding with the node that scopes it and, for
 * a use, picks the nearest enclosing one, as JavaScript does.
 *
 * Why not a full scope manager (ESLint's `sourceCode.scopeManager`, or
 * `@typescript-eslint/scope-manager` for the codemod)? The analysis asks one
 * question, "what value does this name hold here", for a few dozen identifiers of a
 * file, and it runs on two ASTs: ESLint's, and the codemod's oxc parse, whose nodes
 * have no `range` and no TS-only fields (src/parse.ts). scope-manager reads both
 * (`range` in `FunctionScope.isValidResolution`, `param.decorators`), so the
 * codemod would have to parse the full TS shape with ranges and then resolve every
 * reference of every file: the cost the parse was tuned to avoid. This index is
 * built on the analysis' existing walk and answers a use from source offsets alone:
 * a name declared once at the top level (the common case) costs one map read.
 */
import { type Node, endOf, startOf } from './ast';

export type DeclarationKind = 'const' | 'let' | 'var' | 'parameter' | 'import' | 'function' | 'class' | 'catch';

export interface Declaration {
  readonly name: string;
  readonly kind: DeclarationKind;
  /** The binding identifier. */
  readonly id: Node;
  /** What the name holds when that is known: the initialiser, or a parameter's default. */
  readonly init: Node | undefined;
  /** The node whose scope holds the binding (Program, a function, a block, a `for`, …). */
  readonly scope: Node;
  readonly topLevel: boolean;
}

export class ScopeIndex {
  private readonly byName = new Map<string, Declaration[]>();

  add(declaration: Declaration): void {
    const list = this.byName.get(declaration.name);
    if (list) list.push(declaration);
    else this.byName.set(declaration.name, [declaration]);
  }

  /**
   * The declaration a use of `name` at `use` refers to; undefined for globals, unknown names
   * and names bound twice in one scope. A scope's source range holds every use inside it, so
   * the nearest enclosing binding is the one whose scope starts last among those that hold the
   * use: no parent links are needed (the codemod's nodes have none).
   */
  lookup(name: string, use: Node | undefined): Declaration | undefined {
    const candidates = this.byName.get(name);
    if (!candidates) return undefined;
    if (candidates.length === 1 && candidates[0].topLevel) return candidates[0];
    // Without a use site only an unambiguous top-level name can be answered.
    if (!use) return undefined;
    const at = startOf(use);
    let nearest: Declaration | undefined;
    let ambiguous = false;
    for (const candidate of candidates) {
      const scopeStart = startOf(candidate.scope);
      if (at < scopeStart || at >= endOf(candidate.scope)) continue;
      if (!nearest || scopeStart > startOf(nearest.scope)) {
        nearest = candidate;
        ambiguous = false;
      } else if (candidate.scope === nearest.scope) {
        ambiguous = true;
      }
    }
    return ambiguous ? undefined : nearest;
  }
}

/** Names bound by a pattern: `a`, `{ a, b: c = 1 }`, `[d, ...e]`; with the default each one has. */
export function patternBindings(pattern: Node, fallback?: Node): Array<{ id: Node; name: string; init: Node | undefined }> {
  const found: Array<{ id: Node; name: string; init: Node | undefined }> = [];
  const visit = (node: Node | null | undefined, value: Node | undefined): void => {
    if (!node) return;
    switch (node.type) {
      case 'Identifier':
        found.push({ id: node, name: node.name, init: value });
        break;
      case 'AssignmentPattern':
        visit(node.left, node.right);
        break;
      case 'ObjectPattern':
        for (const property of node.properties) {
          if (property.type === 'RestElement') visit(property.argument, undefined);
          else visit(property.value, undefined);
        }
        break;
      case 'ArrayPattern':
        for (const element of node.elements) visit(element, undefined);
        break;
      case 'RestElement':
        visit(node.argument, undefined);
        break;
      case 'TSParameterProperty':
        visit(node.parameter, undefined);
        break;
      default:
        break;
    }
  };
  visit(pattern, fallback);
  return found;
}
