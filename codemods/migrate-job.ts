/**
 * One MigrateJob run where it lands: on a worker of the pool (codemods/migrate-worker.ts)
 * or in the main thread (codemods/runner.ts). Loaded with the first file to parse, so it
 * brings the transform (parser, analysis, planner) with it.
 */
import { decodeSource } from './gate';
import type { MigrateJob } from './pool';
import { ProjectIndex } from '../src/analysis/project';
import { type MigrationResult, migrateSource } from './transform';
import { isPythonFile } from '../src/python/parser';
import { migratePythonSource } from '../src/python/migrate';

/** What this thread has learnt of the project's modules, shared by every file it migrates. */
let project: ProjectIndex | undefined;

export function migrateJob(job: Pick<MigrateJob, 'source' | 'filePath' | 'targetModel'>): MigrationResult {
  // Python: the runner loaded the parser before handing the file over (codemods/runner.ts migrateText).
  if (isPythonFile(job.filePath)) return migratePythonSource(decodeSource(job.source), { targetModel: job.targetModel });
  project ??= new ProjectIndex();
  const index = project;
  return migrateSource(decodeSource(job.source), job.filePath, {
    targetModel: job.targetModel,
    importsOf: (program) => index.importedFactsFor(job.filePath, program),
  });
}
