/**
 * One migration run: discover files, migrate each, write it atomically, count.
 *
 * Why not jscodeshift's Runner (in process, `runInBand`)? Its Worker hands a
 * whole batch to `neo-async.each`, which reads and transforms every file of
 * the batch concurrently: all sources are in memory at once and a Ctrl-C
 * cannot stop after the files in progress. It also decodes bytes with
 * `toString()` (binary files and invalid UTF-8 go unnoticed), returns only
 * counts (not the migrated text we must diff and write ourselves), and writes
 * to stdout even with `silent` (errors, "No files selected"), which would
 * corrupt `--json`. So the run calls `migrateSource` — the same function the
 * jscodeshift transform wraps — itself, and the transform stays usable under
 * plain `npx jscodeshift -t …`.
 *
 * Per file: read it (codemods/gate.ts) → refuse binary / invalid UTF-8 → settle it if it holds
 * no legacy ID (most files) → else migrate it, on a worker of codemods/pool.ts
 * when there is one (at most MAX_SOURCE_BYTES_IN_FLIGHT of source at a time, settled in
 * the order they were handed out) → if changed and writing: re-read, and write with
 * write-file-atomic only if the file is still exactly what we read (never clobber
 * a concurrent edit). Nothing of a file is kept after its turn except a small
 * outcome record.
 */
import { promises as fs, constants as fsConstants } from 'node:fs';
import path from 'node:path';
// `diff` and `write-file-atomic` are loaded on first use (below): a dry run over a tree
// with nothing to change should not pay their start-up.
import type * as Diff from 'diff';
import type WriteFileAtomic from 'write-file-atomic';
import { type CurrentModelId, redactKeysIn } from '../src/deepseek';
import { FileWalk, WalkProgress, type WalkSkips, withTrailingSeparator } from './files';
import { decodeSource, describeFsError, gateFile } from './gate';
// The transform (parser, analysis, planner) loads with the first file that holds a legacy ID.
import type * as MigrateJobModule from './migrate-job';
import type { MigrationResult, ReviewItem } from './transform';
import { MissingPythonParserError, isPythonFile, loadPythonParser } from '../src/python/parser';
import { type MigrateJob, MigrationPool, type WorkerError, WorkerLostError, type WorkerResult } from './pool';
import type * as CrossFileModule from './cross-file';
import type { HeldFile } from './cross-file';

export type FileStatus = 'changed' | 'unchanged' | 'failed';

export interface FileOutcome {
  /** Relative to the working directory, `/`-separated. */
  readonly path: string;
  readonly status: FileStatus;
  /** True when the migrated text was written to disk. */
  readonly written: boolean;
  readonly review: readonly ReviewItem[];
  /** Migrated sites listed for a reader (no visible sender); absent when there are none. */
  readonly notes?: readonly ReviewItem[];
  /** Why the file failed (one line, keys redacted). */
  readonly error?: string;
  /** Unified diff of the change (keys redacted), when diffs were asked for. */
  readonly diff?: string;
}

export interface RunCounts {
  scanned: number;
  changed: number;
  unchanged: number;
  needsReview: number;
  failed: number;
}

export interface RunOptions {
  readonly paths: readonly string[];
  readonly cwd: string;
  readonly ignorePatterns?: readonly string[];
  readonly targetModel?: CurrentModelId;
  /** false for --dry and --check. */
  readonly write: boolean;
  /** Compute a diff for each changed file. */
  readonly diffs: boolean;
  /** Keep diffs in the returned outcomes (for --json); otherwise they only reach onFile. */
  readonly retainDiffs?: boolean;
  /** Asked before each file; true stops the run (SIGINT). */
  readonly shouldStop?: () => boolean;
  /**
   * Called after each file, e.g. to print its diff or update progress. Files that are
   * parsed come in discovery order among themselves, possibly after files walked later.
   */
  readonly onFile?: (outcome: FileOutcome, counts: Readonly<RunCounts>) => void;
  /** false: parse in this thread even when a worker pool is possible (codemods/pool.ts). */
  readonly parallel?: boolean;
  /** The compiled worker script, when not next to this module (tests running the sources). */
  readonly workerScript?: string;
  /** false: exported legacy constants stay listed for review instead of being followed into their importers. */
  readonly crossFile?: boolean;
}

/**
 * A file held back for the cross-file pass (codemods/cross-file.ts): its plan stopped at an
 * exported legacy constant. Nothing of it is written before that pass.
 */
interface HeldOutcome {
  readonly held: HeldFile;
  /** What the file reports if the pass never runs (an interrupted run). */
  readonly ifNotFollowed: FileOutcome;
}
type Settled = FileOutcome | HeldOutcome;

export interface RunResult {
  readonly counts: RunCounts;
  /** Files that changed, need review or failed, in discovery order; unchanged files are only counted. */
  readonly files: FileOutcome[];
  readonly interrupted: boolean;
  /** What the walk left out because an ignore rule matched (`.gitignore`, `--ignore-pattern`). */
  readonly skipped: WalkSkips;
}

/**
 * Files handed to the pool and not yet settled hold their bytes in memory (at
 * most this much in all) and, while written, up to two file descriptors (at
 * most this many files: well under a 128-descriptor limit). The walk waits for
 * the oldest only past either bound.
 */
const MAX_SOURCE_BYTES_IN_FLIGHT = 8 * 1024 * 1024;
const MAX_FILES_IN_FLIGHT = 32;
/** This many files waiting for a parse are worth a worker, whatever the size of the tree. */
const WAITING_FILES_FOR_A_WORKER = 16;
/** The walk is synchronous: let a Ctrl-C and the workers' replies in this often… */
const YIELD_EVERY_FILES = 256;
/** …and this often while files wait in the pool's queue, so a worker gets the next one soon after its last. */
const YIELD_EVERY_FILES_WHILE_FILES_WAIT = 16;
/**
 * A worker thread pays off when this many files are still to be walked once a
 * file needs a parse: reading them takes longer than the worker takes to start
 * (~60 ms, ~100 ms on a busy core), so its parses run alongside the walk. With
 * fewer, files that need a parse wait and are migrated in-thread when the walk
 * ends (unless WAITING_FILES_FOR_A_WORKER wait).
 */
const FILES_LEFT_FOR_A_WORKER = 3000;

/** A file the gate could not settle: it may hold a legacy ID. */
interface Candidate {
  readonly kind: 'migrate';
  readonly absolutePath: string;
  readonly shownPath: string;
  readonly bytes: Uint8Array;
  readonly order: number;
}
type WalkStep = Candidate | typeof WALK_DONE | typeof STOPPED | typeof YIELD;
const WALK_DONE = Symbol('walk done');
const STOPPED = Symbol('stop asked for');
const YIELD = Symbol('time to let replies and signals in');

export async function runMigration(options: RunOptions): Promise<RunResult> {
  const counts: RunCounts = { scanned: 0, changed: 0, unchanged: 0, needsReview: 0, failed: 0 };
  // Outcomes by discovery order: parsed files settle later than the files walked after them.
  const kept: Array<{ readonly order: number; readonly outcome: FileOutcome }> = [];
  let interrupted = false;
  let order = 0;
  const held: Array<{ readonly order: number; readonly outcome: HeldOutcome }> = [];

  const settle = (settled: Settled, fileOrder: number): void => {
    if ('held' in settled) {
      held.push({ order: fileOrder, outcome: settled });
      return;
    }
    const outcome = settled;
    counts.scanned += 1;
    counts[outcome.status] += 1;
    if (outcome.review.length > 0) counts.needsReview += 1;
    options.onFile?.(outcome, counts);
    if (outcome.status !== 'unchanged' || outcome.review.length > 0) {
      kept.push({ order: fileOrder, outcome: options.retainDiffs || outcome.diff === undefined ? outcome : { ...outcome, diff: undefined } });
    }
  };

  // Parsed files, in the order they were handed out; settled (and written) in that order.
  const inFlight: Array<{ readonly order: number; readonly outcome: Promise<Settled>; readonly bytes: number; done: boolean }> = [];
  let bytesInFlight = 0;
  const settleOldest = async (): Promise<void> => {
    const oldest = inFlight.shift()!;
    bytesInFlight -= oldest.bytes;
    settle(await oldest.outcome, oldest.order);
  };
  const pool = options.parallel === false ? undefined : MigrationPool.create(options.workerScript);
  const progress = new WalkProgress();
  const allowWorkersIfWalkIsLong = (): void => {
    if (pool && progress.estimatedFilesLeft() >= FILES_LEFT_FOR_A_WORKER) pool.allowWorkers();
  };
  let migrateHere: ((job: MigrateJob) => MigrationResult) | undefined;
  /**
   * Not while a worker is ready and this thread is cold: loading and warming the
   * parser here (~30 ms) would finish later than the worker's next few files.
   */
  const shouldMigrateHere = (): boolean => migrateHere !== undefined || !pool?.hasReadyWorker;
  /** Migrate the oldest file queued in the pool in this thread, rather than wait for a worker; false when none is queued. */
  const migrateOneQueuedHere = async (): Promise<boolean> => {
    if (!pool?.hasQueuedJobs) return false;
    migrateHere ??= await loadInThreadMigration();
    return pool.runOldestHere(migrateHere);
  };

  const files = new FileWalk(options.paths, { cwd: options.cwd, ignorePatterns: options.ignorePatterns, progress });
  /**
   * The walk's hot loop, apart from this async function: gate files one after another and
   * settle those the gate clears (most), until one needs a migration, a yield is due, the
   * walk ends or a stop is asked for. Kept small so V8 optimizes it early: as one big async
   * function, its optimizing compile (~35 ms on a background thread) started near the end
   * of a 200 ms run, and the process waited for it before exiting.
   */
  const gateUntilCandidate = (): WalkStep => {
    for (;;) {
      if (options.shouldStop?.()) return STOPPED;
      const file = files.next();
      if (file === undefined) return WALK_DONE;
      const fileOrder = order++;
      const shownPath = displayPath(file, options.cwd);
      const gated = gateFile(file);
      if (gated.kind === 'migrate') return { kind: 'migrate', absolutePath: file, shownPath, bytes: gated.bytes, order: fileOrder };
      // Settled by the gate: no promise, nothing kept.
      settle(gated.kind === 'clean' ? unchanged(shownPath) : failedOutcome(shownPath, gated.reason), fileOrder);
      const yieldEvery = pool?.hasQueuedJobs ? YIELD_EVERY_FILES_WHILE_FILES_WAIT : YIELD_EVERY_FILES;
      if (fileOrder % yieldEvery === yieldEvery - 1) return YIELD;
    }
  };

  try {
    for (;;) {
      const step = gateUntilCandidate();
      if (step === WALK_DONE) break;
      if (step === STOPPED) {
        interrupted = true;
        break;
      }
      if (step === YIELD) {
        // The estimate grows as directories are walked: files already waiting may now be worth a worker.
        if (inFlight.length > 0) allowWorkersIfWalkIsLong();
        await new Promise(setImmediate);
        while (inFlight[0]?.done) await settleOldest();
        continue;
      }
      const { absolutePath, shownPath, bytes, order: fileOrder } = step;
      const outcome = migrateFile(absolutePath, shownPath, bytes, options, pool);
      if (!pool) {
        settle(await outcome, fileOrder);
        continue;
      }
      allowWorkersIfWalkIsLong();
      const entry = { order: fileOrder, outcome, bytes: bytes.byteLength, done: false };
      const markDone = (): void => {
        entry.done = true;
      };
      void outcome.then(markDone, markDone);
      inFlight.push(entry);
      bytesInFlight += entry.bytes;
      if (inFlight.length >= WAITING_FILES_FOR_A_WORKER) pool.allowWorkers();
      // Past the window: with a worker ready, wait for it, even once this thread has parsed while
      // the worker started. Parsing here as well would grow this thread's heap with the number of
      // parses: up to 458 of 1,712 over 320,000 files, 57 MB of heap, against 24 MB.
      while (inFlight.length >= MAX_FILES_IN_FLIGHT || bytesInFlight > MAX_SOURCE_BYTES_IN_FLIGHT) {
        if (!pool.hasReadyWorker && (await migrateOneQueuedHere())) while (inFlight[0]?.done) await settleOldest();
        else await settleOldest();
      }
    }
    // Files still queued are shared out: this thread migrates the oldest while the workers take
    // theirs (one still booting then costs nothing but its start).
    while (shouldMigrateHere() && (await migrateOneQueuedHere())) {
      await new Promise(setImmediate); // the workers' replies
      while (inFlight[0]?.done) await settleOldest();
    }
    // Files already handed out are finished (and written), even after a Ctrl-C: each ends old or new.
    while (inFlight.length > 0) await settleOldest();
  } finally {
    // On an error mid-walk, let handed-out files finish before the workers go (queued ones
    // here: with workers not allowed yet, nobody else would take them).
    while (await migrateOneQueuedHere().catch(() => false));
    await Promise.allSettled(inFlight.map((file) => file.outcome));
    await pool?.close();
  }
  // A signal that arrived during the last file still counts as an interruption.
  if (options.shouldStop?.()) interrupted = true;
  if (held.length > 0) {
    if (interrupted) for (const file of held) settle(file.outcome.ifNotFollowed, file.order);
    else await followAcrossFiles(held, options, counts, kept, settle);
  }
  kept.sort((a, b) => a.order - b.order);
  return { counts, files: kept.map((entry) => entry.outcome), interrupted, skipped: { ...files.skipped } };
}

export function displayPath(absolutePath: string, cwd: string): string {
  // Most paths sit under cwd: a slice is enough (path.relative per file showed in profiles).
  const prefix = withTrailingSeparator(cwd);
  const relative = absolutePath.startsWith(prefix) ? absolutePath.slice(prefix.length) : path.relative(cwd, absolutePath);
  return (path.sep === '/' ? relative : relative.split(path.sep).join('/')) || path.basename(absolutePath);
}

const NO_REVIEW: readonly ReviewItem[] = Object.freeze([]);

function unchanged(shownPath: string): FileOutcome {
  return { path: shownPath, status: 'unchanged', written: false, review: NO_REVIEW };
}

function failedOutcome(shownPath: string, error: string, review: readonly ReviewItem[] = NO_REVIEW): FileOutcome {
  return { path: shownPath, status: 'failed', written: false, review, error: oneLine(error) };
}

async function migrateFile(
  absolutePath: string,
  shownPath: string,
  bytes: Uint8Array,
  options: RunOptions,
  pool: MigrationPool | undefined,
): Promise<Settled> {
  let result: WorkerResult;
  try {
    result = await migrateText(bytes, absolutePath, options.targetModel, pool, options.write || options.diffs);
  } catch (error) {
    return failedOutcome(shownPath, describeParseError(error));
  }
  if (options.crossFile !== false && result.review.some((item) => item.code === 'exported')) {
    const review = result.review.map((item) => ({ ...item, reason: oneLine(item.reason) }));
    return { held: { absolutePath, shownPath, bytes }, ifNotFollowed: { path: shownPath, status: 'unchanged', written: false, review } };
  }
  return outcomeOf(absolutePath, shownPath, bytes, result, options);
}

/**
 * The cross-file pass, in this thread once the walk is over: held files settle now; files
 * that import their constants and were settled already get their new outcome instead.
 */
async function followAcrossFiles(
  held: ReadonlyArray<{ readonly order: number; readonly outcome: HeldOutcome }>,
  options: RunOptions,
  counts: RunCounts,
  kept: Array<{ readonly order: number; readonly outcome: FileOutcome }>,
  settle: (outcome: FileOutcome, order: number) => void,
): Promise<void> {
  const { migrateAcrossFiles } = (__filename.endsWith('.js') ? require('./cross-file.js') : await import('./cross-file.js')) as typeof CrossFileModule;
  const results = migrateAcrossFiles(
    held.map((file) => file.outcome.held),
    { paths: options.paths, cwd: options.cwd, ignorePatterns: options.ignorePatterns, targetModel: options.targetModel, showPath: (file) => displayPath(file, options.cwd) },
  );
  const heldOrder = new Map(held.map((file) => [file.outcome.held.absolutePath, file.order]));
  for (const { absolutePath, bytes, result, held: wasHeld, order } of results) {
    const shownPath = displayPath(absolutePath, options.cwd);
    const outcome =
      result instanceof Error ? failedOutcome(shownPath, describeParseError(result)) : await outcomeOf(absolutePath, shownPath, bytes, result, options);
    if (wasHeld) {
      settle(outcome, heldOrder.get(absolutePath) ?? order);
      continue;
    }
    // Settled in the first pass: take its counts back, and keep a diff already shown (the file was written).
    const previousAt = kept.findIndex((entry) => entry.outcome.path === shownPath);
    const previous = previousAt === -1 ? undefined : kept.splice(previousAt, 1)[0];
    counts.scanned -= 1;
    counts[previous?.outcome.status ?? 'unchanged'] -= 1;
    if (previous && previous.outcome.review.length > 0) counts.needsReview -= 1;
    const diff = previous?.outcome.written && previous.outcome.diff && outcome.diff ? previous.outcome.diff + outcome.diff : outcome.diff;
    const merged = previous?.outcome.written && outcome.status === 'unchanged' ? { ...outcome, status: 'changed' as const, written: true } : outcome;
    settle({ ...merged, diff }, previous?.order ?? order);
  }
}

/** A migrated file's outcome: written (atomically, if unchanged on disk) when the run writes. */
async function outcomeOf(absolutePath: string, shownPath: string, bytes: Uint8Array, result: WorkerResult, options: RunOptions): Promise<FileOutcome> {
  const review = result.review.map((item) => ({ ...item, reason: oneLine(item.reason) }));
  if (!result.changed) return { path: shownPath, status: 'unchanged', written: false, review };

  const notes = result.notes.length > 0 ? { notes: result.notes.map((item) => ({ ...item, reason: oneLine(item.reason) })) } : {};
  const diff = options.diffs ? unifiedDiff(shownPath, decodeSource(bytes), outputOf(result)) : undefined;
  if (!options.write) return { path: shownPath, status: 'changed', written: false, review, diff, ...notes };

  const writeError = await writeIfUnchanged(absolutePath, bytes, outputOf(result));
  if (writeError) return failedOutcome(shownPath, writeError, review);
  return { path: shownPath, status: 'changed', written: true, review, diff, ...notes };
}

/** The migrated text, which a write or a diff asks the worker for (MigrateJob.withOutput). */
function outputOf(result: WorkerResult): string {
  if (result.output === undefined) throw new Error('the migrated text was not sent back');
  return result.output;
}

/**
 * migrateSource on a worker when the pool takes the file (in-thread if its worker died), else here.
 * From a worker, the migrated text comes back only `withOutput`.
 */
async function migrateText(
  source: Uint8Array,
  absolutePath: string,
  targetModel: CurrentModelId | undefined,
  pool: MigrationPool | undefined,
  withOutput: boolean,
): Promise<WorkerResult> {
  // Python files are few and their parser loads asynchronously: they are migrated in this thread.
  const python = isPythonFile(absolutePath);
  if (python) await loadPythonParser();
  if (!python && pool?.accepts(source)) {
    try {
      const reply = await pool.migrate(source, absolutePath, targetModel, withOutput);
      if (reply.error) throw errorFromWorker(reply.error);
      return reply.result;
    } catch (error) {
      if (!(error instanceof WorkerLostError)) throw error;
    }
  }
  return (await loadInThreadMigration())({ source, filePath: absolutePath, targetModel });
}

/** migrateJob for this thread: the transform (parser, analysis, planner) loads with the first file that needs it. */
async function loadInThreadMigration(): Promise<typeof MigrateJobModule.migrateJob> {
  // Compiled (this file is .js), a plain require: `import()` of a CommonJS module goes through
  // Node's ESM loader, 6–9 ms more of a short run. The TypeScript sources (tests) need import().
  if (__filename.endsWith('.js')) return (require('./migrate-job.js') as typeof MigrateJobModule).migrateJob;
  return (await import('./migrate-job.js')).migrateJob;
}

/** The worker's error as the in-thread one would have been, for describeParseError. */
function errorFromWorker(error: WorkerError): Error {
  if (!error.syntax) return new Error(error.message);
  return Object.assign(new SyntaxError(error.message), error.loc ? { loc: error.loc } : {});
}

/** Write `output` atomically unless the file is read-only or no longer holds `original`. Returns why not. */
async function writeIfUnchanged(absolutePath: string, original: Uint8Array, output: string): Promise<string | undefined> {
  try {
    const stats = await fs.stat(absolutePath);
    // `access` alone passes for root; a file with no write bit is read-only by intent.
    if ((stats.mode & 0o222) === 0) return 'not written: the file is read-only';
    await fs.access(absolutePath, fsConstants.W_OK);
  } catch (error) {
    return `not written: ${describeFsError(error)}`;
  }
  let current: Buffer;
  try {
    current = await fs.readFile(absolutePath);
  } catch (error) {
    return `not written: ${describeFsError(error)}`;
  }
  if (!current.equals(original)) return 'not written: the file changed on disk during the run';
  try {
    const writeFileAtomic = require('write-file-atomic') as typeof WriteFileAtomic;
    await writeFileAtomic(absolutePath, output, { encoding: 'utf8' });
  } catch (error) {
    return `write failed: ${describeFsError(error)}`;
  }
  return undefined;
}

export function unifiedDiff(shownPath: string, before: string, after: string): string {
  const { createTwoFilesPatch } = require('diff') as typeof Diff;
  return redactKeysIn(createTwoFilesPatch(`a/${shownPath}`, `b/${shownPath}`, before, after, undefined, undefined, { context: 3 }));
}

function describeParseError(error: unknown): string {
  if (error instanceof MissingPythonParserError) return error.message;
  if (error instanceof SyntaxError) {
    const loc = (error as SyntaxError & { loc?: { line: number; column: number } }).loc;
    const message = error.message.replace(/\s*\(\d+:\d+\)\s*$/, '');
    return loc ? `parse error at ${loc.line}:${loc.column + 1}: ${message}` : `parse error: ${message}`;
  }
  return `transform error: ${error instanceof Error ? error.message : String(error)}`;
}

/** Messages reach terminals and JSON: one line, no full key. */
function oneLine(text: string): string {
  return redactKeysIn(text.split(/\r?\n/)[0] ?? '').trim();
}
