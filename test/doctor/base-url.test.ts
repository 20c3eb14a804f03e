/**
 * Which base URLs doctor refuses before sending anything. Tested as a function: a CLI
 * test of a refused real host would reach that host if the refusal broke.
 */
import { describe, expect, it } from 'vitest';
import { parseBaseUrl } from '../../src/doctor/run';

describe('parseBaseUrl', () => {
  it.each([
    ['https://api.deepseek.com', 'https://api.deepseek.com'],
    ['https://api.deepseek.com/', 'https://api.deepseek.com'],
    ['https://API.DeepSeek.com/v1/', 'https://api.deepseek.com/v1'],
    ['https://llm-gateway.example.test/deepseek', 'https://llm-gateway.example.test/deepseek'],
    ['http://localhost:8787', 'http://localhost:8787'],
    ['http://127.0.0.1:8787/v1', 'http://127.0.0.1:8787/v1'],
    ['http://[::1]:8787', 'http://[::1]:8787'],
  ])('accepts %s as %s', (given, url) => {
    expect(parseBaseUrl(given)).toEqual({ url });
  });

  it.each([
    ['http://llm-gateway.example.test', 'refusing to send the key over plain http to llm-gateway.example.test: use https (http is accepted for localhost only)'],
    ['https://api.deepsek.com', "api.deepsek.com looks like DeepSeek's host but is not api.deepseek.com: check the spelling (nothing was sent)"],
    ['https://api.deepseek.ai', "api.deepseek.ai looks like DeepSeek's host but is not api.deepseek.com: check the spelling (nothing was sent)"],
    ['https://user:secret@api.deepseek.com', '--base-url must not hold a user name or password'],
    ['https://api.deepseek.com?api_key=x', '--base-url must not hold a query or a fragment'],
    ['https://api.deepseek.com/v1/models', '--base-url ends with the endpoint path /v1/models: give the base only (e.g. https://api.deepseek.com)'],
    ['api.deepseek.com', "--base-url 'api.deepseek.com' is not a URL (expected e.g. https://api.deepseek.com)"],
  ])('refuses %s', (given, error) => {
    expect(parseBaseUrl(given)).toEqual({ error });
  });
});
