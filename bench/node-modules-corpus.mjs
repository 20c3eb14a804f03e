/**
 * Corpus (b): real code by real authors, taken from the project's own node_modules.
 *
 * Selection (deterministic for a given lockfile):
 * - .js .mjs .cjs .jsx .ts .tsx .mts .cts files; declaration files (.d.ts/.d.mts/.d.cts)
 *   are skipped: they hold types only, nobody lints them, and they would dominate the TS half;
 * - files above MAX_BYTES and `*.min.js` are skipped: minified bundles are not code anyone
 *   lints or migrates, and a handful of them would dominate every timing;
 * - files that ESLint's parsers (espree for JS, typescript-eslint for TS) cannot parse are
 *   skipped, so every tool does real work on every file;
 * - then every k-th file of the sorted list, so the sample spans all packages.
 *
 * Files are copied under <dir>/{esm,cjs,ts}/ (by how they parse), with `node_modules`
 * path segments renamed to `nm` (and `dist`, `build`, … to `dist_`, `build_`, …): ESLint and
 * the codemod skip those directories by design.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createRequire } from 'node:module';

const SELECTION_VERSION = 3;
export const MAX_BYTES = 128 * 1024;
const SOURCE = /\.(?:[cm]?js|jsx|[cm]?ts|tsx)$/;
const DECLARATION = /\.d\.[cm]?ts$/;
const TYPESCRIPT = /\.(?:[cm]?ts|tsx)$/;

function listSources(root) {
  const found = [];
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile() && SOURCE.test(entry.name) && !DECLARATION.test(entry.name) && !entry.name.endsWith('.min.js')) found.push(path);
    }
  };
  visit(root);
  return found.sort();
}

/** 'esm' | 'cjs' | 'ts' when ESLint's parser for it accepts the file, else undefined. */
function parseClass(path, text, parsers) {
  if (TYPESCRIPT.test(path)) {
    try {
      parsers.typescript.parse(text, { jsx: path.endsWith('.tsx'), loc: true, range: true, comment: true, tokens: true });
      return 'ts';
    } catch {
      return undefined;
    }
  }
  const order = path.endsWith('.cjs') ? ['commonjs'] : path.endsWith('.mjs') ? ['module'] : ['module', 'commonjs'];
  for (const sourceType of order) {
    try {
      parsers.espree.parse(text, { ecmaVersion: 'latest', sourceType, ecmaFeatures: { jsx: true } });
      return sourceType === 'module' ? 'esm' : 'cjs';
    } catch {
      // try the next source type
    }
  }
  return undefined;
}

/** `node_modules` → `nm`, `dist` → `dist_`: tools skip those names by design, the copy must not be skipped. */
function renamed(part, skippedDirectoryNames) {
  if (part === 'node_modules') return 'nm';
  return skippedDirectoryNames.has(part) || part.startsWith('.') ? `${part}_` : part;
}

/**
 * Build (or reuse) a sample of `wanted` files under `dir`. Returns a summary with
 * what was skipped and why.
 */
export function buildNodeModulesCorpus(projectRoot, dir, wanted, skippedDirectoryNames = new Set()) {
  const stampPath = `${dir}.corpus.json`;
  const lock = statSync(join(projectRoot, 'package-lock.json')).mtimeMs;
  if (existsSync(stampPath)) {
    const previous = JSON.parse(readFileSync(stampPath, 'utf8'));
    if (previous.SELECTION_VERSION === SELECTION_VERSION && previous.wanted === wanted && previous.lock === lock) return previous;
  }
  const require = createRequire(join(projectRoot, 'package.json'));
  const parsers = { espree: require('espree'), typescript: require('@typescript-eslint/typescript-estree') };
  const nodeModules = join(projectRoot, 'node_modules');
  const candidates = listSources(nodeModules);
  let tooBig = 0;
  const sized = candidates.filter((path) => {
    const ok = statSync(path).size <= MAX_BYTES;
    if (!ok) tooBig++;
    return ok;
  });
  rmSync(dir, { recursive: true, force: true });
  const step = Math.max(1, sized.length / wanted);
  let unparsable = 0;
  const kinds = { esm: 0, cjs: 0, ts: 0 };
  let copied = 0;
  // Walk the sorted list at a fractional step; an unparsable file is replaced by its next neighbour.
  for (let slot = 0; slot < wanted && Math.floor(slot * step) < sized.length; slot++) {
    const end = Math.min(sized.length, Math.floor((slot + 1) * step));
    for (let index = Math.floor(slot * step); index < Math.max(end, Math.floor(slot * step) + 1); index++) {
      const path = sized[index];
      const kind = parseClass(path, readFileSync(path, 'utf8'), parsers);
      if (!kind) {
        unparsable++;
        continue;
      }
      const target = join(dir, kind, relative(nodeModules, path).split(/[\\/]/).map((part) => renamed(part, skippedDirectoryNames)).join('/'));
      mkdirSync(dirname(target), { recursive: true });
      cpSync(path, target);
      kinds[kind]++;
      copied++;
      break;
    }
  }
  const summary = {
    SELECTION_VERSION,
    wanted,
    lock,
    files: copied,
    kinds,
    candidates: candidates.length,
    skippedDeclarationFiles: 'all .d.ts/.d.mts/.d.cts',
    skippedAboveBytes: { maxBytes: MAX_BYTES, count: tooBig },
    skippedUnparsableWhileSampling: unparsable,
  };
  writeFileSync(stampPath, JSON.stringify(summary));
  return summary;
}
