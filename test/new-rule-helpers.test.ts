/**
 * The shared facts and analysis fields the issue-7 rules added:
 * model-ID tables, look-alike hosts, key names, public env prefixes, and
 * whether a request's destination is confirmed or only guessed.
 */
import { describe, expect, it } from 'vitest';
import {
  defaultThinkingOf,
  editDistance,
  isDeepSeekKeyName,
  isV4ModelId,
  looksLikeDeepSeekHost,
  publicEnvPrefixOf,
} from '../src/deepseek';
import { analyzeDeepSeek } from '../src/analysis/requests';
import { modelSitesOf } from '../src/analysis/model-sites';
import type { Node } from '../src/analysis/ast';
import { parseProgram } from '../src/parse';

function analyze(source: string, extraHosts: string[] = []) {
  return analyzeDeepSeek(parseProgram(source, 'file.ts') as unknown as Node, source, { extraHosts });
}

describe('model IDs', () => {
  it('treats V4 IDs and aliases as thinking by default, like the Vercel provider', () => {
    expect(['deepseek-v4-flash', 'deepseek-v4-pro', 'deepseek-flash', 'deepseek-v4-flash-vision-exp'].map(isV4ModelId)).toEqual([true, true, true, true]);
    expect(['deepseek-chat', 'deepseek-r1', 'deepseek-v40', 'gpt-4o'].map(isV4ModelId)).toEqual([false, false, false, false]);
    expect(defaultThinkingOf('deepseek-v4-pro')).toBe('enabled');
    expect(defaultThinkingOf('deepseek-reasoner')).toBe('enabled');
    expect(defaultThinkingOf('deepseek-chat')).toBe('disabled');
    expect(defaultThinkingOf('my-model')).toBeUndefined();
  });

  it('measures edit distance', () => {
    expect(editDistance('deepseek-v4-flsh', 'deepseek-v4-flash')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});

describe('looksLikeDeepSeekHost', () => {
  it('flags hosts that imitate api.deepseek.com', () => {
    for (const host of ['api.deepseek.ai', 'deepseek.com', 'www.deepseek.com', 'api-deepseek.com', 'deepseekapi.com', 'api.deepsek.com', 'API.DEEPSEEK.CN']) {
      expect(looksLikeDeepSeekHost(host), host).toBe(true);
    }
  });
  it('leaves the real host, listed hosts and company gateways alone', () => {
    for (const host of ['api.deepseek.com', 'API.DeepSeek.com', 'deepseek.gateway.example.com', 'api.openai.com', 'localhost']) {
      expect(looksLikeDeepSeekHost(host), host).toBe(false);
    }
    expect(looksLikeDeepSeekHost('proxy.deepseek.ai', ['proxy.deepseek.ai'])).toBe(false);
  });
});

describe('isDeepSeekKeyName', () => {
  it('recognises names that hold the key', () => {
    for (const name of ['DEEPSEEK_API_KEY', 'deepseekApiKey', 'deepseekKey', 'NEXT_PUBLIC_DEEPSEEK_KEY', 'DEEPSEEK_SECRET', 'DEEPSEEK_TOKEN', 'deepseekAccessToken', 'DEEPSEEKAPIKEY']) {
      expect(isDeepSeekKeyName(name), name).toBe(true);
    }
  });
  it('ignores other DeepSeek settings and key names of other services', () => {
    for (const name of ['DEEPSEEK_BASE_URL', 'deepseekClient', 'deepseekTokens', 'deepseekTokenCount', 'OPENAI_API_KEY', 'keyboard']) {
      expect(isDeepSeekKeyName(name), name).toBe(false);
    }
  });
});

describe('publicEnvPrefixOf', () => {
  it('names the bundler prefix', () => {
    expect(publicEnvPrefixOf('NEXT_PUBLIC_DEEPSEEK_API_KEY')).toBe('NEXT_PUBLIC_');
    expect(publicEnvPrefixOf('VITE_DEEPSEEK_KEY')).toBe('VITE_');
    expect(publicEnvPrefixOf('EXPO_PUBLIC_DEEPSEEK_KEY')).toBe('EXPO_PUBLIC_');
    expect(publicEnvPrefixOf('DEEPSEEK_API_KEY')).toBeUndefined();
  });
});

describe('confirmed destinations', () => {
  it('confirms clients and bodies with a DeepSeek base URL or a DeepSeek SDK default', () => {
    const analysis = analyze(`
      import OpenAI from 'openai';
      import { ChatDeepSeek } from '@langchain/deepseek';
      const sure = new OpenAI({ baseURL: 'https://api.deepseek.com' });
      const guessed = new OpenAI({ baseURL: process.env.DEEPSEEK_BASE_URL });
      const lc = new ChatDeepSeek({ model: 'deepseek-v4-flash' });
      sure.chat.completions.create({ model: 'a' });
      guessed.chat.completions.create({ model: 'b' });
      fetch('https://api.deepseek.com/chat/completions', { method: 'POST', body: JSON.stringify({ model: 'c' }) });
      fetch(url, { headers: { Authorization: 'Bearer ' + process.env.DEEPSEEK_API_KEY }, body: JSON.stringify({ model: 'd' }) });
    `);
    expect(analysis.clients.map((client) => client.confirmed)).toEqual([true, false, true]);
    const byModel = Object.fromEntries(modelSitesOf(analysis).map((site) => [site.id, site.confirmed]));
    expect(byModel).toEqual({ a: true, b: false, c: true, d: false, 'deepseek-v4-flash': true });
  });

  it('confirms the @ai-sdk/deepseek default provider and extra hosts', () => {
    const analysis = analyze(
      `import { deepseek } from '@ai-sdk/deepseek';
       generateText({ model: deepseek('deepseek-v4-pro'), prompt });
       fetch('https://gw.example.com/v1/chat/completions', { method: 'POST', body: JSON.stringify({ model: 'gw-model' }) });`,
      ['gw.example.com'],
    );
    const sites = modelSitesOf(analysis);
    expect(sites.map((site) => [site.id, site.kind, site.confirmed, site.requests.length])).toEqual([
      ['gw-model', 'http', true, 1],
      ['deepseek-v4-pro', 'ai-sdk', true, 1],
    ]);
  });
});
