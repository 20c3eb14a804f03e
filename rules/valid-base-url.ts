/**
 * A DeepSeek base URL or request URL that cannot work: plain `http://`, a host
 * that only looks like api.deepseek.com, an endpoint path the SDK appends again,
 * or the wrong surface for the SDK (`/anthropic` on an OpenAI-shape client, no
 * `/anthropic` on the Anthropic SDK).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/create-rule';
import {
  API_HOST,
  API_ORIGIN,
  BASE_URL_PROPERTY_NAMES,
  BASE_URLS,
  ENDPOINT_PATH_PATTERN,
  type ParsedApiUrl,
  isDeepSeekHost,
  looksLikeDeepSeekHost,
  mayHoldDeepSeekHost,
  parseUrlPrefix,
} from '../src/deepseek';
import { type Node, memberPath, propertyKeyName, unwrap } from '../src/analysis/ast';
import { type ClientSite, type DeepSeekAnalysis, HTTP_FUNCTIONS } from '../src/analysis/requests';
import { type HostOptions, analysisFor, extraHostsOf, hostOnlyOptions, fileMayTalkToDeepSeek } from '../src/rule-analysis';
import { replaceStringLiteral } from '../src/fix-text';

type Options = [HostOptions];
type MessageIds =
  | 'insecureScheme'
  | 'lookalikeHost'
  | 'endpointInBaseUrl'
  | 'anthropicPathOnOpenAiClient'
  | 'missingAnthropicPath'
  | 'unknownPath'
  | 'useUrl';

const ANTHROPIC_BASE_URL = `${API_ORIGIN}/anthropic`;

/** Which request format a client speaks, so which DeepSeek base URL it needs. */
export type ClientShape = 'openai' | 'anthropic' | 'unknown';

/** The SDK clients that append the endpoint path to `baseURL` themselves, by the base URL they need. */
function shapeOf(client: ClientSite): ClientShape {
  const name = memberPath(client.node.callee)?.at(-1) ?? '';
  switch (client.kind) {
    case 'openai-sdk':
      return 'openai';
    case 'anthropic-sdk':
      return 'anthropic';
    case 'langchain':
      return name === 'ChatDeepSeek' || name === 'ChatOpenAI' ? 'openai' : 'unknown';
    case 'ai-sdk':
      // @ai-sdk/anthropic wants `/anthropic/v1`: not one of ours to judge.
      return ['createDeepSeek', 'createOpenAI', 'createOpenAICompatible'].includes(name) ? 'openai' : 'unknown';
    default:
      return 'unknown';
  }
}

export default createRule<Options, MessageIds>({
  name: 'valid-base-url',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require DeepSeek base URLs and request URLs that reach the API',
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      insecureScheme: "'{{url}}' uses http://; the DeepSeek API is served over https:// only, and the key would travel in clear text.",
      lookalikeHost: "'{{host}}' is not DeepSeek's API host ({{apiHost}}). If it is your gateway, add it to extraHosts.",
      endpointInBaseUrl: "The base URL '{{url}}' ends in the endpoint path '{{path}}'; the SDK appends it again. Use '{{fixed}}'.",
      anthropicPathOnOpenAiClient: "'{{url}}' is DeepSeek's Anthropic-format endpoint; this client speaks the OpenAI format, which is served at {{expected}}.",
      missingAnthropicPath: "The Anthropic SDK needs DeepSeek's Anthropic-format base URL {{expected}}, not '{{url}}'.",
      unknownPath: "'{{url}}' is not a DeepSeek base URL; use {{expected}}.",
      useUrl: "Use '{{url}}'.",
    },
    schema: hostOnlyOptions.schema,
    defaultOptions: hostOnlyOptions.defaults(),
  },
  defaultOptions: hostOnlyOptions.defaults(),
  create(context, [options]) {
    // Neither DeepSeek, a listed host, nor a look-alike host can be in the text: no listeners at all.
    if (!fileMayTalkToDeepSeek(context, options) && !mayHoldDeepSeekHost(context.sourceCode.text)) return {};
    let analysis: DeepSeekAnalysis | undefined;
    let extraHosts: readonly string[] = [];
    const checked = new Set<Node>();

    /** The URL text of an expression, and the literal to rewrite when the whole URL is written in one. */
    function urlOf(node: Node): { text: string; parsed: ParsedApiUrl; literal: Node | undefined } | undefined {
      const text = analysis!.staticText(node);
      const parsed = text && parseUrlPrefix(text.text);
      if (!text || !parsed) return undefined;
      const resolved = analysis!.resolve(node);
      const plain = resolved && (resolved.type === 'Literal' || (resolved.type === 'TemplateLiteral' && resolved.expressions.length === 0));
      return { text: text.text, parsed, literal: plain && text.complete ? resolved : undefined };
    }

    function report(node: Node, messageId: MessageIds, data: Record<string, string>, replacement: { literal: Node | undefined; url: string; certain: boolean }): void {
      const { literal, url, certain } = replacement;
      const fix = literal ? (fixer: TSESLint.RuleFixer) => replaceStringLiteral(fixer, literal, url) : undefined;
      context.report({
        node,
        messageId,
        data,
        fix: certain ? fix : undefined,
        suggest: !certain && fix ? [{ messageId: 'useUrl', data: { url }, fix }] : [],
      });
    }

    function reportAll(node: Node, url: NonNullable<ReturnType<typeof urlOf>>, problems: readonly UrlProblem[]): void {
      for (const problem of problems) report(node, problem.messageId, problem.data, { literal: url.literal, url: problem.url, certain: problem.certain });
    }

    function checkBaseUrl(node: Node, shape: ClientShape | undefined): void {
      if (checked.has(node)) return;
      checked.add(node);
      const url = urlOf(node);
      if (url) reportAll(node, url, baseUrlProblems(url.text, shape, extraHosts));
    }

    /** `fetch('http://api.deepseek.com/…')`, `axios.post('https://api.deepseek.ai/…')`. */
    function checkRequestUrl(node: Node): void {
      if (checked.has(node)) return;
      checked.add(node);
      const url = urlOf(node);
      if (url) reportAll(node, url, requestUrlProblems(url.text, extraHosts));
    }

    return {
      Program() {
        analysis = analysisFor(context, options);
        extraHosts = extraHostsOf(context, options);
        for (const client of analysis.clients) {
          if (client.baseUrl) checkBaseUrl(client.baseUrl, client.kind === 'http-client' ? undefined : shapeOf(client));
        }
      },
      // Base URLs the analysis does not count as DeepSeek's: look-alike hosts, option objects of other libraries.
      Property(node: TSESTree.Property) {
        const name = propertyKeyName(node);
        if (name !== undefined && (BASE_URL_PROPERTY_NAMES as readonly string[]).includes(name)) checkBaseUrl(node.value, undefined);
      },
      'CallExpression, NewExpression'(node: TSESTree.CallExpression | TSESTree.NewExpression) {
        const path = memberPath(node.callee);
        if (!path || node.arguments.length === 0) return;
        const root = ['window', 'globalThis', 'self'].includes(path[0]) ? path.slice(1) : path;
        const isRequest = node.type === 'NewExpression' ? root.join('.') === 'Request' : HTTP_FUNCTIONS.has(root[0] ?? '');
        const first = unwrap(node.arguments[0]);
        if (isRequest && first && first.type !== 'ObjectExpression') checkRequestUrl(first);
      },
    };
  },
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What is wrong with a URL: a message, its data, the URL to use instead and whether that replacement is certain. */
export interface UrlProblem {
  readonly messageId: Exclude<MessageIds, 'useUrl'>;
  readonly data: Record<string, string>;
  readonly url: string;
  readonly certain: boolean;
}

/**
 * Scheme and host: every URL on or imitating DeepSeek's host. `deepseek` is false when
 * the URL is not DeepSeek's at all, or its host is a look-alike (nothing more to say).
 */
function originProblems(text: string, parsed: ParsedApiUrl, extraHosts: readonly string[], lookalikeReplacement: string): { problems: UrlProblem[]; deepseek: boolean } {
  if (looksLikeDeepSeekHost(parsed.host, extraHosts)) {
    return { problems: [{ messageId: 'lookalikeHost', data: { host: parsed.host, apiHost: API_HOST }, url: lookalikeReplacement, certain: false }], deepseek: false };
  }
  if (!isDeepSeekHost(parsed.host, extraHosts)) return { problems: [], deepseek: false };
  // A listed gateway may well be plain http inside a private network.
  const insecure = parsed.scheme === 'http' && parsed.host === API_HOST;
  return {
    problems: insecure ? [{ messageId: 'insecureScheme', data: { url: text }, url: text.replace(/^(\s*)http:/i, '$1https:'), certain: true }] : [],
    deepseek: true,
  };
}

/**
 * The problems of a client's base URL (`shape`: the request format the client speaks;
 * undefined or 'unknown' checks only the scheme and host). Shared by this rule and the
 * Python lint (src/python/lint.ts).
 */
export function baseUrlProblems(text: string, shape: ClientShape | undefined, extraHosts: readonly string[]): UrlProblem[] {
  const parsed = parseUrlPrefix(text);
  if (!parsed) return [];
  const surfaceBase = shape === 'anthropic' || /\/anthropic(?:\/|$)/i.test(parsed.path) ? ANTHROPIC_BASE_URL : API_ORIGIN;
  const origin = originProblems(text, parsed, extraHosts, surfaceBase);
  if (!origin.deepseek || shape === undefined || shape === 'unknown') return origin.problems;
  const problems = origin.problems;
  const https = text.replace(/^(\s*)http:/i, '$1https:');
  const endpoint = ENDPOINT_PATH_PATTERN.exec(parsed.path);
  if (endpoint && !parsed.query) {
    const fixed = https.trim().slice(0, https.trim().length - endpoint[0].length);
    return [...problems, { messageId: 'endpointInBaseUrl', data: { url: text, path: endpoint[0], fixed }, url: fixed, certain: true }];
  }
  if (parsed.host !== API_HOST) return problems;
  const path = parsed.path.replace(/\/+$/, '');
  const onAnthropic = /^\/anthropic$/i.test(path);
  if (shape === 'anthropic' && !onAnthropic) {
    // Certain only from the two OpenAI-format bases: nothing else is meant there.
    const certain = path === '' || path === '/v1';
    problems.push({ messageId: 'missingAnthropicPath', data: { url: text, expected: ANTHROPIC_BASE_URL }, url: ANTHROPIC_BASE_URL, certain });
  } else if (shape === 'openai' && onAnthropic) {
    // The user may have meant the Anthropic SDK instead: a suggestion, not a fix.
    problems.push({ messageId: 'anthropicPathOnOpenAiClient', data: { url: text, expected: API_ORIGIN }, url: API_ORIGIN, certain: false });
  } else if (!Object.hasOwn(BASE_URLS, `${API_ORIGIN}${path}`)) {
    problems.push({ messageId: 'unknownPath', data: { url: text, expected: surfaceBase }, url: surfaceBase, certain: false });
  }
  return problems;
}

/** The problems of a request URL (`fetch(url)`, `requests.post(url)`): its scheme and host. */
export function requestUrlProblems(text: string, extraHosts: readonly string[]): UrlProblem[] {
  const parsed = parseUrlPrefix(text);
  if (!parsed) return [];
  const origin = new RegExp(`^\\s*[a-z][a-z0-9+.-]*://${escapeRegExp(parsed.host)}(?::\\d+)?`, 'i');
  return originProblems(text, parsed, extraHosts, text.replace(origin, API_ORIGIN)).problems;
}
