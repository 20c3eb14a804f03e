/**
 * File discovery for `migrate` and `lint`: our own walker, not jscodeshift's,
 * because we need nested `.gitignore` files, symlink-loop safety and a stream
 * of paths (one directory listing in memory at a time, no file contents).
 */
import { type Dirent, existsSync, promises as fs, readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
// `ignore` loads with the first `.gitignore` or `--ignore-pattern` (~2 ms): see newIgnore().
import type { Ignore } from 'ignore';
import { trackedButIgnored } from './git';

/** Extensions the migration and the lint command look at (Python: src/python/, its parser loaded only when a .py file needs it). */
export const SOURCE_EXTENSIONS = ['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts', '.py'] as const;

/** Directory names never walked into: dependencies, VCS metadata and build output. */
export const SKIPPED_DIRECTORY_NAMES: ReadonlySet<string> = new Set([
  'node_modules',
  'bower_components',
  '.git',
  '.hg',
  '.svn',
  'dist',
  'build',
  'out',
  '.next',
  '.nuxt',
  '.output',
  '.svelte-kit',
  '.turbo',
  '.vercel',
  '.cache',
  '.parcel-cache',
  '.yarn',
  'coverage',
]);

export interface DiscoveryOptions {
  /** Where relative paths and `--ignore-pattern`s are resolved from. */
  readonly cwd: string;
  /** Extra gitignore-style patterns, relative to `cwd`. */
  readonly ignorePatterns?: readonly string[];
  /** Kept up to date as the walk goes, for an estimate of what is left. */
  readonly progress?: WalkProgress;
  /**
   * Which files inside directories are taken, by name (file arguments always are).
   * Default: hasSourceExtension, the JS/TS files `migrate` rewrites; `lint` takes every file.
   */
  readonly includeFile?: (name: string) => boolean;
}

/**
 * How much of a walk is left, estimated as it goes: a directory not entered yet
 * is taken to hold as many files as the directories already walked at its depth
 * did on average, and counts for nothing while none of its depth is done (so the
 * estimate starts low and grows). The migration starts a worker thread only when
 * the rest of the walk is long enough to hide the worker's start-up.
 */
export class WalkProgress {
  private readonly waitingAtDepth: number[] = [];
  private readonly doneAtDepth: number[] = [];
  private readonly filesUnderDoneAtDepth: number[] = [];
  filesFound = 0;

  estimatedFilesLeft(): number {
    let left = 0;
    for (let depth = 0; depth < this.waitingAtDepth.length; depth++) {
      const done = this.doneAtDepth[depth] ?? 0;
      if (done > 0) left += (this.waitingAtDepth[depth] * (this.filesUnderDoneAtDepth[depth] ?? 0)) / done;
    }
    return left;
  }

  /** @internal the walker's bookkeeping */
  found(directoriesToEnter: number, depth: number): void {
    this.waitingAtDepth[depth] = (this.waitingAtDepth[depth] ?? 0) + directoriesToEnter;
  }

  /** @internal */
  reached(depth: number): void {
    this.waitingAtDepth[depth] -= 1;
  }

  /** @internal */
  walked(depth: number, files: number): void {
    this.doneAtDepth[depth] = (this.doneAtDepth[depth] ?? 0) + 1;
    this.filesUnderDoneAtDepth[depth] = (this.filesUnderDoneAtDepth[depth] ?? 0) + files;
  }
}

/** A path given on the command line that does not exist or is neither a file nor a directory (the CLI turns this into exit 2). */
export class MissingPathError extends Error {
  constructor(
    readonly missingPath: string,
    reason = 'no such file or directory',
  ) {
    super(`${reason}: ${missingPath}`);
    this.name = 'MissingPathError';
  }
}

/** Throws MissingPathError for the first argument that does not exist or is a pipe, socket or device. */
export async function assertPathsExist(paths: readonly string[], cwd: string): Promise<void> {
  for (const given of paths) {
    let stats;
    try {
      stats = await fs.stat(path.resolve(cwd, given));
    } catch {
      throw new MissingPathError(given);
    }
    // A named pipe or a device would block the read forever.
    if (!stats.isFile() && !stats.isDirectory()) throw new MissingPathError(given, NOT_FILE_OR_DIRECTORY);
  }
}

const NOT_FILE_OR_DIRECTORY = 'not a regular file or directory';

/**
 * Bigger files are minified or generated code, not sources to edit or lint:
 * a 10 MB bundle takes ESLint about 4 GB and minutes, babel 1.7 GB (and a
 * larger one exhausts the heap). Same default as Biome's `files.maxSize`.
 */
export const MAX_SOURCE_BYTES = 1024 * 1024;

/** `10.0 MiB`, for messages about MAX_SOURCE_BYTES. */
export function formatMiB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** The one-line reason a file over MAX_SOURCE_BYTES is not processed. */
export function tooLargeReason(bytes: number): string {
  return `skipped: ${formatMiB(bytes)} is over the ${formatMiB(MAX_SOURCE_BYTES)} limit for a source file (minified or generated code?)`;
}

/** SOURCE_EXTENSIONS as one test (asked of every directory entry). */
// As path.extname: the name needs a character before the extension (`.ts` alone is a dotfile).
const SOURCE_EXTENSION_PATTERN = new RegExp(`[^/\\\\](?:${SOURCE_EXTENSIONS.map((extension) => extension.replace('.', '\\.')).join('|')})$`, 'i');

export function hasSourceExtension(filePath: string): boolean {
  return SOURCE_EXTENSION_PATTERN.test(filePath);
}

/** The rules of one `.gitignore` (or of `--ignore-pattern`), relative to the directory they belong to. */
interface IgnoreLevel {
  readonly base: string;
  readonly rules: Ignore;
}

/** What the walk left out because an ignore rule matched: source files and directories, by where the rule came from. */
export interface WalkSkips {
  /** By `.gitignore` rules; never a file git tracks. */
  gitignoredFiles: number;
  gitignoredDirectories: number;
  /** By `--ignore-pattern`. */
  patternFiles: number;
  patternDirectories: number;
}

/**
 * Files git tracks under the directory arguments although a `.gitignore` rule matches
 * them (committed before the rule, or added with `git add -f`). Git does not treat a
 * tracked file as ignored, so neither does the walk: it walks what git tracks plus what
 * git would not ignore. Git is asked (`ls-files --cached --ignored --exclude-standard`,
 * which reads the index, not the tree) once, the first time a `.gitignore` rule matches;
 * outside a work tree, or without git, the set is empty and the rules alone decide.
 */
class TrackedDespiteIgnore {
  private files: Set<string> | undefined;
  /** The directories holding them, up to the directory argument. */
  private directories: Set<string> | undefined;

  constructor(private readonly directoryArguments: readonly string[]) {}

  holdsFile(file: string): boolean {
    return this.load().files.has(file);
  }

  holdsDirectory(directory: string): boolean {
    return this.load().directories.has(directory);
  }

  private load(): { files: Set<string>; directories: Set<string> } {
    if (this.files && this.directories) return { files: this.files, directories: this.directories };
    const files = new Set<string>();
    const directories = new Set<string>();
    for (const root of this.directoryArguments) {
      const prefix = withTrailingSeparator(root);
      for (const relative of trackedButIgnored(root)) {
        const file = path.join(root, relative);
        files.add(file);
        for (let directory = path.dirname(file); directory.startsWith(prefix) && !directories.has(directory); directory = path.dirname(directory)) {
          directories.add(directory);
        }
      }
    }
    this.files = files;
    this.directories = directories;
    return { files, directories };
  }
}

/** What decides whether an entry is left out, beyond the `.gitignore` levels of its listing; shared by the whole walk. */
interface WalkRules {
  /** `--ignore-pattern`s, relative to the working directory. */
  readonly patternLevel: IgnoreLevel | undefined;
  readonly tracked: TrackedDespiteIgnore;
  readonly skipped: WalkSkips;
  readonly includeFile: (name: string) => boolean;
}

/**
 * Every source file under `paths`, as absolute paths, in a stable order.
 * File arguments are always yielded, once (not again inside a directory
 * argument); inside directories, skipped directory names, `.gitignore`d paths,
 * `--ignore-pattern`s and files `includeFile` refuses (by default: other extensions) are left out. No directory is
 * entered twice (see WalkedTrees). Throws MissingPathError (on the first
 * `next()`) for a path that is not there.
 */
export function* discoverFiles(paths: readonly string[], options: DiscoveryOptions): Generator<string> {
  const walk = new FileWalk(paths, options);
  for (let file = walk.next(); file !== undefined; file = walk.next()) yield file;
}

/**
 * discoverFiles as a plain iterator, for the migration's hot loop: a method call per file
 * costs V8 less to optimize than resuming a generator (the walk's generators took 60 ms
 * and more of compiling on a background thread, time taken from the worker thread that
 * migrates files during the walk on a 2-core machine).
 *
 * The walk is synchronous (one directory listing per level open at a time, paths handed
 * out as they are found): callers take files one by one anyway, and sync calls skip a
 * thread-pool round trip per directory.
 */
export class FileWalk {
  private readonly roots: ReadonlyArray<{ readonly absolute: string; readonly real: string | undefined; readonly isFile: boolean }>;
  private nextRoot = 0;
  /** Real paths of the file arguments handed out so far (`migrate a.ts ./a.ts` takes it once). */
  private readonly fileArgumentsDone = new Set<string>();
  /** The listings being walked, the innermost last. */
  private readonly stack: Listing[] = [];
  private readonly rules: WalkRules;
  private readonly trees: WalkedTrees;
  private readonly progress: WalkProgress;

  /** Throws MissingPathError for the first path that does not exist or is a pipe, socket or device. */
  constructor(paths: readonly string[], options: DiscoveryOptions) {
    const cwd = path.resolve(options.cwd);
    const patternLevel =
      options.ignorePatterns && options.ignorePatterns.length > 0
        ? { base: cwd, rules: newIgnore().add([...options.ignorePatterns]) }
        : undefined;
    this.progress = options.progress ?? new WalkProgress();
    this.roots = paths.map((given) => {
      const absolute = path.resolve(cwd, given);
      const stats = statOrUndefined(absolute);
      if (!stats) throw new MissingPathError(given);
      if (!stats.isFile() && !stats.isDirectory()) throw new MissingPathError(given, NOT_FILE_OR_DIRECTORY);
      return { absolute, real: realpathOrUndefined(absolute), isFile: stats.isFile() };
    });
    const directoryArguments = this.roots.flatMap((root) => (root.isFile ? [] : [root.absolute]));
    this.rules = {
      patternLevel,
      tracked: new TrackedDespiteIgnore(directoryArguments),
      skipped: this.skipped,
      includeFile: options.includeFile ?? hasSourceExtension,
    };
    this.trees = {
      roots: new Set(this.roots.flatMap((root) => (root.isFile ? [] : (root.real ?? [])))),
      entered: new Set(),
      fileArguments: new Set(this.roots.flatMap((root) => (root.isFile ? [root.real ?? root.absolute] : []))),
      linkedFiles: new Set(),
    };
  }

  /** What ignore rules left out so far (the whole walk's, once next() returned undefined). */
  readonly skipped: WalkSkips = { gitignoredFiles: 0, gitignoredDirectories: 0, patternFiles: 0, patternDirectories: 0 };

  /** The next source file, or undefined when the walk is done. */
  next(): string | undefined {
    for (;;) {
      const file = nextFile(this.stack, this.rules, this.trees, this.progress);
      if (file !== undefined) return file;
      if (this.nextRoot === this.roots.length) return undefined;
      const root = this.roots[this.nextRoot++];
      if (root.isFile) {
        const identity = root.real ?? root.absolute;
        if (this.fileArgumentsDone.has(identity)) continue;
        this.fileArgumentsDone.add(identity);
        return root.absolute;
      }
      if (root.real === undefined) continue;
      const listing = openListing(root.absolute, root.real, ancestorGitignores(root.absolute), this.rules, this.trees, this.progress, 0, false, false);
      if (listing) this.stack.push(listing);
    }
  }
}

/**
 * What the walk keeps to enter no directory twice and hand out no file twice, whatever
 * the number of files. A plain subdirectory can only be met again where a walk starts: at
 * a directory argument or at a symlink's target. So only those are remembered, and a
 * symlink into the trees of the arguments is not followed: its target is walked where it
 * is (or left out there on purpose, by a skipped name or an ignore rule). A symlink out of
 * them is followed once, and loops end because a followed target counts as a walked tree.
 * Files likewise: a plain file can only be met again as a file argument or through a
 * symlink, so the walk skips the file arguments (handed out in their place among the
 * arguments) and file symlinks into the trees, and takes one out of them once.
 */
interface WalkedTrees {
  /** Real paths of the directory arguments. */
  readonly roots: ReadonlySet<string>;
  /** Real paths of directories entered as an argument or through a symlink. */
  readonly entered: Set<string>;
  /** Real paths of the file arguments. */
  readonly fileArguments: ReadonlySet<string>;
  /** Real paths of the files handed out through a symlink out of the trees. */
  readonly linkedFiles: Set<string>;
}

function isInWalkedTree(realPath: string, trees: WalkedTrees): boolean {
  for (const tree of [...trees.roots, ...trees.entered]) {
    if (realPath === tree || realPath.startsWith(withTrailingSeparator(tree))) return true;
  }
  return false;
}

/** A file handed out as a file argument (in its place among the arguments) or through a symlink already. */
function isTakenElsewhere(realFile: string, trees: WalkedTrees): boolean {
  return trees.fileArguments.has(realFile) || trees.linkedFiles.has(realFile);
}

/**
 * One directory being walked: its sorted entries and how far the walk has got in them.
 * Loop detection keys on where a directory really is. A plain subdirectory's real path
 * is its parent's plus its name, so only symlinks cost a `realpath` call (a syscall per
 * directory was a visible share of a dry run).
 */
interface Listing {
  readonly entries: readonly Dirent[];
  /** The next entry to look at. */
  next: number;
  /** Where the directory really is, with a trailing separator: a plain subdirectory's real path is this plus its name. */
  readonly realPrefix: string;
  readonly levels: readonly IgnoreLevel[];
  /** With no ignore rules in force (the common case), entries need no path matching at all. */
  readonly filtering: boolean;
  /**
   * A `.gitignore`d directory entered only for the files git tracks in it: nothing else in
   * it is walked (git ignores all of it, as no rule can re-include a path under an ignored directory).
   */
  readonly onlyTracked: boolean;
  /** `directory` with a trailing separator: a name holds none, so no path.join per entry. */
  readonly childPrefix: string;
  readonly depth: number;
  readonly filesBefore: number;
}

/**
 * The next source file under the listings of `stack` (the innermost last), depth first
 * and in name order, or undefined when they are all walked. Plain functions, not one
 * recursive generator: that was V8's costliest function to optimize (60 ms of compiling,
 * and 45 ms more after a deoptimization).
 */
function nextFile(stack: Listing[], rules: WalkRules, trees: WalkedTrees, progress: WalkProgress): string | undefined {
  while (stack.length > 0) {
    const listing = stack[stack.length - 1];
    const step = nextInListing(listing, rules, trees, progress);
    if (typeof step === 'string') return step;
    if (step) {
      stack.push(step);
    } else {
      progress.walked(listing.depth, progress.filesFound - listing.filesBefore);
      stack.pop();
    }
  }
  return undefined;
}

/** List a directory to walk, or undefined when it was walked already (or is being walked: a loop) or cannot be read. */
function openListing(
  directory: string,
  realDirectory: string,
  inheritedLevels: readonly IgnoreLevel[],
  rules: WalkRules,
  trees: WalkedTrees,
  progress: WalkProgress,
  depth: number,
  throughSymlink: boolean,
  onlyTracked: boolean,
): Listing | undefined {
  if (trees.entered.has(realDirectory)) return undefined;
  if (throughSymlink || trees.roots.has(realDirectory)) trees.entered.add(realDirectory);

  let entries;
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch {
    return undefined; // unreadable directory: nothing we may touch in it
  }
  entries.sort(byName);
  // Plain subdirectories, for the estimate (symlinks and ignored ones count too: it is an estimate).
  let subdirectories = 0;
  for (const entry of entries) if (entry.isDirectory() && !SKIPPED_DIRECTORY_NAMES.has(entry.name)) subdirectories += 1;
  progress.found(subdirectories, depth + 1);

  // Read `.gitignore` only where the listing shows one (a failed read per directory costs an exception).
  const ownRules = entries.some(isGitignore) ? readGitignore(directory) : undefined;
  const levels = ownRules ? [...inheritedLevels, { base: directory, rules: ownRules }] : inheritedLevels;
  return {
    entries,
    next: 0,
    realPrefix: withTrailingSeparator(realDirectory),
    levels,
    filtering: levels.length > 0 || rules.patternLevel !== undefined || onlyTracked,
    onlyTracked,
    childPrefix: withTrailingSeparator(directory),
    depth,
    filesBefore: progress.filesFound,
  };
}

/**
 * Absolute, normalized paths (a name holds no separator): a child is prefix + name, with
 * no path.join per entry (its normalizeString loop was hot enough for V8 to optimize).
 */
export function withTrailingSeparator(directory: string): string {
  return directory.endsWith(path.sep) ? directory : directory + path.sep;
}

function byName(a: Dirent, b: Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function isGitignore(entry: Dirent): boolean {
  return entry.name === '.gitignore';
}

/**
 * Move on in a listing to the next source file (its path) or subdirectory to walk
 * (its listing); undefined when the listing is done.
 */
function nextInListing(listing: Listing, rules: WalkRules, trees: WalkedTrees, progress: WalkProgress): string | Listing | undefined {
  const { entries, childPrefix, filtering, levels, depth } = listing;
  while (listing.next < entries.length) {
    const entry = entries[listing.next++];
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    const isLink = entry.isSymbolicLink();
    const entryPath = childPrefix + entry.name;
    if (isLink) {
      const target = statOrUndefined(entryPath);
      if (!target) continue; // dangling link
      isDirectory = target.isDirectory();
      isFile = target.isFile();
    }
    if (isDirectory) {
      if (SKIPPED_DIRECTORY_NAMES.has(entry.name)) continue;
      if (!isLink) progress.reached(depth + 1);
      const verdict = filtering ? walkVerdict(listing, entryPath, true, rules) : WALK;
      if (verdict === undefined) continue;
      const onlyTracked = verdict === WALK_TRACKED_ONLY;
      let child: Listing | undefined;
      if (isLink) {
        const realTarget = realpathOrUndefined(entryPath);
        if (realTarget === undefined || isInWalkedTree(realTarget, trees)) continue;
        child = openListing(entryPath, realTarget, levels, rules, trees, progress, depth + 1, true, onlyTracked);
      } else {
        child = openListing(entryPath, listing.realPrefix + entry.name, levels, rules, trees, progress, depth + 1, false, onlyTracked);
      }
      if (child) return child;
    } else if (isFile && rules.includeFile(entry.name) && (!filtering || walkVerdict(listing, entryPath, false, rules) !== undefined)) {
      if (isLink) {
        const realTarget = realpathOrUndefined(entryPath);
        if (realTarget === undefined || isInWalkedTree(realTarget, trees) || isTakenElsewhere(realTarget, trees)) continue;
        trees.linkedFiles.add(realTarget);
      } else if (trees.fileArguments.size + trees.linkedFiles.size > 0 && isTakenElsewhere(listing.realPrefix + entry.name, trees)) {
        continue;
      }
      progress.filesFound += 1;
      return entryPath;
    }
  }
  return undefined;
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function realpathOrUndefined(file: string): string | undefined {
  try {
    return realpathSync.native(file);
  } catch {
    return undefined;
  }
}

const WALK = 'walk';
/** A `.gitignore`d directory that holds files git tracks: walk those only. */
const WALK_TRACKED_ONLY = 'tracked only';

/**
 * Whether an entry of a listing with ignore rules is walked, or undefined (counted in
 * `rules.skipped`) when it is left out. `--ignore-pattern`s leave out anything they match,
 * tracked or not: the user asked. `.gitignore` rules leave out what git does not track.
 */
function walkVerdict(listing: Listing, entryPath: string, isDirectory: boolean, rules: WalkRules): typeof WALK | typeof WALK_TRACKED_ONLY | undefined {
  const { skipped, tracked } = rules;
  if (matchesIgnorePattern(entryPath, isDirectory, rules.patternLevel)) {
    if (isDirectory) skipped.patternDirectories += 1;
    else skipped.patternFiles += 1;
    return undefined;
  }
  if (!listing.onlyTracked && !isGitignored(entryPath, isDirectory, listing.levels)) return WALK;
  if (isDirectory ? tracked.holdsDirectory(entryPath) : tracked.holdsFile(entryPath)) return isDirectory ? WALK_TRACKED_ONLY : WALK;
  if (isDirectory) skipped.gitignoredDirectories += 1;
  else skipped.gitignoredFiles += 1;
  return undefined;
}

/** Git semantics: deeper `.gitignore` files override shallower ones (`!pattern` re-includes). */
function isGitignored(entryPath: string, isDirectory: boolean, levels: readonly IgnoreLevel[]): boolean {
  let ignored = false;
  for (const level of levels) {
    const verdict = level.rules.test(relativeForIgnore(level.base, entryPath, isDirectory));
    if (verdict.ignored) ignored = true;
    else if (verdict.unignored) ignored = false;
  }
  return ignored;
}

function matchesIgnorePattern(entryPath: string, isDirectory: boolean, patternLevel: IgnoreLevel | undefined): boolean {
  if (!patternLevel) return false;
  const relative = path.relative(patternLevel.base, entryPath);
  // `--ignore-pattern`s are relative to the working directory; paths outside it cannot match them.
  if (relative.startsWith('..') || path.isAbsolute(relative)) return false;
  return patternLevel.rules.ignores(relativeForIgnore(patternLevel.base, entryPath, isDirectory));
}

function relativeForIgnore(base: string, entryPath: string, isDirectory: boolean): string {
  const relative = path.relative(base, entryPath).split(path.sep).join('/');
  return isDirectory ? `${relative}/` : relative;
}

function readGitignore(directory: string): Ignore | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(directory, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  return newIgnore().add(text);
}

function newIgnore(): Ignore {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('ignore') as typeof import('ignore'))();
}

/**
 * `.gitignore` files above a starting directory, up to the repository root
 * (the nearest directory holding `.git`). Outside a repository, none: we do
 * not guess which parent's rules apply.
 */
function ancestorGitignores(start: string): IgnoreLevel[] {
  const ancestors: string[] = [];
  for (let dir = path.dirname(start); ; dir = path.dirname(dir)) {
    if (dir === start) break;
    ancestors.push(dir);
    if (existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) break;
  }
  if (existsSync(path.join(start, '.git'))) return [];
  const root = ancestors.at(-1);
  if (root === undefined || !existsSync(path.join(root, '.git'))) return [];
  const levels: IgnoreLevel[] = [];
  for (const dir of ancestors.reverse()) {
    const rules = readGitignore(dir);
    if (rules) levels.push({ base: dir, rules });
  }
  return levels;
}
