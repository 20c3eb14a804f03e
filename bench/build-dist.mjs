/**
 * Compile the plugin and the CLI into .bench/dist (never touches dist/) for the benchmark.
 *
 * Emit only, file by file (`ts.transpileModule` with the project's tsconfig options):
 * byte-identical to `tsc --noCheck` output for this project (module node16, CommonJS
 * package), but about 2 s instead of 11 s, because no program is type-checked. Like the
 * tsc call it replaces, it emits even when a file mid-edit elsewhere has a type error.
 *
 * A stamp holding a hash of every input (paths and contents of the tsconfig's files,
 * the tsconfig itself, the TypeScript version) makes a second call a no-op, and any
 * change to a source file, an added or a deleted one, a rebuild: a stale build is never used.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

const BUILD_VERSION = 1;

function loadProject(projectRoot) {
  const ts = createRequire(join(projectRoot, 'package.json'))('typescript');
  const configPath = join(projectRoot, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  if (config.error) throw new Error(`tsconfig.json: ${ts.flattenDiagnosticMessageText(config.error.messageText, ' ')}`);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, projectRoot);
  const fileNames = parsed.fileNames.filter((file) => !/\.d\.[cm]?ts$/.test(file)).sort();
  return { ts, configPath, options: parsed.options, fileNames };
}

/** Hash of everything the output depends on; the sources are read once, here. */
function inputs(projectRoot, project) {
  const hash = createHash('sha256');
  hash.update(`${BUILD_VERSION}\0${project.ts.version}\0${readFileSync(project.configPath, 'utf8')}\0`);
  const sources = new Map();
  for (const file of project.fileNames) {
    const text = readFileSync(file, 'utf8');
    sources.set(file, text);
    hash.update(`${relative(projectRoot, file)}\0${text}\0`);
  }
  return { digest: hash.digest('hex'), sources };
}

/** Returns true when it (re)built, false when the existing build matches the sources. */
export function buildDist(projectRoot, outDir) {
  const project = loadProject(projectRoot);
  const { digest, sources } = inputs(projectRoot, project);
  const stampPath = join(outDir, '.build-stamp.json');
  if (existsSync(stampPath) && JSON.parse(readFileSync(stampPath, 'utf8')).digest === digest) return false;
  // Built beside, then swapped in: another bench running from outDir never sees a half-written build.
  const staging = `${outDir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  // outDir and rootDir are applied here: transpileModule only sees one file at a time.
  const options = { ...project.options, declaration: false, declarationMap: false, outDir: undefined, rootDir: undefined };
  const rootDir = project.options.rootDir ?? projectRoot;
  for (const [file, text] of sources) {
    const { outputText } = project.ts.transpileModule(text, { fileName: file, compilerOptions: options });
    const target = join(staging, relative(rootDir, file)).replace(/\.([cm]?)tsx?$/, (_, kind) => `.${kind}js`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
  }
  writeFileSync(join(staging, '.build-stamp.json'), JSON.stringify({ digest, files: sources.size }));
  rmSync(outDir, { recursive: true, force: true });
  renameSync(staging, outDir);
  return true;
}
