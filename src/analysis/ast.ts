/**
 * Small, parser-neutral helpers over ESTree.
 *
 * The ESLint rules get ESTree from espree or typescript-eslint's parser; the
 * codemod from src/parse.ts (oxc-parser, or @babel/parser's `estree` plugin
 * for what oxc refuses). All give
 * `range`, but only ESLint sets `parent`, so the analysis keeps its own parent
 * map and never relies on `node.parent`.
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

function childKeys(node: Node): readonly string[] {
  const known = (visitorKeys as Record<string, readonly string[] | undefined>)[node.type];
  if (known) return known;
  return Object.keys(node).filter((key) => !NON_CHILD_KEYS.has(key));
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * Depth-first walk in source order calling `enter(node, parent)`. Type
 * annotations are skipped: nothing in them is sent over the wire.
 */
export function walk(root: Node, enter: (node: Node, parent: Node | undefined) => void): void {
  const stack: Array<[Node, Node | undefined]> = [[root, undefined]];
  while (stack.length > 0) {
    const [node, parent] = stack.pop()!;
    enter(node, parent);
    const keys = childKeys(node);
    for (let k = keys.length - 1; k >= 0; k--) {
      if (NON_CHILD_KEYS.has(keys[k])) continue;
      const value = (node as unknown as Record<string, unknown>)[keys[k]];
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) if (isNode(value[i])) stack.push([value[i], node]);
      } else if (isNode(value)) {
        stack.push([value, node]);
      }
    }
  }
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
