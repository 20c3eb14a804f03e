/**
 * On a DeepSeek request the Authorization value must be exactly `Bearer <key>`
 * (the auth article: "The header has exactly one acceptable shape").
 *
 * The value is read as text with holes for the expressions we cannot see
 * (src/analysis/header-value.ts), then checked from left to right: whitespace
 * around it, the scheme, the single space after it, whitespace in the key.
 * Messages never quote the value: it may hold a literal key.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/create-rule';
import { AUTHORIZATION_HEADER, BEARER_SCHEME, sameHeaderName } from '../src/deepseek';
import { type HeaderValue, UNKNOWN_EXPRESSION, looksLikeKey, readHeaderValue } from '../src/analysis/header-value';
import type { Node } from '../src/analysis/ast';
import { escapeTemplate, quasiContentRange, quoteOf, quoteString } from '../src/fix-text';
import { type HostOptions, analysisFor, extraHostsSchema } from '../src/rule-analysis';

type Options = [
  HostOptions & {
    /** Accept `bearer` / `BEARER` (RFC 9110 scheme names are case-insensitive). */
    ignoreSchemeCase?: boolean;
  },
];

type ProblemId = 'missingScheme' | 'wrongScheme' | 'schemeCase' | 'bearerColon' | 'separator' | 'whitespaceInKey' | 'surroundingWhitespace';
type SuggestionId = 'addBearer' | 'useBearer' | 'fixSchemeCase' | 'removeColon' | 'singleSpace' | 'removeWhitespace' | 'trimValue';
type MessageIds = ProblemId | SuggestionId;

/** A change to the value's text, in HeaderValue.text offsets. */
interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

interface Problem {
  readonly messageId: ProblemId;
  readonly data?: Record<string, string>;
  readonly suggestion?: { readonly messageId: SuggestionId; readonly edits: readonly Edit[] };
}

export default createRule<Options, MessageIds>({
  name: 'valid-authorization-header',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require the Authorization header of DeepSeek requests to be exactly `Bearer <key>`',
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      missingScheme: 'The Authorization header of this DeepSeek request has no scheme: DeepSeek expects `Bearer <key>` and answers 401.',
      wrongScheme: 'DeepSeek accepts only the Bearer scheme; this Authorization header uses {{scheme}}.',
      schemeCase: 'Write the scheme as `Bearer`, the only form DeepSeek documents (found `{{scheme}}`).',
      bearerColon: 'Remove the colon after `Bearer`: the header is `Authorization: Bearer <key>`, not `Bearer: <key>`.',
      separator: 'Put exactly one space between `Bearer` and the key.',
      whitespaceInKey: 'The key in this Authorization header contains whitespace or a line break; DeepSeek answers 401.',
      surroundingWhitespace: 'The Authorization value has leading or trailing whitespace or line breaks; send exactly `Bearer <key>`.',
      addBearer: 'Add the `Bearer ` scheme before the key.',
      useBearer: 'Use the `Bearer` scheme.',
      fixSchemeCase: 'Write `Bearer`.',
      removeColon: 'Replace `Bearer:` with `Bearer `.',
      singleSpace: 'Use a single space after `Bearer`.',
      removeWhitespace: 'Remove the whitespace from the key.',
      trimValue: 'Remove the leading and trailing whitespace.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          extraHosts: extraHostsSchema,
          ignoreSchemeCase: {
            type: 'boolean',
            description: 'Accept the scheme in any letter case (`bearer`), as RFC 9110 allows.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ extraHosts: [], ignoreSchemeCase: false }],
  },
  defaultOptions: [{ extraHosts: [], ignoreSchemeCase: false }],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    return {
      Program() {
        const analysis = analysisFor(context, options);
        for (const header of analysis.headers) {
          if (!sameHeaderName(header.name, AUTHORIZATION_HEADER) || !header.value) continue;
          const value = readHeaderValue(header.value, analysis);
          const keyAt = (offset: number): boolean => {
            const part = value.parts.find((candidate) => candidate.start === offset && candidate.text === UNKNOWN_EXPRESSION);
            return part !== undefined && looksLikeKey(part.node, analysis);
          };
          for (const problem of checkAuthorizationValue(value.text, keyAt, options.ignoreSchemeCase ?? false)) {
            const edits = problem.suggestion && fixFor(problem.suggestion.edits, value, sourceCode);
            // Adding `Bearer ` to a template or concatenation cannot change what else the value means.
            const certain = problem.messageId === 'missingScheme' && (value.expression.type === 'TemplateLiteral' || value.isConcatenation);
            context.report({
              node: header.value,
              messageId: problem.messageId,
              data: problem.data,
              fix: certain ? edits : undefined,
              suggest: !certain && edits && problem.suggestion ? [{ messageId: problem.suggestion.messageId, fix: edits }] : [],
            });
          }
        }
      },
    };
  },
});

const SCHEME_WORD = /^[A-Za-z][A-Za-z0-9_-]*$/;
/** Schemes whose credentials are not a bare key: switching to Bearer alone would not work. */
const ENCODED_CREDENTIAL_SCHEMES = /^(?:basic|digest)$/i;

/**
 * The problems of an Authorization value, given its text (UNKNOWN_EXPRESSION
 * for each unseen expression) and whether the unseen expression at an offset
 * holds a bare key.
 */
export function checkAuthorizationValue(text: string, keyAt: (offset: number) => boolean, ignoreSchemeCase: boolean): Problem[] {
  const problems: Problem[] = [];
  const lead = text.length - text.trimStart().length;
  const trail = text.length - text.trimEnd().length;
  if (lead === text.length) return problems;
  if (lead > 0 || trail > 0) {
    const edits = [{ start: 0, end: lead, text: '' }, { start: text.length - trail, end: text.length, text: '' }].filter((edit) => edit.end > edit.start);
    problems.push({ messageId: 'surroundingWhitespace', suggestion: { messageId: 'trimValue', edits } });
  }
  const bodyStart = lead;
  const bodyEnd = text.length - trail;
  const body = text.slice(bodyStart, bodyEnd);
  const addBearer: Problem = {
    messageId: 'missingScheme',
    suggestion: { messageId: 'addBearer', edits: [{ start: bodyStart, end: bodyStart, text: `${BEARER_SCHEME} ` }] },
  };

  const scheme = /^[^\s:\uE000]+/.exec(body)?.[0];
  let credentialStart: number;
  if (scheme === undefined) {
    // `${key}`, key + '': the value is one expression. Only a key-named one is surely missing its scheme.
    if (body === UNKNOWN_EXPRESSION && keyAt(bodyStart)) problems.push(addBearer);
    return problems;
  } else if (scheme.startsWith('sk-') || (scheme === body && !/^bearer$/i.test(scheme))) {
    // 'sk-…', or one word with no scheme before it.
    problems.push(addBearer);
    credentialStart = bodyStart;
  } else {
    const [, colon, space] = /^(:?)(\s*)/.exec(body.slice(scheme.length))!;
    const colonStart = bodyStart + scheme.length;
    credentialStart = colonStart + colon.length + space.length;
    if (credentialStart === bodyEnd) return problems;
    const credential = text.slice(credentialStart, bodyEnd);
    if (/^bearer$/i.test(scheme)) {
      if (scheme !== BEARER_SCHEME && !ignoreSchemeCase) {
        problems.push({
          messageId: 'schemeCase',
          data: { scheme },
          suggestion: { messageId: 'fixSchemeCase', edits: [{ start: bodyStart, end: colonStart, text: BEARER_SCHEME }] },
        });
      }
      const separator = { start: colonStart, end: credentialStart, text: ' ' };
      if (colon) problems.push({ messageId: 'bearerColon', suggestion: { messageId: 'removeColon', edits: [separator] } });
      else if (space !== ' ') problems.push({ messageId: 'separator', suggestion: { messageId: 'singleSpace', edits: [separator] } });
    } else if (SCHEME_WORD.test(scheme) && (colon || space)) {
      const credentialIsKey = credential.startsWith('sk-') || (credential === UNKNOWN_EXPRESSION && keyAt(credentialStart));
      problems.push({
        messageId: 'wrongScheme',
        data: { scheme: scheme.length <= 20 ? `\`${scheme}\`` : 'another scheme' },
        suggestion:
          ENCODED_CREDENTIAL_SCHEMES.test(scheme) && !credentialIsKey
            ? undefined
            : { messageId: 'useBearer', edits: [{ start: bodyStart, end: credentialStart, text: `${BEARER_SCHEME} ` }] },
      });
    } else {
      // `prefix${key}`: not a scheme we can tell apart from the key.
      return problems;
    }
  }

  const whitespaceRuns = [...text.slice(credentialStart, bodyEnd).matchAll(/\s+/g)].map((match) => ({
    start: credentialStart + match.index,
    end: credentialStart + match.index + match[0].length,
    text: '',
  }));
  if (whitespaceRuns.length > 0) {
    problems.push({ messageId: 'whitespaceInKey', suggestion: { messageId: 'removeWhitespace', edits: whitespaceRuns } });
  }
  return problems;
}

/**
 * Turn text edits into a fix: each edit must fall inside one literal or quasi
 * of the value; an insertion at the very start of a value that begins with an
 * expression wraps it (`key` → `` `Bearer ${key}` ``, `key + ''` → `'Bearer ' + key + ''`).
 * Undefined when an edit touches text the value does not spell out itself.
 */
function fixFor(
  edits: readonly Edit[],
  value: HeaderValue,
  sourceCode: Readonly<TSESLint.SourceCode>,
): TSESLint.ReportFixFunction | undefined {
  const editsByPart = new Map<number, Edit[]>();
  let prefix: string | undefined;
  for (const edit of edits) {
    const index = value.parts.findIndex((part) => part.editable && part.start <= edit.start && edit.end <= part.end);
    if (index >= 0) {
      editsByPart.set(index, [...(editsByPart.get(index) ?? []), edit]);
    } else if (edit.start === 0 && edit.end === 0 && (value.isConcatenation || value.parts.length === 1)) {
      prefix = edit.text;
    } else {
      return undefined;
    }
  }
  return (fixer) => {
    const fixes: TSESLint.RuleFix[] = [];
    for (const [index, partEdits] of editsByPart) {
      const part = value.parts[index];
      let text = part.text;
      for (const edit of [...partEdits].sort((a, b) => b.start - a.start)) {
        text = text.slice(0, edit.start - part.start) + edit.text + text.slice(edit.end - part.start);
      }
      fixes.push(replacePartText(fixer, sourceCode, part.node, text));
    }
    if (prefix !== undefined) {
      const expression = value.expression;
      if (value.isConcatenation) {
        const firstLiteral = value.parts.find((part) => part.node.type === 'Literal' && part.editable);
        const quote = firstLiteral ? quoteOf(sourceCode.getText(firstLiteral.node as TSESTree.Node)) : "'";
        fixes.push(fixer.insertTextBefore(expression, `${quoteString(prefix, quote)} + `));
      } else {
        fixes.push(fixer.replaceText(expression, `\`${escapeTemplate(prefix)}\${${sourceCode.getText(expression)}}\``));
      }
    }
    return fixes;
  };
}

function replacePartText(fixer: TSESLint.RuleFixer, sourceCode: Readonly<TSESLint.SourceCode>, node: Node, text: string): TSESLint.RuleFix {
  if (node.type === 'TemplateElement') return fixer.replaceTextRange(quasiContentRange(node), escapeTemplate(text));
  return fixer.replaceText(node, quoteString(text, quoteOf(sourceCode.getText(node))));
}
