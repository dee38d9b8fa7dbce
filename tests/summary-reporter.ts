import type { Reporter, SerializedError, TestModule, TestRunEndReason } from 'vitest/node';

export interface RunCounts {
  passed: number;
  skipped: number;
  /** Test cases that failed. */
  failedTests: number;
  /** beforeAll/afterAll hooks (of a describe or of the file) that threw. */
  failedHooks: number;
  /** Files that threw before any test was collected (import or syntax errors). */
  filesNotLoaded: number;
  /** Errors thrown outside any test or hook (unhandled rejections, errors in setup). */
  unhandledErrors: number;
  files: number;
  failedFiles: number;
  /** Everything that failed; never 0 when the run failed. */
  failed: number;
  interrupted: boolean;
}

/** Counts a finished run the way a person reading the log needs: every kind of failure counts as a failure. */
export function countRun(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>, reason: TestRunEndReason): RunCounts {
  const counts: RunCounts = { passed: 0, skipped: 0, failedTests: 0, failedHooks: 0, filesNotLoaded: 0, unhandledErrors: unhandledErrors.length, files: testModules.length, failedFiles: 0, failed: 0, interrupted: reason === 'interrupted' };
  for (const testModule of testModules) {
    let tests = 0;
    for (const testCase of testModule.children.allTests()) {
      tests++;
      const state = testCase.result().state;
      if (state === 'passed') counts.passed++;
      else if (state === 'failed') counts.failedTests++;
      else counts.skipped++;
    }
    // A describe's beforeAll/afterAll error sits on that suite; a file-level hook's, or a load error, on the file.
    for (const suite of testModule.children.allSuites()) counts.failedHooks += suite.errors().length;
    const fileErrors = testModule.errors().length;
    if (tests === 0 && fileErrors > 0) counts.filesNotLoaded++;
    else counts.failedHooks += fileErrors;
    if (testModule.state() === 'failed') counts.failedFiles++;
  }
  counts.failed = counts.failedTests + counts.failedHooks + counts.filesNotLoaded + counts.unhandledErrors;
  // A run vitest calls failed for a reason none of the above shows (a failed file with no error of its own).
  if (counts.failed === 0 && (reason === 'failed' || counts.failedFiles > 0)) counts.failed = Math.max(1, counts.failedFiles);
  return counts;
}

/** "tests: 12 passed, 3 failed (1 test, 1 hook, 1 file that did not load), 2 skipped; files: 3 of 9 failed". */
export function summaryLine(counts: RunCounts): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const kinds = [
    counts.failedTests ? plural(counts.failedTests, 'test', 'tests') : '',
    counts.failedHooks ? plural(counts.failedHooks, 'hook', 'hooks') : '',
    counts.filesNotLoaded ? plural(counts.filesNotLoaded, 'file that did not load', 'files that did not load') : '',
    counts.unhandledErrors ? plural(counts.unhandledErrors, 'error outside tests', 'errors outside tests') : '',
  ].filter(Boolean);
  const breakdown = counts.failed > counts.failedTests && kinds.length > 0 ? ` (${kinds.join(', ')})` : '';
  return (
    `tests: ${counts.passed} passed, ${counts.failed} failed${breakdown}, ${counts.skipped} skipped; ` +
    `files: ${counts.failedFiles} of ${counts.files} failed${counts.interrupted ? '; run interrupted' : ''}`
  );
}

/** Ends the run with one plain line that any CI log reader understands; a failed run never reads "0 failed". */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>, reason: TestRunEndReason): void {
    process.stdout.write(`\n${summaryLine(countRun(testModules, unhandledErrors, reason))}\n`);
  }
}
