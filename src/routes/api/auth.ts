import { Hono } from 'hono'
import { depsFor } from '../../http/deps'
import type { AppEnv } from '../../http/context'
import { clientIp } from '../../http/client-ip'
import { deviceOf, trustThisDevice } from '../../http/device-cookie'
import { clearSessionCookie, requireOwner, sessionToken, setSessionCookie } from '../../http/owner-auth'
import { validate } from '../../http/validate'
import { logIn, publicUser, publicWorkspace, signUp } from '../../services/accounts'
import { endSession, startSession } from '../../services/sessions'
import { apiTokensOf, createApiToken, revokeApiToken } from '../../services/api-tokens'
import { emailRequestSchema, loginSchema, signupSchema, tokenRequestSchema } from '../../api-schemas/auth'
import { requestPasswordReset, resendVerification } from '../../services/email-links'
import { idParam } from '../../api-schemas/common'

export const authApi = new Hono<AppEnv>()
  .post('/auth/signup', validate('json', signupSchema), async (c) => {
    await signUp(depsFor(c), c.req.valid('json'), { now: Date.now(), ip: clientIp(c) })
    return c.json({ status: 'verification_sent' as const }, 202)
  })
  .post('/auth/resend-verification', validate('json', emailRequestSchema), async (c) => {
    await resendVerification(depsFor(c), c.req.valid('json').email, { now: Date.now(), ip: clientIp(c) })
    return c.json({ status: 'verification_sent' as const }, 202)
  })
  .post('/auth/password-reset', validate('json', emailRequestSchema), async (c) => {
    await requestPasswordReset(depsFor(c), c.req.valid('json').email, { now: Date.now(), ip: clientIp(c) })
    return c.json({ status: 'reset_sent' as const }, 202)
  })
  .post('/auth/login', validate('json', loginSchema), async (c) => {
    const { db, keyring } = depsFor(c)
    const now = Date.now()
    const user = await logIn(db, c.req.valid('json'), { now, ip: clientIp(c), device: await deviceOf(c, keyring, now) })
    setSessionCookie(c, (await startSession(db, user.id, now)).token)
    await trustThisDevice(c, keyring, user.email, now)
    return c.json({ user: publicUser(user), workspace: publicWorkspace(user) })
  })
  .post('/auth/logout', async (c) => {
    const token = sessionToken(c)
    if (token) await endSession(depsFor(c).db, token)
    clearSessionCookie(c)
    return c.body(null, 204)
  })
  .post('/tokens', requireOwner, validate('json', tokenRequestSchema), async (c) => {
    const created = await createApiToken(depsFor(c).db, c.get('owner'), c.req.valid('json'), Date.now())
    c.header('Cache-Control', 'no-store')
    return c.json({ ...created.publicToken, token: created.token }, 201)
  })
  .get('/tokens', requireOwner, async (c) => c.json({ tokens: await apiTokensOf(depsFor(c).db, c.get('owner')) }))
  .delete('/tokens/:id', requireOwner, validate('param', idParam), async (c) => {
    await revokeApiToken(depsFor(c).db, c.get('owner'), c.req.valid('param').id)
    return c.body(null, 204)
  })
