/**
 * Hostile inputs to the built CLI (`migrate` and `lint`), each in a temp
 * project: a clear one-line message, the right exit code, and every file left
 * as it was (or, for migrate, exactly old or exactly new).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateSource } from '../../codemods/transform';
import { CLIENT_INPUT, clientOutput } from '../cli/fixtures';
import { makeProject, read, removeProject, runCli } from '../cli/helpers';
import {
  linesOf,
  openUp,
  runCliBounded,
  runCliInBackground,
  runCliUnprivileged,
  runCliWithFdLimit,
  runCliWithPreload,
  snapshot,
  unprivileged,
  waitFor,
} from './helpers';

const projects: string[] = [];
function project(files: Record<string, string | Buffer>): string {
  const root = makeProject(files);
  projects.push(root);
  return root;
}
afterEach(() => {
  for (const root of projects.splice(0)) {
    chmodSync(root, 0o700);
    removeProject(root);
  }
});

const CLIENT_OUTPUT = clientOutput();
const PREFIX = 'eslint-plugin-deepseek: ';
const canDropPrivileges = 'prefix' in unprivileged;
const skipReason = 'skipReason' in unprivileged ? unprivileged.skipReason : '';

describe('hostile input: paths', () => {
  it.each(['migrate', 'lint'])('%s: a path that does not exist is one line on stderr and exit 2', (command) => {
    const root = project({ 'a.mjs': CLIENT_INPUT });
    const before = snapshot(root);
    const result = runCli([command, 'src/missing', 'a.mjs'], root);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${PREFIX}no such file or directory: src/missing\n`);
    expect(snapshot(root)).toEqual(before);
  });

  it.each(['migrate', 'lint'])('%s: a named pipe given as a path is refused at once (reading it would block forever)', (command) => {
    const root = project({ 'a.mjs': CLIENT_INPUT });
    execFileSync('mkfifo', [path.join(root, 'pipe.js')]);
    const result = runCliBounded([command, 'pipe.js', 'a.mjs'], root, 60_000);
    expect(result.timedOut).toBe(false);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${PREFIX}not a regular file or directory: pipe.js\n`);
    expect(read(root, 'a.mjs')).toBe(CLIENT_INPUT);
  });

  it.each(['migrate', 'lint'])('%s: a directory symlink loop is walked once and ends', (command) => {
    const root = project({ 'src/a.mjs': CLIENT_INPUT });
    symlinkSync('..', path.join(root, 'src/up'));
    symlinkSync(path.join(root, 'src'), path.join(root, 'src/self'));
    const result = runCli(command === 'migrate' ? ['migrate', '--dry'] : ['lint', '--format', 'json'], root);
    if (command === 'migrate') {
      expect(result.status).toBe(0);
      expect(linesOf(result.stdout).at(-1)).toBe('1 scanned, 1 would change, 0 unchanged, 0 need review, 0 failed (dry run: nothing written)');
      expect(read(root, 'src/a.mjs')).toBe(CLIENT_INPUT);
    } else {
      // recommended config: the legacy ID is an error, found once (not once per loop path).
      const results = JSON.parse(result.stdout) as Array<{ filePath: string }>;
      expect(results.map((entry) => path.relative(root, entry.filePath))).toEqual([path.join('src', 'a.mjs')]);
      expect(result.status).toBe(1);
    }
  });
});

describe('hostile input: permissions', () => {
  it.skipIf(!canDropPrivileges)(`migrate: an unreadable file is listed as failed, the rest still migrates (${skipReason || 'as an unprivileged user'})`, () => {
    const root = project({ 'secret.mjs': CLIENT_INPUT, 'ok.mjs': CLIENT_INPUT });
    openUp(root);
    chmodSync(path.join(root, 'secret.mjs'), 0o000);
    chownSync(path.join(root, 'ok.mjs'), 65534, 65534);
    const result = runCliUnprivileged(['migrate'], root);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('  secret.mjs  cannot read: permission denied\n');
    expect(linesOf(result.stdout).at(-1)).toBe('2 scanned, 0 changed, 0 unchanged, 0 need review, 2 failed');
    expect(read(root, 'secret.mjs')).toBe(CLIENT_INPUT);
    // ok.mjs is the user's own, but the directory is not: write-file-atomic cannot create its temp file.
    expect(result.stdout).toMatch(/ {2}ok\.mjs {2}write failed: permission denied\n/);
    expect(read(root, 'ok.mjs')).toBe(CLIENT_INPUT);
  });

  it.skipIf(!canDropPrivileges)('migrate: a file it may read but not write is left as it was, with one line saying so', () => {
    const root = project({ 'theirs.mjs': CLIENT_INPUT, 'mine/ok.mjs': CLIENT_INPUT });
    openUp(root);
    chownSync(path.join(root, 'mine'), 65534, 65534);
    chownSync(path.join(root, 'mine/ok.mjs'), 65534, 65534);
    const result = runCliUnprivileged(['migrate'], root);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('  theirs.mjs  not written: permission denied\n');
    expect(read(root, 'theirs.mjs')).toBe(CLIENT_INPUT);
    expect(read(root, 'mine/ok.mjs')).toBe(CLIENT_OUTPUT);
    expect(linesOf(result.stdout).at(-1)).toBe('2 scanned, 1 changed, 0 unchanged, 0 need review, 1 failed');
  });

  it.skipIf(!canDropPrivileges)('lint: an unreadable file gives one line and ESLint\'s exit code 2', () => {
    const root = project({ 'secret.mjs': CLIENT_INPUT });
    openUp(root);
    chmodSync(path.join(root, 'secret.mjs'), 0o000);
    const result = runCliUnprivileged(['lint'], root);
    expect(result.status).toBe(2);
    expect(linesOf(result.stderr)).toHaveLength(1);
    expect(result.stderr).toMatch(/^eslint-plugin-deepseek: .*(EACCES|permission denied)/i);
    expect(read(root, 'secret.mjs')).toBe(CLIENT_INPUT);
  });
});

describe('hostile input: file contents', () => {
  const binary = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]), Buffer.from("model: 'deepseek-chat'"), Buffer.alloc(64, 0xff)]);
  const invalidUtf8 = Buffer.concat([Buffer.from("const model = 'deepseek-chat'; // caf"), Buffer.from([0xe9, 0x0a])]);

  it('migrate: a binary .js and invalid UTF-8 are listed with one line each, untouched, exit 1', () => {
    const root = project({ 'lib.js': binary, 'latin1.js': invalidUtf8, 'ok.mjs': CLIENT_INPUT });
    const result = runCli(['migrate'], root);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('  lib.js  skipped: binary content (NUL byte) in a source-named file\n');
    expect(result.stdout).toContain('  latin1.js  skipped: not valid UTF-8\n');
    expect(readFileSync(path.join(root, 'lib.js')).equals(binary)).toBe(true);
    expect(readFileSync(path.join(root, 'latin1.js')).equals(invalidUtf8)).toBe(true);
    expect(read(root, 'ok.mjs')).toBe(CLIENT_OUTPUT);
  });

  it('lint: a binary .js is a parsing error of that file (exit 1), nothing is written', () => {
    const root = project({ 'lib.js': binary, 'latin1.js': invalidUtf8 });
    const before = snapshot(root);
    const result = runCli(['lint', '--format', 'json'], root);
    expect(result.status).toBe(1);
    const results = JSON.parse(result.stdout) as Array<{ filePath: string; messages: Array<{ fatal?: boolean; message: string }> }>;
    const lib = results.find((entry) => entry.filePath.endsWith('lib.js'));
    expect(lib?.messages[0]).toMatchObject({ fatal: true });
    expect(lib?.messages[0].message).toMatch(/^Parsing error/);
    expect(snapshot(root)).toEqual(before);
  });

  it('migrate and lint: a 10 MB minified bundle is skipped with one line, quickly, and left as it was', () => {
    const request = 'fetch("https://api.deepseek.com/chat/completions",{method:"POST",body:JSON.stringify({model:"deepseek-chat",messages:m})});';
    const filler = 'var a=function(b,c){return b.map(function(d){return d*c+"x"})};';
    const half = filler.repeat(Math.ceil((5 * 1024 * 1024) / filler.length));
    const bundle = `!function(m){${half}${request}${half}}([]);\n`;
    const plainBundle = `!function(m){${half}${half}}([]);\n`;
    expect(bundle.length).toBeGreaterThan(10 * 1024 * 1024);
    const root = project({ 'vendor.min.js': bundle, 'plain.min.js': plainBundle, 'ok.mjs': CLIENT_INPUT });

    // Parsing it would take gigabytes and minutes (ESLint ~4 GB): the limit only guards against a hang.
    const migrated = runCliBounded(['migrate'], root, 120_000);
    expect(migrated.timedOut).toBe(false);
    expect(migrated.status).toBe(1);
    expect(migrated.stdout).toBe(
      [
        'Failed (left untouched):',
        '  vendor.min.js  skipped: 10.0 MiB is over the 1.0 MiB limit for a source file (minified or generated code?)',
        '3 scanned, 1 changed, 1 unchanged, 0 need review, 1 failed',
        '',
      ].join('\n'),
    );
    expect(read(root, 'vendor.min.js')).toBe(bundle);
    expect(read(root, 'plain.min.js')).toBe(plainBundle);
    expect(read(root, 'ok.mjs')).toBe(CLIENT_OUTPUT);

    const linted = runCliBounded(['lint', '--format', 'json'], root, 120_000);
    expect(linted.timedOut).toBe(false);
    expect(linted.stderr).toBe(
      'skipped 2 file(s) over the 1.0 MiB limit (minified or generated code?): plain.min.js, vendor.min.js\n',
    );
    expect(linted.status).toBe(0);
    expect(JSON.parse(linted.stdout)).toHaveLength(1);
  }, 300_000);
});

describe('hostile input: concurrent changes and interruptions', () => {
  it('migrate: a file edited between the read and the write is not clobbered', () => {
    const root = project({ 'a.mjs': CLIENT_INPUT, 'b.mjs': CLIENT_INPUT });
    const edit = '// edited by someone else meanwhile\n';
    const marker = path.join(root, 'edited.marker');
    const result = runCliWithPreload(path.join(__dirname, 'fixtures/edit-after-first-read.cjs'), ['migrate'], root, {
      DEEPSEEK_TEST_EDIT_FILE: path.join(root, 'a.mjs'),
      DEEPSEEK_TEST_EDIT_TEXT: edit,
      DEEPSEEK_TEST_EDIT_MARKER: marker,
    });
    expect(existsSync(marker), 'the preload never saw the CLI read a.mjs: adapt it to how the runner reads').toBe(true);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('  a.mjs  not written: the file changed on disk during the run\n');
    expect(read(root, 'a.mjs')).toBe(CLIENT_INPUT + edit);
    expect(read(root, 'b.mjs')).toBe(CLIENT_OUTPUT);
  });

  /** Many migratable files, big enough that a run takes a while. */
  function manyFiles(count: number): Record<string, string> {
    const padding = Array.from({ length: 150 }, (_, i) => `export const value${i} = ${i} * 2; // padding`).join('\n');
    return Object.fromEntries(
      Array.from({ length: count }, (_, i) => [`src/f${String(i).padStart(4, '0')}.mjs`, `${CLIENT_INPUT}${padding}\n`]),
    );
  }

  it.each(['SIGINT', 'SIGKILL'] as const)('migrate: %s halfway leaves every file exactly old or exactly new', async (signal) => {
    const files = manyFiles(1200);
    const root = project(files);
    const oldText = Object.values(files)[0];
    const newText = migrateSource(oldText, 'f.mjs').output;
    const first = path.join(root, 'src/f0000.mjs');

    const run = runCliInBackground(['migrate'], root);
    await waitFor(() => readFileSync(first, 'utf8') === newText, 120_000);
    run.child.kill(signal);
    const result = await run.done;

    const names = readdirSync(path.join(root, 'src')).filter((name) => name.endsWith('.mjs'));
    expect(names).toHaveLength(1200);
    let migrated = 0;
    for (const name of names) {
      const text = readFileSync(path.join(root, 'src', name), 'utf8');
      expect([oldText, newText]).toContain(text);
      if (text === newText) migrated += 1;
    }
    expect(migrated).toBeGreaterThan(0);
    expect(migrated).toBeLessThan(1200);
    if (signal === 'SIGINT') {
      // The current file is finished, the rest is left for the next run.
      expect(result.status).toBe(130);
      expect(linesOf(result.stdout).join('\n')).toMatch(/interrupted/i);
    } else {
      expect(result.signal).toBe('SIGKILL');
    }
    // A second run completes the job.
    const rerun = runCli(['migrate'], root);
    expect(rerun.status).toBe(0);
    for (const name of names) expect(readFileSync(path.join(root, 'src', name), 'utf8')).toBe(newText);
  }, 300_000);
});

describe('hostile input: many files', () => {
  /** Node and ESLint need a few dozen descriptors of their own; 2,000 files must not need more. */
  const FD_LIMIT = 128;

  it(`migrate: 2,000 files in one run with at most ${FD_LIMIT} open descriptors`, () => {
    const files = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`pkg${i % 20}/f${i}.mjs`, CLIENT_INPUT]));
    const root = project(files);
    const result = runCliWithFdLimit(['migrate'], root, FD_LIMIT);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(linesOf(result.stdout).at(-1)).toBe('2000 scanned, 2000 changed, 0 unchanged, 0 need review, 0 failed');
    for (const relative of Object.keys(files)) expect(read(root, relative)).toBe(CLIENT_OUTPUT);
  }, 300_000);

  it(`lint: 2,000 files in one run with at most ${FD_LIMIT} open descriptors`, () => {
    const files = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`pkg${i % 20}/f${i}.mjs`, `export const v${i} = ${i};\n`]));
    const root = project(files);
    writeFileSync(path.join(root, 'pkg0/legacy.mjs'), CLIENT_INPUT);
    const result = runCliWithFdLimit(['lint', '--format', 'json'], root, FD_LIMIT);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const results = JSON.parse(result.stdout) as Array<{ errorCount: number }>;
    expect(results).toHaveLength(2001);
    expect(results.filter((entry) => entry.errorCount > 0)).toHaveLength(1);
  }, 300_000);
});
