/**
 * `lint` on a tree that is not only JavaScript: `.env`, JSON, YAML, notebooks, binary
 * and oversized files beside TypeScript, through the built command, in every format.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_SOURCE_BYTES } from '../../codemods/files';
import { testKey } from '../helpers/keys';
import { KEY } from './fixtures';
import { projectsRemovedAfterEach, runCli } from './helpers';

const project = projectsRemovedAfterEach();

const NOTEBOOK_KEY = testKey(2210);
const redacted = (key: string) => `sk-…${key.slice(-4)}`;
const MESSAGE = (key: string) =>
  `DeepSeek API key ${redacted(key)} is hardcoded. Revoke it at platform.deepseek.com and read the key from the environment.`;
/** stylish prints messages without their final period. */
const STYLISH_MESSAGE = (key: string) => MESSAGE(key).slice(0, -1);
/** By path: the temp projects have no node_modules to resolve a formatter name from. */
const SARIF_FORMATTER = require.resolve('@microsoft/eslint-formatter-sarif');

const NOTEBOOK = `${JSON.stringify(
  {
    cells: [
      {
        cell_type: 'code',
        execution_count: 1,
        metadata: {},
        outputs: [{ name: 'stdout', output_type: 'stream', text: [`using ${NOTEBOOK_KEY}\n`] }],
        source: ['import os\n', 'print("using", os.environ["DEEPSEEK_API_KEY"])'],
      },
    ],
    metadata: {},
    nbformat: 4,
    nbformat_minor: 5,
  },
  null,
  1,
)}\n`;
const NOTEBOOK_LINE = NOTEBOOK.split('\n').findIndex((line) => line.includes(NOTEBOOK_KEY)) + 1;

/** A tree with a key in TypeScript, .env, JSON and a notebook output; quiet files beside them. */
const MIXED_TREE: Record<string, string | Buffer> = {
  'src/client.ts': `export const apiKey: string = '${KEY}';\n`,
  '.env': `DEEPSEEK_BASE_URL=https://api.deepseek.com\nDEEPSEEK_API_KEY=${KEY}\n`,
  '.env.example': 'DEEPSEEK_API_KEY=sk-your-key-here\n',
  'config/app.json': `{\n  "deepseek": {\n    "apiKey": "${KEY}"\n  }\n}\n`,
  'docker-compose.yml': 'services:\n  api:\n    env_file: .env\n',
  'notebooks/explore.ipynb': NOTEBOOK,
  // Binary: the key's bytes after a NUL are not searched.
  'assets/logo.png': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]), Buffer.from(KEY)]),
  // Too large: skipped with the notice on stderr.
  'logs/huge.log': `${KEY}\n${'x'.repeat(MAX_SOURCE_BYTES)}\n`,
};

interface JsonMessage {
  ruleId: string | null;
  severity: number;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  suppressions?: Array<{ kind: string; justification: string }>;
}
interface JsonResult {
  filePath: string;
  errorCount: number;
  messages: JsonMessage[];
  suppressedMessages: JsonMessage[];
}

function jsonLint(root: string, ...args: string[]): { status: number | null; entries: JsonResult[]; stderr: string; stdout: string } {
  const result = runCli(['lint', '-f', 'json', ...args], root);
  return { status: result.status, entries: JSON.parse(result.stdout) as JsonResult[], stderr: result.stderr, stdout: result.stdout };
}

const where = (root: string, entry: JsonResult) => path.relative(root, entry.filePath).split(path.sep).join('/');

describe('lint on a mixed tree', () => {
  it('stylish: every key reported, redacted, under deepseek/no-hardcoded-api-key; exit 1; the oversized file named on stderr', () => {
    const root = project(MIXED_TREE);
    const result = runCli(['lint'], root);
    expect(result.status).toBe(1);
    const rule = 'deepseek/no-hardcoded-api-key';
    expect(result.stdout).toContain(`${path.join(root, '.env')}\n  2:18  error  ${STYLISH_MESSAGE(KEY)}  ${rule}`);
    expect(result.stdout).toContain(`${path.join(root, 'config/app.json')}\n  3:16  error  ${STYLISH_MESSAGE(KEY)}  ${rule}`);
    expect(result.stdout).toMatch(new RegExp(`explore\\.ipynb\\n  ${NOTEBOOK_LINE}:\\d+  error  DeepSeek API key ${redacted(NOTEBOOK_KEY)} is hardcoded`));
    expect(result.stdout).toContain(`${path.join(root, 'src/client.ts')}\n  1:32  error  ${STYLISH_MESSAGE(KEY)}  ${rule}`);
    expect(result.stdout).toContain('4 problems (4 errors, 0 warnings)');
    expect(result.stderr).toBe('skipped 1 file(s) over the 1.0 MiB limit (minified or generated code?): logs/huge.log\n');
    for (const output of [result.stdout, result.stderr]) {
      expect(output).not.toContain(KEY);
      expect(output).not.toContain(NOTEBOOK_KEY);
    }
  });

  it('--format json: one entry per text file searched (binary and oversized left out), exact positions', () => {
    const root = project(MIXED_TREE);
    const { status, entries, stdout } = jsonLint(root);
    expect(status).toBe(1);
    expect(entries.map((entry) => [where(root, entry), entry.errorCount, entry.messages.map((message) => [message.ruleId, message.line, message.column, message.endColumn])])).toEqual([
      ['.env', 1, [['deepseek/no-hardcoded-api-key', 2, 18, 18 + KEY.length]]],
      ['.env.example', 0, []],
      ['config/app.json', 1, [['deepseek/no-hardcoded-api-key', 3, 16, 16 + KEY.length]]],
      ['docker-compose.yml', 0, []],
      ['notebooks/explore.ipynb', 1, [['deepseek/no-hardcoded-api-key', NOTEBOOK_LINE, expect.any(Number), expect.any(Number)]]],
      ['src/client.ts', 1, [['deepseek/no-hardcoded-api-key', 1, 32, 32 + KEY.length]]],
    ]);
    expect(stdout).not.toContain(KEY);
  });

  it('-f @microsoft/eslint-formatter-sarif: results for .env and .ts findings, the rule described once, no key', () => {
    const root = project(MIXED_TREE);
    const result = runCli(['lint', '-f', SARIF_FORMATTER], root);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).not.toContain(KEY);
    interface Sarif {
      runs: Array<{
        tool: { driver: { rules: Array<{ id: string; helpUri: string; shortDescription: { text: string } }> } };
        results: Array<{ ruleId: string; level: string; message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }>;
      }>;
    }
    const [run] = (JSON.parse(result.stdout) as Sarif).runs;
    expect(run.tool.driver.rules.map((rule) => [rule.id, rule.helpUri, rule.shortDescription.text])).toEqual([
      ['deepseek/no-hardcoded-api-key', 'https://github.com/deepseek-tools/eslint-plugin-deepseek/blob/main/docs/rules/no-hardcoded-api-key.md', 'Disallow DeepSeek API keys in source code'],
    ]);
    expect(
      run.results.map((entry) => [entry.ruleId, entry.level, entry.locations[0].physicalLocation.artifactLocation.uri.split('/').slice(-2).join('/'), entry.locations[0].physicalLocation.region.startLine]),
    ).toEqual([
      ['deepseek/no-hardcoded-api-key', 'error', path.basename(root) + '/.env', 2],
      ['deepseek/no-hardcoded-api-key', 'error', 'config/app.json', 3],
      ['deepseek/no-hardcoded-api-key', 'error', 'notebooks/explore.ipynb', NOTEBOOK_LINE],
      ['deepseek/no-hardcoded-api-key', 'error', 'src/client.ts', 1],
    ]);
  });

  it('-f @microsoft/eslint-formatter-sarif with only a .env finding (no JavaScript at all)', () => {
    const root = project({ '.env': `DEEPSEEK_API_KEY=${KEY}\n` });
    const result = runCli(['lint', '-f', SARIF_FORMATTER, '.env'], root);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toBe('');
    const log = JSON.parse(result.stdout) as { runs: Array<{ results: Array<{ ruleId: string; message: { text: string } }> }> };
    expect(log.runs[0].results).toEqual([expect.objectContaining({ ruleId: 'deepseek/no-hardcoded-api-key', message: { text: MESSAGE(KEY) } })]);
  });

  it('a tree whose only key-like text is a placeholder exits 0 with no output', () => {
    const root = project({ '.env.example': 'DEEPSEEK_API_KEY=sk-your-key-here\nOTHER=sk-00000000000000000000000000000000\n', 'README.md': '# app\n', 'src/a.js': 'export const a = 1;\n' });
    expect(runCli(['lint'], root)).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('files named on the command line: a text file is searched, a binary file is skipped quietly', () => {
    const root = project({ 'deploy.sh': `curl -H "Authorization: Bearer ${KEY}" https://api.deepseek.com/models\n`, 'blob.bin': Buffer.from([0, 1, 2]) });
    const found = runCli(['lint', 'deploy.sh'], root);
    expect(found.status).toBe(1);
    expect(found.stdout).toContain(`1:32  error  ${STYLISH_MESSAGE(KEY)}`);
    expect(runCli(['lint', 'blob.bin'], root)).toEqual({ status: 0, stdout: '', stderr: '' });
  });
});

describe('suppressions are listed in --format json', () => {
  it('the marker in a text file, and eslint-disable with a reason in JavaScript, each with its reason', () => {
    const root = project({
      '.env.test': `DEEPSEEK_API_KEY=${KEY} # deepseek-allow-key -- revoked key of the replay fixture\n`,
      'docs/setup.md': `Example: \`${KEY}\` <!-- deepseek-allow-key -- revoked demo key -->\n`,
      'test/replay.ts': `// eslint-disable-next-line deepseek/no-hardcoded-api-key -- revoked key of the replay fixture\nexport const key: string = '${KEY}';\n`,
      // The control: a marker on another line suppresses nothing.
      'other.env': `# deepseek-allow-key -- wrong line\nDEEPSEEK_API_KEY=${KEY}\n`,
    });
    const { status, entries, stdout } = jsonLint(root);
    expect(status).toBe(1);
    expect(
      entries.map((entry) => [
        where(root, entry),
        entry.messages.map((message) => message.line),
        entry.suppressedMessages.map((message) => [message.ruleId, message.line, message.message, message.suppressions]),
      ]),
    ).toEqual([
      ['.env.test', [], [['deepseek/no-hardcoded-api-key', 1, MESSAGE(KEY), [{ kind: 'directive', justification: 'revoked key of the replay fixture' }]]]],
      ['docs/setup.md', [], [['deepseek/no-hardcoded-api-key', 1, MESSAGE(KEY), [{ kind: 'directive', justification: 'revoked demo key' }]]]],
      ['other.env', [2], []],
      ['test/replay.ts', [], [['deepseek/no-hardcoded-api-key', 2, MESSAGE(KEY), [{ kind: 'directive', justification: 'revoked key of the replay fixture' }]]]],
    ]);
    expect(stdout).not.toContain(KEY);
  });

  it('with every key suppressed the run exits 0', () => {
    const root = project({ '.env': `DEEPSEEK_API_KEY=${KEY} # deepseek-allow-key -- revoked\n` });
    const { status, entries } = jsonLint(root);
    expect(status).toBe(0);
    expect(entries[0].suppressedMessages).toHaveLength(1);
  });
});
