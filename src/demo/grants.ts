import type { Context } from 'hono'
import type { AppEnv } from '../http/context'
import { getSecretRecord } from './store'

/** What a demo access token stands for. */
export interface DemoGrant {
  clientId: string
  sub: string
  email: string
  name: string
  scopes: string[]
}

export interface DemoAccess extends DemoGrant {
  /** epoch ms */
  expiresAt: number
}

/** What an authorization code stands for until it is exchanged. */
export interface DemoCode extends DemoGrant {
  redirectUri: string
  codeChallenge: string
  /** epoch ms */
  expiresAt: number
}

export function bearerToken(c: Context<AppEnv>): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')
  return match?.[1] ?? null
}

/** The grant behind the request's bearer token, if it is live and carries `scope`. */
export async function grantFor(
  c: Context<AppEnv>,
  scope: string,
  now: number,
): Promise<DemoGrant | 'invalid_token' | 'insufficient_scope'> {
  const token = bearerToken(c)
  const access = token ? await getSecretRecord<DemoAccess>(c.env.LINKS, 'access', token) : null
  if (!access || access.expiresAt <= now) return 'invalid_token'
  return access.scopes.includes(scope) ? access : 'insufficient_scope'
}

/** RFC 6750 error response for a refused bearer token. */
export function bearerRefusal(c: Context<AppEnv>, error: 'invalid_token' | 'insufficient_scope'): Response {
  const status = error === 'invalid_token' ? 401 : 403
  c.header('WWW-Authenticate', `Bearer realm="demo", error="${error}"`)
  return c.json({ error }, status)
}
