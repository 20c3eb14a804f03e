import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findApiKeys, redactKey, redactKeysIn } from '../../src/deepseek';
import { apiKey, nearMissKey, optionalPrefix, optionalSuffix, prefixText, suffixText } from './arbitraries';

const runs = { numRuns: 300 };

describe('key detection (property)', () => {
  it('finds every generated key wherever it stands alone, at the right offset', () => {
    fc.assert(
      fc.property(optionalPrefix, apiKey, optionalSuffix, (before, key, after) => {
        const matches = findApiKeys(before + key + after);
        expect(matches).toContainEqual({ key, index: before.length });
      }),
      runs,
    );
  });

  it('never reports a near miss (31/33 hex characters, uppercase hex, a character glued before sk-)', () => {
    fc.assert(
      fc.property(optionalPrefix, nearMissKey, optionalSuffix, (before, nearMiss, after) => {
        expect(findApiKeys(before + nearMiss.text + after), nearMiss.kind).toEqual([]);
      }),
      runs,
    );
  });

  it('redaction keeps only sk-… and the last 4 characters, and removes every key from a text', () => {
    fc.assert(
      // Each key stands alone (two keys glued together are not key-shaped: see the near misses).
      fc.property(fc.array(fc.tuple(prefixText, apiKey, suffixText), { minLength: 1, maxLength: 3 }), (parts) => {
        const text = parts.map(([before, key, after]) => before + key + after).join('');
        const redacted = redactKeysIn(text);
        for (const [, key] of parts) {
          expect(redacted).not.toContain(key);
          expect(redacted).toContain(redactKey(key));
          expect(redactKey(key)).toBe(`sk-…${key.slice(-4)}`);
        }
        expect(findApiKeys(redacted)).toEqual([]);
      }),
      runs,
    );
  });
});
