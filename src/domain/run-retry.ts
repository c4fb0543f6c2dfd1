/** When a failed workflow step is worth another try, and how long to wait before it. */

/** Too many requests or the app's own failure may pass on another go; any other 4xx will not. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500
}

const FIRST_DELAY_SECONDS = 5
const LONGEST_DELAY_SECONDS = 600

/** Doubles from 5 s after each failed try (`failedTries` ≥ 1), at most 10 minutes. */
export function stepRetryDelaySeconds(failedTries: number): number {
  return Math.min(FIRST_DELAY_SECONDS * 2 ** Math.max(0, failedTries - 1), LONGEST_DELAY_SECONDS)
}
