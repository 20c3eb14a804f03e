import { describe, expect, it } from 'vitest';
import { childKeysFromVisitorKeys } from '../../src/analysis/ast';
import { CHILD_KEYS } from '../../src/analysis/child-keys';

describe('src/analysis/child-keys.ts', () => {
  it('is @typescript-eslint/visitor-keys less the keys the walk skips (regenerate with `npm run child-keys`)', () => {
    expect(CHILD_KEYS).toEqual(childKeysFromVisitorKeys());
    // The walk depends on these: calls, object literals, and a TS wrapper around an expression.
    expect(CHILD_KEYS.CallExpression).toEqual(['callee', 'arguments']);
    expect(CHILD_KEYS.Property).toEqual(['key', 'value']);
    expect(CHILD_KEYS.TSAsExpression).toEqual(['expression']);
  });
});
