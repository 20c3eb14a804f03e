/**
 * What a header value says, as far as the source shows it: the text of its
 * literals and template quasis, with the expressions it cannot see marked.
 *
 * `Bearer ${key}` reads as the text "Bearer " followed by one unknown
 * expression; `'Bearer  ' + key` the same with two spaces. Expressions whose
 * text is known (same-file constants) count as text, but only literals and
 * quasis written in the value itself can be edited by a fix.
 *
 * Parser-neutral like the rest of the analysis: no `node.parent`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { type Node, literalText, memberName, unwrap } from './ast';
import type { DeepSeekAnalysis } from './requests';

/** Stands for one expression whose text is unknown. */
export const UNKNOWN_EXPRESSION = '\uE000';

export interface ValuePart {
  /** The literal, the template quasi, or the expression this part comes from. */
  readonly node: Node;
  /** Its text; UNKNOWN_EXPRESSION for an expression we cannot read. */
  readonly text: string;
  /** Offsets in HeaderValue.text. */
  readonly start: number;
  readonly end: number;
  /** True for a literal or quasi whose text a fix may rewrite. */
  readonly editable: boolean;
}

export interface HeaderValue {
  /** The expression that builds the value: the header's own, or the same-file initialiser it names. */
  readonly expression: Node;
  /** A `+` chain with at least one string in it. */
  readonly isConcatenation: boolean;
  readonly parts: readonly ValuePart[];
  /** All parts' text joined. */
  readonly text: string;
}

/** Words a variable or env var that holds a key ends with: `apiKey`, `DEEPSEEK_API_KEY`, `deepseekToken`. */
const KEY_NAME_LAST_WORDS = new Set(['key', 'apikey', 'secret', 'token']);
/** Words that say the name holds the whole header, not the key: `authHeader`, `bearerToken`. */
const HEADER_NAME_WORDS = new Set(['header', 'headers', 'authorization', 'bearer']);

export function nameLooksLikeKey(name: string): boolean {
  const words = name
    .split(/[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
  if (words.length === 0 || words.some((word) => HEADER_NAME_WORDS.has(word))) return false;
  return KEY_NAME_LAST_WORDS.has(words[words.length - 1]);
}

/**
 * True when an expression evidently holds a bare key, not a whole header value:
 * `apiKey`, `process.env.DEEPSEEK_API_KEY`, `Deno.env.get('DEEPSEEK_API_KEY')`,
 * `key.trim()`, `env.KEY ?? ''`, a same-file constant holding one, or `'sk-…'`.
 */
export function looksLikeKey(node: Node | null | undefined, analysis: DeepSeekAnalysis, depth = 0): boolean {
  const current = unwrap(node);
  if (!current || depth > 6) return false;
  switch (current.type) {
    case 'Identifier': {
      if (nameLooksLikeKey(current.name)) return true;
      const init = analysis.declarationOf(current);
      return init !== undefined && looksLikeKey(init, analysis, depth + 1);
    }
    case 'MemberExpression': {
      const name = memberName(current);
      return name !== undefined && nameLooksLikeKey(name);
    }
    case 'CallExpression': {
      const callee = unwrap(current.callee);
      // key.trim(), key.toString()
      if (callee?.type === 'MemberExpression' && current.arguments.length === 0) return looksLikeKey(callee.object, analysis, depth + 1);
      // Deno.env.get('DEEPSEEK_API_KEY'), getSecret('deepseek-api-key')
      const name = literalText(current.arguments[0]);
      return name !== undefined && nameLooksLikeKey(name);
    }
    case 'LogicalExpression':
      return looksLikeKey(current.left, analysis, depth + 1);
    case 'Literal':
      return typeof current.value === 'string' && /^sk-\S+$/.test(current.value);
    case 'TemplateLiteral':
      return (
        current.expressions.length === 1 &&
        current.quasis.every((quasi) => quasi.value.cooked === '') &&
        looksLikeKey(current.expressions[0], analysis, depth + 1)
      );
    default:
      return false;
  }
}

/**
 * Read a header value. An identifier is followed to its same-file initialiser
 * when that builds a header (`const auth = \`Bearer ${key}\``), but not when it
 * is the key itself (`const apiKey = '…'`): fixes then edit the header, not the key.
 */
export function readHeaderValue(value: Node, analysis: DeepSeekAnalysis): HeaderValue {
  let expression = unwrap(value) ?? value;
  if (expression.type === 'Identifier' && !nameLooksLikeKey(expression.name)) {
    const init = unwrap(analysis.declarationOf(expression));
    if (init && buildsHeader(init)) expression = init;
  }
  const parts: ValuePart[] = [];
  let text = '';
  const add = (node: Node, partText: string, editable: boolean): void => {
    parts.push({ node, text: partText, start: text.length, end: text.length + partText.length, editable });
    text += partText;
  };
  const addExpression = (node: Node): void => {
    const known = analysis.staticText(node);
    add(node, known?.complete ? known.text : UNKNOWN_EXPRESSION, false);
  };
  const flatten = (node: Node): void => {
    const current = unwrap(node) ?? node;
    if (current.type === 'Literal' && typeof current.value === 'string') {
      add(current, current.value, true);
    } else if (current.type === 'TemplateLiteral') {
      current.quasis.forEach((quasi, index) => {
        add(quasi, quasi.value.cooked ?? '', quasi.value.cooked !== null);
        if (index < current.expressions.length) addExpression(current.expressions[index]);
      });
    } else if (isConcatenation(current)) {
      flatten(current.left);
      flatten(current.right);
    } else {
      addExpression(current);
    }
  };
  flatten(expression);
  return { expression, isConcatenation: isConcatenation(expression), parts, text };
}

function isStringExpression(node: Node): boolean {
  const current = unwrap(node);
  if (!current) return false;
  if (current.type === 'Literal') return typeof current.value === 'string';
  return current.type === 'TemplateLiteral' || isConcatenation(current);
}

function isConcatenation(node: Node): node is TSESTree.BinaryExpression {
  return node.type === 'BinaryExpression' && node.operator === '+' && (isStringExpression(node.left) || isStringExpression(node.right as Node));
}

/** A template, a concatenation, or a literal with a space in it: the makings of a header, not a bare key. */
function buildsHeader(node: Node): boolean {
  if (node.type === 'TemplateLiteral' || isConcatenation(node)) return true;
  return node.type === 'Literal' && typeof node.value === 'string' && /\s/.test(node.value);
}
