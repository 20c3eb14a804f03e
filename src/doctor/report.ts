/**
 * What `doctor` prints: one line per verdict, or one JSON document (`--json`).
 * The CLI passes both through redactKeysIn as well; nothing here holds the key.
 */
import type { DoctorReport } from './run';
import type { Outcome, Verdict } from './verdict';

/** Bumped when a field changes meaning or disappears; additions keep it. */
export const DOCTOR_JSON_VERSION = 1;

const MARKS: Readonly<Record<Outcome, string>> = { ok: 'ok  ', warn: 'warn', fail: 'FAIL', skip: 'skip' };

export function verdictLine(entry: Verdict): string {
  const fix = entry.fix ? `. Fix: ${entry.fix}` : '';
  return `${MARKS[entry.outcome]}  ${entry.check}: ${entry.cause}${fix}`;
}

export function humanReport(report: DoctorReport): string {
  const failed = report.verdicts.filter((entry) => entry.outcome === 'fail').length;
  const lines = [
    `doctor: ${report.envVar} (${report.key}) against ${report.baseUrl}`,
    ...report.verdicts.map(verdictLine),
    failed === 0 ? 'All checks passed.' : `${failed} check(s) failed.`,
  ];
  return `${lines.join('\n')}\n`;
}

export function jsonReport(report: DoctorReport): string {
  const document = {
    version: DOCTOR_JSON_VERSION,
    ok: report.ok,
    envVar: report.envVar,
    baseUrl: report.baseUrl,
    key: report.key,
    checks: report.verdicts,
    models: { served: report.servedModels, used: report.usedModels },
    balance: report.balance,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
