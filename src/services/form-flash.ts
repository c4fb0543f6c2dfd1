import { openExpiring, sealContext, sealExpiring } from '../domain/crypto'
import type { Deps } from './deps'

/**
 * A refused form, kept for the one page view after its redirect, so that every form post ends in a
 * redirect and a reload never posts again. Sealed and bound to who posted it (an owner's user id, or
 * the page's own path for the signed-out forms), so no other browser or page can be made to show it.
 * Secrets are never put in: the caller passes only what may be shown again.
 */
export interface FormFlash<S = unknown> {
  /** Which form of the page it belongs to ("link", "direct", "token", …). */
  form: string
  state: S
  /** The status the page answers with while it shows the refusal (400, 409, 422, 429, …). */
  status: number
  retryAfterSeconds?: number
}

export const FORM_FLASH_LIFETIME_MS = 10 * 60 * 1000

interface Bound {
  subject: string
  flash: FormFlash
}

export async function sealFlash(deps: Pick<Deps, 'keyring'>, subject: string, flash: FormFlash, now: number): Promise<string> {
  const bound: Bound = { subject, flash }
  return sealExpiring(await deps.keyring(), bound, sealContext.formFlash(), now + FORM_FLASH_LIFETIME_MS)
}

/** Anything that does not open, is too old or was posted by someone else tells nothing. */
export async function openFlash(deps: Pick<Deps, 'keyring'>, value: string, subject: string, now: number): Promise<FormFlash | null> {
  const bound = await openExpiring<Bound>(await deps.keyring(), value, sealContext.formFlash(), now)
  return bound?.subject === subject ? bound.flash : null
}
