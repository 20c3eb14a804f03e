/**
 * `lint` on Python files: the checks of this plugin's rules, for the Python SDKs and HTTP
 * clients, with the rules' own messages (read from each rule's `meta.messages`), reported
 * as ESLint LintResult objects with `deepseek/<rule>` rule IDs so that every formatter
 * (stylish, json, SARIF) prints them like the JavaScript results.
 *
 * - no-legacy-model-id: every retired ID the Python migration plans (src/python/migrate.ts):
 *   migratable, or why it needs review.
 * - no-unknown-model-id: a model ID that is not DeepSeek's in a request that surely goes to
 *   DeepSeek (a client or URL of this module, ChatDeepSeek, litellm's `deepseek/`).
 * - valid-authorization-header: `Authorization` values that are not exactly `Bearer <key>`.
 * - no-non-bearer-auth: keys in `X-API-Key`/`api-key`-style headers or in the query string.
 * - valid-base-url: client base URLs and request URLs that cannot work.
 * Hardcoded keys are the text scan's (no-hardcoded-api-key), not repeated here.
 */
import type { ESLint, Linter } from 'eslint';
import {
  ANTHROPIC_MAPPED_MODEL_PATTERN,
  AUTHORIZATION_HEADER,
  type CurrentModelId,
  DEFAULT_TARGET_MODEL,
  KEY_QUERY_PARAM_PATTERN,
  KNOWN_MODEL_IDS,
  LEGACY_MODEL_TEXT_PATTERN,
  NON_BEARER_KEY_HEADER_PATTERN,
  type Surface,
  isDeepSeekKeyName,
  isDeepSeekUrl,
  isKeyHeaderAllowed,
  legacyModel,
  mayHoldDeepSeekHost,
  parseUrlPrefix,
  redactKeysIn,
  sameHeaderName,
  surfaceOfUrl,
} from '../deepseek';
import { UNKNOWN_EXPRESSION, nameLooksLikeKey } from '../analysis/header-value';
import { rules } from '../../rules/index';
import { checkAuthorizationValue } from '../../rules/valid-authorization-header';
import { type ClientShape, type UrlProblem, baseUrlProblems, requestUrlProblems } from '../../rules/valid-base-url';
import { type PyNode, parsePython } from './parser';
import { PythonModule, callName, keywordArgument, stringKey, stringValue } from './module';
import { planPython } from './migrate';
import { CLIENT_CONSTRUCTORS, ENV_READ, type RequestKind, receiverConstructor, requestKind, requestUrl, requestUrlNode } from './requests';

type RuleName = keyof typeof rules;

export interface PythonLintOptions {
  readonly targetModel?: CurrentModelId;
  readonly extraHosts?: readonly string[];
}

/** Whether a Python file is worth parsing for the lint: it mentions DeepSeek's host (or a look-alike) or a retired ID. */
export function pythonMayTalkToDeepSeek(text: string): boolean {
  return mayHoldDeepSeekHost(text) || LEGACY_MODEL_TEXT_PATTERN.test(text);
}

/** Lint one Python file (the parser must be loaded: loadPythonParser). */
export function lintPythonSource(source: string, filePath: string, options: PythonLintOptions = {}): ESLint.LintResult {
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  if (!pythonMayTalkToDeepSeek(text)) return resultOf(filePath, []);
  let tree;
  try {
    tree = parsePython(text);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const loc = (error as SyntaxError & { loc?: { line: number; column: number } }).loc ?? { line: 1, column: 0 };
    return resultOf(filePath, [{ ruleId: null, fatal: true, severity: 2, message: `Parsing error: ${error.message}`, line: loc.line, column: loc.column + 1 }]);
  }
  try {
    const module = new PythonModule(tree.rootNode, text);
    const messages = new PythonLinter(module, options).run();
    const disabled = disableComments(module);
    const isDisabled = (message: Linter.LintMessage) => disabled.some((comment) => comment.line === message.line && comment.covers(message.ruleId));
    return resultOf(
      filePath,
      messages.filter((message) => !isDisabled(message)),
      messages.filter(isDisabled).map((message) => ({ ...message, suppressions: [{ kind: 'directive', justification: '' }] })),
    );
  } finally {
    tree.delete();
  }
}

/**
 * `# eslint-disable-line deepseek/<rule>` and `# eslint-disable-next-line deepseek/<rule>`
 * (no rule: all of them), as in JavaScript: a reviewer can see and audit each one.
 */
function disableComments(module: PythonModule): Array<{ line: number; covers: (ruleId: string | null) => boolean }> {
  const found: Array<{ line: number; covers: (ruleId: string | null) => boolean }> = [];
  for (const comment of module.root.descendantsOfType('comment')) {
    const match = comment && /^#\s*eslint-disable-(next-)?line(?:\s+(.*?))?(?:\s+--\s.*)?\s*$/.exec(comment.text);
    if (!comment || !match) continue;
    const ruleIds = (match[2] ?? '').split(',').map((rule) => rule.trim()).filter(Boolean);
    found.push({
      line: comment.startPosition.row + 1 + (match[1] ? 1 : 0),
      covers: (ruleId) => ruleId !== null && (ruleIds.length === 0 || ruleIds.includes(ruleId)),
    });
  }
  return found;
}

function resultOf(filePath: string, messages: Linter.LintMessage[], suppressed: Linter.SuppressedLintMessage[] = []): ESLint.LintResult {
  messages.sort((a, b) => a.line - b.line || a.column - b.column);
  const errors = messages.filter((message) => message.severity === 2).length;
  return {
    filePath,
    messages,
    suppressedMessages: suppressed,
    errorCount: errors,
    fatalErrorCount: messages.filter((message) => message.fatal).length,
    warningCount: messages.length - errors,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
}

/** A rule's message with its `{{data}}` filled in, keys redacted. */
export function ruleMessage(rule: RuleName, messageId: string, data: Record<string, string> = {}): string {
  const messages = rules[rule].meta.messages as Record<string, string>;
  const template = messages[messageId];
  if (template === undefined) throw new Error(`deepseek/${rule} has no message ${messageId}`);
  return redactKeysIn(template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => data[name] ?? whole));
}

class PythonLinter {
  private readonly messages: Linter.LintMessage[] = [];
  private readonly extraHosts: readonly string[];

  constructor(
    private readonly module: PythonModule,
    private readonly options: PythonLintOptions,
  ) {
    this.extraHosts = options.extraHosts ?? [];
  }

  run(): Linter.LintMessage[] {
    this.legacyModels();
    for (const call of this.module.root.descendantsOfType('call')) {
      if (!call) continue;
      const client = CLIENT_CONSTRUCTORS.find((constructor) => constructor.name.test(callName(call) ?? ''));
      if (client) this.client(call, client);
      const kind = requestKind(this.module, call);
      if (kind === 'http') this.httpRequest(call);
      else if (kind) this.sdkRequest(call, kind);
    }
    return this.messages;
  }

  private report(rule: RuleName, node: PyNode, messageId: string, data: Record<string, string> = {}): void {
    this.messages.push({
      ruleId: `deepseek/${rule}`,
      messageId,
      severity: 2,
      message: ruleMessage(rule, messageId, data),
      line: node.startPosition.row + 1,
      column: node.startPosition.column + 1,
      endLine: node.endPosition.row + 1,
      endColumn: node.endPosition.column + 1,
    });
  }

  private legacyModels(): void {
    if (!LEGACY_MODEL_TEXT_PATTERN.test(this.module.source)) return;
    const target = this.options.targetModel ?? DEFAULT_TARGET_MODEL;
    for (const site of planPython(this.module, target)) {
      const data = { id: site.literal.id, target: site.literal.prefix + target, thinking: site.literal.thinking };
      if (site.review) this.report('no-legacy-model-id', site.literal.node, 'legacyModelReview', { ...data, reason: site.review.reason });
      else if (site.edits && site.edits.length > 0) this.report('no-legacy-model-id', site.literal.node, 'legacyModel', data);
    }
  }

  // -------------------------------------------------------------------------
  // Clients: base URL, default headers and query
  // -------------------------------------------------------------------------

  private client(call: PyNode, client: (typeof CLIENT_CONSTRUCTORS)[number]): void {
    const args = call.childForFieldName('arguments');
    if (args?.type !== 'argument_list') return;
    const baseUrl = client.baseUrlKeywords.map((name) => keywordArgument(args, name)?.childForFieldName('value')).find(Boolean);
    const url = baseUrl ? this.module.staticText(baseUrl) : undefined;
    if (baseUrl && url) this.urlProblems(baseUrl, baseUrlProblems(url.text, client.surface as ClientShape, this.extraHosts));
    // ChatDeepSeek talks to DeepSeek without a base URL.
    const deepseek = url ? isDeepSeekUrl(url.text, this.extraHosts) : /ChatDeepSeek$/.test(callName(call) ?? '');
    if (!deepseek) return;
    const surface = url ? surfaceOfUrl(url.text) : 'openai';
    this.headers(keywordArgument(args, 'default_headers')?.childForFieldName('value'), surface);
    this.queryDict(keywordArgument(args, 'default_query')?.childForFieldName('value'));
  }

  private urlProblems(node: PyNode, problems: readonly UrlProblem[]): void {
    for (const problem of problems) this.report('valid-base-url', node, problem.messageId, problem.data);
  }

  // -------------------------------------------------------------------------
  // Requests
  // -------------------------------------------------------------------------

  private httpRequest(call: PyNode): void {
    const urlNode = requestUrlNode(call);
    const url = urlNode ? requestUrl(this.module, call) : undefined;
    if (!urlNode || !url) return;
    this.urlProblems(urlNode, requestUrlProblems(url.text, this.extraHosts));
    if (!isDeepSeekUrl(url.text, this.extraHosts)) return;
    const surface = surfaceOfUrl(url.text);
    const args = call.childForFieldName('arguments')!;
    this.headers(keywordArgument(args, 'headers')?.childForFieldName('value'), surface);
    this.queryDict(keywordArgument(args, 'params')?.childForFieldName('value'));
    const query = parseUrlPrefix(url.text)?.query ?? '';
    for (const [param] of new URLSearchParams(query.slice(1))) {
      if (KEY_QUERY_PARAM_PATTERN.test(param)) this.report('no-non-bearer-auth', urlNode, 'keyInQuery', { param });
    }
    const body = this.bodyDict(keywordArgument(args, 'json')?.childForFieldName('value'));
    if (body) this.modelOf(body, surface);
  }

  /** An SDK call: its model is checked when the module shows it goes to DeepSeek. */
  private sdkRequest(call: PyNode, kind: Exclude<RequestKind, 'http'>): void {
    const args = call.childForFieldName('arguments');
    if (args?.type !== 'argument_list') return;
    const model = keywordArgument(args, 'model') ?? keywordArgument(args, 'model_name');
    const value = model?.childForFieldName('value');
    if (!value) return;
    const id = this.module.staticText(value);
    if (!id?.complete) return;
    const surface = kind === 'anthropic' ? 'anthropic' : 'openai';
    if (kind === 'litellm') {
      if (id.text.startsWith('deepseek/')) this.checkModelId(value, id.text.slice('deepseek/'.length), surface);
      return;
    }
    if (this.goesToDeepSeek(call, kind)) this.checkModelId(value, id.text, surface);
  }

  /** ChatDeepSeek, or a client (or LangChain model) constructed in this module with a DeepSeek base URL. */
  private goesToDeepSeek(call: PyNode, kind: RequestKind): boolean {
    const constructor = kind === 'langchain' ? call : receiverConstructor(this.module, call);
    if (!constructor) return false;
    const name = callName(constructor) ?? '';
    const client = CLIENT_CONSTRUCTORS.find((candidate) => candidate.name.test(name));
    if (!client) return false;
    if (/ChatDeepSeek$/.test(name)) return true;
    const args = constructor.childForFieldName('arguments');
    const baseUrl = args && client.baseUrlKeywords.map((keyword) => keywordArgument(args, keyword)?.childForFieldName('value')).find(Boolean);
    const url = baseUrl ? this.module.staticText(baseUrl) : undefined;
    return url !== undefined && isDeepSeekUrl(url.text, this.extraHosts);
  }

  private checkModelId(node: PyNode, id: string, surface: Surface): void {
    if (KNOWN_MODEL_IDS.includes(id) || legacyModel(id)) return;
    if (surface === 'anthropic' && ANTHROPIC_MAPPED_MODEL_PATTERN.test(id)) return;
    this.report('no-unknown-model-id', node, 'unknownModel', { id, known: KNOWN_MODEL_IDS.join(', ') });
  }

  /** The dict literal of a `json=` value: written there, or assigned once to the name. */
  private bodyDict(value: PyNode | null | undefined): PyNode | undefined {
    if (value?.type === 'dictionary') return value;
    if (value?.type === 'identifier') return this.module.dictAssignedTo(value);
    return undefined;
  }

  private modelOf(body: PyNode, surface: Surface): void {
    const pair = body.namedChildren.find((child): child is PyNode => child?.type === 'pair' && stringKey(child) === 'model');
    const value = pair?.childForFieldName('value');
    const id = value ? this.module.staticText(value) : undefined;
    if (value && id?.complete) this.checkModelId(value, id.text, surface);
  }

  // -------------------------------------------------------------------------
  // Headers and query
  // -------------------------------------------------------------------------

  private headers(value: PyNode | null | undefined, surface: Surface): void {
    const dict = this.bodyDict(value);
    if (!dict) return;
    for (const pair of dict.namedChildren) {
      if (pair?.type !== 'pair') continue;
      const name = stringKey(pair);
      const headerValue = pair.childForFieldName('value');
      if (name === undefined || !headerValue) continue;
      if (sameHeaderName(name, AUTHORIZATION_HEADER)) this.authorization(headerValue);
      else if (NON_BEARER_KEY_HEADER_PATTERN.test(name) && !isKeyHeaderAllowed(name, surface)) {
        this.report('no-non-bearer-auth', pair.childForFieldName('key')!, 'keyHeader', { header: name });
      }
    }
  }

  private queryDict(value: PyNode | null | undefined): void {
    const dict = this.bodyDict(value);
    for (const pair of dict?.namedChildren ?? []) {
      const param = pair?.type === 'pair' ? stringKey(pair) : undefined;
      if (pair && param !== undefined && KEY_QUERY_PARAM_PATTERN.test(param)) this.report('no-non-bearer-auth', pair, 'keyInQuery', { param });
    }
  }

  private authorization(value: PyNode): void {
    const read = this.readValue(value);
    const keyAt = (offset: number) => read.unknown.some((part) => part.offset === offset && this.holdsKey(part.node));
    for (const problem of checkAuthorizationValue(read.text, keyAt, false)) {
      this.report('valid-authorization-header', value, problem.messageId, problem.data as Record<string, string> | undefined);
    }
  }

  /** A bare key: by its name, or by the value a name is bound to. */
  private holdsKey(node: PyNode): boolean {
    if (looksLikeKey(node)) return true;
    const value = node.type === 'identifier' || node.type === 'attribute' ? this.module.valueOf(node) : undefined;
    return value !== undefined && looksLikeKey(value);
  }

  /** A header value's text, with UNKNOWN_EXPRESSION for each part the module does not spell out. */
  private readValue(node: PyNode, depth = 0): { text: string; unknown: Array<{ offset: number; node: PyNode }> } {
    const opaque = { text: UNKNOWN_EXPRESSION, unknown: [{ offset: 0, node }] };
    if (depth > 8) return opaque;
    if (node.type === 'string') {
      let text = '';
      const unknown: Array<{ offset: number; node: PyNode }> = [];
      for (const part of node.children) {
        if (!part || part.type === 'string_start' || part.type === 'string_end') continue;
        if (part.type !== 'interpolation') {
          text += part.type === 'escape_sequence' ? unescape(part.text) : part.text;
          continue;
        }
        const expression = part.childForFieldName('expression');
        const known = expression ? this.module.staticText(expression) : undefined;
        if (known?.complete) text += known.text;
        else {
          unknown.push({ offset: text.length, node: expression ?? part });
          text += UNKNOWN_EXPRESSION;
        }
      }
      return { text, unknown };
    }
    if (node.type === 'binary_operator' && node.childForFieldName('operator')?.text === '+') {
      const left = this.readValue(node.childForFieldName('left')!, depth + 1);
      const right = this.readValue(node.childForFieldName('right')!, depth + 1);
      return { text: left.text + right.text, unknown: [...left.unknown, ...right.unknown.map((part) => ({ ...part, offset: part.offset + left.text.length }))] };
    }
    const known = this.module.staticText(node);
    if (known?.complete) return { text: known.text, unknown: [] };
    return opaque;
  }
}

function unescape(sequence: string): string {
  const simple: Record<string, string> = { '\\n': '\n', '\\t': '\t', '\\r': '\r', '\\\\': '\\', "\\'": "'", '\\"': '"' };
  return simple[sequence] ?? sequence;
}

/** An expression that evidently holds a bare key: `api_key`, `os.environ["DEEPSEEK_API_KEY"]`, `os.getenv("DEEPSEEK_API_KEY")`, `settings.deepseek_api_key`. */
function looksLikeKey(node: PyNode): boolean {
  if (node.type === 'identifier') return nameLooksLikeKey(node.text) || isDeepSeekKeyName(node.text);
  if (node.type === 'attribute') {
    const name = node.childForFieldName('attribute')?.text ?? '';
    return nameLooksLikeKey(name) || isDeepSeekKeyName(name);
  }
  const envName = node.type === 'subscript' && node.childForFieldName('value')?.text === 'os.environ' ? node.childForFieldName('subscript') : undefined;
  const envCall = node.type === 'call' && ENV_READ.test(callName(node) ?? '') ? node.childForFieldName('arguments')?.namedChildren[0] : undefined;
  const name = envName ?? envCall;
  const text = name ? stringValue(name) : undefined;
  return text !== undefined && (nameLooksLikeKey(text) || isDeepSeekKeyName(text));
}
