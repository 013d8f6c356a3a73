/**
 * Prints why each skipped test was skipped: the list reporter shows only that
 * it was. A skip without a reason is a hidden failure, so it is called out.
 */
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SkipReasonsReporter implements Reporter {
  private readonly skipped: { title: string; reason: string }[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const annotation = [...result.annotations, ...test.annotations].find((a) => a.type === 'skip' || a.type === 'fixme');
    this.skipped.push({ title: test.titlePath().filter(Boolean).join(' › '), reason: annotation?.description ?? '(no reason given)' });
  }

  onEnd(_result: FullResult): void {
    if (this.skipped.length === 0) return;
    console.log(`\n${this.skipped.length} skipped:`);
    for (const { title, reason } of this.skipped) console.log(`  - ${title}\n    ${reason}`);
  }

  printsToStdio(): boolean {
    return true;
  }
}
