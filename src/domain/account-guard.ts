/**
 * The same-account guard: a refresh may not silently move a connection to another upstream account
 * (a leaked refresh link would otherwise let a stranger point the owner's workflows at their own).
 */

export type AccountChange =
  /** The verified account is the stored one. */
  | 'same'
  /** Nothing to compare with yet (a row stored before account ids were kept): the verified id is recorded. */
  | 'recorded'
  /** A different account, and the owner allowed it. */
  | 'changed'
  /** A different account (or one the app no longer identifies), not allowed: nothing may change. */
  | 'refused'

export function accountChange(storedId: string | null, verifiedId: string | undefined, allowChange: boolean): AccountChange {
  if (storedId === null) return 'recorded'
  if (verifiedId === storedId) return 'same'
  return allowChange ? 'changed' : 'refused'
}

const MASK = '•••'

/**
 * Enough of an account's label to recognise it, not enough to learn it: `jane@acme.example` →
 * `j•••@acme.example`, `Acme Workspace` → `A•••e`.
 */
export function maskAccountLabel(label: string): string {
  const chars = Array.from(label.trim())
  const at = chars.lastIndexOf('@')
  if (at > 0 && at < chars.length - 1) return `${chars[0]}${MASK}${chars.slice(at).join('')}`
  if (chars.length <= 2) return MASK
  return `${chars[0]}${MASK}${chars[chars.length - 1]}`
}
