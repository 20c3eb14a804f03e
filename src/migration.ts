/**
 * The V4 model migration planner, shared by the codemod (codemods/transform.ts)
 * and the rule `no-legacy-model-id`.
 *
 * Given a parsed file and the shared DeepSeek analysis, it finds every legacy
 * model ID written as a whole string (`'deepseek-chat'`, `` `deepseek-reasoner` ``;
 * never inside prose) and plans, per site, either text edits or a "needs review"
 * reason. Text edits (not a reprint) keep the file's quotes, indentation,
 * trailing commas, line endings and BOM, and touch only the changed lines.
 *
 * V4 models think by default, so a migration always writes the thinking flag
 * explicitly, in the form each SDK sends (docs/sdk-evidence.md, docs/migration.md):
 * - openai-node `chat.completions.create`: `thinking: { type }` in the body. In
 *   TypeScript as `...({ thinking: { type } } as object)`, in `// @ts-check` JS as
 *   `...Object.assign({}, { thinking: { type } })`: openai's types reject a plain extra
 *   property with TS2769, a spread is not checked for extra properties, and the SDK
 *   sends unknown body keys as they are (sdk-evidence §1). A spread of a bare object
 *   literal would do for tsc, but eslint-plugin-unicorn's `no-useless-spread` autofixes
 *   it into the plain property.
 * - raw HTTP bodies (fetch/axios/got/ky, `JSON.stringify({...})`): `thinking: { type }`.
 * - Anthropic SDK / the `/anthropic` surface: `thinking: { type: 'disabled' }` or
 *   `{ type: 'enabled', budget_tokens: 1024 }`: the SDK's types require
 *   `budget_tokens` and DeepSeek ignores it (sdk-evidence §4).
 * - Vercel AI SDK: `providerOptions: { deepseek: { thinking: { type } } }` on the
 *   call options that use the model, merged into what is there (sdk-evidence §2).
 * - LangChain `ChatDeepSeek` / `ChatOpenAI`: `modelKwargs: { thinking: { type } }`
 *   in the constructor fields; modelKwargs is spread into the body (sdk-evidence §3).
 */
import {
  type CurrentModelId,
  DEFAULT_TARGET_MODEL,
  THINKING_DEFAULT,
  type ThinkingType,
  legacyModel,
} from './deepseek';
import {
  type Node,
  type ObjectExpression,
  type Property,
  findProperty,
  lineColumnAt,
  literalText,
  memberPath,
  propertyKeyName,
  rangeOf,
  startOf,
  unwrap,
  walk,
} from './analysis/ast';
import type { DeepSeekAnalysis, ImportedFact, ModelFactoryCall, RequestBody } from './analysis/requests';
import { type LegacyLiteral, isDeepSeekProviderCall, legacyLiteralOf } from './analysis/model-sites';

export interface TextEdit {
  /** [start, end) offsets into the source text (without BOM); start === end inserts. */
  readonly range: readonly [number, number];
  readonly text: string;
}

/** Why a site needs a human; the message is in `reason`. */
export type ReviewCode =
  | 'conflict'
  | 'comparison'
  | 'jsx'
  | 'object-key'
  | 'not-a-request'
  | 'exported'
  | 'reassignable'
  | 'constant-other-use'
  | 'constant-unused'
  | 'env-fallback'
  | 'default-parameter'
  | 'conditional'
  | 'model-not-used'
  | 'model-other-use'
  | 'other-provider'
  | 'not-object-literal'
  | 'spread'
  | 'crosses-files'
  | 'imported-model'
  | 'type';

/**
 * Whether a review item means a retired ID may still be sent (true: `migrate --check`
 * fails on it). Only a comparison and a UI label send nothing themselves; everything
 * else is a value that reaches, or may reach, a request. A Record, so a new code must
 * be placed here.
 */
const BLOCKING_REVIEW: Readonly<Record<ReviewCode, boolean>> = {
  comparison: false,
  jsx: false,
  conflict: true,
  'object-key': true,
  'not-a-request': true,
  exported: true,
  'imported-model': true,
  reassignable: true,
  'constant-other-use': true,
  'constant-unused': true,
  'env-fallback': true,
  'default-parameter': true,
  conditional: true,
  'model-not-used': true,
  'model-other-use': true,
  'other-provider': true,
  'not-object-literal': true,
  spread: true,
  'crosses-files': true,
  // A type is not sent; `tsc` tells where it no longer fits.
  type: false,
};

/** See BLOCKING_REVIEW. An item without a code (from an older transform) blocks: the safe side. */
export function isBlockingReview(code: ReviewCode | undefined): boolean {
  return code === undefined || BLOCKING_REVIEW[code];
}

export type { LegacyLiteral };

/** One place to migrate: one or more legacy literals (two for a conditional) and how. */
export interface MigrationSite {
  readonly literals: readonly LegacyLiteral[];
  /** Certain edits; undefined when the site needs review. */
  readonly edits?: readonly TextEdit[];
  readonly review?: { readonly code: ReviewCode; readonly reason: string };
  /** Certain edits that a reader should still know about (a body whose sender this file does not show). */
  readonly note?: { readonly code: NoteCode; readonly reason: string };
  /** The exported constant this site declares (the cross-file pass reads whether it migrated). */
  readonly exported?: string;
  /** A use of a legacy constant imported from another module (the cross-file pass). */
  readonly crossFile?: { readonly from: string; readonly name: string };
}

/**
 * The cross-file pass (codemods/cross-file.ts) decides, for each exported legacy constant,
 * from every use the project's files make of it, whether the constant may be rewritten.
 */
export type CrossFileVerdict = { readonly migrate: true; readonly usesElsewhere: number } | { readonly migrate: false; readonly reason: string };

/** A legacy constant this file imports, and the verdict on it (undefined while uses are being collected). */
export interface ImportedModel {
  readonly fact: Extract<ImportedFact, { kind: 'model-id' }>;
  /** The declaring file as the report shows it. */
  readonly shownFrom: string;
  readonly verdict?: CrossFileVerdict;
}

/** Why a migrated site is still worth a look. */
export type NoteCode = 'no-visible-sender';

/** How a file is type-checked: TypeScript syntax, `// @ts-check` JavaScript (JSDoc), or not at all. */
export type TypeChecking = 'typescript' | 'checked-js' | undefined;

export interface PlanOptions {
  readonly targetModel?: CurrentModelId;
  /**
   * Set for TypeScript and `// @ts-check` JavaScript: the openai-node body then gets
   * a spread form that type-checks against openai's types (see OPENAI_TYPED_FLAG).
   */
  readonly typeChecked?: TypeChecking;
  /** The cross-file pass: may each exported legacy constant of this file be rewritten? Unset: it is left for review. */
  readonly exportVerdict?: (name: string) => CrossFileVerdict | undefined;
  /** The cross-file pass: legacy constants imported from other modules, by local name; their uses get the flag. */
  readonly importedModels?: ReadonlyMap<string, ImportedModel>;
}

const TYPESCRIPT_FILE = /\.(?:ts|tsx|mts|cts)$/i;
const TS_CHECK_PRAGMA = /^\s*\/\/\s*@ts-check\b/m;

/** Whether (and how) openai-node bodies in this file need a type-checking flag form. */
export function typeCheckingOf(filePath: string, sourceText: string): TypeChecking {
  if (TYPESCRIPT_FILE.test(filePath)) return 'typescript';
  return TS_CHECK_PRAGMA.test(sourceText) ? 'checked-js' : undefined;
}

/**
 * The openai-node flag where the file is type-checked, around the `{ type }` value. Not a
 * spread of a bare object literal (`...{ thinking }`): unicorn's `no-useless-spread`
 * inlines that into a plain property, which is TS2769. A JSDoc cast would be inlined the
 * same way (the node is still an object literal), hence `Object.assign` in JavaScript.
 */
const OPENAI_TYPED_FLAG: Record<NonNullable<TypeChecking>, (value: string) => string> = {
  typescript: (value) => `...({ thinking: ${value} } as object)`,
  'checked-js': (value) => `...Object.assign({}, { thinking: ${value} })`,
};

/** The openai-node body flag with `value` (`{ type: 'disabled' }`), in the form the file's type checking accepts. */
export function openaiThinkingFlag(typeChecking: TypeChecking, value: string): string {
  return typeChecking ? OPENAI_TYPED_FLAG[typeChecking](value) : `thinking: ${value}`;
}

/** Any value ≥1024 satisfies the Anthropic SDK's type; DeepSeek ignores it (sdk-evidence §4). */
export const ANTHROPIC_BUDGET_TOKENS = 1024;

/** Every whole-string legacy model ID in the file, in source order. Type positions are skipped. */
export function findLegacyLiterals(program: Node): LegacyLiteral[] {
  const found: LegacyLiteral[] = [];
  walk(program, (node) => {
    const literal = legacyLiteralOf(node);
    if (literal) found.push(literal);
  });
  return found;
}

/** Plan the migration of a whole file. */
export function planMigration(
  program: Node,
  sourceText: string,
  analysis: DeepSeekAnalysis,
  options: PlanOptions = {},
): MigrationSite[] {
  // The analysis met every literal on its walk; a file it found irrelevant is walked here.
  const literals = analysis.relevant ? analysis.legacyLiterals : findLegacyLiterals(program);
  if (literals.length === 0 && !options.importedModels?.size) return [];
  return new Planner(program, sourceText, analysis, options).plan(literals);
}

/** Apply non-overlapping edits to a text (the codemod's half of what ESLint's fixer does). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let output = '';
  let position = 0;
  for (const edit of sorted) {
    if (edit.range[0] < position) throw new Error(`overlapping migration edits at offset ${edit.range[0]}`);
    output += text.slice(position, edit.range[0]) + edit.text;
    position = edit.range[1];
  }
  return output + text.slice(position);
}

// ---------------------------------------------------------------------------
// The flag value
// ---------------------------------------------------------------------------

/** The thinking flag to write: one value, or `test ? a : b` for a conditional model. */
type ThinkingValue =
  | { readonly kind: 'constant'; readonly type: ThinkingType }
  | { readonly kind: 'conditional'; readonly test: string; readonly whenTrue: ThinkingType; readonly whenFalse: ThinkingType };

/** Where the flag goes and in which form. */
type FlagForm = 'openai-typed' | 'plain' | 'anthropic' | 'ai-sdk' | 'langchain';

class Failure {
  constructor(
    readonly code: ReviewCode,
    readonly reason: string,
  ) {}
}

type Outcome = TextEdit[] | Failure;

const MODEL_KEYS = ['model'];
const LANGCHAIN_MODEL_KEYS = ['model', 'modelName'];
/** Operators of a conditional test that need parentheses once moved into `test ? a : b`. */
const LOW_PRECEDENCE_TESTS = new Set(['SequenceExpression', 'AssignmentExpression', 'ConditionalExpression', 'ArrowFunctionExpression', 'YieldExpression']);

class Planner {
  private readonly bodies = new Map<Node, RequestBody>();
  private readonly factoriesByCall = new Map<Node, ModelFactoryCall>();
  private identifierUses: Map<string, Node[]> | undefined;
  private readonly target: CurrentModelId;
  /** Quote character of the legacy literal being planned: inserted flag strings use it too. */
  private siteQuote = "'";
  /** Set while a site is planned when it declares an exported constant (see MigrationSite.exported). */
  private siteExport: string | undefined;
  /** Set while a site is planned when its edits come with a note (see MigrationSite.note). */
  private siteNote: MigrationSite['note'];

  constructor(
    private readonly program: Node,
    private readonly source: string,
    private readonly analysis: DeepSeekAnalysis,
    private readonly options: PlanOptions,
  ) {
    this.target = options.targetModel ?? DEFAULT_TARGET_MODEL;
    for (const body of analysis.bodies) this.bodies.set(body.object, body);
    for (const factory of analysis.modelFactories) this.factoriesByCall.set(factory.call, factory);
  }

  plan(literals: readonly LegacyLiteral[]): MigrationSite[] {
    const sites: MigrationSite[] = [];
    const conditionalSites = new Map<Node, MigrationSite>();
    for (const literal of literals) {
      this.siteQuote = this.quoteOf(literal.node);
      const parent = this.parentSkippingTypes(literal.node);
      // Both branches of `deep ? 'deepseek-reasoner' : 'deepseek-chat'` form one site.
      if (parent?.type === 'ConditionalExpression' && parent.test !== literal.node) {
        const existing = conditionalSites.get(parent);
        if (existing) continue;
        const site = this.planConditional(parent, literals);
        conditionalSites.set(parent, site);
        sites.push(site);
        continue;
      }
      this.siteExport = undefined;
      const site = this.toSite([literal], this.planLiteral(literal));
      sites.push(this.siteExport ? { ...site, exported: this.siteExport } : site);
    }
    sites.push(...this.planImportedModels());
    return this.withoutOverlaps(sites);
  }

  /**
   * Each use of an imported legacy constant (`import { MODEL } from './config'`) as the model
   * of a request this file sends gets the flag; the constant itself is rewritten in its own
   * file, once every use in the project is known to be one (CrossFileVerdict).
   */
  private planImportedModels(): MigrationSite[] {
    const sites: MigrationSite[] = [];
    for (const [local, imported] of this.options.importedModels ?? []) {
      const { fact, shownFrom, verdict } = imported;
      const thinking: ThinkingValue = { kind: 'constant', type: legacyModel(fact.id)?.thinking ?? THINKING_DEFAULT };
      const origin = `\`${local}\` (${fact.id}, from ${shownFrom}:${fact.line})`;
      for (const use of this.usesOf(local)) {
        const parent = this.analysis.parentOf(use);
        if (parent?.type === 'ImportSpecifier' || parent?.type === 'ImportDefaultSpecifier') continue;
        const binding = this.analysis.bindingOf(use);
        if (!this.isModuleImport(binding) || startOf(binding!.id) === startOf(use)) continue; // a local of the same name, or the import itself
        this.siteQuote = this.preferredQuote();
        const literal: LegacyLiteral = { node: use, id: fact.id, thinking: thinking.type };
        const otherUse = (where: string) =>
          new Failure('imported-model', `${origin} is used outside a DeepSeek request here (${where}): migrate the constant and its uses by hand`);
        const flagged = fact.aiSdkModel ? this.planImportedAiSdkModelUse(use, thinking, otherUse) : this.planConstantUse(use, thinking, otherUse);
        // A use that cannot take the flag says so itself; the others wait for the constant's verdict.
        const outcome = verdict && !verdict.migrate && !(flagged instanceof Failure) ? new Failure('exported', `${origin} is not migrated: ${verdict.reason}`) : flagged;
        sites.push({ ...this.toSite([literal], outcome), crossFile: { from: fact.from, name: fact.name } });
      }
    }
    return sites;
  }

  /** `generateText({ model: chatModel, … })` with `chatModel` an imported AI SDK model: the call's options take the flag. */
  private planImportedAiSdkModelUse(use: Node, thinking: ThinkingValue, otherUse: (where: string) => Failure): Outcome {
    const parent = this.parentSkippingTypes(use);
    const object = parent?.type === 'Property' && parent.value === this.outermostWrapper(use) && propertyKeyName(parent) === 'model' ? this.analysis.parentOf(parent) : undefined;
    const call = object && this.analysis.parentOf(object);
    if (object?.type === 'ObjectExpression' && (call?.type === 'CallExpression' || call?.type === 'NewExpression') && call.arguments.includes(object as never)) {
      return this.planNested(object, ['providerOptions', 'deepseek', 'thinking'], thinking, 'ai-sdk');
    }
    const { line } = lineColumnAt(this.source, startOf(use));
    const context = describeContext(parent);
    return otherUse(`line ${line}${context ? `, ${context}` : ''}`);
  }

  /** `import { MODEL } from …`, or `const { MODEL } = require(…)` at the top level. */
  private isModuleImport(binding: ReturnType<DeepSeekAnalysis['bindingOf']>): boolean {
    if (!binding) return false;
    if (binding.kind === 'import') return true;
    if (binding.kind !== 'const' || !binding.topLevel) return false;
    let node: Node | undefined = binding.id;
    while (node && node.type !== 'VariableDeclarator') node = this.analysis.parentOf(node);
    const init = unwrap(node?.type === 'VariableDeclarator' ? (node.init ?? undefined) : undefined);
    return init?.type === 'CallExpression' && init.callee.type === 'Identifier' && init.callee.name === 'require';
  }

  private fileQuote: string | undefined;

  /** The quote most of the file's strings use, for flags inserted away from any literal (counted once per file). */
  private preferredQuote(): string {
    this.fileQuote ??= countedQuote(this.source);
    return this.fileQuote;
  }

  private toSite(literals: LegacyLiteral[], outcome: Outcome): MigrationSite {
    const note = this.siteNote;
    this.siteNote = undefined;
    if (outcome instanceof Failure) return { literals, review: { code: outcome.code, reason: outcome.reason } };
    return note ? { literals, edits: outcome, note } : { literals, edits: outcome };
  }

  /** Two sites editing the same text cannot both be certain: the later one goes to review. */
  private withoutOverlaps(sites: MigrationSite[]): MigrationSite[] {
    const taken: TextEdit[] = [];
    return sites.map((site) => {
      if (!site.edits) return site;
      const clash = site.edits.some((edit) => taken.some((other) => overlaps(edit, other)));
      if (clash) {
        return {
          literals: site.literals,
          ...(site.exported ? { exported: site.exported } : {}),
          ...(site.crossFile ? { crossFile: site.crossFile } : {}),
          review: { code: 'conflict' as const, reason: 'another legacy ID edits the same request; migrate this one by hand' },
        };
      }
      taken.push(...site.edits);
      return site;
    });
  }

  // -------------------------------------------------------------------------
  // Sites
  // -------------------------------------------------------------------------

  private planLiteral(literal: LegacyLiteral): Outcome {
    const thinking: ThinkingValue = { kind: 'constant', type: literal.thinking };
    const replaceId: TextEdit = { range: rangeOf(literal.node), text: this.quoted(literal.node, this.target) };
    // `model ?? 'deepseek-chat'`, `config.model || 'deepseek-chat'`: the fallback is what is sent by default.
    const value = this.fallbackHolder(literal.node);
    const parent = this.parentSkippingTypes(value);
    if (!parent) return this.elsewhere(literal.node, undefined);

    if (parent.type === 'Property' && parent.value === this.outermostWrapper(value)) {
      return this.planModelProperty(parent, value, thinking, [replaceId]);
    }
    if (parent.type === 'VariableDeclarator' && parent.init === this.outermostWrapper(value) && value !== literal.node) {
      return this.planConstant(parent, literal, replaceId);
    }
    // `function ask({ model = 'deepseek-chat' })`, `const { model = 'deepseek-chat' } = options`.
    if (parent.type === 'AssignmentPattern' && parent.right === this.outermostWrapper(value) && parent.left.type === 'Identifier') {
      return this.planDefault(parent.left, literal, replaceId);
    }
    if (parent.type === 'CallExpression' && parent.arguments[0] === this.outermostWrapper(literal.node)) {
      const factory = this.factoriesByCall.get(parent);
      if (factory) return this.withEdits([replaceId], this.planFactory(factory, thinking));
    }
    if (parent.type === 'NewExpression' && parent.arguments[0] === this.outermostWrapper(literal.node)) {
      const positional = this.planLangChainPositional(parent, literal.node, thinking);
      if (positional) return this.withEdits([replaceId], positional);
    }
    if (parent.type === 'VariableDeclarator' && parent.init === this.outermostWrapper(literal.node)) {
      return this.planConstant(parent, literal, replaceId);
    }
    return this.elsewhere(literal.node, parent);
  }

  /** `model: deep ? 'deepseek-reasoner' : 'deepseek-chat'` → one ID and `thinking: { type: deep ? 'enabled' : 'disabled' }`. */
  private planConditional(conditional: Extract<Node, { type: 'ConditionalExpression' }>, literals: readonly LegacyLiteral[]): MigrationSite {
    const branch = (node: Node) => literals.find((literal) => literal.node === unwrap(node));
    const whenTrue = branch(conditional.consequent);
    const whenFalse = branch(conditional.alternate);
    const own = literals.filter((literal) => literal === whenTrue || literal === whenFalse);
    if (!whenTrue || !whenFalse) {
      return this.toSite(own, new Failure('conditional', 'a conditional that mixes a legacy ID with another value: choose the model and thinking flag by hand'));
    }
    const testText = this.source.slice(...rangeOf(conditional.test));
    const test = LOW_PRECEDENCE_TESTS.has(conditional.test.type) ? `(${testText})` : testText;
    const thinking: ThinkingValue =
      whenTrue.thinking === whenFalse.thinking
        ? { kind: 'constant', type: whenTrue.thinking }
        : { kind: 'conditional', test, whenTrue: whenTrue.thinking, whenFalse: whenFalse.thinking };
    const replace: TextEdit = { range: rangeOf(conditional), text: this.quoted(whenTrue.node, this.target) };
    const parent = this.parentSkippingTypes(conditional);
    if (parent?.type === 'Property' && parent.value === this.outermostWrapper(conditional)) {
      return this.toSite(own, this.planModelProperty(parent, conditional, thinking, [replace]));
    }
    if (parent?.type === 'CallExpression' && parent.arguments[0] === this.outermostWrapper(conditional)) {
      const factory = this.factoriesByCall.get(parent);
      // The test must be in scope where the flag goes: only when the model is written inside the call options.
      if (factory && this.isDirectModelValue(factory.call)) {
        return this.toSite(own, this.withEdits([replace], this.planFactory(factory, thinking)));
      }
    }
    return this.toSite(own, new Failure('conditional', 'a conditional model outside a request in this file: set the model and thinking flag by hand'));
  }

  /** `model: <legacy>` in an object: a request body this file sends, or something else. */
  private planModelProperty(property: Property, valueNode: Node, thinking: ThinkingValue, replace: TextEdit[]): Outcome {
    const object = this.analysis.parentOf(property);
    const key = propertyKeyName(property);
    const body = object && this.bodies.get(object);
    if (body && key !== undefined && (body.kind === 'langchain' ? LANGCHAIN_MODEL_KEYS : MODEL_KEYS).includes(key)) {
      return this.withEdits(replace, this.planBodyFlag(body, thinking));
    }
    if (key === 'model' && object?.type === 'ObjectExpression' && isChatBody(object)) {
      return this.planSenderlessBody(object, thinking, replace);
    }
    if (key === 'model' || key === 'modelName') {
      return new Failure(
        'not-a-request',
        `\`${key}\` in an object that is not a DeepSeek request this file sends (config object, or a value that crosses files): set the model and the thinking flag (${describeThinking(thinking)}) where the request is made`,
      );
    }
    return this.elsewhere(valueNode, property);
  }

  /**
   * `{ model: 'deepseek-chat', messages }` that no request of this file sends (an exported
   * builder, a client from elsewhere): the retired IDs are DeepSeek's own, so the body goes to
   * DeepSeek. It gets the flag in a form that type-checks wherever the object ends up.
   */
  private planSenderlessBody(object: ObjectExpression, thinking: ThinkingValue, replace: TextEdit[]): Outcome {
    const outcome = this.withEdits(replace, this.planNested(object, ['thinking'], thinking, this.options.typeChecked ? 'openai-typed' : 'plain'));
    if (!(outcome instanceof Failure)) {
      this.siteNote = {
        code: 'no-visible-sender',
        reason: `migrated as a DeepSeek chat body (${describeThinking(thinking)}), but no request in this file sends it: check the flag reaches the API`,
      };
    }
    return outcome;
  }

  /** `const MODEL = 'deepseek-chat'` used as `model: MODEL` in this file's requests. */
  private planConstant(declarator: Extract<Node, { type: 'VariableDeclarator' }>, literal: LegacyLiteral, replaceId: TextEdit): Outcome {
    if (declarator.id.type !== 'Identifier') return this.elsewhere(literal.node, declarator);
    const name = declarator.id.name;
    const declaration = this.analysis.parentOf(declarator);
    if (declaration?.type !== 'VariableDeclaration' || declaration.kind !== 'const') {
      return new Failure('reassignable', `\`${name}\` is declared with ${declaration?.type === 'VariableDeclaration' ? declaration.kind : 'a binding'} and may be reassigned: migrate it by hand`);
    }
    const thinking: ThinkingValue = { kind: 'constant', type: literal.thinking };
    const exportRefs = this.exportReferences();
    const uses = this.usesOfBinding(declarator.id).filter((use) => !exportRefs.has(use));
    if (this.isExported(declarator, name)) {
      this.siteExport = name;
      const verdict = this.options.exportVerdict?.(name);
      if (!verdict) {
        return new Failure('exported', `\`${name}\` is exported, so the value crosses files: \`eslint-plugin-deepseek migrate\` on the whole project follows it into the files that import it`);
      }
      if (!verdict.migrate) return new Failure('exported', verdict.reason);
      if (uses.length === 0 && verdict.usesElsewhere === 0) {
        return new Failure('constant-unused', `\`${name}\` is exported, but no file being migrated uses it as the model of a DeepSeek request: set the thinking flag (${describeThinking(thinking)}) where it is used`);
      }
      if (uses.length === 0) return [replaceId];
      return this.planUses(uses, thinking, [replaceId]);
    }
    if (uses.length === 0) {
      return new Failure('constant-unused', `\`${name}\` is not used as \`model\` in a DeepSeek request in this file: set the thinking flag (${describeThinking(thinking)}) where it is used`);
    }
    return this.planUses(uses, thinking, [replaceId]);
  }

  /**
   * A default value (parameter or destructuring) that a request of the same function sends:
   * the default is rewritten and each request that sends the name gets the flag.
   */
  private planDefault(id: Extract<Node, { type: 'Identifier' }>, literal: LegacyLiteral, replaceId: TextEdit): Outcome {
    const uses = this.usesOfBinding(id);
    if (uses.length === 0) return this.elsewhere(literal.node, this.analysis.parentOf(id));
    const thinking: ThinkingValue = { kind: 'constant', type: literal.thinking };
    return this.planUses(uses, thinking, [replaceId], (where) =>
      new Failure('default-parameter', `\`${id.name}\` defaults to a legacy ID and is used outside a DeepSeek request (${where}): set the default and the thinking flag by hand`),
    );
  }

  /**
   * Every use must be the model of a request this file sends: each of them gets the flag.
   * Any other use fails with `otherUse(where)`, `where` naming its line and context.
   */
  private planUses(uses: readonly Node[], thinking: ThinkingValue, edits: TextEdit[], otherUse: (where: string) => Failure = constantOtherUse): Outcome {
    for (const use of uses) {
      const outcome = this.planConstantUse(use, thinking, otherUse);
      if (outcome instanceof Failure) return outcome;
      edits.push(...outcome);
    }
    return edits;
  }

  private planConstantUse(use: Node, thinking: ThinkingValue, otherUse: (where: string) => Failure): Outcome {
    const parent = this.parentSkippingTypes(use);
    if (parent?.type === 'Property' && parent.value === this.outermostWrapper(use)) {
      const object = this.analysis.parentOf(parent);
      const body = object && this.bodies.get(object);
      const key = propertyKeyName(parent);
      if (body && key !== undefined && (body.kind === 'langchain' ? LANGCHAIN_MODEL_KEYS : MODEL_KEYS).includes(key)) {
        return this.planBodyFlag(body, thinking);
      }
    }
    if (parent?.type === 'CallExpression' && parent.arguments[0] === this.outermostWrapper(use)) {
      const factory = this.factoriesByCall.get(parent);
      if (factory) return this.planFactory(factory, thinking);
    }
    const { line } = lineColumnAt(this.source, startOf(use));
    const context = describeContext(parent);
    return otherUse(`line ${line}${context ? `, ${context}` : ''}`);
  }

  // -------------------------------------------------------------------------
  // Where the flag goes
  // -------------------------------------------------------------------------

  private planBodyFlag(body: RequestBody, thinking: ThinkingValue): Outcome {
    if (body.kind === 'langchain') return this.planNested(body.object, ['modelKwargs', 'thinking'], thinking, 'langchain');
    if (body.kind === 'anthropic-sdk' || body.surface === 'anthropic') return this.planNested(body.object, ['thinking'], thinking, 'anthropic');
    if (body.kind === 'openai-sdk' && this.options.typeChecked) return this.planNested(body.object, ['thinking'], thinking, 'openai-typed');
    return this.planNested(body.object, ['thinking'], thinking, 'plain');
  }

  /** AI SDK: `providerOptions.deepseek.thinking` on every call options object that uses this model. */
  private planFactory(factory: ModelFactoryCall, thinking: ThinkingValue): Outcome {
    if (!isDeepSeekProviderCall(this.analysis, factory.call)) {
      return new Failure('other-provider', 'an AI SDK provider other than @ai-sdk/deepseek: it does not send providerOptions.deepseek.thinking; migrate by hand');
    }
    const binding = this.isDirectModelValue(factory.call) ? undefined : this.bindingName(factory.call);
    if (binding?.type === 'Identifier' && this.isExported(this.parentSkippingTypes(factory.call), binding.name)) {
      return this.planExportedModel(factory, binding, thinking);
    }
    if (factory.usedIn.length === 0) {
      return new Failure('model-not-used', `the AI SDK model is not passed as \`model\` to a call in this file: add providerOptions: { deepseek: { thinking: { type: '${thinkingTypeHint(thinking)}' } } } where it is used`);
    }
    if (!this.isDirectModelValue(factory.call)) {
      const binding = this.bindingName(factory.call);
      const uses = binding ? this.usesOfBinding(binding).length : Number.POSITIVE_INFINITY;
      if (uses !== factory.usedIn.length) {
        return new Failure('model-other-use', 'the AI SDK model is also used outside the calls of this file: add providerOptions.deepseek.thinking where it is used');
      }
    }
    return this.flagCallsUsing(factory, thinking);
  }

  /** Each call of this file that takes the model gets `providerOptions.deepseek.thinking`. */
  private flagCallsUsing(factory: ModelFactoryCall, thinking: ThinkingValue): Outcome {
    const edits: TextEdit[] = [];
    for (const options of factory.usedIn) {
      const outcome = this.planNested(options, ['providerOptions', 'deepseek', 'thinking'], thinking, 'ai-sdk');
      if (outcome instanceof Failure) return outcome;
      edits.push(...outcome);
    }
    return edits;
  }

  /**
   * `export const chat = deepseek('deepseek-chat')`: other files' calls use the model too, so
   * it is rewritten only on the cross-file pass's verdict (as an exported constant is).
   */
  private planExportedModel(factory: ModelFactoryCall, binding: Extract<Node, { type: 'Identifier' }>, thinking: ThinkingValue): Outcome {
    this.siteExport = binding.name;
    const verdict = this.options.exportVerdict?.(binding.name);
    if (!verdict) {
      return new Failure('exported', `\`${binding.name}\` is exported, so the model crosses files: \`eslint-plugin-deepseek migrate\` on the whole project follows it into the files that import it`);
    }
    if (!verdict.migrate) return new Failure('exported', verdict.reason);
    const exportRefs = this.exportReferences();
    const uses = this.usesOfBinding(binding).filter((use) => !exportRefs.has(use)).length;
    if (uses !== factory.usedIn.length) {
      return new Failure('model-other-use', 'the AI SDK model is also used outside the calls of this file: add providerOptions.deepseek.thinking where it is used');
    }
    if (uses === 0 && verdict.usesElsewhere === 0) {
      return new Failure('model-not-used', `\`${binding.name}\` is exported, but no file being migrated passes it as \`model\` to a call: add providerOptions: { deepseek: { thinking: { type: '${thinkingTypeHint(thinking)}' } } } where it is used`);
    }
    return this.flagCallsUsing(factory, thinking);
  }

  /** A top-level declarator (or its declaration) that is exported, inline or by reference. */
  private isExported(declarator: Node | undefined, name: string): boolean {
    const declaration = declarator && this.analysis.parentOf(declarator);
    return (declaration !== undefined && this.analysis.parentOf(declaration)?.type === 'ExportNamedDeclaration') || this.exportedLocals().has(name);
  }

  /** `new ChatDeepSeek('deepseek-chat', { … })`: the fields object is the second argument. */
  private planLangChainPositional(call: Extract<Node, { type: 'NewExpression' }>, modelNode: Node, thinking: ThinkingValue): Outcome | undefined {
    const client = this.analysis.clients.find((candidate) => candidate.node === call && candidate.kind === 'langchain');
    if (!client) return undefined;
    const fields = call.arguments[1];
    if (!fields) {
      const modelEnd = rangeOf(modelNode)[1];
      return [{ range: [modelEnd, modelEnd], text: `, { modelKwargs: { thinking: ${thinkingObject(thinking, this.quoteOf(modelNode), false)} } }` }];
    }
    const object = unwrap(fields);
    if (object?.type !== 'ObjectExpression') {
      return new Failure('not-object-literal', 'the LangChain fields are not an object literal here: add modelKwargs: { thinking } by hand');
    }
    return this.planNested(object, ['modelKwargs', 'thinking'], thinking, 'langchain');
  }

  /**
   * Make `object.path[0].path[1]…` hold the flag, creating what is missing and
   * merging into object literals that exist. An existing flag that matches is
   * kept (only the ID changes); one that differs is a conflict.
   */
  private planNested(object: ObjectExpression, path: readonly string[], thinking: ThinkingValue, form: FlagForm): Outcome {
    const quote = this.siteQuote;
    let current = object;
    for (let depth = 0; depth < path.length; depth++) {
      const name = path[depth];
      const existing = findProperty(current, name) ?? (name === 'thinking' ? spreadThinking(current) : undefined);
      const isLast = depth === path.length - 1;
      if (!existing) {
        const hidden = this.spreadMayHold(current, name);
        if (hidden) {
          const merged = form === 'ai-sdk' && depth === 0 ? this.mergeAfterSpread(current, hidden, thinking) : undefined;
          if (merged) return merged;
          return new Failure('spread', `the object spreads \`${hidden}\`, which may already set \`${name}\`: add the thinking flag (${describeThinking(thinking)}) by hand`);
        }
        const value = thinkingObject(thinking, quote, form === 'anthropic');
        const text = form === 'openai-typed' && isLast ? openaiThinkingFlag(this.options.typeChecked ?? 'typescript', value) : nestedProperty(path.slice(depth), value);
        return this.insertProperty(current, text);
      }
      const value = unwrap(existing.value as Node);
      if (isLast) {
        return this.sameThinking(value, thinking)
          ? []
          : new Failure('conflict', `the request already sets \`${path.join('.')}\` to ${this.source.slice(...rangeOf(existing.value as Node)).replace(/\s+/g, ' ')}, which conflicts with the legacy ID (${describeThinking(thinking)}): choose by hand`);
      }
      if (value?.type !== 'ObjectExpression') {
        return new Failure('not-object-literal', `\`${path.slice(0, depth + 1).join('.')}\` is not an object literal here: add ${path.slice(depth + 1).join('.')} (${describeThinking(thinking)}) by hand`);
      }
      current = value;
    }
    return [];
  }

  /**
   * `streamText({ model, ...configs })` in JavaScript: the flag is merged after the spread,
   * keeping whatever `providerOptions` the spread carries. In TypeScript the spread's type may
   * not declare `providerOptions` (reading it would not type-check), so that stays for review.
   */
  private mergeAfterSpread(object: ObjectExpression, spread: string, thinking: ThinkingValue): Outcome | undefined {
    if (this.options.typeChecked || !/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/.test(spread)) return undefined;
    const spreads = object.properties.filter((property) => property.type === 'SpreadElement');
    if (spreads.length !== 1) return undefined;
    const quote = this.siteQuote;
    const carried = `${spread}?.providerOptions`;
    const text = `providerOptions: { ...${carried}, deepseek: { ...${carried}?.deepseek, thinking: ${thinkingObject(thinking, quote, false)} } }`;
    return this.insertProperty(object, text);
  }

  /** The flag already there says the same as the legacy ID did. */
  private sameThinking(value: Node | undefined, thinking: ThinkingValue): boolean {
    if (thinking.kind !== 'constant' || value?.type !== 'ObjectExpression') return false;
    const type = findProperty(value, 'type');
    return type !== undefined && literalText(type.value as Node) === thinking.type;
  }

  /** A spread in the object whose contents this file cannot show, or that sets `name`. */
  private spreadMayHold(object: ObjectExpression, name: string): string | undefined {
    for (const property of object.properties) {
      if (property.type !== 'SpreadElement') continue;
      const resolved = this.analysis.resolve(property.argument);
      const visible =
        resolved?.type === 'ObjectExpression' &&
        !resolved.properties.some((inner) => inner.type === 'SpreadElement' || propertyKeyName(inner) === name);
      if (!visible) return this.source.slice(...rangeOf(property.argument));
    }
    return undefined;
  }

  // -------------------------------------------------------------------------
  // Text
  // -------------------------------------------------------------------------

  /**
   * Insert `text` as the last property of `object`, following its layout: a new
   * line with the siblings' indentation and the file's line ending for
   * multi-line objects (trailing-comma style kept, end-of-line comments stay
   * where they are), `, text` inline for single-line ones.
   */
  private insertProperty(object: ObjectExpression, text: string): Outcome {
    const source = this.source;
    const [open, end] = rangeOf(object);
    const properties = object.properties;
    if (properties.length === 0) {
      if (source.slice(open + 1, end - 1).trim() !== '') {
        return new Failure('not-object-literal', 'an empty object with comments: add the thinking flag by hand');
      }
      return [{ range: [open, end], text: `{ ${text} }` }];
    }
    const last = properties[properties.length - 1];
    const lastEnd = rangeOf(last)[1];
    const comma = this.trailingComma(lastEnd, end - 1);
    const multiLine = source.slice(open, startOf(properties[0])).includes('\n');
    if (!multiLine) return [{ range: [lastEnd, lastEnd], text: `, ${text}` }];

    const indent = this.indentationOf(startOf(last)) ?? this.indentationOf(startOf(properties[0])) ?? '';
    const anchor = comma === undefined ? lastEnd : comma + 1;
    const at = this.endOfLineAfter(anchor);
    const eol = this.lineEndingAt(at);
    if (comma !== undefined) return [{ range: [at, at], text: `${eol}${indent}${text},` }];
    if (at === lastEnd) return [{ range: [lastEnd, lastEnd], text: `,${eol}${indent}${text}` }];
    return [
      { range: [lastEnd, lastEnd], text: ',' },
      { range: [at, at], text: `${eol}${indent}${text}` },
    ];
  }

  /** Offset of the `,` after the last property, if the object has a trailing comma. */
  private trailingComma(from: number, closeBrace: number): number | undefined {
    const between = this.source.slice(from, closeBrace);
    const match = /^(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*,/.exec(between);
    return match ? from + match[0].length - 1 : undefined;
  }

  /** Where a new line may go after `offset`: the end of its line when only whitespace or a comment follows. */
  private endOfLineAfter(offset: number): number {
    const newline = this.source.indexOf('\n', offset);
    if (newline === -1) return offset;
    const lineEnd = this.source[newline - 1] === '\r' ? newline - 1 : newline;
    const rest = this.source.slice(offset, lineEnd);
    return /^\s*(?:\/\/.*|\/\*(?:(?!\*\/).)*\*\/\s*)?$/.test(rest) ? lineEnd : offset;
  }

  private lineEndingAt(offset: number): string {
    if (this.source.startsWith('\r\n', offset)) return '\r\n';
    if (this.source[offset] === '\n') return '\n';
    return /\r\n/.test(this.source) ? '\r\n' : '\n';
  }

  /** The whitespace before `offset` when it starts its line. */
  private indentationOf(offset: number): string | undefined {
    const lineStart = this.source.lastIndexOf('\n', offset - 1) + 1;
    const before = this.source.slice(lineStart, offset);
    return /^[ \t]*$/.test(before) ? before : undefined;
  }

  /** The literal rewritten to `id`, in the literal's own quote character. */
  private quoted(literal: Node, id: string): string {
    const quote = this.quoteOf(literal);
    return `${quote}${id}${quote}`;
  }

  private quoteOf(literal: Node): string {
    return quoteAt(this.source, literal);
  }

  // -------------------------------------------------------------------------
  // Tree helpers
  // -------------------------------------------------------------------------

  /** Parent of a node, above any `as const` / `satisfies` / `!` / parentheses wrapping it. */
  private parentSkippingTypes(node: Node): Node | undefined {
    return this.analysis.parentOf(this.outermostWrapper(node));
  }

  /**
   * The expression whose value a legacy literal is by default: the literal, or the
   * `??` / `||` it is the fallback of (`options.model ?? 'deepseek-chat'`). A fallback
   * of an environment variable is not followed: the environment holds the real value.
   */
  private fallbackHolder(literal: Node): Node {
    let current = this.outermostWrapper(literal);
    for (let parent = this.analysis.parentOf(current); parent?.type === 'LogicalExpression'; parent = this.analysis.parentOf(current)) {
      if (parent.operator === '&&' || parent.right !== current || isEnvRead(parent.left)) break;
      current = this.outermostWrapper(parent);
    }
    return current;
  }

  private outermostWrapper(node: Node): Node {
    let current = node;
    let parent = this.analysis.parentOf(current);
    while (parent && unwrap(parent) === unwrap(current) && parent !== current) {
      current = parent;
      parent = this.analysis.parentOf(current);
    }
    return current;
  }

  private isDirectModelValue(call: Node): boolean {
    const parent = this.parentSkippingTypes(call);
    return parent?.type === 'Property' && propertyKeyName(parent) === 'model';
  }

  /** The identifier a call's result is declared as: `const model = deepseek(…)`. */
  private bindingName(call: Node): Node | undefined {
    const parent = this.parentSkippingTypes(call);
    return parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier' ? parent.id : undefined;
  }

  private exportInfo: { readonly locals: Set<string>; readonly references: Set<Node> } | undefined;

  /** Top-level names this module exports by reference: `export { a }`, `export default a`, `module.exports = { a }`, `exports.x = a`. */
  private exportedLocals(): Set<string> {
    return this.readExports().locals;
  }

  /** The identifiers that export a name (not uses of its value). */
  private exportReferences(): Set<Node> {
    return this.readExports().references;
  }

  private readExports(): { readonly locals: Set<string>; readonly references: Set<Node> } {
    if (this.exportInfo) return this.exportInfo;
    const locals = new Set<string>();
    const references = new Set<Node>();
    const add = (node: Node | undefined | null) => {
      const value = unwrap(node ?? undefined);
      if (value?.type !== 'Identifier') return;
      locals.add(value.name);
      references.add(value);
    };
    if (this.program.type === 'Program') {
      for (const statement of this.program.body) {
        if (statement.type === 'ExportNamedDeclaration' && !statement.source) {
          for (const specifier of statement.specifiers) if (specifier.type === 'ExportSpecifier') add(specifier.local as Node);
        } else if (statement.type === 'ExportDefaultDeclaration') {
          add(statement.declaration as Node);
        } else if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression') {
          const target = memberPath(statement.expression.left)?.join('.');
          const value = unwrap(statement.expression.right);
          if (target === 'module.exports' && value?.type === 'ObjectExpression') {
            for (const property of value.properties) if (property.type === 'Property') add(property.value as Node);
          } else if (target === 'module.exports' || target?.startsWith('module.exports.') || target?.startsWith('exports.')) {
            add(value);
          }
        }
      }
    }
    this.exportInfo = { locals, references };
    return this.exportInfo;
  }

  /** The uses (not the declaration) of the binding declared by `id`, resolved by scope. */
  private usesOfBinding(id: Node): Node[] {
    if (id.type !== 'Identifier') return [];
    return this.usesOf(id.name).filter((use) => use !== id && startOf(use) !== startOf(id) && this.analysis.bindingOf(use)?.id === id);
  }

  /** Value uses of a name (declarations included), by identifier node; property keys and member names are not uses. */
  private usesOf(name: string): Node[] {
    if (!this.identifierUses) {
      const uses = new Map<string, Node[]>();
      const seen = new Set<number>();
      walk(this.program, (node, parent) => {
        if (node.type !== 'Identifier' || seen.has(startOf(node))) return;
        if (parent?.type === 'Property' && parent.key === node && !parent.computed) {
          // `{ model }`: the value node is the use (some parsers give key and value as one node).
          if (!parent.shorthand || parent.value !== node) return;
        }
        if (parent?.type === 'MemberExpression' && parent.property === node && !parent.computed) return;
        if ((parent?.type === 'PropertyDefinition' || parent?.type === 'MethodDefinition') && parent.key === node && !parent.computed) return;
        seen.add(startOf(node));
        const list = uses.get(node.name);
        if (list) list.push(node);
        else uses.set(node.name, [node]);
      });
      this.identifierUses = uses;
    }
    return this.identifierUses.get(name) ?? [];
  }

  private withEdits(first: TextEdit[], rest: Outcome): Outcome {
    return rest instanceof Failure ? rest : [...first, ...rest];
  }

  /** A legacy ID in a place the migration cannot follow: say where it is. */
  private elsewhere(node: Node, parent: Node | undefined): Failure {
    const context = describeContext(parent, node);
    switch (context) {
      case 'comparison':
        return new Failure('comparison', 'compared with a legacy ID: after the migration no request sends it; compare with the new model and the thinking flag');
      case 'JSX':
        return new Failure('jsx', 'a legacy ID in JSX (a UI value that may reach a request elsewhere): migrate it by hand');
      case 'object key':
        return new Failure('object-key', 'a legacy ID as an object key (config map): migrate the map and its lookups by hand');
      case 'env fallback':
        return new Failure('env-fallback', 'the fallback of an environment variable: update the default and the environment, and set the thinking flag where the request is made');
      case 'default parameter':
        return new Failure('default-parameter', 'a default parameter value: the request is made elsewhere, set the thinking flag there');
      default:
        return new Failure('crosses-files', `a legacy ID ${context ? `in ${context}` : 'here'} reaches a request this file does not show: migrate it where the request is made`);
    }
  }
}

// ---------------------------------------------------------------------------
// TypeScript types that name a legacy ID
// ---------------------------------------------------------------------------

/**
 * `model: 'deepseek-chat' | 'deepseek-reasoner'`, `type Model = 'deepseek-chat'`: literal types
 * are not sent, but once the values migrate they must follow or `tsc` fails. So in a file
 * where a value migrates, each legacy literal type becomes the target ID (a union of
 * literals loses the duplicates that leaves); in a file where none does, they are listed.
 *
 * `typeLiterals` are TSLiteralType nodes (ESLint's TS AST, or the codemod's TS-shaped
 * parse); `parentOf` finds their union.
 */
export function planTypeLiterals(
  typeLiterals: readonly Node[],
  source: string,
  parentOf: (node: Node) => Node | undefined,
  options: { readonly targetModel?: CurrentModelId; readonly valuesMigrated: boolean },
): MigrationSite[] {
  const target = options.targetModel ?? DEFAULT_TARGET_MODEL;
  const legacyOf = (type: Node) => (type.type === 'TSLiteralType' ? legacyLiteralOf(type.literal as Node) : undefined);
  const sites: MigrationSite[] = [];
  const unionsDone = new Set<Node>();
  for (const type of typeLiterals) {
    const literal = legacyOf(type);
    if (!literal) continue;
    if (!options.valuesMigrated) {
      sites.push({
        literals: [literal],
        review: { code: 'type', reason: 'a TypeScript type names a legacy ID and no value of this file migrates: update the type with the values it describes' },
      });
      continue;
    }
    const quote = quoteAt(source, literal.node);
    const union = parentOf(type);
    if (union?.type === 'TSUnionType' && union.types.every((member) => member.type === 'TSLiteralType')) {
      if (unionsDone.has(union)) continue;
      unionsDone.add(union);
      const members = union.types.map((member) => (legacyOf(member as Node) ? `${quote}${target}${quote}` : source.slice(...rangeOf(member as Node))));
      const unique = members.filter((member, index) => members.indexOf(member) === index);
      const literals = union.types.flatMap((member) => legacyOf(member as Node) ?? []);
      // From the first member, so a leading `|` of a multi-line union stays where it was.
      const first = rangeOf(union.types[0] as Node)[0];
      sites.push({ literals, edits: [{ range: [first, rangeOf(union)[1]], text: unique.join(' | ') }] });
      continue;
    }
    sites.push({ literals: [literal], edits: [{ range: rangeOf(literal.node), text: `${quote}${target}${quote}` }] });
  }
  return sites;
}

// ---------------------------------------------------------------------------
// Pure helpers
// ---------------------------------------------------------------------------

function constantOtherUse(where: string): Failure {
  return new Failure('constant-other-use', `the constant is also used outside a DeepSeek request (${where}): its meaning changes with the model, migrate it by hand`);
}

/** The quote character a string literal is written with: new strings next to it use it too. */
function countedQuote(source: string): string {
  let single = 0;
  let double = 0;
  for (const char of source) {
    if (char === "'") single += 1;
    else if (char === '"') double += 1;
  }
  return double > single ? '"' : "'";
}

function quoteAt(source: string, literal: Node): string {
  const first = source[startOf(literal)];
  return first === '"' || first === '`' ? first : "'";
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.range[0] === a.range[1] && b.range[0] === b.range[1]) return a.range[0] === b.range[0];
  return a.range[0] < b.range[1] && b.range[0] < a.range[1];
}

/** A Chat Completions / Messages body: `model` with `messages`, or with a `thinking` flag already. */
function isChatBody(object: ObjectExpression): boolean {
  return findProperty(object, 'messages') !== undefined || findProperty(object, 'thinking') !== undefined || spreadThinking(object) !== undefined;
}

/**
 * An existing spread flag, as this migration writes it for openai-node in type-checked
 * files (OPENAI_TYPED_FLAG: `...({ thinking } as object)`, `...Object.assign({}, { thinking })`)
 * or wrote it before (`...{ thinking }`).
 */
function spreadThinking(object: ObjectExpression): Property | undefined {
  for (const property of object.properties) {
    if (property.type !== 'SpreadElement') continue;
    for (const spread of spreadObjects(property.argument)) {
      const found = findProperty(spread, 'thinking');
      if (found) return found;
    }
  }
  return undefined;
}

/** The object literals a spread argument shows: itself (through `as`/parentheses), or the sources of `Object.assign(…)`. */
function spreadObjects(argument: Node): ObjectExpression[] {
  const value = unwrap(argument);
  if (value?.type === 'ObjectExpression') return [value];
  return objectAssignSources(value) ?? [];
}

/** `Object.assign({}, { thinking })` (OPENAI_TYPED_FLAG's JavaScript form): its arguments, when all are object literals. */
export function objectAssignSources(node: Node | undefined): ObjectExpression[] | undefined {
  const call = unwrap(node);
  if (call?.type !== 'CallExpression' || memberPath(call.callee)?.join('.') !== 'Object.assign') return undefined;
  const sources: ObjectExpression[] = [];
  for (const argument of call.arguments) {
    const object = unwrap(argument as Node);
    if (object?.type !== 'ObjectExpression') return undefined;
    sources.push(object);
  }
  return sources;
}

/** ['providerOptions', 'deepseek', 'thinking'] and a value → `providerOptions: { deepseek: { thinking: value } }`. */
function nestedProperty(path: readonly string[], value: string): string {
  return path.reduceRight((inner, key, index) => (index === path.length - 1 ? `${key}: ${inner}` : `${key}: { ${inner} }`), value);
}

function thinkingObject(thinking: ThinkingValue, quote: string, anthropic: boolean): string {
  const single = (type: ThinkingType) =>
    anthropic && type === 'enabled'
      ? `{ type: ${quote}enabled${quote}, budget_tokens: ${ANTHROPIC_BUDGET_TOKENS} }`
      : `{ type: ${quote}${type}${quote} }`;
  if (thinking.kind === 'constant') return single(thinking.type);
  // The Anthropic SDK types need budget_tokens with 'enabled', so the whole object switches.
  if (anthropic) return `${thinking.test} ? ${single(thinking.whenTrue)} : ${single(thinking.whenFalse)}`;
  return `{ type: ${thinking.test} ? ${quote}${thinking.whenTrue}${quote} : ${quote}${thinking.whenFalse}${quote} }`;
}

function describeThinking(thinking: ThinkingValue): string {
  return thinking.kind === 'constant' ? `thinking ${thinking.type}` : `thinking ${thinking.whenTrue} when ${thinking.test}, else ${thinking.whenFalse}`;
}

function thinkingTypeHint(thinking: ThinkingValue): string {
  return thinking.kind === 'constant' ? thinking.type : `${thinking.whenTrue}/${thinking.whenFalse}`;
}

/** A short name for where a value sits, for review messages. */
function describeContext(parent: Node | undefined, node?: Node): string | undefined {
  if (!parent) return undefined;
  switch (parent.type) {
    case 'BinaryExpression':
    case 'SwitchCase':
      return 'comparison';
    case 'JSXAttribute':
    case 'JSXExpressionContainer':
      return 'JSX';
    case 'Property':
      return node !== undefined && parent.key === node ? 'object key' : 'an object';
    case 'LogicalExpression':
      return isEnvRead(parent.left) ? 'env fallback' : 'a logical expression';
    case 'AssignmentPattern':
      return 'default parameter';
    case 'CallExpression':
    case 'NewExpression':
      return 'a function argument';
    case 'ArrayExpression':
      return 'a list';
    case 'ReturnStatement':
    case 'ArrowFunctionExpression':
      return 'a return value';
    case 'AssignmentExpression':
      return 'an assignment';
    case 'ExportDefaultDeclaration':
    case 'ExportSpecifier':
      return 'an export';
    case 'MemberExpression':
      return 'a lookup';
    default:
      return undefined;
  }
}

/** `process.env.X`, `process.env['X']`, `Deno.env.get('X')`, `import.meta.env.X`. */
function isEnvRead(node: Node): boolean {
  const target = unwrap(node);
  if (target?.type === 'CallExpression') return memberPath(target.callee)?.includes('env') ?? false;
  let current: Node | undefined = target;
  while (current?.type === 'MemberExpression') {
    if (!current.computed && current.property.type === 'Identifier' && current.property.name === 'env') return true;
    current = unwrap(current.object);
  }
  return false;
}
