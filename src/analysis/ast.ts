/**
 * Small, parser-neutral helpers over ESTree.
 *
 * The ESLint rules get ESTree from espree or typescript-eslint's parser; the
 * codemod from src/parse.ts (oxc-parser, or @babel/parser's `estree` plugin
 * for what oxc refuses). All give `range`; only ESLint sets `parent`, so the
 * shared analysis sets it on the codemod's nodes during its walk.
 */
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import type { TSESTree } from '@typescript-eslint/utils';

export type Node = TSESTree.Node;
export type Expression = TSESTree.Expression;
export type ObjectExpression = TSESTree.ObjectExpression;
export type Property = TSESTree.Property;
export type CallLike = TSESTree.CallExpression | TSESTree.NewExpression;

const NON_CHILD_KEYS = new Set([
  'parent', 'loc', 'range', 'start', 'end', 'leadingComments', 'trailingComments',
  'innerComments', 'comments', 'tokens', 'extra', 'typeAnnotation', 'returnType', 'typeParameters',
  'typeArguments', 'decorators',
]);

/** Child keys per node type, type positions and metadata already left out (asked for every node of a walk). */
const childKeysByType = new Map<string, readonly string[]>();

function childKeys(node: Node): readonly string[] {
  const cached = childKeysByType.get(node.type);
  if (cached) return cached;
  const known = (visitorKeys as Record<string, readonly string[] | undefined>)[node.type];
  // A type the visitor keys do not know (a parser extension): its own keys, not cached.
  if (!known) return Object.keys(node).filter((key) => !NON_CHILD_KEYS.has(key));
  const keys = known.filter((key) => !NON_CHILD_KEYS.has(key));
  childKeysByType.set(node.type, keys);
  return keys;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * Depth-first walk in source order calling `enter(node, parent)`. Type
 * annotations are skipped: nothing in them is sent over the wire.
 */
export function walk(root: Node, enter: (node: Node, parent: Node | undefined) => void): void {
  // Two parallel stacks rather than a [node, parent] pair per node: no allocation per node.
  const nodes: Node[] = [root];
  const parents: Array<Node | undefined> = [undefined];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    enter(node, parents.pop());
    const keys = childKeys(node);
    for (let k = keys.length - 1; k >= 0; k--) {
      const value = (node as unknown as Record<string, unknown>)[keys[k]];
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) {
          if (isNode(value[i])) {
            nodes.push(value[i]);
            parents.push(node);
          }
        }
      } else if (isNode(value)) {
        nodes.push(value);
        parents.push(node);
      }
    }
  }
}

/**
 * Line (1-based) and column (0-based) of an offset, as ESLint counts them (CRLF, CR,
 * LF, U+2028 and U+2029 end a line). For ASTs without `loc` (the codemod's parse).
 */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (const match of text.slice(0, offset).matchAll(/\r\n?|[\n\u2028\u2029]/g)) {
    line += 1;
    lineStart = match.index + match[0].length;
  }
  return { line, column: offset - lineStart };
}

/** Strip wrappers that do not change a value: `x as T`, `x!`, `x satisfies T`, `(x)`, `<T>x`. */
export function unwrap(node: Node | null | undefined): Node | undefined {
  let current = node ?? undefined;
  while (current) {
    switch (current.type) {
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
        current = current.expression;
        continue;
      case 'ChainExpression':
        current = current.expression;
        continue;
      default:
        if ((current.type as string) === 'ParenthesizedExpression') {
          current = (current as unknown as { expression: Node }).expression;
          continue;
        }
        return current;
    }
  }
  return current;
}

export function isStringLiteral(node: Node | null | undefined): node is TSESTree.StringLiteral {
  return node?.type === 'Literal' && typeof node.value === 'string';
}

/** The static text of a string literal or an expression-free template. */
export function literalText(node: Node | null | undefined): string | undefined {
  if (isStringLiteral(node)) return node.value;
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked ?? undefined;
  return undefined;
}

/** The name of a non-computed property key, or of a computed key that is a string literal. */
export function propertyKeyName(property: Node): string | undefined {
  if (property.type !== 'Property' && property.type !== 'PropertyDefinition' && property.type !== 'MethodDefinition') {
    return undefined;
  }
  const key = property.key;
  if (!property.computed && key.type === 'Identifier') return key.name;
  if (key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  return literalText(key);
}

/** The name of a member access: `a.b` → b, `a['b']` → b, `a[`b`]` → b. */
export function memberName(node: Node): string | undefined {
  if (node.type !== 'MemberExpression') return undefined;
  if (!node.computed && node.property.type === 'Identifier') return node.property.name;
  if (node.computed) return literalText(node.property);
  return undefined;
}

/** `a.b.c(…)` → ['a', 'b', 'c']; `this.client.x` → ['this', 'client', 'x']; undefined for anything dynamic. */
export function memberPath(node: Node | null | undefined): string[] | undefined {
  const current = unwrap(node);
  if (!current) return undefined;
  if (current.type === 'Identifier') return [current.name];
  if (current.type === 'ThisExpression') return ['this'];
  if (current.type === 'MemberExpression') {
    const name = memberName(current);
    const object = memberPath(current.object);
    return name !== undefined && object ? [...object, name] : undefined;
  }
  return undefined;
}

/** A property of an object literal by (case-sensitive) name, last one wins as in JS. */
export function findProperty(object: ObjectExpression, name: string): Property | undefined {
  let found: Property | undefined;
  for (const property of object.properties) {
    if (property.type === 'Property' && propertyKeyName(property) === name) found = property;
  }
  return found;
}

export function findPropertyOf(object: ObjectExpression, names: readonly string[]): Property | undefined {
  let found: Property | undefined;
  for (const property of object.properties) {
    if (property.type === 'Property' && names.includes(propertyKeyName(property) ?? '')) found = property;
  }
  return found;
}

export function isFunctionNode(node: Node): boolean {
  return (
    node.type === 'FunctionDeclaration' ||
    node.type === 'FunctionExpression' ||
    node.type === 'ArrowFunctionExpression' ||
    node.type === 'Program'
  );
}
