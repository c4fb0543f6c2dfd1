import { Hono } from 'hono'
import { depsFor } from '../../http/deps'
import type { AppEnv } from '../../http/context'
import { clientIp } from '../../http/client-ip'
import { clearSessionCookie, requireOwner, sessionToken, setSessionCookie } from '../../http/owner-auth'
import { validate } from '../../http/validate'
import { createApiToken, endSession, logIn, publicUser, publicWorkspace, signUp, startSession } from '../../services/accounts'
import { loginSchema, signupSchema, tokenRequestSchema } from '../../api-schemas/auth'

export const authApi = new Hono<AppEnv>()
  .post('/auth/signup', validate('json', signupSchema), async (c) => {
    const db = depsFor(c).db
    const now = Date.now()
    const user = await signUp(db, c.req.valid('json'), { now, ip: clientIp(c) })
    setSessionCookie(c, (await startSession(db, user.id, now)).token)
    return c.json({ user: publicUser(user), workspace: publicWorkspace(user) }, 201)
  })
  .post('/auth/login', validate('json', loginSchema), async (c) => {
    const db = depsFor(c).db
    const now = Date.now()
    const user = await logIn(db, c.req.valid('json'), { now, ip: clientIp(c) })
    setSessionCookie(c, (await startSession(db, user.id, now)).token)
    return c.json({ user: publicUser(user), workspace: publicWorkspace(user) })
  })
  .post('/auth/logout', async (c) => {
    const token = sessionToken(c)
    if (token) await endSession(depsFor(c).db, token)
    clearSessionCookie(c)
    return c.body(null, 204)
  })
  .post('/tokens', requireOwner, validate('json', tokenRequestSchema), async (c) => {
    const token = await createApiToken(depsFor(c).db, c.get('owner').userId, c.req.valid('json').name, Date.now())
    return c.json({ token }, 201)
  })
