/**
 * The DeepSeek key where a browser can read it: an env var that bundlers inline
 * into client bundles, a client created with `dangerouslyAllowBrowser: true`, or
 * a DeepSeek call in a file marked 'use client'. The remedy is always the same:
 * call DeepSeek from a server route and have the browser call that route.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/create-rule';
import { isDeepSeekKeyName, publicEnvPrefixOf } from '../src/deepseek';
import { type Node, findProperty, memberName, memberPath, propertyKeyName, unwrap } from '../src/analysis/ast';
import { type HostOptions, analysisFor, hostOnlyOptions, fileMayTalkToDeepSeek } from '../src/rule-analysis';

type Options = [HostOptions];
type MessageIds = 'publicEnvKey' | 'browserClient' | 'clientComponentCall';

export default createRule<Options, MessageIds>({
  name: 'no-client-side-api-key',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow DeepSeek API keys in code that runs in the browser',
      recommended: true,
    },
    messages: {
      publicEnvKey:
        '{{name}} is inlined into the browser bundle ({{prefix}} variables are public), so anyone can read the DeepSeek key. Keep the key in a server-only variable (DEEPSEEK_API_KEY) and call DeepSeek from a server route.',
      browserClient:
        'dangerouslyAllowBrowser ships the DeepSeek key to every visitor. Call DeepSeek from a server route and have the browser call that route.',
      clientComponentCall:
        "This file is marked 'use client', so this DeepSeek call and its key run in the browser. Move it to a server route or server action.",
    },
    schema: hostOnlyOptions.schema,
    defaultOptions: hostOnlyOptions.defaults(),
  },
  defaultOptions: hostOnlyOptions.defaults(),
  create(context, [options]) {
    // A DeepSeek key name or client needs the text to mention DeepSeek: otherwise no listeners at all.
    if (!fileMayTalkToDeepSeek(context, options)) return {};
    function checkEnvName(node: Node, name: string | undefined): void {
      const prefix = name === undefined ? undefined : publicEnvPrefixOf(name);
      if (name === undefined || !prefix || !isDeepSeekKeyName(name)) return;
      context.report({ node, messageId: 'publicEnvKey', data: { name, prefix } });
    }

    return {
      Program(program) {
        const analysis = analysisFor(context, options);
        for (const client of analysis.clients) {
          const allow = client.options && findProperty(client.options, 'dangerouslyAllowBrowser');
          const value = allow && unwrap(allow.value);
          if (allow && value?.type === 'Literal' && value.value === true) context.report({ node: allow, messageId: 'browserClient' });
        }
        if (!isClientFile(program)) return;
        // Each place the key is used once: the client construction, or the bare HTTP call.
        const calls = new Set<Node>();
        for (const client of analysis.clients) calls.add(client.node);
        for (const body of analysis.bodies) if (body.kind === 'http') calls.add(body.call);
        for (const factory of analysis.modelFactories) {
          if (!analysis.clients.some((client) => memberPath(factory.call.callee)?.[0] === client.binding)) calls.add(factory.call);
        }
        for (const call of [...calls].sort((a, b) => a.range[0] - b.range[0])) {
          context.report({ node: call, messageId: 'clientComponentCall' });
        }
      },
      // process.env.NEXT_PUBLIC_DEEPSEEK_API_KEY, import.meta.env.VITE_DEEPSEEK_API_KEY
      MemberExpression(node: TSESTree.MemberExpression) {
        if (isEnvObject(node.object)) checkEnvName(node, memberName(node));
      },
      // const { NEXT_PUBLIC_DEEPSEEK_API_KEY } = process.env
      VariableDeclarator(node: TSESTree.VariableDeclarator) {
        if (node.id.type !== 'ObjectPattern' || !node.init || !isEnvObject(node.init)) return;
        for (const property of node.id.properties) {
          if (property.type === 'Property') checkEnvName(property, propertyKeyName(property));
        }
      },
    };
  },
});

/** `process.env`, `import.meta.env`. */
function isEnvObject(node: Node): boolean {
  const current = unwrap(node);
  if (current?.type !== 'MemberExpression' || memberName(current) !== 'env') return false;
  const owner = unwrap(current.object);
  return (owner?.type === 'Identifier' && owner.name === 'process') || owner?.type === 'MetaProperty';
}

/** A file whose directive prologue holds 'use client' (React Server Components, Next.js app router). */
function isClientFile(program: TSESTree.Program): boolean {
  for (const statement of program.body) {
    if (statement.type !== 'ExpressionStatement' || statement.directive === undefined) return false;
    if (statement.directive === 'use client') return true;
  }
  return false;
}
