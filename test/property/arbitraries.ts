/**
 * fast-check generators shared by the property tests: realistic keys, near
 * misses, and the places a key ends up in source code.
 * Every key-shaped value is generated at run time (never committed).
 */
import fc from 'fast-check';
import { isPlaceholderKey } from '../../src/deepseek';

const HEX = '0123456789abcdef';

export const hexString = (length: number) => fc.string({ unit: fc.constantFrom(...HEX), minLength: length, maxLength: length });

/**
 * A real-looking key: `sk-` + 32 uniformly random lowercase hex characters (no
 * small-value bias: real keys are high-entropy); placeholders are not keys by definition.
 */
export const apiKey = fc
  .noBias(hexString(32))
  .map((body) => `sk-${body}`)
  .filter((key) => !isPlaceholderKey(key));

/** Characters that may touch a key on either side without being part of it (ASCII non-word characters). */
const SEPARATORS = [' ', '\n', '\t', "'", '"', '`', '(', ')', '=', ':', ',', '/', '-', '.', '@', '#', '?', '&', '[', '<', '>', '{', '}'];

/** Arbitrary text that ends (prefix) or starts (suffix) with a separator, so the key stands alone. */
export const prefixText = fc.tuple(fc.string({ maxLength: 20 }), fc.constantFrom(...SEPARATORS)).map(([text, sep]) => text + sep);
export const suffixText = fc.tuple(fc.constantFrom(...SEPARATORS), fc.string({ maxLength: 20 })).map(([sep, text]) => sep + text);
/** Either a separator-bounded text or nothing (start/end of input). */
export const optionalPrefix = fc.oneof(fc.constant(''), prefixText);
export const optionalSuffix = fc.oneof(fc.constant(''), suffixText);

/** Strings that look almost like a key and must never be reported. */
export const nearMissKey = fc.oneof(
  hexString(31).map((body) => ({ kind: '31 hex characters', text: `sk-${body}` })),
  hexString(33).map((body) => ({ kind: '33 hex characters', text: `sk-${body}` })),
  fc
    .tuple(hexString(32), fc.nat({ max: 31 }), fc.constantFrom(...'ABCDEF'))
    .map(([body, at, upper]) => ({ kind: 'uppercase hex', text: `sk-${body.slice(0, at)}${upper}${body.slice(at + 1)}` })),
  fc
    .tuple(fc.constantFrom(...'abcxyzABCXYZ0189_'), apiKey)
    .map(([glued, key]) => ({ kind: 'character glued before sk-', text: `${glued}${key}` })),
);

/** Statements that put a key somewhere a scanner must look (and a reporter must not echo). */
export const keyPlacements: ReadonlyArray<(key: string, n: number) => string> = [
  (key, n) => `const single${n} = '${key}';`,
  (key, n) => `const double${n} = "${key}";`,
  (key, n) => `const template${n} = \`${key}\`;`,
  (key, n) => `const bearer${n} = \`Bearer ${key} \${suffix}\`;`,
  (key, n) => `const header${n} = 'Bearer ${key}';`,
  (key) => `// rotated key: ${key}`,
  (key) => `/* key ${key} */`,
  (key) => `/** @example ${key} */`,
  (key, n) => `const keyed${n} = { '${key}': true };`,
  (key, n) => `const computed${n} = { ["${key}"]: 1 };`,
  (key, n) => `const text${n} = <p>${key}</p>;`,
  (key, n) => `const attribute${n} = <p title="${key}" />;`,
  (key, n) => `const fallback${n} = process.env.DEEPSEEK_API_KEY ?? '${key}';`,
  (key, n) => `const client${n} = new OpenAI({ apiKey: '${key}', baseURL: 'https://api.deepseek.com' });`,
  (key) => `fetch('https://api.deepseek.com/chat/completions', { method: 'POST', headers: { Authorization: 'Bearer ${key}', 'x-api-key': '${key}' } });`,
  (key) => `fetch(\`https://api.deepseek.com/chat/completions?api_key=${key}\`);`,
  (key, n) => `const both${n} = '${key} ${key}';`,
  (key, n) => `const pattern${n} = /${key}/;`,
];

/** A small JSX/TS program holding 1–4 generated keys in generated places, LF or CRLF. */
export const programWithKeys = fc
  .record({
    placements: fc.array(fc.tuple(fc.nat({ max: keyPlacements.length - 1 }), apiKey), { minLength: 1, maxLength: 4 }),
    newline: fc.constantFrom('\n', '\r\n'),
    extension: fc.constantFrom('jsx', 'tsx'),
  })
  .map(({ placements, newline, extension }) => ({
    keys: [...new Set(placements.map(([, key]) => key))],
    extension,
    code: ["import OpenAI from 'openai';", ...placements.map(([at, key], n) => keyPlacements[at](key, n))].join(newline) + newline,
  }));
