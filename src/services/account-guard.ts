import type { AppDefinition, VerifiedAccount } from '../apps/types'
import type { ConnectionRow } from '../db/connections'
import { type AccountChange, accountChange, maskAccountLabel } from '../domain/account-guard'
import { AppError } from '../domain/errors'

export interface AccountDecision {
  change: AccountChange
  /** For the audit trail, whatever the decision: both accounts. */
  detail: Record<string, unknown>
}

/** Compares the verified account with the connection's current one (src/domain/account-guard.ts). */
export function decideAccount(connection: ConnectionRow, account: VerifiedAccount, allowChange: boolean): AccountDecision {
  const change = accountChange(connection.accountId, account.id, allowChange)
  const detail: Record<string, unknown> = { account: account.label, accountId: account.id ?? null }
  if (change === 'changed' || change === 'refused') {
    Object.assign(detail, { previousAccount: connection.accountLabel, previousAccountId: connection.accountId, accountChange: change })
  }
  return { change, detail }
}

/**
 * What the person who tried sees: the account the connection is for (masked for a client, who may
 * be a stranger holding a leaked link), the one they used (their own), and what to do.
 */
export function accountMismatch(app: AppDefinition, connection: ConnectionRow, account: VerifiedAccount, audience: 'client' | 'owner') {
  const current = connection.accountLabel ?? 'another account'
  const expected = audience === 'client' ? maskAccountLabel(current) : current
  const advice =
    audience === 'client'
      ? 'Use that account, or ask the person who sent you this link for one that allows a different account.'
      : 'Use that account, or allow a different account (Update Connection Data, a refresh link, or allowAccountChange in the API).'
  return new AppError(
    'account_mismatch',
    `This connection is for the ${app.name} account ${expected}, but these credentials are for ${account.label}. ` +
      `Nothing was changed. ${advice}`,
    { expected, used: account.label },
  )
}
