/**
 * eslint-plugin-deepseek: the plugin object ESLint loads.
 *
 * CommonJS with `export =`, so both `import deepseek from 'eslint-plugin-deepseek'`
 * and `require('eslint-plugin-deepseek')` give the plugin itself, and
 * jscodeshift can `require` the transform that ships beside it.
 */
// ESLint's own config types (not typescript-eslint's), so a typed eslint.config.ts can pass
// the configs to `defineConfig` from 'eslint/config' (checked by test/e2e/package.test.ts).
import type { ESLint, Linter } from 'eslint';
import { rules } from '../rules';
import { PACKAGE_NAME, PACKAGE_VERSION } from './package-info';

type RuleLevel = 'error' | 'warn';
type RulesRecord = Record<string, RuleLevel>;

interface DeepSeekPlugin {
  meta: { name: string; version: string; namespace: 'deepseek' };
  rules: typeof rules;
  configs: {
    recommended: Linter.Config;
    all: Linter.Config;
  };
}

function rulesWhere(include: (docs: { recommended?: boolean }) => boolean): RulesRecord {
  const selected: RulesRecord = {};
  for (const [ruleName, rule] of Object.entries(rules)) {
    if (include(rule.meta.docs ?? {})) selected[`deepseek/${ruleName}`] = 'error';
  }
  return selected;
}

const plugin: DeepSeekPlugin = {
  meta: { name: PACKAGE_NAME, version: PACKAGE_VERSION, namespace: 'deepseek' },
  rules,
  configs: {} as DeepSeekPlugin['configs'],
};

plugin.configs.recommended = {
  name: 'deepseek/recommended',
  plugins: { deepseek: plugin as unknown as ESLint.Plugin },
  rules: rulesWhere((docs) => docs.recommended === true),
};

plugin.configs.all = {
  name: 'deepseek/all',
  plugins: { deepseek: plugin as unknown as ESLint.Plugin },
  rules: rulesWhere(() => true),
};

export = plugin;

// Node's ESM loader learns a CommonJS module's named exports by scanning its text
// for `module.exports.<name> =` (cjs-module-lexer); `export = plugin` alone shows none.
// These lines name them, so `import { configs } from 'eslint-plugin-deepseek'`, which
// the types allow, works too (TypeScript emits `module.exports = plugin` after them).
module.exports.meta = plugin.meta;
module.exports.rules = plugin.rules;
module.exports.configs = plugin.configs;
