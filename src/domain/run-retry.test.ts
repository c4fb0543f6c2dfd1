import { describe, expect, it } from 'vitest'
import { isRetryableStatus, stepRetryDelaySeconds } from './run-retry'

describe('step retries', () => {
  it('retries 429 and 5xx, never another 4xx or a success', () => {
    expect([429, 500, 502, 503, 504].map(isRetryableStatus)).toEqual([true, true, true, true, true])
    expect([200, 400, 401, 403, 404, 409, 422].map(isRetryableStatus)).toEqual([false, false, false, false, false, false, false])
  })

  it('doubles the wait after each failed try, up to ten minutes', () => {
    expect([1, 2, 3, 4, 8, 20].map(stepRetryDelaySeconds)).toEqual([5, 10, 20, 40, 600, 600])
  })
})
