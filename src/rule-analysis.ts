/**
 * How rules get the shared analysis: once per file, with the extra hosts from
 * the rule's own `extraHosts` option and from shared settings
 * (`settings: { deepseek: { extraHosts: ['llm-gateway.internal'] } }`).
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { type DeepSeekAnalysis, analyzeDeepSeek, mayTalkToDeepSeek } from './analysis/requests';
import type { Node } from './analysis/ast';

export interface HostOptions {
  /** Hosts besides api.deepseek.com that reach DeepSeek (proxies, gateways). */
  extraHosts?: string[];
}

/** JSON schema for the `extraHosts` option, shared by every rule that takes it. */
export const extraHostsSchema = {
  type: 'array',
  items: { type: 'string', minLength: 1 },
  uniqueItems: true,
  description: 'Hosts besides api.deepseek.com that reach DeepSeek (proxies, gateways).',
} as const;

/** Options of the rules whose only option is `extraHosts`: their schema and defaults, written once. */
export const hostOnlyOptions = {
  schema: [
    {
      type: 'object' as const,
      properties: { extraHosts: extraHostsSchema },
      additionalProperties: false,
    },
  ],
  defaults: (): [HostOptions] => [{ extraHosts: [] }],
};

export function extraHostsOf(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>, options?: HostOptions): string[] {
  const settings = (context.settings as { deepseek?: HostOptions } | undefined)?.deepseek;
  return [...(settings?.extraHosts ?? []), ...(options?.extraHosts ?? [])];
}

export function analysisFor(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  options?: HostOptions,
): DeepSeekAnalysis {
  const sourceCode = context.sourceCode;
  return analyzeDeepSeek(sourceCode.ast as unknown as Node, sourceCode.text, { extraHosts: extraHostsOf(context, options) });
}

/**
 * False when the file's text cannot be about DeepSeek (the shared analysis' text gate).
 * Rules then return no listeners at all, so ESLint never dispatches a node to them:
 * `if (!fileMayTalkToDeepSeek(context, options)) return {};`
 */
export function fileMayTalkToDeepSeek(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  options?: HostOptions,
): boolean {
  return mayTalkToDeepSeek(context.sourceCode.text, extraHostsOf(context, options));
}
