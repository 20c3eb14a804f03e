/**
 * The runner in process, where a test can step between its read and its write.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { humanSummary } from '../../codemods/report';
import { runMigration } from '../../codemods/runner';
import * as transform from '../../codemods/transform';
import { CLIENT_INPUT, clientOutput } from './fixtures';
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
      'Interrupted: stopped after the current file; the remaining files were not scanned.\n' +
        '2 scanned, 2 changed, 0 unchanged, 0 need review, 0 failed\n',
    );
    expect(vi.mocked(transform.migrateSource)).toHaveBeenCalledTimes(2);
    expect(vi.mocked(transform.migrateSource).mock.calls[0][1]).toBe(path.join(root, 'a.mjs'));
  });
});
