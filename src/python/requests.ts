/**
 * Which calls of a Python module are DeepSeek requests, and where they go: shared by the
 * migration (src/python/migrate.ts) and the lint (src/python/lint.ts), as
 * src/analysis/requests.ts is for JavaScript.
 */
import { type Surface, isDeepSeekUrl, surfaceOfUrl } from '../deepseek';
import type { PyNode } from './parser';
import { type PythonModule, type StaticText, callName, keywordArgument } from './module';

export type RequestKind = 'openai' | 'anthropic' | 'langchain' | 'litellm' | 'http';

const OPENAI_CREATE = /(?:^|\.)chat\.completions\.(?:with_raw_response\.|with_streaming_response\.)?(?:create|parse|stream)$/;
const ANTHROPIC_CREATE = /(?:^|\.)messages\.(?:with_raw_response\.|with_streaming_response\.)?(?:create|stream)$/;
const LANGCHAIN_CHAT = /(?:^|\.)(?:ChatDeepSeek|ChatOpenAI)$/;
const LITELLM_CALL = /^(?:litellm\.)?a?completion$/;
const HTTP_SEND = /(?:^|\.)(?:post|put|patch|get|request)$/;
/** `os.getenv(…)`, `os.environ.get(…)`. */
export const ENV_READ = /^(?:os\.)?(?:getenv|environ\.get)$/;
/** Keywords of an HTTP call that carry a body as text (`data=json.dumps(body)`). */
export const TEXT_BODY_KEYWORDS = ['data', 'content', 'body'];

/** The SDK clients, by the request format they speak; their base URL keywords. */
export const CLIENT_CONSTRUCTORS: ReadonlyArray<{ readonly name: RegExp; readonly surface: Surface; readonly baseUrlKeywords: readonly string[] }> = [
  { name: /(?:^|\.)(?:Async)?OpenAI$/, surface: 'openai', baseUrlKeywords: ['base_url'] },
  { name: /(?:^|\.)(?:Async)?Anthropic$/, surface: 'anthropic', baseUrlKeywords: ['base_url'] },
  { name: /(?:^|\.)ChatOpenAI$/, surface: 'openai', baseUrlKeywords: ['base_url', 'openai_api_base'] },
  { name: /(?:^|\.)ChatDeepSeek$/, surface: 'openai', baseUrlKeywords: ['api_base', 'base_url'] },
];

export function requestKind(module: PythonModule, call: PyNode): RequestKind | undefined {
  const name = callName(call);
  if (name === undefined) return undefined;
  if (OPENAI_CREATE.test(name)) return 'openai';
  if (ANTHROPIC_CREATE.test(name)) return 'anthropic';
  if (LANGCHAIN_CHAT.test(name)) return 'langchain';
  if (LITELLM_CALL.test(name) && (name.startsWith('litellm.') || module.importsFrom('litellm', name))) return 'litellm';
  if (HTTP_SEND.test(name)) return 'http';
  return undefined;
}

/** The URL of `requests.post(url, …)`, `session.request("POST", url, …)`, `url=`. */
export function requestUrlNode(call: PyNode): PyNode | undefined {
  const args = call.childForFieldName('arguments');
  if (!args) return undefined;
  const keyword = keywordArgument(args, 'url');
  if (keyword) return keyword.childForFieldName('value') ?? undefined;
  const positional = args.namedChildren.filter((child) => child && child.type !== 'keyword_argument' && child.type !== 'comment');
  return positional[/(?:^|\.)request$/.test(callName(call) ?? '') ? 1 : 0] ?? undefined;
}

/** HTTP clients that take a base URL for the paths of their requests. */
const HTTP_CLIENT_CONSTRUCTOR = /(?:^|\.)(?:httpx\.(?:Async)?Client|(?:Async)?Client|ClientSession)$/;

/** The request's URL; a path (`http.post("/chat/completions")`) is joined to its client's `base_url`. */
export function requestUrl(module: PythonModule, call: PyNode): StaticText | undefined {
  const node = requestUrlNode(call);
  const url = node ? module.staticText(node) : undefined;
  if (!url?.text.startsWith('/')) return url;
  const client = receiverConstructor(module, call);
  const args = client && HTTP_CLIENT_CONSTRUCTOR.test(callName(client) ?? '') ? client.childForFieldName('arguments') : undefined;
  const baseNode = args ? keywordArgument(args, 'base_url')?.childForFieldName('value') : undefined;
  const base = baseNode ? module.staticText(baseNode) : undefined;
  return base?.complete ? { text: base.text.replace(/\/+$/, '') + url.text, complete: url.complete } : url;
}

/** `client.chat.completions.create(…)` → the `OpenAI(…)` call `client` (or `self.client`) was bound to once; `OpenAI(…).chat…` → that call. */
export function receiverConstructor(module: PythonModule, call: PyNode): PyNode | undefined {
  let receiver = call.childForFieldName('function');
  while (receiver?.type === 'attribute') {
    const object: PyNode | null = receiver.childForFieldName('object');
    if (object?.type === 'identifier' || (object?.type === 'attribute' && object.childForFieldName('object')?.text === 'self')) {
      const value = module.valueOf(object);
      return value?.type === 'call' ? value : undefined;
    }
    if (object?.type === 'call') return object;
    receiver = object;
  }
  return undefined;
}

/** An HTTP call whose URL this module shows is DeepSeek's, and the surface it addresses. */
export function deepSeekHttpSurface(module: PythonModule, call: PyNode, extraHosts: readonly string[] = []): Surface | undefined {
  const url = requestUrl(module, call);
  return url && isDeepSeekUrl(url.text, extraHosts) ? surfaceOfUrl(url.text) : undefined;
}

/** Whether the module shows where its SDK requests go: a DeepSeek URL, a DEEPSEEK_* variable, ChatDeepSeek. */
export function showsDeepSeek(module: PythonModule): boolean {
  return /DEEPSEEK_|ChatDeepSeek|langchain_deepseek/.test(module.source) || module.strings().some((node) => isDeepSeekUrl(module.staticText(node)?.text ?? ''));
}
