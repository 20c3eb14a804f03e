/**
 * Which model IDs the project sends to DeepSeek, for `doctor` to hold against `/models`.
 *
 * No scanner of its own: the files are those `migrate` walks (codemods/files.ts), a file
 * is parsed only when the shared text test says it may talk to DeepSeek, and the IDs
 * are the request sites of the shared analysis (src/analysis/model-sites.ts), plus every
 * retired ID the analysis met in such a file, which is what `migrate` rewrites.
 */
import { readFileSync, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { FileWalk, MAX_SOURCE_BYTES } from '../../codemods/files';
import { displayPath } from '../../codemods/runner';
import { type Surface } from '../deepseek';
import { type Node, lineColumnAt, startOf } from '../analysis/ast';
import { modelSitesOf } from '../analysis/model-sites';
import { ProjectIndex } from '../analysis/project';
import { analyzeDeepSeek, mayTalkToDeepSeek } from '../analysis/requests';
import { parseProgram } from '../parse';

export interface ModelUse {
  readonly id: string;
  /** Relative to the working directory, `/`-separated. */
  readonly path: string;
  readonly line: number;
  readonly surface: Surface;
  /** The request certainly goes to DeepSeek (not a destination guessed from names, nor a bare literal). */
  readonly confirmed: boolean;
}

export interface ProjectModels {
  readonly uses: readonly ModelUse[];
  readonly scannedFiles: number;
  /** Files that may talk to DeepSeek but could not be read or parsed. */
  readonly unreadableFiles: number;
}

const BOM = '\uFEFF';

export function modelIdsUsedIn(paths: readonly string[], cwd: string): ProjectModels {
  const uses: ModelUse[] = [];
  const project = new ProjectIndex();
  const walk = new FileWalk(paths, { cwd });
  let scannedFiles = 0;
  let unreadableFiles = 0;
  for (let file = walk.next(); file !== undefined; file = walk.next()) {
    scannedFiles += 1;
    const text = readSource(file);
    if (text === undefined || !mayTalkToDeepSeek(text)) {
      continue;
    }
    try {
      uses.push(...usesInFile(text, file, displayPath(file, cwd), project));
    } catch {
      // A file that does not parse: `migrate` and `lint` report it; here it only counts.
      unreadableFiles += 1;
    }
  }
  return { uses, scannedFiles, unreadableFiles };
}

/** The text of a source file, or undefined for one too large, binary or not UTF-8 (migrate skips those too). */
function readSource(file: string): string | undefined {
  try {
    if (statSync(file).size > MAX_SOURCE_BYTES) return undefined;
    const bytes = readFileSync(file);
    if (bytes.includes(0) || !isUtf8(bytes)) return undefined;
    const text = bytes.toString('utf8');
    return text.startsWith(BOM) ? text.slice(BOM.length) : text;
  } catch {
    return undefined;
  }
}

function usesInFile(text: string, file: string, shownPath: string, project: ProjectIndex): ModelUse[] {
  const program = parseProgram(text, file) as unknown as Node;
  const analysis = analyzeDeepSeek(program, text, { imported: project.importedFactsFor(file, program) });
  const lineOf = (node: Node): number => lineColumnAt(text, startOf(node)).line;
  const uses: ModelUse[] = [];
  const atSites = new Set<Node>();
  for (const site of modelSitesOf(analysis)) {
    if (site.literal) atSites.add(site.literal);
    if (site.id === undefined) continue;
    uses.push({ id: site.id, path: shownPath, line: lineOf(site.node), surface: site.surface, confirmed: site.confirmed });
  }
  // A retired ID outside a request site (a constant, a config object) is still what `migrate` rewrites.
  for (const literal of analysis.legacyLiterals) {
    if (atSites.has(literal.node)) continue;
    uses.push({ id: literal.id, path: shownPath, line: lineOf(literal.node), surface: 'openai', confirmed: false });
  }
  return uses.sort((a, b) => a.line - b.line);
}
