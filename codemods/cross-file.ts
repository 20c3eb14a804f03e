/**
 * The cross-file pass of `migrate`: legacy model IDs held by exported constants.
 *
 * `export const MODEL = 'deepseek-chat'` in `src/config.ts`, sent as `model: MODEL` by
 * requests in other files, is the commonest layout of real apps. Neither file can be
 * migrated alone: the constant may only become `deepseek-v4-flash` once every request
 * that sends it carries `thinking: { type: 'disabled' }`, and those requests live in
 * files that hold no legacy ID themselves (so the first pass never parsed them).
 *
 * The first pass (codemods/runner.ts) holds back every file whose plan stopped at an
 * exported constant. When the walk is over, this pass:
 * 1. walks the same paths again and reads only files that name one of those exports
 *    (a text test), parsing them and resolving their imports with the ProjectIndex;
 * 2. plans each file that imports such a constant, to learn whether every use of it is
 *    the model of a DeepSeek request that can take the flag;
 * 3. rewrites a constant only when all its uses, in its own file and everywhere else,
 *    can; then gives each importer the flags for the constants that were rewritten, and a
 *    review item naming the constant's file and line for those that were not.
 * A constant outside the paths being migrated is never held back, so its importers are
 * not visited: it stays listed for review in its own file only if that file is walked.
 */
import { readFileSync, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import type { CurrentModelId } from '../src/deepseek';
import type { ImportedFact } from '../src/analysis/requests';
import { ProjectIndex } from '../src/analysis/project';
import type { CrossFileVerdict, ImportedModel } from '../src/migration';
import { parseProgram } from '../src/parse';
import type { Node } from '../src/analysis/ast';
import { FileWalk, MAX_SOURCE_BYTES } from './files';
import { decodeSource } from './gate';
import { type MigrationResult, migrateSource } from './transform';

/** A file of the first pass whose plan stopped at an exported legacy constant. */
export interface HeldFile {
  readonly absolutePath: string;
  readonly shownPath: string;
  readonly bytes: Uint8Array;
}

/** A file this pass migrated: a held file, or one that imports a held file's constant. */
export interface CrossFileResult {
  readonly absolutePath: string;
  readonly bytes: Uint8Array;
  /** The error when the file could not be migrated (it stays as it is). */
  readonly result: MigrationResult | Error;
  readonly held: boolean;
  /** Its place in the walk (the first pass walked the same paths in the same order). */
  readonly order: number;
}

export interface CrossFileOptions {
  readonly paths: readonly string[];
  readonly cwd: string;
  readonly ignorePatterns?: readonly string[];
  readonly targetModel?: CurrentModelId;
  readonly showPath: (absolutePath: string) => string;
}

type ModelIdFact = Extract<ImportedFact, { kind: 'model-id' }>;

/** One file in the pass: its text and what its imports are. */
interface PassFile {
  readonly absolutePath: string;
  readonly order: number;
  readonly bytes: Uint8Array;
  readonly text: string;
  readonly held: boolean;
  readonly facts: ReadonlyMap<string, ImportedFact>;
  /** Local name → an imported constant of a held file. */
  readonly constants: ReadonlyMap<string, ModelIdFact>;
}

const constantKey = (from: string, name: string) => `${from}\0${name}`;

export function migrateAcrossFiles(held: readonly HeldFile[], options: CrossFileOptions): CrossFileResult[] {
  const index = new ProjectIndex();
  const heldPaths = new Set(held.map((file) => file.absolutePath));
  /** Constant key → why it cannot be rewritten (set by uses that cannot take the flag). */
  const blocked = new Map<string, string>();
  const usesElsewhere = new Map<string, number>();

  const files = findImporters(held, heldPaths, index, options, blocked);

  // Uses of each constant in the files that import it (the held files' own uses are the planner's).
  for (const file of files) {
    if (file.constants.size === 0) continue;
    const collected = migrateFile(file, options, (fact) => ({ fact, shownFrom: options.showPath(fact.from) }), () => undefined);
    if (collected instanceof Error) {
      for (const fact of file.constants.values()) blocked.set(constantKey(fact.from, fact.name), `${options.showPath(file.absolutePath)} imports it and could not be read (${collected.message})`);
      continue;
    }
    for (const use of collected.crossFileUses ?? []) {
      const key = constantKey(use.from, use.name);
      usesElsewhere.set(key, (usesElsewhere.get(key) ?? 0) + 1);
      if (!use.migratable && !blocked.has(key)) {
        blocked.set(key, `it is also used at ${options.showPath(file.absolutePath)}:${use.line}, which cannot take the thinking flag`);
      }
    }
  }

  // A constant is rewritten only if its own file's plan takes it too; a refusal there blocks its importers.
  const refusedInItsFile = new Map<string, string>();
  const verdictFor = (byImporter: boolean) => (from: string, name: string): CrossFileVerdict => {
    const key = constantKey(from, name);
    const reason = blocked.get(key) ?? (byImporter ? refusedInItsFile.get(key) : undefined);
    return reason ? { migrate: false, reason } : { migrate: true, usesElsewhere: usesElsewhere.get(key) ?? 0 };
  };
  const forImporters = verdictFor(true);
  const forItsFile = verdictFor(false);
  let results = new Map<string, MigrationResult | Error>();
  // A held file may import another's constant: a refusal found in one round is passed on in the next.
  for (let round = 0; round < 3; round += 1) {
    results = new Map();
    const refusedBefore = refusedInItsFile.size;
    for (const file of files.filter((candidate) => candidate.held)) {
      const result = migrateFile(file, options, (fact) => importedWithVerdict(fact, options, forImporters), (name) => forItsFile(file.absolutePath, name));
      results.set(file.absolutePath, result);
      for (const constant of result instanceof Error ? [] : (result.exportedConstants ?? [])) {
        const key = constantKey(file.absolutePath, constant.name);
        if (!constant.migrated && !blocked.has(key) && !refusedInItsFile.has(key)) {
          refusedInItsFile.set(key, `its declaration at ${options.showPath(file.absolutePath)} is not migrated (${constant.reason ?? 'see that file'})`);
        }
      }
    }
    const heldImportsRefused = files.some((file) => file.held && [...file.constants.values()].some((fact) => refusedInItsFile.has(constantKey(fact.from, fact.name))));
    if (refusedInItsFile.size === refusedBefore || !heldImportsRefused) break;
  }

  return files.map((file) => ({
    absolutePath: file.absolutePath,
    order: file.order,
    bytes: file.bytes,
    held: file.held,
    result: results.get(file.absolutePath) ?? migrateFile(file, options, (fact) => importedWithVerdict(fact, options, forImporters), () => undefined),
  }));
}

function importedWithVerdict(fact: ModelIdFact, options: CrossFileOptions, verdictOf: (from: string, name: string) => CrossFileVerdict): ImportedModel {
  return { fact, shownFrom: options.showPath(fact.from), verdict: verdictOf(fact.from, fact.name) };
}

function migrateFile(
  file: PassFile,
  options: CrossFileOptions,
  imported: (fact: ModelIdFact) => ImportedModel,
  exportVerdict: (name: string) => CrossFileVerdict | undefined,
): MigrationResult | Error {
  try {
    return migrateSource(file.text, file.absolutePath, {
      targetModel: options.targetModel,
      importsOf: () => file.facts,
      crossFile: {
        exportVerdict,
        importedModels: () => new Map([...file.constants].map(([local, fact]) => [local, imported(fact)])),
      },
    });
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * The held files, and every walked file that imports one of their constants. A file is
 * read only if its text names one of the exported names (or, for a default export, the
 * module's file name); a namespace import of a held module blocks its constants.
 */
function findImporters(
  held: readonly HeldFile[],
  heldPaths: ReadonlySet<string>,
  index: ProjectIndex,
  options: CrossFileOptions,
  blocked: Map<string, string>,
): PassFile[] {
  const words = new Set<string>();
  for (const file of held) {
    for (const { exported } of index.exportedModelIds(file.absolutePath)) {
      words.add(exported === 'default' ? moduleName(file.absolutePath) : exported);
    }
  }
  const mention = words.size > 0 ? new RegExp(`(?<![\\w$])(?:${[...words].map(escapeRegExp).join('|')})(?![\\w$])`) : undefined;
  const heldByPath = new Map(held.map((file) => [file.absolutePath, file]));

  const files: PassFile[] = [];
  const walk = new FileWalk(options.paths, { cwd: options.cwd, ignorePatterns: options.ignorePatterns });
  let order = -1;
  for (let absolutePath = walk.next(); absolutePath !== undefined; absolutePath = walk.next()) {
    order += 1;
    const heldFile = heldByPath.get(absolutePath);
    const bytes = heldFile?.bytes ?? readCandidate(absolutePath, mention);
    if (!bytes) continue;
    const text = decodeSource(bytes);
    let program: Node;
    try {
      program = parseProgram(text.replace(/^\uFEFF/, ''), absolutePath) as unknown as Node;
    } catch {
      continue; // the first pass reported it if it holds a legacy ID; otherwise it imports nothing we can see
    }
    const facts = index.importedFactsFor(absolutePath, program, true);
    const constants = new Map<string, ModelIdFact>();
    for (const [local, fact] of facts) if (fact.kind === 'model-id' && heldPaths.has(fact.from)) constants.set(local, fact);
    for (const target of index.namespaceImportTargets(absolutePath, program)) {
      if (!heldPaths.has(target)) continue;
      for (const { fact } of index.exportedModelIds(target)) {
        blocked.set(constantKey(target, fact.name), `${options.showPath(absolutePath)} imports its module as a namespace: migrate it and its uses by hand`);
      }
    }
    if (heldFile || constants.size > 0) files.push({ absolutePath, order, bytes, text, held: heldFile !== undefined, facts, constants });
  }
  // A held file outside the walk (named twice, or a race with the disk) is still migrated.
  for (const file of held) {
    if (files.some((candidate) => candidate.absolutePath === file.absolutePath)) continue;
    files.push({ absolutePath: file.absolutePath, order: Number.MAX_SAFE_INTEGER, bytes: file.bytes, text: decodeSource(file.bytes), held: true, facts: new Map(), constants: new Map() });
  }
  return files;
}

/** The file's bytes when it may import a held constant: source size, valid UTF-8, names one. */
function readCandidate(absolutePath: string, mention: RegExp | undefined): Uint8Array | undefined {
  if (!mention) return undefined;
  try {
    if (statSync(absolutePath).size > MAX_SOURCE_BYTES) return undefined;
    const bytes = readFileSync(absolutePath);
    if (!mention.test(bytes.toString('latin1')) || !isUtf8(bytes)) return undefined;
    return bytes;
  } catch {
    return undefined;
  }
}

/** `src/config/index.ts` → `config`, `src/model.ts` → `model`: what a default import's specifier ends with. */
function moduleName(absolutePath: string): string {
  const parts = absolutePath.split(/[\\/]/);
  const base = parts.at(-1)!.replace(/\.[^.]+$/, '');
  return base === 'index' ? (parts.at(-2) ?? base) : base;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
