/** For suites told as a story, one `it` per step, run in order on the same pages. */
import { beforeEach } from 'vitest'

/**
 * Skips the steps after one that failed: each starts where the one before left off, so the rest
 * would only time out and bury the first failure.
 */
export function skipStepsAfterAFailure(): void {
  let failedStep = false
  beforeEach(({ onTestFailed, skip }) => {
    if (failedStep) skip('an earlier step failed')
    onTestFailed(() => {
      failedStep = true
    })
  })
}
