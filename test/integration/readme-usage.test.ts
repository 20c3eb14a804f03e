/**
 * The config snippets of the README's "Usage" section, run as written: each
 * becomes the eslint.config file of a scratch project that resolves
 * `eslint-plugin-deepseek` to this package (built: `npm test` builds first).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testKey } from '../helpers/keys';

const ROOT = join(__dirname, '..', '..');

/** The ```js blocks between `## Usage` and the next `## ` heading. */
function usageSnippets(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Usage\n');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end === -1 ? undefined : end);
  return [...section.matchAll(/```js\n([\s\S]*?)```/g)].map((match) => match[1]);
}

const APP = [
  'const key = process.env.DEEPSEEK_API_KEY;',
  "export const direct = () => fetch('https://api.deepseek.com/models', { headers: { Authorization: `Token ${key}` } });",
  // Nothing here names DeepSeek: only the gateway host can tell.
  "export const viaGateway = (token) => fetch('https://llm-gateway.internal/v1/models', { headers: { Authorization: token } });",
  `export const leaked = '${testKey(7)}';`,
].join('\n');

let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'deepseek-readme-usage-'));
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** A project with `snippet` as its config and APP as its only source file; its findings as `line ruleId`. */
async function lintWithSnippet(snippet: string, index: number): Promise<string[]> {
  const project = join(scratch, `usage-${index}`);
  mkdirSync(join(project, 'node_modules'), { recursive: true });
  symlinkSync(ROOT, join(project, 'node_modules', 'eslint-plugin-deepseek'), 'dir');
  symlinkSync(join(ROOT, 'node_modules', 'eslint'), join(project, 'node_modules', 'eslint'), 'dir');
  const configFile = /\brequire\(/.test(snippet) ? 'eslint.config.cjs' : 'eslint.config.mjs';
  writeFileSync(join(project, configFile), snippet);
  writeFileSync(join(project, 'app.js'), `${APP}\n`);
  const results = await new ESLint({ cwd: project }).lintFiles(['app.js']);
  return results.flatMap((result) => result.messages.map((message) => `${message.line} ${message.ruleId ?? message.message}`)).sort();
}

describe('README usage snippets', () => {
  const snippets = usageSnippets();

  it('the built plugin exists and the Usage section has its four snippets', () => {
    expect(existsSync(join(ROOT, 'dist', 'src', 'index.js')), 'build first: npm run build').toBe(true);
    expect(snippets).toHaveLength(4);
  });

  snippets.forEach((snippet, index) => {
    const usesSettings = snippet.includes('extraHosts');
    it(`snippet ${index + 1} (${snippet.split('\n')[0]}) lints as documented`, async () => {
      const expected = [
        '2 deepseek/valid-authorization-header',
        // Only with `settings.deepseek.extraHosts` is the gateway a DeepSeek host.
        ...(usesSettings ? ['3 deepseek/valid-authorization-header'] : []),
        '4 deepseek/no-hardcoded-api-key',
      ];
      expect(await lintWithSnippet(snippet, index)).toEqual(expected);
    });
  });
});
