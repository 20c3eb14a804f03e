/**
 * Sampling parameters on a DeepSeek request that thinks: `logprobs` /
 * `top_logprobs` were rejected with an error by deepseek-reasoner, and
 * `temperature`, `top_p`, `presence_penalty`, `frequency_penalty` are accepted
 * and silently ignored in thinking mode. V4 models think unless the request
 * says otherwise, so a migrated `deepseek-chat` request that kept its
 * `temperature` quietly loses it.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/create-rule';
import { THINKING_INCOMPATIBLE_PARAMS, type ThinkingType, defaultThinkingOf, legacyModel } from '../src/deepseek';
import { type Node, type ObjectExpression, type Property, findProperty, literalText, propertyKeyName, unwrap } from '../src/analysis/ast';
import { type ModelSite, modelSitesOf } from '../src/analysis/model-sites';
import type { DeepSeekAnalysis, RequestKind } from '../src/analysis/requests';
import { type TypeChecking, objectAssignSources, openaiThinkingFlag, typeCheckingOf } from '../src/migration';
import { type HostOptions, analysisFor, extraHostsSchema } from '../src/rule-analysis';

type Options = [
  HostOptions & {
    /** Whether to report the parameters thinking mode ignores (temperature, top_p, penalties). */
    ignoredParams?: 'report' | 'off';
  },
];
type MessageIds = 'rejectedParam' | 'ignoredParam' | 'removeParam' | 'disableThinking';

/** camelCase spellings (AI SDK call options, LangChain fields) of the wire parameters. */
const CAMEL_CASE_PARAMS: Readonly<Record<string, string>> = {
  temperature: 'temperature',
  topP: 'top_p',
  presencePenalty: 'presence_penalty',
  frequencyPenalty: 'frequency_penalty',
  logprobs: 'logprobs',
  topLogprobs: 'top_logprobs',
};

/** Where each SDK takes the thinking flag (docs/sdk-evidence.md §1–4). */
const THINKING_PATH: Readonly<Record<RequestKind, readonly string[]>> = {
  'openai-sdk': ['thinking'],
  'anthropic-sdk': ['thinking'],
  http: ['thinking'],
  langchain: ['modelKwargs', 'thinking'],
  'ai-sdk': ['providerOptions', 'deepseek', 'thinking'],
};

interface ThinkingState {
  readonly type: ThinkingType;
  /** The written `{ type: … }` value, when the request sets the flag itself. */
  readonly flag: Node | undefined;
}

export default createRule<Options, MessageIds>({
  name: 'no-thinking-incompatible-params',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow sampling parameters that DeepSeek thinking mode rejects or ignores',
      recommended: false,
    },
    hasSuggestions: true,
    messages: {
      rejectedParam:
        "'{{param}}' on a request with thinking enabled ({{why}}): deepseek-reasoner rejected it with an error, and DeepSeek does not document it for V4 thinking mode. Drop it or disable thinking.",
      ignoredParam:
        "'{{param}}' has no effect with thinking enabled ({{why}}): DeepSeek accepts it and ignores it. Drop it, or disable thinking if you need it.",
      removeParam: "Remove '{{param}}'.",
      disableThinking: 'Disable thinking for this request.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          ignoredParams: {
            type: 'string',
            enum: ['report', 'off'],
            description: "Report the parameters thinking mode ignores (temperature, top_p, penalties), or only the rejected ones ('off').",
          },
          extraHosts: extraHostsSchema,
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ ignoredParams: 'report', extraHosts: [] }],
  },
  defaultOptions: [{ ignoredParams: 'report', extraHosts: [] }],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const reportIgnored = options.ignoredParams !== 'off';

    function check(analysis: DeepSeekAnalysis, site: ModelSite, request: ObjectExpression): void {
      const thinking = thinkingOf(analysis, site, request);
      if (thinking?.type !== 'enabled') return;
      const why = thinking.flag ? 'thinking.type is enabled' : site.id && legacyModel(site.id) ? `${site.id} always thinks` : `${site.id} thinks by default`;
      const camelCase = site.kind === 'ai-sdk' || site.kind === 'langchain';
      for (const property of request.properties) {
        if (property.type !== 'Property') continue;
        const name = propertyKeyName(property);
        if (name === undefined) continue;
        const wire = camelCase ? CAMEL_CASE_PARAMS[name] : name;
        const behaviour = wire !== undefined && Object.hasOwn(THINKING_INCOMPATIBLE_PARAMS, wire) ? THINKING_INCOMPATIBLE_PARAMS[wire] : undefined;
        if (!behaviour || (behaviour === 'ignored' && !reportIgnored) || isUnset(property.value)) continue;
        const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [
          { messageId: 'removeParam', data: { param: name }, fix: (fixer) => removeProperty(fixer, sourceCode, property) },
        ];
        const disable = disableThinkingFix(site, request, thinking, typeCheckingOf(context.filename, sourceCode.text));
        if (disable) suggest.push({ messageId: 'disableThinking', fix: disable });
        context.report({
          node: property.key,
          messageId: behaviour === 'rejected' ? 'rejectedParam' : 'ignoredParam',
          data: { param: name, why },
          suggest,
        });
      }
    }

    return {
      Program() {
        const analysis = analysisFor(context, options);
        for (const site of modelSitesOf(analysis)) {
          for (const request of site.requests) check(analysis, site, request);
        }
      },
    };
  },
});

/**
 * Whether the request thinks: the flag it writes, else the model's default.
 * Undefined when we cannot tell (a dynamic flag or model, a spread that may set the
 * flag, or the Anthropic surface without a flag, whose default is not documented).
 */
function thinkingOf(analysis: DeepSeekAnalysis, site: ModelSite, request: ObjectExpression): ThinkingState | undefined {
  const path = THINKING_PATH[site.kind];
  const found = findPath(analysis, request, path);
  if (found === 'unknown') return undefined;
  if (found) {
    const value = analysis.resolve(found);
    const type = value?.type === 'ObjectExpression' ? literalText(findProperty(value, 'type')?.value) : undefined;
    if (type === 'enabled' || type === 'adaptive') return { type: 'enabled', flag: found };
    if (type === 'disabled') return { type: 'disabled', flag: found };
    return undefined;
  }
  if (site.surface === 'anthropic' || site.id === undefined) return undefined;
  const type = defaultThinkingOf(site.id);
  return type ? { type, flag: undefined } : undefined;
}

/**
 * The value at `path` inside `object` (spreads of object literals and of `Object.assign({}, { thinking })` included), undefined
 * when it is certainly absent, 'unknown' when a spread we cannot see may hold it.
 */
function findPath(analysis: DeepSeekAnalysis, object: ObjectExpression, path: readonly string[]): Node | undefined | 'unknown' {
  let found: Node | undefined | 'unknown';
  for (const property of object.properties) {
    if (property.type === 'SpreadElement') {
      const spread = analysis.resolve(property.argument);
      const objects = spread?.type === 'ObjectExpression' ? [spread] : objectAssignSources(spread);
      if (!objects) found = 'unknown';
      else for (const object of objects) found = findPath(analysis, object, path) ?? found;
    } else if (propertyKeyName(property) === path[0]) {
      if (path.length === 1) found = property.value;
      else {
        const inner = analysis.resolve(property.value);
        found = inner?.type === 'ObjectExpression' ? findPath(analysis, inner, path.slice(1)) : 'unknown';
      }
    }
  }
  return found;
}

/** `temperature: undefined` sends nothing. */
function isUnset(value: Node): boolean {
  const current = unwrap(value);
  return current?.type === 'Identifier' && current.name === 'undefined';
}

/**
 * Turn thinking off in the form the SDK accepts: rewrite a written flag, or add
 * one where nothing on its path exists yet. Retired models are left to
 * no-legacy-model-id (deepseek-reasoner cannot be told not to think).
 */
function disableThinkingFix(site: ModelSite, request: ObjectExpression, thinking: ThinkingState, typeChecking: TypeChecking): TSESLint.ReportFixFunction | undefined {
  const disabled = "{ type: 'disabled' }";
  if (thinking.flag) {
    const flag = thinking.flag;
    return (fixer) => fixer.replaceText(flag, disabled);
  }
  if (site.id && legacyModel(site.id)) return undefined;
  const path = THINKING_PATH[site.kind];
  if (findProperty(request, path[0])) return undefined;
  const text =
    site.kind === 'openai-sdk'
      ? openaiThinkingFlag(typeChecking, disabled) // openai's types reject a plain `thinking` key (docs/sdk-evidence.md §1)
      : path.reduceRight((value, key) => `{ ${key}: ${value} }`, disabled).slice(2, -2);
  return (fixer) => appendProperty(fixer, request, text);
}

function appendProperty(fixer: TSESLint.RuleFixer, object: ObjectExpression, text: string): TSESLint.RuleFix {
  const last = object.properties[object.properties.length - 1];
  if (!last) return fixer.replaceTextRange(object.range, `{ ${text} }`);
  return fixer.insertTextAfterRange(last.range, `, ${text}`);
}

/** Remove a property with its comma: the one after it, or the one before it when it is last. */
function removeProperty(fixer: TSESLint.RuleFixer, sourceCode: Readonly<TSESLint.SourceCode>, property: Property): TSESLint.RuleFix {
  const after = sourceCode.getTokenAfter(property as TSESTree.Node);
  if (after?.value === ',') {
    const next = sourceCode.getTokenAfter(after, { includeComments: true });
    return fixer.removeRange([property.range[0], next && next.value !== '}' ? next.range[0] : after.range[1]]);
  }
  const before = sourceCode.getTokenBefore(property as TSESTree.Node);
  if (before?.value === ',') return fixer.removeRange([before.range[0], property.range[1]]);
  // The only property: `{ temperature: 0 }` → `{}`.
  const object = property.parent;
  return object ? fixer.replaceText(object, '{}') : fixer.remove(property as TSESTree.Node);
}
