/**
 * Whole fixture projects, one per layout seen in real apps, migrated by the CLI as a
 * user runs it (`migrate .` in the project): the model ID, the client and the request
 * sit in different files. Each project's `expected/` tree is checked in; the output is
 * fed back in (a second run changes nothing), the review list is exact, and the
 * TypeScript projects type-check against the installed SDK types before and after.
 *
 * Each project is copied to a temporary directory outside the repository (oxc-resolver
 * does not apply tsconfig `paths` to files under a node_modules directory), with a
 * node_modules of links to the repository's packages, so `openai` & co. resolve; a
 * workspace's own packages are linked in as npm would.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const PROJECTS = join(__dirname, 'projects');
const CLI = join(ROOT, 'dist', 'src', 'cli.js');
const scratch = mkdtempSync(join(tmpdir(), 'deepseek-projects-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(directory, join(entry.parentPath, entry.name)))
    .filter((file) => !file.split(/[\\/]/).includes('node_modules'))
    .sort();
}

/** A copy of `input/` with a node_modules of links: the repository's packages, then the workspace's own. */
function setUp(name: string): string {
  const project = join(scratch, name);
  cpSync(join(PROJECTS, name, 'input'), project, { recursive: true });
  const modules = join(project, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
    if (!entry.startsWith('.')) symlinkSync(join(ROOT, 'node_modules', entry), join(modules, entry));
  }
  const packages = join(project, 'packages');
  if (existsSync(packages)) {
    for (const entry of readdirSync(packages)) {
      const manifest = JSON.parse(readFileSync(join(packages, entry, 'package.json'), 'utf8')) as { name: string };
      const link = join(modules, manifest.name);
      rmSync(link, { force: true, recursive: true });
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(join(packages, entry), link);
    }
  }
  return project;
}

function migrate(project: string): { status: number; report: { review: Array<{ file: string; line: number; code?: string }> } } {
  try {
    const stdout = execFileSync(process.execPath, [CLI, 'migrate', '.', '--json'], { cwd: project, encoding: 'utf8' });
    return { status: 0, report: JSON.parse(stdout) };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { status: failed.status, report: JSON.parse(failed.stdout) };
  }
}

function typeErrors(project: string): string[] {
  const configPath = join(project, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, project);
  const program = ts.createProgram(parsed.fileNames, parsed.options);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => `${diagnostic.file?.fileName ?? ''} TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
}

/** Review items each project must list (file, line, code); every other project lists none. */
const EXPECTED_REVIEW: Record<string, Array<{ file: string; line: number; code: string }>> = {};

const projects = readdirSync(PROJECTS).sort();

describe.each(projects)('project %s', (name) => {
  const expected = join(PROJECTS, name, 'expected');
  const project = setUp(name);
  const typed = existsSync(join(project, 'tsconfig.json'));

  it('type-checks before the migration', () => {
    if (typed) expect(typeErrors(project)).toEqual([]);
  });

  it('migrates every file to the expected tree, listing exactly what needs review', () => {
    const { report } = migrate(project);
    expect(report.review.map(({ file, line, code }) => ({ file, line, code }))).toEqual(EXPECTED_REVIEW[name] ?? []);
    expect(filesUnder(project)).toEqual(filesUnder(expected));
    for (const file of filesUnder(expected)) {
      expect(readFileSync(join(project, file), 'utf8'), file).toBe(readFileSync(join(expected, file), 'utf8'));
    }
  });

  it('type-checks after the migration', () => {
    if (typed) expect(typeErrors(project)).toEqual([]);
  });

  it('is idempotent: a second run changes nothing and --check passes', () => {
    const { report } = migrate(project);
    expect(report.review).toEqual([]);
    const check = execFileSync(process.execPath, [CLI, 'migrate', '.', '--check'], { cwd: project, encoding: 'utf8' });
    expect(check).toMatch(/0 would change/);
  });
});
