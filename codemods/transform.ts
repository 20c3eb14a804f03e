/**
 * The V4 migration as a jscodeshift transform.
 *
 * CONTRACT (used by codemods/runner.ts, the CLI, the rule no-legacy-model-id and tests):
 * - `migrateSource(source, filePath, options)` returns the migrated text, whether it
 *   changed, and what needs a human. It throws a SyntaxError when the file does not parse.
 * - The default export is a plain jscodeshift transform, so
 *   `npx jscodeshift -t node_modules/eslint-plugin-deepseek/dist/codemods/transform.js src/` works.
 *
 * The planning lives in src/migration.ts (shared with the rule); this file
 * parses, applies the planned edits as text (so quotes, indentation, trailing
 * commas, CRLF and a BOM survive) and turns review sites into ReviewItems.
 */
import { CURRENT_MODEL_IDS, type CurrentModelId, DEFAULT_TARGET_MODEL, LEGACY_MODEL_TEXT_PATTERN } from '../src/deepseek';
import { analyzeDeepSeek } from '../src/analysis/requests';
import { type ReviewCode, applyEdits, isTypeCheckedFile, planMigration } from '../src/migration';
import { parseProgram } from '../src/parse';
import { type Node, lineColumnAt, startOf } from '../src/analysis/ast';

export interface MigrateOptions {
  readonly targetModel?: CurrentModelId;
  readonly extraHosts?: readonly string[];
}

export interface ReviewItem {
  readonly line: number;
  /** 1-based, like ESLint's. */
  readonly column: number;
  readonly reason: string;
  /** The legacy ID found there. */
  readonly modelId?: string;
  /** A stable name for the reason (see ReviewCode in src/migration.ts). */
  readonly code?: ReviewCode;
}

export interface MigrationResult {
  readonly output: string;
  readonly changed: boolean;
  readonly review: readonly ReviewItem[];
}

const BOM = '\uFEFF';

export function migrateSource(source: string, filePath: string, options: MigrateOptions = {}): MigrationResult {
  const targetModel = options.targetModel ?? DEFAULT_TARGET_MODEL;
  if (!(CURRENT_MODEL_IDS as readonly string[]).includes(targetModel)) {
    throw new Error(`unknown target model "${targetModel}" (expected one of ${CURRENT_MODEL_IDS.join(', ')})`);
  }
  // Files that cannot hold a legacy ID are never parsed.
  if (!LEGACY_MODEL_TEXT_PATTERN.test(source)) return { output: source, changed: false, review: [] };

  // ESLint strips the BOM before parsing too, so offsets mean the same in both consumers.
  const bom = source.startsWith(BOM) ? BOM : '';
  const text = source.slice(bom.length);
  const program = parseProgram(text, filePath) as unknown as Node;
  const analysis = analyzeDeepSeek(program, text, { extraHosts: options.extraHosts });
  const sites = planMigration(program, text, analysis, { targetModel, typeChecked: isTypeCheckedFile(filePath, text) });

  const output = applyEdits(text, sites.flatMap((site) => site.edits ?? []));
  const review: ReviewItem[] = sites.flatMap((site) => {
    if (!site.review) return [];
    const first = site.literals[0];
    const { line, column } = lineColumnAt(text, startOf(first.node));
    return [
      {
        line,
        column: column + 1,
        reason: site.review.reason,
        modelId: first.id,
        code: site.review.code,
      },
    ];
  });
  return { output: bom + output, changed: output !== text, review };
}

/**
 * What jscodeshift hands a transform, as far as this one reads it. Declared here rather
 * than imported: jscodeshift is the user's tool, not a dependency of this package.
 */
export interface FileInfo {
  readonly path: string;
  readonly source: string;
}
export type Options = Readonly<Record<string, unknown>>;

/** jscodeshift options: `--targetModel=…` (or `--target-model=…`), `--extraHosts=a.example,b.example`. */
export default function transform(file: FileInfo, _api: unknown, options: Options): string | undefined {
  const targetModel = (options.targetModel ?? options['target-model']) as CurrentModelId | undefined;
  const hosts = options.extraHosts ?? options['extra-hosts'];
  const extraHosts = typeof hosts === 'string' ? hosts.split(',').filter(Boolean) : Array.isArray(hosts) ? (hosts as string[]) : [];
  const result = migrateSource(file.source, file.path, { targetModel, extraHosts });
  return result.changed ? result.output : undefined;
}
