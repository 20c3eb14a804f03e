/**
 * The V4 migration of one Python module: retired model IDs become the target ID, and the
 * thinking flag the retired ID implied is written out in the form the sending SDK puts in
 * the request body (docs/sdk-evidence.md, "Python"; docs/migration.md, "Python"):
 * - openai-python `….chat.completions.create(…)` and LangChain `ChatDeepSeek(…)` /
 *   `ChatOpenAI(…)`: `extra_body={"thinking": {"type": …}}`, merged into an `extra_body`
 *   dict literal that is there. (`create()` takes no unknown keyword, and LangChain spreads
 *   `model_kwargs` into those keywords: only `extra_body` reaches the body.)
 * - Anthropic SDK `….messages.create(…)`: `thinking={"type": …}` (a typed parameter;
 *   `"enabled"` needs `budget_tokens`, which DeepSeek ignores), as in JavaScript.
 * - litellm `completion(model="deepseek/…")`: `thinking={"type": …}`, which its DeepSeek
 *   config passes on as the body's `thinking`.
 * - dict bodies (requests/httpx/aiohttp `json=`, `json.dumps({...})`, a dict built key by
 *   key): a top-level `"thinking"` key; a dict spread into openai's `create(**body)` gets it
 *   under `"extra_body"`.
 *
 * Data flow followed within the module: constants (`MODEL = "deepseek-chat"`), class
 * attributes (`MODEL = …` in the class body, `self.model = …`), dicts assigned to a name
 * and sent later, dicts filled key by key (`body["model"] = …`), f-string and `+` URLs.
 * Everything else is a review item with the same codes as the JavaScript planner.
 * Text edits only: quotes, indentation and line endings stay; a file with a syntax error is
 * never edited (parsePython throws).
 */
import { type CurrentModelId, DEFAULT_TARGET_MODEL, type Surface, type ThinkingType, isDeepSeekUrl, legacyModel, surfaceOfUrl } from '../deepseek';
import { ANTHROPIC_BUDGET_TOKENS, type NoteCode, type ReviewCode, type TextEdit, applyEdits, isBlockingReview } from '../migration';
import type { MigrationResult, ReviewItem } from '../../codemods/transform';
import { type PyNode, parsePython } from './parser';
import { PythonModule, callName, keywordArgument, scopeOf, stringKey, stringValue } from './module';
import { ENV_READ, type RequestKind, TEXT_BODY_KEYWORDS, requestKind, requestUrl, showsDeepSeek } from './requests';

class Failure {
  constructor(
    readonly code: ReviewCode,
    readonly reason: string,
  ) {}
}
type Outcome = TextEdit[] | Failure;

/** A string literal whose text is a retired ID, bare or with litellm's `deepseek/` provider prefix. */
export interface LegacyString {
  readonly node: PyNode;
  readonly content: PyNode;
  readonly id: string;
  readonly prefix: '' | 'deepseek/';
  readonly thinking: ThinkingType;
  readonly quote: string;
}

/**
 * The flag to write: one value, or, for `"deepseek-reasoner" if deep else "deepseek-chat"`,
 * `"enabled" if deep else "disabled"` (toString() describes it in review messages).
 */
type ThinkingValue = ThinkingType | { readonly test: string; readonly whenTrue: ThinkingType; readonly whenFalse: ThinkingType; toString(): string };

/** How the flag is written where it goes. */
type CallForm = 'extra-body' | 'anthropic' | 'litellm';


const LEGACY_PREFIX = 'deepseek/';

export interface PythonMigrateOptions {
  readonly targetModel?: CurrentModelId;
}

export function migratePythonSource(source: string, options: PythonMigrateOptions = {}): MigrationResult {
  const bom = source.startsWith('\uFEFF') ? '\uFEFF' : '';
  const text = source.slice(bom.length);
  const tree = parsePython(text);
  try {
    const sites = planPython(new PythonModule(tree.rootNode, text), options.targetModel ?? DEFAULT_TARGET_MODEL);
    const output = applyEdits(text, sites.flatMap((site) => site.edits ?? []));
    const itemOf = (site: PlannedSite, listed: { code: ReviewCode | NoteCode; reason: string }): ReviewItem => {
      const { row, column } = site.literal.node.startPosition;
      const blocking = site.review ? isBlockingReview(site.review.code) : false;
      return { line: row + 1, column: column + 1, reason: listed.reason, modelId: site.literal.id, code: listed.code, blocking };
    };
    const review = sites.flatMap((site) => (site.review ? [itemOf(site, site.review)] : []));
    const notes = sites.flatMap((site) => (site.note && !site.review ? [{ ...itemOf(site, site.note), migrated: true }] : []));
    return { output: bom + output, changed: output !== text, review, notes };
  } finally {
    tree.delete();
  }
}

/** Every retired ID of a parsed module, with its edits or why it needs review (the lint reports these too). */
export function planPython(module: PythonModule, target: CurrentModelId): PlannedSite[] {
  return new Planner(module, module.source, target).plan();
}

export interface PlannedSite {
  readonly literal: LegacyString;
  readonly edits?: readonly TextEdit[];
  readonly review?: { readonly code: ReviewCode; readonly reason: string };
  readonly note?: { readonly code: NoteCode; readonly reason: string };
}

class Planner {
  private quote = '"';
  private note: PlannedSite['note'];
  /** Whether the module shows where its requests go (a DeepSeek URL, a DEEPSEEK_* variable, ChatDeepSeek). */
  private readonly showsDeepSeek: boolean;

  constructor(
    private readonly module: PythonModule,
    private readonly source: string,
    private readonly target: CurrentModelId,
  ) {
    this.showsDeepSeek = showsDeepSeek(module);
  }

  plan(): PlannedSite[] {
    const sites: PlannedSite[] = [];
    const conditionals = new Set<number>();
    const typeLiterals: LegacyString[] = [];
    for (const node of this.module.strings()) {
      const literal = legacyStringOf(node);
      if (!literal) continue;
      this.quote = literal.quote;
      this.note = undefined;
      if (isTypePosition(literal.node)) {
        typeLiterals.push(literal);
        continue;
      }
      const conditional = conditionalAround(literal.node);
      // Both branches of `"deepseek-reasoner" if deep else "deepseek-chat"` form one site.
      if (conditional && conditionals.has(conditional.id)) continue;
      if (conditional) conditionals.add(conditional.id);
      const outcome = conditional ? this.planConditional(conditional) : this.planLiteral(literal);
      sites.push(outcome instanceof Failure ? { literal, review: { code: outcome.code, reason: outcome.reason } } : { literal, edits: outcome, note: this.note });
    }
    // Type hints are not sent: they follow the values where a value migrates, and are listed (not blocking) elsewhere.
    const valuesMigrate = sites.some((site) => site.edits !== undefined && site.edits.length > 0);
    for (const literal of typeLiterals) {
      if (!valuesMigrate) {
        sites.push({ literal, review: { code: 'type', reason: 'a type hint names a legacy ID and no value of this module migrates: update it with the values it describes' } });
        continue;
      }
      const duplicate = this.earlierSameLiteral(literal);
      // `Literal["deepseek-chat", "deepseek-reasoner"]` → one `"deepseek-v4-flash"`, not two.
      const edit: TextEdit = duplicate
        ? { range: [duplicate.endIndex, outermost(literal.node).endIndex], text: '' }
        : { range: [literal.content.startIndex, literal.content.endIndex], text: literal.prefix + this.target };
      sites.push({ literal, edits: [edit] });
    }
    sites.sort((a, b) => a.literal.node.startIndex - b.literal.node.startIndex);
    return withoutOverlaps(sites);
  }

  private planLiteral(literal: LegacyString): Outcome {
    const thinking: ThinkingValue = literal.thinking;
    const replace: TextEdit = { range: [literal.content.startIndex, literal.content.endIndex], text: literal.prefix + this.target };
    const literalValue = outermost(literal.node);
    // `model or "deepseek-chat"`: the fallback is what is sent by default (not an environment read's: that is listed).
    const value = fallbackHolder(literalValue);
    const parent = value.parent;
    if (!parent) return this.elsewhere(value);
    // litellm's provider prefix means nothing outside a litellm call (OpenRouter names models the same way).
    if (literal.prefix && !this.isLitellmModel(value)) return [];
    if (parent.type === 'assignment' && parent.childForFieldName('right')?.id === value.id) {
      const left = parent.childForFieldName('left');
      if (left?.type === 'identifier') return this.withEdits([replace], this.planName(left, thinking));
      if (left?.type === 'attribute') return this.withEdits([replace], this.planAttribute(left, thinking));
    }
    if (this.isModelPosition(value)) return this.withEdits([replace], this.planModelValue(value, thinking));
    if ((parent.type === 'default_parameter' || parent.type === 'typed_default_parameter') && parent.childForFieldName('value')?.id === value.id) {
      return this.planDefault(parent.childForFieldName('name')!, replace, thinking) ?? this.elsewhere(value);
    }
    return this.elsewhere(literalValue);
  }

  /**
   * `def ask(question, model="deepseek-chat")` whose body sends `model` as the model of its
   * requests: the default is rewritten and each of them gets the flag. Undefined when the
   * function does not use the parameter at all.
   */
  private planDefault(name: PyNode, replace: TextEdit, thinking: ThinkingValue): Outcome | undefined {
    if (this.module.assignmentsOf(name) !== 1) return undefined;
    const uses = this.module.usesOfName(name);
    if (uses.length === 0) return undefined;
    const otherUse = (line: number) =>
      new Failure('default-parameter', `\`${name.text}\` defaults to a legacy ID and is used outside a DeepSeek request (line ${line}): set the default and the thinking flag by hand`);
    return this.withEdits([replace], this.planUses(name.text, uses, thinking, otherUse));
  }

  /** In `Literal[a, b]`, the item before `literal` that says the same once migrated (the target, or another legacy ID). */
  private earlierSameLiteral(literal: LegacyString): PyNode | undefined {
    const item = outermost(literal.node);
    const subscript = item.parent;
    if (subscript?.type !== 'subscript') return undefined;
    const items = subscript.childrenForFieldName('subscript').filter((child): child is PyNode => child !== null);
    const at = items.findIndex((child) => child.id === item.id);
    if (at <= 0) return undefined;
    const migrated = (node: PyNode) => {
      const text = stringValue(node);
      return text !== undefined && (text === this.target || legacyModel(text) !== undefined);
    };
    return items.slice(0, at).some(migrated) ? items[at - 1] : undefined;
  }

  /** `model="deepseek-reasoner" if deep else "deepseek-chat"` → one ID and `{"type": "enabled" if deep else "disabled"}`. */
  private planConditional(conditional: PyNode): Outcome {
    const [whenTrueNode, testNode, whenFalseNode] = conditional.namedChildren.filter((child): child is PyNode => child !== null && child.type !== 'comment');
    const whenTrue = legacyStringOf(unparenthesized(whenTrueNode) ?? whenTrueNode);
    const whenFalse = legacyStringOf(unparenthesized(whenFalseNode) ?? whenFalseNode);
    if (!whenTrue || !whenFalse || whenTrue.prefix || whenFalse.prefix) {
      return new Failure('conditional', 'a conditional that mixes a legacy ID with another value: choose the model and thinking flag by hand');
    }
    const value = outermost(conditional);
    if (!this.isModelPosition(value)) {
      return new Failure('conditional', 'a conditional model outside a request in this module: set the model and the thinking flag by hand');
    }
    const test = LOW_PRECEDENCE_TESTS.has(testNode.type) ? `(${testNode.text})` : testNode.text;
    const thinking: ThinkingValue =
      whenTrue.thinking === whenFalse.thinking
        ? whenTrue.thinking
        : { test, whenTrue: whenTrue.thinking, whenFalse: whenFalse.thinking, toString: () => `${whenTrue.thinking} if ${test}, else ${whenFalse.thinking}` };
    const replace: TextEdit = { range: [conditional.startIndex, conditional.endIndex], text: this.q(this.target) };
    return this.withEdits([replace], this.planModelValue(value, thinking));
  }

  // -------------------------------------------------------------------------
  // Where a model value is used
  // -------------------------------------------------------------------------

  private isModelPosition(value: PyNode): boolean {
    const parent = value.parent;
    if (parent?.type === 'keyword_argument') return ['model', 'model_name'].includes(parent.childForFieldName('name')?.text ?? '');
    if (parent?.type === 'pair') return parent.childForFieldName('value')?.id === value.id && stringKey(parent) === 'model';
    if (parent?.type === 'assignment') return subscriptKey(parent.childForFieldName('left')) === 'model';
    return false;
  }

  /** A value in a model position (a literal, or a use of a constant that holds one): the flag goes with the request. */
  private planModelValue(value: PyNode, thinking: ThinkingValue): Outcome {
    const parent = value.parent!;
    if (parent.type === 'keyword_argument') {
      const call = parent.parent?.parent;
      const kind = call?.type === 'call' ? this.requestKind(call) : undefined;
      const name = parent.childForFieldName('name')?.text;
      if (call && name === 'model' && callName(call) === 'dict') return this.planDictCall(call, thinking);
      if (call && kind && kind !== 'http' && (name === 'model' || kind === 'langchain')) return this.planCallFlag(call, kind, thinking);
      return new Failure(
        'not-a-request',
        `\`${name}=\` in a call that is not a DeepSeek request this file shows (a wrapper, or a value that crosses modules): set the model and the thinking flag (thinking ${thinking}) where the request is made`,
      );
    }
    if (parent.type === 'pair') return this.planDictBody(parent.parent!, thinking);
    return this.planSubscriptBody(parent, thinking);
  }

  private requestKind(call: PyNode): RequestKind | undefined {
    return requestKind(this.module, call);
  }

  private isLitellmModel(value: PyNode): boolean {
    const keyword = value.parent;
    const call = keyword?.type === 'keyword_argument' ? keyword.parent?.parent : undefined;
    return call?.type === 'call' && this.requestKind(call) === 'litellm';
  }

  /** The flag as a keyword of the SDK call. */
  private planCallFlag(call: PyNode, kind: Exclude<RequestKind, 'http'>, thinking: ThinkingValue): Outcome {
    const form: CallForm = kind === 'anthropic' ? 'anthropic' : kind === 'litellm' ? 'litellm' : 'extra-body';
    if (!this.showsDeepSeek && kind !== 'litellm') {
      this.note = {
        code: 'no-visible-sender',
        reason: `migrated as a DeepSeek request (thinking ${thinking}), but this module does not show the client's DeepSeek base URL: check the request goes to DeepSeek`,
      };
    }
    const args = call.childForFieldName('arguments');
    if (args?.type !== 'argument_list') return new Failure('not-object-literal', 'the call has no argument list to add the thinking flag to: add it by hand');
    const splat = args.namedChildren.find((child) => child?.type === 'dictionary_splat');
    if (splat) {
      return new Failure('spread', `the call spreads \`${splat.text.slice(2)}\`, which may already set the thinking flag: add it (thinking ${thinking}) by hand`);
    }
    if (form === 'extra-body') {
      const extraBody = keywordArgument(args, 'extra_body');
      if (!extraBody) return this.insertItem(args, `extra_body={${this.q('thinking')}: ${this.flagValue(thinking, false)}}`);
      const dict = unparenthesized(extraBody.childForFieldName('value'));
      if (dict?.type !== 'dictionary') {
        return new Failure('not-object-literal', `\`extra_body\` is not a dict literal here: add ${this.q('thinking')}: ${this.flagValue(thinking, false)} to it by hand`);
      }
      return this.ensureKey(dict, 'thinking', thinking, false, 'extra_body');
    }
    const anthropic = form === 'anthropic';
    const existing = keywordArgument(args, 'thinking');
    if (existing) return this.keepIfSame(existing.childForFieldName('value'), thinking, 'thinking');
    return this.insertItem(args, `thinking=${this.flagValue(thinking, anthropic)}`);
  }

  /** A dict literal with `"model"`: where is it sent? */
  private planDictBody(dict: PyNode, thinking: ThinkingValue): Outcome {
    const sending = this.senderOf(dict);
    if (sending instanceof Failure) return sending;
    if (!sending) {
      if (!hasKey(dict, 'messages') && !hasKey(dict, 'thinking')) {
        return new Failure(
          'not-a-request',
          `\`"model"\` in a dict that is not a DeepSeek request this file sends (config dict, or a value that crosses modules): set the model and the thinking flag (thinking ${thinking}) where the request is made`,
        );
      }
      this.note = {
        code: 'no-visible-sender',
        reason: `migrated as a DeepSeek chat body (thinking ${thinking}), but no request in this module sends it: check the flag reaches the API`,
      };
      return this.ensureKey(dict, 'thinking', thinking, false);
    }
    if (sending.form === 'extra-body') {
      const extraBody = pairOf(dict, 'extra_body');
      if (!extraBody) {
        if (dict.namedChildren.some((child) => child?.type === 'dictionary_splat')) return this.spreadFailure(dict, thinking);
        return this.insertItem(dict, `${this.q('extra_body')}: {${this.q('thinking')}: ${this.flagValue(thinking, false)}}`);
      }
      const inner = unparenthesized(extraBody.childForFieldName('value'));
      if (inner?.type !== 'dictionary') return new Failure('not-object-literal', `\`"extra_body"\` is not a dict literal here: add the thinking flag (thinking ${thinking}) by hand`);
      return this.ensureKey(inner, 'thinking', thinking, false, 'extra_body');
    }
    return this.ensureKey(dict, 'thinking', thinking, sending.surface === 'anthropic');
  }

  /** `dict(model="deepseek-chat", messages=…)`: the dict literal's keyword form. */
  private planDictCall(call: PyNode, thinking: ThinkingValue): Outcome {
    const args = call.childForFieldName('arguments')!;
    const sending = this.senderOf(call);
    if (sending instanceof Failure) return sending;
    if (args.namedChildren.some((child) => child?.type === 'dictionary_splat')) return this.spreadFailure(args, thinking);
    if (!sending) {
      if (!keywordArgument(args, 'messages')) {
        return new Failure(
          'not-a-request',
          `\`model=\` in a dict that is not a DeepSeek request this file sends (config dict, or a value that crosses modules): set the model and the thinking flag (thinking ${thinking}) where the request is made`,
        );
      }
      this.note = {
        code: 'no-visible-sender',
        reason: `migrated as a DeepSeek chat body (thinking ${thinking}), but no request in this module sends it: check the flag reaches the API`,
      };
    }
    const key = sending?.form === 'extra-body' ? 'extra_body' : 'thinking';
    const existing = keywordArgument(args, key);
    if (key === 'extra_body') {
      if (!existing) return this.insertItem(args, `extra_body={${this.q('thinking')}: ${this.flagValue(thinking, false)}}`);
      const inner = unparenthesized(existing.childForFieldName('value'));
      if (inner?.type !== 'dictionary') return new Failure('not-object-literal', `\`extra_body\` is not a dict literal here: add the thinking flag (thinking ${thinking}) by hand`);
      return this.ensureKey(inner, 'thinking', thinking, false, 'extra_body');
    }
    if (existing) return this.keepIfSame(existing.childForFieldName('value'), thinking, 'thinking');
    return this.insertItem(args, `thinking=${this.flagValue(thinking, sending?.surface === 'anthropic')}`);
  }

  /** `body["model"] = "deepseek-chat"`: the flag goes in a statement after it, unless the dict sets it already. */
  private planSubscriptBody(assignment: PyNode, thinking: ThinkingValue): Outcome {
    const target = assignment.childForFieldName('left')!.childForFieldName('value');
    if (target?.type !== 'identifier') return new Failure('not-object-literal', 'the model is set on an expression, not a named dict: add the thinking flag by hand');
    const dict = this.module.dictAssignedTo(target);
    if (!dict) return new Failure('not-object-literal', `\`${target.text}\` is not a dict literal assigned once in this scope: add the thinking flag (thinking ${thinking}) by hand`);
    const sending = this.senderOf(dict);
    if (sending instanceof Failure) return sending;
    if (sending?.form === 'extra-body') return new Failure('not-object-literal', `\`${target.text}\` is spread into an openai call: add "extra_body": {"thinking": …} (thinking ${thinking}) by hand`);
    if (hasKey(dict, 'thinking') || this.module.subscriptAssignments(target).some((node) => subscriptKey(node.childForFieldName('left')) === 'thinking')) {
      return new Failure('conflict', `\`${target.text}\` already sets "thinking": check it matches the legacy ID (thinking ${thinking}) by hand`);
    }
    if (!sending) {
      this.note = {
        code: 'no-visible-sender',
        reason: `migrated as a DeepSeek chat body (thinking ${thinking}), but no request in this module sends it: check the flag reaches the API`,
      };
    }
    const statement = assignment.parent!;
    const lineEnd = this.lineEndAfter(statement.endIndex);
    const indent = this.indentationOf(statement.startIndex) ?? '';
    const eol = this.lineEndingAt(lineEnd);
    const value = this.flagValue(thinking, sending?.surface === 'anthropic');
    return [{ range: [lineEnd, lineEnd], text: `${eol}${indent}${target.text}[${this.q('thinking')}] = ${value}` }];
  }

  /**
   * How a dict body leaves the module: `json=` / `json.dumps(…)` of an HTTP call (the URL
   * tells the surface), `**` into an SDK call, or through the name it is assigned to.
   * undefined: not sent here.
   */
  private senderOf(dict: PyNode): { form: 'dict' | 'extra-body'; surface: Surface } | Failure | undefined {
    const sends = this.module.valueUses(dict).map((use) => this.sendOfUse(use)).filter((send) => send !== undefined);
    if (sends.length === 0) return undefined;
    const first = sends[0];
    if (sends.some((send) => send.form !== first.form || send.surface !== first.surface)) {
      return new Failure('conflict', 'the dict is sent by requests of different kinds: add the thinking flag by hand');
    }
    return first;
  }

  private sendOfUse(use: PyNode): { form: 'dict' | 'extra-body'; surface: Surface } | undefined {
    const parent = use.parent;
    if (parent?.type === 'dictionary_splat') {
      const call = parent.parent?.parent;
      const kind = call?.type === 'call' ? this.requestKind(call) : undefined;
      if (kind === 'openai' || kind === 'langchain') return { form: 'extra-body', surface: 'openai' };
      if (kind === 'anthropic') return { form: 'dict', surface: 'anthropic' };
      if (kind === 'litellm') return { form: 'dict', surface: 'openai' };
      return undefined;
    }
    let sent = use;
    // `json.dumps(body)` as the body of an HTTP call.
    if (parent?.type === 'argument_list' && parent.parent && callName(parent.parent) === 'json.dumps') {
      const dumps = parent.parent;
      const keyword = dumps.parent;
      if (keyword?.type !== 'keyword_argument' || !TEXT_BODY_KEYWORDS.includes(keyword.childForFieldName('name')?.text ?? '')) {
        return { form: 'dict', surface: 'openai' };
      }
      sent = dumps;
    }
    const keyword = sent.parent;
    if (keyword?.type !== 'keyword_argument') return undefined;
    const name = keyword.childForFieldName('name')?.text ?? '';
    if (name !== 'json' && !(sent !== use && TEXT_BODY_KEYWORDS.includes(name))) return undefined;
    const call = keyword.parent?.parent;
    if (call?.type !== 'call' || this.requestKind(call) !== 'http') return undefined;
    const url = requestUrl(this.module, call);
    if (url && isDeepSeekUrl(url.text)) return { form: 'dict', surface: surfaceOfUrl(url.text) };
    this.note = {
      code: 'no-visible-sender',
      reason: 'migrated as a DeepSeek chat body, but the URL it is posted to is not a DeepSeek URL this module shows: check the request goes to DeepSeek',
    };
    return { form: 'dict', surface: url?.text && /\/anthropic(?:\/|$)/.test(url.text) ? 'anthropic' : 'openai' };
  }

  // -------------------------------------------------------------------------
  // Names: constants, class attributes, instance attributes
  // -------------------------------------------------------------------------

  private planName(name: PyNode, thinking: ThinkingValue): Outcome {
    const scope = scopeOf(name);
    if (scope.type === 'class_definition') return this.planClassMember(scope, name.text, thinking, name);
    const assignments = this.module.assignmentsOf(name);
    if (assignments !== 1) {
      return new Failure('reassignable', `\`${name.text}\` is assigned more than once (or is a parameter or loop variable) and may change: migrate it by hand`);
    }
    if (this.module.exportedNames().has(name.text)) {
      return new Failure('exported', `\`${name.text}\` is listed in __all__, so the value crosses modules: migrate it where the requests are made`);
    }
    const uses = this.module.usesOfName(name);
    return this.planUses(name.text, uses, thinking);
  }

  private planAttribute(attribute: PyNode, thinking: ThinkingValue): Outcome {
    const owner = attribute.childForFieldName('object');
    const field = attribute.childForFieldName('attribute')?.text;
    if (owner?.type !== 'identifier' || !field || !['self', 'cls'].includes(owner.text)) {
      return new Failure('crosses-files', `a legacy ID assigned to \`${attribute.text}\` reaches a request this module does not show: migrate it where the request is made`);
    }
    const klass = enclosing(attribute, 'class_definition');
    if (!klass) return this.elsewhere(attribute);
    return this.planClassMember(klass, field, thinking, attribute);
  }

  /** `MODEL = "…"` in a class body, or `self.model = "…"` in one of its methods: the uses are `self.<field>`, `cls.<field>`, `<Class>.<field>`. */
  private planClassMember(klass: PyNode, field: string, thinking: ThinkingValue, definition: PyNode): Outcome {
    const { assignments, uses } = this.module.classMember(klass, field, definition);
    if (assignments !== 1) return new Failure('reassignable', `\`${field}\` is assigned more than once in the class and may change: migrate it by hand`);
    return this.planUses(field, uses, thinking);
  }

  private planUses(name: string, uses: readonly PyNode[], thinking: ThinkingValue, otherUse: (line: number) => Failure = constantOtherUse): Outcome {
    if (uses.length === 0) {
      return new Failure('constant-unused', `\`${name}\` is not used as the model of a DeepSeek request in this module: set the thinking flag (thinking ${thinking}) where it is used`);
    }
    const edits: TextEdit[] = [];
    for (const use of uses) {
      const value = outermost(use);
      if (!this.isModelPosition(value)) return otherUse(use.startPosition.row + 1);
      const outcome = this.planModelValue(value, thinking);
      if (outcome instanceof Failure) return outcome;
      edits.push(...outcome);
    }
    return edits;
  }

  // -------------------------------------------------------------------------
  // Other places
  // -------------------------------------------------------------------------

  private elsewhere(value: PyNode): Failure {
    const parent = value.parent;
    const call = parent?.type === 'argument_list' ? parent.parent : undefined;
    if (call && ENV_READ.test(callName(call) ?? '')) {
      return new Failure('env-fallback', 'the fallback of an environment variable: update the default and the environment, and set the thinking flag where the request is made');
    }
    if (parent?.type === 'boolean_operator' && parent.childForFieldName('right')?.id === value.id) {
      const left = unparenthesized(parent.childForFieldName('left'));
      if (left?.type === 'call' && ENV_READ.test(callName(left) ?? '')) {
        return new Failure('env-fallback', 'the fallback of an environment variable: update the default and the environment, and set the thinking flag where the request is made');
      }
    }
    switch (parent?.type) {
      case 'comparison_operator':
        return new Failure('comparison', 'compared with a legacy ID: after the migration no request sends it; compare with the new model and the thinking flag');
      case 'pair':
        if (parent.childForFieldName('key')?.id === value.id) {
          return new Failure('object-key', 'a legacy ID as a dict key (config map): migrate the map and its lookups by hand');
        }
        break;
      case 'default_parameter':
      case 'typed_default_parameter':
        return new Failure('default-parameter', 'a default parameter value: the request is made elsewhere, set the thinking flag there');
      case 'conditional_expression':
        return new Failure('conditional', 'a conditional model: choose the model and the thinking flag by hand');
      default:
        break;
    }
    const where = describeContext(parent);
    return new Failure('crosses-files', `a legacy ID ${where ? `in ${where}` : 'here'} reaches a request this module does not show: migrate it where the request is made`);
  }

  // -------------------------------------------------------------------------
  // Text
  // -------------------------------------------------------------------------

  private q(text: string): string {
    return `${this.quote}${text}${this.quote}`;
  }

  /** `{"type": "disabled"}`; on the Anthropic surface `"enabled"` carries `budget_tokens` (its SDK requires it, DeepSeek ignores it). */
  private flagValue(thinking: ThinkingValue, anthropic: boolean): string {
    const single = (type: ThinkingType) => {
      const budget = anthropic && type === 'enabled' ? `, ${this.q('budget_tokens')}: ${ANTHROPIC_BUDGET_TOKENS}` : '';
      return `{${this.q('type')}: ${this.q(type)}${budget}}`;
    };
    if (typeof thinking === 'string') return single(thinking);
    // The Anthropic SDK needs budget_tokens with "enabled", so the whole dict switches.
    if (anthropic) return `${single(thinking.whenTrue)} if ${thinking.test} else ${single(thinking.whenFalse)}`;
    return `{${this.q('type')}: ${this.q(thinking.whenTrue)} if ${thinking.test} else ${this.q(thinking.whenFalse)}}`;
  }

  /** Make `dict[key]` the flag: added when missing, kept when it already says the same, a conflict otherwise. */
  private ensureKey(dict: PyNode, key: string, thinking: ThinkingValue, anthropic: boolean, path?: string): Outcome {
    const existing = pairOf(dict, key);
    if (existing) return this.keepIfSame(existing.childForFieldName('value'), thinking, path ? `${path}.${key}` : key);
    if (dict.namedChildren.some((child) => child?.type === 'dictionary_splat')) return this.spreadFailure(dict, thinking);
    return this.insertItem(dict, `${this.q(key)}: ${this.flagValue(thinking, anthropic)}`);
  }

  private spreadFailure(dict: PyNode, thinking: ThinkingValue): Failure {
    const splat = dict.namedChildren.find((child) => child?.type === 'dictionary_splat');
    return new Failure('spread', `the dict spreads \`${splat?.text.slice(2) ?? '…'}\`, which may already set "thinking": add the thinking flag (thinking ${thinking}) by hand`);
  }

  private keepIfSame(value: PyNode | null, thinking: ThinkingValue, what: string): Outcome {
    const dict = unparenthesized(value);
    const type = dict?.type === 'dictionary' ? pairOf(dict, 'type')?.childForFieldName('value') : undefined;
    if (type && typeof thinking === 'string' && stringValue(type) === thinking) return [];
    return new Failure('conflict', `the request already sets \`${what}\` to ${value?.text.replace(/\s+/g, ' ') ?? '?'}, which conflicts with the legacy ID (thinking ${thinking}): choose by hand`);
  }

  /**
   * Add `text` as the last item of an argument list or dict, following its layout: on a new
   * line with the last item's indentation and the file's line ending when the items sit on
   * their own lines (a trailing comma kept), `, text` on one line otherwise.
   */
  private insertItem(container: PyNode, text: string): Outcome {
    const source = this.source;
    const open = container.startIndex;
    const close = container.endIndex - 1;
    const items = container.namedChildren.filter((child): child is PyNode => child !== null && child.type !== 'comment');
    if (items.length === 0) {
      if (source.slice(open + 1, close).trim() !== '') return new Failure('not-object-literal', 'an empty dict or call with comments: add the thinking flag by hand');
      return [{ range: [open + 1, close], text }];
    }
    const last = items[items.length - 1];
    const lastEnd = last.endIndex;
    const comma = /^(?:\s|#[^\n]*)*,/.exec(source.slice(lastEnd, close));
    const commaAt = comma ? lastEnd + comma[0].length - 1 : undefined;
    const multiLine = source.slice(open, items[0].startIndex).includes('\n');
    if (!multiLine) return [{ range: [lastEnd, lastEnd], text: `, ${text}` }];
    const indent = this.indentationOf(last.startIndex) ?? this.indentationOf(items[0].startIndex) ?? '';
    const anchor = commaAt === undefined ? lastEnd : commaAt + 1;
    const at = this.lineEndAfter(anchor);
    const eol = this.lineEndingAt(at);
    if (commaAt !== undefined) return [{ range: [at, at], text: `${eol}${indent}${text},` }];
    if (at === lastEnd) return [{ range: [lastEnd, lastEnd], text: `,${eol}${indent}${text}` }];
    return [
      { range: [lastEnd, lastEnd], text: ',' },
      { range: [at, at], text: `${eol}${indent}${text}` },
    ];
  }

  /** The end of the line of `offset` when only whitespace or a `#` comment follows it; `offset` otherwise. */
  private lineEndAfter(offset: number): number {
    const newline = this.source.indexOf('\n', offset);
    const lineEnd = newline === -1 ? this.source.length : this.source[newline - 1] === '\r' ? newline - 1 : newline;
    return /^[ \t]*(?:#.*)?$/.test(this.source.slice(offset, lineEnd)) ? lineEnd : offset;
  }

  private lineEndingAt(offset: number): string {
    if (this.source.startsWith('\r\n', offset)) return '\r\n';
    if (this.source[offset] === '\n') return '\n';
    return this.source.includes('\r\n') ? '\r\n' : '\n';
  }

  private indentationOf(offset: number): string | undefined {
    const lineStart = this.source.lastIndexOf('\n', offset - 1) + 1;
    const before = this.source.slice(lineStart, offset);
    return /^[ \t]*$/.test(before) ? before : undefined;
  }

  private withEdits(first: TextEdit[], rest: Outcome): Outcome {
    return rest instanceof Failure ? rest : [...first, ...rest];
  }
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

function legacyStringOf(node: PyNode): LegacyString | undefined {
  const parts = node.children;
  if (parts.length !== 3 || parts[1]?.type !== 'string_content') return undefined;
  const start = parts[0]!.text;
  // Bytes are not a model ID; raw, unicode and f-strings without interpolation are.
  const quoteMatch = /^[rRuUfF]{0,2}(['"])/.exec(start);
  if (!quoteMatch || /[bB]/.test(start)) return undefined;
  const content = parts[1]!;
  const text = content.text;
  const prefix = text.startsWith(LEGACY_PREFIX) ? LEGACY_PREFIX : '';
  const legacy = legacyModel(text.slice(prefix.length));
  if (!legacy) return undefined;
  return { node, content, id: text, prefix, thinking: legacy.thinking, quote: quoteMatch[1] };
}

function constantOtherUse(line: number): Failure {
  return new Failure('constant-other-use', `the constant is also used outside a DeepSeek request (line ${line}): its meaning changes with the model, migrate it by hand`);
}

/** Tests that need parentheses once moved into `a if test else b`. */
const LOW_PRECEDENCE_TESTS = new Set(['conditional_expression', 'lambda', 'named_expression']);

/** In a type hint: an annotation, or `Literal[...]`. */
function isTypePosition(node: PyNode): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'type') return true;
    if (current.type === 'subscript' && /(?:^|\.)Literal$/.test(current.childForFieldName('value')?.text ?? '')) return true;
    if (/statement$|^(?:block|module|call|pair|keyword_argument|argument_list)$/.test(current.type)) return false;
  }
  return false;
}

/** The conditional expression a string is a branch of (not its condition). */
function conditionalAround(node: PyNode): PyNode | undefined {
  const value = outermost(node);
  const parent = value.parent;
  if (parent?.type !== 'conditional_expression') return undefined;
  const branches = parent.namedChildren.filter((child) => child !== null && child.type !== 'comment');
  return branches[1]?.id === value.id ? undefined : parent;
}

/** The `or` expressions a value is the fallback of (`options.model or "deepseek-chat"`), unless the left side reads the environment. */
function fallbackHolder(value: PyNode): PyNode {
  let current = value;
  for (let parent = current.parent; parent?.type === 'boolean_operator'; parent = current.parent) {
    if (parent.childForFieldName('operator')?.text !== 'or' || parent.childForFieldName('right')?.id !== current.id) break;
    const left = unparenthesized(parent.childForFieldName('left'));
    if (left?.type === 'call' && ENV_READ.test(callName(left) ?? '')) break;
    if (left?.type === 'subscript' && left.childForFieldName('value')?.text === 'os.environ') break;
    current = outermost(parent);
  }
  return current;
}

/** The node, above any parentheses around it. */
function outermost(node: PyNode): PyNode {
  let current = node;
  while (current.parent?.type === 'parenthesized_expression') current = current.parent;
  return current;
}

function unparenthesized(node: PyNode | null | undefined): PyNode | undefined {
  let current = node ?? undefined;
  while (current?.type === 'parenthesized_expression') current = current.namedChildren.find((child) => child?.type !== 'comment') ?? undefined;
  return current;
}

function enclosing(node: PyNode, type: string): PyNode | undefined {
  for (let current = node.parent; current; current = current.parent) if (current.type === type) return current;
  return undefined;
}

function pairOf(dict: PyNode, key: string): PyNode | undefined {
  return dict.namedChildren.find((child): child is PyNode => child?.type === 'pair' && stringKey(child) === key);
}

function hasKey(dict: PyNode, key: string): boolean {
  return pairOf(dict, key) !== undefined;
}

/** `"model"` of `body["model"]`. */
function subscriptKey(node: PyNode | null | undefined): string | undefined {
  if (node?.type !== 'subscript') return undefined;
  const key = node.childForFieldName('subscript');
  return key ? stringValue(key) : undefined;
}

function describeContext(parent: PyNode | null): string | undefined {
  switch (parent?.type) {
    case 'pair':
      return 'a dict';
    case 'argument_list':
    case 'keyword_argument':
      return 'a function argument';
    case 'list':
    case 'tuple':
    case 'set':
      return 'a list';
    case 'return_statement':
      return 'a return value';
    case 'assignment':
      return 'an assignment';
    case 'subscript':
      return 'a lookup';
    default:
      return undefined;
  }
}

/** Two sites editing the same text cannot both be certain: the later one goes to review. */
function withoutOverlaps(sites: PlannedSite[]): PlannedSite[] {
  const taken: TextEdit[] = [];
  const overlaps = (a: TextEdit, b: TextEdit) =>
    a.range[0] === a.range[1] && b.range[0] === b.range[1] ? a.range[0] === b.range[0] : a.range[0] < b.range[1] && b.range[0] < a.range[1];
  return sites.map((site) => {
    if (!site.edits) return site;
    if (site.edits.some((edit) => taken.some((other) => overlaps(edit, other)))) {
      return { literal: site.literal, review: { code: 'conflict' as const, reason: 'another legacy ID edits the same request; migrate this one by hand' } };
    }
    taken.push(...site.edits);
    return site;
  });
}
