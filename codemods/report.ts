/**
 * What `migrate` tells the user: the human summary and the `--json` report.
 * Every text here comes from runner outcomes, which are already one-line and
 * key-redacted; the summary is redacted once more as a last line of defence.
 */
import { redactKeysIn } from '../src/deepseek';
import type { FileOutcome, RunResult } from './runner';
import type { ReviewItem } from './transform';

export type RunMode = 'write' | 'dry' | 'check';

/** Bumped when a field changes meaning or disappears; additions keep it. */
export const JSON_REPORT_VERSION = 1;

/** `code` (a stable reason name) and `modelId` appear when the transform knows them. */
export interface JsonReviewItem {
  line: number;
  column: number;
  reason: string;
  code?: string;
  modelId?: string;
}

export interface JsonReport {
  readonly version: typeof JSON_REPORT_VERSION;
  readonly mode: RunMode;
  readonly targetModel: string;
  readonly interrupted: boolean;
  readonly summary: { scanned: number; changed: number; unchanged: number; needsReview: number; failed: number };
  readonly files: ReadonlyArray<{
    path: string;
    status: FileOutcome['status'];
    written: boolean;
    review: ReadonlyArray<JsonReviewItem>;
    error?: string;
    diff?: string;
  }>;
  readonly review: ReadonlyArray<{ file: string } & JsonReviewItem>;
  readonly errors: ReadonlyArray<{ file: string; message: string }>;
}

export function jsonReport(result: RunResult, mode: RunMode, targetModel: string): JsonReport {
  return {
    version: JSON_REPORT_VERSION,
    mode,
    targetModel,
    interrupted: result.interrupted,
    summary: { ...result.counts },
    files: result.files.map((file) => ({
      path: file.path,
      status: file.status,
      written: file.written,
      review: file.review.map(toJsonReviewItem),
      ...(file.error === undefined ? {} : { error: file.error }),
      ...(file.diff === undefined ? {} : { diff: file.diff }),
    })),
    review: result.files.flatMap((file) =>
      file.review.map((item) => ({ file: file.path, ...toJsonReviewItem(item) })),
    ),
    errors: result.files.flatMap((file) => (file.error === undefined ? [] : [{ file: file.path, message: file.error }])),
  };
}

function toJsonReviewItem(item: ReviewItem): JsonReviewItem {
  return {
    line: item.line,
    column: item.column,
    reason: item.reason,
    ...(item.code === undefined ? {} : { code: item.code }),
    ...(item.modelId === undefined ? {} : { modelId: item.modelId }),
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
  if (failures.length > 0) {
    lines.push('Failed (left untouched):');
    for (const file of failures) lines.push(`  ${file.path}  ${file.error ?? 'failed'}`);
  }
  if (result.interrupted) lines.push('Interrupted: stopped after the files in progress; the remaining files were not scanned.');
  lines.push(
    `${counts.scanned} scanned, ${counts.changed} ${CHANGED_LABEL[mode]}, ${counts.unchanged} unchanged, ` +
      `${counts.needsReview} need review, ${counts.failed} failed` +
      (mode === 'write' ? '' : mode === 'check' ? ' (check: nothing written)' : ' (dry run: nothing written)'),
  );
  return redactKeysIn(lines.join('\n')) + '\n';
}
