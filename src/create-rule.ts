import { ESLintUtils } from '@typescript-eslint/utils';

/** Docs live in the repository next to the rules; the URL is what editors link to. */
export const REPOSITORY_URL = 'https://github.com/deepseek-tools/eslint-plugin-deepseek';

export interface DeepSeekRuleDocs {
  description: string;
  /** In `configs.recommended` (every rule is in `configs.all`). */
  recommended?: boolean;
}

const ruleCreator = ESLintUtils.RuleCreator<DeepSeekRuleDocs>(
  (name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`,
);

/** Distinct option values kept per rule; a config has a handful, so this bound only guards odd hosts. */
const MAX_CACHED_OPTIONS = 64;

/**
 * typescript-eslint's RuleCreator, except that the options are merged with the
 * defaults once per distinct value instead of once per file.
 *
 * RuleCreator's `create` runs `applyDefault` (a structuredClone and a deep merge) for
 * every rule on every file, even on the files a rule then skips at once: about 1% of a
 * whole ESLint run with `configs.recommended` on real code (a CPU profile of the
 * benchmark's node_modules corpus). A rule's options are the same for every file its
 * config block covers, so the merged value is cached, keyed by its JSON (options are
 * JSON by their schema), and frozen, so no file can change what the next one sees.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, DeepSeekRuleDocs>>,
): ReturnType<typeof ruleCreator<Options, MessageIds>> {
  const created = ruleCreator(rule);
  const defaults = (rule.meta.defaultOptions ?? rule.defaultOptions ?? []) as Options;
  const merged = new Map<string, Options>();
  let last: { userOptions: Options; options: Options } | undefined;
  const optionsFor = (userOptions: Options): Options => {
    // Most files see the options the previous file saw: a structural compare skips the JSON key.
    if (last && sameJson(last.userOptions, userOptions)) return last.options;
    const key = JSON.stringify(userOptions);
    let options = merged.get(key);
    if (!options) {
      if (merged.size >= MAX_CACHED_OPTIONS) merged.clear();
      options = deepFreeze(ESLintUtils.applyDefault(defaults, userOptions) as Options);
      merged.set(key, options);
    }
    last = { userOptions: deepFreeze(structuredClone(userOptions)), options };
    return options;
  };
  return { ...created, create: (context) => rule.create(context, optionsFor(context.options)) };
}

/** Equal as JSON values (what rule options are, by their schema). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  return aKeys.every((key) => Object.hasOwn(b, key) && sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
