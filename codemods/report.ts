/**
 * What `migrate` tells the user: the human summary and the `--json` report.
 * Every text here comes from runner outcomes, which are already one-line and
 * key-redacted; the summary is redacted once more as a last line of defence.
 */
import { redactKeysIn } from '../src/deepseek';
import type { WalkSkips } from './files';
import type { FileOutcome, RunResult } from './runner';
import type { ReviewItem } from './transform';

export type RunMode = 'write' | 'dry' | 'check';

/** Bumped when a field changes meaning or disappears; additions keep it. */
export const JSON_REPORT_VERSION = 1;

/**
 * `code` (a stable reason name) and `modelId` appear when the transform knows them.
 * `blocking`: a retired ID may still be sent from here, so `--check` fails (isBlockingReview in src/migration.ts).
 */
export interface JsonReviewItem {
  line: number;
  column: number;
  reason: string;
  code?: string;
  modelId?: string;
  blocking: boolean;
}

/** The review items of a run: how many, how many block (`--check` fails on them), in how many files. */
export interface ReviewTally {
  readonly items: number;
  readonly blocking: number;
  readonly files: number;
}

export function reviewTally(result: RunResult): ReviewTally {
  const items = result.files.flatMap((file) => file.review);
  return { items: items.length, blocking: items.filter((item) => item.blocking).length, files: result.counts.needsReview };
}

/** `--check` fails while a file would change or a review item still sends a retired ID. */
export function checkFails(result: RunResult): boolean {
  return result.counts.changed > 0 || reviewTally(result).blocking > 0;
}

export interface JsonReport {
  readonly version: typeof JSON_REPORT_VERSION;
  readonly mode: RunMode;
  readonly targetModel: string;
  readonly interrupted: boolean;
  /** `needsReview` counts files; `reviewItems` the items in them, `blockingReviewItems` those that block. */
  readonly summary: {
    scanned: number;
    changed: number;
    unchanged: number;
    needsReview: number;
    reviewItems: number;
    blockingReviewItems: number;
    failed: number;
  };
  readonly files: ReadonlyArray<{
    path: string;
    status: FileOutcome['status'];
    written: boolean;
    review: ReadonlyArray<JsonReviewItem>;
    /** Migrated bodies no request of the file sends (listed, not blocking). */
    migratedWithoutVisibleSender?: ReadonlyArray<JsonReviewItem>;
    error?: string;
    diff?: string;
  }>;
  readonly review: ReadonlyArray<{ file: string } & JsonReviewItem>;
  readonly errors: ReadonlyArray<{ file: string; message: string }>;
  /** Source files and directories an ignore rule left out (never a file git tracks, for `.gitignore`). */
  readonly skipped: WalkSkips;
}

export function jsonReport(result: RunResult, mode: RunMode, targetModel: string): JsonReport {
  const tally = reviewTally(result);
  return {
    version: JSON_REPORT_VERSION,
    mode,
    targetModel,
    interrupted: result.interrupted,
    summary: { ...result.counts, reviewItems: tally.items, blockingReviewItems: tally.blocking },
    files: result.files.map((file) => ({
      path: file.path,
      status: file.status,
      written: file.written,
      review: file.review.map(toJsonReviewItem),
      ...(file.notes ? { migratedWithoutVisibleSender: file.notes.map(toJsonReviewItem) } : {}),
      ...(file.error === undefined ? {} : { error: file.error }),
      ...(file.diff === undefined ? {} : { diff: file.diff }),
    })),
    review: result.files.flatMap((file) =>
      file.review.map((item) => ({ file: file.path, ...toJsonReviewItem(item) })),
    ),
    errors: result.files.flatMap((file) => (file.error === undefined ? [] : [{ file: file.path, message: file.error }])),
    skipped: { ...result.skipped },
  };
}

function toJsonReviewItem(item: ReviewItem): JsonReviewItem {
  return {
    line: item.line,
    column: item.column,
    reason: item.reason,
    ...(item.code === undefined ? {} : { code: item.code }),
    ...(item.modelId === undefined ? {} : { modelId: item.modelId }),
    blocking: item.blocking,
  };
}

const CHANGED_LABEL: Record<RunMode, string> = { write: 'changed', dry: 'would change', check: 'would change' };

export function humanSummary(result: RunResult, mode: RunMode): string {
  const { counts } = result;
  const lines: string[] = [];
  const reviewItems = result.files.flatMap((file) => file.review.map((item) => ({ file: file.path, ...item })));
  const failures = result.files.filter((file) => file.status === 'failed');

  if (mode !== 'write') {
    const changing = result.files.filter((file) => file.status === 'changed');
    if (changing.length > 0) {
      lines.push(mode === 'check' ? 'Files that need migrating:' : 'Files that would change:');
      for (const file of changing) lines.push(`  ${file.path}`);
    }
  }
  if (reviewItems.length > 0) {
    lines.push('Needs review (not migrated automatically):');
    for (const item of reviewItems) lines.push(`  ${item.file}:${item.line}:${item.column}  ${item.reason}`);
  }
  const notes = result.files.flatMap((file) => (file.notes ?? []).map((item) => ({ file: file.path, ...item })));
  if (notes.length > 0) {
    lines.push('Migrated, but no request in the file sends the body (check the flag reaches the API):');
    for (const item of notes) lines.push(`  ${item.file}:${item.line}:${item.column}`);
  }
  if (failures.length > 0) {
    lines.push('Failed (left untouched):');
    for (const file of failures) lines.push(`  ${file.path}  ${file.error ?? 'failed'}`);
  }
  const tally = reviewTally(result);
  if (mode === 'check' && tally.blocking > 0) {
    lines.push(`Check fails: ${tally.blocking} of the review items may still send a retired ID (comparisons and UI labels do not count).`);
  }
  const skipped = describeSkipped(result.skipped);
  if (skipped) lines.push(skipped);
  if (result.interrupted) lines.push('Interrupted: stopped after the files in progress; the remaining files were not scanned.');
  lines.push(
    `${counts.scanned} scanned, ${counts.changed} ${CHANGED_LABEL[mode]}, ${counts.unchanged} unchanged, ` +
      `${describeReview(tally)}, ${counts.failed} failed` +
      (mode === 'write' ? '' : mode === 'check' ? ' (check: nothing written)' : ' (dry run: nothing written)'),
  );
  return redactKeysIn(lines.join('\n')) + '\n';
}

/** `0 need review`, or `3 need review in 2 files (2 blocking)`: items, not files. */
function describeReview(tally: ReviewTally): string {
  if (tally.items === 0) return '0 need review';
  return `${tally.items} need review in ${tally.files} ${tally.files === 1 ? 'file' : 'files'} (${tally.blocking} blocking)`;
}

/**
 * `Not scanned: 3 source files and 1 directory ignored by .gitignore (git does not track them); 2 source files matching --ignore-pattern`,
 * or undefined when nothing was left out.
 */
function describeSkipped(skipped: WalkSkips): string | undefined {
  const parts = [
    describeLeftOut(skipped.gitignoredFiles, skipped.gitignoredDirectories, 'ignored by .gitignore (git does not track them)'),
    describeLeftOut(skipped.patternFiles, skipped.patternDirectories, 'matching --ignore-pattern'),
  ].filter((part) => part !== undefined);
  return parts.length > 0 ? `Not scanned: ${parts.join('; ')}` : undefined;
}

function describeLeftOut(files: number, directories: number, why: string): string | undefined {
  const counted = [
    ...(files > 0 ? [`${files} source ${files === 1 ? 'file' : 'files'}`] : []),
    ...(directories > 0 ? [`${directories} ${directories === 1 ? 'directory' : 'directories'}`] : []),
  ];
  return counted.length > 0 ? `${counted.join(' and ')} ${why}` : undefined;
}
