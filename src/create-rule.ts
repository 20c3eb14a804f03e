// Types only: @typescript-eslint/utils is not a dependency. At run time it would bring
// typescript-estree and, through its peer dependency, all of `typescript` (23 MB) into
// projects that lint only JavaScript.
import type { ESLintUtils, TSESLint } from '@typescript-eslint/utils';

/** Docs live in the repository next to the rules; the URL is what editors link to. */
export const REPOSITORY_URL = 'https://github.com/deepseek-tools/eslint-plugin-deepseek';

export interface DeepSeekRuleDocs {
  description: string;
  /** In `configs.recommended` (every rule is in `configs.all`). */
  recommended?: boolean;
}

export function ruleDocsUrl(name: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`;
}

/** Distinct option values kept per rule; a config has a handful, so this bound only guards odd hosts. */
const MAX_CACHED_OPTIONS = 64;

/**
 * What typescript-eslint's RuleCreator makes (the docs URL in `meta.docs.url`, the
 * options merged over `meta.defaultOptions`, with applyDefault's semantics), except
 * that the options are merged once per distinct value instead of once per file.
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
): TSESLint.RuleModule<MessageIds, Options, DeepSeekRuleDocs> {
  const { name, meta, defaultOptions } = rule;
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
      options = deepFreeze(applyDefault(defaults, userOptions));
      merged.set(key, options);
    }
    last = { userOptions: deepFreeze(structuredClone(userOptions)), options };
    return options;
  };
  return {
    meta: { ...meta, docs: { ...meta.docs, url: ruleDocsUrl(name) } },
    defaultOptions,
    create: (context) => rule.create(context, optionsFor(context.options)),
  };
}

/**
 * The defaults with the user's options over them, as typescript-eslint's applyDefault
 * merges them: per position, objects deeply, anything else (arrays included) replaced.
 * Neither argument is changed.
 */
export function applyDefault<Options extends readonly unknown[]>(defaults: Options, userOptions: readonly unknown[] | undefined): Options {
  const options = structuredClone(defaults) as unknown as unknown[];
  if (userOptions == null) return options as unknown as Options;
  options.forEach((defaultValue, index) => {
    const userValue = userOptions[index];
    if (userValue === undefined) return;
    options[index] = isPlainObject(userValue) && isPlainObject(defaultValue) ? deepMerge(defaultValue, userValue) : userValue;
  });
  return options as unknown as Options;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepMerge(first: Record<string, unknown>, second: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...first };
  for (const [key, value] of Object.entries(second)) {
    merged[key] = key in first && isPlainObject(first[key]) && isPlainObject(value) ? deepMerge(first[key], value) : value;
  }
  return merged;
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
