/**
 * The cheap paths that keep `npm run bench` within its targets, guarded without
 * timing anything: files that cannot be about DeepSeek are never parsed by the
 * codemod, never walked by the shared analysis, and never visited node by node
 * by the rules; the codemod reads each file once.
 */
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { API_HOST, editDistance, mayHoldDeepSeekHost } from '../src/deepseek';
import { walk } from '../src/analysis/ast';
import { analyzeDeepSeek } from '../src/analysis/requests';
import { parseProgram } from '../src/parse';
import { migrateSource } from '../codemods/transform';
import { runMigration } from '../codemods/runner';
import plugin from '../src/index';

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const promises = { ...real.promises, readFile: vi.fn(real.promises.readFile) };
  const mocked = { ...real, readFileSync: vi.fn(real.readFileSync), openSync: vi.fn(real.openSync), promises };
  return { ...mocked, default: mocked };
});
vi.mock('../src/parse', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/parse')>();
  return { ...real, parseProgram: vi.fn(real.parseProgram) };
});
vi.mock('../src/analysis/ast', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/analysis/ast')>();
  return { ...real, walk: vi.fn(real.walk) };
});

/** Ordinary application code: HTTP calls, headers, env reads, logging, JSX — and no DeepSeek. */
const ORDINARY = `
import OpenAI from 'openai';
import axios from 'axios';

const client = new OpenAI({ baseURL: 'https://api.openai.com/v1', apiKey: process.env.OPENAI_API_KEY });
const BASE = process.env.NEXT_PUBLIC_API_BASE;

export class OrderService {
  constructor(name) { this.name = name; }
  async load(id) {
    const response = await fetch(\`\${BASE}/orders/\${id}\`, { headers: { Authorization: 'Token ' + process.env.TOKEN, 'X-Api-Key': process.env.KEY } });
    if (!response.ok) throw new Error(\`order \${id}: \${response.status}\`);
    console.log('loaded', id, process.env.TOKEN);
    return axios.post('https://example.com/api/orders', { model: 'gpt-4o', id });
  }
}

export async function summarize(text) {
  const completion = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] });
  return completion.choices[0].message.content;
}
`;

const LEGACY = `
import OpenAI from 'openai';
const client = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: process.env.DEEPSEEK_API_KEY });
export const ask = (q) => client.chat.completions.create({ model: 'deepseek-chat', messages: [{ role: 'user', content: q }] });
`;

const parseCalls = () => vi.mocked(parseProgram).mock.calls.length;

afterEach(() => {
  vi.mocked(parseProgram).mockClear();
  vi.mocked(walk).mockClear();
});

describe('codemod: only files that hold a legacy model ID are parsed', () => {
  it('returns a file without a legacy ID untouched, without parsing it', () => {
    const mentionsButCurrent = LEGACY.replace('deepseek-chat', 'deepseek-v4-flash');
    for (const source of [ORDINARY, mentionsButCurrent]) {
      expect(migrateSource(source, 'src/app.ts')).toEqual({ output: source, changed: false, review: [], notes: [] });
    }
    expect(parseCalls()).toBe(0);
    expect(vi.mocked(walk)).not.toHaveBeenCalled();
  });

  it('parses a file with a legacy ID exactly once', () => {
    const result = migrateSource(LEGACY, 'src/app.js');
    expect(result.changed).toBe(true);
    expect(parseCalls()).toBe(1);
  });
});

describe('runner: one read per file, one parse per file with a legacy ID', () => {
  let root: string | undefined;
  afterEach(() => {
    if (root) fs.rmSync(root, { recursive: true, force: true });
    root = undefined;
  });

  it('reads every file once and parses only the one with a legacy ID (dry run)', async () => {
    root = fs.mkdtempSync(path.join(tmpdir(), 'bench-guards-'));
    const names = ['a.ts', 'b.js', 'c.tsx', 'd.mjs', 'legacy.js'];
    for (const name of names) fs.writeFileSync(path.join(root, name), name === 'legacy.js' ? LEGACY : ORDINARY);
    vi.mocked(fs.readFileSync).mockClear();
    vi.mocked(fs.openSync).mockClear();
    vi.mocked(fs.promises.readFile).mockClear();
    const result = await runMigration({ paths: ['.'], cwd: root, write: false, diffs: false });

    expect(result.counts).toMatchObject({ scanned: 5, changed: 1, unchanged: 4, failed: 0 });
    // Every way of reading a file: readFileSync, promises.readFile, or openSync + readSync.
    const reads = [...vi.mocked(fs.readFileSync).mock.calls, ...vi.mocked(fs.openSync).mock.calls, ...vi.mocked(fs.promises.readFile).mock.calls]
      .map(([file]) => String(file))
      .filter((file) => file.startsWith(root!) && !file.endsWith('.gitignore'))
      .map((file) => path.basename(file));
    expect(reads.sort()).toEqual([...names].sort());
    expect(parseCalls()).toBe(1);
  });
});

describe('rules: a file that does not mention DeepSeek costs no analysis', () => {
  it('the shared analysis answers from the text gate, without walking the tree', () => {
    const program = parseProgram(ORDINARY, 'app.js');
    vi.mocked(walk).mockClear();
    expect(analyzeDeepSeek(program as never, ORDINARY).relevant).toBe(false);
    expect(vi.mocked(walk)).not.toHaveBeenCalled();
  });

  for (const [language, filename] of [
    ['JavaScript', 'app.js'],
    ['TypeScript', 'app.ts'],
  ] as const) {
    it(`no rule of configs.recommended walks or visits nodes of an ordinary ${language} file`, () => {
      const listenersByRule: Record<string, string[]> = {};
      const spied = Object.fromEntries(
        Object.entries(plugin.rules).map(([name, rule]) => [
          name,
          {
            ...rule,
            create(context: Parameters<typeof rule.create>[0]) {
              const listeners = (rule.create as (c: typeof context) => Record<string, unknown>)(context);
              listenersByRule[name] = Object.keys(listeners);
              return listeners;
            },
          },
        ]),
      );
      const linter = new Linter({ configType: 'flat' });
      const messages = linter.verify(
        ORDINARY,
        [
          {
            files: ['**/*.ts'],
            languageOptions: { parser: tseslint.parser as Linter.Parser },
          },
          { plugins: { deepseek: { rules: spied } as never }, rules: plugin.configs.recommended.rules as Linter.RulesRecord },
        ],
        filename,
      );

      expect(messages.filter((message) => message.fatal)).toEqual([]);
      expect(Object.keys(listenersByRule).sort()).toEqual(
        Object.keys(plugin.configs.recommended.rules ?? {})
          .map((id) => id.replace('deepseek/', ''))
          .sort(),
      );
      // At most one Program listener (a whole-text regex pass or the shared analysis' text gate): no per-node dispatch.
      for (const [rule, listeners] of Object.entries(listenersByRule)) {
        expect({ rule, listeners: listeners.filter((key) => key !== 'Program') }).toEqual({ rule, listeners: [] });
      }
      expect(vi.mocked(walk)).not.toHaveBeenCalled();
    });
  }
});

describe('valid-base-url text gate', () => {
  it('keeps every host within two edits of api.deepseek.com (so typo hosts are still checked)', () => {
    const edit = fc.record({ kind: fc.constantFrom('insert', 'delete', 'replace'), at: fc.nat(), char: fc.constantFrom(...'abcdeikmops.-0') });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 2 }), (edits) => {
        let host: string = API_HOST;
        for (const { kind, at, char } of edits) {
          const i = at % (host.length + 1);
          host = kind === 'insert' ? host.slice(0, i) + char + host.slice(i) : kind === 'delete' ? host.slice(0, i) + host.slice(i + 1) : host.slice(0, i) + char + host.slice(i + 1);
        }
        if (editDistance(host, API_HOST) <= 2) expect(mayHoldDeepSeekHost(`fetch('https://${host.toUpperCase()}/v1')`)).toBe(true);
      }),
      { numRuns: 3000 },
    );
    expect(mayHoldDeepSeekHost("fetch('https://api.openai.com/v1')")).toBe(false);
  });
});

describe('codemod start-up: only what a parse needs is loaded', () => {
  const built = path.resolve(__dirname, '../dist/src/parse.js');

  it.skipIf(!fs.existsSync(built) || !['linux', 'darwin', 'win32'].includes(process.platform))('loads oxc-parser\'s platform binding directly, not its ESM entry (visitor, raw transfer, ESM loader)', async () => {
    const { spawnSync } = await import('node:child_process');
    const probe = `
      const { parseProgram } = require(${JSON.stringify(built)});
      parseProgram("const model = 'deepseek-chat';", 'a.ts');
      const loaded = Object.keys(require.cache).filter((file) => file.includes('oxc-parser'));
      process.stdout.write(JSON.stringify(loaded.map((file) => file.slice(file.indexOf('@oxc-parser/') >= 0 ? file.indexOf('@oxc-parser/') : file.indexOf('oxc-parser')))));`;
    const result = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    const loaded = JSON.parse(result.stdout) as string[];
    // The platform binding only: a `.node` file straight from oxc-parser's optional dependency.
    expect(loaded).toHaveLength(1);
    expect(loaded[0]).toMatch(/^@oxc-parser\/binding-[\w-]+\/parser\.[\w-]+\.node$/);
  });
});

describe('migrate start-up: a dry run loads only what its files need', () => {
  const cli = path.resolve(__dirname, '../dist/src/cli.js');
  let root: string | undefined;
  afterEach(() => {
    if (root) fs.rmSync(root, { recursive: true, force: true });
    root = undefined;
  });

  /** Runs `migrate --dry .` over these files; returns its stdout and the package files and Node built-ins it loaded. */
  async function dryRunLoads(sources: Record<string, string>): Promise<{ stdout: string; files: string[]; builtins: string[] }> {
    const { spawnSync } = await import('node:child_process');
    root = fs.mkdtempSync(path.join(tmpdir(), 'bench-guards-'));
    const tree = path.join(root, 'tree');
    for (const [name, source] of Object.entries(sources)) {
      fs.mkdirSync(path.dirname(path.join(tree, name)), { recursive: true });
      fs.writeFileSync(path.join(tree, name), source);
    }
    // Preloaded (outside the tree): lists, at exit, the package files and Node built-ins the run loaded.
    const probe = path.join(root, 'probe.cjs');
    fs.writeFileSync(
      probe,
      `process.on('exit', () => process.stderr.write('LOADED ' + JSON.stringify({
        files: Object.keys(require.cache).map((file) => file.split(require('node:path').sep).join('/')),
        builtins: process.moduleLoadList.filter((entry) => entry.startsWith('NativeModule ')).map((entry) => entry.slice('NativeModule '.length)),
      }) + '\\n'));`,
    );
    const result = spawnSync(process.execPath, ['--require', probe, cli, 'migrate', '--dry', '.'], { cwd: tree, encoding: 'utf8' });
    const loaded = JSON.parse(/^LOADED (.*)$/m.exec(result.stderr)![1]) as { files: string[]; builtins: string[] };
    return { stdout: result.stdout, ...loaded };
  }

  it.skipIf(!fs.existsSync(cli))('with nothing to migrate: no parser, transform, diff, atomic writer, ignore matcher or worker_threads', async () => {
    const { stdout, files, builtins } = await dryRunLoads({ 'a.ts': ORDINARY, 'b.js': ORDINARY, 'sub/c.tsx': ORDINARY });
    expect(stdout).toBe('3 scanned, 0 would change, 3 unchanged, 0 need review, 0 failed (dry run: nothing written)\n');
    const unwanted = ['oxc-parser', '@babel/parser', '/codemods/migrate-job.js', '/codemods/transform.js', '/src/parse.js', '/node_modules/diff/', 'write-file-atomic', '/node_modules/ignore/'];
    expect(files.filter((file) => unwanted.some((part) => file.includes(part)))).toEqual([]);
    expect(builtins.filter((name) => name === 'worker_threads' || name === 'child_process')).toEqual([]);
  });

  it.skipIf(!fs.existsSync(cli))('with a file to migrate in this thread: the transform comes in by require, not through Node\'s ESM loader', async () => {
    const { stdout, files, builtins } = await dryRunLoads({
      'a.ts': ORDINARY,
      'b.ts': "import OpenAI from 'openai';\nconst client = new OpenAI({ baseURL: 'https://api.deepseek.com' });\nawait client.chat.completions.create({ model: 'deepseek-chat', messages: [] });\n",
    });
    expect(stdout).toBe('Files that would change:\n  b.ts\n2 scanned, 1 would change, 1 unchanged, 0 need review, 0 failed (dry run: nothing written)\n');
    expect(files.filter((file) => file.endsWith('/codemods/migrate-job.js'))).toHaveLength(1);
    // `import()` of a CommonJS file loads these (and costs 6–9 ms of a short run); require does not.
    expect(builtins.filter((name) => name === 'internal/modules/esm/module_job' || name === 'internal/deps/cjs-module-lexer/lexer')).toEqual([]);
    expect(builtins).not.toContain('worker_threads');
  });
});
