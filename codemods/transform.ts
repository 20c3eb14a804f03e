/**
 * The V4 migration as a jscodeshift transform.
 *
 * CONTRACT (used by codemods/runner.ts, the CLI, the rule no-legacy-model-id and tests):
 * - `migrateSource(source, filePath, options)` returns the migrated text, whether it
 *   changed, and what needs a human. It throws a SyntaxError when the file does not parse.
 * - The default export is a plain jscodeshift transform, so
 *   `npx jscodeshift -t node_modules/eslint-plugin-deepseek/dist/codemods/transform.js src/` works.
 *
 * SKELETON: the planner that fills in the edits lands with the codemod issue.
 */
import type { API, FileInfo, Options } from 'jscodeshift';
import { type CurrentModelId, DEFAULT_TARGET_MODEL, LEGACY_MODEL_TEXT_PATTERN } from '../src/deepseek';

export interface MigrateOptions {
  readonly targetModel?: CurrentModelId;
  readonly extraHosts?: readonly string[];
}

export interface ReviewItem {
  readonly line: number;
  readonly column: number;
  readonly reason: string;
}

export interface MigrationResult {
  readonly output: string;
  readonly changed: boolean;
  readonly review: readonly ReviewItem[];
}

export function migrateSource(source: string, filePath: string, options: MigrateOptions = {}): MigrationResult {
  void filePath;
  void (options.targetModel ?? DEFAULT_TARGET_MODEL);
  // Files that cannot hold a legacy ID are never parsed.
  if (!LEGACY_MODEL_TEXT_PATTERN.test(source)) return { output: source, changed: false, review: [] };
  return { output: source, changed: false, review: [] };
}

export default function transform(file: FileInfo, _api: API, options: Options): string | undefined {
  const result = migrateSource(file.source, file.path, { targetModel: options.targetModel as CurrentModelId | undefined });
  return result.changed ? result.output : undefined;
}
