/**
 * "Does this expression carry the DeepSeek key?", on top of the shared analysis.
 *
 * A key reference is a name that holds the key (`process.env.DEEPSEEK_API_KEY`,
 * `deepseekApiKey`, `Deno.env.get('DEEPSEEK_API_KEY')`), a variable initialised
 * from one, or the `apiKey` variable of a DeepSeek client. An expression carries
 * the key when the key's text ends up in its value: a template or concatenation
 * around it, an object or array holding it (headers, client options), a
 * `new Headers(…)` or `JSON.stringify(…)` of those. Derived values that do not
 * reveal it (`key.length`, `key.slice(-4)`, `Boolean(key)`, `key ? 'set' : 'unset'`,
 * `redactKey(key)`) do not count.
 */
import { isDeepSeekKeyName } from '../deepseek';
import { type Node, findPropertyOf, literalText, memberName, memberPath, unwrap } from './ast';
import type { DeepSeekAnalysis } from './requests';

const MAX_DEPTH = 6;
/** Calls that turn their argument into text unchanged. */
const STRINGIFIERS = new Set(['JSON.stringify', 'String', 'util.inspect', 'inspect', 'util.format', 'format']);
/** Methods that keep the whole key in their result. */
const KEY_PRESERVING_METHODS = new Set(['toString', 'valueOf', 'trim', 'trimStart', 'trimEnd', 'concat', 'toLowerCase', 'toUpperCase']);
/** `env.get('X')`, `Deno.env.get('X')`, `getenv('X')`, `config.get('X')`. */
const ENV_GETTERS = new Set(['get', 'getenv', 'getEnv', 'env']);

export class KeyReferences {
  /** Variables passed as the key to a DeepSeek client (`new OpenAI({ apiKey: key })`). */
  private readonly clientKeyNames = new Set<string>();

  constructor(private readonly analysis: DeepSeekAnalysis) {
    for (const client of analysis.clients) {
      const key = client.options && findPropertyOf(client.options, ['apiKey', 'api_key', 'authToken']);
      const value = unwrap(key?.value);
      if (value?.type === 'Identifier') this.clientKeyNames.add(value.name);
    }
  }

  /** A name or read that holds the key itself. */
  isKeyReference(node: Node | null | undefined, depth = 0): boolean {
    const current = unwrap(node);
    if (!current || depth > MAX_DEPTH) return false;
    switch (current.type) {
      case 'Identifier': {
        if (isDeepSeekKeyName(current.name) || this.clientKeyNames.has(current.name)) return true;
        const init = unwrap(this.analysis.declarationOf(current));
        // `const key = process.env.DEEPSEEK_API_KEY ?? ''`
        if (init?.type === 'LogicalExpression') return this.isKeyReference(init.left, depth + 1);
        return this.isKeyReference(init, depth + 1);
      }
      case 'MemberExpression': {
        const name = memberName(current);
        return name !== undefined && isDeepSeekKeyName(name);
      }
      case 'CallExpression': {
        const method = memberPath(current.callee)?.at(-1);
        const name = literalText(current.arguments[0]);
        return method !== undefined && ENV_GETTERS.has(method) && name !== undefined && isDeepSeekKeyName(name);
      }
      default:
        return false;
    }
  }

  /** Whether the key's text ends up in the value of `node`. */
  carriesKey(node: Node | null | undefined, depth = 0): boolean {
    const current = unwrap(node);
    if (!current || depth > MAX_DEPTH) return false;
    if (this.isKeyReference(current)) return true;
    const next = (child: Node | null | undefined): boolean => this.carriesKey(child, depth + 1);
    switch (current.type) {
      case 'TemplateLiteral':
        return current.expressions.some(next);
      case 'BinaryExpression':
        return current.operator === '+' && (next(current.left) || next(current.right));
      case 'LogicalExpression':
        return next(current.left) || next(current.right);
      case 'ConditionalExpression':
        return next(current.consequent) || next(current.alternate);
      case 'ObjectExpression':
        return current.properties.some((property) =>
          property.type === 'SpreadElement' ? next(property.argument) : next(property.value),
        );
      case 'ArrayExpression':
        return current.elements.some((element) => next(element?.type === 'SpreadElement' ? element.argument : element));
      case 'SpreadElement':
      case 'AwaitExpression':
        return next(current.argument);
      case 'Identifier': {
        // Objects, arrays and strings built from the key: headers, client options, 'Bearer ' + key.
        return next(this.analysis.declarationOf(current));
      }
      case 'NewExpression': {
        const name = memberPath(current.callee)?.join('.');
        return name === 'Headers' && next(current.arguments[0]);
      }
      case 'CallExpression': {
        const callee = memberPath(current.callee);
        if (callee && STRINGIFIERS.has(callee.join('.'))) return current.arguments.some(next);
        const method = callee?.at(-1);
        if (current.callee.type === 'MemberExpression' && method !== undefined && KEY_PRESERVING_METHODS.has(method)) {
          return next(current.callee.object) || current.arguments.some(next);
        }
        return false;
      }
      default:
        return false;
    }
  }
}

const instances = new WeakMap<DeepSeekAnalysis, KeyReferences>();

/** One `KeyReferences` per analysis (so per file), shared by the rules that ask. */
export function keyReferencesOf(analysis: DeepSeekAnalysis): KeyReferences {
  let references = instances.get(analysis);
  if (!references) instances.set(analysis, (references = new KeyReferences(analysis)));
  return references;
}
