import { Hono, type Context } from 'hono'
import { oauthClientFor } from '../config'
import { fromBase64, sha256Hex, toBase64Url, timingSafeEqual, utf8 } from '../domain/encoding'
import { newToken } from '../domain/tokens'
import type { AppEnv } from '../http/context'
import type { DemoAccess, DemoCode, DemoGrant } from './grants'
import { deleteSecretRecord, deleteSecretRecordByHash, getSecretRecord, putSecretRecord, takeSecretRecord } from './store'

export const ACCESS_TOKEN_SECONDS = 3600
const REFRESH_TOKEN_SECONDS = 30 * 24 * 3600
const CODE_VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/

type TokenError = 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type'

/**
 * Both endpoints answer uncached and authenticate the client first (RFC 6749 §2.3.1: Basic header or
 * form fields); `param` reads one form field, '' when absent.
 */
async function clientRequest(c: Context<AppEnv>) {
  c.header('Cache-Control', 'no-store')
  const form = await c.req.parseBody()
  const param = (name: string) => (typeof form[name] === 'string' ? form[name] : '')
  const clientId = authenticatedClient(c, param('client_id'), param('client_secret'))
  if (clientId) return { clientId, param }
  c.header('WWW-Authenticate', 'Basic realm="Demo Docs"')
  return { clientId: null, refusal: tokenError(c, 'invalid_client', 401) }
}

/** RFC 6749 §4.1.3 and §6: authorization_code with PKCE (S256), and refresh_token with rotation. */
export const tokenEndpoint = new Hono<AppEnv>()
  .post('/oauth/token', async (c) => {
    const client = await clientRequest(c)
    if (!client.clientId) return client.refusal
    const { param, clientId } = client
    const now = Date.now()

    if (param('grant_type') === 'authorization_code') {
      // Taken (deleted) before any check, so a code is spent by its first use, right or wrong.
      const code = param('code') ? await takeSecretRecord<DemoCode>(c.env.LINKS, 'code', param('code')) : null
      const verifier = param('code_verifier')
      if (!code || code.expiresAt <= now || code.clientId !== clientId || code.redirectUri !== param('redirect_uri')) {
        return tokenError(c, 'invalid_grant')
      }
      if (!CODE_VERIFIER.test(verifier) || !timingSafeEqual(await s256(verifier), code.codeChallenge)) return tokenError(c, 'invalid_grant')
      return c.json(await issueTokens(c.env.LINKS, grantOf(code), now))
    }
    if (param('grant_type') === 'refresh_token') {
      // Rotation: the refresh token presented is deleted here and a new one is issued.
      const grant = param('refresh_token') ? await takeSecretRecord<DemoGrant>(c.env.LINKS, 'refresh', param('refresh_token')) : null
      if (!grant || grant.clientId !== clientId) return tokenError(c, 'invalid_grant')
      return c.json(await issueTokens(c.env.LINKS, grantOf(grant), now))
    }
    return tokenError(c, param('grant_type') ? 'unsupported_grant_type' : 'invalid_request')
  })
  /**
   * RFC 7009: the client revokes a token it was issued. A refresh token takes the access token issued
   * with it along; an unknown or already revoked token is answered 200 all the same (§2.2).
   */
  .post('/oauth/revoke', async (c) => {
    const client = await clientRequest(c)
    if (!client.clientId) return client.refusal
    const { param, clientId } = client
    const token = param('token')
    if (!token) return tokenError(c, 'invalid_request')
    const refresh = await getSecretRecord<RefreshRecord>(c.env.LINKS, 'refresh', token)
    if (refresh && refresh.clientId === clientId) {
      await deleteSecretRecord(c.env.LINKS, 'refresh', token)
      if (refresh.accessTokenHash) await deleteSecretRecordByHash(c.env.LINKS, 'access', refresh.accessTokenHash)
    }
    const access = await getSecretRecord<DemoAccess>(c.env.LINKS, 'access', token)
    if (access && access.clientId === clientId) await deleteSecretRecord(c.env.LINKS, 'access', token)
    return c.body(null, 200)
  })

/** A refresh token's record: its grant, and which access token was issued with it. */
interface RefreshRecord extends DemoGrant {
  accessTokenHash?: string
}

/** client_secret_basic, or client_secret_post. */
function authenticatedClient(c: Context<AppEnv>, postedId: string, postedSecret: string): string | null {
  const registered = oauthClientFor(c.env, 'DEMO')
  if (!registered) return null
  let id = postedId
  let secret = postedSecret
  const basic = /^Basic\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1]
  if (basic) {
    let decoded = ''
    try {
      decoded = utf8.decode(fromBase64(basic))
    } catch {
      return null
    }
    const separator = decoded.indexOf(':')
    if (separator < 0) return null
    id = safeDecode(decoded.slice(0, separator))
    secret = safeDecode(decoded.slice(separator + 1))
  }
  const matches = timingSafeEqual(id, registered.clientId) && timingSafeEqual(secret, registered.clientSecret)
  return matches ? registered.clientId : null
}

/** RFC 6749 §2.3.1 form-encodes Basic credentials; plain ones (arctic's) decode to themselves. */
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '))
  } catch {
    return value
  }
}

async function s256(verifier: string): Promise<string> {
  return toBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', utf8.encode(verifier))))
}

function grantOf({ clientId, sub, email, name, scopes }: DemoGrant): DemoGrant {
  return { clientId, sub, email, name, scopes }
}

async function issueTokens(kv: KVNamespace, grant: DemoGrant, now: number) {
  const accessToken = newToken()
  const refreshToken = newToken()
  const access: DemoAccess = { ...grant, expiresAt: now + ACCESS_TOKEN_SECONDS * 1000 }
  await putSecretRecord(kv, 'access', accessToken, access, ACCESS_TOKEN_SECONDS)
  const refresh: RefreshRecord = { ...grant, accessTokenHash: await sha256Hex(accessToken) }
  await putSecretRecord(kv, 'refresh', refreshToken, refresh, REFRESH_TOKEN_SECONDS)
  return {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: ACCESS_TOKEN_SECONDS,
    refresh_token: refreshToken,
    scope: grant.scopes.join(' '),
  }
}

function tokenError(c: Context<AppEnv>, error: TokenError, status: 400 | 401 = 400): Response {
  return c.json({ error }, status)
}
