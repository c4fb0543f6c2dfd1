import { open, seal, sealContext } from '../domain/crypto'
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

interface Sealed {
  subject: string
  until: number
  flash: FormFlash
}

export async function sealFlash(deps: Pick<Deps, 'keyring'>, subject: string, flash: FormFlash, now: number): Promise<string> {
  const payload: Sealed = { subject, until: now + FORM_FLASH_LIFETIME_MS, flash }
  const sealed = await seal(await deps.keyring(), JSON.stringify(payload), sealContext.formFlash())
  return `${sealed.keyVersion}.${sealed.blob}`
}

/** Anything that does not open, is too old or was posted by someone else tells nothing. */
export async function openFlash(deps: Pick<Deps, 'keyring'>, value: string, subject: string, now: number): Promise<FormFlash | null> {
  const dot = value.indexOf('.')
  if (dot < 1) return null
  try {
    const sealed = { keyVersion: value.slice(0, dot), blob: value.slice(dot + 1) }
    const opened = JSON.parse(await open(await deps.keyring(), sealed, sealContext.formFlash())) as Sealed
    return opened.until >= now && opened.subject === subject ? opened.flash : null
  } catch {
    return null
  }
}
