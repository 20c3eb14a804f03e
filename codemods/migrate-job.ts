/**
 * One MigrateJob run where it lands: on a worker of the pool (codemods/migrate-worker.ts)
 * or in the main thread (codemods/runner.ts). Loaded with the first file to parse, so it
 * brings the transform (parser, analysis, planner) with it.
 */
import { decodeSource } from './gate';
import type { MigrateJob } from './pool';
import { type MigrationResult, migrateSource } from './transform';

export function migrateJob(job: Pick<MigrateJob, 'source' | 'filePath' | 'targetModel'>): MigrationResult {
  return migrateSource(decodeSource(job.source), job.filePath, { targetModel: job.targetModel });
}
