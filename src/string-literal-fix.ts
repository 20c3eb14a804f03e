/**
 * Rewriting the value of a string literal (or an expression-free template) in a
 * fix or suggestion, keeping its quote character. Used for model IDs and URLs.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { Node } from './analysis/ast';

export function replaceStringLiteral(fixer: TSESLint.RuleFixer, literal: Node, value: string): TSESLint.RuleFix {
  if (literal.type === 'TemplateLiteral') {
    return fixer.replaceTextRange(literal.range, `\`${value.replace(/[\\`]|\$\{/g, (match) => `\\${match}`)}\``);
  }
  const quote = (literal as { raw?: string }).raw?.[0] === '"' ? '"' : "'";
  const body = value.replace(/\\/g, '\\\\').replaceAll(quote, `\\${quote}`).replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  return fixer.replaceTextRange(literal.range, `${quote}${body}${quote}`);
}
