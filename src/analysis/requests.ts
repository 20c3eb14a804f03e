/**
 * "Does this code talk to DeepSeek?": one analysis per file, shared by every
 * rule and by the migration codemod.
 *
 * It recognises a DeepSeek request the way a reader would:
 * - a URL (literal, template, concatenation or same-file constant) on api.deepseek.com
 *   or on a host the user lists (proxies, gateways);
 * - a client built with a DeepSeek base URL (openai, Anthropic SDK, `@ai-sdk/deepseek`,
 *   `createOpenAI`, LangChain `ChatDeepSeek` / `ChatOpenAI`, axios/got/ky instances);
 * - a key read from a variable or env var named like `DEEPSEEK_*`.
 *
 * From those it lists what the rules check: the headers written on DeepSeek
 * requests (object literals, `new Headers()`, `.set()`/`.append()`, objects filled
 * in step by step in the same function), keys in query strings, request bodies
 * and AI SDK model factories.
 */
import {
  BASE_URL_PROPERTY_NAMES,
  DEEPSEEK_NAME_PATTERN,
  KEY_QUERY_PARAM_PATTERN,
  SDK_PACKAGES,
  type Surface,
  isDeepSeekUrl,
  parseUrlPrefix,
  surfaceOfUrl,
} from '../deepseek';
import {
  type CallLike,
  type Node,
  type ObjectExpression,
  findProperty,
  findParent,
  findPropertyOf,
  isFunctionNode,
  literalText,
  memberName,
  memberPath,
  propertyKeyName,
  unwrap,
  walk,
} from './ast';
import { type LegacyLiteral, legacyLiteralOf } from './model-sites';
import { type Declaration, type DeclarationKind, ScopeIndex, patternBindings } from './scopes';

export interface AnalysisOptions {
  /** Hosts besides api.deepseek.com that reach DeepSeek (proxies, gateways). */
  readonly extraHosts?: readonly string[];
  /**
   * What the file's imports are, learnt from the modules they come from (src/analysis/project.ts,
   * the codemod only: a rule sees one file): local name → fact.
   */
  readonly imported?: ReadonlyMap<string, ImportedFact>;
}

/** What an imported name is, as the project-wide index learnt it from its module. */
export type ImportedFact =
  /** A DeepSeek client or AI SDK provider made in another module (`export const deepseek = new OpenAI({ baseURL })`). */
  | { readonly kind: 'client'; readonly client: ClientKind; readonly surface: Surface; readonly confirmed: boolean; readonly axios?: boolean; readonly from: string }
  /** Client options pointing at DeepSeek (`export const DEEPSEEK_CONFIG = { baseURL: 'https://api.deepseek.com' }`). */
  | { readonly kind: 'client-options'; readonly surface: Surface; readonly confirmed: boolean; readonly from: string }
  /** A module-level `const` holding a legacy model ID (`export const MODEL = 'deepseek-chat'`), declared at `from`:`line`. */
  | {
      readonly kind: 'model-id';
      readonly id: string;
      readonly name: string;
      readonly from: string;
      readonly line: number;
      /** `export const chat = deepseek('deepseek-chat')`: an AI SDK model, whose calls take `providerOptions`. */
      readonly aiSdkModel?: boolean;
    };

/** The client kinds a binding can hold. */
export type ClientKind = RequestKind | 'http-client';

/** Who builds the request: decides where the body lives and which thinking-flag form an SDK accepts. */
export type RequestKind = 'openai-sdk' | 'anthropic-sdk' | 'ai-sdk' | 'langchain' | 'http';

export interface HeaderEntry {
  /** The header name as written. */
  readonly name: string;
  /** The property key, or the first argument of `set`/`append`, or the member of an assignment. */
  readonly nameNode: Node;
  /** The value expression; undefined for a shorthand-less or computed value we cannot see. */
  readonly value: Node | undefined;
  readonly surface: Surface;
  readonly source: 'object' | 'headers-call' | 'assignment' | 'tuple';
}

export interface QueryKeyEntry {
  readonly param: string;
  /** The URL literal/template, the `searchParams.set` call, or the params property. */
  readonly node: Node;
  readonly surface: Surface;
  readonly source: 'url' | 'search-params' | 'params-object';
}

export interface RequestBody {
  /** The object literal that becomes the JSON body (or LangChain's constructor fields). */
  readonly object: ObjectExpression;
  readonly kind: RequestKind;
  readonly surface: Surface;
  /** The call or construction that sends it. */
  readonly call: CallLike;
  /**
   * True when the destination is known to be DeepSeek (a URL on api.deepseek.com or an
   * extra host, or an SDK whose default is DeepSeek); false when it is guessed from names
   * (`baseURL: process.env.DEEPSEEK_BASE_URL`, a DeepSeek key sent to an unknown URL).
   */
  readonly confirmed: boolean;
}

export interface ClientSite {
  readonly node: CallLike;
  readonly options: ObjectExpression | undefined;
  readonly kind: RequestKind | 'http-client';
  readonly surface: Surface;
  /** The base URL expression, when one is given. */
  readonly baseUrl: Node | undefined;
  /** The variable or member it is stored in (`client`, `this.client`). */
  readonly binding: string | undefined;
  /** True when its base URL is a DeepSeek URL, or it has none and its SDK defaults to DeepSeek. */
  readonly confirmed: boolean;
}

export interface ModelFactoryCall {
  /** `deepseek('…')`, `provider.chat('…')`. */
  readonly call: TSESTreeCall;
  readonly modelArg: Node | undefined;
  /** Options objects of the calls (`generateText({ model: … })`) that use this model. */
  readonly usedIn: readonly ObjectExpression[];
  /** True for the `@ai-sdk/deepseek` default provider and for providers whose base URL is DeepSeek's. */
  readonly confirmed: boolean;
}

type TSESTreeCall = Extract<Node, { type: 'CallExpression' }>;

export interface DeepSeekAnalysis {
  /** False when the file has nothing to do with DeepSeek: every list is then empty. */
  readonly relevant: boolean;
  readonly clients: readonly ClientSite[];
  readonly headers: readonly HeaderEntry[];
  readonly queryKeys: readonly QueryKeyEntry[];
  readonly bodies: readonly RequestBody[];
  readonly modelFactories: readonly ModelFactoryCall[];
  /** Every literal whose whole text is a legacy model ID, in source order (type positions skipped). */
  readonly legacyLiterals: readonly LegacyLiteral[];
  parentOf(node: Node): Node | undefined;
  /**
   * The value a name holds: the initialiser of the declaration an identifier refers to
   * (found by scope), or, given a bare name, of the file's one top-level declaration of it.
   */
  declarationOf(nameOrIdentifier: string | Node): Node | undefined;
  /** The declaration an identifier refers to, by lexical scope; undefined for globals. */
  bindingOf(identifier: Node): Declaration | undefined;
  /** Follow identifiers to their same-file initialisers. */
  resolve(node: Node | null | undefined): Node | undefined;
  /** The leading static text of a string expression (`${BASE}/chat` with a known BASE is fully static). */
  staticText(node: Node | null | undefined): StaticText | undefined;
  /** True when the expression reads something named like DeepSeek (`process.env.DEEPSEEK_API_KEY`, `deepseekKey`). */
  mentionsDeepSeek(node: Node | null | undefined): boolean;
  isDeepSeekUrlExpression(node: Node | null | undefined): boolean;
}

export interface StaticText {
  readonly text: string;
  /** False when an unknown expression cut the text short. */
  readonly complete: boolean;
}

/** What is kept per AST: its analyses by host list, and how its parents are found. */
interface ProgramEntry {
  /**
   * True when the nodes came without `parent` (the codemod's parse), decided before the
   * first analysis: findParent() then links some of them, which a later look would take
   * for ESLint's links.
   */
  readonly parentsOnDemand: boolean;
  readonly analyses: Map<string, DeepSeekAnalysis>;
}

const cache = new WeakMap<object, ProgramEntry>();

/**
 * Analyse a whole file once; rules call this from `Program` and share the
 * result (cached per AST and host list).
 */
export function analyzeDeepSeek(program: Node, sourceText: string, options: AnalysisOptions = {}): DeepSeekAnalysis {
  const extraHosts = options.extraHosts ?? [];
  const cacheKey = extraHosts.join('\n');
  let entry = cache.get(program);
  if (!entry) {
    const first = (program as Extract<Node, { type: 'Program' }>).body[0] as Node | undefined;
    entry = { parentsOnDemand: first !== undefined && first.parent !== program, analyses: new Map() };
    cache.set(program, entry);
  }
  const imported = options.imported && options.imported.size > 0 ? options.imported : undefined;
  // Facts about imports come with one codemod run; only the plain analysis is shared.
  const cached = imported ? undefined : entry.analyses.get(cacheKey);
  if (cached) return cached;
  const analysis = mayTalkToDeepSeek(sourceText, extraHosts) || imported
    ? new FileAnalysis(program, extraHosts, entry.parentsOnDemand, imported).run()
    : emptyAnalysis();
  if (!imported) entry.analyses.set(cacheKey, analysis);
  return analysis;
}

/** The cheap text test that lets most files skip the analysis entirely. */
export function mayTalkToDeepSeek(sourceText: string, extraHosts: readonly string[] = []): boolean {
  if (DEEPSEEK_NAME_PATTERN.test(sourceText)) return true;
  if (extraHosts.length === 0) return false;
  const lower = sourceText.toLowerCase();
  return extraHosts.some((host) => lower.includes(host.toLowerCase()));
}

function emptyAnalysis(): DeepSeekAnalysis {
  return {
    relevant: false,
    clients: [],
    headers: [],
    queryKeys: [],
    bodies: [],
    modelFactories: [],
    legacyLiterals: [],
    parentOf: () => undefined,
    declarationOf: () => undefined,
    bindingOf: () => undefined,
    resolve: (node) => node ?? undefined,
    staticText: () => undefined,
    mentionsDeepSeek: () => false,
    isDeepSeekUrlExpression: () => false,
  };
}

/** Plain HTTP functions whose first argument is a URL and second the options. */
export const HTTP_FUNCTIONS = new Set(['fetch', '$fetch', 'ofetch', 'ky', 'got', 'axios', 'request', 'undiciRequest']);
const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'stream']);
/** axios' methods whose second argument is the body and third the config. */
const AXIOS_DATA_METHODS = new Set(['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm']);
const HTTP_CLIENT_FACTORIES = new Set(['create', 'extend']);
const OPENAI_REQUEST_METHODS = new Set(['create', 'stream', 'parse', 'runTools']);
const ANTHROPIC_REQUEST_METHODS = new Set(['create', 'stream', 'countTokens']);
const AI_SDK_MODEL_METHODS = new Set(['chat', 'languageModel', 'chatModel', 'completion', 'responses']);
const HEADER_OPTION_NAMES = ['headers', 'defaultHeaders'];
const MAX_RESOLVE_DEPTH = 6;

/** A client a name holds: made in this file, or imported (then only what the index knows). */
interface Binding {
  readonly client: Pick<ClientSite, 'kind' | 'surface' | 'confirmed'> & { readonly node?: CallLike; readonly axios?: boolean };
}

class FileAnalysis {
  private readonly scopes: ScopeIndex;
  private readonly imports = new Map<string, { source: string; imported: string }>();
  private readonly calls: CallLike[] = [];
  /** memberPath() of each call's callee, by the call's index in `calls`: the passes below ask for it often. */
  private readonly calleePaths: Array<string[] | undefined> = [];
  private readonly memberAssignments: Array<Extract<Node, { type: 'AssignmentExpression' }>> = [];
  /** What each same-file builder function returns, once asked (see returnedValue). */
  private readonly returnedValues = new Map<Node, Node | undefined>();
  /** Class fields with a value (`apiUrl = 'https://…'`, `client = new OpenAI(…)`). */
  private readonly classFields: Array<Extract<Node, { type: 'PropertyDefinition' }>> = [];
  private readonly urlStrings: Node[] = [];
  private readonly bindings = new Map<string, Binding>();
  /** First segments of the binding names (`client`, `this`): most callees start elsewhere. */
  private readonly bindingRoots = new Set<string>();
  private readonly clients: ClientSite[] = [];
  private readonly headers: HeaderEntry[] = [];
  private readonly seenHeaderNames = new Set<Node>();
  private readonly headerExpressionsSeen = new Set<Node>();
  private readonly queryKeys: QueryKeyEntry[] = [];
  private readonly seenQueryNodes = new Set<Node>();
  private readonly bodies: RequestBody[] = [];
  private readonly seenBodies = new Set<Node>();
  private readonly modelFactories: ModelFactoryCall[] = [];
  private readonly legacyLiterals: LegacyLiteral[] = [];

  constructor(
    private readonly program: Node,
    private readonly extraHosts: readonly string[],
    /** ESLint sets `parent` on every node before rules run; on the codemod's own parse findParent() finds it. */
    private readonly parentsOnDemand: boolean,
    private readonly imported: ReadonlyMap<string, ImportedFact> | undefined = undefined,
  ) {
    this.scopes = new ScopeIndex();
  }

  private parentOf(node: Node): Node | undefined {
    const parent = (node as { parent?: Node | null }).parent;
    if (parent !== undefined || !this.parentsOnDemand) return parent ?? undefined;
    return findParent(this.program, node);
  }

  run(): DeepSeekAnalysis {
    this.collect();
    this.bindImportedClients();
    const { calls, calleePaths } = this;
    for (let i = 0; i < calls.length; i++) this.classifyClient(calls[i], calleePaths[i]);
    for (let i = 0; i < calls.length; i++) this.classifyCall(calls[i], calleePaths[i]);
    for (const node of this.urlStrings) this.checkUrlQuery(node, node);
    return {
      relevant: true,
      clients: this.clients,
      headers: this.headers,
      queryKeys: this.queryKeys,
      bodies: this.bodies,
      modelFactories: this.modelFactories,
      legacyLiterals: this.legacyLiterals,
      parentOf: (node) => this.parentOf(node),
      declarationOf: (name) => this.declarationOf(name),
      bindingOf: (identifier) => (identifier.type === 'Identifier' ? this.scopes.lookup(identifier.name, identifier) : undefined),
      resolve: (node) => this.resolve(node),
      staticText: (node) => this.staticText(node),
      mentionsDeepSeek: (node) => this.mentionsDeepSeek(node),
      isDeepSeekUrlExpression: (node) => this.isDeepSeekUrlExpression(node),
    };
  }

  // -------------------------------------------------------------------------
  // Pass 1: index the file
  // -------------------------------------------------------------------------

  private collect(): void {
    // Scope of each `const`/`let`/`var` statement, met before its declarators.
    const statementScopes = new Map<Node, { kind: DeclarationKind; scope: Node; topLevel: boolean }>();
    walk(this.program, (node, parent) => {
      switch (node.type) {
        case 'VariableDeclaration':
          statementScopes.set(node, this.statementScope(node.kind, parent));
          break;
        case 'VariableDeclarator': {
          const statement = parent && statementScopes.get(parent);
          if (statement) {
            for (const binding of patternBindings(node.id)) {
              // `const x = …` holds its initialiser; a destructured name holds its default, if any.
              const init = node.id.type === 'Identifier' ? (node.init ?? undefined) : binding.init;
              this.scopes.add({ ...binding, init, kind: statement.kind, scope: statement.scope, topLevel: statement.topLevel });
            }
          }
          if (node.init && (node.id.type === 'Identifier' || node.id.type === 'ObjectPattern')) this.collectRequire(node.id, node.init);
          break;
        }
        case 'FunctionDeclaration':
        case 'FunctionExpression':
        case 'ArrowFunctionExpression':
          this.collectFunction(node, parent);
          break;
        case 'ClassDeclaration':
          if (node.id) this.addHoisted(node.id, 'class', parent);
          break;
        case 'CatchClause':
          if (node.param) {
            for (const binding of patternBindings(node.param)) this.scopes.add({ ...binding, init: undefined, kind: 'catch', scope: node, topLevel: false });
          }
          break;
        case 'ImportDeclaration':
          for (const specifier of node.specifiers) {
            this.scopes.add({ name: specifier.local.name, id: specifier.local, init: undefined, kind: 'import', scope: this.program, topLevel: true });
            const imported =
              specifier.type === 'ImportSpecifier'
                ? specifier.imported.type === 'Identifier'
                  ? specifier.imported.name
                  : String(specifier.imported.value)
                : 'default';
            this.imports.set(specifier.local.name, { source: String(node.source.value), imported });
          }
          break;
        case 'CallExpression':
        case 'NewExpression':
          this.calls.push(node);
          // `super({...})` in `class Model extends ChatOpenAI` constructs the parent class.
          this.calleePaths.push(node.callee.type === 'Super' ? this.superClassPath(node) : memberPath(node.callee));
          break;
        case 'PropertyDefinition':
          if (node.value) this.classFields.push(node);
          break;
        case 'AssignmentExpression':
          if (node.left.type === 'MemberExpression') this.memberAssignments.push(node);
          break;
        case 'Literal':
        case 'TemplateLiteral': {
          const legacy = legacyLiteralOf(node);
          if (legacy) this.legacyLiterals.push(legacy);
          // Candidates for `?api_key=`; whether the URL is DeepSeek's is decided once constants are known.
          if (node.type === 'TemplateLiteral' ? node.quasis.some((quasi) => quasi.value.raw.includes('?')) : typeof node.value === 'string' && node.value.includes('?')) {
            this.urlStrings.push(node);
          }
          break;
        }
        default:
          break;
      }
    });
  }

  /** Where the names of a `const`/`let`/`var` statement live: its block (a `for` for its head), or the function for `var`. */
  private statementScope(kind: string, parent: Node | undefined): { kind: DeclarationKind; scope: Node; topLevel: boolean } {
    const declarationKind: DeclarationKind = kind === 'var' ? 'var' : kind === 'let' ? 'let' : 'const';
    const holder = parent?.type === 'ExportNamedDeclaration' || parent === undefined ? this.program : parent;
    if (holder === this.program) return { kind: declarationKind, scope: this.program, topLevel: true };
    if (declarationKind === 'var') {
      const scope = isFunctionNode(holder) ? holder : (this.enclosingFunction(holder) ?? this.program);
      return { kind: declarationKind, scope, topLevel: scope === this.program };
    }
    return { kind: declarationKind, scope: holder, topLevel: false };
  }

  /** Parameters (with their defaults) live in the function; a declaration's own name in the block around it. */
  private collectFunction(node: Extract<Node, { type: 'FunctionDeclaration' | 'FunctionExpression' | 'ArrowFunctionExpression' }>, parent: Node | undefined): void {
    for (const param of node.params) {
      for (const binding of patternBindings(param)) this.scopes.add({ ...binding, kind: 'parameter', scope: node, topLevel: false });
    }
    if (node.type === 'FunctionDeclaration' && node.id) this.addHoisted(node.id, 'function', parent);
    else if (node.type === 'FunctionExpression' && node.id) this.scopes.add({ name: node.id.name, id: node.id, init: undefined, kind: 'function', scope: node, topLevel: false });
  }

  /** A function or class declaration's name, in the block (or program) that holds the declaration. */
  private addHoisted(id: Extract<Node, { type: 'Identifier' }>, kind: DeclarationKind, parent: Node | undefined): void {
    const topLevel = parent === undefined || parent === this.program || parent.type === 'ExportNamedDeclaration' || parent.type === 'ExportDefaultDeclaration';
    this.scopes.add({ name: id.name, id, init: undefined, kind, scope: topLevel ? this.program : parent, topLevel });
  }

  /** `const OpenAI = require('openai')`, `const { ChatDeepSeek } = require('@langchain/deepseek')`. */
  private collectRequire(id: Node, init: Node): void {
    const call = unwrap(init);
    if (call?.type !== 'CallExpression' || call.callee.type !== 'Identifier' || call.callee.name !== 'require') return;
    const source = literalText(call.arguments[0]);
    if (source === undefined) return;
    if (id.type === 'Identifier') {
      this.imports.set(id.name, { source, imported: 'default' });
    } else if (id.type === 'ObjectPattern') {
      for (const property of id.properties) {
        if (property.type === 'Property' && property.value.type === 'Identifier') {
          this.imports.set(property.value.name, { source, imported: propertyKeyName(property) ?? 'default' });
        }
      }
    }
  }

  // -------------------------------------------------------------------------
  // Values
  // -------------------------------------------------------------------------

  /** The value a name holds here (see DeepSeekAnalysis.declarationOf). */
  private declarationOf(nameOrIdentifier: string | Node): Node | undefined {
    if (typeof nameOrIdentifier === 'string') return this.scopes.lookup(nameOrIdentifier, undefined)?.init;
    if (nameOrIdentifier.type !== 'Identifier') return undefined;
    return this.scopes.lookup(nameOrIdentifier.name, nameOrIdentifier)?.init;
  }

  resolve(node: Node | null | undefined, depth = 0): Node | undefined {
    const current = unwrap(node);
    if (depth >= MAX_RESOLVE_DEPTH) return current;
    if (current?.type === 'Identifier') {
      const init = this.declarationOf(current);
      if (init) return this.resolve(init, depth + 1);
    } else if (current?.type === 'MemberExpression') {
      const value = this.thisMemberValue(current);
      if (value) return this.resolve(value, depth + 1);
    } else if (current?.type === 'CallExpression') {
      const returned = this.returnedValue(current);
      if (returned) return this.resolve(returned, depth + 1);
    }
    return current;
  }

  /** `buildBody(messages)` with a same-file `function buildBody(…) { return { … } }`: the one value it returns. */
  private returnedValue(call: Extract<Node, { type: 'CallExpression' }>): Node | undefined {
    const callee = unwrap(call.callee);
    if (callee?.type !== 'Identifier') return undefined;
    const declaration = this.scopes.lookup(callee.name, callee);
    if (!declaration) return undefined;
    const fn = declaration.kind === 'function' ? this.parentOf(declaration.id) : unwrap(declaration.init);
    if (fn?.type !== 'FunctionDeclaration' && fn?.type !== 'FunctionExpression' && fn?.type !== 'ArrowFunctionExpression') return undefined;
    if (fn.body.type !== 'BlockStatement') return fn.body;
    // Every call of the builder asks again: its body is walked once.
    if (this.returnedValues.has(fn)) return this.returnedValues.get(fn);
    const returns: Node[] = [];
    walk(fn.body, (node) => {
      if (node.type === 'ReturnStatement' && node.argument && this.enclosingFunction(node) === fn) returns.push(node.argument);
    });
    const returned = returns.length === 1 ? returns[0] : undefined;
    this.returnedValues.set(fn, returned);
    return returned;
  }

  /**
   * `this.apiUrl` inside a class: the one value the class gives that member, in a field
   * (`apiUrl = …`) or an assignment in one of its methods (`this.apiUrl = …`).
   */
  private thisMemberValue(member: Extract<Node, { type: 'MemberExpression' }>): Node | undefined {
    if (unwrap(member.object)?.type !== 'ThisExpression') return undefined;
    const name = memberName(member);
    if (name === undefined || (this.memberAssignments.length === 0 && this.classFields.length === 0)) return undefined;
    const body = this.enclosingClassBody(member);
    if (!body) return undefined;
    const values: Node[] = [];
    for (const field of this.classFields) {
      if (field.value && !field.static && propertyKeyName(field) === name && this.parentOf(field) === body) values.push(field.value);
    }
    for (const assignment of this.memberAssignments) {
      const left = assignment.left;
      if (assignment.operator !== '=' || left.type !== 'MemberExpression' || unwrap(left.object)?.type !== 'ThisExpression') continue;
      if (memberName(left) === name && this.enclosingClassBody(assignment) === body) values.push(assignment.right);
    }
    return values.length === 1 ? values[0] : undefined;
  }

  private enclosingClassBody(node: Node): Node | undefined {
    for (let current = this.parentOf(node); current; current = this.parentOf(current)) {
      if (current.type === 'ClassBody') return current;
      // A plain function has its own `this`; arrow functions and methods keep the class's.
      if ((current.type === 'FunctionDeclaration' || current.type === 'FunctionExpression') && this.parentOf(current)?.type !== 'MethodDefinition') return undefined;
    }
    return undefined;
  }

  /** The member path of the class that a `super(…)` call constructs. */
  private superClassPath(call: Node): string[] | undefined {
    const body = this.enclosingClassBody(call);
    const owner = body && this.parentOf(body);
    return owner && (owner.type === 'ClassDeclaration' || owner.type === 'ClassExpression') ? memberPath(owner.superClass) : undefined;
  }

  private resolveObject(node: Node | null | undefined): ObjectExpression | undefined {
    const resolved = this.resolve(node);
    return resolved?.type === 'ObjectExpression' ? resolved : undefined;
  }

  staticText(node: Node | null | undefined, depth = 0): StaticText | undefined {
    const current = unwrap(node);
    if (!current || depth > MAX_RESOLVE_DEPTH) return undefined;
    switch (current.type) {
      case 'Literal':
        return typeof current.value === 'string' ? { text: current.value, complete: true } : undefined;
      case 'TemplateLiteral': {
        let text = '';
        for (let i = 0; i < current.quasis.length; i++) {
          text += current.quasis[i].value.cooked ?? '';
          if (i < current.expressions.length) {
            const part = this.staticText(current.expressions[i], depth + 1);
            if (!part) return { text, complete: false };
            text += part.text;
            if (!part.complete) return { text, complete: false };
          }
        }
        return { text, complete: true };
      }
      case 'BinaryExpression': {
        if (current.operator !== '+') return undefined;
        const left = this.staticText(current.left, depth + 1);
        if (!left) return undefined;
        if (!left.complete) return left;
        const right = this.staticText(current.right, depth + 1);
        return right ? { text: left.text + right.text, complete: right.complete } : { text: left.text, complete: false };
      }
      case 'Identifier': {
        const init = this.declarationOf(current);
        return init ? this.staticText(init, depth + 1) : undefined;
      }
      case 'MemberExpression': {
        const value = this.thisMemberValue(current);
        return value ? this.staticText(value, depth + 1) : undefined;
      }
      case 'NewExpression': {
        // new URL(path, base)
        if (current.callee.type === 'Identifier' && current.callee.name === 'URL') {
          const path = this.staticText(current.arguments[0], depth + 1);
          if (path?.text && parseUrlPrefix(path.text)) return path;
          const base = this.staticText(current.arguments[1], depth + 1);
          if (base && path) return { text: joinUrl(base.text, path.text), complete: base.complete && path.complete };
          return base ? { text: base.text, complete: false } : undefined;
        }
        return undefined;
      }
      default:
        return undefined;
    }
  }

  mentionsDeepSeek(node: Node | null | undefined, depth = 0): boolean {
    if (!node || depth > MAX_RESOLVE_DEPTH) return false;
    let found = false;
    walk(node, (child) => {
      if (found) return;
      if (child.type === 'Identifier') {
        if (DEEPSEEK_NAME_PATTERN.test(child.name)) found = true;
        else {
          const init = this.declarationOf(child);
          if (init && init !== node && this.mentionsDeepSeek(init, depth + 1)) found = true;
        }
      } else if (child.type === 'Literal' && typeof child.value === 'string') {
        // Deno.env.get('DEEPSEEK_API_KEY'), process.env['DEEPSEEK_API_KEY']: names, not URLs.
        if (DEEPSEEK_NAME_PATTERN.test(child.value) && !child.value.includes('/')) found = true;
      }
    });
    return found;
  }

  /** `a ?? b` / `a || b` (through same-file names): the value sent when nothing else is given is `b`. */
  private fallbackOf(node: Node | null | undefined): Extract<Node, { type: 'LogicalExpression' }> | undefined {
    const resolved = this.resolve(node);
    return resolved?.type === 'LogicalExpression' && resolved.operator !== '&&' ? resolved : undefined;
  }

  isDeepSeekUrlExpression(node: Node | null | undefined): boolean {
    // `options.apiUrl || 'https://api.deepseek.com/…'`: DeepSeek unless told otherwise.
    const fallback = this.fallbackOf(node);
    if (fallback) return this.isDeepSeekUrlExpression(fallback.left) || this.isDeepSeekUrlExpression(fallback.right);
    const text = this.staticText(node);
    if (text && parseUrlPrefix(text.text)) return isDeepSeekUrl(text.text, this.extraHosts);
    // process.env.DEEPSEEK_BASE_URL, config.deepseekUrl: named for DeepSeek.
    return this.mentionsDeepSeek(node);
  }

  /** A URL whose text is known and on a DeepSeek host (not a name-based guess). */
  private isStaticDeepSeekUrl(node: Node | null | undefined): boolean {
    const fallback = this.fallbackOf(node);
    if (fallback) return this.isStaticDeepSeekUrl(fallback.right);
    const text = this.staticText(node);
    return text !== undefined && isDeepSeekUrl(text.text, this.extraHosts);
  }

  /** Whether a request call certainly goes to DeepSeek: through a confirmed client, or to a static DeepSeek URL. */
  private isConfirmedCall(call: CallLike): boolean {
    const own = this.clients.find((client) => client.node === call);
    if (own) return own.confirmed;
    const path = memberPath(call.callee);
    const viaClient = path && this.clientOfCallee(path);
    if (viaClient) return viaClient.client.confirmed;
    const origin = path && this.imports.get(path[0]);
    if (origin?.source === SDK_PACKAGES.aiSdkDeepSeek && origin.imported === 'deepseek') return true;
    const first = call.arguments[0];
    if (this.isStaticDeepSeekUrl(first)) return true;
    const config = this.resolveObject(first);
    const url = config && findPropertyOf(config, ['url', ...BASE_URL_PROPERTY_NAMES])?.value;
    return this.isStaticDeepSeekUrl(url);
  }

  private surfaceOf(urlNode: Node | undefined, fallback: Surface): Surface {
    const text = urlNode && this.staticText(urlNode);
    if (text && parseUrlPrefix(text.text)) return surfaceOfUrl(text.text);
    if (urlNode && /anthropic/i.test(sourceNames(urlNode))) return 'anthropic';
    return fallback;
  }

  /** `axios`, or whatever name the file imports axios under. */
  private isAxios(name: string | undefined): boolean {
    return name !== undefined && (name === 'axios' || this.imports.get(name)?.source === 'axios');
  }

  // -------------------------------------------------------------------------
  // Pass 2: clients
  // -------------------------------------------------------------------------

  /** `import { deepseek } from '@/lib/deepseekClient'`: calls through it are DeepSeek requests. */
  private bindImportedClients(): void {
    if (!this.imported) return;
    for (const [local, fact] of this.imported) {
      if (fact.kind !== 'client' || this.bindings.has(local)) continue;
      this.bindings.set(local, { client: { kind: fact.client, surface: fact.surface, confirmed: fact.confirmed, axios: fact.axios } });
      this.bindingRoots.add(local);
    }
  }

  /** Client options imported from a module that points them at DeepSeek (`new OpenAI(DEEPSEEK_CONFIG)`). */
  private importedOptions(node: Node | undefined): Extract<ImportedFact, { kind: 'client-options' }> | undefined {
    const current = unwrap(node);
    if (!this.imported || current?.type !== 'Identifier') return undefined;
    const fact = this.imported.get(current.name);
    return fact?.kind === 'client-options' && this.scopes.lookup(current.name, current)?.kind === 'import' ? fact : undefined;
  }

  private classifyClient(call: CallLike, path: readonly string[] | undefined): void {
    if (!path) return;
    const name = path[path.length - 1];
    const origin = this.imports.get(path[0]);
    const options = this.resolveObject(call.arguments[0]);
    const importedOptions = options ? undefined : this.importedOptions(call.arguments[0]);
    // Without an options object only a DeepSeek SDK's own constructor is a client (see `kind` below).
    const deepSeekSdk = name === 'createDeepSeek' || name === 'ChatDeepSeek' || origin?.source === SDK_PACKAGES.langchainDeepSeek;
    if (!options && !deepSeekSdk && !importedOptions) return;
    const configuration = options && this.resolveObject(findProperty(options, 'configuration')?.value);
    const baseUrlProperty =
      (options && findPropertyOf(options, [...BASE_URL_PROPERTY_NAMES])) ??
      (configuration && findPropertyOf(configuration, [...BASE_URL_PROPERTY_NAMES]));
    const baseUrl = baseUrlProperty?.value;

    let kind: ClientSite['kind'] | undefined;
    if (origin?.source === SDK_PACKAGES.aiSdkDeepSeek && name === 'createDeepSeek') kind = 'ai-sdk';
    else if (origin?.source === SDK_PACKAGES.langchainDeepSeek || name === 'ChatDeepSeek') kind = 'langchain';
    else if (importedOptions || (options && this.pointsAtDeepSeek(options, configuration, baseUrl))) {
      if (origin?.source.startsWith('@langchain/') || /^Chat[A-Z]/.test(name)) kind = 'langchain';
      else if (origin?.source.startsWith('@ai-sdk/') || /^create[A-Z]/.test(name)) kind = 'ai-sdk';
      else if (origin?.source === SDK_PACKAGES.anthropic || name === 'Anthropic') kind = 'anthropic-sdk';
      else if (call.type === 'NewExpression' && !HTTP_FUNCTIONS.has(name) && name !== 'Request') kind = 'openai-sdk';
      else if (path.length === 2 && HTTP_CLIENT_FACTORIES.has(name)) kind = 'http-client';
    }
    if (!kind) return;

    const surface = importedOptions?.surface ?? this.surfaceOf(baseUrl, kind === 'anthropic-sdk' ? 'anthropic' : 'openai');
    const defaultsToDeepSeek = name === 'createDeepSeek' || name === 'ChatDeepSeek';
    const confirmed = importedOptions ? importedOptions.confirmed : baseUrl ? this.isStaticDeepSeekUrl(baseUrl) : defaultsToDeepSeek;
    const client: ClientSite = { node: call, options, kind, surface, baseUrl, binding: this.bindingOf(call), confirmed };
    this.clients.push(client);
    if (client.binding) {
      this.bindings.set(client.binding, { client });
      this.bindingRoots.add(client.binding.split('.')[0]);
    }
    for (const holder of [options, configuration]) {
      if (!holder) continue;
      for (const headerName of HEADER_OPTION_NAMES) this.addHeaders(findProperty(holder, headerName)?.value, surface);
    }
    if (kind === 'langchain' && options) this.addBody(options, 'langchain', surface, call);
  }

  /** A client's options point at DeepSeek when its base URL does, or its key or headers are DeepSeek's. */
  private pointsAtDeepSeek(options: ObjectExpression, configuration: ObjectExpression | undefined, baseUrl: Node | undefined): boolean {
    if (baseUrl) return this.isDeepSeekUrlExpression(baseUrl);
    for (const holder of [options, configuration]) {
      if (!holder) continue;
      const key = findPropertyOf(holder, ['apiKey', 'api_key', 'authToken']);
      if (key && this.mentionsDeepSeek(key.value)) return true;
    }
    return false;
  }

  /** Where a constructed client is kept: `const client = …`, `this.client = …`, a class field. */
  private bindingOf(node: Node): string | undefined {
    let child: Node = node;
    let parent = this.parentOf(node);
    while (parent && (parent.type === 'AwaitExpression' || parent.type.startsWith('TS') || parent.type === 'ChainExpression')) {
      child = parent;
      parent = this.parentOf(parent);
    }
    if (!parent) return undefined;
    if (parent.type === 'VariableDeclarator' && parent.init === child && parent.id.type === 'Identifier') return parent.id.name;
    if (parent.type === 'AssignmentExpression' && parent.right === child) return memberPath(parent.left)?.join('.');
    if (parent.type === 'PropertyDefinition' && parent.value === child) {
      const key = propertyKeyName(parent);
      return key === undefined ? undefined : `this.${key}`;
    }
    return undefined;
  }

  /** The client a call goes through, and the rest of the callee path (`chat.completions.create`). */
  private clientOfCallee(path: readonly string[]): { client: Binding['client']; rest: string[] } | undefined {
    if (!this.bindingRoots.has(path[0])) return undefined;
    for (let length = path.length; length >= 1; length--) {
      const binding = this.bindings.get(path.slice(0, length).join('.'));
      if (binding) return { client: binding.client, rest: path.slice(length) };
    }
    return undefined;
  }

  // -------------------------------------------------------------------------
  // Pass 2: requests
  // -------------------------------------------------------------------------

  private classifyCall(call: CallLike, path: readonly string[] | undefined): void {
    if (!path) return;
    const viaClient = this.clientOfCallee(path);
    if (viaClient) {
      this.classifyClientCall(call, viaClient.client, viaClient.rest);
      return;
    }
    const origin = this.imports.get(path[0]);
    if (call.type === 'CallExpression' && origin?.source === SDK_PACKAGES.aiSdkDeepSeek && origin.imported === 'deepseek') {
      this.addModelFactory(call, path.slice(1));
      return;
    }
    this.classifyHttpCall(call, path);
  }

  private classifyClientCall(call: CallLike, client: Binding['client'], rest: readonly string[]): void {
    const method = rest[rest.length - 1];
    const first = call.arguments[0];
    switch (client.kind) {
      case 'openai-sdk':
        if (rest.length >= 2 && OPENAI_REQUEST_METHODS.has(method)) {
          this.sendBody(first, 'openai-sdk', client.surface, call);
          this.addRequestOptions(call.arguments[1], client.surface);
        }
        break;
      case 'anthropic-sdk':
        if (rest.includes('messages') && ANTHROPIC_REQUEST_METHODS.has(method)) {
          this.sendBody(first, 'anthropic-sdk', client.surface, call);
          this.addRequestOptions(call.arguments[1], client.surface);
        }
        break;
      case 'ai-sdk':
        if (call.type === 'CallExpression') this.addModelFactory(call, rest);
        break;
      case 'http-client':
        // axios instances take (url, data, config); got and ky instances (url, options).
        if (rest.length === 1 && HTTP_METHODS.has(method)) {
          this.addHttpRequest(call, method, client.surface, client.node ? this.isAxios(memberPath(client.node.callee)?.[0]) : client.axios === true);
        }
        break;
      default:
        break;
    }
  }

  private addModelFactory(call: TSESTreeCall, rest: readonly string[]): void {
    if (rest.length > 1 || (rest.length === 1 && !AI_SDK_MODEL_METHODS.has(rest[0]))) return;
    this.modelFactories.push({ call, modelArg: call.arguments[0], usedIn: this.optionsUsing(call), confirmed: this.isConfirmedCall(call) });
  }

  /** The `{ model: … }` call options a model value ends up in, directly or through a same-file variable. */
  private optionsUsing(modelCall: Node): ObjectExpression[] {
    const found: ObjectExpression[] = [];
    const parent = this.parentOf(modelCall);
    if (parent?.type === 'Property' && propertyKeyName(parent) === 'model') {
      const object = this.parentOf(parent);
      if (object?.type === 'ObjectExpression' && this.isCallArgument(object)) found.push(object);
      return found;
    }
    const binding = this.bindingOf(modelCall);
    if (!binding || binding.includes('.')) return found;
    walk(this.program, (node) => {
      if (node.type !== 'Property' || propertyKeyName(node) !== 'model') return;
      const value = unwrap(node.value);
      if (value?.type !== 'Identifier' || value.name !== binding) return;
      const object = this.parentOf(node);
      if (object?.type === 'ObjectExpression' && this.isCallArgument(object)) found.push(object);
    });
    return found;
  }

  private isCallArgument(node: Node): boolean {
    const parent = this.parentOf(node);
    return (parent?.type === 'CallExpression' || parent?.type === 'NewExpression') && parent.arguments.includes(node as never);
  }

  private classifyHttpCall(call: CallLike, path: readonly string[]): void {
    const root = path[0] === 'window' || path[0] === 'globalThis' || path[0] === 'self' ? path.slice(1) : path;
    if (root.length === 0) return;
    const isRequestConstructor = call.type === 'NewExpression' && root.length === 1 && root[0] === 'Request';
    const isKnownHttp = HTTP_FUNCTIONS.has(root[0]) && (root.length === 1 || (root.length === 2 && HTTP_METHODS.has(root[1])));
    const method = root.length === 2 ? root[1] : 'request';
    const first = call.arguments[0];

    if (first && this.isUrlArgument(first)) {
      if (!isKnownHttp && !isRequestConstructor && !this.isDeepSeekUrlExpression(first)) return;
      if (this.isDeepSeekUrlExpression(first)) {
        this.addHttpRequest(call, method, this.surfaceOf(first, 'openai'), this.isAxios(root[0]));
        return;
      }
    }
    // axios(config) / axios.request(config) with `url`/`baseURL` in the config.
    const config = this.resolveObject(first);
    if (config && (isKnownHttp || isRequestConstructor)) {
      const url = findPropertyOf(config, ['url', ...BASE_URL_PROPERTY_NAMES])?.value;
      if (url && this.isDeepSeekUrlExpression(url)) {
        this.addRequestConfig(config, this.surfaceOf(url, 'openai'));
        return;
      }
    }
    // An unknown URL, but the key it sends is DeepSeek's.
    if (isKnownHttp || isRequestConstructor) {
      const optionsArgument = this.isAxios(root[0]) && AXIOS_DATA_METHODS.has(method) ? call.arguments[2] : call.arguments[1];
      const options = this.resolveObject(optionsArgument);
      const headers = options && findProperty(options, 'headers')?.value;
      if (headers && this.headersMentionDeepSeek(headers)) {
        this.addHttpRequest(call, method, this.surfaceOf(first, 'openai'), this.isAxios(root[0]));
      }
    }
  }

  private isUrlArgument(node: Node): boolean {
    const resolved = this.resolve(node);
    return resolved !== undefined && resolved.type !== 'ObjectExpression';
  }

  private addHttpRequest(call: CallLike, method: string, surface: Surface, axiosStyle: boolean): void {
    const first = call.arguments[0];
    if (first) this.checkUrlQuery(first, first);
    if (axiosStyle && AXIOS_DATA_METHODS.has(method)) {
      this.sendBody(call.arguments[1], 'http', surface, call);
      this.addRequestConfig(this.resolveObject(call.arguments[2]), surface, call);
    } else {
      this.addRequestConfig(this.resolveObject(call.arguments[1]), surface, call);
    }
  }

  /** fetch init / axios / got / ky options: headers, body and query parameters. */
  private addRequestConfig(config: ObjectExpression | undefined, surface: Surface, call?: CallLike): void {
    if (!config) return;
    this.addHeaders(findProperty(config, 'headers')?.value, surface);
    const sender = call ?? this.enclosingCall(config);
    for (const bodyName of ['body', 'json', 'data']) {
      const body = findProperty(config, bodyName)?.value;
      if (body && sender) this.sendBody(body, 'http', surface, sender);
    }
    for (const paramsName of ['params', 'searchParams', 'query']) {
      const params = this.resolveObject(findProperty(config, paramsName)?.value);
      if (!params) continue;
      for (const property of params.properties) {
        const name = property.type === 'Property' ? propertyKeyName(property) : undefined;
        if (name !== undefined && KEY_QUERY_PARAM_PATTERN.test(name)) {
          this.addQueryKey({ param: name, node: property, surface, source: 'params-object' });
        }
      }
    }
  }

  /** Second argument of an SDK call: `{ headers }` per-request options. */
  private addRequestOptions(node: Node | undefined, surface: Surface): void {
    const options = this.resolveObject(node);
    if (options) this.addHeaders(findProperty(options, 'headers')?.value, surface);
  }

  private enclosingCall(node: Node): CallLike | undefined {
    const parent = this.parentOf(node);
    return parent?.type === 'CallExpression' || parent?.type === 'NewExpression' ? parent : undefined;
  }

  /** `JSON.stringify({...})`, `{...}`, or a variable holding either. */
  private requestBodyObject(node: Node | null | undefined): ObjectExpression | undefined {
    const resolved = this.resolve(node);
    if (resolved?.type === 'ObjectExpression') return resolved;
    if (resolved?.type === 'CallExpression' && memberPath(resolved.callee)?.join('.') === 'JSON.stringify') {
      return this.resolveObject(resolved.arguments[0]);
    }
    return undefined;
  }

  private addBody(object: ObjectExpression, kind: RequestKind, surface: Surface, call: CallLike, confirmed = this.isConfirmedCall(call)): void {
    if (this.seenBodies.has(object)) return;
    this.seenBodies.add(object);
    this.bodies.push({ object, kind, surface, call, confirmed });
  }

  /**
   * What a request sends as its body: an object literal (directly, through a name, in
   * `JSON.stringify`, or returned by a same-file builder function), or a parameter of the
   * function around the request: that function is then a wrapper, and the objects its
   * same-file callers pass in are bodies too (`callDeepSeek({ model, messages })`).
   */
  private sendBody(node: Node | null | undefined, kind: RequestKind, surface: Surface, call: CallLike, confirmed = this.isConfirmedCall(call), depth = 0): void {
    const object = this.requestBodyObject(node);
    if (object) {
      this.addBody(object, kind, surface, call, confirmed);
      return;
    }
    const resolved = this.resolve(node);
    const inner = resolved?.type === 'CallExpression' && memberPath(resolved.callee)?.join('.') === 'JSON.stringify' ? this.resolve(resolved.arguments[0]) : resolved;
    if (inner?.type !== 'Identifier' || depth > MAX_RESOLVE_DEPTH) return;
    const declaration = this.scopes.lookup(inner.name, inner);
    if (declaration?.kind !== 'parameter') return;
    const wrapper = declaration.scope as Extract<Node, { type: 'FunctionDeclaration' | 'FunctionExpression' | 'ArrowFunctionExpression' }>;
    const index = wrapper.params.findIndex((param) => param === declaration.id || (param.type === 'AssignmentPattern' && param.left === declaration.id));
    if (index === -1) return;
    for (const caller of this.callersOf(wrapper)) {
      this.sendBody(caller.arguments[index], kind, surface, caller, confirmed, depth + 1);
    }
  }

  /** Same-file calls of a function: by the name it is declared under, or `this.method(…)` in its class. */
  private callersOf(fn: Node): CallLike[] {
    const parent = this.parentOf(fn);
    let id: Node | undefined;
    let method: string | undefined;
    if (fn.type === 'FunctionDeclaration') id = fn.id ?? undefined;
    else if (parent?.type === 'VariableDeclarator' && parent.init === fn) id = parent.id;
    else if ((parent?.type === 'MethodDefinition' || parent?.type === 'PropertyDefinition') && parent.value === fn) method = propertyKeyName(parent);
    const classBody = method !== undefined ? this.parentOf(parent!) : undefined;
    const callers: CallLike[] = [];
    for (const call of this.calls) {
      if (call.type !== 'CallExpression') continue;
      const callee = unwrap(call.callee);
      if (id?.type === 'Identifier' && callee?.type === 'Identifier' && callee.name === id.name && this.scopes.lookup(callee.name, callee)?.id === id) {
        callers.push(call);
      } else if (method !== undefined && callee?.type === 'MemberExpression' && unwrap(callee.object)?.type === 'ThisExpression' && memberName(callee) === method && this.enclosingClassBody(call) === classBody) {
        callers.push(call);
      }
    }
    return callers;
  }

  // -------------------------------------------------------------------------
  // Headers
  // -------------------------------------------------------------------------

  private headersMentionDeepSeek(node: Node): boolean {
    const probe: HeaderEntry[] = [];
    this.collectHeaders(node, 'openai', probe, new Set());
    return probe.some((entry) => this.mentionsDeepSeek(entry.value));
  }

  private addHeaders(node: Node | null | undefined, surface: Surface): void {
    if (!node || this.headerExpressionsSeen.has(node)) return;
    this.headerExpressionsSeen.add(node);
    const entries: HeaderEntry[] = [];
    this.collectHeaders(node, surface, entries, new Set());
    for (const entry of entries) {
      if (this.seenHeaderNames.has(entry.nameNode)) continue;
      this.seenHeaderNames.add(entry.nameNode);
      this.headers.push(entry);
    }
  }

  /** Every header an expression defines: literals, spreads, `new Headers(…)`, tuples, and later mutations of a variable. */
  private collectHeaders(node: Node | null | undefined, surface: Surface, into: HeaderEntry[], visiting: Set<Node>, depth = 0): void {
    const current = unwrap(node);
    if (!current || visiting.has(current) || depth > MAX_RESOLVE_DEPTH) return;
    visiting.add(current);
    switch (current.type) {
      case 'ObjectExpression':
        for (const property of current.properties) {
          if (property.type === 'SpreadElement') {
            this.collectHeaders(property.argument, surface, into, visiting, depth + 1);
            continue;
          }
          const name = propertyKeyName(property);
          if (name !== undefined) into.push({ name, nameNode: property.key, value: property.value, surface, source: 'object' });
        }
        break;
      case 'ArrayExpression':
        for (const element of current.elements) {
          const tuple = unwrap(element);
          if (tuple?.type !== 'ArrayExpression') continue;
          const name = literalText(tuple.elements[0]);
          if (name !== undefined && tuple.elements[0]) {
            into.push({ name, nameNode: tuple.elements[0], value: tuple.elements[1] ?? undefined, surface, source: 'tuple' });
          }
        }
        break;
      case 'NewExpression':
        if (current.callee.type === 'Identifier' && current.callee.name === 'Headers') {
          this.collectHeaders(current.arguments[0], surface, into, visiting, depth + 1);
        }
        break;
      case 'Identifier':
        this.collectHeaders(this.declarationOf(current), surface, into, visiting, depth + 1);
        this.collectHeaderMutations(current, surface, into);
        break;
      default:
        break;
    }
  }

  /** `headers['Authorization'] = …`, `headers.set('Authorization', …)` on the same binding, in the function that declares it. */
  private collectHeaderMutations(use: Extract<Node, { type: 'Identifier' }>, surface: Surface, into: HeaderEntry[]): void {
    const declaration = this.scopes.lookup(use.name, use);
    if (!declaration || declaration.kind === 'import') return;
    const scope = this.enclosingFunction(declaration.id);
    const sameBinding = (node: Node) => node.type === 'Identifier' && node.name === use.name && this.scopes.lookup(node.name, node) === declaration;
    for (const assignment of this.memberAssignments) {
      const left = assignment.left;
      if (left.type !== 'MemberExpression') continue;
      const object = unwrap(left.object);
      if (!object || !sameBinding(object)) continue;
      const header = memberName(left);
      if (header === undefined || this.enclosingFunction(assignment) !== scope) continue;
      into.push({ name: header, nameNode: left.property, value: assignment.right, surface, source: 'assignment' });
    }
    for (let i = 0; i < this.calls.length; i++) {
      const call = this.calls[i];
      const path = this.calleePaths[i];
      if (path?.length !== 2 || path[0] !== use.name || (path[1] !== 'set' && path[1] !== 'append')) continue;
      const callee = unwrap(call.callee);
      const object = callee?.type === 'MemberExpression' ? unwrap(callee.object) : undefined;
      if (!object || !sameBinding(object)) continue;
      const header = literalText(call.arguments[0]);
      if (header === undefined || this.enclosingFunction(call) !== scope) continue;
      into.push({ name: header, nameNode: call.arguments[0], value: call.arguments[1], surface, source: 'headers-call' });
    }
  }

  private enclosingFunction(node: Node): Node | undefined {
    let current = this.parentOf(node);
    while (current && !isFunctionNode(current)) current = this.parentOf(current);
    return current;
  }

  // -------------------------------------------------------------------------
  // Query strings
  // -------------------------------------------------------------------------

  /** `?api_key=` in a DeepSeek URL, and `url.searchParams.set('api_key', …)` on a `new URL(deepseekUrl)`. */
  private checkUrlQuery(urlNode: Node, reportNode: Node): void {
    const text = this.staticText(urlNode);
    // Report on the URL itself, not on a variable that holds it, so each URL is reported once.
    const resolved = this.resolve(urlNode);
    if (resolved && (resolved.type === 'Literal' || resolved.type === 'TemplateLiteral')) reportNode = resolved;
    // `BASE + '?api_key=' + key`: the string that holds the `?`, which the literal pass also reports.
    if (resolved?.type === 'BinaryExpression') reportNode = this.queryStringPart(resolved) ?? reportNode;
    if (text && isDeepSeekUrl(text.text, this.extraHosts)) {
      const surface = surfaceOfUrl(text.text);
      const query = text.text.slice(text.text.indexOf('?') + 1);
      if (text.text.includes('?')) {
        for (const match of query.matchAll(/(?:^|&)([^=&#]+)=/g)) {
          if (KEY_QUERY_PARAM_PATTERN.test(match[1])) {
            this.addQueryKey({ param: match[1], node: unwrap(reportNode) ?? reportNode, surface, source: 'url' });
          }
        }
      }
    }
    const identifier = unwrap(urlNode);
    if (identifier?.type === 'Identifier') this.checkSearchParams(identifier);
  }

  /** The first string operand of a `+` chain that holds a `?`. */
  private queryStringPart(node: Node): Node | undefined {
    const current = this.resolve(node);
    if (current?.type === 'BinaryExpression' && current.operator === '+') {
      return this.queryStringPart(current.left) ?? this.queryStringPart(current.right);
    }
    if (current?.type === 'Literal' || current?.type === 'TemplateLiteral') {
      return this.staticText(current)?.text.includes('?') ? current : undefined;
    }
    return undefined;
  }

  private checkSearchParams(use: Extract<Node, { type: 'Identifier' }>): void {
    const name = use.name;
    const declaration = this.scopes.lookup(name, use);
    const init = declaration?.init;
    if (!init || !this.isDeepSeekUrlExpression(init)) return;
    const text = this.staticText(init);
    const surface = text ? surfaceOfUrl(text.text) : 'openai';
    for (let i = 0; i < this.calls.length; i++) {
      const call = this.calls[i];
      const path = this.calleePaths[i];
      if (path?.length !== 3 || path[0] !== name || path[1] !== 'searchParams') continue;
      if (path[2] !== 'set' && path[2] !== 'append') continue;
      const param = literalText(call.arguments[0]);
      if (param !== undefined && KEY_QUERY_PARAM_PATTERN.test(param)) {
        this.addQueryKey({ param, node: call, surface, source: 'search-params' });
      }
    }
  }

  private addQueryKey(entry: QueryKeyEntry): void {
    if (this.seenQueryNodes.has(entry.node)) return;
    this.seenQueryNodes.add(entry.node);
    this.queryKeys.push(entry);
  }
}

function joinUrl(base: string, path: string): string {
  if (!path) return base;
  return base.replace(/\/+$/, '') + '/' + path.replace(/^\/+/, '');
}

/** Identifier and property names inside an expression, for name-based guesses. */
function sourceNames(node: Node): string {
  const names: string[] = [];
  walk(node, (child) => {
    if (child.type === 'Identifier') names.push(child.name);
  });
  return names.join(' ');
}
