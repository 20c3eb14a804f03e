/**
 * `lint` on a file that is not JavaScript or TypeScript: the file's text searched for
 * DeepSeek keys (src/text-scan.ts), the findings shaped as an ESLint LintResult under
 * the rule `deepseek/no-hardcoded-api-key`, with that rule's message, so every ESLint
 * formatter prints them as it prints the rule's own.
 */
import type { ESLint, Linter, Rule } from 'eslint';
import { promises as fs } from 'node:fs';
import { MAX_SOURCE_BYTES } from '../codemods/files';
import noHardcodedApiKey from '../rules/no-hardcoded-api-key';
import { redactKey } from './deepseek';
import { BINARY_SNIFF_BYTES, findKeysInFileText, LineIndex, looksBinary } from './text-scan';

export const KEY_RULE_ID = 'deepseek/no-hardcoded-api-key';
const KEY_MESSAGE_ID = 'hardcodedKey';
const ERROR = 2;

/** The rule's metadata, for formatters that describe each rule (SARIF's `tool.driver.rules`). */
export const KEY_RULE_META = noHardcodedApiKey.meta as unknown as Rule.RuleMetaData;

export type TextLintOutcome =
  | { readonly kind: 'linted'; readonly result: ESLint.LintResult }
  | { readonly kind: 'binary' }
  | { readonly kind: 'too large' }
  | { readonly kind: 'gone' };

/** Search one file; binary files and files over MAX_SOURCE_BYTES are not searched. */
export async function lintTextFile(filePath: string): Promise<TextLintOutcome> {
  try {
    return await searchFile(filePath);
  } catch (error) {
    // Deleted since the walk listed it: nothing left to search.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'gone' };
    throw error;
  }
}

async function searchFile(filePath: string): Promise<TextLintOutcome> {
  const { size } = await fs.stat(filePath);
  if (size > MAX_SOURCE_BYTES) {
    // Only the start decides (as for git); a big binary file (an image) is not worth a notice.
    return looksBinary(await readStart(filePath)) ? { kind: 'binary' } : { kind: 'too large' };
  }
  const bytes = await fs.readFile(filePath);
  if (looksBinary(bytes)) return { kind: 'binary' };
  return { kind: 'linted', result: lintText(bytes.toString('utf8'), filePath) };
}

async function readStart(filePath: string): Promise<Uint8Array> {
  const handle = await fs.open(filePath, 'r');
  try {
    const { buffer, bytesRead } = await handle.read({ buffer: Buffer.alloc(BINARY_SNIFF_BYTES), position: 0 });
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The LintResult for a text: each key an error, or a suppressed message when its line carries the marker. */
export function lintText(fileText: string, filePath: string): ESLint.LintResult {
  // ESLint drops a byte order mark before it counts columns; so do we.
  const text = fileText.startsWith('\uFEFF') ? fileText.slice(1) : fileText;
  const lines = new LineIndex(text);
  const messages: Linter.LintMessage[] = [];
  const suppressedMessages: Linter.SuppressedLintMessage[] = [];
  for (const finding of findKeysInFileText(text, filePath)) {
    const start = lines.positionOf(finding.start);
    const end = lines.positionOf(finding.end);
    const message: Linter.LintMessage = {
      ruleId: KEY_RULE_ID,
      severity: ERROR,
      message: keyMessage(finding.key),
      line: start.line,
      column: start.column,
      messageId: KEY_MESSAGE_ID,
      endLine: end.line,
      endColumn: end.column,
    };
    if (finding.suppressedBecause === undefined) messages.push(message);
    else suppressedMessages.push({ ...message, suppressions: [{ kind: 'directive', justification: finding.suppressedBecause }] });
  }
  return {
    filePath,
    messages,
    suppressedMessages,
    errorCount: messages.length,
    fatalErrorCount: 0,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
}

/** The rule's own message, filled in as ESLint fills `{{placeholders}}`. */
function keyMessage(key: string): string {
  const template = KEY_RULE_META.messages?.[KEY_MESSAGE_ID] ?? '';
  const data: Record<string, string> = { redacted: redactKey(key) };
  return template.replace(/\{\{([^{}]+?)\}\}/g, (whole, name: string) => data[name.trim()] ?? whole);
}
