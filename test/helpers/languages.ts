/**
 * Language options for rule-tester cases written in plain JavaScript: parsed by
 * espree (ESLint's own parser), as ESM or as CommonJS, instead of the tester's
 * default TypeScript parser.
 */
import * as espree from 'espree';

const parser = espree as unknown as { parse: (code: string, options?: unknown) => unknown };

export const esm = { parser, ecmaVersion: 'latest', sourceType: 'module' } as const;
export const commonjs = { parser, ecmaVersion: 'latest', sourceType: 'commonjs' } as const;
