import { getApp } from '../../apps'
import type { OAuthCredentials } from '../../apps/types'
import type { ConnectionRow } from '../../db/connections'
import { claimConnection, claimDueConnections, recordCheckFailed, recordCheckPassed, releaseClaim } from '../../db/health'
import { AppError } from '../../domain/errors'
import { CHECK_LEASE_MS, checkKind, type Health, nextCheckAt, retryAt } from '../../domain/health'
import { HEALTH_CHECKS_AT_ONCE, HEALTH_CHECKS_PER_RUN, RECORDED_ERROR_MAX } from '../../domain/limits'
import { Redactor } from '../../domain/redact'
import type { Owner } from '../../domain/shapes'
import { capText } from '../../domain/truncate'
import { requireConnection } from '../access'
import { withCredentialCheck } from '../credential-checks'
import { openCredentials, secretValues, verifyCredentials } from '../credentials'
import type { Deps } from '../deps'
import { checkSubjectOf } from './schedule'
import { flagNeedsReconnect, refreshStoredTokens } from './tokens'

export interface CheckOutcome {
  health: Health
  /** The human sentence recorded as lastError; null when the app accepted. */
  error: string | null
}

export interface SweepResult {
  checked: number
  ok: number
  needsReconnect: number
  failed: number
}

/** Tether's own sentences only (AppError messages never quote upstream), scrubbed of the credentials anyway. */
function sentenceOf(error: unknown, secrets: readonly string[]): string {
  const message = error instanceof AppError ? error.message : 'Tether could not check this connection because of an internal error.'
  if (!(error instanceof AppError)) console.error('health check failed unexpectedly', error instanceof Error ? error.name : 'unknown')
  return capText(new Redactor(secrets).text(message), RECORDED_ERROR_MAX)
}

/**
 * One check of a connection this caller has claimed: an OAuth grant is renewed (stored with the
 * revision guard runs use), anything else is verified with the app. Only the app's refusal flags
 * the connection; a timeout, an outage or anything else is recorded and retried with backoff.
 */
export async function checkClaimed(deps: Deps, row: ConnectionRow, now: number): Promise<CheckOutcome> {
  const app = getApp(row.appId)
  let secrets: string[] = []
  try {
    if (!app) throw new AppError('app_unavailable', 'This app is no longer available on this Tether.')
    const credentials = await openCredentials(await deps.keyring(), row)
    secrets = secretValues(app, credentials)
    const subject = checkSubjectOf(app, credentials)
    if (checkKind(subject) === 'refresh') {
      // Stores the rotated tokens and the next check in the same guarded write.
      await refreshStoredTokens(deps, app, deps.appContext(app), row, credentials as OAuthCredentials, now)
    } else {
      await verifyCredentials(deps, app, credentials)
      await recordCheckPassed(deps.db, row, now, nextCheckAt(row.id, subject, now))
    }
    return { health: 'ok', error: null }
  } catch (error) {
    const sentence = sentenceOf(error, secrets)
    if (error instanceof AppError && error.code === 'invalid_credentials') {
      if (!(await flagNeedsReconnect(deps, row, now, sentence))) await releaseClaim(deps.db, row, now, sentence)
      return { health: 'needs_reconnect', error: sentence }
    }
    if (row.needsReconnect) {
      await releaseClaim(deps.db, row, now, sentence)
      return { health: 'needs_reconnect', error: sentence }
    }
    await recordCheckFailed(deps.db, row, now, sentence, retryAt(row.checkFailures + 1, now))
    return { health: 'unknown', error: sentence }
  }
}

/** The cron's share: the most overdue connections, claimed in one statement, checked a few at a time. */
export async function runHealthSweep(deps: Deps, now: number, limit = HEALTH_CHECKS_PER_RUN): Promise<SweepResult> {
  const claimed = await claimDueConnections(deps.db, now, limit, now + CHECK_LEASE_MS)
  const result: SweepResult = { checked: claimed.length, ok: 0, needsReconnect: 0, failed: 0 }
  const queue = [...claimed]
  const worker = async () => {
    for (let row = queue.shift(); row; row = queue.shift()) {
      const outcome = await checkClaimed(deps, row, now).catch((error: unknown) => {
        console.error('health sweep: recording a check failed', error instanceof Error ? error.name : 'unknown')
        return { health: 'unknown' as const, error: '' }
      })
      if (outcome.health === 'ok') result.ok++
      else if (outcome.health === 'needs_reconnect') result.needsReconnect++
      else result.failed++
    }
  }
  await Promise.all(Array.from({ length: Math.min(HEALTH_CHECKS_AT_ONCE, claimed.length) }, worker))
  return result
}

/**
 * "Check now" (API and dashboard): the same check, at once, under the same claim as the cron's. It counts
 * against the workspace's daily credential checks; stored credentials cannot be guessed with, so the
 * refusal slot is given back whatever the app answers.
 */
export async function checkConnectionNow(deps: Deps, owner: Owner, id: string, now: number): Promise<CheckOutcome> {
  const { connection } = await requireConnection(deps, owner, id)
  if (connection.status !== 'active')
    throw new AppError('connection_not_ready', `The connection "${connection.name}" has no credentials to check yet.`)
  return withCredentialCheck(deps, { workspaceId: owner.workspaceId, audience: 'owner', now }, async () => {
    const claimed = await claimConnection(deps.db, id, now, now + CHECK_LEASE_MS)
    if (!claimed) throw new AppError('conflict', `A check of "${connection.name}" is already running. Try again in a minute.`)
    return checkClaimed(deps, claimed, now)
  })
}
