/**
 * The project-wide knowledge of the migration: what each module exports, as far as
 * "does this talk to DeepSeek" goes, and how imports resolve.
 *
 * Real apps make the client in one module and send the request in another
 * (`import { deepseek } from '@/lib/deepseekClient'`). The per-file analysis
 * (src/analysis/requests.ts) cannot see that, so the codemod asks this index, for
 * each file it migrates, what the file's imports are; the answer goes into the
 * analysis as `imported` facts, and the per-file planner stays free of the file
 * system. Rules never load this module: ESLint shows a rule one file at a time.
 *
 * - Imports resolve as the project resolves them, with oxc-resolver: relative
 *   paths, extensions, `index` files, `package.json` exports, tsconfig `paths` and
 *   `baseUrl` (the tsconfig nearest to the importing file). What resolves into
 *   `node_modules` is a package, not project code, and is not read.
 * - A module is parsed once, on first need, and only facts are kept (no trees), so
 *   10,000 files importing one module cost one parse of it.
 * - Cycles, files that do not parse and specifiers that resolve nowhere give no
 *   facts: the importing file is migrated as if the import were opaque.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { BASE_URL_PROPERTY_NAMES, SDK_PACKAGES, surfaceOfUrl } from '../deepseek';
import { parseProgram } from '../parse';
import { type Node, findPropertyOf, lineColumnAt, literalText, memberPath, propertyKeyName, startOf, unwrap, walk } from './ast';
import { isDeepSeekProviderCall, legacyLiteralOf } from './model-sites';
import { type DeepSeekAnalysis, type ImportedFact, analyzeDeepSeek, mayTalkToDeepSeek } from './requests';

/** What one module offers its importers: named exports (`default` included) and re-exports. */
interface ModuleFacts {
  readonly named: Map<string, ImportedFact>;
  /** `export { a as b } from './m'`: exported name → where it comes from. */
  readonly reexports: Map<string, { readonly from: string; readonly imported: string }>;
  /** `export * from './m'`. */
  readonly stars: string[];
}

/** An import of a file: local name → module specifier and the name imported from it. */
interface ImportRecord {
  readonly local: string;
  readonly specifier: string;
  readonly imported: string;
}

const SOURCE_FILE = /\.(?:[cm]?[jt]sx?)$/i;
const MAX_MODULE_BYTES = 1024 * 1024;
const MAX_DEPTH = 12;

type Resolver = { resolveFileSync(file: string, request: string): { path?: string; error?: string } };

export interface ProjectIndexOptions {
  readonly extraHosts?: readonly string[];
}

export class ProjectIndex {
  private resolverInstance: Resolver | null | undefined;
  /** Facts by absolute path; `undefined` while a module is being read (an import cycle). */
  private readonly modules = new Map<string, ModuleFacts | undefined>();
  private readonly problems: string[] = [];

  constructor(private readonly options: ProjectIndexOptions = {}) {}

  /**
   * Local name → fact, for the imports of a file the codemod is migrating. By default only
   * names the file could send a request through are looked up (worth a module read);
   * `allNames` looks up every import, for the model-ID constants of the cross-file pass.
   */
  importedFactsFor(filePath: string, program: Node, allNames = false): Map<string, ImportedFact> {
    const imports = importsOf(program);
    if (imports.length === 0) return new Map();
    const wanted = allNames ? undefined : namesUsedAsClients(program);
    return this.factsOfImports(path.resolve(filePath), wanted ? imports.filter((record) => wanted.has(record.local)) : imports, 0);
  }

  /** The absolute paths that the namespace imports of a file (`import * as config from './config'`) resolve to. */
  namespaceImportTargets(filePath: string, program: Node): string[] {
    const absolute = path.resolve(filePath);
    return importsOf(program)
      .filter((record) => record.imported === '*')
      .flatMap((record) => this.resolve(absolute, record.specifier) ?? []);
  }

  /** The legacy model-ID constants a module exports, under the names its importers use. */
  exportedModelIds(modulePath: string): Array<{ readonly exported: string; readonly fact: Extract<ImportedFact, { kind: 'model-id' }> }> {
    const facts = this.moduleFacts(path.resolve(modulePath), 0);
    if (!facts) return [];
    return [...facts.named].flatMap(([exported, fact]) => (fact.kind === 'model-id' && fact.from === path.resolve(modulePath) ? [{ exported, fact }] : []));
  }

  /** One line per module that could not be read (for the run's report). */
  get warnings(): readonly string[] {
    return this.problems;
  }

  private factsOfImports(filePath: string, imports: readonly ImportRecord[], depth: number): Map<string, ImportedFact> {
    const facts = new Map<string, ImportedFact>();
    for (const record of imports) {
      if (record.imported === '*') continue; // a namespace is not one fact
      const fact = this.factOfImport(filePath, record, depth);
      if (fact) facts.set(record.local, fact);
    }
    return facts;
  }

  private factOfImport(filePath: string, record: ImportRecord, depth: number): ImportedFact | undefined {
    // `export { deepseek } from '@ai-sdk/deepseek'` re-exported: the package's own provider.
    if (record.specifier === SDK_PACKAGES.aiSdkDeepSeek && record.imported === 'deepseek') {
      return { kind: 'client', client: 'ai-sdk', surface: 'openai', confirmed: true, from: record.specifier };
    }
    const target = this.resolve(filePath, record.specifier);
    return target ? this.exportFact(target, record.imported, depth + 1) : undefined;
  }

  private resolve(fromFile: string, specifier: string): string | undefined {
    if (specifier.startsWith('node:')) return undefined;
    const resolver = this.resolver();
    if (!resolver) return undefined;
    let resolved: string | undefined;
    try {
      resolved = resolver.resolveFileSync(fromFile, specifier).path;
    } catch {
      return undefined; // a tsconfig that does not parse, an alias to nowhere: the import stays opaque
    }
    if (!resolved || !SOURCE_FILE.test(resolved)) return undefined;
    // A package installed under node_modules is not project code (a symlinked workspace package
    // resolves to its real path, outside node_modules, and is read).
    if (path.relative(path.dirname(fromFile), resolved).split(path.sep).includes('node_modules')) return undefined;
    return resolved;
  }

  private resolver(): Resolver | undefined {
    if (this.resolverInstance === undefined) {
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { ResolverFactory } = require('oxc-resolver') as typeof import('oxc-resolver');
        this.resolverInstance = new ResolverFactory({
          tsconfig: 'auto',
          extensions: ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.json'],
          // TypeScript's `import './x.js'` names the `.ts` file.
          extensionAlias: { '.js': ['.ts', '.tsx', '.js', '.jsx'], '.mjs': ['.mts', '.mjs'], '.cjs': ['.cts', '.cjs'] },
          conditionNames: ['import', 'require', 'node', 'default'],
          mainFields: ['module', 'main'],
        });
      } catch (error) {
        this.problems.push(`imports are not followed across files: oxc-resolver did not load (${(error as Error).message.split('\n')[0]})`);
        this.resolverInstance = null;
      }
    }
    return this.resolverInstance ?? undefined;
  }

  private exportFact(modulePath: string, name: string, depth: number): ImportedFact | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const facts = this.moduleFacts(modulePath, depth);
    if (!facts) return undefined;
    const own = facts.named.get(name);
    if (own) return own;
    const reexport = facts.reexports.get(name);
    if (reexport) return this.factOfImport(modulePath, { local: name, specifier: reexport.from, imported: reexport.imported }, depth);
    if (name === 'default') return undefined;
    for (const star of facts.stars) {
      const target = this.resolve(modulePath, star);
      const found = target && this.exportFact(target, name, depth + 1);
      if (found) return found;
    }
    return undefined;
  }

  private moduleFacts(modulePath: string, depth: number): ModuleFacts | undefined {
    if (this.modules.has(modulePath)) return this.modules.get(modulePath);
    this.modules.set(modulePath, undefined); // a cycle back here finds nothing
    const facts = this.readModule(modulePath, depth);
    this.modules.set(modulePath, facts);
    return facts;
  }

  private readModule(modulePath: string, depth: number): ModuleFacts | undefined {
    let source: string;
    try {
      if (statSync(modulePath).size > MAX_MODULE_BYTES) return undefined;
      source = readFileSync(modulePath, 'utf8');
    } catch {
      return undefined;
    }
    if (!mayPassOnFacts(source, this.options.extraHosts)) return undefined;
    let program: Node;
    try {
      program = parseProgram(source.replace(/^\uFEFF/, ''), modulePath) as unknown as Node;
    } catch (error) {
      this.problems.push(`${modulePath}: not read for its exports (${(error as Error).message.split('\n')[0]})`);
      return undefined;
    }
    const imports = importsOf(program);
    const imported = this.factsOfImports(modulePath, imports, depth);
    const analysis = analyzeDeepSeek(program, source, { extraHosts: this.options.extraHosts, imported });
    return exportsOf(program, source, analysis, imported, imports, modulePath);
  }
}

// ---------------------------------------------------------------------------
// Reading one module's imports and exports
// ---------------------------------------------------------------------------

/**
 * The cheap text test before a module is parsed: it can only export a DeepSeek fact if it
 * mentions DeepSeek itself, or passes on what it imports (`export … from`, `export { x }`,
 * `export default x`, `module.exports`).
 */
function mayPassOnFacts(source: string, extraHosts: readonly string[] = []): boolean {
  return mayTalkToDeepSeek(source, extraHosts) || REEXPORT_HINT.test(source);
}

const REEXPORT_HINT = /\bexport\s*(?:\*|\{)|\bexport\s+default\s+[A-Za-z_$][\w$]*\s*;?\s*$|\bmodule\.exports\b|\bexports\.[A-Za-z_$]/m;

/**
 * Names a request could go through: the root of a call's callee (`deepseek.chat.completions.create(…)`,
 * `deepseek('…')`) and the options of a construction (`new OpenAI(DEEPSEEK_CONFIG)`).
 */
function namesUsedAsClients(program: Node): Set<string> {
  const names = new Set<string>();
  walk(program, (node) => {
    if (node.type === 'CallExpression') {
      const root = memberPath(node.callee)?.[0];
      if (root !== undefined) names.add(root);
    }
    if (node.type === 'NewExpression' || node.type === 'CallExpression') {
      const first = unwrap(node.arguments[0]);
      if (first?.type === 'Identifier') names.add(first.name);
    }
  });
  return names;
}

/** `import a, { b as c } from 'm'`, `const d = require('m')`, `const { e } = require('m')` at the top level. */
export function importsOf(program: Node): ImportRecord[] {
  const records: ImportRecord[] = [];
  if (program.type !== 'Program') return records;
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration') {
      if ((statement as { importKind?: string }).importKind === 'type') continue;
      const specifier = String(statement.source.value);
      for (const item of statement.specifiers) {
        const imported =
          item.type === 'ImportNamespaceSpecifier' ? '*' : item.type === 'ImportDefaultSpecifier' ? 'default' : item.imported.type === 'Identifier' ? item.imported.name : String(item.imported.value);
        records.push({ local: item.local.name, specifier, imported });
      }
    } else if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) {
        const call = unwrap(declarator.init);
        if (call?.type !== 'CallExpression' || call.callee.type !== 'Identifier' || call.callee.name !== 'require') continue;
        const specifier = literalText(call.arguments[0]);
        if (specifier === undefined) continue;
        if (declarator.id.type === 'Identifier') records.push({ local: declarator.id.name, specifier, imported: 'default' });
        else if (declarator.id.type === 'ObjectPattern') {
          for (const property of declarator.id.properties) {
            const key = property.type === 'Property' ? propertyKeyName(property) : undefined;
            if (property.type === 'Property' && key !== undefined && property.value.type === 'Identifier') {
              records.push({ local: property.value.name, specifier, imported: key });
            }
          }
        }
      }
    }
  }
  return records;
}

function exportsOf(
  program: Node,
  source: string,
  analysis: DeepSeekAnalysis,
  imported: Map<string, ImportedFact>,
  imports: readonly ImportRecord[],
  modulePath: string,
): ModuleFacts {
  const facts: ModuleFacts = { named: new Map(), reexports: new Map(), stars: [] };
  if (program.type !== 'Program') return facts;
  const from = modulePath;
  const localFact = (name: string): ImportedFact | undefined =>
    imported.get(name) ?? ownFact(analysis, name, from) ?? modelIdFact(program, source, analysis, name, from);
  const set = (exported: string, fact: ImportedFact | undefined) => {
    if (fact) facts.named.set(exported, fact);
  };
  const importOf = (local: string) => imports.find((record) => record.local === local);

  for (const statement of program.body) {
    switch (statement.type) {
      case 'ExportNamedDeclaration': {
        const source = statement.source ? String(statement.source.value) : undefined;
        if (statement.declaration?.type === 'VariableDeclaration') {
          for (const declarator of statement.declaration.declarations) {
            if (declarator.id.type === 'Identifier') set(declarator.id.name, localFact(declarator.id.name));
          }
        }
        for (const specifier of statement.specifiers) {
          if (specifier.type !== 'ExportSpecifier') continue;
          const local = specifier.local.type === 'Identifier' ? specifier.local.name : String(specifier.local.value);
          const exported = specifier.exported.type === 'Identifier' ? specifier.exported.name : String(specifier.exported.value);
          if (source !== undefined) facts.reexports.set(exported, { from: source, imported: local });
          else {
            // `import { x } from './y'; export { x }`: a re-export through an import.
            const record = importOf(local);
            if (record && !imported.has(local)) facts.reexports.set(exported, { from: record.specifier, imported: record.imported });
            else set(exported, localFact(local));
          }
        }
        break;
      }
      case 'ExportAllDeclaration':
        if (!statement.exported) facts.stars.push(String(statement.source.value));
        break;
      case 'ExportDefaultDeclaration': {
        const declaration = unwrap(statement.declaration as Node);
        if (declaration?.type === 'Identifier') {
          const record = importOf(declaration.name);
          if (record && !imported.has(declaration.name)) facts.reexports.set('default', { from: record.specifier, imported: record.imported });
          else set('default', localFact(declaration.name));
        } else if (declaration) set('default', valueFact(analysis, declaration, from));
        break;
      }
      case 'ExpressionStatement':
        collectCommonJsExport(statement.expression, analysis, localFact, set, from);
        break;
      default:
        break;
    }
  }
  return facts;
}

/** `module.exports = client`, `module.exports = { client }`, `exports.client = client`. */
function collectCommonJsExport(
  expression: Node,
  analysis: DeepSeekAnalysis,
  localFact: (name: string) => ImportedFact | undefined,
  set: (exported: string, fact: ImportedFact | undefined) => void,
  from: string,
): void {
  if (expression.type !== 'AssignmentExpression' || expression.operator !== '=') return;
  const target = memberPath(expression.left)?.join('.');
  const value = unwrap(expression.right);
  if (!value) return;
  const factOf = (node: Node) => (node.type === 'Identifier' ? localFact(node.name) : valueFact(analysis, node, from));
  if (target === 'module.exports') {
    if (value.type === 'ObjectExpression') {
      for (const property of value.properties) {
        const key = property.type === 'Property' ? propertyKeyName(property) : undefined;
        if (property.type === 'Property' && key !== undefined) set(key, factOf(unwrap(property.value as Node) ?? (property.value as Node)));
      }
    } else {
      set('default', factOf(value));
    }
  } else if (target?.startsWith('module.exports.') || target?.startsWith('exports.')) {
    const name = target.split('.').at(-1);
    if (name) set(name, factOf(value));
  }
}

/** `const NAME = 'deepseek-chat'` at the top level of the module (exported there or further down). */
function modelIdFact(program: Node, source: string, analysis: DeepSeekAnalysis, name: string, from: string): ImportedFact | undefined {
  if (program.type !== 'Program') return undefined;
  for (const statement of program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (declaration?.type !== 'VariableDeclaration' || declaration.kind !== 'const') continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type !== 'Identifier' || declarator.id.name !== name || !declarator.init) continue;
      const init = unwrap(declarator.init) ?? declarator.init;
      // `deepseek('deepseek-chat')`: the model of an @ai-sdk/deepseek provider.
      const factory = analysis.modelFactories.find((candidate) => candidate.call === init);
      const aiSdkModel = factory !== undefined && isDeepSeekProviderCall(analysis, factory.call);
      const modelNode = aiSdkModel ? unwrap(factory.modelArg) : init;
      const literal = modelNode && legacyLiteralOf(modelNode);
      if (!literal) return undefined;
      const line = lineColumnAt(source, startOf(literal.node)).line;
      return aiSdkModel ? { kind: 'model-id', id: literal.id, name, from, line, aiSdkModel } : { kind: 'model-id', id: literal.id, name, from, line };
    }
  }
  return undefined;
}

/** What a module-level name of this module is: a client it makes, or client options at DeepSeek. */
function ownFact(analysis: DeepSeekAnalysis, name: string, from: string): ImportedFact | undefined {
  const client = analysis.clients.find((candidate) => candidate.binding === name);
  if (client) return clientFact(client, from);
  const init = analysis.declarationOf(name);
  return init ? valueFact(analysis, init, from) : undefined;
}

function valueFact(analysis: DeepSeekAnalysis, node: Node, from: string): ImportedFact | undefined {
  const value = unwrap(node);
  if (!value) return undefined;
  if (value.type === 'NewExpression' || value.type === 'CallExpression') {
    const client = analysis.clients.find((candidate) => candidate.node === value);
    return client ? clientFact(client, from) : undefined;
  }
  if (value.type === 'ObjectExpression') {
    const configuration = findPropertyOf(value, ['configuration'])?.value;
    const holder = unwrap(configuration as Node | undefined)?.type === 'ObjectExpression' ? (unwrap(configuration as Node) as typeof value) : value;
    const baseUrl = findPropertyOf(value, [...BASE_URL_PROPERTY_NAMES])?.value ?? findPropertyOf(holder, [...BASE_URL_PROPERTY_NAMES])?.value;
    if (!baseUrl || !analysis.isDeepSeekUrlExpression(baseUrl)) return undefined;
    const text = analysis.staticText(baseUrl);
    return { kind: 'client-options', surface: text ? surfaceOfUrl(text.text) : 'openai', confirmed: text !== undefined, from };
  }
  return undefined;
}

function clientFact(client: DeepSeekAnalysis['clients'][number], from: string): ImportedFact | undefined {
  const callee = memberPath(client.node.callee);
  // Only `@ai-sdk/deepseek` providers send providerOptions.deepseek: others stay for review.
  if (client.kind === 'ai-sdk' && callee?.at(-1) !== 'createDeepSeek') return undefined;
  return { kind: 'client', client: client.kind, surface: client.surface, confirmed: client.confirmed, axios: callee?.[0] === 'axios', from };
}
