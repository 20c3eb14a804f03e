/**
 * One line of `doctor` output: which check, how it went, why, and what to do.
 * Every check module returns these; only src/doctor/report.ts turns them into text.
 */

/** `warn` is worth reading but does not fail the run; `skip` was not checked (and says why). */
export type Outcome = 'ok' | 'warn' | 'fail' | 'skip';

export interface Verdict {
  /** Short name of what was checked: `key`, `GET /models`, `model deepseek-chat`, … */
  readonly check: string;
  readonly outcome: Outcome;
  /** What was found, in a sentence; never holds the key beyond its redacted form. */
  readonly cause: string;
  /** What to do about it, when there is something to do. */
  readonly fix?: string;
  /** The HTTP status the check got, when it got one. */
  readonly status?: number;
}

export function verdict(check: string, outcome: Outcome, cause: string, fix?: string, status?: number): Verdict {
  return { check, outcome, cause, ...(fix === undefined ? {} : { fix }), ...(status === undefined ? {} : { status }) };
}
