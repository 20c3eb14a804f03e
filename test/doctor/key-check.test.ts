import { describe, expect, it } from 'vitest';
import { checkKeyValue } from '../../src/doctor/key-check';
import { testKey } from '../helpers/keys';

const KEY = testKey(2202);
const causes = (value: string): string[] => checkKeyValue('DEEPSEEK_API_KEY', value).verdicts.map((entry) => entry.cause);

describe('checkKeyValue', () => {
  it('hands a well-formed key on for sending, shown redacted', () => {
    expect(checkKeyValue('DEEPSEEK_API_KEY', KEY)).toEqual({
      key: KEY,
      shown: `sk-…${KEY.slice(-4)}`,
      verdicts: [{ check: 'key', outcome: 'ok', cause: `DEEPSEEK_API_KEY holds a well-formed DeepSeek key (sk-…${KEY.slice(-4)})` }],
    });
  });

  it('says where a line break is', () => {
    expect(causes(`\n${KEY}`)[0]).toBe('DEEPSEEK_API_KEY holds a line break at its start: the Authorization header carries it and the API answers 401');
    expect(causes(`${KEY}\r\n`)[0]).toBe('DEEPSEEK_API_KEY holds a line break at its end: the Authorization header carries it and the API answers 401');
  });

  it('finds quotes inside "Bearer " as well as around it', () => {
    expect(causes(`Bearer '${KEY}'`)).toEqual([
      'DEEPSEEK_API_KEY starts with "Bearer ": SDKs add the scheme themselves, so the header becomes "Bearer Bearer sk-…" (401)',
      'DEEPSEEK_API_KEY is wrapped in quotes, which are sent as part of the key (401)',
    ]);
  });

  it('sends nothing and shows no part of a value that is not key-shaped', () => {
    const nearMiss = `${KEY}0`;
    const check = checkKeyValue('DEEPSEEK_API_KEY', nearMiss);
    expect(check.key).toBeUndefined();
    expect(check.shown).toBe('(36 characters)');
    expect(JSON.stringify(check)).not.toContain(KEY.slice(3, 20));
  });
});
