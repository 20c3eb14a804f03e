/**
 * Worker threads that parse and migrate while the main thread walks the tree.
 *
 * A run is mostly reading files and settling them with a byte search (main
 * thread); the few files that hold a legacy ID each cost a parse and the
 * analysis (~5 ms, more while cold). Handing those to a worker lets both go on
 * at once when the machine has a core to spare.
 *
 * - Files to migrate wait in one queue, oldest first. A ready worker takes from
 *   it, WORKER_PREFETCH at a time. After the walk the main thread takes from it
 *   too (runOldestHere) unless a worker is ready and it is not warm yet, so a
 *   worker still booting then costs nothing but its start.
 * - Workers start once the runner allows them (its walk is long enough for a
 *   thread to pay: booting one costs ~60 ms) and a file needs one; a tree with
 *   nothing to migrate never starts any. At most `availableParallelism() - 1` of
 *   them (MAX_WORKERS at most), a new one only when every running one is busy.
 * - No pool on a single core, or when the compiled worker script is missing
 *   (the TypeScript sources under vitest): the runner then migrates in-thread.
 * - Workers never touch the file system: the main thread reads, diffs and writes.
 *   Sources travel as UTF-8 bytes, outside the JS heap (see MigrateJob).
 * - A worker's heap is capped (WORKER_OLD_GENERATION_MB): V8 then collects it as
 *   it nears the cap instead of letting it grow with every parse. A source over
 *   WORKER_MAX_SOURCE_BYTES would need more than the cap: `accepts` says no and the
 *   runner migrates it in-thread.
 * - A worker that dies (out of memory included) fails its jobs and every queued one
 *   with WorkerLostError; the runner then migrates those files in-thread, and the
 *   pool takes no more.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
// `node:worker_threads` loads with the first worker (~3 ms): most runs start none.
import type { Worker } from 'node:worker_threads';
import type { CurrentModelId } from '../src/deepseek';
import type { MigrationResult } from './transform';

export interface MigrateJob {
  readonly id: number;
  /**
   * The file's bytes, valid UTF-8 (codemods/gate.ts), decoded where the job runs with
   * decodeSource. Bytes, not a string: a queued job then keeps its source off the JS
   * heap, where a string would survive young-generation collections and make V8 grow
   * the main thread's heap with the length of the run.
   */
  readonly source: Uint8Array;
  readonly filePath: string;
  readonly targetModel?: CurrentModelId;
  /**
   * Send the migrated text back: only a write or a diff needs it. Without it a dry run's
   * replies carry no copy of each file, copies that lived long enough in this thread's
   * young generation to make V8 grow it (they were most of what survived its collections).
   */
  readonly withOutput: boolean;
}

/** A migration as a worker sends it back: `output` only when the job asked for it. */
export type WorkerResult = Omit<MigrationResult, 'output'> & { readonly output?: string };

/** A parse or transform error, as it crosses the thread boundary. */
export interface WorkerError {
  readonly syntax: boolean;
  readonly message: string;
  readonly loc?: { readonly line: number; readonly column: number };
}

export type MigrateReply =
  | { readonly id: number; readonly result: WorkerResult; readonly error?: undefined }
  | { readonly id: number; readonly error: WorkerError; readonly result?: undefined };

/** Heap limits of each worker (its `resourceLimits`). */
export interface WorkerLimits {
  readonly oldGenerationMb: number;
  readonly youngGenerationMb: number;
}

/** What a worker posts once it has loaded the parser, before any reply. */
export const WORKER_READY = 'ready';

export class WorkerLostError extends Error {}

const MAX_WORKERS = 4;
/**
 * The heap of a worker. Each parse promotes its tree to the old generation, which V8
 * collects late when nothing bounds it: over 80,000 files (428 parsed) an uncapped
 * worker's heap reached 77 MB with 5 MB live, and peak memory grew with the tree. A
 * small young generation keeps V8 from growing it with every parse (to 32 MB after a
 * hundred files); neither cap made parses slower.
 */
const WORKER_OLD_GENERATION_MB = 16;
const WORKER_YOUNG_GENERATION_MB = 4;
/**
 * Sources up to this size are migrated on a worker; larger ones in the main thread.
 * The parse and analysis of dense code take up to ~90 bytes of heap per source byte:
 * under the 16 MB cap, 172 KB of back-to-back API calls migrated and 246 KB ran out
 * of memory (a 531 KB bundle needed more than 32 MB). 64 KiB leaves a wide margin.
 */
export const WORKER_MAX_SOURCE_BYTES = 64 * 1024;
const DEFAULT_SCRIPT = path.join(__dirname, 'migrate-worker.js');

interface Job {
  readonly message: MigrateJob;
  resolve(reply: MigrateReply): void;
  reject(error: Error): void;
}

interface PoolWorker {
  readonly thread: Worker;
  /** Loaded and taking jobs. */
  ready: boolean;
  /** Jobs posted to the thread, by id. */
  readonly pending: Map<number, Pending>;
}

/** A job posted to a worker: its source has gone with it. */
type Pending = Omit<Job, 'message'>;

/** Jobs posted to a worker ahead of its replies: enough to keep it busy between two looks at the queue. */
const WORKER_PREFETCH = 2;

export class MigrationPool {
  private readonly workers: PoolWorker[] = [];
  /** Jobs not posted to any worker yet, oldest first. */
  private readonly queue: Job[] = [];
  private workersAllowed = false;
  private nextId = 0;
  private lost = false;
  private closed = false;

  private constructor(
    private readonly script: string,
    private readonly maxWorkers: number,
    private readonly limits: WorkerLimits,
  ) {}

  /** A pool for this machine, or undefined when migrating in-thread is the better choice. */
  static create(
    script = DEFAULT_SCRIPT,
    maxWorkers = Math.min(MAX_WORKERS, availableParallelism() - 1),
    limits: WorkerLimits = { oldGenerationMb: WORKER_OLD_GENERATION_MB, youngGenerationMb: WORKER_YOUNG_GENERATION_MB },
  ): MigrationPool | undefined {
    if (maxWorkers < 1 || !existsSync(script)) return undefined;
    return new MigrationPool(script, maxWorkers, limits);
  }

  /** False for a source too large for a worker's heap (WORKER_MAX_SOURCE_BYTES): migrate it in-thread. */
  accepts(source: Uint8Array): boolean {
    return source.byteLength <= WORKER_MAX_SOURCE_BYTES;
  }

  migrate(source: Uint8Array, filePath: string, targetModel: CurrentModelId | undefined, withOutput: boolean): Promise<MigrateReply> {
    if (this.lost) return Promise.reject(new WorkerLostError('a migration worker stopped'));
    const message: MigrateJob = { id: this.nextId++, source, filePath, targetModel, withOutput };
    return new Promise((resolve, reject) => {
      this.queue.push({ message, resolve, reject });
      this.dispatch();
    });
  }

  /** True while files wait in the queue: the walk should let replies in often, so workers get the next ones. */
  get hasQueuedJobs(): boolean {
    return this.queue.length > 0;
  }

  /** True once a worker has loaded the parser and takes jobs. */
  get hasReadyWorker(): boolean {
    return this.workers.some((worker) => worker.ready);
  }

  /** From now on workers start as needed and take queued jobs. */
  allowWorkers(): void {
    if (this.workersAllowed || this.lost) return;
    this.workersAllowed = true;
    this.dispatch();
  }

  /**
   * Migrate the oldest queued job in this thread with `migrateHere`: its result or
   * error settles the job as a worker's reply would. False when nothing is queued.
   */
  runOldestHere(migrateHere: (job: MigrateJob) => MigrationResult): boolean {
    const job = this.queue.shift();
    if (!job) return false;
    try {
      job.resolve({ id: job.message.id, result: migrateHere(job.message) });
    } catch (error) {
      job.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return true;
  }

  async close(): Promise<void> {
    this.closed = true;
    const threads = this.workers.splice(0).map((worker) => worker.thread);
    await Promise.all(threads.map((thread) => thread.terminate()));
  }

  /** Post queued jobs to ready workers with room; start a worker when every one is busy. */
  private dispatch(): void {
    if (!this.workersAllowed || this.lost || this.closed) return;
    for (const worker of this.workers) {
      while (worker.ready && worker.pending.size < WORKER_PREFETCH && this.queue.length > 0) this.post(worker, this.queue.shift()!);
    }
    const allBusy = this.workers.every((worker) => !worker.ready || worker.pending.size > 0);
    if (this.queue.length > 0 && allBusy && this.workers.length < this.maxWorkers) this.startWorker();
  }

  private post(worker: PoolWorker, { message, resolve, reject }: Job): void {
    // The message is copied to the worker: this thread keeps only what settles the job.
    worker.pending.set(message.id, { resolve, reject });
    worker.thread.postMessage(message);
  }

  private startWorker(): void {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
    const thread = new Worker(this.script, {
      resourceLimits: { maxOldGenerationSizeMb: this.limits.oldGenerationMb, maxYoungGenerationSizeMb: this.limits.youngGenerationMb },
    });
    const worker: PoolWorker = { thread, ready: false, pending: new Map() };
    const failAll = (error: Error): void => {
      this.lost = true;
      for (const job of [...worker.pending.values(), ...this.queue.splice(0)]) job.reject(error);
      worker.pending.clear();
    };
    thread.on('message', (reply: MigrateReply | typeof WORKER_READY) => {
      if (reply === WORKER_READY) {
        worker.ready = true;
      } else {
        const job = worker.pending.get(reply.id);
        worker.pending.delete(reply.id);
        job?.resolve(reply);
      }
      this.dispatch();
    });
    // A worker past its heap cap ends here too (ERR_WORKER_OUT_OF_MEMORY).
    thread.on('error', (error) => failAll(new WorkerLostError(`a migration worker failed: ${error.message}`)));
    thread.on('exit', (code) => {
      if (worker.pending.size + this.queue.length > 0) failAll(new WorkerLostError(`a migration worker exited (code ${code})`));
    });
    this.workers.push(worker);
  }
}
