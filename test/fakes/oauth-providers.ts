import { basicOf, bearerOf, bySecret, formBody, json, nextNumber, type Reply, type Route, s256 } from './reply.ts'

/**
 * Token endpoints for Google, Slack and Facebook, each in its own dialect.
 * Codes: `code-good…` is accepted as is; codes the fake authorize endpoint issued are checked
 * against their PKCE challenge and work once; anything else is invalid_grant.
 * Refresh tokens: `refresh-<n>` rotates to `refresh-<n+1>` unless it was revoked; `…norotate…` answers without a new
 * refresh token; `refresh-bad` (anything else) is invalid_grant. Access tokens contain `good`.
 * A code or refresh token containing `hostile` gets an access token with a header injection in it.
 */
export const HOSTILE_ACCESS_TOKEN = 'access-good-\r\nX-Injected: yes'

interface Provider {
  prefix: string
  client: { id: string; secret: string }
  clientAuth: 'basic' | 'body'
  tokens(accessToken: string, refreshToken: string | null): Reply
  refusal(grant: 'code' | 'refresh'): Reply
}

const google: Provider = {
  prefix: '/google',
  client: { id: 'google-client', secret: 'google-secret' },
  clientAuth: 'basic',
  tokens: (accessToken, refreshToken) =>
    json(200, {
      access_token: accessToken,
      expires_in: 3599,
      token_type: 'Bearer',
      scope: 'openid email',
      ...(refreshToken ? { refresh_token: refreshToken } : {}),
    }),
  refusal: () => json(400, { error: 'invalid_grant', error_description: 'Bad Request' }),
}

const slack: Provider = {
  prefix: '/slack',
  client: { id: 'slack-client', secret: 'slack-secret' },
  clientAuth: 'basic',
  tokens: (accessToken, refreshToken) =>
    json(200, {
      ok: true,
      access_token: `xoxb-${accessToken}`,
      token_type: 'bot',
      scope: 'chat:write,chat:write.public',
      bot_user_id: 'U0BOT',
      app_id: 'A0001',
      team: { id: 'T0001', name: 'Client Team' },
      ...(refreshToken ? { refresh_token: refreshToken, expires_in: 43200 } : {}),
    }),
  // Slack refuses with HTTP 200.
  refusal: (grant) => json(200, { ok: false, error: grant === 'code' ? 'invalid_code' : 'invalid_refresh_token' }),
}

const facebook: Provider = {
  prefix: '/facebook',
  client: { id: 'facebook-client', secret: 'facebook-secret' },
  clientAuth: 'body',
  tokens: (accessToken) => json(200, { access_token: `fb-${accessToken}`, token_type: 'bearer', expires_in: 5183944 }),
  refusal: () => json(400, { error: { message: 'Invalid verification code format.', type: 'OAuthException', code: 100 } }),
}

/** Codes issued by the fake authorize endpoints → their code_challenge. */
const issuedCodes = new Map<string, string>()

function authorizeRoute(provider: Provider, path: RegExp): Route {
  return {
    method: 'GET',
    path,
    // A consenting user: straight back to the client with a fresh code.
    handle: (request) => {
      const redirectUri = request.query.get('redirect_uri')
      if (!redirectUri || request.query.get('client_id') !== provider.client.id) return json(400, { error: 'invalid_request' })
      const code = `code-good-issued-${nextNumber()}`
      issuedCodes.set(code, request.query.get('code_challenge') ?? '')
      const target = new URL(redirectUri)
      target.searchParams.set('code', code)
      target.searchParams.set('state', request.query.get('state') ?? '')
      return { status: 302, headers: { location: target.href }, body: '' }
    },
  }
}

function tokenRoute(provider: Provider, path: RegExp): Route {
  return {
    method: 'POST',
    path,
    handle: (request) => {
      const form = formBody(request)
      const client =
        provider.clientAuth === 'basic'
          ? basicOf(request)
          : { user: form.get('client_id') ?? '', password: form.get('client_secret') ?? '' }
      if (client?.user !== provider.client.id || client.password !== provider.client.secret) return json(401, { error: 'invalid_client' })
      const newAccess = () => `access-good-${nextNumber()}`
      if (form.get('grant_type') === 'authorization_code') {
        const code = form.get('code') ?? ''
        if (code.includes('hostile')) return provider.tokens(HOSTILE_ACCESS_TOKEN, 'refresh-1')
        const challenge = issuedCodes.get(code)
        if (challenge !== undefined) {
          issuedCodes.delete(code)
          if (s256(form.get('code_verifier') ?? '') !== challenge) return provider.refusal('code')
        }
        return bySecret(code, () => provider.tokens(newAccess(), 'refresh-1'), provider.refusal('code'))
      }
      if (form.get('grant_type') === 'refresh_token') {
        const refreshToken = form.get('refresh_token') ?? ''
        if (revokedRefreshTokens.has(refreshToken)) return provider.refusal('refresh')
        const generation = /^refresh-(\d+)$/.exec(refreshToken)?.[1]
        if (generation) return provider.tokens(newAccess(), `refresh-${Number(generation) + 1}`)
        if (refreshToken.includes('norotate')) return provider.tokens(newAccess(), null)
        if (refreshToken.includes('hostile')) return provider.tokens(HOSTILE_ACCESS_TOKEN, null)
        return bySecret(refreshToken, () => provider.refusal('refresh'), provider.refusal('refresh'))
      }
      return json(400, { error: 'unsupported_grant_type' })
    },
  }
}

/**
 * Access tokens revoked at a fake provider; the fake APIs refuse them afterwards. `refresh-1` is shared by
 * every test, so its revocation is recorded in the request log only; any other revoked refresh token is
 * refused from then on (tests pick unique generations, `refresh-<random>`).
 */
const revokedAccessTokens = new Set<string>()
const revokedRefreshTokens = new Set<string>()

export function isRevoked(accessToken: string | null): boolean {
  return accessToken !== null && revokedAccessTokens.has(accessToken)
}

/** https://developers.google.com/identity/protocols/oauth2/web-server#tokenrevoke: form `token`, 200 or 400 invalid_token. */
const googleRevokeRoute: Route = {
  method: 'POST',
  path: /^\/google\/revoke$/,
  handle: (request) => {
    const token = formBody(request).get('token') ?? ''
    if (!request.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) return json(400, { error: 'invalid_request' })
    if (!/^refresh-\d+$/.test(token) && !token.includes('good'))
      return json(400, { error: 'invalid_token', error_description: 'Token expired or revoked' })
    if (token.startsWith('access-')) revokedAccessTokens.add(token)
    if (token.startsWith('refresh-') && token !== 'refresh-1') revokedRefreshTokens.add(token)
    return json(200, {})
  },
}

/** https://api.slack.com/methods/auth.revoke: the token in Authorization; HTTP 200 with ok, revoked. */
const slackRevokeRoute: Route = {
  method: 'POST',
  path: /^\/slack\/api\/auth\.revoke$/,
  handle: (request) => {
    const token = bearerOf(request)
    if (isRevoked(token)) return json(200, { ok: false, error: 'token_revoked' })
    return bySecret(
      token,
      () => {
        revokedAccessTokens.add(token!)
        return json(200, { ok: true, revoked: true })
      },
      json(200, { ok: false, error: 'invalid_auth' }),
    )
  },
}

export const oauthProviderRoutes: Route[] = [
  googleRevokeRoute,
  slackRevokeRoute,
  authorizeRoute(google, /^\/google\/auth$/),
  tokenRoute(google, /^\/google\/token$/),
  authorizeRoute(slack, /^\/slack\/oauth\/v2\/authorize$/),
  tokenRoute(slack, /^\/slack\/api\/oauth\.v2\.access$/),
  authorizeRoute(facebook, /^\/facebook\/dialog\/oauth$/),
  tokenRoute(facebook, /^\/facebook\/v21\.0\/oauth\/access_token$/),
]
