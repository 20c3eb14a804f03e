/**
 * The machine-readable outputs the README documents (`migrate --json`,
 * `lint --format json`): the README examples must have the shape of what the
 * installed CLI really prints (same keys at every level, same value types).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { CLEAN_TS, KEY_TS, LEGACY_JS, PLANTED_KEY } from './fixtures';
import { readmeSnippet, run, writeTree } from './helpers';

type Shape = string | Shape[] | { [key: string]: Shape };

/** The type skeleton of a JSON value; array elements are merged into one element shape. */
function shapeOf(value: unknown): Shape {
  if (Array.isArray(value)) return value.length === 0 ? [] : [value.map(shapeOf).reduce(mergeShapes)];
  if (value === null) return 'null';
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([key, inner]) => [key, shapeOf(inner)]));
  }
  return typeof value;
}

function mergeShapes(a: Shape, b: Shape): Shape {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === 0 ? b : b.length === 0 ? a : [mergeShapes(a[0], b[0])];
  if (typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return Object.fromEntries(keys.map((key) => [key, key in a && key in b ? mergeShapes(a[key], b[key]) : (a[key] ?? b[key])]));
  }
  return a === b ? a : `${a}|${b}`;
}

describe('README examples of the CLI JSON outputs match the real output', () => {
  let project: string;
  beforeAll(() => {
    project = inject('project10');
  });

  it('`migrate --check --print --json .`: one file to change, one needing review, one that does not parse', () => {
    const dir = join(project, 'cases', 'json', 'migrate');
    writeTree(dir, {
      'src/ask.js': LEGACY_JS,
      'src/pick.js': "export const isOld = (model) => model === 'deepseek-reasoner';\n",
      'src/broken.js': "const model = 'deepseek-chat'\nfunction (\n",
    });
    const result = run('npx', ['eslint-plugin-deepseek', 'migrate', '--check', '--print', '--json', '.'], { cwd: dir });
    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as { summary: Record<string, number>; files: { path: string; status: string }[] };
    expect(report.summary).toEqual({ scanned: 3, changed: 1, unchanged: 1, needsReview: 1, reviewItems: 1, blockingReviewItems: 0, failed: 1 });
    expect(report.files.map((file) => `${file.path} ${file.status}`).sort()).toEqual([
      'src/ask.js changed',
      'src/broken.js failed',
      'src/pick.js unchanged',
    ]);
    expect(shapeOf(JSON.parse(readmeSnippet('migrate-json')))).toEqual(shapeOf(report));
  });

  it('`lint --format json .`: one entry per file, no `source`, no key', () => {
    const dir = join(project, 'cases', 'json', 'lint');
    writeTree(dir, { 'src/client.ts': KEY_TS, 'src/clean.ts': CLEAN_TS });
    const result = run('npx', ['eslint-plugin-deepseek', 'lint', '--format', 'json', '.'], { cwd: dir });
    expect(result.code, result.stderr).toBe(1);
    expect(result.output).not.toContain(PLANTED_KEY);
    const results = JSON.parse(result.stdout) as { filePath: string; source?: string }[];
    expect(results.map((entry) => entry.filePath.slice(dir.length + 1)).sort()).toEqual(['src/clean.ts', 'src/client.ts']);
    expect(results.every((entry) => !('source' in entry))).toBe(true);
    expect(shapeOf(JSON.parse(readmeSnippet('lint-json')))).toEqual(shapeOf(results));
  });
});
