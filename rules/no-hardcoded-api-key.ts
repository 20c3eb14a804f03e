/**
 * A DeepSeek key in source: in a string, a template, a comment, JSX text, or as
 * the fallback of an env lookup; and anywhere in a JSON or Markdown file linted
 * with ESLint's language plugins. The key itself never reaches any output: the
 * message shows `sk-…` and its last 4 characters.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/create-rule';
import { API_KEY_ENV_VAR, findApiKeys, redactKey } from '../src/deepseek';
import { escapeTemplate } from '../src/fix-text';
import { findKeysInText } from '../src/text-scan';

type Options = [
  {
    /** The env var the suggestion reads the key from. */
    envVar?: string;
    /** Regular expressions for keys that are known not to be secret (revoked test keys). */
    allowKeys?: string[];
  },
];
type MessageIds = 'hardcodedKey' | 'readFromEnv' | 'dropFallback';

export default createRule<Options, MessageIds>({
  name: 'no-hardcoded-api-key',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow DeepSeek API keys in source code',
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      hardcodedKey:
        'DeepSeek API key {{redacted}} is hardcoded. Revoke it at platform.deepseek.com and read the key from the environment.',
      readFromEnv: 'Read the key from process.env.{{envVar}}.',
      dropFallback: 'Remove the hardcoded fallback and keep process.env lookup.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          envVar: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$', description: 'Env var the suggestion reads the key from.' },
          allowKeys: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Regular expressions matching keys that are not secret (for example revoked test keys).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ envVar: API_KEY_ENV_VAR, allowKeys: [] }],
  },
  defaultOptions: [{ envVar: API_KEY_ENV_VAR, allowKeys: [] }],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const envVar = options.envVar ?? API_KEY_ENV_VAR;
    const allowed = (options.allowKeys ?? []).map((pattern) => new RegExp(pattern));

    /**
     * ESLint's JSON (`@eslint/json`) and Markdown (`@eslint/markdown`) languages: the
     * same search as `lint` runs on such files, over the whole text. Their source code
     * objects have `text` and `getLocFromIndex()` (in the language's own line and column
     * base), which is all a report needs; suggestions are for JavaScript only.
     */
    const reportKeysInText = (json: boolean): void => {
      const textSource = sourceCode as unknown as LanguageSourceCode;
      for (const { key, start, end } of findKeysInText(textSource.text, { json })) {
        if (allowed.some((pattern) => pattern.test(key))) continue;
        context.report({
          loc: { start: textSource.getLocFromIndex(start), end: textSource.getLocFromIndex(end) },
          messageId: 'hardcodedKey',
          data: { redacted: redactKey(key) },
        });
      }
    };

    // The root node tells the language: @eslint/json's is `Document`, @eslint/markdown's `root`.
    // Only the listener of the file's own language is returned (JavaScript gets Program alone).
    const rootType = (sourceCode.ast as { type: string }).type;
    if (rootType === 'Document') return { Document: () => reportKeysInText(true) };
    if (rootType === 'root') return { root: () => reportKeysInText(false) };

    return {
      Program() {
        // One regex pass over the text finds keys anywhere, comments and JSX included.
        for (const { key, index } of findApiKeys(sourceCode.text)) {
          if (allowed.some((pattern) => pattern.test(key))) continue;
          const node = sourceCode.getNodeByRangeIndex(index);
          context.report({
            loc: { start: sourceCode.getLocFromIndex(index), end: sourceCode.getLocFromIndex(index + key.length) },
            messageId: 'hardcodedKey',
            data: { redacted: redactKey(key) },
            suggest: node && !isInComment(sourceCode, index) ? suggestionsFor(sourceCode, node, key, envVar) : [],
          });
        }
      },
    };
  },
});

/** What the rule uses of a non-JavaScript language's source code. */
interface LanguageSourceCode {
  readonly text: string;
  getLocFromIndex(index: number): TSESTree.Position;
}

function isInComment(sourceCode: Readonly<TSESLint.SourceCode>, index: number): boolean {
  return sourceCode.getAllComments().some((comment) => comment.range[0] <= index && index < comment.range[1]);
}

type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

function suggestionsFor(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
  key: string,
  envVar: string,
): Suggestion[] {
  const envRead = `process.env.${envVar}`;
  const parent = node.parent;

  // `process.env.DEEPSEEK_API_KEY ?? 'sk-…'`: the fallback is the whole mistake.
  if (
    parent?.type === 'LogicalExpression' &&
    parent.right === node &&
    (parent.operator === '??' || parent.operator === '||') &&
    isEnvRead(parent.left)
  ) {
    return [{ messageId: 'dropFallback', fix: (fixer) => fixer.replaceText(parent, sourceCode.getText(parent.left)) }];
  }

  const value = node.type === 'Literal' && typeof node.value === 'string' ? node.value : templateText(node);
  if (value === undefined) return [];
  const replaced = node.type === 'TemplateElement' ? node.parent : node;
  if (value === key && replaced) {
    return [{ messageId: 'readFromEnv', data: { envVar }, fix: (fixer) => fixer.replaceText(replaced, envRead) }];
  }
  // 'Bearer sk-…' → `Bearer ${process.env.DEEPSEEK_API_KEY}`
  if (node.type === 'Literal' && !isPropertyKeyOrImport(node)) {
    const [before, ...rest] = value.split(key);
    const after = rest.join(key);
    if (!after.includes(key) && !before.includes(key)) {
      const template = `\`${escapeTemplate(before)}\${${envRead}}${escapeTemplate(after)}\``;
      return [{ messageId: 'readFromEnv', data: { envVar }, fix: (fixer) => fixer.replaceText(node, template) }];
    }
  }
  return [];
}

function templateText(node: TSESTree.Node): string | undefined {
  if (node.type === 'TemplateElement') return node.parent?.type === 'TemplateLiteral' && node.parent.expressions.length === 0 ? node.value.cooked ?? undefined : undefined;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked ?? undefined;
  return undefined;
}

function isEnvRead(node: TSESTree.Node): boolean {
  const target = node.type === 'ChainExpression' ? node.expression : node;
  return (
    target.type === 'MemberExpression' &&
    target.object.type === 'MemberExpression' &&
    target.object.property.type === 'Identifier' &&
    target.object.property.name === 'env'
  );
}

function isPropertyKeyOrImport(node: TSESTree.Node): boolean {
  const parent = node.parent;
  return (
    (parent?.type === 'Property' && parent.key === node) ||
    parent?.type === 'ImportDeclaration' ||
    parent?.type === 'ExportAllDeclaration' ||
    parent?.type === 'ExportNamedDeclaration' ||
    parent?.type === 'TSLiteralType' ||
    parent?.type === 'JSXAttribute'
  );
}
