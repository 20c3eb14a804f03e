#!/usr/bin/env node
/**
 * Prints the one line CI reads, `N passed, N failed`, from vitest JSON reports
 * (`--reporter=json --outputFile.json=…`), summed over every report given.
 * A test file that failed to load counts as one failure (vitest reports it as
 * a failed file with no tests). A missing or unreadable report counts as one
 * failure too: the suite did not run. Exit 1 when anything failed.
 *
 * SUITE_STATUS (the exit code of the test command) covers what no report
 * shows: a non-zero status with no failed test counts as one failure.
 *
 * Usage: SUITE_STATUS=$? node .ci/summary.mjs REPORT.json [REPORT.json …]
 */
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;

for (const path of process.argv.slice(2)) {
  let report;
  try {
    report = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    process.stderr.write(`summary: no usable test report at ${path} (${error.code ?? error.message}): the suite did not run\n`);
    failed += 1;
    continue;
  }
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  for (const file of report.testResults) {
    const failedTests = file.assertionResults.filter((test) => test.status === 'failed').length;
    if (file.status === 'failed' && failedTests === 0) {
      process.stderr.write(`summary: ${file.name} failed outside any test: ${String(file.message).split('\n')[0]}\n`);
      failed += 1;
    }
  }
}

const suiteStatus = Number(process.env.SUITE_STATUS ?? 0);
if (suiteStatus !== 0 && failed === 0) {
  process.stderr.write(`summary: the test command exited ${suiteStatus} although no test failed (build error or unhandled error)\n`);
  failed += 1;
}

process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exitCode = failed > 0 || process.argv.length <= 2 ? 1 : 0;
