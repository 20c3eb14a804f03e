import { chmodSync, existsSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateSource } from '../../codemods/transform';
import {
  BROKEN_INPUT,
  CLIENT_INPUT,
  clientOutput,
  FETCH_INPUT,
  FETCH_OUTPUT,
  KEY,
  PLAIN_INPUT,
  REVIEW_INPUT,
} from './fixtures';
import { git, makeGitProject, makeProject, read, removeProject, runCli, writeFiles } from './helpers';

const projects: string[] = [];
function project(files: Record<string, string | Buffer>): string {
  const root = makeProject(files);
  projects.push(root);
  return root;
}
function gitProject(files: Record<string, string>): string {
  const root = makeGitProject(files);
  projects.push(root);
  return root;
}
afterEach(() => {
  for (const root of projects.splice(0)) removeProject(root);
});

/** The summary's last line. */
function linesOfSummary(stdout: string): string | undefined {
  return stdout.trimEnd().split('\n').at(-1);
}

/** The review items the transform itself reports: the CLI must pass them through unchanged. */
const REVIEW = migrateSource(REVIEW_INPUT, 'review.ts').review;
const REVIEW_LINE = `  src/review.ts:${REVIEW[0].line}:${REVIEW[0].column}  ${REVIEW[0].reason}`;

const MIXED = {
  'src/client.mjs': CLIENT_INPUT,
  'src/fetch.js': FETCH_INPUT,
  'src/review.ts': REVIEW_INPUT,
  'src/plain.ts': PLAIN_INPUT,
  'src/broken.js': BROKEN_INPUT,
};

describe('migrate: a writing run', () => {
  it('migrates what it can, lists review items and the broken file, leaves the broken file untouched, exits 1', () => {
    expect(REVIEW).toHaveLength(1);
    const root = project(MIXED);
    const result = runCli(['migrate'], root);

    expect(read(root, 'src/client.mjs')).toBe(clientOutput());
    expect(read(root, 'src/fetch.js')).toBe(FETCH_OUTPUT);
    expect(read(root, 'src/review.ts')).toBe(REVIEW_INPUT);
    expect(read(root, 'src/plain.ts')).toBe(PLAIN_INPUT);
    expect(read(root, 'src/broken.js')).toBe(BROKEN_INPUT);
    expect(result.stdout).toBe(
      [
        'Needs review (not migrated automatically):',
        REVIEW_LINE,
        'Failed (left untouched):',
        '  src/broken.js  parse error at 1:32: Unexpected token',
        '5 scanned, 2 changed, 2 unchanged, 1 need review in 1 file (1 blocking), 1 failed',
        '',
      ].join('\n'),
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
  });

  it('exits 0 when nothing failed, and a second run changes nothing', () => {
    const root = project({ 'src/client.mjs': CLIENT_INPUT, 'src/plain.ts': PLAIN_INPUT });
    const first = runCli(['migrate', 'src'], root);
    expect(first.status).toBe(0);
    expect(first.stdout).toBe('2 scanned, 1 changed, 1 unchanged, 0 need review, 0 failed\n');
    expect(read(root, 'src/client.mjs')).toBe(clientOutput());

    const mtime = statSync(path.join(root, 'src/client.mjs')).mtimeMs;
    const second = runCli(['migrate', 'src'], root);
    expect(second.status).toBe(0);
    expect(second.stdout).toBe('2 scanned, 0 changed, 2 unchanged, 0 need review, 0 failed\n');
    expect(statSync(path.join(root, 'src/client.mjs')).mtimeMs).toBe(mtime);
  });

  it('keeps the file mode of a rewritten file', () => {
    const root = project({ 'run.mjs': CLIENT_INPUT });
    chmodSync(path.join(root, 'run.mjs'), 0o750);
    expect(runCli(['migrate'], root).status).toBe(0);
    expect(statSync(path.join(root, 'run.mjs')).mode & 0o777).toBe(0o750);
    expect(read(root, 'run.mjs')).toBe(clientOutput());
  });

  it('--target-model picks the model written', () => {
    const root = project({ 'a.mjs': CLIENT_INPUT });
    expect(runCli(['migrate', '--target-model', 'deepseek-v4-pro'], root).status).toBe(0);
    expect(read(root, 'a.mjs')).toBe(clientOutput('deepseek-v4-pro'));
  });
});

describe('migrate: runs that write nothing', () => {
  it('--dry reports what would change and writes nothing', () => {
    const root = project({ 'src/client.mjs': CLIENT_INPUT, 'src/fetch.js': FETCH_INPUT });
    const result = runCli(['migrate', '--dry'], root);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      [
        'Files that would change:',
        '  src/client.mjs',
        '  src/fetch.js',
        '2 scanned, 2 would change, 0 unchanged, 0 need review, 0 failed (dry run: nothing written)',
        '',
      ].join('\n'),
    );
    expect(read(root, 'src/client.mjs')).toBe(CLIENT_INPUT);
    expect(read(root, 'src/fetch.js')).toBe(FETCH_INPUT);
  });

  it('--check exits 1 when a file would change and 0 once migrated, writing nothing itself', () => {
    const root = project({ 'src/client.mjs': CLIENT_INPUT, 'src/plain.ts': PLAIN_INPUT });
    const check = runCli(['migrate', '--check'], root);
    expect(check.status).toBe(1);
    expect(check.stdout).toBe(
      [
        'Files that need migrating:',
        '  src/client.mjs',
        '2 scanned, 1 would change, 1 unchanged, 0 need review, 0 failed (check: nothing written)',
        '',
      ].join('\n'),
    );
    expect(read(root, 'src/client.mjs')).toBe(CLIENT_INPUT);

    expect(runCli(['migrate'], root).status).toBe(0);
    const clean = runCli(['migrate', '--check'], root);
    expect(clean.status).toBe(0);
    expect(clean.stdout).toBe('2 scanned, 0 would change, 2 unchanged, 0 need review, 0 failed (check: nothing written)\n');
  });

  it('--check exits 1 on a file that fails to parse', () => {
    const root = project({ 'broken.js': BROKEN_INPUT });
    expect(runCli(['migrate', '--check'], root).status).toBe(1);
  });

  it('--check exits 1 while a review item still sends a retired ID, though nothing would change', () => {
    // An exported `let`: the codemod only lists it, and the requests in other files still send it.
    const root = project({ 'src/model.ts': REVIEW_INPUT });
    const check = runCli(['migrate', '--check'], root);
    expect(check.status).toBe(1);
    expect(check.stdout).toBe(
      [
        'Needs review (not migrated automatically):',
        REVIEW_LINE.replace('review.ts', 'model.ts'),
        'Check fails: 1 of the review items may still send a retired ID (comparisons and UI labels do not count).',
        '1 scanned, 0 would change, 1 unchanged, 1 need review in 1 file (1 blocking), 0 failed (check: nothing written)',
        '',
      ].join('\n'),
    );
    // A dry run lists the same and still exits 0: only --check gates on it.
    expect(runCli(['migrate', '--dry'], root).status).toBe(0);
  });

  it('--check exits 0 when the only mentions left are comparisons, UI labels and prose; --json marks them not blocking', () => {
    const root = project({
      'src/pick.ts': "export const isOld = (model: string) => model === 'deepseek-chat';\n",
      'src/Picker.jsx': 'export const Picker = () => <option value="deepseek-reasoner">Reasoner</option>;\n',
      'src/notes.js': "export const note = 'we moved off deepseek-chat in July';\n",
    });
    const check = runCli(['migrate', '--check', '--json'], root);
    expect(check.status).toBe(0);
    const report = JSON.parse(check.stdout);
    expect(report.review.map((item: { file: string; code: string; blocking: boolean }) => [item.file, item.code, item.blocking])).toEqual([
      ['src/Picker.jsx', 'jsx', false],
      ['src/pick.ts', 'comparison', false],
    ]);
    expect(report.summary).toEqual({ scanned: 3, changed: 0, unchanged: 3, needsReview: 2, reviewItems: 2, blockingReviewItems: 0, failed: 0 });
    expect(check.stderr).toContain('3 scanned, 0 would change, 3 unchanged, 2 need review in 2 files (0 blocking), 0 failed (check: nothing written)\n');

    // One blocking item among them is enough to fail.
    writeFiles(root, { 'src/config.js': "export let model = 'deepseek-chat';\n" });
    const failing = runCli(['migrate', '--check', '--json'], root);
    expect(failing.status).toBe(1);
    expect(JSON.parse(failing.stdout).review.find((item: { file: string }) => item.file === 'src/config.js')).toMatchObject({ code: 'reassignable', blocking: true });
  });

  it('counts review items, not files, and says in how many files', () => {
    const root = project({
      'src/a.ts': "export const A = 'deepseek-chat';\nexport const B = 'deepseek-reasoner';\nexport const same = (m: string) => m === 'deepseek-chat';\n",
      'src/b.ts': REVIEW_INPUT,
    });
    const result = runCli(['migrate', '--dry'], root);
    expect(linesOfSummary(result.stdout)).toBe('2 scanned, 0 would change, 2 unchanged, 4 need review in 2 files (3 blocking), 0 failed (dry run: nothing written)');
  });
});

describe('migrate --print', () => {
  it('prints a unified diff with keys redacted, writes the file, keeps the summary on stderr', () => {
    const root = project({ 'src/fetch.js': FETCH_INPUT });
    const result = runCli(['migrate', '--print'], root);
    expect(result.status).toBe(0);
    const redactedKey = `sk-…${KEY.slice(-4)}`;
    expect(result.stdout).toBe(
      [
        '===================================================================',
        '--- a/src/fetch.js',
        '+++ b/src/fetch.js',
        '@@ -5,8 +5,9 @@',
        "     method: 'POST',",
        `     headers: { Authorization: 'Bearer ${redactedKey}' },`,
        '     body: JSON.stringify({',
        "-      model: 'deepseek-reasoner',",
        "+      model: 'deepseek-v4-flash',",
        "       messages: [{ role: 'user', content: prompt }],",
        "+      thinking: { type: 'enabled' },",
        '     }),',
        '   });',
        '   return response.json();',
        '',
      ].join('\n'),
    );
    expect(result.stdout).not.toContain(KEY);
    expect(result.stderr).toBe('1 scanned, 1 changed, 0 unchanged, 0 need review, 0 failed\n');
    expect(read(root, 'src/fetch.js')).toBe(FETCH_OUTPUT);
  });

  it('with --dry prints the diff and writes nothing', () => {
    const root = project({ 'a.mjs': CLIENT_INPUT });
    const result = runCli(['migrate', '--print', '--dry'], root);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('-    model: "deepseek-chat",\n+    model: "deepseek-v4-flash",\n');
    expect(result.stdout).toContain('+    thinking: { type: "disabled" },\n');
    expect(read(root, 'a.mjs')).toBe(CLIENT_INPUT);
  });
});

describe('migrate --json', () => {
  it('prints one JSON report on stdout', () => {
    const root = project(MIXED);
    const result = runCli(['migrate', '--json', '--dry'], root);
    expect(result.status).toBe(1);
    const reviewItem = {
      line: REVIEW[0].line,
      column: REVIEW[0].column,
      reason: REVIEW[0].reason,
      ...(REVIEW[0].code === undefined ? {} : { code: REVIEW[0].code }),
      ...(REVIEW[0].modelId === undefined ? {} : { modelId: REVIEW[0].modelId }),
      blocking: true,
    };
    expect(JSON.parse(result.stdout)).toEqual({
      version: 1,
      mode: 'dry',
      targetModel: 'deepseek-v4-flash',
      interrupted: false,
      summary: { scanned: 5, changed: 2, unchanged: 2, needsReview: 1, reviewItems: 1, blockingReviewItems: 1, failed: 1 },
      files: [
        { path: 'src/broken.js', status: 'failed', written: false, review: [], error: 'parse error at 1:32: Unexpected token' },
        { path: 'src/client.mjs', status: 'changed', written: false, review: [] },
        { path: 'src/fetch.js', status: 'changed', written: false, review: [] },
        { path: 'src/review.ts', status: 'unchanged', written: false, review: [reviewItem] },
      ],
      review: [{ file: 'src/review.ts', ...reviewItem }],
      errors: [{ file: 'src/broken.js', message: 'parse error at 1:32: Unexpected token' }],
      skipped: { gitignoredFiles: 0, gitignoredDirectories: 0, patternFiles: 0, patternDirectories: 0 },
    });
    // The human summary goes to stderr so stdout stays parseable.
    expect(result.stderr).toContain('5 scanned, 2 would change, 2 unchanged, 1 need review in 1 file (1 blocking), 1 failed');
    expect(read(root, 'src/client.mjs')).toBe(CLIENT_INPUT);
  });

  it('marks written files and carries diffs (redacted) with --print', () => {
    const root = project({ 'src/fetch.js': FETCH_INPUT });
    const result = runCli(['migrate', '--json', '--print'], root);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.mode).toBe('write');
    expect(report.files).toHaveLength(1);
    expect(report.files[0]).toMatchObject({ path: 'src/fetch.js', status: 'changed', written: true });
    expect(report.files[0].diff).toContain("+      thinking: { type: 'enabled' },\n");
    expect(result.stdout).not.toContain(KEY);
    expect(read(root, 'src/fetch.js')).toBe(FETCH_OUTPUT);
  });
});

describe('migrate: which files', () => {
  it('skips node_modules, build output and .gitignore (nested, with negation); explicit files always count', () => {
    const root = project({
      '.gitignore': 'generated/\n*.local.js\n',
      'src/a.mjs': CLIENT_INPUT,
      'src/keep.cts': CLIENT_INPUT,
      'src/notes.txt': CLIENT_INPUT,
      'node_modules/pkg/index.mjs': CLIENT_INPUT,
      'dist/bundle.mjs': CLIENT_INPUT,
      'build/out.mjs': CLIENT_INPUT,
      'coverage/x.mjs': CLIENT_INPUT,
      '.next/server.mjs': CLIENT_INPUT,
      'generated/client.mjs': CLIENT_INPUT,
      'src/secret.local.js': CLIENT_INPUT,
      'src/nested/.gitignore': 'skip-me.mjs\n!important.local.js\n',
      'src/nested/skip-me.mjs': CLIENT_INPUT,
      'src/nested/important.local.js': CLIENT_INPUT,
    });
    const result = runCli(['migrate', '--dry', '--json'], root);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.files.map((file: { path: string }) => file.path)).toEqual([
      'src/a.mjs',
      'src/keep.cts',
      'src/nested/important.local.js',
    ]);

    const explicit = runCli(['migrate', '--dry', '--json', 'generated/client.mjs', 'src/nested/skip-me.mjs'], root);
    expect(JSON.parse(explicit.stdout).files.map((file: { path: string }) => file.path)).toEqual([
      'generated/client.mjs',
      'src/nested/skip-me.mjs',
    ]);
  });

  it('reads .gitignore files above the given directory up to the repository root', () => {
    const root = gitProject({ '.gitignore': 'legacy/\n', 'app/legacy/a.mjs': CLIENT_INPUT, 'app/b.mjs': CLIENT_INPUT });
    const report = JSON.parse(runCli(['migrate', '--dry', '--json', 'app'], root).stdout);
    expect(report.files.map((file: { path: string }) => file.path)).toEqual(['app/b.mjs']);
  });

  it('--ignore-pattern is repeatable and gitignore-style', () => {
    const root = project({ 'a/x.mjs': CLIENT_INPUT, 'b/y.mjs': CLIENT_INPUT, 'c/z.mjs': CLIENT_INPUT, 'c/z.test.mjs': CLIENT_INPUT });
    const result = runCli(['migrate', '--ignore-pattern', 'a/', '--ignore-pattern=*.test.mjs'], root);
    expect(result.status).toBe(0);
    expect(read(root, 'a/x.mjs')).toBe(CLIENT_INPUT);
    expect(read(root, 'c/z.test.mjs')).toBe(CLIENT_INPUT);
    expect(read(root, 'b/y.mjs')).toBe(clientOutput());
    expect(read(root, 'c/z.mjs')).toBe(clientOutput());
  });

  it('follows a directory symlink loop only once', () => {
    const root = project({ 'src/a.mjs': CLIENT_INPUT });
    symlinkSync('..', path.join(root, 'src/loop'));
    symlinkSync(path.join(root, 'src'), path.join(root, 'again'));
    const result = runCli(['migrate', '--dry'], root);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('1 scanned, 1 would change');
  });
});

describe('migrate: files that cannot be migrated', () => {
  it('lists binary, invalid UTF-8 and unparsable files with a reason, leaves them as they were, exits 1', () => {
    const binary = Buffer.from([0x63, 0x00, 0x01, 0x02, ...Buffer.from("'deepseek-chat'")]);
    const invalid = Buffer.concat([Buffer.from("const m = 'deepseek-chat'; // "), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);
    const root = project({ 'bin.js': binary, 'latin.js': invalid, 'broken.js': BROKEN_INPUT, 'ok.mjs': CLIENT_INPUT });
    const result = runCli(['migrate'], root);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      [
        'Failed (left untouched):',
        '  bin.js  skipped: binary content (NUL byte) in a source-named file',
        '  broken.js  parse error at 1:32: Unexpected token',
        '  latin.js  skipped: not valid UTF-8',
        '4 scanned, 1 changed, 0 unchanged, 0 need review, 3 failed',
        '',
      ].join('\n'),
    );
    expect(readFileSync(path.join(root, 'bin.js')).equals(binary)).toBe(true);
    expect(readFileSync(path.join(root, 'latin.js')).equals(invalid)).toBe(true);
    expect(read(root, 'broken.js')).toBe(BROKEN_INPUT);
    expect(read(root, 'ok.mjs')).toBe(clientOutput());
  });

  it('does not replace a read-only file', () => {
    const root = project({ 'ro.mjs': CLIENT_INPUT });
    chmodSync(path.join(root, 'ro.mjs'), 0o444);
    const result = runCli(['migrate'], root);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('  ro.mjs  not written: the file is read-only\n');
    expect(read(root, 'ro.mjs')).toBe(CLIENT_INPUT);
    expect(statSync(path.join(root, 'ro.mjs')).mode & 0o777).toBe(0o444);
  });
});

describe('migrate: git working tree guard', () => {
  it('refuses a writing run on uncommitted changes, proceeds with --force', () => {
    const root = gitProject({ 'a.mjs': CLIENT_INPUT, 'b.js': PLAIN_INPUT });
    writeFiles(root, { 'b.js': 'export const answer = 43;\n' });

    const refused = runCli(['migrate'], root);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(
      'eslint-plugin-deepseek: refusing to write: 1 uncommitted change(s) in git (e.g. b.js); ' +
        'commit or stash them, preview with --dry, or pass --force\n',
    );
    expect(refused.stdout).toBe('');
    expect(read(root, 'a.mjs')).toBe(CLIENT_INPUT);

    const forced = runCli(['migrate', '--force'], root);
    expect(forced.status).toBe(0);
    expect(read(root, 'a.mjs')).toBe(clientOutput());
  });

  it('counts untracked files as uncommitted', () => {
    const root = gitProject({ 'a.mjs': CLIENT_INPUT });
    writeFiles(root, { 'new.mjs': CLIENT_INPUT });
    expect(runCli(['migrate'], root).status).toBe(2);
    expect(read(root, 'new.mjs')).toBe(CLIENT_INPUT);
  });

  it('only looks at the paths being migrated', () => {
    const root = gitProject({ 'src/a.mjs': CLIENT_INPUT, 'docs/readme.md': '# hi\n' });
    writeFiles(root, { 'docs/readme.md': '# changed\n' });
    expect(runCli(['migrate', 'src'], root).status).toBe(0);
    expect(read(root, 'src/a.mjs')).toBe(clientOutput());
  });

  it('lets --dry, --check and --print --dry run on a dirty tree', () => {
    const root = gitProject({ 'a.mjs': CLIENT_INPUT });
    writeFiles(root, { 'a.mjs': `${CLIENT_INPUT}// edited\n` });
    expect(runCli(['migrate', '--dry'], root).status).toBe(0);
    expect(runCli(['migrate', '--check'], root).status).toBe(1);
    expect(runCli(['migrate', '--print', '--dry'], root).status).toBe(0);
    expect(read(root, 'a.mjs')).toBe(`${CLIENT_INPUT}// edited\n`);
    expect(git(root, 'status', '--porcelain')).toBe(' M a.mjs\n');
  });

  it('writes on a clean tree', () => {
    const root = gitProject({ 'a.mjs': CLIENT_INPUT });
    expect(runCli(['migrate'], root).status).toBe(0);
    expect(read(root, 'a.mjs')).toBe(clientOutput());
  });
});

describe('usage errors exit 2 with one line', () => {
  const cases: Array<[string, string[], string]> = [
    ['an unknown flag', ['migrate', '--frobnicate'], "eslint-plugin-deepseek: unknown option '--frobnicate' (see --help)\n"],
    ['a path that does not exist', ['migrate', 'nope/'], 'eslint-plugin-deepseek: no such file or directory: nope/\n'],
    [
      'an unknown target model',
      ['migrate', '--target-model', 'deepseek-chat'],
      "eslint-plugin-deepseek: unknown --target-model 'deepseek-chat' (expected one of: deepseek-v4-flash, deepseek-v4-pro, deepseek-flash)\n",
    ],
    ['a flag without its value', ['migrate', '--target-model'], "eslint-plugin-deepseek: Option '--target-model <value>' argument missing\n"],
    ['an unknown command', ['migrat'], "eslint-plugin-deepseek: unknown command 'migrat' (expected migrate, lint or doctor; see --help)\n"],
    ['an unknown top-level flag', ['--frobnicate'], "eslint-plugin-deepseek: unknown option '--frobnicate' (see --help)\n"],
  ];
  it.each(cases)('%s', (_name, args, message) => {
    const root = project({ 'a.mjs': CLIENT_INPUT });
    const result = runCli(args, root);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(message);
    expect(result.stdout).toBe('');
    expect(read(root, 'a.mjs')).toBe(CLIENT_INPUT);
  });

  it('no command prints the help and exits 2', () => {
    const result = runCli([], process.cwd());
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('Usage: eslint-plugin-deepseek <command>');
  });
});

describe('help and version', () => {
  it('--version prints the package version', () => {
    const version = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')).version;
    expect(runCli(['--version'], process.cwd())).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('--help and <command> --help document every flag', () => {
    expect(runCli(['--help'], process.cwd()).stdout).toMatch(/migrate \[paths\.\.\.\][\s\S]*lint \[paths\.\.\.\]/);
    const migrateHelp = runCli(['migrate', '--help'], process.cwd());
    expect(migrateHelp.status).toBe(0);
    for (const flag of ['--dry', '--print', '--check', '--json', '--target-model', '--ignore-pattern', '--force']) {
      expect(migrateHelp.stdout).toContain(flag);
    }
    const lintHelp = runCli(['lint', '--help'], process.cwd());
    expect(lintHelp.status).toBe(0);
    expect(lintHelp.stdout).toContain('--format');
    expect(lintHelp.stdout).toContain('--max-warnings');
  });
});

describe('SIGINT', () => {
  it('stops after the current file, prints the partial summary and exits 130; every file is old or new', async () => {
    const { spawn } = await import('node:child_process');
    const { CLI } = await import('./helpers');
    const names = Array.from({ length: 1000 }, (_, index) => `d${index % 10}/f${String(index).padStart(4, '0')}.mjs`);
    const root = project(Object.fromEntries(names.map((name) => [name, CLIENT_INPUT])));
    const child = spawn(process.execPath, [CLI, 'migrate'], { cwd: root });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Interrupt as soon as the first file (in walk order) has been rewritten.
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (read(root, 'd0/f0000.mjs') !== CLIENT_INPUT) {
          clearInterval(timer);
          child.kill('SIGINT');
          resolve();
        }
      }, 5);
    });
    expect(await exited).toBe(130);
    expect(stdout).toContain('Interrupted: stopped after the files in progress; the remaining files were not scanned.\n');
    const contents = names.map((name) => read(root, name));
    const migrated = contents.filter((text) => text === clientOutput()).length;
    const untouched = contents.filter((text) => text === CLIENT_INPUT).length;
    expect(migrated + untouched).toBe(names.length);
    expect(migrated).toBeGreaterThan(0);
    expect(untouched).toBeGreaterThan(0);
    expect(stdout).toContain(`${migrated} scanned, ${migrated} changed, 0 unchanged, 0 need review, 0 failed\n`);
  });
});

describe('progress on a terminal', () => {
  const hasScript = existsSync('/usr/bin/script');
  it.skipIf(!hasScript)('shows a live count on a TTY and nothing otherwise', async () => {
    const { spawnSync } = await import('node:child_process');
    const { CLI } = await import('./helpers');
    const root = project({ 'a.mjs': CLIENT_INPUT, 'b.mjs': PLAIN_INPUT });
    // `script` gives the command a pseudo-terminal, so stderr is a TTY.
    const tty = spawnSync('script', ['-qec', `${process.execPath} ${CLI} migrate --dry`, '/dev/null'], {
      cwd: root,
      encoding: 'utf8',
    });
    // The first file settled is drawn at once (the parsed one may settle after the plain one).
    expect(tty.stdout).toMatch(/\r\x1b\[Kmigrate: 1 scanned, [01] changed, 0 failed/);

    const piped = runCli(['migrate', '--dry'], root);
    expect(piped.stderr).toBe('');
    expect(piped.stdout).not.toContain('\r');
  });
});
