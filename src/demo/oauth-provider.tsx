import { EMAIL_MAX } from '../domain/limits'
import { Hono, type Context } from 'hono'
import * as z from 'zod'
import { readConfig } from '../config'
import { sha256Hex } from '../domain/encoding'
import { newToken } from '../domain/tokens'
import type { AppEnv } from '../http/context'
import { renderPage } from '../views/render'
import { checkAuthorization, codeRedirect, errorRedirect } from './authorization'
import { ConsentPage, DEMO_ACCOUNT_EMAIL } from './consent-page'
import { bearerRefusal, grantFor, type DemoCode } from './grants'
import { putSecretRecord } from './store'
import { tokenEndpoint } from './token-endpoint'

export const CODE_LIFETIME_SECONDS = 60

const emailSchema = z.email().max(EMAIL_MAX)

function publicOrigin(c: Context<AppEnv>): string {
  return readConfig(c.env).publicUrl ?? new URL(c.req.url).origin
}

export const demoOAuth = new Hono<AppEnv>()
  .get('/oauth/authorize', (c) => {
    const check = checkAuthorization(c.req.query(), c.env, publicOrigin(c))
    if (!check.ok) return c.redirect(check.redirectTo, 303)
    return c.html(renderPage(<ConsentPage request={check.request} email={DEMO_ACCOUNT_EMAIL} />))
  })
  .post('/oauth/decision', async (c) => {
    const form = stringsOf(await c.req.parseBody())
    const check = checkAuthorization(form, c.env, publicOrigin(c))
    if (!check.ok) return c.redirect(check.redirectTo, 303)
    const { request } = check
    if (form.decision !== 'allow') return c.redirect(errorRedirect(request.redirectUri, 'access_denied', request.state), 303)

    const email = emailSchema.safeParse(form.email?.trim().toLowerCase())
    if (!email.success) {
      return c.html(renderPage(<ConsentPage request={request} email={form.email ?? ''} emailError="Enter an email address." />), 400)
    }
    const code = newToken()
    const record: DemoCode = {
      clientId: request.clientId,
      sub: `demo-${(await sha256Hex(email.data)).slice(0, 16)}`,
      email: email.data,
      name: nameFrom(email.data),
      scopes: request.scopes,
      redirectUri: request.redirectUri,
      codeChallenge: request.codeChallenge,
      expiresAt: Date.now() + CODE_LIFETIME_SECONDS * 1000,
    }
    await putSecretRecord(c.env.LINKS, 'code', code, record, CODE_LIFETIME_SECONDS)
    return c.redirect(codeRedirect(request.redirectUri, code, request.state), 303)
  })
  .route('/', tokenEndpoint)
  .get('/oauth/userinfo', async (c) => {
    const grant = await grantFor(c, 'profile', Date.now())
    if (typeof grant === 'string') return bearerRefusal(c, grant)
    return c.json({ sub: grant.sub, email: grant.email, name: grant.name })
  })

function stringsOf(body: Record<string, unknown>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, typeof value === 'string' ? value : undefined]))
}

/** "ada.lovelace@example.com" → "Ada Lovelace" */
function nameFrom(email: string): string {
  const local = email.split('@')[0] ?? ''
  return (
    local
      .split(/[._-]+/)
      .filter(Boolean)
      .map((part) => part[0]!.toUpperCase() + part.slice(1))
      .join(' ') || 'Demo user'
  )
}
