/**
 * createRule (src/create-rule.ts): typescript-eslint's RuleCreator with the defaults
 * merged once per distinct options value instead of once per file (a bench cheap path:
 * RuleCreator's structuredClone per rule per file was ~1% of a recommended-config run).
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ESLintUtils } from '@typescript-eslint/utils';
import { applyDefault, createRule, ruleDocsUrl } from '../src/create-rule';

type Options = [{ mode?: string; hosts?: string[]; nested?: { depth?: number } }];

function recordingRule(seen: Options[0][]) {
  return createRule<Options, 'seen'>({
    name: 'recording',
    meta: {
      type: 'problem',
      docs: { description: 'records the options each file sees' },
      messages: { seen: 'seen' },
      schema: [
        {
          type: 'object',
          properties: {
            mode: { type: 'string' },
            hosts: { type: 'array', items: { type: 'string' } },
            nested: { type: 'object', properties: { depth: { type: 'number' } } },
          },
          additionalProperties: false,
        },
      ],
      defaultOptions: [{ mode: 'strict', hosts: [], nested: { depth: 1 } }],
    },
    defaultOptions: [{ mode: 'strict', hosts: [], nested: { depth: 1 } }],
    create(_context, [options]) {
      seen.push(options);
      return {};
    },
  });
}

function lint(rule: ReturnType<typeof recordingRule>, options: unknown[] | undefined, files: number) {
  const linter = new Linter({ configType: 'flat' });
  const ruleConfig = options ? (['error', ...options] as Linter.RuleEntry) : 'error';
  for (let i = 0; i < files; i++) {
    linter.verify('const a = 1;', [{ plugins: { test: { rules: { recording: rule } } as never }, rules: { 'test/recording': ruleConfig } }], `f${i}.js`);
  }
}

describe('createRule: options merged once per distinct value', () => {
  it('gives every file of one config the same merged, frozen options object', () => {
    const seen: Options[0][] = [];
    lint(recordingRule(seen), undefined, 3);
    expect(seen).toHaveLength(3);
    expect(seen[0]).toEqual({ mode: 'strict', hosts: [], nested: { depth: 1 } });
    expect(seen[1]).toBe(seen[0]);
    expect(seen[2]).toBe(seen[0]);
    expect(Object.isFrozen(seen[0])).toBe(true);
    expect(Object.isFrozen(seen[0].hosts)).toBe(true);
    expect(Object.isFrozen(seen[0].nested)).toBe(true);
  });

  it('merges user options over the defaults, deeply, and keeps each distinct value apart', () => {
    const seen: Options[0][] = [];
    const rule = recordingRule(seen);
    lint(rule, [{ mode: 'loose', nested: {} }], 2);
    lint(rule, [{ hosts: ['gw.internal'] }], 1);
    lint(rule, [{ mode: 'loose', nested: {} }], 1);
    expect(seen[0]).toEqual({ mode: 'loose', hosts: [], nested: { depth: 1 } });
    expect(seen[1]).toBe(seen[0]);
    expect(seen[2]).toEqual({ mode: 'strict', hosts: ['gw.internal'], nested: { depth: 1 } });
    // Back to the first value: the cached object again, not a fresh merge.
    expect(seen[3]).toBe(seen[0]);
  });

  it('does not let a changed options value reuse the previous merge', () => {
    const seen: Options[0][] = [];
    const rule = recordingRule(seen);
    lint(rule, [{ hosts: ['a.internal'] }], 1);
    lint(rule, [{ hosts: ['a.internal', 'b.internal'] }], 1);
    lint(rule, [{ hosts: ['b.internal'] }], 1);
    expect(seen.map((options) => options.hosts)).toEqual([['a.internal'], ['a.internal', 'b.internal'], ['b.internal']]);
  });
});

describe('applyDefault: typescript-eslint\'s merge, without loading typescript-eslint at run time', () => {
  const defaults = [{ mode: 'strict', hosts: ['a'], nested: { depth: 1, keep: true } }, 'second'] as const;
  it.each<[string, unknown[] | undefined]>([
    ['no options', undefined],
    ['empty options', []],
    ['a scalar replaced, an array replaced (not concatenated)', [{ mode: 'loose', hosts: ['b'] }]],
    ['nested objects merged key by key', [{ nested: { depth: 3 } }]],
    ['an explicit undefined inside an object kept', [{ mode: undefined }]],
    ['a later position replaced, an earlier undefined one defaulted', [undefined, 'other']],
    ['a non-object over an object replaces it', [['x'], 'other']],
  ])('%s: same result as ESLintUtils.applyDefault', (_name, userOptions) => {
    const expected = ESLintUtils.applyDefault(defaults as unknown as unknown[], userOptions as unknown[]);
    expect(applyDefault(defaults as unknown as unknown[], userOptions)).toStrictEqual(expected);
  });

  it('changes neither the defaults nor the user options', () => {
    const mine = [{ nested: { depth: 9 } }];
    const merged = applyDefault(defaults as unknown as unknown[], mine) as Array<{ nested: { depth: number; keep: boolean } }>;
    expect(merged[0].nested).toEqual({ depth: 9, keep: true });
    expect(mine).toEqual([{ nested: { depth: 9 } }]);
    expect(defaults[0].nested).toEqual({ depth: 1, keep: true });
  });

  it('gives each rule its docs page as meta.docs.url', () => {
    const rule = recordingRule([]);
    expect(rule.meta.docs?.url).toBe(ruleDocsUrl('recording'));
    expect(ruleDocsUrl('recording')).toBe('https://github.com/deepseek-tools/eslint-plugin-deepseek/blob/main/docs/rules/recording.md');
  });
});
