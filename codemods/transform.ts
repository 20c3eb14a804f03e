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
import { type ImportedFact, analyzeDeepSeek } from '../src/analysis/requests';
import { ProjectIndex } from '../src/analysis/project';
import { type CrossFileVerdict, type ImportedModel, type MigrationSite, type NoteCode, type ReviewCode, applyEdits, isBlockingReview, planMigration, planTypeLiterals, typeCheckingOf } from '../src/migration';
import { parseProgram, parseTypeLiterals } from '../src/parse';
import { type Node, lineColumnAt, startOf } from '../src/analysis/ast';

export interface MigrateOptions {
  readonly targetModel?: CurrentModelId;
  readonly extraHosts?: readonly string[];
  /**
   * What the file's imports are (src/analysis/project.ts): given, a client, provider or
   * client options made in another module count as DeepSeek's here.
   */
  readonly importsOf?: (program: Node) => ReadonlyMap<string, ImportedFact>;
  /** The cross-file pass of `migrate` (codemods/cross-file.ts); the jscodeshift transform has none. */
  readonly crossFile?: {
    readonly exportVerdict?: (name: string) => CrossFileVerdict | undefined;
    readonly importedModels?: (program: Node) => ReadonlyMap<string, ImportedModel>;
  };
}

/** One use of a constant imported from another module, and whether it can take the flag. */
export interface CrossFileUse {
  /** Absolute path of the module that declares the constant, and its name there. */
  readonly from: string;
  readonly name: string;
  readonly line: number;
  readonly migratable: boolean;
  readonly reason?: string;
}

export interface ReviewItem {
  readonly line: number;
  /** 1-based, like ESLint's. */
  readonly column: number;
  readonly reason: string;
  /** The legacy ID found there. */
  readonly modelId?: string;
  /** A stable name for the reason (see ReviewCode and NoteCode in src/migration.ts). */
  readonly code?: ReviewCode | NoteCode;
  /** A retired ID may still be sent from here: `migrate --check` fails on it (isBlockingReview). */
  readonly blocking: boolean;
  /** True for a site that was migrated but is listed so a reader can check it. */
  readonly migrated?: boolean;
}

export interface MigrationResult {
  readonly output: string;
  readonly changed: boolean;
  readonly review: readonly ReviewItem[];
  /** Sites that were migrated but are listed for a reader (a body with no visible sender). */
  readonly notes: readonly ReviewItem[];
  /** With `crossFile`: each use of an imported legacy constant. */
  readonly crossFileUses?: readonly CrossFileUse[];
  /** With `crossFile`: the exported legacy constants of this file, and whether each was rewritten. */
  readonly exportedConstants?: ReadonlyArray<{ readonly name: string; readonly migrated: boolean; readonly reason?: string }>;
}

const BOM = '\uFEFF';

export function migrateSource(source: string, filePath: string, options: MigrateOptions = {}): MigrationResult {
  const targetModel = options.targetModel ?? DEFAULT_TARGET_MODEL;
  if (!(CURRENT_MODEL_IDS as readonly string[]).includes(targetModel)) {
    throw new Error(`unknown target model "${targetModel}" (expected one of ${CURRENT_MODEL_IDS.join(', ')})`);
  }
  // Files that cannot hold a legacy ID are never parsed.
  if (!LEGACY_MODEL_TEXT_PATTERN.test(source) && !options.crossFile?.importedModels) return { output: source, changed: false, review: [], notes: [] };

  // ESLint strips the BOM before parsing too, so offsets mean the same in both consumers.
  const bom = source.startsWith(BOM) ? BOM : '';
  const text = source.slice(bom.length);
  const program = parseProgram(text, filePath) as unknown as Node;
  const analysis = analyzeDeepSeek(program, text, { extraHosts: options.extraHosts, imported: options.importsOf?.(program) });
  const typeChecked = typeCheckingOf(filePath, text);
  const valueSites = planMigration(program, text, analysis, {
    targetModel,
    typeChecked,
    exportVerdict: options.crossFile?.exportVerdict,
    importedModels: options.crossFile?.importedModels?.(program),
  });
  const sites = typeChecked === 'typescript' ? [...valueSites, ...typeSites(text, filePath, valueSites, targetModel)] : valueSites;

  const output = applyEdits(text, sites.flatMap((site) => site.edits ?? []));
  const itemOf = (site: MigrationSite, listed: { code: ReviewCode | NoteCode; reason: string }): ReviewItem => {
    const first = site.literals[0];
    const { line, column } = lineColumnAt(text, startOf(first.node));
    const blocking = site.review ? isBlockingReview(site.review.code) : false;
    return { line, column: column + 1, reason: listed.reason, modelId: first.id, code: listed.code, blocking };
  };
  const review = sites.flatMap((site) => (site.review ? [itemOf(site, site.review)] : []));
  const notes = sites.flatMap((site) => (site.note && !site.review ? [{ ...itemOf(site, site.note), migrated: true }] : []));
  const crossFileUses = sites.flatMap((site): CrossFileUse[] =>
    site.crossFile
      ? [{ ...site.crossFile, line: lineColumnAt(text, startOf(site.literals[0].node)).line, migratable: !site.review, reason: site.review?.reason }]
      : [],
  );
  const exportedConstants = sites.flatMap((site) => (site.exported ? [{ name: site.exported, migrated: !site.review, reason: site.review?.reason }] : []));
  return { output: bom + output, changed: output !== text, review, notes, ...(options.crossFile ? { crossFileUses, exportedConstants } : {}) };
}

const QUOTED_LEGACY_ID = /(['"`])deepseek-(?:chat|reasoner)\1/g;

/** Literal types naming a legacy ID, in a TypeScript file that holds more of them than values. */
function typeSites(text: string, filePath: string, valueSites: readonly MigrationSite[], targetModel: CurrentModelId): MigrationSite[] {
  const quoted = text.match(QUOTED_LEGACY_ID)?.length ?? 0;
  const values = valueSites.reduce((count, site) => count + site.literals.length, 0);
  if (quoted <= values) return [];
  const { literals, parentOf } = parseTypeLiterals(text, filePath);
  return planTypeLiterals(literals as unknown as Node[], text, parentOf as unknown as (node: Node) => Node | undefined, {
    targetModel,
    valuesMigrated: valueSites.some((site) => site.edits !== undefined && site.edits.length > 0),
  });
}

let jscodeshiftProject: ProjectIndex | undefined;

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
  // One index per jscodeshift worker process: every file of its batch shares what it learnt.
  jscodeshiftProject ??= new ProjectIndex({ extraHosts });
  const project = jscodeshiftProject;
  const result = migrateSource(file.source, file.path, { targetModel, extraHosts, importsOf: (program) => project.importedFactsFor(file.path, program) });
  return result.changed ? result.output : undefined;
}
