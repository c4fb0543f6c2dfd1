import { openExpiring, sealContext, sealExpiring } from '../domain/crypto'
import type { LinkBrand } from '../domain/brand'
import type { Locale } from '../domain/locales'
import type { Deps } from './deps'

/**
 * What a client's browser is told after a post, carried by its own short-lived cookie so that
 * every post can end in a redirect: the outcome of a finished link, or the refusal to show once on
 * the form. Sealed and bound to the link's token hash, so a stranger with the link cannot make a
 * browser claim an outcome, and the URL never carries the token.
 */

/**
 * `locale` and `brand`: the owner's choices for the link, so the outcome page follows them as the link's other pages do;
 * `returnTo`: the link's returnUrl and connection, for "Back to <owner>".
 */
export type ClientOutcome = (
  | {
      kind: 'connected'
      appId: string
      connectionName: string
      refreshed: boolean
      manage?: ManageNote
      /** An item of a several-apps link: its list, where the client goes on with the other apps. */
      continueTo?: string
    }
  | { kind: 'declined' }
  | { kind: 'locked' }
) & { locale?: Locale; brand?: LinkBrand; returnTo?: { url: string; connectionId: string } }

/**
 * The client's management link (src/services/client-grants.ts): shown on the first view of the outcome page only, and
 * kept in this browser's sealed cookie for the optional email; `emailedTo` / `emailProblem` are told once.
 */
export interface ManageNote {
  token: string
  shown: boolean
  emailedTo?: string
  emailProblem?: 'invalid' | 'too_many' | 'failed'
}

export type FormNotice =
  | { kind: 'refused'; message: string; errors: Record<string, string>; values: Record<string, string> }
  /** Nothing was checked (the workspace's limit, or a check in progress on this link): the wait, not a refusal. */
  | { kind: 'too_many'; message: string; values: Record<string, string>; retryAfterSeconds?: number }
  | { kind: 'signin_cancelled' }

/** Long enough for reloads and Back while the client is still on the page; the cookie lives as long. */
export const OUTCOME_LIFETIME_MS = 30 * 60 * 1000
export const NOTICE_LIFETIME_MS = 10 * 60 * 1000

type NoteKind = 'outcome' | 'notice'

export interface Note<T> {
  tokenHash: string
  note: T
}

async function sealNote<T>(deps: Deps, kind: NoteKind, tokenHash: string, note: T, until: number): Promise<string> {
  const bound: Note<T> = { tokenHash, note }
  return sealExpiring(await deps.keyring(), bound, sealContext.clientNote(kind), until)
}

/** Anything that does not open, is too old, or belongs to another link (when one is given) tells nothing. */
async function openNote<T>(deps: Deps, kind: NoteKind, value: string, tokenHash: string | null, now: number): Promise<T | null> {
  const opened = await openExpiring<Note<T>>(await deps.keyring(), value, sealContext.clientNote(kind), now)
  if (!opened || (tokenHash !== null && opened.tokenHash !== tokenHash)) return null
  return opened.note
}

export const sealOutcome = (deps: Deps, tokenHash: string, outcome: ClientOutcome, now: number) =>
  sealNote(deps, 'outcome', tokenHash, outcome, now + OUTCOME_LIFETIME_MS)

/** `tokenHash` null: the outcome page itself, which has no token in its URL and shows whichever link this browser finished. */
export const openOutcome = (deps: Deps, value: string, tokenHash: string | null, now: number) =>
  openNote<ClientOutcome>(deps, 'outcome', value, tokenHash, now)

/** The outcome page's own rewrites of its cookie need the link it is bound to. */
export async function openBoundOutcome(deps: Deps, value: string, now: number): Promise<Note<ClientOutcome> | null> {
  return openExpiring<Note<ClientOutcome>>(await deps.keyring(), value, sealContext.clientNote('outcome'), now)
}

export const sealNotice = (deps: Deps, tokenHash: string, notice: FormNotice, now: number) =>
  sealNote(deps, 'notice', tokenHash, notice, now + NOTICE_LIFETIME_MS)

export const openNotice = (deps: Deps, value: string, tokenHash: string, now: number) =>
  openNote<FormNotice>(deps, 'notice', value, tokenHash, now)
