/**
 * Worker threads that parse and migrate while the main thread walks the tree.
 *
 * A run is mostly reading files and settling them with a text search (main
 * thread); the few files that hold a legacy ID each cost a parse and the
 * analysis (~5 ms, more while cold). Handing those to a worker lets both go on
 * at once when the machine has a core to spare.
 *
 * - Workers start once the runner allows them (its walk is long enough for a
 *   thread to pay: booting one costs ~60 ms, stopping one that boots ~20 ms) and
 *   a file needs one; a tree with nothing to migrate never starts any. At most
 *   `availableParallelism() - 1` of them (MAX_WORKERS at most), a new one only
 *   when every running one is busy. Jobs before that wait in the pool.
 * - A worker takes jobs once it is ready (it has loaded the parser). When the
 *   walk ends first, returnWaitingJobs() hands the jobs still waiting back to
 *   the runner, which migrates them in-thread at once.
 * - No pool on a single core, or when the compiled worker script is missing
 *   (the TypeScript sources under vitest): the runner then migrates in-thread.
 * - Workers never touch the file system: the main thread reads, diffs and writes.
 * - A worker that dies fails its jobs with WorkerLostError; the runner then
 *   migrates those files in-thread, and the pool takes no more jobs (a job
 *   handed back is failed the same way).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CurrentModelId } from '../src/deepseek';
import type { MigrationResult } from './transform';

export interface MigrateJob {
  readonly id: number;
  readonly source: string;
  readonly filePath: string;
  readonly targetModel?: CurrentModelId;
}

/** A parse or transform error, as it crosses the thread boundary. */
export interface WorkerError {
  readonly syntax: boolean;
  readonly message: string;
  readonly loc?: { readonly line: number; readonly column: number };
}

export type MigrateReply =
  | { readonly id: number; readonly result: MigrationResult; readonly error?: undefined }
  | { readonly id: number; readonly error: WorkerError; readonly result?: undefined };

/** What a worker posts once it has loaded the parser, before any reply. */
export const WORKER_READY = 'ready';

export class WorkerLostError extends Error {}

const MAX_WORKERS = 4;
const YOUNG_GENERATION_MB = 4;
const DEFAULT_SCRIPT = path.join(__dirname, 'migrate-worker.js');

interface Job {
  readonly message: MigrateJob;
  resolve(reply: MigrateReply): void;
  reject(error: Error): void;
}

interface PoolWorker {
  readonly thread: Worker;
  ready: boolean;
  /** Jobs posted to the thread, by id. */
  readonly pending: Map<number, Job>;
  /** Jobs held until the thread is ready. */
  readonly waiting: Job[];
}

export class MigrationPool {
  private readonly workers: PoolWorker[] = [];
  /** Jobs that came before workers were allowed. */
  private readonly unassigned: Job[] = [];
  private workersAllowed = false;
  private nextId = 0;
  private lost = false;

  private constructor(
    private readonly script: string,
    private readonly maxWorkers: number,
  ) {}

  /** A pool for this machine, or undefined when migrating in-thread is the better choice. */
  static create(script = DEFAULT_SCRIPT, maxWorkers = Math.min(MAX_WORKERS, availableParallelism() - 1)): MigrationPool | undefined {
    if (maxWorkers < 1 || !existsSync(script)) return undefined;
    return new MigrationPool(script, maxWorkers);
  }

  migrate(source: string, filePath: string, targetModel: CurrentModelId | undefined): Promise<MigrateReply> {
    if (this.lost) return Promise.reject(new WorkerLostError('a migration worker stopped'));
    const message: MigrateJob = { id: this.nextId++, source, filePath, targetModel };
    return new Promise((resolve, reject) => {
      const job: Job = { message, resolve, reject };
      if (this.workersAllowed) this.assign(job);
      else this.unassigned.push(job);
    });
  }

  /** True while jobs wait for a worker that is still booting (its "ready" is read when the main thread yields). */
  get awaitingWorker(): boolean {
    return this.workers.some((worker) => !worker.ready && worker.waiting.length > 0);
  }

  /** From now on jobs go to workers (started as needed), those that waited first. */
  allowWorkers(): void {
    if (this.workersAllowed || this.lost) return;
    this.workersAllowed = true;
    for (const job of this.unassigned.splice(0)) this.assign(job);
  }

  private assign(job: Job): void {
    const worker = this.pickWorker();
    if (worker.ready) this.post(worker, job);
    else worker.waiting.push(job);
  }

  /**
   * The walk is over: jobs still waiting for a worker that is not ready yet are
   * failed with WorkerLostError (the runner migrates them in-thread, sooner than
   * the worker could), and those workers are stopped.
   */
  returnWaitingJobs(): void {
    if (this.unassigned.length > 0) this.lost = true;
    for (const job of this.unassigned.splice(0)) job.reject(new WorkerLostError('the walk ended before migration workers were started'));
    for (const worker of this.workers) {
      if (worker.ready) continue;
      this.lost = true;
      for (const job of worker.waiting.splice(0)) job.reject(new WorkerLostError('the walk ended before a migration worker was ready'));
      void worker.thread.terminate();
    }
  }

  async close(): Promise<void> {
    const threads = this.workers.splice(0).map((worker) => worker.thread);
    await Promise.all(threads.map((thread) => thread.terminate()));
  }

  /** The least busy worker; a new one when all are busy and the pool may grow. */
  private pickWorker(): PoolWorker {
    let idlest: PoolWorker | undefined;
    for (const worker of this.workers) {
      if (!idlest || load(worker) < load(idlest)) idlest = worker;
    }
    if (idlest && (load(idlest) === 0 || this.workers.length >= this.maxWorkers)) return idlest;
    return this.startWorker();
  }

  private post(worker: PoolWorker, job: Job): void {
    worker.pending.set(job.message.id, job);
    worker.thread.postMessage(job.message);
  }

  private startWorker(): PoolWorker {
    // A small young generation: V8 would grow it with every parse (to 32 MB after a
    // hundred files), and peak memory with it; parses were no slower.
    const thread = new Worker(this.script, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    const worker: PoolWorker = { thread, ready: false, pending: new Map(), waiting: [] };
    const failAll = (error: Error): void => {
      this.lost = true;
      for (const job of [...worker.pending.values(), ...worker.waiting.splice(0)]) job.reject(error);
      worker.pending.clear();
    };
    worker.thread.on('message', (reply: MigrateReply | typeof WORKER_READY) => {
      if (reply === WORKER_READY) {
        worker.ready = true;
        for (const job of worker.waiting.splice(0)) this.post(worker, job);
        return;
      }
      const job = worker.pending.get(reply.id);
      worker.pending.delete(reply.id);
      job?.resolve(reply);
    });
    worker.thread.on('error', (error) => failAll(new WorkerLostError(`a migration worker failed: ${error.message}`)));
    worker.thread.on('exit', (code) => {
      if (worker.pending.size + worker.waiting.length > 0) failAll(new WorkerLostError(`a migration worker exited (code ${code})`));
    });
    this.workers.push(worker);
    return worker;
  }
}

function load(worker: PoolWorker): number {
  return worker.pending.size + worker.waiting.length;
}
