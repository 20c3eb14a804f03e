/**
 * Writing string source in fixes: a literal keeps its quote character, a
 * template quasi is rewritten between its delimiters only.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Node } from './analysis/ast';

const STRING_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** `text` as a string literal quoted with `quote` (`'` or `"`). */
export function quoteString(text: string, quote: string): string {
  let body = '';
  for (const char of text) {
    if (char === quote) body += `\\${quote}`;
    else if (STRING_ESCAPES[char]) body += STRING_ESCAPES[char];
    else if (char < ' ') body += `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`;
    else body += char;
  }
  return quote + body + quote;
}

/** The quote a literal's source uses; `'` when it has none. */
export function quoteOf(rawLiteral: string): string {
  return rawLiteral[0] === '"' ? '"' : "'";
}

/** `text` as the raw content of a template quasi. */
export function escapeTemplate(text: string): string {
  let body = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '`') body += '\\`';
    else if (char === '$' && text[i + 1] === '{') body += '\\$';
    else if (STRING_ESCAPES[char]) body += STRING_ESCAPES[char];
    else body += char;
  }
  return body;
}

/** The range of a quasi's raw text, without the `` ` ``, `}` and `${` around it. */
export function quasiContentRange(quasi: TSESTree.TemplateElement): [number, number] {
  return [quasi.range[0] + 1, quasi.range[1] - (quasi.tail ? 1 : 2)];
}

/** Replace a string literal's (or an expression-free template's) value, keeping its quote character. */
export function replaceStringLiteral(fixer: TSESLint.RuleFixer, literal: Node, value: string): TSESLint.RuleFix {
  if (literal.type === 'TemplateLiteral') return fixer.replaceTextRange(literal.range, `\`${escapeTemplate(value)}\``);
  return fixer.replaceTextRange(literal.range, quoteString(value, quoteOf((literal as { raw?: string }).raw ?? "'")));
}
