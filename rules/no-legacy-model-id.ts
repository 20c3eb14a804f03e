/**
 * `deepseek-chat` / `deepseek-reasoner` as a whole string: retired on 2026-07-24.
 *
 * The planning is the migration codemod's (src/migration.ts), so the rule and
 * `eslint-plugin-deepseek migrate` make the same edits. Where the request is in
 * reach the fix writes the target ID and the explicit thinking flag in the form
 * that SDK sends; everywhere else the rule reports with a suggestion that only
 * swaps the ID, because V4 models think by default and the flag must be set by
 * someone who can see the request.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/create-rule';
import {
  CURRENT_MODEL_IDS,
  type CurrentModelId,
  DEFAULT_TARGET_MODEL,
  LEGACY_MODEL_TEXT_PATTERN,
  LEGACY_MODELS_RETIRED_AT,
} from '../src/deepseek';
import { type MigrationSite, planMigration, planTypeLiterals, typeCheckingOf } from '../src/migration';
import { type HostOptions, analysisFor, extraHostsSchema } from '../src/rule-analysis';
import type { Node } from '../src/analysis/ast';

/** The day the legacy IDs stopped working, as the messages show it. */
const RETIRED_ON = LEGACY_MODELS_RETIRED_AT.slice(0, 10);

type Options = [
  HostOptions & {
    /** The model the legacy IDs become. */
    targetModel?: CurrentModelId;
  },
];
type MessageIds = 'legacyModel' | 'legacyModelReview' | 'legacyModelType' | 'replaceId';

export default createRule<Options, MessageIds>({
  name: 'no-legacy-model-id',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow the retired DeepSeek model IDs `deepseek-chat` and `deepseek-reasoner`',
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      legacyModel:
        `'{{id}}' was retired on ${RETIRED_ON}. Use '{{target}}' with thinking {{thinking}} set explicitly (V4 models think by default).`,
      legacyModelReview: `'{{id}}' was retired on ${RETIRED_ON} and cannot be migrated automatically here: {{reason}}.`,
      legacyModelType: `'{{id}}' was retired on ${RETIRED_ON}; this type names it: {{reason}}.`,
      replaceId: "Replace with '{{target}}'; thinking must then be set explicitly ({{thinking}}) where the request is made.",
    },
    schema: [
      {
        type: 'object',
        properties: {
          targetModel: {
            type: 'string',
            enum: [...CURRENT_MODEL_IDS],
            description: 'The current model ID the legacy IDs are replaced with.',
          },
          extraHosts: extraHostsSchema,
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ targetModel: DEFAULT_TARGET_MODEL, extraHosts: [] }],
  },
  defaultOptions: [{ targetModel: DEFAULT_TARGET_MODEL, extraHosts: [] }],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const target = options.targetModel ?? DEFAULT_TARGET_MODEL;

    const typeLiterals: Node[] = [];
    const hasLegacyText = LEGACY_MODEL_TEXT_PATTERN.test(sourceCode.text);
    if (!hasLegacyText) return {};

    const reportValue = (site: MigrationSite): void => {
      for (const literal of site.literals) {
        const node = literal.node as TSESTree.Node;
        const data = { id: literal.id, target, thinking: literal.thinking };
        const edits = site.edits;
        if (edits) {
          context.report({
            node,
            messageId: 'legacyModel',
            data,
            fix: (fixer) => edits.map((edit) => fixer.replaceTextRange([edit.range[0], edit.range[1]], edit.text)),
          });
          continue;
        }
        const quote = sourceCode.text[node.range[0]];
        context.report({
          node,
          messageId: 'legacyModelReview',
          data: { ...data, reason: site.review?.reason ?? 'not in a request this file sends' },
          suggest: [{ messageId: 'replaceId', data, fix: (fixer) => fixer.replaceText(node, `${quote}${target}${quote}`) }],
        });
      }
    };

    /** A type follows the values: fixed with them when they migrate, a suggestion otherwise. */
    const reportType = (site: MigrationSite): void => {
      const [first] = site.literals;
      const node = first.node as TSESTree.Node;
      const data = { id: first.id, target, thinking: first.thinking };
      const quote = sourceCode.text[node.range[0]];
      const edits = site.edits;
      if (edits) {
        context.report({
          node,
          messageId: 'legacyModelType',
          data: { ...data, reason: `it follows the values migrated in this file ('${target}')` },
          fix: (fixer) => edits.map((edit) => fixer.replaceTextRange([edit.range[0], edit.range[1]], edit.text)),
        });
        return;
      }
      context.report({
        node,
        messageId: 'legacyModelType',
        data: { ...data, reason: site.review?.reason ?? 'update it with the values it describes' },
        suggest: [{ messageId: 'replaceId', data, fix: (fixer) => fixer.replaceText(node, `${quote}${target}${quote}`) }],
      });
    };

    return {
      TSLiteralType(node) {
        typeLiterals.push(node as unknown as Node);
      },
      'Program:exit'(program) {
        const sites = planMigration(program as unknown as Node, sourceCode.text, analysisFor(context, options), {
          targetModel: target,
          typeChecked: typeCheckingOf(context.filename, sourceCode.text),
        });
        sites.forEach(reportValue);
        if (typeLiterals.length === 0) return;
        const typeSites = planTypeLiterals(typeLiterals, sourceCode.text, (node) => (node as TSESTree.Node).parent as unknown as Node, {
          targetModel: target,
          valuesMigrated: sites.some((site) => site.edits && site.edits.length > 0),
        });
        typeSites.forEach(reportType);
      },
    };
  },
});
