/**
 * eslint-doc-generator settings (`npm run docs` writes, `npm run docs:check` and
 * test/integration/docs.test.ts check). It loads the BUILT plugin through
 * package.json `exports` (dist/), so build first: `npm run build`.
 */

/** @type {import('eslint-doc-generator').GenerateOptions} */
module.exports = {
  // `all` would put a check mark on every row: only `recommended` tells the reader something.
  ignoreConfig: ['all'],
  configEmoji: [['recommended', '✅']],
  configFormat: 'prefix-name',
  ruleDocTitleFormat: 'prefix-name',
  ruleListColumns: ['name', 'description', 'configsError', 'fixable', 'hasSuggestions', 'options', 'deprecated'],
  ruleDocNotices: ['deprecated', 'configs', 'fixableAndHasSuggestions', 'options', 'description'],
  urlConfigs: 'https://github.com/deepseek-tools/eslint-plugin-deepseek#usage',
  pathRuleList: 'README.md',
};
