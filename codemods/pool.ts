/**
 * Worker threads that parse and migrate while the main thread walks the tree.
 *
 * A run is mostly reading files and settling them with a text search (main
 * thread); the few files that hold a legacy ID each cost a parse and the
 * analysis (~5 ms, more while cold). Handing those to a worker lets both go on
 * at once when the machine has a core to spare.
 *
 * - Workers start on the first file that needs one (a tree with nothing to
 *   migrate never starts any), at most `availableParallelism() - 1` of them
 *   (MAX_WORKERS at most), a new one only when every running one is busy.
 * - No pool on a single core, or when the compiled worker script is missing
 *   (the TypeScript sources under vitest): the runner then migrates in-thread.
 * - Workers never touch the file system: the main thread reads, diffs and writes.
 * - A worker that dies fails its jobs with WorkerLostError; the runner then
 *   migrates those files in-thread, and the pool takes no more jobs.
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

export class WorkerLostError extends Error {}

const MAX_WORKERS = 4;
const DEFAULT_SCRIPT = path.join(__dirname, 'migrate-worker.js');

interface PoolWorker {
  readonly thread: Worker;
  readonly pending: Map<number, { resolve(reply: MigrateReply): void; reject(error: Error): void }>;
}

export class MigrationPool {
  private readonly workers: PoolWorker[] = [];
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
    const worker = this.pickWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      worker.pending.set(id, { resolve, reject });
      worker.thread.postMessage({ id, source, filePath, targetModel } satisfies MigrateJob);
    });
  }

  async close(): Promise<void> {
    const threads = this.workers.splice(0).map((worker) => worker.thread);
    await Promise.all(threads.map((thread) => thread.terminate()));
  }

  /** The least busy worker; a new one when all are busy and the pool may grow. */
  private pickWorker(): PoolWorker {
    let idlest: PoolWorker | undefined;
    for (const worker of this.workers) {
      if (!idlest || worker.pending.size < idlest.pending.size) idlest = worker;
    }
    if (idlest && (idlest.pending.size === 0 || this.workers.length >= this.maxWorkers)) return idlest;
    return this.startWorker();
  }

  private startWorker(): PoolWorker {
    const worker: PoolWorker = { thread: new Worker(this.script), pending: new Map() };
    const failAll = (error: Error): void => {
      this.lost = true;
      for (const { reject } of worker.pending.values()) reject(error);
      worker.pending.clear();
    };
    worker.thread.on('message', (reply: MigrateReply) => {
      const job = worker.pending.get(reply.id);
      worker.pending.delete(reply.id);
      job?.resolve(reply);
    });
    worker.thread.on('error', (error) => failAll(new WorkerLostError(`a migration worker failed: ${error.message}`)));
    worker.thread.on('exit', (code) => {
      if (worker.pending.size > 0) failAll(new WorkerLostError(`a migration worker exited (code ${code})`));
    });
    this.workers.push(worker);
    return worker;
  }
}
