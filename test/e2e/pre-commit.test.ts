/**
 * Commit gates, with the real tools in temp git repositories: pre-commit
 * (the repository's .pre-commit-hooks.yaml, and the `repo: local` recipe) and
 * husky + lint-staged. A commit adding a key (in code, or in a staged `.env`, `.py`,
 * notebook, JSON, YAML or Markdown file) or a retired model ID is refused with a
 * readable message that never shows the key; a clean commit goes through.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { CLEAN_TS, KEY_TEXT_FILES, KEY_TS, LEGACY_JS, PLACEHOLDER_TEXT_FILES, PLANTED_KEY } from './fixtures';
import { check, commandLines, readmeSnippet, REPO_ROOT, run, toolEnv, writeTree } from './helpers';
import { INSTALL_FLAGS } from './global-setup';

const git = (cwd: string, ...args: string[]) => run('git', args, { cwd });

function initRepo(dir: string): void {
  mkdirSync(dir, { recursive: true });
  check(git(dir, 'init', '-q', '-b', 'main'), 'git init');
  check(git(dir, 'config', 'user.name', 'E2E'), 'git config');
  check(git(dir, 'config', 'user.email', 'e2e@example.com'), 'git config');
}

/**
 * The three commits every gate must handle. `hookEnv` carries PRE_COMMIT_HOME
 * and the like; the commit itself runs the installed git hook.
 */
function expectGate(repo: string, env: NodeJS.ProcessEnv, gateName: string, dir: string): void {
  const commit = (message: string) => run('git', ['commit', '-m', message], { cwd: repo, env, timeoutMs: 600_000 });
  const head = () => git(repo, 'rev-parse', 'HEAD').stdout.trim();
  const before = head();

  /** Stage one file and commit it: the gate must refuse, leaving the file and HEAD as they were. Returns the gate's output. */
  const refusedCommit = (file: string, content: string, message: string): string => {
    writeTree(repo, { [file]: content });
    check(git(repo, 'add', file), 'git add');
    const attempt = commit(message);
    expect(attempt.code, `${gateName}: ${attempt.output}`).not.toBe(0);
    expect(readFileSync(join(repo, file), 'utf8')).toBe(content);
    expect(head()).toBe(before);
    check(git(repo, 'rm', '-q', '--cached', file), 'git rm');
    rmSync(join(repo, file));
    return attempt.output;
  };

  // 1. A hardcoded key: refused, the rule named, the key never shown.
  const keyOutput = refusedCommit(`${dir}/client.ts`, KEY_TS, 'add a client with a key');
  expect(keyOutput).toContain('deepseek/no-hardcoded-api-key');
  expect(keyOutput).toContain(`${dir}/client.ts`);
  expect(keyOutput).toMatch(/sk-…[0-9a-f]{4}/);
  expect(keyOutput).not.toContain(PLANTED_KEY);

  // 2. A key in a file that is not JavaScript (.env, .py, a notebook output, JSON, YAML, Markdown): refused the same way.
  for (const [name, content] of Object.entries(KEY_TEXT_FILES)) {
    const output = refusedCommit(`${dir}/${name}`, content, `add ${name}`);
    expect(output, `${gateName}, ${name}`).toContain('deepseek/no-hardcoded-api-key');
    expect(output, `${gateName}, ${name}`).toContain(`${dir}/${name}`);
    expect(output, `${gateName}, ${name}`).toContain(`DeepSeek API key sk-…${PLANTED_KEY.slice(-4)} is hardcoded`);
    expect(output, `${gateName}, ${name}`).not.toContain(PLANTED_KEY);
  }

  // 3. A retired model ID: refused by migrate --check, the file left as it was.
  expect(refusedCommit(`${dir}/ask.js`, LEGACY_JS, 'add a request with a retired model')).toContain('ask.js');

  // 4. Clean code, an .env.example with a placeholder and a note go through.
  const cleanFiles = { [`${dir}/clean.ts`]: CLEAN_TS, ...Object.fromEntries(Object.entries(PLACEHOLDER_TEXT_FILES).map(([name, text]) => [`${dir}/${name}`, text])) };
  writeTree(repo, cleanFiles);
  check(git(repo, 'add', ...Object.keys(cleanFiles)), 'git add');
  const cleanCommit = commit('add a clean client');
  expect(cleanCommit.code, `${gateName}: ${cleanCommit.output}`).toBe(0);
  expect(head()).not.toBe(before);
  expect(git(repo, 'show', '--name-only', '--format=', 'HEAD').stdout.trim().split('\n').sort()).toEqual(Object.keys(cleanFiles).sort());
}

describe('pre-commit with this repository as the hook repo (.pre-commit-hooks.yaml)', () => {
  it('builds the hooks from source and gates commits', () => {
    const root = join(inject('e2eRoot'), 'pre-commit-remote');
    // The hook repo: this repository's source as it would be pushed (tracked and new,
    // non-ignored files), committed, so pre-commit clones, installs, packs and builds it.
    const hookRepo = join(root, 'hook-repo');
    initRepo(hookRepo);
    const sources = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: REPO_ROOT, encoding: 'utf8' })
      .split('\0')
      .filter(Boolean);
    for (const file of sources) {
      // A file deleted in the working tree but still tracked is not part of the source.
      if (!existsSync(join(REPO_ROOT, file))) continue;
      mkdirSync(dirname(join(hookRepo, file)), { recursive: true });
      copyFileSync(join(REPO_ROOT, file), join(hookRepo, file));
    }
    check(git(hookRepo, 'add', '-A'), 'git add');
    check(git(hookRepo, 'commit', '-q', '-m', 'hook source'), 'git commit');
    const rev = git(hookRepo, 'rev-parse', 'HEAD').stdout.trim();

    const repo = join(root, 'project');
    initRepo(repo);
    const config = readmeSnippet('.pre-commit-config.yaml')
      .replace(/repo: https:\/\/\S+/, `repo: ${hookRepo}`)
      .replace(/rev: \S+/, `rev: ${rev}`);
    expect(config).toContain(`repo: ${hookRepo}`);
    writeFileSync(join(repo, '.pre-commit-config.yaml'), config);
    const env = toolEnv({ PRE_COMMIT_HOME: join(root, 'pre-commit-home') });
    check(run('pre-commit', ['install'], { cwd: repo, env }), 'pre-commit install');
    // The one-time hook build (npm install + npm pack + tsc) happens here, not in a timed commit.
    check(run('pre-commit', ['install-hooks'], { cwd: repo, env, timeoutMs: 900_000 }), 'pre-commit install-hooks');
    check(git(repo, 'add', '.pre-commit-config.yaml'), 'git add');
    check(run('git', ['commit', '-q', '-m', 'pre-commit config'], { cwd: repo, env }), 'first commit');

    expectGate(repo, env, 'pre-commit (hook repo)', 'src');
  }, 1_200_000);
});

describe('a project with the package installed', () => {
  let repo: string;
  beforeAll(async () => {
    repo = join(inject('e2eRoot'), 'consumer');
    initRepo(repo);
    writeTree(repo, {
      'package.json': `${JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2)}\n`,
      '.gitignore': 'node_modules/\n',
    });
    // docs/integrations.md: `npm install --save-dev eslint eslint-plugin-deepseek @typescript-eslint/parser typescript husky lint-staged`, with the tarball for the package.
    check(
      run('npm', ['install', '--save-dev', ...INSTALL_FLAGS, 'eslint', inject('tarball'), '@typescript-eslint/parser', 'typescript', 'husky', 'lint-staged'], {
        cwd: repo,
        timeoutMs: 480_000,
      }),
      'npm install',
    );
    check(git(repo, 'add', '-A'), 'git add');
    check(git(repo, 'commit', '-q', '-m', 'project'), 'git commit');
  }, 600_000);

  it('husky + lint-staged (README recipe) gates commits', () => {
    check(run('npx', ['husky', 'init'], { cwd: repo }), 'husky init');
    writeFileSync(join(repo, '.husky/pre-commit'), readmeSnippet('.husky/pre-commit'));
    const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as Record<string, unknown>;
    Object.assign(manifest, JSON.parse(readmeSnippet('lint-staged')) as object);
    writeFileSync(join(repo, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    expect(git(repo, 'config', 'core.hooksPath').stdout.trim()).toBe('.husky/_');
    check(git(repo, 'add', '-A'), 'git add');
    check(run('git', ['commit', '-q', '-m', 'husky'], { cwd: repo }), 'first commit');

    expectGate(repo, toolEnv(), 'husky + lint-staged', 'src/husky');
  });

  it('pre-commit with the `repo: local` recipe gates commits', () => {
    // pre-commit refuses to install while husky owns core.hooksPath.
    check(git(repo, 'config', '--unset', 'core.hooksPath'), 'git config');
    writeFileSync(join(repo, '.pre-commit-config.yaml'), readmeSnippet('.pre-commit-config.yaml (local)'));
    const env = toolEnv({ PRE_COMMIT_HOME: join(inject('e2eRoot'), 'pre-commit-home-local') });
    check(run('pre-commit', ['install'], { cwd: repo, env }), 'pre-commit install');
    check(git(repo, 'add', '.pre-commit-config.yaml'), 'git add');
    check(run('git', ['commit', '-q', '-m', 'pre-commit config'], { cwd: repo, env }), 'first commit');

    expectGate(repo, env, 'pre-commit (local)', 'src/local');
  });

  it('the install line of docs/integrations.md is the one this test runs', () => {
    const installSnippet = readFileSync(join(REPO_ROOT, 'docs', 'integrations.md'), 'utf8');
    expect(commandLines(installSnippet.slice(installSnippet.indexOf('## husky and lint-staged')))).toContain(
      'npm install --save-dev eslint eslint-plugin-deepseek @typescript-eslint/parser typescript husky lint-staged',
    );
  });
});
