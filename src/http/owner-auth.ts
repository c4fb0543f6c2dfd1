import type { Context, MiddlewareHandler } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { readConfig } from '../config'
import { database } from '../db/client'
import { AppError } from '../domain/errors'
import { noteSessionActivity, SESSION_LIFETIME_MS, userForSession } from '../services/sessions'
import { noteApiTokenUse, ownerForApiToken } from '../services/api-tokens'
import { unreadNotifications } from '../services/notifications/inbox'
import { lastUseIsStale, scopeAllows } from '../domain/token-scope'
import type { AppEnv } from './context'
import type { Owner } from '../domain/shapes'

/** Over https, or wherever PUBLIC_URL is https (whatever scheme this one request came in on): cookies are Secure. */
export function isSecureTransport(c: Context<AppEnv>): boolean {
  return new URL(c.req.url).protocol === 'https:' || readConfig(c.env).publicUrl?.startsWith('https:') === true
}

/** `__Host-` pins the cookie to this exact origin; browsers only accept it over https. */
export function sessionCookieName(c: Context<AppEnv>): string {
  return isSecureTransport(c) ? '__Host-tether_session' : 'tether_session'
}

export function setSessionCookie(c: Context<AppEnv>, token: string): void {
  setCookie(c, sessionCookieName(c), token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: isSecureTransport(c),
    maxAge: SESSION_LIFETIME_MS / 1000,
  })
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, sessionCookieName(c), { path: '/', secure: isSecureTransport(c) })
}

export function sessionToken(c: Context<AppEnv>): string | undefined {
  return getCookie(c, sessionCookieName(c))
}

async function resolveOwner(c: Context<AppEnv>): Promise<Owner | null> {
  const db = database(c.env.DB)
  const now = Date.now()
  const authorization = c.req.header('authorization')
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization)
    const found = match ? await ownerForApiToken(db, match[1]!, now) : undefined
    if (!found) throw new AppError('unauthorized', 'The API token is invalid, expired or revoked.')
    if (lastUseIsStale(found.lastUsedAt, now)) {
      // After the response, and never its failure: the last use is a hint for the owner, not a gate.
      c.executionCtx.waitUntil(noteApiTokenUse(db, found.tokenId, now).catch((error) => console.error('api token last use', String(error))))
    }
    const { user } = found
    return {
      userId: user.id,
      workspaceId: user.workspaceId,
      email: user.email,
      emailVerified: user.emailVerifiedAt !== null,
      name: user.name,
      via: 'api_token',
      tokenId: found.tokenId,
      scope: found.scope,
    }
  }
  const token = sessionToken(c)
  if (!token) return null
  const found = await userForSession(db, token, now)
  if (!found) return null
  if (found.activityIsStale) {
    // After the response, like an API token's last use: at most one D1 write per session every few minutes.
    c.executionCtx.waitUntil(noteSessionActivity(db, token, now).catch((error) => console.error('session activity', String(error))))
  }
  const { id: userId, workspaceId, email, name, emailVerifiedAt } = found.user
  return { userId, workspaceId, email, emailVerified: emailVerifiedAt !== null, name, via: 'session' }
}

/** The one place a token's scope is enforced, for the API and the dashboard alike. */
function authorize(c: Context<AppEnv>, owner: Owner): void {
  if (owner.via === 'api_token' && !scopeAllows(owner.scope, c.req.method)) {
    throw new AppError('insufficient_scope', 'This API token is read-only: it may only GET. Create a write token for changes.')
  }
  c.set('owner', owner)
}

/** API routes: 401 envelope when nobody is signed in. */
export const requireOwner: MiddlewareHandler<AppEnv> = async (c, next) => {
  const owner = await resolveOwner(c)
  if (!owner) throw new AppError('unauthorized', 'Sign in or send an API token.')
  authorize(c, owner)
  await next()
}

/** Dashboard pages: send the visitor to the login page instead. */
export const requireOwnerPage: MiddlewareHandler<AppEnv> = async (c, next) => {
  const owner = await resolveOwner(c).catch(() => null)
  if (!owner) return c.redirect(`/login?next=${encodeURIComponent(new URL(c.req.url).pathname)}`, 303)
  authorize(c, owner)
  // Only pages that are shown carry the header's count; a post redirects to one of them.
  if (c.req.method === 'GET' || c.req.method === 'HEAD')
    c.set('owner', { ...owner, unreadNotifications: await unreadNotifications({ db: database(c.env.DB) }, owner) })
  await next()
}

export async function optionalOwner(c: Context<AppEnv>): Promise<Owner | null> {
  return resolveOwner(c).catch(() => null)
}
