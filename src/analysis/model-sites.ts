/**
 * Where a DeepSeek request names its model, read off the shared analysis:
 * the `model` of a request body (LangChain: `model` / `modelName` of the
 * constructor fields, or its first argument), and the argument of an AI SDK
 * model factory (`deepseek('…')`).
 */
import { type Surface, type ThinkingType, legacyModel } from '../deepseek';
import { type Node, type ObjectExpression, findPropertyOf, literalText, memberPath, unwrap } from './ast';
import type { DeepSeekAnalysis, RequestKind } from './requests';

export interface ModelSite {
  /** The expression that names the model. */
  readonly node: Node;
  /** The model ID when its text is fully known (a literal, or a same-file constant). */
  readonly id: string | undefined;
  /** The string literal that holds the ID, for fixes; undefined when the ID is built from parts. */
  readonly literal: Node | undefined;
  readonly kind: RequestKind;
  readonly surface: Surface;
  /** The destination is known to be DeepSeek, not guessed from names. */
  readonly confirmed: boolean;
  /** The objects holding the request's other parameters: the body, or the `generateText` options. */
  readonly requests: readonly ObjectExpression[];
}

/** A string literal (or expression-free template) whose whole text is a legacy model ID. */
export interface LegacyLiteral {
  readonly node: Node;
  readonly id: string;
  readonly thinking: ThinkingType;
}

export function legacyLiteralOf(node: Node): LegacyLiteral | undefined {
  if (node.type !== 'Literal' && node.type !== 'TemplateLiteral') return undefined;
  const text = literalText(node);
  const legacy = text === undefined ? undefined : legacyModel(text);
  return legacy ? { node, id: legacy.id, thinking: legacy.thinking } : undefined;
}

/**
 * `deepseek(…)` from @ai-sdk/deepseek, or a model of a provider made by `createDeepSeek(…)`:
 * the calls whose requests read `providerOptions.deepseek.thinking`.
 */
export function isDeepSeekProviderCall(analysis: DeepSeekAnalysis, call: Node): boolean {
  if (call.type !== 'CallExpression') return false;
  const root = memberPath(call.callee)?.[0];
  const client = analysis.clients.find((candidate) => candidate.binding === root);
  if (!client) return true; // the analysis only lists a bare call for @ai-sdk/deepseek's own `deepseek`
  return memberPath(client.node.callee)?.at(-1) === 'createDeepSeek';
}

const MODEL_PROPERTY_NAMES = ['model'];
const LANGCHAIN_MODEL_PROPERTY_NAMES = ['model', 'modelName'];

export function modelSitesOf(analysis: DeepSeekAnalysis): ModelSite[] {
  const sites: ModelSite[] = [];
  const seen = new Set<Node>();
  const add = (node: Node | undefined, site: Omit<ModelSite, 'node' | 'id' | 'literal'>): void => {
    if (!node || seen.has(node)) return;
    seen.add(node);
    const text = analysis.staticText(node);
    const resolved = analysis.resolve(node);
    const literal = resolved && isPlainString(resolved) ? resolved : undefined;
    sites.push({ node, id: text?.complete ? text.text : undefined, literal, ...site });
  };

  for (const body of analysis.bodies) {
    const names = body.kind === 'langchain' ? LANGCHAIN_MODEL_PROPERTY_NAMES : MODEL_PROPERTY_NAMES;
    const property = findPropertyOf(body.object, names);
    add(property?.value, { kind: body.kind, surface: body.surface, confirmed: body.confirmed, requests: [body.object] });
  }
  // `new ChatDeepSeek('deepseek-v4-flash', { temperature: 0 })`
  for (const client of analysis.clients) {
    const first = client.node.arguments[0];
    if (client.kind !== 'langchain' || !first || analysis.resolve(first)?.type === 'ObjectExpression') continue;
    const fields = analysis.resolve(client.node.arguments[1]);
    const requests = fields?.type === 'ObjectExpression' ? [fields] : [];
    add(first, { kind: 'langchain', surface: client.surface, confirmed: client.confirmed, requests });
  }
  for (const factory of analysis.modelFactories) {
    add(factory.modelArg, { kind: 'ai-sdk', surface: 'openai', confirmed: factory.confirmed, requests: factory.usedIn });
  }
  return sites;
}

function isPlainString(node: Node): boolean {
  const current = unwrap(node);
  return (
    (current?.type === 'Literal' && typeof current.value === 'string') ||
    (current?.type === 'TemplateLiteral' && current.expressions.length === 0)
  );
}
