/**
 * A model ID that DeepSeek does not serve (`deepseek-v4-flsh`, `deepseek-v4`,
 * `deepseek-r1`) on a request that certainly goes to DeepSeek: the request fails
 * at run time. Retired IDs are no-legacy-model-id's business.
 */
import { createRule } from '../src/create-rule';
import { ANTHROPIC_MAPPED_MODEL_PATTERN, KNOWN_MODEL_IDS, editDistance, legacyModel } from '../src/deepseek';
import { modelSitesOf } from '../src/analysis/model-sites';
import { replaceStringLiteral } from '../src/fix-text';
import { type HostOptions, analysisFor, extraHostsSchema } from '../src/rule-analysis';

type Options = [
  HostOptions & {
    /** IDs to accept besides DeepSeek's own (new releases, gateway names). */
    additionalModels?: string[];
  },
];
type MessageIds = 'unknownModel' | 'useKnownModel';

export default createRule<Options, MessageIds>({
  name: 'no-unknown-model-id',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow model IDs that the DeepSeek API does not serve',
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      unknownModel: "'{{id}}' is not a DeepSeek model ID; the request fails. Known IDs: {{known}}.",
      useKnownModel: "Use '{{suggested}}'.",
    },
    schema: [
      {
        type: 'object',
        properties: {
          additionalModels: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'Model IDs to accept besides the known DeepSeek IDs (new releases, gateway model names).',
          },
          extraHosts: extraHostsSchema,
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ additionalModels: [], extraHosts: [] }],
  },
  defaultOptions: [{ additionalModels: [], extraHosts: [] }],
  create(context, [options]) {
    const accepted = [...KNOWN_MODEL_IDS, ...(options.additionalModels ?? [])];
    return {
      Program() {
        const analysis = analysisFor(context, options);
        for (const site of modelSitesOf(analysis)) {
          // A guessed destination (a base URL read from DEEPSEEK_BASE_URL) may be a third-party host with its own names.
          if (!site.confirmed || site.id === undefined) continue;
          const id = site.id;
          if (accepted.includes(id) || legacyModel(id)) continue;
          if (site.surface === 'anthropic' && ANTHROPIC_MAPPED_MODEL_PATTERN.test(id)) continue;
          const suggested = closest(id, accepted);
          const literal = site.literal;
          context.report({
            node: site.node,
            messageId: 'unknownModel',
            data: { id, known: KNOWN_MODEL_IDS.join(', ') },
            suggest: literal
              ? [{ messageId: 'useKnownModel', data: { suggested }, fix: (fixer) => replaceStringLiteral(fixer, literal, suggested) }]
              : [],
          });
        }
      },
    };
  },
});

/** The accepted ID with the fewest edits from `id` (the first one on ties, so current IDs win). */
function closest(id: string, accepted: readonly string[]): string {
  let best = accepted[0];
  let bestDistance = Infinity;
  for (const candidate of accepted) {
    const distance = editDistance(id.toLowerCase(), candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
