import { describe, expect, it } from 'vitest'
import { retryDelaySeconds, WEBHOOK_MAX_RETRIES, WEBHOOK_MAX_RETRY_SECONDS, webhookTypesFor } from './webhook-events'

describe('webhook retry schedule', () => {
  it('doubles from a minute, never past the Queues ceiling of 12 hours', () => {
    expect([1, 2, 3, 4].map(retryDelaySeconds)).toEqual([60, 120, 240, 480])
    expect(retryDelaySeconds(40)).toBe(WEBHOOK_MAX_RETRY_SECONDS)
  })

  it('keeps retrying for at least 24 hours before the queue dead-letters the message', () => {
    let waited = 0
    for (let attempt = 1; attempt <= WEBHOOK_MAX_RETRIES; attempt++) waited += retryDelaySeconds(attempt)
    expect(waited).toBeGreaterThanOrEqual(24 * 60 * 60)
  })
})

describe('webhook event types', () => {
  it('maps the audit trail to the public types', () => {
    expect(webhookTypesFor({ type: 'credentials_submitted', detail: { purpose: 'refresh' } })).toEqual([
      'link.accepted',
      'connection.refreshed',
    ])
    expect(webhookTypesFor({ type: 'credentials_submitted', detail: { purpose: 'create' } })).toEqual([
      'link.accepted',
      'connection.created',
    ])
    expect(webhookTypesFor({ type: 'created', detail: { via: 'link' } })).toEqual([])
    expect(webhookTypesFor({ type: 'created', detail: { via: 'direct' } })).toEqual(['connection.created'])
    expect(webhookTypesFor({ type: 'tokens_refreshed', detail: null })).toEqual([])
    expect(webhookTypesFor({ type: 'needs_reconnect', detail: null })).toEqual(['connection.needs_reconnect'])
  })
})
