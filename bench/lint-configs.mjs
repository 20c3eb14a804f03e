/**
 * The ESLint setups compared by the benchmark. Every setup shares the same parser
 * block (espree for JS, typescript-eslint's parser for TS), so the only difference
 * between two setups is the rules they turn on.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Globals a Node/browser project declares, so no-undef measures work, not noise. */
const GLOBALS = Object.fromEntries(
  ['console', 'process', 'fetch', 'require', 'module', 'exports', '__dirname', '__filename', 'setTimeout', 'clearTimeout',
    'setInterval', 'clearInterval', 'setImmediate', 'queueMicrotask', 'window', 'document', 'navigator', 'URL', 'URLSearchParams',
    'Buffer', 'TextEncoder', 'TextDecoder', 'AbortController', 'Headers', 'Request', 'Response', 'globalThis', 'structuredClone',
    'global', 'self', 'location', 'performance', 'crypto', 'atob', 'btoa', 'Blob', 'FormData', 'ReadableStream', 'WebSocket', 'Event',
    'EventTarget'].map((name) => [name, 'readonly']),
);

/** Which setups exist, in the order the tables show them. */
export const LINT_SETUPS = ['no-rules', 'core', 'core+deepseek', 'core+no-secrets', 'deepseek-only'];

export function loadTools(projectRoot, distDir) {
  const require = createRequire(join(projectRoot, 'package.json'));
  return {
    ESLint: require('eslint').ESLint,
    js: require('@eslint/js'),
    tsParser: require('@typescript-eslint/parser'),
    noSecrets: require('eslint-plugin-no-secrets'),
    deepseek: require(join(distDir, 'src', 'index.js')),
  };
}

function parserBlock(tools) {
  return [
    {
      name: 'bench/javascript',
      files: ['**/*.js', '**/*.mjs', '**/*.jsx'],
      languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } }, globals: GLOBALS },
    },
    // Corpus (b) keeps CommonJS files apart: they do not parse as modules.
    { name: 'bench/commonjs', files: ['**/*.cjs', 'cjs/**/*.js'], languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs', globals: GLOBALS } },
    {
      name: 'bench/typescript',
      files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
      languageOptions: { parser: tools.tsParser, sourceType: 'module', globals: GLOBALS },
    },
    // Real-world code carries directives for rules this setup does not have.
    { name: 'bench/linter-options', linterOptions: { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' } },
  ];
}

/** The flat config array for one setup. */
export function configFor(setup, tools) {
  const base = parserBlock(tools);
  const core = { ...tools.js.configs.recommended, name: 'bench/core-recommended' };
  const noSecrets = { name: 'bench/no-secrets', plugins: { 'no-secrets': tools.noSecrets }, rules: { 'no-secrets/no-secrets': 'error' } };
  switch (setup) {
    case 'no-rules':
      return base;
    case 'core':
      return [...base, core];
    case 'core+deepseek':
      return [...base, core, tools.deepseek.configs.recommended];
    case 'core+no-secrets':
      return [...base, core, noSecrets];
    case 'deepseek-only':
      return [...base, tools.deepseek.configs.recommended];
    default:
      throw new Error(`unknown lint setup: ${setup}`);
  }
}

export function createESLint(setup, tools, cwd, stats = false) {
  return new tools.ESLint({ cwd, overrideConfigFile: true, overrideConfig: configFor(setup, tools), stats, cache: false, warnIgnored: false });
}
