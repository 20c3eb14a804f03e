/**
 * The runner in process, where a test can step between its read and its write.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { humanSummary } from '../../codemods/report';
import { runMigration } from '../../codemods/runner';
import * as transform from '../../codemods/transform';
import { BROKEN_INPUT, CLIENT_INPUT, FETCH_INPUT, PLAIN_INPUT, REVIEW_INPUT, clientOutput } from './fixtures';
import { decodeSource } from '../../codemods/gate';
import { MigrationPool, WORKER_MAX_SOURCE_BYTES, WorkerLostError } from '../../codemods/pool';
import { makeProject, read, removeProject } from './helpers';

vi.mock('../../codemods/transform', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../codemods/transform')>();
  return { ...real, migrateSource: vi.fn(real.migrateSource) };
});

const projects: string[] = [];
afterEach(() => {
  for (const root of projects.splice(0)) removeProject(root);
  vi.mocked(transform.migrateSource).mockClear();
});

describe('runMigration', () => {
  it('migrates a file once when it is given on its own and inside a directory argument', async () => {
    const root = makeProject({ 'src/a.mjs': CLIENT_INPUT, 'src/b.mjs': PLAIN_INPUT });
    projects.push(root);
    const result = await runMigration({ paths: ['src/a.mjs', 'src', './src/a.mjs'], cwd: root, write: true, diffs: false });
    expect(result.counts).toEqual({ scanned: 2, changed: 1, unchanged: 1, needsReview: 0, failed: 0 });
    expect(result.files.map((file) => [file.path, file.status, file.written])).toEqual([['src/a.mjs', 'changed', true]]);
    expect(read(root, 'src/a.mjs')).toBe(clientOutput());
  });

  it('does not clobber a file that changed between read and write', async () => {
    const root = makeProject({ 'a.mjs': CLIENT_INPUT, 'b.mjs': CLIENT_INPUT });
    projects.push(root);
    const { migrateSource: realMigrate } = await vi.importActual<typeof import('../../codemods/transform')>(
      '../../codemods/transform',
    );
    vi.mocked(transform.migrateSource).mockImplementationOnce((source, filePath, options) => {
      // Someone saves a.mjs while the migration is computing it.
      writeFileSync(filePath, `${source}// saved by the editor\n`);
      return realMigrate(source, filePath, options);
    });

    const result = await runMigration({ paths: ['.'], cwd: root, write: true, diffs: false });

    expect(read(root, 'a.mjs')).toBe(`${CLIENT_INPUT}// saved by the editor\n`);
    expect(read(root, 'b.mjs')).toBe(clientOutput());
    expect(result.counts).toEqual({ scanned: 2, changed: 1, unchanged: 0, needsReview: 0, failed: 1 });
    expect(result.files).toEqual([
      { path: 'a.mjs', status: 'failed', written: false, review: [], error: 'not written: the file changed on disk during the run' },
      { path: 'b.mjs', status: 'changed', written: true, review: [] },
    ]);
  });

  it('stops after the current file when asked, leaving every file old or new', async () => {
    const files = Object.fromEntries(['a', 'b', 'c', 'd'].map((name) => [`${name}.mjs`, CLIENT_INPUT]));
    const root = makeProject(files);
    projects.push(root);
    let filesDone = 0;

    const result = await runMigration({
      paths: ['.'],
      cwd: root,
      write: true,
      diffs: false,
      shouldStop: () => filesDone >= 2,
      onFile: () => {
        filesDone += 1;
      },
    });

    expect(result.interrupted).toBe(true);
    expect(result.counts).toEqual({ scanned: 2, changed: 2, unchanged: 0, needsReview: 0, failed: 0 });
    expect(['a', 'b', 'c', 'd'].map((name) => read(root, `${name}.mjs`))).toEqual([
      clientOutput(),
      clientOutput(),
      CLIENT_INPUT,
      CLIENT_INPUT,
    ]);
    expect(humanSummary(result, 'write')).toBe(
      'Interrupted: stopped after the files in progress; the remaining files were not scanned.\n' +
        '2 scanned, 2 changed, 0 unchanged, 0 need review, 0 failed\n',
    );
    expect(vi.mocked(transform.migrateSource)).toHaveBeenCalledTimes(2);
    expect(vi.mocked(transform.migrateSource).mock.calls[0][1]).toBe(path.join(root, 'a.mjs'));
  });
});

/** The compiled worker (`npm test` builds dist/ first): the sources run in-thread under vitest. */
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const WORKER_SCRIPT = path.resolve(__dirname, '../../dist/codemods/migrate-worker.js');

describe('runMigration with a worker pool', () => {
  /** Every kind of outcome, and enough parsed files to keep several in flight at once. */
  const mixedProject = (): string => {
    const files: Record<string, string | Buffer> = {
      'broken.js': BROKEN_INPUT,
      'review.js': REVIEW_INPUT,
      'fetch.js': FETCH_INPUT,
      'binary.js': Buffer.from([0x61, 0x00, ...Buffer.from("'deepseek-chat'")]),
    };
    for (let i = 0; i < 40; i++) files[`d${i % 4}/f${String(i).padStart(2, '0')}.mjs`] = i % 3 === 0 ? PLAIN_INPUT : CLIENT_INPUT;
    const root = makeProject(files);
    projects.push(root);
    return root;
  };

  it.skipIf(!existsSync(WORKER_SCRIPT))('gives the same result, in discovery order, as the in-thread run (dry run and write)', async () => {
    const root = mixedProject();
    const inThread = await runMigration({ paths: ['.'], cwd: root, write: false, diffs: true, retainDiffs: true, parallel: false });
    const printed: string[] = [];
    const pooled = await runMigration({
      paths: ['.'],
      cwd: root,
      write: false,
      diffs: true,
      retainDiffs: true,
      workerScript: WORKER_SCRIPT,
      onFile: (outcome) => outcome.diff && printed.push(outcome.path),
    });
    expect(pooled).toEqual(inThread);
    expect(pooled.counts).toEqual({ scanned: 44, changed: 27, unchanged: 15, needsReview: 1, failed: 2 });
    expect(pooled.files.map((file) => file.path)).toEqual([...pooled.files.map((file) => file.path)].sort());
    // Diffs reach onFile in discovery order: a printed patch does not depend on thread timing.
    expect(printed).toEqual(pooled.files.filter((file) => file.diff).map((file) => file.path));

    const written = await runMigration({ paths: ['.'], cwd: root, write: true, diffs: false, workerScript: WORKER_SCRIPT });
    expect(written.counts).toEqual(pooled.counts);
    expect(read(root, 'd0/f04.mjs')).toBe(clientOutput());
    expect(read(root, 'd0/f00.mjs')).toBe(PLAIN_INPUT);
  });

  it.skipIf(!existsSync(WORKER_SCRIPT))('migrates on the worker what the in-thread transform would, errors included', async () => {
    const pool = MigrationPool.create(WORKER_SCRIPT, 1)!;
    pool.allowWorkers();
    const replies = await Promise.all([CLIENT_INPUT, REVIEW_INPUT, BROKEN_INPUT].map((source, i) => pool.migrate(utf8(source), `/project/f${i}.mjs`, undefined, true)));
    await pool.close();
    // The worker did the work: the transform in this thread was never called.
    expect(vi.mocked(transform.migrateSource)).not.toHaveBeenCalled();
    const { migrateSource: inThread } = await vi.importActual<typeof import('../../codemods/transform')>('../../codemods/transform');
    expect(replies[0]).toEqual({ id: 0, result: inThread(CLIENT_INPUT, '/project/f0.mjs') });
    expect(replies[1]).toEqual({ id: 1, result: inThread(REVIEW_INPUT, '/project/f1.mjs') });
    expect(replies[2]).toMatchObject({ id: 2, error: { syntax: true } });
  });

  it.skipIf(!existsSync(WORKER_SCRIPT))('sends the migrated text back only when the job asks for it (a write or a diff)', async () => {
    const pool = MigrationPool.create(WORKER_SCRIPT, 1)!;
    pool.allowWorkers();
    const [withText, withoutText] = await Promise.all([true, false].map((withOutput) => pool.migrate(utf8(CLIENT_INPUT), '/project/c.mjs', undefined, withOutput)));
    await pool.close();
    const { migrateSource: inThread } = await vi.importActual<typeof import('../../codemods/transform')>('../../codemods/transform');
    const { output, ...rest } = inThread(CLIENT_INPUT, '/project/c.mjs');
    expect(withText.result).toEqual({ output, ...rest });
    expect(withoutText.result).toEqual(rest);
    expect(rest.changed).toBe(true);
  });

  it.skipIf(!existsSync(WORKER_SCRIPT))('caps a worker\'s heap: past the cap its jobs fail as lost, for the runner to migrate in-thread', async () => {
    // 2,000 calls (~250 KB of dense code) need more than an 8 MB old generation; one call does not.
    const dense = `${CLIENT_INPUT}${"client.chat.completions.create({ model: 'deepseek-chat', messages: [] });\n".repeat(2000)}`;
    const small = MigrationPool.create(WORKER_SCRIPT, 1, { oldGenerationMb: 8, youngGenerationMb: 1 })!;
    small.allowWorkers();
    await expect(small.migrate(utf8(CLIENT_INPUT), '/project/a.mjs', undefined, true)).resolves.toMatchObject({ result: { changed: true } });
    const [tooBig, queued] = [dense, CLIENT_INPUT].map((source, i) => small.migrate(utf8(source), `/project/f${i}.mjs`, undefined, true));
    await expect(tooBig).rejects.toThrow(new WorkerLostError('a migration worker failed: Worker terminated due to reaching memory limit: JS heap out of memory'));
    await expect(queued).rejects.toBeInstanceOf(WorkerLostError);
    await small.close();
  });

  it.skipIf(!existsSync(WORKER_SCRIPT))('migrates a source too large for a worker\'s heap in this thread, the rest on the worker', async () => {
    const big = `${CLIENT_INPUT}${'// padding\n'.repeat(Math.ceil(WORKER_MAX_SOURCE_BYTES / 11))}`;
    const files: Record<string, string> = { 'big.mjs': big };
    // Enough files waiting for a parse to start a worker in a small tree.
    for (let i = 0; i < 24; i++) files[`f${String(i).padStart(2, '0')}.mjs`] = CLIENT_INPUT;
    const root = makeProject(files);
    projects.push(root);
    const startWorker = vi.spyOn(MigrationPool.prototype as unknown as { startWorker(): unknown }, 'startWorker');
    const handedToPool = vi.spyOn(MigrationPool.prototype, 'migrate');
    const result = await runMigration({ paths: ['.'], cwd: root, write: true, diffs: false, workerScript: WORKER_SCRIPT });
    expect(startWorker).toHaveBeenCalledTimes(1);
    expect(result.counts).toEqual({ scanned: 25, changed: 25, unchanged: 0, needsReview: 0, failed: 0 });
    // Every small file went to the pool (which of them this thread takes back at the end of the
    // walk depends on when the worker is up); the big one never did, and was migrated here.
    expect(handedToPool.mock.calls.map((call) => path.basename(call[1]))).toEqual(Object.keys(files).filter((name) => name !== 'big.mjs'));
    expect(vi.mocked(transform.migrateSource).mock.calls.map((call) => call[1])).toContain(path.join(root, 'big.mjs'));
    expect(read(root, 'big.mjs')).toBe(big.replace(CLIENT_INPUT, clientOutput()));
    expect(read(root, 'f23.mjs')).toBe(clientOutput());
    startWorker.mockRestore();
    handedToPool.mockRestore();
  });

  it.skipIf(!existsSync(WORKER_SCRIPT))('once a worker is ready, leaves the parses to it, even after parsing here while it started', async () => {
    // 40 files to parse (the window holds 32), then a long tail of plain files.
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`a/f${String(i).padStart(2, '0')}.mjs`] = CLIENT_INPUT;
    for (let i = 0; i < 2000; i++) files[`b/p${String(i).padStart(4, '0')}.mjs`] = PLAIN_INPUT;
    const root = makeProject(files);
    projects.push(root);
    // The worker counts as ready from this thread's first parse on (the window was full before).
    let scanned = 0;
    const scannedAtParsesHere: number[] = [];
    const { migrateSource: realMigrate } = await vi.importActual<typeof import('../../codemods/transform')>('../../codemods/transform');
    vi.mocked(transform.migrateSource).mockImplementation((...args) => {
      scannedAtParsesHere.push(scanned);
      return realMigrate(...args);
    });
    const ready = vi.spyOn(MigrationPool.prototype, 'hasReadyWorker', 'get').mockImplementation(() => scannedAtParsesHere.length > 0);
    const result = await runMigration({
      paths: ['.'],
      cwd: root,
      write: false,
      diffs: false,
      workerScript: WORKER_SCRIPT,
      onFile: (_outcome, counts) => {
        scanned = counts.scanned;
      },
    });
    ready.mockRestore();
    expect(result.counts).toEqual({ scanned: 2040, changed: 40, unchanged: 2000, needsReview: 0, failed: 0 });
    // One parse here while the walk was among the 40 (the window full, no worker ready yet), then none:
    // with the worker ready, the walk waited for it. (Files still queued when the walk ends may be shared.)
    expect(scannedAtParsesHere.filter((at) => at < 1000)).toHaveLength(1);
  });

  it('lets this thread take queued files, oldest first, each settled as a worker reply would be', async () => {
    const pool = MigrationPool.create(WORKER_SCRIPT, 1)!;
    // Workers not allowed: the jobs wait in the queue, where runOldestHere finds them.
    const replies = [CLIENT_INPUT, BROKEN_INPUT].map((source, i) => pool.migrate(utf8(source), `/project/f${i}.mjs`, undefined, true));
    const seen: string[] = [];
    const { migrateSource } = await vi.importActual<typeof import('../../codemods/transform')>('../../codemods/transform');
    const here = (job: { source: Uint8Array; filePath: string }) => {
      seen.push(job.filePath);
      return migrateSource(decodeSource(job.source), job.filePath);
    };
    expect(pool.hasQueuedJobs).toBe(true);
    expect([pool.runOldestHere(here), pool.runOldestHere(here), pool.runOldestHere(here)]).toEqual([true, true, false]);
    expect(seen).toEqual(['/project/f0.mjs', '/project/f1.mjs']);
    expect(pool.hasQueuedJobs).toBe(false);
    await expect(replies[0]).resolves.toEqual({ id: 0, result: migrateSource(CLIENT_INPUT, '/project/f0.mjs') });
    // An error here rejects the job with it, so the runner reports it as it would an in-thread one.
    await expect(replies[1]).rejects.toBeInstanceOf(SyntaxError);
    await pool.close();
  });

  it('on an error mid-walk, finishes the files already queued and rethrows (no hang)', async () => {
    const root = makeProject({ 'a.mjs': CLIENT_INPUT, 'b.mjs': PLAIN_INPUT });
    projects.push(root);
    const run = runMigration({
      paths: ['.'],
      cwd: root,
      write: true,
      diffs: false,
      workerScript: WORKER_SCRIPT,
      onFile: (outcome) => {
        // a.mjs waits in the pool's queue (too small a tree for a worker) when b.mjs settles.
        if (outcome.path === 'b.mjs') throw new Error('the progress display broke');
      },
    });
    await expect(run).rejects.toThrow('the progress display broke');
    // The queued file was finished, not abandoned half-way: it holds the new version.
    expect(read(root, 'a.mjs')).toBe(clientOutput());
  });

  it('never starts a worker when no file holds a legacy ID', async () => {
    const root = makeProject({ 'a.mjs': PLAIN_INPUT, 'b.ts': CLIENT_INPUT.replace('deepseek-chat', 'deepseek-v4-flash') });
    projects.push(root);
    const migrate = vi.spyOn(MigrationPool.prototype, 'migrate');
    const result = await runMigration({ paths: ['.'], cwd: root, write: false, diffs: false, workerScript: WORKER_SCRIPT });
    expect(result.counts).toEqual({ scanned: 2, changed: 0, unchanged: 2, needsReview: 0, failed: 0 });
    expect(migrate).not.toHaveBeenCalled();
    migrate.mockRestore();
  });

  it('starts no worker for a small tree: its few files are parsed in-thread when the walk ends', async () => {
    const root = makeProject({ 'a.mjs': CLIENT_INPUT, 'b.mjs': PLAIN_INPUT, 'c.mjs': CLIENT_INPUT });
    projects.push(root);
    const startWorker = vi.spyOn(MigrationPool.prototype as unknown as { startWorker(): unknown }, 'startWorker');
    const result = await runMigration({ paths: ['.'], cwd: root, write: false, diffs: false, workerScript: WORKER_SCRIPT });
    expect(result.counts).toEqual({ scanned: 3, changed: 2, unchanged: 1, needsReview: 0, failed: 0 });
    expect(startWorker).not.toHaveBeenCalled();
    startWorker.mockRestore();
  });

  it('migrates in-thread, with the same result, when the worker dies', async () => {
    const root = mixedProject();
    const dying = path.join(root, 'dying-worker.cjs');
    writeFileSync(dying, 'process.exit(3);\n');
    const expected = await runMigration({ paths: ['.'], cwd: root, write: false, diffs: false, parallel: false, ignorePatterns: ['dying-worker.cjs'] });
    const handedToPool = vi.spyOn(MigrationPool.prototype, 'migrate');
    const result = await runMigration({ paths: ['.'], cwd: root, write: false, diffs: false, workerScript: dying, ignorePatterns: ['dying-worker.cjs'] });
    // Every candidate went to the pool, whose worker answers nothing: each result came from the in-thread fallback.
    expect(handedToPool).toHaveBeenCalledTimes(29);
    expect(result).toEqual(expected);
    handedToPool.mockRestore();
  });
});

