// Prints one plain closing line, "N passed, N failed, N skipped", after Jest's own report: the
// form CI tools that do not know Jest read to tell that tests ran.
export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(`\n${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`);
  }
}
