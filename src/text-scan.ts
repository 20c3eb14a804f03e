/**
 * DeepSeek keys in any text file (`.env`, JSON, YAML, TOML, shell, Python, Markdown,
 * notebooks, …), for `lint` on files that are not JavaScript and for the rule
 * `no-hardcoded-api-key` under ESLint's JSON and Markdown languages. The key
 * pattern and the placeholder rules are those of src/deepseek.ts (findApiKeys);
 * this module only decides what text to search and where a match sits.
 *
 * JSON files (notebooks included: their cell sources and outputs are JSON strings)
 * are searched with their string escapes decoded, so `"key:\nsk-…"` is found as a
 * key that starts a line, and a line of a notebook cell is a line for the marker.
 */
import { findApiKeys } from './deepseek';

/**
 * Written on the line of a key, in a comment or anywhere else, it keeps that key
 * from being reported by `lint` (the finding is listed as suppressed instead).
 * A reason follows `--`: `# deepseek-allow-key -- revoked key of the test fixture`.
 */
export const ALLOW_KEY_MARKER = 'deepseek-allow-key';
const ALLOW_KEY_MARKER_PATTERN = /deepseek-allow-key(?![\w-])(?:[ \t]+--[ \t]*(.*))?/;
/** What closes the comment a reason stands in (`-->`, a block comment end), or the JSON string it is part of. */
const REASON_TAIL_PATTERN = /\s*(?:-->|\*\/|"\s*,?)?\s*$/;

/** Same line breaks as ESLint's (`\r\n`, `\r`, `\n`, U+2028, U+2029), so line numbers agree with it. */
const LINE_BREAK_PATTERN = /\r\n|[\r\n\u2028\u2029]/g;

/** Names searched as JSON: string escapes are decoded first. */
const JSON_FILE_PATTERN = /\.(?:json|jsonc|json5|jsonl|ndjson|ipynb|geojson|webmanifest)$/i;

export function isJsonFileName(fileName: string): boolean {
  return JSON_FILE_PATTERN.test(fileName);
}

export interface Position {
  /** 1-based. */
  readonly line: number;
  /** 1-based (ESLint's message columns). */
  readonly column: number;
}

export interface TextKeyFinding {
  /** The key itself: for redactKey() and allowKeys only, never for output. */
  readonly key: string;
  /** Offsets of the key's first character and past its last in the file text (escapes included). */
  readonly start: number;
  readonly end: number;
  /** Set when the key's line carries ALLOW_KEY_MARKER: the reason after `--`, or ''. */
  readonly suppressedBecause?: string;
}

/**
 * The text as searched, with the offset in the file text of each of its characters:
 * the file text itself, or (JSON) the text with the escapes of its strings decoded.
 */
interface SearchedText {
  readonly text: string;
  /** For JSON: offset in the file of each character of `text`, and of its end. */
  readonly fileOffsets?: Int32Array;
}

/** Every real-looking key in the text of a file called `fileName`, placeholders left out, in order. */
export function findKeysInFileText(fileText: string, fileName: string): TextKeyFinding[] {
  return findKeysInText(fileText, { json: isJsonFileName(fileName) });
}

/** The same, for a text known to be JSON (its strings decoded first) or not. */
export function findKeysInText(fileText: string, { json }: { readonly json: boolean }): TextKeyFinding[] {
  const searched: SearchedText = json ? decodeJsonStrings(fileText) : { text: fileText };
  return findApiKeys(searched.text).map(({ key, index }) => {
    const offsets = searched.fileOffsets;
    const start = offsets ? offsets[index] : index;
    const end = offsets ? offsets[index + key.length] : index + key.length;
    const suppressedBecause = allowMarkerReason(lineAround(searched.text, index));
    return suppressedBecause === undefined ? { key, start, end } : { key, start, end, suppressedBecause };
  });
}

/** The reason given with the marker on `line`, '' for none, or undefined without a marker. */
export function allowMarkerReason(line: string): string | undefined {
  const match = ALLOW_KEY_MARKER_PATTERN.exec(line);
  if (!match) return undefined;
  return (match[1] ?? '').replace(REASON_TAIL_PATTERN, '');
}

function lineAround(text: string, index: number): string {
  let start = index;
  while (start > 0 && !isLineBreak(text.charCodeAt(start - 1))) start -= 1;
  let end = index;
  while (end < text.length && !isLineBreak(text.charCodeAt(end))) end += 1;
  return text.slice(start, end);
}

function isLineBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * The text with every double-quoted string's escapes decoded (`\n`, `\"`, `\u0073`, …),
 * everything else kept as it is. Tolerant: a quote in a JSONC comment or a broken file
 * opens a "string" that a raw line break ends, so one stray quote cannot hide the rest.
 */
export function decodeJsonStrings(fileText: string): Required<SearchedText> {
  let text = '';
  const offsets: number[] = [];
  let inString = false;
  for (let i = 0; i < fileText.length; ) {
    const char = fileText[i];
    if (inString && char === '\\' && i + 1 < fileText.length) {
      const escaped = fileText[i + 1];
      const hex = escaped === 'u' ? fileText.slice(i + 2, i + 6) : '';
      if (/^[0-9a-fA-F]{4}$/.test(hex)) {
        text += String.fromCharCode(Number.parseInt(hex, 16));
        offsets.push(i);
        i += 6;
        continue;
      }
      const simple = SIMPLE_ESCAPES[escaped];
      if (simple !== undefined) {
        text += simple;
        offsets.push(i);
        i += 2;
        continue;
      }
    }
    if (char === '"') inString = !inString;
    else if (isLineBreak(char.charCodeAt(0))) inString = false;
    text += char;
    offsets.push(i);
    i += 1;
  }
  offsets.push(fileText.length);
  return { text, fileOffsets: Int32Array.from(offsets) };
}

/** Turns offsets of a text into ESLint's 1-based lines and columns. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    for (const match of text.matchAll(LINE_BREAK_PATTERN)) this.lineStarts.push(match.index + match[0].length);
  }

  positionOf(offset: number): Position {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.lineStarts[low] + 1 };
  }
}

/** How many leading bytes git looks at to call a file binary, and what it looks for: a NUL byte. */
export const BINARY_SNIFF_BYTES = 8000;

/** Git's test (xdiff's buffer_is_binary): a NUL byte in the first 8000 bytes. UTF-16 text counts as binary too. */
export function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0);
}
