/**
 * Layouts that break a naive cross-file analysis: the migration must go on, file by file,
 * treating what it cannot follow as opaque, and never crash or loop.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ProjectIndex } from '../../src/analysis/project';
import { parseProgram } from '../../src/parse';
import type { Node } from '../../src/analysis/ast';
import { migrateSource } from '../../codemods/transform';

const scratch = mkdtempSync(join(tmpdir(), 'deepseek-project-hostile-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function project(name: string, files: Record<string, string>): string {
  const root = join(scratch, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

function migrateIn(root: string, file: string, source: string) {
  const index = new ProjectIndex();
  const filePath = join(root, file);
  return { index, result: migrateSource(source, filePath, { importsOf: (program: Node) => index.importedFactsFor(filePath, program) }) };
}

const REQUEST = "import { client } from './a';\nexport const ask = () => client.chat.completions.create({ model: 'deepseek-chat', messages: [] });\n";

describe('project-wide facts on hostile layouts', () => {
  it('follows a client through an import cycle without looping', () => {
    const root = project('cycle', {
      'a.js': "export { client } from './b';\n",
      'b.js': "import OpenAI from 'openai';\nexport * from './a';\nexport const client = new OpenAI({ baseURL: 'https://api.deepseek.com' });\n",
    });
    const { result } = migrateIn(root, 'main.js', REQUEST);
    expect(result.output).toContain("model: 'deepseek-v4-flash', messages: [], thinking: { type: 'disabled' }");
    expect(result.notes).toEqual([]);
  });

  it('treats a module that re-exports itself in a cycle as opaque', () => {
    const root = project('self-cycle', { 'a.js': "export * from './a';\nexport { client } from './a';\n" });
    const { result } = migrateIn(root, 'main.js', REQUEST);
    // No client known: the body is still a DeepSeek chat body, migrated and listed.
    expect(result.changed).toBe(true);
    expect(result.notes.map((note) => note.code)).toEqual(['no-visible-sender']);
  });

  it('goes on when tsconfig.json does not parse, or extends a missing file', () => {
    for (const tsconfig of ['{ "compilerOptions": { "paths": ', '{ "extends": "./missing.json", "compilerOptions": { "paths": { "@/*": ["src/*"] } } }']) {
      const root = project(`tsconfig-${tsconfig.length}`, { 'tsconfig.json': tsconfig, 'src/a.ts': "import OpenAI from 'openai';\nexport const client = new OpenAI({ baseURL: 'https://api.deepseek.com' });\n" });
      const { result } = migrateIn(root, 'src/main.ts', REQUEST.replace("'./a'", "'@/a'"));
      expect(result.changed).toBe(true);
    }
  });

  it('goes on when a path alias points nowhere, and when a module does not parse', () => {
    const root = project('nowhere', {
      'tsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["missing/*"] } } }',
      'src/broken.ts': "export const client = new OpenAI({ baseURL: 'https://api.deepseek.com' + });\n",
    });
    const { index, result } = migrateIn(root, 'src/main.ts', `import { other } from '@/a';\nimport { client } from './broken';\n${REQUEST.split('\n')[1]}\n`);
    expect(result.changed).toBe(true);
    expect(index.warnings).toHaveLength(1);
    expect(index.warnings[0]).toMatch(/broken\.ts: not read for its exports/);
  });

  it('reads a module once for 10,000 importers', () => {
    const root = project('many', { 'client.js': "import OpenAI from 'openai';\nexport const client = new OpenAI({ baseURL: 'https://api.deepseek.com' });\n" });
    const index = new ProjectIndex();
    const program = parseProgram("import { client } from './client';\nclient.chat.completions.create({});\n", 'x.js') as unknown as Node;
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 10_000; i++) {
      expect(index.importedFactsFor(join(root, `file${i}.js`), program).get('client')?.kind).toBe('client');
    }
    // Facts, not trees: the index grows by far less than one parse per importer would.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('follows a symlinked workspace package to its real path', () => {
    const root = project('workspace', {
      'packages/shared/package.json': '{ "name": "@acme/shared", "main": "index.js" }',
      'packages/shared/index.js': "import OpenAI from 'openai';\nexport const client = new OpenAI({ baseURL: 'https://api.deepseek.com' });\n",
    });
    mkdirSync(join(root, 'node_modules', '@acme'), { recursive: true });
    symlinkSync(join(root, 'packages', 'shared'), join(root, 'node_modules', '@acme', 'shared'));
    const { result } = migrateIn(root, 'app/main.js', REQUEST.replace("'./a'", "'@acme/shared'"));
    expect(result.notes).toEqual([]);
    expect(result.output).toContain("thinking: { type: 'disabled' }");
  });
});
