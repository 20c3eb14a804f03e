/**
 * The DeepSeek key where a browser can read it: an env var that bundlers inline
 * into client bundles, a client created with `dangerouslyAllowBrowser: true` in
 * browser code (src/client-code.ts says which files are), or a DeepSeek call in a
 * file marked 'use client'. The remedy is always the same: call DeepSeek from a
 * server route and have the browser call that route.
 */
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/create-rule';
import { isDeepSeekKeyName, publicEnvPrefixOf } from '../src/deepseek';
import { type Node, findProperty, memberName, memberPath, propertyKeyName, unwrap } from '../src/analysis/ast';
import { directiveOf, isEnvObject, runtimeOf } from '../src/client-code';
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
        'dangerouslyAllowBrowser ships the DeepSeek key to every visitor of this browser code ({{sign}}). Call DeepSeek from a server route and have the browser call that route.',
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
        const allowed = analysis.clients.flatMap((client) => {
          const allow = client.options && findProperty(client.options, 'dangerouslyAllowBrowser');
          const value = allow && unwrap(allow.value);
          return allow && value?.type === 'Literal' && value.value === true ? [allow] : [];
        });
        // Outside a browser the flag does nothing: it is reported only in browser code.
        const runtime =
          allowed.length > 0
            ? runtimeOf(program, context.sourceCode.text, projectPath(context), context.sourceCode.scopeManager?.globalScope ?? null)
            : undefined;
        if (runtime?.where === 'browser') {
          for (const allow of allowed) context.report({ node: allow, messageId: 'browserClient', data: { sign: runtime.sign } });
        }
        if (directiveOf(program) !== 'use client') return;
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

/** The file's path from the working directory (a parent directory named `server/` is not the project's). */
function projectPath(context: Readonly<{ filename: string; cwd: string }>): string {
  const relative = path.relative(context.cwd, context.filename);
  return relative.startsWith('..') || path.isAbsolute(relative) ? context.filename : relative;
}
