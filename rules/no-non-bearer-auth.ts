/**
 * DeepSeek reads the key from `Authorization: Bearer <key>` only ("DeepSeek does
 * not honour X-API-Key, Api-Key, or query-string keys"). The one exception is
 * `x-api-key` on the Anthropic surface (`/anthropic`), documented as supported.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/create-rule';
import { AUTHORIZATION_HEADER, NON_BEARER_KEY_HEADER_PATTERN, isKeyHeaderAllowed, redactKeysIn, sameHeaderName } from '../src/deepseek';
import type { HeaderEntry } from '../src/analysis/requests';
import { propertyKeyName, unwrap } from '../src/analysis/ast';
import { quasiContentRange, quoteOf, quoteString } from '../src/fix-text';
import { type HostOptions, analysisFor, hostOnlyOptions } from '../src/rule-analysis';

type Options = [HostOptions];
type MessageIds = 'keyHeader' | 'keyInQuery' | 'useAuthorization';

export default createRule<Options, MessageIds>({
  name: 'no-non-bearer-auth',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow sending the DeepSeek key in an API-key header or the query string instead of `Authorization: Bearer`',
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      keyHeader: 'DeepSeek does not read the key from the `{{header}}` header; send it as `Authorization: Bearer <key>`.',
      keyInQuery:
        'DeepSeek does not read the key from the query string (`{{param}}`); send it as `Authorization: Bearer <key>`. Keys in URLs also end up in logs.',
      useAuthorization: 'Send the key as `Authorization: Bearer …` instead.',
    },
    schema: hostOnlyOptions.schema,
    defaultOptions: hostOnlyOptions.defaults(),
  },
  defaultOptions: hostOnlyOptions.defaults(),
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    return {
      Program() {
        const analysis = analysisFor(context, options);
        for (const header of analysis.headers) {
          if (!NON_BEARER_KEY_HEADER_PATTERN.test(header.name) || isKeyHeaderAllowed(header.name, header.surface)) continue;
          const fix = moveToAuthorization(header, sourceCode, analysis.parentOf);
          context.report({
            node: header.nameNode,
            messageId: 'keyHeader',
            data: { header: redactKeysIn(header.name) },
            suggest: fix ? [{ messageId: 'useAuthorization', fix }] : [],
          });
        }
        for (const query of analysis.queryKeys) {
          context.report({ node: query.node, messageId: 'keyInQuery', data: { param: redactKeysIn(query.param) } });
        }
      },
    };
  },
});

/**
 * `{ 'X-API-Key': key }` → `` { Authorization: `Bearer ${key}` } ``: only for a
 * property of an object literal that has no Authorization header already.
 */
function moveToAuthorization(
  header: HeaderEntry,
  sourceCode: Readonly<TSESLint.SourceCode>,
  parentOf: (node: TSESTree.Node) => TSESTree.Node | undefined,
): TSESLint.ReportFixFunction | undefined {
  const property = parentOf(header.nameNode);
  const object = property && parentOf(property);
  if (header.source !== 'object' || property?.type !== 'Property' || object?.type !== 'ObjectExpression') return undefined;
  if (property.kind !== 'init' || property.method || !header.value) return undefined;
  const hasAuthorization = object.properties.some((other) => {
    const name = other.type === 'Property' ? propertyKeyName(other) : undefined;
    return name !== undefined && sameHeaderName(name, AUTHORIZATION_HEADER);
  });
  if (hasAuthorization) return undefined;
  const value = bearerValue(unwrap(header.value) ?? header.value, sourceCode);
  return (fixer) => fixer.replaceText(property, `Authorization: ${value}`);
}

/** The value with `Bearer ` in front, written in the same kind of string when it is one. */
function bearerValue(value: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): string {
  if (value.type === 'Literal' && typeof value.value === 'string') {
    return quoteString(`Bearer ${value.value}`, quoteOf(sourceCode.getText(value)));
  }
  const text = sourceCode.getText(value);
  if (value.type === 'TemplateLiteral') {
    const [start] = quasiContentRange(value.quasis[0]);
    return `\`Bearer ${text.slice(start - value.range[0])}`;
  }
  return `\`Bearer \${${text}}\``;
}
