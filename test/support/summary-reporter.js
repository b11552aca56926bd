/**
 * Ends every run with one plain line, `tests: N passed, N failed`, that CI tooling reads without
 * knowing Jest's own summary format. Written as the process exits, so it is the last line.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    // A suite that fails to load has no failed tests of its own; count it so the line never says 0.
    const brokenSuites = results.numRuntimeErrorTestSuites;
    const failed = results.numFailedTests + brokenSuites;
    const line = `tests: ${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
    process.once('exit', () => process.stdout.write(`\n${line}\n`));
  }
}
module.exports = SummaryReporter;
